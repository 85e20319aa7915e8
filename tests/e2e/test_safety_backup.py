"""Backups and restore (data-safety points 5, 6, 10): backup API, temp file + rename,
integrity-checked, taken while another connection writes, restorable to identical content,
thinned to daily/weekly/monthly, forced before migrations, imports and restores."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import insert, text

from tikdesk import cli
from tikdesk.domain.errors import DatabaseError, InputRejected
from tikdesk.services.context import AppContext
from tikdesk.services.safety import (
    AUTO,
    BEFORE_IMPORT,
    BEFORE_MIGRATION,
    BEFORE_RESTORE,
    EXIT,
    MANUAL,
    SafetyService,
    open_database_safely,
)
from tikdesk.storage import backup as store
from tikdesk.storage import migrations
from tikdesk.storage.engine import Database, open_database
from tikdesk.storage.models import Idea

# ----------------------------------------------------------------------------- helpers


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every user table's rows, ordered — two dumps are equal iff the content is."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        conn.close()


def add_ideas(db: Database, count: int, prefix: str = "Idee") -> None:
    now = dt.datetime(2026, 11, 1, 9, 0)
    rows = [{"title": f"{prefix} {n}", "created_at": now, "updated_at": now} for n in range(count)]
    with db.transaction() as s:
        s.execute(insert(Idea), rows)


def count_ideas(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM idea").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def service(ctx: AppContext) -> SafetyService:
    svc = SafetyService(ctx)
    svc.start_watching()
    return svc


# ----------------------------------------------------------------------------- thinning


def test_thinning_keeps_newest_daily_weekly_monthly_on_dates_only() -> None:
    """One backup every 6 hours for 400 days: exactly the right set survives."""
    start = dt.datetime(2025, 10, 1, 3, 0)
    stamps = [start + dt.timedelta(hours=6 * n) for n in range(400 * 4)]
    newest = stamps[-1]
    keep = store.backups_to_keep(stamps)

    days = sorted({s.date() for s in stamps}, reverse=True)[:12]
    weeks = sorted({tuple(s.isocalendar())[:2] for s in stamps}, reverse=True)[:10]
    months = sorted({(s.year, s.month) for s in stamps}, reverse=True)[:9]
    expected = {newest} | {s for s in stamps if newest - s < dt.timedelta(hours=24)}
    expected |= {max(s for s in stamps if s.date() == d) for d in days}
    expected |= {max(s for s in stamps if tuple(s.isocalendar())[:2] == w) for w in weeks}
    expected |= {max(s for s in stamps if (s.year, s.month) == m) for m in months}
    assert keep == expected
    # daily 12 + weekly/monthly that are not already the newest of their day
    assert newest in keep
    assert len(keep) < 12 + 10 + 9 + 1
    oldest_month = min(months)
    assert min(keep) == max(s for s in stamps if (s.year, s.month) == oldest_month)


def test_thinning_counts_periods_that_have_backups() -> None:
    """A three-week holiday does not eat the daily history: 12 *backup* days are kept."""
    before = [dt.datetime(2026, 7, d, 17, 0) for d in range(1, 20)]
    after = [dt.datetime(2026, 8, 12, 9, 0)]
    keep = store.backups_to_keep(before + after)
    assert after[0] in keep
    assert {d for d in keep if d.month == 7} >= {
        dt.datetime(2026, 7, d, 17, 0) for d in range(9, 20)
    }  # 11 more days


def test_thinning_edge_cases() -> None:
    assert store.backups_to_keep([]) == set()
    one = dt.datetime(2026, 1, 1)
    assert store.backups_to_keep([one]) == {one}
    same_day = [dt.datetime(2026, 1, 5, h) for h in range(10)]
    assert store.backups_to_keep(same_day) == set(same_day)  # all within the last 24 h
    later = dt.datetime(2026, 1, 7, 12, 0)
    assert store.backups_to_keep([*same_day, later]) == {later, same_day[-1]}


def test_thinning_by_hand() -> None:
    """Daily backups at 18:00 since New Year, hourly ones today (Wed 25.11.2026 9–17 h)."""
    daily = [
        dt.datetime(2026, 1, 1, 18) + dt.timedelta(days=n)
        for n in range((dt.date(2026, 11, 24) - dt.date(2026, 1, 1)).days + 1)
    ]
    today = [dt.datetime(2026, 11, 25, h) for h in range(9, 18)]
    keep = store.backups_to_keep(daily + today)

    def at_18(*days: tuple[int, int]) -> set[dt.datetime]:
        return {dt.datetime(2026, m, d, 18) for m, d in days}

    recent = set(today) | at_18((11, 24))  # the last 24 hours: every backup
    last_12_days = at_18(*[(11, d) for d in range(14, 25)])  # + today = 12 days
    sundays = at_18(
        (11, 22), (11, 15), (11, 8), (11, 1), (10, 25), (10, 18), (10, 11), (10, 4), (9, 27)
    )  # + this week = 10 weeks
    month_ends = at_18(
        (10, 31), (9, 30), (8, 31), (7, 31), (6, 30), (5, 31), (4, 30), (3, 31)
    )  # + this month = 9 months
    assert keep == recent | last_12_days | sundays | month_ends
    assert len(keep) == 35


@pytest.mark.slow
def test_thin_backups_on_files_keeps_manual_ones(tmp_path: Path, db_path: Path) -> None:
    open_database(db_path).close()
    folder = tmp_path / "bk"
    start = dt.datetime(2026, 1, 1, 12, 0)
    for n in range(60):
        store.create_backup(db_path, folder, AUTO, now=start + dt.timedelta(days=n))
    manual = store.create_backup(db_path, folder, MANUAL, now=start)
    removed = store.thin_backups(folder, db_path)
    left = store.list_backups(folder, db_path)
    assert manual.path.exists() and manual.path not in removed
    autos = {b.created for b in left if b.reason == AUTO}
    assert autos == store.backups_to_keep(start + dt.timedelta(days=n) for n in range(60))
    assert len(removed) == 60 - len(autos)


# ----------------------------------------------------------------------------- backup


def test_backup_name_round_trip(db_path: Path) -> None:
    when = dt.datetime(2026, 11, 25, 16, 6, 20)
    name = store.backup_name(db_path, when, BEFORE_IMPORT)
    assert name == "test_2026-11-25_160620_before-import.sqlite"
    assert store.parse_backup_name(name) == ("test", when, BEFORE_IMPORT)
    assert store.parse_backup_name("test_2026-11-25_160620-3_auto.sqlite") == ("test", when, AUTO)
    assert store.parse_backup_name("notes.sqlite") is None
    with pytest.raises(ValueError):
        store.backup_name(db_path, when, "whenever")


def test_backup_contains_what_is_still_only_in_the_wal(tmp_path: Path, db_path: Path) -> None:
    """Committed rows that live only in the -wal file are in the backup: it is made with the
    backup API, never a copy of the main file."""
    open_database(db_path).close()
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("INSERT INTO setting (key, value) VALUES ('only', 'in the wal')")
    try:
        main_file = db_path.read_bytes()
        assert b"in the wal" not in main_file  # a file copy would lose it
        info = store.create_backup(db_path, tmp_path / "bk", MANUAL)
    finally:
        writer.close()
    conn = sqlite3.connect(info.path)
    assert conn.execute("SELECT value FROM setting WHERE key='only'").fetchone() == ("in the wal",)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()
    assert info.intact and info.reason == MANUAL
    assert not any(p.name.startswith(store.TEMP_PREFIX) for p in (tmp_path / "bk").iterdir())


@pytest.mark.slow
def test_backup_while_another_connection_writes_is_consistent_and_restorable(
    tmp_path: Path, db_path: Path
) -> None:
    db = open_database(db_path)
    add_ideas(db, 500, "Start")
    stop = threading.Event()
    written: list[int] = []

    def keep_writing() -> None:
        n = 0
        while not stop.is_set():
            add_ideas(db, 50, f"Laufend {n}")
            written.append(n)
            n += 1

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        while len(written) < 3:
            threading.Event().wait(0.01)
        infos = [store.create_backup(db_path, tmp_path / "bk", MANUAL) for _ in range(3)]
    finally:
        stop.set()
        thread.join()
    for info in infos:
        conn = sqlite3.connect(info.path)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        count = conn.execute("SELECT count(*) FROM idea").fetchone()[0]
        conn.close()
        assert count >= 500 and (count - 500) % 50 == 0  # whole transactions only

    snapshot = dump(infos[-1].path)
    add_ideas(db, 7, "Danach")
    ctx = AppContext(db=db, backup_dir=tmp_path / "bk")
    result = SafetyService(ctx).restore(infos[-1].path)
    assert dump(db_path) == snapshot
    assert result.safety_backup is not None and result.safety_backup.reason == BEFORE_RESTORE
    assert count_ideas(result.safety_backup.path) >= len(snapshot["idea"]) + 7
    with db.reader() as s:  # the live engine sees the restored content
        assert s.execute(text("SELECT count(*) FROM idea")).scalar() == len(snapshot["idea"])
    db.close()


@pytest.mark.slow
def test_failed_integrity_check_leaves_no_backup(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(db_path).close()
    monkeypatch.setattr(store, "integrity_of", lambda _p: False)
    with pytest.raises(DatabaseError, match="Integritätsprüfung"):
        store.create_backup(db_path, tmp_path / "bk", MANUAL)
    assert list((tmp_path / "bk").iterdir()) == []


@pytest.mark.slow
def test_unwritable_backup_folder_is_a_clear_error(tmp_path: Path, db_path: Path) -> None:
    open_database(db_path).close()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(DatabaseError, match=r"nicht schreiben|fehlgeschlagen|Sicherung"):
        store.create_backup(db_path, blocker / "bk", MANUAL)


# ----------------------------------------------------------------------------- when


def test_auto_and_exit_backups_only_when_data_changed(
    service: SafetyService, ctx: AppContext
) -> None:
    assert service.auto_backup() is None
    assert service.exit_backup() is None
    add_ideas(ctx.db, 2)
    first = service.auto_backup()
    assert first is not None and first.reason == AUTO
    assert service.auto_backup() is None  # nothing new since
    add_ideas(ctx.db, 1)
    last = service.exit_backup()
    assert last is not None and last.reason == EXIT
    assert count_ideas(last.path) == 3


def test_before_is_forced_once_per_state(service: SafetyService, ctx: AppContext) -> None:
    add_ideas(ctx.db, 1)
    first = service.before(BEFORE_IMPORT)
    assert first is not None and first.reason == BEFORE_IMPORT and first.path.exists()
    # Same state: the existing backup already holds it.
    assert service.before(BEFORE_IMPORT) == first
    add_ideas(ctx.db, 1)
    second = service.before(BEFORE_IMPORT)
    assert second is not None and second.path != first.path
    assert count_ideas(second.path) == 2
    # Another service object on the same database shares that knowledge.
    assert SafetyService(ctx).before(BEFORE_IMPORT) == second


@pytest.mark.slow
def test_before_on_read_only_database_does_nothing(db_path: Path, tmp_path: Path) -> None:
    open_database(db_path).close()
    db = open_database(db_path, read_only=True)
    try:
        assert (
            SafetyService(AppContext(db=db, backup_dir=tmp_path / "bk")).before(BEFORE_IMPORT)
            is None
        )
    finally:
        db.close()


@pytest.mark.slow
def test_migration_is_preceded_by_a_backup(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An existing database that needs an upgrade is backed up first (point 10)."""
    open_database(db_path).close()
    folder = tmp_path / "bk"
    upgraded: list[str] = []
    order: list[str] = []
    real_create = store.create_backup

    def spy_create(*args: object, **kwargs: object) -> store.BackupInfo:
        order.append("backup")
        return real_create(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(migrations, "head_revision", lambda: "0002_future_step")
    monkeypatch.setattr(
        migrations, "upgrade", lambda engine: (order.append("upgrade"), upgraded.append("x"))
    )
    monkeypatch.setattr(store, "create_backup", spy_create)
    db = open_database_safely(db_path, backup_dir=folder)
    db.close()
    assert order == ["backup", "upgrade"]
    backups = store.list_backups(folder, db_path)
    assert [b.reason for b in backups] == [BEFORE_MIGRATION]
    assert store.integrity_of(backups[0].path)


def test_brand_new_database_needs_no_migration_backup(db_path: Path, tmp_path: Path) -> None:
    db = open_database_safely(db_path, backup_dir=tmp_path / "bk")
    db.close()
    assert store.list_backups(tmp_path / "bk", db_path) == []


# ----------------------------------------------------------------------------- restore


def test_restore_refuses_foreign_damaged_and_newer_files(
    service: SafetyService, ctx: AppContext, tmp_path: Path
) -> None:
    before = dump(ctx.db.path)
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(InputRejected, match="keine TikDesk-Datenbank"):
        service.restore(other)
    text_file = tmp_path / "liste.sqlite"
    text_file.write_text("Einkaufsliste", encoding="utf-8")
    with pytest.raises(InputRejected, match="keine TikDesk-Sicherung"):
        service.restore(text_file)
    newer = service.backup(MANUAL).path
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="9999_future"):
        service.restore(newer)
    with pytest.raises(InputRejected, match="Datenbank selbst"):
        service.restore(ctx.db.path)
    assert dump(ctx.db.path) == before


