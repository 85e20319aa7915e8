"""``Datei → Management-Bericht…``: choose period, account, files; then build in the background.

:meth:`ReportDialog.ask` and :func:`ask_open` are the two modal steps; tests replace them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSettings, QStandardPaths, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.domain.report import Period, PeriodKind, last_complete, period_of
from tikdesk.options import REPORT_FOLDER, REPORT_PDF
from tikdesk.ui import theme
from tikdesk.ui.widgets.controls import ok_cancel

KINDS = (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR, PeriodKind.CUSTOM)


@dataclass(frozen=True)
class ReportRequest:
    period: Period
    account: str | None
    out: Path
    pdf: Path | None
    with_names: bool


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def default_folder(settings: QSettings) -> Path:
    saved = REPORT_FOLDER.get(settings)
    if saved and Path(saved).is_dir():
        return Path(saved)
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs else Path.home()


def default_name(period: Period, account: str | None) -> str:
    kind = period.kind
    if kind is PeriodKind.MONTH:
        stem = f"{period.start:%Y-%m}"
    elif kind is PeriodKind.QUARTER:
        stem = f"{period.start.year}-Q{(period.start.month - 1) // 3 + 1}"
    elif kind is PeriodKind.YEAR:
        stem = f"{period.start.year}"
    else:
        stem = f"{period.start:%Y-%m-%d}_{period.end:%Y-%m-%d}"
    suffix = f"_{account}" if account else ""
    return QCoreApplication.translate("ReportDialog", "TikTok-Report") + f"_{stem}{suffix}.xlsx"


class ReportDialog(QDialog):
    def __init__(
        self,
        accounts: list[str],
        settings: QSettings,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Management report"))
        self.setObjectName("ReportDialog")
        self._settings = settings
        self._today = today or SYSTEM_CLOCK.today()  # the caller passes its context's day
        self._name_edited = False

        self._build_period()
        self._build_account(accounts)
        browse = self._build_output(settings)
        privacy = self._build_names()
        self._lay_out(browse, privacy)
        self._connect_changes()
        self._set_period(last_complete(PeriodKind.MONTH, self._today))

    def _build_period(self) -> None:
        """Kind of period, the ◀ ▶ steps and the first and last day."""
        self.kind = QComboBox()
        for kind, text in zip(
            KINDS,
            (self.tr("Month"), self.tr("Quarter"), self.tr("Year"), self.tr("Custom")),
            strict=True,
        ):
            self.kind.addItem(text, kind.value)
        self.kind.setAccessibleName(self.tr("Kind of period"))
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Previous period"))
        self.prev_button.setAccessibleName(self.tr("Previous period"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next period"))
        self.next_button.setAccessibleName(self.tr("Next period"))
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit, name in (
            (self.date_from, self.tr("First day")),
            (self.date_to, self.tr("Last day")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setAccessibleName(name)
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")

    def _build_account(self, accounts: list[str]) -> None:
        """All accounts (when there are several) or one."""
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("Account"))
        if len(accounts) != 1:
            self.account.addItem(self.tr("All accounts (one section each)"), "")
        for handle in accounts:
            self.account.addItem(f"@{handle}", handle)

    def _build_output(self, settings: QSettings) -> QPushButton:
        """The workbook's file name and the PDF option; returns the browse button."""
        self.out = QLineEdit()
        self.out.setAccessibleName(self.tr("Workbook file"))
        self.out.textEdited.connect(self._on_name_edited)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._on_browse)
        self.pdf = QCheckBox(self.tr("Also save as PDF (same name)"))
        self.pdf.setChecked(REPORT_PDF.get(settings))
        return browse

    def _build_names(self) -> QLabel:
        """The names option with its warning; returns the privacy note."""
        self.names = QCheckBox(self.tr("Include the names of the people shown"))
        self.names_warning = QLabel(
            self.tr(
                "The file will then contain personal data: the names of the adults shown in "
                "each post (never the names of minors). Pass it on only to those who need it."
            )
        )
        self.names_warning.setWordWrap(True)
        self.names_warning.setObjectName("namesWarning")
        self.names_warning.setStyleSheet(
            f"QLabel#namesWarning {{ background: {theme.BANNER_BACKGROUND};"
            f" color: {theme.BANNER_TEXT}; padding: 6px;"
            f" border: 1px solid {theme.BANNER_BORDER}; }}"
        )
        self.names_warning.setVisible(False)
        self.names.toggled.connect(self.names_warning.setVisible)
        privacy = QLabel(self.tr("By default the report contains no names of people."))
        privacy.setWordWrap(True)
        return privacy

    def _lay_out(self, browse: QPushButton, privacy: QLabel) -> None:
        """The form, the privacy note and the names option above the buttons."""
        period_row = QHBoxLayout()
        period_row.addWidget(self.kind)
        period_row.addWidget(self.prev_button)
        period_row.addWidget(self.next_button)
        period_row.addStretch(1)
        dates_row = QHBoxLayout()
        dates_row.addWidget(self.date_from)
        dates_row.addWidget(QLabel("–"))
        dates_row.addWidget(self.date_to)
        dates_row.addStretch(1)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Period:"), period_row)
        form.addRow(self.tr("From – to:"), dates_row)
        form.addRow("", self.period_label)
        form.addRow(self.tr("Account:"), self.account)
        form.addRow(self.tr("Save as:"), out_row)
        form.addRow("", self.pdf)
        self.buttons = ok_cancel(self, self.tr("Create report"), self._on_accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(privacy)
        layout.addWidget(self.names)
        layout.addWidget(self.names_warning)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def _connect_changes(self) -> None:
        """A new kind, step, day or account updates the period and the file name."""
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.date_from.dateChanged.connect(self._on_dates_changed)
        self.date_to.dateChanged.connect(self._on_dates_changed)
        self.account.currentIndexChanged.connect(self._update_name)

    # ---------------------------------------------------------------- period
    def current_kind(self) -> PeriodKind:
        return PeriodKind(self.kind.currentData())

    def period(self) -> Period | None:
        start, end = _pydate(self.date_from.date()), _pydate(self.date_to.date())
        return Period(start, end) if end >= start else None

    def _set_period(self, period: Period) -> None:
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
        self.date_from.setDate(_qdate(period.start))
        self.date_to.setDate(_qdate(period.end))
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(False)
        self._on_dates_changed()

    @Slot()
    def _on_kind_changed(self) -> None:
        kind = self.current_kind()
        custom = kind is PeriodKind.CUSTOM
        self.prev_button.setEnabled(not custom)
        self.next_button.setEnabled(not custom)
        if not custom:
            self._set_period(last_complete(kind, self._today))

    def _step(self, direction: int) -> None:
        period = self.period()
        kind = self.current_kind()
        if period is None or kind is PeriodKind.CUSTOM:
            return
        if direction < 0:
            day = period.start - dt.timedelta(days=1)
        else:
            day = period.end + dt.timedelta(days=1)
        self._set_period(period_of(kind, day))

    @Slot()
    def _on_dates_changed(self) -> None:
        period = self.period()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if period is None:
            self.period_label.setText(self.tr("The last day lies before the first day."))
            ok.setEnabled(False)
            return
        ok.setEnabled(True)
        previous = period.previous()
        self.period_label.setText(
            self.tr("%1, compared with %2")
            .replace("%1", period.label)
            .replace("%2", previous.label)
        )
        self._update_name()

    # ---------------------------------------------------------------- files
    def _on_name_edited(self, _text: str) -> None:
        self._name_edited = True

    @Slot()
    def _update_name(self) -> None:
        period = self.period()
        if period is None or self._name_edited:
            return
        folder = Path(self.out.text()).parent if self.out.text() else None
        folder = folder or default_folder(self._settings)
        account = self.account.currentData() or None
        self.out.setText(str(folder / default_name(period, account)))

    @Slot()
    def _on_browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save report as"), self.out.text(), self.tr("Excel workbook (*.xlsx)")
        )
        if chosen:
            if not chosen.lower().endswith(".xlsx"):
                chosen += ".xlsx"
            self.out.setText(chosen)
            self._name_edited = True

    @Slot()
    def _on_accept(self) -> None:
        if self.period() is None or not self.out.text().strip():
            return
        self.accept()

    def request(self) -> ReportRequest:
        period = self.period()
        assert period is not None
        out = Path(self.out.text().strip()).expanduser()
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        return ReportRequest(
            period=period,
            account=self.account.currentData() or None,
            out=out,
            pdf=out.with_suffix(".pdf") if self.pdf.isChecked() else None,
            with_names=self.names.isChecked(),
        )

    def remember(self) -> None:
        request = self.request()
        REPORT_FOLDER.set(self._settings, str(request.out.parent))
        REPORT_PDF.set(self._settings, request.pdf is not None)

    @classmethod
    def ask(
        cls, parent: QWidget | None, accounts: list[str], settings: QSettings, today: dt.date
    ) -> ReportRequest | None:
        """Show the dialog; the request, or None when cancelled (tests replace this)."""
        dialog = cls(accounts, settings, today, parent=parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            dialog.remember()
            return dialog.request()
        finally:
            dialog.deleteLater()


def ask_open(parent: QWidget | None, workbook: Path, pdf: Path | None) -> str:
    """After writing: "file", "folder" or "" (close) — tests replace this."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("ReportDialog", "Management report"))
    text = QCoreApplication.translate("ReportDialog", "The report was saved:") + f"\n{workbook}"
    if pdf is not None:
        text += f"\n{pdf}"
    box.setText(text)
    open_file = box.addButton(
        QCoreApplication.translate("ReportDialog", "Open file"), QMessageBox.ButtonRole.AcceptRole
    )
    open_folder = box.addButton(
        QCoreApplication.translate("ReportDialog", "Open folder"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(
        QCoreApplication.translate("ReportDialog", "Close"), QMessageBox.ButtonRole.RejectRole
    )
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is open_file:
        return "file"
    if clicked is open_folder:
        return "folder"
    return ""


def open_result(choice: str, workbook: Path) -> None:
    if choice == "file":
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(workbook)))
    elif choice == "folder":
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(workbook.parent)))
