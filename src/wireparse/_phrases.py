r"""Per-language phrase tables, and the matchers compiled from all of them at once.

One TOML file per language under ``data/phrases/`` (schema: ``docs/languages.md``).
Phrases are literal strings; they compile into ``regex`` named lists
(``\L<share>``), which match literally, case-insensitively, in linear time.
Every table is loaded once per process (:func:`lexicon`). A noise kind's
pattern is compiled the first time a line opens like one of its phrases: an
index of phrase openings turns away almost every line before any pattern runs.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, Final

import regex
from attrs import frozen

from wireparse._resources import data_names, read_data
from wireparse.exceptions import InvalidProfileError, UnknownLanguageError

#: Noise kinds: key in a phrase table -> (how a line must match, reason reported).
NOISE_KINDS: Final[Mapping[str, tuple[str, str]]] = {
    "share": ("line", "share button"),
    "navigation": ("line", "page navigation"),
    "related": ("line", "related-topics heading"),
    "read_more": ("prefix", "cross-reference"),
    "promo": ("prefix", "promotion"),
    "credit": ("prefix", "photo or video credit"),
}
#: Other flat lists a table may hold.
LIST_KEYS: Final = (
    "function_words",
    "update_label",
    "published_label",
    "time_am",
    "time_pm",
    "clock_words",
    "relative_time",
    "year_marks",
    "month_marks",
    "day_marks",
    "hour_marks",
    "minute_marks",
    "conjunctions",
    "byline_prefixes",
    "byline_roles",
    "byline_locators",
    "byline_credits",
    "one_word_names",
    "name_particles",
    "name_prefixes",
    "subject_markers",
    "adverbial_opens",
    "adverbial_ends",
    "speech_verbs",
    "pronouns",
    "titles",
    "scripts",
)
#: The lists of words written after a number to make it a year, month, ... ("2025年", "5월").
_MARK_KEYS: Final = ("year_marks", "month_marks", "day_marks", "hour_marks", "minute_marks")
_NESTED_KEYS: Final = {"months": 12, "weekdays": 7}
_SCALAR_KEYS: Final = ("language", "name")
_ALL_KEYS: Final = frozenset((*_SCALAR_KEYS, *LIST_KEYS, *NOISE_KINDS, *_NESTED_KEYS))
_LANG_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?")


@frozen(kw_only=True)
class PhraseTable:
    """The phrases of one language, as read from its data file."""

    language: str
    name: str
    lists: Mapping[str, tuple[str, ...]]
    months: tuple[tuple[str, ...], ...]
    weekdays: tuple[tuple[str, ...], ...]

    def get(self, key: str) -> tuple[str, ...]:
        """Return the phrases under *key*, or an empty tuple."""
        return self.lists.get(key, ())


def _fail(source: str, key: str | None, message: str) -> InvalidProfileError:
    return InvalidProfileError(message, source=source, key=key)


def _str_list(value: Any, source: str, key: str) -> tuple[str, ...]:  # noqa: ANN401 - TOML value
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        msg = "must be a list of non-empty strings"
        raise _fail(source, key, msg)
    return tuple(v.strip() for v in value)


def _check_values(lists: Mapping[str, tuple[str, ...]], source: str) -> None:
    """Refuse a mark holding a digit or a space, and a script name the engine lacks."""
    for key in _MARK_KEYS:
        for mark in lists.get(key, ()):
            if any(c.isdigit() or c.isspace() for c in mark):
                msg = f"{mark!r}: a mark is written after a number, without digits or spaces"
                raise _fail(source, key, msg)
    for script in lists.get("one_word_names", ()):
        try:
            regex.compile(rf"\p{{{script}}}")
        except regex.error:
            msg = f"{script!r} is not a Unicode script name such as 'Hangul'"
            raise _fail(source, "one_word_names", msg) from None


def build_table(data: Mapping[str, Any], source: str) -> PhraseTable:
    """Validate one phrase table against the closed schema and freeze it.

    Raises:
        InvalidProfileError: an unknown key, a missing key or a value of the wrong type.

    """
    unknown = sorted(set(data) - _ALL_KEYS)
    if unknown:
        msg = f"unknown key; allowed keys are {', '.join(sorted(_ALL_KEYS))}"
        raise _fail(source, unknown[0], msg)
    for key in _SCALAR_KEYS:
        if not isinstance(data.get(key), str):
            msg = "is required and must be a string"
            raise _fail(source, key, msg)
    if not _LANG_CODE.fullmatch(data["language"]):
        msg = "must be an ISO 639 code such as 'en' or 'sr-Cyrl'"
        raise _fail(source, "language", msg)
    lists = {
        key: _str_list(data[key], source, key) for key in (*LIST_KEYS, *NOISE_KINDS) if key in data
    }
    _check_values(lists, source)
    nested: dict[str, tuple[tuple[str, ...], ...]] = {}
    for key, size in _NESTED_KEYS.items():
        value = data.get(key, [])
        if value and (not isinstance(value, list) or len(value) != size):
            msg = f"must be a list of {size} lists of names"
            raise _fail(source, key, msg)
        nested[key] = tuple(_str_list(item, source, key) for item in value)
    return PhraseTable(
        language=data["language"],
        name=data["name"],
        lists=lists,
        months=nested["months"],
        weekdays=nested["weekdays"],
    )


@functools.cache
def phrase_tables() -> Mapping[str, PhraseTable]:
    """Return every shipped phrase table by language code."""
    tables = {}
    for stem in data_names("phrases"):
        data, source = read_data("phrases", stem)
        table = build_table(data, source)
        tables[table.language] = table
    return tables


def phrase_table(code: str) -> PhraseTable:
    """Return the phrase table for *code*.

    Raises:
        UnknownLanguageError: no table for that code.

    """
    tables = phrase_tables()
    try:
        return tables[code]
    except KeyError:
        raise UnknownLanguageError(code, list(tables)) from None


# Turkish i: dotted capital İ folds to "i̇" (i + COMBINING DOT ABOVE), and dotless ı
# stays itself; both are made plain "i" so "BU HABERİ PAYLAŞIN" meets "Bu haberi paylaşın".
_DOTLESS: Final = str.maketrans(
    {"\N{COMBINING DOT ABOVE}": None, "\N{LATIN SMALL LETTER DOTLESS I}": "i"}
)


def fold(text: str) -> str:
    """Return the key phrases are compared by: case-folded, Turkish i made plain.

    >>> fold("BU HABERİ PAYLAŞIN") == fold("Bu haberi paylaşın")
    True
    """
    folded = text.casefold()
    if "\N{COMBINING DOT ABOVE}" in folded or "\N{LATIN SMALL LETTER DOTLESS I}" in folded:
        return folded.translate(_DOTLESS)
    return folded


def compile_lists(
    pattern: str, lists: Mapping[str, Sequence[str]], flags: int = 0
) -> regex.Pattern[str]:
    r"""Compile *pattern* with the named lists it uses (``\L<name>``).

    The one place that passes named lists to ``regex.compile``, whose stubs
    cannot type its ``**kwargs``.
    """
    compile_any: Any = regex.compile
    compiled: regex.Pattern[str] = compile_any(
        pattern, flags, **{name: list(values) for name, values in lists.items()}
    )
    return compiled


_SEP = r"[\s\p{P}\p{S}\p{Co}]"  # what share bars put between and around their buttons
_LEADING_SEP: Final = regex.compile(r"[\s\p{P}\p{S}\p{Co}]++")
_MIN_ABBREVIATION: Final = 3  # letters a month abbreviation needs to be read as a prefix
_KEY_CHARS: Final = 5  # folded letters a phrase is indexed by (fewer when it is shorter)
_PEEK: Final = 8  # characters folded to find a line's opening letters
_CACHED_LINE: Final = 200  # longer lines are decided afresh, never kept in the cache
_CACHED_LINES: Final = 1024  # lines kept; the cache starts afresh when it is full


def _known_opening(openings: Mapping[str, object], opening: str) -> bool:
    """Return True when the first 5, 4, ... or 1 letters of *opening* are a phrase's."""
    return (
        opening[:5] in openings
        or opening[:4] in openings
        or opening[:3] in openings
        or opening[:2] in openings
        or opening[:1] in openings
    )


