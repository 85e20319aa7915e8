"""Opening a TikDesk database: path checks, pragmas, migrations, sessions.

This is the one module that knows it talks to SQLite (pragmas, URI, network detection);
everything else goes through SQLAlchemy and stays portable to PostgreSQL.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from tikdesk.domain.errors import DatabaseError
from tikdesk.domain.i18n import msg

log = logging.getLogger(__name__)

NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "afs",
        "ncpfs",
        "9p",
        "fuse.sshfs",
        "davfs",
        "fuse.davfs2",
        "glusterfs",
        "ceph",
        "lustre",
    }
)


def is_network_path(path: Path) -> bool:
    """True when ``path`` lies on a network share (UNC, mapped drive, NFS/SMB mount).

    SQLite's WAL needs shared memory that network file systems do not provide reliably.
    """
    text_path = str(path)
    if text_path.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text_path))[0]
        if drive:
            drive_remote = 4
            return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)
        return False
    return _mount_fs_type(path) in NETWORK_FS_TYPES


def _mount_fs_type(path: Path) -> str:
    """File-system type of the mount that holds ``path`` (Linux ``/proc/mounts``)."""
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    target = str(path.resolve())
    best, best_type = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, best_type = mount_point, fields[2]
    return best_type


def check_db_path(path: Path) -> Path:
    """Validate a database path before SQLite sees it; raise a clear DatabaseError."""
    path = Path(path).expanduser()
    if path.exists() and path.is_dir():
        raise DatabaseError(
            msg(
                f"„{path}“ ist ein Ordner, keine Datenbankdatei. Bitte eine Datei angeben, "
                "z. B. …/tikdesk.sqlite.",
                f"'{path}' is a folder, not a database file. Please give a file, "
                "e.g. …/tikdesk.sqlite.",
            )
        )
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            msg(
                f"Der Ordner „{parent}“ kann nicht angelegt werden: {exc.strerror or exc}.",
                f"The folder '{parent}' cannot be created: {exc.strerror or exc}.",
            )
        ) from exc
    if not path.exists() and not os.access(parent, os.W_OK):
        raise DatabaseError(
            msg(
                f"Im Ordner „{parent}“ darf TikDesk keine Datei anlegen (schreibgeschützt). "
                "Bitte einen Ort wählen, an dem Sie schreiben dürfen.",
                f"TikDesk may not create a file in '{parent}' (read-only). "
                "Please choose a location you can write to.",
            )
        )
    return path


@dataclass(frozen=True)
class OpenOptions:
    read_only: bool = False
    wal: bool = True  # only honoured on a local disk


class Database:
    """An open TikDesk database: the engine plus a factory for one-action sessions."""

    def __init__(self, path: Path, engine: Engine, *, read_only: bool, wal: bool) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self.wal = wal
        self.on_network = not wal and is_network_path(path)
        self.read_only_reason = ""  # why it is read-only, for the window's banner
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._close_hooks: list[Callable[[], None]] = []

    def add_close_hook(self, hook: Callable[[], None]) -> None:
        """Run ``hook`` on :meth:`close` (lock release, change watcher) — once."""
        self._close_hooks.append(hook)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: everything inside commits together or not at all."""
        if self.read_only:
            raise DatabaseError(
                msg(
                    "Die Datenbank ist schreibgeschützt geöffnet; Änderungen sind nicht möglich.",
                    "The database is open read-only; changes are not possible.",
                )
            )
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException as exc:
            session.rollback()
            known = _known_write_error(self.path, exc)
            if known is not None:
                raise known from exc
            raise
        finally:
            session.close()

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reading only; never commits."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        hooks, self._close_hooks = self._close_hooks, []
        for hook in reversed(hooks):
            try:
                hook()
            except Exception:  # closing must go on: the lock must be released regardless
                log.exception("close hook failed")
        self.engine.dispose()


