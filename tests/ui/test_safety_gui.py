"""Data safety in the window (points 3, 6, 7): Datei → Sicherungen, Datenbank prüfen, the
auto-backup timer, the backup on exit, the network-drive warning, and known errors shown as
warnings instead of crashes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import insert, text

from tikdesk.domain.errors import DatabaseError
from tikdesk.services.context import AppContext
from tikdesk.services.safety import AUTO, EXIT, MANUAL, SafetyService, open_database_safely
from tikdesk.storage import backup as store
from tikdesk.storage import engine as engine_module
from tikdesk.storage.engine import open_database
from tikdesk.storage.models import Idea
from tikdesk.ui.main_window import MainWindow
from tikdesk.ui.safety import controller as controller_module
from tikdesk.ui.safety import dialogs

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from tikdesk.storage.engine import Database


def add_idea(ctx: AppContext, title: str) -> None:
    now = dt.datetime(2026, 11, 3, 9, 0)
    with ctx.db.transaction() as s:
        s.execute(insert(Idea), [{"title": title, "created_at": now, "updated_at": now}])


def titles(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM idea ORDER BY id")]
    finally:
        conn.close()


@pytest.mark.slow
def test_menus_are_in_place(main_window: MainWindow) -> None:
    safety = main_window.safety  # type: ignore[attr-defined]
    backup_actions = main_window.menu_backup.actions()
    assert safety.action_backup in backup_actions
    assert safety.action_restore in backup_actions
    assert safety.action_folder in backup_actions
    file_actions = main_window.menu_file.actions()
    assert safety.action_check in file_actions
    assert file_actions.index(safety.action_check) < file_actions.index(
        main_window.file_tools_anchor
    )
    assert safety.action_restore.isEnabled()


@pytest.mark.slow
def test_back_up_now_writes_a_checked_backup(
    main_window: MainWindow, ctx: AppContext, recorded_messages: list
) -> None:
    add_idea(ctx, "Azubi-Tag")
    info = main_window.safety.backup_now()  # type: ignore[attr-defined]
    assert info is not None and info.reason == MANUAL and info.path.exists()
    assert info.path.parent == ctx.backup_dir
    assert titles(info.path) == ["Azubi-Tag"]
    assert recorded_messages[-1][0] == "info" and str(info.path) in recorded_messages[-1][2]


@pytest.mark.slow
def test_restore_from_the_menu_replaces_the_data_and_reloads(
    main_window: MainWindow,
    ctx: AppContext,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    recorded_messages: list,
) -> None:
    add_idea(ctx, "Vorher")
    saved = SafetyService(ctx).backup(MANUAL)
    add_idea(ctx, "Danach")
    offered: list[list[store.BackupInfo]] = []

    def choose(
        parent: object, backups: list[store.BackupInfo], folder: Path, **_erasure: object
    ) -> store.BackupInfo:
        offered.append(backups)
        return next(b for b in backups if b.path == saved.path)

    monkeypatch.setattr(dialogs.RestoreDialog, "ask", choose)
    with (
        qtbot.waitSignal(main_window.open_database_requested) as reopen,
        qtbot.waitSignal(main_window.data_changed),
    ):
        assert main_window.safety.restore()  # type: ignore[attr-defined]
    assert reopen.args == [str(ctx.db.path)]
    assert all(b.intact is True for b in offered[0])  # integrity shown in the list
    assert titles(ctx.db.path) == ["Vorher"]
    before_restore = [
        b
        for b in store.list_backups(ctx.backup_dir, ctx.db.path)  # type: ignore[arg-type]
        if b.reason == "before-restore"
    ]
    assert len(before_restore) == 1 and titles(before_restore[0].path) == ["Vorher", "Danach"]
    assert "before-restore" in recorded_messages[-1][2]


def test_restore_dialog_offers_only_intact_backups(
    qtbot: QtBot, tmp_path: Path, recorded_messages: list
) -> None:
    when = dt.datetime(2026, 11, 20, 8, 0)
    good = store.BackupInfo(tmp_path / "a_2026-11-20_080000_auto.sqlite", when, AUTO, 2048, True)
    bad = store.BackupInfo(
        tmp_path / "a_2026-11-21_080000_auto.sqlite", when + dt.timedelta(days=1), AUTO, 4096, False
    )
    dialog = dialogs.RestoreDialog([bad, good], tmp_path)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.rowCount() == 2
    assert model.data(model.index(0, dialogs.BackupColumn.CHECK)) == "DAMAGED"
    assert model.data(model.index(1, dialogs.BackupColumn.CHECK)) == "intact"
    assert model.data(model.index(1, dialogs.BackupColumn.CREATED)) == "20.11.2026 08:00:00"
    assert model.data(model.index(1, dialogs.BackupColumn.SIZE)) == "2,0 KB"
    assert dialog.selected() == good  # the newest intact one is preselected
    dialog.table.selectRow(0)
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(1)
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert recorded_messages[-1][0] == "question" and "20.11.2026 08:00" in recorded_messages[-1][2]
    assert dialog.chosen == good


@pytest.mark.slow
def test_check_database_shows_a_readable_result(
    main_window: MainWindow, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[object] = []
    monkeypatch.setattr(
        dialogs.CheckResultDialog, "ask", lambda parent, report: shown.append(report)
    )
    monkeypatch.setattr(
        controller_module.CheckResultDialog, "ask", lambda parent, report: shown.append(report)
    )
    main_window.safety.check_database()  # type: ignore[attr-defined]
    assert shown and shown[-1].ok  # type: ignore[attr-defined]
    with ctx.db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO post (id, title, caption, hashtags, format, audience, video_link, "
                "account, checklist_profile, music_source, paid_promotion, author, status, "
                "created_at, updated_at, version) VALUES (5, 'Tag der offenen Tür', '', '', "
                "'other', 'general', '', '', 'general', '', 0, 'anna', 'approved', '2026-11-01', "
                "'2026-11-01', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO approval (post_id, approver, approved_at, comment, "
                "revoked_reason) VALUES (5, 'Anna', '2026-11-02', '', '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO checklist_result (post_id, item_key, state, note, "
                "override_reason, set_by) VALUES (5, 'gibt.es.nicht', 'ok', '', "
                "'', 'anna')"
            )
        )
        conn.execute(text("DROP TRIGGER audit_event_no_delete"))
    main_window.safety.check_database()  # type: ignore[attr-defined]
    report = shown[-1]
    assert not report.ok  # type: ignore[attr-defined]
    checks = {f.check for f in report.findings}  # type: ignore[attr-defined]
    assert {"approval_by_author", "audit_triggers", "checklist_keys"} <= checks
    dialog = dialogs.CheckResultDialog(report)  # type: ignore[arg-type]
    assert "Tag der offenen Tür" in dialog.details.toPlainText()
    assert "audit_event_no_delete" in dialog.details.toPlainText()
    dialog.deleteLater()


@pytest.mark.slow
def test_cli_check_exits_1_on_consistency_errors(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tikdesk import cli

    db = open_database(db_path)
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO person (id, display_name, category, is_minor, contact,"
                " sole_custody_note, erased_at, created_at, updated_at, version) "
                "VALUES (3, 'Berta Beispiel', 'employee', 0, '', '', '2026-11-01', "
                "'2026-01-01', '2026-11-01', 2)"
            )
        )
    db.close()
    assert cli.run(cli.build_parser().parse_args(["--db", str(db_path), "check"])) == 1
    assert "Person 3" in capsys.readouterr().err


# ----------------------------------------------------------------------------- automatic


@pytest.mark.slow
def test_auto_backup_timer_runs_every_30_minutes_and_only_on_change(
    main_window: MainWindow, ctx: AppContext
) -> None:
    safety = main_window.safety  # type: ignore[attr-defined]
    assert safety.timer.isActive() and safety.timer.interval() == 30 * 60 * 1000
    assert safety.auto_backup() is None
    add_idea(ctx, "Neu")
    safety.timer.timeout.emit()
    made = store.list_backups(ctx.backup_dir, ctx.db.path)  # type: ignore[arg-type]
    assert [b.reason for b in made] == [AUTO]
    assert safety.auto_backup() is None


@pytest.mark.slow
def test_closing_the_window_backs_up_changed_data(
    qtbot: QtBot, ctx: AppContext, settings: QSettings, recorded_messages: list
) -> None:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    add_idea(ctx, "Zuletzt")
    window.close()
    made = store.list_backups(ctx.backup_dir, ctx.db.path)  # type: ignore[arg-type]
    assert [b.reason for b in made] == [EXIT]
    assert titles(made[0].path) == ["Zuletzt"]
    assert not window.safety.timer.isActive()  # type: ignore[attr-defined]


@pytest.mark.slow
def test_closing_without_changes_writes_no_backup(
    qtbot: QtBot, ctx: AppContext, settings: QSettings, recorded_messages: list
) -> None:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert store.list_backups(ctx.backup_dir, ctx.db.path) == []  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- network


def test_unc_and_network_mounts_are_network_paths(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert engine_module.is_network_path(Path(r"\\fileserver\team\tikdesk.sqlite"))
    assert engine_module.is_network_path(Path("//fileserver/team/tikdesk.sqlite"))
    assert not engine_module.is_network_path(tmp_path / "local.sqlite")
    mounts = tmp_path / "mounts"
    mounts.write_text(
        f"/dev/sda1 / ext4 rw 0 0\n//nas/team {tmp_path} cifs rw 0 0\n", encoding="utf-8"
    )
    real_path = Path

    def fake_proc(arg: str) -> Path:
        return mounts if arg == "/proc/mounts" else real_path(arg)

    monkeypatch.setattr(engine_module, "Path", fake_proc)
    assert engine_module._mount_fs_type(tmp_path / "x.sqlite") == "cifs"


@pytest.mark.slow
def test_network_database_uses_no_wal_and_warns_once(
    qtbot: QtBot,
    tmp_path: Path,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    recorded_messages: list,
) -> None:
    monkeypatch.setattr(engine_module, "_mount_fs_type", lambda _p: "cifs")
    path = tmp_path / "share" / "team.sqlite"
    db = open_database_safely(path, backup_dir=tmp_path / "bk")
    try:
        assert db.on_network and not db.wal
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert not Path(str(path) + "-wal").exists()
        ctx = AppContext(db=db, user="anna", backup_dir=tmp_path / "bk")
        first = MainWindow(ctx, settings)
        qtbot.addWidget(first)
        qtbot.waitUntil(lambda: len(recorded_messages) == 1)
        first.close()
        second = MainWindow(ctx, settings)
        qtbot.addWidget(second)
        qtbot.wait(50)
        assert second.safety.warn_network_once() is False  # type: ignore[attr-defined]
        second.close()
        warnings = [m for m in recorded_messages if m[0] == "warning"]
        assert len(warnings) == 1 and str(path) in warnings[0][2]
        assert "network drive" in warnings[0][1]
    finally:
        db.close()


def test_local_database_uses_wal_and_never_unsafe_pragmas(tmp_db: Database) -> None:
    with tmp_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL, not OFF
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


# ----------------------------------------------------------------------------- known errors


@pytest.mark.slow
def test_full_disk_is_a_clear_message_and_reading_goes_on(tmp_db: Database) -> None:
    db = tmp_db
    add_idea(AppContext(db=db), "Vor dem vollen Datenträger")
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    from sqlalchemy import event

    @event.listens_for(db.engine, "connect")
    def _no_room(dbapi_conn: sqlite3.Connection, _rec: object) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    now = dt.datetime(2026, 11, 3)
    with pytest.raises(DatabaseError, match="Kein Platz"), db.transaction() as s:
        s.execute(
            insert(Idea),
            [
                {
                    "title": "x" * 200,
                    "description": "y" * 2000,
                    "created_at": now,
                    "updated_at": now,
                }
                for _ in range(200)
            ],
        )
    with db.reader() as s:
        assert s.execute(text("SELECT title FROM idea")).scalars().all() == [
            "Vor dem vollen Datenträger"
        ]


def test_read_only_file_is_a_clear_message(db_path: Path) -> None:
    from tikdesk.storage.engine import Database, make_engine

    open_database(db_path).close()
    # The file is write-protected for SQLite (root ignores chmod, so ask SQLite for ro).
    db = Database(db_path, make_engine(db_path, read_only=True), read_only=False, wal=True)
    try:
        with pytest.raises(DatabaseError, match="schreibgeschützt"), db.transaction() as s:
            s.execute(text("INSERT INTO setting (key, value) VALUES ('a', 'b')"))
        with db.reader() as s:
            assert s.execute(text("SELECT count(*) FROM setting")).scalar() >= 1
    finally:
        db.close()


@pytest.mark.slow
def test_locked_database_is_a_clear_message(tmp_db: Database) -> None:
    from sqlalchemy import event

    db = tmp_db

    @event.listens_for(db.engine, "connect")
    def _short_wait(dbapi_conn: sqlite3.Connection, _rec: object) -> None:
        dbapi_conn.execute("PRAGMA busy_timeout = 50")

    other = sqlite3.connect(db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseError, match="gesperrt"), db.transaction() as s:
            s.execute(text("INSERT INTO setting (key, value) VALUES ('a', 'b')"))
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.mark.slow
def test_write_protected_file_opens_read_only_with_reason(
    qtbot: QtBot,
    db_path: Path,
    tmp_path: Path,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    recorded_messages: list,
) -> None:
    from tikdesk.services import safety

    open_database(db_path).close()
    monkeypatch.setattr(safety, "_writable", lambda _p: False)  # root ignores chmod
    db = open_database_safely(db_path, backup_dir=tmp_path / "bk")
    try:
        assert db.read_only and "schreibgeschützt" in db.read_only_reason
        window = MainWindow(AppContext(db=db, backup_dir=tmp_path / "bk"), settings)
        qtbot.addWidget(window)
        assert window.is_read_only() and window.read_only_banner.isVisibleTo(window)
        assert "schreibgeschützt" in window.read_only_banner.text()
        assert not window.safety.action_restore.isEnabled()  # type: ignore[attr-defined]
        assert not window.safety.timer.isActive()  # type: ignore[attr-defined]
    finally:
        db.close()


def test_known_error_reaching_the_excepthook_is_a_warning_not_a_crash(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recorded_messages: list
) -> None:
    from tikdesk.ui import crash

    monkeypatch.setattr(
        crash.CrashDialog, "ask", lambda *a, **k: pytest.fail("crash dialog for a known error")
    )
    handler = crash.CrashHandler(tmp_path / "logs")
    error = DatabaseError("Kein Platz mehr auf dem Datenträger.")
    handler.handle_exception(DatabaseError, error, None)
    assert recorded_messages == [("warning", "TikDesk", "Kein Platz mehr auf dem Datenträger.")]
    crashes: list[str] = []
    monkeypatch.setattr(crash.CrashDialog, "ask", lambda details, *a, **k: crashes.append(details))
    handler.handle_exception(ZeroDivisionError, ZeroDivisionError("bug"), None)
    assert crashes and "ZeroDivisionError" in crashes[0]


def test_gui_refuses_a_newer_schema_naming_the_version(
    qapp: QApplication, settings: QSettings, db_path: Path, recorded_messages: list
) -> None:
    """Point 9 through the GUI's open path: refused with both versions, lock released."""
    from tikdesk import app
    from tikdesk.storage import lockfile

    open_database(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    raw.execute("UPDATE setting SET value = '7.3.0' WHERE key = 'app.schema_written_by'")
    raw.commit()
    raw.close()
    before = db_path.read_bytes()
    gui = app.GuiApp(qapp, settings)
    assert not gui.open(db_path)
    kind, _title, message = recorded_messages[-1]
    assert kind == "error" and "7.3.0" in message and "9999_future" in message
    assert not lockfile.lock_path(db_path).exists()
    assert db_path.read_bytes() == before


@pytest.mark.slow
def test_restore_in_the_app_rebuilds_the_window_and_keeps_the_lock(
    qapp: QApplication,
    settings: QSettings,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    recorded_messages: list,
) -> None:
    import os

    from tikdesk import app, paths
    from tikdesk.storage import lockfile

    gui = app.GuiApp(qapp, settings)
    assert gui.open(db_path)
    first = gui.window
    assert first is not None
    add_idea(first.ctx, "Vorher")
    saved = SafetyService(first.ctx).backup(MANUAL)
    add_idea(first.ctx, "Danach")
    monkeypatch.setattr(
        dialogs.RestoreDialog,
        "ask",
        lambda _parent, backups, _folder, **_kw: next(b for b in backups if b.path == saved.path),
    )
    assert first.safety.restore()  # type: ignore[attr-defined]
    second = gui.window
    assert second is not None and second is not first
    with second.ctx.db.reader() as s:
        assert s.execute(text("SELECT title FROM idea")).scalars().all() == ["Vorher"]
    assert lockfile.read_owner(db_path).pid == os.getpid()  # type: ignore[union-attr]
    reasons = sorted(b.reason for b in store.list_backups(paths.backup_dir(), db_path))
    assert reasons == ["before-restore", "manual"]  # closing the old window added none
    second.close()
    second.ctx.db.close()
    assert not lockfile.lock_path(db_path).exists()
