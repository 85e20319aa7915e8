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
from tikdesk.ui import messages
from tikdesk.ui.safety.dialogs import (
    NEW_EMPTY,
    OPEN_ANYWAY,
    READ_ONLY,
    RESTORE,
    DamagedDialog,
    LockDialog,
)

log = logging.getLogger(__name__)

#: ``opener(read_only=…, ignore_lock=…)`` returns an open Database or raises.
Opener = Callable[..., Any]


def open_interactively(parent: QWidget | None, db_path: Path | str, opener: Opener) -> Any | None:
    """Open ``db_path`` via ``opener``; None when the user quit or it cannot be opened."""
    read_only = False
    ignore_lock = False
    reason = ""
    for _attempt in range(5):
        try:
            db = opener(read_only=read_only, ignore_lock=ignore_lock)
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
            messages.show_error(parent, "TikDesk", str(exc))
            return None
        if reason and not db.read_only_reason:
            db.read_only_reason = reason
        return db
    return None


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
