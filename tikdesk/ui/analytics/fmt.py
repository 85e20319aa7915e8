"""Numbers and dates as people read them: German formats in the German UI.

``5.431``, ``4,2 %``, ``01.08.2026``, ``Aug. 2026`` — used on chart axes, in hover texts and in
the tables that are the charts' text alternative.  Pure Python (no Qt, no pyqtgraph) so that
the tab can use it before the chart library is loaded.
"""

from __future__ import annotations

import datetime as dt
import math

from tikdesk.domain.dates import GERMAN_MONTHS, GERMAN_MONTHS_SHORT, GERMAN_WEEKDAYS_SHORT
from tikdesk.domain.i18n import language

EN_MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # fmt: skip
EN_WEEKDAYS_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def german() -> bool:
    return language() == "de"


def _swap(text: str) -> str:
    """English separators → German ones (``1,234.5`` → ``1.234,5``)."""
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_int(value: float | None) -> str:
    """``5431`` → ``5.431`` (German) / ``5,431``; missing → ``–``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{round(value):,}"
    return _swap(text) if german() else text


def fmt_float(value: float | None, digits: int = 1) -> str:
    if value is None or math.isnan(value):
        return "–"
    text = f"{value:,.{digits}f}"
    return _swap(text) if german() else text


def fmt_pct(fraction: float | None, digits: int = 1) -> str:
    """``0.042`` → ``4,2 %`` (German) / ``4.2%``."""
    if fraction is None or math.isnan(fraction):
        return "–"
    text = fmt_float(fraction * 100, digits)
    return f"{text} %" if german() else f"{text}%"


def fmt_signed(value: float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return ("+" if value > 0 else "") + fmt_int(value)


def fmt_day(day: dt.date | None) -> str:
    if day is None:
        return "–"
    return f"{day.day:02d}.{day.month:02d}.{day.year}" if german() else day.isoformat()


def fmt_day_short(day: dt.date) -> str:
    """``12.08.`` / ``Aug 12`` — axis labels inside a known year."""
    if german():
        return f"{day.day:02d}.{day.month:02d}."
    return f"{EN_MONTHS_SHORT[day.month - 1]} {day.day}"


def fmt_datetime(when: dt.datetime | None) -> str:
    if when is None:
        return "–"
    if when.time() == dt.time():
        return fmt_day(when.date())
    return f"{fmt_day(when.date())} {when:%H:%M}"


def month_short(month: int) -> str:
    return (GERMAN_MONTHS_SHORT if german() else EN_MONTHS_SHORT)[month - 1]


def month_long(month: int) -> str:
    return GERMAN_MONTHS[month - 1] if german() else dt.date(2000, month, 1).strftime("%B")


def weekday_short(index: int) -> str:
    """Monday = 0."""
    return (GERMAN_WEEKDAYS_SHORT if german() else EN_WEEKDAYS_SHORT)[index]


def axis_number(value: float, spacing: float, percent: bool = False) -> str:
    """A tick label: whole numbers with thousands separators, decimals only when the tick
    spacing needs them; fractions as percent."""
    if percent:
        step = spacing * 100
        digits = 0 if step >= 1 else (1 if step >= 0.1 else 2)
        return fmt_pct(value, digits)
    if spacing >= 1 or spacing <= 0:
        return fmt_int(value)
    digits = min(3, max(1, -math.floor(math.log10(spacing))))
    return fmt_float(value, digits)


def axis_date(seconds: float, spacing: float) -> str:
    """A date-axis tick label for a UTC timestamp, coarser the wider the ticks are apart."""
    day = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=float(seconds))
    if spacing >= 300 * 86400:
        return str(day.year)
    if spacing >= 25 * 86400:
        label = month_short(day.month)
        return f"{label} {day.year}" if day.month == 1 else label
    if spacing >= 86400:
        return fmt_day_short(day.date())
    return f"{day:%H:%M}"
