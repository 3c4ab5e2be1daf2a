"""Stage 3: tell which agency wrote a story, and in which language its body is.

Agency detection scores every known profile on its signatures (dateline tag,
byline form, boilerplate and copyright lines) in the head and tail of the
story only, so a story that merely quotes another agency ("…, Reuters
reported") is not taken for that agency's copy. The best profile wins when
its score reaches :data:`THRESHOLD`; otherwise there is no answer.

The language of the body comes from the phrase tables' function words.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final

import regex

from wireparse._phrases import Lexicon, fold
from wireparse.profiles import Profile, compile_pattern

THRESHOLD: Final = 3
EDGE: Final = 12  # how many lines at each end of a story are searched for signatures
_WORD: Final = regex.compile(r"\p{L}[\p{L}\p{M}'’]*+")
_SAMPLE_WORDS: Final = 400


@functools.lru_cache(maxsize=256)
def _signatures(profile: Profile) -> tuple[tuple[regex.Pattern[str], int], ...]:
    return tuple((compile_pattern(sig.pattern), sig.weight) for sig in profile.signatures)


def score(profile: Profile, lines: Sequence[str]) -> int:
    """Return the total weight of *profile*'s signatures found in the edges of *lines*."""
    edges = lines if len(lines) <= 2 * EDGE else (*lines[:EDGE], *lines[-EDGE:])
    total = 0
    for pattern, weight in _signatures(profile):
        if any(pattern.search(line) for line in edges):
            total += weight
    return total


def detect(lines: Sequence[str], profiles: Iterable[Profile]) -> Profile | None:
    """Return the profile whose signatures score best on *lines*, if convincing."""
    best: Profile | None = None
    best_score = THRESHOLD - 1
    for profile in profiles:
        value = score(profile, lines)
        if value > best_score:
            best, best_score = profile, value
    return best


def detect_language(paragraphs: Iterable[str], lexicon: Lexicon) -> str | None:
    """Return the language whose function words are most frequent in *paragraphs*.

    Ties go to the language earlier in alphabetical order; no evidence gives None.
    """
    counts: Counter[str] = Counter()
    seen = 0
    for paragraph in paragraphs:
        for match in _WORD.finditer(paragraph):
            owners = lexicon.function_words.get(fold(match.group()))
            if owners:
                counts.update(owners)
            seen += 1
            if seen >= _SAMPLE_WORDS:
                break
        if seen >= _SAMPLE_WORDS:
            break
    if not counts:
        return None
    return min(counts, key=lambda code: (-counts[code], code))
