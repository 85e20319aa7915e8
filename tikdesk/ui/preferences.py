"""Preferences: language and user name (this PC), organisation name and logo (database)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from tikdesk.options import LANGUAGE, USER_LABEL
from tikdesk.ui.widgets.controls import ok_cancel

if TYPE_CHECKING:  # read at start-up before the first paint, so no service yet (issue 21)
    from tikdesk.services.context import AppContext


class PreferencesDialog(QDialog):
    def __init__(self, ctx: AppContext, settings: QSettings, parent: QWidget | None = None) -> None:
        from tikdesk.services.context import os_user
        from tikdesk.services.settings import SettingsService
        from tikdesk.ui.widgets.organisation import OrganisationRows

        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._ctx = ctx
        self._settings = settings
        self._org = SettingsService(ctx)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # fits 960 px at 14 pt

        self.language = QComboBox()
        self.language.addItem(self.tr("As the system (German if the system is German)"), "system")
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        current = LANGUAGE.get(settings)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.setAccessibleName(self.tr("Language"))
        form.addRow(self.tr("&Language:"), self.language)
        self.language_hint = QLabel(
            self.tr("A new language takes effect after TikDesk is restarted.")
        )
        self.language_hint.setWordWrap(True)
        form.addRow("", self.language_hint)

        self.user = QLineEdit(USER_LABEL.get(settings))
        self.user.setPlaceholderText(os_user())
        self.user.setAccessibleName(self.tr("Your name"))
        self.user.setToolTip(
            self.tr(
                "A display name shown beside your account. Who approves is always your "
                "Windows account (%1), never this name."
            ).replace("%1", ctx.user)
        )
        form.addRow(self.tr("Your &name:"), self.user)
        self.account = QLabel(ctx.user)
        self.account.setAccessibleName(self.tr("Account"))
        form.addRow(self.tr("Account:"), self.account)

        org = self._org.organisation()
        labels = (self.tr("&Organisation:"), self.tr("Logo for &reports:"), self.tr("&Browse…"))
        self.organisation = OrganisationRows(self, form, labels, org.name, org.logo_path)
        self.org_name, self.logo = self.organisation.name, self.organisation.logo
        # printed in the Art. 13 block of every consent form (issue 18)
        self.controller = QLineEdit(org.controller)
        self.controller.setAccessibleName(self.tr("Controller (name and address)"))
        self.controller.setPlaceholderText(
            self.tr("e.g. City of Example, Main Street 1, 12345 Example")
        )
        form.addRow(self.tr("&Controller (consent forms):"), self.controller)
        self.dpo = QLineEdit(org.dpo_contact)
        self.dpo.setAccessibleName(self.tr("Data-protection officer's contact"))
        self.dpo.setPlaceholderText(self.tr("e.g. datenschutz@example.de, 0123 456-789"))
        form.addRow(self.tr("&Data-protection officer:"), self.dpo)
        read_only = ctx.read_only
        self.organisation.set_enabled(not read_only)
        for widget in (self.controller, self.dpo):
            widget.setEnabled(not read_only)

        buttons = ok_cancel(self)
        form.addRow(buttons)

    def accept(self) -> None:
        LANGUAGE.set(self._settings, str(self.language.currentData()))
        USER_LABEL.set(self._settings, self.user.text().strip())
        self._ctx.label = USER_LABEL.get(self._settings)
        if not self._ctx.read_only:
            self._org.set_organisation(
                self.org_name.text(), self.logo.text(), self.controller.text(), self.dpo.text()
            )
        super().accept()
