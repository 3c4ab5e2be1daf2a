"""The pipeline builds its models unchecked; what it hands out must pass the checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import wireparse
from agency_strategies import agency_stories
from strategies import mutated_stories, quoted_paragraphs, speakers
from wireparse._trusted import trusted
from wireparse.models import Quote

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.txt"))


def checked(value: Any) -> Any:
    """Rebuild *value* through the checking constructors, all the way down."""
    if isinstance(value, tuple):
        return tuple(checked(item) for item in value)
    if attrs.has(type(value)):
        fields = {f.name: checked(getattr(value, f.name)) for f in attrs.fields(type(value))}
        return type(value)(**fields)
    return value


def assert_as_checked(explained: wireparse.Explanation) -> None:
    again = checked(explained)
    assert again == explained
    # equal is not enough: a list where a tuple belongs compares unequal, but a
    # value the converters would change must not slip through either
    for mine, theirs in zip(explained.blocks, again.blocks, strict=True):
        assert type(mine.lines) is type(theirs.lines)
    article = explained.article
    for name in ("body", "quotes", "topics", "removed"):
        assert type(getattr(article, name)) is tuple, name


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_corpus_stories_pass_the_checks(path: Path):
    assert_as_checked(wireparse.explain(path.read_text(encoding="utf-8")))


@given(agency_stories())
def test_agency_stories_pass_the_checks(story):
    assert_as_checked(wireparse.explain(story.text))


@given(mutated_stories())
def test_damaged_copy_passes_the_checks(text: str):
    assert_as_checked(wireparse.explain(text))


@given(speakers(min_size=1, max_size=3).flatmap(lambda names: quoted_paragraphs(speaker=names[0])))
def test_quoted_paragraphs_pass_the_checks(quoted):
    assert_as_checked(wireparse.explain(quoted.text))


def test_trusted_fills_defaults_and_equals_the_checked_model():
    made = trusted(Quote, text="x", paragraph=0, start=1, end=2)
    assert made == Quote(text="x", paragraph=0, start=1, end=2)
    assert made.speaker is None
    assert made.partial is False


def test_trusted_models_stay_frozen():
    made = trusted(Quote, text="x", paragraph=0, start=1, end=2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.text = "y"  # type: ignore[misc]


@given(st.text(max_size=40))
def test_a_checked_model_rebuilt_is_itself(text: str):
    quote = Quote(text=text, paragraph=0, start=0, end=len(text))
    assert checked(quote) == quote
