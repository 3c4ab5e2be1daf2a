"""The shipped data: every TOML file loads, validates and compiles."""

from __future__ import annotations

import attrs
import pytest

import wireparse
from strategies import BODY_WORDS, CAPITAL_WORDS, TOPIC_WORDS
from wireparse._compiled import compiled
from wireparse._phrases import NOISE_KINDS, build_table, fold, lexicon, phrase_table, phrase_tables
from wireparse._resources import data_names, read_data
from wireparse.exceptions import InvalidProfileError


class TestPhraseTables:
    """data/phrases/*.toml"""

    @pytest.mark.parametrize("stem", data_names("phrases"))
    def test_each_table_loads_and_is_named_after_its_file(self, stem):
        """Every phrase file validates, and its language is its file name."""
        data, source = read_data("phrases", stem)
        table = build_table(data, source)
        assert table.language == stem
        assert len(table.months) in (0, 12)
        assert len(table.weekdays) in (0, 7)

    @pytest.mark.parametrize("code", sorted(phrase_tables()))
    def test_no_phrase_is_two_kinds_of_noise(self, code):
        """Within one language, no phrase is both (say) a share button and a heading."""
        seen: dict[str, str] = {}
        table = phrase_tables()[code]
        for kind in NOISE_KINDS:
            for phrase in table.get(kind):
                assert seen.setdefault(fold(phrase), kind) == kind, phrase

    def test_closed_schema(self):
        """An unknown key is refused, naming it."""
        with pytest.raises(InvalidProfileError, match="'shares'"):
            build_table({"language": "xx", "name": "X", "shares": ["a"]}, "xx.toml")

    def test_months_must_be_twelve(self):
        """A month list of the wrong length is refused."""
        with pytest.raises(InvalidProfileError, match="months"):
            build_table({"language": "xx", "name": "X", "months": [["a"]]}, "xx.toml")

    def test_one_word_names_must_be_scripts(self):
        """A script name the pattern engine does not know is refused, naming the key."""
        data = {"language": "xx", "name": "X", "one_word_names": ["Hangul", "Klingonish"]}
        with pytest.raises(InvalidProfileError, match="Klingonish"):
            build_table(data, "xx.toml")
        assert build_table({**data, "one_word_names": ["Hangul"]}, "xx.toml").get(
            "one_word_names"
        ) == ("Hangul",)

    @pytest.mark.parametrize("mark", ["2", "時 分", " ", "x1"])
    def test_marks_hold_no_digits_or_spaces(self, mark):
        """A mark is what follows a number: one with a digit or a space is refused."""
        data = {"language": "xx", "name": "X", "hour_marks": ["h", mark]}
        with pytest.raises(InvalidProfileError, match="hour_marks"):
            build_table(data, "xx.toml")

    def test_french_verbs_come_with_their_inverted_forms(self):
        """Every "a X" speech verb has "a-t-il X" and "a-t-elle X": French inverts after a quote."""
        verbs = set(phrase_table("fr").get("speech_verbs"))
        for verb in sorted(verbs):
            if verb.startswith("a ") and " " not in verb[2:]:
                for pronoun in ("il", "elle"):
                    assert f"a-t-{pronoun} {verb[2:]}" in verbs, verb

    def test_a_whole_line_phrase_has_one_kind(self):
        """A phrase that makes a whole line (share, navigation, related) is of one kind only.

        The kinds are tried in order, so a phrase in two would never be read as the second
        ("Más información:" as a button would stop heading the links under it).
        """
        line_kinds = [kind for kind, (how, _reason) in NOISE_KINDS.items() if how == "line"]
        for code, table in phrase_tables().items():
            seen: dict[str, str] = {}
            for kind in (*line_kinds, "read_more"):
                for phrase in table.get(kind):
                    key = fold(phrase).strip(" :")
                    assert seen.setdefault(key, kind) == kind, (code, phrase, seen[key], kind)

    def test_generated_vocabulary_is_not_noise(self):
        """The words test stories are built from never read as noise, alone or opening a line."""
        words = lexicon()
        for word in (*BODY_WORDS, *CAPITAL_WORDS, *TOPIC_WORDS):
            assert words.noise(word) is None, word
            assert words.noise(f"{word.capitalize()} {BODY_WORDS[0]} end.") is None, word


class TestProfiles:
    """data/profiles/*.toml"""

    @pytest.mark.parametrize("profile", wireparse.builtin_profiles(), ids=lambda p: p.name)
    def test_each_profile_compiles(self, profile):
        """Every built-in profile's patterns compile together."""
        view = compiled(profile)
        assert view.profile is profile
        assert profile.source == "built-in"

    @pytest.mark.parametrize("profile", wireparse.builtin_profiles(), ids=lambda p: p.name)
    def test_each_pattern_passes_the_checks_users_get(self, profile):
        """Shipped patterns load unchecked for speed; rebuilt, each passes every load-time check."""
        for group in (profile.rules, profile.datelines, profile.bylines, profile.signatures):
            for item in group:
                assert attrs.evolve(item) == item  # evolve re-runs the validators

    @pytest.mark.parametrize("profile", wireparse.builtin_profiles(), ids=lambda p: p.name)
    def test_rule_ids_are_unique(self, profile):
        """No two rules, forms or signatures of a profile share an id."""
        for group in (profile.rules, profile.datelines, profile.bylines, profile.signatures):
            ids = [item.id for item in group]
            assert len(ids) == len(set(ids))
