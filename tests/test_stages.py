"""The pipeline stages one by one: normalise, segment, dates, bylines, datelines, quotes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wireparse
from strategies import hostile_text, names
from wireparse._dates import read_date
from wireparse._extract.byline import split_authors
from wireparse._extract.quotes import extract_quotes, find_spans
from wireparse._normalize import normalize
from wireparse._phrases import lexicon, phrase_table
from wireparse._segment import segment


class TestNormalize:
    """Stage 1."""

    @given(hostile_text)
    def test_idempotent_and_keeps_line_count(self, text):
        """Normalising twice changes nothing; line breaks map one for one."""
        once = normalize(text)
        assert normalize(once) == once
        breaks = sum(text.count(c) for c in "\n\r\x0b\x0c\x85\u2028\u2029") - text.count("\r\n")
        assert once.count("\n") == breaks

    def test_drops_invisible_characters(self):
        """BOM, zero-width space, bidi marks and wire control characters go."""
        assert normalize("\ufeff\x01A\u200bB\u200fC\x03") == "ABC"

    def test_spaces_become_plain(self):
        """No-break and other spaces become plain spaces; tabs too."""
        assert normalize("a\u00a0b\u2009c\td") == "a b c d"


class TestSegment:
    """Stage 2."""

    def test_blank_lines_are_not_blocks(self):
        """Each non-blank line is a block with its line number and indent."""
        blocks = segment("one\n\n   two  words\n")
        assert [(b.text, b.lines, b.indent) for b in blocks] == [
            ("one", (1,), 0),
            ("two words", (3,), 3),
        ]

    def test_hard_wrapped_paragraphs_are_joined(self):
        """Indented first lines open paragraphs; flush lines after them are joined on."""
        text = "TITLE LINE\n    CITY, Feb 2 - One two three four five six\nseven eight nine.\n    Next paragraph starts here and\nends here.\n Reuter"
        blocks = segment(text)
        assert [b.lines for b in blocks] == [(1,), (2, 3), (4, 5), (6,)]
        assert blocks[1].text == "CITY, Feb 2 - One two three four five six seven eight nine."

    def test_long_lines_are_never_joined(self):
        """Copy whose lines are paragraphs (longer than any wire width) stays as it is."""
        long = "A sentence that goes on. " * 6
        text = f"Title\n{long}\n  {long}\nmore {long}"
        assert len(segment(text)) == 4


class TestDates:
    """Dates are read only with their year, in the profile's order."""

    @pytest.mark.parametrize(
        ("text", "order", "expected"),
        [
            ("05.04.2025", "dmy", dt.date(2025, 4, 5)),
            ("05.04.2025", "mdy", dt.date(2025, 5, 4)),
            ("2025-04-05", "mdy", dt.date(2025, 4, 5)),
            ("2 Mayıs 2025 14:05", "dmy", dt.datetime(2025, 5, 2, 14, 5)),
            ("May 2, 2025", "dmy", dt.date(2025, 5, 2)),
            (
                "02.05.2025 14:05 GMT+3",
                "dmy",
                dt.datetime(2025, 5, 2, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=3))),
            ),
            (
                "02.05.2025 09:30 EDT",
                "dmy",
                dt.datetime(2025, 5, 2, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-4))),
            ),
            ("٠٢.٠٥.٢٠٢٥", "dmy", dt.date(2025, 5, 2)),
            ("2025年5月2日", "dmy", dt.date(2025, 5, 2)),
            ("2016年6月29", "ymd", dt.date(2016, 6, 29)),
            ("13/03/2014", "mdy", dt.date(2014, 3, 13)),
            ("26. 10.2021", "dmy", dt.date(2021, 10, 26)),
            ("09-Apr-2007 00:00", "mdy", dt.datetime(2007, 4, 9, 0, 0)),
            ("14-Aralık-2012, 20:56", "dmy", dt.datetime(2012, 12, 14, 20, 56)),
            ("Wed Aug 05 12:00:00 2015", "mdy", dt.datetime(2015, 8, 5, 12, 0)),
            (
                "Thu Aug 25 10:46:55 GMT 2011",
                "mdy",
                dt.datetime(2011, 8, 25, 10, 46, 55, tzinfo=dt.UTC),
            ),
            ("Авг 26, 2015 15:12", "mdy", dt.datetime(2015, 8, 26, 15, 12)),
            ("17 верес 2015", "dmy", dt.date(2015, 9, 17)),
            ("2015-кві-12", "dmy", dt.date(2015, 4, 12)),
            ("September, 26th 2011 by Christo Hall", "mdy", dt.date(2011, 9, 26)),
            ("Fri | September 1 | 2017", "dmy", dt.date(2017, 9, 1)),
        ],
    )
    def test_reads(self, text, order, expected):
        """Numeric, textual, CJK and Arabic-Indic dates, with times and zones."""
        value = read_date(text, order=order, lexicon=lexicon())
        assert value == expected
        assert type(value) is type(expected)

    @pytest.mark.parametrize(
        "text", ["May 2", "02.05.25", "31.02.2025", "Friday", "", "25:99 2025"]
    )
    def test_never_guesses(self, text):
        """No year, a two-digit year or an impossible date gives None."""
        assert read_date(text, order="dmy", lexicon=lexicon()) is None

    @given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from(("dmy", "mdy")))
    def test_numeric_round_trip(self, day, order):
        """A date printed in the profile's order reads back as the same date."""
        fmt = "%d.%m.%Y" if order == "dmy" else "%m/%d/%Y"
        assert read_date(day.strftime(fmt), order=order, lexicon=lexicon()) == day


