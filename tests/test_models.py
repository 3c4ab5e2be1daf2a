"""The models: validation, JSON shape, exact round trips, pickling."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wireparse import Article, Byline, Dateline, Quote, Removal

texts = st.text(max_size=30)
optional_texts = st.none() | texts
dates = st.one_of(
    st.none(),
    st.dates(),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), timezones=st.none() | st.timezones()).map(
        lambda d: (
            d if d.tzinfo is None else d.astimezone(dt.timezone(d.utcoffset() or dt.timedelta()))
        )
    ),
)


@st.composite
def quotes(draw: st.DrawFn) -> Quote:
    """Any valid quote."""
    start = draw(st.integers(0, 500))
    return Quote(
        text=draw(texts),
        speaker=draw(optional_texts),
        speaker_raw=draw(optional_texts),
        verb=draw(optional_texts),
        paragraph=draw(st.integers(0, 50)),
        start=start,
        end=start + draw(st.integers(0, 500)),
        partial=draw(st.booleans()),
    )


articles = st.builds(
    Article,
    headline=optional_texts,
    standfirst=optional_texts,
    section=optional_texts,
    byline=st.none() | st.builds(Byline, authors=st.lists(texts, max_size=3), raw=texts),
    published=dates,
    updated=dates,
    dateline=st.none()
    | st.builds(
        Dateline,
        location=optional_texts,
        agency=optional_texts,
        date_text=optional_texts,
        raw=texts,
    ),
    body=st.lists(texts, max_size=4),
    quotes=st.lists(quotes(), max_size=3),
    topics=st.lists(texts, max_size=3),
    agency=optional_texts,
    language=optional_texts,
    removed=st.lists(
        st.builds(Removal, text=texts, line=st.integers(1, 10_000), rule=texts, reason=texts),
        max_size=3,
    ),
)


class TestRoundTrip:
    """to_dict gives plain JSON; from_dict reads it back exactly."""

    @given(articles)
    def test_dict_round_trip_is_exact(self, article: Article):
        """Article.from_dict(a.to_dict()) == a, dates and datetimes kept apart."""
        again = Article.from_dict(json.loads(json.dumps(article.to_dict())))
        assert again == article
        assert type(again.published) is type(article.published)

    @given(articles)
    def test_pickle_round_trip(self, article: Article):
        """Articles pickle and unpickle equal."""
        assert pickle.loads(pickle.dumps(article)) == article  # noqa: S301 - our own data

    def test_json_shape(self):
        """Dates are ISO strings, tuples are lists, nested models are objects."""
        article = Article(
            headline="H",
            published=dt.date(2025, 5, 2),
            updated=dt.datetime(2025, 5, 2, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=3))),
            byline=Byline(authors=("A B",), raw="By A B"),
            body=("One.",),
        )
        data = article.to_dict()
        assert data["published"] == "2025-05-02"
        assert data["updated"] == "2025-05-02T14:05:00+03:00"
        assert data["byline"] == {"authors": ["A B"], "raw": "By A B"}
        assert data["body"] == ["One."]
        assert json.loads(json.dumps(data)) == data


class TestValidation:
    """Models refuse values that break their invariants."""

    def test_frozen(self):
        """Models cannot be changed in place; attrs.evolve makes a changed copy."""
        article = Article(headline="H")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            article.headline = "other"  # type: ignore[misc]
        assert attrs.evolve(article, headline="other").headline == "other"

    def test_lists_become_tuples(self):
        """Sequences are stored as tuples."""
        article = Article(body=["a", "b"], topics=["t"])
        assert article.body == ("a", "b")
        assert article.topics == ("t",)

    @pytest.mark.parametrize(
        ("make", "error"),
        [
            (lambda: Article(body="one string"), TypeError),
            (lambda: Article(body=[1]), TypeError),
            (lambda: Article(headline=3), TypeError),
            (lambda: Article(published="2025-05-02"), TypeError),
            (lambda: Removal(text="x", line=0, rule="r", reason="why"), ValueError),
            (lambda: Quote(text="x", paragraph=0, start=5, end=2), ValueError),
            (lambda: Quote(text="x", paragraph=-1, start=0, end=1), ValueError),
            (lambda: Article(quotes=["not a quote"]), TypeError),
        ],
        ids=[
            "body-str",
            "body-int-items",
            "headline-int",
            "published-str",
            "removal-line-0",
            "quote-end-before-start",
            "quote-negative-paragraph",
            "quotes-wrong-type",
        ],
    )
    def test_bad_values_are_refused(self, make, error):
        """Wrong types and broken invariants raise at construction."""
        with pytest.raises(error):
            make()

    def test_keyword_only(self):
        """Fields are keyword-only."""
        with pytest.raises(TypeError):
            Byline(("A",), "A")  # type: ignore[misc]

    def test_from_dict_names_a_missing_key(self):
        """A missing key is reported by name."""
        data = Article().to_dict()
        del data["body"]
        with pytest.raises(ValueError, match="'body'"):
            Article.from_dict(data)
