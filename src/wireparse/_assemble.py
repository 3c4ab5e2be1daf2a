"""Stage 6: put the classified blocks and the extracted fields together into an Article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

import regex
from attrs import frozen

from wireparse._classify import DATE_LINE_RULE
from wireparse._compiled import CompiledProfile
from wireparse._dates import date_line, read_date
from wireparse._detect import detect_language
from wireparse._extract.byline import match_byline, read_byline, split_authors
from wireparse._extract.dateline import split_dateline, standalone_dateline
from wireparse._extract.quotes import extract_quotes
from wireparse._phrases import Lexicon
from wireparse._trusted import trusted
from wireparse.blocks import BlockKind, ClassifiedBlock, byline_found, datelines_found
from wireparse.models import Article, Byline, Dateline, Removal
from wireparse.profiles import Profile


@frozen
class _Dates:
    published: dt.date | None
    updated: dt.date | None

    def fill(self, value: dt.date, label: str) -> _Dates:
        """Return these dates with *value* in the first free slot its label allows."""
        if label != "updated" and self.published is None:
            return _Dates(value, self.updated)
        if self.updated is None:
            return _Dates(self.published, value)
        return self


# the kinds' values: the blocks are grouped by them (an enum member hashes in Python, a str in C)
_SECTION: Final = BlockKind.SECTION.value
_HEADLINE: Final = BlockKind.HEADLINE.value
_STANDFIRST: Final = BlockKind.STANDFIRST.value
_BYLINE: Final = BlockKind.BYLINE.value
_DATELINE: Final = BlockKind.DATELINE.value
_BODY: Final = BlockKind.BODY.value
_TOPICS: Final = BlockKind.TOPICS.value
_REMOVED: Final = BlockKind.REMOVED.value


def _grouped(blocks: Sequence[ClassifiedBlock]) -> dict[str, list[ClassifiedBlock]]:
    """Return the blocks of each kind in order, by the kind's value."""
    by_kind: dict[str, list[ClassifiedBlock]] = {}
    last = None
    group: list[ClassifiedBlock] = []
    for block in blocks:
        kind = block.kind
        if kind is not last:  # a story's kinds come in runs: look a kind up where it changes
            group = by_kind.setdefault(kind._value_, [])
            last = kind
        group.append(block)
    return by_kind


def _byline(
    blocks: list[ClassifiedBlock],
    profile: CompiledProfile,
    lexicon: Lexicon,
    prefer: Sequence[str],
) -> tuple[Byline | None, _Dates]:
    for block in blocks[:1]:
        found = byline_found(block) or match_byline(block.text, profile, lexicon)
        if found is not None:
            result = read_byline(block.text, found, lexicon, profile.profile, prefer)
            return result.byline, _Dates(result.published, result.updated)
    return None, _Dates(None, None)


def _reporters(match: regex.Match[str]) -> str | None:
    """Return the reporters a dateline names (its ``authors`` group), or None."""
    if "authors" not in match.re.groupindex:
        return None
    return match.group("authors")


def _dateline(
    by_kind: dict[str, list[ClassifiedBlock]], profile: CompiledProfile
) -> tuple[Dateline | None, list[str], str | None]:
    """Return the dateline, the body and the reporters the dateline names.

    An inline dateline is split off the first paragraph.
    """
    blocks = by_kind.get(_BODY, [])
    body = [b.text for b in blocks]
    for block in by_kind.get(_DATELINE, ())[:1]:
        found = datelines_found(block)  # read by the classifier, or else read here
        standalone = profile.dateline(block.text, standalone=True) if found is None else found[1]
        if standalone is not None:
            match = standalone[1]
            return standalone_dateline(block.text, match), body, _reporters(match)
        return trusted(Dateline, location=block.text, raw=block.text), body, None
    if body:
        found = datelines_found(blocks[0])
        inline = profile.dateline(body[0], standalone=False) if found is None else found[0]
        if inline is not None:
            dateline, body[0] = split_dateline(body[0], inline[1])
            return dateline, body, _reporters(inline[1])
    return None, body, None


def _with_reporters(
    byline: Byline | None, reporters: str | None, profile: Profile, lexicon: Lexicon
) -> Byline | None:
    """Return *byline*, naming the reporters the dateline names when it names nobody.

    The reporters are read as a byline's authors are. With no byline line, the
    byline's ``raw`` is the dateline's text that names them; a byline line that
    names nobody (a date and source line) keeps its own ``raw``.
    """
    if not reporters or (byline is not None and byline.authors):
        return byline
    authors = split_authors(reporters, lexicon, profile)
    if not authors:
        return byline
    raw = reporters.strip() if byline is None else byline.raw
    return trusted(Byline, authors=authors, raw=raw)


def _more_dates(
    dates: _Dates,
    removed: list[ClassifiedBlock],
    dateline: Dateline | None,
    profile: CompiledProfile,
    context: tuple[Lexicon, Sequence[str]],
) -> _Dates:
    """Fill dates the byline did not give from date lines, then from a dateline with a year."""
    lexicon, prefer = context
    order, zones = profile.profile.date_order, profile.profile.zones
    for block in removed:
        if block.rule == DATE_LINE_RULE:
            found = date_line(block.text, order=order, lexicon=lexicon, prefer=prefer, zones=zones)
            if found is not None and found.published is not None:
                dates = dates.fill(found.published, "published")
            if found is not None and found.updated is not None:
                dates = dates.fill(found.updated, "updated")
    if dates.published is None and dateline is not None and dateline.date_text:
        value = read_date(
            dateline.date_text, order=order, lexicon=lexicon, prefer=prefer, zones=zones
        )
        if value is not None:
            dates = dates.fill(value, "published")
    return dates


def assemble(
    blocks: Sequence[ClassifiedBlock],
    profile: CompiledProfile,
    lexicon: Lexicon,
    *,
    agency: str | None,
    language: str | None,
) -> Article:
    """Build the :class:`Article` from *blocks*.

    *language* overrides detection; when the body gives no evidence of its
    language, a profile that publishes in one language only gives it. The
    byline and dateline lines are not read again where the classifier handed
    on what it read there (:func:`wireparse.blocks.byline_found`).
    """
    languages = profile.profile.languages
    fallback = languages[0] if len(languages) == 1 else None
    by_kind = _grouped(blocks)

    def joined(kind: str) -> str | None:
        found = by_kind.get(kind)
        return "\n".join([b.text for b in found]) if found else None

    dateline, body, reporters = _dateline(by_kind, profile)
    language = language or detect_language(body, lexicon) or fallback
    prefer = (*([language] if language else []), *languages)
    byline, dates = _byline(by_kind.get(_BYLINE, []), profile, lexicon, prefer)
    byline = _with_reporters(byline, reporters, profile.profile, lexicon)
    removed = by_kind.get(_REMOVED, [])
    dates = _more_dates(dates, removed, dateline, profile, (lexicon, prefer))
    headline = joined(_HEADLINE)
    standfirst = joined(_STANDFIRST)
    context = [text for text in (headline, standfirst) if text]
    return trusted(
        Article,
        headline=headline,
        standfirst=standfirst,
        section=joined(_SECTION),
        byline=byline,
        published=dates.published,
        updated=dates.updated,
        dateline=dateline,
        body=tuple(body),
        quotes=extract_quotes(body, context, lexicon, language),
        topics=tuple([b.text for b in by_kind.get(_TOPICS, ())]),
        agency=agency,
        language=language,
        removed=tuple(
            [
                trusted(Removal, text=b.text, line=b.lines[0], rule=b.rule, reason=b.reason)
                for b in removed
            ]
        ),
    )