_ONE_WORD_ALIASES = sorted(
    {
        alias
        for profile in wireparse.builtin_profiles()
        for alias in profile.aliases
        if alias.isalpha() and alias[:1].isupper() and alias[1:].islower()
    }
)


class TestBylines:
    """Authors are people: no agency, no title, no place."""

    @given(st.sampled_from(_ONE_WORD_ALIASES), names())
    def test_a_surname_may_be_an_agency_word(self, alias, name):
        """ "Hannah Reuter" is a person; "Reuter Staff" and "Reuter" alone are not."""
        first = name.split(" ", 1)[0]
        words, profile = lexicon(), wireparse.get_profile("generic")
        assert split_authors(f"{first} {alias}", words, profile) == (f"{first} {alias}",)
        assert split_authors(f"{alias} Staff", words, profile) == ()
        assert split_authors(alias, words, profile) == ()

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("By Jane Doe", ("Jane Doe",)),
            ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
            (
                "By Matthew Garrahan in Los Angeles and Tim Bradshaw in San Francisco",
                ("Matthew Garrahan", "Tim Bradshaw"),
            ),
            ("By TOM NEWTON DUNN, Political Editor", ("TOM NEWTON DUNN",)),
            ("By Cal Mankowski, Reuters", ("Cal Mankowski",)),
            ("By The Associated Press", ()),
            ("By Ali al-Hashimi", ("Ali al-Hashimi",)),
        ],
    )
    def test_split(self, text, expected):
        """Names are split on commas and conjunctions; the rest is left out."""
        assert split_authors(text, lexicon(), wireparse.get_profile("generic")) == expected

    def test_a_sentence_is_not_a_byline(self):
        """'By Monday, the talks had stalled.' names nobody: not a byline."""
        assert (
            split_authors(
                "By Monday, the talks had stalled.", lexicon(), wireparse.get_profile("generic")
            )
            is None
        )

    @given(st.lists(names(), min_size=1, max_size=4, unique=True))
    def test_names_come_back(self, people):
        """Any list of names joined the wire way comes back in order."""
        text = "By " + (
            people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]
        )
        assert split_authors(text, lexicon(), wireparse.get_profile("generic")) == tuple(people)

    @given(
        st.lists(names(), min_size=1, max_size=3, unique=True),
        st.sampled_from([p for p in wireparse.builtin_profiles() if p.display_name]),
    )
    def test_an_agency_in_brackets_is_no_author(self, people, profile):
        """ "By Anna Berg (KNA)": the agency credited in brackets is left out."""
        credited = [f"{person} ({profile.display_name})" for person in people]
        text = "By " + " and ".join(credited)
        assert split_authors(text, lexicon(), wireparse.get_profile("generic")) == tuple(people)

    @given(
        names(),
        st.sampled_from(["Paris", "Middle East", "Hong Kong"]),
        st.sampled_from(["Bureau Chief", "Special Correspondent", "Political Editor"]),
    )
    def test_a_title_of_several_words_after_a_place_is_no_author(self, person, place, title):
        """ "By Jane Doe, Paris Bureau Chief": the title is not a second person."""
        text = f"By {person}, {place} {title}"
        assert split_authors(text, lexicon(), wireparse.get_profile("generic")) == (person,)

    @given(
        st.lists(names(), min_size=1, max_size=3, unique=True),
        st.lists(
            st.tuples(
                st.sampled_from(phrase_table("en").get("byline_credits")),
                st.lists(names(), min_size=1, max_size=2, unique=True),
            ),
            min_size=1,
            max_size=3,
        ),
        st.sampled_from(["; ", ", "]),
    )
    def test_credits_of_others_work_are_no_authors(self, people, credited, joint):
        """ "By Jane Doe; Additional reporting by Max Roe; Editing by Ruth Poe"."""
        text = "By " + " and ".join(people)
        for phrase, others in credited:
            text += joint + phrase + " " + " and ".join(others)
        assert split_authors(text, lexicon(), wireparse.get_profile("generic")) == tuple(people)

    def test_a_credit_alone_is_no_byline(self):
        """A line that is only a credit of others' work names no author: not a byline."""
        found = split_authors("Editing by Ruth Poe", lexicon(), wireparse.get_profile("generic"))
        assert found is None

    def test_brackets_holding_no_agency_or_title_are_not_dropped(self):
        """ "By Jane Doe (Paris)": what is not an agency or a title is never left out silently.

        The part does not read as a name, so the line is not taken for a byline.
        """
        found = split_authors("By Jane Doe (Paris)", lexicon(), wireparse.get_profile("generic"))
        assert found is None


