"""The labelled corpus: every story parses the same with its profile named as detected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import wireparse
from helpers import accounted

CORPUS = Path(__file__).resolve().parent / "corpus"
STORIES = sorted(CORPUS.glob("*.txt"))
#: the held-out stories too (tests/holdout*/README.md): labelled the same way
LABELLED = [
    *STORIES,
    *sorted((CORPUS.parent / "holdout").glob("*.txt")),
    *sorted((CORPUS.parent / "holdout2").glob("*.txt")),
    *sorted((CORPUS.parent / "holdout3").glob("*.txt")),
]


@pytest.mark.parametrize("path", LABELLED, ids=lambda p: p.stem)
def test_named_profile_gives_the_detected_parse(path: Path):
    """Naming the story's agency changes nothing: detection already found it."""
    label = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    detected = wireparse.parse(text)
    named = wireparse.parse(text, profile=label["agency"] or "generic")
    assert detected.agency == label["agency"]
    assert named == detected


def test_corpus_covers_every_builtin_agency_three_times():
    """Each built-in agency has at least three labelled stories."""
    agencies = [
        json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["agency"] for p in STORIES
    ]
    for profile in wireparse.builtin_profiles():
        if profile.name != "generic":
            assert agencies.count(profile.name) >= 3, profile.name


@pytest.mark.parametrize("path", LABELLED, ids=lambda p: p.stem)
def test_every_line_of_a_labelled_story_is_accounted_for(path: Path):
    """Each non-blank line is in exactly one field, or removed with its reason."""
    text = path.read_text(encoding="utf-8")
    assert accounted(text, wireparse.parse(text))
