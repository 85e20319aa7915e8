"""Opening a TikDesk database: path checks, pragmas, migrations, sessions.

This is the one module that knows it talks to SQLite (pragmas, URI, network detection) or
to a PostgreSQL server (a ``postgresql://host[:port]/dbname`` URL, psycopg 3, issue 17);
everything else goes through SQLAlchemy and stays portable between the two.
"""

from __future__ import annotations

import errno
import logging
import os
import secrets
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import NullPool

from tikdesk import paths
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
    """An open TikDesk database: the engine plus a factory for one-action sessions.

    On a server (``url`` set) ``path`` is only a local name for the files TikDesk keeps
    about that database on this PC; it is never created as a database file.
    """

    def __init__(
        self, path: Path, engine: Engine, *, read_only: bool, wal: bool, url: str = ""
    ) -> None:
        self.path = path
        self.url = url  # the server's address, without any password (empty for a file)
        self.engine = engine
        self.read_only = read_only
        self.wal = wal
        self.on_network = not url and not wal and is_network_path(path)
        self.read_only_reason = ""  # why it is read-only, for the window's banner
        self.login = ""  # on a server: the database login (session_user) that acts
        # a password typed into the dialog, in memory for this session only (never stored);
        # the change listener's own connection needs it too
        self.password: str | None = None
        self.application_name = ""  # on a server: this client's name in change notices
        self.server_url: URL | None = None  # on a server: the full address (no password)
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._close_hooks: list[Callable[[], None]] = []
        self._stamp_lock = threading.Lock()
        self._stamp_conn: sqlite3.Connection | None = None
        self._stamp_failed = False

    @property
    def on_server(self) -> bool:
        """True for a team database on a PostgreSQL server."""
        return bool(self.url)

    @property
    def name(self) -> str:
        """What the title bar and messages show: the file or the server address."""
        return self.url or str(self.path)

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
            if not self.on_server:
                # BEGIN IMMEDIATE: a writer waits for another writer *before* it reads, so
                # that what it compares (a version) is still true when it writes.  Inside
                # the try: a lock held elsewhere is the same clear message as a late one.
                session.connection(execution_options={"tikdesk_write": True})
            yield session
            session.commit()
        except BaseException as exc:
            stale = _stale_target(session, exc)
            session.rollback()
            if stale is not None:
                from tikdesk.storage.repositories.conflicts import conflict_error

                raise conflict_error(self.engine, *stale) from exc
            known = (
                _known_server_error(self.name, exc)
                if self.on_server
                else _known_write_error(self.path, exc)
            )
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

    def data_stamp(self) -> int | None:
        """A number that changes whenever anyone commits to the database file — this
        process's own sessions, a raw connection, another program: ``PRAGMA data_version`` on
        a private, idle connection changes on every commit of *another* connection.

        For results computed from the whole database (the post list's gates): equal stamps
        mean nothing was committed in between.  None when no such promise can be given (a
        server database, an immutable or unreadable file): then nothing may be cached.
        """
        if self.on_server or self._stamp_failed:
            return None
        with self._stamp_lock:
            try:
                if self._stamp_conn is None:
                    uri = read_uri(self.path, "rw")
                    if "immutable=1" in uri:
                        self._stamp_failed = True
                        return None
                    self._stamp_conn = sqlite3.connect(
                        uri, uri=True, isolation_level=None, check_same_thread=False
                    )
                return int(self._stamp_conn.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error:
                log.warning("no change stamp for %s", self.path, exc_info=True)
                self._stamp_failed = True
                return None

    def _close_stamp(self) -> None:
        with self._stamp_lock:
            self._stamp_failed = True  # a closed database caches nothing any more
            if self._stamp_conn is not None:
                self._stamp_conn.close()
                self._stamp_conn = None

    def close(self) -> None:
        self._close_stamp()
        hooks, self._close_hooks = self._close_hooks, []
        for hook in reversed(hooks):
            try:
                hook()
            except Exception:  # closing must go on: the lock must be released regardless
                log.exception("close hook failed")
        self.engine.dispose()


def _stale_target(session: Session, exc: BaseException) -> tuple[str, int | None] | None:
    """An UPDATE that matched no row because someone else changed the record meanwhile
    (the ORM's ``version_id_col`` check): which record, for the conflict message."""
    if not isinstance(exc, StaleDataError):
        return None
    from tikdesk.storage.repositories.conflicts import stale_target

    return stale_target(session, str(exc))


def _known_server_error(name: str, exc: BaseException) -> DatabaseError | None:
    """A lost connection, a read-only login, a server that refuses: one sentence."""
    if not isinstance(exc, DBAPIError):
        return None
    orig = exc.orig
    sqlstate = str(getattr(orig, "sqlstate", "") or "")
    first = str(orig).split("\n", 1)[0].strip()
    log.warning("server database %s refused a change: %s (%s)", name, first, sqlstate)
    if sqlstate in ("42501", "25006"):  # insufficient_privilege, read_only_sql_transaction
        return DatabaseError(
            msg(
                "Ihre Anmeldung am Datenbankserver darf das nicht ändern (fehlende Rolle); "
                "es wurde nichts gespeichert.",
                "Your login on the database server may not change this (missing role); "
                "nothing was saved.",
            )
        )
    if (
        sqlstate.startswith("08")
        or exc.connection_invalidated
        or sqlstate == "57P01"
        or (not sqlstate and type(orig).__name__ == "OperationalError")  # server gone
    ):
        return ServerConnectionLost(
            msg(
                f"Die Verbindung zum Datenbankserver ({name}) ist abgebrochen; die Änderung "
                "wurde nicht gespeichert. Bitte erneut verbinden und die Änderung wiederholen.",
                f"The connection to the database server ({name}) was lost; the change was not "
                "saved. Please reconnect and repeat the change.",
            )
        )
    if sqlstate.startswith("22001"):  # string_data_right_truncation
        return DatabaseError(
            msg(
                "Ein Text ist länger als erlaubt; es wurde nichts gespeichert.",
                "A text is longer than allowed; nothing was saved.",
            )
        )
    if sqlstate == "P0001" and "four-eyes" in first:  # TikDesk's own triggers
        return DatabaseError(
            msg(
                "Der Server lehnt die Freigabe ab: Autorin oder Autor kann den eigenen "
                "Beitrag nicht freigeben (Vier-Augen-Prinzip).",
                "The server refuses the approval: authors cannot approve their own post "
                "(four-eyes rule).",
            )
        )
    return None


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
        # that BEGIN covers DDL and pragmas behave as SQLite documents.  A write
        # transaction (Database.transaction) takes the write lock at once.
        write = conn.get_execution_options().get("tikdesk_write") and not read_only
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

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
    from sqlalchemy import inspect

    if db.on_server:
        return bool(inspect(db.engine).get_table_names())
    with db.engine.connect() as conn:
        return bool(conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar())


def sqlite_pragma(db: Database, name: str) -> list[tuple[Any, ...]]:
    """Run a read-only PRAGMA (integrity_check, foreign_key_check …) and return its rows."""
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(f"PRAGMA {name}"))]


