"""The quote stage's fast paths give what the plain formulation they replace gives.

Each shortcut is checked against the straightforward version written here (or
kept beside it in the module), on text made to hit its edges: punctuation of
every kind, marks, names, verbs and words of several scripts.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from strategies import quote_noise
from wireparse._extract._quote_paragraph import _WORD, _stretch_words

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
