r"""Guards against patterns that backtrack without end.

Two lines of defence for profile patterns (the built-in ones and, above all,
users'): a load-time check refuses the classic catastrophic shape, a repeated
group holding a repeat that can give characters back (``(\w+\s?)*``); and a
user's pattern runs under the ``regex`` module's timeout, so one that still
runs away is skipped for that line and said so in
:attr:`wireparse.blocks.Explanation.notes`, never hangs the parse.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextvars import ContextVar
from typing import Final

import regex

#: Seconds one user pattern may spend on one line before it is skipped.
USER_PATTERN_TIMEOUT: Final = 0.05

#: Rule ids skipped in the parse under way (one list per parse, per thread).
skipped: ContextVar[list[str] | None] = ContextVar("wireparse_skipped_rules", default=None)


def note_skipped(rule_id: str) -> None:
    """Record that *rule_id* was skipped because it ran out of time."""
    found = skipped.get()
    if found is not None and rule_id not in found:
        found.append(rule_id)


def run(
    pattern: regex.Pattern[str],
    line: str,
    *,
    rule_id: str,
    timeout: float | None,
    search: bool = False,
) -> regex.Match[str] | None:
    """Match (or search) *line*; under *timeout*, a pattern that runs out of time is skipped."""
    try:
        if search:
            return pattern.search(line, timeout=timeout)
        return pattern.match(line, timeout=timeout)
    except TimeoutError:
        note_skipped(rule_id)
        return None


def _skip_class(pattern: str, at: int) -> int:
    """Return the index after the character class that opens at *at*."""
    i = at + 1
    if pattern[i : i + 1] == "^":
        i += 1
    if pattern[i : i + 1] == "]":
        i += 1  # a ] first in a class is literal
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _quantifier_end(pattern: str, at: int) -> int | None:
    """Return the index after a repeat quantifier (``*``, ``+``, ``{m,}``) at *at*, else None."""
    ch = pattern[at : at + 1]
    if ch in ("*", "+"):
        return at + 1
    if ch == "{":
        close = pattern.find("}", at)
        bounds = pattern[at + 1 : close] if close > at else ""
        if bounds.endswith(",") and bounds[:-1].isdigit():
            return close + 1  # {m,}: unbounded
    return None


def _syntax(pattern: str) -> Iterator[int]:
    """Yield the index of each character that is pattern syntax: not escaped, not in a class."""
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
        elif pattern[i] == "[":
            i = _skip_class(pattern, i)
        else:
            yield i
            i += 1


def _gives_back(body: str) -> bool:
    """Return True when *body* holds an unbounded repeat that is neither possessive nor atomic."""
    skip_to = 0
    for i in _syntax(body):
        if i < skip_to:
            continue
        end = _quantifier_end(body, i)
        if end is not None and body[end : end + 1] == "+":
            skip_to = end + 1  # possessive: never gives back
        elif end is not None:
            return True
    return False


def can_run_away(pattern: str) -> bool:
    r"""Return True when a repeated group holds a repeat that can give back.

    That is the shape of catastrophic backtracking: ``(\w+\s?)*``, ``(a*)+``.
    A possessive inner repeat (``(\w++\s?)*``), a possessive outer one
    (``(\w+\s?)*+``) or an atomic group (``(?>\w+\s?)*``) is safe.

    >>> can_run_away(r"^(\w+\s?)*$"), can_run_away(r"^(?:\w++\s?)*$"), can_run_away(r"(\w+)*+")
    (True, False, False)
    """
    stack: list[int] = []
    for i in _syntax(pattern):
        if pattern[i] == "(":
            stack.append(i)
        elif pattern[i] == ")" and stack:
            start = stack.pop()
            end = _quantifier_end(pattern, i + 1)
            body = pattern[start + 1 : i]
            atomic = body.startswith("?>")
            possessive = end is not None and pattern[end : end + 1] == "+"
            if end is not None and not possessive and not atomic and _gives_back(body):
                return True
    return False
