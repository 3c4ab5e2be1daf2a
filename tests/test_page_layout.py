"""Page furniture the layout reads from position: section labels, share bars, related blocks.

Web copy puts a section label over the headline, share bars between the
headline and the body or between paragraphs, blocks of related-story links
under a heading (in the middle of the story or after it), and links after the
agency's end mark. These properties build such pages from every phrase
table's phrases and check that the story comes back whole and every other line
is removed (or a topic), with the rule that decided it.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import wireparse
from helpers import accounted
from strategies import CITIES, TOPIC_WORDS, headlines, paragraphs, words
from wireparse._phrases import phrase_tables

_TABLES = sorted(phrase_tables().values(), key=lambda table: table.language)
_SEPARATORS = (" | ", "  ", " · ")
PROFILE = "generic"


@st.composite
def share_bars(draw: st.DrawFn) -> str:
    """A line of one table's share buttons."""
    table = draw(st.sampled_from([t for t in _TABLES if t.get("share")]))
    bar = draw(st.lists(st.sampled_from(table.get("share")), min_size=1, max_size=4))
    return draw(st.sampled_from(_SEPARATORS)).join(bar)


@st.composite
def link_headings(draw: st.DrawFn) -> str:
    """A heading over links: a related-stories heading, or a cross-reference alone."""
    table = draw(st.sampled_from([t for t in _TABLES if t.get("related") or t.get("read_more")]))
    kinds = [kind for kind in ("related", "read_more") if table.get(kind)]
    return draw(st.sampled_from(table.get(draw(st.sampled_from(kinds)))))


@st.composite
def long_headlines(draw: st.DrawFn) -> str:
    """A headline of seven words or more: no tag, a link to another story."""
    return f"{draw(st.sampled_from(TOPIC_WORDS))} {draw(words(min_size=6, max_size=11))}"


def _labels() -> st.SearchStrategy[str]:
    one = st.sampled_from(TOPIC_WORDS)
    return st.one_of(
        one,
        st.tuples(one, one).map(" ".join),
        st.tuples(one, st.sampled_from((">", "/", "|")), one).map(" ".join),
    )


class TestSectionLabel:
    @given(_labels(), long_headlines(), st.lists(paragraphs(), min_size=1, max_size=5))
    def test_a_label_over_a_headline_is_the_section(self, label, headline, body):
        """A label ("Economy") over a headline of five words or more, no byline or dateline."""
        text = "\n\n".join((label, headline, *body))
        article = wireparse.parse(text, profile=PROFILE)
        assert (article.section, article.headline, article.body) == (label, headline, tuple(body))
        assert accounted(text, article, profile=PROFILE)

    @given(_labels(), _labels(), long_headlines(), st.lists(paragraphs(), min_size=1, max_size=3))
    def test_the_outer_of_two_labels_is_navigation(self, outer, label, headline, body):
        """ "Новини" over "Економіка" over the headline: the inner label is the section."""
        text = "\n\n".join((outer, label, headline, *body))
        article = wireparse.parse(text, profile=PROFILE)
        assert (article.section, article.headline, article.body) == (label, headline, tuple(body))
        assert [(r.text, r.rule) for r in article.removed] == [(outer, "layout.breadcrumb")]
        assert accounted(text, article, profile=PROFILE)

    @given(
        st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=2, max_size=6),
        st.text(
            st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=14, max_size=30
        ),
    )
    def test_a_label_over_a_headline_without_spaces(self, label, headline):
        """国際 over a Japanese or Chinese headline: length, not words, tells the headline."""
        body = "第一段落の本文です。"
        text = f"{label}\n\n{headline}\n\n{body}"
        article = wireparse.parse(text, profile=PROFILE)
        assert (article.section, article.headline, article.body) == (label, headline, (body,))

    @given(headlines(), st.lists(paragraphs(), min_size=1, max_size=5))
    def test_a_headline_alone_stays_the_headline(self, headline, body):
        text = "\n\n".join((headline, *body))
        article = wireparse.parse(text, profile=PROFILE)
        assert (article.section, article.headline, article.body) == (None, headline, tuple(body))


@st.composite
def page_heads(draw: st.DrawFn) -> tuple[str, str, list[str], list[str]]:
    """What a page puts above the story: a section label, the headline, standfirst, share bars."""
    label, headline = draw(_labels()), draw(long_headlines())
    return (
        label,
        headline,
        draw(st.lists(long_headlines(), max_size=3)),
        draw(st.lists(share_bars(), max_size=2)),
    )


