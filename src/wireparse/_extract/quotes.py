"""Direct quotations in the body, and who said them.

1. **Marks.** Each paragraph is scanned once for quote marks (“ ” „ « » ‹ ›
   ‘ ’ ‚ 「 」 『 』, straight quotes and ANPA's ``` `` ''```), with a stack for
   nesting. Only outermost quotes are reported. An opening mark never closed
   runs to the end of its paragraph and no further; when the next paragraph
   opens a quote again, it continues the same speaker (wire style for a quote
   over several paragraphs). A stray closing mark is ignored.
2. **Attribution**, searched in a bounded window around each quote (never past
   :data:`WINDOW` characters nor the quote's sentence), so the cost stays
   linear. Speech verbs come from the story's phrase table.

   - After the closing mark: the speaker before the verb (``, Kabulov said``,
     ``, the Court of Justice of the European Union said``), after it
     (``, said Kabulov``, ``», - заявил вице-губернатор региона Олег Клименко``,
     ``, ha afirmado la secretaria de Estado, Lucía Ferrer``), or a verb with
     no speaker (``" dedi.``, ``," katanya``, ``」としている``).
   - Before it, in the quote's sentence: ``Kabulov said: “``, ``何文斌说``,
     ``وقال وزير الخارجية أحمد علي: "``; else the sentence's subject: a name
     opening it (``Bakan Arıkan, "…" dedi.``) or, in Japanese and Korean, the
     word its subject particle marks (``Xは「…」と述べた``,
     ``X 장관은 "…"고 말했다``).

   A name in apposition to a description is the speaker ("the mayor of
   Douarnenez, Jean-Yves Kerhervé, said"); a news agency ("told Reuters",
   "a réagi auprès de l'AFP") never is; titles from the phrase tables are
   dropped ("U.S. District Judge Patricia Nwosu" is "Patricia Nwosu").
   Scripts without capitals have no capitalised names: there a name is a run
   of the script's letters next to the frame (Japanese kana are grammar).
3. **Resolution.** A surname, or any part of a name, becomes the fullest name
   the story gives for it; never a name the story lacks. A pronoun is the
   person who opens an earlier sentence of its paragraph, else the person last
   attributed (direct or indirect speech), else the person last named. A verb
   with no speaker, and a bare role noun ("— сказал синоптик"), go to the last
   speaker. A quote with no attribution alone in its paragraph, or after
   another quote of the paragraph, continues the last speaker.
"""

from __future__ import annotations

import array
import bisect
import functools
import itertools
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Final, Literal, NamedTuple

import regex

from wireparse._extract.byline import _agency_names
from wireparse._phrases import Lexicon, fold
from wireparse.models import Quote

# Opening mark -> the closing marks it accepts.
_LDQ = "\N{LEFT DOUBLE QUOTATION MARK}"
_RDQ = "\N{RIGHT DOUBLE QUOTATION MARK}"
_LSQ = "\N{LEFT SINGLE QUOTATION MARK}"
_RSQ = "\N{RIGHT SINGLE QUOTATION MARK}"
_LDA = "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
_RDA = "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
_LSA = "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}"
_RSA = "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"
PAIRS: Final[dict[str, str]] = {
    _LDQ: _RDQ,
    "\N{DOUBLE LOW-9 QUOTATION MARK}": _LDQ + _RDQ,
    _LDA: _RDA,
    _LSA: _RSA,
    _LSQ: _RSQ,
    "\N{SINGLE LOW-9 QUOTATION MARK}": _LSQ + _RSQ,
    "\N{LEFT CORNER BRACKET}": "\N{RIGHT CORNER BRACKET}",
    "\N{LEFT WHITE CORNER BRACKET}": "\N{RIGHT WHITE CORNER BRACKET}",
    '"': '"',
    "``": "''",
}
_SINGLE_CLOSERS: Final = _RSQ + _LSQ
# Every character a mark starts with; a lone ` or ' is none (ANPA doubles them: `` '').
_MARK: Final = re.compile(
    r"[`'\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    r"\N{DOUBLE LOW-9 QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    r"\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}"
    r"\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
    r"\N{RIGHT SINGLE QUOTATION MARK}\N{SINGLE LOW-9 QUOTATION MARK}\N{LEFT CORNER BRACKET}"
    r"\N{RIGHT CORNER BRACKET}\N{LEFT WHITE CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}]"
)
_DOUBLED: Final = "`'"
#: The same without ` and ': a '' closes only a ``, so where no `` opens neither counts.
_MARK_UNDOUBLED: Final = re.compile(_MARK.pattern.replace("[`'", "[", 1))
_CLOSERS: Final = frozenset("".join(PAIRS.values())) | {"''"}
WINDOW: Final = 300  # characters searched for an attribution on each side of a quote
# What may stand between a closing mark and its attribution: ', ' '. ' ', - ' ', — ', a CJK comma
_LEAD: Final = regex.compile(
    r"[,;.\N{FULLWIDTH COMMA}\N{IDEOGRAPHIC COMMA}\N{ARABIC COMMA}]?+\s*+"
    r"(?:[\-\N{EN DASH}\N{EM DASH}\N{HORIZONTAL BAR}]++\s*+)?+"
)
_CLAUSE_BREAKS: Final = (
    ",;:\N{FULLWIDTH COMMA}\N{IDEOGRAPHIC COMMA}\N{FULLWIDTH COLON}\N{ARABIC COMMA}"
    "\N{ARABIC SEMICOLON}"
)
_LAST_BREAK: Final = regex.compile(f"(?r)[{regex.escape(_CLAUSE_BREAKS)}]")
_COLONS: Final = ":;\N{FULLWIDTH COLON}\N{ARABIC SEMICOLON}"
_OPENING_MARKS: Final = frozenset(PAIRS) | {"`"}
_REACH: Final = 160  # characters from a verb to the speaker written after it
_SUBJECT_WORDS: Final = 10  # a description longer than this is not a speaker
_BARE_WORDS: Final = 2  # a role noun this short, with no article, names someone already named
_WORD_EDGE: Final = "\"'()[]{}«»“”„‘’‚‹›「」『』,.;:!?،؛…\N{EM DASH}\N{EN DASH}-"

#: Scripts written with capitals: there a name is a run of capitalised words.
_CASED_SCRIPTS: Final = frozenset({"Latin", "Cyrillic", "Greek", "Armenian"})
#: Scripts written without spaces between words.
_UNSPACED_SCRIPTS: Final = frozenset(
    {"Han", "Hiragana", "Katakana", "Thai", "Lao", "Khmer", "Myanmar", "Tibetan"}
)
#: Scripts whose letters are grammar rather than names (Japanese particles の, は, と).
_GRAMMAR_SCRIPTS: Final = frozenset({"Hiragana"})
#: The Arabic article: inside a name only after a name particle ("عبد الفتاح").
_ARABIC_ARTICLE: Final = "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}"
_UNSPACED_CHAR: Final = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}]")

_Kind = Literal["name", "pronoun", "role", "anaphor", "verb"]


class _Span(NamedTuple):  # a tuple: built for every quote, cheaper than an attrs class
    open_at: int  # index of the opening mark
    start: int  # start of the quoted text
    end: int  # end of the quoted text
    close_end: int  # index after the closing mark (== end when unclosed)
    closed: bool


def _is_word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum())


