"""Backups and restore — only through SQLite's online backup API (data-safety points 5, 6).

A file copy of an open SQLite database can catch it half-written (and misses the -wal file);
the backup API reads one consistent snapshot, even while another connection writes.  Every
backup goes into a temporary file in the target folder, is checked with
``PRAGMA integrity_check``, and only then renamed into place (``os.replace``), so a backup
that exists under its real name is complete and sound.

Names carry time and reason: ``<db stem>_2026-11-25_160620_auto.sqlite``.  Thinning is a pure
function on the backup times (:func:`backups_to_keep`), tested on dates alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from tikdesk.domain import tempnames
from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.domain.errors import DatabaseError, InputRejected
from tikdesk.domain.fmt import fmt_datetime
from tikdesk.domain.i18n import msg
from tikdesk.storage.check import SQLITE_HEADER, _fsync_dir, integrity_of, sqlite_uri

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], bool]

AUTO, EXIT, MANUAL = "auto", "exit", "manual"
BEFORE_MIGRATION, BEFORE_IMPORT = "before-migration", "before-import"
BEFORE_BULK_DELETE, BEFORE_RESTORE = "before-bulk-delete", "before-restore"
REASONS = (AUTO, EXIT, BEFORE_MIGRATION, BEFORE_IMPORT, BEFORE_BULK_DELETE, BEFORE_RESTORE, MANUAL)
#: Backups the user asked for are never thinned away; all others are.
NOT_THINNED = frozenset({MANUAL})

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 12, 10, 9
KEEP_RECENT = dt.timedelta(hours=24)

STAMP_FORMAT = "%Y-%m-%d_%H%M%S"
NAME_RE = re.compile(
    r"^(?P<stem>.+)_(?P<stamp>\d{4}-\d{2}-\d{2}_\d{6})(?:-(?P<n>\d+))?_(?P<reason>[a-z-]+)"
    r"\.sqlite$"
)
TEMP_PREFIX = tempnames.BACKUP_PREFIX
#: A temporary file this old is a leftover whoever made it (no backup takes a day).
STALE_TEMP_AGE = dt.timedelta(hours=24)


def reason_label(reason: str) -> str:
    labels = {
        AUTO: ("automatisch", "automatic"),
        EXIT: ("beim Beenden", "on exit"),
        BEFORE_MIGRATION: ("vor Datenbank-Aktualisierung", "before database upgrade"),
        BEFORE_IMPORT: ("vor Import", "before import"),
        BEFORE_BULK_DELETE: ("vor Löschen", "before bulk delete"),
        BEFORE_RESTORE: ("vor Wiederherstellung", "before restore"),
        MANUAL: ("von Hand", "manual"),
    }
    de, en = labels.get(reason, (reason, reason))
    return msg(de, en)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: str
    size: int
    intact: bool | None = None  # None: not checked (yet)

    @property
    def reason_label(self) -> str:
        return reason_label(self.reason)

    def created_text(self) -> str:
        """When the backup was made, in the session's language (``05.10.2026 14:30`` /
        ``2026-10-05 14:30``), like the backup list beside the messages that quote it."""
        return fmt_datetime(self.created)


# ----------------------------------------------------------------------------- names


def backup_name(db_path: Path, when: dt.datetime, reason: str, counter: int = 1) -> str:
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    extra = "" if counter == 1 else f"-{counter}"
    return f"{Path(db_path).stem}_{when.strftime(STAMP_FORMAT)}{extra}_{reason}.sqlite"


def parse_backup_name(name: str) -> tuple[str, dt.datetime, str] | None:
    """(db stem, time, reason) of a backup file name, None for other files."""
    match = NAME_RE.match(name)
    if match is None:
        return None
    try:
        when = dt.datetime.strptime(match["stamp"], STAMP_FORMAT)
    except ValueError:
        return None
    return match["stem"], when, match["reason"]


def list_backups(
    folder: Path,
    db_path: Path | None = None,
    *,
    check: bool = False,
    progress: ProgressFn | None = None,
) -> list[BackupInfo]:
    """Backups in ``folder`` (of ``db_path`` only, if given), newest first.

    With ``check`` every file gets a full integrity check (``intact``).
    """
    found: list[BackupInfo] = []
    if not Path(folder).is_dir():
        return found
    stem = Path(db_path).stem if db_path is not None else None
    for path in Path(folder).glob("*.sqlite"):
        parsed = parse_backup_name(path.name)
        if parsed is None or (stem is not None and parsed[0] != stem):
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(BackupInfo(path, parsed[1], parsed[2], size))
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    if check:
        checked = []
        for index, info in enumerate(found):
            if progress is not None and not progress(index, len(found)):
                break
            checked.append(replace(info, intact=integrity_of(info.path)))
        found = checked + found[len(checked) :]
        if progress is not None:
            progress(len(found), len(found))
    return found


def newest_intact(folder: Path, db_path: Path) -> BackupInfo | None:
    """The newest backup of ``db_path`` that passes its integrity check (damaged start)."""
    for info in list_backups(folder, db_path):
        if integrity_of(info.path):
            return replace(info, intact=True)
    return None


# ----------------------------------------------------------------------------- thinning


def backups_to_keep(
    stamps: Iterable[dt.datetime],
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
    recent: dt.timedelta = KEEP_RECENT,
) -> set[dt.datetime]:
    """Which backup times survive thinning: the newest one, every backup from the ``recent``
    span before it, plus the newest backup of each of the last ``daily`` days, ``weekly`` ISO
    weeks and ``monthly`` months that have backups.

    The recent span keeps each forced backup of today's work: the state before the morning's
    import is still there after the afternoon's.  Periods are counted over those that *have*
    backups (as restic/borg do), so a holiday does not eat the history.  The rules are
    independent; their union is kept.
    """
    ordered = sorted(set(stamps), reverse=True)
    keep: set[dt.datetime] = set(ordered[:1])
    if ordered:
        keep |= {stamp for stamp in ordered if ordered[0] - stamp < recent}
    rules: list[tuple[int, Callable[[dt.datetime], object]]] = [
        (daily, lambda d: d.date()),
        (weekly, lambda d: tuple(d.isocalendar())[:2]),
        (monthly, lambda d: (d.year, d.month)),
    ]
    for count, period in rules:
        seen: set[object] = set()
        for stamp in ordered:  # newest first: the first hit of a period is its newest
            key = period(stamp)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(key)
            keep.add(stamp)
    return keep


def thin_backups(folder: Path, db_path: Path) -> list[Path]:
    """Delete automatic backups of ``db_path`` that :func:`backups_to_keep` drops."""
    candidates = [b for b in list_backups(folder, db_path) if b.reason not in NOT_THINNED]
    keep = backups_to_keep(b.created for b in candidates)
    removed: list[Path] = []
    for info in candidates:
        if info.created in keep:
            continue
        try:
            info.path.unlink()
            removed.append(info.path)
        except OSError as exc:
            log.warning("could not remove old backup %s: %s", info.path, exc)
    if removed:
        log.info("thinned %d old backups of %s", len(removed), db_path)
    return removed


# ----------------------------------------------------------------------------- backup

_write_guard = threading.Lock()  # one backup at a time per process (timer vs. exit vs. menu)


def create_backup(
    db_path: Path,
    folder: Path | None,
    reason: str,
    *,
    target: Path | None = None,
    now: dt.datetime | None = None,
    progress: ProgressFn | None = None,
) -> BackupInfo:
    """Back up ``db_path`` into ``folder`` (named by time and reason) or into ``target``.

    Backup API → temporary file → integrity check → ``os.replace``.  Raises DatabaseError with
    a clear message (disk full, folder not writable); leaves no temporary file behind.
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise DatabaseError(
            msg(f"Datenbank „{db_path}“ existiert nicht.", f"Database '{db_path}' does not exist.")
        )
    when = (now or SYSTEM_CLOCK.now()).replace(microsecond=0)
    with _write_guard:
        if target is not None:
            final = _check_target(Path(target), db_path)
        else:
            if folder is None:
                raise ValueError("folder or target needed")
            final = _free_name(Path(folder), db_path, when, reason)
        _make_folder(final.parent)
        remove_stale_temp_files(final.parent)
        tmp = _temp_file(final.parent)
        try:
            if progress is not None:
                progress(0, 1)
            _copy_with_backup_api(db_path, tmp)
            if not integrity_of(tmp):
                raise DatabaseError(
                    msg(
                        "Die Sicherung ist fehlgeschlagen: die geschriebene Kopie besteht die "
                        "Integritätsprüfung nicht. Bitte „Datenbank prüfen“ ausführen.",
                        "The backup failed: the copy written does not pass the integrity "
                        "check. Please run 'Check database'.",
                    )
                )
            _fsync_file(tmp)
            os.replace(tmp, final)
            with contextlib.suppress(OSError):
                _fsync_dir(final.parent)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            if isinstance(exc, sqlite3.Error | OSError):
                raise _write_error(final, exc) from exc
            raise
        if progress is not None:
            progress(1, 1)
    info = BackupInfo(final, when, reason, final.stat().st_size, intact=True)
    log.info("backup written: %s (%d bytes)", final, info.size)
    return info


