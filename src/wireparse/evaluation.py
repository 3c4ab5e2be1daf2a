"""Score wireparse on a labelled corpus: :func:`evaluate` and the report it returns.

A corpus is a folder of story pairs: ``NAME.txt`` holds a story as it was
copied or scraped, ``NAME.json`` holds what a perfect parse of it must find.
Each label key is compared with the :class:`~wireparse.models.Article` that
:func:`wireparse.parse` returns, as one or more :class:`Check` values, and the
checks are counted per field (:data:`FIELDS`, in that order):

* A key absent from the label is not scored. A ``null`` label value must be
  None in the parse; an empty ``authors`` list must be an empty tuple.
* Text (``section``, ``headline``, ``standfirst``, ``body_first``,
  ``body_last``, the dateline's parts, ``agency``, ``language``, each author)
  is compared after collapsing whitespace runs to one space and stripping.
* ``authors`` is compared as a list, in order (``()`` when there is no byline).
* ``published`` / ``updated`` (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM[±HH:MM]``)
  are compared to the label's precision: a date-only label needs the date part
  only; a label with a time needs a datetime with that hour and minute
  (seconds are ignored); a label with an offset needs that offset, and a label
  without one needs a naive datetime (a time without a stated zone has none).
* ``dateline`` is right when its three parts are; each part is also scored as
  ``dateline.location``, ``dateline.agency`` and ``dateline.date`` (against
  ``Dateline.date_text``). A ``null`` dateline needs no dateline in the parse,
  and then the parts are not scored.
* ``body_paragraphs`` is compared with ``len(body)``.
* ``noise``: one check per line, right when the line is neither a body
  paragraph nor part of one. A line whose words other lines also hold (a tag
  "Energy", and "Energy" in a sentence) counts as in the body only when the
  body holds it more often than the other lines that went into the body do.
* ``quotes``: one check per label quote, found when a parsed quote's text is
  equal once punctuation and whitespace are stripped from both ends and
  whitespace runs collapsed. ``speakers``: one check per label quote, right
  when the quote was found and the label's speaker, compared word by word
  without regard to case or punctuation, is the parsed speaker or a run of its
  words ("Kabulov" in "Zamir Kabulov", but not "Kabul"); a ``null`` speaker
  needs a None speaker. When several parsed quotes match, one with the right
  speaker is enough.
* ``truncated: true`` (the text stops before the story does): ``body_last``
  is not scored, and only the noise lines that occur in the text *before*
  the first occurrence of ``body_first`` are scored (all of them that occur
  in the text when ``body_first`` is null or cannot be found).

A story whose parse raises is reported with the exception's type and message
in :attr:`StoryResult.error`; every check its label calls for counts as
failed, and the run goes on with the next story.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs
import regex
from attrs import frozen

from wireparse._api import parse
from wireparse.exceptions import CorpusError, InputTypeError
from wireparse.models import Article, Dateline, Quote
from wireparse.profiles import Profile, get_profile

__all__ = ["FIELDS", "Check", "EvalReport", "FieldScore", "StoryResult", "evaluate"]

FIELDS: Final = (
    "agency",
    "language",
    "section",
    "headline",
    "standfirst",
    "authors",
    "published",
    "updated",
    "dateline",
    "dateline.location",
    "dateline.agency",
    "dateline.date",
    "body_first",
    "body_last",
    "body_paragraphs",
    "noise",
    "quotes",
    "speakers",
)
"""The scored fields, in the order reports list them."""

_REQUIRED: Final = (
    "agency",
    "language",
    "headline",
    "authors",
    "dateline",
    "body_first",
    "noise",
)
_DATELINE_PARTS: Final = (("location", "location"), ("agency", "agency"), ("date", "date_text"))
_LABEL_DATE: Final = regex.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?:[+-]\d{2}:\d{2})?)?")
_EDGE: Final = regex.compile(r"[\s\p{P}]*+")
_WORD: Final = regex.compile(r"\w++")
_WIDTH: Final = 80
_ELLIPSIS: Final = "\N{HORIZONTAL ELLIPSIS}"
_PARSE_FAILED: Final = "(parse failed)"


@frozen(kw_only=True)
class FieldScore:
    """How often one field was right across the corpus.

    Attributes:
        name: the field, one of :data:`FIELDS`.
        right: how many of its checks passed.
        total: how many checks were made (0 when no label scores it).

    """

    name: str
    right: int
    total: int

    @property
    def ratio(self) -> float:
        """Return ``right / total``, or 1.0 when nothing was scored (``total == 0``)."""
        return self.right / self.total if self.total else 1.0

    def to_dict(self) -> dict[str, Any]:
        """Return the score as plain JSON types, the ratio included."""
        return {"name": self.name, "right": self.right, "total": self.total, "ratio": self.ratio}


@frozen(kw_only=True)
class Check:
    """One scored comparison between a label and the parse.

    Attributes:
        field: the field it counts for, one of :data:`FIELDS`.
        ok: whether the parse was right.
        expected: what the label says, shortened for display (JSON-like:
            strings quoted, ``null`` for None).
        found: what the parse gave, shortened the same way.

    """

    field: str
    ok: bool
    expected: str
    found: str

    def to_dict(self) -> dict[str, Any]:
        """Return the check as plain JSON types."""
        return {"field": self.field, "ok": self.ok, "expected": self.expected, "found": self.found}


@frozen(kw_only=True)
class StoryResult:
    """Every check made on one story.

    Attributes:
        name: the story's name (``NAME`` of ``NAME.txt``).
        checks: the checks, in the order of :data:`FIELDS`.
        error: ``"Type: message"`` when parsing the story raised, else None;
            then every check in :attr:`checks` is failed.

    """

    name: str
    checks: tuple[Check, ...]
    error: str | None = None

    @property
    def failed(self) -> tuple[Check, ...]:
        """Return the checks that failed."""
        return tuple(check for check in self.checks if not check.ok)

    @property
    def ok(self) -> bool:
        """Return True when the story parsed and passed every check."""
        return self.error is None and not self.failed

    def to_dict(self) -> dict[str, Any]:
        """Return the result as plain JSON types."""
        return {
            "name": self.name,
            "ok": self.ok,
            "error": self.error,
            "checks": [check.to_dict() for check in self.checks],
        }


@frozen(kw_only=True)
class EvalReport:
    """The result of :func:`evaluate`.

    Attributes:
        stories: one result per labelled story, sorted by name.
        fields: one score per field of :data:`FIELDS`, in that order.
        skipped: the files that were left out because their pair is missing
            (``NAME.txt`` without ``NAME.json``, or the other way round).

    """

    stories: tuple[StoryResult, ...]
    fields: tuple[FieldScore, ...]
    skipped: tuple[str, ...] = ()

    def field(self, name: str) -> FieldScore:
        """Return the score of the field called *name*.

        Raises:
            KeyError: *name* is not one of :data:`FIELDS`.

        """
        for score in self.fields:
            if score.name == name:
                return score
        msg = f"no field {name!r}; fields: {', '.join(FIELDS)}"
        raise KeyError(msg)

    @property
    def failures(self) -> tuple[StoryResult, ...]:
        """Return the stories whose parse raised or that failed a check."""
        return tuple(story for story in self.stories if not story.ok)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain JSON types."""
        return {
            "fields": [score.to_dict() for score in self.fields],
            "stories": [story.to_dict() for story in self.stories],
            "skipped": list(self.skipped),
        }


