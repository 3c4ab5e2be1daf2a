r"""Agency profiles: what differs between news agencies, as data.

A :class:`Profile` says how one agency writes its copy: the forms of its
datelines and bylines, its day/month order, the boilerplate, credit,
sign-off and copyright lines it adds, and the signatures that tell its copy
apart. Built-in profiles are TOML files under ``wireparse/data/profiles/``;
users build their own in Python (or ``attrs.evolve`` a built-in one) or in
TOML (:meth:`Profile.from_toml`, with ``extends = "generic"``).

Patterns are ``regex`` module patterns. They may use the phrase tables' lists
as named lists: ``\L<update_label>``, ``\L<published_label>``,
``\L<byline_prefixes>``, ``\L<conjunctions>``, ``\L<month>``. Everything is
validated when the profile is made: a bad key, type or pattern raises
:class:`~wireparse.exceptions.InvalidProfileError` naming the file, key and rule.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
import warnings
from collections.abc import Callable, Iterable, Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Final

import attrs
import regex
from attrs import field, frozen, validators

from wireparse._convert import to_str_tuple
from wireparse._phrases import compile_lists, lexicon
from wireparse._resources import data_names, read_data
from wireparse._safety import can_run_away
from wireparse.exceptions import (
    InvalidProfileError,
    ProfileConflictWarning,
    UnknownProfileError,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "BylineForm",
    "DatelineForm",
    "Profile",
    "Rule",
    "Signature",
    "available_profiles",
    "builtin_profiles",
    "get_profile",
    "reload_plugins",
]

RULE_KINDS: Final[Mapping[str, str]] = {
    "boilerplate": "agency boilerplate",
    "credit": "credit line",
    "signoff": "sign-off",
    "copyright": "copyright notice",
    "promo": "promotion",
    "caption": "photo caption",
    "trailer": "wire trailer",
    "separator": "separator line",
    "slug": "slug line",
    "note": "editors' note",
}
RULE_PLACES: Final = ("head", "tail", "anywhere")
DATE_ORDERS: Final = ("dmy", "mdy", "ymd")
_ID = regex.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)+")
_NAME = regex.compile(r"[a-z][a-z0-9_-]*")
_FLAGS: Final = regex.VERSION0


_LIST_REF = regex.compile(r"\\L<(\w++)>")


@functools.lru_cache(maxsize=2048)
def compile_pattern(pattern: str, *, multiline: bool = False) -> regex.Pattern[str]:
    r"""Compile a profile pattern, giving it the phrase lists it names as ``\L<name>``.

    *multiline* makes ``^`` and ``$`` match at every line of a text (signatures
    are searched in the head and tail of a story at once).

    Raises:
        KeyError: the pattern names a list no phrase table has.
        regex.error: the pattern does not compile.

    """
    lists = lexicon().named_lists()
    wanted = set(_LIST_REF.findall(pattern))
    missing = sorted(wanted - set(lists))
    if missing:
        msg = f"no phrase list named {missing[0]!r}; known lists: {', '.join(sorted(lists))}"
        raise KeyError(msg)
    flags = _FLAGS | (regex.MULTILINE if multiline else 0)
    return compile_lists(pattern, {name: lists[name] for name in wanted}, flags)


_loading_shipped: ContextVar[bool] = ContextVar("wireparse_loading_shipped", default=False)


def _check_pattern(
    pattern: str, *, rule_id: str, key: str, groups: frozenset[str] | None = None
) -> None:
    """Compile *pattern* once to check it; raise InvalidProfileError naming *key* and *rule_id*.

    The shipped profiles are compiled when first used instead (their patterns
    are checked by the test suite), so importing and loading them stays cheap.
    """
    if _loading_shipped.get():
        return
    try:
        compiled = compile_pattern(pattern)
    except (regex.error, TypeError, KeyError) as exc:
        msg = f"pattern does not compile: {exc}"
        raise InvalidProfileError(msg, source="<python>", key=key, rule_id=rule_id) from None
    if can_run_away(pattern):
        msg = (
            "pattern can backtrack without end: a repeated group holds a repeat that can "
            "give characters back; make the inner repeat possessive (++, *+) or the group "
            "atomic (?>...)"
        )
        raise InvalidProfileError(msg, source="<python>", key=key, rule_id=rule_id)
    if groups is not None:
        extra = set(compiled.groupindex) - groups
        if extra:
            msg = (
                f"pattern uses named groups {sorted(extra)}; "
                f"allowed here: {sorted(groups) or 'none'}"
            )
            raise InvalidProfileError(msg, source="<python>", key=key, rule_id=rule_id)


def _valid_id(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not (isinstance(value, str) and _ID.fullmatch(value)):
        msg = f"{attribute.name} must be a dotted id such as 'reuters.credit', got {value!r}"
        raise InvalidProfileError(msg, source="<python>", key="id", rule_id=str(value))


@frozen(kw_only=True)
class Rule:
    """A line the agency adds that is not part of the story.

    Attributes:
        id: stable dotted id reported in ``Article.removed`` (``"reuters.credit"``).
        kind: one of ``boilerplate``, ``credit``, ``signoff``, ``copyright``,
            ``promo``, ``caption``, ``trailer``, ``separator``.
        where: ``head``, ``tail`` or ``anywhere``: where in the story the line counts.
        pattern: a ``regex`` pattern searched in the line (anchor it with ``^``/``$``).

    """

    id: str = field(validator=_valid_id)
    kind: str = field(validator=validators.in_(tuple(RULE_KINDS)))
    where: str = field(default="anywhere", validator=validators.in_(RULE_PLACES))
    pattern: str = field(validator=validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        """Check that the pattern compiles and has no named groups."""
        _check_pattern(self.pattern, rule_id=self.id, key="rules.pattern", groups=frozenset())

    @property
    def reason(self) -> str:
        """The reason reported in ``Article.removed``."""
        return RULE_KINDS[self.kind]


@frozen(kw_only=True)
class DatelineForm:
    """One form of the agency's dateline.

    Attributes:
        id: stable dotted id (``"reuters.dateline"``).
        pattern: matched at the start of the first body paragraph; named groups
            ``place``, ``date``, ``agency`` and ``authors`` (all optional): the
            reporters some agencies name inside the dateline (Xinhua's
            ``记者`` in brackets, TASS's ``/Корр. ТАСС …/``, Yonhap's ``… 기자 =``) are the
            story's authors when it has no byline. The body starts where the
            match ends.
        standalone: the dateline stands alone on its own line (``ISTANBUL``);
            the pattern must then match the whole line.

    """

    id: str = field(validator=_valid_id)
    pattern: str = field(validator=validators.instance_of(str))
    standalone: bool = field(default=False, validator=validators.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        """Check that the pattern compiles and uses only the known groups."""
        _check_pattern(
            self.pattern,
            rule_id=self.id,
            key="datelines.pattern",
            groups=frozenset({"place", "date", "agency", "authors"}),
        )


@frozen(kw_only=True)
class BylineForm:
    """One form of the agency's byline line.

    Attributes:
        id: stable dotted id (``"aa.byline"``).
        pattern: matched against a whole line near the top; named groups
            ``authors`` (required), ``published``, ``updated`` (optional).

    """

    id: str = field(validator=_valid_id)
    pattern: str = field(validator=validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        """Check that the pattern compiles and uses only the known groups."""
        _check_pattern(
            self.pattern,
            rule_id=self.id,
            key="bylines.pattern",
            groups=frozenset({"authors", "published", "updated"}),
        )


@frozen(kw_only=True)
class Signature:
    """Evidence that a story comes from the agency, for detection.

    Attributes:
        id: stable dotted id (``"aa.subscription"``).
        pattern: searched in each line of the story's head and tail.
        weight: how much a hit counts; a profile wins with a total of 3 or more.
        hint: literal strings (case-sensitive), one of which every match of
            *pattern* contains. Detection tries the pattern only when one of
            them occurs in the head or tail, so most signatures of most
            profiles cost nothing; a hint that a match can lack makes the
            signature miss. Empty (the default): the pattern is always tried.

    """

    id: str = field(validator=_valid_id)
    pattern: str = field(validator=validators.instance_of(str))
    weight: int = field(default=3, validator=[validators.instance_of(int), validators.ge(1)])
    hint: tuple[str, ...] = field(default=(), converter=to_str_tuple)

    def __attrs_post_init__(self) -> None:
        """Check that the pattern compiles and that no hint is empty."""
        _check_pattern(self.pattern, rule_id=self.id, key="signatures.pattern", groups=None)
        if not all(self.hint):
            # "" occurs in every text: a filter that lets everything through is a mistake
            msg = "a hint must not be empty"
            raise InvalidProfileError(
                msg, source="<python>", key="signatures.hint", rule_id=self.id
            )


_opt_day = validators.optional(validators.instance_of(dt.date))


def _items(values: Iterable[Any], kind: type[Any]) -> tuple[Any, ...]:
    out = tuple(values)
    for item in out:
        if not isinstance(item, kind):
            msg = f"expected {kind.__name__} items, got {type(item).__name__}"
            raise TypeError(msg)
    return out


def _dateline_forms(values: Iterable[DatelineForm]) -> tuple[DatelineForm, ...]:
    return _items(values, DatelineForm)


def _byline_forms(values: Iterable[BylineForm]) -> tuple[BylineForm, ...]:
    return _items(values, BylineForm)


def _rules(values: Iterable[Rule]) -> tuple[Rule, ...]:
    return _items(values, Rule)


def _signatures(values: Iterable[Signature]) -> tuple[Signature, ...]:
    return _items(values, Signature)


_ZONE_NAME: Final = regex.compile(r"[A-Za-z]{2,5}")
_MOST_MINUTES: Final = 14 * 60


def _zones(value: Mapping[str, int] | Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """Check a profile's zone table (abbreviation -> minutes east of UTC); sort it."""
    pairs = tuple(value.items()) if isinstance(value, Mapping) else tuple(value)
    for pair in pairs:
        name, minutes = pair
        if not (isinstance(name, str) and _ZONE_NAME.fullmatch(name)):
            msg = f"{name!r} is no zone abbreviation (two to five letters, such as 'IST')"
            raise InvalidProfileError(msg, source="<python>", key="zones")
        if type(minutes) is not int or abs(minutes) > _MOST_MINUTES:
            msg = f"{name}: minutes east of UTC must be a whole number within ±840"
            raise InvalidProfileError(msg, source="<python>", key=f"zones.{name}")
    return tuple(sorted(pairs))


