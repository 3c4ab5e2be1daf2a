"""parse_many: many stories, in order, a failure in its place."""

from __future__ import annotations

from pathlib import Path

import pytest

import wireparse
from wireparse import Article, ParseFailure

SEED = (Path(__file__).resolve().parent.parent / "seeds" / "000_49e56f66ff81d9e7.txt").read_text(
    encoding="utf-8"
)


@pytest.mark.parametrize("workers", [1, 2])
def test_order_and_failures_in_place(workers):
    """Results come in input order; a non-str item gives a ParseFailure where it stood."""
    items = [SEED, b"bytes", "Title\n\nPARIS (AFP) - Short.", None, SEED]
    results = list(wireparse.parse_many(items, workers=workers, chunksize=2))
    assert [type(r) for r in results] == [Article, ParseFailure, Article, ParseFailure, Article]
    assert results[0] == results[4] == wireparse.parse(SEED)
    assert results[1] == ParseFailure(index=1, error="InputTypeError", message=results[1].message)
    assert "decode" in results[1].message
    assert results[2].agency == "afp"


def test_same_result_in_a_pool_as_here():
    """A process pool gives exactly what parsing in this process gives."""
    texts = [SEED.replace("ISTANBUL", city) for city in ("ANKARA", "BERLIN", "TOKYO", "LIMA")]
    assert list(wireparse.parse_many(texts, workers=2, chunksize=1)) == [
        wireparse.parse(t) for t in texts
    ]


def test_lazy_input():
    """A generator is read as results are taken, not all at once."""
    taken = []

    def stories():
        for i in range(100):
            taken.append(i)
            yield f"Headline {i}\n\nBody {i}."

    results = wireparse.parse_many(stories(), workers=1)
    first = next(results)
    assert first.headline == "Headline 0"
    assert len(taken) == 1
