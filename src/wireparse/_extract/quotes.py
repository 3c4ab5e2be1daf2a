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
    speaker: str | None  # None: a verb with no subject ('"..." dedi.'), the last speaker's
    verb: str | None
    at: int  # where the speaker stands in the paragraph


def _name_pattern(particles: Sequence[str]) -> str:
    """Return the pattern of a name as wire copy writes it: capitals, initials, particles.

    "Zamir Kabulov", "Mette Ø. Kjærgaard", "Marieke van den Berg", "al-Jubouri",
    "U.S. District Judge Patricia Nwosu", "St. Clair-Hughes".
    """
    word = r"\p{Lu}[\p{L}\p{M}'\N{RIGHT SINGLE QUOTATION MARK}\-]*+"
    short = r"(?:\p{Lu}\.(?:\p{Lu}\.)*+|\p{Lu}\p{Ll}{0,2}+\.)(?=[ ]\p{Lu})"
    prefixed = r"(?:al|el|Al|El)-\p{Lu}[\p{L}\p{M}'\-]*+"
    particle = r"(?:\L<particles>)[ ](?=\p{Lu}|(?:\L<particles>)[ ])" if particles else "(?!)"
    unit = rf"(?:{short}|{prefixed}|{word})"
    return rf"(?:{unit}(?:[ ](?:{particle})*+{unit})*+)"


class _Patterns:
    """The attribution patterns, compiled from the phrase tables once."""

    def __init__(self, lexicon: Lexicon, languages: tuple[str, ...] | None) -> None:
        verbs = sorted(lexicon.phrases("speech_verbs", languages), key=len, reverse=True)
        pronouns = list(lexicon.phrases("pronouns", languages))
        particles = sorted(lexicon.lists.get("name_particles", ()), key=len, reverse=True)
        self.pronouns = frozenset(fold(p) for p in pronouns)
        self.function_words = frozenset(lexicon.function_words)
        lists = {"verbs": verbs or ["said"], "pronouns": pronouns or ["he"]}
        if particles:
            lists["particles"] = particles
        name = _name_pattern(particles)
        pronoun = r"(?i:\L<pronouns>)(?![\p{L}\p{M}])"
        # "the ministry", "the group's chairwoman": an organisation or a role
        organisation = r"[Tt]he[ ][\p{Ll}'\N{RIGHT SINGLE QUOTATION MARK}\-]++(?:[ ]\p{Ll}++){0,2}"
        speaker = rf"(?P<speaker>{pronoun}|{name}|{organisation})"
        verb = r"(?P<verb>\L<verbs>)(?![\p{L}\p{M}])"
        titles = r"(?:\p{Ll}[\p{L}\p{M}'\N{RIGHT SINGLE QUOTATION MARK}\-]*+,?\s++){0,4}?"
        # "said the chairman of the board, Jane Doe" / "sagte der Vorsitzende, Bischof X"
        described = rf"[^,.;:!?\"{_LDQ}{_RDQ}{_LDA}{_RDA}\n]{{1,80}}?"
        # after a closing mark: ', Kabulov said' / ', said Kabulov' / '" dedi.'
        self.after = compile_lists(
            rf"[,;.]?\s*+(?:{speaker}\s++(?:\p{{Ll}}++\s++)?{verb}"
            rf"|{verb}\s++{described},[ ](?P<appos>{name})(?![\p{{L}}\p{{M}}])"
            rf"|{verb}\s++{titles}(?P<speaker2>{name}|{pronoun})"
            r"|(?P<verb_only>\L<verbs>)(?![\p{L}\p{M}]))",
            lists,
        )
        # anywhere in a sentence: 'Kabulov said', 'Leonid Slutsky, leader of X, told',
        # 'according to X'
        # ", leader of X," or ", Jean-Yves Kerhervé," between the speaker and the verb
        apposition = rf"(?:,[ ]*+(?P<appos>[^,\"{_LDQ}{_RDQ}{_LDA}{_RDA}]{{1,120}}+),)?"
        self.frame = compile_lists(
            rf"(?<![\p{{L}}\p{{M}}]){speaker}{apposition}\s++(?:\p{{Ll}}++\s++)?{verb}"
            rf"|(?i:according[ ]to)[ ](?P<speaker2>{name})",
            lists,
        )
        # the subject opening a sentence: 'Bakan Arıkan, "..." dedi.', 'Al-Jubouri described'
        self.subject = compile_lists(
            rf"\s*+(?P<speaker>{name})(?=,|\s++\p{{Ll}})",
            {key: value for key, value in lists.items() if key == "particles"},
        )
        self.person = compile_lists(
            rf"(?<![\p{{L}}\p{{M}}]){name}",
            {key: value for key, value in lists.items() if key == "particles"},
        )