@frozen(kw_only=True, cache_hash=True)
class Profile:
    """How one news agency writes its copy.

    Attributes:
        name: short code, also ``Article.agency`` (``"aa"``, ``"reuters"``).
        display_name: the agency's name for people ("Anadolu Agency").
        aliases: other names and tags of the agency (``"AA"``, ``"Anadolu"``);
            never taken for an author.
        languages: ISO 639-1 codes the agency publishes in.
        date_order: ``"dmy"``, ``"mdy"`` or ``"ymd"``: how to read 05.04.2025.
        sections: the section labels its pages show above the headline.
        zones: the zone abbreviations its pages print after a time, with their
            offsets in minutes east of UTC, where the shipped table has none
            because the abbreviation is ambiguous (``{"IST": 330}`` for India).
        datelines, bylines, rules, signatures: see the classes of those names.
        extends: the name of the profile this one was merged onto, if any.
        valid_from, valid_until: the first and last day the agency wrote this
            way (a change of house style); detection skips a profile whose
            window excludes the story's date. None: open-ended.
        overrides: a plugin's profile with a built-in's name replaces it only
            when this is True.
        source: where the profile came from: ``"built-in"``, a file path,
            ``"<python>"``, ``"plugin:<module:object>"``.

    """

    name: str = field(validator=validators.matches_re(_NAME.pattern))
    display_name: str = field(default="", validator=validators.instance_of(str))
    aliases: tuple[str, ...] = field(default=(), converter=to_str_tuple)
    languages: tuple[str, ...] = field(default=(), converter=to_str_tuple)
    date_order: str = field(default="dmy", validator=validators.in_(DATE_ORDERS))
    sections: tuple[str, ...] = field(default=(), converter=to_str_tuple)
    zones: tuple[tuple[str, int], ...] = field(default=(), converter=_zones)
    datelines: tuple[DatelineForm, ...] = field(default=(), converter=_dateline_forms)
    bylines: tuple[BylineForm, ...] = field(default=(), converter=_byline_forms)
    rules: tuple[Rule, ...] = field(default=(), converter=_rules)
    signatures: tuple[Signature, ...] = field(default=(), converter=_signatures)
    extends: str | None = field(default=None)
    valid_from: dt.date | None = field(default=None, validator=_opt_day)
    valid_until: dt.date | None = field(default=None, validator=_opt_day)
    overrides: bool = field(default=False, validator=validators.instance_of(bool))
    source: str = field(default="<python>", eq=False)

    def __attrs_post_init__(self) -> None:
        """Check that the validity window is not empty."""
        if self.valid_from and self.valid_until and self.valid_from > self.valid_until:
            msg = f"valid_from ({self.valid_from}) is after valid_until ({self.valid_until})"
            raise InvalidProfileError(msg, source=self.source, key="valid_from")

    def covers(self, day: dt.date) -> bool:
        """Return True when the profile's house style was in use on *day*."""
        if isinstance(day, dt.datetime):
            day = day.date()
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_until is None or day <= self.valid_until

    @classmethod
    def from_toml(cls, path: str | Path) -> Profile:
        """Read a profile from a TOML file (``extends = "generic"`` to start from a built-in).

        Raises:
            InvalidProfileError: the file cannot be read, or a key, value or
                pattern in it is wrong; the message names the file, key and rule.
            UnknownProfileError: ``extends`` names no known profile.

        """
        source = str(path)
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            msg = f"cannot read the file: {exc.strerror or exc}"
            raise InvalidProfileError(msg, source=source) from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            msg = f"not valid TOML: {exc}"
            raise InvalidProfileError(msg, source=source) from None
        return profile_from_mapping(data, source=source)

    def is_alias(self, text: str) -> bool:
        """Return True when *text* names this agency (its name, display name or an alias)."""
        key = text.strip().casefold()
        return key in {n.casefold() for n in (self.name, self.display_name, *self.aliases) if n}