def find_spans(paragraph: str) -> list[_Span]:
    """Return the outermost quotations of *paragraph*, in order.

    >>> [(s.start, s.end) for s in find_spans("He said “no” today.")]
    [(9, 11)]
    """
    spans: list[_Span] = []
    stack: list[tuple[str, int, int]] = []  # (opener, mark start, text start)
    resume = 0  # after a doubled mark, where the next may start
    marks = _MARK if "``" in paragraph else _MARK_UNDOUBLED
    for match in marks.finditer(paragraph):
        at = match.start()
        mark = paragraph[at]
        if mark in _DOUBLED:
            if at < resume or paragraph[at + 1 : at + 2] != mark:
                continue
            mark += mark
            resume = after = at + 2
        else:
            after = at + 1
        if stack and _closes(stack[-1][0], mark, paragraph, at, after):
            _opener, open_at, text_start = stack.pop()
            if not stack:
                spans.append(_Span(open_at, text_start, at, after, closed=True))
            continue
        if mark in PAIRS and _opens(mark, paragraph, at, after):
            stack.append((mark, at, after))
    if stack:
        _opener, open_at, text_start = stack[0]
        spans.append(_Span(open_at, text_start, len(paragraph), len(paragraph), closed=False))
    return spans


def _closes(opener: str, mark: str, text: str, at: int, after: int) -> bool:
    if mark not in PAIRS.get(opener, "") and not (opener == "``" and mark == "''"):
        return False
    if mark in _SINGLE_CLOSERS and _is_word_char(text, after):
        return False  # an apostrophe inside a word: don't
    # a straight quote opening a new word opens, it does not close
    return not (mark == '"' and _is_word_char(text, after) and not _is_word_char(text, at - 1))


def _opens(mark: str, text: str, at: int, after: int) -> bool:
    if mark not in ('"', _LSQ, "\N{SINGLE LOW-9 QUOTATION MARK}"):
        return True
    return not _is_word_char(text, at - 1) and after < len(text) and not text[after].isspace()


def _astral(text: str) -> bool:
    """Return True when *text* holds a character beyond the Basic Multilingual Plane.

    Such a character takes two UTF-16 code units; encoding is faster than a search.
    """
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


@functools.cache
def _categories(astral: bool) -> dict[str, str]:  # noqa: FBT001 - a cache key
    r"""Return the bodies of stdlib ``re`` classes for the ``regex`` categories names use.

    Stdlib :mod:`re` has no ``\p{Lu}``; these are read from ``regex`` itself, once
    (a few milliseconds), so a name is exactly what it was with ``regex`` while
    searches run on :mod:`re`, which scans for a class several times faster. Without
    *astral*, only the Basic Multilingual Plane: :mod:`re` checks a class's
    characters beyond it one range at a time, so a text with none (see
    :func:`_astral`) is searched with the smaller classes, to the same result.
    """
    top = sys.maxunicode + 1 if astral else 0x10000
    codes = array.array("I", itertools.chain(range(0xD800), range(0xE000, top)))
    every = codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")
    out = {}
    for name in ("Lu", "Ll", "L", "M", "Lo", "s"):
        found = r"\s++" if name == "s" else rf"\p{{{name}}}++"  # s: white space
        ranges = (m.span() for m in regex.finditer(found, every))
        out[name] = "".join(f"\\U{ord(every[a]):08x}-\\U{ord(every[b - 1]):08x}" for a, b in ranges)
    return out


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


def _name_pattern(particles: Sequence[str], *, astral: bool) -> re.Pattern[str]:
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
    words = "|".join(re.escape(p) for p in sorted(particles, key=len, reverse=True))
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
        name_scripts = sorted(scripts - _CASED_SCRIPTS - _GRAMMAR_SCRIPTS)
        letters = "".join(rf"\p{{{s}}}" for s in name_scripts)
        extra = "\N{KATAKANA MIDDLE DOT}\N{KATAKANA-HIRAGANA PROLONGED SOUND MARK}\N{MIDDLE DOT}"
        self.letters = regex.compile(rf"[{letters}\p{{M}}{extra}]++") if letters else None
        self.tail = regex.compile(rf"(?r)[{letters}\p{{M}}{extra}]+") if letters else None
        particles = sorted(lexicon.lists.get("name_particles", ()), key=len, reverse=True)
        self.name_links = frozenset(_fold(p) for p in particles)
        self.name_prefixes = tuple(_fold(p) for p in lexicon.lists.get("name_prefixes", ()))
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
        # the story's own titles written with no space (副局长何文斌, ハリス報道官, 제1차관)
        own = lexicon.phrases("titles", languages)
        self.title_strings = tuple(
            sorted({t for t in own if " " not in t and not t.isascii()}, key=len, reverse=True)
        )
        self.calendar = frozenset(lexicon.month_names) | frozenset(lexicon.weekday_names)
        self.person = _name_pattern(particles, astral=True)
        self.person_bmp = _name_pattern(particles, astral=False)
        self.verb_finder = _verb_finder(verbs)
        self.verb_table, self.unspaced_finder, self.exact = _verb_table(verbs)
        self.verb_heads = frozenset(self.verb_table)

    def is_title(self, folded: Sequence[str], at: int) -> int:
        """Return how many *folded* words from *at* form a title ("prime minister": 2), or 0."""
        if folded[at] not in self.title_heads:
            return 0
        for size in range(min(self.title_size, len(folded) - at), 0, -1):
            if tuple(folded[at : at + size]) in self.titles:
                return size
        return 0

    def runs(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        """Return the capitalised runs (names) of each of *texts*, "al-" prefixes included.

        The texts are searched as one, joined by line breaks, which no name
        crosses: one search instead of one a text.
        """
        joined = "\n".join(texts)
        astral = not joined.isascii() and _astral(joined)
        out: list[list[tuple[int, int]]] = [[] for _ in texts]
        if not texts:
            return out
        index, base, limit = 0, 0, len(texts[0])
        runs = out[0]
        for match in (self.person if astral else self.person_bmp).finditer(joined):
            start, end = match.span()
            while start > limit:
                index += 1
                base = limit + 1
                limit = base + len(texts[index])
                runs = out[index]
            runs.append((start - base, end - base))
        for text, runs in zip(texts, out, strict=True):
            if "-" in text:
                self._prefix(text, runs)
        return out

    def _prefix(self, text: str, runs: list[tuple[int, int]]) -> None:
        """Extend the runs of *text* over a name prefix before them ("al-Jubouri")."""
        for index, (start, end) in enumerate(runs):
            for prefix in self.name_prefixes:
                at = start - len(prefix)
                if at >= 0 and _fold(text[at:start]) == prefix and not text[at - 1 : at].isalpha():
                    runs[index] = (at, end)
                    break


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
) -> tuple[dict[str, re.Pattern[str]], re.Pattern[str] | None, bool]:
    """Return the spaced verbs by their first word, the unspaced verbs' trie, and exactness.

    Each spaced verb (and its capitalised form) is filed under the run of word
    characters it opens with; the verbs of one run make one trie, matched where
    the run stands and ending a word, so the longest that fits is found. Exact
    is False when a spaced verb holds a character an unspaced verb opens with:
    there the two kinds could overlap, and :func:`_verb_matches` leaves the
    search to the whole trie; so it does when a verb holds a quote mark, as it
    then could run into a quote.
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
    tries = {key: re.compile(rf"(?:{_trie(group)})(?![\w\-])") for key, group in table.items()}
    return tries, finder, exact


@functools.lru_cache(maxsize=64)
def _language(lexicon: Lexicon, language: str | None) -> _Language:
    """Return the attribution tools for *language*: its own verbs and pronouns.

    A story in no known language gets every language's (slower, larger tables).
    """
    languages = (language,) if language in lexicon.tables else None
    return _Language(lexicon, languages)


class _Who(NamedTuple):
    """An attribution: the speaker as written (None: a verb with no speaker) and its verb.

    ``kind`` says how it resolves: a ``name`` to the fullest name, a ``pronoun``
    (or a verb with its subject built in) to the person before it, a ``role``
    ("the ministry", "a ministry official") as written or to the person named
    with that title, an ``anaphor`` (a bare role noun) and a ``verb`` with no
    speaker to the last speaker. ``titled``: a title was dropped from the name
    (in scripts without capitals, what tells a person from a body).
    """

    raw: str | None
    kind: _Kind
    verb: str | None
    at: int
    titled: bool = False


class _Hit(NamedTuple):
    start: int
    end: int
    verb: str


class _Paragraph:
    """One paragraph with its quotes, speech verbs and capitalised runs, for look-ups."""

    def __init__(
        self, number: int, text: str, spans: list[_Span], runs: list[tuple[int, int]]
    ) -> None:
        self.number = number
        self.text = text
        self.spans = spans
        self.opens = [s.open_at for s in spans]
        self.runs = runs
        self.run_starts = [r[0] for r in runs]
        self._hits: list[_Hit] | None = None
        self._hit_starts: list[int] = []
        self._sentence_ends: list[tuple[int, int]] | None = None
        self._end_starts: list[int] = []

    def inside(self, position: int) -> bool:
        """Return True when *position* is inside a quote, marks included."""
        index = bisect.bisect_right(self.opens, position) - 1
        return index >= 0 and position < self.spans[index].close_end

    def hits(self, language: _Language, lo: int, hi: int) -> list[_Hit]:
        """Return the speech verbs that start in [lo, hi), outside quotes."""
        if self._hits is None:
            self._hits = _verb_hits(self, language)
            self._hit_starts = [h.start for h in self._hits]
        first = bisect.bisect_left(self._hit_starts, lo)
        last = bisect.bisect_left(self._hit_starts, hi)
        return self._hits[first:last]

    def outside(self) -> list[tuple[int, int]]:
        """Return the stretches of the paragraph between its quotes (marks excluded)."""
        out = []
        at = 0
        for span in self.spans:
            out.append((at, span.open_at))
            at = span.close_end
        out.append((at, len(self.text)))
        return out

    def runs_in(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Return the capitalised runs inside [lo, hi), outside quotes."""
        first = bisect.bisect_left(self.run_starts, lo)
        last = bisect.bisect_left(self.run_starts, hi)
        return [r for r in self.runs[first:last] if r[1] <= hi and not self.inside(r[0])]

    def span_before(self, position: int) -> int:
        """Return where the last quote closing at or before *position* ends (0 if none)."""
        index = bisect.bisect_right(self.opens, position) - 1
        while index >= 0:  # spans do not overlap: at most one step back
            if self.spans[index].close_end <= position:
                return self.spans[index].close_end
            index -= 1
        return 0

    def opens_between(self, lo: int, hi: int) -> bool:
        """Return True when a quote opens in [lo, hi)."""
        return bisect.bisect_left(self.opens, lo) != bisect.bisect_left(self.opens, hi)

    def _ends(self) -> list[tuple[int, int]]:
        """Return the sentence ends of the paragraph outside quotes, found once."""
        if self._sentence_ends is None:
            self._sentence_ends = [
                m.span() for m in _sentence_end().finditer(self.text) if not self.inside(m.start())
            ]
            self._end_starts = [start for start, _end in self._sentence_ends]
        return self._sentence_ends

    def sentence(self, open_at: int, close_end: int) -> tuple[int, int]:
        """Return the bounds of the sentence around [open_at, close_end), in the window."""
        return self.sentence_start(open_at), self.sentence_end(close_end)

    def sentence_start(self, at: int) -> int:
        """Return where the sentence holding *at* starts (no further back than the window)."""
        ends = self._ends()
        index = bisect.bisect_right(self._end_starts, at) - 1
        while index >= 0 and ends[index][1] > at:
            index -= 1  # an end whose space runs past *at* does not end an earlier sentence
        return max(0, at - WINDOW, ends[index][1] if index >= 0 else 0)

    def sentence_end(self, at: int) -> int:
        """Return where the sentence going on at *at* ends (no further than the window)."""
        ends = self._ends()
        index = bisect.bisect_left(self._end_starts, at)
        end = ends[index][1] if index < len(ends) else len(self.text)
        return min(end, at + WINDOW, len(self.text))


