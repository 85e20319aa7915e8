"""Per post: views and engagement rate (bars), in order of publication."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from tikdesk.services.analytics import VideoPerformance, format_label
from tikdesk.ui.analytics import fmt
from tikdesk.ui.analytics.charts import _pg
from tikdesk.ui.analytics.charts.panel import (
    BLUE,
    DARK,
    ORANGE,
    ChartPanel,
    TableData,
    app_font,
    bars,
    nan_array,
    pen,
)
from tikdesk.ui.widgets.fmt import arg

translate = QCoreApplication.translate


def approx(text: str, approximate: bool) -> str:
    """A value that came from an abbreviated count (``1.2K``) is shown with "≈"."""
    return f"≈ {text}" if approximate and text != "–" else text


class PostsPanel(ChartPanel):
    """Per post: views (bars) and engagement rate (bars), in order of publication."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("Analytics", "Posts: views and engagement rate"), parent)
        self.axis_top, self.axis_bottom = _pg.IndexAxis(), _pg.IndexAxis()
        self.top = self.add_plot(0, self.axis_top, _pg.NumberAxis())
        self.bottom = self.add_plot(1, self.axis_bottom, _pg.NumberAxis(percent=True))
        self.top.hideAxis("bottom")
        self.bottom.setXLink(self.top)
        self.top.setLabel("left", translate("Analytics", "Views"), color=DARK)
        self.bottom.setLabel("left", translate("Analytics", "Engagement"), color=DARK)
        self.views = bars(np.zeros(0), np.zeros(0), 0.7, BLUE)
        self.rates = bars(np.zeros(0), np.zeros(0), 0.7, ORANGE)
        self.top.addItem(self.views)
        self.bottom.addItem(self.rates)
        self.median_line = pg.InfiniteLine(
            angle=0, movable=False, pen=pen(DARK, 1, Qt.PenStyle.DashLine)
        )
        self.bottom.addItem(self.median_line, ignoreBounds=True)
        for plot in (self.top, self.bottom):
            self.enable_crosshair(plot)
        self.videos: list[VideoPerformance] = []

    def update_videos(self, videos: Sequence[VideoPerformance]) -> None:
        self.videos = sorted(videos, key=lambda v: (v.posted_at or dt.datetime.min, v.video_link))
        if not self.videos:
            self.show_message(
                translate(
                    "Analytics",
                    "No posts with numbers in this period. Import the Content ZIP from "
                    "TikTok Studio or enter a post's numbers by hand (Enter numbers…).",
                )
            )
            return
        n = len(self.videos)
        x = np.arange(n, dtype=float)
        views = nan_array([v.views for v in self.videos])
        rates = nan_array([v.engagement_rate for v in self.videos])
        self.views.setOpts(x=x, height=np.nan_to_num(views), width=0.7 if n > 1 else 0.4)
        self.rates.setOpts(x=x, height=np.nan_to_num(rates), width=0.7 if n > 1 else 0.4)
        posted, titles = [v.posted_at for v in self.videos], [v.title for v in self.videos]
        for axis in (self.axis_top, self.axis_bottom):
            axis.set_posts(posted, titles, app_font())
        known = rates[~np.isnan(rates)]
        median = float(np.median(known)) if len(known) else None
        self.median_line.setVisible(median is not None)
        if median is not None:
            self.median_line.setPos(median)
        self.top.setXRange(-0.6, n - 0.4, padding=0)  # the bottom plot follows (x link)
        self.top.enableAutoRange(axis="y")
        self.bottom.enableAutoRange(axis="y")
        self.set_info(
            translate("Analytics", "%1 posts, typical engagement rate %2 (dashed line)")
            .replace("%1", fmt.fmt_int(n))
            .replace("%2", fmt.fmt_pct(median))
        )
        self.info_label.setToolTip(
            translate(
                "Analytics",
                "Typical value: the median – half of the posts are above it, half below.",
            )
        )
        self.show_chart()

    def hover_text(self, plot: pg.PlotItem, x: float, y: float) -> tuple[str, float | None]:
        i = round(x)
        if not 0 <= i < len(self.videos) or abs(x - i) > 0.45:
            return "", None
        v = self.videos[i]
        a = v.approximate
        lines = [
            v.title or v.video_link,
            fmt.fmt_posted(v.posted_at),
            arg(translate("Analytics", "Views: %1"), approx(fmt.fmt_int(v.views), a)),
            arg(
                translate("Analytics", "Likes: %1, comments: %2, shares: %3"),
                approx(fmt.fmt_int(v.likes), a),
                approx(fmt.fmt_int(v.comments), a),
                approx(fmt.fmt_int(v.shares), a),
            ),
            arg(
                translate("Analytics", "Engagement rate: %1"),
                approx(fmt.fmt_pct(v.engagement_rate), a),
            ),
            arg(translate("Analytics", "Format: %1"), format_label(v.format)),
        ]
        if a:
            lines.append(translate("Analytics", "≈ TikTok gave rounded numbers (such as 1.2K)."))
        return "\n".join(lines), float(i)

    def table_data(self) -> TableData:
        data = TableData(
            [
                translate("Analytics", "Published"),
                translate("Analytics", "Title"),
                translate("Analytics", "Views"),
                translate("Analytics", "Likes"),
                translate("Analytics", "Comments"),
                translate("Analytics", "Shares"),
                translate("Analytics", "Engagement rate"),
                translate("Analytics", "Format"),
            ]
        )
        for v in self.videos:
            a = v.approximate
            data.rows.append(
                [
                    fmt.fmt_posted(v.posted_at),
                    v.title,
                    approx(fmt.fmt_int(v.views), a),
                    approx(fmt.fmt_int(v.likes), a),
                    approx(fmt.fmt_int(v.comments), a),
                    approx(fmt.fmt_int(v.shares), a),
                    approx(fmt.fmt_pct(v.engagement_rate), a),
                    format_label(v.format),
                ]
            )
        return data