_TOP_KEYS: Final[Mapping[str, type[Any]]] = {
    "name": str,
    "display_name": str,
    "extends": str,
    "aliases": list,
    "languages": list,
    "date_order": str,
    "sections": list,
    "zones": dict,
    "datelines": list,
    "bylines": list,
    "rules": list,
    "signatures": list,
    "valid_from": dt.date,
    "valid_until": dt.date,
    "overrides": bool,
}
_TABLE_KEYS: Final[Mapping[str, tuple[type[Any], dict[str, type[Any]]]]] = {
    "datelines": (DatelineForm, {"id": str, "pattern": str, "standalone": bool}),
    "bylines": (BylineForm, {"id": str, "pattern": str}),
    "rules": (Rule, {"id": str, "kind": str, "where": str, "pattern": str}),
    "signatures": (Signature, {"id": str, "pattern": str, "weight": int, "hint": list}),
}


def _build_item(cls: type[Any], item: Any, key: str, source: str) -> Any:  # noqa: ANN401
    expected = _TABLE_KEYS[key][1]
    if not isinstance(item, dict):
        msg = "each entry must be a table ([[" + key + "]])"
        raise InvalidProfileError(msg, source=source, key=key)
    rule_id = item.get("id") if isinstance(item.get("id"), str) else None
    for sub, value in item.items():
        if sub not in expected:
            msg = f"unknown key; allowed: {', '.join(expected)}"
            raise InvalidProfileError(msg, source=source, key=f"{key}.{sub}", rule_id=rule_id)
        if not isinstance(value, expected[sub]):
            msg = f"must be {expected[sub].__name__}, not {type(value).__name__}"
            raise InvalidProfileError(msg, source=source, key=f"{key}.{sub}", rule_id=rule_id)
    try:
        return cls(**item)
    except InvalidProfileError as exc:
        raise InvalidProfileError(
            exc.message, source=source, key=exc.key, rule_id=exc.rule_id
        ) from None
    except (TypeError, ValueError) as exc:
        raise InvalidProfileError(str(exc), source=source, key=key, rule_id=rule_id) from None


