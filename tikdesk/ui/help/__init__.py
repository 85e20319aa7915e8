"""Help menu: the built-in manual (Hilfe → Handbuch, F1), the keyboard overview and the icon."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QIcon, QKeySequence

from tikdesk import paths
from tikdesk.ui.help.manual import ManualWindow, manual_file

if TYPE_CHECKING:
    from tikdesk.ui.main_window import MainWindow

__all__ = ["ManualWindow", "app_icon", "install", "manual_file", "show_manual"]


def app_icon() -> QIcon:
    """TikDesk's icon (resources/icons), for every window and dialog."""
    icons = paths.resource_dir() / "icons"
    icon = QIcon()
    for name in ("tikdesk.png", "tikdesk.ico"):
        if (icons / name).exists():
            icon.addFile(str(icons / name))
    return icon


def install(window: MainWindow) -> None:
    """Hilfe → Handbuch (F1) and Hilfe → Tastenkürzel, above the sample-data entry."""
    manual = QAction(QCoreApplication.translate("Help", "&Manual"), window)
    manual.setObjectName("actionManual")
    manual.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    manual.setToolTip(QCoreApplication.translate("Help", "Open the user manual (works offline)"))
    manual.triggered.connect(lambda _checked=False: show_manual(window))
    keys = QAction(QCoreApplication.translate("Help", "&Keyboard shortcuts"), window)
    keys.setObjectName("actionKeyboardShortcuts")
    keys.setToolTip(
        QCoreApplication.translate("Help", "List every menu command with its keyboard shortcut")
    )
    keys.triggered.connect(lambda _checked=False: show_manual(window, page="keys"))
    anchor = getattr(window, "menu_help_anchor", None)
    for action in (manual, keys):
        if anchor is not None:
            window.menu_help.insertAction(anchor, action)
        else:
            window.menu_help.addAction(action)
    window.action_manual = manual  # type: ignore[attr-defined]


def show_manual(window: MainWindow, page: str = "manual") -> ManualWindow:
    """Show the one manual window of ``window`` (created on first use) at ``page``."""
    viewer = getattr(window, "_manual_window", None)
    if viewer is None:
        viewer = ManualWindow(window)
        window._manual_window = viewer  # type: ignore[attr-defined]
    if page == "keys":
        viewer.show_shortcuts()
    else:
        viewer.show_home()
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()
    return viewer
