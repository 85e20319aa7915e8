"""One module formats dates and numbers for both languages (tikdesk.domain.fmt)."""

from __future__ import annotations

import datetime as dt

import pytest

from tikdesk.domain import fmt
from tikdesk.domain.i18n import set_language

DAY = dt.date(2026, 10, 5)
MOMENT = dt.datetime(2026, 10, 5, 14, 30, 5)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", ["05.10.2026", "05.10.2026 14:30", "05.10.2026 14:30:05", "12.500", "4,2 %",
                "+1.200", "1.234,57", "Oktober 2026", "Okt.", "Mo", "05.10."]),
        ("en", ["2026-10-05", "2026-10-05 14:30", "2026-10-05 14:30:05", "12,500", "4.2%",
                "+1,200", "1,234.57", "October 2026", "Oct", "Mon", "Oct 5"]),
    ],
)  # fmt: skip
def test_both_languages(language: str, expected: list[str]) -> None:
    set_language(language)
    assert [
        fmt.fmt_date(DAY),
        fmt.fmt_datetime(MOMENT),
        fmt.fmt_datetime(MOMENT, seconds=True),
        fmt.fmt_int(12500),
        fmt.fmt_pct(0.042),
        fmt.fmt_signed(1200),
        fmt.fmt_float(1234.567, 2),
        fmt.month_year(DAY),
        fmt.month_short(10),
        fmt.weekday_short(0),
        fmt.fmt_day_short(DAY),
    ] == expected


def test_missing_values() -> None:
    assert fmt.fmt_date(None) == "" and fmt.fmt_date(None, fmt.MISSING) == "–"
    assert fmt.fmt_int(None) == fmt.fmt_pct(float("nan")) == fmt.fmt_signed(None) == "–"
