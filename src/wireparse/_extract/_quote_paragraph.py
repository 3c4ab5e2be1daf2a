"""One paragraph prepared for attribution, and the words and verbs read in it.

Its quotes, speech verbs, names and sentence ends are found once and then
looked up by position (bisect), so each quote's window costs little.
"""

from __future__ import annotations

import bisect
import re
from typing import Final, Literal, NamedTuple

from wireparse._extract._quote_language import _VERB_JOINERS, _WORD, _Language, _sentence_end
from wireparse._extract._quote_marks import _Span

WINDOW: Final = 300  # characters searched for an attribution on each side of a quote
_WORD_EDGE: Final = "\"'()[]{}«»“”„‘’‚‹›「」『』,.;:!?،؛…\N{EM DASH}\N{EN DASH}-"

_Kind = Literal["name", "pronoun", "role", "anaphor", "verb"]


class _Who(NamedTuple):
    """An attribution: the speaker as written (None: a verb with no speaker) and its verb.

    ``kind`` says how it resolves: a ``name`` to the fullest name, a ``pronoun``
    (or a verb with its subject built in) to the person before it, a ``role``
    ("the ministry", "a ministry official") as written or to the person named
    with that title, an ``anaphor`` (a bare role noun) and a ``verb`` with no
    speaker to the last speaker. ``titled``: a title was dropped from the name
    (in scripts without capitals, what tells a person from a body).
    """

    raw: str | None
    kind: _Kind
    verb: str | None
    at: int
    titled: bool = False


class _Hit(NamedTuple):
    start: int
    end: int
    verb: str


