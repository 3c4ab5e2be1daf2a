"""The command line: ``wireparse parse``, ``wireparse clean`` (``python -m wireparse``).

Exit status: 0 when every input parsed; 1 when any input could not be read or
decoded (each is reported on stderr, and the others are still parsed); 2 for
a usage error (argparse's own), an unknown profile or an invalid profile file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from wireparse import __version__
from wireparse._api import clean, parse
from wireparse.exceptions import ProfileError, UnknownLanguageError
from wireparse.profiles import Profile

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wireparse",
        description="Parse news-agency (wire) stories into clean, typed data.",
    )
    parser.add_argument("--version", action="version", version=f"wireparse {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--profile",
        metavar="NAME|PATH",
        help="agency profile: a built-in name (aa) or a TOML file; default: detect",
    )
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
    parse_cmd.add_argument("files", nargs="+", metavar="FILE", help="story files, or - for stdin")
    parse_cmd.add_argument(
        "--jsonl",
        action="store_true",
        help="one JSON object per line (the default for several files)",
    )
    parse_cmd.add_argument("--indent", type=int, default=2, help="JSON indent (default 2)")

    clean_cmd = commands.add_parser(
        "clean",
        parents=[common],
        help="print the story with the noise removed",
        description="Print the story with the noise removed.",
    )
    clean_cmd.add_argument("file", metavar="FILE", help="a story file, or - for stdin")
    return parser


def _read(name: str, encoding: str, stdin: TextIO) -> str:
    if name == "-":
        data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode()
        return data.decode(encoding)
    return Path(name).read_bytes().decode(encoding)


def _profile(value: str | None) -> Profile | str | None:
    if value is None:
        return None
    if value.endswith(".toml") or "/" in value:
        return Profile.from_toml(value)
    return value


def _inputs(
    names: Sequence[str], encoding: str, stdin: TextIO
) -> Iterator[tuple[str, str | None, str]]:
    """Yield (name, text or None, error message) for each input."""
    for name in names:
        try:
            yield name, _read(name, encoding, stdin), ""
        except IsADirectoryError:
            yield name, None, "is a directory"
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
    stdin = stdin or sys.stdin
    out = stdout or sys.stdout
    try:
        profile = _profile(args.profile)
        if args.command == "clean":
            status = EXIT_OK
            for name, text, error in _inputs([args.file], args.encoding, stdin):
                if text is None:
                    print(f"wireparse: {name}: {error}", file=sys.stderr)
                    status = EXIT_INPUT
                    continue
                out.write(clean(text, profile=profile, language=args.language) + "\n")
            return status
        return _parse_files(args, profile, stdin, out)
    except (ProfileError, UnknownLanguageError) as exc:
        print(f"wireparse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader went away (| head): not an error of ours
        sys.stderr.close()
        return EXIT_OK


def _parse_files(
    args: argparse.Namespace, profile: Profile | str | None, stdin: TextIO, out: TextIO
) -> int:
    status = EXIT_OK
    lines = args.jsonl or len(args.files) > 1
    for name, text, error in _inputs(args.files, args.encoding, stdin):
        if text is None:
            print(f"wireparse: {name}: {error}", file=sys.stderr)
            status = EXIT_INPUT
            continue
        article = parse(text, profile=profile, language=args.language)
        data = article.to_dict()
        if lines:
            out.write(json.dumps({"file": name, **data}, ensure_ascii=False) + "\n")
        else:
            out.write(json.dumps(data, ensure_ascii=False, indent=args.indent) + "\n")
        out.flush()
    return status
