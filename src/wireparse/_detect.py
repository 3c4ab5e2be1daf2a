"""Stage 3: tell which agency wrote a story, and in which language its body is.

Agency detection scores every known profile on its signatures (dateline tag,
byline form, boilerplate and copyright lines) in the head and tail of the
story only, so a story that merely quotes another agency ("…, Reuters
reported") is not taken for that agency's copy. The best profile wins when
its score reaches :data:`THRESHOLD`; otherwise there is no answer.

A signature may carry hints, literal strings one of which every match
holds. One scan of the edges (a stdlib ``re`` alternation of every profile's
hints) tells which occur, and only the profiles with a hint there are scored,
only on the signatures whose hint is there: most of the sixty patterns are
never run on a story.

The language of the body comes from the phrase tables' function words.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from itertools import filterfalse, repeat
from typing import Any, Final

import regex

from wireparse._compiled import all_shipped
from wireparse._phrases import Lexicon, fold
from wireparse._safety import USER_PATTERN_TIMEOUT, run
from wireparse.profiles import Profile, Signature, compile_pattern

THRESHOLD: Final = 3
EDGE: Final = 12  # how many lines at each end of a story are searched for signatures
_WORD: Final = regex.compile(r"\p{L}[\p{L}\p{M}'’]*+")
_SAMPLE_WORDS: Final = 400
_SAMPLE_CHARS: Final = _SAMPLE_WORDS * 6
#: Characters read to tell the language by its script, when no function word tells.
_SCRIPT_SAMPLE: Final = 400


class _Signature:
    """A signature, compiled, with the hints that let detection skip it."""

    __slots__ = ("hints", "pattern", "rule_id", "weight")

    def __init__(self, signature: Signature) -> None:
        self.pattern = compile_pattern(signature.pattern, multiline=True)
        self.weight: int = signature.weight
        self.rule_id = signature.id
        # None: no hint, the pattern is always tried
        self.hints = frozenset(signature.hint) if signature.hint else None


@functools.lru_cache(maxsize=256)
def _signatures(profile: Profile) -> tuple[tuple[_Signature, ...], frozenset[str] | None, bool]:
    """Return *profile*'s compiled signatures, all their hints, and whether all are shipped.

    All the hints are None when one signature has none: the profile must then
    always be scored.
    """
    signatures = tuple(_Signature(signature) for signature in profile.signatures)
    hints: frozenset[str] | None = frozenset()
    for signature in signatures:
        hints = None if hints is None or signature.hints is None else hints | signature.hints
    return signatures, hints, all_shipped(profile)


def _trie(words: Iterable[str]) -> str:
    """Return a stdlib ``re`` alternation of *words* that matches the longest one at a place.

    Words sharing a prefix share its branch, so a place in the text costs one
    branch per distinct first character, not one per word.
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, Any]) -> str:
        # longer words first: re tries alternatives in order, the empty end last
        branches = []
        for char in sorted(node):
            if not char:
                continue
            run, child = [char], node[char]
            while len(child) == 1 and "" not in child:  # one way on: no group, no recursion
                (following,) = child
                run.append(following)
                child = child[following]
            branches.append(re.escape("".join(run)) + emit(child))
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(root)


def _finder(words: set[str]) -> re.Pattern[str]:
    """Return a pattern that finds the longest of *words* at each place it is tried."""
    try:
        return re.compile(_trie(words))
    except (RecursionError, OverflowError, re.error):
        # words nested hundreds deep ("a", "aa", "aaa"...): the flat form, longest first
        return re.compile(
            "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
        )


class _Plan:
    """What detection over one collection of profiles needs, built once per collection."""

    __slots__ = ("always", "finder", "implied", "profiles", "wanted")

    def __init__(self, profiles: tuple[Profile, ...]) -> None:
        self.profiles = tuple((profile, *_signatures(profile)) for profile in profiles)
        words = {
            hint
            for _profile, signatures, _hints, _shipped in self.profiles
            for sig in signatures
            if sig.hints
            for hint in sig.hints
        }
        self.finder = _finder(words) if words else None
        # a hint found also shows every hint inside it: the finder reports
        # only the longest hint at each place
        self.implied = {word: frozenset(w for w in words if w in word) for word in words}
        # the profiles a hint found may make score: those with a signature it implies
        self.wanted = {
            word: frozenset(
                index
                for index, (_profile, _signatures, hints, _shipped) in enumerate(self.profiles)
                if hints is not None and not hints.isdisjoint(implied)
            )
            for word, implied in self.implied.items()
        }
        # the profiles scored whatever the text: they have a signature without hint
        self.always = frozenset(
            index for index, (_p, _s, hints, _a) in enumerate(self.profiles) if hints is None
        )

    def present(self, edges: str) -> tuple[set[str], set[int]]:
        """Return every hint that occurs in *edges*, and the profiles that may score there."""
        found: set[str] = set()
        scored = set(self.always)
        if self.finder is None:
            return found, scored
        search = self.finder.search
        pos = 0
        # from one place past each hit: hints that overlap are all found
        while (match := search(edges, pos)) is not None:
            word = match.group()
            found |= self.implied[word]
            scored |= self.wanted[word]
            pos = match.start() + 1
        return found, scored


