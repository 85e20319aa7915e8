"""Management report dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tikdesk.ui.main_window import MainWindow


def install(window: MainWindow) -> None:
    """Add this feature's actions to the window's menus (filled in by the feature)."""
