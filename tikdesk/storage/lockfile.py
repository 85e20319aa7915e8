"""One writer at a time: a lock file next to the database (data-safety point 4).

``<db>.lock`` is a small JSON file naming host, user, process id and start time.  It is
created atomically (``O_CREAT | O_EXCL``), so of two TikDesks starting at the same moment
exactly one wins.  A lock left behind by a process that no longer runs on this host (killed
from the task manager, power cut) is recognised and taken over; a lock held by another host
cannot be checked and is reported.  Readers (read-only windows, ``tikdesk check``) need no
lock.

Inside one process the lock is re-entrant: the GUI opens the same file again after a restore
before closing the old window.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import getpass
import json
import logging
import os
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tikdesk.domain.errors import DatabaseError
from tikdesk.domain.i18n import msg

log = logging.getLogger(__name__)


def lock_path(db_path: Path) -> Path:
    return Path(str(db_path) + ".lock")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in odd environments (services, containers)
        return "?"


@dataclass(frozen=True)
class LockOwner:
    """Who holds a database: written into the lock file as JSON."""

    host: str
    user: str
    pid: int
    started: str  # ISO time, local

    @classmethod
    def me(cls) -> LockOwner:
        return cls(
            host=socket.gethostname(),
            user=_user(),
            pid=os.getpid(),
            started=dt.datetime.now().replace(microsecond=0).isoformat(),
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "app": "TikDesk",
                "host": self.host,
                "user": self.user,
                "pid": self.pid,
                "started": self.started,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> LockOwner:
        data: dict[str, Any] = json.loads(text)
        return cls(
            host=str(data.get("host", "?")),
            user=str(data.get("user", "?")),
            pid=int(data.get("pid", 0)),
            started=str(data.get("started", "")),
        )

    def started_text(self) -> str:
        try:
            when = dt.datetime.fromisoformat(self.started)
        except ValueError:
            return self.started or "?"
        return when.strftime("%d.%m.%Y %H:%M")

    def describe(self) -> str:
        return msg(
            f"in Benutzung von {self.user} auf {self.host} seit {self.started_text()} "
            f"(Prozess {self.pid})",
            f"in use by {self.user} on {self.host} since {self.started_text()} "
            f"(process {self.pid})",
        )


class DatabaseInUse(DatabaseError):
    """Another TikDesk holds the database; ``owner`` says who."""

    def __init__(self, db_path: Path, owner: LockOwner) -> None:
        self.db_path = db_path
        self.owner = owner
        super().__init__(
            msg(
                f"Die Datenbank „{db_path}“ ist {owner.describe()}. Es darf immer nur ein "
                "TikDesk in eine Datenbank schreiben. Schließen Sie TikDesk dort, oder öffnen "
                "Sie die Datenbank nur zum Lesen.",
                f"The database '{db_path}' is {owner.describe()}. Only one TikDesk at a time "
                "may write to a database. Close TikDesk there, or open the database read-only.",
            )
        )


def process_alive(pid: int) -> bool:
    """True when a process with ``pid`` runs on this machine (or we may not ask)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, belongs to someone else
        return True
    except OSError:
        return False
    return True


