"""Pure analytics rules: engagement rate, moving averages, robust summaries, heat maps.

Missing numbers stay missing (``None``) all the way through — an export that says
``undefined`` must never turn into a zero that drags a median down.
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Number = int | float


def engagement_rate(
    likes: Number | None, comments: Number | None, shares: Number | None, views: Number | None
) -> float | None:
    """(likes + comments + shares) / views, or None when it cannot be known.

    None when views are missing or zero, or when any of the three interactions is missing
    (counting a missing value as 0 would understate the rate).
    """
    if views is None or views <= 0 or likes is None or comments is None or shares is None:
        return None
    return (likes + comments + shares) / views


def moving_average(values: Sequence[Number | None], window: int = 7) -> list[float | None]:
    """Trailing mean over the last ``window`` values, skipping missing ones.

    A point gets a value once at least half of its window is known (so the line does not
    start with one-day "averages") and stays None where its own day and the whole window are
    missing.
    """
    if window < 1:
        raise ValueError("window must be >= 1")
    need = (window + 1) // 2
    out: list[float | None] = []
    total, count = 0.0, 0
    for i, value in enumerate(values):
        if value is not None:
            total += value
            count += 1
        if i >= window:
            old = values[i - window]
            if old is not None:
                total -= old
                count -= 1
        out.append(total / count if count >= need else None)
    return out


def differences(values: Sequence[Number | None]) -> list[Number | None]:
    """Day-to-day change of a running total (None where either side is missing).

    TikTok's own "Difference in followers from previous day" is off by one day; this is the
    recomputed column.
    """
    out: list[Number | None] = [None]
    for prev, cur in itertools.pairwise(values):
        out.append(None if prev is None or cur is None else cur - prev)
    return out[: len(values)]


@dataclass(frozen=True)
class Spread:
    """Median and quartiles of a group, with the number of values it rests on."""

    count: int
    median: float | None
    q1: float | None
    q3: float | None
    minimum: float | None
    maximum: float | None


def spread(values: Iterable[Number | None]) -> Spread:
    """Median, quartiles (inclusive method), min and max of the known values."""
    known = sorted(float(v) for v in values if v is not None)
    if not known:
        return Spread(0, None, None, None, None, None)
    if len(known) == 1:
        only = known[0]
        return Spread(1, only, only, only, only, only)
    q1, median, q3 = statistics.quantiles(known, n=4, method="inclusive")
    return Spread(len(known), median, q1, q3, known[0], known[-1])


def group_spread(pairs: Iterable[tuple[str, Number | None]]) -> dict[str, Spread]:
    """``(group, value)`` pairs → Spread per group (groups in first-seen order)."""
    groups: dict[str, list[Number | None]] = {}
    for key, value in pairs:
        groups.setdefault(key, []).append(value)
    return {key: spread(values) for key, values in groups.items()}


@dataclass(frozen=True)
class HeatMap:
    """7 × 24 grid (Monday first): median of a metric and number of posts per slot."""

    median: list[list[float | None]]
    count: list[list[int]]


def weekday_hour_heatmap(points: Iterable[tuple[dt.datetime, Number | None]]) -> HeatMap:
    """Posts by publication weekday × hour → median performance and post count per slot."""
    cells: list[list[list[float]]] = [[[] for _ in range(24)] for _ in range(7)]
    count = [[0] * 24 for _ in range(7)]
    for when, value in points:
        count[when.weekday()][when.hour] += 1
        if value is not None:
            cells[when.weekday()][when.hour].append(float(value))
    median = [[statistics.median(c) if c else None for c in row] for row in cells]
    return HeatMap(median=median, count=count)


def net_change(new: Number | None, lost: Number | None) -> Number | None:
    """New minus lost followers, or None when either is missing."""
    if new is None or lost is None:
        return None
    return new - lost
