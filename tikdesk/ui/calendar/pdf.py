"""The printable month plan: A4 landscape PDF for the weekly meeting.

Drawn with the report PDF's machinery (:mod:`tikdesk.ui.report.pdf`: page size, fonts, text
helper, the checked in-memory writing with a synced file): one page, a week per row, each
post with its time, title, account and clearance state in words.  No names of people.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QPageLayout, QPainter, QPen
from PySide6.QtWidgets import QFileDialog

from tikdesk.domain.calendar import WeekRhythm, month_weeks, week_days
from tikdesk.domain.errors import TikDeskError
from tikdesk.services.calendar import CalendarEntry
from tikdesk.ui import messages
from tikdesk.ui.report.pdf import (
    BORDER,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_H,
    PAGE_W,
    RESOLUTION,
    WARN_TEXT,
    _Document,
    pdf_painter,
)

if TYPE_CHECKING:
    from tikdesk.ui.calendar.tab import CalendarTab

font = _Document.font
text = _Document.text


def render_month_plan(
    path: Path,
    title: str,
    weekdays: list[str],
    weeks: list[WeekRhythm],
    month: int,
    entries: list[CalendarEntry],
    holidays: dict[dt.date, str],
    labels: dict[str, str],
) -> None:
    """Write the month plan; ``labels``: "week", "below", "footer" in the UI language."""
    landscape = QPageLayout.Orientation.Landscape
    with pdf_painter(path, title, landscape, pdf_a=False) as (p, _writer):
        p.scale(RESOLUTION / 72.0, RESOLUTION / 72.0)
        _draw(p, title, weekdays, weeks, month, entries, holidays, labels)


def _draw(
    p: QPainter,
    title: str,
    weekdays: list[str],
    weeks: list[WeekRhythm],
    month: int,
    entries: list[CalendarEntry],
    holidays: dict[dt.date, str],
    labels: dict[str, str],
) -> None:
    width = PAGE_W - 2 * MARGIN_X
    text(p, QRectF(MARGIN_X, MARGIN_TOP, width, 18), title, font(14, bold=True))
    top = MARGIN_TOP + 26
    bottom = PAGE_H - MARGIN_BOTTOM - 14
    week_col = 48.0
    col_w = (width - week_col) / 7
    text(p, QRectF(MARGIN_X, top, week_col, 12), labels["week"], font(8, bold=True))
    for n, name in enumerate(weekdays):
        x = MARGIN_X + week_col + n * col_w
        text(p, QRectF(x + 2, top, col_w - 4, 12), name, font(8, bold=True),
             align=Qt.AlignmentFlag.AlignHCenter)  # fmt: skip
    top += 14
    row_h = (bottom - top) / max(len(weeks), 1)
    by_day: dict[dt.date, list[CalendarEntry]] = {}
    for entry in entries:
        if entry.planned_at is not None:
            by_day.setdefault(entry.planned_at.date(), []).append(entry)
    p.setPen(QPen(BORDER, 0.5))
    for r, week in enumerate(weeks):
        y = top + r * row_h
        p.setPen(QPen(BORDER, 0.5))
        p.drawLine(QPointF(MARGIN_X, y), QPointF(PAGE_W - MARGIN_X, y))
        number = week.monday.isocalendar()[1]
        text(p, QRectF(MARGIN_X, y + 2, week_col - 2, 10), f"KW {number}", font(8, bold=True))
        if week.target:
            text(p, QRectF(MARGIN_X, y + 13, week_col - 2, 10),
                 f"{week.planned}/{week.target}", font(8))  # fmt: skip
        if week.below:
            text(p, QRectF(MARGIN_X, y + 24, week_col - 2, 10), labels["below"],
                 font(7, bold=True), WARN_TEXT)  # fmt: skip
        for n, day in enumerate(week_days(week.monday)):
            x = MARGIN_X + week_col + n * col_w
            p.setPen(QPen(BORDER, 0.5))
            p.drawLine(QPointF(x, y), QPointF(x, y + row_h))
            colour = None if day.month == month else MUTED
            head = f"{day.day}."
            holiday = holidays.get(day, "")
            text(p, QRectF(x + 2, y + 1, col_w - 4, 10), head + (f" {holiday}" if holiday else ""),
                 font(7, bold=bool(holiday)), WARN_TEXT if holiday else colour)  # fmt: skip
            line_y = y + 12
            for entry in sorted(by_day.get(day, ()), key=lambda e: e.planned_at or dt.datetime.min):
                if line_y + 18 > y + row_h:
                    text(p, QRectF(x + 2, line_y, col_w - 4, 8), "…", font(7))
                    break
                when = f"{entry.planned_at:%H:%M} " if entry.planned_at else ""
                text(p, QRectF(x + 2, line_y, col_w - 4, 9), when + entry.title, font(7, bold=True))
                text(p, QRectF(x + 2, line_y + 8, col_w - 4, 8),
                     f"{entry.account or '–'} · {entry.state.label}", font(6), MUTED)  # fmt: skip
                line_y += 18
    p.setPen(QPen(BORDER, 0.5))
    p.drawRect(QRectF(MARGIN_X, top, width, row_h * len(weeks)))
    text(p, QRectF(MARGIN_X, PAGE_H - MARGIN_BOTTOM - 10, width, 10), labels["footer"],
         font(7), MUTED)  # fmt: skip


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
    from tikdesk.ui.calendar.tab import month_name, weekday_names

    service = tab.service
    account = tab.current_account()
    first = tab.anchor.replace(day=1)
    mondays = month_weeks(first.year, first.month)
    try:
        entries = service.entries(account=account)
        weeks = service.week_rhythm(mondays, entries, account)
        holidays = service.holidays(mondays[0], mondays[-1] + dt.timedelta(days=6))
        title = QCoreApplication.translate("CalendarTab", "Editorial plan %1").replace(
            "%1", month_name(first)
        )
        if account:
            title += f" – {account}"
        printed = dt.date.today().strftime("%d.%m.%Y")
        render_month_plan(
            path,
            title,
            weekday_names(),
            weeks,
            first.month,
            entries,
            holidays,
            {
                "week": QCoreApplication.translate("CalendarTab", "Week"),
                "below": QCoreApplication.translate("CalendarTab", "below target"),
                "footer": QCoreApplication.translate(
                    "CalendarTab", "TikDesk · printed %1 · no names of people"
                ).replace("%1", printed),
            },
        )
    except (TikDeskError, OSError) as exc:
        messages.show_warning(
            tab, QCoreApplication.translate("CalendarTab", "Print month plan"), str(exc)
        )
        return None
    return path
