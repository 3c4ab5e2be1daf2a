"""Raw wire transmissions (ANPA-1312, IPTC 7901): the frame off, the story parsed."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

import wireparse
from helpers import accounted
from strategies import headlines, names, paragraphs
from wireparse._normalize import normalize
from wireparse._wire import HEADER_RULE, TRAILER_RULE, Frame, find_frame

CITIES = ("ATLANTA", "BUENOS AIRES, Argentina", "ROSCOE, South Dakota", "CHATHAM, Mass.")
BREAKS = ("\r\n", "\n")


@st.composite
def anpa_stories(draw: st.DrawFn) -> tuple[str, dict[str, object]]:
    """An AP story framed as ANPA-1312 sends it: header, ^…< lines, tabbed body, trailer."""
    nl = draw(st.sampled_from(BREAKS))
    selector = draw(st.text(string.ascii_letters + string.digits, min_size=4, max_size=6))
    slug = draw(st.text(string.ascii_letters, min_size=3, max_size=12))
    words = draw(st.integers(100, 2000))
    headline = draw(headlines())
    author = draw(names()).upper()
    city = draw(st.sampled_from(CITIES))
    body = draw(st.lists(paragraphs(), min_size=1, max_size=5))
    photo = draw(st.booleans())
    eds = draw(st.booleans())
    end = draw(st.sampled_from(["<", "=", "< ", "= "]))
    lines = [
        f"\x16\x16\x01{selector}\x1fasian",
        f"r a\x13\x11 BC-US--{slug}     11-13 {words:04d}",
        f"\x02^BC-US--{slug},{words}<",
        f"^{headline}{end}",
        *(["^AP Photo XNP101, XNP102<"] if photo else []),
        *(["^Eds: With AP Photos.<"] if eds else []),
        f"^By {author}=",
        "^Associated Press=",
        f"\t   {city} (AP) _ {body[0]}",
        *(f"\t   {paragraph}" for paragraph in body[1:]),
        "\t   \x03AP-WF-11-13-25 1626GMT<",
        "\x0c",
        "\x04",
    ]
    expected = {"headline": headline, "author": author, "city": city, "body": tuple(body)}
    return nl.join(lines), expected


@st.composite
def iptc_stories(draw: st.DrawFn) -> tuple[str, dict[str, object]]:
    """A dpa story framed as IPTC 7901 sends it: SOH header, slug, STX headline =, ETX."""
    nl = draw(st.sampled_from(BREAKS))
    headline = draw(headlines())
    body = draw(st.lists(paragraphs(), min_size=1, max_size=4))
    city = draw(st.sampled_from(("Berlin", "Munich", "Geneva")))
    lines = [
        "\x01eca062 4 i 211 ccccb   dpa 061",
        "",
        "Germany-politics/",
        f"\x02{headline} =",
        "",
        f"   {city} (dpa) - {body[0]}",
        *(f"\n   {paragraph}" for paragraph in body[1:]),
        "\x03",
        "T1200 NOV 30",
        "\x04",
    ]
    return nl.join(lines), {"headline": headline, "city": city, "body": tuple(body)}


@given(anpa_stories())
def test_anpa_transmission_parses_to_its_story(story):
    text, expected = story
    explained = wireparse.explain(text)
    article = explained.article
    assert explained.profile == "ap"
    assert article.headline == expected["headline"]
    assert article.byline is not None
    assert article.byline.authors == (expected["author"],)
    assert article.dateline is not None
    assert article.dateline.location == expected["city"]
    assert article.body == expected["body"]
    rules = [removal.rule for removal in article.removed]
    assert rules[0] == HEADER_RULE
    assert rules[-1] == TRAILER_RULE
    assert {"ap.slug", "ap.desk"} <= set(rules)
    # no format code is left on any line the story keeps
    kept = [article.headline, article.byline.raw, *article.body]
    assert not any(line.startswith("^") or line.endswith(("<", "=")) for line in kept)
    assert accounted(text, article)


@given(iptc_stories())
def test_iptc_7901_transmission_parses_to_its_story(story):
    text, expected = story
    article = wireparse.parse(text)
    assert article.agency == "dpa"
    assert article.headline == expected["headline"]
    assert article.dateline is not None
    assert article.dateline.location == expected["city"]
    assert article.body == expected["body"]
    header = [r.text for r in article.removed if r.rule == HEADER_RULE]
    assert header == ["eca062 4 i 211 ccccb   dpa 061", "Germany-politics/"]
    assert [r.text for r in article.removed if r.rule == TRAILER_RULE] == ["T1200 NOV 30"]
    assert accounted(text, article)


@given(st.text().filter(lambda t: "\x01" not in t))
def test_text_without_soh_has_no_frame_and_keeps_its_codes(text: str):
    assert find_frame(text) is None
    assert normalize(text).count("^") == text.count("^")


def test_frame_lines_are_counted_as_normalisation_counts_them():
    text = "\x01hdr\r\nslug/\r\n\x02HEAD =\r\n\r\nBody.\x03\r\ntrailer\r\n"
    frame = find_frame(text)
    assert frame == Frame(first=3, last=5)  # "Body." stands before ETX: it is text
    lines = normalize(text).split("\n")
    assert lines[frame.first - 1] == "HEAD"
    assert lines[frame.last - 1] == "Body."


def test_etx_alone_on_its_line_opens_the_trailer():
    assert find_frame("\x01h\n\x02Text.\n  \x03AP-WF\n") == Frame(first=2, last=2)


def test_no_etx_runs_the_text_to_the_end():
    text = "\x01h\n\x02Text.\nMore."
    assert find_frame(text) == Frame(first=2, last=None)
    article = wireparse.parse(text)
    assert [r.rule for r in article.removed] == [HEADER_RULE]
    assert article.body[-1] == "More."


def test_stx_without_soh_is_no_transmission():
    text = "Headline\n\x02^Not a code<\nBody."
    assert find_frame(text) is None
    assert "^Not a code<" in normalize(text)


@given(
    st.lists(
        st.sampled_from(["\x01", "\x02", "\x03", "\x16", "^", "<", "=", "\r\n", "\n", "\r", " "])
        | st.text(alphabet="AbC (AP) _-By", max_size=12),
        max_size=60,
    ).map("".join)
)
def test_any_framing_debris_keeps_every_line_accounted_for(text: str):
    """SOH, STX, ETX and format codes anywhere, in any order: nothing lost, nothing raised."""
    article = wireparse.parse(text)
    assert accounted(text, article)
    assert wireparse.clean(wireparse.clean(text)) == wireparse.clean(text)


def test_frame_cut_short_by_max_chars_is_still_accounted_for():
    text = "\x01hdr\n\x02^HEAD<\n" + "Body line.\n" * 50 + "\x03trailer\n"
    article = wireparse.parse(text, max_chars=60)
    assert article.removed[0].rule == HEADER_RULE
    assert article.removed[-1].rule == "limit.max_chars"
    assert article.headline == "HEAD"
