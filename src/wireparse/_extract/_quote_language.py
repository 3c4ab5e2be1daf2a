"""What attribution needs from a language's phrase tables, built once per lexicon.

Speech verbs, pronouns, titles and name particles, and the patterns of a name
and of a sentence's end: all depend only on the lexicon and the language, so
they are compiled once and cached, never per story.
"""

from __future__ import annotations

import array
import functools
import itertools
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Final

import regex

from wireparse._extract._quote_marks import _RSQ, PAIRS
from wireparse._phrases import Lexicon, fold

#: Scripts written with capitals: there a name is a run of capitalised words.
_CASED_SCRIPTS: Final = frozenset({"Latin", "Cyrillic", "Greek", "Armenian"})
#: Scripts written without spaces between words.
_UNSPACED_SCRIPTS: Final = frozenset(
    {"Han", "Hiragana", "Katakana", "Thai", "Lao", "Khmer", "Myanmar", "Tibetan"}
)
#: Scripts whose letters are grammar rather than names (Japanese particles の, は, と).
_GRAMMAR_SCRIPTS: Final = frozenset({"Hiragana"})
_UNSPACED_CHAR: Final = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}]")


def _astral(text: str) -> bool:
    """Return True when *text* holds a character beyond the Basic Multilingual Plane.

    Such a character takes two UTF-16 code units; encoding is faster than a search.
    """
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


#: Where Unicode has letters, marks or white space: planes 0 to 3 and the start of
#: plane 14 (variation selectors); the others hold none (a test checks it against
#: ``regex``), so reading the categories skips them.
_ASSIGNED: Final = ((0, 0xD800), (0xE000, 0x40000), (0xE0000, 0xE1000))


@functools.cache
def _categories(astral: bool) -> dict[str, str]:  # noqa: FBT001 - a cache key
    r"""Return the bodies of stdlib ``re`` classes for the ``regex`` categories used here.

    Stdlib :mod:`re` has no ``\p{Lu}``; these are read from ``regex`` itself, once
    (some milliseconds), so names and sentence ends are exactly what they were
    with ``regex`` while searches run on :mod:`re`, which scans for a class
    several times faster. Without *astral*, only the Basic Multilingual Plane:
    :mod:`re` checks a class's characters beyond it one range at a time, so a text
    with none (see :func:`_astral`) is searched with the smaller classes, to the
    same result.
    """
    planes = _ASSIGNED if astral else _ASSIGNED[:2]
    top = None if astral else 0x10000
    ranges = (range(lo, min(hi, top) if top else hi) for lo, hi in planes)
    codes = array.array("I", itertools.chain.from_iterable(ranges))
    every = codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")
    out = {}
    for name in ("Lu", "Ll", "L", "M", "Lo", "s"):
        found = r"\s++" if name == "s" else rf"\p{{{name}}}++"  # s: white space
        spans = (m.span() for m in regex.finditer(found, every))
        out[name] = "".join(_class_range(every[a], every[b - 1]) for a, b in spans)
    return out


def _class_range(first: str, last: str) -> str:
    """Return the range first-last in a class, as the characters themselves.

    :mod:`re` compiles a character several times faster than its escape, and
    the classes here hold thousands of ranges.
    """
    edges = [f"\\{c}" if c in _CLASS_SPECIALS else c for c in (first, last)]
    return edges[0] if first == last else f"{edges[0]}-{edges[1]}"


_CLASS_SPECIALS: Final = "\\]^-["


_STOPS: Final = "!?.\N{ARABIC QUESTION MARK}\N{DEVANAGARI DANDA}"
_CJK_STOPS: Final = (
    "\N{IDEOGRAPHIC FULL STOP}\N{FULLWIDTH EXCLAMATION MARK}\N{FULLWIDTH QUESTION MARK}"
)