def _known_write_error(path: Path, exc: BaseException) -> DatabaseError | None:
    """Disk full, read-only file, locked database: a clear message instead of a traceback.

    SQLAlchemy wraps sqlite3's OperationalError; ``orig`` holds the driver's error.
    """
    orig = getattr(exc, "orig", exc)
    if not isinstance(orig, sqlite3.OperationalError | OSError):
        return None
    text_exc = str(orig).lower()
    if "disk is full" in text_exc or getattr(orig, "errno", None) == errno.ENOSPC:
        return DatabaseError(
            msg(
                f"Kein Platz mehr auf dem Datenträger von „{path}“. Die letzte Änderung wurde "
                "nicht gespeichert; alles davor ist sicher. Bitte Platz schaffen und erneut "
                "versuchen — Lesen geht weiterhin.",
                f"No space left on the disk of '{path}'. The last change was not saved; "
                "everything before it is safe. Please free some space and try again — reading "
                "still works.",
            )
        )
    if "readonly database" in text_exc or "read-only" in text_exc:
        return DatabaseError(
            msg(
                f"Die Datenbank „{path}“ ist schreibgeschützt; die Änderung wurde nicht "
                "gespeichert. Lesen geht weiterhin.",
                f"The database '{path}' is read-only; the change was not saved. Reading still "
                "works.",
            )
        )
    if "database is locked" in text_exc or "database is busy" in text_exc:
        return DatabaseError(
            msg(
                f"Die Datenbank „{path}“ ist gerade durch ein anderes Programm gesperrt; die "
                "Änderung wurde nicht gespeichert. Bitte gleich noch einmal versuchen.",
                f"The database '{path}' is locked by another program right now; the change was "
                "not saved. Please try again in a moment.",
            )
        )
    if "disk i/o error" in text_exc:
        return DatabaseError(
            msg(
                f"Schreibfehler auf dem Datenträger von „{path}“; die Änderung wurde nicht "
                "gespeichert.",
                f"Write error on the disk of '{path}'; the change was not saved.",
            )
        )
    return None


