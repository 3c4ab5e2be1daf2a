"""The command line: parse and clean, from files and stdin, with errors reported."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wireparse._cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_49e56f66ff81d9e7.txt"
STORY = "Talks resume\n\nBy Jane Doe\n\nGENEVA, May 2 (Reuters) - Talks resumed on Friday.\n"


class _Stdin(io.StringIO):
    """A text stdin with a binary buffer, as sys.stdin has."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.buffer = io.BytesIO(data)


class TestParse:
    """wireparse parse FILE... | -"""

    def test_seed_prints_its_json(self, capsys):
        """One file prints one indented JSON object."""
        assert main(["parse", str(SEED)]) == EXIT_OK
        data = json.loads(capsys.readouterr().out)
        assert data["headline"] == "Russia says will assist Taliban in fight against terrorism"
        assert data["agency"] == "aa"

    def test_stdin(self, capsys):
        """'-' reads the story from standard input."""
        assert main(["parse", "-"], stdin=_Stdin(STORY.encode())) == EXIT_OK
        data = json.loads(capsys.readouterr().out)
        assert data["dateline"]["agency"] == "Reuters"
        assert data["byline"]["authors"] == ["Jane Doe"]

    def test_several_files_give_json_lines(self, capsys, tmp_path):
        """Several files print one JSON object per line, each naming its file."""
        other = tmp_path / "b.txt"
        other.write_text(STORY, encoding="utf-8")
        assert main(["parse", str(SEED), str(other)]) == EXIT_OK
        lines = capsys.readouterr().out.splitlines()
        assert [json.loads(line)["file"] for line in lines] == [str(SEED), str(other)]

    def test_bad_files_are_reported_and_the_rest_parsed(self, capsys, tmp_path):
        """A missing, undecodable or directory input is reported; the others still parse."""
        bad = tmp_path / "latin1.txt"
        bad.write_bytes("Caf\xe9 news\n".encode("latin-1"))
        empty = tmp_path / "empty"
        empty.mkdir()
        status = main(
            ["parse", "--jsonl", str(tmp_path / "missing.txt"), str(bad), str(empty), str(SEED)]
        )
        assert status == EXIT_INPUT
        captured = capsys.readouterr()
        assert len(captured.out.splitlines()) == 1
        assert "missing.txt: no such file" in captured.err
        assert "latin1.txt: cannot decode as utf-8-sig" in captured.err
        assert "empty: is a directory with no .txt files" in captured.err

    def test_unreadable_file_is_reported_and_the_rest_parsed(self, capsys, tmp_path):
        """A file the user may not read: one line on stderr, exit 1, the next file parsed.

        Permissions are real where the tests run unprivileged; as root (CI's
        containers) chmod cannot deny a read, so the denial comes from the OS
        layer the command line calls, which is where a real one comes from too.
        """
        locked = tmp_path / "locked.txt"
        locked.write_text(STORY, encoding="utf-8")
        locked.chmod(0)
        if os.access(locked, os.R_OK):  # root: the OS would let us read it anyway
            real = Path.read_bytes

            def deny(path: Path) -> bytes:
                if path == locked:
                    raise PermissionError(13, "Permission denied", str(path))
                return real(path)

            monkeypatch = pytest.MonkeyPatch()
            monkeypatch.setattr(Path, "read_bytes", deny)
        else:
            monkeypatch = None
        try:
            status = main(["parse", "--jsonl", str(locked), str(SEED)])
        finally:
            if monkeypatch is not None:
                monkeypatch.undo()
            locked.chmod(0o600)
        assert status == EXIT_INPUT
        captured = capsys.readouterr()
        assert [json.loads(line)["file"] for line in captured.out.splitlines()] == [str(SEED)]
        assert captured.err.splitlines() == [f"wireparse: {locked}: permission denied"]

    def test_encoding_option(self, capsys, tmp_path):
        """--encoding reads files in another encoding."""
        story = tmp_path / "latin1.txt"
        story.write_bytes("PARIS, May 2 (AFP) - Le caf\xe9 a ferm\xe9.\n".encode("latin-1"))
        assert main(["parse", "--encoding", "latin-1", str(story)]) == EXIT_OK
        assert "café" in json.loads(capsys.readouterr().out)["body"][0]

    def test_unknown_profile_is_a_usage_error(self, capsys):
        """An unknown --profile exits 2 and lists the known profiles."""
        assert main(["parse", "--profile", "nope", str(SEED)]) == EXIT_USAGE
        assert "known profiles" in capsys.readouterr().err


class TestClean:
    """wireparse clean FILE | -"""

    def test_clean_drops_the_noise(self, capsys):
        """The cleaned seed keeps the story and loses the share button."""
        assert main(["clean", str(SEED)]) == EXIT_OK
        out = capsys.readouterr().out
        assert "Bu haberi paylaşın" not in out
        assert out.startswith("World\n\nRussia says will assist Taliban")


class TestModule:
    """python -m wireparse runs the same command line."""

    def test_python_dash_m(self):
        """The module entry point parses the seed and exits 0."""
        result = subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "wireparse", "parse", str(SEED)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["dateline"]["location"] == "ISTANBUL"

    def test_usage_error_exits_2(self):
        """A missing subcommand is a usage error."""
        result = subprocess.run(
            [sys.executable, "-m", "wireparse"], capture_output=True, text=True, check=False
        )
        assert result.returncode == 2
        assert "usage" in result.stderr


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\n\n"])
def test_empty_stdin_gives_an_empty_article(capsys, data):
    """Empty input is not an error: it parses to an empty article."""
    assert main(["parse", "-"], stdin=_Stdin(data)) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["body"] == []
