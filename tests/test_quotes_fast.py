"""The quote stage's fast paths give what the plain formulation they replace gives.

Each shortcut is checked against the straightforward version: the pattern or
helper it stands in for, or a plain copy of the old code written here, on text
made to hit its edges (punctuation of every kind, marks, hyphens, verbs and
words of several scripts). The stage's results are pinned by test_quotes.py
and the corpus; these pin each shortcut on its own.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategies import quote_noise
from wireparse._extract._quote_language import _by_length, _Language, _language, _prefix
from wireparse._extract._quote_marks import find_spans
from wireparse._extract._quote_paragraph import (
    _SPACES,
    _WORD,
    _no_words,
    _Paragraph,
    _stretch_words,
    _verb_matches,
    _words,
)
from wireparse._phrases import fold, lexicon

#: Characters around words: the punctuation the fast path turns into spaces and
#: some it does not, letters and digits of several scripts, "_" and white space.
_EDGES = ".,-\"'():;/%$“”’—«»„‘…_@#&+=[]!?\u00a0\u2009\t\n 「」，。"
_WORDS = ("said", "Said", "told", "dedi", "сказал", "説", "x1", "٣", "Ⅻ", "a_b", "é")
texts = st.lists(
    st.sampled_from(_WORDS) | st.text(alphabet=_EDGES, max_size=3) | quote_noise(max_size=3),
    max_size=30,
).map("".join)


@given(texts, st.data())
def test_stretch_words_are_the_word_patterns_runs(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    assert sorted(_stretch_words(text, lo, hi)) == sorted(_WORD.findall(text, lo, hi))


def _plain_verb_matches(para: _Paragraph, language: _Language) -> list[tuple[int, int, str]]:
    """The verbs as one search of the whole trie finds them, outside the quotes."""
    found = language.verb_finder.finditer(para.text)
    return [(m.start(), m.end(), m.group()) for m in found if not para.inside(m.start())]


_VERB_WORDS = (
    "said",
    "Said",
    "said in a statement",
    "told reporters",
    "told",
    "asked",
    "added",
    "says",
    "сказал",
    "заявил",
    "dedi",
    "a déclaré",
    "un",
    "X",
)
_SEPARATORS = ("-", "'", "’", "_", " ", ", ", ". ", "“", "”", '"', "", "x")
#: words and what stands between them, each word followed by one separator
verb_texts = st.lists(
    st.tuples(st.sampled_from(_SEPARATORS), st.sampled_from(_VERB_WORDS)), max_size=12
).map(lambda pairs: "".join(a + b for a, b in pairs))


@pytest.mark.parametrize("code", ["en", "ru", "fr", "tr", None])
@given(text=verb_texts)
def test_verbs_are_what_one_search_of_the_trie_finds(code: str | None, text: str) -> None:
    language = _language(lexicon(), code)
    para = _Paragraph(0, text, find_spans(text), [])
    assert _verb_matches(para, language) == _plain_verb_matches(para, language)


def test_the_spaces_are_what_split_splits_at() -> None:
    assert set(_SPACES) == {c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()}


@given(texts)
def test_no_words_is_words_finding_none(text: str) -> None:
    assert _no_words(text) == (not _words(text))


def _plain_prefix(text: str, runs: list[tuple[int, int]], prefixes: Sequence[str]) -> None:
    for index, (start, end) in enumerate(runs):
        for prefix in prefixes:
            at = start - len(prefix)
            if at >= 0 and fold(text[at:start]) == prefix and not text[at - 1 : at].isalpha():
                runs[index] = (at, end)
                break


_PREFIXES = ("al-", "el-", "ibn ", "abu-", "d'", "o’", "", "-")


@given(
    st.lists(st.sampled_from(_PREFIXES), max_size=5),
    st.lists(st.sampled_from((*_PREFIXES, "Al-", "EL-", "x", " ", "Kabulov", "İ")), max_size=12),
)
def test_prefixes_by_length_are_the_prefixes_in_turn(prefixes: list[str], bits: list[str]) -> None:
    text = "".join(bits) + " Kabulov"
    runs = [(m.start(), m.end()) for m in re.finditer(r"Kabulov|x", text)]
    expected = list(runs)
    _plain_prefix(text, expected, [fold(p) for p in prefixes])
    _prefix(text, runs, _by_length([fold(p) for p in prefixes]))
    assert runs == expected