def _check_target(target: Path, db_path: Path) -> Path:
    target = target.expanduser()
    try:
        return _check_new_target(target, db_path)
    except OSError as exc:  # e.g. a name too long for the file system
        if exc.errno == errno.ENAMETOOLONG or getattr(exc, "winerror", None) == 206:
            raise InputRejected(
                msg(
                    f"Der Dateiname „{target.name[:40]}…“ ({len(target.name)} Zeichen) ist zu "
                    "lang für den Datenträger. Bitte einen kürzeren Namen wählen; es wurde "
                    "nichts geschrieben.",
                    f"The file name '{target.name[:40]}…' ({len(target.name)} characters) is "
                    "too long for the disk. Please choose a shorter name; nothing was written.",
                )
            ) from exc
        raise _write_error(target, exc) from exc


def _check_new_target(target: Path, db_path: Path) -> Path:
    if target.is_dir():
        raise InputRejected(
            msg(
                f"„{target}“ ist ein Ordner; bitte einen Dateinamen angeben.",
                f"'{target}' is a folder; please give a file name.",
            )
        )
    if target.exists():
        if target.resolve() == db_path.resolve():
            raise InputRejected(
                msg(
                    "Die Sicherung darf nicht die Datenbank selbst sein.",
                    "The backup cannot be the database itself.",
                )
            )
        raise InputRejected(
            msg(
                f"„{target}“ gibt es schon; TikDesk überschreibt keine "
                "Dateien. Bitte einen neuen Namen wählen.",
                f"'{target}' already exists; TikDesk does not overwrite "
                "files. Please choose a new name.",
            )
        )
    return target


