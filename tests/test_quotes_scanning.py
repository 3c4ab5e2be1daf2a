"""The fast scans of the quote stage: names, verbs, marks and sentence ends found as before.

Names and sentence ends are searched with stdlib ``re`` using classes read from
``regex``, with smaller classes when a text stays in the Basic Multilingual
Plane; speech verbs are looked up by word, only between quotes. These pin the
edges where the two could part: letters beyond that plane, ANPA's doubled marks,
verbs of every table at once, and scripts without spaces.
"""

from __future__ import annotations

import array
import re
import sys

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from strategies import quote_noise
from wireparse._extract._quote_language import _categories
from wireparse._extract._quote_marks import (
    _MARK,
    _MARK_CHARS,
    _MARK_UNDOUBLED,
    _UNDOUBLED_CHARS,
    _places,
    find_all_spans,
)
from wireparse._extract.quotes import extract_quotes, find_spans
from wireparse._phrases import lexicon


def read(paragraph: str, language: str | None) -> list[tuple[str, str | None, str | None]]:
    return [
        (q.text, q.speaker, q.verb) for q in extract_quotes([paragraph], [], lexicon(), language)
    ]


@pytest.mark.parametrize(
    ("paragraph", "language", "expected"),
    [
        # capitals beyond the Basic Multilingual Plane still make a name
        (
            "“We will win,” said 𝐀lex 𝐁rown, the mayor.",
            "en",
            [("We will win", "𝐀lex 𝐁rown", "said")],
        ),
        (
            "𝐙amir 𝐊abulov said: “The decision is final.”",
            "en",
            [("The decision is final.", "𝐙amir 𝐊abulov", "said")],
        ),
        # ANPA's doubled marks; a third backtick is text
        (
            "``We are ready,'' said John Smith. ```Odd''' he said.",
            "en",
            [("We are ready", "John Smith", "said"), ("`Odd", "John Smith", "said")],
        ),
        # '' closes only ``; straight single quotes are apostrophes
        (
            "It's 'quoted' ''here'' and ``there'' now, Jane Doe said.",
            "en",
            [("there", "Jane Doe", "said")],
        ),
        # every table's verbs at once, with a hyphenated name
        (
            "“Да,” — сказал вице-губернатор Олег Клименко. St. Clair-Hughes said: “No.”",
            None,
            [("Да", "Олег Клименко", "сказал"), ("No.", "St. Clair-Hughes", "said")],
        ),
        # abbreviations do not end the sentence the frame is read in
        (
            "Mr. Doe arrived. U.S. District Judge Patricia Nwosu said: “Enough.”",
            "en",
            [("Enough.", "Patricia Nwosu", "said")],
        ),
        ("记者问道。何文斌说：“我们会继续。”", "zh", [("我们会继续。", "何文斌", "说")]),
        ("ハリス報道官は「対応する」と述べた。", "ja", [("対応する", "ハリス", "と述べた")]),
    ],
)
def test_scans_read_as_before(
    paragraph: str, language: str | None, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert read(paragraph, language) == expected


def test_a_verb_inside_a_quote_is_not_its_frame() -> None:
    # "said" inside the quote is no attribution; the one after it is
    assert read("“He said nothing,” Jane Doe told reporters.", "en") == [
        ("He said nothing", "Jane Doe", "told reporters")
    ]


def test_doubled_marks_need_an_opening_pair() -> None:
    # without a `` no '' counts, and a lone ` is no mark
    assert find_spans("rock 'n' roll '' and ` here") == []
    assert [(s.start, s.end) for s in find_spans("``Yes,'' he said.")] == [(2, 6)]


@given(st.lists(quote_noise() | st.text(alphabet="`'\"“” ab\n", max_size=20), max_size=6))
def test_one_search_of_all_paragraphs_finds_each_ones_spans(paragraphs: list[str]) -> None:
    assert find_all_spans(paragraphs) == [find_spans(p) for p in paragraphs]


def _characters(first: int, stop: int) -> str:
    codes = array.array("I", range(first, stop))
    return codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")


def test_the_category_classes_are_regexs_own() -> None:
    # within the BMP, stdlib re reads from each class what regex finds
    bmp = _characters(0, 0xD800) + _characters(0xE000, 0x10000)
    for astral in (True, False):
        classes = _categories(astral)
        for name, found in (("Lu", r"\p{Lu}"), ("Ll", r"\p{Ll}"), ("L", r"\p{L}"), ("s", r"\s")):
            assert re.findall(f"[{classes[name]}]", bmp) == regex.findall(found, bmp), name
    # beyond it: letters of plane 1 and 2 are in, and the planes never read hold none
    names = _categories(True)  # noqa: FBT003 - a cache key
    assert re.fullmatch(f"[{names['Lu']}][{names['Ll']}][{names['Lo']}]", "𝐀𝐚\U00020000")
    unread = _characters(0x40000, 0xE0000) + _characters(0xE1000, 0x110000)
    assert regex.search(r"[\p{L}\p{M}\s]", unread) is None


def test_the_mark_characters_are_what_the_mark_pattern_finds() -> None:
    # marks are found with str.find, one character at a time; the pattern stays the reference
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    assert set(_MARK_CHARS) == set(_MARK.findall(every))
    assert set(_UNDOUBLED_CHARS) == set(_MARK_UNDOUBLED.findall(every))
    text = "a ``b'' c' “d” ‘e’ «f» 「g」 \"h\" „i“"
    assert _places(text) == [m.start() for m in _MARK.finditer(text)]
    assert _places(text.replace("``", "")) == [
        m.start() for m in _MARK_UNDOUBLED.finditer(text.replace("``", ""))
    ]