def evaluate(path: str | os.PathLike[str], *, profile: Profile | str | None = None) -> EvalReport:
    """Parse every labelled story in the folder *path* and score the results.

    Every label is read and checked before the first story is parsed, so a
    malformed corpus fails fast.

    Args:
        path: a folder of ``NAME.txt`` stories and ``NAME.json`` labels.
        profile: a :class:`~wireparse.profiles.Profile`, a profile name, or
            None to let :func:`wireparse.parse` detect the agency of each story.

    Returns:
        The report: a result per story and a score per field.

    Raises:
        CorpusError: the folder does not exist, holds no story with its label,
            or a file cannot be read, is not valid JSON, or is not a valid label
            (the message names the file and the key).
        UnknownProfileError: *profile* names no known profile.
        InputTypeError: *profile* is neither a Profile, a str nor None.

    """
    folder = Path(path)
    if isinstance(profile, str):
        profile = get_profile(profile)
    elif profile is not None and not isinstance(profile, Profile):
        raise InputTypeError(
            profile, argument="profile", expected="a Profile, a profile name, or None"
        )
    pairs, skipped = _pairs(folder)
    cases = [(name, _read(text), _read_label(label)) for name, text, label in pairs]
    stories = tuple(_run(name, text, label, profile) for name, text, label in cases)
    return EvalReport(stories=stories, fields=_tally(stories), skipped=skipped)