def _check_top_level(data: Mapping[str, Any], source: str) -> None:
    for key, value in data.items():
        if key not in _TOP_KEYS:
            msg = f"unknown key; allowed keys are {', '.join(sorted(_TOP_KEYS))}"
            raise InvalidProfileError(msg, source=source, key=key)
        if not isinstance(value, _TOP_KEYS[key]):
            msg = f"must be {_TOP_KEYS[key].__name__}, not {type(value).__name__}"
            raise InvalidProfileError(msg, source=source, key=key)
        if key in ("aliases", "languages", "sections") and not all(
            isinstance(v, str) for v in value
        ):
            msg = "must be a list of strings"
            raise InvalidProfileError(msg, source=source, key=key)
    if "name" not in data:
        msg = "every profile needs a name"
        raise InvalidProfileError(msg, source=source, key="name")


def profile_from_mapping(
    data: Mapping[str, Any],
    *,
    source: str,
    resolve: Callable[[str], Profile] | None = None,
) -> Profile:
    """Validate a profile table against the closed schema, merge ``extends``, and build it.

    Lists of forms, rules and signatures append to the parent's (an entry with
    the same id replaces the parent's); other keys replace the parent's.
    *resolve* finds the parent by name (default: :func:`get_profile`).
    """
    _check_top_level(data, source)
    values: dict[str, Any] = {}
    parent = data.get("extends")
    if parent is not None:
        base = (resolve or get_profile)(parent)
        values = {a.name: getattr(base, a.name) for a in attrs.fields(Profile)}
        values["extends"] = parent
    for key, value in data.items():
        if key in _TABLE_KEYS:
            cls = _TABLE_KEYS[key][0]
            items = [_build_item(cls, item, key, source) for item in value]
            ours = {item.id for item in items}
            inherited = [item for item in values.get(key, ()) if item.id not in ours]
            values[key] = (*inherited, *items)
        else:
            values[key] = value
    values["source"] = source
    try:
        return Profile(**values)
    except InvalidProfileError as exc:
        if exc.source == source:
            raise
        raise InvalidProfileError(
            exc.message, source=source, key=exc.key, rule_id=exc.rule_id
        ) from None
    except (TypeError, ValueError) as exc:
        bad = str(exc).split("'")[1] if "'" in str(exc) else None
        raise InvalidProfileError(str(exc), source=source, key=bad) from None