def _verb_hits(para: _Paragraph, language: _Language) -> list[_Hit]:
    """Return the speech verbs of a paragraph outside its quotes, in order."""
    text = para.text
    hits = []
    for start, end, verb in _verb_matches(para, language):
        if verb[:1].isupper() and not _opens_sentence(text, start):
            continue  # "United States" is no verb
        hits.append(_Hit(start, end, verb[0].lower() + verb[1:]))
    return hits


def _verb_matches(para: _Paragraph, language: _Language) -> list[tuple[int, int, str]]:
    """Return what :attr:`_Language.verb_finder` finds outside the quotes of *para*.

    The search is made only between quotes (no verb holds a quote mark, so none
    found there reaches into one), and a spaced verb starts a word: only the
    words there that open a verb (a set intersection) are looked at, each where
    it occurs; unspaced verbs are searched by their own trie. Left to right,
    longest at each place, no overlaps: what one search of the whole trie returns.
    """
    text = para.text
    if not language.exact:
        matches = language.verb_finder.finditer(text)
        return [(m.start(), m.end(), m.group()) for m in matches if not para.inside(m.start())]
    found: list[tuple[int, int, str]] = []
    for lo, hi in para.outside():
        if hi <= lo:
            continue
        _spaced_matches(text, lo, hi, language, found)
        if language.unspaced_finder is not None:
            matches = language.unspaced_finder.finditer(text, lo, hi)
            found.extend((m.start(), m.end(), m.group()) for m in matches)
    if len(found) < 2:  # noqa: PLR2004
        return found
    found.sort()
    kept = [found[0]]
    for item in found[1:]:
        if item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def _spaced_matches(
    text: str, lo: int, hi: int, language: _Language, found: list[tuple[int, int, str]]
) -> None:
    """Add the spaced verbs that start a word in [lo, hi) of *text* to *found*."""
    table = language.verb_table
    size = len(text)
    for key in language.verb_heads.intersection(_WORD.findall(text, lo, hi)):
        width = len(key)
        at = text.find(key, lo, hi)
        while at >= 0:
            after = at + width
            before = text[at - 1] if at else " "
            if not (_is_word(before) or before in _VERB_JOINERS) and (
                after == size or not _is_word(text[after])
            ):
                match = table[key].match(text, at)
                if match is not None:
                    found.append((at, match.end(), match.group()))
            at = text.find(key, after, hi)


def _is_word(char: str) -> bool:
    r"""Return True for what ``\w`` matches in a str pattern."""
    return char.isalnum() or char == "_"


def _opens_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 4) : at].rstrip(" \"“„«‘'`(")
    return not before or before[-1] in ".!?:;\n"


def _words(text: str) -> list[str]:
    """Split into words, without the punctuation around them."""
    return [w for w in (raw.strip(_WORD_EDGE) for raw in text.split()) if w]


@functools.lru_cache(maxsize=4)
def _agency_heads(agencies: frozenset[str]) -> frozenset[str]:
    return frozenset(name.split(" ", 1)[0] for name in agencies)


def _contains(full: str, words: Sequence[str]) -> bool:
    """Return True when *words* are a run of the words of *full*."""
    have = [_fold(w) for w in full.split(" ")]
    want = [_fold(w) for w in words]
    size = len(want)
    return any(have[i : i + size] == want for i in range(len(have) - size + 1))


# --- who the story's people are, and who spoke last ----------------------------------------


