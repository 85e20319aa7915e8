"""Recruiting figures in the Auswertung tab: a small table the team types into.

Per month and account: applications that name TikTok as their source, clicks on the careers
link in the bio, and a note.  A row is written through :class:`RecruitingService` as soon as
a cell is left (one cell = one user action); a new month is added with the row above the
table.  The same figures come in by ``tikdesk import-recruiting``; the report shows them
beside reach, with the previous period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.errors import TikDeskError
from tikdesk.services.recruiting import Figure, RecruitingService
from tikdesk.ui import theme
from tikdesk.ui.analytics import fmt
from tikdesk.ui.analytics.dialogs import int_or_none

translate = QCoreApplication.translate

MONTH, ACCOUNT, APPLICATIONS, CLICKS, NOTE = range(5)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # (month, account) of the row


def month_text(month: dt.date) -> str:
    return f"{month.month:02d}.{month.year}" if fmt.german() else f"{month.year}-{month.month:02d}"


def _count_text(value: int | None) -> str:
    return "" if value is None else fmt.fmt_int(value)


class RecruitingBox(QGroupBox):
    """The table of recruiting figures with an "add a month" row above it."""

    figures_changed = Signal()

    def __init__(
        self,
        service: RecruitingService,
        read_only: Callable[[], bool],
        warn: Callable[[str, str], None],
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(translate("Analytics", "Recruiting (typed in by the team)"), parent)
        self.setObjectName("recruitingBox")
        self.service = service
        self._read_only = read_only
        self._warn = warn
        self._today = today
        self._filling = False
        self.figures: list[Figure] = []
        layout = QVBoxLayout(self)
        hint = QLabel(
            translate(
                "Analytics",
                "Per month and account: applications that name TikTok as their source and "
                "clicks on the careers link in the bio (from your applicant system and the "
                "link shortener). The management report shows them beside reach.",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(theme.css("muted"))
        layout.addWidget(hint)
        layout.addLayout(self._build_add_row())
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("recruitingTable")
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(translate("Analytics", "Recruiting figures"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("Analytics", "Month"),
                translate("Analytics", "Account"),
                translate("Analytics", "Applications naming TikTok"),
                translate("Analytics", "Career link clicks"),
                translate("Analytics", "Note"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setMinimumHeight(150)
        self.table.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.table)
        self.empty_hint = QLabel(
            translate("Analytics", "No recruiting figures yet: record the first month above.")
        )
        self.empty_hint.setStyleSheet(theme.css("muted"))
        layout.addWidget(self.empty_hint)

    # ---------------------------------------------------------------- data

    def _build_add_row(self) -> QHBoxLayout:
        """Month, account, the two figures and a note, and "Record"."""
        add = QHBoxLayout()
        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat("MM.yyyy" if fmt.german() else "yyyy-MM")
        self.month_edit.setAccessibleName(translate("Analytics", "Month"))
        today = self._today()
        self.month_edit.setDate(QDate(today.year, today.month, 1))
        self.account_edit = QComboBox()
        self.account_edit.setEditable(True)
        self.account_edit.setMinimumWidth(150)
        self.account_edit.setAccessibleName(translate("Analytics", "Account"))
        self.applications_edit = QLineEdit()
        self.applications_edit.setAccessibleName(translate("Analytics", "Applications"))
        self.applications_edit.setPlaceholderText(translate("Analytics", "Applications"))
        self.clicks_edit = QLineEdit()
        self.clicks_edit.setAccessibleName(translate("Analytics", "Career link clicks"))
        self.clicks_edit.setPlaceholderText(translate("Analytics", "Career link clicks"))
        self.note_edit = QLineEdit()
        self.note_edit.setAccessibleName(translate("Analytics", "Note"))
        self.note_edit.setPlaceholderText(translate("Analytics", "Note (optional)"))
        self.add_button = QPushButton(translate("Analytics", "Rec&ord"))
        self.add_button.clicked.connect(self._on_add)
        for widget, stretch in (
            (self.month_edit, 0),
            (self.account_edit, 0),
            (self.applications_edit, 0),
            (self.clicks_edit, 0),
            (self.note_edit, 1),
            (self.add_button, 0),
        ):
            add.addWidget(widget, stretch)
        return add

    def set_accounts(self, accounts: list[str]) -> None:
        current = self.account_edit.currentText()
        self.account_edit.clear()
        self.account_edit.addItems(accounts)
        if current:
            self.account_edit.setCurrentText(current)

    def reload(self) -> None:
        self.figures = self.service.figures()
        self._filling = True
        self.table.setRowCount(len(self.figures))
        for r, f in enumerate(reversed(self.figures)):  # newest month first
            cells = [
                month_text(f.month),
                f.account,
                _count_text(f.applications),
                _count_text(f.career_link_clicks),
                f.note,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (MONTH, ACCOUNT) or self._read_only():
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if c in (APPLICATIONS, CLICKS):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setData(KEY_ROLE, (f.month, f.account))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self._filling = False
        self.empty_hint.setVisible(not self.figures)
        writable = not self._read_only()
        for widget in (self.add_button, self.applications_edit, self.clicks_edit, self.note_edit):
            widget.setEnabled(writable)

    def _figure(self, month: dt.date, account: str) -> Figure | None:
        for f in self.figures:
            if f.month == month and f.account == account:
                return f
        return None

    # ---------------------------------------------------------------- edits
    def _on_add(self) -> None:
        date = self.month_edit.date()
        month = dt.date(date.year(), date.month(), 1)
        account = self.account_edit.currentText().strip()
        if not account:
            self._warn(
                translate("Analytics", "Recruiting"),
                translate("Analytics", "Please name the account (the TikTok handle)."),
            )
            self.account_edit.setFocus()
            return
        try:
            applications = int_or_none(self.applications_edit.text())
            clicks = int_or_none(self.clicks_edit.text())
            self.service.save(month, account, applications, clicks, self.note_edit.text())
        except (ValueError, TikDeskError) as exc:
            self._warn(translate("Analytics", "Recruiting"), _reason(exc))
            return
        for edit in (self.applications_edit, self.clicks_edit, self.note_edit):
            edit.clear()
        self.reload()
        self.figures_changed.emit()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in (APPLICATIONS, CLICKS, NOTE):
            return
        month, account = item.data(KEY_ROLE)
        old = self._figure(month, account)
        if old is None:
            return
        row = item.row()

        def text(column: int) -> str:
            cell = self.table.item(row, column)
            return cell.text() if cell is not None else ""

        try:
            self.service.save(
                month,
                account,
                int_or_none(text(APPLICATIONS)),
                int_or_none(text(CLICKS)),
                text(NOTE),
            )
        except (ValueError, TikDeskError) as exc:
            self._warn(translate("Analytics", "Recruiting"), _reason(exc))
        self.reload()  # shows what was stored (or the old value again)
        self.figures_changed.emit()


def _reason(exc: Exception) -> str:
    if isinstance(exc, TikDeskError):
        return str(exc)
    return translate("Analytics", "Please type a whole number (or leave the field empty).")
