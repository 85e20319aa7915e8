"""The month plan as PDF: asks for a file name and writes the month the calendar tab
shows as PDF (``CalendarService.write_month_plan`` typesets it with
:mod:`tikdesk.pdf.month_plan`, tagged PDF/UA-1); this module gives only the translated texts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from tikdesk.domain.errors import TikDeskError
from tikdesk.ui import messages

if TYPE_CHECKING:
    from tikdesk.ui.calendar.tab import CalendarTab


def print_month_plan(tab: CalendarTab) -> Path | None:
    """Ask for a file name and write the month plan the tab shows."""
    first = tab.anchor.replace(day=1)
    name, _ = QFileDialog.getSaveFileName(
        tab,
        QCoreApplication.translate("CalendarTab", "Print month plan"),
        f"Redaktionsplan-{first:%Y-%m}.pdf",
        QCoreApplication.translate("CalendarTab", "PDF (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
    return write_month_plan(tab, path)


def write_month_plan(tab: CalendarTab, path: Path) -> Path | None:
    """The month the tab shows (its account filter too) as PDF at ``path``."""
    from tikdesk.domain.fmt import fmt_date, month_year
    from tikdesk.ui.calendar.tab import weekday_names

    account = tab.current_account()
    first = tab.anchor.replace(day=1)
    title = QCoreApplication.translate("CalendarTab", "Editorial plan %1").replace(
        "%1", month_year(first)
    )
    if account:
        title += f" – {account}"
    printed = fmt_date(tab.ctx.clock.today())
    try:
        tab.service.write_month_plan(
            path,
            first,
            title=title,
            weekdays=weekday_names(),
            labels={
                "week": QCoreApplication.translate("CalendarTab", "Week"),
                "below": QCoreApplication.translate("CalendarTab", "below target"),
                "footer": QCoreApplication.translate(
                    "CalendarTab", "TikDesk · printed %1 · no names of people"
                ).replace("%1", printed),
            },
            account=account,
        )
    except (TikDeskError, OSError) as exc:
        messages.show_warning(
            tab, QCoreApplication.translate("CalendarTab", "Print month plan"), str(exc)
        )
        return None
    return path
