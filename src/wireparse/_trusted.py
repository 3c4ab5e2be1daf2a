"""Build the public models from values the pipeline made, without checking them again.

The models validate and convert every field when they are constructed: right
for values from outside (``Article.from_dict``, users, plugins), but the
pipeline builds some thirty of them per story (blocks, quotes, removals) from
values it made itself, with types mypy checks, and the checks cost about as
much as the rest of a short story's parse. :func:`trusted` sets the fields
directly, defaults first. ``tests/test_trusted.py`` checks that whatever
``explain`` returns equals the same values passed through the checking
constructors, so the shortcut can never hand out what they would refuse.
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

T = TypeVar("T")

_new = object.__new__
_set = object.__setattr__


_DEFAULTS: dict[type, dict[str, Any]] = {}


def _defaults(cls: type) -> dict[str, Any]:
    """Return the fields of attrs class *cls* that have a plain default, with it."""
    found = _DEFAULTS.get(cls)
    if found is None:
        found = _DEFAULTS[cls] = {
            field.name: field.default
            for field in attrs.fields(cls)
            if field.default is not attrs.NOTHING and not isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
        }
    return found


def trusted(cls: type[T], /, **values: Any) -> T:  # noqa: ANN401 - any field's type
    """Return an instance of the frozen attrs class *cls* with *values*, unchecked.

    Fields not given take their default. The caller guarantees what the
    constructor would check: types, converted forms (tuples, not lists), ranges.
    """
    made: T = _new(cls)
    for name, value in (_defaults(cls) | values).items():
        _set(made, name, value)
    return made