class _Story:
    """What a story says about its people: full names, titles, mentions; who spoke last."""

    def __init__(
        self,
        context: Sequence[str],
        paragraphs: Sequence[str],
        language: _Language,
        agencies: frozenset[str],
    ) -> None:
        self.language = language
        self.agencies = agencies
        self.agency_heads = _agency_heads(agencies)
        self.paragraphs = paragraphs
        self.full: dict[str, str] = {}  # surname (folded) -> fullest name
        self.parts: dict[str, str] = {}  # any word of a titled name (folded) -> that name
        self.titled: set[str] = set()  # names written with a title ("Judge X")
        self.roles: dict[str, str] = {}  # a title's word (folded) -> the person it named
        self.singles: set[str] = set()  # one-word names the story uses alone
        self.runs: list[list[tuple[int, int]]] = []  # capitalised runs, by paragraph
        self.last_speaker: str | None = None  # anyone attributed last: person or body
        self.last_person: str | None = None  # the person attributed last
        self._pending: list[int] = []  # paragraphs without quotes, read only when needed
        self.current: _Paragraph | None = None  # the paragraph whose quotes are being read
        self._texts = (*context, *paragraphs)
        self._offset = len(context)  # paragraph 0 is text self._offset
        self._all_runs: list[list[tuple[int, int]]] = []
        self._cursor = (0, 0)  # (text, run): the mentions read so far
        self._mentioned: str | None = None  # the person named last before the cursor
        self._normal: dict[str, tuple[str, tuple[str, ...]]] = {}
        seen: dict[str, None] = {}
        if language.cased:
            self._all_runs = language.runs(self._texts)
        else:
            self._all_runs = [[] for _ in self._texts]
        for text, runs in zip(self._texts, self._all_runs, strict=True):
            for start, end in runs:
                name = text[start:end]
                if " " not in name:
                    self.singles.add(name)
                    continue
                seen[name] = None
                if start > 1 and text[start - 1] == " " and text[start - 2].islower():
                    self._note_title(text, start, name)
                if text[end : end + 2] == ", ":
                    self._note_role(text, end + 2, name)
        self.runs = self._all_runs[self._offset :]
        for raw in seen:
            self._index(raw)

    def _note_title(self, text: str, start: int, name: str) -> None:
        """Note a lower-case title just before a name: "minister Femke Dijkhuizen"."""
        word = _fold(text[text.rfind(" ", 0, start - 1) + 1 : start - 1].strip(_WORD_EDGE))
        if word in self.language.lower_titles:
            person, _titled = self.normal(name)
            self.titled.add(person)
            self.roles[word] = person

    def _note_role(self, text: str, at: int, name: str) -> None:
        """Note a role in apposition after a name: "Jane Doe, the minister, said"."""
        clause = text[at : at + 60].split(",", 1)
        words = _words(clause[0]) if len(clause) > 1 else []
        if 1 < len(words) <= 4 and words[0][:1].islower():  # noqa: PLR2004
            word = _fold(words[-1])
            if word in self.language.lower_titles:
                person, _titled = self.normal(name)
                self.titled.add(person)
                self.roles[word] = person

    def _index(self, raw: str) -> None:
        name, titles = self._split(raw)
        if " " not in name and not titles:
            return
        surname = _fold(name.rsplit(" ", 1)[-1])
        if len(name) > len(self.full.get(surname, "")):
            self.full[surname] = name
        if titles:
            self.titled.add(name)
            for word in titles:
                self.roles[_fold(word)] = name
            for word in name.split(" "):
                self.parts.setdefault(_fold(word), name)

    def trim(self, name: str) -> str:
        """Drop the function words a sentence opens with ("The", "In") and an agency's name."""
        words = name.split(" ")
        while len(words) > 1 and _fold(words[0]) in self.language.function_words:
            words.pop(0)
        if len(words) > 1 and _fold(words[0]) in self.agency_heads:
            for size in (3, 2, 1):
                if len(words) > size and _fold(" ".join(words[:size])) in self.agencies:
                    words = words[size:]
                    break
        return " ".join(words)

    def _split(self, raw: str) -> tuple[str, tuple[str, ...]]:
        """Return *raw* trimmed and split into the name and its title words (memoised)."""
        known = self._normal.get(raw)
        if known is None:
            known = self._normal[raw] = self._split_titles(self.trim(raw))
        return known

    def _split_titles(self, name: str) -> tuple[str, tuple[str, ...]]:
        """Split "U.S. District Judge Patricia Nwosu" into the name and the title words."""
        words = name.split(" ")
        folded = [_fold(w) for w in words]
        heads = self.language.title_heads
        if not any(word in heads for word in folded[:-1]):
            return name, ()
        cut = 0
        at = 0
        while at < len(words) - 1:
            size = self.language.is_title(folded, at)
            if size and at + size < len(words):
                cut = at + size
                at += size
            else:
                at += 1
        return " ".join(words[cut:]), tuple(words[:cut])

    def normal(self, raw: str) -> tuple[str, bool]:
        """Return *raw* as a name: function words, agencies and titles dropped; titled or not."""
        name, titles = self._split(raw)
        return name, bool(titles)

    def is_agency(self, raw: str) -> bool:
        """Return True for a news agency's name ("Reuters", "The Associated Press")."""
        key = _fold(raw)
        return key in self.agencies or (key.startswith("the ") and key[4:] in self.agencies)

    def fullest(self, name: str) -> str:
        """Return the fullest name the story gives that *name* is a part of, else *name*."""
        words = name.split(" ")
        for candidate in (self.full.get(_fold(words[-1])), self.parts.get(_fold(words[-1]))):
            if candidate and _contains(candidate, words):
                return candidate
        return name

    def is_person(self, raw: str) -> bool:
        """Return True for a name the story gives as a person's (two words, or a known one)."""
        name, titled = self.normal(raw)
        key = _fold(name)
        if not name or key in self.language.function_words:
            return False
        return titled or " " in name or key in self.full or key in self.parts

    def is_named_person(self, name: str) -> bool:
        """Return True for a full name known as a person's: titled, or its surname used alone."""
        return name in self.titled or (" " in name and name.rsplit(" ", 1)[-1] in self.singles)

    def is_body(self, name: str) -> bool:
        """Return True for a body's name: lower-case words inside it that are no particles.

        "Court of Justice of the European Union" is one; "Anouk de Wit" is not.
        """
        return any(
            word[:1].islower() and _fold(word) not in self.language.name_links
            for word in name.split(" ")[1:-1]
        )

    def resolve(self, who: _Who, paragraph: int, sentence: int, *, quoted: bool) -> str | None:
        """Return the speaker *who* stands for, and remember who spoke last.

        *sentence* is where the attribution's sentence starts. A one-word name
        the story gives nowhere in full ("Zulkifli") becomes the last speaker only
        when *quoted*: in indirect speech it is as likely a place ("Moscow and
        Kabul continued").
        """
        if who.kind in ("verb", "pronoun", "anaphor"):
            found = self.previous(paragraph, sentence, speaker=who.kind == "verb")
            return found if found is not None or who.kind != "anaphor" else who.raw
        if who.raw is None:
            return None
        if who.kind == "role":
            person = self._role(who.raw)
            return self._remember(person or who.raw, person=person is not None)
        if who.titled:
            self.titled.add(who.raw)  # a name with no capitals told as a person's by its title
        return self._resolve_name(who.raw, quoted=quoted)

    def _resolve_name(self, raw: str, *, quoted: bool) -> str | None:
        name, titled = self.normal(raw)
        if not name:
            return None
        full = self.fullest(name)
        one_word = " " not in full
        if one_word and not quoted and _fold(full) not in self.full and not titled:
            return full
        is_person = (titled or full in self.titled or not one_word) and not self.is_body(full)
        return self._remember(full, person=is_person)

    def _remember(self, name: str, *, person: bool) -> str:
        self.last_speaker = name
        self._pending = []  # older paragraphs cannot change who spoke last now
        if person:
            self.last_person = name
        return name

    def _role(self, description: str) -> str | None:
        """Return the person "the minister" stands for: the one the story named as minister."""
        words = _words(description)
        if not 1 <= len(words) <= 3 or _fold(words[0]) not in self.language.stop:  # noqa: PLR2004
            return None
        return self.roles.get(_fold(words[-1]))

    def defer(self, paragraph: int) -> None:
        """Keep a paragraph without quotes, to read for speakers if a pronoun needs it."""
        self._pending.append(paragraph)

    def previous(self, paragraph: int, sentence: int, *, speaker: bool) -> str | None:
        """Return who a pronoun (or, with *speaker*, a verb with no subject) refers to.

        The person opening an earlier sentence of the paragraph, else the person
        (or anyone, with *speaker*) last attributed, else the person named last.
        """
        opener = self._opener(paragraph, sentence)
        if opener is not None:
            return opener
        current = self.current
        if current is not None and current.number == paragraph and sentence > 0:
            # indirect speech earlier in the paragraph, since its last quote: "X said so. “…”"
            lo = max(0, sentence - WINDOW, current.span_before(sentence))
            who = _last_attribution(self, current, lo, sentence)
            if who is not None and (who.kind == "name" or speaker):
                return self.resolve(who, paragraph, who.at, quoted=False)
        if self._pending:
            pending, self._pending = self._pending, []
            _track(self, pending)
        last = self.last_speaker if speaker else self.last_person
        if last is None and speaker:
            last = self.last_person
        return last if last is not None else self._mentioned_before(paragraph, sentence)

    def _opener(self, paragraph: int, sentence: int) -> str | None:
        """Return the person who opens a sentence of the paragraph before *sentence*."""
        if not self.language.cased or not 0 <= paragraph < len(self.runs):
            return None
        text = self.paragraphs[paragraph]
        runs = self.runs[paragraph]
        lo = max(0, sentence - WINDOW)
        ends = _sentence_end().finditer(text, lo, min(len(text), sentence + 1))
        starts = [lo, *(m.end() for m in ends if m.end() <= sentence)]  # of earlier sentences
        current = self.current if self.current and self.current.number == paragraph else None
        first = bisect.bisect_left(runs, (lo, 0))
        for start, end in runs[first : bisect.bisect_left(runs, (sentence, 0), first)]:
            if current is not None and current.inside(start):
                continue
            # "Kowalczyk apologized", "Il prefetto Laura Bianchi ha convocato"
            before = _words(text[starts[bisect.bisect_right(starts, start) - 1] : start])
            if not all(self._leading(word) for word in before):
                continue
            name, _titled = self.normal(text[start:end])
            full = self.fullest(name) if name else name
            if full and self.is_named_person(full):
                return full
        return None

    def _leading(self, word: str) -> bool:
        """Return True for a word that may stand before a sentence's subject: "The", "prefetto"."""
        key = _fold(word)
        return key in self.language.function_words or key in self.language.lower_titles

    def _mentioned_before(self, paragraph: int, position: int) -> str | None:
        """Return the person named last before *position* (the cursor only moves forward)."""
        last = paragraph + self._offset
        text, run = self._cursor
        while text < len(self._texts) and text <= last:
            runs = self._all_runs[text]
            if run >= len(runs):
                text, run = text + 1, 0
                continue
            start, end = runs[run]
            if text == last and start >= position:
                break
            name, _titled = self.normal(self._texts[text][start:end])
            full = self.fullest(name) if name else name
            if full and self.is_named_person(full):
                self._mentioned = full
            run += 1
        self._cursor = (text, run)
        return self._mentioned


