"""The only module that opens the package's data files.

Data lives under ``wireparse/data/`` as TOML: ``profiles/*.toml`` (one agency
each) and ``phrases/*.toml`` (one language each). Files are read with
``importlib.resources`` and ``tomllib``; callers cache the frozen values they
build from them, never the raw dicts.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

_DATA = "data"


def _folder(kind: str) -> Traversable:
    return resources.files("wireparse").joinpath(_DATA, kind)


def data_names(kind: str) -> tuple[str, ...]:
    """Return the stems of the TOML files in ``data/<kind>/``, sorted."""
    return tuple(
        sorted(
            entry.name.removesuffix(".toml")
            for entry in _folder(kind).iterdir()
            if entry.name.endswith(".toml")
        )
    )


def read_data(kind: str, name: str) -> tuple[dict[str, Any], str]:
    """Read ``data/<kind>/<name>.toml`` (``data/<name>.toml`` when *kind* is "")."""
    folder = _folder(kind) if kind else resources.files("wireparse").joinpath(_DATA)
    entry = folder.joinpath(f"{name}.toml")
    source = "/".join(("wireparse", _DATA, *([kind] if kind else []), f"{name}.toml"))
    return tomllib.loads(entry.read_text(encoding="utf-8")), source
