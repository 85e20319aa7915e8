"""The contract between the main window and its tabs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from tikdesk.ui import messages


def warn(window: Any, parent: QWidget, title: str, text: str) -> None:
    """The main window's warning helper, or the message module without a window."""
    show = getattr(window, "show_warning", None)
    if show is not None:
        show(title, text)
    else:
        messages.show_warning(parent, title, text)


def announce_change(window: Any, fallback: Callable[[], None]) -> None:
    """Tell every tab that data changed (``window.data_changed``), else refresh ourselves."""
    data_changed = getattr(window, "data_changed", None)
    if data_changed is not None:
        data_changed.emit()
    else:
        fallback()


class RefreshWhenShown:
    """Mixin for a tab (before ``QWidget`` in the bases): its data is read when the tab is
    first shown, and after ``window.data_changed`` at once only while it is shown — else when
    it is shown next.  Start-up reads only the current tab; an edit refreshes only what can
    be seen.  The tab provides ``refresh()`` (which calls :meth:`mark_fresh`) and may keep
    something cheap current while hidden with :meth:`refresh_hidden`.
    """

    _stale = True

    def refresh(self) -> None:
        raise NotImplementedError

    def refresh_hidden(self) -> None:
        """Called on a data change while the tab is hidden (default: nothing)."""

    def mark_fresh(self) -> None:
        self._stale = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self.refresh()

    def on_data_changed(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            self.refresh()
        else:
            self._stale = True
            self.refresh_hidden()