_QUOTE_MARKS: dict[str, bool] = {}  # character -> a separator NFKC leaves alone?
_QUOTE_MARKS_KEPT: Final = 4096


def _quote_mark(char: str) -> bool:
    """Return True for a separator NFKC leaves as it is (“, «, •): a line may open with one.

    NFKC of such a character followed by ASCII is itself and the ASCII text, so
    the letters after it can be read without normalising the line.
    """
    mark = bool(char) and _LEADING_SEP.match(char) is not None
    mark = mark and unicodedata.is_normalized("NFKC", char)
    if len(_QUOTE_MARKS) < _QUOTE_MARKS_KEPT:
        _QUOTE_MARKS[char] = mark
    return mark


def _core(phrase: str) -> str:
    """Return *phrase* without its leading separators, folded: what opens a line it opens."""
    start = _LEADING_SEP.match(phrase)
    return fold(phrase[start.end() :] if start else phrase)


@frozen(kw_only=True)
class NoiseHit:
    """A line matched a noise phrase."""

    kind: str
    language: str
    phrase: str

    @property
    def rule(self) -> str:
        """The stable rule id, ``phrases.<language>.<kind>``."""
        return f"phrases.{self.language}.{self.kind}"

    @property
    def reason(self) -> str:
        """The reason reported in ``Article.removed``."""
        return NOISE_KINDS[self.kind][1]