def needs_immutable(path: Path) -> bool:
    """True when SQLite can read ``path`` only as an immutable file.

    A WAL database needs its ``-shm`` file even for reading; in a read-only folder (backup
    media, archive shares, a read-only mount) SQLite cannot create it, and every read fails
    with "unable to open database file".  Opened with ``immutable=1`` SQLite needs no -shm
    and takes no locks — right for a folder nobody can write to.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(20)
    except OSError:
        return False
    wal_mode = len(head) == 20 and head[18:20] == b"\x02\x02"
    if not wal_mode or Path(f"{path}-shm").exists():
        return False
    return not os.access(path.parent, os.W_OK)


def read_uri(path: Path, mode: str = "ro") -> str:
    """``file:`` URI for reading ``path`` (``mode=rw`` never creates a missing file); a WAL
    database in a read-only folder is opened immutable (see :func:`needs_immutable`)."""
    uri = f"file:{quote(Path(path).as_posix(), safe='/:')}"
    if needs_immutable(path):
        log.info("%s is in WAL mode in a read-only folder: opened immutable", path)
        return f"{uri}?mode=ro&immutable=1"
    return f"{uri}?mode={mode}"


def make_engine(path: Path, *, read_only: bool = False, wal: bool = True) -> Engine:
    """An engine with TikDesk's pragmas on every connection."""
    uri = read_uri(path) if read_only else f"file:{quote(path.as_posix(), safe='/:')}"

    def connect() -> sqlite3.Connection:
        conn = sqlite3.connect(
            uri,
            uri=True,
            timeout=5.0,
            check_same_thread=False,
            isolation_level=None,
            detect_types=0,
        )
        return conn

    # hide_parameters: an error's text (logged with its traceback) never carries the values,
    # which may be a person's name.
    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.execute("PRAGMA secure_delete=ON")
        if not read_only:
            mode = "WAL" if wal else "DELETE"
            cur.execute(f"PRAGMA journal_mode={mode}")
            cur.execute(f"PRAGMA synchronous={'NORMAL' if wal else 'FULL'}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # pysqlite's own transaction handling is switched off (isolation_level=None) so
        # that BEGIN covers DDL and pragmas behave as SQLite documents.
        conn.exec_driver_sql("BEGIN")

    return engine


def open_database(
    path: Path | str,
    *,
    read_only: bool = False,
    migrate: bool = True,
    before_migration: Any = None,
    check_schema: bool = True,
) -> Database:
    """Open (and create, and migrate) the database at ``path``.

    ``before_migration(db_path)`` is called when a migration is about to run on an existing
    file — the place for the forced backup.  ``check_schema=False`` (with ``migrate=False``)
    also opens a file written by a newer TikDesk: only to replace it by a restore.
    """
    from tikdesk.storage import migrations

    path = check_db_path(Path(path))
    if read_only and not path.exists():
        raise DatabaseError(
            msg(f"Datenbank „{path}“ existiert nicht.", f"Database '{path}' does not exist.")
        )
    wal = not is_network_path(path)
    _refuse_non_sqlite(path)
    _refuse_foreign_tables(path)
    try:
        engine = make_engine(path, read_only=read_only, wal=wal)
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except Exception as exc:  # sqlite3 / SQLAlchemy wrap OS problems differently
        raise _db_open_error(path, exc) from exc
    if check_schema:
        migrations.check_not_newer(engine)
    if migrate and not read_only and migrations.needs_upgrade(engine):
        if before_migration is not None and migrations.current_revision(engine) is not None:
            before_migration(path)
        try:
            migrations.upgrade(engine)
        except DatabaseError:
            raise
        except Exception as exc:
            raise _db_open_error(path, exc) from exc
    return Database(path, engine, read_only=read_only, wal=wal)


def _refuse_non_sqlite(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise _db_open_error(path, exc) from exc
    if head != b"SQLite format 3\x00":
        raise DatabaseError(
            msg(
                f"„{path}“ ist keine TikDesk-Datenbank (keine SQLite-Datei).",
                f"'{path}' is not a TikDesk database (not an SQLite file).",
            )
        )


def _refuse_foreign_tables(path: Path) -> None:
    """Refuse an SQLite file of another program before anything is written to it.

    A TikDesk database has an ``alembic_version`` table; a file with tables but without it
    belongs to someone else and must stay byte-identical (no WAL switch, no migration).  An
    SQLite file without tables may become a TikDesk database.  Looked at read-only, before the
    write engine sets its journal mode.
    """
    if not path.is_file():
        return
    try:
        tables = _table_names(path)
    except sqlite3.Error as exc:  # damaged or unreadable: the quick check / open explains it
        log.info("tables of %s not listed before opening: %s", path, exc)
        return
    if not tables or "alembic_version" in tables:
        return
    shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
    log.warning("refused foreign SQLite file %s (tables: %s)", path, ", ".join(sorted(tables)))
    raise DatabaseError(
        msg(
            f"„{path}“ ist keine TikDesk-Datenbank (sie enthält Tabellen eines anderen "
            f"Programms: {shown}). Die Datei bleibt unverändert.",
            f"'{path}' is not a TikDesk database (it holds another program's tables: "
            f"{shown}). The file is left unchanged.",
        )
    )


def _table_names(path: Path) -> set[str]:
    """Names of the tables in ``path`` (SQLite's own ``sqlite_*`` tables left out)."""
    conn = sqlite3.connect(read_uri(path), uri=True, timeout=5.0, isolation_level=None)
    try:
        rows = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    finally:
        conn.close()
    return {str(r[0]) for r in rows}


def _db_open_error(path: Path, exc: Exception) -> DatabaseError:
    """One sentence for the user; SQLAlchemy's wrapping (SQL, parameters, web link) goes to
    the log only."""
    log.warning("cannot open %s: %s", path, exc)
    orig = getattr(exc, "orig", None) or exc
    text_exc = str(orig).split("\n", 1)[0].strip()
    if "readonly" in text_exc or "read-only" in text_exc or "unable to open" in text_exc:
        return DatabaseError(
            msg(
                f"Die Datenbank „{path}“ kann nicht zum Schreiben geöffnet werden "
                "(schreibgeschützt oder keine Berechtigung).",
                f"The database '{path}' cannot be opened for writing (read-only or no permission).",
            )
        )
    if "malformed" in text_exc or "not a database" in text_exc:
        return DatabaseError(
            msg(
                f"Die Datenbank „{path}“ ist beschädigt ({text_exc}).",
                f"The database '{path}' is damaged ({text_exc}).",
            )
        )
    if "locked" in text_exc or "busy" in text_exc:
        return DatabaseError(
            msg(
                f"Die Datenbank „{path}“ wird gerade von einem anderen Programm benutzt.",
                f"The database '{path}' is in use by another program.",
            )
        )
    return DatabaseError(
        msg(
            f"Die Datenbank „{path}“ kann nicht geöffnet werden ({text_exc}).",
            f"The database '{path}' cannot be opened ({text_exc}).",
        )
    )


def has_tables(db: Database) -> bool:
    """False for a database without a single table (a new or emptied file): nothing to lose."""
    with db.engine.connect() as conn:
        return bool(conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar())


def sqlite_pragma(db: Database, name: str) -> list[tuple[Any, ...]]:
    """Run a read-only PRAGMA (integrity_check, foreign_key_check …) and return its rows."""
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(f"PRAGMA {name}"))]
