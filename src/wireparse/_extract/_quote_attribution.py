"""Attribution: who said a quote, read in a bounded window around it.

Step 2 of :mod:`wireparse._extract.quotes`; see there for the forms read.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final

from wireparse._extract._quote_language import _categories, _fold
from wireparse._extract._quote_marks import _OPENING_MARKS, _RSQ, _Span
from wireparse._extract._quote_paragraph import (
    _WORD_EDGE,
    _Hit,
    _no_words,
    _Paragraph,
    _Who,
    _words,
)

if TYPE_CHECKING:
    from wireparse._extract._quote_story import _Story


# What may stand between a closing mark and its attribution: ', ' '. ' ', - ' ', — ', a CJK comma
_LEAD_PUNCTUATION: Final = ",;.\N{FULLWIDTH COMMA}\N{IDEOGRAPHIC COMMA}\N{ARABIC COMMA}"
_DASHES: Final = "-\N{EN DASH}\N{EM DASH}\N{HORIZONTAL BAR}"


@functools.cache
def _lead() -> re.Pattern[str]:
    r"""Return the pattern of what stands between a closing mark and its attribution.

    Stdlib :mod:`re` (called for every quote, faster than ``regex``), with the
    white space ``regex`` means by ``\s``.
    """
    space = _categories(False)["s"]  # noqa: FBT003 - a cache key; white space is all in the BMP
    return re.compile(
        f"[{_LEAD_PUNCTUATION}]?+[{space}]*+(?:[{re.escape(_DASHES)}]++[{space}]*+)?+"
    )


_CLAUSE_BREAKS: Final = (
    ",;:\N{FULLWIDTH COMMA}\N{IDEOGRAPHIC COMMA}\N{FULLWIDTH COLON}\N{ARABIC COMMA}"
    "\N{ARABIC SEMICOLON}"
)
# the last clause break before the end of the search: one, then none up to the end
_LAST_BREAK: Final = re.compile(f"[{re.escape(_CLAUSE_BREAKS)}][^{re.escape(_CLAUSE_BREAKS)}]*+\\Z")
_COLONS: Final = ":;\N{FULLWIDTH COLON}\N{ARABIC SEMICOLON}"
_REACH: Final = 160  # characters from a verb to the speaker written after it
_SUBJECT_WORDS: Final = 10  # a description longer than this is not a speaker
_BARE_WORDS: Final = 2  # a role noun this short, with no article, names someone already named
#: The Arabic article: inside a name only after a name particle ("عبد الفتاح").
_ARABIC_ARTICLE: Final = "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}"


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
    lead = _lead().match(para.text, span.close_end, hi)
    pos = lead.end() if lead else span.close_end
    hits = para.hits(story.language, pos, min(hi, pos + _REACH))
    if not hits:
        return None
    hit = hits[0]
    if hit.start == pos:
        return _after_verb(story, para, hit, hi) or _Who(None, "verb", hit.verb, pos)
    if para.opens_between(pos, hit.start):
        return None  # another quote opens before the verb
    found = _subject_before(story, para, pos, hit)
    if found is None and _clause_opens(para.text, pos, hit.start):
        # '„…“ anlaufen, sagte sie': the verb opens the quote's last clause, its subject after it
        return _after_verb(story, para, hit, hi)
    return found


def _frame_before(
    story: _Story, para: _Paragraph, span: _Span, bounds: tuple[int, int]
) -> _Who | None:
    """Return the attribution nearest before the quote in its sentence ('Kabulov said: “')."""
    lo, hi = bounds
    for hit in reversed(para.hits(story.language, lo, span.open_at)):
        start = max(lo, para.span_before(hit.start))
        found = _verb_frame(story, para, start, hit, hi)
        bare = found is None and _no_words(para.text[hit.end : span.open_at])
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
    return found.start() + 1 if found else lo


def _clause_opens(text: str, lo: int, at: int) -> bool:
    """Return True when nothing but punctuation stands between the clause's start and *at*."""
    return _no_words(text[_clause_start(text, lo, at) : at])


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
    segment = text[lo:end]
    words = _words(segment)
    if not words:
        return None
    pronouns = story.language.pronouns
    for word in words[-1:] if len(words) == 1 else words[-2:][::-1]:
        # "he said", "he later said"
        if _fold(word) in pronouns and (word == words[-1] or words[-1][:1].islower()):
            return _Who(word, "pronoun", hit.verb, text.rfind(word, lo, end))
    return _name_before(story, para, lo, end, hit) or _description(story, segment, lo, hit, words)


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
        opens = language.function_words.issuperset(map(_fold, _words(text[lo : opener[0]])))
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
    complement = complement and not language.stop.issuperset(map(_fold, before))
    elided = text[lo:start].rstrip().endswith(("'", _RSQ)) and len(before) > 1
    name = text[start : runs[-1][1]]
    key = _fold(name)
    if complement or elided or key in language.calendar or key in language.function_words:
        return None
    if story.is_agency(name) or story.is_agency(text[runs[-1][0] : runs[-1][1]]):
        return None  # an agency told (Russian "about this TASS was told by X"): X speaks
    return _Who(name, "name", hit.verb, start)