@functools.lru_cache(maxsize=64)
def _patterns(lexicon: Lexicon, language: str | None) -> _Patterns:
    """Return the patterns for a story in *language*: its own verbs and pronouns only.

    A story in no known language gets every language's (slower, larger patterns).
    """
    languages = (language,) if language in lexicon.tables else None
    return _Patterns(lexicon, languages)


class _Resolver:
    """Maps speakers as written to the fullest names the story gives."""

    def __init__(self, texts: Sequence[str], patterns: _Patterns) -> None:
        self.patterns = patterns
        self.full: dict[str, str] = {}
        for text in texts:
            for match in patterns.person.finditer(text):
                name = self._trim(match.group())
                if " " not in name:
                    continue
                surname = fold(name.rsplit(" ", 1)[-1])
                if len(name) > len(self.full.get(surname, "")):
                    self.full[surname] = name
        self._last: str | None = None
        self._pending: list[str] = []  # paragraphs without quotes, read only when needed

    @property
    def last(self) -> str | None:
        """The person last attributed (indirect speech in skipped paragraphs included)."""
        if self._pending:
            pending, self._pending = self._pending, []
            for paragraph in pending:
                _track(paragraph, self.patterns, self)
        return self._last

    @last.setter
    def last(self, value: str | None) -> None:
        self._last = value
        self._pending = []  # older paragraphs cannot change who spoke last now

    def defer(self, paragraph: str) -> None:
        """Keep a paragraph without quotes, to read for speakers if a pronoun needs it."""
        self._pending.append(paragraph)

    def _trim(self, name: str) -> str:
        """Drop function words a sentence opens with ("The", "In") from a name."""
        words = name.split(" ")
        while len(words) > 1 and fold(words[0]) in self.patterns.function_words:
            words.pop(0)
        return " ".join(words)

    def is_person(self, name: str) -> bool:
        """Return True for a name the story gives as a person's (two words, or a known surname)."""
        name = self._trim(name)
        if fold(name) in self.patterns.function_words:
            return False
        return " " in name or fold(name) in self.full

    def resolve(self, raw: str, *, quoted: bool = True) -> str | None:
        """Return the fullest name for *raw*, and remember who spoke last.

        A one-word name the story gives nowhere in full ("Zulkifli") becomes the
        last speaker only when it is attributed a quote (*quoted*): in indirect
        speech it is as likely a place ("Moscow and Kabul continued").
        """
        key = fold(raw)
        if key in self.patterns.pronouns:
            return self.last
        if raw.startswith(("the ", "The ")):
            return raw
        raw = self._trim(raw)
        surname = fold(raw.rsplit(" ", 1)[-1])
        full = self.full.get(surname)
        if full is not None and fold(full).endswith(fold(raw)):
            self.last = full  # a person the story names: pronouns may refer to them
            return full
        if " " in raw or (quoted and fold(raw) not in self.patterns.function_words):
            self.last = raw
        return raw


