"""Small control factories: dialog buttons, headings, search fields, record lists."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTableView,
)


def ok_cancel(
    dialog: QDialog, ok_text: str | None = None, on_ok: Callable[[], object] | None = None
) -> QDialogButtonBox:
    """OK and Cancel: OK (labelled ``ok_text``, else Qt's own "OK") runs ``on_ok``, else
    accepts ``dialog``; Cancel rejects it."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    if ok_text is not None:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept if on_ok is None else on_ok)
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
    edit.setToolTip(placeholder)  # the hint in full where the field is narrow
    edit.setClearButtonEnabled(True)
    # never squeezed to two letters by its neighbours (a large font, a small window)
    edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * 12)
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
