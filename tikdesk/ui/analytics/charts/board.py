"""All panels in a grid, fed with one account's and period's numbers.

Only the panels on screen are fed: a switch computes the board's data once and hands each
visible panel its part; a panel scrolled (or resized, or shown) into view later catches up
before it is painted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QMoveEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from tikdesk.ui import theme
from tikdesk.ui.analytics.charts import _pg
from tikdesk.ui.analytics.charts.audience import AudiencePanel
from tikdesk.ui.analytics.charts.daily import DailyPanel, Metric
from tikdesk.ui.analytics.charts.followers import FollowersPanel
from tikdesk.ui.analytics.charts.groups import EngagementPanel
from tikdesk.ui.analytics.charts.heatmap import HeatmapPanel
from tikdesk.ui.analytics.charts.panel import BLUE, GREEN, PURPLE, ChartPanel
from tikdesk.ui.analytics.charts.peers import BenchmarkPanel
from tikdesk.ui.analytics.charts.posts import PostsPanel
from tikdesk.ui.analytics.data import BoardData

translate = QCoreApplication.translate


class ChartBoard(QWidget):
    """All panels in a grid; ``show_data`` feeds the visible ones, ``set_table_mode`` flips
    them all."""

    def __init__(
        self, benchmark_form: QWidget | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.followers = FollowersPanel()
        self.views = DailyPanel(
            translate("Analytics", "Video views per day"),
            [Metric("video_views", translate("Analytics", "Views"), BLUE)],
        )
        vermillion = theme.PLOT_LOSS
        self.interactions = DailyPanel(
            translate("Analytics", "Likes, comments, shares per day"),
            [
                Metric("likes", translate("Analytics", "Likes"), vermillion),
                Metric("comments", translate("Analytics", "Comments"), GREEN, Qt.PenStyle.DashLine),
                Metric("shares", translate("Analytics", "Shares"), PURPLE, Qt.PenStyle.DotLine),
            ],
            stacked=True,
        )
        self.posts = PostsPanel()
        self.by_format = EngagementPanel(translate("Analytics", "Engagement rate by format"))
        self.by_audience = EngagementPanel(translate("Analytics", "Engagement rate by audience"))
        self.heatmap = HeatmapPanel()
        self.audience = AudiencePanel()
        self.benchmarks = BenchmarkPanel(benchmark_form)
        self.panels: list[ChartPanel] = [
            self.followers,
            self.views,
            self.interactions,
            self.posts,
            self.by_format,
            self.by_audience,
            self.heatmap,
            self.audience,
            self.benchmarks,
        ]
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for index, panel in enumerate(self.panels):
            if panel is self.benchmarks:  # with its form: the full width
                grid.addWidget(panel, index // 2, 0, 1, 2)
            else:
                grid.addWidget(panel, index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.data: BoardData | None = None
        self._stale: set[int] = set()  # indexes of the panels not fed the current data

    # ---------------------------------------------------------------- feeding
    def show_data(self, data: BoardData) -> None:
        """Keep ``data``; feed the panels on screen now, the others when they come into view."""
        self.data = data
        self._stale = set(range(len(self.panels)))
        self.catch_up()

    def catch_up(self, *, everything: bool = False) -> None:
        """Feed the stale panels that are on screen (``everything``: all of them)."""
        if self.data is None or not self._stale:
            return
        fed = [
            self.panels[i]
            for i in sorted(self._stale)
            if everything or not self.panels[i].visibleRegion().isEmpty()
        ]
        for panel in fed:
            self._feeder(panel)(self.data)
            self._stale.discard(self.panels.index(panel))
        _pg.fit_before_paint(plot for panel in fed for plot in panel.plots)
        for panel in fed:
            panel.fit_axes()

    def is_fed(self, panel: ChartPanel) -> bool:
        return self.data is not None and self.panels.index(panel) not in self._stale

    def _feeder(self, panel: ChartPanel) -> Callable[[BoardData], None]:
        feeders: dict[int, Callable[[BoardData], None]] = {
            id(self.followers): lambda d: self.followers.update_series(d.series),
            id(self.views): lambda d: self.views.update_series(d.series),
            id(self.interactions): lambda d: self.interactions.update_series(d.series),
            id(self.posts): lambda d: self.posts.update_videos(d.videos),
            id(self.by_format): lambda d: self.by_format.update_groups(d.by_format),
            id(self.by_audience): lambda d: self.by_audience.update_groups(d.by_audience),
            id(self.heatmap): lambda d: self.heatmap.update_heatmap(
                d.heat, d.heat_with_time, d.heat_without_time
            ),
            id(self.audience): lambda d: self.audience.update_shares(d.gender, d.territory),
            id(self.benchmarks): lambda d: self.benchmarks.update_benchmarks(
                d.account, d.own_all, d.benchmarks
            ),
        }
        return feeders[id(panel)]

    # a panel comes into view: scrolled (the board moves in the viewport), resized, shown
    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self.catch_up()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.catch_up()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.catch_up()

    # ---------------------------------------------------------------- all panels
    def set_table_mode(self, on: bool) -> None:
        for panel in self.panels:
            panel.set_table_mode(on)

    def images(self) -> list[QImage]:
        self.catch_up(everything=True)
        return [panel.render_image() for panel in self.panels]
