"""Data safety as use cases: opening a database safely, backups, restore, checks.

Other features call :meth:`SafetyService.before` right before an action that changes much at
once (an import, a bulk delete)::

    SafetyService(ctx).before(BEFORE_IMPORT)

The backup is skipped when nothing changed since the last backup this process made of the
same database — that backup already holds exactly the current state.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from tikdesk import paths
from tikdesk.domain.errors import DatabaseError, InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.services.context import AppContext
from tikdesk.storage import backup as store
from tikdesk.storage import check as checks
from tikdesk.storage import lockfile
from tikdesk.storage.backup import (
    AUTO,
    BEFORE_BULK_DELETE,
    BEFORE_IMPORT,
    BEFORE_MIGRATION,
    BEFORE_RESTORE,
    EXIT,
    MANUAL,
    BackupInfo,
    ProgressFn,
)
from tikdesk.storage.check import CheckReport, Finding
from tikdesk.storage.engine import (
    Database,
    check_db_path,
    display_url,
    has_tables,
    is_server_url,
    open_database,
    open_server_database,
    server_url,
)
from tikdesk.storage.lockfile import DatabaseInUse, LockOwner

log = logging.getLogger(__name__)

#: The automatic backup runs at most this often (the GUI's timer interval).
AUTO_INTERVAL = dt.timedelta(minutes=30)

__all__ = [
    "AUTO",
    "AUTO_INTERVAL",
    "BEFORE_BULK_DELETE",
    "BEFORE_IMPORT",
    "BEFORE_MIGRATION",
    "BEFORE_RESTORE",
    "EXIT",
    "MANUAL",
    "BackupInfo",
    "CheckReport",
    "DatabaseDamaged",
    "DatabaseInUse",
    "Finding",
    "LockOwner",
    "RestoreResult",
    "SafetyService",
    "database_failure",
    "open_database_safely",
    "quarantine_damaged",
    "recover_from_backup",
    "restore_hint",
]


class DatabaseDamaged(DatabaseError):
    """The quick check failed (or SQLite calls the file malformed); nothing was changed."""

    def __init__(self, path: Path, problems: list[str], newest: BackupInfo | None) -> None:
        self.path = path
        self.problems = problems  # SQLite's own words, for the log and the details
        self.newest = newest
        super().__init__(
            msg(
                f"Die Datenbank „{path}“ ist beschädigt; TikDesk hat nichts daran geändert "
                "(Einzelheiten im Protokoll).",
                f"The database '{path}' is damaged; TikDesk changed nothing in it (details "
                "in the log).",
            )
            + restore_hint(path, newest)
        )


def restore_hint(path: Path, newest: BackupInfo | None) -> str:
    """ " Newest intact backup: … Restore with: …" (or that there is none), to append."""
    if newest is None:
        return msg(
            " Es gibt keine intakte Sicherung dieser Datenbank.",
            " There is no intact backup of this database.",
        )
    return msg(
        f" Neueste intakte Sicherung: vom {newest.created_text()} ({newest.path}). "
        f'Wiederherstellen mit: tikdesk --db "{path}" restore "{newest.path}"',
        f" Newest intact backup: from {newest.created_text()} ({newest.path}). "
        f'Restore with: tikdesk --db "{path}" restore "{newest.path}"',
    )


def database_failure(
    path: Path, backup_dir: Path | None, exc: BaseException
) -> DatabaseError | None:
    """What to tell the user when reading or writing the database failed unexpectedly.

    SQLite errors (a page overwritten with garbage, text that is no longer UTF-8) surface in
    the middle of an export or a report, wrapped by SQLAlchemy with the SQL and a link.  They
    become one sentence with the newest intact backup; the details go to the log.  None: not a
    database problem (a real bug, which keeps its traceback).
    """
    cause = _sqlite_cause(exc)
    if cause is None:
        return None
    log.error("database %s failed: %s", path, cause, exc_info=exc)
    text_exc = str(cause).lower()
    if "locked" in text_exc or "busy" in text_exc:
        return DatabaseError(
            msg(
                f"Die Datenbank „{path}“ ist gerade durch ein anderes Programm gesperrt; bitte "
                "gleich noch einmal versuchen.",
                f"The database '{path}' is locked by another program right now; please try "
                "again in a moment.",
            )
        )
    return _damaged(path, [_short(cause)], backup_dir or paths.backup_dir())


def _sqlite_cause(exc: BaseException) -> BaseException | None:
    """The sqlite3 error (or text decoding error) behind ``exc``, if there is one."""
    import sqlite3

    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, sqlite3.DatabaseError | UnicodeDecodeError):
            return current
        orig = getattr(current, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None]
        todo += [current.__cause__, current.__context__]
    return None


def _short(exc: BaseException) -> str:
    """SQLite's own message, without SQLAlchemy's SQL, parameters and web link."""
    cause = _sqlite_cause(exc) or exc
    text_exc = str(getattr(cause, "orig", None) or cause)
    return text_exc.split("\n[SQL:", 1)[0].split("\n(Background", 1)[0].strip()


# ----------------------------------------------------------------------------- opening


def open_database_safely(
    path: Path | str,
    *,
    backup_dir: Path | None,
    read_only: bool = False,
    ignore_lock: bool = False,
    fall_back_to_read_only: bool = False,
    reader: bool = False,
    must_exist: bool = False,
    quick_check: bool = True,
    migrate: bool = True,
    for_restore: bool = False,
    password: str | None = None,
) -> Database:
    """Open with every safety step: lock, quick check, backup before migration.

    Raises :class:`DatabaseInUse` (another TikDesk writes), :class:`DatabaseDamaged` (quick
    check failed) or DatabaseError.  With ``fall_back_to_read_only`` a database held by
    someone else is opened read-only instead (the CLI's read commands).  A write-protected file
    is always opened read-only, with the reason in ``db.read_only_reason``.

    ``reader`` (the CLI's read commands: report, backup, check, exports) takes no writer lock
    at all: SQLite's read transactions give a consistent view while another TikDesk writes, a
    long report does not block an import, and a killed report leaves no lock behind.  The
    file is opened like a writer's (so that, as the last connection, it tidies up SQLite's
    ``-wal`` file), but the returned Database refuses every transaction.

    ``must_exist`` (read commands) refuses a missing *or empty* file instead of creating a
    database in it; ``migrate=False`` refuses a file that is not a TikDesk database of this
    version instead of creating/upgrading the schema — a read command changes nothing.

    ``for_restore`` opens the file only to replace its content by a backup: nothing is
    migrated, and a schema of a newer TikDesk is accepted (someone who went back to an older
    TikDesk can restore an older backup; the present state is backed up first).
    """
    if is_server_url(path):  # password: typed into the window, in memory only (issue 17)
        return open_team_database(
            str(path), read_only=read_only or reader, migrate=migrate, password=password
        )
    folder = backup_dir or paths.backup_dir()
    store.remove_stale_temp_files(folder)  # copies a killed backup left behind
    if must_exist:
        _refuse_missing_or_empty(Path(path).expanduser())
    path = check_db_path(Path(path))  # a folder, an uncreatable folder: clear message first
    if not for_restore:
        _refuse_emptied_with_backups(path, folder)
    reason = ""
    if not read_only and path.is_file() and not _writable(path):
        read_only = True
        reason = msg(
            f"Die Datei „{path}“ ist schreibgeschützt (oder ihr Ordner). Sie können "
            "alles ansehen, aber nichts ändern.",
            f"The file '{path}' (or its folder) is write-protected. You can look at "
            "everything, but not change anything.",
        )
    lock: lockfile.DatabaseLock | None = None
    if not read_only and not ignore_lock and not reader:
        try:
            lock = lockfile.acquire(path)
        except DatabaseInUse as exc:
            if not fall_back_to_read_only or not path.is_file():
                raise
            read_only = True
            reason = str(exc)
    try:
        db = _open_checked(path, folder, read_only, quick_check, migrate, for_restore)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    db.read_only_reason = reason
    if reader:
        db.read_only = True  # without the writer lock nothing may be written
    if lock is not None:
        db.add_close_hook(lock.release)
    if not db.read_only and not for_restore:
        _reapply_erasures(db)
    return db


def _open_checked(
    path: Path, folder: Path, read_only: bool, quick_check: bool, migrate: bool, for_restore: bool
) -> Database:
    """Quick check, open (a backup before any migration) and refuse what must not be opened."""
    if quick_check:
        report = checks.quick_check(path)
        if not report.ok:
            raise _damaged(path, [f.text for f in report.findings], folder)

    def before_migration(db_path: Path) -> None:
        store.create_backup(db_path, folder, BEFORE_MIGRATION)
        store.thin_backups(folder, db_path)

    try:
        db = open_database(
            path,
            read_only=read_only,
            migrate=migrate and not for_restore,
            before_migration=before_migration,
            check_schema=not for_restore,
        )
    except DatabaseError as exc:
        cause = exc.__cause__ or exc
        if checks.is_damage_error(cause):
            raise _damaged(path, [_short(cause)], folder) from exc
        raise
    if not migrate and not for_restore:
        _refuse_unmigrated(db)
    return db


def open_team_database(
    address: str, *, read_only: bool = False, migrate: bool = True, password: str | None = None
) -> Database:
    """Open a team database on a PostgreSQL server (issue 17).

    No lock file (concurrency is the server's job), no quick check of a file and no file
    backups (IT backs the server up with ``pg_dump``).  ``migrate=False`` (read commands)
    refuses a schema that is not this version's instead of changing it.  ``password`` comes
    from the window's dialog and lives in memory only.
    """
    local = paths.data_dir() / "team" / _team_slug(address)
    db = open_server_database(
        address, local, read_only=read_only, migrate=migrate, password=password
    )
    if not migrate:
        _refuse_unmigrated(db)
    return db


def _team_slug(address: str) -> str:
    """A file-name-safe name for what TikDesk keeps locally about one team database."""
    import hashlib
    import re

    shown = display_url(server_url(address))
    readable = re.sub(r"[^A-Za-z0-9_.-]+", "_", shown.split("://", 1)[-1])[-60:]
    return f"{readable}-{hashlib.sha256(shown.encode()).hexdigest()[:8]}"


def _reapply_erasures(db: Database) -> None:
    """A file put back by hand or recovered from a backup: erased people go again before
    anything shows them (the register beside the database survives every restore)."""
    from tikdesk.storage.repositories import erasure as register

    if not register.register_file(db.path).is_file():
        return
    from tikdesk.services.context import os_user
    from tikdesk.services.erasure import reapply_register

    try:
        reapply_register(db, os_user())
    except BaseException:
        db.close()
        raise


def _refuse_missing_or_empty(path: Path) -> None:
    if not path.is_file():
        raise DatabaseError(
            msg(f"Datenbank „{path}“ existiert nicht.", f"Database '{path}' does not exist.")
        )
    if _is_empty(path):
        raise DatabaseError(
            msg(
                f"„{path}“ ist leer, keine TikDesk-Datenbank (abgeschnitten?).",
                f"'{path}' is empty, not a TikDesk database (truncated?).",
            )
        )


def _is_empty(path: Path) -> bool:
    """A 0-byte file (whose -wal, if any, is empty too): no database in it yet, or no more."""
    wal = Path(f"{path}-wal")  # a brand-new WAL database may still live in its -wal file
    return path.stat().st_size == 0 and not (wal.is_file() and wal.stat().st_size > 0)


def _refuse_emptied_with_backups(path: Path, folder: Path) -> None:
    """A file emptied to 0 bytes whose backups exist is not started afresh.

    A new, empty database in its place would hide the backups' data behind a working-looking
    program (and the next backups would thin the good ones away); restoring is the way back.
    A 0-byte file without backups is a new database, as before.
    """
    if not path.is_file() or not _is_empty(path):
        return
    backups = store.list_backups(folder, path)
    if not backups:
        return
    newest = store.newest_intact(folder, path) or backups[0]
    log.warning("%s is empty but has %d backups; not started afresh", path, len(backups))
    raise DatabaseError(
        msg(
            f"„{path}“ ist leer (0 Bytes), aber es gibt {len(backups)} Sicherung(en) dieser "
            "Datenbank; TikDesk legt darin keine neue, leere Datenbank an. Neueste Sicherung: "
            f"vom {newest.created_text()} ({newest.path}). Wiederherstellen mit: "
            f'tikdesk --db "{path}" restore "{newest.path}"',
            f"'{path}' is empty (0 bytes), but there are {len(backups)} backup(s) of this "
            "database; TikDesk does not start a new, empty database in it. Newest backup: from "
            f"{newest.created_text()} ({newest.path}). Restore with: "
            f'tikdesk --db "{path}" restore "{newest.path}"',
        )
    )


def _refuse_unmigrated(db: Database) -> None:
    """Opened without migrating: the schema must already be this version's."""
    from tikdesk.storage import migrations

    try:
        if not migrations.needs_upgrade(db.engine):
            return
        known = migrations.current_revision(db.engine) is not None
    except BaseException:
        db.close()
        raise
    db.close()
    if not known:
        raise DatabaseError(
            msg(
                f"„{db.path}“ ist keine TikDesk-Datenbank.",
                f"'{db.path}' is not a TikDesk database.",
            )
        )
    raise DatabaseError(
        msg(
            f"„{db.path}“ hat ein älteres Datenformat. Bitte einmal in TikDesk öffnen "
            "(es wird dabei gesichert und aktualisiert).",
            f"'{db.path}' has an older data format. Please open it once in TikDesk "
            "(it is backed up and updated then).",
        )
    )


def _writable(path: Path) -> bool:
    # SQLite writes its journal/WAL next to the file, so the folder must be writable too.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _damaged(path: Path, problems: list[str], folder: Path) -> DatabaseDamaged:
    log.warning("database %s is damaged: %s", path, "; ".join(problems))
    return DatabaseDamaged(path, problems, store.newest_intact(folder, path))


def quarantine_damaged(path: Path) -> Path:
    """Rename a damaged database to ``*.damaged`` (never overwritten); returns the new name."""
    moved = checks.quarantine(Path(path))
    log.warning("damaged database %s kept as %s", path, moved)
    return moved


def recover_from_backup(path: Path, backup: Path) -> None:
    """Put ``backup`` in place of a database that was moved aside as damaged."""
    path = Path(path)
    if path.exists():
        raise DatabaseError(
            msg(
                f"„{path}“ existiert noch; erst beiseitelegen.",
                f"'{path}' still exists; move it aside first.",
            )
        )
    lock = lockfile.acquire(path)
    try:
        store.restore_into(Path(backup), path)
    finally:
        lock.release()


# ----------------------------------------------------------------------------- service


@dataclass
class _DbState:
    """What this process knows about one open database (shared by all service objects)."""

    watcher: store.ChangeWatcher | None = None
    last: BackupInfo | None = None
    guard: threading.Lock = field(default_factory=threading.Lock)


_states: weakref.WeakKeyDictionary[Database, _DbState] = weakref.WeakKeyDictionary()
_states_guard = threading.Lock()


def _state(db: Database) -> _DbState:
    with _states_guard:
        state = _states.get(db)
        if state is None:
            state = _states[db] = _DbState()
            db.add_close_hook(lambda: _close_state(state))
        return state


def _close_state(state: _DbState) -> None:
    if state.watcher is not None:
        state.watcher.close()
        state.watcher = None


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_backup: BackupInfo | None  # the state before the restore (None: damaged or empty)


class SafetyService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self._db = ctx.db
        self._state = _state(ctx.db)

    @property
    def folder(self) -> Path:
        return self._ctx.backup_dir or paths.backup_dir()

    # --------------------------------------------------------------- change tracking
    def start_watching(self) -> None:
        """Remember the current state as "backed up"; changes from now on count."""
        self._watcher()

    def _watcher(self) -> store.ChangeWatcher | None:
        state = self._state
        if state.watcher is None and self._db.path.is_file():
            try:
                state.watcher = store.ChangeWatcher(self._db.path)
            except Exception as exc:  # cannot watch: then every check says "changed"
                log.warning("cannot watch %s for changes: %s", self._db.path, exc)
        return state.watcher

    def changed_since_backup(self) -> bool:
        watcher = self._watcher()
        return watcher is None or watcher.changed()

    # --------------------------------------------------------------- backups
    def backup(
        self,
        reason: str = MANUAL,
        *,
        target: Path | None = None,
        progress: ProgressFn | None = None,
        thin: bool = True,
    ) -> BackupInfo:
        """A backup now, into the backup folder (or ``target``, which must not exist yet and
        may not be the database, its companion files or a file in the backup folder)."""
        if target is not None:
            self._ctx.protected.check(Path(target).expanduser())
        if self._db.on_server:
            return self._server_snapshot(target, progress)
        with self._state.guard:
            watcher = self._watcher()
            version = watcher.version() if watcher is not None else None
            info = store.create_backup(
                self._db.path, self.folder, reason, target=target, progress=progress
            )
            if target is None:
                if watcher is not None:
                    watcher.mark(version)
                self._state.last = info
                if thin and reason not in store.NOT_THINNED:
                    store.thin_backups(self.folder, self._db.path)
            return info

    def _server_snapshot(self, target: Path | None, progress: ProgressFn | None) -> BackupInfo:
        """A team database: ``--to FILE.sqlite`` writes a portable SQLite snapshot of it;
        backups into the backup folder are IT's job (``pg_dump``)."""
        if target is None:
            raise DatabaseError(
                msg(
                    "Eine Team-Datenbank sichert die IT auf dem Server (pg_dump). Eine "
                    "SQLite-Kopie für unterwegs schreibt: tikdesk backup --to DATEI.sqlite",
                    "A team database is backed up by IT on the server (pg_dump). A SQLite "
                    "copy to take along is written by: tikdesk backup --to FILE.sqlite",
                ),
            )
        from tikdesk.services.transfer import snapshot_to_file

        return snapshot_to_file(self._db, Path(target).expanduser(), progress=progress)

    def before(self, reason: str) -> BackupInfo | None:
        """Forced backup before an import, bulk delete, restore (or migration).

        Returns the backup that holds the state before the action — a new one, or the last
        one when nothing changed since; None for a read-only database (nothing will change).
        Raises DatabaseError when the backup cannot be written: then do not go ahead.
        """
        if self._db.read_only or self._db.on_server:  # a server: IT's pg_dump
            return None
        last = self._state.last
        if last is not None and last.path.is_file() and not self.changed_since_backup():
            return last
        return self.backup(reason)

    def auto_backup(self) -> BackupInfo | None:
        """The timer's backup: only when the data changed since the last one."""
        if self._db.read_only or self._db.on_server or not self.changed_since_backup():
            return None
        return self.backup(AUTO)

    def exit_backup(self) -> BackupInfo | None:
        """On exit (or when the window closes): only when the data changed."""
        if self._db.read_only or not self._db.path.is_file():
            return None
        if not self.changed_since_backup():
            return None
        return self.backup(EXIT)

    def list_backups(
        self, *, check: bool = True, progress: ProgressFn | None = None
    ) -> list[BackupInfo]:
        if self._db.on_server:
            return []
        return store.list_backups(self.folder, self._db.path, check=check, progress=progress)

    def newest_intact(self) -> BackupInfo | None:
        if self._db.on_server:
            return None
        return store.newest_intact(self.folder, self._db.path)

    # --------------------------------------------------------------- restore
    def restore(self, backup_file: Path, *, progress: ProgressFn | None = None) -> RestoreResult:
        """Replace the database's content with ``backup_file`` — after backing up the present.

        The backup file is checked first (sound SQLite, a TikDesk database this version
        knows); the live file is integrity-checked afterwards.
        """
        if self._db.on_server:
            raise DatabaseError(
                msg(
                    "Eine Team-Datenbank stellt die IT auf dem Server wieder her (pg_restore); "
                    "eine SQLite-Sicherung kommt mit copy-to in eine leere Team-Datenbank.",
                    "A team database is restored by IT on the server (pg_restore); a SQLite "
                    "backup goes into an empty team database with copy-to.",
                )
            )
        if self._db.read_only:
            raise DatabaseError(
                msg(
                    "Die Datenbank ist schreibgeschützt geöffnet; "
                    "Wiederherstellen ist nicht möglich.",
                    "The database is open read-only; restoring is not possible.",
                )
            )
        backup_file = Path(backup_file).expanduser()
        if backup_file.resolve() == self._db.path.resolve():
            raise InputRejected(
                msg(
                    "Das ist die Datenbank selbst, keine Sicherung.",
                    "That is the database itself, not a backup.",
                )
            )
        store.check_backup_file(backup_file)
        _check_backup_schema(backup_file)
        if progress is not None:
            progress(0, 3)
        safety: BackupInfo | None = None
        if checks.quick_check(self._db.path).ok and has_tables(self._db):
            # Not thinned now: thinning could remove the very file about to be restored.
            safety = self.backup(BEFORE_RESTORE, thin=False)
        if progress is not None:
            progress(1, 3)
        with self._state.guard:
            store.restore_into(backup_file, self._db.path)
            self._reapply_erasures()
            watcher = self._watcher()
            if watcher is not None:
                watcher.mark()
            self._state.last = None
        if progress is not None:
            progress(3, 3)
        log.info("restored %s from %s", self._db.path, backup_file)
        return RestoreResult(backup_file, safety)

    def _reapply_erasures(self) -> None:
        """The erasure register goes onto the restored state before anyone opens it.

        An older backup is brought to this version's schema first — without the usual
        backup before migration, which would only make another copy with the erased names.
        """
        from tikdesk.services.erasure import reapply_register
        from tikdesk.storage import migrations
        from tikdesk.storage.repositories import erasure as register

        # The file beside the database: the restored file's own table may predate it.
        if not register.read_register_file(self._db.path):
            return
        engine = self._db.engine
        if migrations.needs_upgrade(engine):
            if migrations.current_revision(engine) not in migrations.KNOWN_REVISIONS:
                return  # a newer TikDesk's file: that version re-applies it when it opens it
            migrations.upgrade(engine)
        reapply_register(self._db, self._ctx.user)

    # --------------------------------------------------------------- checks
    def full_check(self, *, progress: ProgressFn | None = None) -> CheckReport:
        """The full check; a failed one names the newest intact backup and how to restore it."""
        report = checks.full_check(self._db, _checklist_keys(self._ctx), progress=progress)
        if report.ok or self._db.on_server:
            return report
        hint = restore_hint(self._db.path, self.newest_intact()).strip()
        return dataclasses.replace(report, advice=hint)


def _check_backup_schema(backup_file: Path) -> None:
    """Only TikDesk databases whose schema this version knows may be restored."""
    from tikdesk.storage import migrations
    from tikdesk.storage.engine import make_engine

    engine = make_engine(backup_file, read_only=True)
    try:
        if migrations.current_revision(engine) is None:
            raise InputRejected(
                msg(
                    f"„{backup_file}“ ist keine TikDesk-Datenbank.",
                    f"'{backup_file}' is not a TikDesk database.",
                )
            )
        migrations.check_not_newer(engine)
    finally:
        engine.dispose()


def _checklist_keys(ctx: AppContext) -> dict[str, set[str]] | None:
    """Item keys per checklist profile (None when the profiles cannot be loaded)."""
    from tikdesk.domain import checklist

    dirs = checklist.search_dirs(ctx.checklist_dir, checklist.shipped_dir(paths.resource_dir()))
    try:
        profiles = checklist.load_profiles(dirs)
    except Exception as exc:  # a broken checklist file is reported by the checklist feature
        log.warning("checklist profiles not loaded for the check: %s", exc)
        return None
    return {name: {item.key for item in profile.items} for name, profile in profiles.items()}
