"""One writer at a time (data-safety point 4): the lock file names host, user, process and
time; a second TikDesk — GUI or CLI — says who holds it and offers read-only or quit; a stale
lock of a dead process is taken over; the lock is released on exit."""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tikdesk import app, cli
from tikdesk.domain.errors import DatabaseError
from tikdesk.services.safety import MANUAL, DatabaseInUse, open_database_safely
from tikdesk.storage import backup as store
from tikdesk.storage import lockfile
from tikdesk.storage.engine import open_database
from tikdesk.ui.safety import dialogs

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from tikdesk.services.context import AppContext

HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tikdesk.storage import lockfile
    lock = lockfile.acquire(Path(sys.argv[1]))
    print("locked", flush=True)
    sys.stdin.readline()  # "quit" from the test, or killed
    lock.release()
""")


#: A TikDesk in the middle of writing: 30 ideas committed (still in the -wal file), 20 more
#: inserted in a transaction that is not committed yet.
WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from sqlalchemy import insert
    from tikdesk.storage import lockfile
    from tikdesk.storage.engine import open_database
    from tikdesk.storage.models import Idea
    path = Path(sys.argv[1])
    lock = lockfile.acquire(path)
    db = open_database(path)
    with db.transaction() as s:
        s.execute(insert(Idea), [{"title": f"gespeichert {n}"} for n in range(30)])
    with db.transaction() as s:
        s.execute(insert(Idea), [{"title": f"offen {n}"} for n in range(20)])
        print("locked", flush=True)
        sys.stdin.readline()  # killed by the test
""")


