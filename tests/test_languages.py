"""Noise in every language is stripped; dates read in every language; language is told."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wireparse
from strategies import names, noisy_stories
from wireparse._dates import read_date
from wireparse._phrases import lexicon, phrase_tables

REQUIRED = [
    "en",
    "tr",
    "fr",
    "es",
    "pt",
    "de",
    "it",
    "nl",
    "ru",
    "uk",
    "ar",
    "fa",
    "ku",
    "bs",
    "hr",
    "sr",
    "sq",
    "mk",
    "el",
    "pl",
    "id",
    "ms",
    "zh",
    "ja",
    "ko",
    "hi",
]


class TestTables:
    """The phrase tables the multilingual promise rests on."""

    def test_every_listed_language_has_a_table(self):
        """The 26 languages listed in the docs are shipped."""
        assert set(REQUIRED) <= set(phrase_tables())

    @pytest.mark.parametrize("code", REQUIRED)
    def test_each_table_has_every_kind(self, code):
        """Each table holds share, related, date labels, months, speech verbs and function words."""
        table = phrase_tables()[code]
        for key in ("share", "related", "update_label", "speech_verbs", "function_words"):
            assert table.get(key), key
        assert len(table.months) == 12


class TestNoiseInAnyLanguage:
    """Share bars, related blocks, promos and credits from random languages."""

    @given(noisy_stories())
    def test_body_comes_back_and_only_noise_goes(self, case):
        """The body is exact; each inserted line is removed or a topic; no body line is."""
        text, body, noise, topics = case
        article = wireparse.parse(text)
        assert article.body == body
        assert sorted(r.text for r in article.removed) == sorted(" ".join(n.split()) for n in noise)
        assert list(article.topics) == topics

    def test_a_body_sentence_mentioning_share_stays(self):
        """'Share' inside a sentence is story; a line that is only a share button is not.

        A share bar may stand anywhere on a page (between headline and body, or
        mid-story): it is removed wherever it stands, and listed with its reason.
        """
        text = (
            "Markets rally\n\nInvestors bought shares.\n\nShare this article\n\n"
            "Prices rose again.\n\nShare prices rose again."
        )
        article = wireparse.parse(text)
        assert article.body == (
            "Investors bought shares.",
            "Prices rose again.",
            "Share prices rose again.",
        )
        assert [(r.text, r.rule) for r in article.removed] == [
            ("Share this article", "phrases.en.share")
        ]

    def test_fullwidth_letters(self):
        """A share button in fullwidth letters is still a share button."""
        article = wireparse.parse(
            "Title here\n\nA paragraph was written.\n\n\uff33\uff48\uff41\uff52\uff45"
        )
        assert [r.rule for r in article.removed] == ["phrases.en.share"]

    def test_turkish_dotted_capitals(self):
        """'BU HABERİ PAYLAŞIN' in capitals is the Turkish share button too."""
        article = wireparse.parse("Başlık burada\n\nBir paragraf yazıldı.\n\nBU HABERİ PAYLAŞIN")
        assert [r.rule for r in article.removed] == ["phrases.tr.share"]


_PREFIXES = sorted(
    (table.language, prefix)
    for table in phrase_tables().values()
    for prefix in table.get("byline_prefixes")
)


class TestBylinesInEveryLanguage:
    @given(st.sampled_from(_PREFIXES), st.lists(names(), min_size=1, max_size=2, unique=True))
    def test_every_byline_prefix_opens_a_byline(self, entry, people):
        """Each table's byline prefix, then names: the names are the authors, the line no body."""
        _language, prefix = entry
        line = f"{prefix} {', '.join(people)}"
        text = f"Harbour fees rise sharply\n\n{line}\n\nThe port raised its fees on Monday."
        article = wireparse.parse(text, profile="generic")
        assert article.byline is not None, line
        assert article.byline.authors == tuple(people)
        assert article.byline.raw == line
        assert line not in article.body


class TestDatesInEveryLanguage:
    """Month names in every table read back as their month."""

    @given(st.sampled_from(REQUIRED), st.dates(min_value=dt.date(1900, 1, 1)), st.data())
    def test_day_month_year(self, code, day, data):
        """'D <month name> YYYY' reads back, in every form each table lists."""
        table = phrase_tables()[code]
        name = data.draw(st.sampled_from(table.months[day.month - 1]))
        if any(ch.isdigit() for ch in name):  # "5月" in zh/ja/ko: the CJK form below covers it
            return
        text = f"{day.day} {name} {day.year}"
        assert read_date(text, order="dmy", lexicon=lexicon(), prefer=(code,)) == day

    @given(st.dates(min_value=dt.date(1900, 1, 1)))
    def test_cjk(self, day):
        """'YYYY年M月D日' reads in Chinese and Japanese copy."""
        assert (
            read_date(f"{day.year}年{day.month}月{day.day}日", order="ymd", lexicon=lexicon())
            == day
        )


class TestStoryLanguage:
    """The language is the body's, whatever the page around it."""

    def test_english_story_with_turkish_footer(self):
        """The seed's Turkish share button does not make it Turkish."""
        assert (
            wireparse.parse(
                "Title\n\nThe minister said the talks were over and the deal was done.\n\nBu haberi paylaşın"
            ).language
            == "en"
        )

    def test_language_can_be_given(self):
        """parse(language=...) overrides detection."""
        assert wireparse.parse("Title\n\nThe talks were over.", language="tr").language == "tr"
