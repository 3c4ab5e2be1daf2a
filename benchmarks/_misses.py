"""Guesses at why wireparse missed a peer case, one short reason per miss (for peer.py)."""

from __future__ import annotations

import string
from collections.abc import Sequence

import regex

from wireparse._phrases import fold, lexicon
from wireparse.models import Quote

Expected = tuple[str, str | None, bool, str | None]  # text, speaker, startswith only, cue
_TRIM = string.whitespace + string.punctuation + "“”‘’«»„‚‹›「」『』"
_TWO_DIGIT_YEAR = regex.compile(r"(?<!\d)\d{1,2}[./]\d{1,2}[./]\d{2}(?!\d)")
_AFTER_QUOTE = regex.compile(r"^[”\"»’,\s]*+(?:\p{Lu}[\p{L}.]*+\s++)+(\p{Ll}++)")
_BYLINE_HINTS: list[tuple[str, str]] = [
    (r"&#?\w+;|<[^>]+>", "HTML entity or tag (peer takes HTML)"),
    (r"\\u", "escape sequence in the text"),
    (r"(?i)^(?:words by|author:)", "byline prefix not in the phrase tables"),
    (r"[\d_*😊\"]", "digit, emoji or symbol in the name"),
    (r"^\p{Ll}", "lower-case name"),
    (r"—| of | for |, |\. ", "role, outlet or place after the name"),
]


def byline_reason(text: str) -> str:
    """Guess why a byline missed."""
    return next((why for pattern, why in _BYLINE_HINTS if regex.search(pattern, text)), "")


def dateline_reason(text: str) -> str:
    """Guess why a dateline missed."""
    if regex.search(r"<[^>]+>|&#", text):
        return "HTML in the input"
    if text.startswith("("):
        return "time stamp before the place"
    if regex.search(r"(?m)^\P{Ll}+\s*+(?:--|\N{EM DASH}|\x97|―)", text):
        return "bare `PLACE --`: no agency or date to anchor it"
    return ""


def date_reason(text: str, expected: str | None, *, read_any: bool, other_order: bool) -> str:
    """Guess why a date case missed (*other_order*: right when read the other way round)."""
    months = lexicon().month_names
    named = any(fold(w) in months for w in regex.findall(r"\p{L}[\p{L}.]*+", text))
    checks = [
        (other_order, "right in the other day/month order"),
        (
            (expected or "").endswith("-01-01") and ("©" in text or "Februar" in text),
            "year-only fallback (htmldate policy)",
        ),
        (read_any, "another date or time read"),
        (bool(_TWO_DIGIT_YEAR.search(text)), "two-digit year left unread (by design)"),
        (
            not named
            and not regex.search(r"\d[./-]\d|\d{6}", text)
            and regex.search(r"\p{L}{3}", text),
            "month name not in the phrase tables",
        ),
        (True, "form not known (order, separators, glued digits)"),
    ]
    return next(why for hit, why in checks if hit)


def trim(text: str) -> str:
    """Strip surrounding whitespace, punctuation and quote marks."""
    return text.strip(_TRIM)


def speech_verbs() -> set[str]:
    """Return the speech verbs of every phrase table, folded."""
    return {fold(v) for v in lexicon().lists.get("speech_verbs", ())}


def unknown_verb(paragraph: str, quote: Quote) -> str | None:
    """Return the word after 'Name' behind *quote* when it is not a known speech verb."""
    match = _AFTER_QUOTE.match(paragraph[quote.end :])
    return match.group(1) if match and fold(match.group(1)) not in speech_verbs() else None


def quote_reason(
    want: Expected, quotes: Sequence[Quote], found: Quote | None, paragraphs: list[str]
) -> str:
    """Guess why a quote or its speaker was missed."""
    if found is None:
        near = [q.text for q in quotes if trim(want[0]) in q.text or trim(q.text) in want[0]]
        return f"quote boundary differs: {near[0][:40]!r}" if near else "quote not found"
    before = [q for q in quotes if q.paragraph == found.paragraph and q.start < found.start]
    verb = unknown_verb(paragraphs[found.paragraph], found)
    cue = want[3]
    checks = [
        (found.speaker is not None, f"attributed to {found.speaker!r}"),
        (found.speaker_raw is not None, f"pronoun {found.speaker_raw!r} not resolved"),
        (bool(cue) and fold(cue or "") not in speech_verbs(), f"verb {cue!r} not in speech_verbs"),
        (verb is not None, f"verb {verb!r} not in speech_verbs"),
        (
            bool(before) and before[-1].speaker is not None,
            "follow-on quote in the paragraph: speaker not carried"
            + (" (taken as partial)" if found.partial else ""),
        ),
        (True, "no attribution found"),
    ]
    return next(why for hit, why in checks if hit)