# --- attribution in scripts with capitals ---------------------------------------------------


def _attribute(
    story: _Story, para: _Paragraph, span: _Span, bounds: tuple[int, int]
) -> _Who | None:
    """Find who said the quote in *span*: after it, before it in its sentence, or its subject.

    A name or pronoun wins at once; a description or a bare verb waits for a name
    before the quote or for the sentence's named subject.
    """
    lo, hi = bounds
    after = _after_mark(story, para, span, hi) if span.closed else None
    if after is not None and after.kind in ("name", "pronoun"):
        return after
    found = _frame_before(story, para, span, bounds)
    if found is not None and found.kind in ("name", "pronoun"):
        return found
    free = after is not None and after.kind == "verb"
    subject = _sentence_subject(story, para, lo, span.open_at, free=free)
    if subject is not None and after is not None:
        return subject._replace(verb=after.verb)  # 'Bakan X, "…" dedi.'
    return subject or after or found


def _after_mark(story: _Story, para: _Paragraph, span: _Span, hi: int) -> _Who | None:
    """Read the attribution after a closing mark: ', Kabulov said' / ', said X' / ' dedi'."""
    lead = _LEAD.match(para.text, span.close_end, hi)
    pos = lead.end() if lead else span.close_end
    hits = para.hits(story.language, pos, min(hi, pos + _REACH))
    if not hits:
        return None
    hit = hits[0]
    if hit.start == pos:
        return _after_verb(story, para, hit, hi) or _Who(None, "verb", hit.verb, pos)
    if para.opens_between(pos, hit.start):
        return None  # another quote opens before the verb
    return _subject_before(story, para, pos, hit)


def _frame_before(
    story: _Story, para: _Paragraph, span: _Span, bounds: tuple[int, int]
) -> _Who | None:
    """Return the attribution nearest before the quote in its sentence ('Kabulov said: “')."""
    lo, hi = bounds
    for hit in reversed(para.hits(story.language, lo, span.open_at)):
        start = max(lo, para.span_before(hit.start))
        found = _verb_frame(story, para, start, hit, hi)
        bare = found is None and not _words(para.text[hit.end : span.open_at])
        if bare and _clause_opens(para.text, start, hit.start):
            found = _Who(None, "verb", hit.verb, hit.start)  # 'And added: “…”'
        if found is not None:
            return found
    return None


def _verb_frame(story: _Story, para: _Paragraph, lo: int, hit: _Hit, hi: int) -> _Who | None:
    """Return who a verb in a sentence attributes speech to: its subject, else who follows it.

    A description before the verb gives way to a name after it (the object
    first, then the verb and its subject, as Russian writes it); with nothing
    before it in its clause, the verb opens the attribution ("said X").
    """
    found = _subject_before(story, para, lo, hit)
    if found is not None and found.kind != "role":
        return found
    after = _after_verb(story, para, hit, hi)
    if after is not None and after.kind == "name":
        return after
    if found is None and after is not None and _clause_opens(para.text, lo, hit.start):
        return after
    return found


def _clause_start(text: str, lo: int, end: int) -> int:
    """Return where the clause ending at *end* starts: after its last comma, colon or semicolon."""
    found = _LAST_BREAK.search(text, lo, end)
    return found.end() if found else lo


def _clause_opens(text: str, lo: int, at: int) -> bool:
    """Return True when nothing but punctuation stands between the clause's start and *at*."""
    return not _words(text[_clause_start(text, lo, at) : at])


def _subject_before(story: _Story, para: _Paragraph, lo: int, hit: _Hit) -> _Who | None:
    """Return the subject written before a verb: a pronoun, a name, or a description."""
    text = para.text
    end = lo + len(text[lo : hit.start].rstrip())
    if end <= lo:
        return None
    if not story.language.cased:
        return _uncased_subject(story, para, lo, end, hit)
    earlier = para.hits(story.language, lo, hit.start)
    lo = max(lo, earlier[-1].end) if earlier else lo  # a subject does not reach past a verb
    if text[end - 1] == ",":
        return _apposition(story, para, lo, end - 1, hit)
    clause = _clause_start(text, lo, end)
    return _classify(story, para, clause, end, hit)