# ------------------------------------------------------------------ team database (issue 17)
#: How the address of a team database starts; anything else is a file path.
SERVER_SCHEMES = paths.SERVER_SCHEMES
#: Seconds to wait for an unreachable server before saying so (libpq's connect_timeout).
CONNECT_TIMEOUT = 5


def is_server_url(value: str | Path) -> bool:
    return isinstance(value, str) and value.strip().lower().startswith(SERVER_SCHEMES)


def server_url(value: str) -> URL:
    """The SQLAlchemy URL (psycopg 3) of a ``postgresql://host[:port]/dbname`` address.

    A password in the address is refused: TikDesk never takes one on the command line, in
    ``settings.ini`` or in ``TIKDESK_DB`` (libpq's pgpass file, ``PGPASSWORD`` or Kerberos
    provide it).  ``connect_timeout`` is 5 seconds unless the address sets another.
    """
    try:
        url = make_url(value.strip())
    except ArgumentError as exc:
        raise DatabaseError(
            msg(
                f"„{value}“ ist keine gültige Datenbank-Adresse "
                "(Form: postgresql://server[:port]/datenbank).",
                f"'{value}' is not a valid database address (form: "
                "postgresql://server[:port]/database).",
            )
        ) from exc
    if url.password is not None:
        raise DatabaseError(
            msg(
                "Die Adresse enthält ein Passwort. TikDesk nimmt Passwörter nie in der "
                "Adresse, auf der Kommandozeile oder in Einstellungen an: bitte die "
                "pgpass-Datei, PGPASSWORD (Skripte) oder die Windows-Anmeldung (Kerberos) "
                "nutzen.",
                "The address contains a password. TikDesk never takes passwords in the "
                "address, on the command line or in settings: please use the pgpass file, "
                "PGPASSWORD (scripts) or the Windows login (Kerberos).",
            )
        )
    if not url.database:
        raise DatabaseError(
            msg(
                f"In „{value}“ fehlt der Name der Datenbank "
                "(Form: postgresql://server[:port]/datenbank).",
                f"'{value}' names no database (form: postgresql://server[:port]/database).",
            )
        )
    query = dict(url.query)
    query.setdefault("connect_timeout", str(CONNECT_TIMEOUT))
    query.setdefault("application_name", "TikDesk")
    return url.set(drivername="postgresql+psycopg", query=query)


def display_url(url: URL) -> str:
    """``postgresql://user@host:port/dbname`` — no password, no driver, no options."""
    host = url.host or "localhost"
    if url.query.get("host"):  # a unix socket folder given as ?host=/path
        host = str(url.query["host"])
    port = f":{url.port}" if url.port else ""
    user = f"{url.username}@" if url.username else ""
    return f"postgresql://{user}{host}{port}/{url.database}"