_ALIASES = sorted({alias for p in wireparse.builtin_profiles() for alias in p.aliases if alias})


class TestMastheads:
    """The agency's name, the menu and the navigation bar at the top of a page."""

    @given(
        st.tuples(
            st.sampled_from(_ALIASES), st.sampled_from(("", " हिंदी", " English", " Français"))
        ).map("".join),
        st.lists(st.sampled_from(TOPIC_WORDS), min_size=4, max_size=8, unique=True),
        st.sampled_from(("Menu", "Меню", "メニュー", "")),
        page_heads(),
        st.lists(paragraphs(), min_size=1, max_size=4),
    )
    def test_site_chrome_above_the_section(self, masthead, nav, menu, head, body):
        label, headline, _more, _bars = head
        top = [masthead, " | ".join(nav), *([menu] if menu else [])]
        text = "\n\n".join((*top, label, headline, *body))
        article = wireparse.parse(text, profile=PROFILE)
        assert (article.section, article.headline, article.body) == (label, headline, tuple(body))
        rules = [r.rule for r in article.removed]
        assert rules[:2] == ["layout.site_name", "generic.navigation"]
        assert accounted(text, article, profile=PROFILE)


class TestShareBars:
    @given(
        headlines(),
        st.lists(paragraphs(), min_size=2, max_size=6),
        st.lists(share_bars(), min_size=1, max_size=3),
        st.data(),
    )
    def test_a_share_bar_anywhere_is_removed(self, headline, body, bars, data):
        """Between the headline and the body, or between two paragraphs."""
        lines = [headline, *body]
        for bar in bars:
            lines.insert(data.draw(st.integers(1, len(lines) - 1)), bar)
        text = "\n\n".join(lines)
        article = wireparse.parse(text, profile=PROFILE)
        assert (article.headline, article.body) == (headline, tuple(body))
        assert sorted(r.text for r in article.removed) == sorted(" ".join(b.split()) for b in bars)
        assert all(r.rule.endswith(".share") for r in article.removed)
        assert accounted(text, article, profile=PROFILE)


class TestLivePages:
    @given(
        headlines(),
        st.lists(
            st.tuples(st.integers(0, 23), st.integers(0, 59), paragraphs()), min_size=1, max_size=5
        ),
    )
    def test_time_stamps_between_updates_are_removed(self, headline, updates):
        """A live page's "11:48" alone on its line is no story text."""
        stamps = [f"{hour}:{minute:02d}" for hour, minute, _text in updates]
        lines = [
            line
            for stamp, (*_t, text) in zip(stamps, updates, strict=True)
            for line in (stamp, text)
        ]
        text = "\n\n".join((headline, *lines))
        article = wireparse.parse(text, profile=PROFILE)
        assert article.body == tuple(text for *_t, text in updates)
        assert sorted(r.text for r in article.removed if r.rule == "generic.time_stamp") == sorted(
            stamps
        )
        assert accounted(text, article, profile=PROFILE)


