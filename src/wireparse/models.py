"""The values wireparse returns: :class:`Article` and the parts it is made of.

All of them are frozen, slotted, keyword-only attrs classes. They compare by
value, hash, pickle, and turn into plain JSON types with ``to_dict()``;
``Article.from_dict`` reads that back exactly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from attrs import field, frozen, validators

from wireparse._convert import date_from_iso, date_to_iso, optional_str, to_str_tuple

__all__ = ["Article", "Byline", "Dateline", "ParseFailure", "Quote", "Removal"]

_opt_str = validators.optional(validators.instance_of(str))
_opt_date = validators.optional(validators.instance_of(dt.date))
_count = validators.and_(validators.instance_of(int), validators.ge(0))


def _get(data: Mapping[str, Any], key: str, owner: str) -> Any:  # noqa: ANN401 - JSON is Any
    try:
        return data[key]
    except KeyError:
        msg = f"{owner}.from_dict: missing key {key!r}"
        raise ValueError(msg) from None


@frozen(kw_only=True)
class Removal:
    """A line that is not part of the story, and why it was dropped.

    Attributes:
        text: the line as it stood after normalisation.
        line: its 1-based line number in the normalised input.
        rule: the stable id of the rule that dropped it (``"aa.subscription"``,
            ``"phrases.tr.share"``).
        reason: the kind of noise in a word or two (``"share button"``).

    """

    text: str = field(validator=validators.instance_of(str))
    line: int = field(validator=validators.and_(validators.instance_of(int), validators.ge(1)))
    rule: str = field(validator=validators.instance_of(str))
    reason: str = field(validator=validators.instance_of(str))

    def to_dict(self) -> dict[str, Any]:
        """Return the removal as plain JSON types."""
        return {"text": self.text, "line": self.line, "rule": self.rule, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Removal:
        """Build a removal from what :meth:`to_dict` returned."""
        return cls(
            text=_get(data, "text", "Removal"),
            line=_get(data, "line", "Removal"),
            rule=_get(data, "rule", "Removal"),
            reason=_get(data, "reason", "Removal"),
        )


@frozen(kw_only=True)
class Byline:
    """Who wrote the story.

    Attributes:
        authors: the people named, as written, without "By" and without the
            agency (an agency is not a person). When no byline line names
            anyone, the reporters the dateline names (a profile's dateline
            ``authors`` group: Xinhua, TASS, Yonhap).
        raw: the exact text the byline was read from, dates included: the
            byline line, or with no byline line, the dateline's text naming
            the reporters.

    """

    authors: tuple[str, ...] = field(converter=to_str_tuple)
    raw: str = field(validator=validators.instance_of(str))

    def to_dict(self) -> dict[str, Any]:
        """Return the byline as plain JSON types."""
        return {"authors": list(self.authors), "raw": self.raw}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Byline:
        """Build a byline from what :meth:`to_dict` returned."""
        return cls(authors=_get(data, "authors", "Byline"), raw=_get(data, "raw", "Byline"))


@frozen(kw_only=True)
class Dateline:
    """Where (and sometimes when) the story was filed, and by which agency.

    ``ISTANBUL``, ``WASHINGTON, May 2 (Reuters) -``, ``МОСКВА, 22 января. /ТАСС/.``

    Attributes:
        location: the place as written (``"LA CROSSE, Wis."``), or None.
        agency: the agency tag as written (``"Reuters"``, ``"tca/dpa"``), or None.
        date_text: the date as written (``"May 2"``), or None; it rarely has a
            year, so it is kept as text and never guessed into a date.
        raw: the exact text of the dateline, separators included.

    """

    location: str | None = field(converter=optional_str, validator=_opt_str)
    agency: str | None = field(default=None, converter=optional_str, validator=_opt_str)
    date_text: str | None = field(default=None, converter=optional_str, validator=_opt_str)
    raw: str = field(validator=validators.instance_of(str))

    def to_dict(self) -> dict[str, Any]:
        """Return the dateline as plain JSON types."""
        return {
            "location": self.location,
            "agency": self.agency,
            "date_text": self.date_text,
            "raw": self.raw,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Dateline:
        """Build a dateline from what :meth:`to_dict` returned."""
        return cls(
            location=_get(data, "location", "Dateline"),
            agency=_get(data, "agency", "Dateline"),
            date_text=_get(data, "date_text", "Dateline"),
            raw=_get(data, "raw", "Dateline"),
        )


@frozen(kw_only=True)
class Quote:
    """A direct quotation in the body and who said it.

    Attributes:
        text: the quoted words, without the quote marks;
            ``article.body[paragraph][start:end] == text``.
        speaker: the speaker resolved to the fullest name the story gives
            ("Kabulov" becomes "Zamir Kabulov", "he" the person last quoted),
            or None when the story does not say.
        speaker_raw: the speaker as written at the attribution ("he"), or None.
        verb: the speech verb or frame (``"said"``, ``"told reporters"``), or None.
        paragraph: index of the body paragraph where the quote starts.
        start: start of ``text`` in that paragraph.
        end: end of ``text`` in that paragraph (exclusive).
        partial: True for a fragment quoted inside the reporter's own sentence.

    """

    text: str = field(validator=validators.instance_of(str))
    speaker: str | None = field(default=None, converter=optional_str, validator=_opt_str)
    speaker_raw: str | None = field(default=None, converter=optional_str, validator=_opt_str)
    verb: str | None = field(default=None, converter=optional_str, validator=_opt_str)
    paragraph: int = field(validator=_count)
    start: int = field(validator=_count)
    end: int = field(validator=_count)
    partial: bool = field(default=False, validator=validators.instance_of(bool))

    @end.validator
    def _check_end(self, _attribute: object, value: int) -> None:
        if value < self.start:
            msg = f"Quote.end ({value}) is before Quote.start ({self.start})"
            raise ValueError(msg)

    def to_dict(self) -> dict[str, Any]:
        """Return the quote as plain JSON types."""
        return {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_raw": self.speaker_raw,
            "verb": self.verb,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "partial": self.partial,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """Build a quote from what :meth:`to_dict` returned."""
        return cls(**{key: _get(data, key, "Quote") for key in _QUOTE_KEYS})


_QUOTE_KEYS = ("text", "speaker", "speaker_raw", "verb", "paragraph", "start", "end", "partial")


def _quotes(values: Any) -> tuple[Quote, ...]:  # noqa: ANN401 - validated item by item
    out = tuple(values)
    for item in out:
        if not isinstance(item, Quote):
            msg = f"Article.quotes holds Quote values, got {type(item).__name__}"
            raise TypeError(msg)
    return out


def _removals(values: Any) -> tuple[Removal, ...]:  # noqa: ANN401 - validated item by item
    out = tuple(values)
    for item in out:
        if not isinstance(item, Removal):
            msg = f"Article.removed holds Removal values, got {type(item).__name__}"
            raise TypeError(msg)
    return out


@frozen(kw_only=True)
class Article:
    """One parsed wire story.

    Every non-blank line of the input is in exactly one place: one of the text
    fields below, or :attr:`removed`.

    Attributes:
        headline: the headline, or None.
        standfirst: the summary under the headline (lead, deck), or None.
        section: the section label above the headline ("World"), or None.
        byline: who wrote it, or None.
        published: the publication date (a ``date``, or a ``datetime`` when the
            text gives a time), or None. Only read from a date shown with its year.
        updated: the date of the last update, or None.
        dateline: where it was filed, or None.
        body: the story's paragraphs, in order, the dateline split off the first.
        quotes: the direct quotations in the body, in order.
        topics: related-topic tags listed after the story.
        agency: the name of the profile used (``"aa"``), or None when no agency
            could be told.
        language: ISO 639-1 code of the body's language, or None.
        removed: every line dropped, with its line number and the rule that dropped it.

    """

    headline: str | None = field(default=None, converter=optional_str, validator=_opt_str)
    standfirst: str | None = field(default=None, converter=optional_str, validator=_opt_str)
    section: str | None = field(default=None, converter=optional_str, validator=_opt_str)
    byline: Byline | None = field(
        default=None, validator=validators.optional(validators.instance_of(Byline))
    )
    published: dt.date | None = field(default=None, validator=_opt_date)
    updated: dt.date | None = field(default=None, validator=_opt_date)
    dateline: Dateline | None = field(
        default=None, validator=validators.optional(validators.instance_of(Dateline))
    )
    body: tuple[str, ...] = field(default=(), converter=to_str_tuple)
    quotes: tuple[Quote, ...] = field(default=(), converter=_quotes)
    topics: tuple[str, ...] = field(default=(), converter=to_str_tuple)
    agency: str | None = field(default=None, converter=optional_str, validator=_opt_str)
    language: str | None = field(default=None, converter=optional_str, validator=_opt_str)
    removed: tuple[Removal, ...] = field(default=(), converter=_removals)

    def to_dict(self) -> dict[str, Any]:
        """Return the article as plain JSON types (the command line's JSON shape).

        Dates are ISO 8601 strings, nested values are objects, tuples are lists.
        """
        return {
            "agency": self.agency,
            "language": self.language,
            "section": self.section,
            "headline": self.headline,
            "standfirst": self.standfirst,
            "byline": None if self.byline is None else self.byline.to_dict(),
            "published": date_to_iso(self.published),
            "updated": date_to_iso(self.updated),
            "dateline": None if self.dateline is None else self.dateline.to_dict(),
            "body": list(self.body),
            "quotes": [quote.to_dict() for quote in self.quotes],
            "topics": list(self.topics),
            "removed": [removal.to_dict() for removal in self.removed],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Build an article from what :meth:`to_dict` returned.

        ``Article.from_dict(a.to_dict()) == a`` for every article.

        Raises:
            ValueError: a key is missing.
            TypeError: a value has the wrong type.

        """
        byline = _get(data, "byline", "Article")
        dateline = _get(data, "dateline", "Article")
        return cls(
            agency=_get(data, "agency", "Article"),
            language=_get(data, "language", "Article"),
            section=_get(data, "section", "Article"),
            headline=_get(data, "headline", "Article"),
            standfirst=_get(data, "standfirst", "Article"),
            byline=None if byline is None else Byline.from_dict(byline),
            published=date_from_iso(_get(data, "published", "Article")),
            updated=date_from_iso(_get(data, "updated", "Article")),
            dateline=None if dateline is None else Dateline.from_dict(dateline),
            body=_get(data, "body", "Article"),
            quotes=[Quote.from_dict(q) for q in _get(data, "quotes", "Article")],
            topics=_get(data, "topics", "Article"),
            removed=[Removal.from_dict(r) for r in _get(data, "removed", "Article")],
        )


@frozen(kw_only=True)
class ParseFailure:
    """What :func:`wireparse.parse_many` yields in place of an article it could not make.

    Attributes:
        index: the position of the input in the batch.
        error: the exception's type name (``"InputTypeError"``).
        message: the exception's message.

    """

    index: int = field(validator=_count)
    error: str = field(validator=validators.instance_of(str))
    message: str = field(validator=validators.instance_of(str))

    def to_dict(self) -> dict[str, Any]:
        """Return the failure as plain JSON types."""
        return {"index": self.index, "error": self.error, "message": self.message}