def make_server_engine(
    url: URL,
    *,
    read_only: bool = False,
    password: str | None = None,
    application_name: str = "",
) -> Engine:
    """An engine on a PostgreSQL server; ``password`` (from a dialog) lives in memory only.

    ``application_name`` tells this client's change notices from the others' (issue 17).
    """
    connect_args: dict[str, Any] = {}
    if application_name:
        connect_args["application_name"] = application_name
    if password:
        connect_args["password"] = password
    if read_only:
        connect_args["options"] = "-c default_transaction_read_only=on"
    return create_engine(
        url,
        hide_parameters=True,
        pool_pre_ping=True,  # a connection lost while idle is replaced, not reported
        pool_size=2,
        max_overflow=8,
        connect_args=connect_args,
    )


class ServerPasswordNeeded(DatabaseError):
    """The server asks for a password that libpq could not find (no pgpass, no Kerberos)."""


class ServerConnectionLost(DatabaseError):
    """The connection to the server broke during an action; nothing of it was saved."""


def open_server_database(
    address: str,
    local_path: Path,
    *,
    read_only: bool = False,
    migrate: bool = True,
    check_schema: bool = True,
    password: str | None = None,
) -> Database:
    """Open (create the schema of, migrate) the team database at ``address``.

    ``local_path`` names what TikDesk keeps about this database on this PC (never a
    database file).  No lock file and no file backups: the server handles concurrency and
    IT backs it up (``pg_dump``).
    """
    from tikdesk.storage import migrations

    url = server_url(address)
    shown = display_url(url)
    # "TikDesk/1a2b3c4d": the server puts it into every change notice (migration 0007), so
    # that this client can tell its own changes from the others'
    app_name = f"{url.query.get('application_name', 'TikDesk')}/{secrets.token_hex(4)}"
    engine = make_server_engine(
        url, read_only=read_only, password=password, application_name=app_name
    )
    try:
        with engine.connect() as conn:
            login = str(conn.execute(text("SELECT session_user")).scalar() or "")
    except Exception as exc:
        engine.dispose()
        raise server_open_error(shown, exc) from exc
    try:
        if check_schema:
            migrations.check_not_newer(engine)
        if migrate and not read_only and migrations.needs_upgrade(engine):
            migrations.upgrade(engine)
    except DatabaseError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        known = _known_server_error(shown, exc)
        if known is not None:
            raise known from exc
        raise server_open_error(shown, exc) from exc
    db = Database(local_path, engine, read_only=read_only, wal=False, url=shown)
    db.login = login
    db.application_name = app_name
    db.server_url = url
    db.password = password
    return db


def server_open_error(shown: str, exc: BaseException) -> DatabaseError:
    """One sentence for a server that cannot be reached or refuses the login."""
    orig = getattr(exc, "orig", None) or exc
    first = " ".join(str(orig).split())
    log.warning("cannot open %s: %s", shown, first)
    low = first.lower()
    if "no password supplied" in low or "password authentication failed" in low:
        return ServerPasswordNeeded(
            msg(
                f"Der Datenbankserver ({shown}) verlangt ein Passwort. TikDesk speichert "
                "keine Passwörter: bitte eine pgpass-Datei, PGPASSWORD oder die "
                "Windows-Anmeldung (Kerberos) einrichten – oder im Fenster das Passwort für "
                "diese Sitzung eingeben.",
                f"The database server ({shown}) asks for a password. TikDesk stores no "
                "passwords: please set up a pgpass file, PGPASSWORD or the Windows login "
                "(Kerberos) – or enter the password for this session in the window.",
            )
        )
    if "does not exist" in low and "database" in low:
        return DatabaseError(
            msg(
                f"Die Datenbank {shown} gibt es auf dem Server nicht. Die IT legt sie an "
                "(SQL dafür: tikdesk admin print-setup-sql).",
                f"The database {shown} does not exist on the server. IT creates it (SQL for "
                "that: tikdesk admin print-setup-sql).",
            )
        )
    if "role" in low and "does not exist" in low:
        return DatabaseError(
            msg(
                f"Der Datenbankserver ({shown}) kennt Ihre Anmeldung nicht; bitte die IT, "
                "Sie als Benutzer anzulegen.",
                f"The database server ({shown}) does not know your login; please ask IT to "
                "add you as a user.",
            )
        )
    if "permission denied" in low or "pg_hba.conf" in low:
        return DatabaseError(
            msg(
                f"Der Datenbankserver ({shown}) lässt Ihre Anmeldung nicht zu ({first}).",
                f"The database server ({shown}) does not admit your login ({first}).",
            )
        )
    return DatabaseError(
        msg(
            f"Der Datenbankserver ({shown}) ist nicht erreichbar ({first}). Bitte Netzwerk "
            "oder VPN prüfen und erneut versuchen.",
            f"The database server ({shown}) cannot be reached ({first}). Please check the "
            "network or VPN and try again.",
        )
    )
