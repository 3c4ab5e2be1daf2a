"""Stage 6: put the classified blocks and the extracted fields together into an Article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from wireparse._compiled import CompiledProfile
from wireparse._detect import detect_language
from wireparse._extract.byline import read_byline
from wireparse._extract.dateline import split_dateline, standalone_dateline
from wireparse._extract.quotes import extract_quotes
from wireparse._phrases import Lexicon
from wireparse.blocks import BlockKind, ClassifiedBlock
from wireparse.models import Article, Byline, Dateline, Removal


def assemble(
    blocks: Sequence[ClassifiedBlock],
    profile: CompiledProfile,
    lexicon: Lexicon,
    *,
    agency: str | None,
    language: str | None,
) -> Article:
    """Build the :class:`Article` from *blocks*; *language* overrides detection."""
    by_kind: dict[BlockKind, list[ClassifiedBlock]] = {}
    for block in blocks:
        by_kind.setdefault(block.kind, []).append(block)

    def joined(kind: BlockKind) -> str | None:
        found = by_kind.get(kind)
        return "\n".join(b.text for b in found) if found else None

    byline: Byline | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    for block in by_kind.get(BlockKind.BYLINE, ())[:1]:
        found = profile.byline(block.text)
        if found is not None:
            result = read_byline(block.text, found[1], lexicon, profile.profile)
            byline, published, updated = result.byline, result.published, result.updated

    dateline: Dateline | None = None
    for block in by_kind.get(BlockKind.DATELINE, ())[:1]:
        standalone = profile.dateline(block.text, standalone=True)
        if standalone is not None:
            dateline = standalone_dateline(block.text, standalone[1])
        else:
            dateline = Dateline(location=block.text, raw=block.text)

    body = [b.text for b in by_kind.get(BlockKind.BODY, ())]
    if body and dateline is None:
        inline = profile.dateline(body[0], standalone=False)
        if inline is not None:
            dateline, body[0] = split_dateline(body[0], inline[1])

    if language is None:
        language = detect_language(body, lexicon)
    headline = joined(BlockKind.HEADLINE)
    standfirst = joined(BlockKind.STANDFIRST)
    context = [text for text in (headline, standfirst) if text]
    return Article(
        headline=headline,
        standfirst=standfirst,
        section=joined(BlockKind.SECTION),
        byline=byline,
        published=published,
        updated=updated,
        dateline=dateline,
        body=body,
        quotes=extract_quotes(body, context, lexicon),
        topics=[b.text for b in by_kind.get(BlockKind.TOPICS, ())],
        agency=agency,
        language=language,
        removed=[
            Removal(text=b.text, line=b.line, rule=b.rule, reason=b.reason)
            for b in by_kind.get(BlockKind.REMOVED, ())
        ],
    )
