"""Today comes from the context's clock (tikdesk.domain.clock): tests freeze it there, and
nothing below the UI asks the operating system for the date itself."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tikdesk.domain.clock import SYSTEM_CLOCK, FixedClock
from tikdesk.domain.report import Period
from tikdesk.excel import tiktok
from tikdesk.services.context import AppContext
from tikdesk.services.report import ReportService

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tikdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
MONDAY = dt.date(2026, 10, 5)


def test_a_fixed_clock_stands_still_until_moved() -> None:
    clock = FixedClock(dt.datetime(2026, 10, 5, 10, 0, 30, 500))
    assert clock.today() == MONDAY
    assert clock.stamp() == dt.datetime(2026, 10, 5, 10, 0, 30)
    clock.advance(dt.timedelta(days=1))
    assert clock.today() == MONDAY + dt.timedelta(days=1)
    clock.set(dt.date(2027, 1, 1))
    assert clock.now() == dt.datetime(2027, 1, 1, 12, 0)
    assert clock.aware_now().utcoffset() is not None


def test_the_context_runs_on_the_system_clock_by_default(ctx: AppContext) -> None:
    assert ctx.clock is SYSTEM_CLOCK
    assert abs(ctx.clock.now() - dt.datetime.now()) < dt.timedelta(minutes=1)


@pytest.mark.slow
def test_a_service_reads_today_from_the_context(ctx: AppContext, frozen_clock: FixedClock) -> None:
    report = ReportService(ctx).build(Period(dt.date(2026, 9, 1), dt.date(2026, 9, 30)))
    assert report.created == MONDAY
    frozen_clock.advance(dt.timedelta(days=30))
    report = ReportService(ctx).build(Period(dt.date(2026, 9, 1), dt.date(2026, 9, 30)))
    assert report.created == MONDAY + dt.timedelta(days=30)


def test_an_undated_snapshot_is_dated_on_the_import_day(tmp_path: Path) -> None:
    path = tmp_path / "FollowerGender.csv"
    path.write_text("Gender,Distribution\nFemale,55%\nMale,45%\n", encoding="utf-8")
    table = tiktok.parse_paths([path], account="amt", today=MONDAY).tables[0]
    assert any("05.10.2026" in note or "2026-10-05" in note for note in table.notes)


def test_nothing_asks_the_system_for_the_date_but_the_clock() -> None:
    """Only tikdesk/domain/clock.py (SYSTEM_CLOCK) does: services, PDFs and widgets get today
    from the context's clock, so that ``frozen_clock`` freezes all of TikDesk."""
    call = re.compile(r"\b(date\.today|datetime\.now|datetime\.today|datetime\.utcnow)\(")
    clock = ROOT / "tikdesk" / "domain" / "clock.py"
    offenders = [
        f"{path.relative_to(ROOT).as_posix()}:{n}"
        for path in sorted((ROOT / "tikdesk").rglob("*.py"))
        if path != clock
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if call.search(line)
    ]
    assert offenders == []


def test_analytics_widgets_follow_a_frozen_clock(
    frozen_clock: FixedClock, main_window: MainWindow, qtbot: QtBot
) -> None:
    """The recruiting table offers the clock's month, the custom period of an empty account
    ends on the clock's day, and both move with it."""
    from PySide6.QtCore import QDate

    from tikdesk.ui.analytics.tab import AnalyticsTab
    from tikdesk.ui.analytics.toolbar import CUSTOM

    tab = main_window.tab(AnalyticsTab)
    main_window.tabs.setCurrentWidget(tab)
    assert tab.recruiting.month_edit.date() == QDate(2026, 10, 1)
    frozen_clock.set(dt.date(2027, 2, 14))
    tab.toolbar.set_period(CUSTOM)
    assert tab.toolbar.period()[1] == dt.date(2027, 2, 14)  # no data: it ends today