#: A whole line of phrases of one kind, parted by separators (the phrases: the list "p").
_LINE_OF_PHRASES: Final = rf"{_SEP}*(?:\L<p>)(?:{_SEP}++(?:\L<p>))*+{_SEP}*+$"


class Lexicon:
    """All phrase tables merged, with their matchers compiled once."""

    def __init__(self, tables: Mapping[str, PhraseTable]) -> None:
        """Merge *tables* and compile the matchers."""
        self.tables = dict(tables)
        self._owners: dict[tuple[str, str], tuple[str, ...]] = {}
        merged: dict[str, list[str]] = {}
        for code in sorted(tables):
            table = tables[code]
            for key in (*NOISE_KINDS, *LIST_KEYS):
                for phrase in table.get(key):
                    merged.setdefault(key, []).append(phrase)
                    owners = self._owners.get((key, fold(phrase)), ())
                    if code not in owners:
                        self._owners[key, fold(phrase)] = (*owners, code)
        self.lists: dict[str, tuple[str, ...]] = {
            key: tuple(dict.fromkeys(values)) for key, values in merged.items()
        }
        self.month_names = self._calendar("months")
        self._months_by_language = {code: self._calendar_of(code, "months") for code in tables}
        self.weekday_names = self._calendar("weekdays")
        # What decides noise cheaply: every phrase by the first folded letters of its
        # core (a line can be noise only when it opens like some phrase), and by its
        # first two folded characters (the phrases a line can be made of).
        self._openings: dict[str, list[tuple[str, str]]] = {}
        for kind in NOISE_KINDS:
            for phrase in self.lists.get(kind, ()):
                core = _core(phrase)
                self._openings.setdefault(core[:_KEY_CHARS], []).append((core, kind))
        self._longest_core = max(
            (len(c) for h in self._openings.values() for c, _k in h), default=0
        )
        self._matchers: dict[str, regex.Pattern[str]] = {}
        self._recent: dict[tuple[str, str | None], NoiseHit | None] = {}
        self._leading: dict[str, regex.Pattern[str]] = {}
        self.function_words: dict[str, tuple[str, ...]] = {}
        for code in sorted(tables):
            for word in tables[code].get("function_words"):
                key = fold(word)
                self.function_words[key] = (*self.function_words.get(key, ()), code)

    def _calendar(self, key: str) -> dict[str, int]:
        names: dict[str, int] = {}
        for code in sorted(self.tables):
            for name, number in self._calendar_of(code, key).items():
                names.setdefault(name, number)
        return names

    def _calendar_of(self, code: str, key: str) -> dict[str, int]:
        """Return a table's names by folded form, with and without a closing stop."""
        table = self.tables[code]
        groups = table.months if key == "months" else table.weekdays
        names: dict[str, int] = {}
        for number, forms in enumerate(groups, start=1):
            for form in forms:
                names.setdefault(fold(form), number)
                names.setdefault(fold(form).rstrip("."), number)
        return names

    def month(self, name: str, prefer: Sequence[str] = ()) -> int | None:
        """Return the month *name* stands for (1-12), or None.

        A name that means different months in different languages (Croatian
        "listopad" is October, Polish "listopad" November) is read in the
        first language of *prefer* that knows it. An abbreviation no table
        lists is read when it begins the names of one month only.
        """
        key = fold(name).rstrip(".")
        for code in prefer:
            if code in self.tables:
                number = self._months_by_language[code].get(key)
                if number is not None:
                    return number
        number = self.month_names.get(key)
        if number is not None or len(key) < _MIN_ABBREVIATION:
            return number
        # an abbreviation the tables do not list ("верес", "листоп"): a prefix of
        # the names of one month only, in the preferred languages or else in all
        preferred = [self._months_by_language[c] for c in prefer if c in self.tables]
        for names in (*preferred, self.month_names):
            found = {n for form, n in names.items() if form.startswith(key)}
            if len(found) == 1:
                return found.pop()
        return None

    def phrases(self, key: str, languages: Sequence[str] | None = None) -> tuple[str, ...]:
        """Return the phrases under *key* of *languages* (None: of every language)."""
        if languages is None:
            return self.lists.get(key, ())
        out: dict[str, None] = {}
        for code in languages:
            table = self.tables.get(code)
            if table is not None:
                out.update(dict.fromkeys(table.get(key)))
        return tuple(out)

    def owners(self, key: str, phrase: str) -> tuple[str, ...]:
        """Return the languages whose *key* list holds *phrase*."""
        return self._owners.get((key, fold(phrase)), ())

    def noise(self, line: str, prefer: str | None = None) -> NoiseHit | None:
        """Return the noise kind *line* is, or None.

        Share buttons and related-topics headings must fill the whole line;
        cross-references, promotions and credits need only open it. Case and
        width do not matter (fullwidth letters read as plain ones). The language
        reported is *prefer* when its table holds the phrase.
        """
        if self._plainly_not_noise(line):
            return None
        if (line, prefer) in self._recent:
            return self._recent[line, prefer]
        if not line.isascii():
            line = unicodedata.normalize("NFKC", line)  # fullwidth letters read as plain ones
        if line[:1].isalnum():  # no leading separator (no letter or digit is one)
            stripped = line
        else:
            start = _LEADING_SEP.match(line)
            stripped = line[start.end() :] if start else line
        opening = fold(stripped[:_PEEK])
        if not _known_opening(self._openings, opening) and (
            len(opening) >= _KEY_CHARS or len(stripped) <= _PEEK
        ):
            return None  # no noise phrase opens the way this line does: most lines
        if not self._opens_like_phrase(stripped):
            return None
        hit = self._hit(line, prefer)
        if len(line) <= _CACHED_LINE:  # such lines recur from story to story: boilerplate
            if len(self._recent) >= _CACHED_LINES:
                self._recent.clear()
            self._recent[line, prefer] = hit
        return hit

    def noise_of(self, lines: Sequence[str], prefer: str | None = None) -> list[NoiseHit | None]:
        """Return :meth:`noise` of every one of *lines*.

        A line opening with plain ASCII that no phrase shares is decided here,
        without a call per line: most lines of a story.
        """
        openings = self._openings
        noise = self.noise
        out: list[NoiseHit | None] = []
        for line in lines:
            head = line[: _PEEK + 1]  # as _plainly_not_noise reads it
            if head.isascii() and head[:1].isalnum():
                low = head[:_PEEK].lower()
                if not (
                    low[:5] in openings
                    or low[:4] in openings
                    or low[:3] in openings
                    or low[:2] in openings
                    or low[:1] in openings
                ):
                    out.append(None)
                    continue
            out.append(noise(line, prefer))
        return out

    def _plainly_not_noise(self, line: str) -> bool:
        """Return True for a line whose plain ASCII opening no phrase shares: most lines.

        Its opening is the same after NFKC (ASCII letters are stable and compose
        with nothing before them), and it has no separator to skip but perhaps
        one quote mark NFKC leaves alone ("“The ...").
        """
        start = 0
        head = line[: _PEEK + 1]
        if not head.isascii():
            mark = _QUOTE_MARKS.get(head[:1])
            if mark is None:
                mark = _quote_mark(head[:1])
            if mark:
                start = 1
                head = line[1 : _PEEK + 2]
        if not (head.isascii() and head[:1].isalnum()):
            return False
        if not _known_opening(self._openings, head[:_PEEK].lower()):
            return True
        # its first letters are a phrase's ("The ..."): compare whole openings while ASCII
        whole = line[start : start + self._longest_core + 1]
        return whole.isascii() and not self._core_opens(whole.lower())

    def _opens_like_phrase(self, stripped: str) -> bool:
        """Return True when some phrase's core opens *stripped* (a line without its separators)."""
        reach = self._longest_core + _PEEK
        opening = fold(stripped[:reach])
        if len(opening) < self._longest_core and len(stripped) > reach:
            opening = fold(stripped)  # combining dots folded away
        return self._core_opens(opening)

    def _core_opens(self, opening: str) -> bool:
        """Return True when some phrase's core opens *opening* (folded, as long as any core)."""
        openings = self._openings
        for n in range(1, _KEY_CHARS + 1):  # the phrases indexed by its first 1, 2, ... 5 letters
            for core, _kind in openings.get(opening[:n], ()):
                if opening.startswith(core):
                    return True
            if n >= len(opening):
                break  # a longer prefix is this one again
        return False

    def _hit(self, line: str, prefer: str | None) -> NoiseHit | None:
        """Decide a normalised line that opens like a phrase."""
        found = self._decide(line, None)
        if found is None:
            return None
        kind, phrase = found
        owners = self.owners(kind, phrase) or ("und",)
        language = prefer if prefer in owners else owners[0]
        return NoiseHit(kind=kind, language=language, phrase=phrase)

    def _decide(self, line: str, stripped: str | None) -> tuple[str, str] | None:
        """Return the noise kind of a (normalised) line and its first phrase, or None.

        The kinds are tried in order, and only those a phrase of which opens the
        line (after its separators); each kind's pattern is compiled the first
        time a line needs it, so a process that meets no share bar never pays
        for compiling the share phrases of every language.
        """
        if stripped is None:
            start = _LEADING_SEP.match(line)
            stripped = line[start.end() :] if start else line
        opening = fold(stripped)
        starting = set()
        for n in range(1, _KEY_CHARS + 1):  # the phrases indexed by its first 1, 2, ... 5 letters
            for core, kind in self._openings.get(opening[:n], ()):
                if opening.startswith(core):
                    starting.add(kind)
            if n >= len(opening):
                break  # a longer prefix is this one again
        for kind in NOISE_KINDS:
            if kind not in starting:
                continue
            match = self._matcher(kind).match(line)
            if match is None and NOISE_KINDS[kind][0] == "line" and " " in line:
                # "공유 카카오톡 공유하기": one-word phrases parted by single spaces, which a
                # phrase of two words ("카카오톡 공유") took first (no giving back: linear)
                match = self._matcher(kind, one_word=True).match(line)
            if match is not None:
                inner = self._first(kind).match(match.group())
                return kind, inner.group(1) if inner else match.group()
        return None

    def _matcher(self, kind: str, *, one_word: bool = False) -> regex.Pattern[str]:
        """Return the pattern of a whole line (share, related) or an opening phrase (others).

        With *one_word*, of a whole line of the kind's one-word phrases only.
        """
        key = f"{kind} one word" if one_word else kind
        matcher = self._matchers.get(key)
        if matcher is None and one_word:
            words = [phrase for phrase in self.lists[kind] if " " not in phrase]
            matcher = compile_lists(rf"(?fi)^{_LINE_OF_PHRASES}", {"p": words or ["\x00"]})
            self._matchers[key] = matcher
        if matcher is None:
            # the leading separators may give back: a phrase can open with one, "(AA Photo)".
            # (Calling the first group for the later phrases would compile the list once,
            # but regex keeps every call's state: time then grows faster than the line.)
            if NOISE_KINDS[kind][0] == "line":
                body = _LINE_OF_PHRASES
            else:
                body = rf"{_SEP}*(?:\L<p>)(?![\p{{L}}\p{{N}}])"
            matcher = compile_lists(rf"(?fi)^{body}", {"p": self.lists[kind]})
            self._matchers[kind] = matcher
        return matcher

    def _first(self, kind: str) -> regex.Pattern[str]:
        """Return the pattern that reads the first phrase of a line *kind* matched."""
        leading = self._leading.get(kind)
        if leading is None:
            leading = compile_lists(rf"(?fi){_SEP}*(\L<p>)", {"p": self.lists[kind]})
            self._leading[kind] = leading
        return leading

    def named_lists(self) -> dict[str, list[str]]:
        r"""Return the lists profile patterns may use as ``\L<name>``."""
        lists = {key: list(values) for key, values in self.lists.items()}
        lists["month"] = sorted(self.month_names_as_written(), key=len, reverse=True)
        return lists

    def month_names_as_written(self) -> set[str]:
        """Every month form of every table, as written."""
        return {form for table in self.tables.values() for group in table.months for form in group}


@functools.cache
def lexicon() -> Lexicon:
    """Return the lexicon of every shipped phrase table (built once per process)."""
    return Lexicon(phrase_tables())
