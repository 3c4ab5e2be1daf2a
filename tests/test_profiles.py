"""Profiles: built-in ones load, users build their own, bad data is named precisely."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import wireparse
from wireparse import InvalidProfileError, Profile, Rule, UnknownProfileError
from wireparse._dates import date_line
from wireparse._phrases import lexicon


class TestBuiltins:
    """The shipped profiles."""

    def test_generic_and_aa_exist(self):
        """generic is the fallback; aa extends it."""
        names = [p.name for p in wireparse.builtin_profiles()]
        assert names == sorted(names)
        assert {"generic", "aa"} <= set(names)
        assert wireparse.get_profile("aa").extends == "generic"

    def test_aliases_find_a_profile(self):
        """A profile is found by name or alias."""
        assert wireparse.get_profile("Anadolu").name == "aa"

    def test_extends_appends_rules(self):
        """A profile that extends another has the parent's rules and its own."""
        aa = wireparse.get_profile("aa")
        ids = {r.id for r in aa.rules}
        assert {"generic.copyright", "aa.subscription"} <= ids

    def test_unknown_name(self):
        """An unknown name raises with the known names."""
        with pytest.raises(UnknownProfileError, match="known profiles: aa"):
            wireparse.get_profile("nope")


class TestUserProfiles:
    """Profiles users write, in Python or TOML."""

    def test_python_profile_is_used(self):
        """A Profile built with attrs.evolve adds a rule that parse applies."""
        base = wireparse.get_profile("generic")
        mine = attrs.evolve(
            base,
            name="gazette",
            rules=(
                *base.rules,
                Rule(id="gazette.promo", kind="promo", where="tail", pattern=r"^Read the Gazette"),
            ),
        )
        article = wireparse.parse(
            "Storm hits coast\n\nThe storm hit the coast.\n\nRead the Gazette daily", profile=mine
        )
        assert article.agency == "gazette"
        assert [r.rule for r in article.removed] == ["gazette.promo"]
        assert article.body == ("The storm hit the coast.",)

    def test_toml_profile_with_extends(self, tmp_path):
        """from_toml reads a profile that extends a built-in one."""
        path = tmp_path / "gazette.toml"
        path.write_text(
            'name = "gazette"\nextends = "generic"\n'
            "[[rules]]\n"
            'id = "gazette.promo"\nkind = "promo"\nwhere = "tail"\n'
            "pattern = '''^Read the Gazette'''\n",
            encoding="utf-8",
        )
        profile = Profile.from_toml(path)
        assert profile.extends == "generic"
        assert profile.source == str(path)
        assert "generic.copyright" in {r.id for r in profile.rules}

    @pytest.mark.parametrize(
        ("body", "key", "rule_id"),
        [
            ('name = "x"\ncolour = "red"\n', "colour", None),
            ('name = "x"\naliases = "AA"\n', "aliases", None),
            (
                'name = "x"\n[[rules]]\nid = "x.a"\nkind = "nonsense"\npattern = "a"\n',
                "rules",
                "x.a",
            ),
            (
                'name = "x"\n[[rules]]\nid = "x.b"\nkind = "promo"\npattern = "(unclosed"\n',
                "rules.pattern",
                "x.b",
            ),
            (
                'name = "x"\n[[rules]]\nid = "x.c"\nkind = "promo"\npatern = "a"\n',
                "rules.patern",
                "x.c",
            ),
            (
                'name = "x"\n[[datelines]]\nid = "x.d"\npattern = "(?P<city>A)"\n',
                "datelines.pattern",
                "x.d",
            ),
            (
                'name = "x"\n[[bylines]]\nid = "x.e"\npattern = "\\\\L<nolist>"\n',
                "bylines.pattern",
                "x.e",
            ),
            ('date_order = "dmy"\n', "name", None),
            ('name = "x"\n[zones]\n"I5T" = 330\n', "zones", None),
            ('name = "x"\n[zones]\nIST = 9000\n', "zones.IST", None),
            ('name = "x"\n[zones]\nIST = "+05:30"\n', "zones.IST", None),
        ],
        ids=[
            "unknown-key",
            "wrong-type",
            "bad-kind",
            "bad-regex",
            "typo-in-rule",
            "bad-group",
            "bad-list",
            "no-name",
            "zone-name",
            "zone-range",
            "zone-type",
        ],
    )
    def test_invalid_profile_names_file_key_and_rule(self, tmp_path, body, key, rule_id):
        """A mistake in a profile file raises InvalidProfileError naming the file, key and rule."""
        path = tmp_path / "bad.toml"
        path.write_text(body, encoding="utf-8")
        with pytest.raises(InvalidProfileError) as info:
            Profile.from_toml(path)
        error = info.value
        assert error.source == str(path)
        assert error.key == key
        assert error.rule_id == rule_id
        assert str(path) in str(error)

    def test_not_toml(self, tmp_path):
        """A file that is not TOML is named in the error."""
        path = tmp_path / "broken.toml"
        path.write_text("name = \n", encoding="utf-8")
        with pytest.raises(InvalidProfileError, match=r"broken\.toml: not valid TOML"):
            Profile.from_toml(path)

    def test_missing_file(self, tmp_path):
        """A missing file is an InvalidProfileError naming it."""
        with pytest.raises(InvalidProfileError, match="cannot read"):
            Profile.from_toml(tmp_path / "absent.toml")

    def test_unknown_parent(self, tmp_path):
        """extends naming no profile raises UnknownProfileError."""
        path = tmp_path / "orphan.toml"
        path.write_text('name = "orphan"\nextends = "nobody"\n', encoding="utf-8")
        with pytest.raises(UnknownProfileError):
            Profile.from_toml(path)


