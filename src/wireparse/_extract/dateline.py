"""Datelines: alone on their line, or opening the first paragraph.

On its own line: "ISTANBUL". Opening the paragraph:
"WASHINGTON, May 2 (Reuters) - ...", "(ANSA) - ROMA, 1 LUG - ...".
An inline dateline is split off the paragraph: the paragraph keeps the text
after it, and :attr:`Dateline.raw` the text of the dateline itself.
"""

from __future__ import annotations

from typing import Any

import regex

from wireparse._trusted import trusted
from wireparse.models import Dateline


def _part(groups: dict[str, str | Any], name: str) -> str | None:
    value = groups.get(name)
    if value is None:
        return None
    value = value.strip(" ,")
    return value or None


def standalone_dateline(text: str, match: regex.Match[str]) -> Dateline:
    """Build a dateline from a line that is nothing but the dateline."""
    groups = match.groupdict()
    location = _part(groups, "place")
    agency = _part(groups, "agency")
    date_text = _part(groups, "date")
    if location is None and agency is None and date_text is None:
        location = text
    return trusted(Dateline, location=location, agency=agency, date_text=date_text, raw=text)


def split_dateline(text: str, match: regex.Match[str]) -> tuple[Dateline, str]:
    """Split an inline dateline off a paragraph; return it and the rest of the paragraph."""
    end = match.end()
    groups = match.groupdict()
    dateline = trusted(
        Dateline,
        location=_part(groups, "place"),
        agency=_part(groups, "agency"),
        date_text=_part(groups, "date"),
        raw=text[:end].strip(),
    )
    return dateline, text[end:].strip()
