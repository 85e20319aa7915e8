"""Followers (line) and the daily net change (gain and loss bars), x-linked."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from tikdesk.services.analytics import DailySeries
from tikdesk.ui import theme
from tikdesk.ui.analytics import fmt
from tikdesk.ui.analytics.charts import _pg
from tikdesk.ui.analytics.charts.panel import (
    DARK,
    DAY,
    GREY,
    PURPLE,
    ChartPanel,
    TableData,
    line,
    nan_array,
    nearest_index,
    pen,
)
from tikdesk.ui.widgets.fmt import arg

translate = QCoreApplication.translate


class FollowersPanel(ChartPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("Analytics", "Followers and daily net change"), parent)
        self.top = self.add_plot(0, _pg.GermanDateAxis(), _pg.NumberAxis())
        self.bottom = self.add_plot(1, _pg.GermanDateAxis(), _pg.NumberAxis())
        self.top.hideAxis("bottom")
        self.bottom.setXLink(self.top)
        _pg.set_row_stretch(self.graphics, 0, 3)
        _pg.set_row_stretch(self.graphics, 1, 2)
        self.line = line(self.top, pen=pen(PURPLE, 2))
        # daily bars as filled step curves: one path instead of a rectangle per day
        step = {"x": [0.0, 1.0], "y": [0.0], "stepMode": "center", "fillLevel": 0, "pen": None}
        self.gain = pg.PlotCurveItem(brush=theme.PLOT_GAIN, **step)
        self.loss = pg.PlotCurveItem(brush=theme.PLOT_LOSS, **step)
        self.bottom.addItem(self.gain)
        self.bottom.addItem(self.loss)
        self.bottom.addLine(y=0, pen=pen(GREY))
        self.bottom.setLabel("left", translate("Analytics", "Net change"), color=DARK)
        for plot in (self.top, self.bottom):
            self.enable_crosshair(plot)
        self.series: DailySeries | None = None
        self.cumulative = False
        self._title = ""
        self._x: list[float] = []
        self._level: np.ndarray = np.zeros(0)

    def update_series(self, series: DailySeries) -> None:
        self.series = series
        followers = series.values["followers"]
        has_totals = any(v is not None for v in followers)
        has_change = any(v is not None for v in series.net_change)
        if series.empty or not (has_totals or has_change):
            self.show_message(
                translate(
                    "Analytics",
                    "No follower numbers in this period. Import the Followers ZIP "
                    "(FollowerHistory) or a Business Suite overview with new and lost followers.",
                )
            )
            return
        x = np.array(series.x)
        change = nan_array(series.net_change)
        self.cumulative = not has_totals  # business: only new/lost, summed since the start
        level = np.nancumsum(np.nan_to_num(change)) if self.cumulative else nan_array(followers)
        self._set_title(
            translate("Analytics", "Net, summed")
            if self.cumulative
            else translate("Analytics", "Followers")
        )
        self._x, self._level = series.x, level
        self.line.setData(x, level)
        known = np.nan_to_num(change)
        edges = np.append(x - DAY / 2, x[-1] + DAY / 2)
        self.gain.setData(edges, np.where(known > 0, known, 0.0))
        self.loss.setData(edges, np.where(known < 0, known, 0.0))
        # x: the period's days (the bottom plot follows), so that two accounts with the same
        # days keep the date axes as drawn
        self.top.setXRange(edges[0], edges[-1])
        self.top.enableAutoRange(axis="y")
        self.bottom.enableAutoRange(axis="y")
        self.set_info(self._info(level, float(np.nansum(change))))
        self.show_chart()

    def _set_title(self, title: str) -> None:
        if title != self._title:  # a new axis title costs a relayout: only on a change
            self._title = title
            self.top.setLabel("left", title, color=DARK)

    def _info(self, level: np.ndarray, total: float) -> str:
        if self.cumulative:
            return translate("Analytics", "net %1 in the period").replace(
                "%1", fmt.fmt_signed(total)
            )
        first = next((v for v in level if not math.isnan(v)), None)
        last = next((v for v in reversed(level) if not math.isnan(v)), None)
        return (
            f"{fmt.fmt_int(first)} → {fmt.fmt_int(last)} "
            f"({fmt.fmt_signed((last or 0) - (first or 0))})"
        )

    def hover_text(self, plot: pg.PlotItem, x: float, y: float) -> tuple[str, float | None]:
        i = nearest_index(self._x, x)
        if i is None or self.series is None:
            return "", None
        s = self.series
        level = self._level[i]
        name = (
            translate("Analytics", "Net since the period began")
            if self.cumulative
            else translate("Analytics", "Followers")
        )
        lines = [
            fmt.fmt_day(s.days[i]),
            f"{name}: {fmt.fmt_int(None if math.isnan(level) else level)}",
            arg(translate("Analytics", "Net change: %1"), fmt.fmt_signed(s.net_change[i])),
        ]
        new, lost = s.values["new_followers"][i], s.values["lost_followers"][i]
        if new is not None or lost is not None:
            lines.append(
                arg(
                    translate("Analytics", "New: %1, lost: %2"), fmt.fmt_int(new), fmt.fmt_int(lost)
                )
            )
        return "\n".join(lines), s.x[i]

    def table_data(self) -> TableData:
        s = self.series
        data = TableData(
            [
                translate("Analytics", "Date"),
                translate("Analytics", "Followers"),
                translate("Analytics", "Net change"),
                translate("Analytics", "New followers"),
                translate("Analytics", "Lost followers"),
            ]
        )
        if s is not None:
            for i, day in enumerate(s.days):
                data.rows.append(
                    [
                        fmt.fmt_day(day),
                        fmt.fmt_int(s.values["followers"][i]),
                        fmt.fmt_signed(s.net_change[i]),
                        fmt.fmt_int(s.values["new_followers"][i]),
                        fmt.fmt_int(s.values["lost_followers"][i]),
                    ]
                )
        return data
