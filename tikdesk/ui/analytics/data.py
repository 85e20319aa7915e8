"""What the Auswertung tab shows for one account and period, read once and kept.

:class:`BoardSource` reads through :class:`~tikdesk.services.analytics.AnalyticsService` and
keeps what a switch needs again (an account's days, its videos, its audience shares, the
peer accounts) until :meth:`BoardSource.invalidate`; :meth:`BoardSource.board_data` builds
the :class:`BoardData` the charts are fed with, and :func:`kpi_text` the summary line.
No pyqtgraph here: the charts are imported when the tab is first shown.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from tikdesk.domain.analytics import HeatMap
from tikdesk.services import analytics as svc
from tikdesk.services.analytics import (
    AnalyticsService,
    BenchmarkSeries,
    DailySeries,
    GroupSpread,
    VideoPerformance,
)
from tikdesk.ui.analytics import fmt

translate = QCoreApplication.translate

Share = tuple[str, float | None, dt.date]  # (key, fraction, date of the snapshot)
Bounds = tuple[dt.date | None, dt.date | None]


@dataclass
class BoardData:
    """Everything the charts show for one account and period."""

    account: str
    series: DailySeries
    videos: list[VideoPerformance]
    by_format: list[GroupSpread]
    by_audience: list[GroupSpread]
    heat: HeatMap
    heat_with_time: int
    heat_without_time: int
    own_all: DailySeries | None
    benchmarks: list[BenchmarkSeries]
    gender: list[Share] = field(default_factory=list)
    territory: list[Share] = field(default_factory=list)


class BoardSource:
    """The analytics data of the tab, read once per account until :meth:`invalidate`."""

    def __init__(self, service: AnalyticsService) -> None:
        self.service = service
        self._videos: dict[str, list[VideoPerformance]] = {}
        self._own_all: dict[str, DailySeries] = {}
        self._bounds: dict[str, Bounds] = {}
        self._shares: dict[str, tuple[list[Share], list[Share]]] = {}
        self._benchmarks: list[BenchmarkSeries] | None = None

    def invalidate(self) -> None:
        """Read everything again on next use (after an import, a database switch …)."""
        self._videos.clear()
        self._own_all.clear()
        self._bounds.clear()
        self._shares.clear()
        self._benchmarks = None

    def benchmarks_stale(self) -> bool:
        return self._benchmarks is None

    def benchmarks(self) -> list[BenchmarkSeries]:
        if self._benchmarks is None:
            self._benchmarks = self.service.benchmarks()
        return self._benchmarks

    def forget_benchmarks(self) -> None:
        self._benchmarks = None

    def bounds_of(self, account: str | None) -> Bounds:
        if not account:
            return None, None
        if account not in self._bounds:
            self._bounds[account] = self.service.date_bounds(account)
        return self._bounds[account]

    def videos_of(self, account: str) -> list[VideoPerformance]:
        if account not in self._videos:
            self._videos[account] = self.service.videos(account)
        return self._videos[account]

    def all_days(self, account: str) -> DailySeries:
        if account not in self._own_all:
            self._own_all[account] = self.service.daily_series(account)
        return self._own_all[account]

    def shares_of(self, account: str) -> tuple[list[Share], list[Share]]:
        """The newest gender and territory snapshot (not period-bound)."""
        if account not in self._shares:
            self._shares[account] = (
                self.service.audience(account, "gender") if account else [],
                self.service.audience(account, "territory") if account else [],
            )
        return self._shares[account]

    def board_data(
        self, account: str, start: dt.date | None, end: dt.date | None, metric: str
    ) -> BoardData:
        """The charts' data for ``account`` (may be "") from ``start`` to ``end``; the heat
        map by ``metric`` ("views" or "rate")."""
        series = (
            svc.slice_series(self.all_days(account), start, end)
            if account
            else svc.build_daily_series("", [], None)
        )
        videos = svc.videos_in_period(self.videos_of(account), start, end) if account else []
        timed = sum(1 for v in videos if v.has_time)
        gender, territory = self.shares_of(account)
        return BoardData(
            account=account,
            series=series,
            videos=videos,
            by_format=svc.engagement_by(videos, "format"),
            by_audience=svc.engagement_by(videos, "audience"),
            heat=svc.heatmap(videos, metric),
            heat_with_time=timed,
            heat_without_time=len(videos) - timed,
            own_all=self.all_days(account) if account else None,
            benchmarks=self.benchmarks(),
            gender=gender,
            territory=territory,
        )


def _total(series: DailySeries, key: str) -> int | None:
    known = [v for v in series.values.get(key, []) if v is not None]
    return sum(known) if known else None


def kpi_text(data: BoardData, start: dt.date | None, end: dt.date | None) -> str:
    """The summary line above the charts (rich text)."""
    series, videos = data.series, data.videos
    followers = [v for v in series.values.get("followers", []) if v is not None]
    net = [v for v in series.net_change if v is not None]
    rates = [v.engagement_rate for v in videos if v.engagement_rate is not None]
    median = statistics.median(rates) if rates else None
    parts = [f"<b>{fmt.fmt_day(start)} – {fmt.fmt_day(end)}</b>"]
    if followers:  # the same change as the chart's "first → last"
        parts.append(
            translate("Analytics", "Followers %1 (%2)")
            .replace("%1", fmt.fmt_int(followers[-1]))
            .replace("%2", fmt.fmt_signed(followers[-1] - followers[0]))
        )
    elif net:
        parts.append(translate("Analytics", "Followers %1").replace("%1", fmt.fmt_signed(sum(net))))
    parts.append(
        translate("Analytics", "Views %1").replace("%1", fmt.fmt_int(_total(series, "video_views")))
    )
    interactions = [_total(series, key) for key in ("likes", "comments", "shares")]
    if any(i is not None for i in interactions):
        parts.append(
            translate("Analytics", "Likes + comments + shares %1").replace(
                "%1", fmt.fmt_int(sum(i or 0 for i in interactions))
            )
        )
    parts.append(
        translate("Analytics", "Posts %1, typical engagement rate %2")
        .replace("%1", str(len(videos)))
        .replace("%2", fmt.fmt_pct(median))
    )
    return " &nbsp;·&nbsp; ".join(parts)
