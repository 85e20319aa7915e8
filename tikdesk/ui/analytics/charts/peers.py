"""The own account's followers against peer accounts' typed-in snapshots (all dates)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from tikdesk.services.analytics import BenchmarkSeries, DailySeries
from tikdesk.ui import theme
from tikdesk.ui.analytics import fmt
from tikdesk.ui.analytics.charts import _pg
from tikdesk.ui.analytics.charts.panel import (
    BLUE,
    DARK,
    DAY,
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

Line = tuple[str, list[float], list[float | None], list[dt.date]]  # name, x, followers, days


def _peers_key(peers: Sequence[BenchmarkSeries]) -> tuple[object, ...]:
    return tuple((b.name, tuple(b.ids), tuple(b.followers)) for b in peers)


def _last_point(xs: Sequence[float], ys: Sequence[float | None]) -> tuple[float, float] | None:
    for x, y in zip(reversed(xs), reversed(ys), strict=True):
        if y is not None and not math.isnan(y):
            return x, float(y)
    return None


class BenchmarkPanel(ChartPanel):
    """Own followers against peer accounts' typed-in snapshots (all dates).  Each peer has
    its own colour, dash and marker, and each line its name at its last point where there
    is room (WCAG 1.4.1)."""

    def __init__(self, form: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(translate("Analytics", "Peer accounts (followers)"), parent)
        self.setMinimumHeight(420)
        self.plot = self.add_plot(1, _pg.GermanDateAxis(), _pg.NumberAxis())
        self.plot.setLabel("left", translate("Analytics", "Followers"), color=DARK)
        self.legend = _pg.attach_legend(self.graphics, self.plot, 0, app_font())
        self.own = line(self.plot, pen=pen(BLUE, 2))
        self.names = _pg.Labels((1.0, 1.0), (-2.0, -3.0), sparse=True)
        self.plot.addItem(self.names, ignoreBounds=True)
        self.peers: list[pg.PlotDataItem] = []
        self.data: list[Line] = []
        self._key: object = None
        self._peers_key: object = None
        if form is not None:
            self.panel_layout.addWidget(form)

    def update_benchmarks(
        self, own_name: str, own: DailySeries | None, peers: Sequence[BenchmarkSeries]
    ) -> None:
        key = (own_name, id(own), _peers_key(peers))
        if key == self._key:
            return  # all dates, not the period: nothing to redraw on a period switch
        self._key = key
        self.data = []
        if not peers:
            self.names.set_labels([])
            self.show_message(
                translate(
                    "Analytics",
                    "No peer accounts yet. Type in other public bodies' followers "
                    "below (name, date, followers) to compare.",
                )
            )
            return
        if _peers_key(peers) != self._peers_key:  # typed-in peers changed: rebuild their lines
            self._peers_key = _peers_key(peers)
            self._rebuild_peers(peers)
        self._show_own(own_name, own)
        for peer in peers:
            self.data.append((peer.name, peer.x, list(peer.followers), peer.days))
        self._label_lines()
        self.plot.enableAutoRange()
        self.set_info(translate("Analytics", "%1 peer accounts").replace("%1", str(len(peers))))
        self.show_chart()

    def _rebuild_peers(self, peers: Sequence[BenchmarkSeries]) -> None:
        for item in self.peers:
            self.plot.removeItem(item)
            self.legend.removeItem(item)
        self.peers = []
        for index, peer in enumerate(peers):
            # own line: the first series; each peer its own colour, dash and marker
            series = theme.SERIES[1 + index % (len(theme.SERIES) - 1)]
            color = series.colour
            item = line(
                self.plot,
                x=np.array(peer.x),
                y=nan_array(peer.followers),
                pen=pen(color, 1.5, series.style),
                symbol=series.symbol,
                symbolSize=7,
                symbolBrush=color,
                symbolPen=pen(color),
            )
            self.legend.addItem(item, peer.name)
            self.peers.append(item)

    def _show_own(self, own_name: str, own: DailySeries | None) -> None:
        """Only the own line follows the account picker."""
        if own is None or not any(v is not None for v in own.values["followers"]):
            self.own.setData([], [])
            self.legend.removeItem(self.own)
            return
        self.own.setData(np.array(own.x), nan_array(own.values["followers"]))
        self.data.append((own_name, own.x, list(own.values["followers"]), own.days))
        label = self.legend.getLabel(self.own)
        if label is None:
            self.legend.addItem(self.own, own_name)
        elif label.text != own_name:
            label.setText(own_name)

    def _label_lines(self) -> None:
        """Each line's name at its last point (left out where it would overlap another)."""
        labels = []
        for name, xs, ys, _days in self.data:
            end = _last_point(xs, ys)
            if end is not None:
                labels.append((name, end[0], end[1], DARK))
        self.names.set_labels(labels)

    def hover_text(self, plot: pg.PlotItem, x: float, y: float) -> tuple[str, float | None]:
        best: tuple[float, str] | None = None
        x_range, y_range = self.plot.viewRange()
        tolerance = (x_range[1] - x_range[0]) / 40
        for name, xs, ys, days in self.data:
            i = nearest_index(xs, x)
            if i is None or ys[i] is None or abs(xs[i] - x) > max(tolerance, DAY):
                continue
            distance = abs((ys[i] or 0) - y) / max(y_range[1] - y_range[0], 1)
            text = arg(
                translate("Analytics", "%1\n%2: %3 followers"),
                name,
                fmt.fmt_day(days[i]),
                fmt.fmt_int(ys[i]),
            )
            if best is None or distance < best[0]:
                best = (distance, text)
        return (best[1], None) if best else ("", None)

    def table_data(self) -> TableData:
        data = TableData(
            [
                translate("Analytics", "Account"),
                translate("Analytics", "Date"),
                translate("Analytics", "Followers"),
            ]
        )
        for name, _xs, ys, days in self.data[1 if len(self.data) > 1 else 0 :]:
            for day, value in zip(days, ys, strict=True):
                data.rows.append([name, fmt.fmt_day(day), fmt.fmt_int(value)])
        return data
