"""The command line: ``wireparse parse|clean|eval|profiles`` (also ``python -m wireparse``).

Exit status: 0 when every input parsed; 1 when any input could not be read or
decoded (each is reported on stderr, and the others are still parsed), or when
``eval`` scored a field below its ``--min`` floor; 2 for a usage error
(argparse's own), an unknown profile, an invalid profile file or a malformed
corpus; 130 when interrupted (Ctrl-C: every line already printed is whole);
141 when the reader of the output went away (``| head``).
"""

from __future__ import annotations

import argparse
import glob
import importlib
import json
import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO, TypeVar

from wireparse import __version__
from wireparse._api import clean
from wireparse._batch import parse_many
from wireparse._phrases import phrase_table
from wireparse.evaluation import FIELDS, EvalReport, evaluate
from wireparse.exceptions import CorpusError, ProfileError, UnknownLanguageError
from wireparse.models import ParseFailure
from wireparse.profiles import Profile, available_profiles, get_profile

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_BELOW_FLOOR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
EXIT_PIPE = 141  # 128 + SIGPIPE: the reader stopped reading (| head)
_PROGRESS_FROM = 20  # inputs before a progress bar is worth showing
T = TypeVar("T")

_PROFILE_HELP = "agency profile: a built-in name (aa) or a TOML file; default: detect"
_GREEN = "\x1b[32m"
_RED = "\x1b[31m"
_RESET = "\x1b[0m"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wireparse",
        description="Parse news-agency (wire) stories into clean, typed data.",
    )
    parser.add_argument("--version", action="version", version=f"wireparse {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--profile", metavar="NAME|PATH", help=_PROFILE_HELP)
    common.add_argument("--language", metavar="CODE", help="the story's language; default: detect")
    common.add_argument(
        "--encoding",
        default="utf-8-sig",
        help="encoding of the input files (default: UTF-8, BOM or not)",
    )

    parse_cmd = commands.add_parser(
        "parse",
        parents=[common],
        help="print each story as JSON",
        description="Print each story as JSON.",
    )
    parse_cmd.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="story files, folders (their *.txt files), globs (quoted), or - for stdin",
    )
    parse_cmd.add_argument(
        "--jsonl",
        action="store_true",
        help="one JSON object per line (the default for several files)",
    )
    parse_cmd.add_argument("--indent", type=int, default=2, help="JSON indent (default 2)")
    parse_cmd.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="parse on N processes (0: one per CPU); prints JSON Lines in input order",
    )

    clean_cmd = commands.add_parser(
        "clean",
        parents=[common],
        help="print the story with the noise removed",
        description="Print the story with the noise removed.",
    )
    clean_cmd.add_argument("file", metavar="FILE", help="a story file, or - for stdin")
    _add_eval(commands)
    commands.add_parser(
        "profiles",
        help="list the agency profiles wireparse knows",
        description="List the known agency profiles: built-in ones and those of installed plugins.",
    )
    return parser


def _add_eval(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    eval_cmd = commands.add_parser(
        "eval",
        help="score wireparse on a labelled corpus",
        description=(
            "Parse every labelled story in DIR (NAME.txt with its label NAME.json) "
            "and print how often each field was right, then the stories that failed."
        ),
    )
    eval_cmd.add_argument("folder", metavar="DIR", help="the corpus folder")
    eval_cmd.add_argument("--profile", metavar="NAME|PATH", help=_PROFILE_HELP)
    eval_cmd.add_argument("--json", action="store_true", help="print the report as JSON")
    eval_cmd.add_argument(
        "--min",
        dest="floors",
        action="append",
        default=[],
        type=_floor,
        metavar="FIELD=RATIO",
        help=(
            "exit with status 1 when FIELD's ratio is below RATIO (0 to 1); repeatable. "
            f"Fields: {', '.join(FIELDS)}"
        ),
    )


def _floor(value: str) -> tuple[str, float]:
    """Read a ``--min`` value, ``FIELD=RATIO``."""
    name, sep, number = value.partition("=")
    if not sep:
        msg = f"expected FIELD=RATIO, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    if name not in FIELDS:
        msg = f"unknown field {name!r}; fields: {', '.join(FIELDS)}"
        raise argparse.ArgumentTypeError(msg)
    try:
        ratio = float(number)
    except ValueError:
        ratio = -1.0
    if not 0 <= ratio <= 1:
        msg = f"the ratio for {name} must be a number from 0 to 1, got {number!r}"
        raise argparse.ArgumentTypeError(msg)
    return name, ratio


def _profiles(out: TextIO) -> int:
    """Print one line per known profile: name, languages, where it comes from."""
    rows = [
        (p.name, ",".join(p.languages) or "-", p.source, p.display_name)
        for p in available_profiles()
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)))
        out.write(f"  {row[3]}\n")
    return EXIT_OK


