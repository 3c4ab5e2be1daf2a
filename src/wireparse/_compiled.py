"""A profile's patterns, compiled once and grouped for fast matching.

Profiles hold pattern *strings* (so they stay plain, comparable, picklable
values); this module compiles them on first use and caches the result per
profile. Rules of one place (head, tail, anywhere) are joined into a single
alternation, so a line costs one match per place, not one per rule. A shipped
profile's byline and dateline forms each know the punctuation every match of
theirs holds (:func:`required_marks`): a line without it is not tried with them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Final

import regex
from attrs import frozen

from wireparse._phrases import fold
from wireparse._safety import USER_PATTERN_TIMEOUT, run
from wireparse.profiles import (
    BylineForm,
    DatelineForm,
    Profile,
    Rule,
    builtin_profiles,
    compile_pattern,
)

#: A dateline form that matched a line, and its match; or None.
_Found = tuple[DatelineForm, regex.Match[str]] | None
_GLOBAL_FLAGS: Final = re.compile(r"^\(\?([a-zA-Z]++)\)")


def scoped(pattern: str) -> str:
    """Turn a leading global flag group ``(?i)`` into a scoped one, for joining."""
    match = _GLOBAL_FLAGS.match(pattern)
    if match is None:
        return f"(?:{pattern})"
    return f"(?{match.group(1)}:{pattern[match.end() :]})"


@frozen(kw_only=True)
class CompiledProfile:
    """The compiled view of one :class:`~wireparse.profiles.Profile`."""

    profile: Profile
    sections: frozenset[str]
    bylines: tuple[tuple[BylineForm, regex.Pattern[str]], ...]
    datelines: tuple[tuple[DatelineForm, regex.Pattern[str]], ...]
    rules: tuple[Rule, ...]
    rule_matchers: Mapping[str, regex.Pattern[str]]  # place -> the rules that count there
    signoff_rules: frozenset[str] = frozenset()  # ids of the rules that mark the story's end
    # place -> the rules' branches that can match past the line's start (shipped profiles)
    later_matchers: Mapping[str, regex.Pattern[str] | None] = {}
    timeout: float | None  # seconds a pattern may take on a line: users' profiles only
    # per byline and per dateline form, the punctuation each of its matches holds (shipped
    # profiles): a line without it is not tried, most lines for most forms
    byline_marks: tuple[tuple[str, ...], ...] = ()
    dateline_marks: tuple[tuple[str, ...], ...] = ()

    def rule_hit(self, line: str, place: str) -> Rule | None:
        """Return the first rule that counts at *place* and is found in *line*, or None.

        *place* is ``"head"`` or ``"tail"`` (rules of that place and ``anywhere``
        rules), or ``"anywhere"`` (``anywhere`` rules only): a tail-only copyright
        rule never hides an ``anywhere`` credit rule in the middle of a story.
        """
        matcher = self.rule_matchers.get(place)
        if matcher is None:
            return None
        if self.timeout is None:  # a shipped profile: nothing to guard, nothing to note
            # a search tries the line's start first: there every branch may match; past it
            # only the branches not anchored by "^" can, and searching those alone is fast
            match = matcher.match(line)
            if match is None and place in self.later_matchers:
                later = self.later_matchers[place]
                match = None if later is None else later.search(line, 1)
        else:
            rule_id = f"{self.profile.name}.rules[{place}]"
            match = run(matcher, line, rule_id=rule_id, timeout=self.timeout, search=True)
        if match is None or match.lastgroup is None:
            return None
        return self.rules[int(match.lastgroup[1:].partition("_")[0])]

    def bylines_matching(self, line: str) -> Iterator[tuple[BylineForm, regex.Match[str]]]:
        """Yield each byline form that matches the whole of *line*, in the profile's order."""
        timeout = self.timeout
        if timeout is None:
            for (form, pattern), marks in zip(self.bylines, self.byline_marks, strict=True):
                if _lacks(line, marks):
                    continue
                match = pattern.match(line)
                if match is not None:
                    yield form, match
            return
        for form, pattern in self.bylines:
            match = run(pattern, line, rule_id=form.id, timeout=timeout)
            if match is not None:
                yield form, match

    def _match(self, form: DatelineForm, pattern: regex.Pattern[str], line: str) -> _Found:
        if self.timeout is None:
            match = pattern.match(line)
        else:
            match = run(pattern, line, rule_id=form.id, timeout=self.timeout)
        return None if match is None else (form, match)

    def dateline(
        self, line: str, *, standalone: bool
    ) -> tuple[DatelineForm, regex.Match[str]] | None:
        """Return the first dateline form of the given kind that matches *line*.

        Standalone forms must match the whole line. Inline forms must leave
        text after them (the body) -- or, when asked for a standalone
        dateline, match the whole line: "MONTREAL, Feb 26-" alone on its line.
        """
        if self.timeout is None:
            return self.datelines_of(line)[1 if standalone else 0]
        for form, pattern in self.datelines:
            found = self._match(form, pattern, line)
            if found is None:
                continue
            whole = not line[found[1].end() :].strip()
            if standalone and whole:
                return found
            if not standalone and not form.standalone and not whole:
                return found
        return None

    def datelines_of(self, line: str) -> tuple[_Found, _Found]:
        """Return what :meth:`dateline` gives for *line* inline, then standalone.

        A shipped profile's forms are run once for both answers (not those whose
        marks the line lacks); a user's run as two separate calls would run
        them, so a pattern that runs out of time is noted exactly as it would be.
        """
        if self.timeout is not None:
            return self.dateline(line, standalone=False), self.dateline(line, standalone=True)
        inline: _Found = None
        alone: _Found = None
        for (form, pattern), marks in zip(self.datelines, self.dateline_marks, strict=True):
            if _lacks(line, marks):
                continue
            match = pattern.match(line)
            if match is None:
                continue
            whole = not line[match.end() :].strip()
            if alone is None and whole:
                alone = (form, match)
            if inline is None and not form.standalone and not whole:
                inline = (form, match)
            if inline is not None and alone is not None:
                break
        return inline, alone

    def is_section(self, line: str) -> bool:
        """Return True when *line* is one of the agency's section labels."""
        return fold(line) in self.sections