# --- reading the corpus -------------------------------------------------------------


def _pairs(folder: Path) -> tuple[list[tuple[str, Path, Path]], tuple[str, ...]]:
    if not folder.is_dir():
        msg = f"{folder}: no such folder"
        raise CorpusError(msg)
    texts = {p.stem: p for p in folder.glob("*.txt") if p.is_file()}
    labels = {p.stem: p for p in folder.glob("*.json") if p.is_file()}
    names = sorted(texts.keys() & labels.keys())
    if not names:
        msg = f"{folder}: no story with its label (NAME.txt with NAME.json)"
        raise CorpusError(msg)
    lone = [texts[n] for n in texts.keys() - labels.keys()]
    lone += [labels[n] for n in labels.keys() - texts.keys()]
    return [(n, texts[n], labels[n]) for n in names], tuple(sorted(p.name for p in lone))


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        msg = f"{path}: cannot read: {exc.strerror or exc}"
        raise CorpusError(msg) from exc
    except UnicodeDecodeError as exc:
        msg = f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})"
        raise CorpusError(msg) from exc


def _read_label(path: Path) -> Mapping[str, Any]:
    try:
        data = json.loads(_read(path))
    except json.JSONDecodeError as exc:
        msg = f"{path}: not valid JSON: {exc}"
        raise CorpusError(msg) from exc
    if not isinstance(data, dict):
        msg = f"{path}: a label must be a JSON object, not {type(data).__name__}"
        raise CorpusError(msg)
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        msg = f"{path}: missing required key(s): {', '.join(missing)}"
        raise CorpusError(msg)
    for key, check in _VALIDATORS.items():
        problem = check(data[key]) if key in data else None
        if problem is not None:
            msg = f"{path}: key {key!r} {problem}"
            raise CorpusError(msg)
    return data


def _opt_str(value: object) -> str | None:
    return None if value is None or isinstance(value, str) else "must be a string or null"


def _str_list(value: object) -> str | None:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return None
    return "must be a list of strings"


def _noise(value: object) -> str | None:
    problem = _str_list(value)
    if problem is None and isinstance(value, list) and not all(map(_collapse, value)):
        return "holds a blank line"
    return problem


def _flag(value: object) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _count(value: object) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if ok else "must be a whole number, 0 or more"


