"""The public surface: what wireparse exports, documented and sorted."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import wireparse
from wireparse import exceptions


class TestPublicAPI:
    """Only what __init__ lists is API, and all of it is documented."""

    def test_all_is_sorted_and_complete(self):
        """__all__ is sorted and names every public object of the package, loaded or lazy."""
        assert wireparse.__all__ == sorted(wireparse.__all__)
        public = {
            name
            for name in dir(wireparse)
            if not name.startswith("_") and not inspect.ismodule(getattr(wireparse, name))
        }
        assert public == set(wireparse.__all__)

    @pytest.mark.parametrize("name", wireparse.__all__)
    def test_every_public_name_has_a_docstring(self, name):
        """Each public function and class says what it does."""
        assert inspect.getdoc(getattr(wireparse, name))

    @pytest.mark.parametrize(
        "name", [n for n in wireparse.__all__ if inspect.isclass(getattr(wireparse, n))]
    )
    def test_public_classes_live_in_public_modules(self, name):
        """Reprs and docs name a public module, never a private one."""
        module = getattr(wireparse, name).__module__
        assert not any(part.startswith("_") for part in module.split(".")), module


class TestErrors:
    """One exception tree, each error also a builtin."""

    @pytest.mark.parametrize(
        ("error", "builtin"),
        [
            (exceptions.InputTypeError, TypeError),
            (exceptions.UnknownProfileError, LookupError),
            (exceptions.InvalidProfileError, ValueError),
            (exceptions.UnknownLanguageError, LookupError),
            (exceptions.CorpusError, ValueError),
        ],
    )
    def test_errors_subclass_the_matching_builtin(self, error, builtin):
        """Every error is a WireparseError and the builtin a reader expects."""
        assert issubclass(error, exceptions.WireparseError)
        assert issubclass(error, builtin)

    @pytest.mark.parametrize("value", [b"bytes", None, 42, 3.5, ["a list"], bytearray(b"x")])
    def test_non_str_input_raises_with_advice(self, value):
        """parse, explain and clean refuse non-str input and say what to pass."""
        for function in (
            wireparse.parse,
            wireparse.explain,
            wireparse.clean,
            wireparse.detect_profile,
        ):
            with pytest.raises(exceptions.InputTypeError, match="must be str") as info:
                function(value)
            assert type(value).__name__ in str(info.value)
        with pytest.raises(TypeError, match=r"decode"):
            wireparse.parse(b"bytes")  # type: ignore[arg-type]

    def test_unknown_profile_lists_the_known_ones(self):
        """An unknown profile name says which names exist."""
        with pytest.raises(exceptions.UnknownProfileError) as info:
            wireparse.parse("text", profile="no-such-agency")
        assert "aa" in str(info.value)
        assert "generic" in info.value.available

    def test_wrong_profile_type(self):
        """A profile of the wrong type is a TypeError that says what to pass."""
        with pytest.raises(exceptions.InputTypeError, match="profile must be a Profile"):
            wireparse.parse("text", profile=3)  # type: ignore[arg-type]

    def test_unknown_language(self):
        """A language with no phrase table is refused, listing the known ones."""
        with pytest.raises(exceptions.UnknownLanguageError, match="known languages"):
            wireparse.parse("text", language="xx")


def test_import_leaves_the_heavy_modules_for_later():
    """`import wireparse` does not load what only batches, plugins or scoring need."""
    code = (
        "import sys, wireparse\n"
        "heavy = ['wireparse.evaluation', 'concurrent.futures.process', 'importlib.metadata',"
        " 'dateutil.parser']\n"
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    command = [sys.executable, "-c", code]
    done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    assert done.stdout.strip() == ""
    # and each still loads when asked for
    assert wireparse.evaluate.__module__ == "wireparse.evaluation"