class Holder:
    """Another TikDesk process that holds the lock of ``db_path``."""

    def __init__(self, db_path: Path, script: str = HOLDER) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", script, str(db_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        first = self.proc.stdout.readline().strip()
        if first != "locked":  # it could not take the lock: leave no process behind
            self.kill()
        assert first == "locked"

    @property
    def pid(self) -> int:
        return self.proc.pid

    def quit(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("quit\n")
        self.proc.stdin.flush()
        self.proc.wait(timeout=30)
        self._close()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)  # reaped: the pid is gone
        self._close()

    def _close(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()


@pytest.fixture
def holder(db_path: Path) -> Iterator[Holder]:
    open_database(db_path).close()
    other = Holder(db_path)
    yield other
    if other.proc.poll() is None:
        other.kill()


def run_cli(*argv: str) -> int:
    return cli.run(cli.build_parser().parse_args(list(argv)))


# ----------------------------------------------------------------------------- the file


def test_lock_file_names_host_user_process_and_time(db_path: Path) -> None:
    lock = lockfile.acquire(db_path)
    data = json.loads(lockfile.lock_path(db_path).read_text(encoding="utf-8"))
    assert data["host"] == socket.gethostname()
    assert data["pid"] == os.getpid()
    assert data["user"]
    assert time.strftime("%Y-%m-%d") in data["started"]
    lock.release()
    assert not lockfile.lock_path(db_path).exists()


def test_lock_is_reentrant_within_one_process(db_path: Path) -> None:
    """The GUI reopens the same file (after a restore) before closing the old window."""
    first = lockfile.acquire(db_path)
    second = lockfile.acquire(db_path)
    assert first is second
    first.release()
    assert lockfile.lock_path(db_path).exists()
    second.release()
    assert not lockfile.lock_path(db_path).exists()


def test_database_close_releases_the_lock(db_path: Path, tmp_path: Path) -> None:
    db = open_database_safely(db_path, backup_dir=tmp_path / "bk")
    assert lockfile.read_owner(db_path).pid == os.getpid()  # type: ignore[union-attr]
    db.close()
    assert not lockfile.lock_path(db_path).exists()


def test_second_process_gets_the_holders_name(holder: Holder, db_path: Path) -> None:
    with pytest.raises(DatabaseInUse) as info:
        lockfile.acquire(db_path)
    text = str(info.value)
    assert f"Prozess {holder.pid}" in text
    assert socket.gethostname() in text and "in Benutzung von" in text
    assert info.value.owner.pid == holder.pid


def test_lock_of_another_host_is_never_taken_over(db_path: Path) -> None:
    lockfile.lock_path(db_path).write_text(
        json.dumps(
            {
                "host": "PC-KOLLEGIN",
                "user": "berta",
                "pid": 999999,
                "started": "2026-11-25T08:30:00",
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(DatabaseInUse, match=r"berta auf PC-KOLLEGIN seit 25\.11\.2026 08:30"):
        lockfile.acquire(db_path)


def test_unreadable_old_lock_file_is_replaced(db_path: Path) -> None:
    path = lockfile.lock_path(db_path)
    path.write_bytes(b"\x00garbage")
    old = time.time() - 60
    os.utime(path, (old, old))
    lock = lockfile.acquire(db_path)
    assert lockfile.read_owner(db_path) == lock.owner
    lock.release()


def test_lock_path_that_is_a_folder_gets_a_clear_message(db_path: Path) -> None:
    folder = lockfile.lock_path(db_path)
    folder.mkdir()
    (folder / "notiz.txt").write_text("bleibt", encoding="utf-8")
    with pytest.raises(DatabaseError) as info:
        lockfile.acquire(db_path)
    text = str(info.value)
    assert not isinstance(info.value, DatabaseInUse)
    assert "ist ein Ordner, keine Sperrdatei" in text and "entfernen oder umbenennen" in text
    assert "?" not in text.replace(str(folder), "")
    assert (folder / "notiz.txt").read_text(encoding="utf-8") == "bleibt"


def test_lock_that_cannot_be_written_holds_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int, owner: lockfile.LockOwner) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(lockfile, "_write_owner", disk_full)
        with pytest.raises(DatabaseError, match="kann nicht angelegt werden"):
            lockfile.acquire(db_path)
    lock = lockfile.acquire(db_path)  # nothing left held by the failed attempt
    assert lockfile.read_owner(db_path) == lock.owner
    lock.release()


# ----------------------------------------------------------------------------- stale locks


@pytest.mark.slow
def test_lock_of_a_killed_process_is_taken_over(holder: Holder, db_path: Path) -> None:
    holder.kill()
    assert lockfile.read_owner(db_path).pid == holder.pid  # type: ignore[union-attr]
    lock = lockfile.acquire(db_path)
    assert lockfile.read_owner(db_path).pid == os.getpid()  # type: ignore[union-attr]
    lock.release()


@pytest.mark.slow
def test_lock_is_released_when_the_other_instance_exits(holder: Holder, db_path: Path) -> None:
    holder.quit()
    assert not lockfile.lock_path(db_path).exists()
    lockfile.acquire(db_path).release()


def test_atexit_releases_a_lock_that_was_never_closed(db_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from tikdesk.storage import lockfile;"
        "lockfile.acquire(Path(sys.argv[1])); print('held', flush=True)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert out.strip() == "held"
    assert not lockfile.lock_path(db_path).exists()


@pytest.fixture
def unrelated() -> Iterator[subprocess.Popen[str]]:
    """A live process that is no TikDesk: after a power cut its PID may be the old holder's."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE, text=True
    )
    yield proc
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=30)


def write_lock(db_path: Path, pid: int, host: str | None = None) -> None:
    """A lock file as a TikDesk leaves it when the power goes (no process holds it)."""
    lockfile.lock_path(db_path).write_text(
        json.dumps(
            {
                "app": "TikDesk",
                "host": host or socket.gethostname(),
                "user": "berta",
                "pid": pid,
                "started": "2026-11-25T08:30:00",
            }
        ),
        encoding="utf-8",
    )


def test_stale_lock_whose_pid_now_belongs_to_a_live_unrelated_process_is_taken_over(
    db_path: Path, unrelated: subprocess.Popen[str]
) -> None:
    write_lock(db_path, unrelated.pid)
    assert lockfile.process_alive(unrelated.pid)
    lock = lockfile.acquire(db_path)
    assert lockfile.read_owner(db_path) == lock.owner
    assert lock.owner.pid == os.getpid()
    lock.release()
    assert not lockfile.lock_path(db_path).exists()


@pytest.mark.slow
def test_lock_held_by_a_live_tikdesk_is_not_taken_over_whatever_its_text_says(
    holder: Holder, db_path: Path
) -> None:
    """The OS lock decides, not the process id in the text: even a text naming a dead
    process (or garbage) does not let a second TikDesk in while the first one runs."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait(timeout=30)
    write_lock(db_path, gone.pid)
    with pytest.raises(DatabaseInUse):
        lockfile.acquire(db_path)
    lockfile.lock_path(db_path).write_bytes(b"\x00garbage")
    old = time.time() - 60
    os.utime(lockfile.lock_path(db_path), (old, old))
    with pytest.raises(DatabaseInUse):
        lockfile.acquire(db_path)
    assert holder.proc.poll() is None


@pytest.mark.slow
def test_released_lock_of_a_live_tikdesk_can_be_taken_at_once(
    holder: Holder, db_path: Path
) -> None:
    with pytest.raises(DatabaseInUse):
        lockfile.acquire(db_path)
    holder.quit()
    lock = lockfile.acquire(db_path)
    assert lockfile.read_owner(db_path) == lock.owner
    lock.release()


@pytest.fixture
def no_os_locks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system without OS locks (some network shares): flock says ENOLCK."""
    import fcntl

    real = fcntl.flock

    def flock(fd: int, operation: int) -> None:
        if operation & fcntl.LOCK_EX:
            raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))
        real(fd, operation)

    monkeypatch.setattr(fcntl, "flock", flock)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="fcntl is POSIX only")
def test_without_os_locks_the_process_id_check_still_works(
    holder: Holder,
    db_path: Path,
    no_os_locks: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with (
        caplog.at_level("WARNING", logger="tikdesk.storage.lockfile"),
        pytest.raises(DatabaseInUse) as info,
    ):
        lockfile.acquire(db_path)
    assert info.value.owner.pid == holder.pid
    assert "falling back to the process-id check" in caplog.text
    holder.kill()  # its PID is gone now: the stale lock is taken over
    lock = lockfile.acquire(db_path)
    assert lockfile.read_owner(db_path) == lock.owner
    lock.release()
    assert not lockfile.lock_path(db_path).exists()
    fresh = lockfile.acquire(db_path)  # no lock file at all: created with O_EXCL
    assert lockfile.read_owner(db_path) == fresh.owner
    fresh.release()
    assert not lockfile.lock_path(db_path).exists()


# ----------------------------------------------------------------------------- CLI


@pytest.mark.slow
def test_cli_write_command_exits_1_naming_the_holder(
    holder: Holder, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = store.create_backup(db_path, tmp_path / "bk", MANUAL)
    before = db_path.read_bytes()
    assert run_cli("--db", str(db_path), "restore", str(backup.path)) == 1
    err = capsys.readouterr().err
    assert f"(Prozess {holder.pid})" in err and "in Benutzung von" in err
    assert db_path.read_bytes() == before
    # Read commands may run alongside, read-only.
    assert run_cli("--db", str(db_path), "check") == 0
    assert run_cli("--db", str(db_path), "backup") == 0
    assert lockfile.read_owner(db_path).pid == holder.pid  # type: ignore[union-attr]


@pytest.mark.slow
def test_cli_write_command_exits_1_when_the_lock_path_is_a_folder(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(db_path).close()
    backup = store.create_backup(db_path, tmp_path / "bk", MANUAL)
    lockfile.lock_path(db_path).mkdir()
    before = db_path.read_bytes()
    assert run_cli("--db", str(db_path), "restore", str(backup.path)) == 1
    err = capsys.readouterr().err
    assert "ist ein Ordner, keine Sperrdatei" in err
    assert "Traceback" not in err and "Prozess 0" not in err
    assert db_path.read_bytes() == before
    assert lockfile.lock_path(db_path).is_dir()


READ_COMMANDS = [
    ["check"],
    ["backup"],
    ["export-analytics", "daily.csv"],
    ["export-ideas", "ideas.csv"],
    ["report", "--from", "2026-09-01", "--to", "2026-09-30", "--out", "r.xlsx"],
]


@pytest.mark.slow
@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_read_commands_take_no_lock_so_a_writer_may_start_meanwhile(
    command: list[str], db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long report must not block an import, and a killed one must leave no lock."""
    monkeypatch.chdir(tmp_path)
    open_database(db_path).close()
    args = cli.build_parser().parse_args(["--db", str(db_path), *command])
    real = args.handler
    seen: list[object] = []

    def handler(parsed: object, ctx: AppContext) -> int:
        seen.append(lockfile.read_owner(db_path))
        writer = Holder(db_path)  # a second TikDesk taking the write lock: must succeed
        try:
            return int(real(parsed, ctx))
        finally:
            writer.quit()

    args.handler = handler
    assert cli.run(args) == 0
    assert seen == [None]
    assert not lockfile.lock_path(db_path).exists()


def test_a_reader_without_the_lock_cannot_write(db_path: Path, tmp_path: Path) -> None:
    open_database(db_path).close()
    db = open_database_safely(db_path, backup_dir=tmp_path / "bk", reader=True)
    try:
        assert not lockfile.lock_path(db_path).exists()
        with pytest.raises(DatabaseError, match="schreibgeschützt"), db.transaction():
            pass
    finally:
        db.close()
    assert not Path(f"{db_path}-wal").exists()  # closed like a writer: no -wal left over


@pytest.mark.slow
def test_report_and_backup_run_while_another_tikdesk_writes(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The backup is SQLite's consistent snapshot: committed rows (even those still in the
    -wal file) are in it, rows of the writer's open transaction are not."""
    open_database(db_path).close()
    writer = Holder(db_path, WRITER)
    try:
        report = tmp_path / "bericht.xlsx"
        assert run_cli("--db", str(db_path), "report", "--from", "2026-09-01", "--to",
                       "2026-09-30", "--out", str(report)) == 0  # fmt: skip
        assert report.is_file()
        copy = tmp_path / "kopie.sqlite"
        assert run_cli("--db", str(db_path), "backup", "--to", str(copy)) == 0
        assert "Prozess" not in capsys.readouterr().err
        assert lockfile.read_owner(db_path).pid == writer.pid  # type: ignore[union-attr]
    finally:
        writer.kill()
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        titles = [row[0] for row in conn.execute("SELECT title FROM idea")]
    finally:
        conn.close()
    assert sorted(titles) == sorted(f"gespeichert {n}" for n in range(30))


@pytest.mark.slow
def test_cli_takes_over_the_lock_of_a_killed_instance(
    holder: Holder, db_path: Path, tmp_path: Path
) -> None:
    backup = store.create_backup(db_path, tmp_path / "bk", MANUAL)
    holder.kill()
    assert run_cli("--db", str(db_path), "restore", str(backup.path)) == 0
    assert not lockfile.lock_path(db_path).exists()


# ----------------------------------------------------------------------------- GUI


@pytest.fixture
def gui(qapp: QApplication, settings: QSettings, recorded_messages: list) -> Iterator[app.GuiApp]:
    made = app.GuiApp(qapp, settings)
    yield made
    if made.window is not None:
        made.window.close()
        made.window.ctx.db.close()


@pytest.mark.slow
def test_gui_second_instance_opens_read_only_with_banner(
    gui: app.GuiApp, holder: Holder, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(parent: object, path: Path, who: str) -> str:
        asked.append(who)
        return dialogs.READ_ONLY

    monkeypatch.setattr(dialogs.LockDialog, "ask", answer)
    assert gui.open(db_path)
    window = gui.window
    assert window is not None
    assert asked and f"(Prozess {holder.pid})" in asked[0]
    assert window.is_read_only()
    assert window.read_only_banner.isVisibleTo(window)
    assert f"Prozess {holder.pid}" in window.read_only_banner.text()
    assert not window.safety.action_restore.isEnabled()  # type: ignore[attr-defined]
    with pytest.raises(DatabaseError), window.ctx.db.transaction():
        pass
    assert lockfile.read_owner(db_path).pid == holder.pid  # type: ignore[union-attr]


@pytest.mark.slow
def test_gui_quit_leaves_everything_as_it_was(
    gui: app.GuiApp, holder: Holder, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs.LockDialog, "ask", lambda *a: dialogs.QUIT)
    assert not gui.open(db_path)
    assert gui.window is None
    assert lockfile.read_owner(db_path).pid == holder.pid  # type: ignore[union-attr]


@pytest.mark.slow
def test_gui_open_anyway_writes_without_touching_the_other_lock(
    gui: app.GuiApp, holder: Holder, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs.LockDialog, "ask", lambda *a: dialogs.OPEN_ANYWAY)
    assert gui.open(db_path)
    assert gui.window is not None and not gui.window.is_read_only()
    assert lockfile.read_owner(db_path).pid == holder.pid  # type: ignore[union-attr]


@pytest.mark.slow
def test_gui_takes_over_after_the_other_instance_was_killed(
    gui: app.GuiApp, holder: Holder, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs.LockDialog, "ask", lambda *a: pytest.fail("no question"))
    holder.kill()
    assert gui.open(db_path)
    assert gui.window is not None and not gui.window.is_read_only()
    assert lockfile.read_owner(db_path).pid == os.getpid()  # type: ignore[union-attr]
    gui.window.close()
    gui.window.ctx.db.close()
    gui.window = None
    assert not lockfile.lock_path(db_path).exists()


def test_lock_dialog_open_anyway_only_after_the_warning(
    qtbot: QtBot, db_path: Path, recorded_messages: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tikdesk.ui import messages

    dialog = dialogs.LockDialog(db_path, "in Benutzung von berta auf PC-2 seit 08:30")
    qtbot.addWidget(dialog)
    label = dialog.findChild(dialogs.QLabel, "lockText")
    assert label is not None and "berta" in label.text()
    monkeypatch.setattr(messages, "handler", lambda *a: False)  # "No" to the warning
    dialog.anyway_button.click()
    assert dialog.choice == dialogs.QUIT  # still undecided: the warning was declined
    seen: list[str] = []
    monkeypatch.setattr(messages, "handler", lambda _p, kind, _t, _x: seen.append(kind) or True)
    dialog.anyway_button.click()
    assert seen == ["question"] and dialog.choice == dialogs.OPEN_ANYWAY
    dialog.read_only_button.click()
    assert dialog.choice == dialogs.READ_ONLY
