"""What :func:`wireparse.explain` returns: every block of the input, classified.

A *block* is one non-blank line of the normalised input (or, for hard-wrapped
copy, the lines of one paragraph). Each gets exactly one :class:`BlockKind` and
the stable id of the rule that decided it, so a surprising result can be traced
to one rule in one data file.
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, Any

from attrs import field, frozen, validators

from wireparse._convert import to_str_tuple
from wireparse.models import Article

if TYPE_CHECKING:
    import regex

    from wireparse.profiles import BylineForm, DatelineForm

    #: A byline form that matched a line, its match, and the people it names.
    BylineFound = tuple[BylineForm, regex.Match[str], tuple[str, ...]]
    #: A dateline form that matched a line, and its match; or None.
    DatelineFound = tuple[DatelineForm, regex.Match[str]] | None

__all__ = ["BlockKind", "ClassifiedBlock", "Explanation"]


class BlockKind(enum.Enum):
    """The role a block plays in the story."""

    SECTION = "section"
    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    BYLINE = "byline"
    DATELINE = "dateline"
    BODY = "body"
    TOPICS = "topics"
    REMOVED = "removed"


def _lines(values: Any) -> tuple[int, ...]:  # noqa: ANN401 - validated item by item
    out = tuple(values)
    if not out or any(not isinstance(n, int) or n < 1 for n in out):
        msg = "ClassifiedBlock.lines must be a non-empty sequence of line numbers >= 1"
        raise ValueError(msg)
    return out


class _Found:
    """What the classifier read on a block's line, handed on to the assembler of the same parse.

    Slots, not fields: no part of the block's value (its repr, equality, hash,
    pickle or ``attrs.fields``). A block built any other way has them unset;
    the assembler then reads its line itself.
    """

    __slots__ = ("_byline_found", "_datelines_found")

    _byline_found: BylineFound
    # the inline and the standalone dateline of the line (shipped profiles' forms)
    _datelines_found: tuple[DatelineFound, DatelineFound]


@frozen(kw_only=True)
class ClassifiedBlock(_Found):
    """One block of the input with the role it was given.

    Attributes:
        text: the block's text after normalisation (lines of a re-joined
            paragraph are joined by one space).
        lines: the 1-based line numbers the block was made from.
        kind: its role.
        rule: the stable id of the rule that decided the role
            (``"aa.byline"``, ``"phrases.en.related"``, ``"layout.body"``).
        reason: for removed blocks, the kind of noise (``"share button"``); else "".

    """

    text: str = field(validator=validators.instance_of(str))
    lines: tuple[int, ...] = field(converter=_lines)
    kind: BlockKind = field(validator=validators.instance_of(BlockKind))
    rule: str = field(validator=validators.instance_of(str))
    reason: str = field(default="", validator=validators.instance_of(str))

    @property
    def line(self) -> int:
        """The block's first line number."""
        return self.lines[0]


# the slots' own setters: a frozen attrs class refuses setattr, and these skip the lookup
_SET_TEXT, _SET_LINES, _SET_KIND, _SET_RULE, _SET_REASON = (
    ClassifiedBlock.__dict__[name].__set__ for name in ("text", "lines", "kind", "rule", "reason")
)
_SET_BYLINE_FOUND = _Found.__dict__["_byline_found"].__set__
_SET_DATELINES_FOUND = _Found.__dict__["_datelines_found"].__set__


def hand_on_byline(block: ClassifiedBlock, found: BylineFound) -> None:
    """Keep on *block* the byline the classifier found on its line."""
    _SET_BYLINE_FOUND(block, found)


def hand_on_datelines(block: ClassifiedBlock, found: tuple[DatelineFound, DatelineFound]) -> None:
    """Keep on *block* the inline and the standalone dateline the classifier read on its line."""
    _SET_DATELINES_FOUND(block, found)


def byline_found(block: ClassifiedBlock) -> BylineFound | None:
    """Return the byline the classifier found on *block*'s line, or None (not handed on)."""
    return getattr(block, "_byline_found", None)


def datelines_found(block: ClassifiedBlock) -> tuple[DatelineFound, DatelineFound] | None:
    """Return the datelines the classifier read on *block*'s line, or None (not handed on)."""
    return getattr(block, "_datelines_found", None)


def trusted_block(
    text: str, lines: tuple[int, ...], kind: BlockKind, rule: str, reason: str
) -> ClassifiedBlock:
    """Build a ClassifiedBlock from values the pipeline already guarantees, unchecked.

    The classifier makes one per block of every story; running the validators
    on values it built itself cost more than the classification of most lines.
    """
    block: ClassifiedBlock = object.__new__(ClassifiedBlock)
    _SET_TEXT(block, text)
    _SET_LINES(block, lines)
    _SET_KIND(block, kind)
    _SET_RULE(block, rule)
    _SET_REASON(block, reason)
    return block


def trusted_blocks(
    rows: Iterable[tuple[str, tuple[int, ...], BlockKind, str, str]],
) -> tuple[ClassifiedBlock, ...]:
    """Return :func:`trusted_block` of every row (text, lines, kind, rule, reason), in order."""
    columns = tuple(zip(*rows, strict=True))
    if not columns:
        return ()
    return trusted_columns(*columns)


def trusted_columns(
    texts: Sequence[str],
    lines: Sequence[tuple[int, ...]],
    kinds: Sequence[BlockKind],
    rules: Sequence[str],
    reasons: Sequence[str],
) -> tuple[ClassifiedBlock, ...]:
    """Return the blocks whose fields are the items of the columns, unchecked, in order."""
    out = tuple(map(object.__new__, repeat(ClassifiedBlock, len(texts))))
    # each field set on every block by a C-level map, not a Python loop
    for setter, values in (
        (_SET_TEXT, texts),
        (_SET_LINES, lines),
        (_SET_KIND, kinds),
        (_SET_RULE, rules),
        (_SET_REASON, reasons),
    ):
        deque(map(setter, out, values), maxlen=0)
    return out


def _blocks(values: Any) -> tuple[ClassifiedBlock, ...]:  # noqa: ANN401 - validated item by item
    out = tuple(values)
    for item in out:
        if not isinstance(item, ClassifiedBlock):
            msg = f"Explanation.blocks holds ClassifiedBlock values, got {type(item).__name__}"
            raise TypeError(msg)
    return out


@frozen(kw_only=True)
class Explanation:
    """An :class:`~wireparse.models.Article` together with how it was found.

    Attributes:
        article: the parse, the same value :func:`wireparse.parse` returns.
        blocks: every block of the input in order, with its kind and rule.
        profile: the name of the profile used.
        profile_rule: how the profile was chosen (``"given"``, ``"detected"``,
            ``"fallback"``).
        notes: anything else worth knowing (a rule skipped, a limit reached).

    """

    article: Article = field(validator=validators.instance_of(Article))
    blocks: tuple[ClassifiedBlock, ...] = field(converter=_blocks)
    profile: str = field(validator=validators.instance_of(str))
    profile_rule: str = field(validator=validators.instance_of(str))
    notes: tuple[str, ...] = field(default=(), converter=to_str_tuple)
