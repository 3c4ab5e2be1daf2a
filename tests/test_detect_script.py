"""The story's language from its script, when no function word tells.

Chinese runs on without spaces, so a sample may hold no word that a table lists
as a function word; the tables' ``scripts`` then decide, and only when one
table fits best (Han alone: Chinese; with kana: Japanese; Cyrillic: no answer).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wireparse._detect import detect_language
from wireparse._phrases import lexicon

_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_KANA = st.characters(min_codepoint=0x3041, max_codepoint=0x30FA).filter(str.isalpha)
_HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
_CYRILLIC = st.characters(min_codepoint=0x0430, max_codepoint=0x044F)


def _run(alphabet: st.SearchStrategy[str], size: int = 6) -> st.SearchStrategy[str]:
    """One run of letters with no space: too long to be a listed function word."""
    return st.text(alphabet, min_size=size, max_size=60)


class TestScript:
    @given(_run(_HAN))
    def test_han_alone_is_chinese(self, text):
        assert detect_language([text], lexicon()) == "zh"

    @given(_run(_HAN), _run(_KANA, 1), st.data())
    def test_han_with_kana_is_japanese(self, han, kana, data):
        at = data.draw(st.integers(0, len(han)))
        assert detect_language([han[:at] + kana + han[at:]], lexicon()) == "ja"

    @given(_run(_HANGUL))
    def test_hangul_is_korean(self, text):
        assert detect_language([text], lexicon()) == "ko"

    @given(_run(_CYRILLIC, 8))
    def test_a_script_of_several_languages_tells_nothing(self, text):
        assert detect_language([text], lexicon()) is None

    @given(st.text(_HAN, min_size=1, max_size=19), st.text("abcdefghij", min_size=40, max_size=80))
    def test_letters_mostly_in_no_single_table_tell_nothing(self, han, latin):
        """A few Han letters in a Latin text: the Latin tables tie; no answer."""
        assert detect_language([latin + han], lexicon()) is None
