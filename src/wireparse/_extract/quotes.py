"""Direct quotations in the body, and who said them.

1. **Marks.** Each paragraph is scanned once for quote marks (“ ” „ « » ‹ ›
   ‘ ’ ‚ 「 」 『 』, straight quotes and ANPA's ``` `` ''```), with a stack for
   nesting. Only outermost quotes are reported. An opening mark never closed
   runs to the end of its paragraph and no further; when the next paragraph
   opens a quote again, it continues the same speaker (wire style for a quote
   over several paragraphs). A stray closing mark is ignored.
2. **Attribution**, searched in a bounded window around each quote, so the
   cost stays linear: after the quote (``, Kabulov said`` / ``, said Kabulov``
   / ``" dedi.``), before it (``Kabulov said: “``), or, for a fragment quoted
   inside the reporter's sentence, the speaker of that sentence. A quote alone
   in its paragraph with no attribution continues the last speaker.
3. **Resolution.** A surname becomes the fullest name the story gives for it,
   a pronoun the person last attributed; never a name the story lacks.

Speech verbs and pronouns come from the phrase tables.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Final

import regex
from attrs import frozen

from wireparse._phrases import Lexicon, compile_lists, fold
from wireparse.models import Quote

# Opening mark -> the closing marks it accepts.
_LDQ = "\N{LEFT DOUBLE QUOTATION MARK}"
_RDQ = "\N{RIGHT DOUBLE QUOTATION MARK}"
_LSQ = "\N{LEFT SINGLE QUOTATION MARK}"
_RSQ = "\N{RIGHT SINGLE QUOTATION MARK}"
_LDA = "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
_RDA = "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
_LSA = "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}"
_RSA = "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"
PAIRS: Final[dict[str, str]] = {
    _LDQ: _RDQ,
    "\N{DOUBLE LOW-9 QUOTATION MARK}": _LDQ + _RDQ,
    _LDA: _RDA,
    _LSA: _RSA,
    _LSQ: _RSQ,
    "\N{SINGLE LOW-9 QUOTATION MARK}": _LSQ + _RSQ,
    "\N{LEFT CORNER BRACKET}": "\N{RIGHT CORNER BRACKET}",
    "\N{LEFT WHITE CORNER BRACKET}": "\N{RIGHT WHITE CORNER BRACKET}",
    '"': '"',
    "``": "''",
}
_SINGLE_CLOSERS: Final = _RSQ + _LSQ
_MARK: Final = regex.compile(
    r"``|''|[\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    r"\N{DOUBLE LOW-9 QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    r"\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}"
    r"\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
    r"\N{RIGHT SINGLE QUOTATION MARK}\N{SINGLE LOW-9 QUOTATION MARK}\N{LEFT CORNER BRACKET}"
    r"\N{RIGHT CORNER BRACKET}\N{LEFT WHITE CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}]"
)
_CLOSERS: Final = frozenset("".join(PAIRS.values())) | {"''"}
WINDOW: Final = 300  # characters searched for an attribution on each side of a quote
_SENTENCE_END: Final = regex.compile(r"[.!?][\"”’»)]*+\s++(?=[\p{Lu}\p{Lo}\"“„«‘(])")
_NAME: Final = (
    r"\p{Lu}[\p{L}\p{M}'’\-]*+"
    r"(?:[ ](?:\p{Lu}[\p{L}\p{M}'’\-]*+|(?:de|da|van|von|bin|al|el|der|la|le)(?=[ ]\p{Lu})))*+"
)
_PERSON: Final = regex.compile(
    r"(?<![\p{L}\p{M}])\p{Lu}[\p{Ll}\p{M}'’\-]++(?:[ ](?:de|da|van|von|bin|al|el|der|la|le))?"
    r"(?:[ ]\p{Lu}[\p{Ll}\p{M}'’\-]*+){1,3}+"
)


@frozen
class _Span:
    open_at: int  # index of the opening mark
    start: int  # start of the quoted text
    end: int  # end of the quoted text
    close_end: int  # index after the closing mark (== end when unclosed)
    closed: bool


def _is_word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum())


def find_spans(paragraph: str) -> list[_Span]:
    """Return the outermost quotations of *paragraph*, in order.

    >>> [(s.start, s.end) for s in find_spans("He said “no” today.")]
    [(9, 11)]
    """
    spans: list[_Span] = []
    stack: list[tuple[str, int, int]] = []  # (opener, mark start, text start)
    for match in _MARK.finditer(paragraph):
        mark, at, after = match.group(), match.start(), match.end()
        if stack and _closes(stack[-1][0], mark, paragraph, at, after):
            _opener, open_at, text_start = stack.pop()
            if not stack:
                spans.append(_Span(open_at, text_start, at, after, closed=True))
            continue
        if mark in PAIRS and _opens(mark, paragraph, at, after):
            stack.append((mark, at, after))
    if stack:
        _opener, open_at, text_start = stack[0]
        spans.append(_Span(open_at, text_start, len(paragraph), len(paragraph), closed=False))
    return spans


def _closes(opener: str, mark: str, text: str, at: int, after: int) -> bool:
    if mark not in PAIRS.get(opener, "") and not (opener == "``" and mark == "''"):
        return False
    if mark in _SINGLE_CLOSERS and _is_word_char(text, after):
        return False  # an apostrophe inside a word: don't
    # a straight quote opening a new word opens, it does not close
    return not (mark == '"' and _is_word_char(text, after) and not _is_word_char(text, at - 1))


def _opens(mark: str, text: str, at: int, after: int) -> bool:
    if mark not in ('"', _LSQ, "\N{SINGLE LOW-9 QUOTATION MARK}"):
        return True
    return not _is_word_char(text, at - 1) and after < len(text) and not text[after].isspace()


@frozen
class _Attribution:
    speaker: str
    verb: str | None
    at: int  # where the speaker stands in the paragraph


class _Patterns:
    """The attribution patterns, compiled from the phrase tables once."""

    def __init__(self, lexicon: Lexicon) -> None:
        verbs = sorted(lexicon.lists.get("speech_verbs", ()), key=len, reverse=True)
        pronouns = list(lexicon.lists.get("pronouns", ()))
        self.pronouns = frozenset(fold(p) for p in pronouns)
        lists = {"verbs": verbs or ["said"], "pronouns": pronouns or ["he"]}
        pronoun = r"(?i:\L<pronouns>)(?![\p{L}\p{M}])"
        organisation = r"the[ ]\p{Ll}++(?:[ ]\p{Ll}++)?"
        speaker = rf"(?P<speaker>{pronoun}|{_NAME}|{organisation})"
        verb = r"(?P<verb>\L<verbs>)(?![\p{L}\p{M}])"
        titles = r"(?:\p{Ll}[\p{L}\-]*+\s++){0,3}?"
        # after a closing mark: ', Kabulov said' / ', said Kabulov' / '" dedi.'
        self.after = compile_lists(
            rf"^[,;]?\s*+(?:{speaker}\s++(?:\p{{Ll}}++\s++)?{verb}"
            rf"|{verb}\s++{titles}(?P<speaker2>{_NAME}|{pronoun})"
            r"|(?P<verb_only>\L<verbs>)(?![\p{L}\p{M}]))",
            lists,
        )
        # anywhere in a sentence: 'Kabulov said', 'Leonid Slutsky, leader of X, told',
        # 'according to X'
        apposition = rf"(?:,[^,\"{_LDQ}{_RDQ}{_LDA}{_RDA}]{{1,120}}+,)?"
        self.frame = compile_lists(
            rf"(?<![\p{{L}}\p{{M}}]){speaker}{apposition}\s++(?:\p{{Ll}}++\s++)?{verb}"
            rf"|(?i:according[ ]to)[ ](?P<speaker2>{_NAME})",
            lists,
        )


@functools.lru_cache(maxsize=8)
def _patterns(lexicon: Lexicon) -> _Patterns:
    return _Patterns(lexicon)


class _Resolver:
    """Maps speakers as written to the fullest names the story gives."""

    def __init__(self, texts: Sequence[str], pronouns: frozenset[str]) -> None:
        self.pronouns = pronouns
        self.full: dict[str, str] = {}
        for text in texts:
            for match in _PERSON.finditer(text):
                name = match.group()
                surname = fold(name.rsplit(" ", 1)[-1])
                if len(name) > len(self.full.get(surname, "")):
                    self.full[surname] = name
        self.last: str | None = None

    def resolve(self, raw: str) -> str | None:
        key = fold(raw)
        if key in self.pronouns:
            return self.last
        if raw.startswith("the "):
            return raw
        surname = fold(raw.rsplit(" ", 1)[-1])
        full = self.full.get(surname)
        if full is not None and fold(full).endswith(key):
            self.last = full  # a person the story names: pronouns may refer to them
            return full
        if " " in raw:
            self.last = raw
        return raw


def _attribution(match: regex.Match[str], base: int) -> _Attribution | None:
    groups = match.groupdict()
    speaker = groups.get("speaker") or groups.get("speaker2")
    verb = groups.get("verb") or groups.get("verb_only")
    if speaker is None:
        return None
    key = "speaker" if groups.get("speaker") else "speaker2"
    return _Attribution(speaker=speaker, verb=verb, at=base + match.start(key))


def _sentence_bounds(paragraph: str, spans: list[_Span], index: int) -> tuple[int, int]:
    span = spans[index]
    lo = max(0, span.open_at - WINDOW)
    start = lo
    for match in _SENTENCE_END.finditer(paragraph, lo, span.open_at):
        if not any(s.open_at < match.start() < s.close_end for s in spans):
            start = match.end()
    hi = min(len(paragraph), span.close_end + WINDOW)
    end = hi
    for match in _SENTENCE_END.finditer(paragraph, span.close_end, hi):
        if not any(s.open_at < match.start() < s.close_end for s in spans):
            end = match.end()
            break
    return start, end


def extract_quotes(
    paragraphs: Sequence[str], context: Sequence[str], lexicon: Lexicon
) -> tuple[Quote, ...]:
    """Return every direct quotation in *paragraphs*, with speakers resolved.

    *context* holds the other text of the story (headline, standfirst) in which
    full names may be given.
    """
    patterns = _patterns(lexicon)
    resolver = _Resolver((*context, *paragraphs), patterns.pronouns)
    quotes: list[Quote] = []
    carried: str | None = None  # speaker of an unclosed quote, continued next paragraph
    carried_raw: str | None = None
    for number, paragraph in enumerate(paragraphs):
        spans = find_spans(paragraph)
        if not spans:
            _track(paragraph, patterns, resolver)
            carried = None
            continue
        for index, span in enumerate(spans):
            raw: str | None
            found = _attribute(paragraph, spans, index, patterns)
            partial = _is_partial(paragraph, spans, index)
            if found is not None:
                raw, verb = found.speaker, found.verb
                speaker = resolver.resolve(raw)
            elif index == 0 and span.open_at == 0 and carried is not None:
                raw, verb, speaker = carried_raw, None, carried
            elif not partial and index == 0 and _alone(paragraph, span):
                raw, verb, speaker = None, None, resolver.last
            else:
                raw, verb, speaker = None, None, None
            start, end = _trim(paragraph, span)
            quotes.append(
                Quote(
                    text=paragraph[start:end],
                    speaker=speaker,
                    speaker_raw=raw,
                    verb=verb,
                    paragraph=number,
                    start=start,
                    end=end,
                    partial=partial,
                )
            )
            if speaker is not None and not partial:
                resolver.last = speaker
        last = spans[-1]
        carried, carried_raw = (
            (quotes[-1].speaker, quotes[-1].speaker_raw) if not last.closed else (None, None)
        )
    return tuple(q for q in quotes if q.text)


def _track(paragraph: str, patterns: _Patterns, resolver: _Resolver) -> None:
    """Note who speaks in a paragraph without quotes (indirect speech), for pronouns."""
    for match in patterns.frame.finditer(paragraph):
        found = _attribution(match, 0)
        if found is not None and fold(found.speaker) not in patterns.pronouns:
            resolver.resolve(found.speaker)


def _attribute(
    paragraph: str, spans: list[_Span], index: int, patterns: _Patterns
) -> _Attribution | None:
    span = spans[index]
    after = paragraph[span.close_end : span.close_end + WINDOW]
    if span.closed:
        match = patterns.after.match(after)
        if match is not None:
            found = _attribution(match, span.close_end)
            if found is not None:
                return found
            # a verb with no speaker after the quote ('"..." dedi.'): the sentence's subject
    start, end = _sentence_bounds(paragraph, spans, index)
    best: _Attribution | None = None
    for match in patterns.frame.finditer(paragraph, start, span.open_at):
        if _inside(match.start(), spans):
            continue
        best = _attribution(match, 0) or best
    if best is not None:
        return best
    for match in patterns.frame.finditer(paragraph, span.close_end, end):
        if not _inside(match.start(), spans):
            return _attribution(match, 0)
    return None


def _inside(position: int, spans: list[_Span]) -> bool:
    return any(s.open_at <= position < s.close_end for s in spans)


def _is_partial(paragraph: str, spans: list[_Span], index: int) -> bool:
    """Return True unless the quote opens its sentence (or follows "said:" / "said,")."""
    span = spans[index]
    start, _end = _sentence_bounds(paragraph, spans, index)
    lead = paragraph[start : span.open_at].rstrip()
    if not lead:
        return False
    opens_sentence = span.start < len(paragraph) and paragraph[span.start].isupper()
    return not (lead.endswith((":", ",")) and opens_sentence)


def _alone(paragraph: str, span: _Span) -> bool:
    return span.open_at == 0 and not paragraph[span.close_end :].strip(" .,;")


def _trim(paragraph: str, span: _Span) -> tuple[int, int]:
    start, end = span.start, span.end
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and (paragraph[end - 1].isspace() or paragraph[end - 1] in ",;"):
        end -= 1
    return start, end