def _read(name: str, encoding: str, stdin: TextIO) -> str:
    if name == "-":
        data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode()
        return data.decode(encoding)
    return Path(name).read_bytes().decode(encoding)


def _profile(value: str | None) -> Profile | None:
    """Load the --profile given (a name or a TOML file) before any story is read."""
    if value is None:
        return None
    if value.endswith(".toml") or "/" in value:
        return Profile.from_toml(value)
    return get_profile(value)


def _expand(names: Sequence[str]) -> Iterator[str]:
    """Yield the files named: folders give their ``*.txt`` files, globs their matches."""
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(str(p) for p in path.rglob("*.txt") if p.is_file())
            yield from found or [name]
        elif name != "-" and not path.exists() and glob.has_magic(name):
            yield from sorted(glob.glob(name, recursive=True)) or [name]  # noqa: PTH207 - a user's pattern
        else:
            yield name


def _inputs(
    names: Sequence[str], encoding: str, stdin: TextIO
) -> Iterator[tuple[str, str | None, str]]:
    """Yield (name, text or None, error message) for each input."""
    for name in names:
        try:
            yield name, _read(name, encoding, stdin), ""
        except IsADirectoryError:
            yield name, None, "is a directory with no .txt files"
        except FileNotFoundError:
            yield name, None, "no such file"
        except PermissionError:
            yield name, None, "permission denied"
        except UnicodeDecodeError as exc:
            yield (
                name,
                None,
                f"cannot decode as {encoding} ({exc.reason} at byte {exc.start}); try --encoding",
            )
        except (LookupError, OSError) as exc:
            yield name, None, str(exc)