def _attribution(match: regex.Match[str], base: int, patterns: _Patterns) -> _Attribution | None:
    """Read the speaker and verb a pattern matched.

    A name in apposition is the speaker: in "the mayor of Douarnenez, Jean-Yves
    Kerhervé, said" it is Kerhervé, not Douarnenez.
    """
    groups = match.groupdict()
    verb = groups.get("verb") or groups.get("verb_only")
    appos = groups.get("appos")
    if appos and patterns.person.fullmatch(appos.strip()):
        return _Attribution(speaker=appos.strip(), verb=verb, at=base + match.start("appos"))
    speaker = groups.get("speaker") or groups.get("speaker2")
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
    paragraphs: Sequence[str],
    context: Sequence[str],
    lexicon: Lexicon,
    language: str | None = None,
) -> tuple[Quote, ...]:
    """Return every direct quotation in *paragraphs*, with speakers resolved.

    *context* holds the other text of the story (headline, standfirst) in which
    full names may be given; *language* chooses the speech verbs and pronouns.
    """
    patterns = _patterns(lexicon, language)
    resolver = _Resolver((*context, *paragraphs), patterns)
    quotes: list[Quote] = []
    carried: str | None = None  # speaker of an unclosed quote, continued next paragraph
    carried_raw: str | None = None
    for number, paragraph in enumerate(paragraphs):
        spans = find_spans(paragraph)
        if not spans:
            resolver.defer(paragraph)
            carried = None
            continue
        for index, span in enumerate(spans):
            raw: str | None
            found = _attribute(paragraph, spans, index, patterns, resolver)
            partial = _is_partial(paragraph, spans, index)
            if found is not None and found.speaker is not None:
                raw, verb = found.speaker, found.verb
                speaker = resolver.resolve(raw)
            elif found is not None:
                raw, verb, speaker = None, found.verb, resolver.last
            elif index == 0 and span.open_at == 0 and carried is not None:
                raw, verb, speaker = carried_raw, None, carried
            elif index > 0 and not partial and quotes and quotes[-1].paragraph == number:
                # "…," she said. "…" — the paragraph's speaker goes on
                raw, verb, speaker = quotes[-1].speaker_raw, None, quotes[-1].speaker
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
        found = _attribution(match, 0, patterns)
        if found is not None and found.speaker and fold(found.speaker) not in patterns.pronouns:
            resolver.resolve(found.speaker, quoted=False)


def _attribute(
    paragraph: str, spans: list[_Span], index: int, patterns: _Patterns, resolver: _Resolver
) -> _Attribution | None:
    """Find who said quote *index*: after it, in its sentence, or the sentence's subject."""
    span = spans[index]
    verb_only: str | None = None
    if span.closed:
        match = patterns.after.match(paragraph, span.close_end, span.close_end + WINDOW)
        if match is not None:
            found = _attribution(match, 0, patterns)
            if found is not None:
                return found
            verb_only = match.group("verb_only")
    start, end = _sentence_bounds(paragraph, spans, index)
    found = _framed(paragraph, spans, index, patterns, (start, end))
    if found is not None:
        return found
    subject = patterns.subject.match(paragraph, start, span.open_at)
    if subject is not None and resolver.is_person(subject.group("speaker")):
        return _Attribution(speaker=subject.group("speaker"), verb=verb_only, at=subject.start())
    if verb_only is not None:
        return _Attribution(speaker=None, verb=verb_only, at=span.close_end)
    return None


def _framed(
    paragraph: str,
    spans: list[_Span],
    index: int,
    patterns: _Patterns,
    sentence: tuple[int, int],
) -> _Attribution | None:
    """Return the speech frame nearest before the quote in its sentence, else the first after."""
    span = spans[index]
    best: _Attribution | None = None
    for match in patterns.frame.finditer(paragraph, sentence[0], span.open_at):
        if not _inside(match.start(), spans):
            best = _attribution(match, 0, patterns) or best
    if best is not None:
        return best
    for match in patterns.frame.finditer(paragraph, span.close_end, sentence[1]):
        if not _inside(match.start(), spans):
            return _attribution(match, 0, patterns)
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
