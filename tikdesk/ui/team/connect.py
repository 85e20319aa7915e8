"""Opening a team database from the window (issue 17): the "Team-Datenbank" dialog (address,
TLS hints, "Verbindung testen" in a worker, "Öffnen"), the session password dialog, the
"Erneut versuchen" question for an unreachable server and "Neu verbinden" after a lost
connection.

A password typed here lives in this process's memory for the session only: it is handed to
libpq and kept in :data:`_session_passwords` so that reconnecting does not ask again; it is
never written to ``settings.ini``, the log or anywhere else.  Each dialog has an ``ask()``
that tests replace.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.errors import TikDeskError
from tikdesk.options import TEAM_URL
from tikdesk.services.team_connection import (
    ConnectionProbe,
    ServerPasswordNeeded,
    check_address,
    is_server_address,
    probe,
)
from tikdesk.ui.widgets.controls import ok_cancel

if TYPE_CHECKING:
    from tikdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


#: address as shown -> password typed in this session (memory only, never stored)
_session_passwords: dict[str, str] = {}


def _key(address: str) -> str:
    try:
        return check_address(address)
    except TikDeskError:
        return address


def session_password(address: str) -> str | None:
    """The password typed for ``address`` in this session, if any."""
    return _session_passwords.get(_key(address))


def remember_password(address: str, password: str | None) -> None:
    if password:
        _session_passwords[_key(address)] = password


def forget_passwords() -> None:
    """Drop every password of this session (tests; a future "log off")."""
    _session_passwords.clear()


# ------------------------------------------------------------------ questions
class PasswordDialog(QDialog):
    """The server wants a password libpq could not find: ask for it, for this session only."""

    def __init__(self, address: str, retry: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password for the team database"))
        layout = QVBoxLayout(self)
        intro = self.tr(
            "The database server %1 asks for the password of your login. TikDesk keeps it "
            "in memory until you quit and never stores it."
        ).replace("%1", address)
        if retry:
            intro = self.tr("The password was not accepted.") + " " + intro
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        label = QLabel(self.tr("&Password:"))
        label.setBuddy(self.password)
        form.addRow(label, self.password)
        layout.addLayout(form)
        buttons = ok_cancel(self)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, address: str, retry: bool = False) -> str | None:
        dialog = cls(address, retry, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.password.text() or None
        finally:
            dialog.password.clear()
            dialog.deleteLater()


def _question(
    parent: QWidget | None, title: str, text: str, yes: str
) -> tuple[QMessageBox, QPushButton]:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton)
    if parent is not None:
        box.setParent(parent, box.windowFlags())
    button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setText(QApplication.translate("TeamConnect", "Cancel"))
    box.setDefaultButton(button)
    box.setEscapeButton(cancel)
    return box, button


class _OneChoice:
    """A question with one action button and "Abbrechen"; ``build`` makes the box."""

    @staticmethod
    def build(parent: QWidget | None, text: str) -> tuple[QMessageBox, QPushButton]:
        raise NotImplementedError

    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> bool:
        """True when the action button was clicked."""
        box, action = cls.build(parent, text)
        box.exec()
        return box.clickedButton() is action


class RetryDialog(_OneChoice):
    """The server cannot be reached (or refuses): "Erneut versuchen" or "Abbrechen"."""

    @staticmethod
    def build(parent: QWidget | None, text: str) -> tuple[QMessageBox, QPushButton]:
        return _question(
            parent, "TikDesk", text, QApplication.translate("TeamConnect", "&Try again")
        )


class ReconnectDialog(_OneChoice):
    """The connection broke during an action: say so, offer "Neu verbinden"."""

    @staticmethod
    def build(parent: QWidget | None, text: str) -> tuple[QMessageBox, QPushButton]:
        return _question(
            parent, "TikDesk", text, QApplication.translate("TeamConnect", "&Reconnect")
        )


def _main_window_of(widget: QWidget | None) -> Any:
    """The main window (it has ``open_database_requested``) that ``widget`` belongs to."""
    if widget is None:
        widget = QApplication.activeWindow()
    while widget is not None:
        top = widget.window()
        if hasattr(top, "open_database_requested"):
            return top
        widget = top.parentWidget()
    return None


def offer_reconnect(parent: QWidget | None, text: str) -> None:
    """Called by :mod:`tikdesk.ui.messages` for a lost connection, instead of a plain box."""
    window = _main_window_of(parent)
    if not ReconnectDialog.ask(parent, text) or window is None:
        return
    address = team_address(window)
    # later, outside the failed action's call stack: reopening replaces this window
    QTimer.singleShot(0, lambda: window.open_database_requested.emit(address))


def team_address(window: Any) -> str:
    """The address the window's team database was opened with (TLS options included)."""
    return str(getattr(window, "team_address", "") or window.ctx.db.name)


# ------------------------------------------------------------------ the dialog
class _ProbeThread(QThread):
    """The connection test off the GUI thread.

    The answer stays on the thread object and the GUI thread reads it after ``finished``
    (like ``ui.workers``): no Python objects travel through a queued signal.
    """

    def __init__(self, address: str, password: str | None, parent: QObject) -> None:
        super().__init__(parent)
        self._address, self._password = address, password
        self.found: ConnectionProbe | None = None
        self.error: TikDeskError | None = None

    def run(self) -> None:
        try:
            self.found = probe(self._address, password=self._password)
        except TikDeskError as exc:
            self.error = exc
        except Exception as exc:  # a bug: still an answer, never a hanging dialog
            log.exception("connection test failed")
            self.error = TikDeskError(str(exc))
        finally:
            self._password = None


