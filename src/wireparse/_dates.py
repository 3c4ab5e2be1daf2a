"""Read the dates agencies print, never guessing a part the text does not give.

A date is read only when the text shows its year. Numeric dates follow the
profile's day/month order (``dmy``, ``mdy``, ``ymd``), never a library default.
Month names come from every phrase table (``months``), digits may be any
script's (Arabic-Indic, Persian), and a time may carry a zone (``GMT+3``,
``UTC``, ``TSİ``, ``EDT``; the table is ``data/zones.toml``). Times are
read as ``14:30``, ``14.30``, ``2:30 p.m.``, French and Portuguese ``14h30``,
and numbers followed by the phrase tables' marks (``year_marks`` ... ``minute_marks``):
``2025年5月2日``, ``2025년 5월 2일``, ``14时30分``, ``14時``, ``14시 30분``; a word of the
tables' ``time_am`` / ``time_pm`` next to a 12-hour time ("下午3点", "अपराह्न 3:15",
"3:15 مساءً") says which half of the day it is.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from typing import Final

import regex
from attrs import frozen

from wireparse._phrases import Lexicon, fold
from wireparse._resources import read_data

_ISO: Final = re.compile(
    r"(?<!\d)\d{4}-\d{2}-\d{2}"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
)
_YEAR_DIGITS: Final = 4
_ISO_DAY: Final = 10  # characters of YYYY-MM-DD
_NUMERIC: Final = re.compile(r"(?<!\d)(\d{1,4})[ ]?([./-])[ ]?(\d{1,2})[ ]?\2[ ]?(\d{2,4})(?!\d)")
# "2 Mayıs 2025", "2 de mayo de 2025", "1er mai 2025", "May 2nd, 2025", "2 Kanûna Paşîn 2025":
# a short lower-case word may join the parts, and a month name may be two words.
_MONTH_WORDS: Final = r"\p{L}[\p{L}\p{M}]*+\.?(?:[ ]\p{L}[\p{L}\p{M}]*+\.?)?"
_WORD_DATE: Final = regex.compile(
    rf"(?:(?P<d1>\d{{1,2}})(?:\.|º|\p{{Ll}}{{1,2}}+)?[\s\-/]*+(?:\p{{Ll}}{{1,3}}\s++)?"
    rf"(?P<m1>{_MONTH_WORDS})(?:\s*+,?\s*+\p{{Ll}}{{1,3}})?[\s,\-/]*+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_WORDS})[\s,\-/]*+(?P<d2>\d{{1,2}})(?:\p{{Ll}}{{1,2}}+)?[\s,\-/|]*+"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?\s++(?:\p{Lu}{2,5}+\s++)?)?(?P<y2>\d{4})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\p{{L}}[\p{{L}}\p{{M}}]*+\.?)-(?P<d3>\d{{1,2}})(?!\d))"
)
_TIME: Final = regex.compile(
    r"(?<!\d)(?P<h>\d{1,2})(?:[:.]|[ ]?h[ ]?(?=\d{2}(?!\d)))(?P<m>\d{2})(?::(?P<s>\d{2}))?(?!\d)"
    r"\s*+(?P<ampm>(?i:[ap]\.?m\.?))?"
    r"(?:\s*+\(?(?P<zone>\p{L}{1,5}+)?(?P<off>[+-]\d{1,2}(?::?\d{2})?)?\)?)?"
)
_PERIOD_REACH: Final = 12  # characters after a time in which its am/pm word may stand


@functools.cache
def zone_offsets() -> Mapping[str, int]:
    """Return the zone abbreviations of ``data/zones.toml`` as minutes east of UTC."""
    data, _source = read_data("", "zones")
    offsets = data["offsets"]
    return {fold(name): int(minutes) for name, minutes in offsets.items()}


#: A profile's zone abbreviations and their offsets in minutes east of UTC.
Zones = tuple[tuple[str, int], ...]
_LETTERS: Final = regex.compile(r"\p{L}++")
# every date read shows its year in digits: a line without one is no date line
_DIGIT: Final = regex.compile(r"\d")
#: Longer lines are no date line.
DATE_LINE_CHARS: Final = 100
#: The first digit of a text, or None (no date line is without one).
first_digit: Final = _DIGIT.search


@frozen
class DateLine:
    """A line that is only dates, perhaps labelled.

    "Updated 6:42 PM MDT, June 3, 2025" gives ``updated``; "12:05 21.01.2025
    (обновлено: 12:40 21.01.2025)" gives both; an unlabelled date is ``published``.
    """

    published: dt.date | None
    updated: dt.date | None


@functools.lru_cache(maxsize=8)
def _date_words(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Return the words a date line may hold, and the words of update and published labels."""

    def words(phrases: tuple[str, ...]) -> frozenset[str]:
        # short words ("am" in "Aktualisiert am") are connectors, not label words
        return frozenset(
            fold(w)
            for phrase in phrases
            for w in _LETTERS.findall(phrase)
            if len(w) > 2  # noqa: PLR2004
        )

    update = words(lexicon.lists.get("update_label", ()))
    published = words(lexicon.lists.get("published_label", ()))
    calendar = frozenset(
        fold(w)
        for name in (*lexicon.month_names, *lexicon.weekday_names)
        for w in _LETTERS.findall(name)
    )
    periods = words((*lexicon.lists.get("time_am", ()), *lexicon.lists.get("time_pm", ())))
    clock = words(lexicon.lists.get("clock_words", ()))
    clock |= words(lexicon.lists.get("relative_time", ()))
    allowed = calendar | update | published | periods | clock | frozenset(zone_offsets())
    return allowed, update, published