class TestDatelines:
    """The agency tag belongs to the dateline, never to the authors or the body."""

    @pytest.mark.parametrize(
        ("line", "location", "agency", "date"),
        [
            (
                "KATHMANDU, April 25 (Reuters) - Nepal's aviation body said.",
                "KATHMANDU",
                "Reuters",
                "April 25",
            ),
            ("LA CROSSE, Wis. (AP) \u2014 The river rose.", "LA CROSSE, Wis.", "AP", None),
            (
                "BRISBANE, Australia, Jan. 1(Xinhua) -- Body.",
                "BRISBANE, Australia",
                "Xinhua",
                "Jan. 1",
            ),
            ("Nueva Delhi, 21 ene (EFE).- Una pareja.", "Nueva Delhi", "EFE", "21 ene"),
            ("STOCKHOLM, Aug 29, 2014 (AFP) - Body.", "STOCKHOLM", "AFP", "Aug 29, 2014"),
            ("San Diego (tca/dpa) - History says.", "San Diego", "tca/dpa", None),
            ("(ANSA) - ROMA, 1 LUG - Test.", "ROMA", "ANSA", "1 LUG"),
            ("MOSCOW, January 21. /TASS/. The Kremlin said.", "MOSCOW", "TASS", "January 21"),
            ("SALVADOR, Feb 26 - Brazilian farmers said.", "SALVADOR", None, "Feb 26"),
            ("New York, April 8 - Stocks fell.", "New York", None, "April 8"),
        ],
    )
    def test_generic_forms(self, line, location, agency, date):
        """The generic profile splits the dateline forms agencies use off the body."""
        article = wireparse.parse(
            f"Headline here\n\n{line}\n\nSecond paragraph.", profile="generic"
        )
        assert article.dateline is not None
        assert (article.dateline.location, article.dateline.agency, article.dateline.date_text) == (
            location,
            agency,
            date,
        )
        assert not article.body[0].startswith(("-", "\u2014", "(", "/", "."))
        assert article.byline is None or agency not in article.byline.authors


class TestDatelineAlone:
    """A tagged or dated dateline may stand alone on its line above the body."""

    def test_dateline_alone_above_a_table(self):
        """'MONTREAL, Feb 26-' on its own line is the dateline; the table is the body."""
        article = wireparse.parse(
            "IVACO YEAR NET\nMONTREAL, Feb 26-\nShr 1.11 dlrs vs 1.04 dlrs\nNet 44 mln vs 35 mln"
        )
        assert article.dateline is not None
        assert (article.dateline.location, article.dateline.date_text) == ("MONTREAL", "Feb 26")
        assert article.body == ("Shr 1.11 dlrs vs 1.04 dlrs", "Net 44 mln vs 35 mln")


