"""Any str parses, damaged copy included: no exception, and nothing lost."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

import wireparse
from helpers import accounted
from strategies import hostile_text, mutated_stories

#: The robustness properties run at least 500 examples in CI.
ROBUST = settings(
    max_examples=500 if os.getenv("HYPOTHESIS_PROFILE") == "ci" else 60, deadline=None
)


class TestTotalOnDamagedCopy:
    """parse, explain and clean return for every str, and account for every line."""

    @ROBUST
    @given(mutated_stories())
    def test_mutated_stories(self, text: str):
        """Shuffled, cut, duplicated lines and stray marks and controls: every line accounted for."""
        article = wireparse.parse(text)
        assert accounted(text, article)
        assert isinstance(wireparse.clean(text), str)

    @ROBUST
    @given(hostile_text)
    def test_arbitrary_text(self, text: str):
        """Arbitrary text: parse, explain and clean all return, and every line is accounted for."""
        explained = wireparse.explain(text)
        assert accounted(text, explained.article)
        assert wireparse.clean(text) == wireparse.clean(wireparse.clean(text))

    @ROBUST
    @given(st.text(max_size=2000))
    def test_any_unicode(self, text: str):
        """Any Unicode string, surrogates and all, parses."""
        assert isinstance(wireparse.parse(text), wireparse.Article)


class TestHostileShapes:
    """Inputs built to make a regex engine backtrack finish (no timing asserted)."""

    @settings(max_examples=5, deadline=None)
    @given(
        st.sampled_from(
            ["\N{LEFT DOUBLE QUOTATION MARK}", "(", "-", "By ", "A" * 40 + "\n", "\u00ab", "|", "."]
        )
    )
    def test_long_runs_complete(self, unit: str):
        """A hundred thousand characters of one hostile shape parse."""
        text = unit * (100_000 // len(unit))
        article = wireparse.parse(text)
        assert accounted(text, article)
