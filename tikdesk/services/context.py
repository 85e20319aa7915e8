"""What every service needs: the open database and who is acting."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from pathlib import Path

from tikdesk import paths
from tikdesk.excel.writing import Protected
from tikdesk.storage.engine import Database


def os_user() -> str:
    """The OS login name — the default identity for authorship and four-eyes checks."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in odd environments (services, containers)
        return "unbekannt"


@dataclass
class AppContext:
    db: Database
    user: str = field(default_factory=os_user)
    backup_dir: Path | None = None
    checklist_dir: Path | None = None  # an organisation's own checklist files

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    @property
    def protected(self) -> Protected:
        """What no writer may overwrite: this database (with its companions) and the
        backups; every service passes it to the writers in :mod:`tikdesk.excel`."""
        return Protected(self.db.path, self.backup_dir or paths.backup_dir())
