"""Typical engagement rate per group (format, audience) with the middle half of the posts."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from tikdesk.domain.analytics import Spread
from tikdesk.services.analytics import NOT_LINKED, GroupSpread
from tikdesk.ui import theme
from tikdesk.ui.analytics import fmt
from tikdesk.ui.analytics.charts import _pg
from tikdesk.ui.analytics.charts.panel import (
    BLUE,
    DARK,
    ChartPanel,
    TableData,
    fit_x_to_labels,
    pen,
)
from tikdesk.ui.widgets.fmt import arg

translate = QCoreApplication.translate
FEW_POSTS = 3


class EngagementPanel(ChartPanel):
    """Typical engagement rate (median) per group with the middle half of the posts (Q1–Q3)
    and the post count; the statistics' names are in the tooltip, not on the chart.  Groups
    with fewer than 3 posts are hatched (not told apart by a paler colour alone)."""

    link_requested = Signal()
    bottom_title_lines = 2

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._ends: list[float] = []  # where each group's bar (or line) ends
        self._build_link_note()
        self.category_axis = _pg.CategoryAxis()
        self.plot = self.add_plot(0, _pg.NumberAxis("bottom", percent=True), self.category_axis)
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.plot.getViewBox().invertY(True)
        self.plot.setLabel(
            "bottom",
            translate(
                "Analytics", "bar: typical value · line: middle half<br>hatched: fewer than 3 posts"
            ),
            color=DARK,
        )
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.6, width=[], pen=pg.mkPen(None))
        self.errors = pg.ErrorBarItem(x=np.zeros(0), y=np.zeros(0), pen=pen(DARK, 1), beam=0.2)
        self.plot.addItem(self.bars)
        self.plot.addItem(self.errors)
        self.count_labels = _pg.Labels((0, 0.5), offset=(4, 0))  # as pg.TextItem's margin
        self.plot.addItem(self.count_labels, ignoreBounds=True)
        self.plot.getViewBox().sigResized.connect(lambda _view: self._fit_x_range())
        self.groups: list[GroupSpread] = []
        note = translate(
            "Analytics",
            "Bar: the typical value (median: half of the posts are above it, half below) · "
            "line: the middle half of the posts (from the first to the third quartile, "
            "Q1–Q3) · hatched: fewer than 3 posts",
        )
        self.message.setToolTip(note)
        self.graphics.setToolTip("")
        self.note = note

    def _build_link_note(self) -> None:
        self.link_button = QToolButton()
        self.link_button.setObjectName("linkVideosButton")
        self.link_button.setText(translate("Analytics", "Link videos…"))
        self.link_button.setToolTip(
            translate("Analytics", "Link the imported videos to their posts")
        )
        self.link_button.clicked.connect(self._on_link_clicked)
        self.link_button.setVisible(False)
        self.add_header_widget(self.link_button)
        self.unlinked_label = QLabel()
        self.unlinked_label.setObjectName("unlinkedNote")
        self.unlinked_label.setWordWrap(True)
        self.unlinked_label.setStyleSheet(theme.css("muted"))
        # Three lines, always: a note that came and went re-laid out the whole chart grid.
        self.unlinked_label.setFixedHeight(3 * self.fontMetrics().lineSpacing() + 4)
        self.panel_layout.insertWidget(2, self.unlinked_label)  # below title and info

    def _on_link_clicked(self) -> None:
        self.link_requested.emit()

    def _show_unlinked(self) -> None:
        unlinked = next((g for g in self.groups if g.key == NOT_LINKED), None)
        self.link_button.setVisible(unlinked is not None)
        note = ""
        if unlinked is not None:
            note = arg(
                translate(
                    "Analytics",
                    "„%1“: %2 videos are not linked to a post yet, so their format and "
                    "audience are unknown. Link them (Link videos…) to compare.",
                ),
                unlinked.label,
                str(unlinked.spread.count),
            )
        if note != self.unlinked_label.text():
            self.unlinked_label.setText(note)
            self.unlinked_label.setToolTip(note)

    def update_groups(self, groups: Sequence[GroupSpread]) -> None:
        self.groups = list(groups)
        self._show_unlinked()
        if not self.groups:
            self.count_labels.set_labels([])
            self.show_message(
                translate(
                    "Analytics",
                    "No posts with views in this period. Link the imported videos to "
                    "their posts (Link videos…) to compare formats and audiences.",
                )
            )
            return
        n = len(self.groups)
        y = np.arange(n, dtype=float)
        med = np.array([g.spread.median or 0.0 for g in self.groups])
        q1 = np.array([g.spread.q1 if g.spread.q1 is not None else 0.0 for g in self.groups])
        q3 = np.array([g.spread.q3 if g.spread.q3 is not None else 0.0 for g in self.groups])
        few = [g.spread.count < FEW_POSTS for g in self.groups]
        self.bars.setOpts(
            x0=np.zeros(n),
            y=y,
            height=0.6,
            width=med,
            brushes=[_brush(f) for f in few],
            pens=[pen(BLUE, 1) if f else pg.mkPen(None) for f in few],
        )
        self.errors.setData(x=med, y=y, left=med - q1, right=q3 - med, beam=0.25)
        self.category_axis.set_labels([g.label for g in self.groups])
        self._ends = [float(max(q3[i], med[i])) for i in range(n)]
        self.count_labels.set_labels(
            [
                (
                    arg(
                        translate("Analytics", "%1 posts · typically %2"),
                        str(g.spread.count),
                        fmt.fmt_pct(g.spread.median),
                    ),
                    self._ends[i],
                    float(i),
                    DARK,
                )
                for i, g in enumerate(self.groups)
            ]
        )
        self._fit_x_range()
        self.plot.setYRange(-0.6, n - 0.4, padding=0)
        total = sum(g.spread.count for g in self.groups)
        self.set_info(
            translate("Analytics", "%1 posts; typical value and middle half").replace(
                "%1", fmt.fmt_int(total)
            )
        )
        self.info_label.setToolTip(self.note)
        self.show_chart()

    def _fit_x_range(self) -> None:
        """Room at the right for every "12 posts · typically 9,3 %" beside its bar."""
        fit_x_to_labels(self.plot, self.count_labels, self._ends, default=1.7)

    def hover_text(self, plot: pg.PlotItem, x: float, y: float) -> tuple[str, float | None]:
        i = round(y)
        if not 0 <= i < len(self.groups):
            return "", None
        g = self.groups[i]
        s: Spread = g.spread
        lines = [
            g.label,
            arg(translate("Analytics", "Posts: %1"), str(s.count)),
            arg(translate("Analytics", "Typical value: %1 (median)"), fmt.fmt_pct(s.median, 2)),
            arg(
                translate("Analytics", "Middle half of the posts: %1 – %2 (quartiles Q1–Q3)"),
                fmt.fmt_pct(s.q1, 2),
                fmt.fmt_pct(s.q3, 2),
            ),
            arg(
                translate("Analytics", "Lowest – highest: %1 – %2"),
                fmt.fmt_pct(s.minimum, 2),
                fmt.fmt_pct(s.maximum, 2),
            ),
        ]
        if s.count < FEW_POSTS:
            lines.append(translate("Analytics", "Few posts: do not over-read this."))
        return "\n".join(lines), None

    def table_data(self) -> TableData:
        data = TableData(
            [
                translate("Analytics", "Group"),
                translate("Analytics", "Posts"),
                translate("Analytics", "Typical value (median)"),
                translate("Analytics", "Middle half from (Q1)"),
                translate("Analytics", "Middle half to (Q3)"),
                translate("Analytics", "Lowest"),
                translate("Analytics", "Highest"),
            ]
        )
        for g in self.groups:
            s = g.spread
            data.rows.append(
                [
                    g.label,
                    str(s.count),
                    fmt.fmt_pct(s.median, 2),
                    fmt.fmt_pct(s.q1, 2),
                    fmt.fmt_pct(s.q3, 2),
                    fmt.fmt_pct(s.minimum, 2),
                    fmt.fmt_pct(s.maximum, 2),
                ]
            )
        return data


def _brush(few: bool) -> QBrush:
    """Solid for a group with enough posts, hatched for one with fewer than 3."""
    style = Qt.BrushStyle.BDiagPattern if few else Qt.BrushStyle.SolidPattern
    return QBrush(QColor(BLUE), style)
