"""Widget helpers shared by the posts, people and overview tabs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from tikdesk.ui import messages


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def heading_label() -> QLabel:
    label = QLabel()
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    return label


def search_edit(placeholder: str, accessible_name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(accessible_name)
    edit.setClearButtonEnabled(True)
    return edit


def list_table(model: QAbstractItemModel, accessible_name: str) -> QTableView:
    """A read-only, sortable, single-row-selection list over ``model``."""
    table = QTableView()
    table.setAccessibleName(accessible_name)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.setTabKeyNavigation(False)  # Tab leaves the list (no keyboard trap, WCAG 2.1.2)
    return table


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