@functools.cache
def _shipped_patterns() -> frozenset[str]:
    """Every pattern of the built-in profiles: audited, so they run without a timeout."""
    return frozenset(_patterns_of(*builtin_profiles()))


def _patterns_of(*profiles: Profile) -> Iterator[str]:
    for profile in profiles:
        for group in (profile.rules, profile.datelines, profile.bylines, profile.signatures):
            for item in group:
                yield item.pattern


@functools.lru_cache(maxsize=256)
def all_shipped(profile: Profile) -> bool:
    """Return True when every pattern of *profile* is a built-in one (however it was built)."""
    shipped = _shipped_patterns()
    return all(pattern in shipped for pattern in _patterns_of(profile))


def top_branches(pattern: str) -> list[tuple[str, bool]] | None:
    """Return the top-level alternatives of *pattern*, or None when it cannot tell them safely.

    Each comes with whether it opens with "^" (and so matches only at the start
    of a line: the flags are not multi-line). A leading global flag group becomes
    a scoped group on each branch. Any other inline flag group, or a pattern it
    cannot read, gives None.
    """
    flags = ""
    match = _GLOBAL_FLAGS.match(pattern)
    if match is not None:
        flags, pattern = match.group(1), pattern[match.end() :]
    if _INLINE_FLAGS.search(pattern):
        return None
    branches = _split_top(pattern)
    if branches is None:
        return None
    anchored = "m" not in flags
    return [(f"(?{flags}:{b})" if flags else b, anchored and b.startswith("^")) for b in branches]


def _set_end(pattern: str, at: int) -> int:
    """Return the index after the character set opening at *at* ("[^]a-z]"), or -1."""
    at += 1
    if pattern[at : at + 1] == "^":
        at += 1
    if pattern[at : at + 1] == "]":  # a "]" first in a set is itself
        at += 1
    while at < len(pattern):
        if pattern[at] == "\\":
            at += 2
        elif pattern[at] == "]":
            return at + 1
        else:
            at += 1
    return -1


def _split_top(pattern: str) -> list[str] | None:
    """Split *pattern* at its top-level "|"; None when its brackets do not pair."""
    branches, depth, start, at = [], 0, 0, 0
    while at < len(pattern):
        char = pattern[at]
        if char == "[":
            at = _set_end(pattern, at)
            if at < 0:
                return None
            continue
        if char == "\\":
            at += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:at])
            start = at + 1
        at += 1
    if depth != 0:
        return None
    branches.append(pattern[start:])
    return branches


def _later(rules: Sequence[Rule], wanted: tuple[str, ...]) -> regex.Pattern[str] | None:
    """Return the branches of *rules* that may match past a line's start, joined in order.

    A branch opening with "^" matches only at the start (the patterns are not
    multi-line), which a match at the start has already tried. None: no branch.
    """
    parts = []
    for i, rule in enumerate(rules):
        if rule.where not in wanted:
            continue
        branches = top_branches(rule.pattern)
        if branches is None:  # not read: the whole rule is searched, as before
            parts.append(f"(?P<r{i}_0>{scoped(rule.pattern)})")
            continue
        parts.extend(
            f"(?P<r{i}_{k}>{branch})"
            for k, (branch, anchored) in enumerate(branches)
            if not anchored
        )
    return compile_pattern("|".join(parts)) if parts else None


