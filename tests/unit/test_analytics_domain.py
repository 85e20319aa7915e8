"""Pure rules of the analytics feature: year-less dates, year inference, engagement maths."""

from __future__ import annotations

import datetime as dt

import pytest

from tikdesk.domain import analytics as an
from tikdesk.domain.dates import (
    AnchorKind,
    MonthDay,
    YearAnchor,
    YearInferenceError,
    infer_years,
    latest_on_or_before,
    parse_month_day,
    window_start_from_name,
)

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("September 25", MonthDay(9, 25)),
        ("Sep 25", MonthDay(9, 25)),
        ("Sept. 25", MonthDay(9, 25)),
        ("25 September", MonthDay(9, 25)),
        ("28 August", MonthDay(8, 28)),
        ("18. August", MonthDay(8, 18)),
        ("3. März", MonthDay(3, 3)),
        ("3. Maerz", MonthDay(3, 3)),
        ("1. Dezember", MonthDay(12, 1)),
        ("1 Dez.", MonthDay(12, 1)),
        ("Oktober 7", MonthDay(10, 7)),
        ("7. Okt.", MonthDay(10, 7)),
        ("2. Jänner", MonthDay(1, 2)),
        ("May 1", MonthDay(5, 1)),
        ("1. Mai", MonthDay(5, 1)),
        ("January 1st", MonthDay(1, 1)),
        ("  august\u00a01 ", MonthDay(8, 1)),
        ("9月16日", MonthDay(9, 16)),
        ("12月 1日", MonthDay(12, 1)),
        ("February 29", MonthDay(2, 29)),
        ("August 1 14:05", MonthDay(8, 1, dt.time(14, 5))),
        ("August 1, 09:30:15", MonthDay(8, 1, dt.time(9, 30, 15))),
        ("25. September 18:00", MonthDay(9, 25, dt.time(18, 0))),
    ],
)
def test_parse_month_day_understands_english_german_and_cjk(text: str, expected: MonthDay) -> None:
    assert parse_month_day(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2026-08-01",
        "10.05.2026",
        "February 30",
        "Septiembre 25",
        "13月1日",
        "August",
        "August 1 25:00",
        "undefined",
        "NaN",
        "Total",
    ],
)
def test_parse_month_day_refuses_what_is_not_a_year_less_day(text: str) -> None:
    assert parse_month_day(text) is None


def _series(texts: list[str]) -> list[MonthDay]:
    days = [parse_month_day(t) for t in texts]
    assert all(d is not None for d in days)
    return days  # type: ignore[return-value]


NEW_YEAR_EN = ["December 30", "December 31", "January 1", "January 2"]
NEW_YEAR_DE = ["30. Dezember", "31. Dezember", "1. Januar", "2. Januar"]
NEW_YEAR_DE_PLAIN = ["30 Dezember", "31 Dezember", "1 Jänner", "2 Jänner"]


@pytest.mark.parametrize("texts", [NEW_YEAR_EN, NEW_YEAR_DE, NEW_YEAR_DE_PLAIN])
@pytest.mark.parametrize(
    "anchor",
    [
        YearAnchor(AnchorKind.WINDOW_START, D(2025, 12, 30)),
        YearAnchor(AnchorKind.DOWNLOAD, D(2026, 1, 3)),
        YearAnchor(AnchorKind.DOWNLOAD, D(2026, 1, 4)),
    ],
)
def test_series_across_new_year_lands_in_two_years(texts: list[str], anchor: YearAnchor) -> None:
    assert infer_years(_series(texts), anchor) == [
        D(2025, 12, 30),
        D(2025, 12, 31),
        D(2026, 1, 1),
        D(2026, 1, 2),
    ]


@pytest.mark.parametrize(
    ("anchor", "first", "last"),
    [
        # a whole year: 2 Nov 2025 … 1 Nov 2026, downloaded on 3 Nov 2026
        (YearAnchor(AnchorKind.DOWNLOAD, D(2026, 11, 3)), D(2025, 11, 2), D(2026, 11, 1)),
        (YearAnchor(AnchorKind.WINDOW_START, D(2025, 11, 2)), D(2025, 11, 2), D(2026, 11, 1)),
    ],
)
def test_365_day_window_over_new_year(anchor: YearAnchor, first: D, last: D) -> None:
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    texts = [f"{d.strftime('%B')} {d.day}" for d in days]
    inferred = infer_years(_series(texts), anchor)
    assert inferred == days


def test_window_start_wins_over_a_nearby_year_boundary() -> None:
    # window starts 1 Jan 2026: "January 1" is 2026, not 2025 or 2027
    days = _series(["January 1", "January 2"])
    assert infer_years(days, YearAnchor(AnchorKind.WINDOW_START, D(2026, 1, 1)))[0] == D(2026, 1, 1)


