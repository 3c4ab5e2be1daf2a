"""The classifier's shortcuts give what the plain forms of their rules give."""

from __future__ import annotations

from pathlib import Path

import pytest

from wireparse._compiled import compiled
from wireparse._extract.byline import _strip_locator
from wireparse._phrases import lexicon
from wireparse._segment import segment
from wireparse.profiles import builtin_profiles

CORPUS = Path(__file__).parent / "corpus"


def _corpus_lines() -> list[str]:
    return [
        block.text
        for path in sorted(CORPUS.glob("*.txt"))
        for block in segment(path.read_text(encoding="utf-8"))
    ]


def _strip_reference(part: str) -> str:
    for locator in lexicon().lists.get("byline_locators", ()):
        marker = f"{locator} "
        if part.startswith(marker) and part[len(marker) : len(marker) + 1].isupper():
            return ""
        at = part.find(f" {marker}")
        if at > 0 and part[at + len(marker) + 1 : at + len(marker) + 2].isupper():
            return part[:at]
    return part


class TestStripLocator:
    def test_same_as_trying_every_locator(self):
        """Names with and without a place, at the start, inside, at the end, doubled spaces."""
        parts = ["Jane Doe", "Jane Doe in Paris", "in Washington", "Jane Doe in", "Jane  in Rome"]
        for locator in lexicon().lists["byline_locators"]:
            parts += [
                f"{locator} Paris",
                f"Jane Doe {locator} Paris",
                f"Jane {locator} doe",
                f"Jane Doe {locator}",
                f"{locator}",
                f"Jane {locator}  Paris",
                f"A {locator} B {locator} C",
            ]
        parts += _corpus_lines()
        for part in parts:
            assert _strip_locator(part, lexicon()) == _strip_reference(part), part


class TestDatelinesOf:
    @pytest.mark.parametrize("profile", builtin_profiles(), ids=lambda p: p.name)
    def test_same_as_two_calls(self, profile):
        """One run of the forms answers both questions as two runs would."""
        view = compiled(profile)
        for line in _corpus_lines():
            inline = view.dateline(line, standalone=False)
            alone = view.dateline(line, standalone=True)
            got_inline, got_alone = view.datelines_of(line)
            assert (got_inline is None) == (inline is None), line
            assert (got_alone is None) == (alone is None), line
            for got, want in ((got_inline, inline), (got_alone, alone)):
                if got is not None and want is not None:
                    assert got[0] == want[0]
                    assert got[1].span() == want[1].span()


class TestStdlibPatterns:
    def test_same_matches_as_regex(self):
        """The patterns moved to the standard library's re find what regex found."""
        import regex  # noqa: PLC0415 - only this test compares the two engines

        from wireparse import _classify, _compiled, _dates, _phrases  # noqa: PLC0415

        samples = [
            *_corpus_lines(),
            "2025-05-02T10:00:00+03:00",
            "\u0662\u0660\u0662\u0665-\u0660\u0665-\u0660\u0662",  # Arabic-Indic digits
            "02.05.2025 14:05",
            "5 / 4 / 2025",
            "1.2.25",
            "He said.\u201d",
            "Title\n",
            "(?i)pattern",
            "sr-Cyrl",
            "en",
        ]
        for pattern in (
            _classify._SENTENCE_END,
            _classify._ANY_END,
            _compiled._GLOBAL_FLAGS,
            _phrases._LANG_CODE,
            _dates._ISO,
            _dates._NUMERIC,
        ):
            twin = regex.compile(pattern.pattern)
            for text in samples:
                ours, theirs = pattern.search(text), twin.search(text)
                assert (ours is None) == (theirs is None), (pattern.pattern, text)
                if ours is not None and theirs is not None:
                    assert ours.groups() == theirs.groups()
                    assert ours.span() == theirs.span()


