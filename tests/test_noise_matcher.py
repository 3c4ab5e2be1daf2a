r"""Lexicon.noise decides exactly as one pattern holding every phrase would.

The lexicon decides noise with an index of phrase openings and small patterns
over the phrases a line can be made of. The reference here is the plain form
of the rule: one ``regex`` pattern with every kind's whole ``\L<kind>`` list,
tried in the order of NOISE_KINDS, and the first phrase read back from the match.
"""

from __future__ import annotations

import functools
import random
import unicodedata
from pathlib import Path

import regex
from hypothesis import given
from hypothesis import strategies as st

from wireparse._phrases import _SEP, NOISE_KINDS, compile_lists, lexicon
from wireparse._segment import segment
from wireparse.blocks import BlockKind, ClassifiedBlock, trusted_block

CORPUS = Path(__file__).parent / "corpus"


@functools.cache
def _reference() -> tuple[regex.Pattern[str], dict[str, regex.Pattern[str]]]:
    words = lexicon()
    alternatives = []
    for kind, (mode, _reason) in NOISE_KINDS.items():
        if mode == "line":
            body = rf"{_SEP}*(?:\L<{kind}>)(?:{_SEP}++(?:\L<{kind}>))*+{_SEP}*+$"
        else:
            body = rf"{_SEP}*(?:\L<{kind}>)(?![\p{{L}}\p{{N}}])"
        alternatives.append(rf"(?P<{kind}>{body})")
    whole = compile_lists(
        r"(?fi)^(?:" + "|".join(alternatives) + ")",
        {kind: words.lists[kind] for kind in NOISE_KINDS},
    )
    leading = {
        kind: compile_lists(rf"(?fi){_SEP}*(\L<p>)", {"p": words.lists[kind]})
        for kind in NOISE_KINDS
    }
    return whole, leading


def reference(line: str) -> tuple[str, str] | None:
    """The kind and first phrase of *line* by the one big pattern, or None."""
    whole, leading = _reference()
    if not line.isascii():
        line = unicodedata.normalize("NFKC", line)
    match = whole.match(line)
    if match is None or match.lastgroup is None:
        return None
    kind = match.lastgroup
    inner = leading[kind].match(match.group(kind))
    return kind, inner.group(1) if inner else match.group(kind)


def decided(line: str) -> tuple[str, str] | None:
    hit = lexicon().noise(line)
    return None if hit is None else (hit.kind, hit.phrase)


def _phrases() -> list[str]:
    words = lexicon()
    return sorted({p for kind in NOISE_KINDS for p in words.lists[kind]})


# letters whose case folding is not one to one, or differs between Turkish and the rest
_TRICKY = "IiİıßẞſKΣσςﬁŉǰΐ\u0307\u0345"
_SEPARATORS = [" ", " | ", " · ", ", ", "\N{NO-BREAK SPACE}", "\u3000", "(", ")", " - ", "\t"]


def _variants(phrase: str) -> list[str]:
    return [
        phrase,
        phrase.upper(),
        phrase.lower(),
        phrase.title(),
        unicodedata.normalize("NFKD", phrase),
        f"  {phrase}",
        f"| {phrase} |",
        f"{phrase}:",
        f"{phrase} now",
        f"{phrase}s",
        f"{phrase}.",
        f"({phrase})",
        f"{phrase}\n",
        f"\N{LEFT DOUBLE QUOTATION MARK}{phrase}\N{RIGHT DOUBLE QUOTATION MARK}",
        f"\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}{phrase} and more",
        f"\N{BULLET}{phrase}",
        f"\N{FULLWIDTH LEFT PARENTHESIS}{phrase}",
        "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in phrase),  # fullwidth
    ]