class _Paragraph:
    """One paragraph with its quotes, speech verbs and capitalised runs, for look-ups."""

    def __init__(
        self, number: int, text: str, spans: list[_Span], runs: list[tuple[int, int]]
    ) -> None:
        self.number = number
        self.text = text
        self.spans = spans
        self.opens = [s.open_at for s in spans]
        self.runs = runs
        self.run_starts = [r[0] for r in runs]
        self._hits: list[_Hit] | None = None
        self._hit_starts: list[int] = []
        self._sentence_ends: list[tuple[int, int]] | None = None
        self._end_starts: list[int] = []

    def inside(self, position: int) -> bool:
        """Return True when *position* is inside a quote, marks included."""
        index = bisect.bisect_right(self.opens, position) - 1
        return index >= 0 and position < self.spans[index].close_end

    def hits(self, language: _Language, lo: int, hi: int) -> list[_Hit]:
        """Return the speech verbs that start in [lo, hi), outside quotes."""
        if self._hits is None:
            self._hits = _verb_hits(self, language)
            self._hit_starts = [h.start for h in self._hits]
        first = bisect.bisect_left(self._hit_starts, lo)
        last = bisect.bisect_left(self._hit_starts, hi)
        return self._hits[first:last]

    def outside(self) -> list[tuple[int, int]]:
        """Return the stretches of the paragraph between its quotes (marks excluded)."""
        out = []
        at = 0
        for span in self.spans:
            out.append((at, span.open_at))
            at = span.close_end
        out.append((at, len(self.text)))
        return out

    def runs_in(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Return the capitalised runs inside [lo, hi), outside quotes."""
        first = bisect.bisect_left(self.run_starts, lo)
        last = bisect.bisect_left(self.run_starts, hi, first)
        if not self.spans:  # nothing quoted: no run is inside a quote
            return [r for r in self.runs[first:last] if r[1] <= hi]
        return [r for r in self.runs[first:last] if r[1] <= hi and not self.inside(r[0])]

    def span_before(self, position: int) -> int:
        """Return where the last quote closing at or before *position* ends (0 if none)."""
        index = bisect.bisect_right(self.opens, position) - 1
        while index >= 0:  # spans do not overlap: at most one step back
            if self.spans[index].close_end <= position:
                return self.spans[index].close_end
            index -= 1
        return 0

    def opens_between(self, lo: int, hi: int) -> bool:
        """Return True when a quote opens in [lo, hi)."""
        return bisect.bisect_left(self.opens, lo) != bisect.bisect_left(self.opens, hi)

    def _ends(self) -> list[tuple[int, int]]:
        """Return the sentence ends of the paragraph outside quotes, found once."""
        if self._sentence_ends is None:
            self._sentence_ends = [
                m.span() for m in _sentence_end().finditer(self.text) if not self.inside(m.start())
            ]
            self._end_starts = [start for start, _end in self._sentence_ends]
        return self._sentence_ends

    def sentence(self, open_at: int, close_end: int) -> tuple[int, int]:
        """Return the bounds of the sentence around [open_at, close_end), in the window."""
        return self.sentence_start(open_at), self.sentence_end(close_end)

    def sentence_start(self, at: int) -> int:
        """Return where the sentence holding *at* starts (no further back than the window)."""
        ends = self._ends()
        index = bisect.bisect_right(self._end_starts, at) - 1
        while index >= 0 and ends[index][1] > at:
            index -= 1  # an end whose space runs past *at* does not end an earlier sentence
        return max(0, at - WINDOW, ends[index][1] if index >= 0 else 0)

    def sentence_end(self, at: int) -> int:
        """Return where the sentence going on at *at* ends (no further than the window)."""
        ends = self._ends()
        index = bisect.bisect_left(self._end_starts, at)
        end = ends[index][1] if index < len(ends) else len(self.text)
        return min(end, at + WINDOW, len(self.text))


def _verb_hits(para: _Paragraph, language: _Language) -> list[_Hit]:
    """Return the speech verbs of a paragraph outside its quotes, in order."""
    text = para.text
    hits = []
    for start, end, verb in _verb_matches(para, language):
        if verb[:1].isupper() and not _opens_sentence(text, start):
            continue  # "United States" is no verb
        hits.append(_Hit(start, end, verb[0].lower() + verb[1:]))
    return hits


def _verb_matches(para: _Paragraph, language: _Language) -> list[tuple[int, int, str]]:
    """Return what :attr:`_Language.verb_finder` finds outside the quotes of *para*.

    The search is made only between quotes (no verb holds a quote mark, so none
    found there reaches into one), and a spaced verb starts a word: only the
    words there that open a verb (a set intersection) are looked at, each where
    it occurs; unspaced verbs are searched by their own trie. Left to right,
    longest at each place, no overlaps: what one search of the whole trie returns.
    """
    text = para.text
    if not language.exact:
        matches = language.verb_finder.finditer(text)
        return [(m.start(), m.end(), m.group()) for m in matches if not para.inside(m.start())]
    found: list[tuple[int, int, str]] = []
    for lo, hi in para.outside():
        if hi <= lo:
            continue
        _spaced_matches(text, lo, hi, language, found)
        if language.unspaced_finder is not None:
            matches = language.unspaced_finder.finditer(text, lo, hi)
            found.extend((m.start(), m.end(), m.group()) for m in matches)
    if len(found) < 2:  # noqa: PLR2004
        return found
    found.sort()
    kept = [found[0]]
    for item in found[1:]:
        if item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def _spaced_matches(
    text: str, lo: int, hi: int, language: _Language, found: list[tuple[int, int, str]]
) -> None:
    """Add the spaced verbs that start a word in [lo, hi) of *text* to *found*.

    A head that is a whole verb and opens no other is read without its pattern:
    standing as a word, it matches unless a hyphen follows.
    """
    size = len(text)
    for key in language.verb_heads.intersection(_stretch_words(text, lo, hi)):
        width = len(key)
        whole = key in language.verb_words
        pattern = None if whole else language.verb_patterns.get(key)
        if pattern is None and not whole:
            pattern = language.verb_patterns[key] = re.compile(language.verb_table[key])
        at = text.find(key, lo, hi)
        while at >= 0:
            after = at + width
            before = text[at - 1] if at else " "
            if not (_is_word(before) or before in _VERB_JOINERS) and (
                after == size or not _is_word(text[after])
            ):
                if pattern is None:
                    if after == size or text[after] != "-":
                        found.append((at, after, key))
                else:
                    match = pattern.match(text, at)
                    if match is not None:
                        found.append((at, match.end(), match.group()))
            at = text.find(key, after, hi)


def _stretch_words(text: str, lo: int, hi: int) -> list[str]:
    """Return the words of text[lo:hi] (runs of word characters), as :data:`_WORD` finds them.

    The common punctuation is turned into spaces and the rest split at white
    space, which is several times faster than the pattern; when what is left is
    not all word characters (a rarer mark, or "_"), the pattern is used after all.
    """
    part = (
        text[lo:hi]
        .replace(".", " ")
        .replace(",", " ")
        .replace("-", " ")
        .replace('"', " ")
        .replace("'", " ")
        .replace("(", " ")
        .replace(")", " ")
        .replace(":", " ")
        .replace(";", " ")
        .replace("/", " ")
        .replace("%", " ")
        .replace("$", " ")
        .replace("\N{LEFT DOUBLE QUOTATION MARK}", " ")
        .replace("\N{RIGHT DOUBLE QUOTATION MARK}", " ")
        .replace("\N{RIGHT SINGLE QUOTATION MARK}", " ")
        .replace("\N{EM DASH}", " ")
    )
    words = part.split()
    if "".join(words).isalnum():  # each is a whole run of word characters
        return words
    return _WORD.findall(text, lo, hi)


def _is_word(char: str) -> bool:
    r"""Return True for what ``\w`` matches in a str pattern."""
    return char.isalnum() or char == "_"


def _opens_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 4) : at].rstrip(" \"“„«‘'`(")
    return not before or before[-1] in ".!?:;\n"


#: What :meth:`str.split` splits at: every character :meth:`str.isspace` holds (a test checks).
_SPACES: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_NO_WORD: Final = _SPACES + _WORD_EDGE


def _no_words(text: str) -> bool:
    """Return True when :func:`_words` finds no word in *text*, without splitting it."""
    return not text.strip(_NO_WORD)


def _words(text: str) -> list[str]:
    """Split into words, without the punctuation around them."""
    return [word for raw in text.split() if (word := raw.strip(_WORD_EDGE))]
