"""Today comes from the context's clock (tikdesk.domain.clock): tests freeze it there, and
nothing below the UI asks the operating system for the date itself."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tikdesk.domain.clock import SYSTEM_CLOCK, FixedClock
from tikdesk.domain.report import Period
from tikdesk.excel import tiktok
from tikdesk.services.context import AppContext
from tikdesk.services.report import ReportService

ROOT = Path(__file__).resolve().parents[1]
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


def test_nothing_below_the_ui_asks_the_system_for_the_date() -> None:
    """Only tikdesk/domain/clock.py does; the UI's calls are counted in issue 15's note."""
    call = re.compile(r"\b(date\.today|datetime\.now|datetime\.today|datetime\.utcnow)\(")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for layer in ("domain", "storage", "excel", "services")
        for path in (ROOT / "tikdesk" / layer).rglob("*.py")
        if path.name != "clock.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if call.search(line)
    ]
    assert offenders == []
