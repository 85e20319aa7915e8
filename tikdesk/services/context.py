"""What every service needs: the open database, who is acting, the clock and the language.

Nothing below the UI reads a hidden global for these: a service asks ``ctx.clock`` for
today (:mod:`tikdesk.domain.clock`) and ``ctx.language`` for the language its messages are
in (:mod:`tikdesk.domain.i18n`).
"""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tikdesk import paths
from tikdesk.domain import i18n
from tikdesk.domain.clock import SYSTEM_CLOCK, Clock
from tikdesk.excel.writing import Protected
from tikdesk.storage.engine import Database


def os_user() -> str:
    """The acting account: ``DOMAIN\\user`` on Windows, the login elsewhere (issue 16).

    It is recorded with every approval and audit event and the four-eyes rule compares it;
    the name typed into the preferences is a display label only (:attr:`AppContext.label`).
    """
    if sys.platform == "win32":
        name = os.environ.get("USERNAME", "").strip()
        domain = os.environ.get("USERDOMAIN", "").strip()
        if name:
            return f"{domain}\\{name}" if domain else name
    try:
        return getpass.getuser()
    except Exception:  # no login name in odd environments (services, containers)
        return "unbekannt"


@dataclass
class AppContext:
    db: Database
    user: str = ""  # the account: identity for four eyes, roles (see __post_init__)
    backup_dir: Path | None = None
    checklist_dir: Path | None = None  # an organisation's own checklist files
    label: str = ""  # display name from the preferences, shown beside the account
    clock: Clock = field(default=SYSTEM_CLOCK, repr=False)  # a FixedClock in tests

    def __post_init__(self) -> None:
        # On a team server the database login acts (issue 17): the server writes it into
        # authors, approvals and the audit log itself; on a file it is the OS account.
        if not self.user:
            self.user = self.db.login if self.db.on_server and self.db.login else os_user()

    @property
    def who(self) -> str:
        """``account (Label)`` — how the acting person is shown."""
        label = self.label.strip()
        return f"{self.user} ({label})" if label and label != self.user else self.user

    @property
    def language(self) -> str:
        """``de`` or ``en``: the language of the session, in which :func:`i18n.msg` words
        messages below the UI.  One per process, like Qt's translators: the composition
        root (``tikdesk.app``/``tikdesk.cli``) chooses it once, before any service runs."""
        return i18n.language()

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    @property
    def protected(self) -> Protected:
        """What no writer may overwrite: this database (with its companions, the erasure
        register ``<db>.erasures.json`` among them) and the backups; every service passes it
        to the writers in :mod:`tikdesk.excel`."""
        return Protected(self.db.path, self.backup_dir or paths.backup_dir())
