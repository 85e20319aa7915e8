"""What every service needs: the open database and who is acting."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from pathlib import Path

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