def _windows_process_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    """OpenProcess + GetExitCodeProcess: no psutil needed."""
    if sys.platform != "win32":
        return False
    import ctypes
    from ctypes import wintypes

    process_query_limited_information = 0x1000
    still_active = 259
    error_access_denied = 5
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return bool(ctypes.get_last_error() == error_access_denied)
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def read_owner(db_path: Path) -> LockOwner | None:
    """The lock's owner, or None when there is no lock (or it is unreadable garbage)."""
    try:
        text = lock_path(db_path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError:
        return None
    try:
        return LockOwner.from_json(text)
    except (ValueError, TypeError):
        return None


def is_stale(owner: LockOwner) -> bool:
    """A lock of a process that is gone — only decidable for locks of this host."""
    return owner.host == socket.gethostname() and not process_alive(owner.pid)


class DatabaseLock:
    """The lock this process holds on one database; :meth:`release` removes the file."""

    def __init__(self, db_path: Path, owner: LockOwner) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self.owner = owner
        self._count = 1

    def release(self) -> None:
        with _registry_guard:
            self._count -= 1
            if self._count > 0:
                return
            _registry.pop(_key(self.db_path), None)
        current = read_owner(self.db_path)
        if current == self.owner:  # never remove a lock someone else took over
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        log.info("lock released: %s", self.path)

    @property
    def held(self) -> bool:
        return self._count > 0


_registry: dict[str, DatabaseLock] = {}
_registry_guard = threading.Lock()


def _key(db_path: Path) -> str:
    return os.path.normcase(os.path.abspath(db_path))


def acquire(db_path: Path) -> DatabaseLock:
    """Take the lock of ``db_path`` or raise :class:`DatabaseInUse` naming the holder."""
    db_path = Path(db_path)
    with _registry_guard:
        mine = _registry.get(_key(db_path))
        if mine is not None:
            mine._count += 1
            return mine
    me = LockOwner.me()
    for _attempt in range(5):
        if _create(db_path, me):
            lock = DatabaseLock(db_path, me)
            with _registry_guard:
                _registry[_key(db_path)] = lock
            log.info("lock taken: %s", lock.path)
            return lock
        owner = read_owner(db_path)
        if owner is None:
            # Unreadable (being written this instant, or garbage): garbage older than a few
            # seconds is removed, otherwise try again.
            _remove_if_garbage(db_path)
            continue
        if owner.host == me.host and owner.pid == me.pid:
            # Our own lock from an earlier open in this process that was not released
            # (e.g. a database object dropped without close): take it again.
            _take_over(db_path, owner)
            continue
        if is_stale(owner):
            log.warning(
                "stale lock of dead process %s on %s taken over: %s",
                owner.pid,
                owner.host,
                lock_path(db_path),
            )
            _take_over(db_path, owner)
            continue
        raise DatabaseInUse(db_path, owner)
    owner = read_owner(db_path) or LockOwner("?", "?", 0, "")
    raise DatabaseInUse(db_path, owner)


def _create(db_path: Path, me: LockOwner) -> bool:
    path = lock_path(db_path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    except OSError as exc:
        raise DatabaseError(
            msg(
                f"Die Sperrdatei „{path}“ kann nicht angelegt werden: {exc.strerror or exc}.",
                f"The lock file '{path}' cannot be created: {exc.strerror or exc}.",
            )
        ) from exc
    try:
        os.write(fd, me.to_json().encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return True


def _take_over(db_path: Path, expected: LockOwner) -> None:
    """Remove a stale lock — only if it still is the one we judged stale."""
    path = lock_path(db_path)
    aside = path.with_name(f"{path.name}.stale-{os.getpid()}")
    try:
        os.replace(path, aside)
    except FileNotFoundError:
        return
    try:
        moved = LockOwner.from_json(aside.read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        moved = None
    if moved is not None and moved != expected and not _create_from(aside, path):
        log.warning("lock %s changed while taking it over", path)
    with contextlib.suppress(OSError):
        aside.unlink()


def _create_from(aside: Path, path: Path) -> bool:
    """Put back a lock that another process wrote in the meantime (rare race)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    try:
        os.write(fd, aside.read_bytes())
    finally:
        os.close(fd)
    return True


def _remove_if_garbage(db_path: Path) -> bool:
    import time

    path = lock_path(db_path)
    try:
        age = time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return True
    if age < 3:
        time.sleep(0.2)
        return False
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    return True


@atexit.register
def _release_all() -> None:
    """Normal interpreter exit: leave no lock behind (a kill is handled by stale detection)."""
    with _registry_guard:
        held = list(_registry.values())
    for lock in held:
        lock._count = 1
        with contextlib.suppress(Exception):
            lock.release()