# a zone's abbreviation right after a clock time, known or not ("5:05 PM IST", "14:35 MSK")
_ZONE_AFTER_TIME: Final = regex.compile(
    r"\d[:.]\d{2}(?:\s*+(?i:[ap]\.?m\.?))?\s*+(\p{Lu}{2,5}+)(?![\p{L}\p{M}])"
)
# "NAPOLI, 14 maggio 2026, 12:47": a place in capitals before the date of a page's date line
_PLACE_FIRST: Final = regex.compile(r"^\p{Lu}[\p{Lu}\p{M}'. \-]{1,30}+,[ ]++(?=\d)")
# "2026-11-22 10:15:40 | Русский.news.cn", "French.xinhuanet.com | Publié le …": the site
# a page names beside its date, parted by a bar (a word with a dot and a letter)
_SITE: Final = r"(?=[^\s|]*\p{L})[^\s|.]++(?:\.[^\s|.]++)++"
_SITE_BESIDE: Final = regex.compile(rf"^{_SITE}[ ]*+\|[ ]*+|[ ]*+\|[ ]*+{_SITE}$")


def _date_part(text: str) -> str:
    """Return *text* without a place in capitals before its date or a site's name beside it."""
    place = _PLACE_FIRST.match(text)
    if place is not None:
        text = text[place.end() :]
    return _SITE_BESIDE.sub("", text) if "|" in text else text


# what a date without its year holds: a clock time, or a day next to a month's name
_CLOCK: Final = regex.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?!\d)")


def _only_date_words(text: str, lexicon: Lexicon) -> bool:
    """Return True when every word of *text* longer than two letters may be part of a date line.

    Those are month and weekday names, date labels, words for the half of the
    day, clock words and relative times ("3 hours ago") of the phrase tables,
    known zones, and an unknown zone's abbreviation right after a time.
    """
    allowed, _update, _published = _date_words(lexicon)
    after_time = {fold(m.group(1)) for m in _ZONE_AFTER_TIME.finditer(text)} if ":" in text else ()
    # words read and folded one by one: most lines fail on their first long word
    words = (fold(m.group()) for m in _LETTERS.finditer(text))
    return not any(  # "at", "on", "PM": two letters or fewer say nothing
        len(w) > 2 and w not in allowed and w not in after_time  # noqa: PLR2004
        for w in words
    )


