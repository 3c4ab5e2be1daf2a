"""Times of day printed with a date: 12-hour times with a word for the half of the day.

Chinese, Japanese, Korean, Hindi and Arabic copy print 12-hour times with a
word for the morning or the afternoon and evening (the phrase tables'
``time_am`` / ``time_pm``), before or after the clock; Chinese, Japanese and
Korean may spell the hour with a word (``3点``, ``3時``, ``3시``); French and
Portuguese write ``14h30``.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import wireparse
from agency_strategies import EN_MONTHS_SHORT
from wireparse._dates import date_line, is_date_line, read_date
from wireparse._phrases import lexicon, phrase_table, phrase_tables

_DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
_LANGUAGES = ("zh", "ja", "ko", "hi", "ar")


def _cjk_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _numeric_date(day: dt.date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


@st.composite
def twelve_hour_stamps(draw: st.DrawFn) -> tuple[str, str, dt.datetime]:
    """A date and a 12-hour time with its half-of-day word, in one language's way."""
    language = draw(st.sampled_from(_LANGUAGES))
    day = draw(_DAYS)
    hour = draw(st.integers(1, 12))
    minute = draw(st.integers(0, 59))
    afternoon = draw(st.booleans())
    table = phrase_table(language)
    word = draw(st.sampled_from(table.get("time_pm" if afternoon else "time_am")))
    clock = f"{hour}:{minute:02d}"
    if language == "zh":
        stamp = f"{_cjk_date(day)} {word}{hour}{draw(st.sampled_from('点时'))}{minute}分"
    elif language == "ja":
        stamp = f"{_cjk_date(day)} {word}{hour}時{minute}分"
    elif language == "ko":
        form = draw(st.sampled_from((f"{word} {clock}", f"{word} {hour}시 {minute}분")))
        stamp = f"{_numeric_date(day)} {form}"
    elif language == "hi":
        stamp = f"{_numeric_date(day)}, {word} {clock}"
    else:  # Arabic: the word after the clock
        stamp = f"{_numeric_date(day)} {clock} {word}"
    expected = dt.datetime(
        day.year, day.month, day.day, hour % 12 + (12 if afternoon else 0), minute
    )
    return language, stamp, expected


class TestTimesOfDay:
    @given(twelve_hour_stamps())
    def test_the_half_of_day_word_sets_the_hour(self, case: tuple[str, str, dt.datetime]):
        language, stamp, expected = case
        assert read_date(stamp, order="dmy", lexicon=lexicon(), prefer=(language,)) == expected

    @given(_DAYS, st.integers(13, 23), st.integers(0, 59), st.sampled_from(("下午", "晚上")))
    def test_a_24_hour_time_is_read_as_written(self, day, hour, minute, word):
        stamp = f"{_cjk_date(day)} {word}{hour}时{minute}分"
        found = read_date(stamp, order="dmy", lexicon=lexicon(), prefer=("zh",))
        assert found == dt.datetime(day.year, day.month, day.day, hour, minute)

    @given(_DAYS, st.integers(0, 23), st.integers(0, 59), st.sampled_from(("h", " h ")))
    def test_french_hours(self, day, hour, minute, mark):
        stamp = f"{day.day} {_french_month(day.month)} {day.year} à {hour}{mark}{minute:02d}"
        found = read_date(stamp, order="dmy", lexicon=lexicon(), prefer=("fr",))
        assert found == dt.datetime(day.year, day.month, day.day, hour, minute)

    @given(_DAYS, st.integers(0, 23))
    def test_an_hour_word_alone_is_the_full_hour(self, day, hour):
        stamp = f"{_cjk_date(day)} {hour}時"
        found = read_date(stamp, order="dmy", lexicon=lexicon(), prefer=("ja",))
        assert found == dt.datetime(day.year, day.month, day.day, hour, 0)

    def test_no_word_leaves_a_12_hour_clock_as_written(self):
        found = read_date("2025年5月2日 3点", order="dmy", lexicon=lexicon(), prefer=("zh",))
        assert found == dt.datetime(2025, 5, 2, 3, 0)

    def test_both_halves_named_decide_nothing(self):
        found = read_date("02.05.2025 上午下午 3:15", order="dmy", lexicon=lexicon())
        assert found == dt.datetime(2025, 5, 2, 3, 15)


_MARKED = tuple(sorted(code for code, table in phrase_tables().items() if table.get("year_marks")))


@st.composite
def marked_stamps(draw: st.DrawFn) -> tuple[str, str, dt.datetime]:
    """A date and a 24-hour time spelt with one table's marks, spaced in any way."""
    table = phrase_table(draw(st.sampled_from(_MARKED)))
    day = draw(_DAYS)
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    gaps = st.sampled_from(("", " "))

    def mark(key: str) -> str:
        return draw(st.sampled_from(table.get(key))) if table.get(key) else ""

    def number(value: int) -> str:
        return draw(st.sampled_from((str(value), f"{value:02d}")))

    parts = (
        f"{day.year}{draw(gaps)}{mark('year_marks')}{draw(gaps)}",
        f"{number(day.month)}{draw(gaps)}{mark('month_marks')}{draw(gaps)}",
        f"{number(day.day)}{draw(gaps)}{mark('day_marks')} ",
        f"{number(hour)}{draw(gaps)}{mark('hour_marks')}{draw(gaps)}",
        f"{number(minute)}{draw(gaps)}{mark('minute_marks')}",
    )
    return table.language, "".join(parts), dt.datetime(day.year, day.month, day.day, hour, minute)