class TestRelatedLinks:
    @given(
        headlines(),
        st.lists(paragraphs(), min_size=1, max_size=4),
        link_headings(),
        st.lists(long_headlines(), min_size=1, max_size=4),
        st.lists(paragraphs(), min_size=1, max_size=4),
    )
    def test_links_under_a_heading_mid_story(self, headline, before, heading, links, after):
        """A heading and the headlines under it, between paragraphs: the paragraphs stay."""
        text = "\n\n".join((headline, *before, heading, *links, *after))
        article = wireparse.parse(text, profile=PROFILE)
        assert article.body == (*before, *after)
        assert [r.text for r in article.removed] == [heading, *links]
        assert {r.rule for r in article.removed[1:]} == {"layout.related_link"}
        assert accounted(text, article, profile=PROFILE)

    @given(
        headlines(),
        st.lists(paragraphs(), min_size=1, max_size=4),
        link_headings(),
        st.lists(st.one_of(long_headlines(), st.sampled_from(TOPIC_WORDS)), max_size=5),
    )
    def test_links_and_tags_under_a_heading_at_the_end(self, headline, body, heading, under):
        """At the end: a related heading's short lines are topics, its headlines links."""
        text = "\n\n".join((headline, *body, heading, *under))
        article = wireparse.parse(text, profile=PROFILE)
        assert article.body == tuple(body)
        related = wireparse.explain(heading).article.removed[0].rule.endswith(".related")
        tags = [line for line in under if related and line in TOPIC_WORDS]
        assert list(article.topics) == tags
        links = [r.text for r in article.removed if r.rule == "layout.related_link"]
        assert links == [line for line in under if line not in tags]
        assert accounted(text, article, profile=PROFILE)

    @given(
        headlines(),
        st.lists(paragraphs(), min_size=1, max_size=4),
        st.sampled_from(("Related coverage", "Meer uit Binnenland", "Read also", "More:")),
        st.lists(
            st.tuples(st.sampled_from(CITIES), paragraphs(), st.sampled_from(("", "3 hours ago"))),
            min_size=1,
            max_size=3,
        ),
    )
    def test_other_stories_leads_under_a_heading(self, headline, body, heading, teasers):
        """Other stories' leads (their own datelines, their age) under a heading are links."""
        lines = [f"{city}, May 2 (AFP) - {lead}" for city, lead, _age in teasers]
        ages = [age for _city, _lead, age in teasers]
        under = [line for pair in zip(lines, ages, strict=True) for line in pair if line]
        text = "\n\n".join((headline, *body, heading, *under))
        article = wireparse.parse(text, profile=PROFILE)
        assert article.body == tuple(body)
        links = [r.text for r in article.removed if r.rule == "layout.related_link"]
        assert links == under
        assert accounted(text, article, profile=PROFILE)

    @given(
        st.lists(paragraphs(), min_size=1, max_size=4),
        st.lists(long_headlines(), min_size=1, max_size=4),
    )
    def test_lines_after_the_end_mark_are_no_story(self, body, after):
        """Yonhap ends its English copy with "(END)": headlines after it are links, not body."""
        lines = ["SEOUL, May 2 (Yonhap) -- " + body[0], *body[1:], "(END)", *after]
        text = "\n\n".join(lines)
        article = wireparse.parse(text, profile="yonhap")
        assert article.body == tuple(body)
        assert [(r.text, r.rule) for r in article.removed] == [
            ("(END)", "yonhap.end"),
            *((line, "layout.after_signoff") for line in after),
        ]
        assert accounted(text, article, profile="yonhap")


@st.composite
def photos(draw: st.DrawFn) -> list[str]:
    """A photo's caption text and its credit line, in either order."""
    caption = draw(paragraphs())
    credit = draw(st.sampled_from(("Photo: Jane Doe", "Photo by Jane Doe/AFP", "Credit: AFP")))
    return [credit, caption] if draw(st.booleans()) else [caption, credit]


class TestPhotoCaptions:
    @given(
        long_headlines(),
        st.lists(long_headlines(), max_size=2),
        photos(),
        st.sampled_from(CITIES),
        st.lists(paragraphs(), min_size=1, max_size=3),
    )
    def test_a_captions_text_beside_its_credit_is_no_standfirst(
        self, headline, standfirst, photo, city, body
    ):
        """Under the headline: a caption's text next to its credit line goes with it."""
        lead = f"{city}, May 2 (AFP) - {body[0]}"
        text = "\n\n".join((headline, *standfirst, *photo, lead, *body[1:]))
        article = wireparse.parse(text, profile=PROFILE)
        kept = [line for line in standfirst if line != headline]
        assert article.standfirst == ("\n".join(kept) or None)
        caption = next(line for line in photo if not line.startswith(("Photo", "Credit")))
        assert ("layout.caption_text", caption) in [(r.rule, r.text) for r in article.removed]
        assert article.body == tuple(body)
        assert accounted(text, article, profile=PROFILE)


class TestDatelineReach:
    @given(page_heads(), st.sampled_from(CITIES), st.lists(paragraphs(), min_size=1, max_size=4))
    def test_a_dateline_under_a_full_page_head(self, head, city, body):
        """Section, headline, standfirst lines and share bars above it: the dateline is read."""
        label, headline, more, bars = head
        lead = f"{city}, May 2 (AFP) - {body[0]}"
        text = "\n\n".join((label, headline, *more, *bars, lead, *body[1:]))
        article = wireparse.parse(text, profile=PROFILE)
        assert article.dateline is not None
        assert (article.dateline.location, article.dateline.agency) == (city, "AFP")
        assert (article.section, article.headline) == (label, headline)
        # a standfirst line that is the headline again is a repeat, removed
        assert article.standfirst == ("\n".join(m for m in more if m != headline) or None)
        assert article.body == tuple(body)
        assert accounted(text, article, profile=PROFILE)