def is_date_line(text: str, *, order: str, lexicon: Lexicon) -> bool:
    """Return True for a line that is only a date or a time, perhaps without its year.

    Those :func:`date_line` reads, and those that show no year ("11 JUN, 14:35",
    "UPDATED: 11 JUN, 15:02"): page furniture, though no date can be read from them.
    """
    if not may_be_date_line(text):
        return False
    rest = _date_part(text)
    if not _only_date_words(rest, lexicon):
        return False  # most lines: a word no date line holds
    if _CLOCK.search(rest) is not None:
        return True
    allowed, _update, _published = _date_words(lexicon)
    if any(fold(m.group()) in allowed for m in _LETTERS.finditer(rest)):
        return True  # a month or weekday name, a date label
    return date_line(text, order=order, lexicon=lexicon) is not None  # "02.05.2025"


def may_be_date_line(text: str) -> bool:
    """Return False for a line :func:`date_line` refuses at once: too long, or without a digit."""
    return len(text) <= DATE_LINE_CHARS and first_digit(text) is not None


def date_line(
    text: str,
    *,
    order: str,
    lexicon: Lexicon,
    prefer: Sequence[str] = (),
    zones: Zones = (),
) -> DateLine | None:
    """Return the date of a line that holds nothing but a (labelled) date, else None.

    Words of two letters or fewer ("at", "on", "PM", "de") may stand between the parts,
    a zone after a time ("5:05 PM IST": read without its offset when it is not a
    known one), a place in capitals before it ("NAPOLI, 14 maggio 2026, 12:47"), and
    the site's name beside it after a bar ("2026-11-22 10:15:40 | Русский.news.cn").

    >>> from wireparse._phrases import lexicon
    >>> line = date_line("Updated 6:42 PM MDT, June 3, 2025", order="mdy", lexicon=lexicon())
    >>> line.published, line.updated.isoformat()
    (None, '2025-06-03T18:42:00-06:00')
    >>> text = "12:05 21.01.2025 (обновлено: 12:40 21.01.2025)"
    >>> line = date_line(text, order="dmy", lexicon=lexicon())
    >>> line.published.isoformat(), line.updated.isoformat()
    ('2025-01-21T12:05:00', '2025-01-21T12:40:00')
    >>> date_line("Elections set for June 3, 2025", order="mdy", lexicon=lexicon()) is None
    True
    """
    if not may_be_date_line(text):
        return None
    text = _date_part(text)
    if not _only_date_words(text, lexicon):
        return None
    _allowed, update, _published = _date_words(lexicon)
    update_at = next(
        (m.start() for m in _LETTERS.finditer(text) if fold(m.group()) in update), None
    )
    if update_at is None:
        value = read_date(text, order=order, lexicon=lexicon, prefer=prefer, zones=zones)
        return None if value is None else DateLine(published=value, updated=None)
    before = read_date(text[:update_at], order=order, lexicon=lexicon, prefer=prefer, zones=zones)
    after = read_date(text[update_at:], order=order, lexicon=lexicon, prefer=prefer, zones=zones)
    if before is None and after is None:
        return None
    if after is None and first_digit(text, update_at) is None:
        return DateLine(published=None, updated=before)  # "June 3, 2025, updated": label last
    # "… Updated 3 hours ago": the label has a value of its own, one no date can be read from
    return DateLine(published=before, updated=after)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _numeric(match: re.Match[str], order: str) -> dt.date | None:
    first, _sep, second, third = match.groups()
    a, b, c = int(first), int(second), int(third)
    if len(first) == _YEAR_DIGITS:  # 2025.05.02 is year first whatever the profile says
        return _make(a, b, c)
    if len(third) != _YEAR_DIGITS:  # a two-digit year is a guess; leave it unread
        return None
    first_try, other = ((c, a, b), (c, b, a)) if order == "mdy" else ((c, b, a), (c, a, b))
    # 13/03/2014 cannot be month first: when only one order gives a date, it is no guess
    return _make(*first_try) or _make(*other)


@functools.lru_cache(maxsize=64)
def _zone_map(zones: Zones) -> Mapping[str, int]:
    """Return a profile's zones folded, over the shipped table: the profile's win."""
    return {**zone_offsets(), **{fold(name): minutes for name, minutes in zones}}