@functools.cache
def _builtins() -> Mapping[str, Profile]:
    """Load every built-in profile once; a file's stem is its profile's name."""
    stems = data_names("profiles")
    profiles: dict[str, Profile] = {}

    loading: list[str] = []

    def load(stem: str) -> Profile:
        if stem not in profiles:
            if stem not in stems:
                raise UnknownProfileError(stem, stems)
            data, source = read_data("profiles", stem)
            if stem in loading:
                msg = f"'extends' goes round in a circle: {' -> '.join((*loading, stem))}"
                raise InvalidProfileError(msg, source=source, key="extends")
            loading.append(stem)
            try:
                profile = profile_from_mapping(data, source=source, resolve=load)
            finally:
                loading.pop()
            profiles[stem] = attrs.evolve(profile, source="built-in")
        return profiles[stem]

    token = _loading_shipped.set(True)
    try:
        for stem in stems:
            load(stem)
    finally:
        _loading_shipped.reset(token)
    return profiles


@functools.cache  # one tuple for every call: detection knows it again by identity
def builtin_profiles() -> tuple[Profile, ...]:
    """Return every built-in profile, sorted by name."""
    return tuple(profile for _name, profile in sorted(_builtins().items()))


#: The entry-point group a package declares its profiles in.
ENTRY_POINT_GROUP: Final = "wireparse.profiles"


