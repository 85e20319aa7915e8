"""A damaged database (data-safety points 7, 8): detected at start by the quick check, kept as
``*.damaged`` (never overwritten), the newest intact backup offered with its date;
``tikdesk check`` exits 1; ``tikdesk restore`` recovers."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import insert

from tikdesk import app, cli
from tikdesk.services.context import AppContext
from tikdesk.services.safety import AUTO, MANUAL, SafetyService
from tikdesk.storage import backup as store
from tikdesk.storage import check as checks
from tikdesk.storage.engine import open_database
from tikdesk.storage.models import Idea
from tikdesk.ui.safety import dialogs

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot


def fill(path: Path, count: int) -> None:
    db = open_database(path)
    now = dt.datetime(2026, 11, 2, 10, 0)
    with db.transaction() as s:
        s.execute(
            insert(Idea),
            [
                {
                    "title": f"Idee {n}",
                    "description": "Text " * 30,
                    "created_at": now,
                    "updated_at": now,
                }
                for n in range(count)
            ],
        )
    db.close()


def damage(path: Path) -> bytes:
    """Overwrite 1 KiB in the middle of the file, across the start of the idea table's page.

    The database must be closed (no -wal left).  Returns the damaged bytes.
    """
    assert not Path(str(path) + "-wal").exists()
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'idea'").fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page_size - 512)
        fh.write(b"\xa5" * 1024)
    return path.read_bytes()


def backup_of(
    path: Path, folder: Path, reason: str = MANUAL, when: dt.datetime | None = None
) -> store.BackupInfo:
    return store.create_backup(path, folder, reason, now=when)


def run_cli(*argv: str) -> int:
    return cli.run(cli.build_parser().parse_args(list(argv)))


@pytest.fixture
def backups(_isolated_home: Path) -> Path:
    return _isolated_home / "backups"  # paths.backup_dir() under TIKDESK_HOME


@pytest.mark.slow
def test_quick_check_finds_overwritten_bytes(db_path: Path) -> None:
    fill(db_path, 40)
    assert checks.quick_check(db_path).ok
    damage(db_path)
    report = checks.quick_check(db_path)
    assert not report.ok
    assert "malformed" in report.errors[0].text


@pytest.mark.slow
def test_cli_check_exits_1_naming_the_damage_and_keeps_the_file(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(db_path, 40)
    assert run_cli("--db", str(db_path), "check") == 0
    capsys.readouterr()
    damaged = damage(db_path)
    assert run_cli("--db", str(db_path), "check") == 1
    err = capsys.readouterr().err
    assert "FEHLER" in err and "malformed" in err
    assert db_path.read_bytes() == damaged  # check only looks


@pytest.mark.slow
def test_cli_command_on_damaged_file_offers_newest_intact_backup(
    db_path: Path, backups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(db_path, 40)
    good = backup_of(db_path, backups, AUTO, dt.datetime(2026, 11, 20, 8, 15))
    newer = backup_of(db_path, backups, AUTO, dt.datetime(2026, 11, 24, 17, 45))
    damage(newer.path)  # the newest backup is damaged too: the older one is offered
    damage(db_path)
    assert run_cli("--db", str(db_path), "backup") == 1
    err = capsys.readouterr().err
    assert "beschädigt" in err
    assert "20.11.2026 08:15" in err and str(good.path) in err
    assert "24.11.2026" not in err


@pytest.mark.slow
def test_cli_restore_keeps_the_damaged_file_and_recovers(
    db_path: Path, backups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(db_path, 40)
    good = backup_of(db_path, backups)
    damaged = damage(db_path)
    assert run_cli("--db", str(db_path), "restore", str(good.path)) == 0
    err = capsys.readouterr().err
    kept = list(db_path.parent.glob("test.sqlite.*.damaged"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert str(kept[0]) in err
    assert checks.quick_check(db_path).ok
    assert run_cli("--db", str(db_path), "check") == 0
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM idea").fetchone() == (40,)
    conn.close()


def test_quarantine_never_overwrites(tmp_path: Path) -> None:
    when = dt.datetime(2026, 11, 25, 9, 0, 0)
    path = tmp_path / "a.sqlite"
    for content in (b"first", b"second"):
        path.write_bytes(content)
        Path(str(path) + "-wal").write_bytes(content + b"-wal")
        checks.quarantine(path, now=when)
    first = tmp_path / "a.sqlite.20261125-090000.damaged"
    second = tmp_path / "a.sqlite.20261125-090000-2.damaged"
    assert first.read_bytes() == b"first" and second.read_bytes() == b"second"
    assert Path(str(first) + "-wal").read_bytes() == b"first-wal"
    assert Path(str(second) + "-wal").read_bytes() == b"second-wal"
    assert not path.exists()


@pytest.mark.slow
def test_backup_list_shows_which_backups_are_intact(db_path: Path, tmp_path: Path) -> None:
    fill(db_path, 40)
    db = open_database(db_path)
    service = SafetyService(AppContext(db=db, backup_dir=tmp_path / "bk"))
    try:
        good = service.backup(MANUAL)
        bad = service.backup(AUTO)
        damage(bad.path)
        listed = {b.path: b for b in service.list_backups(check=True)}
        assert listed[good.path].intact is True and listed[bad.path].intact is False
        assert listed[good.path].size == good.path.stat().st_size > 0
        newest = service.newest_intact()
        assert newest is not None and newest.path == good.path
    finally:
        db.close()


# ----------------------------------------------------------------------------- GUI


@pytest.fixture
def gui(qapp: QApplication, settings: QSettings, recorded_messages: list) -> object:
    made = app.GuiApp(qapp, settings)
    yield made
    if made.window is not None:
        made.window.close()
        made.window.ctx.db.close()


@pytest.mark.slow
def test_gui_start_on_damaged_file_offers_backup_with_date_and_restores(
    gui: app.GuiApp,
    db_path: Path,
    backups: Path,
    monkeypatch: pytest.MonkeyPatch,
    recorded_messages: list,
) -> None:
    fill(db_path, 40)
    good = backup_of(db_path, backups, AUTO, dt.datetime(2026, 11, 23, 18, 5))
    damaged = damage(db_path)
    offered: list[tuple[object, ...]] = []

    def answer(
        parent: object,
        path: Path,
        problems: list[str],
        kept: Path | None,
        newest: store.BackupInfo | None,
    ) -> str:
        offered.append((path, problems, kept, newest))
        return dialogs.RESTORE

    monkeypatch.setattr(dialogs.DamagedDialog, "ask", answer)
    assert gui.open(db_path)
    ((path, problems, kept, newest),) = offered
    assert path == db_path and "malformed" in problems[0]
    assert kept is not None and kept.name.endswith(".damaged") and kept.read_bytes() == damaged
    assert newest is not None and newest.path == good.path
    assert newest.created_text() == "23.11.2026 18:05"
    assert gui.window is not None and not gui.window.is_read_only()
    assert checks.quick_check(db_path).ok
    assert any("23.11.2026 18:05" in text for _k, _t, text in recorded_messages)


@pytest.mark.slow
def test_gui_damaged_dialog_shows_the_date(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    fill(db_path, 3)
    info = backup_of(db_path, tmp_path / "bk", AUTO, dt.datetime(2026, 11, 23, 18, 5))
    dialog = dialogs.DamagedDialog(
        db_path, ["database disk image is malformed"], tmp_path / "x.damaged", info
    )
    qtbot.addWidget(dialog)
    assert dialog.restore_button is not None
    assert "23.11.2026 18:05" in dialog.restore_button.text()
    dialog.restore_button.click()
    assert dialog.choice == dialogs.RESTORE


def test_gui_quit_on_damaged_file_keeps_it_aside(
    gui: app.GuiApp, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(db_path, 40)
    damaged = damage(db_path)
    monkeypatch.setattr(dialogs.DamagedDialog, "ask", lambda *a: dialogs.QUIT)
    assert not gui.open(db_path)
    assert not db_path.exists()
    kept = list(db_path.parent.glob("*.damaged"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
