"""Opening a database in the GUI with every safety question asked (lock, damage).

The composition root (app.py) calls :func:`open_interactively` with a function that opens the
database; the questions are asked here, in dialogs that tests replace.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from tikdesk.domain.errors import TikDeskError
from tikdesk.services.safety import (
    DatabaseDamaged,
    DatabaseInUse,
    quarantine_damaged,
    recover_from_backup,
)
from tikdesk.services.team_connection import (
    ServerPasswordNeeded,
    check_address,
    is_server_address,
)
from tikdesk.ui import messages
from tikdesk.ui.safety.dialogs import (
    NEW_EMPTY,
    OPEN_ANYWAY,
    READ_ONLY,
    RESTORE,
    DamagedDialog,
    LockDialog,
)
from tikdesk.ui.team.connect import PasswordDialog, RetryDialog, remember_password

log = logging.getLogger(__name__)

#: ``opener(read_only=…, ignore_lock=…)`` returns an open Database or raises.
Opener = Callable[..., Any]


def open_interactively(
    parent: QWidget | None, db_path: Path | str, opener: Opener, password: str | None = None
) -> Any | None:
    """Open ``db_path`` via ``opener``; None when the user quit or it cannot be opened.

    A team database (``postgresql://…``) is opened in a worker thread (the window stays
    responsive until libpq's connect_timeout); a server that wants a password gets one from
    the session dialog (``opener(password=…)``, memory only), an unreachable one offers
    "Erneut versuchen" and "Abbrechen" (issue 17).
    """
    server = is_server_address(str(db_path))
    read_only = False
    ignore_lock = False
    reason = ""
    attempt = 0
    while attempt < 5:
        attempt += 1
        how: dict[str, Any] = {"read_only": read_only, "ignore_lock": ignore_lock}
        if password:
            how["password"] = password
        try:
            db = _open_in_worker(parent, db_path, opener, how) if server else opener(**how)
        except ServerPasswordNeeded as exc:
            typed = PasswordDialog.ask(parent, _shown(db_path), retry=password is not None)
            if typed is None:
                messages.show_error(parent, "TikDesk", str(exc))
                return None
            password = typed
            attempt = 0  # the user decides how often: each try is answered by a person
            continue
        except DatabaseInUse as exc:
            choice = LockDialog.ask(parent, exc.db_path, exc.owner.describe())
            if choice == READ_ONLY:
                read_only = True
                reason = QCoreApplication.translate(
                    "SafetyStartup",
                    "Read-only: this database is %1. You can look at everything, but "
                    "not change anything.",
                ).replace("%1", exc.owner.describe())
            elif choice == OPEN_ANYWAY:
                log.warning(
                    "lock of %s ignored at the user's request (%s)", db_path, exc.owner.describe()
                )
                ignore_lock = True
            else:
                return None
            continue
        except DatabaseDamaged as exc:
            if not _handle_damaged(parent, exc.path, exc, read_only):  # files only
                return None
            continue
        except TikDeskError as exc:
            if server and RetryDialog.ask(parent, str(exc)):
                attempt = 0
                continue
            if not server:
                messages.show_error(parent, "TikDesk", str(exc))
            return None
        if server:
            remember_password(str(db_path), password)
        if reason and not db.read_only_reason:
            db.read_only_reason = reason
        return db
    return None


def _open_in_worker(
    parent: QWidget | None, db_path: Path | str, opener: Opener, how: dict[str, Any]
) -> Any:
    from tikdesk.ui.workers import run_with_progress

    def work(progress: Any) -> Any:
        return opener(**how)

    label = QCoreApplication.translate("SafetyStartup", "Connecting to %1 …").replace(
        "%1", _shown(db_path)
    )
    return run_with_progress(parent, label, work)


def _shown(db_path: Path | str) -> str:
    try:
        return check_address(str(db_path))
    except TikDeskError:
        return str(db_path)


def _handle_damaged(
    parent: QWidget | None, db_path: Path, exc: DatabaseDamaged, read_only: bool
) -> bool:
    """Keep the damaged file aside and offer the newest intact backup; True: try again."""
    if read_only:  # another TikDesk uses the file: never move it away under its feet
        messages.show_error(parent, "TikDesk", str(exc))
        return False
    try:
        kept = quarantine_damaged(db_path)
    except OSError as err:
        messages.show_error(parent, "TikDesk", str(exc) + "\n\n" + str(err))
        return False
    choice = DamagedDialog.ask(parent, db_path, exc.problems, kept, exc.newest)
    if choice == RESTORE and exc.newest is not None:
        try:
            recover_from_backup(db_path, exc.newest.path)
        except TikDeskError as err:
            messages.show_error(parent, "TikDesk", str(err))
            return False
        messages.show_info(
            parent,
            "TikDesk",
            QCoreApplication.translate(
                "SafetyStartup",
                "The backup from %1 has been restored. The damaged file is kept as %2.",
            )
            .replace("%1", exc.newest.created_text())
            .replace("%2", str(kept)),
        )
        return True
    return choice == NEW_EMPTY
