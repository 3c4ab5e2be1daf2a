"""Helpers shared by the tests."""

from __future__ import annotations

from collections import Counter

import regex

import wireparse
from wireparse import Article, BlockKind
from wireparse._normalize import normalize

_SPACE = regex.compile(r"\s++")


def squash(text: str) -> str:
    """Return *text* without any white space, for comparing lines across re-spacing."""
    return _SPACE.sub("", text)


def input_lines(text: str) -> Counter[str]:
    """Return the non-blank lines of *text*, as the library counts them, whitespace removed."""
    return Counter(squash(line) for line in normalize(text).split("\n") if line.strip(" "))


def field_pieces(
    article: Article, lines: Counter[str], *, standalone: bool | None = None
) -> Counter[str]:
    """Return every line-sized piece of text the article holds, whitespace removed.

    An inline dateline is joined back to the first body paragraph it was split
    from. *standalone* says which kind the dateline is; when None, *lines* (the
    input's lines) are asked.
    """
    pieces = [value for value in (article.section, article.headline) if value is not None]
    if article.standfirst is not None:
        pieces.extend(article.standfirst.split("\n"))
    byline = article.byline
    # a byline read from the reporters a dateline names is part of that dateline's text
    if byline is not None and not (article.dateline and byline.raw in article.dateline.raw):
        pieces.append(byline.raw)
    body = list(article.body)
    if article.dateline is not None:
        raw = article.dateline.raw
        inline = not standalone if standalone is not None else squash(raw + body[0]) in lines
        if body and inline:
            body[0] = raw + body[0]
        else:
            pieces.append(raw)
    pieces.extend(body)
    pieces.extend(article.topics)
    pieces.extend(removal.text for removal in article.removed)
    return Counter(squash(piece) for piece in pieces)


def accounted(text: str, article: Article, *, profile: str | None = None) -> bool:
    """Return True when every non-blank line of *text* is in exactly one field or removed.

    Lines re-joined into one paragraph (hard-wrapped copy) count as that paragraph:
    explain's blocks must partition the lines, each block's text must be exactly
    its lines, and the article's fields must hold exactly the blocks' texts.
    """
    explained = wireparse.explain(text, profile=profile)
    assert explained.article == article
    numbered = {
        number: squash(line)
        for number, line in enumerate(normalize(text).split("\n"), start=1)
        if line.strip(" ")
    }
    covered = [n for block in explained.blocks for n in block.lines]
    if sorted(covered) != sorted(numbered) or len(covered) != len(set(covered)):
        return False
    for block in explained.blocks:
        if squash(block.text) != "".join(numbered[n] for n in block.lines):
            return False
    blocks = Counter(squash(block.text) for block in explained.blocks)
    standalone = any(block.kind is BlockKind.DATELINE for block in explained.blocks)
    return field_pieces(article, blocks, standalone=standalone) == blocks
