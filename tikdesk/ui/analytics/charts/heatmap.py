"""Weekday × hour of publication: typical views (or engagement) and the number of posts."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QWidget

from tikdesk.domain.analytics import HeatMap
from tikdesk.ui import theme
from tikdesk.ui.analytics import fmt
from tikdesk.ui.analytics.charts import _pg
from tikdesk.ui.analytics.charts.panel import DARK, ChartPanel, TableData
from tikdesk.ui.widgets.fmt import arg

translate = QCoreApplication.translate


def cell_colours(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(RGBA per cell, position 0…1 on the scale per cell) for a 7 × 24 grid of typical
    values (NaN: no post).  Empty cells are :data:`theme.HEAT_EMPTY`; the lowest value gets
    the scale's first colour, which stands out from an empty cell (3:1)."""
    empty = QColor(theme.HEAT_EMPTY)
    rgba = np.empty((7, 24, 4), dtype=np.ubyte)
    rgba[...] = (empty.red(), empty.green(), empty.blue(), 255)
    known = ~np.isnan(values)
    scale = np.zeros((7, 24))
    if known.any():
        low, high = float(np.nanmin(values)), float(np.nanmax(values))
        scale = (values - low) / (high - low) if high > low else np.where(known, 0.6, 0)
        cmap = pg.ColorMap([0.0, 0.5, 1.0], [QColor(c) for c in theme.HEAT_SCALE])
        colors = cmap.map(np.nan_to_num(scale).ravel(), mode="byte").reshape(7, 24, 4)
        rgba[known] = colors[known]
    return rgba, np.nan_to_num(scale)


