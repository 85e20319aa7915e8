"""Ctrl+C during a command: exit 130, one sentence saying what was saved, no traceback, and
the import's transaction either whole or absent."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tikdesk.app import main

ROOT = Path(__file__).resolve().parents[2]
IDEAS = 300


def idea_file(tmp_path: Path) -> Path:
    path = tmp_path / "ideen.csv"
    lines = ["Idee;Status;Beschreibung"] + [f"Idee Nummer {i};Idee;Text {i}" for i in range(IDEAS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ideas_in(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("select count(*) from idea").fetchone()[0]  # type: ignore[no-any-return]


@pytest.mark.slow
def test_ctrl_c_inside_the_import_transaction_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tikdesk.storage.repositories import ideas

    insert = ideas.insert_ideas

    def insert_then_ctrl_c(*args: object, **kwargs: object) -> object:
        insert(*args, **kwargs)  # type: ignore[arg-type]
        raise KeyboardInterrupt  # the rows are in the open transaction

    monkeypatch.setattr(ideas, "insert_ideas", insert_then_ctrl_c)
    db = tmp_path / "t.sqlite"
    assert main(["--lang", "de", "--db", str(db), "import-ideas", str(idea_file(tmp_path))]) == 130
    err = capsys.readouterr().err
    assert "abgebrochen – nichts geschrieben" in err and "Traceback" not in err
    assert ideas_in(db) == 0


def test_ctrl_c_after_the_commit_says_the_import_is_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tikdesk.services import exchange

    def ctrl_c(self: object) -> str:
        raise KeyboardInterrupt  # while the summary is being written

    monkeypatch.setattr(exchange.ImportResult, "summary", ctrl_c)
    db = tmp_path / "t.sqlite"
    assert main(["--lang", "en", "--db", str(db), "import-ideas", str(idea_file(tmp_path))]) == 130
    err = capsys.readouterr().err
    assert "cancelled – the changes had already been saved in full" in err
    assert "nothing written" not in err
    assert ideas_in(db) == IDEAS


# The child pauses inside the import's transaction (rows inserted, not committed) and says
# so; the test then presses Ctrl+C for real.
PAUSING_CHILD = """
import sys, time
from tikdesk.storage.repositories import ideas
insert = ideas.insert_ideas
def insert_and_wait(*args, **kwargs):
    insert(*args, **kwargs)
    print("inserting", file=sys.__stdout__, flush=True)
    while True:
        time.sleep(0.05)
ideas.insert_ideas = insert_and_wait
from tikdesk.app import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signal")
def test_a_real_ctrl_c_in_the_middle_of_an_import(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite"
    args = ["--lang", "de", "--db", str(db), "import-ideas", str(idea_file(tmp_path))]
    child = subprocess.Popen(
        [sys.executable, "-c", PAUSING_CHILD, *args],
        cwd=ROOT,
        env={**os.environ, "TIKDESK_SKIP_BUNDLE": "1", "PYTHONIOENCODING": "utf-8"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "inserting"
        child.send_signal(signal.SIGINT)
        _out, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 130, err
    assert "Traceback" not in err and "abgebrochen – nichts geschrieben" in err
    assert ideas_in(db) == 0
    # Nothing half done either: the lock is released, the same import now goes through.
    assert main(args) == 0
    assert ideas_in(db) == IDEAS