@functools.cache
def _sentence_end() -> re.Pattern[str]:
    """Return the pattern of a sentence's end, in stdlib :mod:`re`.

    A sentence ends at . ! ? and a space before a capital or an opening mark, but
    not after an initial or a short abbreviation ("Raymond J. Kowalczyk", "U.S.
    District", "Mr. Doe"); in CJK text at a full-width stop, exclamation or question
    mark, with no space. It opens on the stop, so :mod:`re` skips to stops fast; what
    stands before the stop is then looked behind at, one width at a time.
    """
    cat = _categories(True)  # noqa: FBT003 - a cache key
    upper, lower = f"[{cat['Lu']}]", f"[{cat['Ll']}]"
    stop = f"[{re.escape(_STOPS)}]"
    edges = ("^", f"[{cat['s']}.(]")
    abbreviations = "".join(
        f"(?<!{edge}{upper}{lower * size}{stop})" for size in range(3) for edge in edges
    )
    return re.compile(
        f"[{re.escape(_STOPS + _CJK_STOPS)}]"
        f"(?:(?<={stop}){abbreviations}"
        rf"[\"”’»)]*+[{cat['s']}]++(?=[{cat['Lu']}{cat['Lo']}\"“„«‘(`])"
        f"|(?<=[{_CJK_STOPS}])"
        "[\N{RIGHT CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}”)]*+)"
    )


@functools.cache
def _name_pattern(particles: tuple[str, ...], *, astral: bool) -> re.Pattern[str]:
    """Return the pattern of a name as wire copy writes it: capitals, initials, particles.

    "Zamir Kabulov", "Mette Ø. Kjærgaard", "Marieke van den Berg", "al-Jubouri",
    "U.S. District Judge Patricia Nwosu", "St. Clair-Hughes". It opens on a capital
    (which :mod:`re` skips to fast); a leading "al-" is added by :meth:`_Language.runs`.
    """
    cat = _categories(astral)
    upper, lower, letter = f"[{cat['Lu']}]", f"[{cat['Ll']}]", f"{cat['L']}{cat['M']}"
    # after a capital: initials ("J.", "U.S."), a short abbreviation ("Mr.", "St."), or a word
    rest = (
        rf"(?:\.(?:{upper}\.)*+(?=[ ]{upper})|{lower}{{1,2}}+\.(?=[ ]{upper})"
        rf"|[{letter}'\N{{RIGHT SINGLE QUOTATION MARK}}\-]*+)"
    )
    unit = rf"(?:(?:al|el|Al|El)-)?+{upper}{rest}"
    words = _trie(particles)  # one pass over a trie, not one try per particle
    particle = rf"(?:{words})[ ](?={upper}|(?:{words})[ ])" if particles else "(?!)"
    return re.compile(rf"{upper}(?<![{letter}]{upper}){rest}(?:[ ](?:{particle})*+{unit})*+")


