"""Opening a database never takes over, empties or hides what is in the file ("Nothing lost,
ever"): foreign SQLite files, emptied files with backups, damaged files, read-only folders,
restore after a downgrade, temporary files of killed processes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
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


@pytest.mark.slow
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


@pytest.mark.slow
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


# ----------------------------------------------------------------------------- downgrade


def count_ideas(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM idea").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.slow
def test_restore_after_a_downgrade_replaces_a_newer_schema_after_the_safety_copy(
    tmp_path: Path, db_path: Path, _isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tikdesk_backup(tmp_path)
    ideas = tmp_path / "drei.csv"
    ideas.write_text("Titel\nA\nB\nC\n", encoding="utf-8")
    assert run_cli("--db", str(db_path), "import-ideas", str(ideas)) == 0
    conn = sqlite3.connect(db_path)  # as if a newer TikDesk had written it
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.execute("UPDATE setting SET value = '7.3.0' WHERE key = 'app.schema_written_by'")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert run_cli("--db", str(db_path), "export-ideas", str(tmp_path / "x.csv")) == 1
    assert "9999_future" in capsys.readouterr().err  # other commands still refuse it

    assert run_cli("--db", str(db_path), "restore", str(backup)) == 0
    out = capsys.readouterr().out
    assert "Wiederhergestellt" in out
    assert count_ideas(db_path) == 1
    assert run_cli("--db", str(db_path), "check") == 0
    listed = store.list_backups(_isolated_home / "backups", db_path)
    safety = [b for b in listed if b.reason == "before-restore"]
    assert len(safety) == 1
    assert str(safety[0].path) in out
    conn = sqlite3.connect(safety[0].path)  # the newer state is kept, untouched
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999_future",)
    conn.close()
    assert count_ideas(safety[0].path) == 3


# ----------------------------------------------------------------------------- emptied files


@pytest.mark.slow
def test_emptied_database_with_backups_is_not_started_afresh(
    tmp_path: Path, db_path: Path, _isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ideas = tmp_path / "drei.csv"
    ideas.write_text("Titel\nA\nB\nC\n", encoding="utf-8")
    assert run_cli("--db", str(db_path), "import-ideas", str(ideas)) == 0
    assert run_cli("--db", str(db_path), "backup") == 0
    newest = store.list_backups(_isolated_home / "backups", db_path)[0]
    db_path.write_bytes(b"")  # emptied by a sync client, a full disk, a careless script
    capsys.readouterr()

    assert run_cli("--db", str(db_path), "import-ideas", str(ideas)) == 1
    err = capsys.readouterr().err
    assert "ist leer (0 Bytes)" in err and str(newest.path) in err
    assert f'tikdesk --db "{db_path}" restore "{newest.path}"' in err
    assert db_path.stat().st_size == 0
    with pytest.raises(DatabaseError, match="ist leer"):  # the window's open path too
        open_database_safely(db_path, backup_dir=_isolated_home / "backups")
    assert db_path.stat().st_size == 0

    assert run_cli("--db", str(db_path), "restore", str(newest.path)) == 0  # the way back
    assert count_ideas(db_path) == 3
    reasons = [b.reason for b in store.list_backups(_isolated_home / "backups", db_path)]
    assert "before-restore" not in reasons  # an empty file holds nothing to keep
    assert run_cli("--db", str(db_path), "check") == 0


@pytest.mark.slow
def test_empty_file_without_backups_becomes_a_new_database(tmp_path: Path, db_path: Path) -> None:
    db_path.touch()
    ideas = tmp_path / "eine.csv"
    ideas.write_text("Titel\nErste Idee\n", encoding="utf-8")
    assert run_cli("--db", str(db_path), "import-ideas", str(ideas)) == 0
    assert count_ideas(db_path) == 1


# ----------------------------------------------------------------------------- damaged files

LIBRARY_INTERNALS = ("sqlalche.me", "Traceback", "CREATE TABLE", "[SQL", "sqlite3.", "SELECT ")


def filled_with_backup(tmp_path: Path, db_path: Path, backups: Path) -> Path:
    """A database with 2,000 ideas, its intact backup in the backup folder (returned)."""
    from test_safety_damage import fill

    fill(db_path, 2000)
    return store.create_backup(db_path, backups, MANUAL).path


def overwrite(path: Path, offset: int, garbage: bytes) -> None:
    assert not Path(f"{path}-wal").exists()
    with path.open("r+b") as fh:
        fh.seek(offset)
        fh.write(garbage)


def assert_one_clear_sentence(text: str, backup: Path, *, with_findings: bool = False) -> None:
    assert "beschädigt" in text or "Fehler" in text
    assert str(backup) in text and "restore" in text
    for internal in LIBRARY_INTERNALS:
        assert internal not in text, internal
    if not with_findings:  # SQLite's page-by-page findings go to the log; `check` lists them
        assert len(text.strip().splitlines()) == 1, text


@pytest.mark.slow
def test_garbage_inside_the_rows_is_one_sentence_with_the_newest_backup(
    tmp_path: Path, db_path: Path, _isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = filled_with_backup(tmp_path, db_path, _isolated_home / "backups")
    content = db_path.read_bytes()
    middle = content.index(b"Idee 1000")  # inside a row: SQLite's quick check sees nothing
    overwrite(db_path, middle, b"\xff\xfe\xa5\x80" * 4)
    damaged = db_path.read_bytes()
    capsys.readouterr()
    assert run_cli("--db", str(db_path), "export-ideas", str(tmp_path / "ideen.csv")) == 1
    out, err = capsys.readouterr()
    assert_one_clear_sentence(out + err, backup)
    assert not (tmp_path / "ideen.csv").exists()
    assert db_path.read_bytes() == damaged


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        ["export-ideas", "ideen.xlsx"],
        ["check"],
        ["report", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "bericht.xlsx"],
    ],
    ids=lambda c: c[0],
)
@pytest.mark.parametrize("where", ["pages", "schema"])
def test_overwritten_pages_are_one_sentence_with_the_newest_backup(
    where: str,
    command: list[str],
    tmp_path: Path,
    db_path: Path,
    _isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    backup = filled_with_backup(tmp_path, db_path, _isolated_home / "backups")
    if where == "pages":  # 12 KiB of garbage in the middle of the file
        overwrite(db_path, db_path.stat().st_size // 2, bytes(range(256)) * 48)
    else:  # garbage in the stored CREATE TABLE of the idea table
        overwrite(db_path, db_path.read_bytes().index(b"CREATE TABLE idea") + 13, b"\xa5" * 40)
    damaged = db_path.read_bytes()
    capsys.readouterr()
    assert run_cli("--db", str(db_path), *command) == 1
    out, err = capsys.readouterr()
    assert_one_clear_sentence(out + err, backup, with_findings=command == ["check"])
    assert db_path.read_bytes() == damaged


def test_foreign_database_with_an_idea_table_shows_no_sql(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "fremd.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE idea (id INTEGER PRIMARY KEY, titel TEXT NOT NULL)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    ideas = tmp_path / "ideen.csv"
    ideas.write_text("Titel\nNeue Idee\n", encoding="utf-8")
    for command in (["import-ideas", str(ideas)], ["export-ideas", str(tmp_path / "x.csv")]):
        assert run_cli("--db", str(other), *command) == 1
        out, err = capsys.readouterr()
        assert "ist keine TikDesk-Datenbank" in err
        for internal in LIBRARY_INTERNALS:
            assert internal not in out + err, internal
    assert other.read_bytes() == before


# ----------------------------------------------------------------------------- read-only folder


@pytest.fixture
def read_only_copy(tmp_path: Path) -> Iterator[Path]:
    """A WAL-mode database (no -wal/-shm beside it) in a folder nobody can write to.

    As root: a read-only bind mount (skipped when mounting is not allowed); otherwise the
    folder is made read-only with chmod.
    """
    import os
    import shutil
    import subprocess

    from test_safety_damage import fill

    source = tmp_path / "archiv"
    source.mkdir()
    fill(source / "archiv.sqlite", 30)
    assert (source / "archiv.sqlite").read_bytes()[18:20] == b"\x02\x02"  # WAL mode
    assert sorted(p.name for p in source.iterdir()) == ["archiv.sqlite"]
    if os.geteuid() == 0:
        shown = tmp_path / "medium"
        shown.mkdir()
        mounted = subprocess.run(["mount", "--bind", str(source), str(shown)], check=False)
        if mounted.returncode != 0:
            pytest.skip("bind mount not allowed here")
        try:
            remount = ["mount", "-o", "remount,ro,bind", str(shown)]
            if subprocess.run(remount, check=False).returncode != 0:
                pytest.skip("read-only remount not allowed here")
            yield shown / "archiv.sqlite"
        finally:
            subprocess.run(["umount", str(shown)], check=False)
    else:
        source.chmod(0o555)
        try:
            yield source / "archiv.sqlite"
        finally:
            source.chmod(0o755)
            shutil.rmtree(source, ignore_errors=True)


@pytest.mark.slow
def test_wal_database_in_a_read_only_folder_can_be_read_exported_backed_up_and_reported(
    read_only_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    before = read_only_copy.read_bytes()
    db = str(read_only_copy)
    assert run_cli("--db", db, "check") == 0
    assert "in Ordnung" in capsys.readouterr().out
    assert run_cli("--db", db, "export-ideas", "ideen.csv") == 0
    assert (tmp_path / "ideen.csv").read_text(encoding="utf-8-sig").count("Idee ") == 30
    assert run_cli("--db", db, "backup", "--to", str(tmp_path / "kopie.sqlite")) == 0
    assert count_ideas(tmp_path / "kopie.sqlite") == 30
    report = ["report", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "bericht.xlsx"]
    assert run_cli("--db", db, *report) == 0
    assert (tmp_path / "bericht.xlsx").stat().st_size > 0
    assert read_only_copy.read_bytes() == before
    assert sorted(p.name for p in read_only_copy.parent.iterdir()) == ["archiv.sqlite"]


# ----------------------------------------------------------------------------- leftovers


def dead_pid() -> int:
    """The id of a process that has just ended (started and reaped here)."""
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def leftover(folder: Path, name: str, age_hours: float = 0) -> Path:
    import os
    import time

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"\0" * 4096)
    if age_hours:
        stamp = time.time() - age_hours * 3600
        os.utime(path, (stamp, stamp))
    return path


@pytest.mark.slow
def test_temporary_files_of_killed_processes_are_removed_at_the_next_start_and_backup(
    tmp_path: Path, db_path: Path, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from tikdesk.domain import tempnames

    monkeypatch.chdir(tmp_path)
    ideas = tmp_path / "eine.csv"
    ideas.write_text("Titel\nErste Idee\n", encoding="utf-8")
    assert run_cli("--db", str(db_path), "import-ideas", str(ideas)) == 0
    backups = _isolated_home / "backups"
    dead = tempnames.temp_prefix(tempnames.BACKUP_PREFIX).replace(f"-{os.getpid()}-", "-{}-")
    dead = dead.format(dead_pid())
    killed = [leftover(backups, f"{dead}k1.sqlite"), leftover(backups, f"{dead}k1.sqlite-journal")]
    old_style = leftover(backups, ".tikdesk-backup-x81kq.sqlite", age_hours=30)
    running = leftover(backups, tempnames.temp_prefix(tempnames.BACKUP_PREFIX) + "r.sqlite")
    recent = leftover(backups, ".tikdesk-backup-otherhost-123-q.sqlite", age_hours=1)

    assert run_cli("--db", str(db_path), "check") == 0  # the next start
    assert not any(p.exists() for p in [*killed, old_style])
    assert running.exists() and recent.exists()  # a live process, another host's fresh file

    target = tmp_path / "stick"
    stick_leftover = leftover(target, f"{dead}k2.sqlite")
    assert run_cli("--db", str(db_path), "backup", "--to", str(target / "kopie.sqlite")) == 0
    assert not stick_leftover.exists()
    assert sorted(p.name for p in target.iterdir()) == ["kopie.sqlite"]

    report_dead = dead.replace(tempnames.BACKUP_PREFIX, tempnames.EXPORT_PREFIX)
    pdf_leftover = leftover(tmp_path / "berichte", f"{report_dead}p.pdf")
    out = str(tmp_path / "berichte" / "bericht.xlsx")
    assert run_cli("--db", str(db_path), "report", "--from", "2026-11-01", "--to", "2026-11-30",
                   "--out", out) == 0  # fmt: skip
    assert not pdf_leftover.exists()


def test_temporary_names_carry_host_and_process(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from tikdesk.domain import tempnames

    seen: list[str] = []
    real_replace = os.replace

    def spy(source: str | Path, target: str | Path) -> None:
        seen.append(Path(source).name)
        real_replace(source, target)

    open_database(db_path).close()
    monkeypatch.setattr(os, "replace", spy)
    store.create_backup(db_path, tmp_path / "bk", MANUAL)
    monkeypatch.undo()
    assert seen and tempnames.owner_of(seen[0]) == (tempnames.host_tag(), os.getpid())
