"""Limits and determinism: max_chars never drops text silently; the same input, the same output."""

from __future__ import annotations

import threading
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import wireparse
from strategies import aa_stories
from wireparse._normalize import normalize

SEED = (Path(__file__).resolve().parent.parent / "seeds" / "000_49e56f66ff81d9e7.txt").read_text(
    encoding="utf-8"
)


class TestMaxChars:
    """Text past max_chars is listed in removed with its reason."""

    @given(aa_stories().map(lambda s: s.text), st.integers(1, 3000))
    def test_nothing_past_the_limit_is_lost(self, text, limit):
        """The removed remainder plus the parsed part is the whole normalised text."""
        article = wireparse.parse(text, max_chars=limit)
        normal = normalize(text)
        limited = [r for r in article.removed if r.rule == "limit.max_chars"]
        if len(normal) <= limit:
            assert not limited
            assert article == wireparse.parse(text)
            return
        (rest,) = limited
        kept = normal[: len(normal) - len(rest.text)]
        assert kept + rest.text == normal
        assert len(kept) <= limit
        assert rest.line == kept.count("\n") + 1
        assert rest.reason.startswith("beyond max_chars")

    def test_no_limit(self):
        """max_chars=None parses everything."""
        assert wireparse.parse(SEED, max_chars=None) == wireparse.parse(SEED)


class TestDeterminism:
    """The same input gives the same output, in threads and in processes."""

    def test_threads(self):
        """Eight threads parsing the seed at once all get the same article."""
        results = []

        def work():
            results.append(wireparse.parse(SEED))

        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(results) == 8
        assert all(result == results[0] for result in results)

    def test_processes(self):
        """A process pool gives the article this process gives."""
        (pooled,) = list(wireparse.parse_many([SEED], workers=2))
        assert pooled == wireparse.parse(SEED)