def _plugin_profiles(value: Any, where: str) -> tuple[Profile, ...]:  # noqa: ANN401 - user code
    """Turn what an entry point gives (a Profile, several, or a callable) into profiles."""
    if callable(value) and not isinstance(value, Profile):
        value = value()
    items = (value,) if isinstance(value, Profile) else tuple(value)
    for item in items:
        if not isinstance(item, Profile):
            msg = f"gave a {type(item).__name__}, not a wireparse.Profile"
            raise TypeError(msg)
    return tuple(attrs.evolve(item, source=f"plugin:{where}") for item in items)


_scanning: list[bool] = []  # set while plugins load: they may only extend built-in profiles


@functools.cache
def _registry() -> Mapping[str, Profile]:
    """Return the built-in profiles and those installed packages declare, by name."""
    _scanning.append(True)
    try:
        return _scan_plugins(dict(_builtins()))
    finally:
        _scanning.pop()


def _scan_plugins(profiles: dict[str, Profile]) -> Mapping[str, Profile]:
    # imported here: reading installed packages' metadata is only needed once, on first use
    import importlib.metadata  # noqa: PLC0415

    for entry in sorted(
        importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name
    ):
        try:
            found = _plugin_profiles(entry.load(), entry.value)
        except Exception as exc:  # noqa: BLE001 - one broken plugin must not break parsing
            warnings.warn(
                f"wireparse: skipped profile plugin {entry.name!r} ({entry.value}): {exc}",
                ProfileConflictWarning,
                stacklevel=2,
            )
            continue
        for profile in found:
            if profile.name in _builtins() and not profile.overrides:
                warnings.warn(
                    f"wireparse: plugin {entry.value} has a profile named {profile.name!r} like "
                    "a built-in one; it is skipped unless it sets overrides=True",
                    ProfileConflictWarning,
                    stacklevel=2,
                )
                continue
            profiles[profile.name] = profile
    return profiles


def available_profiles() -> tuple[Profile, ...]:
    """Return the built-in profiles and those of installed plugins, sorted by name.

    A package adds profiles by declaring an entry point in the group
    ``wireparse.profiles`` whose object is a :class:`Profile`, an iterable of
    them, or a callable returning either. They take part in detection.
    """
    return _available()


@functools.cache  # one tuple for every call until the plugins are scanned again
def _available() -> tuple[Profile, ...]:
    return tuple(profile for _name, profile in sorted(_registry().items()))


def reload_plugins() -> None:
    """Scan the installed packages for profile plugins again (after installing one)."""
    _registry.cache_clear()
    _available.cache_clear()


def get_profile(name: str) -> Profile:
    """Return the profile called *name* (or with *name* among its aliases).

    Built-in profiles and plugins' profiles are searched.

    Raises:
        UnknownProfileError: no profile has that name; the message lists the known ones.

    """
    profiles = _builtins() if _scanning else _registry()
    if name in profiles:
        return profiles[name]
    for profile in profiles.values():
        if profile.is_alias(name):
            return profile
    raise UnknownProfileError(name, list(profiles))
