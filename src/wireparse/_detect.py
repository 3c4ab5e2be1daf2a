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

from wireparse._compiled import all_shipped
from wireparse._phrases import Lexicon, fold
from wireparse._safety import USER_PATTERN_TIMEOUT, run
from wireparse.profiles import Profile, compile_pattern

THRESHOLD: Final = 3
EDGE: Final = 12  # how many lines at each end of a story are searched for signatures
_WORD: Final = regex.compile(r"\p{L}[\p{L}\p{M}'’]*+")
_SAMPLE_WORDS: Final = 400
_SAMPLE_CHARS: Final = _SAMPLE_WORDS * 6


@functools.lru_cache(maxsize=256)
def _signatures(profile: Profile) -> tuple[tuple[regex.Pattern[str], int], ...]:
    return tuple(
        (compile_pattern(sig.pattern, multiline=True), sig.weight) for sig in profile.signatures
    )


def score(profile: Profile, edges: str) -> int:
    """Return the total weight of *profile*'s signatures found in *edges*, the lines joined.

    A user's signature that runs out of time is skipped.
    """
    if all_shipped(profile):  # audited patterns: the fast path, no timeout
        return sum(weight for pattern, weight in _signatures(profile) if pattern.search(edges))
    total = 0
    for signature, (pattern, weight) in zip(profile.signatures, _signatures(profile), strict=True):
        found = run(pattern, edges, rule_id=signature.id, timeout=USER_PATTERN_TIMEOUT, search=True)
        if found is not None:
            total += weight
    return total


def detect(lines: Sequence[str], profiles: Iterable[Profile]) -> Profile | None:
    """Return the profile whose signatures score best on the edges of *lines*, if convincing.

    Only the first and last :data:`EDGE` lines are read, searched at once as
    one text in which ``^`` and ``$`` mark each line.
    """
    edges = "\n".join(lines if len(lines) <= 2 * EDGE else (*lines[:EDGE], *lines[-EDGE:]))
    best: Profile | None = None
    best_score = THRESHOLD - 1
    for profile in profiles:
        value = score(profile, edges)
        if value > best_score:
            best, best_score = profile, value
    return best


def detect_language(paragraphs: Iterable[str], lexicon: Lexicon) -> str | None:
    """Return the language whose function words are most frequent in *paragraphs*.

    The first words of the body (about :data:`_SAMPLE_WORDS`) are enough.
    A word that several languages use counts for each in proportion. Ties go
    to the language earlier in alphabetical order; no evidence gives None.
    """
    sample: list[str] = []
    size = 0
    for paragraph in paragraphs:
        sample.append(paragraph)
        size += len(paragraph)
        if size >= _SAMPLE_CHARS:
            break
    words = _WORD.findall(fold("\n".join(sample)[:_SAMPLE_CHARS]))
    known = lexicon.function_words
    counts: dict[str, float] = {}
    for word, times in Counter(words).items():
        owners = known.get(word)
        if owners:
            # a word several languages share ("de", "en") tells little: split its weight
            for code in owners:
                counts[code] = counts.get(code, 0.0) + times / len(owners)
    if not counts:
        return None
    return min(counts, key=lambda code: (-counts[code], code))
