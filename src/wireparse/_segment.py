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
from collections.abc import Sequence
from typing import Final

import regex
from attrs import frozen

_RUNS: Final = regex.compile(r"[ ]{2,}+")
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


@frozen(kw_only=True)
class Block:
    """One paragraph of the input: a non-blank line, or re-joined wrapped lines."""

    text: str
    lines: tuple[int, ...]
    indent: int


@frozen
class _Line:
    number: int
    text: str  # stripped, runs of spaces collapsed
    indent: int
    width: int  # indent + length as printed


def _lines(text: str) -> list[_Line]:
    out = []
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip(" ")
        if not stripped:
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        clean = _RUNS.sub(" ", stripped) if "  " in stripped else stripped
        out.append(_Line(number, clean, indent, len(raw.rstrip(" "))))
    return out


def _wrap_width(lines: Sequence[_Line]) -> int | None:
    """Return the width the copy is hard-wrapped at, or None when lines are paragraphs."""
    if len(lines) < 2:  # noqa: PLR2004 - one line is one paragraph
        return None
    widths = sorted(line.width for line in lines)
    width = widths[max(0, int(len(widths) * 0.9) - 1)]
    if width > MAX_WRAP_WIDTH:
        return None
    if widths[-1] <= MAX_WRAP_WIDTH and any(
        line.indent >= _PARAGRAPH_INDENT and after.indent == 0 and after.number == line.number + 1
        for line, after in itertools.pairwise(lines)
    ):
        return width  # paragraphs marked by indenting, their other lines flush left
    if len(lines) < _MIN_WRAPPED_LINES:
        return None
    inner = lines[:-1]
    full = sum(1 for line in inner if line.width >= _FULL * width)
    continued = sum(
        1
        for line, after in zip(inner, lines[1:], strict=True)
        if after.number == line.number + 1
        and not _END.search(line.text)
        and (after.text[0].islower() or after.text[0].isdigit())
    )
    if full < _FULL_SHARE * len(inner) or continued < _CONTINUED_SHARE * len(inner):
        return None
    return width


def segment(text: str) -> tuple[Block, ...]:
    r"""Return the paragraphs of normalised *text* as blocks.

    >>> [b.text for b in segment("  Hello   world \n\nBye")]
    ['Hello world', 'Bye']
    """
    lines = _lines(text)
    width = _wrap_width(lines)
    if width is None:
        return tuple(Block(text=ln.text, lines=(ln.number,), indent=ln.indent) for ln in lines)
    by_indent = any(line.indent > 0 for line in lines) and any(line.indent == 0 for line in lines)
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
    previous = paragraph[-1]
    if line.number != previous.number + 1:
        return False  # a blank line between: a new paragraph
    if by_indent:
        # flush lines continue a paragraph opened by an indented line; a flush
        # title and a flush byline under it stay apart
        return line.indent == 0 and paragraph[0].indent > 0
    return previous.width >= _FULL * width


def _join(lines: Sequence[_Line]) -> Block:
    return Block(
        text=" ".join(line.text for line in lines),
        lines=tuple(line.number for line in lines),
        indent=lines[0].indent,
    )