class HeatmapPanel(ChartPanel):
    """Weekday × hour of publication: median views (or engagement) and number of posts."""

    metric_changed = Signal(str)
    bottom_title_lines = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("Analytics", "When posts were published and how they did"), parent
        )
        self.metric_box = QComboBox()
        self.metric_box.addItem(translate("Analytics", "Typical views (median)"), "views")
        self.metric_box.addItem(translate("Analytics", "Typical engagement rate (median)"), "rate")
        self.metric_box.setAccessibleName(translate("Analytics", "Heat map measure"))
        # narrower than its texts where the chart is narrow (large font): the list shows all
        self.metric_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.metric_box.setMinimumContentsLength(12)
        self.metric_box.setToolTip(self.metric_box.currentText())
        self.metric_box.currentTextChanged.connect(self.metric_box.setToolTip)
        self.metric_box.currentIndexChanged.connect(
            lambda _i: self.metric_changed.emit(self.selected_metric)
        )
        self.add_header_widget(self.metric_box)
        self.hour_axis = _pg.NumberAxis("bottom")
        self.day_axis = _pg.CategoryAxis()
        self.plot = self.add_plot(0, self.hour_axis, self.day_axis)
        self.day_axis.set_labels([fmt.weekday_short(i) for i in range(7)])
        self.hour_axis.setTicks(
            [[(h, str(h)) for h in range(0, 24, 3)], [(h, "") for h in range(24)]]
        )
        self.plot.setLabel(
            "bottom",
            translate(
                "Analytics",
                "Hour of publication · number: posts<br>darker and ▲: higher typical value, "
                "▼: lower",
            ),
            color=DARK,
        )
        self.plot.showGrid(x=False, y=False)
        self.plot.getViewBox().invertY(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.cell_labels = _pg.Labels((0.5, 0.0), (0.0, -2.0))  # the count: lower half
        self.plot.addItem(self.cell_labels, ignoreBounds=True)
        # the typical value by symbol too, not by shade alone (WCAG 1.4.1): ▲ top third of the
        # cells' range, ▼ bottom third, in the cell's upper half (above the count)
        self.level_marks = _pg.Labels((0.5, 1.0), (0.0, -2.0))
        self.plot.addItem(self.level_marks, ignoreBounds=True)
        self.heat: HeatMap | None = None
        self.without_time = 0

    @property
    def selected_metric(self) -> str:
        return str(self.metric_box.currentData())

    def update_heatmap(self, heat: HeatMap, with_time: int, without_time: int) -> None:
        self.heat, self.without_time = heat, without_time
        if with_time == 0:
            self._show_no_times(without_time)
            return
        values = np.array(
            [[np.nan if v is None else v for v in row] for row in heat.median], dtype=float
        )
        rgba, scale = cell_colours(values)
        known = ~np.isnan(values)
        ink = {
            (d, h): theme.on_colour(QColor(*(int(c) for c in rgba[d, h][:3])))
            for d in range(7)
            for h in range(24)
            if heat.count[d][h] or known[d, h]
        }
        self.cell_labels.set_labels(
            [
                (str(heat.count[d][h]), h, d, ink[d, h])
                for d in range(7)
                for h in range(24)
                if heat.count[d][h]
            ]
        )
        marks = []
        if known.any() and float(np.nanmax(values)) > float(np.nanmin(values)):
            for d, h in zip(*np.nonzero(known), strict=True):
                level = float(scale[d, h])
                if level >= 2 / 3 or level <= 1 / 3:
                    marks.append(("▲" if level >= 2 / 3 else "▼", h, d, ink[d, h]))
        self.level_marks.set_labels(marks)
        self.image.setImage(rgba, autoLevels=False, levels=(0, 255))
        self.image.setRect(-0.5, -0.5, 24, 7)  # after setImage: it needs the image size
        self.plot.setXRange(-0.5, 23.5, padding=0)
        self.plot.setYRange(-0.5, 6.5, padding=0)
        info = (
            translate("Analytics", "%1; %2 posts with a time")
            .replace("%1", self.metric_box.currentText())
            .replace("%2", str(with_time))
        )
        if without_time:
            info += "; " + translate("Analytics", "%1 without a time").replace(
                "%1", str(without_time)
            )
        self.set_info(info)
        self.show_chart()

    def _show_no_times(self, without_time: int) -> None:
        self.cell_labels.set_labels([])
        self.level_marks.set_labels([])
        text = translate(
            "Analytics",
            "No post in this period has a publication time with an hour. "
            "TikTok's Content export only gives the day: enter the time in the post "
            "(Posts & clearance) or import a video list with times.",
        )
        if without_time:
            text += "\n" + translate("Analytics", "Posts without a time: %1").replace(
                "%1", str(without_time)
            )
        self.show_message(text)

    def _shown(self, value: float | None) -> str:
        return fmt.fmt_pct(value) if self.selected_metric == "rate" else fmt.fmt_int(value)

    def _cell_text(self, d: int, h: int) -> str:
        assert self.heat is not None
        return arg(
            translate("Analytics", "%1 %2–%3 h: %4 posts, typically %5 (median)"),
            fmt.weekday_short(d),
            str(h),
            str(h + 1),
            str(self.heat.count[d][h]),
            self._shown(self.heat.median[d][h]),
        )

    def hover_text(self, plot: pg.PlotItem, x: float, y: float) -> tuple[str, float | None]:
        h, d = round(x), round(y)
        if self.heat is None or not (0 <= h < 24 and 0 <= d < 7) or not self.heat.count[d][h]:
            return "", None
        return self._cell_text(d, h), None

    def table_data(self) -> TableData:
        data = TableData(
            [
                translate("Analytics", "Weekday"),
                translate("Analytics", "Hour"),
                translate("Analytics", "Posts"),
                translate("Analytics", "Typical value (median)"),
            ]
        )
        heat = self.heat
        if heat is not None:
            for d in range(7):
                for h in range(24):
                    if heat.count[d][h]:
                        data.rows.append(
                            [
                                fmt.weekday_short(d),
                                f"{h}–{h + 1}",
                                str(heat.count[d][h]),
                                self._shown(heat.median[d][h]),
                            ]
                        )
        return data
