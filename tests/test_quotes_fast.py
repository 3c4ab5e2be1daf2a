"""The quote stage's fast paths give what the plain formulation they replace gives.

Each shortcut is checked against the straightforward version written here (or
kept beside it in the module), on text made to hit its edges: punctuation of
every kind, marks, names, verbs and words of several scripts.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategies import quote_noise
from wireparse._extract._quote_language import _Language, _language
from wireparse._extract._quote_marks import find_spans
from wireparse._extract._quote_paragraph import _WORD, _Paragraph, _stretch_words, _verb_matches
from wireparse._phrases import lexicon

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