def _classify(story: _Story, para: _Paragraph, lo: int, end: int, hit: _Hit) -> _Who | None:
    """Read the words in [lo, end) as the subject of *hit*: pronoun, name or description."""
    text = para.text
    words = _words(text[lo:end])
    if not words:
        return None
    pronouns = story.language.pronouns
    for word in words[-1:] if len(words) == 1 else words[-2:][::-1]:
        # "he said", "he later said"
        if _fold(word) in pronouns and (word == words[-1] or words[-1][:1].islower()):
            return _Who(word, "pronoun", hit.verb, text.rfind(word, lo, end))
    return _name_before(story, para, lo, end, hit) or _description(story, text, lo, end, hit)


def _name_before(story: _Story, para: _Paragraph, lo: int, end: int, hit: _Hit) -> _Who | None:
    """Return the name that ends right before the verb, joined across "of the" for bodies.

    "Kabulov (also) said", "the Court of Justice of the European Union said";
    not a complement ("envoy for Afghanistan said", "délégué à l'Industrie").
    """
    text = para.text
    language = story.language
    runs = para.runs_in(lo, end)
    if not runs:
        return None
    tail = _words(text[runs[-1][1] : end])  # "Kabulov (also / has) said"
    if tail and (len(tail) > 1 or not tail[0][:1].islower()):
        return None
    if tail and _fold(tail[0]) in language.conjunctions:
        # "Cheney focused on the Capitol riots and claimed": the clause's subject, if a person
        opener = runs[0]
        opens = all(_fold(w) in language.function_words for w in _words(text[lo : opener[0]]))
        name = text[opener[0] : opener[1]]
        follows = text[opener[1] : opener[1] + 2][1:2].islower()
        plain = _fold(name) not in language.function_words and not story.is_agency(name)
        return _Who(name, "name", hit.verb, opener[0]) if opens and follows and plain else None
    first = len(runs) - 1
    while first > 0 and _links(story, text[runs[first - 1][1] : runs[first][0]]):
        first -= 1
    start = runs[first][0]
    before = _words(text[lo:start])
    complement = bool(before) and _fold(before[-1]) in language.stop
    complement = complement and not all(_fold(w) in language.stop for w in before)
    elided = text[lo:start].rstrip().endswith(("'", _RSQ)) and len(before) > 1
    name = text[start : runs[-1][1]]
    key = _fold(name)
    if complement or elided or key in language.calendar or key in language.function_words:
        return None
    return None if story.is_agency(name) else _Who(name, "name", hit.verb, start)


def _description(story: _Story, text: str, lo: int, end: int, hit: _Hit) -> _Who | None:
    """Return a description as the speaker: "the ministry", "a ministry official …"."""
    words = _words(text[lo:end])
    if len(words) > _SUBJECT_WORDS or not any(w[:1].islower() for w in words):
        return None
    if all(_fold(w) in story.language.stop for w in words):
        return None
    if any(_fold(w) in story.language.conjunctions for w in words):
        return None  # "Moscow and Kabul continued", "X did this and claimed": no one speaker
    while len(words) > 1 and _fold(words[-1]) in story.language.function_words:
        words.pop()  # "the ministry has (said)"
    start = lo + len(text[lo:end]) - len(text[lo:end].lstrip())
    return _Who(" ".join(words), "role", hit.verb, start)


def _links(story: _Story, gap: str) -> bool:
    """Return True for the words joining two parts of a body's name: "of", "of the", "de"."""
    words = gap.split()
    if not 1 <= len(words) <= 2 or len(words) != len(_words(gap)) or "," in gap:  # noqa: PLR2004
        return False
    language = story.language
    return all(
        w[:1].islower() and _fold(w) in language.stop and _fold(w) not in language.conjunctions
        for w in words
    )


def _apposition(story: _Story, para: _Paragraph, lo: int, comma: int, hit: _Hit) -> _Who | None:
    """Read 'NAME, description, said' and 'description, NAME, said'.

    A name in apposition wins ("the mayor of X, Jean-Yves Kerhervé, said", "Ketua
    Persatuan Nelayan Kedah, Ismail Hamzah, berkata") unless it ends on a title
    ("Kabulov, Russia's Special Envoy, said"); a description in apposition
    leaves the outer name ("Leonid Slutsky, leader of X, told").
    """
    text = para.text
    first = text.rfind(",", lo, comma)
    if first < lo:
        return None  # "…, said X": the speaker follows the verb
    inner = _classify(story, para, first + 1, comma, hit)
    clause = _clause_start(text, lo, first)
    outer = _classify(story, para, clause, first, hit)
    outer_name = outer is not None and outer.kind in ("name", "pronoun")
    if inner is not None and inner.kind == "name" and inner.raw is not None:
        whole = text[first + 1 : comma].strip() == inner.raw
        last = _fold(inner.raw.rsplit(" ", 1)[-1])
        plain = whole and (last,) not in story.language.titles and story.is_person(inner.raw)
        if plain:
            return inner
    if outer_name:
        return outer
    return inner if inner is not None and inner.kind == "name" else None


def _after_verb(story: _Story, para: _Paragraph, hit: _Hit, hi: int) -> _Who | None:
    """Return the speaker written after a verb: ', said Kabulov', '- заявил глава X Y'."""
    language = story.language
    if hit.verb in language.owns_subject:
        return _Who(None, "pronoun", hit.verb, hit.start)
    text = para.text
    limit = min(hi, hit.end + _REACH)
    for colon in _COLONS:
        found = text.find(colon, hit.end, limit)
        limit = found if found >= 0 else limit
    if not language.cased:
        return _uncased_after_verb(story, para, hit, limit)
    head = _words(text[hit.end : min(limit, hit.end + 40)])
    if head and _fold(head[0]) in language.pronouns:
        return _Who(head[0], "pronoun", hit.verb, text.find(head[0], hit.end, limit))
    return _name_after(story, para, hit, limit) or _description_after(story, para, hit, limit)


def _name_after(story: _Story, para: _Paragraph, hit: _Hit, limit: int) -> _Who | None:
    """Return the name after a verb, past descriptions and agencies.

    "said Kabulov"; "— рассказал РИА Новости руководитель проекта X Y";
    "ha afirmado la secretaria de Estado de Transportes, X Y" (the name in
    apposition to the description).
    """
    text = para.text
    described = 0
    candidate: _Who | None = None
    previous = hit.end
    for start, end in para.runs_in(hit.end, limit):
        gap = text[previous:start]
        previous = end
        comma = gap.rfind(",")
        described += len(_words(gap[:comma] if comma >= 0 else gap))
        name = story.trim(text[start:end])
        if comma >= 0:
            # a name in apposition to the description: "…, X Y"; else the clause went on
            appositive = not _words(gap[comma + 1 :]) and bool(described or candidate)
            if appositive and story.is_person(name) and not story.is_agency(text[start:end]):
                return _Who(name, "name", hit.verb, start)
            break
        if described > _SUBJECT_WORDS:
            break
        key = _fold(name)
        if story.is_agency(text[start:end]) or key in story.language.calendar:
            continue
        if key in story.language.function_words:
            continue
        if not described and candidate is None:
            return _Who(name, "name", hit.verb, start)
        if candidate is None and story.is_person(name):
            candidate = _Who(name, "name", hit.verb, start)
    return candidate


