r"""Stage 1: make text comparable without changing what it says.

* Unicode NFC;
* every line break (CRLF, CR, NEL, LS, PS, VT, FF) becomes ``\n``, one for one,
  so line numbers stay those a reader counts;
* a byte-order mark, zero-width spaces, soft hyphens, bidi marks and control
  characters (SOH, STX, ETX… as raw wire transmissions carry) are dropped;
* no-break and other Unicode spaces, and tabs, become a plain space;
* in a raw wire transmission (IPTC 7901, ANPA-1312), the format codes that
  open and close its header lines (``^``, ``<``, ``=``) are taken off
  (:mod:`wireparse._wire`).

Leading spaces are kept (hard-wrapped wire copy marks paragraphs by indenting);
the segmenter strips them. Quote marks and dashes are kept as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final

from wireparse._wire import STX, find_frame, strip_codes

_BREAKS: Final = "\r\x0b\x0c\x85\u2028\u2029"
# C0/C1 controls but tab and newline; zero-width space; BOM, word joiner, soft hyphen,
# bidi embeddings, isolates and marks. Zero-width (non-)joiners stay: scripts need them.
_DROPPED: Final = (
    [chr(c) for c in (*range(0x09), *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0))]
    + ["\u00ad", "\u200b", "\u200e", "\u200f", "\ufeff", "\ufff9", "\ufffa", "\ufffb"]
    + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2060, 0x2065), *range(0x2066, 0x206A))]
)
_SPACES: Final = "\t\u00a0\u1680\u202f\u205f\u3000" + "".join(chr(c) for c in range(0x2000, 0x200B))


#: What each character that changes becomes: a line break, nothing, or a space.
_REPLACEMENT: Final = (
    dict.fromkeys(_BREAKS, "\n") | dict.fromkeys(_DROPPED, "") | dict.fromkeys(_SPACES, " ")
)


def _class(chars: Iterable[str]) -> str:
    """Return a character class of *chars*, runs of consecutive code points as ranges.

    The stdlib re engine tests a short class of ranges faster than a long list
    of single characters, and it scans for a class fastest of all.
    """
    points = sorted({ord(ch) for ch in chars})
    parts = []
    start = 0
    for index, point in enumerate(points):
        if index + 1 == len(points) or points[index + 1] != point + 1:
            first, last = chr(points[start]), chr(point)
            parts.append(
                re.escape(first) if first == last else f"{re.escape(first)}-{re.escape(last)}"
            )
            start = index + 1
    return "[" + "".join(parts) + "]"


_ANY: Final = re.compile(_class(_REPLACEMENT))


def _replace(match: re.Match[str]) -> str:
    return _REPLACEMENT[match.group()]


def normalize(text: str) -> str:
    r"""Return *text* normalised for parsing.

    >>> normalize("Burc\u00a0 | 02.05.2025\r\nISTANBUL\ufeff")
    'Burc  | 02.05.2025\nISTANBUL'
    """
    frame = find_frame(text) if STX in text else None
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    # one scan: each character is replaced on its own, so one pass gives what
    # breaks, then drops, then spaces would give; most text has none at all
    text = _ANY.sub(_replace, text)
    return text if frame is None else strip_codes(text, frame)
