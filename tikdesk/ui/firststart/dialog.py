"""Einrichtung: display name, organisation and logo, TikTok handles, checklist profile and
Bundesland – everything optional, all of it changeable later (Bearbeiten → Einrichtung…).

Shown once by :func:`tikdesk.app.run_gui` on a fresh database (never by the main window's
constructor, so tests and the smoke test that build a window are not blocked by it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.calendar import BUNDESLAENDER
from tikdesk.domain.errors import TikDeskError
from tikdesk.domain.i18n import language
from tikdesk.options import USER_LABEL
from tikdesk.services.context import AppContext
from tikdesk.services.first_start import FirstStartService, Setup, parse_handles
from tikdesk.ui import messages, theme
from tikdesk.ui.widgets.organisation import OrganisationRows


class FirstStartDialog(QDialog):
    def __init__(self, ctx: AppContext, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstStartDialog")
        self.setWindowTitle(self.tr("Set up TikDesk"))
        self.ctx, self.settings = ctx, settings
        self.service = FirstStartService(ctx)
        current = self.service.current()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<h3>Welcome to TikDesk</h3><p>A few details for the reports and the "
                "checklists. Everything is optional – skip what you do not know yet and "
                "change it later under <i>Edit → Set up TikDesk…</i>.</p>"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self._add_user_rows(form)
        labels = (self.tr("&Organisation:"), self.tr("&Logo for reports:"), self.tr("B&rowse…"))
        rows = OrganisationRows(self, form, labels, current.organisation, current.logo_path)
        self.organisation, self.logo = rows.name, rows.logo
        self.organisation.setPlaceholderText(self.tr("e.g. Stadt Musterhausen"))
        self._add_account_rows(form, current)
        layout.addWidget(self._build_buttons())
        self.resize(560, self.sizeHint().height())

    def _add_user_rows(self, form: QFormLayout) -> None:
        """Who works here: a display name beside the OS account, which signs approvals."""
        ctx, settings = self.ctx, self.settings
        self.display_name = QLineEdit(USER_LABEL.get(settings))
        self.display_name.setAccessibleName(self.tr("Your display name"))
        self.display_name.setPlaceholderText(ctx.user)
        form.addRow(self.tr("Your &display name:"), self.display_name)
        account = QLabel(
            self.tr("Approvals are always recorded under your Windows account %1.").replace(
                "%1", ctx.user
            )
        )
        account.setWordWrap(True)
        account.setStyleSheet(theme.css("muted"))
        form.addRow("", account)

    def _add_account_rows(self, form: QFormLayout, current: Setup) -> None:
        """The TikTok accounts, their checklist and the Bundesland of their holidays."""
        self.handles = QLineEdit(", ".join(current.handles))
        self.handles.setAccessibleName(self.tr("TikTok handles"))
        self.handles.setPlaceholderText(self.tr("@stadt_musterhausen, @karriere_musterhausen"))
        form.addRow(self.tr("&TikTok handles:"), self.handles)

        self.profile = QComboBox()
        self.profile.setAccessibleName(self.tr("Checklist profile"))
        for key, text in (
            ("general", self.tr("General (city, district, authority)")),
            ("police", self.tr("Police")),
            ("theatre", self.tr("Theatre, stage, orchestra")),
        ):
            self.profile.addItem(text, key)
        self.profile.setCurrentIndex(max(0, self.profile.findData(current.profile)))
        form.addRow(self.tr("&Checklist:"), self.profile)

        self.bundesland = QComboBox()
        self.bundesland.setAccessibleName(self.tr("Bundesland"))
        self.bundesland.addItem(self.tr("(not chosen)"), "")
        german = language() == "de"
        for code, (de, en) in BUNDESLAENDER.items():
            self.bundesland.addItem(de if german else en, code)
        self.bundesland.setCurrentIndex(max(0, self.bundesland.findData(current.bundesland)))
        form.addRow(self.tr("&Bundesland (holidays):"), self.bundesland)

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.skip_button = buttons.addButton(
            self.tr("S&kip"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def accept(self) -> None:
        try:
            setup = Setup(
                organisation=self.organisation.text(),
                logo_path=self.logo.text(),
                handles=parse_handles(self.handles.text()),
                profile=str(self.profile.currentData()),
                bundesland=str(self.bundesland.currentData()),
            )
            self.service.save(setup)
        except TikDeskError as exc:
            messages.show_warning(self, self.tr("Set up TikDesk"), str(exc))
            self.handles.setFocus()
            return
        USER_LABEL.set(self.settings, self.display_name.text().strip())
        self.ctx.label = self.display_name.text().strip()
        super().accept()

    def reject(self) -> None:
        self.service.skip()
        super().reject()

    @classmethod
    def ask(cls, ctx: AppContext, settings: QSettings, parent: QWidget | None = None) -> bool:
        """Modal; True when saved (tests replace this)."""
        return cls(ctx, settings, parent).exec() == QDialog.DialogCode.Accepted


def offer(window: Any) -> bool:
    """Show the assistant when the window's database is fresh and was never set up."""
    if not FirstStartService(window.ctx).should_offer():
        return False
    saved = FirstStartDialog.ask(window.ctx, window.settings, window)
    if saved:
        window.data_changed.emit()
    return saved


def install_action(window: Any) -> QAction:
    """Bearbeiten → Einrichtung…: the same questions again, any time."""
    action = QAction(QCoreApplication.translate("FirstStartDialog", "Set up &TikDesk…"), window)
    action.setObjectName("firstStartAction")

    def run(_checked: bool = False) -> None:
        if FirstStartDialog.ask(window.ctx, window.settings, window):
            window.data_changed.emit()

    action.triggered.connect(run)
    action.setEnabled(not window.ctx.read_only)
    window.menu_edit.addAction(action)
    return action
