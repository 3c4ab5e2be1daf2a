"""Stage 4: give every block exactly one role.

Two passes, as jusText does it:

1. **Rule pass.** Each block is matched once against the phrase tables (share
   buttons, related-topics headings, cross-references, promotions, credits)
   and once against the profile's rules (boilerplate, credit, sign-off,
   copyright lines).
2. **Context pass.** Position decides what a hit means. A line made only of
   share buttons is removed wherever it stands (a body sentence that mentions
   "share" is no such line). Under a related-stories heading or a bare
   cross-reference ("Read also"), the headline-like lines that follow are
   links to other stories, in the middle of the story or after it; at the end,
   the short ones under a related-topics heading are topics, and what follows
   the agency's end mark ("(END)", "Enditem") is no story. Then the story's
   layout is read from its anchors: the byline line, the dateline, and what
   stands above them (section label, headline, standfirst); lines between the
   byline and a paragraph led by the dateline are page furniture. A repeat of
   the headline (a photo caption on the page) is removed.

Every role comes with the stable id of the rule that decided it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import regex

from wireparse._compiled import CompiledProfile
from wireparse._dates import DATE_LINE_CHARS, first_digit, is_date_line
from wireparse._extract._quote_language import _CJK_STOPS
from wireparse._extract.byline import _agency_names, match_byline
from wireparse._phrases import NOISE_KINDS, Lexicon, NoiseHit, fold
from wireparse._segment import Block
from wireparse.blocks import (
    BlockKind,
    ClassifiedBlock,
    hand_on_byline,
    hand_on_datelines,
    trusted_columns,
)
from wireparse.profiles import RULE_KINDS, BylineForm, DatelineForm, Rule

#: How far down the story a byline is looked for, in content blocks.
BYLINE_REACH: Final = 6
#: How far down lines that are only a date are looked for, in content blocks.
DATE_LINE_REACH: Final = 8
#: The rule id of such lines; the assembler reads their dates.
DATE_LINE_RULE: Final = "layout.date_line"
#: How far down a dateline-led first paragraph is looked for when there is no byline
#: (section, headline, standfirst, date and caption lines may stand above it).
DATELINE_REACH: Final = 8
_SENTENCE_END: Final = re.compile(r"[.:;,]['\"’”»)]*+$")
_ANY_END: Final = re.compile(r"[.!?:;,]['\"’”»)]*+$")
_ANYWHERE_NOISE: Final = frozenset({"share", "navigation", "read_more", "promo", "credit"})
#: How many headline-like lines a related-stories heading may head in the middle of a story.
_RELATED_LINKS: Final = 8
_LINK_RULE: Final = "layout.related_link"
_LINK_REASON: Final = "related story"
_AFTER_END_RULE: Final = "layout.after_signoff"
_AFTER_END_REASON: Final = "after the story's end mark"
_SHORT_WORDS: Final = 6
_SHORT_CHARS: Final = 60
_LABEL_WORDS: Final = 4
_LABEL_CHARS: Final = 40
_HEADLINE_WORDS: Final = 30
_LABEL_ONLY_WORDS: Final = 2  # a label of so many words at most needs no third line under it
_HEADLINE_LEAST_WORDS: Final = 5
_BREADCRUMB: Final = re.compile(r" [>/|»›] ")
_UNSPACED_TOKEN: Final = 10  # characters per space-parted token beyond which a script has no spaces
_MOST_LABELS: Final = 2  # lines of navigation and section over a headline
_UNSPACED_LABEL: Final = 6  # characters of a section label in such a script ("国際", "国内经济")
_HEADLINE_CHARS: Final = 300


#: A role: the kind, the id of the rule that decided it, and the reason (removed blocks).
_Role = tuple[BlockKind, str, str]
#: A dateline form that matched a line, and its match; or None.
_Found = tuple[DatelineForm, regex.Match[str]] | None
#: A byline form that matched a line, its match, and the people it names.
_BylineFound = tuple[BylineForm, regex.Match[str], tuple[str, ...]]
_BODY: Final[_Role] = (BlockKind.BODY, "layout.body", "")
_TOPICS: Final[_Role] = (BlockKind.TOPICS, "layout.topics", "")
_HEADLINE: Final[_Role] = (BlockKind.HEADLINE, "layout.headline", "")
_STANDFIRST: Final[_Role] = (BlockKind.STANDFIRST, "layout.standfirst", "")
_LINK: Final[_Role] = (BlockKind.REMOVED, _LINK_RULE, _LINK_REASON)
_AFTER_END: Final[_Role] = (BlockKind.REMOVED, _AFTER_END_RULE, _AFTER_END_REASON)
_HEAD_KINDS: Final = frozenset({BlockKind.SECTION, BlockKind.HEADLINE, BlockKind.STANDFIRST})
_CAPTION_TEXT: Final[_Role] = (BlockKind.REMOVED, "layout.caption_text", RULE_KINDS["caption"])
#: The reasons of the roles that remove a photo's caption (a profile rule) or credit (a phrase).
_PHOTO_REASONS: Final = frozenset({RULE_KINDS["caption"], NOISE_KINDS["credit"][1]})
_REPEATED_HEAD: Final[_Role] = (BlockKind.REMOVED, "layout.repeated_head", "repeated headline")
_BREADCRUMB_ROLE: Final[_Role] = (
    BlockKind.REMOVED,
    "layout.breadcrumb",
    "navigation above the section",
)
_SITE_NAME: Final[_Role] = (BlockKind.REMOVED, "layout.site_name", "the agency's name on its page")
_SITE_NAME_CHARS: Final = 60
_SITE_NAME_WORDS: Final = 6
#: Lines between the byline and a paragraph led by the dateline: captions, dates, page tools.
_ABOVE_DATELINE: Final[_Role] = (
    BlockKind.REMOVED,
    "layout.above_dateline",
    "between the byline and the dateline",
)


def _removed_rule(rule: Rule) -> _Role:
    return (BlockKind.REMOVED, rule.id, rule.reason)


def _removed_hit(hit: NoiseHit) -> _Role:
    return (BlockKind.REMOVED, hit.rule, hit.reason)


def _site_name(text: str) -> bool:
    """Return True for a line that is only an agency's name, perhaps with one word more.

    A page's masthead or footer: "KYODO NEWS", "BERNAMA", "IANS हिंदी" (any
    known profile's name or alias, as bylines know them).
    """
    if len(text) > _SITE_NAME_CHARS or text.count(" ") > _SITE_NAME_WORDS:
        return False
    names = _agency_names()
    key = fold(text)
    return key in names or (" " in key and key.rsplit(" ", 1)[0] in names)


def _bare(text: str, phrase: str) -> bool:
    """Return True when *text* is *phrase* alone, but for case, space and a colon."""
    return fold(text).strip(" :\N{FULLWIDTH COLON}") == fold(phrase).strip(" :\N{FULLWIDTH COLON}")


def is_short(text: str) -> bool:
    """Return True for a line short enough to be a tag, not a paragraph."""
    return (
        len(text) <= _SHORT_CHARS and text.count(" ") < _SHORT_WORDS and not _ANY_END.search(text)
    )


def is_label(text: str) -> bool:
    """Return True for a line that reads as a section label ("World", "Middle East")."""
    return (
        len(text) <= _LABEL_CHARS
        and text.count(" ") < _LABEL_WORDS
        and not _ANY_END.search(text)
        and not any(ch.isdigit() for ch in text)
    )


def is_headline(text: str) -> bool:
    """Return True for a line that can be a headline (not a sentence ending in a stop)."""
    return (
        len(text) <= _HEADLINE_CHARS
        and text.count(" ") < _HEADLINE_WORDS
        and not _SENTENCE_END.search(text)
    )


class _Classifier:
    """The state of one classification: the blocks, their hits, the roles given so far."""

    def __init__(
        self,
        blocks: Sequence[Block],
        profile: CompiledProfile,
        lexicon: Lexicon,
        language: str | None,
    ) -> None:
        self.blocks = blocks
        self.profile = profile
        self.lexicon = lexicon
        self.texts = [block.text for block in blocks]
        self.noise = lexicon.noise_of(self.texts, prefer=language)
        self.roles: list[_Role | None] = [None] * len(blocks)
        self._dateline_cache: dict[int, tuple[_Found, _Found]] = {}
        # the byline line's index and what its form found there
        self._byline: tuple[int, _BylineFound] | None = None

    def _edge_noise(self, index: int, place: str) -> _Role | None:
        rule = self.profile.rule_hit(self.texts[index], place)
        if rule is not None:
            return _removed_rule(rule)
        hit = self.noise[index]
        if hit is not None:
            return _removed_hit(hit)
        if _site_name(self.texts[index]):
            return _SITE_NAME
        return None

    def _links_heading(self, index: int) -> str | None:
        """Return the kind of a related-stories heading or a lone cross-reference, else None.

        ("Related coverage", "관련 뉴스", "Read also", "Meer uit Binnenland"): the lines
        under it are links.
        """
        hit = self.noise[index]
        if hit is None or self.roles[index] != _removed_hit(hit):
            return None
        text = self.texts[index]
        # a cross-reference with nothing after it, or a heading of its own ("Meer uit Binnenland")
        heads = hit.kind == "related" or (
            hit.kind == "read_more" and (_bare(text, hit.phrase) or is_label(text))
        )
        return hit.kind if heads else None

    def head_pass(self) -> None:
        """Remove the noise lines at the very top (share bars, promos, breadcrumbs)."""
        for index in range(len(self.blocks)):
            role = self._edge_noise(index, "head")
            if role is None:
                return
            self.roles[index] = role

    def tail_pass(self) -> None:
        """Remove the noise lines at the end, and what related headings and end marks head.

        Read from the end. Noise lines are removed; lines that are no sentence
        (short, or headline-like) and other stories' leads (:meth:`_teaser`) wait
        until what is above them tells: under a related-topics heading the short
        ones are topics and the longer ones links to related stories, under a
        cross-reference alone on its line ("Read also", "Meer uit Binnenland") links, and
        after the story's end mark (a ``signoff`` rule: "(END)", "Enditem") they
        are no story. A sentence ends the pass; lines still waiting stay body.
        """
        pending: list[int] = []
        roles, texts = self.roles, self.texts
        for index in range(len(self.blocks) - 1, -1, -1):
            if roles[index] is not None:
                break
            role = self._edge_noise(index, "tail")
            if role is not None:
                roles[index] = role
                heading = self._links_heading(index)
                if heading is not None:
                    related = heading == "related"
                    for line in pending:
                        tag = related and is_short(texts[line]) and not self._teaser(line)
                        roles[line] = _TOPICS if tag else _LINK
                    pending = []
                elif role[1] in self.profile.signoff_rules:
                    for line in pending:
                        roles[line] = _AFTER_END
                    pending = []
                continue
            text = texts[index]
            if is_short(text) or is_headline(text) or self._teaser(index):
                pending.append(index)
                continue
            break

    def _teaser(self, index: int) -> bool:
        """Return True for another story's lead under a heading: it opens with a dateline.

        ("DEN HAAG (ANP) - Het kabinet …" under "Meer uit Binnenland"), or for its age
        ("1 uur geleden"). Such lines wait in the tail pass like headlines.
        """
        text = self.texts[index]
        if first_digit(text) is not None and is_date_line(
            text, order=self.profile.profile.date_order, lexicon=self.lexicon
        ):
            return True
        inline, _alone = self._datelines(index) if self.profile.timeout is None else (None, None)
        return inline is not None

    def middle_pass(self) -> list[int]:
        """Remove noise that counts anywhere; return the indices left to the layout."""
        roles, texts, noise = self.roles, self.texts, self.noise
        rule_hit = self.profile.rule_hit
        content = []
        links = 0  # how many more lines a related heading above may head
        for index, role in enumerate(roles):
            if role is not None:
                continue
            rule = rule_hit(texts[index], "anywhere")
            if rule is not None:
                roles[index] = _removed_rule(rule)
                continue
            hit = noise[index]
            if hit is not None and (hit.kind in _ANYWHERE_NOISE or hit.kind == "related"):
                roles[index] = _removed_hit(hit)
                links = _RELATED_LINKS if self._links_heading(index) else 0
                continue
            if links and is_headline(texts[index]):
                roles[index] = _LINK
                links -= 1
                continue
            links = 0
            content.append(index)
        return content

    def date_lines(self, content: list[int]) -> list[int]:
        """Remove lines near the top that are only a date ("Updated June 3, 2025 6:42 PM").

        Their dates are read again when the article is assembled; a date line
        without its year ("11 JUN, 14:35") is removed too, and gives no date.
        """
        order = self.profile.profile.date_order
        kept = []
        texts = self.texts
        for index in content[:DATE_LINE_REACH]:
            text = texts[index]
            if (  # what date_line refuses first, asked here without a call
                len(text) <= DATE_LINE_CHARS
                and first_digit(text) is not None
                and is_date_line(text, order=order, lexicon=self.lexicon)
            ):
                self.roles[index] = (BlockKind.REMOVED, DATE_LINE_RULE, "date line")
            else:
                kept.append(index)
        kept += content[DATE_LINE_REACH:]
        return kept

    def layout(self, content: list[int]) -> None:
        """Read section, headline, standfirst, byline, dateline and body from *content*."""
        found = self._find_byline(content)
        if found is not None:
            byline_at, form_id = found
            head, rest = content[:byline_at], content[byline_at + 1 :]
            self.roles[content[byline_at]] = (BlockKind.BYLINE, form_id, "")
            headline = self._head(head)
            rest = self._drop_repeats(rest, headline, head)
            start = self._dateline_start(rest, alone_stops=True)
            if start:  # the story opens at its dateline: what the page put above it is not story
                for index in rest[:start]:
                    self.roles[index] = _ABOVE_DATELINE
                rest = rest[start:]
            rest = self._standalone_dateline(rest)
        else:
            start = self._dateline_start(content)
            if start is None:
                head_size = 1 if len(content) > 1 and is_headline(self.texts[content[0]]) else 0
                if head_size:
                    head_size += self._labels_above(content)  # section labels, then the headline
            else:
                head_size = start
            head, rest = content[:head_size], content[head_size:]
            headline = self._head(head)
            rest = self._drop_repeats(rest, headline, head)
            if start is not None:
                rest = self._standalone_dateline(rest)
        roles = self.roles
        for index in rest:
            roles[index] = _BODY

    def _find_byline(self, content: list[int]) -> tuple[int, str] | None:
        """Return the position of the first line that matches a byline form and names people.

        With it comes the id of the form that matched.
        """
        for position, index in enumerate(content[:BYLINE_REACH]):
            found = match_byline(self.texts[index], self.profile, self.lexicon)
            if found is not None:
                self._byline = (index, found)
                return position, found[0].id
        return None

    def _datelines(self, index: int) -> tuple[_Found, _Found]:
        """Return the inline and the standalone dateline of block *index* (each read once)."""
        found = self._dateline_cache.get(index)
        if found is None:
            found = self.profile.datelines_of(self.texts[index])
            self._dateline_cache[index] = found
        return found

    def _dateline_start(self, content: list[int], *, alone_stops: bool = False) -> int | None:
        """Return where the body starts with a dateline (inline, or alone on its line).

        With *alone_stops*, a line that is only a standalone dateline ("ISTANBUL")
        ends the search there too.
        """
        guarded = self.profile.timeout is not None
        for position, index in enumerate(content[:DATELINE_REACH]):
            alone = position + 1 < len(content)
            if guarded:  # a user's patterns run (and may run out of time) only where needed
                text = self.texts[index]
                inline = self.profile.dateline(text, standalone=False)
                alone_found = None
                if inline is None and alone:
                    alone_found = self.profile.dateline(text, standalone=True)
            else:
                inline, alone_found = self._datelines(index)
            if inline is not None:
                return position
            # an inline-form dateline with nothing after it
            if alone and alone_found is not None and (alone_stops or not alone_found[0].standalone):
                return position
        return None

    def _head(self, head: list[int]) -> str | None:
        """Give the lines above the anchors their roles; return the headline's text."""
        if not head:
            return None
        while len(head) >= 3 and self._labels(head[1], head[2]) and self._labels(head[0], head[2]):  # noqa: PLR2004
            # "Новини" over "Економіка" over the headline: the outer label is navigation
            self.roles[head[0]] = _BREADCRUMB_ROLE
            head = head[1:]
        first = self.texts[head[0]]
        at = 0
        if len(head) >= 2 and (  # noqa: PLR2004 - a label needs a headline under it
            self.profile.is_section(first)
            or (len(head) >= 3 and is_label(first))  # noqa: PLR2004
            or self._labels(head[0], head[1])
        ):
            rule = "layout.section.known" if self.profile.is_section(first) else "layout.section"
            self.roles[head[0]] = (BlockKind.SECTION, rule, "")
            at = 1
        self.roles[head[at]] = _HEADLINE
        headline = fold(self.texts[head[at]])
        below = set(head[at + 1 :])
        for index in head[at + 1 :]:
            # the headline again (a photo caption on the page) is no standfirst, nor is
            # the text of a photo caption next to its credit line
            if fold(self.texts[index]) == headline:
                self.roles[index] = _REPEATED_HEAD
            elif self._caption_text(index, below):
                self.roles[index] = _CAPTION_TEXT
            else:
                self.roles[index] = _STANDFIRST
        return self.texts[head[at]]

    def _photo(self, index: int) -> bool:
        """Return True when line *index* was removed as a photo's credit or caption."""
        role = self.roles[index] if 0 <= index < len(self.roles) else None
        return role is not None and role[2] in _PHOTO_REASONS

    def _caption_text(self, index: int, head: set[int]) -> bool:
        """Return True for a caption's text beside its credit line under the headline.

        The line right after a credit; or the line right before one, unless a line
        of the head follows the credit (then that one is the caption, this one stays).
        """
        if self._photo(index - 1):
            return True
        return self._photo(index + 1) and index + 2 not in head

    def _labels_above(self, content: list[int]) -> int:
        """Return how many labels open *content* above its headline: two at most."""
        for count in range(_MOST_LABELS):
            if count + 2 >= len(content):
                break
            if self._labels(content[count], content[count + 1]):
                return count + 1
            if not self._labels(content[count], content[count + 2]):
                break
        return 0

    def _labels(self, first: int, second: int) -> bool:
        """Return True for a section label over a headline: "Economy" over five words or more.

        The label is one or two words, or a breadcrumb ("GENERAL > NEWS"); a
        headline is rarely as short, so two such lines are no headline and standfirst.
        """
        label, headline = self.texts[first], self.texts[second]
        spaces = headline.count(" ")
        # in a script without spaces (米、日本製半導体装置の…) length tells a headline instead
        unspaced = len(headline) > _UNSPACED_TOKEN * (spaces + 1)
        if unspaced and (len(label) > _UNSPACED_LABEL or headline.endswith(tuple(_CJK_STOPS))):
            return False  # a label of a few characters; a headline is no sentence (。)
        return (
            is_label(label)
            and (label.count(" ") < _LABEL_ONLY_WORDS or _BREADCRUMB.search(label) is not None)
            and is_headline(headline)
            and (spaces >= _HEADLINE_LEAST_WORDS - 1 or unspaced)
        )

    def _drop_repeats(self, rest: list[int], headline: str | None, head: list[int]) -> list[int]:
        """Remove later copies of the headline or standfirst (photo captions on the page)."""
        if headline is None:
            return rest
        # what the head kept (section, headline, standfirst): not a caption's text removed there
        seen = {
            fold(self.texts[i])
            for i in head
            if (role := self.roles[i]) is not None and role[0] in _HEAD_KINDS
        }
        seen.discard("")
        # folding never shortens a text but by the combining dots it drops: a longer line
        # without them cannot be a copy, and most body lines are longer
        longest = max(map(len, seen), default=0)
        kept = []
        texts = self.texts
        for index in rest:
            text = texts[index]
            if len(text) > longest and "\N{COMBINING DOT ABOVE}" not in text:
                kept.append(index)
            elif fold(text) in seen:
                self.roles[index] = _REPEATED_HEAD
            else:
                kept.append(index)
        return kept

    def _standalone_dateline(self, rest: list[int]) -> list[int]:
        """Give the dateline role to a first line that is only a dateline, if a body follows."""
        if len(rest) < 2:  # noqa: PLR2004 - a dateline needs a body after it
            return rest
        if self.profile.timeout is not None:
            found = self.profile.dateline(self.texts[rest[0]], standalone=True)
        else:
            _inline, found = self._datelines(rest[0])
        if found is None:
            return rest
        self.roles[rest[0]] = (BlockKind.DATELINE, found[0].id, "")
        return rest[1:]

    def result(self) -> tuple[ClassifiedBlock, ...]:
        """Return the classified blocks, with what was read on their lines handed on.

        The assembler then reads no byline or dateline line again. A user's
        profile hands nothing on: its patterns run again there, so one that runs
        out of time is noted as often as it ever was.
        """
        if not self.blocks:
            return ()
        kinds, rules, reasons = zip(*[role or _BODY for role in self.roles], strict=True)
        lines = [block.lines for block in self.blocks]
        out = trusted_columns(self.texts, lines, kinds, rules, reasons)
        if self.profile.timeout is None:
            if self._byline is not None:
                hand_on_byline(out[self._byline[0]], self._byline[1])
            for index, found in self._dateline_cache.items():
                hand_on_datelines(out[index], found)
        return out


def classify(
    blocks: Sequence[Block],
    profile: CompiledProfile,
    lexicon: Lexicon,
    *,
    language: str | None = None,
) -> tuple[ClassifiedBlock, ...]:
    """Return every block with its role and the id of the rule that decided it."""
    state = _Classifier(blocks, profile, lexicon, language)
    state.head_pass()
    state.tail_pass()
    content = state.middle_pass()
    content = state.date_lines(content)
    state.layout(content)
    return state.result()
