"""Bylines: "By Jane Doe and John Roe", "Burç Eruygur | 02.05.2025 - Update : 02.05.2025".

The byline form's ``authors`` group is split into people. What is not a
person is left out: the agency itself (any known profile's name or alias,
"Reuters", "Associated Press"), staff labels ("UPI Staff"), job titles after
a comma ("Political Editor"), the place a name was filed from ("in Paris"),
and, after a comma or semicolon, the credits of others' work ("; Additional
reporting by Max Roe; Editing by Ruth Poe": the phrase tables' ``byline_credits``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Final

import regex
from attrs import frozen

from wireparse._compiled import CompiledProfile
from wireparse._dates import read_date
from wireparse._phrases import Lexicon, compile_lists, fold
from wireparse._trusted import trusted
from wireparse.models import Byline
from wireparse.profiles import BylineForm, Profile, builtin_profiles

_KEY_CHARS: Final = 3  # folded letters a byline prefix is known by (fewer when shorter)
_PEEK: Final = 8  # characters folded to read a part's opening
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


@frozen
class _Tools:
    """What splitting a byline needs from the phrase tables, compiled once."""

    splitter: regex.Pattern[str]  # between names: commas (also CJK ones), "and", "ve", "&"
    prefix: regex.Pattern[str]  # "By", "Par", "Muhabir:"
    roles: frozenset[str]  # job titles: "Political Editor"
    particles: frozenset[str]  # lower-case name parts: "van", "de", "bin"
    prefixes: tuple[str, ...]  # hyphenated name prefixes: "al-"
    locators: frozenset[str] | None  # "in", "from" (None: some locator holds a space)
    openings: frozenset[str]  # the first folded letters of every prefix: most lines have none
    credits: regex.Pattern[str] | None  # "; Editing by ...": others' work credited, to the end
    one_word: regex.Pattern[str] | None  # a word of a script whose names are one word (Hangul)


@functools.lru_cache(maxsize=8)
def _tools(lexicon: Lexicon) -> _Tools:
    locators = lexicon.lists.get("byline_locators", ())
    prefixes = lexicon.lists.get("byline_prefixes", ("By",))
    credit_phrases = lexicon.lists.get("byline_credits", ())
    one_word = "".join(rf"\p{{{script}}}" for script in lexicon.lists.get("one_word_names", ()))
    return _Tools(
        splitter=compile_lists(
            r"\s*+[,;/|\N{IDEOGRAPHIC COMMA}\N{FULLWIDTH COMMA}\N{FULLWIDTH SEMICOLON}]\s*+"
            r"|\s++(?i:\L<conj>)\s++",
            {"conj": lexicon.lists.get("conjunctions", ("and",))},
        ),
        prefix=compile_lists(r"^(?i:\L<p>)[\s:]++", {"p": prefixes}),
        roles=frozenset(fold(role) for role in lexicon.lists.get("byline_roles", ())),
        particles=frozenset(fold(p) for p in lexicon.lists.get("name_particles", ())),
        prefixes=tuple(fold(p) for p in lexicon.lists.get("name_prefixes", ())),
        locators=None if any(" " in loc for loc in locators) else frozenset(locators),
        openings=frozenset(fold(p)[:_KEY_CHARS] for p in prefixes),
        credits=compile_lists(
            r"\s*+[,;]\s*+(?i:\L<credit>)(?![\p{L}\p{N}]).*+$", {"credit": credit_phrases}
        )
        if credit_phrases
        else None,
        one_word=regex.compile(rf"^[{one_word}]++$") if one_word else None,
    )


def _is_person(part: str, agencies: frozenset[str], tools: _Tools) -> bool:
    """Return True when *part* reads as a person's name, not an agency, title or phrase."""
    key = fold(part)
    if not key or key in agencies or key in tools.roles:
        return False
    words = part.split()
    folded = key.split()  # each word folded once, for every test below
    if len(folded) != len(words):  # a word of combining dots alone folds to nothing
        folded = [fold(w) for w in words]
    if len(words) <= 3 and not agencies.isdisjoint(folded[:-1] if len(folded) > 1 else folded):  # noqa: PLR2004
        return False  # "UPI Staff", "AFP Graphics"; a surname may be an alias ("Hannah Reuter")
    if _has_role(folded, tools.roles):
        return False
    capitalised = 0
    for word, low in zip(words, folded, strict=True):
        if not _NAME_CHARS.match(word):
            return False
        if not word[0].islower():  # a capital, or a script without case (马建国, 황지훈)
            capitalised += 1
        elif low not in tools.particles and not low.startswith(tools.prefixes):
            return False
    return capitalised >= 1 and len(words) <= 6  # noqa: PLR2004


def _strip_locator(part: str, lexicon: Lexicon) -> str:
    """Drop the place a name was filed from: "Jane Doe in Paris" -> "Jane Doe".

    A part that is only a place ("in Washington") becomes empty.
    """
    known = _tools(lexicon).locators
    if known is not None and known.isdisjoint(part.split(" ")[:-1]):
        return part  # no locator word followed by another word: the usual name
    for locator in lexicon.lists.get("byline_locators", ()):
        marker = f"{locator} "
        if part.startswith(marker) and part[len(marker) : len(marker) + 1].isupper():
            return ""
        at = part.find(f" {marker}")
        if at > 0 and part[at + len(marker) + 1 : at + len(marker) + 2].isupper():
            return part[:at]
    return part


