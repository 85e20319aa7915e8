"""Dialogs of the data-safety feature: lock held, damaged file, restore list, check result.

Each dialog has an ``ask()`` classmethod that shows it modally and returns the answer; tests
replace ``ask``.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.errors import TikDeskError
from tikdesk.domain.fmt import fmt_datetime
from tikdesk.services.erasure import ErasureService
from tikdesk.services.safety import BackupInfo, CheckReport
from tikdesk.ui import messages, theme
from tikdesk.ui.a11y import resize_to_fit

READ_ONLY, OPEN_ANYWAY, QUIT = "read_only", "open_anyway", "quit"
RESTORE, NEW_EMPTY = "restore", "new_empty"

AnyIndex = QModelIndex | QPersistentModelIndex


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            text = f"{value:.0f}" if unit == "B" else f"{value:.1f}"
            return f"{text.replace('.', ',')} {unit}"
        value /= 1024
    return f"{size} B"  # pragma: no cover - loop always returns


def _warning_row(dialog: QDialog, layout: QVBoxLayout, html: str, name: str) -> None:
    """The warning icon beside ``html`` (selectable, object name ``name``) as the first row."""
    row = QHBoxLayout()
    icon = QLabel()
    pixmap = dialog.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48)
    icon.setPixmap(pixmap)
    icon.setAlignment(Qt.AlignmentFlag.AlignTop)
    row.addWidget(icon)
    text = QLabel(html)
    text.setWordWrap(True)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    text.setObjectName(name)
    row.addWidget(text, 1)
    layout.addLayout(row)


class _Asked(Protocol):
    """A start-up question (LockDialog, DamagedDialog) answered by ``choice``."""

    choice: str

    def accept(self) -> None: ...

    def reject(self) -> None: ...


def _finish(dialog: _Asked, choice: str) -> None:
    """Close ``dialog`` with ``choice`` (one of the constants above); QUIT rejects."""
    dialog.choice = choice
    if choice == QUIT:
        dialog.reject()
    else:
        dialog.accept()


class LockDialog(QDialog):
    """Another TikDesk holds the database: read-only, open anyway (after a warning), or quit."""

    def __init__(self, db_path: Path, holder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Database in use – TikDesk"))
        self.choice = QUIT
        layout = QVBoxLayout(self)
        _warning_row(
            self,
            layout,
            self.tr(
                "<b>The database is already open in another TikDesk.</b><br><br>"
                "%1<br>File: %2<br><br>Only one TikDesk at a time may change a database; "
                "two writers can overwrite each other's work. You can look at everything "
                "read-only, or quit and ask your colleague to close TikDesk."
            )
            .replace("%1", holder)
            .replace("%2", str(db_path)),
            "lockText",
        )

        buttons = QDialogButtonBox()
        self.read_only_button = buttons.addButton(
            self.tr("Open &read-only"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.anyway_button = buttons.addButton(
            self.tr("Open &anyway…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.quit_button = buttons.addButton(
            self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.read_only_button.setDefault(True)
        self.read_only_button.clicked.connect(lambda: _finish(self, READ_ONLY))
        self.anyway_button.clicked.connect(self._on_anyway)
        self.quit_button.clicked.connect(lambda: _finish(self, QUIT))
        layout.addWidget(buttons)
        resize_to_fit(self, 560, 260)

    def _on_anyway(self) -> None:
        confirmed = messages.ask_yes_no(
            self,
            self.tr("Open anyway?"),
            self.tr(
                "Only do this if you are sure that the other TikDesk is no longer running "
                "(for example after a crash on another computer). If both write, changes "
                "can be lost.\n\nOpen the database for writing anyway?"
            ),
        )
        if confirmed:
            _finish(self, OPEN_ANYWAY)

    @classmethod
    def ask(cls, parent: QWidget | None, db_path: Path, holder: str) -> str:
        dialog = cls(db_path, holder, parent)
        dialog.exec()
        return dialog.choice


class DamagedDialog(QDialog):
    """The start-up check found a damaged file; it was moved aside — offer the newest backup."""

    def __init__(
        self,
        db_path: Path,
        problems: list[str],
        kept_as: Path | None,
        newest: BackupInfo | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Database damaged – TikDesk"))
        self.choice = QUIT
        layout = QVBoxLayout(self)
        parts = [self.tr("<b>The database %1 is damaged.</b>").replace("%1", str(db_path))]
        if problems:
            parts.append(self.tr("SQLite reports: %1").replace("%1", "; ".join(problems[:3])))
        if kept_as is not None:
            parts.append(
                self.tr("The damaged file has been kept as %1; nothing was overwritten.").replace(
                    "%1", str(kept_as)
                )
            )
        if newest is not None:
            parts.append(
                self.tr(
                    "The newest intact backup is from <b>%1</b> (%2). Changes "
                    "made after that time are not in it."
                )
                .replace("%1", newest.created_text())
                .replace("%2", str(newest.path))
            )
        else:
            parts.append(self.tr("There is no intact backup of this database."))
        _warning_row(self, layout, "<br><br>".join(parts), "damagedText")
        buttons = QDialogButtonBox()
        if newest is not None:
            self.restore_button: QPushButton | None = buttons.addButton(
                self.tr("&Restore backup from %1").replace("%1", newest.created_text()),
                QDialogButtonBox.ButtonRole.AcceptRole,
            )
            self.restore_button.setDefault(True)
            self.restore_button.clicked.connect(lambda: _finish(self, RESTORE))
        else:
            self.restore_button = None
        if kept_as is not None:
            empty = buttons.addButton(
                self.tr("Start with an &empty database"), QDialogButtonBox.ButtonRole.ActionRole
            )
            empty.clicked.connect(lambda: _finish(self, NEW_EMPTY))
        quit_button = buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.clicked.connect(lambda: _finish(self, QUIT))
        layout.addWidget(buttons)
        resize_to_fit(self, 600, 300)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        db_path: Path,
        problems: list[str],
        kept_as: Path | None,
        newest: BackupInfo | None,
    ) -> str:
        dialog = cls(db_path, problems, kept_as, newest, parent)
        dialog.exec()
        return dialog.choice


class BackupColumn(IntEnum):
    CREATED = 0
    REASON = 1
    SIZE = 2
    CHECK = 3
    FILE = 4
    ERASED = 5  # erased people the backup still holds (Art. 17)


class BackupTableModel(QAbstractTableModel):
    """The backups of the open database, newest first."""

    ObjectRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = list(backups)
        #: file name → ids of erased people it still holds; None: not looked at
        self.erased: dict[str, tuple[int, ...]] | None = None
        self._headers = [
            self.tr("Date"),
            self.tr("Reason"),
            self.tr("Size"),
            self.tr("Integrity check"),
            self.tr("File"),
            self.tr("Erased people"),
        ]

    def set_erased(self, erased: dict[str, tuple[int, ...]] | None) -> None:
        self.erased = erased
        if self._rows:
            self.dataChanged.emit(
                self.index(0, BackupColumn.ERASED),
                self.index(len(self._rows) - 1, BackupColumn.ERASED),
            )

    def erased_in(self, info: BackupInfo) -> tuple[int, ...]:
        return () if self.erased is None else self.erased.get(info.path.name, ())

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(BackupColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        info = self._rows[index.row()]
        column = BackupColumn(index.column())
        if role == self.ObjectRole:
            return info
        if role == Qt.ItemDataRole.DisplayRole:
            if column is BackupColumn.CREATED:
                return fmt_datetime(info.created, seconds=True)
            if column is BackupColumn.REASON:
                return info.reason_label
            if column is BackupColumn.SIZE:
                return _human_size(info.size)
            if column is BackupColumn.CHECK:
                if info.intact is None:
                    return self.tr("not checked")
                return self.tr("intact") if info.intact else self.tr("DAMAGED")
            if column is BackupColumn.ERASED:
                if self.erased is None:
                    return ""
                count = len(self.erased_in(info))
                return (
                    self.tr("still holds %1").replace("%1", str(count))
                    if count
                    else self.tr("none")
                )
            return info.path.name
        if role == Qt.ItemDataRole.TextAlignmentRole and column is BackupColumn.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column is BackupColumn.ERASED
            and self.erased_in(info)
        ):
            return theme.TEXT["bad"]
        if role == Qt.ItemDataRole.ForegroundRole and column is BackupColumn.CHECK:
            if info.intact is False:
                return theme.TEXT["bad"]
            if info.intact:
                return theme.TEXT["ok"]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        return None

    def backup_at(self, row: int) -> BackupInfo:
        return self._rows[row]


class RestoreDialog(QDialog):
    """Pick a backup to restore; only intact ones can be chosen.

    With ``erasure`` the list also shows which backups still hold erased people (the
    erasure register, :meth:`ErasureService.backups`); *Clean…* applies the register to the
    chosen one and *Delete…* deletes it, each after a confirmation that names the decision as
    the DSB's (the service refuses other accounts)."""

    def __init__(
        self,
        backups: list[BackupInfo],
        folder: Path,
        parent: QWidget | None = None,
        erasure: ErasureService | None = None,
    ) -> None:
        super().__init__(parent)
        self._erasure = erasure
        self.setWindowTitle(self.tr("Restore from backup – TikDesk"))
        self.chosen: BackupInfo | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the state to go back to. The present state is backed up "
                "first, so a restore can itself be undone.\nBackup folder: %1"
            ).replace("%1", str(folder))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = BackupTableModel(backups, self)
        self.table = QTableView()
        self.table.setObjectName("backupTable")
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in BackupColumn:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self._on_restore())
        layout.addWidget(self.table)
        self.empty_label = QLabel(self.tr("There are no backups of this database yet."))
        self.empty_label.setVisible(not backups)
        layout.addWidget(self.empty_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(
            self.tr("&Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._on_restore)
        self.clean_button = buttons.addButton(
            self.tr("&Clean…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.clean_button.setToolTip(
            self.tr("Erase the erased people in this backup too (the DSB decides)")
        )
        self.clean_button.clicked.connect(self._on_clean)
        self.delete_button = buttons.addButton(
            self.tr("&Delete…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.delete_button.setToolTip(
            self.tr("Delete this backup, which still holds erased people (the DSB decides)")
        )
        self.delete_button.clicked.connect(self._on_delete)
        self.erasure_note = QLabel()
        self.erasure_note.setObjectName("erasureNote")
        self.erasure_note.setWordWrap(True)
        self.erasure_note.setVisible(False)
        layout.addWidget(self.erasure_note)
        if erasure is None:
            self.table.setColumnHidden(BackupColumn.ERASED, True)
            self.clean_button.setVisible(False)
            self.delete_button.setVisible(False)
        else:
            self._load_erased()
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_button())
        first_intact = next((i for i, b in enumerate(backups) if b.intact), None)
        if first_intact is not None:
            self.table.selectRow(first_intact)
        resize_to_fit(self, 780, 420)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def _update_button(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.intact is not False)
        dirty = info is not None and bool(self.model.erased_in(info))
        self.clean_button.setEnabled(dirty and info is not None and info.intact is not False)
        self.delete_button.setEnabled(dirty)

    def _load_erased(self) -> None:
        assert self._erasure is not None
        try:
            states = self._erasure.backups()
        except TikDeskError as exc:
            self.erasure_note.setText(str(exc))
            self.erasure_note.setVisible(True)
            return
        erased = {state.info.path.name: state.erased_people for state in states}
        self.model.set_erased(erased)
        dirty = sum(1 for ids in erased.values() if ids)
        self.erasure_note.setText(
            self.tr(
                "%1 backups still hold people who were erased since (Art. 17 GDPR). Restoring "
                "one erases them again at once; Clean… or Delete… removes them from the backup "
                "itself – the data-protection officer's decision."
            ).replace("%1", str(dirty))
        )
        self.erasure_note.setVisible(bool(dirty))
        self._update_button()

    def _on_clean(self) -> None:
        if self._dsb_decision(
            self.tr("Clean backup?"),
            self.tr(
                "This is the data-protection officer's (DSB's) decision, recorded under your "
                "account.\n\nThe backup of %1 still holds %2 erased people. Erase them in the "
                "backup too, as in the database (the erasure register is applied to it)? The "
                "backup keeps its date; everything else in it stays."
            ),
            self.tr("Clean backup"),
            lambda erasure, path: erasure.clean_backup(path),
        ):
            self._load_erased()

    def _on_delete(self) -> None:
        if not self._dsb_decision(
            self.tr("Delete backup?"),
            self.tr(
                "This is the data-protection officer's (DSB's) decision, recorded under your "
                "account.\n\nThe backup of %1 still holds %2 erased people. Delete the whole "
                "backup for good? It can then no longer be restored."
            ),
            self.tr("Delete backup"),
            lambda erasure, path: erasure.delete_backup(path),
        ):
            return
        row = self.table.selectionModel().selectedRows()[0].row()
        self.model.beginRemoveRows(QModelIndex(), row, row)
        del self.model._rows[row]
        self.model.endRemoveRows()
        self._load_erased()

    def _dsb_decision(
        self,
        title: str,
        question: str,
        failed_title: str,
        act: Callable[[ErasureService, Path], object],
    ) -> bool:
        """Ask (``question``: %1 the backup's date, %2 its erased people) and run ``act`` on
        the selected backup that still holds erased people; True once it is done."""
        info = self.selected()
        if self._erasure is None or info is None or not self.model.erased_in(info):
            return False
        confirmed = messages.ask_yes_no(
            self,
            title,
            question.replace("%1", info.created_text()).replace(
                "%2", str(len(self.model.erased_in(info)))
            ),
        )
        if not confirmed:
            return False
        try:
            act(self._erasure, info.path)
        except TikDeskError as exc:
            messages.show_warning(self, failed_title, str(exc))
            return False
        return True

    def _on_restore(self) -> None:
        info = self.selected()
        if info is None or info.intact is False:
            return
        confirmed = messages.ask_yes_no(
            self,
            self.tr("Restore backup?"),
            self.tr(
                "Go back to the state of %1?\n\nEverything changed after that time will "
                "be replaced. The present state is backed up first."
            ).replace("%1", info.created_text()),
        )
        if confirmed:
            self.chosen = info
            self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        backups: list[BackupInfo],
        folder: Path,
        erasure: ErasureService | None = None,
    ) -> BackupInfo | None:
        dialog = cls(backups, folder, parent, erasure)
        dialog.exec()
        return dialog.chosen


class CheckResultDialog(QDialog):
    """The full check's readable result."""

    def __init__(self, report: CheckReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Database check – TikDesk"))
        layout = QVBoxLayout(self)
        headline = QLabel()
        headline.setObjectName("checkHeadline")
        font = QFont(headline.font())
        font.setBold(True)
        headline.setFont(font)
        headline.setWordWrap(True)
        if report.ok and not report.findings:
            headline.setText(self.tr("✔ The database is sound."))
        elif report.ok:
            headline.setText(self.tr("✔ The database is sound. A few things are worth a look."))
        else:
            headline.setText(
                self.tr(
                    "✖ The database has problems. Restore a backup "
                    "(File → Backups → Restore…) or ask your IT support."
                )
            )
        layout.addWidget(headline)
        self.details = QPlainTextEdit(report.as_text())
        self.details.setTabChangesFocus(True)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Check details"))
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        resize_to_fit(self, 640, 420)

    @classmethod
    def ask(cls, parent: QWidget | None, report: CheckReport) -> None:
        cls(report, parent).exec()
