"""Crash handling: every uncaught exception is logged and shown, and the app carries on.

Every user action is one transaction, so after a bug the data on disk is consistent and the
user can keep working.  Hard crashes (segfaults, aborts) cannot run Python code; faulthandler
writes them to a file that the next start reports.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.errors import TikDeskError
from tikdesk.ui.a11y import resize_to_fit

log = logging.getLogger("tikdesk.crash")

FAULT_FILE = "faulthandler.log"


class CrashDialog(QDialog):
    """Shows what went wrong, with the details to copy and the log folder one click away."""

    def __init__(
        self,
        details: str,
        log_dir: Path,
        parent: QWidget | None = None,
        *,
        hard_crash: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("TikDesk – unexpected error"))
        self._log_dir = log_dir
        layout = QVBoxLayout(self)
        if hard_crash:
            intro = self.tr(
                "TikDesk was closed unexpectedly last time. Your data is safe: every change "
                "had been saved when it was made. The details below help us find the cause."
            )
        else:
            intro = self.tr(
                "An unexpected error occurred. Your data is safe: the action was either saved "
                "completely or not at all. You can keep working. Please send the details to "
                "your IT support."
            )
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.details = QPlainTextEdit(details)
        self.details.setTabChangesFocus(True)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Error details"))
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        open_logs = QPushButton(self.tr("Open log folder"))
        open_logs.clicked.connect(self._open_log_dir)
        copy = QPushButton(self.tr("Copy details"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        buttons.addButton(open_logs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        resize_to_fit(self, 640, 420)

    def _open_log_dir(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._log_dir)))

    @classmethod
    def ask(cls, details: str, log_dir: Path, *, hard_crash: bool = False) -> None:
        """Show the dialog modally; tests replace this."""
        parent = QApplication.activeWindow()
        cls(details, log_dir, parent, hard_crash=hard_crash).exec()


class CrashHandler:
    """Installs sys/threading excepthooks and faulthandler; reports last run's hard crash."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self._fault_file: IO[str] | None = None
        self._showing = False

    def install(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        sys.excepthook = self.handle_exception
        threading.excepthook = self._handle_thread_exception
        self._fault_file = (self.log_dir / FAULT_FILE).open("a", encoding="utf-8")
        faulthandler.enable(self._fault_file, all_threads=True)

    def uninstall(self) -> None:
        sys.excepthook = sys.__excepthook__
        threading.excepthook = threading.__excepthook__
        if self._fault_file is not None:
            faulthandler.disable()
            self._fault_file.close()
            self._fault_file = None

    def previous_hard_crash(self) -> str | None:
        """What faulthandler wrote during the last run, moved aside so it is reported once.

        Must be called before :meth:`install`, which opens the file for this run.
        """
        path = self.log_dir / FAULT_FILE
        try:
            content = path.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            return None
        if not content:
            return None
        stamp = path.stat().st_mtime_ns
        path.rename(self.log_dir / f"faulthandler-{stamp}.log")
        return content

    def _handle_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        self.handle_exception(args.exc_type, args.exc_value, args.exc_traceback)

    def handle_exception(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if issubclass(exc_type, TikDeskError) and self._show_known_error(exc):
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.critical("Uncaught exception:\n%s", details)
        print(details, file=sys.stderr)
        if self._showing or QApplication.instance() is None:
            return
        if threading.current_thread() is not threading.main_thread():
            return  # logged; widgets may only be shown from the GUI thread
        self._showing = True
        try:
            CrashDialog.ask(details, self.log_dir)
        finally:
            self._showing = False

    def _show_known_error(self, exc: BaseException) -> bool:
        """A known error (disk full, read-only, locked …) that no caller caught is not a
        crash: it is shown as a plain warning and the app carries on.  True when handled."""
        # The type only: the message may name a person (the box shows it, the log must not).
        log.warning("Known error reached the excepthook: %s", type(exc).__name__)
        if (
            QApplication.instance() is None
            or threading.current_thread() is not threading.main_thread()
        ):
            return True
        from tikdesk.ui import messages

        messages.show_warning(QApplication.activeWindow(), "TikDesk", str(exc))
        return True
