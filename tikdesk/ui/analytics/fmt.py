"""Numbers and dates on the charts: axis ticks, hover texts and the tables that are the
charts' text alternative (``5.431``, ``4,2 %``, ``01.08.2026``, ``Aug. 2026``).

The formats themselves are :mod:`tikdesk.domain.fmt`'s, shared with every layer; this module
adds the axis labels and the chart's short forms.  Pure Python (no Qt, no pyqtgraph) so that
the tab can use it before the chart library is loaded.
"""

from __future__ import annotations

import datetime as dt
import math

from tikdesk.domain.fmt import (
    MISSING,
    fmt_date,
    fmt_datetime,
    fmt_day_short,
    fmt_float,
    fmt_int,
    fmt_pct,
    fmt_signed,
    german,
    month_long,
    month_short,
    weekday_short,
)

__all__ = [
    "axis_date",
    "axis_number",
    "fmt_day",
    "fmt_day_short",
    "fmt_float",
    "fmt_int",
    "fmt_pct",
    "fmt_posted",
    "fmt_signed",
    "german",
    "month_long",
    "month_short",
    "weekday_short",
]  # fmt: skip


def fmt_day(day: dt.date | None) -> str:
    return fmt_date(day, MISSING)


def fmt_posted(when: dt.datetime | None) -> str:
    """When a video was posted: "–" when unknown and the date only at midnight (TikTok's
    exports give some posts a day without a time); otherwise like
    :func:`tikdesk.domain.fmt.fmt_datetime`."""
    if when is None:
        return MISSING
    if when.time() == dt.time():
        return fmt_day(when.date())
    return fmt_datetime(when)


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
