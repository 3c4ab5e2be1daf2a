"""Direct quotations in the body, and who said them.

1. **Marks.** Each paragraph is scanned once for quote marks (“ ” „ « » ‹ ›
   ‘ ’ ‚ 「 」 『 』, straight quotes and ANPA's ``` `` ''```), with a stack for
   nesting. Only outermost quotes are reported. An opening mark never closed
   runs to the end of its paragraph and no further; when the next paragraph
   opens a quote again, it continues the same speaker (wire style for a quote
   over several paragraphs). A stray closing mark is ignored.
2. **Attribution**, searched in a bounded window around each quote (never past
   :data:`WINDOW` characters nor the quote's sentence), so the cost stays
   linear. Speech verbs come from the story's phrase table.

   - After the closing mark: the speaker before the verb (``, Kabulov said``,
     ``, the Court of Justice of the European Union said``), after it
     (``, said Kabulov``, ``», - заявил вице-губернатор региона Олег Клименко``,
     ``, ha afirmado la secretaria de Estado, Lucía Ferrer``), or a verb with
     no speaker (``" dedi.``, ``," katanya``, ``」としている``).
   - Before it, in the quote's sentence: ``Kabulov said: “``, ``何文斌说``,
     ``وقال وزير الخارجية أحمد علي: "``; else the sentence's subject: a name
     opening it (``Bakan Arıkan, "…" dedi.``) or, in Japanese and Korean, the
     word its subject particle marks (``Xは「…」と述べた``,
     ``X 장관은 "…"고 말했다``).

   A name in apposition to a description is the speaker ("the mayor of
   Douarnenez, Jean-Yves Kerhervé, said"); a news agency ("told Reuters",
   "a réagi auprès de l'AFP") never is; titles from the phrase tables are
   dropped ("U.S. District Judge Patricia Nwosu" is "Patricia Nwosu").
   Scripts without capitals have no capitalised names: there a name is a run
   of the script's letters next to the frame (Japanese kana are grammar).
3. **Resolution.** A surname, or any part of a name, becomes the fullest name
   the story gives for it; never a name the story lacks. A pronoun is the
   person who opens an earlier sentence of its paragraph, else the person last
   attributed (direct or indirect speech), else the person last named. A verb
   with no speaker, and a bare role noun ("— сказал синоптик"), go to the last
   speaker. A quote with no attribution alone in its paragraph, after another
   quote of the paragraph, or opening a later sentence of it ("Smith said the
   plan was sound. “We are ready.”"), continues the last speaker: the person
   opening an earlier sentence of the paragraph, else who spoke last.

The steps live in their own modules: marks and spans in ``_quote_marks``, what
a language's phrase tables give in ``_quote_language``, a paragraph's verbs and
words in ``_quote_paragraph``, attribution in ``_quote_attribution`` and
resolution in ``_quote_story``; this module runs the stage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from wireparse._extract._quote_attribution import _attribute, _lead
from wireparse._extract._quote_language import _Language, _language
from wireparse._extract._quote_marks import (
    PAIRS,
    _alone,
    _Span,
    _trim,
    find_all_spans,
    find_spans,
)
from wireparse._extract._quote_paragraph import _Paragraph
from wireparse._extract._quote_story import _Story
from wireparse._extract.byline import _agency_names
from wireparse._phrases import Lexicon
from wireparse._trusted import trusted
from wireparse.models import Quote

# the stage's names, imported from here by the pipeline and the tests
__all__ = ["extract_quotes", "find_spans"]

# --- the stage ---------------------------------------------------------------------------------


def extract_quotes(
    paragraphs: Sequence[str],
    context: Sequence[str],
    lexicon: Lexicon,
    language: str | None = None,
) -> tuple[Quote, ...]:
    """Return every direct quotation in *paragraphs*, with speakers resolved.

    *context* holds the other text of the story (headline, standfirst) in which
    full names may be given; *language* chooses the speech verbs and pronouns.
    When its verbs attribute none of the quotes while another table's verb
    follows a closing mark, the language was told wrong: every table's are used.
    """
    found = find_all_spans(paragraphs)
    if not any(found):
        return ()
    found = _close_in_next(paragraphs, found)
    tools = _language(lexicon, language)
    all_spans = _split_interrupted(paragraphs, found, tools)
    quotes = _read(paragraphs, all_spans, _Story(context, paragraphs, tools, _agency_names()))
    if all(q.speaker is None for q in quotes):
        every = _language(lexicon, None)
        foreign = every is not tools and _foreign_frame(paragraphs, all_spans, every)
        if foreign and not _foreign_frame(paragraphs, all_spans, tools):
            all_spans = _split_interrupted(paragraphs, found, every)
            story = _Story(context, paragraphs, every, _agency_names())
            quotes = _read(paragraphs, all_spans, story)
    return tuple(q for q in quotes if q.text)


def _close_in_next(paragraphs: Sequence[str], all_spans: list[list[_Span]]) -> list[list[_Span]]:
    """Continue a quotation left open into the next paragraph when it closes there.

    Russian copy opens a quotation over several paragraphs once («…¶…», — добавила
    она): a paragraph whose first mark closes the open one quotes up to that mark.
    Straight quotes, which open and close alike, are left as they are.
    """
    for number in range(len(paragraphs) - 1):
        spans = all_spans[number]
        if not spans or spans[-1].closed:
            continue
        text = paragraphs[number]
        closers = PAIRS.get(text[spans[-1].open_at], "")
        if not closers or closers == text[spans[-1].open_at]:
            continue
        following = paragraphs[number + 1]
        after = all_spans[number + 1]
        limit = after[0].open_at if after else len(following)
        at = min((i for i in (following.find(c, 0, limit) for c in closers) if i >= 0), default=-1)
        if at > 0:
            all_spans[number + 1] = [_Span(0, 0, at, at + 1, closed=True), *all_spans[number + 1]]
    return all_spans


_DASHES: Final = "\N{EM DASH}\N{EN DASH}"
# the reporter's words inside a quotation, set off by dashes: «…, — сказала она. — …»
_INTERRUPTION: Final = re.compile(
    rf"([,.!?\N{{HORIZONTAL ELLIPSIS}}])[ ]++[{_DASHES}][ ]++"
    rf"([^{_DASHES}\n]{{1,80}}?)[.,][ ]++([{_DASHES}])[ ]++"
)


def _split_interrupted(
    paragraphs: Sequence[str], all_spans: Sequence[list[_Span]], tools: _Language
) -> list[list[_Span]]:
    """Split quotations the reporter's words interrupt: «A, — сказала она. — B» is two quotes.

    Russian and Ukrainian copy sets the attribution inside one pair of marks,
    between dashes; it is taken for one only when a speech verb stands in it.
    The first part ends at its comma (its attribution is read after it, as after
    a closing mark); the second opens at the second dash and continues the first's
    speaker.
    """
    out: list[list[_Span]] = []
    for text, spans in zip(paragraphs, all_spans, strict=True):
        if not spans or not any(dash in text for dash in _DASHES):
            out.append(spans)
            continue
        parts: list[_Span] = []
        for span in spans:
            rest = span
            for match in _INTERRUPTION.finditer(text, span.start, span.end):
                if tools.verb_finder.search(text, match.start(2), match.end(2)) is None:
                    continue
                stop = match.end(1)
                parts.append(_Span(rest.open_at, rest.start, stop, stop, closed=True))
                rest = _Span(match.start(3), match.end(), span.end, span.close_end, span.closed)
            parts.append(rest)
        out.append(parts)
    return out


def _foreign_frame(
    paragraphs: Sequence[str], all_spans: Sequence[list[_Span]], tools: _Language
) -> bool:
    """Return True when a speech verb of *tools* follows a closing mark (looked at there only)."""
    for text, spans in zip(paragraphs, all_spans, strict=True):
        for span in spans:
            lead = _lead().match(text, span.close_end, span.close_end + 8) if span.closed else None
            if lead is not None and tools.verb_finder.match(text, lead.end()):
                return True
    return False


def _read(
    paragraphs: Sequence[str], all_spans: Sequence[list[_Span]], story: _Story
) -> list[Quote]:
    """Return the quotes of every paragraph, attributed with *story*'s tools."""
    quotes: list[Quote] = []
    carried: Quote | None = None  # an unclosed quote, continued next paragraph
    for number, (text, spans) in enumerate(zip(paragraphs, all_spans, strict=True)):
        if not spans:
            story.defer(number)
            carried = None
            continue
        para = story.current = _Paragraph(number, text, spans, story.runs[number])
        for index, span in enumerate(spans):
            if not text[span.start : span.end].strip(" ,;"):
                continue  # nothing quoted: "" or “ ”
            bounds = para.sentence(span.open_at, span.close_end)
            partial = _is_partial(story, para, index, bounds)
            raw, verb, speaker = _speaker(story, para, index, bounds, partial=partial)
            if raw is None and speaker is None and verb is None:
                previous = quotes[-1] if quotes and quotes[-1].paragraph == number else None
                if index == 0 and span.open_at == 0 and carried is not None:
                    raw, speaker = carried.speaker_raw, carried.speaker
                elif index > 0 and not partial and previous is not None:
                    # "…," she said. "…": the paragraph's speaker goes on
                    raw, speaker = previous.speaker_raw, previous.speaker
                elif not partial and index == 0 and (_alone(text, span) or bounds[0] > 0):
                    # alone in its paragraph, or a sentence of its own after the paragraph's
                    # first, as when indirect speech comes before it
                    speaker = story.previous(number, bounds[0], speaker=True)
            start, end = _trim(text, span)
            quote = trusted(
                Quote,
                text=text[start:end],
                speaker=speaker,
                speaker_raw=raw,
                verb=verb,
                paragraph=number,
                start=start,
                end=end,
                partial=partial,
            )
            quotes.append(quote)
            if speaker is not None and not partial:
                story.last_speaker = speaker
        last = quotes[-1] if quotes and quotes[-1].paragraph == number else None
        carried = last if last is not None and not spans[-1].closed else None
    return quotes


