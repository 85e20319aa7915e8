"""No writer overwrites the open database, its companion files or a backup ("Nothing lost,
ever", item 2): exports, report, backup ``--to`` and the person export all refuse them."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tikdesk import paths
from tikdesk.app import main
from tikdesk.domain.errors import InputRejected
from tikdesk.services.context import AppContext
from tikdesk.services.ideas import IdeaService
from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.storage.engine import open_database

SQLITE_MAGIC = b"SQLite format 3\x00"


def run(argv: list[str]) -> int:
    try:
        return main(["--lang", "en", *argv])
    except SystemExit as exc:  # argparse usage errors
        return int(exc.code or 0)


def make_db(path: Path) -> Path:
    """A TikDesk database with one idea at ``path`` (closed again)."""
    db = open_database(path)
    try:
        IdeaService(AppContext(db=db, user="anna")).create({"title": "Azubi-Tag"})
    finally:
        db.close()
    return path


def still_the_database(path: Path) -> bool:
    if path.read_bytes()[:16] != SQLITE_MAGIC:
        return False
    conn = sqlite3.connect(path)
    try:
        return bool(conn.execute("SELECT count(*) FROM idea").fetchone()[0] == 1)
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.parametrize("command", ["export-ideas", "export-analytics"])
def test_an_export_refuses_the_database_itself(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = make_db(tmp_path / "daten.xlsx")
    assert run(["--db", str(db), command, str(db)]) == 1
    err = capsys.readouterr().err
    assert "open TikDesk database" in err and "Traceback" not in err
    assert still_the_database(db)


@pytest.mark.slow
def test_symlinks_and_hard_links_to_the_database_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = make_db(tmp_path / "daten.sqlite")
    (tmp_path / "link.xlsx").symlink_to(db)
    os.link(db, tmp_path / "hard.xlsx")
    sub = tmp_path / "sub"
    sub.mkdir()
    for target in ("link.xlsx", "hard.xlsx", "sub/../hard.xlsx"):
        assert run(["--db", str(db), "export-ideas", str(tmp_path / target)]) == 1, target
        assert "open TikDesk database" in capsys.readouterr().err
    assert still_the_database(db)
    assert (tmp_path / "link.xlsx").is_symlink()


@pytest.mark.slow
def test_any_other_existing_file_is_overwritten(tmp_path: Path) -> None:
    db = make_db(tmp_path / "daten.sqlite")
    old = tmp_path / "ideen.xlsx"
    old.write_bytes(b"old export")
    assert run(["--db", str(db), "export-ideas", str(old)]) == 0
    assert old.read_bytes()[:2] == b"PK"


@pytest.mark.slow
def test_report_refuses_the_database_as_workbook_or_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    period = ["report", "--from", "2026-09-01", "--to", "2026-09-30"]
    db = make_db(tmp_path / "daten.xlsx")
    assert run(["--db", str(db), *period, "--out", str(db)]) == 1
    assert "open TikDesk database" in capsys.readouterr().err
    assert still_the_database(db)
    pdf_db = make_db(tmp_path / "daten.pdf")
    out = tmp_path / "r.xlsx"
    assert run(["--db", str(pdf_db), *period, "--out", str(out), "--pdf", str(pdf_db)]) == 1
    assert "open TikDesk database" in capsys.readouterr().err
    assert still_the_database(pdf_db)
    assert not out.exists()  # the workbook of the same run is not written either


@pytest.mark.slow
@pytest.mark.parametrize("end", ["-wal", "-shm", "-journal", ".lock", ".erasures.json"])
def test_backup_to_refuses_the_database_companions(
    tmp_path: Path, end: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = make_db(tmp_path / "daten.sqlite")
    companion = Path(str(db) + end)
    assert run(["--db", str(db), "backup", "--to", str(companion)]) == 1
    assert "belongs to the open TikDesk database" in capsys.readouterr().err
    # SQLite may keep its own -wal/-shm there; no backup copy was written over them
    assert not companion.exists() or not companion.read_bytes().startswith(SQLITE_MAGIC)
    assert still_the_database(db)


@pytest.mark.slow
def test_backup_to_refuses_a_file_of_the_backup_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = make_db(tmp_path / "daten.sqlite")
    assert run(["--db", str(db), "backup"]) == 0
    capsys.readouterr()
    (existing,) = paths.backup_dir().iterdir()
    before = existing.read_bytes()
    assert run(["--db", str(db), "backup", "--to", str(existing)]) == 1
    err = capsys.readouterr().err
    assert "backup folder" in err and "Traceback" not in err
    assert existing.read_bytes() == before


@pytest.mark.slow
def test_person_export_refuses_the_database_and_the_backups(tmp_path: Path) -> None:
    db_file = make_db(tmp_path / "daten.xlsx")
    backups = tmp_path / "backups"
    backups.mkdir()
    backup = backups / "alt.xlsx"
    backup.write_bytes(b"a backup")
    db = open_database(db_file)
    try:
        people = PeopleService(AppContext(db=db, user="anna", backup_dir=backups))
        pid = people.create_person(PersonInput(display_name="Quirin Zwiebel"))
        with pytest.raises(InputRejected, match="geöffnete TikDesk-Datenbank"):
            people.export_person(pid, db_file)
        with pytest.raises(InputRejected, match="Sicherungsordner"):
            people.export_person(pid, backup)
        assert people.export_person(pid, tmp_path / "auskunft.xlsx").is_file()
    finally:
        db.close()
    assert db_file.read_bytes()[:16] == SQLITE_MAGIC
    assert backup.read_bytes() == b"a backup"