def _lacks(line: str, marks: tuple[str, ...]) -> bool:
    """Return True when *line* lacks one of *marks*."""
    for mark in marks:  # noqa: SIM110 - a loop: no generator to start per line and form
        if mark not in line:
            return True
    return False


# groups whose insides a match of the pattern need not hold: "(?:", "(?P<", "(?i:", ...
_PLAIN_GROUPS: Final = re.compile(r"\(\?(?::|P<|[a-zA-Z]++:|[!=]|<[!=]|<)")
_OPTIONAL: Final = ("?", "*", "{0", "{,")
_NAMED_ESCAPES: Final = frozenset("pPNLgxuUo")  # \p{..}, \N{..}, \L<..>: a name follows


def required_marks(pattern: str) -> tuple[str, ...]:
    """Return punctuation every match of *pattern* holds; () when it cannot tell.

    These are the ASCII punctuation literals at the pattern's top level (in no
    group, not optional): each one is in every match. A pattern with a
    top-level alternation, or a flag group that could change how it reads
    (verbose), gives (). Punctuation has no case: "(?i:" changes nothing here.
    """
    if "(?" in _PLAIN_GROUPS.sub("", pattern):
        return ()
    found: list[str] = []
    depth = at = 0
    while at < len(pattern):
        char = pattern[at]
        if char in "()":
            depth += 1 if char == "(" else -1
            at += 1
            continue
        if char == "|" and depth == 0:
            return ()
        element = _element(pattern, at)
        if element is None:
            return ()
        at, literal = element
        if (
            depth == 0
            and _is_mark(literal)
            and not pattern.startswith(_OPTIONAL, at)
            and literal not in found
        ):
            found.append(literal)
    return tuple(found) if depth == 0 else ()


def _element(pattern: str, at: int) -> tuple[int, str] | None:
    """Return where the element at *at* (no group) ends, and the character it is if a literal.

    None: a set or a name that does not close.
    """
    char = pattern[at]
    if char == "[":
        end = _set_end(pattern, at)
        return None if end < 0 else (end, "")
    if char == "{":  # a quantifier's bounds
        end = pattern.find("}", at) + 1
        return None if end == 0 else (end, "")
    if char == "\\":
        escaped = pattern[at + 1 : at + 2]
        end = at + 2
        if escaped in _NAMED_ESCAPES and pattern[end : end + 1] in ("{", "<"):
            end = pattern.find("}" if pattern[end] == "{" else ">", end) + 1
            return None if end == 0 else (end, "")
        return end, "" if escaped.isalnum() else escaped
    return at + 1, "" if char in ".^$*+?" else char


def _is_mark(literal: str) -> bool:
    """Return True for one ASCII punctuation character (the same in every case)."""
    return (
        len(literal) == 1 and literal.isascii() and not literal.isalnum() and not literal.isspace()
    )


_INLINE_FLAGS: Final = re.compile(r"(?<!\\)\(\?[a-zA-Z]*+[-)]")


@functools.lru_cache(maxsize=128)
def compiled(profile: Profile) -> CompiledProfile:
    """Return the compiled view of *profile* (cached per profile value)."""
    rules = profile.rules
    matchers = {}
    later: dict[str, regex.Pattern[str] | None] = {}
    for place, wanted in (
        ("head", ("head", "anywhere")),
        ("tail", ("tail", "anywhere")),
        ("anywhere", ("anywhere",)),
    ):
        joined = "|".join(
            f"(?P<r{i}>{scoped(rule.pattern)})"
            for i, rule in enumerate(rules)
            if rule.where in wanted
        )
        if joined:
            matchers[place] = compile_pattern(joined)
            later[place] = _later(rules, wanted)
    shipped = all_shipped(profile)
    return CompiledProfile(
        profile=profile,
        sections=frozenset(fold(s) for s in profile.sections),
        bylines=tuple((form, compile_pattern(form.pattern)) for form in profile.bylines),
        datelines=tuple((form, compile_pattern(form.pattern)) for form in profile.datelines),
        rules=rules,
        rule_matchers=matchers,
        signoff_rules=frozenset(rule.id for rule in rules if rule.kind == "signoff"),
        later_matchers=later,
        timeout=None if shipped else USER_PATTERN_TIMEOUT,
        byline_marks=tuple(required_marks(form.pattern) for form in profile.bylines)
        if shipped
        else (),
        dateline_marks=tuple(required_marks(form.pattern) for form in profile.datelines)
        if shipped
        else (),
    )
