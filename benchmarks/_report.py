"""Shared by bench.py and peer.py: tables as Markdown or text, and the machine line."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

import wireparse

Row = list[str]
Table = tuple[str, list[str], list[Row]]  # title, header, rows


def md_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Return a Markdown table."""
    cells = [[str(c).replace("|", "\\|").replace("\n", "⏎") for c in r] for r in rows]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in cells]) + "\n"


def render(table: Table, *, markdown: bool) -> str:
    """Render one titled table as Markdown or as aligned plain text."""
    title, header, rows = table
    if markdown:
        return f"### {title}\n\n{md_table(header, rows)}"
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    out = [title, "-" * len(title)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in [header, *rows]]
    return "\n".join(out) + "\n"


def section(title: str, note: str, table: str, header: Sequence[str], misses: list[Row]) -> str:
    """Return a section: title, note, score table and the misses in a collapsible block."""
    text = f"## {title}\n\n{note}\n\n{table}\n"
    if misses:
        text += f"<details><summary>misses ({len(misses)})</summary>\n\n"
        text += md_table(header, misses) + "\n</details>\n"
    return text


def share(right: int, total: int) -> str:
    """Format right/total and the percentage."""
    return f"{right}/{total} ({right / total:.0%})" if total else "0/0"


def short(value: object, width: int = 70) -> str:
    """Return *value* as text (JSON unless a str), clipped to *width* characters."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= width else text[: width - 1] + "…"


def norm(text: str | None) -> str:
    """Return *text* case-folded with whitespace collapsed."""
    return " ".join((text or "").split()).casefold()


def cpu_model() -> str:
    """Return the processor name from /proc/cpuinfo, or platform.processor()."""
    info = Path("/proc/cpuinfo")
    if info.exists():
        for line in info.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def revision() -> str:
    """Return ``git describe --always --dirty`` of the checkout, or "unknown"."""
    cmd = ["git", "-C", str(Path(__file__).resolve().parents[1]), "describe", "--always", "--dirty"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)  # noqa: S603
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return done.stdout.strip()


def machine() -> str:
    """Describe the machine and the run."""
    return (
        f"{platform.platform()}, Python {platform.python_version()} "
        f"({platform.python_implementation()}), {os.cpu_count()} CPUs, {cpu_model()}; "
        f"wireparse {wireparse.__version__} at {revision()}; "
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"
    )