class TestBylineShortcuts:
    def _samples(self) -> list[str]:
        out = _corpus_lines()
        for prefix in lexicon().lists["byline_prefixes"]:
            for form in (prefix, prefix.upper(), prefix.lower(), prefix.title()):
                out += [f"{form} Jane Doe", f"{form}: Jane Doe", f"  {form}  Jane", form]
        out += ["BY\u0307\u0307\u0307\u0307\u0307\u0307\u0307\u0307 Jane", "Bİ Jane", "bı Jane"]
        return out

    def test_prefix_filter_never_hides_a_prefix(self):
        """Whenever the prefix pattern would strip something, the opening filter lets it run."""
        from wireparse._extract.byline import _KEY_CHARS, _PEEK, _tools  # noqa: PLC0415
        from wireparse._phrases import fold  # noqa: PLC0415

        tools = _tools(lexicon())
        for raw in self._samples():
            text = raw.strip()
            if tools.prefix.sub("", text, count=1) != text:
                opening = fold(text[:_PEEK])
                known = any(opening[:n] in tools.openings for n in range(1, _KEY_CHARS + 1))
                assert known or (len(opening) < _KEY_CHARS and len(text) > _PEEK), text

    def test_fold_keeps_the_words_apart(self):
        """Folding a name whole splits as folding each word: only U+0307 folds to nothing."""
        import sys  # noqa: PLC0415

        from wireparse._phrases import fold  # noqa: PLC0415

        for code in range(sys.maxunicode + 1):
            char = chr(code)
            folded = fold(char)
            if char.isspace():
                assert folded == char, hex(code)
            else:
                assert not any(c.isspace() for c in folded), hex(code)
                assert folded or char == "\N{COMBINING DOT ABOVE}", hex(code)

    def test_is_person_same_as_before(self):
        """Each word folded once gives the answers folding it at every test gave."""
        from wireparse._extract.byline import (  # noqa: PLC0415
            _NAME_CHARS,
            _agencies_for,
            _is_person,
            _tools,
        )
        from wireparse._phrases import fold  # noqa: PLC0415
        from wireparse.profiles import get_profile  # noqa: PLC0415

        tools = _tools(lexicon())
        agencies = _agencies_for(get_profile("aa"))

        def before(part: str) -> bool:
            key = fold(part)
            if not key or key in agencies or key in tools.roles:
                return False
            words = part.split()
            if any(fold(w) in agencies for w in words) and len(words) <= 3:
                return False
            tail = [fold(w) for w in words]  # a title of several words at the end too
            if any(fold(w) in tools.roles for w in words) or (
                len(tail) > 2 and any(" ".join(tail[-n:]) in tools.roles for n in (2, 3))
            ):
                return False
            capitalised = 0
            for word in words:
                if not _NAME_CHARS.match(word):
                    return False
                if not word[0].islower():  # a capital, or a script without case
                    capitalised += 1
                elif fold(word) not in tools.particles and not fold(word).startswith(
                    tools.prefixes
                ):
                    return False
            return capitalised >= 1 and len(words) <= 6

        parts = [p for line in self._samples() for p in (line, *line.split(","))]
        parts += ["Jane van der Berg", "Ahmed al-Masri", "UPI Staff", "Political Editor", ""]
        parts += ["Jane \u0307 Doe", "\u0307\u0307 Staff", "İzmir Ünal", "Straße Weiß", "ǅenan"]
        for part in parts:
            assert _is_person(part, agencies, tools) == before(part), part


def _rule_samples() -> list[str]:
    """Corpus lines, every rule's own examples spliced in at the start, inside and at the end."""
    out = _corpus_lines()
    for tail in (
        "© 2025 Agency",
        "(c) Agency",
        "Copyright 2025 The Associated Press. All rights reserved.",
        "All rights reserved.",
        "RIPRODUZIONE RISERVATA © Copyright ANSA",
        "Archivo - Someone",
        "A caption - Europa Press - Archivo",
        "(Kyodo) ==Kyodo",
        "Photo by Jane Doe/UPI | License Photo",
        "Архивное фото",
        "Some text. Архивное фото.",
        "---",
        "-30-",
        "",
    ):
        out += [tail, f"Body text {tail}", f"{tail} body text", f"x{tail}", f"{tail}\n{tail}"]
    return out


class TestRuleHit:
    @pytest.mark.parametrize("profile", builtin_profiles(), ids=lambda p: p.name)
    def test_same_as_one_search(self, profile):
        """A match at the start, then the unanchored branches, give what one search gives."""
        view = compiled(profile)
        for place, matcher in view.rule_matchers.items():
            for line in _rule_samples():
                match = matcher.search(line)
                want = None if match is None else view.rules[int(match.lastgroup[1:])]
                assert view.rule_hit(line, place) == want, (place, line)

    def test_branches_of_a_pattern(self):
        """Top-level alternatives are split where a search would try them, and nowhere else."""
        from wireparse._compiled import top_branches  # noqa: PLC0415

        assert top_branches("^a|b$") == [("^a", True), ("b$", False)]
        assert top_branches("(?i)^a|b") == [("(?i:^a)", True), ("(?i:b)", False)]
        assert top_branches("(?m)^a") == [("(?m:^a)", False)]
        assert top_branches("(?:^a|b)") == [("(?:^a|b)", False)]
        assert top_branches(r"[|]|\||[^]|]") == [("[|]", False), (r"\|", False), ("[^]|]", False)]
        assert top_branches("a(?i)b") is None
        assert top_branches("(a|b") is None


