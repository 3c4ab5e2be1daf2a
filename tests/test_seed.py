"""The seed story parses to every key of its label (the project's first promise)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import wireparse

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = SEEDS / "000_49e56f66ff81d9e7"


@pytest.fixture(name="label", scope="module")
def _label() -> dict[str, Any]:
    return json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.fixture(name="article", scope="module")
def _article() -> wireparse.Article:
    return wireparse.parse(SEED.with_suffix(".txt").read_text(encoding="utf-8"))


class TestSeedStory:
    """The Anadolu English story the project was born from."""

    def test_agency_and_language(self, article, label):
        """The agency is detected as Anadolu and the body read as English."""
        assert article.agency == label["agency"] == "aa"
        assert article.language == label["language"] == "en"

    def test_head(self, article, label):
        """Section, headline and standfirst are the lines above the byline."""
        assert article.section == label["section"]
        assert article.headline == label["headline"]
        assert article.standfirst == label["standfirst"]

    def test_byline_and_dates(self, article, label):
        """The byline line gives the author and both dates, read day-first."""
        assert article.byline is not None
        assert list(article.byline.authors) == label["authors"]
        assert article.published is not None
        assert article.updated is not None
        assert article.published.isoformat() == label["published"]
        assert article.updated.isoformat() == label["updated"]

    def test_dateline(self, article, label):
        """The city alone on its line is the dateline, with no agency or date."""
        assert article.dateline is not None
        expected = label["dateline"]
        assert article.dateline.location == expected["location"]
        assert article.dateline.agency == expected["agency"]
        assert article.dateline.date_text == expected["date"]

    def test_body(self, article, label):
        """All twelve paragraphs, from the first to the last, and nothing else."""
        assert len(article.body) == label["body_paragraphs"] == 12
        assert article.body[0] == label["body_first"]
        assert article.body[-1] == label["body_last"]

    def test_noise_removed_each_with_its_own_reason(self, article, label):
        """The four noise lines are in ``removed``, each for its own reason, none in the body."""
        removed = {r.text: r for r in article.removed}
        assert sorted(removed) == sorted(label["noise"])
        assert len({r.rule for r in article.removed}) == len(label["noise"])
        assert len({r.reason for r in article.removed}) == len(label["noise"])
        for line in label["noise"]:
            assert all(line not in paragraph for paragraph in article.body)
        assert removed["Bu haberi paylaşın"].rule == "phrases.tr.share"
        assert removed["Related topics"].rule == "phrases.en.related"

    def test_quotes_and_speaker(self, article, label):
        """The six quotes are found in order, all said by Zamir Kabulov."""
        expected = label["quotes"]
        assert len(article.quotes) == len(expected)
        for quote, wanted in zip(article.quotes, expected, strict=True):
            assert quote.text.strip(" .,") == wanted["text"].strip(" .,")
            assert quote.speaker == "Zamir Kabulov"
            assert article.body[quote.paragraph][quote.start : quote.end] == quote.text
        assert [q.partial for q in article.quotes] == [True, False, False, False, True, True]

    def test_every_line_accounted_for(self, article):
        """Removed lines carry their 1-based line numbers in the input."""
        lines = SEED.with_suffix(".txt").read_text(encoding="utf-8").split("\n")
        for removal in article.removed:
            assert lines[removal.line - 1].strip() == removal.text
