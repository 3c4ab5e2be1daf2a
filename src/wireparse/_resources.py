"""The only module that opens the package's data files.

Data lives under ``wireparse/data/`` as TOML: ``profiles/*.toml`` (one agency
each) and ``phrases/*.toml`` (one language each). Files are read with
``importlib.resources`` and ``tomllib``; callers cache the frozen values they
build from them, never the raw dicts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

# importlib.resources and tomllib are imported by the functions that use them:
# together they are a tenth of `import wireparse`, and only the first parse needs them

_DATA = "data"


def _root() -> Traversable:
    from importlib import resources  # noqa: PLC0415 - see above

    return resources.files("wireparse").joinpath(_DATA)


def _folder(kind: str) -> Traversable:
    return _root().joinpath(kind)


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
    import tomllib  # noqa: PLC0415 - see above

    folder = _folder(kind) if kind else _root()
    entry = folder.joinpath(f"{name}.toml")
    source = "/".join(("wireparse", _DATA, *([kind] if kind else []), f"{name}.toml"))
    return tomllib.loads(entry.read_text(encoding="utf-8")), source