def _description_after(story: _Story, para: _Paragraph, hit: _Hit, limit: int) -> _Who | None:
    """Return the unnamed speaker after a verb: 'said a spokesman', '- сказал синоптик'.

    A bare noun with no article ("синоптик") stands for someone already named.
    """
    text = para.text
    clause = text[hit.end : limit]
    ends = (clause.find(c) for c in (",", ";", ":", *_OPENING_MARKS))
    cut = min((i for i in ends if i >= 0), default=len(clause))
    words = _words(clause[:cut])
    if not words or len(words) > _SUBJECT_WORDS or not words[0][:1].islower():
        return None
    start = text.find(words[0], hit.end, limit)
    stop = story.language.stop
    bare = len(words) <= _BARE_WORDS and all(w.islower() and _fold(w) not in stop for w in words)
    return _Who(" ".join(words), "anaphor" if bare else "role", hit.verb, start)


def _sentence_subject(
    story: _Story, para: _Paragraph, lo: int, end: int, *, free: bool
) -> _Who | None:
    """Return the named subject of the quote's sentence: 'Bakan Arıkan, "…" dedi.'.

    A person's name opening the sentence counts; with *free* (a verb with no
    speaker follows the quote), so does the first person named before a comma.
    """
    language = story.language
    text = para.text
    if not language.cased:
        return _marked_subject(story, para, lo, end) if free else None
    opens = True  # only function words so far: the next name opens the sentence
    previous = lo
    for start, stop in para.runs_in(lo, end):
        gap = _words(text[previous:start])
        opens = opens and all(_fold(w) in language.function_words for w in gap)
        if not opens and not free:
            return None
        name = text[start:stop]
        rest = text[stop : stop + 2]
        follows = rest[:1] == "," or (rest[:1] == " " and rest[1:2].islower())
        # with a bare verb after the quote, the first person named is its subject, unless
        # a complement ("of X") or in another case ("Karaoğlan'ın")
        oblique = (bool(gap) and _fold(gap[-1]) in language.stop) or rest[:1] in ("'", _RSQ)
        if ((opens and follows) or (free and not oblique)) and story.is_person(name):
            return _Who(name, "name", None, start)
        opens = False
        previous = stop
    return None


# --- attribution in scripts without capitals -----------------------------------------------


def _uncased_subject(story: _Story, para: _Paragraph, lo: int, end: int, hit: _Hit) -> _Who | None:
    """Return the subject before a verb in a script without capitals (何文斌说, X는 말했다)."""
    language = story.language
    text = para.text
    if language.spaced:
        words = _words(text[lo:end])
        while words and _fold(words[0]) in language.quotatives:
            words.pop(0)
        phrase: list[str] = []
        for word in reversed(words):
            if _fold(word) in language.grammar or len(phrase) == 3:  # noqa: PLR2004
                break
            phrase.insert(0, word)
        return _uncased_phrase(story, phrase, hit.verb, end)
    segment = text[lo:end]
    for marker in language.markers:
        if segment.endswith(marker):
            segment = segment[: -len(marker)]
            break
    run = language.tail.search(segment) if language.tail else None
    if run is None or run.end() != len(segment):
        return None
    name = run.group()
    for pronoun in language.pronouns:
        if name.startswith(pronoun):
            return _Who(pronoun, "pronoun", hit.verb, lo + run.start())
    return _unspaced_name(story, name, hit.verb, lo + run.start())


def _uncased_phrase(story: _Story, phrase: list[str], verb: str | None, at: int) -> _Who | None:
    """Read a spaced subject phrase with no capitals: "박재원 국토부 제1차관은" is 박재원.

    Korean writes the name first, then the body and the title; Arabic the title
    first (see :func:`_arabic_name`).
    """
    language = story.language
    if not phrase:
        return None
    if _fold(phrase[0]) in language.pronouns:
        return _Who(phrase[0], "pronoun", verb, at)
    last = phrase[-1]
    for marker in language.markers:
        if last.endswith(marker) and len(last) > len(marker):
            phrase = [*phrase[:-1], last[: -len(marker)]]
            break
    if language.hangul:
        titled = any(phrase[-1].endswith(t) for t in language.title_strings)
        name = phrase[0] if len(phrase) > 1 and titled else " ".join(phrase)
        return _Who(name, "name", verb, at, titled=titled)
    return _arabic_name(story, phrase, verb, at)


def _arabic_name(story: _Story, words: list[str], verb: str | None, at: int) -> _Who:
    """Drop the titles and the description before a name: "وزير الخارجية أحمد علي"."""
    language = story.language
    folded = [_fold(w) for w in words]
    cut = 0
    index = 0
    while index < len(words):
        size = language.is_title(folded, index)
        cut = index + size if size else cut
        index += size or 1
    if cut >= len(words):
        return _Who(" ".join(words), "anaphor", verb, at)  # "وأضاف الوزير": the minister
    words = words[cut:]
    if language.arabic:
        # a word with the article is part of a name only after a particle ("عبد الفتاح")
        # or as the family name at its end; "الخارجية أحمد علي" is أحمد علي
        keep = len(words) - 1
        while keep > 0:
            linked = keep >= 2 and _fold(words[keep - 2]) in language.name_links  # noqa: PLR2004
            if words[keep - 1].startswith(_ARABIC_ARTICLE) and not linked:
                break
            keep -= 1
        words = words[keep:]
    return _Who(" ".join(words), "name", verb, at, titled=cut > 0)


def _uncased_after_verb(story: _Story, para: _Paragraph, hit: _Hit, limit: int) -> _Who | None:
    """Return the speaker after a verb in a spaced script with no capitals: 'وقال X: "…"'."""
    language = story.language
    if not language.spaced or language.letters is None:
        return None
    words: list[str] = []
    for raw in para.text[hit.end : limit].split()[:6]:
        word = raw.strip(_WORD_EDGE)
        if not word or _fold(word) in language.grammar or not language.letters.fullmatch(word):
            break
        words.append(word)
        if raw.rstrip(_WORD_EDGE) != raw:
            break  # punctuation after the word ends the name
    return _uncased_phrase(story, words, hit.verb, hit.end)


def _unspaced_name(story: _Story, run: str, verb: str | None, at: int) -> _Who:
    """Drop a title from a run of Han or kana: 副局长何文斌 is 何文斌, ハリス報道官 is ハリス."""
    best, best_end = -1, -1
    for title in story.language.title_strings:
        found = run.rfind(title)
        if found >= 0 and found + len(title) > best_end:
            best, best_end = found, found + len(title)
    if best >= 0 and best_end < len(run):
        return _Who(run[best_end:], "name", verb, at + best_end, titled=True)
    if best > 0:
        return _Who(run[:best], "name", verb, at, titled=True)
    return _Who(run, "anaphor" if best == 0 else "name", verb, at)


def _marked_subject(story: _Story, para: _Paragraph, lo: int, end: int) -> _Who | None:
    """Return the subject a particle marks before the quote: 'Xは「', 'X 장관은 "'."""
    language = story.language
    segment = para.text[lo:end]
    if language.spaced:
        return _marked_phrase(story, _words(segment), lo)
    found = [i for i in (segment.find(m) for m in language.markers) if i > 0]
    if not found or language.tail is None:
        return None
    run = language.tail.search(segment, 0, min(found))
    if run is None or run.end() != min(found):
        return None
    if _fold(run.group()) in language.pronouns:
        return _Who(run.group(), "pronoun", None, lo + run.start())
    return _unspaced_name(story, run.group(), None, lo + run.start())


def _marked_phrase(story: _Story, words: list[str], at: int) -> _Who | None:
    """Return the subject among spaced *words*: the phrase up to the particle-marked word."""
    language = story.language
    for index, word in enumerate(words):
        if _fold(word) in language.pronouns:
            return _Who(word, "pronoun", None, at)
        if any(word.endswith(m) and len(word) > len(m) for m in language.markers):
            phrase: list[str] = []
            for before in reversed(words[: index + 1]):
                if _fold(before) in language.grammar or len(phrase) == 4:  # noqa: PLR2004
                    break
                phrase.insert(0, before)
            return _uncased_phrase(story, phrase, None, at)
    return None