def _zone(match: regex.Match[str], zones: Zones) -> dt.tzinfo | None:
    zone, off = match.group("zone"), match.group("off")
    minutes = 0
    if zone is not None:
        known = (_zone_map(zones) if zones else zone_offsets()).get(fold(zone))
        if known is None:
            return None
        minutes = known
    if off is not None:
        sign = -1 if off[0] == "-" else 1
        digits = off[1:].replace(":", "")
        hours, mins = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")  # noqa: PLR2004
        minutes += sign * (int(hours) * 60 + int(mins))
    if zone is None and off is None:
        return None
    return dt.timezone(dt.timedelta(minutes=minutes))


@frozen
class _Clock:
    """What the phrase tables give for reading dates and times written with words.

    ``am``/``pm``: the words for the halves of the day (``time_am``, ``time_pm``).
    ``unit_date``: a year, month and day each followed by its mark ("2025年5月2日",
    "2025년 5월 2일"); ``unit_time``: an hour followed by its mark, perhaps minutes by
    theirs ("14时30分", "3시 30분"). None where no table gives the marks.
    """

    am: tuple[str, ...]
    pm: tuple[str, ...]
    unit_date: regex.Pattern[str] | None
    unit_time: regex.Pattern[str] | None


def _marks(lexicon: Lexicon, key: str) -> str:
    """Return the tables' marks under *key* as one alternation, longest first ("" if none)."""
    marks = sorted(lexicon.lists.get(key, ()), key=lambda mark: (-len(mark), mark))
    return "|".join(regex.escape(mark) for mark in marks)


@functools.lru_cache(maxsize=8)
def _clock(lexicon: Lexicon) -> _Clock:
    """Return the phrase tables' words and marks for dates and times, compiled once."""
    year, month, day = (_marks(lexicon, f"{unit}_marks") for unit in ("year", "month", "day"))
    hour, minute = _marks(lexicon, "hour_marks"), _marks(lexicon, "minute_marks")
    unit_date = None
    if year and month:
        day_mark = rf"\s*(?:{day})?" if day else ""
        unit_date = regex.compile(
            rf"(\d{{4}})\s*(?:{year})\s*(\d{{1,2}})\s*(?:{month})\s*(\d{{1,2}})(?!\d){day_mark}"
        )
    unit_time = None
    if hour:
        minutes = rf"(?:\s*+(?P<m>\d{{1,2}})\s*+(?:{minute}))?" if minute else ""
        unit_time = regex.compile(rf"(?<!\d)(?P<h>\d{{1,2}})\s*+(?:{hour}){minutes}")
    return _Clock(
        am=lexicon.lists.get("time_am", ()),
        pm=lexicon.lists.get("time_pm", ()),
        unit_date=unit_date,
        unit_time=unit_time,
    )


def _find_time(texts: Sequence[str], clock: _Clock) -> regex.Match[str] | None:
    """Return the first time in the first of *texts* that holds one: clock forms, then marks."""
    for pattern in (_TIME, clock.unit_time):
        if pattern is None:
            continue
        for text in texts:
            if text:
                match = pattern.search(text)
                if match is not None:
                    return match
    return None


def _half_of_day(match: regex.Match[str], clock: _Clock) -> bool | None:
    """Return True (afternoon), False (morning) or None, from the words next to the time."""
    text = match.string
    # from the clock's last digits: a zone the pattern may have taken is a word here
    groups = match.groupdict()
    stop = max((match.end(g) for g in ("m", "s") if groups.get(g)), default=match.end())
    near = text[max(0, match.start() - _PERIOD_REACH) : match.start()] + " "
    near += text[stop : stop + _PERIOD_REACH]
    am, pm = (any(word in near for word in words) for words in (clock.am, clock.pm))
    return None if am == pm else pm