def _speaker(
    story: _Story, para: _Paragraph, index: int, bounds: tuple[int, int], *, partial: bool
) -> tuple[str | None, str | None, str | None]:
    """Return the attribution of quote *index*: speaker as written, verb, resolved speaker."""
    found = _attribute(story, para, para.spans[index], bounds)
    if found is None:
        return None, None, None
    speaker = story.resolve(found, para.number, bounds[0], quoted=not partial)
    return found.raw, found.verb, speaker


def _is_partial(story: _Story, para: _Paragraph, index: int, bounds: tuple[int, int]) -> bool:
    """Return True for a fragment quoted inside the reporter's own sentence.

    A quote that opens its sentence, follows "said:" (or "said," and opens with a
    capital, or continues an earlier quote of the sentence), or is followed
    straight away by its speech verb (``"…" dedi``, ``「…」と述べた``) is whole.
    """
    text = para.text
    span = para.spans[index]
    if text[span.open_at] in _DASHES:
        return False  # the rest of a quotation the reporter's words interrupted
    lead = text[bounds[0] : span.open_at].rstrip()
    if not lead or lead.endswith((":", "\N{FULLWIDTH COLON}")):
        return False
    if lead.endswith((",", "\N{FULLWIDTH COMMA}")):
        opens_upper = not text[span.start : span.start + 1].islower()
        if opens_upper or (index > 0 and para.spans[index - 1].close_end > bounds[0]):
            return False
    if span.closed:
        rest = text[span.close_end : span.close_end + 8]
        after = span.close_end + len(rest) - len(rest.lstrip())
        if para.hits(story.language, after, after + 1):
            return False
    return True
