"""Stage 2: cut normalised text into blocks: one non-blank line each.

A :class:`Block` keeps its 1-based line number, its text with runs of spaces
collapsed and the ends stripped, and its indentation (hard-wrapped wire copy
marks a new paragraph by indenting it).
"""

from __future__ import annotations

from typing import Final

import regex
from attrs import frozen

_RUNS: Final = regex.compile(r"[ ]{2,}+")


@frozen(kw_only=True)
class Block:
    """One non-blank line of the input."""

    text: str
    lines: tuple[int, ...]
    indent: int


def segment(text: str) -> tuple[Block, ...]:
    r"""Return the non-blank lines of normalised *text* as blocks.

    >>> [b.text for b in segment("  Hello   world \n\nBye")]
    ['Hello world', 'Bye']
    """
    blocks = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip(" ")
        if not stripped:
            continue
        if "  " in stripped:
            stripped = _RUNS.sub(" ", stripped)
        blocks.append(
            Block(text=stripped, lines=(number,), indent=len(line) - len(line.lstrip(" ")))
        )
    return tuple(blocks)