# ----------------------------------------------------------------------------- CLI


def run_cli(*argv: str) -> int:
    return cli.run(cli.build_parser().parse_args(list(argv)))


@pytest.mark.slow
def test_cli_backup_check_restore(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(db_path)
    add_ideas(db, 4)
    db.close()
    target = tmp_path / "out" / "copy.sqlite"
    assert run_cli("--db", str(db_path), "backup", "--to", str(target)) == 0
    assert "copy.sqlite" in capsys.readouterr().out
    assert dump(target) == dump(db_path)
    assert run_cli("--db", str(db_path), "backup", "--to", str(target)) == 1  # no overwrite
    assert "überschreibt keine" in capsys.readouterr().err

    assert run_cli("--db", str(db_path), "backup") == 0  # into the backup folder
    assert "_manual.sqlite" in capsys.readouterr().out

    assert run_cli("--db", str(db_path), "check") == 0
    assert "in Ordnung" in capsys.readouterr().out

    db = open_database(db_path)
    add_ideas(db, 10, "Später")
    db.close()
    assert count_ideas(db_path) == 14
    assert run_cli("--db", str(db_path), "restore", str(target)) == 0
    out = capsys.readouterr().out
    assert "Wiederhergestellt" in out and "before-restore" in out
    assert count_ideas(db_path) == 4
    assert not Path(str(db_path) + ".lock").exists()


def test_cli_usage_errors_exit_2(db_path: Path) -> None:
    for argv in (["restore"], ["backup", "--to"], ["check", "extra"]):
        with pytest.raises(SystemExit) as info:
            cli.build_parser().parse_args(["--db", str(db_path), *argv])
        assert info.value.code == 2


def test_cli_check_and_backup_refuse_a_missing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "tippfehler.sqlite"
    assert run_cli("--db", str(missing), "check") == 1
    assert run_cli("--db", str(missing), "backup") == 1
    assert "existiert nicht" in capsys.readouterr().err
    assert not missing.exists()


# ----------------------------------------------------------------------------- callers


@pytest.mark.slow
def test_imports_and_bulk_deletes_are_preceded_by_a_backup(ctx: AppContext, samples: Path) -> None:
    """The features that change much at once ask for the forced backup (point 6)."""
    from tikdesk.services import exchange
    from tikdesk.services.analytics import AnalyticsService
    from tikdesk.services.ideas import IdeaService

    folder = ctx.backup_dir
    assert folder is not None

    def reasons() -> list[str]:
        return [b.reason for b in store.list_backups(folder, ctx.db.path)]

    AnalyticsService(ctx).import_files(sorted((samples / "tiktok").glob("*.zip")))
    assert reasons() == [BEFORE_IMPORT]

    preview = exchange.preview_idea_import(ctx, samples / "ideas" / "ideen_brainstorming.xlsx")
    exchange.commit_idea_import(ctx, preview, skip_problem_rows=True)
    assert reasons().count(BEFORE_IMPORT) == 2  # the state after the analytics import

    ideas = IdeaService(ctx)
    ids = [ideas.create({"title": f"Löschkandidat {n}"}).id for n in range(3)]
    ideas.delete(ids[:1])  # one idea: undoable, no backup
    assert "before-bulk-delete" not in reasons()
    ideas.delete(ids[1:])
    bulk = [b for b in store.list_backups(folder, ctx.db.path) if b.reason == "before-bulk-delete"]
    assert len(bulk) == 1
    assert {"Löschkandidat 1", "Löschkandidat 2"} <= set(_titles(bulk[0].path))


def _titles(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM idea")]
    finally:
        conn.close()