def _free_name(folder: Path, db_path: Path, when: dt.datetime, reason: str) -> Path:
    counter = 1
    while True:
        candidate = folder / backup_name(db_path, when, reason, counter)
        if not candidate.exists():
            return candidate
        counter += 1


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(folder, exc) from exc


def _temp_file(folder: Path) -> Path:
    try:
        prefix = tempnames.temp_prefix(TEMP_PREFIX)  # host and pid: see remove_stale_temp_files
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".sqlite", dir=folder)
    except OSError as exc:
        raise _write_error(folder, exc) from exc
    os.close(fd)
    return Path(name)


def remove_stale_temp_files(folder: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete TikDesk's temporary files in ``folder`` that a killed process left behind.

    Backup copies (``.tikdesk-backup-*`` with their ``-journal``) and exports/reports
    (``.~tikdesk-*``) carry host and process id in their names: a file of this host whose
    process no longer runs is removed.  Files of other hosts (a shared folder) and older
    names without an owner are removed once they are a day old.  Never raises.
    """
    from tikdesk.storage.lockfile import process_alive

    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    limit = (now or SYSTEM_CLOCK.now()).timestamp() - STALE_TEMP_AGE.total_seconds()
    me, host = os.getpid(), tempnames.host_tag()
    for path in entries:
        if not tempnames.is_temp_name(path.name):
            continue
        owner = tempnames.owner_of(path.name)
        try:
            if owner is not None and owner[0] == host:
                stale = owner[1] != me and not process_alive(owner[1])
            else:
                stale = path.stat().st_mtime < limit
            if stale and path.is_file():
                path.unlink()
                removed.append(path)
        except OSError as exc:
            log.warning("could not remove the leftover temporary file %s: %s", path, exc)
    if removed:
        log.info("removed %d leftover temporary files in %s", len(removed), folder)
    return removed


def _source_connect(path: Path) -> sqlite3.Connection:
    # mode=rw never creates a missing file; a write-protected file is opened read-only.
    conn = sqlite3.connect(
        sqlite_uri(path), uri=True, timeout=10.0, isolation_level=None, check_same_thread=False
    )
    conn.execute("PRAGMA busy_timeout=10000")
    return conn


def _copy_with_backup_api(source: Path, dest: Path) -> None:
    src = _source_connect(source)
    try:
        dst = sqlite3.connect(str(dest), isolation_level=None)
        try:
            # One step (pages=-1) = one consistent snapshot; stepping would restart the copy
            # whenever another connection writes, and could starve under steady editing.
            src.backup(dst, pages=-1)
            # A backup must be one self-contained file, whatever the source's journal mode.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _write_error(where: Path, exc: BaseException) -> DatabaseError:
    text_exc = str(exc)
    full = (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "full" in text_exc
    if full:
        return DatabaseError(
            msg(
                f"Kein Platz mehr auf dem Datenträger von „{where}“. Die Sicherung wurde nicht "
                "geschrieben; Ihre Daten sind unverändert. Bitte Platz schaffen.",
                f"No space left on the disk of '{where}'. The backup was not written; your "
                "data is unchanged. Please free some space.",
            )
        )
    if isinstance(exc, PermissionError) or "readonly" in text_exc or "read-only" in text_exc:
        return DatabaseError(
            msg(
                f"In „{where}“ darf TikDesk nicht schreiben. Die Sicherung wurde nicht "
                "geschrieben.",
                f"TikDesk may not write to '{where}'. The backup was not written.",
            )
        )
    return DatabaseError(
        msg(
            f"Die Sicherung nach „{where}“ ist fehlgeschlagen: {text_exc}",
            f"The backup to '{where}' failed: {text_exc}",
        )
    )


# ----------------------------------------------------------------------------- restore


def check_backup_file(backup: Path) -> None:
    """Refuse a file that is not a sound SQLite database (before anything is changed)."""
    backup = Path(backup)
    if not backup.is_file():
        raise InputRejected(
            msg(f"Sicherung „{backup}“ nicht gefunden.", f"Backup '{backup}' not found.")
        )
    try:
        with backup.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise InputRejected(
            msg(
                f"Sicherung „{backup}“ kann nicht gelesen werden: {exc}",
                f"Backup '{backup}' cannot be read: {exc}",
            )
        ) from exc
    if head != SQLITE_HEADER:
        raise InputRejected(
            msg(
                f"„{backup}“ ist keine TikDesk-Sicherung (keine SQLite-Datei).",
                f"'{backup}' is not a TikDesk backup (not an SQLite file).",
            )
        )
    if not integrity_of(backup):
        raise InputRejected(
            msg(
                f"Die Sicherung „{backup}“ ist beschädigt (Integritätsprüfung "
                "fehlgeschlagen); sie wird nicht eingespielt.",
                f"The backup '{backup}' is damaged (integrity check failed); it is not restored.",
            )
        )


def restore_into(backup: Path, db_path: Path) -> None:
    """Copy ``backup`` over the live database with the backup API — one atomic write.

    The destination keeps its journal mode; a kill in the middle leaves the old content
    (the copy is one write transaction of the destination).  Afterwards the live file must
    pass ``integrity_check``.
    """
    check_backup_file(backup)
    src = sqlite3.connect(sqlite_uri(backup), uri=True)
    try:
        dst = sqlite3.connect(str(db_path), timeout=10.0, isolation_level=None)
        try:
            dst.execute("PRAGMA busy_timeout=10000")
            src.backup(dst, pages=-1)
        except sqlite3.Error as exc:
            raise _restore_error(db_path, exc) from exc
        finally:
            dst.close()
    finally:
        src.close()
    if not integrity_of(Path(db_path)):
        raise DatabaseError(
            msg(
                f"Nach der Wiederherstellung besteht „{db_path}“ die Integritätsprüfung nicht.",
                f"After the restore '{db_path}' fails its integrity check.",
            )
        )


def _restore_error(db_path: Path, exc: sqlite3.Error) -> DatabaseError:
    text_exc = str(exc)
    if "locked" in text_exc or "busy" in text_exc:
        return DatabaseError(
            msg(
                f"„{db_path}“ wird gerade benutzt; die Wiederherstellung wurde nicht ausgeführt. "
                "Bitte später erneut versuchen.",
                f"'{db_path}' is busy; the restore was not carried out. Please try again later.",
            )
        )
    return _write_error(db_path, exc)


# ----------------------------------------------------------------------------- changes


class ChangeWatcher:
    """Tells whether anyone committed to the database since :meth:`mark`.

    ``PRAGMA data_version`` on one private, idle connection changes whenever *another*
    connection (any process) commits — exactly "the data changed since the last backup".
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = _source_connect(self.db_path)
        self._seen = self.version()

    def version(self) -> int:
        with self._lock:
            if self._conn is None:
                return -1
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        return self._conn is not None and self.version() != self._seen

    def mark(self, version: int | None = None) -> None:
        self._seen = self.version() if version is None else version

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
