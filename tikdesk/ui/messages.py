"""One place for message boxes, so that known problems look alike and tests can watch them.

Known environmental problems (file locked, disk full, database busy) are shown with
:func:`show_warning` and logged; the app carries on.  The log gets the kind and title of a box,
never its text: a text may name a person, and the log must hold no names (Art. 17 DSGVO).
Tests replace :data:`handler` to record the messages instead of opening modal boxes.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)

# (kind, title, text) -> answer; kind is "warning", "info", "error" or "question".
MessageHandler = Callable[[QWidget | None, str, str, str], bool]


def _show_box(parent: QWidget | None, kind: str, title: str, text: str) -> bool:
    if kind == "question":
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
    icon = {
        "warning": QMessageBox.Icon.Warning,
        "error": QMessageBox.Icon.Critical,
    }.get(kind, QMessageBox.Icon.Information)
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()
    return True


handler: MessageHandler = _show_box


def _connection_lost() -> bool:
    """Is the exception being handled a lost connection to the team database (issue 17)?"""
    exc = sys.exc_info()[1]
    if exc is None:
        return False
    from tikdesk.services.team_connection import ServerConnectionLost

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, ServerConnectionLost):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    log.warning("message box shown: %s", title)
    if _connection_lost():  # the same sentence, with "Neu verbinden" beside "Abbrechen"
        from tikdesk.ui.team.connect import offer_reconnect

        offer_reconnect(parent, text)
        return
    handler(parent, "warning", title, text)


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    log.error("message box shown: %s", title)
    if _connection_lost():
        from tikdesk.ui.team.connect import offer_reconnect

        offer_reconnect(parent, text)
        return
    handler(parent, "error", title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    log.info("message box shown: %s", title)
    handler(parent, "info", title, text)


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    return handler(parent, "question", title, text)
