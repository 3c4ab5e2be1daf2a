"""Typed converters and validators shared by the models and the profiles.

``attrs.field(converter=tuple)`` does not type-check under ``mypy --strict``;
these named functions do, and they reject wrong element types early.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any


def to_str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """Return *values* as a tuple of str, refusing a bare str and non-str items.

    >>> to_str_tuple(["a", "b"])
    ('a', 'b')
    """
    if isinstance(values, str):
        msg = "expected a sequence of str, got a single str"
        raise TypeError(msg)
    out = tuple(values)
    for item in out:
        if not isinstance(item, str):
            msg = f"expected str items, got {type(item).__name__}"
            raise TypeError(msg)
    return out


def optional_str(value: str | None) -> str | None:
    """Return *value* unchanged if it is a str or None; raise TypeError otherwise."""
    if value is not None and not isinstance(value, str):
        msg = f"expected str or None, got {type(value).__name__}"
        raise TypeError(msg)
    return value


def date_to_iso(value: dt.date | None) -> str | None:
    """Return an ISO 8601 string for a date or datetime, or None.

    >>> date_to_iso(dt.date(2025, 5, 2))
    '2025-05-02'
    >>> date_to_iso(dt.datetime(2025, 5, 2, 14, 5))
    '2025-05-02T14:05:00'
    """
    if value is None:
        return None
    return value.isoformat()


def date_from_iso(value: Any) -> dt.date | None:  # noqa: ANN401 - JSON gives Any
    """Read what :func:`date_to_iso` wrote: a date for ``YYYY-MM-DD``, else a datetime.

    >>> date_from_iso("2025-05-02")
    datetime.date(2025, 5, 2)
    >>> date_from_iso("2025-05-02T14:05+03:00").utcoffset()
    datetime.timedelta(seconds=10800)
    """
    if value is None:
        return None
    if not isinstance(value, str):
        msg = f"expected an ISO 8601 string or None, got {type(value).__name__}"
        raise TypeError(msg)
    if "T" in value or " " in value:
        return dt.datetime.fromisoformat(value)
    return dt.date.fromisoformat(value)
