"""The public functions: :func:`parse`, :func:`explain`, :func:`clean`, :func:`detect_profile`.

The whole pipeline is written out, in order, in :func:`explain`::

    text ─normalize→ ─segment→ blocks ─detect→ profile ─classify→ roles
         ─extract/assemble→ Article      (Explanation keeps every block and its rule)
"""

from __future__ import annotations

from typing import Final

import attrs

from wireparse._assemble import assemble
from wireparse._classify import classify
from wireparse._compiled import compiled
from wireparse._detect import detect
from wireparse._normalize import normalize
from wireparse._phrases import lexicon, phrase_table
from wireparse._safety import skipped
from wireparse._segment import Block, segment
from wireparse._trusted import trusted
from wireparse._wire import (
    HEADER_REASON,
    HEADER_RULE,
    STX,
    TRAILER_REASON,
    TRAILER_RULE,
    Frame,
    find_frame,
)
from wireparse.blocks import BlockKind, ClassifiedBlock, Explanation, trusted_block
from wireparse.exceptions import InputTypeError
from wireparse.models import Article, Removal
from wireparse.profiles import Profile, available_profiles, get_profile

#: How much of a text is parsed; the rest is listed in ``Article.removed``.
MAX_CHARS: Final = 10_000_000
_LIMIT_RULE: Final = "limit.max_chars"

_KEPT_BY_CLEAN = frozenset(
    {
        BlockKind.SECTION,
        BlockKind.HEADLINE,
        BlockKind.STANDFIRST,
        BlockKind.BYLINE,
        BlockKind.DATELINE,
        BlockKind.BODY,
    }
)


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputTypeError(text)
    return text


def _resolve_profile(profile: Profile | str | None, lines: list[str]) -> tuple[Profile, str]:
    if isinstance(profile, Profile):
        return profile, "given"
    if isinstance(profile, str):
        return get_profile(profile), "given"
    if profile is not None:
        raise InputTypeError(
            profile, argument="profile", expected="a Profile, a profile name, or None"
        )
    found = detect(lines, available_profiles())
    if found is None:
        return get_profile("generic"), "fallback"
    return found, "detected"


def explain(
    text: str,
    *,
    profile: Profile | str | None = None,
    language: str | None = None,
    max_chars: int | None = MAX_CHARS,
) -> Explanation:
    """Parse *text* and say how: every block with its kind and the rule that decided it.

    Args:
        text: the story, as copied or scraped. Any ``str`` is accepted.
        profile: a :class:`~wireparse.profiles.Profile`, a profile name (``"aa"``),
            or None to detect the agency (falling back to ``"generic"``).
        language: the story's ISO 639-1 code, to skip language detection.
        max_chars: parse this much of the text at most (at a line break); the
            rest is one entry of ``Article.removed`` (rule ``limit.max_chars``),
            never dropped silently. None: no limit. Default :data:`MAX_CHARS`.

    Returns:
        An :class:`~wireparse.blocks.Explanation` whose ``article`` is what
        :func:`parse` returns.

    Raises:
        InputTypeError: *text* is not a ``str`` (decode bytes first).
        UnknownProfileError: *profile* names no known profile.
        UnknownLanguageError: *language* has no phrase table.

    """
    text = _check_text(text)
    if language is not None:
        phrase_table(language)
    normal, beyond = _limit(normalize(text), max_chars)
    frame = find_frame(text) if STX in text else None
    blocks, framing = _unframe(normal, frame)
    token = skipped.set([])
    try:
        explained = _explain_blocks(blocks, profile, language)
        timed_out = skipped.get() or []
    finally:
        skipped.reset(token)
    if timed_out:
        notes = tuple(f"rule skipped (ran out of time): {rule}" for rule in timed_out)
        explained = attrs.evolve(explained, notes=(*explained.notes, *notes))
    if framing:
        explained = _with_frame(explained, framing)
    if beyond is not None:
        explained = _with_beyond(explained, normal, beyond)
    return explained


def _unframe(
    normal: str, frame: Frame | None
) -> tuple[tuple[Block, ...], tuple[ClassifiedBlock, ...]]:
    """Segment the text proper of a transmission; its header and trailer lines, removed.

    The frame's lines are blanked before segmenting, so line numbers hold and
    no paragraph reaches across STX or ETX.
    """
    if frame is None:
        return segment(normal), ()
    lines = normal.split("\n")
    last = len(lines) if frame.last is None else min(frame.last, len(lines))
    framing = []
    inner = []
    for number, line in enumerate(lines, start=1):
        inside = frame.first <= number <= last
        inner.append(line if inside else "")
        if not inside and line.strip(" "):
            rule, reason = (
                (HEADER_RULE, HEADER_REASON)
                if number < frame.first
                else (TRAILER_RULE, TRAILER_REASON)
            )
            framing.append(
                trusted_block(line.strip(" "), (number,), BlockKind.REMOVED, rule, reason)
            )
    return segment("\n".join(inner)), tuple(framing)