class TestQuotes:
    """Quote marks, attribution and resolution."""

    @given(st.text(alphabet="“”„«»‹›‘’\"'` abc.,\n", max_size=200))
    def test_random_marks_never_raise_and_spans_index_exactly(self, text):
        """Unbalanced or random marks never raise; every span indexes its paragraph."""
        paragraphs = [p for p in text.split("\n") if p]
        for quote in extract_quotes(paragraphs, [], lexicon()):
            assert paragraphs[quote.paragraph][quote.start : quote.end] == quote.text

    def test_unclosed_quote_stops_at_its_paragraph(self):
        """An opening mark never closed runs to the end of its paragraph, no further."""
        spans = find_spans("He said “this never ends. And more")
        assert len(spans) == 1
        assert not spans[0].closed

    def test_apostrophes_are_not_quotes(self):
        """Apostrophes inside words do not close single quotes."""
        spans = find_spans("She said ‘don’t go’ twice.")
        assert [("She said ‘don’t go’ twice."[s.start : s.end]) for s in spans] == ["don’t go"]

    @pytest.mark.parametrize(
        ("paragraph", "speaker", "partial"),
        [
            ("“We will win,” Jane Doe said.", "Jane Doe", False),
            ("“We will win,” said Jane Doe.", "Jane Doe", False),
            ("Jane Doe said: “We will win.”", "Jane Doe", False),
            ("Jane Doe called it a “historic” day.", "Jane Doe", True),
            ("The so-called “reform” passed on Friday.", None, True),
            ("Jane Doe said it was a “historic” day.", "Jane Doe", True),
            ("``We will win,'' Jane Doe said.", "Jane Doe", False),
            ("„Wir gewinnen“, Jane Doe said.", "Jane Doe", False),
            (
                "The group's chairwoman, Anouk de Wit, told reporters: “We won.”",
                "Anouk de Wit",
                False,
            ),
            (
                "Le maire de Douarnenez, Jean-Yves Kerhervé, a dénoncé une « réponse lente ».",
                "Jean-Yves Kerhervé",
                True,
            ),
            (
                "Leonid Slutsky, leader of the party, told reporters: “It is law.”",
                "Leonid Slutsky",
                False,
            ),
        ],
    )
    def test_attribution_forms(self, paragraph, speaker, partial):
        """After, before and around the quote; partial quotes take their sentence's speaker."""
        (quote,) = extract_quotes([paragraph], [], lexicon())
        assert quote.speaker == speaker
        assert quote.partial is partial

    def test_surname_and_pronoun_resolve_to_the_full_name(self):
        """'Doe' and 'she' become the fullest name the story gives."""
        body = [
            "Jane Doe, the minister, spoke on Friday.",
            "“It is done,” Doe said.",
            "“We move on,” she said.",
        ]
        quotes = extract_quotes(body, [], lexicon())
        assert [q.speaker for q in quotes] == ["Jane Doe", "Jane Doe"]
        assert [q.speaker_raw for q in quotes] == ["Doe", "she"]


class TestDateLines:
    """Lines that are only a date give the article its dates and leave the story."""

    @pytest.mark.parametrize(
        ("line", "field", "expected"),
        [
            (
                "Updated 6:42 PM MDT, June 3, 2025",
                "updated",
                dt.datetime(2025, 6, 3, 18, 42, tzinfo=dt.timezone(dt.timedelta(hours=-6))),
            ),
            (
                "June 18, 2025 9:05 AM GMT+9",
                "published",
                dt.datetime(2025, 6, 18, 9, 5, tzinfo=dt.timezone(dt.timedelta(hours=9))),
            ),
            ("Published: 02.05.2025", "published", dt.date(2025, 2, 5)),
            ("Güncelleme: 2 Mayıs 2025 14:05", "updated", dt.datetime(2025, 5, 2, 14, 5)),
        ],
    )
    def test_date_line_is_read_and_removed(self, line, field, expected):
        """A labelled or bare date line under the headline sets the date and is removed."""
        text = f"Storm hits the coast\n\n{line}\n\nWASHINGTON (AP) \u2014 A storm hit the coast."
        article = wireparse.parse(text, profile="ap")
        assert getattr(article, field) == expected
        assert [(r.text, r.rule) for r in article.removed] == [(line, "layout.date_line")]
        assert article.dateline is not None
        assert article.body == ("A storm hit the coast.",)

    def test_a_headline_with_a_date_is_not_a_date_line(self):
        """A line with other words and a date stays where it is."""
        article = wireparse.parse("Elections set for June 3, 2025\n\nVoters will choose a council.")
        assert article.headline == "Elections set for June 3, 2025"
        assert article.removed == ()

    def test_dateline_with_a_year_gives_the_publication_date(self):
        """'STOCKHOLM, Aug 29, 2014 (AFP) -' shows its year, so it dates the story."""
        article = wireparse.parse("Title\n\nSTOCKHOLM, Aug 29, 2014 (AFP) - Body text here.")
        assert article.published == dt.date(2014, 8, 29)

    def test_dateline_without_a_year_gives_no_date(self):
        """'May 2' has no year: no publication date is guessed."""
        assert wireparse.parse("Title\n\nGENEVA, May 2 (Reuters) - Body text.").published is None


class TestSeparators:
    """A separator line closing the story is removed with what follows it."""

    @pytest.mark.parametrize("line", ["___", "-- 30 --", "***", "###"])
    def test_separator(self, line):
        """Separator lines at the end are noise."""
        article = wireparse.parse(f"Title\n\nLONDON (Reuters) - Body text.\n\n{line}")
        assert [r.rule for r in article.removed] == ["generic.separator"]
