"""Resolution: who the story's people are, and who a pronoun or a bare verb stands for.

Step 3 of :mod:`wireparse._extract.quotes`; see there for the rules.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence

from wireparse._extract._quote_attribution import (
    _clause_opens,
    _sentence_subject,
    _subject_before,
    _verb_frame,
)
from wireparse._extract._quote_language import _fold, _Language, _sentence_end
from wireparse._extract._quote_paragraph import (
    _WORD_EDGE,
    WINDOW,
    _no_words,
    _Paragraph,
    _Who,
    _words,
)


@functools.lru_cache(maxsize=4)
def _agency_heads(agencies: frozenset[str]) -> frozenset[str]:
    return frozenset(name.split(" ", 1)[0] for name in agencies)


def _contains(full: str, words: Sequence[str]) -> bool:
    """Return True when *words* are a run of the words of *full*."""
    have = [_fold(w) for w in full.split(" ")]
    if len(words) == 1:
        return _fold(words[0]) in have
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
        singles = self.singles
        for text, runs in zip(self._texts, self._all_runs, strict=True):
            for start, end in runs:
                name = text[start:end]
                if " " not in name:
                    singles.add(name)
                    continue
                seen[name] = None
                if start > 1 and text[start - 1] == " " and text[start - 2].islower():
                    self._note_title(text, start, name)
                elif start > 2 and text[start - 2 : start] == ", " and text[start - 3].islower():  # noqa: PLR2004
                    self._note_title(text, start - 1, name)  # "Le préfet, Jean-Marc Terrasse"
                if text[end : end + 2] == ", ":
                    self._note_role(text, end + 2, name)
        self.runs = self._all_runs[self._offset :]
        for raw in seen:
            self._index(raw)

    def _note_title(self, text: str, start: int, name: str) -> None:
        """Note a lower-case title ending at *start* - 1, before a name.

        "minister Femke Dijkhuizen"; "Le préfet, Jean-Marc Terrasse" (*start* at the comma).
        """
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
        head = _fold(name.split(" ", 1)[0])
        if head not in self.language.function_words and head not in self.agency_heads:
            return name  # most names: nothing to drop
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
        heads = self.language.title_heads
        if heads.isdisjoint(map(_fold, words[:-1])):
            return name, ()
        folded = [_fold(w) for w in words]
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
        key = _fold(words[-1])
        for candidate in (self.full.get(key), self.parts.get(key)):
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
            if not self.language.leading.issuperset(map(_fold, before)):
                continue
            name, _titled = self.normal(text[start:end])
            full = self.fullest(name) if name else name
            if full and self.is_named_person(full):
                return full
        return None

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
        if weak and _no_words(text[hit.end : para.sentence_end(hit.end)]):
            # the verb ends its sentence: its subject opens it ("X, ... uyarısında bulundu.")
            found = _sentence_subject(story, para, start, hit.start, free=True) or found
        if found is not None and found.kind == "name":
            return found
        if found is not None and found.kind == "role":
            role = role or found
    return role