class TestDetection:
    """Detection reads signatures where an agency puts them, not mentions in the text."""

    def test_a_story_quoting_another_agency_is_not_its_copy(self):
        """'..., Reuters reported' in an AA story does not make it Reuters copy."""
        text = (
            "Talks resume in Geneva\n\nANKARA (AA) - Talks resumed on Friday, Reuters reported.\n\n"
            "The Associated Press and AFP said the same, citing Reuters."
        )
        assert wireparse.detect_profile(text).name == "aa"
        assert wireparse.parse(text).agency == "aa"

    def test_nothing_convincing_gives_none(self):
        """Plain text with no agency signature detects nothing and parses as generic."""
        text = "A headline\n\nA paragraph that mentions Reuters and AP in passing."
        assert wireparse.detect_profile(text) is None
        assert wireparse.parse(text).agency is None


class TestRunawayPatterns:
    """A pattern that could backtrack without end is refused or, at run time, skipped."""

    def test_nested_repeat_is_refused_at_load(self, tmp_path):
        """'(\\w+\\s?)*' is refused, naming the rule and saying how to fix it."""
        path = tmp_path / "slow.toml"
        path.write_text(
            "name = \"slow\"\n[[rules]]\nid = \"slow.rule\"\nkind = \"promo\"\npattern = '''^(\\w+\\s?)*$'''\n",
            encoding="utf-8",
        )
        with pytest.raises(InvalidProfileError, match="possessive") as info:
            Profile.from_toml(path)
        assert info.value.rule_id == "slow.rule"

    def test_shipped_patterns_are_safe(self):
        """No built-in pattern has the runaway shape."""
        from wireparse._safety import can_run_away  # noqa: PLC0415

        for profile in wireparse.builtin_profiles():
            for group in (profile.rules, profile.datelines, profile.bylines, profile.signatures):
                assert not any(can_run_away(item.pattern) for item in group), profile.name

    def test_a_slow_user_rule_is_skipped_not_hung(self):
        """A user's pattern that runs out of time is skipped for that line and noted."""
        base = wireparse.get_profile("generic")
        slow = Rule(id="mine.slow", kind="promo", where="anywhere", pattern=r"^(?:a|aa)+b")
        mine = attrs.evolve(base, name="mine", rules=(*base.rules, slow))
        text = "Headline\n\n" + "a" * 60 + "\n\nThe end."
        explained = wireparse.explain(text, profile=mine)
        assert "rule skipped (ran out of time): mine.rules[anywhere]" in explained.notes
        assert "a" * 60 in explained.article.body


class TestZones:
    """A profile's own zone abbreviations ([zones]): ambiguous ones the shipped table lacks."""

    @given(
        st.sampled_from(("ians", "pti")),
        st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31)),
        st.integers(1, 12),
        st.integers(0, 59),
    )
    def test_indian_agencies_read_ist(self, name, day, hour, minute):
        """IST on an Indian agency's page is +05:30; with no profile it has no offset."""
        month = day.strftime("%b")
        line = f"Updated: {day.day} {month} {day.year} {hour}:{minute:02d} PM IST"
        zones = wireparse.get_profile(name).zones
        found = date_line(line, order="dmy", lexicon=lexicon(), zones=zones)
        assert found is not None
        assert found.updated is not None
        ist = dt.timezone(dt.timedelta(minutes=330))
        expected = dt.datetime(day.year, day.month, day.day, hour % 12 + 12, minute, tzinfo=ist)
        assert found.updated == expected
        plain = date_line(line, order="dmy", lexicon=lexicon())
        assert plain is not None
        assert plain.updated == expected.replace(tzinfo=None)

    def test_zones_from_a_file_and_from_python(self, tmp_path):
        path = tmp_path / "hws.toml"
        path.write_text('name = "hws"\nextends = "generic"\n[zones]\nCST = -360\n', "utf-8")
        assert Profile.from_toml(path).zones == (("CST", -360),)
        assert Profile(name="hws", zones={"IST": 330, "CST": -360}).zones == (
            ("CST", -360),
            ("IST", 330),
        )

    def test_a_parse_uses_the_profile_zones(self):
        text = (
            "Harbour city opens a new ferry line to the islands\n\n"
            "Published: 14 Jan 2026 5:05 PM IST\n\n"
            "Mumbai, Jan 14 (IANS) The ferry line opened on Wednesday."
        )
        article = wireparse.parse(text, profile="ians")
        assert article.published == dt.datetime(
            2026, 1, 14, 17, 5, tzinfo=dt.timezone(dt.timedelta(minutes=330))
        )
