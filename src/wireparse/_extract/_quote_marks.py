"""Quote marks: which open, which close, and the quotations they enclose.

Step 1 of :mod:`wireparse._extract.quotes`; see there for the rules.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import accumulate
from operator import add
from typing import Final, NamedTuple

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
# Every character a mark starts with; a lone ` or ' is none (ANPA doubles them: `` '').
_MARK: Final = re.compile(
    r"[`'\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    r"\N{DOUBLE LOW-9 QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    r"\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}"
    r"\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
    r"\N{RIGHT SINGLE QUOTATION MARK}\N{SINGLE LOW-9 QUOTATION MARK}\N{LEFT CORNER BRACKET}"
    r"\N{RIGHT CORNER BRACKET}\N{LEFT WHITE CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}]"
)
_DOUBLED: Final = "`'"
#: The same without ` and ': a '' closes only a ``, so where no `` opens neither counts.
_MARK_UNDOUBLED: Final = re.compile(_MARK.pattern.replace("[`'", "[", 1))
#: The characters of each pattern, for :func:`_places`.
_MARK_CHARS: Final = tuple(dict.fromkeys("`'\"" + "".join(PAIRS) + "".join(PAIRS.values())))
_UNDOUBLED_CHARS: Final = tuple(c for c in _MARK_CHARS if c not in _DOUBLED)
_CLOSERS: Final = frozenset("".join(PAIRS.values())) | {"''"}
_OPENING_MARKS: Final = frozenset(PAIRS) | {"`"}
#: The characters an opening mark starts with: a paragraph without one holds no quotation.
_OPENING_CHARS: Final = frozenset(mark[0] for mark in PAIRS)


class _Span(NamedTuple):  # a tuple: built for every quote, cheaper than an attrs class
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
    return _spans(paragraph, _places(paragraph))


def find_all_spans(paragraphs: Sequence[str]) -> list[list[_Span]]:
    """Return :func:`find_spans` of each paragraph, from one search of them all.

    The paragraphs are searched joined by line breaks, which no mark spans. Only
    a paragraph holding a mark that may open a quotation can hold one (an
    apostrophe or a closing mark alone opens nothing), so only those are read;
    most paragraphs are passed over without a step of their own. Doubled single
    quotes are looked for in every paragraph when one of them has doubled
    backticks: where none opens, they close nothing.
    """
    out: list[list[_Span]] = [[] for _ in paragraphs]
    joined = "\n".join(paragraphs)
    found = _places(joined)
    if not found:
        return out
    opening = [at for at in found if joined[at] in _OPENING_CHARS]
    if not opening:
        return out
    # where each paragraph ends in the joined text (the line break after it)
    ends = list(map(add, accumulate(map(len, paragraphs)), range(len(paragraphs))))
    index = -1
    for mark in opening:
        if index >= 0 and mark < ends[index]:
            continue  # a paragraph already read
        index = bisect.bisect_right(ends, mark)
        end = ends[index]
        base = end - len(paragraphs[index])
        first = bisect.bisect_left(found, base)
        last = bisect.bisect_left(found, end, first)
        out[index] = _spans(paragraphs[index], [at - base for at in found[first:last]])
    return out


def _places(text: str) -> list[int]:
    """Return where the marks of *text* start, in order: what :data:`_MARK` finds.

    Each mark character is looked for with :meth:`str.find`, which skips to it
    much faster than a pattern tests every character against a class; a text
    holds few marks. Doubled single quotes count only where doubled backticks occur.
    """
    found: list[int] = []
    for char in _MARK_CHARS if "``" in text else _UNDOUBLED_CHARS:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found


def _spans(paragraph: str, places: list[int]) -> list[_Span]:
    """Return the outermost quotations of *paragraph*, given where its marks start."""
    spans: list[_Span] = []
    stack: list[tuple[str, int, int]] = []  # (opener, mark start, text start)
    resume = 0  # after a doubled mark, where the next may start
    for at in places:
        mark = paragraph[at]
        if mark in _DOUBLED:
            if at < resume or paragraph[at + 1 : at + 2] != mark:
                continue
            mark += mark
            resume = after = at + 2
        else:
            after = at + 1
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


def _alone(paragraph: str, span: _Span) -> bool:
    return span.open_at == 0 and not paragraph[span.close_end :].strip(" .,;")


def _trim(paragraph: str, span: _Span) -> tuple[int, int]:
    start, end = span.start, span.end
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and (paragraph[end - 1].isspace() or paragraph[end - 1] in ",;"):
        end -= 1
    return start, end
