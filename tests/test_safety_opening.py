"""Opening a database never takes over, empties or hides what is in the file ("Nothing lost,
ever"): foreign SQLite files, emptied files with backups, damaged files, read-only folders,
restore after a downgrade, temporary files of killed processes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tikdesk import cli
from tikdesk.domain.errors import DatabaseError
from tikdesk.services.safety import MANUAL, open_database_safely
from tikdesk.storage import backup as store
from tikdesk.storage.engine import open_database


def run_cli(*argv: str) -> int:
    return cli.run(cli.build_parser().parse_args(list(argv)))


def tikdesk_backup(tmp_path: Path) -> Path:
    """A sound TikDesk database with one idea, as a backup file."""
    source = tmp_path / "source" / "quelle.sqlite"
    ideas = tmp_path / "eine.csv"
    ideas.write_text("Titel\nAus der Sicherung\n", encoding="utf-8")
    assert run_cli("--db", str(source), "import-ideas", str(ideas)) == 0
    return store.create_backup(source, None, MANUAL, target=tmp_path / "sicherung.sqlite").path


# ----------------------------------------------------------------------------- foreign files


def foreign_file(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER)")
    conn.execute("INSERT INTO customers (name) VALUES ('Muster GmbH')")
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_foreign_sqlite_file_is_refused_by_write_commands_and_stays_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tikdesk_backup(tmp_path)
    capsys.readouterr()
    other = tmp_path / "crm.sqlite"
    before = foreign_file(other)
    ideas = tmp_path / "ideen.csv"
    ideas.write_text("Titel\nNeue Idee\n", encoding="utf-8")
    for command in (["import-ideas", str(ideas)], ["restore", str(backup)]):
        assert run_cli("--db", str(other), *command) == 1, command
        err = capsys.readouterr().err
        assert "ist keine TikDesk-Datenbank" in err and "customers" in err, command
        assert other.read_bytes() == before, command
    leftovers = {p.name for p in tmp_path.iterdir() if p.name.startswith("crm")}
    assert leftovers == {"crm.sqlite"}  # no -wal, -shm, lock or *.damaged


def test_gui_open_path_refuses_a_foreign_file_and_leaves_it_unchanged(tmp_path: Path) -> None:
    other = tmp_path / "crm.sqlite"
    before = foreign_file(other)
    with pytest.raises(DatabaseError, match="ist keine TikDesk-Datenbank"):
        open_database_safely(other, backup_dir=tmp_path / "backups")
    assert other.read_bytes() == before
    with pytest.raises(DatabaseError, match="ist keine TikDesk-Datenbank"):
        open_database(other)
    assert other.read_bytes() == before


def test_sqlite_file_without_tables_becomes_a_tikdesk_database(tmp_path: Path) -> None:
    blank = tmp_path / "leer.sqlite"
    conn = sqlite3.connect(blank)
    conn.execute("PRAGMA user_version = 1")  # a real, table-less SQLite file
    conn.commit()
    conn.close()
    assert blank.stat().st_size > 0
    db = open_database_safely(blank, backup_dir=tmp_path / "backups")
    db.close()
    assert run_cli("--db", str(blank), "check") == 0
