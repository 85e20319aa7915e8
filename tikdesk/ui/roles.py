"""Einstellungen → Rollen…: which account holds which role (editor, approver, DSB).

Every account with a role, and the acting one, is a row with a check box per role.  Only a
DSB account may change them; each tick is one audited grant or revoke through
:class:`tikdesk.services.roles.RoleService`, which also refuses removing the last DSB.  For
everyone else the boxes are read-only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
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

from tikdesk.domain.enums import Role
from tikdesk.domain.errors import TikDeskError
from tikdesk.services.context import AppContext
from tikdesk.services.roles import ALL_ROLES, RoleService
from tikdesk.ui import messages
from tikdesk.ui.a11y import resize_to_fit


class RolesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Roles"))
        self.service = RoleService(ctx)
        self._filling = False
        try:
            mine = self.service.mine()
        except TikDeskError:
            mine = frozenset()
        self.can_change = Role.DSB in mine and not ctx.read_only
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Who acts is the Windows account, never the name in the preferences. Editor: "
                "edits people and consents. Approver: approves posts of others (four eyes "
                "compare accounts). DSB: sets the DSB exception, gives and removes roles, "
                "cleans backups of erased people. Approver and DSB may edit too.\n"
                "Your account: %1"
            ).replace("%1", ctx.user)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.read_only_note = QLabel(
            self.tr("Only a DSB account may change roles; you can look at them here.")
        )
        self.read_only_note.setObjectName("rolesReadOnly")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(not self.can_change)
        layout.addWidget(self.read_only_note)

        self.table = QTableWidget(0, 1 + len(ALL_ROLES))
        self.table.setObjectName("rolesTable")
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Accounts and roles"))
        self.table.setHorizontalHeaderLabels([self.tr("Account"), *(r.label for r in ALL_ROLES)])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.table)

        add_row = QHBoxLayout()
        self.new_account = QLineEdit()
        self.new_account.setAccessibleName(self.tr("New account"))
        self.new_account.setPlaceholderText(self.tr("DOMAIN\\user"))
        self.add_button = QPushButton(self.tr("&Add as editor"))
        self.add_button.clicked.connect(self._on_add)
        add_row.addWidget(self.new_account, 1)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        for widget in (self.new_account, self.add_button):
            widget.setEnabled(self.can_change)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()
        resize_to_fit(self, 620, 360)

    def reload(self) -> None:
        self._filling = True
        try:
            accounts = self.service.accounts()
            self.table.setRowCount(len(accounts))
            for row, entry in enumerate(accounts):
                name = QTableWidgetItem(entry.account)
                name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, 0, name)
                for column, role in enumerate(ALL_ROLES, start=1):
                    box = QTableWidgetItem()
                    flags = Qt.ItemFlag.ItemIsSelectable
                    if self.can_change:
                        flags |= Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                    box.setFlags(flags)
                    box.setCheckState(
                        Qt.CheckState.Checked if role in entry.roles else Qt.CheckState.Unchecked
                    )
                    box.setData(Qt.ItemDataRole.UserRole, (entry.account, role.value))
                    box.setData(
                        Qt.ItemDataRole.AccessibleTextRole, f"{entry.account}: {role.label}"
                    )
                    self.table.setItem(row, column, box)
        finally:
            self._filling = False

    def _box(self, account: str, role: Role) -> QTableWidgetItem | None:
        for row in range(self.table.rowCount()):
            name = self.table.item(row, 0)
            if name is not None and name.text() == account:
                return self.table.item(row, 1 + ALL_ROLES.index(role))
        return None

    def checked(self, account: str, role: Role) -> bool:
        box = self._box(account, role)
        return box is not None and box.checkState() == Qt.CheckState.Checked

    def set_checked(self, account: str, role: Role, checked: bool) -> None:
        """As a click on the box would (also for tests)."""
        box = self._box(account, role)
        if box is not None and box.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            box.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() == 0:
            return
        account, value = item.data(Qt.ItemDataRole.UserRole)
        role = Role(value)
        try:
            if item.checkState() == Qt.CheckState.Checked:
                self.service.grant(account, role)
            else:
                self.service.revoke(account, role)
        except TikDeskError as exc:
            messages.show_warning(self, self.tr("Roles"), str(exc))
        self.reload()

    def _on_add(self) -> None:
        account = self.new_account.text().strip()
        if not account:
            return
        try:
            self.service.grant(account, Role.EDITOR)
        except TikDeskError as exc:
            messages.show_warning(self, self.tr("Roles"), str(exc))
            return
        self.new_account.clear()
        self.reload()

    @classmethod
    def present(cls, ctx: AppContext, parent: QWidget | None = None) -> None:
        cls(ctx, parent).exec()