class TestDateLineDigits:
    def test_no_digit_no_date_line(self):
        """A line without a digit was never a date line: the check before the words is safe."""
        import regex  # noqa: PLC0415

        from wireparse._dates import read_date  # noqa: PLC0415

        words = lexicon()
        months = sorted(words.month_names)[:200]
        samples = [*_corpus_lines(), *months, *(f"Updated {m}" for m in months)]
        for text in samples:
            if regex.search(r"\d", text) is None:
                for order in ("dmy", "mdy", "ymd"):
                    assert read_date(text, order=order, lexicon=words) is None, text


class TestHandedOn:
    @pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
    def test_same_as_read_afresh(self, path):
        """What the classifier hands on is what the assembler would read on the lines itself."""
        import attrs  # noqa: PLC0415

        from wireparse._assemble import assemble  # noqa: PLC0415
        from wireparse._classify import classify  # noqa: PLC0415
        from wireparse._normalize import normalize  # noqa: PLC0415
        from wireparse.blocks import byline_found, datelines_found  # noqa: PLC0415

        blocks = segment(normalize(path.read_text(encoding="utf-8")))
        for profile in builtin_profiles():
            view = compiled(profile)
            classified = classify(blocks, view, lexicon())
            # rebuilt by the checking constructor: equal blocks with nothing handed on
            fresh = tuple(attrs.evolve(block) for block in classified)
            assert fresh == classified
            assert not any(byline_found(b) or datelines_found(b) for b in fresh)
            handed = [b for b in classified if byline_found(b) or datelines_found(b)]
            got = assemble(classified, view, lexicon(), agency=None, language=None)
            want = assemble(fresh, view, lexicon(), agency=None, language=None)
            assert got == want, (path.name, profile.name, len(handed))

    def test_not_part_of_the_value(self):
        """A block with something handed on prints, compares and pickles as one without."""
        import pickle  # noqa: PLC0415

        from wireparse.blocks import (  # noqa: PLC0415
            BlockKind,
            ClassifiedBlock,
            datelines_found,
            hand_on_datelines,
        )

        block = ClassifiedBlock(text="ISTANBUL", lines=(1,), kind=BlockKind.DATELINE, rule="x")
        plain = ClassifiedBlock(text="ISTANBUL", lines=(1,), kind=BlockKind.DATELINE, rule="x")
        hand_on_datelines(block, (None, None))
        assert datelines_found(block) == (None, None)
        assert block == plain
        assert repr(block) == repr(plain)
        assert hash(block) == hash(plain)
        again = pickle.loads(pickle.dumps(block))  # noqa: S301 - our own data
        assert again == plain
        assert datelines_found(again) is None


def _dateline_reference(view, line: str, *, standalone: bool):
    """The first form of the asked kind, trying every form on the line afresh."""
    for form, pattern in view.datelines:
        match = pattern.match(line)
        if match is None:
            continue
        whole = not line[match.end() :].strip()
        if standalone and whole:
            return form, match
        if not standalone and not form.standalone and not whole:
            return form, match
    return None


class TestDatelineForms:
    @pytest.mark.parametrize("profile", builtin_profiles(), ids=lambda p: p.name)
    def test_same_as_trying_every_form(self, profile):
        """The datelines of one run of the forms are those each form gives afresh."""
        view = compiled(profile)
        for line in _corpus_lines():
            for standalone in (False, True):
                got = view.dateline(line, standalone=standalone)
                want = _dateline_reference(view, line, standalone=standalone)
                assert (got is None) == (want is None), line
                if got is not None and want is not None:
                    assert got[0] == want[0]
                    assert got[1].span() == want[1].span()
                    assert got[1].groupdict() == want[1].groupdict()


class TestRequiredMarks:
    def test_marks_of_a_pattern(self):
        """Top-level punctuation literals only: not in a group, not optional, no alternation."""
        from wireparse._compiled import required_marks  # noqa: PLC0415

        assert required_marks(r"^(?P<p>\p{Lu}+)[ ]*+\((?P<a>[^()]{1,40}+)\)") == ("(", ")")
        assert required_marks(r"^a(?:,b)?\.?/c{1,3}") == ("/",)
        assert required_marks(r"^\L<month>, \N{EM DASH}") == (",",)
        assert required_marks(r"a,|b,") == ()
        assert required_marks(r"(?x)a , b") == ()
        assert required_marks(r"a[,(]b") == ()
        assert required_marks("a\\") == ()

    @pytest.mark.parametrize("profile", builtin_profiles(), ids=lambda p: p.name)
    def test_every_match_holds_them(self, profile):
        """A line a form matches holds the form's marks; forms are tried as before."""
        view = compiled(profile)
        pairs = [
            *zip(view.datelines, view.dateline_marks, strict=True),
            *zip(view.bylines, view.byline_marks, strict=True),
        ]
        for line in _rule_samples():
            for (_form, pattern), marks in pairs:
                if pattern.match(line) is not None:
                    assert all(mark in line for mark in marks), (line, marks)
