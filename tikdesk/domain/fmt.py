"""Dates and numbers as people read them, in the session's language — for every layer.

German: ``05.10.2026``, ``05.10.2026 14:30``, ``12.500``, ``4,2 %``, ``Oktober 2026``.
English: ``2026-10-05``, ``2026-10-05 14:30``, ``12,500``, ``4.2%``, ``October 2026``.

The UI (tables, charts, dialogs), the services' messages, the Excel writers' texts, the
report and the CLI format through these functions, so a date or a number looks the same
wherever it appears.  The language is :func:`tikdesk.domain.i18n.language`.  Pure Python,
no Qt: Excel cells keep their native number formats; this is for text.
"""

from __future__ import annotations

import datetime as dt
import math

from tikdesk.domain.dates import GERMAN_MONTHS, GERMAN_MONTHS_SHORT, GERMAN_WEEKDAYS_SHORT
from tikdesk.domain.i18n import language

MONTHS_DE = GERMAN_MONTHS
MONTHS_SHORT_DE = GERMAN_MONTHS_SHORT
WEEKDAYS_SHORT_DE = GERMAN_WEEKDAYS_SHORT
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")  # fmt: skip
MONTHS_SHORT_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # fmt: skip
WEEKDAYS_SHORT_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

MISSING = "–"  # a number or date that is not there, where a blank would read as zero

_GERMAN_DATES: dict[dt.date, str] = {}


def german() -> bool:
    return language() == "de"


# ----------------------------------------------------------------------------- dates
def fmt_date(day: dt.date | None, missing: str = "") -> str:
    """``05.10.2026`` / ``2026-10-05``; ``missing`` for None."""
    if day is None:
        return missing
    if not german():
        return day.isoformat()
    text = _GERMAN_DATES.get(day)
    if text is None:  # lists format the same few dates again and again
        if len(_GERMAN_DATES) > 4096:
            _GERMAN_DATES.clear()
        text = _GERMAN_DATES[day] = f"{day.day:02d}.{day.month:02d}.{day.year:04d}"
    return text


def fmt_datetime(value: dt.datetime | None, missing: str = "", seconds: bool = False) -> str:
    """``05.10.2026 14:30`` / ``2026-10-05 14:30`` (``seconds``: ``14:30:05``)."""
    if value is None:
        return missing
    clock = f"{value:%H:%M:%S}" if seconds else f"{value:%H:%M}"
    return f"{fmt_date(value.date())} {clock}"


def fmt_day_short(day: dt.date) -> str:
    """``12.08.`` / ``Aug 12`` — a day inside a year the reader knows."""
    if german():
        return f"{day.day:02d}.{day.month:02d}."
    return f"{MONTHS_SHORT_EN[day.month - 1]} {day.day}"


def fmt_day_of_month(day: dt.date) -> str:
    """``12.`` / ``12`` — the day in a calendar grid whose month is shown above it (German
    writes the ordinal with a full stop, English the bare number)."""
    return f"{day.day}." if german() else str(day.day)


def month_long(month: int) -> str:
    return (MONTHS_DE if german() else MONTHS_EN)[month - 1]


def month_short(month: int) -> str:
    return (MONTHS_SHORT_DE if german() else MONTHS_SHORT_EN)[month - 1]


def month_year(day: dt.date) -> str:
    """``Oktober 2026`` / ``October 2026``."""
    return f"{month_long(day.month)} {day.year}"


def weekday_short(index: int) -> str:
    """Monday = 0."""
    return (WEEKDAYS_SHORT_DE if german() else WEEKDAYS_SHORT_EN)[index]


# ----------------------------------------------------------------------------- numbers
def group(text: str) -> str:
    """Python's ``1,234.5`` in the session's separators (German: ``1.234,5``)."""
    if not german():
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_int(value: float | None) -> str:
    """``5431`` → ``5.431`` / ``5,431``; missing → ``–``."""
    if value is None or _missing(value):
        return MISSING
    return group(f"{round(value):,}")


def fmt_float(value: float | None, digits: int = 1) -> str:
    if value is None or _missing(value):
        return MISSING
    return group(f"{value:,.{digits}f}")


def fmt_pct(fraction: float | None, digits: int = 1) -> str:
    """``0.042`` → ``4,2 %`` / ``4.2%``."""
    if fraction is None or _missing(fraction):
        return MISSING
    text = fmt_float(fraction * 100, digits)
    return f"{text} %" if german() else f"{text}%"


def fmt_signed(value: float | None) -> str:
    """``+12`` / ``-3`` / ``0``."""
    if value is None or _missing(value):
        return MISSING
    return ("+" if value > 0 else "") + fmt_int(value)