_plans = functools.lru_cache(maxsize=32)(_Plan)
_last: tuple[object, _Plan | None] = (None, None)


def _plan(profiles: Iterable[Profile]) -> _Plan:
    """Return the plan for *profiles*; the same collection as last time costs no hashing."""
    global _last  # noqa: PLW0603 - a one-entry cache in front of the lru cache
    key, plan = _last
    if profiles is key and plan is not None:
        return plan
    plan = _plans(tuple(profiles))
    if isinstance(profiles, tuple):  # immutable: safe to know again by identity
        _last = (profiles, plan)
    return plan


def _total(
    signatures: tuple[_Signature, ...], edges: str, present: AbstractSet[str], *, shipped: bool
) -> int:
    """Return the weight of *signatures* found in *edges*, trying only those whose hint is present.

    Users' patterns run under the timeout; one that runs out of time counts nothing.
    """
    total = 0
    for sig in signatures:
        if sig.hints is not None and sig.hints.isdisjoint(present):
            continue
        if shipped:  # audited patterns: the fast path, no timeout
            found = sig.pattern.search(edges)
        else:
            found = run(
                sig.pattern, edges, rule_id=sig.rule_id, timeout=USER_PATTERN_TIMEOUT, search=True
            )
        if found is not None:
            total += sig.weight
    return total


def score(profile: Profile, edges: str) -> int:
    """Return the total weight of *profile*'s signatures found in *edges*, the lines joined.

    A user's signature that runs out of time is skipped.
    """
    signatures, _hints, shipped = _signatures(profile)
    present = {hint for sig in signatures if sig.hints for hint in sig.hints if hint in edges}
    return _total(signatures, edges, present, shipped=shipped)


def detect(lines: Sequence[str], profiles: Iterable[Profile]) -> Profile | None:
    """Return the profile whose signatures score best on the edges of *lines*, if convincing.

    Only the first and last :data:`EDGE` lines are read, searched at once as
    one text in which ``^`` and ``$`` mark each line. One scan finds which
    signatures' hints occur there; a profile with none of its hints would score
    0, so it is not scored at all.
    """
    edges = "\n".join(lines if len(lines) <= 2 * EDGE else (*lines[:EDGE], *lines[-EDGE:]))
    plan = _plan(profiles)
    present, scored = plan.present(edges)
    best: Profile | None = None
    best_score = THRESHOLD - 1  # THRESHOLD >= 1: a profile not scored (0) never wins
    for index in sorted(scored):  # in the given order: the first of equals wins
        profile, signatures, _hints, shipped = plan.profiles[index]
        value = _total(signatures, edges, present, shipped=shipped)
        if value > best_score:
            best, best_score = profile, value
    return best


# Characters that end a word and can never be part of one (not a letter, mark or
# apostrophe): stripped from the ends of a space-separated token, they leave its words whole.
_NOT_WORD: Final = (
    "".join(chr(c) for c in range(0x21, 0x7F) if not chr(c).isalpha() and chr(c) != "'")
    + "\u00ab\u00bb\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u201a\u201c\u201d\u201e"
    + "\u2026\u2039\u203a\u00b7\u2022"
)
_MAX_HARD_TOKENS: Final = 32  # more tokens than this need the word pattern: run it once
_LEAST_GAP: Final = 1e-6  # scores this close may differ by the float sums' rounding alone
_LONG_TOKEN: Final = 16  # tokens this long on average: the text is not split by spaces


@functools.lru_cache(maxsize=8)
def _plain_words(lexicon: Lexicon) -> frozenset[str]:
    """Return the function words that are one whole word each (all of the shipped ones)."""
    return frozenset(word for word in lexicon.function_words if _WORD.fullmatch(word))


def _one_word(token: str) -> bool:
    """Return True when *token* is a single word: letters, then letters or apostrophes."""
    return token.isalpha() or (
        token[:1].isalpha()
        and token.replace("'", "").replace("\N{RIGHT SINGLE QUOTATION MARK}", "").isalpha()
    )


