"""Daily values (thin) with their 7-day moving average (bold), one or more metrics."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from tikdesk.services.analytics import DailySeries
from tikdesk.ui import theme
from tikdesk.ui.analytics import fmt
from tikdesk.ui.analytics.charts import _pg
from tikdesk.ui.analytics.charts.panel import (
    ChartPanel,
    TableData,
    app_font,
    line,
    nan_array,
    nearest_index,
    pen,
)
from tikdesk.ui.widgets.fmt import arg

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    color: str
    style: Qt.PenStyle = Qt.PenStyle.SolidLine  # told apart by more than colour


class DailyPanel(ChartPanel):
    """Daily values (thin) with their 7-day moving average (bold), one or more metrics.

    ``stacked``: one plot per metric, each with its own value axis and the metric's name on
    it (small multiples, labelled directly), x-linked: comments and shares, a fraction of the
    likes, are not flattened under them.  The averages also differ in line style."""

    def __init__(
        self,
        title: str,
        metrics: Sequence[Metric],
        parent: QWidget | None = None,
        *,
        stacked: bool = False,
    ) -> None:
        super().__init__(title, parent)
        self.metrics = list(metrics)
        self.stacked = stacked and len(self.metrics) > 1
        self.daily: dict[str, pg.PlotDataItem] = {}
        self.average: dict[str, pg.PlotDataItem] = {}
        self.plot_of: dict[str, pg.PlotItem] = {}
        self.legend: pg.LegendItem | None = None
        if self.stacked:
            self._build_stacked()
        else:
            self.plot = self.add_plot(1, _pg.GermanDateAxis(), _pg.NumberAxis())
            self.enable_crosshair(self.plot)
            self.legend = _pg.attach_legend(self.graphics, self.plot, 0, app_font())
            self.plot_of = {m.key: self.plot for m in self.metrics}
        single = len(self.metrics) == 1
        for m in self.metrics:
            plot = self.plot_of[m.key]
            # thin but opaque: a translucent line fell below 3:1 on the plot area
            self.daily[m.key] = line(
                plot,
                pen=pen(m.color, 1),
                name=translate("Analytics", "per day") if single else None,
            )
            self.average[m.key] = line(
                plot,
                pen=pen(m.color, 2, m.style),
                name=translate("Analytics", "7-day average") if single else m.label,
            )
        self.series: DailySeries | None = None

    def _build_stacked(self) -> None:
        self.setMinimumHeight(460)
        last = len(self.metrics) - 1
        for row, m in enumerate(self.metrics):
            plot = self.add_plot(row, _pg.GermanDateAxis(), _pg.NumberAxis())
            # the metric's name in its line's hue, dark enough to read (4.5:1)
            ink = theme.fit(m.color, theme.PLOT_BACKGROUND, theme.TEXT_RATIO).name()
            plot.setLabel("left", m.label, color=ink)
            if row < last:
                plot.hideAxis("bottom")
            if row:
                plot.setXLink(self.plot_of[self.metrics[0].key])
            self.enable_crosshair(plot)
            self.plot_of[m.key] = plot
        self.plot = self.plot_of[self.metrics[0].key]

    def update_series(self, series: DailySeries) -> None:
        self.series = series
        known = any(v is not None for m in self.metrics for v in series.values[m.key])
        if series.empty or not known:
            self.show_message(
                translate(
                    "Analytics",
                    "No daily numbers in this period. Import the Overview ZIP from "
                    "TikTok Studio or a Business Suite overview.",
                )
            )
            return
        x = np.array(series.x)
        for m in self.metrics:
            self.daily[m.key].setData(x, nan_array(series.values[m.key]))
            self.average[m.key].setData(x, nan_array(series.moving_average[m.key]))
        for plot in self.plots:
            plot.enableAutoRange()
        totals = []
        for m in self.metrics:
            total = sum(v for v in series.values[m.key] if v is not None)
            totals.append(f"{m.label} {fmt.fmt_int(total)}")
        self.set_info(translate("Analytics", "total: %1").replace("%1", ", ".join(totals)))
        self.show_chart()

    def hover_text(self, plot: pg.PlotItem, x: float, y: float) -> tuple[str, float | None]:
        s = self.series
        i = nearest_index(s.x, x) if s is not None else None
        if s is None or i is None:
            return "", None
        lines = [fmt.fmt_day(s.days[i])]
        for m in self.metrics:
            avg = s.moving_average[m.key][i]
            lines.append(
                arg(
                    translate("Analytics", "%1: %2 (7-day average %3)"),
                    m.label,
                    fmt.fmt_int(s.values[m.key][i]),
                    fmt.fmt_float(avg, 1) if avg is not None else "–",
                )
            )
        return "\n".join(lines), s.x[i]

    def table_data(self) -> TableData:
        headers = [translate("Analytics", "Date")]
        for m in self.metrics:
            headers += [m.label, arg(translate("Analytics", "%1 (7-day average)"), m.label)]
        data = TableData(headers)
        s = self.series
        if s is not None:
            for i, day in enumerate(s.days):
                row = [fmt.fmt_day(day)]
                for m in self.metrics:
                    avg = s.moving_average[m.key][i]
                    row += [
                        fmt.fmt_int(s.values[m.key][i]),
                        fmt.fmt_float(avg, 1) if avg is not None else "–",
                    ]
                data.rows.append(row)
        return data