def _description(story: _Story, segment: str, lo: int, hit: _Hit, words: list[str]) -> _Who | None:
    """Return a description as the speaker: "the ministry", "a ministry official …".

    *segment* is the text from *lo* to the verb; *words* its words, as
    :func:`_classify` read them (changed here).
    """
    if len(words) > _SUBJECT_WORDS or not any(w[:1].islower() for w in words):
        return None
    folded = list(map(_fold, words))
    if story.language.stop.issuperset(folded):
        return None
    if not story.language.conjunctions.isdisjoint(folded):
        return None  # "Moscow and Kabul continued", "X did this and claimed": no one speaker
    while len(words) > 1 and _fold(words[-1]) in story.language.function_words:
        words.pop()  # "the ministry has (said)"
    start = lo + len(segment) - len(segment.lstrip())
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
            appositive = _no_words(gap[comma + 1 :]) and bool(described or candidate)
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
        before = _words(gap)
        if before and _fold(before[-1]) in story.language.lower_titles and story.is_person(name):
            # "said state Transport Committee chairman Datuk Zulkifli Osman": the one so titled
            return _Who(name, "name", hit.verb, start, titled=True)
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
    stop = story.language.stop
    if len(words) > _SUBJECT_WORDS:
        # "said a Mombasa-based broker who asked not to be named …": the description ends
        # where a function word follows its head ("who", "qui", "der")
        ends = (i for i in range(2, len(words)) if _fold(words[i]) in stop)
        words = words[: next(ends, len(words))]
    if not words or len(words) > _SUBJECT_WORDS or not words[0][:1].islower():
        return None
    start = text.find(words[0], hit.end, limit)
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
        opens = opens and language.function_words.issuperset(map(_fold, gap))
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
    name = _without_adverbial(story, run.group())
    for pronoun in language.pronouns:
        if name.startswith(pronoun):
            return _Who(pronoun, "pronoun", hit.verb, lo + run.start())
    return _unspaced_name(story, name, hit.verb, lo + run.start())


#: A name is two characters at least: an adverbial opening sooner is part of it (李在明).
_LEAST_NAME: Final = 2


def _without_adverbial(story: _Story, run: str) -> str:
    """Drop an adverbial between a subject and its verb: 阮文俊「在接受记者采访时」说.

    The run must end as an adverbial does (``adverbial_ends``: 时, 上, 中); it is
    cut at the first word that opens one (``adverbial_opens``: 在, 接受) that leaves
    a name of two characters or more once a title before it is dropped.
    """
    language = story.language
    if not language.adverbial_ends or not run.endswith(language.adverbial_ends):
        return run
    cuts = sorted(
        found.start()
        for word in language.adverbial_opens
        for found in re.finditer(re.escape(word), run)
        if found.start() >= _LEAST_NAME
    )
    for cut in cuts:  # the first cut that leaves a name once a title is dropped (总统李在明在…)
        head = run[:cut]
        ends = [head.rfind(t) + len(t) for t in language.title_strings if t in head]
        if cut - max(ends, default=0) >= _LEAST_NAME:
            return head
    return run


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
