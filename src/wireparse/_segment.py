"""Stage 2: cut normalised text into blocks, one per paragraph.

Most copy has one paragraph per line: then each non-blank line is a block.
Wire copy hard-wrapped at a fixed width (Reuters-21578, ANPA transmissions)
is detected from its line lengths and re-joined: a paragraph starts at an
indented line (when the copy marks paragraphs by indenting) or after a blank
line, and its other lines are joined to it with one space. A :class:`Block`
keeps the numbers of all the lines it was made from.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Final, NamedTuple

import regex

_RUNS: Final = re.compile(r"  [ ]*")  # a literal prefix: re finds it fastest
_EDGE_SPACE: Final = re.compile(r"\n(?: |(?<= \n))")  # a line that ends or starts with a space
#: The widest a hard-wrapped line is (wire terminals wrapped at 60 to 80 columns).
MAX_WRAP_WIDTH: Final = 100
_MIN_WRAPPED_LINES: Final = 4
_PARAGRAPH_INDENT: Final = 2  # spaces that open a paragraph in copy that indents them
_FULL: Final = 0.6  # a line at least this share of the width is "full": the text ran on
_FULL_SHARE: Final = 0.6  # ...and at least this share of lines are full in wrapped copy
_CONTINUED_SHARE: Final = 0.25  # ...and this share of line breaks fall mid-sentence
_END: Final = regex.compile(
    r"[.!?:;\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK})]$"
)


class Block(NamedTuple):
    """One paragraph of the input: a non-blank line, or re-joined wrapped lines.

    A named tuple, not an attrs class: a story makes one per paragraph, and a
    tuple is made several times faster.
    """

    text: str
    lines: tuple[int, ...]
    indent: int


# One non-blank line: its number, its text (stripped, runs of spaces collapsed),
# its indent, and its width as printed (indent + length). A plain tuple: a
# story has dozens of lines, and most copy needs nothing more than this.
_Line = tuple[int, str, int, int]


def _lines(text: str) -> list[_Line]:
    out = []
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip(" ")
        if not stripped:
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        clean = _RUNS.sub(" ", stripped) if "  " in stripped else stripped
        out.append((number, clean, indent, len(raw.rstrip(" "))))
    return out


def _collapsed(text: str, raws: list[str]) -> list[str]:
    """Return the lines *raws* of *text* with their runs of spaces collapsed.

    Only the lines that have a run are touched, found in one scan of the text.
    """
    out = raws
    line, counted = 0, 0
    for match in _RUNS.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        if out is raws:
            out = raws.copy()
        out[line] = _RUNS.sub(" ", raws[line])
    return out


def _typical_width(widths: list[int]) -> int | None:
    """Return the width most lines keep within (the 90th percentile), or None for one line."""
    if len(widths) < 2:  # noqa: PLR2004 - one line is one paragraph
        return None
    widths = sorted(widths)
    return widths[max(0, int(len(widths) * 0.9) - 1)]


def _wrap_width(lines: Sequence[_Line]) -> int | None:
    """Return the width the copy is hard-wrapped at, or None when lines are paragraphs."""
    widths = [width for _n, _t, _i, width in lines]
    width = _typical_width(widths)
    if width is None or width > MAX_WRAP_WIDTH:
        return None
    if max(widths) <= MAX_WRAP_WIDTH and any(
        line[2] >= _PARAGRAPH_INDENT and after[2] == 0 and after[0] == line[0] + 1
        for line, after in itertools.pairwise(lines)
    ):
        return width  # paragraphs marked by indenting, their other lines flush left
    if len(lines) < _MIN_WRAPPED_LINES:
        return None
    inner = lines[:-1]
    full = sum(1 for _n, _t, _i, line_width in inner if line_width >= _FULL * width)
    continued = sum(
        1
        for (number, text, _i, _w), (after_number, after_text, _ai, _aw) in zip(
            inner, lines[1:], strict=True
        )
        if after_number == number + 1
        and not _END.search(text)
        and (after_text[0].islower() or after_text[0].isdigit())
    )
    if full < _FULL_SHARE * len(inner) or continued < _CONTINUED_SHARE * len(inner):
        return None
    return width


def segment(text: str) -> tuple[Block, ...]:
    r"""Return the paragraphs of normalised *text* as blocks.

    >>> [b.text for b in segment("  Hello   world \n\nBye")]
    ['Hello world', 'Bye']
    """
    new = tuple.__new__  # a named tuple made from its fields, without the keyword layer
    if text[:1] != " " and text[-1:] != " " and _EDGE_SPACE.search(text) is None:
        # no line starts or ends with a space (most copy): a line's width is its
        # length, and copy whose lines run long has a paragraph per line
        raws = text.split("\n")
        width = _typical_width([len(raw) for raw in raws if raw])
        if width is None or width > MAX_WRAP_WIDTH:
            texts = _collapsed(text, raws)
            return tuple([new(Block, (t, (n,), 0)) for n, t in enumerate(texts, start=1) if t])
    lines = _lines(text)
    width = _wrap_width(lines)
    if width is None:
        return tuple([new(Block, (text, (number,), indent)) for number, text, indent, _w in lines])
    by_indent = any(line[2] > 0 for line in lines) and any(line[2] == 0 for line in lines)
    blocks: list[Block] = []
    current: list[_Line] = []
    for line in lines:
        if current and _continues(current, line, width, by_indent=by_indent):
            current.append(line)
            continue
        if current:
            blocks.append(_join(current))
        current = [line]
    if current:
        blocks.append(_join(current))
    return tuple(blocks)


def _continues(paragraph: Sequence[_Line], line: _Line, width: int, *, by_indent: bool) -> bool:
    """Return True when *line* carries on *paragraph*."""
    number, _text, indent, _width = line
    previous_number, _t, _i, previous_width = paragraph[-1]
    if number != previous_number + 1:
        return False  # a blank line between: a new paragraph
    if by_indent:
        # flush lines continue a paragraph opened by an indented line; a flush
        # title and a flush byline under it stay apart
        return indent == 0 and paragraph[0][2] > 0
    return previous_width >= _FULL * width


def _join(lines: Sequence[_Line]) -> Block:
    return Block(
        text=" ".join(line[1] for line in lines),
        lines=tuple(line[0] for line in lines),
        indent=lines[0][2],
    )
