"""The followers' gender and top territories as TikTok last exported them."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from tikdesk.ui.analytics import fmt
from tikdesk.ui.analytics.charts import _pg
from tikdesk.ui.analytics.charts.panel import (
    DARK,
    GREEN,
    PURPLE,
    ChartPanel,
    TableData,
    fit_x_to_labels,
)
from tikdesk.ui.analytics.data import Share
from tikdesk.ui.widgets.fmt import arg

translate = QCoreApplication.translate

OTHERS = "others"  # TikTok's key for the countries outside its top list


def audience_key_label(kind: str, key: str) -> str:
    """TikTok's gender keys in words; territories are ISO codes (kept), ``Others`` in words."""
    words = {
        "female": translate("Analytics", "female"),
        "male": translate("Analytics", "male"),
        "other": translate("Analytics", "diverse / not stated"),
        OTHERS: translate("Analytics", "other countries"),
    }
    return words.get(key.strip().casefold(), key)


def others_last(rows: Sequence[Share]) -> list[Share]:
    """The shares in their order, with "other countries" at the end whatever its size."""
    named = [r for r in rows if r[0].strip().casefold() != OTHERS]
    return named + [r for r in rows if r[0].strip().casefold() == OTHERS]


class AudiencePanel(ChartPanel):
    """The followers' gender and top territories as TikTok last exported them: simple
    horizontal bars with the share, and the date of the snapshot beside the title."""

    KINDS = ("gender", "territory")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("Analytics", "Followers by gender and country"), parent)
        self.axes: dict[str, _pg.CategoryAxis] = {}
        self.bars: dict[str, pg.BarGraphItem] = {}
        self.share_labels: dict[str, _pg.Labels] = {}
        self.plot_of: dict[str, pg.PlotItem] = {}
        self._ends: dict[str, list[float]] = {kind: [] for kind in self.KINDS}
        colors = {"gender": PURPLE, "territory": GREEN}
        for row, kind in enumerate(self.KINDS):
            axis = _pg.CategoryAxis()
            plot = self.add_plot(row, _pg.NumberAxis("bottom", percent=True), axis)
            plot.showGrid(x=True, y=False, alpha=0.15)
            plot.getViewBox().invertY(True)
            bars = pg.BarGraphItem(
                x0=[], y=[], height=0.6, width=[], brush=colors[kind], pen=pg.mkPen(None)
            )
            plot.addItem(bars)
            labels = _pg.Labels((0, 0.5), offset=(4, 0))
            plot.addItem(labels, ignoreBounds=True)
            self.axes[kind], self.bars[kind], self.share_labels[kind] = axis, bars, labels
            self.plot_of[kind] = plot
            plot.getViewBox().sigResized.connect(lambda _v, kind=kind: self._fit_x_range(kind))
        self.plot_of["gender"].setLabel("left", translate("Analytics", "Gender"), color=DARK)
        self.plot_of["territory"].setLabel("left", translate("Analytics", "Country"), color=DARK)
        self.shares: dict[str, list[Share]] = {kind: [] for kind in self.KINDS}

    def update_shares(self, gender: Sequence[Share], territory: Sequence[Share]) -> None:
        self.shares = {"gender": list(gender), "territory": others_last(territory)}
        if not gender and not territory:
            for labels in self.share_labels.values():
                labels.set_labels([])
            self.show_message(
                translate(
                    "Analytics",
                    "No gender or country shares yet. They come with the Followers ZIP "
                    "from TikTok Studio (FollowerGender, FollowerTopTerritories).",
                )
            )
            return
        for kind, rows in self.shares.items():
            self._draw(kind, rows)
        dates = [d for rows in self.shares.values() for _k, _v, d in rows]
        if dates:
            self.set_info(
                translate("Analytics", "as exported on %1").replace("%1", fmt.fmt_day(max(dates)))
            )
        self.show_chart()

    def _draw(self, kind: str, rows: list[Share]) -> None:
        n = len(rows)
        values = np.array([v or 0.0 for _k, v, _d in rows], dtype=float)
        self.bars[kind].setOpts(x0=np.zeros(n), y=np.arange(n, dtype=float), width=values)
        self.axes[kind].set_labels([audience_key_label(kind, k) for k, _v, _d in rows])
        self.share_labels[kind].set_labels(
            [
                (fmt.fmt_pct(v, 0), float(values[i]), float(i), DARK)
                for i, (_k, v, _d) in enumerate(rows)
            ]
        )
        plot = self.plot_of[kind]
        self._ends[kind] = [float(v) for v in values]
        self._fit_x_range(kind)
        plot.setYRange(-0.6, max(n, 1) - 0.4, padding=0)

    def _fit_x_range(self, kind: str) -> None:
        """Room at the right for each share ("57 %") beside its bar."""
        ends = self._ends[kind] or [0.01]
        fit_x_to_labels(self.plot_of[kind], self.share_labels[kind], ends, default=1.25)

    def hover_text(self, plot: pg.PlotItem, x: float, y: float) -> tuple[str, float | None]:
        kind = next((k for k, p in self.plot_of.items() if p is plot), None)
        i = round(y)
        if kind is None or not 0 <= i < len(self.shares[kind]):
            return "", None
        key, value, taken = self.shares[kind][i]
        return arg(
            translate("Analytics", "%1: %2 of the followers (as of %3)"),
            audience_key_label(kind, key),
            fmt.fmt_pct(value),
            fmt.fmt_day(taken),
        ), None

    def table_data(self) -> TableData:
        data = TableData(
            [
                translate("Analytics", "Kind"),
                translate("Analytics", "Group"),
                translate("Analytics", "Share"),
                translate("Analytics", "As of"),
            ]
        )
        names = {
            "gender": translate("Analytics", "Gender"),
            "territory": translate("Analytics", "Country"),
        }
        for kind, rows in self.shares.items():
            for key, value, taken in rows:
                data.rows.append(
                    [
                        names[kind],
                        audience_key_label(kind, key),
                        fmt.fmt_pct(value),
                        fmt.fmt_day(taken),
                    ]
                )
        return data
