"""The command line on a Windows console: output never turns a finished job into a failure.

Real processes: ``PYTHONIOENCODING`` gives them the output encoding of a German Windows
console that is redirected (cp1252) or of a bare one (ASCII); a pipe closed early stands for
``tikdesk … | more`` quit before the end.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def tikdesk(*args: str, encoding: str = "utf-8") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "TIKDESK_SKIP_BUNDLE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "tikdesk", "--lang", "de", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
    )


def rows(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"select count(*) from {table}").fetchone()[0]  # type: ignore[no-any-return]


def zips(samples: Path) -> list[str]:
    return [str(p) for p in sorted((samples / "tiktok").glob("*.zip"))]


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_import_succeeds_and_says_so_in_a_narrow_encoding(
    encoding: str, tmp_path: Path, samples: Path
) -> None:
    db = tmp_path / "t.sqlite"
    result = tikdesk("--db", str(db), "import-analytics", *zips(samples), encoding=encoding)
    assert b"Traceback" not in result.stderr, result.stderr.decode(encoding, "replace")
    assert result.returncode == 0
    out = result.stdout.decode(encoding)  # only characters the console can show
    assert "Geschrieben: " in out and "->" in out  # "→" shown as "->"
    assert rows(db, "import_batch") == 3 and rows(db, "account_daily") > 0


@pytest.mark.slow
def test_other_commands_print_safely_in_ascii(tmp_path: Path, samples: Path) -> None:
    db = tmp_path / "t.sqlite"
    assert tikdesk("--db", str(db), "import-analytics", *zips(samples)).returncode == 0
    out_file = tmp_path / "daily.csv"
    export = tikdesk("--db", str(db), "export-analytics", str(out_file), encoding="ascii")
    assert (export.returncode, export.stderr) == (0, b"")
    assert out_file.exists()
    helped = tikdesk("--help", encoding="ascii")  # "für", "Datenbankdatei (sonst …)"
    assert (helped.returncode, helped.stderr) == (0, b"")
    assert "Beispieldatenbank oeffnen" in helped.stdout.decode("ascii")
    # A refusal with German quotes on stderr: the message, exit 1, no traceback.
    refused = tikdesk("--db", str(tmp_path / "none.sqlite"), "check", encoding="ascii")
    assert refused.returncode == 1
    err = refused.stderr.decode("ascii")
    assert "Traceback" not in err and "none.sqlite" in err


@pytest.mark.slow
def test_a_closed_pipe_after_the_import_is_no_failure(tmp_path: Path, samples: Path) -> None:
    db = tmp_path / "t.sqlite"
    env = {**os.environ, "TIKDESK_SKIP_BUNDLE": "1"}
    command = [sys.executable, "-m", "tikdesk", "--lang", "de", "--db", str(db)]
    proc = subprocess.Popen(
        [*command, "import-analytics", *zips(samples)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the summary is printed
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    assert proc.wait(timeout=300) == 0, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert rows(db, "import_batch") == 3


def test_the_streams_are_put_back_after_a_command(tmp_path: Path) -> None:
    from tikdesk.app import main

    before = sys.stdout, sys.stderr
    assert main(["--lang", "de", "--db", str(tmp_path / "none.sqlite"), "check"]) == 1
    assert (sys.stdout, sys.stderr) == before