class TeamDatabaseDialog(QDialog):
    """Einstellungen → Team-Datenbank: address, TLS hints, test, open."""

    open_requested = Signal(str)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Team database"))
        self.setObjectName("teamDatabaseDialog")
        self._settings = settings
        self._thread: _ProbeThread | None = None
        self._password_asked = False
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A team database lives on a PostgreSQL server run by your IT department. "
                "Enter its address; your IT department tells you which."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.address = QLineEdit(TEAM_URL.get(settings))
        self.address.setPlaceholderText("postgresql://server:5432/tikdesk")
        self.address.setAccessibleName(self.tr("Server address"))
        label = QLabel(self.tr("Server &address:"))
        label.setBuddy(self.address)
        form.addRow(label, self.address)
        layout.addLayout(form)
        self.hints = QLabel(
            self.tr(
                "Form: postgresql://server[:port]/database, optionally with a login: "
                "postgresql://name@server/database. Never put a password into the address: "
                "TikDesk uses the Windows login (Kerberos), the pgpass file or PGPASSWORD, or "
                "asks for the password once per session and never stores it.\n"
                "Encryption (TLS): append ?sslmode=verify-full&sslrootcert=C:\\path\\ca.pem "
                "(the certificate of your IT department's authority)."
            )
        )
        self.hints.setWordWrap(True)
        self.hints.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.hints)
        self.outcome = QLabel("")
        self.outcome.setObjectName("teamConnectionResult")
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(self.tr("Result of the connection test"))
        layout.addWidget(self.outcome)
        buttons = QDialogButtonBox()
        self.test_button = buttons.addButton(
            self.tr("&Test connection"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button = buttons.addButton(
            self.tr("&Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.test_button.clicked.connect(self.test_connection)
        self.open_button.clicked.connect(self.open_database)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    # -- helpers
    def _valid_address(self) -> str | None:
        address = self.address.text().strip()
        if not address:
            self.outcome.setText(self.tr("Please enter the server's address."))
            return None
        if not is_server_address(address):
            self.outcome.setText(self.tr("A team database's address starts with postgresql://"))
            return None
        try:
            check_address(address)
        except TikDeskError as exc:
            self.outcome.setText(str(exc))
            return None
        return address

    @property
    def testing(self) -> bool:
        return self._thread is not None

    # -- actions
    @Slot()
    def test_connection(self) -> None:
        address = self._valid_address()
        if address is None or self._thread is not None:
            return
        self._password_asked = False
        self._start_probe(address)

    def _start_probe(self, address: str) -> None:
        self.outcome.setText(self.tr("Connecting… (at most a few seconds)"))
        self.test_button.setEnabled(False)
        thread = _ProbeThread(address, session_password(address), self)
        thread.finished.connect(
            lambda a=address, t=thread: self._on_answer(a, t.found, t.error),
            Qt.ConnectionType.QueuedConnection,
        )
        self._thread = thread
        thread.start()

    def _on_answer(
        self, address: str, found: ConnectionProbe | None, error: TikDeskError | None
    ) -> None:
        if self._thread is not None:
            self._thread.wait()
            self._thread = None  # the dialog owns it (parent) and deletes it with itself
        self.test_button.setEnabled(True)
        if isinstance(error, ServerPasswordNeeded):
            retry = self._password_asked or session_password(address) is not None
            password = PasswordDialog.ask(self, check_address(address), retry=retry)
            if password is None:
                self.outcome.setText(str(error))
                return
            self._password_asked = True
            remember_password(address, password)
            self._start_probe(address)
            return
        if error is not None:
            self.outcome.setText(str(error))
            return
        assert found is not None
        self.outcome.setText(found.summary())

    @Slot()
    def open_database(self) -> None:
        address = self._valid_address()
        if address is None:
            return
        TEAM_URL.set(self._settings, address)  # validated: no password in it
        self.accept()
        self.open_requested.emit(address)

    def done(self, result: int) -> None:
        if self._thread is not None:  # at most connect_timeout: libpq gives up by then
            self._thread.wait()
            self._thread = None
        super().done(result)


def show_dialog(window: MainWindow) -> TeamDatabaseDialog:
    dialog = TeamDatabaseDialog(window.settings, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open_requested.connect(window.open_database_requested.emit)
    dialog.open()
    return dialog


def install(window: MainWindow) -> None:
    """File → Team database… and File → Reconnect (on a team database)."""
    action = QAction(QApplication.translate("TeamConnect", "&Team database…"), window)
    action.setObjectName("teamDatabaseAction")
    action.triggered.connect(lambda: show_dialog(window))
    window.menu_file.insertAction(window.menu_recent.menuAction(), action)
    window.team_database_action = action  # type: ignore[attr-defined]
    if window.ctx.db.on_server:
        again = QAction(
            QApplication.translate("TeamConnect", "Re&connect to the team database"), window
        )
        again.setObjectName("reconnectAction")
        again.triggered.connect(lambda: window.open_database_requested.emit(team_address(window)))
        window.menu_file.insertAction(window.menu_recent.menuAction(), again)
        window.reconnect_action = again  # type: ignore[attr-defined]