def test_series_ending_one_day_before_download_in_new_year() -> None:
    # downloaded 1 January 2027 at 09:00, last row 31 December: all of it is 2026
    days = _series(["December 29", "December 30", "December 31"])
    got = infer_years(days, YearAnchor(AnchorKind.DOWNLOAD, D(2027, 1, 1)))
    assert got == [D(2026, 12, 29), D(2026, 12, 30), D(2026, 12, 31)]


def test_29_february_in_a_common_year_is_an_error_not_a_guess() -> None:
    days = _series(["February 28", "February 29", "March 1"])
    with pytest.raises(YearInferenceError):
        infer_years(days, YearAnchor(AnchorKind.DOWNLOAD, D(2026, 3, 3)))
    assert infer_years(days, YearAnchor(AnchorKind.DOWNLOAD, D(2028, 3, 3)))[1] == D(2028, 2, 29)


def test_latest_on_or_before_places_a_post_before_its_snapshot() -> None:
    assert latest_on_or_before(MonthDay(8, 1), D(2026, 10, 31)) == D(2026, 8, 1)
    assert latest_on_or_before(MonthDay(12, 20), D(2026, 1, 5)) == D(2025, 12, 20)
    assert latest_on_or_before(MonthDay(1, 5), D(2026, 1, 5)) == D(2026, 1, 5)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Overview_2026-08-01_1793426400_stadt_musterhausen.zip", D(2026, 8, 1)),
        ("Overview_2025-12-15_1700000000_polizei.berlin.zip", D(2025, 12, 15)),
        ("Content_stadt_musterhausen.zip", None),
        ("Overview_2026-13-01_1_x.zip", None),
    ],
)
def test_window_start_from_zip_name(name: str, expected: D | None) -> None:
    assert window_start_from_name(name) == expected


# ------------------------------------------------------------------------ engagement maths
@pytest.mark.parametrize(
    ("likes", "comments", "shares", "views", "expected"),
    [
        (90, 5, 5, 1000, 0.1),
        (979, -1, 117, 10677, (979 - 1 + 117) / 10677),
        (1, 1, 1, 0, None),
        (1, 1, 1, None, None),
        (None, 1, 1, 100, None),
        (0, 0, 0, 50, 0.0),
    ],
)
def test_engagement_rate(likes, comments, shares, views, expected) -> None:  # type: ignore[no-untyped-def]
    got = an.engagement_rate(likes, comments, shares, views)
    assert got == (pytest.approx(expected) if expected is not None else None)


def test_moving_average_skips_missing_and_waits_for_half_a_window() -> None:
    values = [7, 7, 7, 7, 14, None, 14, 0]
    got = an.moving_average(values, 7)
    assert got[:3] == [None, None, None]
    assert got[3] == pytest.approx(7.0)
    assert got[4] == pytest.approx(42 / 5)
    assert got[5] == pytest.approx(42 / 5)  # missing day: mean of the known ones
    assert got[6] == pytest.approx(56 / 6)
    assert got[7] == pytest.approx((7 + 7 + 7 + 14 + 14 + 0) / 6)  # first 7 dropped out


def test_moving_average_of_one_is_the_series() -> None:
    assert an.moving_average([1, None, 3], 1) == [1, None, 3]


def test_differences_recomputes_followers_change() -> None:
    assert an.differences([4206, 4216, None, 4247, 4249]) == [None, 10, None, None, 2]
    assert an.differences([]) == []


def test_spread_median_quartiles_and_count() -> None:
    s = an.spread([1, 2, 3, 4, 5, None])
    assert (s.count, s.median, s.q1, s.q3, s.minimum, s.maximum) == (5, 3, 2, 4, 1, 5)
    assert an.spread([None]).count == 0
    assert an.spread([None]).median is None
    one = an.spread([0.04])
    assert (one.count, one.median, one.q1) == (1, 0.04, 0.04)


def test_group_spread_keeps_counts_per_group() -> None:
    groups = an.group_spread([("a", 1), ("b", 10), ("a", 3), ("b", None)])
    assert list(groups) == ["a", "b"]
    assert groups["a"].count == 2 and groups["a"].median == 2
    assert groups["b"].count == 1


def test_weekday_hour_heatmap_medians_and_counts() -> None:
    monday_18 = dt.datetime(2026, 8, 3, 18, 5)
    friday_7 = dt.datetime(2026, 8, 7, 7, 59)
    hm = an.weekday_hour_heatmap(
        [(monday_18, 100), (monday_18, 300), (monday_18, None), (friday_7, 5)]
    )
    assert hm.count[0][18] == 3
    assert hm.median[0][18] == 200
    assert hm.median[4][7] == 5
    assert hm.median[2][12] is None and hm.count[2][12] == 0


def test_net_change() -> None:
    assert an.net_change(30, 11) == 19
    assert an.net_change(None, 1) is None