def _token_words(token: str, plain: frozenset[str]) -> tuple[tuple[str, ...], bool]:
    """Return the words of *plain* in one space-separated *token*, and whether it was hard.

    A hard token has something inside it besides one word ("full-scale"): the
    word pattern reads it.
    """
    if token in plain:
        return (token,), False
    if token.isalpha():
        return (), False  # one word, not a function word
    core = token.strip(_NOT_WORD)
    if core in plain:
        return (core,), False
    if core and not _one_word(core):
        return tuple(word for word in _WORD.findall(core) if word in plain), True
    return (), False


def _known_words(text: str, plain: frozenset[str]) -> list[str]:
    """Return, in order, the words of *text* (as :data:`_WORD` finds them) that are in *plain*.

    Most space-separated tokens are one word, perhaps with punctuation at
    their ends: a set lookup and a str test decide them, and the word pattern
    runs only on the few tokens with something else inside ("full-scale").
    Text with many such tokens (scripts written with marks) or long ones
    (scripts written without spaces) is read with the pattern at once.
    """
    tokens = text.split()
    if len(tokens) * _LONG_TOKEN < len(text):  # written without spaces (Chinese, Japanese)
        return [word for word in _WORD.findall(text) if word in plain]
    found: list[str] = []
    hard = 0
    for token in tokens:
        words, is_hard = _token_words(token, plain)
        if is_hard:
            hard += 1
            if hard > _MAX_HARD_TOKENS:
                return [word for word in _WORD.findall(text) if word in plain]
        found.extend(words)
    return found


# No character outside a word's letters, marks and apostrophes is ever part of one, so it
# can become a space: the words stay as they were. Every ASCII one by one bytes
# translation (in C), the others :data:`_NOT_WORD` names one by one.
_ASCII_BREAKS: Final = bytes(
    code if chr(code).isalpha() or chr(code) == "'" or code >= 0x80 else ord(" ")  # noqa: PLR2004
    for code in range(256)
)
_WIDE_BREAKS: Final = tuple(char for char in _NOT_WORD if not char.isascii())
_APOSTROPHES: Final = ("'", "\N{RIGHT SINGLE QUOTATION MARK}")


def _spaced(text: str) -> str:
    """Return *text* with every ASCII non-letter but "'", and :data:`_NOT_WORD`, made spaces."""
    text = (
        text.encode("utf-8", "surrogatepass")
        .translate(_ASCII_BREAKS)
        .decode("utf-8", "surrogatepass")
    )
    if not text.isascii():
        for char in _WIDE_BREAKS:
            if char in text:
                text = text.replace(char, " ")
    return text


def _plain_tokens(text: str, tokens: list[str]) -> bool:
    """Return True when each of *tokens* (*text* split) is one word: letters, perhaps apostrophes.

    Such a token is a function word exactly when it is one. An apostrophe
    opening a token is no part of its word: then False. *text* is
    :func:`_spaced`: ASCII text is ASCII letters, "'" and spaces alone.
    """
    ascii_only = text.isascii()
    letters = "" if ascii_only else "".join(tokens)
    if not ascii_only and letters.isalpha():
        return True
    for mark in _APOSTROPHES:
        if mark in text:
            letters = letters.replace(mark, "")
            at = text.find(mark)
            while at >= 0:
                if at == 0 or text[at - 1].isspace():
                    return False
                at = text.find(mark, at + 1)
    return ascii_only or letters.isalpha()


def _counted(text: str, lexicon: Lexicon) -> Counter[str]:
    """Return how often each function word occurs in *text* as a word :data:`_WORD` finds.

    The words come in no particular order. What can be no part of a word
    (punctuation, digits) becomes a space first; then most texts are words
    between spaces, and C-level filters count them. Otherwise the tokens that
    are more than one word are read one by one, as :func:`_token_words` reads them.
    """
    plain = _plain_words(lexicon)
    spaced = _spaced(text)
    tokens = spaced.split()
    if len(tokens) * _LONG_TOKEN < len(text):  # written without spaces (Chinese, Japanese)
        return Counter(filter(plain.__contains__, _WORD.findall(text)))
    words = list(filter(plain.__contains__, tokens))
    if _plain_tokens(spaced, tokens):
        return Counter(words)
    # the rest that is more than one word: an apostrophe or a mark first, something inside
    others = [token for token in filterfalse(plain.__contains__, tokens) if not token.isalpha()]
    cores = list(map(str.strip, others, repeat(_NOT_WORD)))
    words += filter(plain.__contains__, cores)
    hard = [
        core
        for core in filterfalse(plain.__contains__, cores)
        if core and not core.isalpha() and not _one_word(core)
    ]
    if len(hard) > _MAX_HARD_TOKENS:  # as many as that: the pattern reads the text once
        return Counter(filter(plain.__contains__, _WORD.findall(text)))
    for core in hard:
        words += filter(plain.__contains__, _WORD.findall(core))
    return Counter(words)


