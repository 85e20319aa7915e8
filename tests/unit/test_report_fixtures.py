"""The report tests' own data helpers (tests/report_fixtures.py) do what they say."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from report_fixtures import names_in, sample_rows


def test_sample_rows_cover_three_months(samples: Path) -> None:
    daily, videos = sample_rows(samples)
    assert min(daily) == dt.date(2026, 8, 1)
    assert max(daily) == dt.date(2026, 10, 29)
    assert len(videos) == 12


def test_names_in_finds_whole_words_only() -> None:
    assert names_in("Takeover mit Jana") == ["Jana"]
    assert names_in("Januar") == []
