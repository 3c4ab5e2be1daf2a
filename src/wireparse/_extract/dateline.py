"""Datelines: alone on their line, or opening the first paragraph.

On its own line: "ISTANBUL". Opening the paragraph:
"WASHINGTON, May 2 (Reuters) - ...", "(ANSA) - ROMA, 1 LUG - ...".
An inline dateline is split off the paragraph: the paragraph keeps the text
after it, and :attr:`Dateline.raw` the text of the dateline itself.
"""

from __future__ import annotations

import regex

from wireparse.models import Dateline


def _part(match: regex.Match[str], name: str) -> str | None:
    value = match.groupdict().get(name)
    if value is None:
        return None
    value = value.strip(" ,")
    return value or None


def standalone_dateline(text: str, match: regex.Match[str]) -> Dateline:
    """Build a dateline from a line that is nothing but the dateline."""
    location = _part(match, "place")
    if location is None and _part(match, "agency") is None and _part(match, "date") is None:
        location = text
    return Dateline(
        location=location,
        agency=_part(match, "agency"),
        date_text=_part(match, "date"),
        raw=text,
    )


def split_dateline(text: str, match: regex.Match[str]) -> tuple[Dateline, str]:
    """Split an inline dateline off a paragraph; return it and the rest of the paragraph."""
    raw = text[: match.end()].strip()
    rest = text[match.end() :].strip()
    dateline = Dateline(
        location=_part(match, "place"),
        agency=_part(match, "agency"),
        date_text=_part(match, "date"),
        raw=raw,
    )
    return dateline, rest