# --- indirect speech, for pronouns ------------------------------------------------------------


def _track(story: _Story, pending: Sequence[int]) -> None:
    """Note who spoke last in paragraphs without quotes (indirect speech), for pronouns.

    Read from the end: the last paragraph's last attribution first, back to the
    last one that names someone; then remember them in story order.
    """
    found: list[tuple[int, _Who]] = []
    for number in reversed(pending):
        text = story.paragraphs[number]
        para = _Paragraph(number, text, [], story.runs[number])
        who = _last_attribution(story, para, 0, len(text))
        if who is not None:
            found.append((number, who))
            if who.kind == "name":
                break
    for number, who in reversed(found):
        story.resolve(who, number, who.at, quoted=False)


def _last_attribution(story: _Story, para: _Paragraph, lo: int, hi: int) -> _Who | None:
    """Return the last name or description that [lo, hi) of a paragraph attributes speech to."""
    text = para.text
    hits = para.hits(story.language, lo, hi)
    for hit in reversed(hits):  # first the cheap reading: a name right before a verb
        start = max(lo, para.sentence_start(hit.start))
        if _clause_opens(text, start, hit.start):
            break  # "…, said X": the speaker follows; read it in full below
        found = _subject_before(story, para, start, hit)
        if found is not None and found.kind == "name":
            return found
    role: _Who | None = None
    for hit in reversed(hits):
        start = max(lo, para.sentence_start(hit.start))
        found = _verb_frame(story, para, start, hit, hi)
        weak = found is None or found.kind == "role"
        if weak and not _words(text[hit.end : para.sentence_end(hit.end)]):
            # the verb ends its sentence: its subject opens it ("X, ... uyarısında bulundu.")
            found = _sentence_subject(story, para, start, hit.start, free=True) or found
        if found is not None and found.kind == "name":
            return found
        if found is not None and found.kind == "role":
            role = role or found
    return role


# --- the stage ---------------------------------------------------------------------------------


def extract_quotes(
    paragraphs: Sequence[str],
    context: Sequence[str],
    lexicon: Lexicon,
    language: str | None = None,
) -> tuple[Quote, ...]:
    """Return every direct quotation in *paragraphs*, with speakers resolved.

    *context* holds the other text of the story (headline, standfirst) in which
    full names may be given; *language* chooses the speech verbs and pronouns.
    When its verbs attribute none of the quotes while another table's verb
    follows a closing mark, the language was told wrong: every table's are used.
    """
    all_spans = [find_spans(text) for text in paragraphs]
    if not any(all_spans):
        return ()
    tools = _language(lexicon, language)
    quotes = _read(paragraphs, all_spans, _Story(context, paragraphs, tools, _agency_names()))
    if all(q.speaker is None for q in quotes):
        every = _language(lexicon, None)
        foreign = every is not tools and _foreign_frame(paragraphs, all_spans, every)
        if foreign and not _foreign_frame(paragraphs, all_spans, tools):
            story = _Story(context, paragraphs, every, _agency_names())
            quotes = _read(paragraphs, all_spans, story)
    return tuple(q for q in quotes if q.text)


def _foreign_frame(
    paragraphs: Sequence[str], all_spans: Sequence[list[_Span]], tools: _Language
) -> bool:
    """Return True when a speech verb of *tools* follows a closing mark (looked at there only)."""
    for text, spans in zip(paragraphs, all_spans, strict=True):
        for span in spans:
            lead = _LEAD.match(text, span.close_end, span.close_end + 8) if span.closed else None
            if lead is not None and tools.verb_finder.match(text, lead.end()):
                return True
    return False


def _read(
    paragraphs: Sequence[str], all_spans: Sequence[list[_Span]], story: _Story
) -> list[Quote]:
    """Return the quotes of every paragraph, attributed with *story*'s tools."""
    quotes: list[Quote] = []
    carried: Quote | None = None  # an unclosed quote, continued next paragraph
    for number, (text, spans) in enumerate(zip(paragraphs, all_spans, strict=True)):
        if not spans:
            story.defer(number)
            carried = None
            continue
        para = story.current = _Paragraph(number, text, spans, story.runs[number])
        for index, span in enumerate(spans):
            if not text[span.start : span.end].strip(" ,;"):
                continue  # nothing quoted: "" or “ ”
            bounds = para.sentence(span.open_at, span.close_end)
            partial = _is_partial(story, para, index, bounds)
            raw, verb, speaker = _speaker(story, para, index, bounds, partial=partial)
            if raw is None and speaker is None and verb is None:
                previous = quotes[-1] if quotes and quotes[-1].paragraph == number else None
                if index == 0 and span.open_at == 0 and carried is not None:
                    raw, speaker = carried.speaker_raw, carried.speaker
                elif index > 0 and not partial and previous is not None:
                    # "…," she said. "…": the paragraph's speaker goes on
                    raw, speaker = previous.speaker_raw, previous.speaker
                elif not partial and index == 0 and _alone(text, span):
                    speaker = story.previous(number, bounds[0], speaker=True)
            start, end = _trim(text, span)
            quote = Quote(
                text=text[start:end],
                speaker=speaker,
                speaker_raw=raw,
                verb=verb,
                paragraph=number,
                start=start,
                end=end,
                partial=partial,
            )
            quotes.append(quote)
            if speaker is not None and not partial:
                story.last_speaker = speaker
        last = quotes[-1] if quotes and quotes[-1].paragraph == number else None
        carried = last if last is not None and not spans[-1].closed else None
    return quotes


def _speaker(
    story: _Story, para: _Paragraph, index: int, bounds: tuple[int, int], *, partial: bool
) -> tuple[str | None, str | None, str | None]:
    """Return the attribution of quote *index*: speaker as written, verb, resolved speaker."""
    found = _attribute(story, para, para.spans[index], bounds)
    if found is None:
        return None, None, None
    speaker = story.resolve(found, para.number, bounds[0], quoted=not partial)
    return found.raw, found.verb, speaker


def _is_partial(story: _Story, para: _Paragraph, index: int, bounds: tuple[int, int]) -> bool:
    """Return True for a fragment quoted inside the reporter's own sentence.

    A quote that opens its sentence, follows "said:" (or "said," and opens with a
    capital, or continues an earlier quote of the sentence), or is followed
    straight away by its speech verb (``"…" dedi``, ``「…」と述べた``) is whole.
    """
    text = para.text
    span = para.spans[index]
    lead = text[bounds[0] : span.open_at].rstrip()
    if not lead or lead.endswith((":", "\N{FULLWIDTH COLON}")):
        return False
    if lead.endswith((",", "\N{FULLWIDTH COMMA}")):
        opens_upper = not text[span.start : span.start + 1].islower()
        if opens_upper or (index > 0 and para.spans[index - 1].close_end > bounds[0]):
            return False
    if span.closed:
        rest = text[span.close_end : span.close_end + 8]
        after = span.close_end + len(rest) - len(rest.lstrip())
        if para.hits(story.language, after, after + 1):
            return False
    return True


def _alone(paragraph: str, span: _Span) -> bool:
    return span.open_at == 0 and not paragraph[span.close_end :].strip(" .,;")


def _trim(paragraph: str, span: _Span) -> tuple[int, int]:
    start, end = span.start, span.end
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and (paragraph[end - 1].isspace() or paragraph[end - 1] in ",;"):
        end -= 1
    return start, end