def _word_counts(text: str, lexicon: Lexicon) -> dict[str, int]:
    """Return how often each function word occurs in *text*, in the order they first occur."""
    return Counter(_known_words(text, _plain_words(lexicon)))


@functools.lru_cache(maxsize=8)
def _exact_gap(lexicon: Lexicon) -> float:
    """Return half the least gap between two different language scores, or 0.0 if too small.

    A word of *k* languages gives each ``1/k``: every score is a multiple of
    ``1/L``, L the least common multiple of the owner counts, so two scores
    that differ differ by ``1/L`` at least. Float sums of a sample's few
    hundred words stray from the exact ones by far less than half that.
    """
    lcm = math.lcm(*{len(owners) for owners in lexicon.function_words.values()})
    gap = 0.5 / lcm
    return gap if gap >= _LEAST_GAP else 0.0


def _scores(counts: dict[str, int], lexicon: Lexicon) -> dict[str, float]:
    """Return each language's score: a word several languages use counts for each in proportion.

    The sums are of floats, so they are made in the order of *counts*.
    """
    known = lexicon.function_words
    scores: dict[str, float] = {}
    for word, times in counts.items():
        owners = known[word]
        for code in owners:
            scores[code] = scores.get(code, 0.0) + times / len(owners)
    return scores


@functools.lru_cache(maxsize=8)
def _script_tables(
    lexicon: Lexicon,
) -> tuple[tuple[tuple[str, regex.Pattern[str]], ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """Return a letters pattern per script the tables name, and each table's scripts."""
    tables = tuple(
        (code, table.get("scripts"))
        for code, table in sorted(lexicon.tables.items())
        if table.get("scripts")
    )
    scripts = sorted({script for _code, names in tables for script in names})
    return tuple((name, regex.compile(rf"\p{{{name}}}")) for name in scripts), tables


def _by_script(text: str, lexicon: Lexicon) -> str | None:
    """Return the one language whose scripts hold the most of *text*'s letters, or None.

    For a text none of whose words is a function word any table lists (Chinese
    runs on without spaces): the tables' ``scripts`` decide, read on the first
    :data:`_SCRIPT_SAMPLE` characters. Of the tables whose scripts hold as many
    letters as any, the one naming fewest scripts is the language (Han alone is
    Chinese; Han with kana is Japanese); a tie (Latin, Cyrillic: many tables) or
    letters mostly in no table's scripts give None.
    """
    if text.isascii():
        return None  # Latin letters only: every Latin table ties
    sample = text[:_SCRIPT_SAMPLE]
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return None
    patterns, tables = _script_tables(lexicon)
    per_script = {name: len(pattern.findall(sample)) for name, pattern in patterns}
    counted = [
        (sum(per_script[name] for name in names), -len(names), code) for code, names in tables
    ]
    best = max(counted, default=(0, 0, ""))
    if 2 * best[0] < letters:
        return None
    tied = [entry for entry in counted if entry[:2] == best[:2]]
    return best[2] if len(tied) == 1 else None


def detect_language(paragraphs: Iterable[str], lexicon: Lexicon) -> str | None:
    """Return the language whose function words are most frequent in *paragraphs*.

    The first words of the body (about :data:`_SAMPLE_WORDS`) are enough.
    A word that several languages use counts for each in proportion. Ties go
    to the language earlier in alphabetical order. With no function word
    found, the script may tell (:func:`_by_script`); else None.
    """
    sample: list[str] = []
    size = 0
    for paragraph in paragraphs:
        sample.append(paragraph)
        size += len(paragraph)
        if size >= _SAMPLE_CHARS:
            break
    text = fold("\n".join(sample)[:_SAMPLE_CHARS])
    scores = _scores(_counted(text, lexicon), lexicon)
    if not scores:
        return _by_script(text, lexicon)
    top = max(scores.values())
    gap = _exact_gap(lexicon)  # 0.0: every score is near, the order of the sums decides
    near = [code for code, value in scores.items() if top - value < gap]
    if len(near) == 1:
        return near[0]  # no other score is as high, whatever the order of the float sums
    # a tie, exact but for the rounding: summed in the order the words first occur,
    # the float sums break it as they always did
    scores = _scores(_word_counts(text, lexicon), lexicon)
    return min(scores, key=lambda code: (-scores[code], code))
