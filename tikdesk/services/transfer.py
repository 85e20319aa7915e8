"""Moving a team between back ends (issue 17): ``copy-to`` and the SQLite snapshot of a
team database (``backup --to FILE.sqlite``)."""

from __future__ import annotations

import logging
from contextlib import suppress
from pathlib import Path

from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.domain.errors import DatabaseError, InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.storage import transfer
from tikdesk.storage.backup import MANUAL, BackupInfo, ProgressFn
from tikdesk.storage.engine import Database, is_server_url, open_database
from tikdesk.storage.transfer import TableCopy

log = logging.getLogger(__name__)


def open_target(address: str | Path) -> tuple[Database, bool]:
    """The target of a copy, with TikDesk's schema; (database, created a new file)."""
    if is_server_url(address):
        from tikdesk.services.safety import open_team_database

        return open_team_database(str(address)), False
    path = Path(address).expanduser()
    existed = path.exists()
    return open_database(path), not existed


def copy_to(
    source: Database, address: str | Path, progress: ProgressFn | None = None
) -> list[TableCopy]:
    """Copy the whole ``source`` into the empty database at ``address`` (file or URL)."""
    if not is_server_url(address) and not source.on_server:
        here = Path(address).expanduser()
        if here.exists() and here.resolve() == source.path.resolve():
            raise InputRejected(
                msg("Quelle und Ziel sind dieselbe Datenbank.", "Source and target are the same.")
            )
    target, created = open_target(address)
    try:
        result = transfer.copy_all(source.engine, target.engine, progress)
    except BaseException:
        target.close()
        if created:
            _remove_file(Path(address).expanduser())
        raise
    target.close()
    log.info("copied %s to %s: %d rows", source.name, target.name, sum(t.rows for t in result))
    return result


def _remove_file(path: Path) -> None:
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with suppress(FileNotFoundError):
            name.unlink()


def snapshot_to_file(db: Database, target: Path, progress: ProgressFn | None = None) -> BackupInfo:
    """A portable SQLite file with everything in the team database ``db``."""
    if target.exists():
        raise DatabaseError(
            msg(
                f"„{target}“ gibt es schon; eine Sicherung überschreibt nie eine Datei.",
                f"'{target}' already exists; a backup never overwrites a file.",
            )
        )
    copy_to(db, target, progress)
    return BackupInfo(target, SYSTEM_CLOCK.now(), MANUAL, target.stat().st_size, True)
