"""Read-only commands never create or migrate a database, and ``check`` never contradicts
itself (review findings on issue 7)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_safety_damage import damage, fill, run_cli

READ_COMMANDS = [
    ["check"],
    ["backup"],
    ["export-analytics", "daily.csv"],
    ["export-ideas", "ideas.csv"],
    ["report", "--from", "2026-09-01", "--to", "2026-09-30", "--out", "r.xlsx"],
]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_read_command_refuses_an_empty_or_missing_file_and_writes_nothing(
    command: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    empty = tmp_path / "z.sqlite"
    empty.touch()
    assert run_cli("--db", str(empty), *command) == 1
    assert "ist leer, keine TikDesk-Datenbank (abgeschnitten?)" in capsys.readouterr().err
    assert empty.stat().st_size == 0
    missing = tmp_path / "none.sqlite"
    assert run_cli("--db", str(missing), *command) == 1
    assert "existiert nicht" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "tikdesk-home") == ["z.sqlite"]


def test_read_command_does_not_turn_a_foreign_sqlite_file_into_tikdesk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (t TEXT)")
    conn.commit()
    conn.close()
    assert run_cli("--db", str(other), "check") == 1
    assert "keine TikDesk-Datenbank" in capsys.readouterr().err
    conn = sqlite3.connect(other)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert tables == {"notes"}


@pytest.mark.slow
def test_write_command_still_creates_a_new_database(tmp_path: Path) -> None:
    fresh = tmp_path / "new.sqlite"
    ideas = tmp_path / "ideas.csv"
    ideas.write_text("Titel\nErste Idee\n", encoding="utf-8")
    assert run_cli("--db", str(fresh), "import-ideas", str(ideas)) == 0
    assert fresh.stat().st_size > 0
    assert run_cli("--db", str(fresh), "check") == 0


def test_check_on_damaged_file_lists_no_check_as_passed(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(db_path, 40)
    assert run_cli("--db", str(db_path), "check") == 0
    sound = capsys.readouterr().out
    assert "✓ Integrität der Datei (integrity_check)" in sound and "✗" not in sound
    steps = [line for line in sound.splitlines() if line.strip().startswith("✓")]
    damage(db_path)
    assert run_cli("--db", str(db_path), "check") == 1
    err = capsys.readouterr().err
    assert "malformed" in err
    assert "✓" not in err
    listed = [line.strip() for line in err.splitlines() if line.startswith("  ")]
    assert len(listed) == len(steps) >= 7 and all(line.startswith("✗") for line in listed)
    assert "✗ Integrität der Datei (integrity_check) (Fehler gefunden)" in listed
    assert "✗ Fremdschlüssel (foreign_key_check) (nicht ausgeführt – Datei beschädigt)" in listed