def _with_frame(explained: Explanation, framing: tuple[ClassifiedBlock, ...]) -> Explanation:
    """Put a transmission's header and trailer lines around the parsed text, as removed."""
    header = tuple(b for b in framing if b.rule == HEADER_RULE)
    trailer = tuple(b for b in framing if b.rule != HEADER_RULE)

    def removals(blocks: tuple[ClassifiedBlock, ...]) -> tuple[Removal, ...]:
        return tuple(
            trusted(Removal, text=b.text, line=b.line, rule=b.rule, reason=b.reason) for b in blocks
        )

    article = explained.article
    removed = (*removals(header), *article.removed, *removals(trailer))
    return attrs.evolve(
        explained,
        article=attrs.evolve(article, removed=removed),
        blocks=(*header, *explained.blocks, *trailer),
    )


def _explain_blocks(
    blocks: tuple[Block, ...], profile: Profile | str | None, language: str | None
) -> Explanation:
    """Choose the profile (detection, then the house-style window) and parse *blocks*."""
    chosen, how = _resolve_profile(profile, [b.text for b in blocks])
    explained = _run(blocks, chosen, how, language)
    day = explained.article.published or explained.article.updated
    if how == "detected" and day is not None and not chosen.covers(day):
        # the house style detected was not in use on the story's date: try the others
        others = [p for p in available_profiles() if p is not chosen and p.covers(day)]
        better = detect([b.text for b in blocks], others)
        if better is not None:
            explained = _run(blocks, better, "detected (by date)", language)
    return explained


def _limit(text: str, max_chars: int | None) -> tuple[str, str | None]:
    """Cut *text* at the last line break before *max_chars*; return what is kept and the rest."""
    if max_chars is None or len(text) <= max_chars:
        return text, None
    cut = text.rfind("\n", 0, max_chars) + 1 or max_chars
    return text[:cut], text[cut:]


def _with_beyond(explained: Explanation, kept: str, rest: str) -> Explanation:
    """Record the text past the limit as one removed block, never dropped silently."""
    first = kept.count("\n") + 1
    lines = tuple(range(first, first + rest.count("\n") + 1))
    reason = "beyond max_chars: not parsed"
    block = ClassifiedBlock(
        text=rest, lines=lines, kind=BlockKind.REMOVED, rule=_LIMIT_RULE, reason=reason
    )
    removal = Removal(text=rest, line=first, rule=_LIMIT_RULE, reason=reason)
    article = attrs.evolve(explained.article, removed=(*explained.article.removed, removal))
    notes = (*explained.notes, f"only the first {len(kept)} characters were parsed")
    return attrs.evolve(explained, article=article, blocks=(*explained.blocks, block), notes=notes)


def _run(blocks: tuple[Block, ...], chosen: Profile, how: str, language: str | None) -> Explanation:
    """Classify and assemble *blocks* with one profile."""
    words = lexicon()
    view = compiled(chosen)
    hint = language or (chosen.languages[0] if len(chosen.languages) == 1 else None)
    classified = classify(blocks, view, words, language=hint)
    agency = None if chosen.name == "generic" else chosen.name
    article = assemble(classified, view, words, agency=agency, language=language)
    return trusted(
        Explanation, article=article, blocks=classified, profile=chosen.name, profile_rule=how
    )


def parse(
    text: str,
    *,
    profile: Profile | str | None = None,
    language: str | None = None,
    max_chars: int | None = MAX_CHARS,
) -> Article:
    r"""Parse one wire story into an :class:`~wireparse.models.Article`.

    Never raises on a ``str``: an empty or hopeless input gives an Article
    with empty fields and its lines in ``removed`` or ``body``. Every
    non-blank line of the input ends up in exactly one field or in ``removed``.

    >>> article = parse("WORLD NEWS\n\nBy Jane Doe\n\nPARIS, May 2 (AFP) - It rained.")
    >>> article.byline.authors, article.dateline.location, article.body
    (('Jane Doe',), 'PARIS', ('It rained.',))

    Args and raises as for :func:`explain`.
    """
    return explain(text, profile=profile, language=language, max_chars=max_chars).article


def clean(
    text: str,
    *,
    profile: Profile | str | None = None,
    language: str | None = None,
    max_chars: int | None = MAX_CHARS,
) -> str:
    """Return the story with only the noise gone.

    The result keeps section, headline, standfirst, byline, dateline and body
    lines in their order, one per paragraph with a blank line between; share
    buttons, boilerplate, related-topic blocks and repeats are gone.
    ``clean(clean(x)) == clean(x)``.
    """
    explained = explain(text, profile=profile, language=language, max_chars=max_chars)
    return "\n\n".join(b.text for b in explained.blocks if b.kind in _KEPT_BY_CLEAN)


def detect_profile(text: str) -> Profile | None:
    """Return the built-in profile whose signatures fit *text* best, or None.

    Raises:
        InputTypeError: *text* is not a ``str``.

    """
    text = _check_text(text)
    blocks = segment(normalize(text))
    return detect([b.text for b in blocks], available_profiles())
