"""End-to-end properties of parse, explain and clean, on generated and arbitrary text."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

import wireparse
from helpers import accounted
from strategies import Specimen, WrappedSpecimen, aa_stories, hostile_text, wrapped_stories
from wireparse import Article, BlockKind


class TestAnadoluStories:
    """Stories built from parts in the Anadolu layout give every part back."""

    @given(aa_stories())
    def test_parts_come_back_exactly(self, s: Specimen):
        """Section, headline, standfirst, authors, dates, dateline, body and topics."""
        article = wireparse.parse(s.text)
        assert article.agency == "aa"
        assert article.section == s.section
        assert article.headline == s.headline
        assert article.standfirst == s.standfirst
        assert article.byline is not None
        assert article.byline.authors == s.authors
        assert article.published == s.published
        assert type(article.published) is type(s.published)
        assert article.updated == s.updated
        assert article.dateline is not None
        assert article.dateline.location == s.dateline
        assert article.body == s.body
        assert article.topics == s.topics

    @given(aa_stories())
    def test_noise_is_removed_and_only_noise(self, s: Specimen):
        """Every footer line and repeated headline is removed; no body line is."""
        article = wireparse.parse(s.text)
        removed = [r.text for r in article.removed]
        assert sorted(removed) == sorted(s.noise)
        assert all(r.rule and r.reason for r in article.removed)

    @given(aa_stories())
    def test_every_line_accounted_for_once(self, s: Specimen):
        """Each non-blank input line is in exactly one field or in removed."""
        assert accounted(s.text, wireparse.parse(s.text))

    @given(aa_stories(), st.sampled_from(("\r\n", "\r", "\u2028")))
    def test_line_endings_do_not_matter(self, s: Specimen, newline: str):
        """CRLF, CR and LINE SEPARATOR give the same article as LF."""
        assert wireparse.parse(s.text.replace("\n", newline)) == wireparse.parse(s.text)

    @given(aa_stories())
    def test_trailing_spaces_do_not_matter(self, s: Specimen):
        """Spaces and no-break spaces at line ends change nothing."""
        spaced = s.text.replace("\n", " \u00a0\n")
        assert wireparse.parse(spaced) == wireparse.parse(s.text)


class TestHardWrappedCopy:
    """Copy wrapped at a fixed width reads the same as one paragraph a line."""

    @given(wrapped_stories())
    def test_both_layouts_give_the_same_story(self, s: WrappedSpecimen):
        """Re-joined wrapped lines give the body, dateline and byline of the flat copy."""
        flat, wrapped = wireparse.parse(s.flat), wireparse.parse(s.wrapped)
        for article in (flat, wrapped):
            assert article.body == s.body
            assert article.headline == s.headline
            assert article.dateline is not None
            assert (article.dateline.location, article.dateline.date_text) == (
                s.location,
                s.date_text,
            )
            assert (article.byline.authors if article.byline else ()) == s.authors
            assert [r.text for r in article.removed] == ["Reuter"]
        assert accounted(s.wrapped, wrapped)


class TestTotality:
    """Any str parses; the promises hold on text nobody designed."""

    @given(hostile_text)
    def test_parse_never_raises_and_accounts_for_every_line(self, text: str):
        """parse returns an Article for any str, with every line accounted for."""
        article = wireparse.parse(text)
        assert isinstance(article, Article)
        assert accounted(text, article)

    @given(hostile_text)
    def test_explain_covers_every_line_once(self, text: str):
        """explain's blocks cover each non-blank line exactly once, in order."""
        explained = wireparse.explain(text)
        numbers = [n for block in explained.blocks for n in block.lines]
        lines = wireparse._normalize.normalize(text).split("\n")
        assert numbers == [i for i, line in enumerate(lines, 1) if line.strip(" ")]
        body = [b for b in explained.blocks if b.kind is BlockKind.BODY]
        assert len(body) == len(explained.article.body)

    @given(st.one_of(hostile_text, aa_stories().map(lambda s: s.text)))
    def test_clean_is_idempotent(self, text: str):
        """Cleaning cleaned text changes nothing."""
        once = wireparse.clean(text)
        assert wireparse.clean(once) == once

    @given(aa_stories())
    def test_clean_keeps_the_story_and_drops_the_noise(self, s: Specimen):
        """clean keeps every body paragraph and no noise line."""
        cleaned = wireparse.clean(s.text).split("\n\n")
        for paragraph in s.body:
            assert paragraph in cleaned
        for line in s.noise:
            assert line not in cleaned[cleaned.index(s.body[0]) :]


class TestSerialisation:
    """Articles survive JSON-shaped dicts and pickling unchanged."""

    @given(st.one_of(hostile_text, aa_stories().map(lambda s: s.text)))
    def test_round_trip_through_dict_and_pickle(self, text: str):
        """from_dict(to_dict(a)) == a, and pickle gives an equal article."""
        article = wireparse.parse(text)
        assert Article.from_dict(article.to_dict()) == article
        assert pickle.loads(pickle.dumps(article)) == article  # noqa: S301 - our own data