class TestMarks:
    """Dates and times spelt with the marks of the phrase tables ("2025년 5월 2일 14시 30분")."""

    def test_the_tables_give_marks(self):
        assert set(_MARKED) >= {"ja", "ko", "zh"}

    @given(marked_stamps())
    def test_marked_dates_and_times_are_read(self, case: tuple[str, str, dt.datetime]):
        language, stamp, expected = case
        found = read_date(stamp, order="dmy", lexicon=lexicon(), prefer=(language,))
        assert found == expected, stamp

    @given(st.sampled_from(_MARKED), _DAYS, st.integers(13, 40))
    def test_no_date_without_a_real_month(self, language, day, month):
        table = phrase_table(language)
        year_mark, month_mark = table.get("year_marks")[0], table.get("month_marks")[0]
        stamp = f"{day.year}{year_mark} {month}{month_mark} {day.day}"
        assert read_date(stamp, order="dmy", lexicon=lexicon(), prefer=(language,)) is None


def _french_month(month: int) -> str:
    """The French table's first name of *month* ("janvier")."""
    return phrase_table("fr").months[month - 1][0]


_CLOCKED = tuple(
    sorted(code for code, table in phrase_tables().items() if table.get("clock_words"))
)


class TestDateLines:
    """Lines that are only a date: with a clock word, a zone, a place, or without the year."""

    @given(st.sampled_from(_CLOCKED), _DAYS, st.integers(0, 23), st.integers(0, 59))
    def test_clock_words(self, language, day, hour, minute):
        word = phrase_table(language).get("clock_words")[0]
        line = f"{_numeric_date(day)}, {hour:02d}:{minute:02d} {word}"
        found = date_line(line, order="dmy", lexicon=lexicon())
        assert found is not None
        assert found.published == dt.datetime(day.year, day.month, day.day, hour, minute)

    @given(_DAYS, st.integers(1, 12), st.integers(0, 59), st.sampled_from(("IST", "XYZ", "ABCD")))
    def test_an_unknown_zone_after_the_time_is_read_without_offset(self, day, hour, minute, zone):
        month = EN_MONTHS_SHORT[day.month - 1]
        line = f"Published: {day.day} {month} {day.year} {hour}:{minute:02d} PM {zone}"
        found = date_line(line, order="dmy", lexicon=lexicon())
        assert found is not None
        assert found.published == dt.datetime(day.year, day.month, day.day, hour % 12 + 12, minute)

    @given(st.sampled_from(("NAPOLI", "ROMA", "SÃO PAULO", "NEW YORK")), _DAYS, st.integers(0, 23))
    def test_a_place_in_capitals_before_the_date(self, place, day, hour):
        line = f"{place}, {day.day} {_italian_month(day.month)} {day.year}, {hour:02d}:15"
        found = date_line(line, order="dmy", lexicon=lexicon())
        assert found is not None
        assert found.published == dt.datetime(day.year, day.month, day.day, hour, 15)

    @given(_DAYS, st.integers(0, 23), st.integers(0, 59), st.sampled_from(("", "UPDATED: ")))
    def test_a_date_without_its_year_is_a_date_line_of_no_date(self, day, hour, minute, label):
        line = f"{label}{day.day} {EN_MONTHS_SHORT[day.month - 1].upper()}, {hour:02d}:{minute:02d}"
        assert date_line(line, order="dmy", lexicon=lexicon()) is None
        assert is_date_line(line, order="dmy", lexicon=lexicon())
        text = f"A headline of some length here\n\n{line}\n\nThe body was written here."
        article = wireparse.parse(text, profile="generic")
        assert [(r.text, r.rule) for r in article.removed] == [(line, "layout.date_line")]
        assert (article.published, article.updated) == (None, None)

    @given(
        _DAYS,
        st.integers(1, 12),
        st.integers(0, 59),
        st.integers(1, 23),
        st.sampled_from(("hours", "minutes", "days")),
    )
    def test_an_update_given_as_a_relative_time(self, day, hour, minute, ago, unit):
        """ "Sept 17, 2026 9:41 AM GMT+2 Updated 3 hours ago": published read, no update date."""
        month = EN_MONTHS_SHORT[day.month - 1]
        line = (
            f"{month} {day.day}, {day.year} {hour}:{minute:02d} AM GMT+2 Updated {ago} {unit} ago"
        )
        found = date_line(line, order="mdy", lexicon=lexicon())
        assert found is not None
        zone = dt.timezone(dt.timedelta(hours=2))
        assert found.published == dt.datetime(
            day.year, day.month, day.day, hour % 12, minute, tzinfo=zone
        )
        assert found.updated is None

    @given(
        st.integers(1, 59), st.sampled_from(("{} hours ago", "{} uur geleden", "vor {} Minuten"))
    )
    def test_a_relative_time_alone_is_a_date_line_of_no_date(self, number, form):
        line = form.format(number)
        assert is_date_line(line, order="dmy", lexicon=lexicon())
        assert date_line(line, order="dmy", lexicon=lexicon()) is None

    @given(st.integers(0, 23), st.integers(0, 59))
    def test_a_sentence_with_a_time_is_no_date_line(self, hour, minute):
        line = f"Officials met at {hour:02d}:{minute:02d} in the capital"
        assert not is_date_line(line, order="dmy", lexicon=lexicon())


def _italian_month(month: int) -> str:
    """The Italian table's first name of *month* ("maggio")."""
    return phrase_table("it").months[month - 1][0]