def _trie(words: Iterable[str]) -> str:
    """Return a pattern that matches any of *words* literally, longest first, as a trie.

    Python's :mod:`re` runs a trie of literals in one pass, several times faster
    than an alternation or a ``regex`` named list of the same phrases.
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]  # a trie nests to any depth
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


#: :func:`fold` for words and names, which repeat within and across stories.
_fold: Final = functools.lru_cache(maxsize=8192)(fold)


def _carries_subject(verb: str, pronouns: frozenset[str], enclitics: Sequence[str]) -> bool:
    """Return True for a verb with its subject built in: "dit-il", "sagte er", "katanya"."""
    words = [w for w in re.split(r"[ \-]", _fold(verb)) if w]
    if any(word in pronouns for word in words[1:]):
        return True
    return any(w.endswith(e) and len(w) > len(e) for w in words for e in enclitics)


class _Language:
    """What attribution needs from the phrase tables of a story's language, built once."""

    def __init__(self, lexicon: Lexicon, languages: tuple[str, ...] | None) -> None:
        codes = languages if languages is not None else tuple(sorted(lexicon.tables))
        scripts = frozenset(s for code in codes for s in lexicon.tables[code].get("scripts"))
        verbs = sorted(set(lexicon.phrases("speech_verbs", languages)) or {"said"})
        pronouns = lexicon.phrases("pronouns", languages) or ("he",)
        self.pronouns = frozenset(_fold(p) for p in pronouns if not p.startswith("-"))
        enclitics = tuple(_fold(p[1:]) for p in pronouns if p.startswith("-") and len(p) > 1)
        self.owns_subject = frozenset(
            v for v in verbs if _carries_subject(v, self.pronouns, enclitics)
        )
        # the first word of a split frame may open what follows the quote: "라고 X는 말했다"
        self.quotatives = frozenset(_fold(v.split(" ", 1)[0]) for v in verbs if " " in v)
        self.cased = not scripts or bool(scripts & _CASED_SCRIPTS)
        self.spaced = not scripts & _UNSPACED_SCRIPTS
        self.hangul = "Hangul" in scripts
        self.arabic = "Arabic" in scripts
        self.markers = lexicon.phrases("subject_markers", languages)
        # an adverbial between the subject and the verb: 刘振峰「在开幕式上致辞时」表示
        self.adverbial_opens = lexicon.phrases("adverbial_opens", languages)
        self.adverbial_ends = tuple(lexicon.phrases("adverbial_ends", languages))
        name_scripts = sorted(scripts - _CASED_SCRIPTS - _GRAMMAR_SCRIPTS)
        letters = "".join(rf"\p{{{s}}}" for s in name_scripts)
        extra = "\N{KATAKANA MIDDLE DOT}\N{KATAKANA-HIRAGANA PROLONGED SOUND MARK}\N{MIDDLE DOT}"
        self.letters = regex.compile(rf"[{letters}\p{{M}}{extra}]++") if letters else None
        self.tail = regex.compile(rf"(?r)[{letters}\p{{M}}{extra}]+") if letters else None
        particles = sorted(lexicon.lists.get("name_particles", ()), key=len, reverse=True)
        self.name_links = frozenset(_fold(p) for p in particles)
        self.name_prefixes = tuple(_fold(p) for p in lexicon.lists.get("name_prefixes", ()))
        self._prefix_groups = _by_length(self.name_prefixes)
        self.conjunctions = frozenset(_fold(c) for c in lexicon.lists.get("conjunctions", ()))
        self.function_words = frozenset(lexicon.function_words)
        # grammatical words of any language: what a name is not, and what joins a body's name
        self.stop = self.function_words | self.name_links | self.conjunctions
        self.grammar = self.function_words | self.conjunctions  # what ends a name without capitals
        titles = lexicon.lists.get("titles", ())
        self.titles = frozenset(tuple(_fold(t).split()) for t in titles)
        self.title_size = max((len(t) for t in self.titles), default=1)
        self.title_heads = frozenset(t[0] for t in self.titles)
        self.lower_titles = frozenset(t[0] for t in self.titles if len(t) == 1)
        #: what may stand before a sentence's subject: "The", "prefetto"
        self.leading = self.function_words | self.lower_titles
        # the story's own titles written with no space (副局长何文斌, ハリス報道官, 제1차관)
        own = lexicon.phrases("titles", languages)
        self.title_strings = tuple(
            sorted({t for t in own if " " not in t and not t.isascii()}, key=len, reverse=True)
        )
        self.calendar = frozenset(lexicon.month_names) | frozenset(lexicon.weekday_names)
        self.particles = tuple(particles)
        self.person_bmp = _name_pattern(self.particles, astral=False)
        self._verbs = tuple(verbs)
        self.verb_table, self.verb_words, self.unspaced_finder, self.exact = _verb_table(verbs)
        self.verb_heads = frozenset(self.verb_table)
        #: the heads' patterns, compiled when first needed: most are never needed by a story
        self.verb_patterns: dict[str, re.Pattern[str]] = {}

    def is_title(self, folded: Sequence[str], at: int) -> int:
        """Return how many *folded* words from *at* form a title ("prime minister": 2), or 0."""
        if folded[at] not in self.title_heads:
            return 0
        for size in range(min(self.title_size, len(folded) - at), 0, -1):
            if tuple(folded[at : at + size]) in self.titles:
                return size
        return 0

    @functools.cached_property
    def verb_finder(self) -> re.Pattern[str]:
        """Return every verb in one trie: only the rare searches that need it compile it."""
        return _verb_finder(self._verbs)

    def runs(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        """Return the capitalised runs (names) of each of *texts*, "al-" prefixes included.

        Each text is searched on its own (a name never spans two): a list
        comprehension over each search is cheaper than sharing out the matches
        of one search of them all. The texts are looked at together only to
        choose the pattern: the smaller one when no letter lies beyond the
        Basic Multilingual Plane.
        """
        joined = "\n".join(texts)
        astral = not joined.isascii() and _astral(joined)
        person = _name_pattern(self.particles, astral=True) if astral else self.person_bmp
        out = [[m.span() for m in person.finditer(text)] for text in texts]
        if self._prefix_groups and "-" in joined:
            for text, runs in zip(texts, out, strict=True):
                if "-" in text and runs:
                    _prefix(text, runs, self._prefix_groups)
        return out


def _prefix(
    text: str, runs: list[tuple[int, int]], groups: tuple[tuple[int, frozenset[str]], ...]
) -> None:
    """Extend the runs of *text* over a name prefix before them ("al-Jubouri").

    The prefixes are tried in order, as :func:`_by_length` groups them: those of
    one length next to each other make one set, as the text before a run equals
    one of them at most.
    """
    for index, (start, end) in enumerate(runs):
        for size, prefixes in groups:
            at = start - size
            if at >= 0 and _fold(text[at:start]) in prefixes and not text[at - 1 : at].isalpha():
                runs[index] = (at, end)
                break


def _by_length(words: Sequence[str]) -> tuple[tuple[int, frozenset[str]], ...]:
    """Return *words* in order, those of one length next to each other as one set."""
    groups: list[tuple[int, set[str]]] = []
    for word in words:
        if groups and groups[-1][0] == len(word):
            groups[-1][1].add(word)
        else:
            groups.append((len(word), {word}))
    return tuple((size, frozenset(group)) for size, group in groups)


def _verb_finder(verbs: Sequence[str]) -> re.Pattern[str]:
    """Compile the speech verbs into one trie; spaced scripts' verbs must stand as words.

    Capitalised forms are matched too, and kept only where a sentence opens
    ("According to X, ...").
    """
    spaced = [v for v in verbs if not _UNSPACED_CHAR.match(v)]
    unspaced = [v for v in verbs if _UNSPACED_CHAR.match(v)]
    capitalised = [v[0].upper() + v[1:] for v in spaced if v[:1].islower()]
    alternatives = []
    if spaced:
        words = _trie([*spaced, *capitalised])
        alternatives.append(rf"(?<![\w\-'{_RSQ}])(?:{words})(?![\w\-])")
    if unspaced:
        alternatives.append(f"(?:{_trie(unspaced)})")
    return re.compile("|".join(alternatives))


_WORD: Final = re.compile(r"\w+")
_VERB_JOINERS: Final = "-'" + _RSQ  # a verb after one of these is part of a word: "un-said"


def _verb_table(
    verbs: Sequence[str],
) -> tuple[dict[str, str], frozenset[str], re.Pattern[str] | None, bool]:
    """Return the spaced verbs by their first word, whole-verb heads, unspaced trie, exactness.

    Each spaced verb (and its capitalised form) is filed under the run of word
    characters it opens with; the verbs of one run make one trie (its pattern's
    source), matched where the run stands and ending a word, so the longest that
    fits is found. A head that is itself a verb and opens no other is a whole
    verb: standing as a word it needs no pattern. Exact is False when a spaced
    verb holds a character an unspaced verb opens with: there the two kinds
    could overlap, and :func:`_verb_matches` leaves the search to the whole
    trie; so it does when a verb holds a quote mark, as it then could run into
    a quote.
    """
    spaced = [v for v in verbs if not _UNSPACED_CHAR.match(v)]
    unspaced = [v for v in verbs if _UNSPACED_CHAR.match(v)]
    capitalised = [v[0].upper() + v[1:] for v in spaced if v[:1].islower()]
    table: dict[str, list[str]] = {}
    for verb in dict.fromkeys([*spaced, *capitalised]):
        head = _WORD.match(verb)
        table.setdefault(head.group() if head else "", []).append(verb)
    openers = {v[0] for v in unspaced}
    marks = set("".join(PAIRS) + "".join(PAIRS.values()) + "`'")
    exact = "" not in table and not any((openers | marks) & set(v) for v in spaced)
    exact = exact and not any(marks & set(v) for v in unspaced)
    finder = re.compile(_trie(unspaced)) if unspaced else None
    tries = {key: _verb_source(group) for key, group in table.items()}
    # a head that is a whole verb and opens no other: its pattern would add nothing
    whole = frozenset(key for key, group in table.items() if group == [key])
    return tries, whole, finder, exact


def _verb_source(group: Sequence[str]) -> str:
    """Return the pattern of the verbs of one head: their trie, ending a word."""
    return rf"(?:{_trie(group)})(?![\w\-])"


@functools.lru_cache(maxsize=64)
def _language(lexicon: Lexicon, language: str | None) -> _Language:
    """Return the attribution tools for *language*: its own verbs and pronouns.

    A story in no known language gets every language's (slower, larger tables).
    """
    languages = (language,) if language in lexicon.tables else None
    return _Language(lexicon, languages)
