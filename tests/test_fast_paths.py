"""The fast paths of normalisation, segmentation and body-language detection: plain results.

Each stage is checked against a straightforward reference written here: the
rules as the module docstrings state them, one step at a time.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from strategies import aa_stories, mutated_stories, noisy_stories, wrapped_stories
from wireparse._detect import (
    _SAMPLE_CHARS,
    _by_script,
    _counted,
    _known_words,
    _plain_words,
    _word_counts,
    detect_language,
)
from wireparse._normalize import normalize
from wireparse._phrases import fold, lexicon
from wireparse._segment import MAX_WRAP_WIDTH, Block, segment

CORPUS = Path(__file__).resolve().parent / "corpus"
STORIES = sorted(CORPUS.glob("*.txt"))

# --- normalisation, step by step -------------------------------------------------------

_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"
_DROPPED = (
    [chr(c) for c in (*range(0x09), *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0))]
    + ["\u00ad", "\u200b", "\u200e", "\u200f", "\ufeff", "\ufff9", "\ufffa", "\ufffb"]
    + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2060, 0x2065), *range(0x2066, 0x206A))]
)
_SPACES = "\t\u00a0\u1680\u202f\u205f\u3000" + "".join(chr(c) for c in range(0x2000, 0x200B))


def reference_normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    for ch in _BREAKS:
        text = text.replace(ch, "\n")
    for ch in _DROPPED:
        text = text.replace(ch, "")
    for ch in _SPACES:
        text = text.replace(ch, " ")
    return text


# --- segmentation, one line at a time ---------------------------------------------------


def _reference_lines(text: str) -> list[tuple[int, str, int, int]]:
    out = []
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip(" ")
        if stripped:
            indent = len(raw) - len(raw.lstrip(" "))
            out.append((number, re.sub(" {2,}", " ", stripped), indent, len(raw.rstrip(" "))))
    return out


_END = re.compile("[.!?:;\"'\u201d\u2019)]$")


def _reference_width(lines: list[tuple[int, str, int, int]]) -> int | None:
    if len(lines) < 2:
        return None
    widths = sorted(w for _n, _t, _i, w in lines)
    width = widths[max(0, int(len(widths) * 0.9) - 1)]
    if width > MAX_WRAP_WIDTH:
        return None
    if widths[-1] <= MAX_WRAP_WIDTH and any(
        a[2] >= 2 and b[2] == 0 and b[0] == a[0] + 1 for a, b in itertools.pairwise(lines)
    ):
        return width
    if len(lines) < 4:
        return None
    inner = lines[:-1]
    full = sum(1 for line in inner if line[3] >= 0.6 * width)
    continued = sum(
        1
        for a, b in zip(inner, lines[1:], strict=True)
        if b[0] == a[0] + 1 and not _END.search(a[1]) and (b[1][0].islower() or b[1][0].isdigit())
    )
    if full < 0.6 * len(inner) or continued < 0.25 * len(inner):
        return None
    return width


def reference_segment(text: str) -> tuple[Block, ...]:
    lines = _reference_lines(text)
    width = _reference_width(lines)
    if width is None:
        return tuple(Block(text=t, lines=(n,), indent=i) for n, t, i, _w in lines)
    by_indent = any(x[2] > 0 for x in lines) and any(x[2] == 0 for x in lines)
    groups: list[list[tuple[int, str, int, int]]] = []
    for line in lines:
        if groups:
            last = groups[-1][-1]
            joined = line[0] == last[0] + 1 and (
                (line[2] == 0 and groups[-1][0][2] > 0) if by_indent else last[3] >= 0.6 * width
            )
            if joined:
                groups[-1].append(line)
                continue
        groups.append([line])
    return tuple(
        Block(text=" ".join(x[1] for x in g), lines=tuple(x[0] for x in g), indent=g[0][2])
        for g in groups
    )


# --- the checks ---------------------------------------------------------------------------

_ODD = "".join(sorted({*_BREAKS, *_DROPPED[::7], *_SPACES[::3], "\n", " ", "\u00e9", "e\u0301"}))
_texts = st.one_of(
    st.text(alphabet=_ODD + "ab .", max_size=80),
    st.text(max_size=80),
    aa_stories().map(lambda s: s.text),
    wrapped_stories().map(lambda s: s.wrapped),
    noisy_stories().map(lambda s: s[0]),
    mutated_stories(),
)


@given(_texts)
def test_normalize_is_the_plain_rules(text: str):
    """Normalising at once gives what the rules give one character kind at a time."""
    assert normalize(text) == reference_normalize(text)


@given(_texts)
def test_segment_is_the_plain_rules(text: str):
    """Segmenting with the fast paths gives what line-by-line segmenting gives."""
    normal = normalize(text)
    assert segment(normal) == reference_segment(normal)


@given(st.lists(st.sampled_from(["", " ", "  ", "a", "a  b", " a", "a ", "x" * 120]), max_size=12))
def test_segment_handles_spaces_at_line_ends(lines: list[str]):
    """Lines that start or end with spaces, blank and all-space lines, long and short lines."""
    text = "\n".join(lines)
    assert segment(text) == reference_segment(text)


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.stem)
def test_stages_on_the_corpus(path: Path):
    """Every corpus story: both stages as the plain rules give them."""
    text = path.read_text(encoding="utf-8")
    normal = normalize(text)
    assert normal == reference_normalize(text)
    assert segment(normal) == reference_segment(normal)


# --- body language: the words found without the word pattern ----------------------------

_WORD_PATTERN = regex.compile(r"\p{L}[\p{L}\p{M}'’]*+")
_FUNCTION_WORDS = sorted(lexicon().function_words)
_PIECES = st.one_of(
    st.sampled_from(_FUNCTION_WORDS),
    st.sampled_from(
        ["'", "’", "-", ".", ",", "“", "”", "(", ")", "«", "»", "2025", "x²", "\u0301"]
    ),
    st.text(min_size=1, max_size=6),
)
_JOINS = st.sampled_from(["", " ", "  ", "\n", "-", "'", "’", ".", ", "])
_bodies = st.lists(st.tuples(_PIECES, _JOINS), max_size=120).map(
    lambda parts: "".join(piece + join for piece, join in parts)
)


def reference_detect_language(paragraphs: list[str]) -> str | None:
    """The body language as counting every word the word pattern finds gives it.

    With no function word found, the script decides, as in the library
    (``tests/test_detect_script.py`` tests that rule).
    """
    sample: list[str] = []
    size = 0
    for paragraph in paragraphs:
        sample.append(paragraph)
        size += len(paragraph)
        if size >= _SAMPLE_CHARS:
            break
    text = fold("\n".join(sample)[:_SAMPLE_CHARS])
    words = _WORD_PATTERN.findall(text)
    known = lexicon().function_words
    counts: dict[str, float] = {}
    for word, times in Counter(words).items():
        owners = known.get(word)
        if owners:
            for code in owners:
                counts[code] = counts.get(code, 0.0) + times / len(owners)
    if not counts:
        return _by_script(text, lexicon())  # no word tells: the script may (tested on its own)
    return min(counts, key=lambda code: (-counts[code], code))


@given(_bodies)
def test_known_words_are_the_pattern_words(text: str):
    """Splitting at spaces finds, in order, the function words the word pattern finds."""
    plain = _plain_words(lexicon())
    folded = fold(text)
    expected = [word for word in _WORD_PATTERN.findall(folded) if word in plain]
    assert _known_words(folded, plain) == expected


@given(_bodies)
def test_word_counts_are_the_words_counted(text: str):
    """The words counted in the order they first occur."""
    folded = fold(text)
    expected = list(Counter(_known_words(folded, _plain_words(lexicon()))).items())
    assert list(_word_counts(folded, lexicon()).items()) == expected


_ODD_PIECES = st.sampled_from(
    ["'", "’", "‘", "«", "»", "…", "—", "\u0301", "\t", "\u2003", "\x01", "²", "٣", "_", "'s"]
)
_odd_bodies = st.lists(
    st.tuples(st.one_of(_PIECES, _ODD_PIECES), st.one_of(_JOINS, _ODD_PIECES)), max_size=120
).map(lambda parts: "".join(piece + join for piece, join in parts))


@given(st.one_of(_bodies, _odd_bodies))
def test_counted_words_are_the_pattern_words(text: str):
    """Breaks made spaces and tokens filtered in C count what the word pattern finds."""
    folded = fold(text)
    plain = _plain_words(lexicon())
    expected = Counter(word for word in _WORD_PATTERN.findall(folded) if word in plain)
    assert _counted(folded, lexicon()) == expected


# words several languages use (1/3, 1/5 each): scores that tie but for the rounding
_SHARED = sorted(w for w, owners in lexicon().function_words.items() if len(owners) > 2)
_ONE_OWNER = sorted(w for w, owners in lexicon().function_words.items() if len(owners) == 1)
_tied_bodies = st.lists(
    st.tuples(st.sampled_from([*_SHARED, *_ONE_OWNER[:40]]), _JOINS), min_size=1, max_size=60
).map(lambda parts: "".join(piece + join for piece, join in parts))


@given(st.lists(st.one_of(_tied_bodies, _odd_bodies), min_size=1, max_size=3))
def test_detect_language_breaks_ties_as_the_plain_count(paragraphs: list[str]):
    """Near-ties are settled by the float sums in the order the words first occur."""
    assert detect_language(paragraphs, lexicon()) == reference_detect_language(paragraphs)


@given(st.lists(_bodies, min_size=1, max_size=4))
def test_detect_language_is_the_plain_count(paragraphs: list[str]):
    """The language found is the one counting every word gives, ties and all."""
    assert detect_language(paragraphs, lexicon()) == reference_detect_language(paragraphs)


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.stem)
def test_detect_language_on_the_corpus(path: Path):
    """Every corpus story's body paragraphs: the language as the plain count gives it."""
    paragraphs = [block.text for block in segment(normalize(path.read_text(encoding="utf-8")))]
    assert detect_language(paragraphs, lexicon()) == reference_detect_language(paragraphs)


@given(st.lists(st.one_of(_tied_bodies, _bodies), min_size=1, max_size=3))
def test_detect_language_without_a_gap_sums_in_order(paragraphs: list[str]):
    """Owner counts whose scores could differ by too little: every answer is summed in order."""
    from unittest import mock  # noqa: PLC0415

    with mock.patch("wireparse._detect._exact_gap", return_value=0.0):
        assert detect_language(paragraphs, lexicon()) == reference_detect_language(paragraphs)
