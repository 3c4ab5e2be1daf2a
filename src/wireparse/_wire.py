r"""The frame of a raw wire transmission: IPTC 7901 and ANPA-1312.

A story taken straight off a wire feed arrives framed. SOH (``\x01``) opens a
transmission header (selector, sequence number, priority, category, word
count, keyword slug), STX (``\x02``) opens the text, ETX (``\x03``) closes it,
and what follows (AP's ``AP-WF-08-29-16 1626GMT``, the end-of-transmission
codes) is the trailer. Inside the text, ANPA marks a header line by opening it
with ``^`` and ending it with ``<`` or ``=`` (quad left, quad centre), and
IPTC 7901 ends its headline with ``=``: format codes, not words.

:func:`find_frame` reads the frame from the raw text, before normalisation
drops the control characters, and gives the first and last line of the text
proper, numbered as the normalised text numbers them (one break, one line).
:func:`strip_codes` takes the format codes off those lines; normalisation
calls it, so every later stage, and anyone who counts lines as the library
does, sees the lines without them. The header and trailer lines are not
parsed: they are listed in ``Article.removed`` (rules ``wire.header`` and
``wire.trailer``).

Text with no SOH before its STX is not taken for a transmission.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

SOH: Final = "\x01"
STX: Final = "\x02"
ETX: Final = "\x03"

HEADER_RULE: Final = "wire.header"
HEADER_REASON: Final = "wire transmission header"
TRAILER_RULE: Final = "wire.trailer"
TRAILER_REASON: Final = "wire transmission trailer"

# every line break normalisation turns into one "\n": CRLF counts once
_BREAK: Final = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
# a header line's codes: "^" opening it, "<" or "=" closing it, spaces around
_CODES: Final = re.compile(r"^[ ]*+\^|[ ]*+[<=][ ]*+$", re.MULTILINE)


class Frame(NamedTuple):
    """Where the text of a transmission lies, in 1-based lines of the normalised text."""

    first: int  # the line STX is on
    last: int | None  # the last line of text before ETX; None: no ETX, the text runs to the end


def _line_of(text: str, index: int) -> int:
    """Return the 1-based line, as normalisation numbers lines, that *index* of *text* is on."""
    return len(_BREAK.findall(text, 0, index)) + 1


def find_frame(text: str) -> Frame | None:
    r"""Return the frame of *text* when it is a raw transmission (SOH, then STX), else None.

    >>> find_frame("\x01a123 r a\r\n\x02^HEADLINE<\r\nBody.\r\n\x03AP-WF-1\r\n\x04")
    Frame(first=2, last=3)
    >>> find_frame("No frame here.") is None
    True
    """
    stx = text.find(STX)
    if stx < 0 or SOH not in text[:stx]:
        return None
    first = _line_of(text, stx)
    etx = text.find(ETX, stx)
    if etx < 0:
        return Frame(first, None)
    line = _line_of(text, etx)
    # the trailer starts on ETX's line when nothing of the text stands before ETX there
    opening = max(text.rfind(ch, stx, etx) for ch in "\n\r\x0b\x0c\x85\u2028\u2029") + 1
    before = text[max(opening, stx + 1) : etx]
    printable = "".join(ch for ch in before if ch.isprintable())
    last = line if printable.strip() else line - 1
    return Frame(first, max(last, first - 1))


def strip_codes(text: str, frame: Frame) -> str:
    r"""Return normalised *text* with the format codes taken off the lines *frame* holds.

    >>> strip_codes("hdr\n^By JANE DOE=\n^Associated Press=  \ntrl", Frame(2, 3))
    'hdr\nBy JANE DOE\nAssociated Press\ntrl'
    """
    lines = text.split("\n")
    end = len(lines) if frame.last is None else min(frame.last, len(lines))
    for index in range(frame.first - 1, end):
        lines[index] = _CODES.sub("", lines[index])
    return "\n".join(lines)
