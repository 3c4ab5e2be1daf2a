"""Every agency's dateline and byline grammar, generated: the parts come back."""

from __future__ import annotations

from hypothesis import given

import wireparse
from agency_strategies import GRAMMARS, AgencyStory, agency_stories
from wireparse._phrases import fold


class TestAgencyGrammars:
    """Stories in each agency's house style parse to their parts, with or without the profile."""

    @given(agency_stories())
    def test_dateline_parts_come_back(self, s: AgencyStory):
        """Location, agency tag and date text come back exactly as written."""
        for profile in (s.grammar.agency, None):
            article = wireparse.parse(s.text, profile=profile)
            assert article.dateline is not None
            assert (
                article.dateline.location,
                article.dateline.agency,
                article.dateline.date_text,
            ) == (
                s.location,
                s.tag,
                s.date_text,
            )

    @given(agency_stories())
    def test_body_never_starts_with_the_dateline(self, s: AgencyStory):
        """The first paragraph is the story's, with the dateline split off."""
        article = wireparse.parse(s.text)
        assert article.body == s.body

    @given(agency_stories())
    def test_authors_never_contain_the_agency(self, s: AgencyStory):
        """'By NAME, Reuters' gives NAME; the agency is never an author."""
        article = wireparse.parse(s.text)
        authors = article.byline.authors if article.byline else ()
        assert authors == s.authors
        profile = wireparse.get_profile(s.grammar.agency)
        names = {fold(n) for n in (profile.name, profile.display_name, *profile.aliases)}
        assert not any(fold(author) in names for author in authors)

    @given(agency_stories())
    def test_detection_finds_the_agency(self, s: AgencyStory):
        """The dateline alone tells which agency wrote the story."""
        assert wireparse.parse(s.text).agency == s.grammar.agency


def test_every_grammar_names_a_builtin_profile():
    """The grammars cover every built-in agency profile."""
    builtin = {p.name for p in wireparse.builtin_profiles()} - {"generic"}
    assert {g.agency for g in GRAMMARS} == builtin
