"""Backups, restore, database check, lock and read-only handling."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tikdesk.ui.main_window import MainWindow
    from tikdesk.ui.safety.controller import SafetyController


def install(window: MainWindow) -> SafetyController:
    """Add the backup/check actions, the auto-backup timer and the exit backup to ``window``."""
    from tikdesk.ui.safety.controller import SafetyController

    controller = SafetyController(window)
    window.safety = controller  # type: ignore[attr-defined]  # for tests and other features
    return controller