def _with_time(
    day: dt.date,
    around: tuple[str, ...],
    *,
    clock: _Clock,
    zones: Zones = (),
) -> dt.date:
    """Return *day* with the first time printed in *around* (after it, before it, inside it)."""
    match = _find_time(around, clock)
    if match is None:
        return day
    hour, minute = int(match.group("h")), int(match.group("m") or 0)
    second = int(match.groupdict().get("s") or 0)
    ampm = match.groupdict().get("ampm")
    is_pm = ampm.lower().startswith("p") if ampm else _half_of_day(match, clock)
    if is_pm is not None and 1 <= hour <= 12:  # noqa: PLR2004 - a 12-hour time
        hour = hour % 12 + (12 if is_pm else 0)
    elif ampm:
        return day  # "15:30 p.m.": not a time
    if hour > 23 or minute > 59 or second > 59:  # noqa: PLR2004
        return day
    zone = _zone(match, zones) if "zone" in match.re.groupindex else None
    return dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone)


def read_date(
    text: str,
    *,
    order: str,
    lexicon: Lexicon,
    prefer: Sequence[str] = (),
    zones: Zones = (),
) -> dt.date | None:
    """Return the first date *text* shows with its year, or None.

    A time after the date makes it a ``datetime`` (aware when a zone is given).
    A month name that means different months in different languages is read
    in the first language of *prefer* that knows it. *zones* are a profile's
    own zone abbreviations (``(("IST", 330),)``), read before the shipped table.

    >>> from wireparse._phrases import lexicon
    >>> read_date("02.05.2025", order="dmy", lexicon=lexicon())
    datetime.date(2025, 5, 2)
    >>> read_date("05/04/2025 14:05", order="mdy", lexicon=lexicon())
    datetime.datetime(2025, 5, 4, 14, 5)
    >>> read_date("2 Mayıs 2025", order="dmy", lexicon=lexicon()) is not None
    True
    """
    clock = _clock(lexicon)
    iso = _ISO.search(text)
    if iso is not None:
        return _iso_date(iso, clock, zones)
    numeric = _NUMERIC.search(text)
    if numeric is not None:
        day = _numeric(numeric, order)
        return (
            None
            if day is None
            else _with_time(
                day, (text[numeric.end() :], text[: numeric.start()]), clock=clock, zones=zones
            )
        )
    units = None if clock.unit_date is None else clock.unit_date.search(text)
    if units is not None:
        day = _make(int(units.group(1)), int(units.group(2)), int(units.group(3)))
        return (
            None
            if day is None
            else _with_time(
                day, (text[units.end() :], text[: units.start()]), clock=clock, zones=zones
            )
        )
    for match in _WORD_DATE.finditer(text):
        day = _word_date(match, lexicon, prefer)
        if day is not None:
            return _with_time(
                day,
                (text[match.end() :], text[: match.start()], match.group()),
                clock=clock,
                zones=zones,
            )
    return None


def _iso_date(match: re.Match[str], clock: _Clock, zones: Zones) -> dt.date | None:
    """Read an ISO date; a time printed after a bare day counts too ("2025-03-14 à 18:42")."""
    try:
        value = _iso(match.group())
    except ValueError:
        return None
    if len(match.group()) > _ISO_DAY:
        return value
    return _with_time(value, (match.string[match.end() :],), clock=clock, zones=zones)


def _iso(value: str) -> dt.date:
    if len(value) == _ISO_DAY:
        return dt.date.fromisoformat(value)
    # imported here: only ISO strings with a time need it, and it costs ~10 ms at import
    from dateutil import parser as dateutil_parser  # noqa: PLC0415

    return dateutil_parser.isoparse(value)


def _word_date(match: regex.Match[str], lexicon: Lexicon, prefer: Sequence[str]) -> dt.date | None:
    if match.group("m1") is not None:
        day, name, year = match.group("d1"), match.group("m1"), match.group("y1")
    elif match.group("m2") is not None:
        day, name, year = match.group("d2"), match.group("m2"), match.group("y2")
    else:  # "2015-кві-12"
        day, name, year = match.group("d3"), match.group("m3"), match.group("y3")
    words = name.split(" ")
    month = None
    for candidate in (name, words[0], words[-1]):
        month = lexicon.month(candidate, prefer) or lexicon.month(candidate.rstrip("."), prefer)
        if month is not None:
            break
    if month is None:
        return None
    return _make(int(year), month, int(day))
