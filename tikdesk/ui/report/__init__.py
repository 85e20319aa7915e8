"""Management report: ``Datei → Management-Bericht…`` (dialog, background run, open result)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from tikdesk.ui.main_window import MainWindow


def install(window: MainWindow) -> None:
    """Add ``Management report…`` to the File menu, before the reports anchor."""
    action = QAction(QCoreApplication.translate("Report", "&Management report…"), window)
    action.setObjectName("actionManagementReport")
    action.setToolTip(
        QCoreApplication.translate(
            "Report", "Workbook (and PDF) with the figures of a period for management"
        )
    )
    action.triggered.connect(lambda _checked=False: create_report(window))
    window.menu_file.insertAction(window.file_reports_anchor, action)
    window.action_management_report = action  # type: ignore[attr-defined]


def create_report(window: MainWindow) -> None:
    """The whole action: ask, build and write in the background, offer to open the result."""
    from tikdesk.domain.errors import Cancelled, TikDeskError
    from tikdesk.services.report import ReportService
    from tikdesk.ui import messages
    from tikdesk.ui.report import dialog
    from tikdesk.ui.workers import run_with_progress

    service = ReportService(window.ctx)
    try:
        accounts = service.accounts()
    except TikDeskError as exc:
        messages.show_warning(
            window, QCoreApplication.translate("Report", "Management report"), str(exc)
        )
        return
    request = dialog.ReportDialog.ask(window, accounts, window.settings, window.ctx.clock.today())
    if request is None:
        return
    try:
        files = run_with_progress(
            window,
            QCoreApplication.translate("Report", "Creating the management report…"),
            service.create,
            request.period,
            request.out,
            pdf=request.pdf,
            account=request.account,
            with_names=request.with_names,
        )
    except Cancelled:
        return
    except TikDeskError as exc:
        messages.show_warning(
            window, QCoreApplication.translate("Report", "Management report"), str(exc)
        )
        return
    window.statusBar().showMessage(
        QCoreApplication.translate("Report", "Report saved: %1").replace("%1", str(files.workbook))
    )
    dialog.open_result(dialog.ask_open(window, files.workbook, files.pdf), files.workbook)