def _stamp(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and _LABEL_DATE.fullmatch(value) and _valid_iso(value):
        return None
    return "must be YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM+HH:MM, or null"


def _valid_iso(value: str) -> bool:
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _dateline(value: object) -> str | None:
    if value is None:
        return None
    keys = [key for key, _attr in _DATELINE_PARTS]
    if not isinstance(value, dict) or sorted(value) != sorted(keys):
        return "must be null or an object with exactly the keys location, agency, date"
    if any(_opt_str(value[key]) for key in keys):
        return "must hold strings or nulls"
    return None


def _quote_list(value: object) -> str | None:
    if not isinstance(value, list):
        return "must be a list of {text, speaker} objects"
    for index, item in enumerate(value):
        if not isinstance(item, dict) or not {"text", "speaker"} <= item.keys():
            return f"item {index} must be an object with the keys text and speaker"
        if not isinstance(item["text"], str) or not _trim(item["text"]):
            return f"item {index}: text must be a non-blank string"
        speaker = item["speaker"]
        if speaker is not None and not (isinstance(speaker, str) and _WORD.search(speaker)):
            return f"item {index}: speaker must be a name or null"
    return None


_VALIDATORS: Final[Mapping[str, Callable[[object], str | None]]] = {
    "agency": _opt_str,
    "language": _opt_str,
    "truncated": _flag,
    "section": _opt_str,
    "headline": _opt_str,
    "standfirst": _opt_str,
    "authors": _str_list,
    "published": _stamp,
    "updated": _stamp,
    "dateline": _dateline,
    "body_first": _opt_str,
    "body_last": _opt_str,
    "body_paragraphs": _count,
    "noise": _noise,
    "quotes": _quote_list,
}


# --- running and counting ---------------------------------------------------------


@frozen(kw_only=True)
class _Case:
    """A label, the text it describes and the article parsed from that text."""

    label: Mapping[str, Any]
    text: str
    article: Article

    @property
    def truncated(self) -> bool:
        return bool(self.label.get("truncated", False))


def _run(name: str, text: str, label: Mapping[str, Any], profile: Profile | None) -> StoryResult:
    try:
        article = parse(text, profile=profile)
    except Exception as exc:  # noqa: BLE001 - one story's parser bug is reported, not fatal
        empty = _score(_Case(label=label, text=text, article=Article()))
        failed = tuple(attrs.evolve(check, ok=False, found=_PARSE_FAILED) for check in empty)
        return StoryResult(name=name, checks=failed, error=f"{type(exc).__name__}: {exc}")
    return StoryResult(name=name, checks=_score(_Case(label=label, text=text, article=article)))


def _tally(stories: Iterable[StoryResult]) -> tuple[FieldScore, ...]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for story in stories:
        for check in story.checks:
            total[check.field] += 1
            right[check.field] += check.ok
    return tuple(FieldScore(name=name, right=right[name], total=total[name]) for name in FIELDS)


def _score(case: _Case) -> tuple[Check, ...]:
    return tuple(check for scorer in _SCORERS for check in scorer(case))


# --- the scorers, one per group of fields, in the order of FIELDS ------------------


def _head_checks(case: _Case) -> Iterator[Check]:
    article = case.article
    found: Mapping[str, str | None] = {
        "agency": article.agency,
        "language": article.language,
        "section": article.section,
        "headline": article.headline,
        "standfirst": article.standfirst,
    }
    for name, value in found.items():
        if name in case.label:
            yield _text_check(name, case.label[name], value)


def _authors_checks(case: _Case) -> Iterator[Check]:
    if "authors" not in case.label:
        return
    want = [_collapse(name) for name in case.label["authors"]]
    byline = case.article.byline
    got = [] if byline is None else [_collapse(name) for name in byline.authors]
    yield Check(field="authors", ok=want == got, expected=_show_list(want), found=_show_list(got))


def _date_checks(case: _Case) -> Iterator[Check]:
    for name, value in (("published", case.article.published), ("updated", case.article.updated)):
        if name in case.label:
            want = case.label[name]
            found = "null" if value is None else value.isoformat()
            shown = "null" if want is None else want
            yield Check(field=name, ok=_same_moment(want, value), expected=shown, found=found)


def _same_moment(label: str | None, found: dt.date | None) -> bool:
    """Return whether *found* equals the label's date (and time) to the label's precision."""
    if label is None or found is None:
        return label is None and found is None
    if "T" not in label:
        day = found.date() if isinstance(found, dt.datetime) else found
        return day == dt.date.fromisoformat(label)
    if not isinstance(found, dt.datetime):
        return False
    want = dt.datetime.fromisoformat(label)
    wall = found.replace(second=0, microsecond=0, tzinfo=None)
    return wall == want.replace(tzinfo=None) and found.utcoffset() == want.utcoffset()


def _dateline_checks(case: _Case) -> Iterator[Check]:
    if "dateline" not in case.label:
        return
    want: Mapping[str, str | None] | None = case.label["dateline"]
    got = case.article.dateline
    if want is None:
        yield Check(field="dateline", ok=got is None, expected="null", found=_show_dateline(got))
        return
    parts = [
        _text_check(f"dateline.{key}", want[key], None if got is None else getattr(got, attr))
        for key, attr in _DATELINE_PARTS
    ]
    shown = "{" + ", ".join(f"{key}: {_show(want[key])}" for key, _attr in _DATELINE_PARTS) + "}"
    yield Check(
        field="dateline",
        ok=all(part.ok for part in parts),
        expected=shown,
        found=_show_dateline(got),
    )
    yield from parts


def _body_checks(case: _Case) -> Iterator[Check]:
    body = case.article.body
    if "body_first" in case.label:
        yield _text_check("body_first", case.label["body_first"], body[0] if body else None)
    if "body_last" in case.label and not case.truncated:
        yield _text_check("body_last", case.label["body_last"], body[-1] if body else None)
    if "body_paragraphs" in case.label:
        want = case.label["body_paragraphs"]
        yield Check(
            field="body_paragraphs", ok=want == len(body), expected=str(want), found=str(len(body))
        )


def _noise_checks(case: _Case) -> Iterator[Check]:
    paragraphs = [_collapse(paragraph) for paragraph in case.article.body]
    lines = [_collapse(line) for line in case.text.splitlines()]
    for line in _scored_noise(case):
        want = _collapse(line)
        where = next((i for i, paragraph in enumerate(paragraphs) if want in paragraph), None)
        if where is not None and want in lines:
            # a whole line of the text that is also words of other lines ("Energy" as a
            # tag and in a sentence): in the body only when the body holds it more often
            # than the other lines the body is made of do
            elsewhere = sum(
                other.count(want)
                for other in lines
                if other != want and want in other and _in_body(other, paragraphs)
            )
            if sum(paragraph.count(want) for paragraph in paragraphs) <= elsewhere:
                where = None
        found = "not in the body" if where is None else f"in body[{where}]"
        yield Check(field="noise", ok=where is None, expected=_show(want), found=found)


def _in_body(line: str, paragraphs: Sequence[str]) -> bool:
    """Return True when *line* (collapsed) went into a body paragraph, whole or as its end.

    A first paragraph is its line less the dateline split off it.
    """
    return any(line in paragraph or line.endswith(paragraph) for paragraph in paragraphs)


def _scored_noise(case: _Case) -> list[str]:
    lines: list[str] = case.label.get("noise", [])
    if not case.truncated:
        return lines
    text = _collapse(case.text)
    first = _collapse(case.label.get("body_first") or "")
    end = text.find(first) if first else -1
    end = len(text) if end < 0 else end
    return [line for line in lines if 0 <= text.find(_collapse(line)) < end]


def _quote_checks(case: _Case) -> Iterator[Check]:
    if "quotes" not in case.label:
        return
    labelled: list[Mapping[str, Any]] = case.label["quotes"]
    matches = [_matching(item["text"], case.article.quotes) for item in labelled]
    for item, found in zip(labelled, matches, strict=True):
        yield Check(
            field="quotes",
            ok=bool(found),
            expected=_show(_trim(item["text"])),
            found=_show(_trim(found[0].text)) if found else "not found",
        )
    for item, found in zip(labelled, matches, strict=True):
        yield _speaker_check(item, found)


def _matching(text: str, quotes: Sequence[Quote]) -> list[Quote]:
    want = _trim(text)
    return [quote for quote in quotes if _trim(quote.text) == want]


def _speaker_check(item: Mapping[str, Any], found: Sequence[Quote]) -> Check:
    want: str | None = item["speaker"]
    excerpt = _trim(item["text"])
    if len(excerpt) > _WIDTH // 2:
        excerpt = excerpt[: _WIDTH // 2] + _ELLIPSIS
    expected = f"{_show(want)} for {json.dumps(excerpt, ensure_ascii=False)}"
    if not found:
        return Check(field="speakers", ok=False, expected=expected, found="quote not found")
    best = next((quote for quote in found if _same_speaker(want, quote.speaker)), found[0])
    return Check(
        field="speakers",
        ok=_same_speaker(want, best.speaker),
        expected=expected,
        found=_show(best.speaker),
    )


def _same_speaker(want: str | None, got: str | None) -> bool:
    """Return whether the label's speaker *want* is *got* or whole words of it, in any case."""
    if want is None or got is None:
        return want is None and got is None
    name, full = _WORD.findall(want.casefold()), _WORD.findall(got.casefold())
    size = len(name)
    return size > 0 and any(full[i : i + size] == name for i in range(len(full) - size + 1))


_SCORERS: Final[tuple[Callable[[_Case], Iterator[Check]], ...]] = (
    _head_checks,
    _authors_checks,
    _date_checks,
    _dateline_checks,
    _body_checks,
    _noise_checks,
    _quote_checks,
)


# --- comparing and showing text ---------------------------------------------------


def _collapse(text: str) -> str:
    """Return *text* with whitespace runs collapsed to one space and the ends stripped."""
    return " ".join(text.split())


def _trim(text: str) -> str:
    """Return *text* without punctuation or whitespace at either end, whitespace collapsed."""
    start = _EDGE.match(text)
    end = _EDGE.match(text[::-1])
    head = start.end() if start else 0
    tail = len(text) - (end.end() if end else 0)
    return _collapse(text[head:tail]) if head < tail else ""


def _text_check(name: str, want: str | None, got: str | None) -> Check:
    want = None if want is None else _collapse(want)
    got = None if got is None else _collapse(got)
    if want is not None and got is not None:
        want_shown, got_shown = _clip_pair(want, got)
        return Check(field=name, ok=want == got, expected=want_shown, found=got_shown)
    return Check(field=name, ok=want == got, expected=_show(want), found=_show(got))


def _show(value: str | None) -> str:
    """Return *value* for display: quoted and shortened, or ``null``."""
    if value is None:
        return "null"
    return json.dumps(_clip(value, 0), ensure_ascii=False)


def _show_list(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _show_dateline(dateline: Dateline | None) -> str:
    if dateline is None:
        return "null"
    parts = (dateline.location, dateline.agency, dateline.date_text)
    names = ("location", "agency", "date")
    return "{" + ", ".join(f"{n}: {_show(p)}" for n, p in zip(names, parts, strict=True)) + "}"


def _clip_pair(want: str, got: str) -> tuple[str, str]:
    """Show two long strings from a little before the place where they first differ."""
    same = next(
        (i for i, (a, b) in enumerate(zip(want, got, strict=False)) if a != b),
        min(len(want), len(got)),
    )
    start = max(0, same - _WIDTH // 4) if max(len(want), len(got)) > _WIDTH else 0
    return (
        json.dumps(_clip(want, start), ensure_ascii=False),
        json.dumps(_clip(got, start), ensure_ascii=False),
    )


def _clip(text: str, start: int) -> str:
    head = _ELLIPSIS if start > 0 else ""
    tail = _ELLIPSIS if start + _WIDTH < len(text) else ""
    return head + text[start : start + _WIDTH] + tail
