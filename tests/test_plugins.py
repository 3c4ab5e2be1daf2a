"""Profiles from installed packages (entry points), overriding, and house-style windows."""

from __future__ import annotations

import datetime as dt
import sys
import textwrap
from pathlib import Path

import attrs
import pytest

import wireparse
from wireparse import InvalidProfileError, Profile, ProfileConflictWarning
from wireparse._cli import main
from wireparse.profiles import reload_plugins

GAZETTE_STORY = "Harbour reopens\n\nPORTVILLE (GZT) - The harbour reopened on Monday.\n\nGazette Wire: all rights reserved"
PLUGIN_MODULE = """
from wireparse import Profile, Rule, Signature, get_profile

base = get_profile("generic")
gazette = Profile(
    name="gazette",
    display_name="Gazette Wire",
    extends="generic",
    aliases=("GZT",),
    languages=("en",),
    datelines=base.datelines,
    bylines=base.bylines,
    rules=(*base.rules, Rule(id="gazette.notice", kind="copyright", where="tail", pattern="^Gazette Wire: all rights reserved$")),
    signatures=(Signature(id="gazette.dateline", pattern=r"^\\p{Lu}[\\p{Lu} ]++\\(GZT\\) -", weight=3),),
)
{extra}
"""


def _install(site: Path, body: str, entry: str) -> None:
    """Lay out a tiny installed distribution: a module and its dist-info with an entry point."""
    (site / "gazette_profiles.py").write_text(body, encoding="utf-8")
    info = site / "gazette_profiles-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: gazette-profiles\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(f"[wireparse.profiles]\n{entry}\n", encoding="utf-8")


@pytest.fixture(name="site")
def _site(tmp_path, monkeypatch):
    """A temporary site directory on sys.path; plugins are rescanned before and after."""
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "gazette_profiles", raising=False)
    reload_plugins()
    yield tmp_path
    reload_plugins()


class TestEntryPointPlugins:
    """A package declaring wireparse.profiles entry points adds profiles."""

    def test_plugin_profile_takes_part_in_detection(self, site):
        """The plugin's profile is listed, found by name and detected from its signature."""
        _install(site, PLUGIN_MODULE.replace("{extra}", ""), "gazette = gazette_profiles:gazette")
        reload_plugins()
        assert "gazette" in [p.name for p in wireparse.available_profiles()]
        assert wireparse.get_profile("GZT").source == "plugin:gazette_profiles:gazette"
        article = wireparse.parse(GAZETTE_STORY)
        assert article.agency == "gazette"
        assert article.dateline is not None
        assert article.dateline.agency == "GZT"
        assert [r.rule for r in article.removed] == ["gazette.notice"]

    def test_plugin_listed_by_the_command_line(self, site, capsys):
        """wireparse profiles shows the plugin and where it comes from."""
        _install(site, PLUGIN_MODULE.replace("{extra}", ""), "gazette = gazette_profiles:gazette")
        reload_plugins()
        assert main(["profiles"]) == 0
        line = next(
            row for row in capsys.readouterr().out.splitlines() if row.startswith("gazette")
        )
        assert "plugin:gazette_profiles:gazette" in line

    def test_a_plugin_cannot_silently_replace_a_builtin(self, site):
        """A profile named like a built-in one is skipped with a warning."""
        extra = 'reuters = Profile(name="reuters", display_name="Not Reuters")'
        _install(site, PLUGIN_MODULE.replace("{extra}", extra), "fake = gazette_profiles:reuters")
        reload_plugins()
        with pytest.warns(ProfileConflictWarning, match="overrides=True"):
            assert wireparse.get_profile("reuters").display_name == "Reuters"

    def test_a_plugin_may_replace_a_builtin_when_it_says_so(self, site):
        """overrides=True lets a plugin's profile replace the built-in one."""
        extra = 'reuters = Profile(name="reuters", display_name="House Reuters", overrides=True)'
        _install(site, PLUGIN_MODULE.replace("{extra}", extra), "mine = gazette_profiles:reuters")
        reload_plugins()
        assert wireparse.get_profile("reuters").display_name == "House Reuters"

    def test_a_broken_plugin_is_skipped_with_a_warning(self, site):
        """A plugin that fails to load does not break parsing."""
        _install(site, "raise RuntimeError('boom')\n", "broken = gazette_profiles:nothing")
        reload_plugins()
        with pytest.warns(ProfileConflictWarning, match="boom"):
            assert wireparse.parse(GAZETTE_STORY).body


class TestHouseStyleWindows:
    """valid_from / valid_until follow a change of house style."""

    def test_window_is_checked(self):
        """A window that ends before it starts is refused."""
        with pytest.raises(InvalidProfileError, match="valid_from"):
            Profile(name="x", valid_from=dt.date(2020, 1, 1), valid_until=dt.date(2019, 1, 1))

    def test_covers(self):
        """covers() is inclusive and open-ended where no bound is set."""
        profile = Profile(name="x", valid_from=dt.date(2020, 1, 1))
        assert profile.covers(dt.date(2020, 1, 1))
        assert profile.covers(dt.datetime(2030, 5, 1, 12, 0))
        assert not profile.covers(dt.date(2019, 12, 31))

    def test_toml_dates(self, tmp_path):
        """TOML dates set the window."""
        path = tmp_path / "old.toml"
        path.write_text(
            textwrap.dedent(
                """
                name = "aa-old"
                extends = "aa"
                valid_until = 2015-12-31
                """
            ),
            encoding="utf-8",
        )
        profile = Profile.from_toml(path)
        assert profile.valid_until == dt.date(2015, 12, 31)
        assert profile.covers(dt.date(2015, 6, 1))
        assert not profile.covers(dt.date(2016, 1, 1))

    def test_detection_skips_a_style_not_in_use_on_the_story_date(self, site):
        """A story dated outside a profile's window is parsed with the profile in use then."""
        extra = textwrap.dedent(
            """
            import datetime, attrs
            old = attrs.evolve(gazette, name="gazette-old", valid_until=datetime.date(1999, 12, 31),
                               signatures=(Signature(id="gazette-old.dateline", pattern=r"^\\p{Lu}[\\p{Lu} ]++\\(GZT\\) -", weight=4),))
            """
        )
        _install(
            site,
            PLUGIN_MODULE.replace("{extra}", extra),
            "gazette = gazette_profiles:gazette\nold = gazette_profiles:old",
        )
        reload_plugins()
        dated = (
            "Harbour reopens\n\nUpdated: June 3, 2024\n\nPORTVILLE (GZT) - The harbour reopened."
        )
        explained = wireparse.explain(dated)
        assert explained.article.agency == "gazette"
        assert explained.profile_rule == "detected (by date)"
        old_story = dated.replace("2024", "1998")
        assert wireparse.parse(old_story).agency == "gazette-old"


def test_python_profile_may_reuse_a_builtin_name():
    """Passing a Profile to parse is explicit: it may share a built-in's name."""
    mine = attrs.evolve(wireparse.get_profile("reuters"), display_name="Mine")
    assert wireparse.parse("Title\n\nLONDON (Reuters) - Body.", profile=mine).agency == "reuters"