@functools.lru_cache(maxsize=64)
def _agencies_for(profile: Profile) -> frozenset[str]:
    """Every agency name that is never an author: all known profiles' and *profile*'s own."""
    names = _agency_names() | {fold(a) for a in (profile.display_name, *profile.aliases) if a}
    return names | {fold("The " + name) for name in names}


def split_authors(text: str, lexicon: Lexicon, profile: Profile) -> tuple[str, ...] | None:
    """Return the people named in a byline, or None when it does not read as a byline.

    An empty tuple means a byline with no person in it ("By The Associated Press").

    >>> from wireparse._phrases import lexicon
    >>> from wireparse.profiles import get_profile
    >>> split_authors("By Jane Doe and John Roe in Paris", lexicon(), get_profile("generic"))
    ('Jane Doe', 'John Roe')
    """
    tools = _tools(lexicon)
    text = text.strip()
    opening = fold(text[:_PEEK])
    openings = tools.openings
    # its first 1, 2 or _KEY_CHARS (3) letters: a prefix's
    known = opening[:1] in openings or opening[:2] in openings or opening[:3] in openings
    if known or (len(opening) < _KEY_CHARS and len(text) > _PEEK):  # or combining dots folded
        text = tools.prefix.sub("", text, count=1)  # only a line opening like a prefix can lose one
    if tools.credits is not None and ("," in text or ";" in text):
        # "By Jane Doe; Additional reporting by Max Roe": the credits of others' work
        # (reporting, editing) are no authors, and do not unmake the byline
        text = tools.credits.sub("", text, count=1)
    agencies = _agencies_for(profile)
    authors: list[str] = []
    for raw in tools.splitter.split(text):
        part = _strip_locator(raw.strip(" .,"), lexicon).strip()
        part = _strip_bracketed(part, agencies, tools.roles)
        if not part:
            continue
        for person in _people(part, tools.one_word):
            if _is_person(person, agencies, tools):
                authors.append(person)
            elif not _mentions(person, agencies, tools.roles):
                return None  # a part that is neither a person nor an agency or title: no byline
    return tuple(authors)


def _people(part: str, one_word: regex.Pattern[str] | None) -> list[str]:
    """Return the names in *part*: itself, or each word when all are of a one-word-name script.

    A Korean name is written as one word ("황지훈"), so Korean bylines part
    several reporters with spaces alone ("황지훈 김민수 기자"); the phrase
    tables' ``one_word_names`` lists such scripts.
    """
    words = part.split(" ")
    if one_word is not None and len(words) > 1 and all(map(one_word.match, words)):
        return words
    return [part]


def _has_role(folded: Sequence[str], roles: frozenset[str]) -> bool:
    """Return True when the folded words hold a title: one word, or several at the end.

    "Paris Bureau Chief" ends with the title "bureau chief".
    """
    if not roles.isdisjoint(folded):
        return True
    return len(folded) > 2 and any(" ".join(folded[-n:]) in roles for n in (2, 3))  # noqa: PLR2004


def _strip_bracketed(part: str, agencies: frozenset[str], roles: frozenset[str]) -> str:
    """Drop an agency or title in brackets after a name: "Jane Doe (AFP)" -> "Jane Doe"."""
    if not part.endswith(")"):
        return part
    start = part.rfind("(")
    if start <= 0:
        return part
    inside = fold(part[start + 1 : -1])
    if inside not in agencies and inside not in roles:
        return part
    return part[:start].rstrip()


def _mentions(part: str, agencies: frozenset[str], roles: frozenset[str]) -> bool:
    """Return True when *part* is, or names, an agency or a job title."""
    key = fold(part)
    words = [fold(w) for w in part.split()]
    return (
        key in agencies or key in roles or not agencies.isdisjoint(words) or _has_role(words, roles)
    )


_Matched = tuple[BylineForm, regex.Match[str], tuple[str, ...]]


def match_byline(line: str, profile: CompiledProfile, lexicon: Lexicon) -> _Matched | None:
    """Return the first byline form that matches *line* and names people (or only an agency).

    A form whose ``authors`` do not read as names ("By Monday, the talks…") is
    passed over for the next one.
    """
    for form, match in profile.bylines_matching(line):
        raw = match.group("authors") if "authors" in match.re.groupindex else None
        authors = split_authors(raw or "", lexicon, profile.profile)
        if authors is not None:
            return form, match, authors
    return None


def read_byline(
    text: str,
    found: _Matched,
    lexicon: Lexicon,
    profile: Profile,
    prefer: Sequence[str] = (),
) -> BylineResult:
    """Build the byline and its dates from what :func:`match_byline` found on a line."""
    _form, match, authors = found
    groups = match.groupdict()
    published = updated = None
    if groups.get("published"):
        published = read_date(
            groups["published"],
            order=profile.date_order,
            lexicon=lexicon,
            prefer=prefer,
            zones=profile.zones,
        )
    if groups.get("updated"):
        updated = read_date(
            groups["updated"],
            order=profile.date_order,
            lexicon=lexicon,
            prefer=prefer,
            zones=profile.zones,
        )
    return BylineResult(
        byline=trusted(Byline, authors=authors, raw=text), published=published, updated=updated
    )