def main(
    argv: Sequence[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _run(args, stdin or sys.stdin, stdout or sys.stdout)
    except (ProfileError, UnknownLanguageError, CorpusError) as exc:
        print(f"wireparse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader went away (| head): say so once, and stop writing to the closed pipe
        _silence_stdout()
        print("wireparse: output closed early (broken pipe)", file=sys.stderr)
        return EXIT_PIPE
    except KeyboardInterrupt:
        print("wireparse: interrupted; what was printed is complete", file=sys.stderr)
        return EXIT_INTERRUPTED


def _run(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    """Run one command."""
    if args.command == "profiles":
        return _profiles(out)
    profile = _profile(args.profile)
    if getattr(args, "language", None) is not None:
        phrase_table(args.language)  # an unknown language is a usage error, before any story
    if args.command == "eval":
        return _eval(args, profile, out)
    if args.command == "clean":
        return _clean(args, profile, stdin, out)
    return _parse_files(args, profile, stdin, out)


def _clean(
    args: argparse.Namespace, profile: Profile | str | None, stdin: TextIO, out: TextIO
) -> int:
    status = EXIT_OK
    for name, text, error in _inputs([args.file], args.encoding, stdin):
        if text is None:
            print(f"wireparse: {name}: {error}", file=sys.stderr)
            status = EXIT_INPUT
            continue
        out.write(clean(text, profile=profile, language=args.language) + "\n")
    return status


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests)
        pass


def _parse_files(
    args: argparse.Namespace, profile: Profile | str | None, stdin: TextIO, out: TextIO
) -> int:
    names = list(_expand(args.files))
    lines = args.jsonl or len(names) > 1 or args.jobs != 1
    failed: list[str] = []
    readable: deque[str] = deque()

    def texts() -> Iterator[str]:
        for name, text, error in _inputs(names, args.encoding, stdin):
            if text is None:
                print(f"wireparse: {name}: {error}", file=sys.stderr)
                failed.append(name)
                continue
            readable.append(name)
            yield text

    results = parse_many(
        texts(), profile=profile, language=args.language, workers=args.jobs or None
    )
    for result in _progress(results, total=len(names)):
        name = readable.popleft()
        if isinstance(result, ParseFailure):
            print(f"wireparse: {name}: {result.error}: {result.message}", file=sys.stderr)
            failed.append(name)
            continue
        data = result.to_dict()
        if lines:
            out.write(json.dumps({"file": name, **data}, ensure_ascii=False) + "\n")
        else:
            out.write(json.dumps(data, ensure_ascii=False, indent=args.indent) + "\n")
        out.flush()
    return EXIT_INPUT if failed else EXIT_OK


def _progress(results: Iterator[T], *, total: int) -> Iterator[T]:
    """Show a progress bar on a terminal's stderr when tqdm is installed (the progress extra)."""
    if total < _PROGRESS_FROM or not sys.stderr.isatty():
        return results
    try:
        tqdm = importlib.import_module("tqdm")  # the optional progress extra
    except ImportError:
        return results
    return iter(tqdm.tqdm(results, total=total, unit="story", file=sys.stderr))


def _eval(args: argparse.Namespace, profile: Profile | str | None, out: TextIO) -> int:
    report = evaluate(args.folder, profile=profile)
    if args.json:
        out.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        colour = out.isatty() and not os.environ.get("NO_COLOR")
        out.write(_render(report, colour=colour))
    out.flush()
    status = EXIT_OK
    for name, floor in args.floors:
        ratio = report.field(name).ratio
        if ratio < floor:
            print(f"wireparse: {name} is {ratio:.1%}, below its floor {floor:.1%}", file=sys.stderr)
            status = EXIT_BELOW_FLOOR
    return status


def _paint(text: str, code: str, *, colour: bool) -> str:
    return f"{code}{text}{_RESET}" if colour else text


def _render(report: EvalReport, *, colour: bool) -> str:
    """Return the report as text: the field table, the failed stories, a summary."""
    width = max(len(name) for name in FIELDS)
    lines = [f"{'field':<{width}}  {'right':>6}  {'total':>6}  {'ratio':>6}"]
    for score in report.fields:
        ratio = f"{score.ratio:.1%}" if score.total else "-"
        cell = f"{ratio:>6}"
        if score.total:
            cell = _paint(cell, _GREEN if score.right == score.total else _RED, colour=colour)
        lines.append(f"{score.name:<{width}}  {score.right:>6}  {score.total:>6}  {cell}")
    for story in report.failures:
        lines.extend(["", _paint(story.name, _RED, colour=colour)])
        if story.error is not None:
            lines.append(f"  parse raised {story.error}")
            continue
        for check in story.failed:
            lines.append(f"  {_paint(check.field, _RED, colour=colour)}")
            lines.append(f"    expected: {check.expected}")
            lines.append(f"    found:    {check.found}")
    lines.extend(["", _summary(report)])
    return "\n".join(lines) + "\n"


def _summary(report: EvalReport) -> str:
    count = len(report.stories)
    failed = len(report.failures)
    stories = "1 story" if count == 1 else f"{count} stories"
    text = f"{stories}, {failed} failed" if failed else f"{stories}, all passed"
    if report.skipped:
        text += f"; skipped (no pair): {', '.join(report.skipped)}"
    return text
