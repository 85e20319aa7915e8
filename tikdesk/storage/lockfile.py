"""One writer at a time: a lock file next to the database (data-safety point 4).

``<db>.lock`` holds two things:

* an operating-system lock (``fcntl.flock`` on POSIX, ``msvcrt.locking`` of one byte far past
  the text on Windows), held on the open file for the life of the process.  Whether the
  database is in use is decided by this lock alone: the operating system drops it when the
  process ends in any way — exit, kill, crash, power cut — so a lock of a dead process is
  taken over even when its process id has since been given to an unrelated live process;
* a small JSON text naming host, user, process id and start time, only for the message
  "in use by … on … since …".

A lock written on another host is never taken over: whether the other computer's lock reaches
this one over a network share cannot be known.  File systems without OS locks (some network
shares) fall back to the process-id check of earlier versions, logged: the file is created
atomically (``O_CREAT | O_EXCL``) and a lock of a process that no longer runs on this host is
taken over.  Readers (read-only windows, ``tikdesk check``/``report``/``backup``) need no lock:
SQLite's read transaction gives them a consistent view.

Inside one process the lock is re-entrant: the GUI opens the same file again after a restore
before closing the old window.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import errno
import getpass
import json
import logging
import os
import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from tikdesk.domain.clock import SYSTEM_CLOCK
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
            started=SYSTEM_CLOCK.stamp().isoformat(),
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

    def __init__(self, db_path: Path, owner: LockOwner, fd: int | None = None) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self.owner = owner
        self._fd = fd  # the open lock file carrying the OS lock (None: process-id fallback)
        self._count = 1

    def release(self) -> None:
        with _registry_guard:
            self._count -= 1
            if self._count > 0:
                return
            _registry.pop(_key(self.db_path), None)
        fd, self._fd = self._fd, None
        if fd is None:
            current = read_owner(self.db_path)
            if current == self.owner:  # never remove a lock someone else took over
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
        else:
            _release_os_lock(self.path, fd, self.owner)
        log.info("lock released: %s", self.path)

    @property
    def held(self) -> bool:
        return self._count > 0


_registry: dict[str, DatabaseLock] = {}
_registry_guard = threading.Lock()

#: Tries before giving up on a lock file that changes under our hands.
_ATTEMPTS = 20
#: Windows locks a byte range, and a locked range cannot be read by others: lock one byte far
#: past the JSON text (a lock beyond the end of a file is allowed).
_WINDOWS_LOCK_OFFSET = 1 << 20
#: errno values meaning "another open file holds the lock" (everything else: no OS locks here).
_HELD_ERRNOS = frozenset({errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK})

_OsLock = Literal["taken", "held", "unsupported"]


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
    path = lock_path(db_path)
    _refuse_folder(path)
    me = LockOwner.me()
    for _attempt in range(_ATTEMPTS):
        opened = _open_lock_file(path)
        if opened is None:  # removed between our two opens: its holder just released it
            continue
        fd, created, writable = opened
        state = _os_lock(fd, path)
        if state == "unsupported":
            if created:  # ours by O_EXCL, as in the process-id fallback
                try:
                    _write_owner(fd, me)
                except OSError as exc:
                    os.close(fd)
                    path.unlink(missing_ok=True)
                    raise _cannot_use(path, exc) from exc
                os.close(fd)
                return _register(DatabaseLock(db_path, me))
            os.close(fd)
            return _acquire_by_pid(db_path, me)
        if state == "held":
            owner = _read_fd(fd)
            os.close(fd)
            if owner is None:  # the holder is writing its name this very moment
                time.sleep(0.1)
                continue
            raise DatabaseInUse(db_path, owner)
        # We hold the OS lock: no process on this host holds this database.
        if not _same_file(fd, path):  # the releasing holder removed the file: start over
            _close_os_lock(fd)
            continue
        found = None if created else _read_fd(fd)
        if found is not None and found.host != me.host:
            # Another computer's lock may not reach us over a network share: never take it.
            _close_os_lock(fd)
            raise DatabaseInUse(db_path, found)
        if found is not None and found != me:
            log.warning(
                "lock of %s (process %s, since %s) held by no process: taken over: %s",
                found.user,
                found.pid,
                found.started,
                path,
            )
        if not writable:  # a lock file we may not write (another user's): replace it
            _close_os_lock(fd, remove=path)
            continue
        try:
            _write_owner(fd, me)
        except OSError as exc:  # disk full: hold nothing, leave an empty (free) file at most
            _close_os_lock(fd, remove=path if created else None)
            raise _cannot_use(path, exc) from exc
        log.info("lock taken: %s", path)
        return _register(DatabaseLock(db_path, me, fd))
    owner = read_owner(db_path) or LockOwner("?", "?", 0, "")
    raise DatabaseInUse(db_path, owner)


def _register(lock: DatabaseLock) -> DatabaseLock:
    with _registry_guard:
        _registry[_key(lock.db_path)] = lock
    return lock


def _open_lock_file(path: Path) -> tuple[int, bool, bool] | None:
    """Open (or create) the lock file: ``(fd, created, writable)``; None when it vanished."""
    binary = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | binary, 0o644)
    except FileExistsError:
        pass
    except OSError as exc:
        raise _cannot_use(path, exc) from exc
    else:
        return fd, True, True
    for flags, writable in ((os.O_RDWR, True), (os.O_RDONLY, False)):
        try:
            return os.open(path, flags | binary), False, writable
        except FileNotFoundError:
            return None
        except PermissionError:
            continue  # another user's lock file: reading is enough to test the OS lock
        except OSError as exc:
            raise _cannot_use(path, exc) from exc
    raise _cannot_use(path, PermissionError(errno.EACCES, os.strerror(errno.EACCES)))


def _refuse_folder(path: Path) -> None:
    """A folder where the lock file belongs: say so (it holds no owner to name)."""
    if path.is_dir():
        raise DatabaseError(
            msg(
                f"„{path}“ ist ein Ordner, keine Sperrdatei – bitte entfernen oder umbenennen. "
                "Bis dahin lässt sich die Datenbank nur zum Lesen öffnen.",
                f"'{path}' is a folder, not a lock file – please remove or rename it. Until "
                "then the database can only be opened read-only.",
            )
        )


def _cannot_use(path: Path, exc: OSError) -> DatabaseError:
    _refuse_folder(path)  # made a folder between our checks
    return DatabaseError(
        msg(
            f"Die Sperrdatei „{path}“ kann nicht angelegt werden: {exc.strerror or exc}.",
            f"The lock file '{path}' cannot be created: {exc.strerror or exc}.",
        )
    )


def _os_lock(fd: int, path: Path) -> _OsLock:
    """Try the exclusive OS lock on ``fd`` without waiting."""
    try:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in _HELD_ERRNOS:
            return "held"
        log.warning(
            "no operating-system lock on %s (%s): falling back to the process-id check",
            path,
            exc,
        )
        return "unsupported"
    return "taken"


def _close_os_lock(fd: int, *, remove: Path | None = None) -> None:
    """Drop the OS lock and close; ``remove`` deletes the (stale) file first, under the lock."""
    if remove is not None and sys.platform != "win32":
        with contextlib.suppress(OSError):
            remove.unlink()
    try:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass  # closing drops the lock anyway
    finally:
        os.close(fd)
    # Windows cannot delete a file that is open: only after closing it.
    if remove is not None and sys.platform == "win32":  # pragma: no cover - Windows only
        with contextlib.suppress(OSError):
            remove.unlink()


def _release_os_lock(path: Path, fd: int, owner: LockOwner) -> None:
    """Empty and remove our lock file, then drop the OS lock.

    Emptied first, so a file left behind (Windows cannot delete a file another process has
    open this instant) names nobody and is simply taken by the next TikDesk.
    """
    mine = _read_fd(fd) == owner and _same_file(fd, path)
    if mine:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
    _close_os_lock(fd, remove=path if mine else None)


def _same_file(fd: int, path: Path) -> bool:
    """The open file still is the one at ``path`` (not removed or replaced meanwhile)."""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def _read_fd(fd: int) -> LockOwner | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = os.read(fd, 64 * 1024)
        return LockOwner.from_json(data.decode("utf-8"))
    except (OSError, ValueError, TypeError):
        return None


def _write_owner(fd: int, owner: LockOwner) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, owner.to_json().encode("utf-8"))
    os.fsync(fd)


# ------------------------------------------------------------ fallback: no OS locks here


def _acquire_by_pid(db_path: Path, me: LockOwner) -> DatabaseLock:
    """Earlier versions' lock: O_EXCL file, stale when its process no longer runs here."""
    for _attempt in range(5):
        if _create(db_path, me):
            log.info("lock taken (process-id check only): %s", lock_path(db_path))
            return _register(DatabaseLock(db_path, me))
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
