"""Bylines: "By Jane Doe and John Roe", "Burç Eruygur | 02.05.2025 - Update : 02.05.2025".

The byline form's ``authors`` group is split into people. What is not a
person is left out: the agency itself (any known profile's name or alias,
"Reuters", "Associated Press"), staff labels ("UPI Staff"), job titles after
a comma ("Political Editor") and the place a name was filed from ("in Paris").
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Final

import regex
from attrs import frozen

from wireparse._dates import read_date
from wireparse._phrases import Lexicon, compile_lists, fold
from wireparse.models import Byline
from wireparse.profiles import Profile, builtin_profiles

_PARTICLES: Final = frozenset(
    {
        "de",
        "da",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "du",
        "dos",
        "das",
        "bin",
        "bint",
        "ibn",
        "al",
        "el",
        "y",
        "e",
        "ter",
        "ten",
        "zu",
        "st",
    }
)
_NAME_CHARS: Final = regex.compile(r"^[\p{L}\p{M}][\p{L}\p{M}.'’\-]*+$")


@frozen(kw_only=True)
class BylineResult:
    """What a byline line gives: the byline and its dates."""

    byline: Byline
    published: dt.date | None
    updated: dt.date | None


@functools.cache
def _agency_names() -> frozenset[str]:
    names: set[str] = set()
    for profile in builtin_profiles():
        for name in (profile.display_name, *profile.aliases):
            if name:
                names.add(fold(name))
    names.discard("")
    return frozenset(names)


@functools.lru_cache(maxsize=8)
def _patterns(lexicon: Lexicon) -> tuple[regex.Pattern[str], regex.Pattern[str], frozenset[str]]:
    """Return the name splitter, the prefix ("By") remover and the job titles."""
    splitter = compile_lists(
        r"\s*+[,;/|]\s*+|\s++(?i:\L<conj>)\s++",
        {"conj": lexicon.lists.get("conjunctions", ("and",))},
    )
    prefix = compile_lists(
        r"^(?i:\L<p>)[\s:]++", {"p": lexicon.lists.get("byline_prefixes", ("By",))}
    )
    roles = frozenset(fold(role) for role in lexicon.lists.get("byline_roles", ()))
    return splitter, prefix, roles


def _is_person(part: str, agencies: frozenset[str], roles: frozenset[str]) -> bool:
    """Return True when *part* reads as a person's name, not an agency, title or phrase."""
    key = fold(part)
    if not key or key in agencies or key in roles:
        return False
    words = part.split()
    if any(fold(w) in agencies for w in words) and len(words) <= 3:  # noqa: PLR2004 - "UPI Staff"
        return False
    if any(fold(w) in roles for w in words):
        return False
    capitalised = 0
    for word in words:
        if not _NAME_CHARS.match(word):
            return False
        if word[0].isupper():
            capitalised += 1
        elif fold(word) not in _PARTICLES and not word.startswith(("al-", "el-")):
            return False
    return capitalised >= 1 and len(words) <= 6  # noqa: PLR2004


def _strip_locator(part: str, lexicon: Lexicon) -> str:
    for locator in lexicon.lists.get("byline_locators", ()):
        marker = f" {locator} "
        at = part.find(marker)
        if at > 0 and part[at + len(marker) : at + len(marker) + 1].isupper():
            return part[:at]
    return part


def split_authors(text: str, lexicon: Lexicon, profile: Profile) -> tuple[str, ...] | None:
    """Return the people named in a byline, or None when it does not read as a byline.

    An empty tuple means a byline with no person in it ("By The Associated Press").

    >>> from wireparse._phrases import lexicon
    >>> from wireparse.profiles import get_profile
    >>> split_authors("By Jane Doe and John Roe in Paris", lexicon(), get_profile("generic"))
    ('Jane Doe', 'John Roe')
    """
    splitter, prefix, roles = _patterns(lexicon)
    text = prefix.sub("", text.strip(), count=1)
    agencies = _agency_names() | {fold(a) for a in (profile.display_name, *profile.aliases) if a}
    agencies = agencies | {fold("The " + a) for a in agencies}
    authors: list[str] = []
    for raw in splitter.split(text):
        part = _strip_locator(raw.strip(" .,"), lexicon).strip()
        if not part:
            continue
        if _is_person(part, agencies, roles):
            authors.append(part)
        elif not (
            fold(part) in agencies or fold(part) in roles or _mentions(part, agencies, roles)
        ):
            return None  # a part that is neither a person nor an agency or title: no byline
    return tuple(authors)


def _mentions(part: str, agencies: frozenset[str], roles: frozenset[str]) -> bool:
    words = [fold(w) for w in part.split()]
    return any(w in agencies or w in roles for w in words)


def read_byline(
    text: str, match: regex.Match[str], lexicon: Lexicon, profile: Profile
) -> BylineResult:
    """Build the byline and its dates from a line its form matched."""
    groups = match.groupdict()
    authors = split_authors(groups.get("authors") or "", lexicon, profile) or ()
    published = updated = None
    if groups.get("published"):
        published = read_date(groups["published"], order=profile.date_order, lexicon=lexicon)
    if groups.get("updated"):
        updated = read_date(groups["updated"], order=profile.date_order, lexicon=lexicon)
    return BylineResult(
        byline=Byline(authors=authors, raw=text), published=published, updated=updated
    )
