"""The Auswertung tab's toolbar: which account and period (the filters), and its commands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from tikdesk.ui.analytics import fmt
from tikdesk.ui.analytics.data import Bounds
from tikdesk.ui.analytics.dialogs import to_date, to_qdate

translate = QCoreApplication.translate

ALL, CUSTOM = 0, -1
PERIODS = (7, 28, 90, 365, ALL, CUSTOM)


class AnalyticsToolbar(QWidget):
    """Account and period pickers (with the custom dates), the table switch and the import
    commands.  ``selection_changed`` says the account or period changed (not while the
    pickers are being filled)."""

    selection_changed = Signal()

    def __init__(
        self, bounds_of: Callable[[str | None], Bounds], today: Callable[[], dt.date]
    ) -> None:
        super().__init__()
        self.setObjectName("analyticsToolbar")
        self._bounds_of = bounds_of
        self._today = today
        self._loading = False
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in self._build_filters():
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in self._build_commands():
            bar.addWidget(widget)
        self.account_box.currentIndexChanged.connect(self._changed)
        self.period_box.currentIndexChanged.connect(self._on_period_changed)

    def _build_filters(self) -> list[QWidget]:
        self.account_box = QComboBox()
        self.account_box.setObjectName("accountBox")
        self.account_box.setMinimumWidth(180)
        self.account_box.setAccessibleName(translate("Analytics", "Account"))
        self.account_box.setPlaceholderText(translate("Analytics", "no account yet"))
        self.period_box = QComboBox()
        self.period_box.setObjectName("periodBox")
        self.period_box.setAccessibleName(translate("Analytics", "Period"))
        names = (
            translate("Analytics", "Last 7 days"),
            translate("Analytics", "Last 28 days"),
            translate("Analytics", "Last 90 days"),
            translate("Analytics", "Last 365 days"),
            translate("Analytics", "Everything"),
            translate("Analytics", "Custom…"),
        )
        for days, text in zip(PERIODS, names, strict=True):
            self.period_box.addItem(text, days)
        self.period_box.setCurrentIndex(1)
        self.from_edit, self.to_edit = QDateEdit(), QDateEdit()
        for edit, name in (
            (self.from_edit, translate("Analytics", "From")),
            (self.to_edit, translate("Analytics", "To")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy" if fmt.german() else "yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setVisible(False)
            edit.dateChanged.connect(self._on_custom_dates)
        account_label = QLabel(translate("Analytics", "Acco&unt:"))
        account_label.setBuddy(self.account_box)
        period_label = QLabel(translate("Analytics", "Pe&riod:"))
        period_label.setBuddy(self.period_box)
        return [
            account_label,
            self.account_box,
            period_label,
            self.period_box,
            self.from_edit,
            self.to_edit,
        ]

    def _build_commands(self) -> list[QWidget]:
        self.table_check = QCheckBox(translate("Analytics", "Numbers as &tables"))
        self.table_check.setToolTip(
            translate(
                "Analytics", "Show every chart as a table (for screen readers and exact values)"
            )
        )
        self.import_button = QPushButton(translate("Analytics", "I&mport…"))
        self.import_button.setToolTip(
            translate(
                "Analytics", "Import the ZIP files TikTok offers under Analytics → Download data"
            )
        )
        self.link_button = QPushButton(translate("Analytics", "&Link videos…"))
        self.manual_button = QPushButton(translate("Analytics", "Enter num&bers…"))
        self.manual_button.setToolTip(translate("Analytics", "Type in a post's numbers by hand"))
        return [self.table_check, self.import_button, self.link_button, self.manual_button]

    # ---------------------------------------------------------------- account
    def account(self) -> str | None:
        return self.account_box.currentText() or None

    def set_account(self, account: str) -> None:
        self.account_box.setCurrentIndex(max(0, self.account_box.findText(account)))

    def set_accounts(self, accounts: list[str], preferred: str) -> None:
        """Offer ``accounts``, keeping the current one (else ``preferred``) selected.
        Enabled even with one account (a disabled box looked broken, issue 20)."""
        current = self.account_box.currentText() or preferred
        self._loading = True
        self.account_box.clear()
        self.account_box.addItems(accounts)
        index = self.account_box.findText(current)
        self.account_box.setCurrentIndex(index if index >= 0 else 0)
        self._loading = False
        self.account_box.setEnabled(bool(accounts))

    def set_unlinked(self, count: int) -> None:
        """The "Link videos" command, with the number of videos not linked to a post."""
        self.link_button.setText(
            translate("Analytics", "&Link videos (%1)…").replace("%1", str(count))
            if count
            else translate("Analytics", "&Link videos…")
        )
        self.link_button.setVisible(count > 0)

    # ---------------------------------------------------------------- period
    def period_days(self) -> int:
        return int(self.period_box.currentData())

    def set_period(self, days: int) -> None:
        self.period_box.setCurrentIndex(max(0, self.period_box.findData(days)))

    def period(self) -> Bounds:
        """(start, end) of the chosen period; the fixed periods end on the last day with
        data, so that an export from last month still shows its last 28 days."""
        days = self.period_days()
        if days == CUSTOM:
            return to_date(self.from_edit.date()), to_date(self.to_edit.date())
        first, last = self._bounds_of(self.account())
        if days == ALL or last is None:
            return first, last
        return last - dt.timedelta(days=days - 1), last

    def set_custom_period(self, start: dt.date, end: dt.date) -> None:
        self._loading = True
        self.set_period(CUSTOM)
        self._set_dates(start, end)
        self._loading = False
        self.selection_changed.emit()

    def _set_dates(self, start: dt.date, end: dt.date) -> None:
        loading, self._loading = self._loading, True
        self.from_edit.setDate(to_qdate(start))
        self.to_edit.setDate(to_qdate(end))
        self._loading = loading

    def _default_custom(self) -> tuple[dt.date, dt.date]:
        first, last = self._bounds_of(self.account())
        end = last or self._today()
        return max(first or end, end - dt.timedelta(days=27)), end

    # ---------------------------------------------------------------- slots
    def _changed(self, _index: int = 0) -> None:
        if not self._loading:
            self.selection_changed.emit()

    def _on_period_changed(self, _index: int) -> None:
        custom = self.period_days() == CUSTOM
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        if custom and not self._loading:
            self._set_dates(*self._default_custom())
        self._changed()

    def _on_custom_dates(self, _date: QDate) -> None:
        if self.period_days() == CUSTOM:
            self._changed()
