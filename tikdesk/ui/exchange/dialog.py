"""The import preview: what the file holds, how its columns map, what would change, problems.

The dialog never writes.  It shows a :class:`tikdesk.services.exchange.Preview`; changing the
sheet or a column's mapping calls ``rerun(sheet, mapping)`` for a fresh preview.  "Import"
is only possible when the preview can be committed (no problems, or the user chose to leave
out the rows with problems; never with a problem about the whole file).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.errors import TikDeskError
from tikdesk.services.exchange import Preview, idea_fields
from tikdesk.ui import theme
from tikdesk.ui.a11y import WrappingCheckBox

Rerun = Callable[[str | None, dict[int, str | None] | None], Preview]
MAX_LISTED = 2_000  # rows shown in the change list (the counts cover everything)


class ImportPreviewDialog(QDialog):
    def __init__(
        self,
        preview: Preview,
        rerun: Rerun,
        parent: QWidget | None = None,
        *,
        fields: list[tuple[str, str]] | None = None,
        title: str | None = None,
    ) -> None:
        """``fields``/``title``: another importer's columns (e.g. the consent register)."""
        super().__init__(parent)
        self.preview = preview
        self._rerun = rerun
        self._fields = fields if fields is not None else idea_fields()
        self.setObjectName("ImportPreviewDialog")
        self.setWindowTitle(title or self.tr("Import ideas – preview"))
        self.resize(980, 720)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("File:"), self.file_label)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setAccessibleName(self.tr("Worksheet"))
        self.sheet_combo.currentIndexChanged.connect(self._on_sheet_changed)
        self.sheet_label = QLabel(self.tr("&Worksheet:"))
        self.sheet_label.setBuddy(self.sheet_combo)
        form.addRow(self.sheet_label, self.sheet_combo)
        layout.addLayout(form)

        self.counts_label = QLabel()
        self.counts_label.setObjectName("importCounts")
        self.counts_label.setStyleSheet("font-size: 12pt; font-weight: bold; padding: 4px 0;")
        layout.addWidget(self.counts_label)
        self.notice_label = QLabel()
        self.notice_label.setObjectName("importNotices")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(
            f"QLabel#importNotices {{ background: {theme.BANNER_BACKGROUND};"
            f" color: {theme.BANNER_TEXT}; padding: 6px;"
            f" border: 1px solid {theme.BANNER_BORDER}; }}"
        )
        layout.addWidget(self.notice_label)

        self.tabs = QTabWidget()
        self.mapping_table = self._table(
            [self.tr("Column in the file"), self.tr("Example"), self.tr("Import as")]
        )
        self.mapping_table.setAccessibleName(self.tr("Column mapping"))
        self.problem_table = self._table([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        self.problem_table.setAccessibleName(self.tr("Problems"))
        self.change_table = self._table(
            [self.tr("Action"), self.tr("Row"), self.tr("Title"), self.tr("Changes")]
        )
        self.change_table.setAccessibleName(self.tr("Changes"))
        self.tabs.addTab(self.mapping_table, self.tr("Columns"))
        self.tabs.addTab(self.problem_table, self.tr("Problems"))
        self.tabs.addTab(self.change_table, self.tr("Changes"))
        layout.addWidget(self.tabs, 1)

        self.skip_box = WrappingCheckBox()
        self.skip_box.toggled.connect(self._update_buttons)
        layout.addWidget(self.skip_box)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("importButton")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._show(preview)

    # ----------------------------------------------------------------- building blocks
    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setTabKeyNavigation(False)  # Tab goes on to the buttons (WCAG 2.1.2)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setWordWrap(False)
        return table

    @property
    def skip_problem_rows(self) -> bool:
        preview = self.preview
        return bool(preview.problems) and not preview.blocking and self.skip_box.isChecked()

    def mapping_combo(self, column: int) -> QComboBox:
        widget = self.mapping_table.cellWidget(column, 2)
        assert isinstance(widget, QComboBox)
        return widget

    # ----------------------------------------------------------------- showing a preview
    def _show(self, preview: Preview) -> None:
        self.preview = preview
        kind = {"text": "CSV"}.get(preview.kind, preview.kind.upper())
        self.file_label.setText(
            self.tr("%1 (%2, header in row %3)")
            .replace("%1", preview.file_name)
            .replace("%2", kind)
            .replace("%3", str(preview.header_row))
        )
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(preview.sheets)
        if preview.sheet:
            self.sheet_combo.setCurrentText(preview.sheet)
        self.sheet_combo.blockSignals(False)
        self.sheet_combo.setVisible(bool(preview.sheets))
        self.sheet_label.setVisible(bool(preview.sheets))
        self._fill_mapping(preview)
        self._fill_problems(preview)
        self._fill_changes(preview)
        self.counts_label.setText(
            self.tr("%1 new · %2 to update · %3 unchanged · %4 problems")
            .replace("%1", str(len(preview.to_add)))
            .replace("%2", str(len(preview.to_update)))
            .replace("%3", str(len(preview.unchanged)))
            .replace("%4", str(len(preview.problems)))
        )
        self._set_notices(preview.notices)
        self.tabs.setTabText(1, self.tr("Problems (%1)").replace("%1", str(len(preview.problems))))
        changes = len(preview.to_add) + len(preview.to_update)
        self.tabs.setTabText(2, self.tr("Changes (%1)").replace("%1", str(changes)))
        if preview.problems:
            self.tabs.setCurrentIndex(1)
        self.skip_box.blockSignals(True)
        self.skip_box.setChecked(False)
        self.skip_box.blockSignals(False)
        self.skip_box.setText(
            self.tr("Leave out the %1 rows with problems and import the rest").replace(
                "%1", str(len(preview.problem_rows))
            )
        )
        self.skip_box.setVisible(bool(preview.problems) and not preview.blocking)
        self._update_buttons()

    def _set_notices(self, notices: list[str]) -> None:
        self.notice_label.setText("\n".join(notices))
        self.notice_label.setVisible(bool(notices))

    def _fill_mapping(self, preview: Preview) -> None:
        table = self.mapping_table
        keys = [key for key, _label in self._fields]
        same = table.rowCount() == len(preview.columns) and all(
            (item := table.item(r, 0)) is not None and item.data(Qt.ItemDataRole.UserRole) == h
            for r, h in enumerate(preview.columns)
        )
        if same:  # the same columns: update the combos in place (one may be emitting now)
            for row in range(len(preview.columns)):
                combo = self.mapping_combo(row)
                key = preview.mapping.get(row)
                combo.blockSignals(True)
                combo.setCurrentIndex(keys.index(key) + 1 if key in keys else 0)
                combo.blockSignals(False)
            return
        table.setRowCount(len(preview.columns))
        for row, header in enumerate(preview.columns):
            name = QTableWidgetItem(header or self.tr("(no header)"))
            name.setData(Qt.ItemDataRole.UserRole, header)
            table.setItem(row, 0, name)
            table.setItem(row, 1, QTableWidgetItem(preview.samples.get(row, "")))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Import column %1 as").replace("%1", header))
            combo.addItem(self.tr("(do not import)"), None)
            for key, label in self._fields:
                combo.addItem(label, key)
            key = preview.mapping.get(row)
            combo.setCurrentIndex(keys.index(key) + 1 if key in keys else 0)
            combo.currentIndexChanged.connect(self._on_mapping_changed)
            table.setCellWidget(row, 2, combo)
        table.resizeColumnsToContents()
        table.resizeRowsToContents()  # the combos' height, also with a large font
        table.setColumnWidth(1, min(table.columnWidth(1), 320))
        table.setColumnWidth(2, max(table.columnWidth(2), 220))

    def _fill_problems(self, preview: Preview) -> None:
        table = self.problem_table
        problems = preview.problems[:MAX_LISTED]
        table.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            where = "" if problem.row is None else str(problem.row)
            table.setItem(row, 0, QTableWidgetItem(where or self.tr("whole file")))
            table.setItem(row, 1, QTableWidgetItem(problem.column or ""))
            item = QTableWidgetItem(problem.reason)
            item.setToolTip(problem.reason)
            table.setItem(row, 2, item)
        table.resizeColumnsToContents()
        table.setColumnWidth(2, max(table.columnWidth(2), 400))
        if len(problems) <= 300:  # wrap long reasons; row heights cost time for many rows
            table.setWordWrap(True)
            table.resizeRowsToContents()

    def _fill_changes(self, preview: Preview) -> None:
        table = self.change_table
        changed = preview.extra.get("changed_fields", {})
        labels = dict(self._fields)
        rows: list[tuple[str, str, str, str]] = []
        for data in preview.to_update[:MAX_LISTED]:
            fields = ", ".join(labels.get(f, f) for f in changed.get(data["id"], []))
            title = data.get("title") or data.get("_title", "")
            rows.append((self.tr("Update"), str(data.get("_row", "")), str(title), fields))
        room = max(0, MAX_LISTED - len(rows))
        for data, source_row in zip(preview.to_add[:room], preview.add_rows[:room], strict=True):
            rows.append((self.tr("New"), str(source_row), str(data.get("title")), ""))
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()

    @Slot()
    def _update_buttons(self) -> None:
        preview = self.preview
        work = len(preview.to_add) + len(preview.to_update)
        if preview.blocking:
            ok, state = False, self.tr("This file cannot be imported as it is (see Problems).")
        elif preview.problems and not self.skip_box.isChecked():
            ok, state = (
                False,
                self.tr(
                    "Nothing is imported while there are problems. Correct the file and open it "
                    "again, correct the column mapping, or leave out the rows with problems."
                ),
            )
        elif work == 0:
            ok, state = False, self.tr("Nothing to import: every row is already in TikDesk.")
        else:
            ok, state = (
                True,
                self.tr("Nothing has been written yet. Import writes everything in one step."),
            )
        self.import_button.setEnabled(ok)
        self.state_label.setText(state)

    # ----------------------------------------------------------------- re-running
    def current_mapping(self) -> dict[int, str | None]:
        return {
            row: self.mapping_combo(row).currentData()
            for row in range(self.mapping_table.rowCount())
        }

    @Slot()
    def _on_mapping_changed(self) -> None:
        self._run(self.preview.sheet, self.current_mapping())

    @Slot()
    def _on_sheet_changed(self) -> None:
        self._run(self.sheet_combo.currentText() or None, None)

    def _run(self, sheet: str | None, mapping: dict[int, str | None] | None) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            preview = self._rerun(sheet, mapping)
        except TikDeskError as exc:
            QGuiApplication.restoreOverrideCursor()
            self._set_notices([str(exc)])
            self.import_button.setEnabled(False)
            return
        QGuiApplication.restoreOverrideCursor()
        self._show(preview)