class TestSameAsOnePattern:
    def test_every_phrase_in_many_forms(self):
        """Each phrase alone, cased, padded, followed by a word or a letter."""
        for phrase in _phrases():
            for line in _variants(phrase):
                assert decided(line) == reference(line), line

    def test_share_bars_and_mixtures(self):
        """Random runs of phrases of all kinds with separators, and with words between."""
        rng = random.Random(7)  # noqa: S311 - reproducible test lines, not secrets
        phrases = _phrases()
        for _ in range(3000):
            parts = rng.choices(phrases, k=rng.randint(1, 5))
            if rng.random() < 0.3:
                parts.insert(rng.randrange(len(parts) + 1), rng.choice(["and", "x", "1", "über"]))
            seps = [rng.choice(_SEPARATORS) for _ in parts]
            line = "".join(s + p for s, p in zip(seps, parts, strict=True))
            if rng.random() < 0.3:
                line = line.upper()
            for candidate in (line, line.strip(), line + rng.choice(_SEPARATORS)):
                assert decided(candidate) == reference(candidate), candidate

    def test_bars_of_one_kind(self):
        """Share bars and headings built from one kind's phrases, some cut short or glued."""
        rng = random.Random(3)  # noqa: S311 - reproducible test lines, not secrets
        words = lexicon()
        for kind, (mode, _reason) in NOISE_KINDS.items():
            if mode != "line":
                continue
            phrases = list(words.lists[kind])
            for _ in range(3000):
                parts = rng.choices(phrases, k=rng.randint(1, 4))
                if rng.random() < 0.3:
                    cut = parts[-1]
                    parts[-1] = cut[: rng.randint(1, len(cut))]
                glue = rng.choice(["", " ", "  ", " | ", "|", "·", " x "])
                line = glue.join(parts)
                if rng.random() < 0.3:
                    line = line.upper()
                for candidate in (line, f"• {line} •", f"{line}:", f"{line}\n"):
                    assert decided(candidate) == reference(candidate), candidate

    def test_tricky_case_folding(self):
        """Phrases with their letters swapped for ones that fold to the same thing, or nearly."""
        rng = random.Random(11)  # noqa: S311 - reproducible test lines, not secrets
        swaps = {"i": "Iİı\u0130", "I": "iıİ", "s": "ſS", "k": "K", "σ": "Σς", "ss": "ßẞ"}
        for phrase in _phrases():
            for _ in range(3):
                out = phrase
                for plain, others in swaps.items():
                    if plain in out and rng.random() < 0.7:
                        out = out.replace(plain, rng.choice(others), 1)
                for line in (out, out.upper(), f"{out} | {out}", f"{out} {rng.choice(_TRICKY)}"):
                    assert decided(line) == reference(line), line

    def test_corpus_lines(self):
        """Every block of every corpus story."""
        for path in sorted(CORPUS.glob("*.txt")):
            for block in segment(path.read_text(encoding="utf-8")):
                assert decided(block.text) == reference(block.text), block.text

    @given(
        st.lists(
            st.one_of(
                st.sampled_from(_phrases()),
                st.sampled_from(_SEPARATORS),
                st.text(alphabet=_TRICKY + "abcxyz (|)·-.", max_size=4),
            ),
            max_size=6,
        )
    )
    def test_generated(self, parts):
        line = "".join(parts)
        assert decided(line) == reference(line)

    def test_many_lines_at_once(self):
        """noise_of decides every line as noise() does, one by one."""
        lines = [
            block.text
            for path in sorted(CORPUS.glob("*.txt"))
            for block in segment(path.read_text(encoding="utf-8"))
        ]
        lines += [*_phrases(), "Share\u0301 this", "Shareé", "abcdefgh\u0301", "ab", ""]
        for prefer in (None, "en", "tr"):
            want = [lexicon().noise(line, prefer=prefer) for line in lines]
            assert lexicon().noise_of(lines, prefer=prefer) == want

    def test_language_reported(self):
        """The language is the preferred one when its table holds the phrase."""
        hit = lexicon().noise("Bu haberi paylaşın", prefer="tr")
        assert hit is not None
        assert (hit.kind, hit.language) == ("share", "tr")


class TestTrustedBlock:
    def test_same_as_a_checked_one(self):
        """The unchecked constructor gives a value equal to, and hashing like, a checked one."""
        checked = ClassifiedBlock(text="a", lines=(1, 2), kind=BlockKind.BODY, rule="r")
        fast = trusted_block("a", (1, 2), BlockKind.BODY, "r", "")
        assert fast == checked
        assert hash(fast) == hash(checked)
        assert repr(fast) == repr(checked)
        assert fast.line == 1


class TestLinear:
    def test_long_share_bar_is_linear(self):
        """A share bar of 100,000 buttons (800 KB) is decided in well under a few seconds."""
        import time  # noqa: PLC0415

        words = lexicon()
        words.noise("Share | Share")  # the share pattern compiled outside the timing
        line = "Share | " * 100_000
        start = time.perf_counter()
        hit = words.noise(line)
        assert time.perf_counter() - start < 3.0  # linear: ~0.4 s; quadratic: minutes
        assert hit is not None
        assert hit.kind == "share"
