"""Dates, times and translated templates as the UI shows them, in the UI's language."""

from __future__ import annotations

import datetime as dt

from tikdesk.domain.i18n import language


def arg(template: str, *values: str) -> str:
    """Fill ``%1``, ``%2`` … of a translated template (Qt's QString::arg, plain Python)."""
    for index in range(len(values), 0, -1):
        template = template.replace(f"%{index}", values[index - 1])
    return template


def fmt_date(day: dt.date | None) -> str:
    if day is None:
        return ""
    return day.strftime("%d.%m.%Y") if language() == "de" else day.isoformat()


def fmt_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d.%m.%Y %H:%M" if language() == "de" else "%Y-%m-%d %H:%M")
