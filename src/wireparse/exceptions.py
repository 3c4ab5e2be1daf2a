"""The exceptions wireparse raises.

Every error is a :class:`WireparseError` and also an instance of the builtin
exception it most resembles, so ``except TypeError`` and ``except LookupError``
work as a reader would expect::

    WireparseError(Exception)
    ├── InputTypeError(TypeError)        parse/explain/clean got something that is not a str
    ├── ProfileError
    │   ├── UnknownProfileError(LookupError)   no profile of that name
    │   └── InvalidProfileError(ValueError)    a profile's data is wrong: file, key, rule named
    ├── UnknownLanguageError(LookupError)      no phrase table for that language code
    └── CorpusError(ValueError)                a labelled corpus file cannot be read

    ProfileConflictWarning(UserWarning)        a plugin profile was skipped (broken, or
                                               a built-in's name without overrides = true)

``parse``, ``explain`` and ``clean`` never raise on a ``str``: the errors above
are for wrong types and wrong configuration, never for odd text.
"""

from __future__ import annotations

from collections.abc import Sequence


class WireparseError(Exception):
    """Base class of every error wireparse raises."""


class InputTypeError(WireparseError, TypeError):
    """An argument has the wrong type: the text to parse is not a ``str``, say.

    The message says what was given and what to pass instead (for bytes: how
    to decode them).
    """

    def __init__(self, value: object, *, argument: str = "text", expected: str = "str") -> None:
        kind = type(value).__name__
        if expected != "str":
            hint = f"pass {expected}"
        elif isinstance(value, bytes | bytearray | memoryview):
            hint = (
                f"decode it first, e.g. {argument}.decode('utf-8') "
                "(or the encoding the source declares)"
            )
        elif value is None:
            hint = "pass the story's text; use '' for an empty story"
        else:
            hint = f"pass the story's text as str, e.g. str({argument}) if it is text-like"
        super().__init__(f"{argument} must be {expected}, not {kind}: {hint}")
        self.value_type = kind


class ProfileError(WireparseError):
    """Base class of errors about agency profiles."""


class UnknownProfileError(ProfileError, LookupError):
    """No profile has the given name (or alias).

    Attributes:
        name: the name asked for.
        available: the names of the profiles that exist.

    """

    def __init__(self, name: str, available: Sequence[str]) -> None:
        self.name = name
        self.available = tuple(sorted(available))
        super().__init__(
            f"no agency profile named {name!r}; known profiles: {', '.join(self.available)}"
        )

    def __str__(self) -> str:
        """Return the message without the quotes LookupError would add."""
        return str(self.args[0])


class InvalidProfileError(ProfileError, ValueError):
    """A profile's data is invalid.

    Attributes:
        message: what is wrong, without the place.
        source: the file (or ``"<python>"``) the profile came from.
        key: the key that is wrong, dotted (``rules.pattern``), or ``None``.
        rule_id: the id of the rule that is wrong, or ``None``.

    """

    def __init__(
        self,
        message: str,
        *,
        source: str,
        key: str | None = None,
        rule_id: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.key = key
        self.rule_id = rule_id
        where = source
        if key is not None:
            where += f", key {key!r}"
        if rule_id is not None:
            where += f", rule {rule_id!r}"
        super().__init__(f"{where}: {message}")


class UnknownLanguageError(WireparseError, LookupError):
    """No phrase table exists for the given language code."""

    def __init__(self, code: str, available: Sequence[str]) -> None:
        self.code = code
        self.available = tuple(sorted(available))
        super().__init__(
            f"no phrase table for language {code!r}; known languages: {', '.join(self.available)}"
        )

    def __str__(self) -> str:
        """Return the message without the quotes LookupError would add."""
        return str(self.args[0])


class CorpusError(WireparseError, ValueError):
    """A labelled corpus (story ``.txt`` + label ``.json``) cannot be read."""


class ProfileConflictWarning(UserWarning):
    """A plugin's profile was skipped.

    It could not be loaded, or it has a built-in profile's name without
    ``overrides = true``.
    """
