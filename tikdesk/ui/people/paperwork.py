"""Consent paperwork in the people tab (issue 18): print a numbered consent form, take a
signed form back by its number, and keep the signed scans of a consent record.

The panel sits under the consent records.  Scans are added by drag and drop or a file
dialog and open with the system viewer, after the service has checked the stored file
against its hash (:meth:`tikdesk.services.evidence.EvidenceService.path`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.errors import TikDeskError
from tikdesk.services.context import AppContext
from tikdesk.services.evidence import EvidenceService, EvidenceView
from tikdesk.services.forms import ConsentFormService
from tikdesk.ui.widgets.fmt import fmt_datetime

if TYPE_CHECKING:
    from tikdesk.ui.people.tab import PeopleTab

EVIDENCE_ROLE = 0x0100 + 7  # Qt.UserRole + 7


def ask_form_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("PaperworkPanel", "Save consent form"),
        suggested,
        QCoreApplication.translate("PaperworkPanel", "PDF (*.pdf)"),
    )
    return Path(name) if name else None


def print_form(parent: QWidget, ctx: AppContext, person_id: int, person_name: str,
               post_id: int | None = None) -> Path | None:  # fmt: skip
    """Ask where, issue a numbered form and write it as PDF; warnings in one sentence."""
    from tikdesk.ui import messages

    suggested = QCoreApplication.translate("PaperworkPanel", "Consent form %1.pdf").replace(
        "%1", person_name
    )
    out = PaperworkPanel.ask_pdf_path(parent, suggested)
    if out is None:
        return None
    try:
        form = ConsentFormService(ctx).print_to(out, person_id, post_id)
    except TikDeskError as exc:
        messages.show_warning(
            parent, QCoreApplication.translate("PaperworkPanel", "Consent form"), str(exc)
        )
        return None
    messages.show_info(
        parent,
        QCoreApplication.translate("PaperworkPanel", "Consent form"),
        QCoreApplication.translate(
            "PaperworkPanel",
            "Form %1 written to %2. When it comes back signed, type or scan its number under "
            "“Signed form returned…”.",
        )
        .replace("%1", form.form_number)
        .replace("%2", str(out)),
    )
    return out


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1048576:.1f} MB"


class PaperworkPanel(QGroupBox):
    """Forms and signed scans of the person shown in the people tab."""

    evidence_changed = Signal()

    # dialogs tests replace
    ask_pdf_path = staticmethod(ask_form_pdf_path)

    @staticmethod
    def ask_scans(parent: QWidget) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            parent,
            QCoreApplication.translate("PaperworkPanel", "Add signed scan"),
            "",
            QCoreApplication.translate("PaperworkPanel", "Scans (*.pdf *.jpg *.jpeg *.png)"),
        )
        return [Path(n) for n in names]

    @staticmethod
    def ask_number(parent: QWidget) -> str | None:
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("PaperworkPanel", "Signed form returned"),
            QCoreApplication.translate(
                "PaperworkPanel", "Form number (type it, or scan the QR code into this field):"
            ),
        )
        return text if ok and text.strip() else None

    @staticmethod
    def open_file(path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def __init__(self, tab: PeopleTab) -> None:
        super().__init__()
        self.setTitle(self.tr("Forms and signed scans"))
        self.tab = tab
        self.ctx = tab.ctx
        self.evidence = EvidenceService(tab.ctx)
        self.forms = ConsentFormService(tab.ctx)
        self.person_id: int | None = None
        self.consent_id: int | None = None
        self.read_only = False
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Prin&t consent form…"))
        self.print_button.setToolTip(
            self.tr(
                "A numbered form (PDF, A4) prefilled with the person, scope and period, "
                "with the Art. 13 information and a QR code."
            )
        )
        self.print_button.clicked.connect(self._on_print)
        self.returned_button = QPushButton(self.tr("Si&gned form returned…"))
        self.returned_button.setToolTip(
            self.tr("Type or scan the form number: the prefilled consent records open to confirm.")
        )
        self.returned_button.clicked.connect(self._on_returned)
        row.addWidget(self.print_button)
        row.addWidget(self.returned_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Signed scans of the selected consent record"))
        self.files.setMinimumHeight(60)
        self.files.setMaximumHeight(110)
        self.files.itemDoubleClicked.connect(lambda *_: self._on_open())
        layout.addWidget(self.files)
        self.hint = QLabel(
            self.tr(
                "Drop a signed scan (PDF, JPG, PNG, at most 20 MB) here to attach it to the "
                "selected consent record."
            )
        )
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add signed &scan…"))
        self.add_button.clicked.connect(self._on_add)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(self._on_open)
        row.addWidget(self.add_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._update_buttons()

    # ---------------------------------------------------------------- state
    def show_person(self, person_id: int | None, consent_id: int | None, read_only: bool) -> None:
        self.person_id, self.read_only = person_id, read_only
        self.show_consent(consent_id)

    def show_consent(self, consent_id: int | None) -> None:
        self.consent_id = consent_id
        self.files.clear()
        if consent_id is not None:
            for view in self.evidence.for_consent(consent_id):
                self.files.addItem(self._item(view))
            if self.files.count():
                self.files.setCurrentRow(0)
        self._update_buttons()

    def _item(self, view: EvidenceView) -> QListWidgetItem:
        text = (
            self.tr("%1 (%2, %3) – added %4 by %5")
            .replace("%1", view.original_name)
            .replace("%2", view.content_type.upper())
            .replace("%3", _size(view.size))
            .replace("%4", fmt_datetime(view.added_at))
            .replace("%5", view.added_by)
        )
        item = QListWidgetItem(text)
        item.setData(EVIDENCE_ROLE, view.id)
        item.setToolTip(f"SHA-256 {view.sha256}")
        return item

    def _update_buttons(self) -> None:
        person = self.person_id is not None
        self.print_button.setEnabled(person and not self.read_only)
        self.returned_button.setEnabled(not self.read_only)
        self.add_button.setEnabled(self.consent_id is not None and not self.read_only)
        self.open_button.setEnabled(self.files.currentItem() is not None)

    # ---------------------------------------------------------------- scans
    def add_files(self, paths: Sequence[Path]) -> int:
        """Attach ``paths`` to the selected consent record; returns how many were added."""
        if self.consent_id is None or self.read_only:
            return 0
        added = 0
        for path in paths:
            try:
                self.evidence.add(self.consent_id, path)
            except TikDeskError as exc:
                self.tab._warn(self.tr("Signed scan"), str(exc))
                continue
            added += 1
        self.show_consent(self.consent_id)
        if added:
            self.evidence_changed.emit()
        return added

    def _on_add(self) -> None:
        paths = self.ask_scans(self)
        if paths:
            self.add_files(paths)

    def _on_open(self) -> None:
        item = self.files.currentItem()
        if item is None:
            return
        try:
            path = self.evidence.path(int(item.data(EVIDENCE_ROLE)))
        except TikDeskError as exc:
            self.tab._warn(self.tr("Signed scan"), str(exc))
            return
        if not self.open_file(path):
            self.tab._warn(
                self.tr("Signed scan"),
                self.tr("No program is set up to open %1.").replace("%1", str(path)),
            )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.consent_id is not None and not self.read_only:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    # ---------------------------------------------------------------- forms
    def _on_print(self) -> None:
        detail = self.tab.detail
        if detail is not None:
            print_form(self, self.ctx, detail.id, detail.display_name)

    def _on_returned(self) -> None:
        typed = self.ask_number(self)
        if typed is not None:
            self.confirm_returned(typed)

    def confirm_returned(self, typed: str) -> int:
        """Open the prefilled consent records of a returned form one after the other;
        returns how many were saved."""
        from tikdesk.ui.people.dialogs import ConsentDialog

        try:
            back = self.forms.returned(typed)
        except TikDeskError as exc:
            self.tab._warn(self.tr("Signed form returned"), str(exc))
            return 0
        self.tab.select_person(back.person_id)
        if not back.pending:
            self.tab._info(
                self.tr("Signed form returned"),
                self.tr("Every signature of form %1 is already recorded.").replace(
                    "%1", back.form_number
                ),
            )
            return 0
        saved = 0
        registry = self.tab._registry(back.person_id)
        minor = any(t.data.role == "custodian" for t in back.pending)
        people = self.tab.service
        for entry in back.pending:
            initial = entry.data._replace(collected_by=self.ctx.user)

            def save(data: object, number: str = back.form_number) -> int:
                chosen = self.tab._with_custodian(data)  # type: ignore[arg-type]
                return people.add_consent(back.person_id, chosen._replace(form_number=number))

            title = (
                self.tr("Form %1: confirm the consent of %2")
                .replace("%1", back.form_number)
                .replace("%2", entry.label)
            )
            if ConsentDialog.ask(self, initial, minor, title, save, people=registry):
                saved += 1
        if saved:
            self.tab._changed()
        return saved
