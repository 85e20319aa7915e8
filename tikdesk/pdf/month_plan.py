"""The printable month plan as a tagged PDF: A4 landscape, for the weekly meeting.

A table with a row per week (calendar week, planned/target, "below target") and a column per
weekday (header cells); each day lists its posts with time, title, account and clearance
state in words.  A busy week makes its row taller and the table flows onto a next page with
the header repeated: nothing is cut or elided.  No names of people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from tikdesk.domain.calendar import WeekRhythm, week_days
from tikdesk.domain.fmt import fmt_day_of_month
from tikdesk.domain.i18n import msg
from tikdesk.pdf.engine import printable_title, write_pdf

TEMPLATE = "month-plan.typ"


class _State(Protocol):
    @property
    def label(self) -> str: ...


class PlanEntry(Protocol):
    """A post as the calendar shows it (``tikdesk.services.calendar.CalendarEntry``)."""

    @property
    def title(self) -> str: ...
    @property
    def account(self) -> str: ...
    @property
    def planned_at(self) -> dt.datetime | None: ...
    @property
    def state(self) -> _State: ...


def render_month_plan(
    path: Path,
    title: str,
    weekdays: Sequence[str],
    weeks: Sequence[WeekRhythm],
    month: int,
    entries: Sequence[PlanEntry],
    holidays: Mapping[dt.date, str],
    labels: Mapping[str, str],
) -> None:
    """Write the month plan; ``labels``: "week", "below", "footer" in the UI language."""
    by_day: dict[dt.date, list[PlanEntry]] = {}
    for entry in entries:
        if entry.planned_at is not None:
            by_day.setdefault(entry.planned_at.date(), []).append(entry)
    rows = []
    for week in weeks:
        days = []
        for day in week_days(week.monday):
            posts = sorted(by_day.get(day, ()), key=lambda e: e.planned_at or dt.datetime.min)
            days.append(
                {
                    "day": fmt_day_of_month(day),
                    "other_month": day.month != month,
                    "holiday": holidays.get(day, ""),
                    "posts": [
                        {
                            "when": f"{e.planned_at:%H:%M}" if e.planned_at else "",
                            "title": printable_title(e.title),
                            "meta": f"{e.account or '–'} · {e.state.label}",
                        }
                        for e in posts
                    ],
                }
            )
        rows.append(
            {
                "week": msg("KW ", "W") + str(week.monday.isocalendar()[1]),
                "rhythm": f"{week.planned}/{week.target}" if week.target else "",
                "below": labels["below"] if week.below else "",
                "days": days,
            }
        )
    data = {
        "title": title,
        "header": [labels["week"], *weekdays],
        "weeks": rows,
        "footer": labels["footer"],
    }
    write_pdf(Path(path), TEMPLATE, data)
