r"""Stage 1: make text comparable without changing what it says.

* Unicode NFC;
* every line break (CRLF, CR, NEL, LS, PS, VT, FF) becomes ``\n``, one for one,
  so line numbers stay those a reader counts;
* a byte-order mark, zero-width spaces, soft hyphens, bidi marks and control
  characters (SOH, STX, ETX… as raw wire transmissions carry) are dropped;
* no-break and other Unicode spaces, and tabs, become a plain space.

Leading spaces are kept (hard-wrapped wire copy marks paragraphs by indenting);
the segmenter strips them. Quote marks and dashes are kept as they are.
"""

from __future__ import annotations

import unicodedata
from typing import Final

import regex

_BREAKS: Final = regex.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# C0/C1 controls but tab and newline; zero-width space/joiners are kept where scripts need
# them (ZWNJ, ZWJ); BOM, word joiner, soft hyphen, bidi embeddings and marks are dropped.
_DROP: Final = regex.compile(
    r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b\u200e\u200f\u202a-\u202e"
    r"\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]++"
)
_SPACES: Final = regex.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def normalize(text: str) -> str:
    r"""Return *text* normalised for parsing.

    >>> normalize("Burc\u00a0 | 02.05.2025\r\nISTANBUL\ufeff")
    'Burc  | 02.05.2025\nISTANBUL'
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        text = _SPACES.sub(" ", text)
    elif "\t" in text:
        text = text.replace("\t", " ")
    text = _BREAKS.sub("\n", text)
    return _DROP.sub("", text)
