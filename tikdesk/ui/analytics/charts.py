"""The pyqtgraph charts of the analytics tab.

Imported only when the tab is first shown (pyqtgraph and numpy cost start-up time).  Every
chart is a :class:`ChartPanel`: a title, a plot, an empty-state message, the same numbers as a
table (the text alternative), hover texts with exact values, and "save as PNG".

Drawing follows ARCHITECTURE.md §6: 1-px pens for the daily lines, ``setClipToView`` and
automatic downsampling, items created once and fed new arrays with ``setData`` on every
period/account switch.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import ZoomLevel
from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QCursor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QImage,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.analytics import HeatMap, Spread
from tikdesk.services.analytics import (
    NOT_LINKED,
    BenchmarkSeries,
    DailySeries,
    GroupSpread,
    VideoPerformance,
    format_label,
)
from tikdesk.ui import theme
from tikdesk.ui.analytics import fmt

translate = QCoreApplication.translate

# The series colours come from the theme (Okabe–Ito hues darkened to 3:1 on the light plot
# area); each series there also has its own line style and marker (WCAG 1.4.1, 1.4.11).
BLUE, ORANGE, GREEN, PURPLE, SKY = (series.colour for series in theme.SERIES[:5])
VERMILLION = theme.fit("#D55E00", theme.PLOT_BACKGROUND, theme.GRAPHIC_RATIO).name()
GREY, DARK = "#9aa0a6", "#333333"
DAY = 86400.0
CHART_BACKGROUND = QColor("white")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NUMERIC = re.compile(r"^[+\-–]?[\d.,]+( ?%)?$|^–$")


def nan_array(values: Sequence[float | int | None]) -> np.ndarray:
    """Plain list with None → float array with NaN (pyqtgraph leaves gaps there)."""
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def pen(color: str, width: float = 1, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> object:
    return pg.mkPen(color=color, width=width, style=style)


def translucent(color: str, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


# ----------------------------------------------------------------------------- axes
def _opaque(color: QColor, background: QColor) -> QColor:
    """``color`` with its alpha blended onto ``background``: the same look, drawn opaque."""
    a = color.alphaF()
    return QColor(
        *(
            round(c * a + b * (1 - a))
            for c, b in zip(
                (color.red(), color.green(), color.blue()),
                (background.red(), background.green(), background.blue()),
                strict=True,
            )
        )
    )


class _LeanAxis:
    """Axis mixin: pyqtgraph's ``generateDrawSpecs`` with a fraction of its Python work.

    Every switch lays out the axes of every chart anew, and pyqtgraph's generic layout (a
    Point per tick end, every label measured with the painter on every redraw, the axis
    bounds taken per label) was the largest part of a redraw.  ``_lean_specs`` gives the
    same specs (a test compares them) for left and bottom axes with computed ticks and the
    default style; any other configuration takes pyqtgraph's own path."""

    _sizes: dict[tuple[str, str], QRectF]

    def generateDrawSpecs(self, p: QPainter) -> Any:
        axis: Any = self
        lean = (
            axis.orientation in ("left", "bottom")
            and axis._tickLevels is None
            and not axis.logMode
            and axis.style["tickFont"] is None
            and axis.style["tickAlpha"] is None
            and axis.style["stopAxisAtTick"] == (False, False)
            and axis.style["showValues"]
        )
        if not lean:
            return super().generateDrawSpecs(p)  # type: ignore[misc]
        if not hasattr(self, "_sizes"):
            self._sizes = {}
        self._prepare_layout(p)
        return self._lean_specs(p)

    def _prepare_layout(self, p: QPainter) -> None:
        """What the axis class does before pyqtgraph's layout (subclasses)."""

    def _lean_specs(self: Any, p: QPainter) -> Any:
        """``pg.AxisItem.generateDrawSpecs`` for a left or bottom axis with computed ticks and
        the default style, with plain points, labels measured once per text and the axis'
        bounds taken once, not per label."""
        bounds = self.mapRectFromParent(self.geometry())
        view = self.linkedView()
        if view is None or self.grid is False:
            tick_bounds = bounds
        else:
            tick_bounds = view.mapRectToItem(self, view.boundingRect())
        if self.orientation == "left":
            span = (
                QPointF(bounds.right() - 1, bounds.top() - 1),
                QPointF(bounds.right() - 1, bounds.bottom() + 1),
            )
            tick_start, tick_stop, tick_dir, axis = tick_bounds.right(), bounds.right(), -1, 0
        else:
            span = (
                QPointF(bounds.left() - 1, bounds.top() + 1),
                QPointF(bounds.right() + 1, bounds.top() + 1),
            )
            tick_start, tick_stop, tick_dir, axis = tick_bounds.top(), bounds.top(), 1, 1
        ends = [self.mapToDevice(point) for point in span]
        if None in ends:
            return None
        length = math.hypot(ends[1].x() - ends[0].x(), ends[1].y() - ends[0].y())
        if length == 0:
            return None
        levels = self.tickValues(self.range[0], self.range[1], length)

        # value → position along the axis (pyqtgraph's arithmetic, for the same pixels)
        dif = self.range[1] - self.range[0]
        if dif == 0:
            scale, offset = 1.0, 0.0
        elif axis == 0:
            scale = -bounds.height() / dif
            offset = self.range[0] * scale - bounds.height()
        else:
            scale = bounds.width() / dif
            offset = self.range[0] * scale
        low, high = sorted(x * scale - offset for x in self.range)

        style = self.style
        base_pen = self.tickPen()
        tick_specs = []
        positions: list[list[float | None]] = []
        for level, (_spacing, values) in enumerate(levels):
            stop = tick_stop  # grid lines span the plot, ticks stick out by their length
            if self.grid is False:
                stop += style["tickLength"] / ((level * 0.5) + 1.0) * tick_dir
            alpha = 255 / (level + 1)
            if self.grid is not False:
                alpha *= self.grid / 255.0 * min(max(0.05 * length / (len(values) + 1), 0.0), 1.0)
            tick_pen = base_pen
            if tick_pen.brush().style() == Qt.BrushStyle.SolidPattern:
                tick_pen = QPen(base_pen)
                color = QColor(tick_pen.color())
                color.setAlpha(int(alpha))
                tick_pen.setColor(color)
            at: list[float | None] = []
            for value in values:
                x = (value * scale) - offset
                if x < low or x > high:
                    at.append(None)
                    continue
                at.append(x)
                if axis == 0:
                    tick_specs.append((tick_pen, QPointF(tick_start, x), QPointF(stop, x)))
                else:
                    tick_specs.append((tick_pen, QPointF(x, tick_start), QPointF(x, stop)))
            positions.append(at)
        axis_spec = (self.pen(), span[0], span[1])

        text_offset = style["tickTextOffset"][axis]
        flags = (
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            if axis == 0
            else Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        ) | Qt.TextFlag.TextDontClip
        room = self.boundingRect()
        font = p.font().key()
        along = 0.0  # the labels' summed size along the axis, all levels so far
        across = 0.0
        last_across = 0.0
        text_specs: list[tuple[QRectF, Any, str]] = []
        for level in range(min(len(levels), style["maxTextLevel"] + 1)):
            spacing, values = levels[level]
            strings = self.tickStrings(values, self.autoSIPrefixScale * self.scale, spacing)
            if not strings:
                continue
            rects: list[QRectF | None] = []
            for text, x in zip(strings, positions[level], strict=True):
                if x is None:
                    rects.append(None)
                    continue
                rect = self._text_size(p, font, text)
                rects.append(rect)
                along += rect.height() if axis == 0 else rect.width()
                across = max(across, rect.width() if axis == 0 else rect.height())
            if level > 0:  # a finer level's labels only while the axis has room for them
                fill = along / length
                if any(
                    len(text_specs) >= n and fill >= limit for n, limit in style["textFillLimits"]
                ):
                    break
            last_across = across
            gap = max(0, style["tickLength"]) + text_offset
            for text, x, size in zip(strings, positions[level], rects, strict=True):
                if x is None or size is None:
                    continue
                width, height = size.width(), size.height()
                if axis == 0:
                    place = QRectF(tick_stop - gap - width, x - (height / 2), width, height)
                else:
                    place = QRectF(x - width / 2.0, tick_stop + gap, width, height)
                if room & place != place:
                    continue
                text_specs.append((place, flags, text))
        self._updateMaxTextSize(last_across)
        return axis_spec, tick_specs, text_specs

    def _text_size(self, p: QPainter, font: str, text: str) -> QRectF:
        """A label's size as pyqtgraph measures it, remembered per font and text."""
        key = (font, text)
        if key not in self._sizes:
            rect = p.boundingRect(QRectF(0, 0, 100, 100), Qt.AlignmentFlag.AlignCenter, text)
            rect.setHeight(rect.height() * 0.8)  # (pyqtgraph: "usually just a bit too large")
            self._sizes[key] = rect
        return self._sizes[key]


class NumberAxis(_LeanAxis, pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Tick labels in the UI language's number format (``12.500``, ``4,5 %``).

    Its grid lines are drawn in an opaque colour, below the data (see ``ChartPanel.add_plot``):
    pyqtgraph gives them the axis pen's colour at the grid's alpha, and alpha-blended lines
    across every plot were the largest single cost of a redraw in Qt's raster engine
    (account switch, 3 years: 190 → 130 ms)."""

    def __init__(self, orientation: str = "left", percent: bool = False) -> None:
        super().__init__(orientation)
        self.percent = percent
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [fmt.axis_number(v * scale, spacing * scale, self.percent) for v in values]

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:
        """pyqtgraph's tick values, without numpy: comparing a dozen values with
        ``np.isclose`` cost more than computing them."""
        low, high = sorted((minVal, maxVal))
        low, high = low * self.scale, high * self.scale
        ticks: list[tuple[float, list[float]]] = []
        taken: list[float] = []
        for spacing, offset in self.tickSpacing(low, high, size):
            start = (math.ceil((low - offset) / spacing) * spacing) + offset
            values = [
                (i * spacing + start) / self.scale for i in range(int((high - start) / spacing) + 1)
            ]
            near = spacing / self.scale * 0.01
            values = [v for v in values if all(abs(v - t) > near for t in taken)]
            taken += values
            ticks.append((spacing / self.scale, values))
        if self.logMode:
            return list(self.logTickValues(low, high, size, ticks))
        return ticks

    def generateDrawSpecs(self, p: QPainter) -> Any:
        return self._opaque_grid(super().generateDrawSpecs(p))

    def _opaque_grid(self, specs: Any) -> Any:
        """The specs with the grid lines' translucent pens made opaque (same look)."""
        if specs is None or self.grid is False:
            return specs
        axis_spec, tick_specs, text_specs = specs
        opaque: dict[int, QPen] = {}
        ticks = []
        for tick_pen, start, stop in tick_specs:
            if tick_pen.color().alpha() < 255:
                key = tick_pen.color().rgba()
                if key not in opaque:
                    opaque[key] = QPen(tick_pen)
                    opaque[key].setColor(_opaque(tick_pen.color(), CHART_BACKGROUND))
                tick_pen = opaque[key]
            ticks.append((tick_pen, start, stop))
        return axis_spec, ticks, text_specs


class _UtcZoomLevel(ZoomLevel):  # type: ignore[misc]
    """pyqtgraph's zoom level for dates in UTC, without its round trip through local time.

    pyqtgraph moves every tick into local time and back (a few QDateTime per tick), which
    with ``utcOffset=0`` leaves it where it was; for 3 years of month ticks that was about a
    quarter of drawing a date axis, four of which are drawn anew on a period switch."""

    def moveTicksToLocalTimeCoords(self, ticks: np.ndarray, spacing: int, skipFactor: int) -> Any:
        if self.utcOffset == 0:
            return ticks
        return super().moveTicksToLocalTimeCoords(ticks, spacing, skipFactor)


class GermanDateAxis(_LeanAxis, pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Dates from UTC-midnight timestamps with German month names (``Aug.``, ``12.08.``)."""

    zoomLevels: Any

    def __init__(self, orientation: str = "bottom") -> None:
        super().__init__(orientation, utcOffset=0)
        self.zoomLevels = type(self.zoomLevels)(
            (spacing, _UtcZoomLevel(level.tickSpecs, level.exampleText))
            for spacing, level in self.zoomLevels.items()
        )

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [fmt.axis_date(v, spacing) for v in values]

    def _prepare_layout(self, p: QPainter) -> None:
        self.fontMetrics = p.fontMetrics()  # (its zoom level is chosen by the labels' size)


# ----------------------------------------------------------------------------- panel base
@dataclass
class TableData:
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)


class ChartPanel(QFrame):
    """One chart with its title, empty state, table alternative and PNG export."""

    table_mode_changed = Signal(bool)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("chartPanel")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(300)
        self.plots: list[pg.PlotItem] = []
        self._empty = True
        self._table_mode = False
        self._table_stale = True
        self._crosshairs: dict[int, pg.InfiniteLine] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        header = QHBoxLayout()
        self.title_label = QLabel(title)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.info_label = QLabel()
        self.info_label.setStyleSheet("color: #555;")
        # long titles/infos must not widen the grid column: they are cut, the tooltip has all
        self.info_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.title_label.setMinimumWidth(80)
        self.title_label.setToolTip(title)
        self.table_button = QToolButton()
        self.table_button.setText(translate("Analytics", "Table"))
        self.table_button.setCheckable(True)
        self.table_button.setToolTip(translate("Analytics", "Show the numbers as a table"))
        self.table_button.toggled.connect(self.set_table_mode)
        self.png_button = QToolButton()
        self.png_button.setText(translate("Analytics", "PNG…"))
        self.png_button.setToolTip(translate("Analytics", "Save the chart as a PNG image"))
        self.png_button.clicked.connect(lambda: self.save_png())
        header.addWidget(self.title_label)
        header.addSpacing(8)
        header.addWidget(self.info_label, 1)
        self.header_layout = header
        self.panel_layout = layout
        header.addWidget(self.table_button)
        header.addWidget(self.png_button)
        layout.addLayout(header)

        self.stack = QStackedWidget()
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(CHART_BACKGROUND)
        self.graphics.ci.setContentsMargins(2, 2, 8, 2)
        self.graphics.setAccessibleName(title)
        self.graphics.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.graphics.customContextMenuRequested.connect(self._context_menu)
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.message = QLabel()
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #555; padding: 24px;")
        self.table = QTableWidget()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (WCAG 2.1.2)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(title)
        self.table.verticalHeader().setVisible(False)
        for widget in (self.graphics, self.message, self.table):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 1)

        # the context menu's commands, also by keyboard while the focus is in this chart
        scoped = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.action_png = QAction(translate("Analytics", "Save as PNG…"), self)
        self.action_png.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.action_png.setShortcutContext(scoped)
        self.action_png.triggered.connect(lambda _c=False: self.save_png())
        self.action_table = QAction(translate("Analytics", "Show as table"), self)
        self.action_table.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.action_table.setShortcutContext(scoped)
        # the shortcut switches back as well (the context menu is only on the chart)
        self.action_table.triggered.connect(
            lambda _c=False: self.set_table_mode(not self._table_mode)
        )
        self.addActions([self.action_png, self.action_table])
        for button, action in (
            (self.png_button, self.action_png),
            (self.table_button, self.action_table),
        ):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{button.toolTip()} ({keys})")

    # ---------------------------------------------------------------- building
    def add_plot(self, row: int, bottom: pg.AxisItem, left: pg.AxisItem) -> pg.PlotItem:
        plot = self.graphics.addPlot(row=row, col=0, axisItems={"bottom": bottom, "left": left})
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(x=False, y=True, alpha=0.15)
        plot.setClipToView(True)
        plot.setDownsampling(auto=True, mode="peak")
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pen(GREY))
            axis.setTextPen(pen(DARK))
            axis.setStyle(maxTickLevel=1)  # major and minor ticks only: fewer lines to draw
            # Drawn once per change into a pixmap, then copied: replaying the axis' labels
            # (and grid lines, which span the plot) on every repaint of the view costs more.
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            # Below the data (pyqtgraph puts axes above it): the grid is opaque, see NumberAxis.
            axis.setZValue(plot.getViewBox().zValue() - 1)
        left.setWidth(62)
        self.plots.append(plot)
        return plot

    # ---------------------------------------------------------------- state
    def set_info(self, text: str) -> None:
        """The grey text beside the title (cut when narrow, so also the tooltip)."""
        self.info_label.setText(text)
        self.info_label.setToolTip(text)

    def show_message(self, text: str) -> None:
        self._empty = True
        self.message.setText(text)
        self.info_label.clear()
        self.stack.setCurrentWidget(self.table if self._table_mode else self.message)
        self._table_stale = True
        if self._table_mode:
            self._fill_table()

    def show_chart(self) -> None:
        self._empty = False
        self._table_stale = True
        if self._table_mode:
            self._fill_table()
            self.stack.setCurrentWidget(self.table)
        else:
            self.stack.setCurrentWidget(self.graphics)

    @property
    def is_empty(self) -> bool:
        return self._empty

    def set_table_mode(self, on: bool) -> None:
        self._table_mode = on
        if self.table_button.isChecked() != on:
            self.table_button.setChecked(on)
        if on:
            self._fill_table()
            self.stack.setCurrentWidget(self.table)
        else:
            self.stack.setCurrentWidget(self.message if self._empty else self.graphics)
        self.table_mode_changed.emit(on)

    def _fill_table(self) -> None:
        if not self._table_stale:
            return
        data = self.table_data() if not self._empty else TableData([""], [[self.message.text()]])
        self.table.clear()
        self.table.setColumnCount(len(data.headers))
        self.table.setHorizontalHeaderLabels(data.headers)
        self.table.setRowCount(len(data.rows))
        for r, row in enumerate(data.rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c > 0 and NUMERIC.match(text):
                    item.setTextAlignment(RIGHT)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self._table_stale = False

    def table_data(self) -> TableData:
        """The chart's numbers for the table view (subclasses)."""
        return TableData([])

    # ---------------------------------------------------------------- hover
    def hover_text(self, plot: pg.PlotItem, x: float, y: float) -> tuple[str, float | None]:
        """(text, x of the crosshair) for the mouse at data point (x, y); "" for nothing."""
        return "", None

    def _on_mouse_moved(self, pos: QPointF) -> None:
        if self._empty:
            return
        for plot in self.plots:
            if plot.sceneBoundingRect().contains(pos):
                point = plot.vb.mapSceneToView(pos)
                text, at = self.hover_text(plot, point.x(), point.y())
                self._move_crosshairs(at)
                if text:
                    QToolTip.showText(QCursor.pos(), text, self.graphics)
                else:
                    QToolTip.hideText()
                return
        self._move_crosshairs(None)
        QToolTip.hideText()

    def enable_crosshair(self, plot: pg.PlotItem) -> None:
        line = pg.InfiniteLine(angle=90, movable=False, pen=pen(GREY, 1, Qt.PenStyle.DashLine))
        line.setVisible(False)
        plot.addItem(line, ignoreBounds=True)
        self._crosshairs[id(plot)] = line

    def _move_crosshairs(self, x: float | None) -> None:
        for line in self._crosshairs.values():
            line.setVisible(x is not None)
            if x is not None:
                line.setPos(x)

    # ---------------------------------------------------------------- export
    def _context_menu(self, pos: object) -> None:
        menu = QMenu(self)
        menu.addActions([self.action_png, self.action_table])
        menu.exec(QCursor.pos())

    def render_image(self) -> QImage:
        """The chart (or its empty state/table) with the title above it, as an image."""
        page = self.stack.currentWidget()  # (never None: the stack has its three pages)
        body = page.grab() if page is not None else QPixmap()
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        text = self.title + (f" – {self.info_label.text()}" if self.info_label.text() else "")
        flags = int(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        )
        width = max(body.width(), 200)
        box = QFontMetrics(font).boundingRect(QRect(0, 0, width - 16, 400), flags, text)
        title_height = box.height() + 12
        image = QImage(width, body.height() + title_height, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(font)
        painter.setPen(QColor(DARK))
        painter.drawText(QRect(8, 0, width - 16, title_height), flags, text)
        painter.drawPixmap(0, title_height, body)
        painter.end()
        return image

    @classmethod
    def ask_png_path(cls, parent: QWidget, suggested: str) -> str | None:
        """The file to save to (tests replace this)."""
        name, _filter = QFileDialog.getSaveFileName(
            parent,
            translate("Analytics", "Save chart as PNG"),
            suggested,
            translate("Analytics", "PNG image (*.png)"),
        )
        return name or None

    def save_png(self, path: str | None = None) -> str | None:
        if path is None:
            safe = "".join(c if c.isalnum() else "_" for c in self.title).strip("_")
            path = self.ask_png_path(self, f"{safe}.png")
            if not path:
                return None
        if not path.lower().endswith(".png"):
            path += ".png"
        if not self.render_image().save(path):  # PNG: the file name ends in .png
            from tikdesk.ui import messages

            messages.show_warning(
                self,
                translate("Analytics", "Save chart"),
                translate("Analytics", "The image could not be saved: %1").replace("%1", path),
            )
            return None
        return path


class Labels(pg.GraphicsObject):  # type: ignore[misc]
    """Short texts at data points (``anchor`` as in ``pg.TextItem``), drawn by one item.

    A ``pg.TextItem`` per label lays out a QTextDocument whenever its text changes: the heat
    map's up to 168 counts cost 6 ms a switch even while scrolled out of view.  This item
    keeps the texts and draws them in screen pixels when it is painted.  Its bounds are the
    visible part of the view, so whatever it drew is repainted with it.
    """

    def __init__(self, anchor: tuple[float, float], offset: tuple[float, float] = (0, 0)) -> None:
        super().__init__()
        self.anchor, self.offset = anchor, offset
        self.labels: list[tuple[str, float, float, QColor]] = []
        self._font = QFont()
        self._bounds = QRectF()

    def set_labels(self, labels: Sequence[tuple[str, float, float, str]]) -> None:
        """(text, x, y, colour) for each label; replaces the previous ones."""
        self.labels = [(text, x, y, QColor(color)) for text, x, y, color in labels]
        self.update()

    def texts(self) -> list[str]:
        return [text for text, _x, _y, _color in self.labels]

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()
        rect = self.viewRect()
        self._bounds = QRectF() if rect is None else rect
        super().viewTransformChanged()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, p: QPainter, *_args: Any) -> None:
        if not self.labels:
            return
        to_screen = p.transform()
        metrics = QFontMetricsF(self._font)
        height, ascent = metrics.height(), metrics.ascent()
        (ax, ay), (dx, dy) = self.anchor, self.offset
        p.save()
        p.resetTransform()
        p.setFont(self._font)
        for text, x, y, color in self.labels:
            at = to_screen.map(QPointF(x, y))
            left = at.x() - ax * metrics.horizontalAdvance(text) + dx
            p.setPen(color)
            p.drawText(QPointF(left, at.y() - ay * height + ascent + dy), text)
        p.restore()


def arg(template: str, *values: str) -> str:
    """Fill ``%1``, ``%2`` … of a translated template (Qt's QString::arg, plain Python)."""
    for index in range(len(values), 0, -1):
        template = template.replace(f"%{index}", values[index - 1])
    return template


def nearest_index(xs: Sequence[float], x: float) -> int | None:
    if not len(xs):
        return None
    i = bisect_left(xs, x)
    if i <= 0:
        return 0
    if i >= len(xs):
        return len(xs) - 1
    return i if xs[i] - x < x - xs[i - 1] else i - 1


def _line(plot: pg.PlotItem, **opts: Any) -> pg.PlotDataItem:
    """A line of data, with gaps where values are missing.

    pyqtgraph feeds a line anew whenever its view's y range changes, to cut values far
    outside the view (``dynamicRangeLimit``).  The ranges here are fitted to the data, so no
    value is ever far out, and every switch fed each line twice."""
    return plot.plot(connect="finite", dynamicRangeLimit=None, **opts)


def _bars(x: np.ndarray, heights: np.ndarray, width: float, color: str) -> pg.BarGraphItem:
    return pg.BarGraphItem(x=x, height=heights, width=width, brush=color, pen=pg.mkPen(None))


def _legend(panel: ChartPanel, plot: pg.PlotItem, row: int) -> pg.LegendItem:
    """A legend in its own row of the panel (never on top of the data)."""
    legend = pg.LegendItem(labelTextColor=DARK, colCount=4)
    panel.graphics.addItem(legend, row=row, col=0)
    plot.legend = legend  # plot(name=...) adds its items here
    panel.graphics.ci.layout.setRowStretchFactor(row, 0)
    return legend


# ----------------------------------------------------------------------------- followers
class FollowersPanel(ChartPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("Analytics", "Followers and daily net change"), parent)
        self.top = self.add_plot(0, GermanDateAxis(), NumberAxis())
        self.bottom = self.add_plot(1, GermanDateAxis(), NumberAxis())
        self.top.hideAxis("bottom")
        self.bottom.setXLink(self.top)
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)
        self.line = _line(self.top, pen=pen(PURPLE, 2))
        # daily bars as filled step curves: one path instead of a rectangle per day
        step = {"x": [0.0, 1.0], "y": [0.0], "stepMode": "center", "fillLevel": 0, "pen": None}
        self.gain = pg.PlotCurveItem(brush=GREEN, **step)
        self.loss = pg.PlotCurveItem(brush=VERMILLION, **step)
        self.bottom.addItem(self.gain)
        self.bottom.addItem(self.loss)
        self.bottom.addLine(y=0, pen=pen(GREY))
        self.top_label = pg.LabelItem(justify="left", color=DARK)
        for plot in (self.top, self.bottom):
            self.enable_crosshair(plot)
        self.series: DailySeries | None = None
        self.cumulative = False
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
        cumulative = not has_totals  # business exports: only new/lost — summed since the start
        level = np.nancumsum(np.nan_to_num(change)) if cumulative else nan_array(followers)
        if cumulative != self.cumulative or not self.top.getAxis("left").labelText:
            self.cumulative = cumulative  # a new axis title costs a relayout: only on a change
            title = (
                translate("Analytics", "Net, summed")
                if cumulative
                else translate("Analytics", "Followers")
            )
            self.top.setLabel("left", title, color=DARK)
        self._x, self._level = series.x, level
        self.line.setData(x, level)
        known = np.nan_to_num(change)
        edges = np.append(x - DAY / 2, x[-1] + DAY / 2)
        self.gain.setData(edges, np.where(known > 0, known, 0.0))
        self.loss.setData(edges, np.where(known < 0, known, 0.0))
        # x: the period's days (the bottom plot follows).  Fitted to the data, it followed
        # the first and last day with a number, which differ between accounts, and both
        # date axes were drawn anew on every account switch.
        self.top.setXRange(edges[0], edges[-1])
        self.top.enableAutoRange(axis="y")
        self.bottom.enableAutoRange(axis="y")
        first = next((v for v in level if not math.isnan(v)), None)
        last = next((v for v in reversed(level) if not math.isnan(v)), None)
        total = float(np.nansum(change))
        if self.cumulative:
            self.set_info(
                translate("Analytics", "net %1 in the period").replace("%1", fmt.fmt_signed(total))
            )
        else:
            self.set_info(
                f"{fmt.fmt_int(first)} → {fmt.fmt_int(last)} "
                f"({fmt.fmt_signed((last or 0) - (first or 0))})"
            )
        self.show_chart()

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


# ----------------------------------------------------------------------------- daily metrics
@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    color: str
    style: Qt.PenStyle = Qt.PenStyle.SolidLine  # told apart by more than colour


class DailyPanel(ChartPanel):
    """Daily values (thin) with their 7-day moving average (bold), one or more metrics.

    ``stacked``: one plot per metric, each with its own value axis and the metric's name on
    it (small multiples), x-linked: comments and shares, a fraction of the likes, are no
    longer flattened under them.  The averages also differ in line style, not in colour
    alone."""

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
        single = len(self.metrics) == 1
        if self.stacked:
            self.setMinimumHeight(460)
            last = len(self.metrics) - 1
            for row, m in enumerate(self.metrics):
                plot = self.add_plot(row, GermanDateAxis(), NumberAxis())
                plot.setLabel("left", m.label, color=m.color)
                if row < last:
                    plot.hideAxis("bottom")
                if row:
                    plot.setXLink(self.plot_of[self.metrics[0].key])
                self.enable_crosshair(plot)
                self.plot_of[m.key] = plot
            self.plot = self.plot_of[self.metrics[0].key]
        else:
            self.plot = self.add_plot(1, GermanDateAxis(), NumberAxis())
            self.enable_crosshair(self.plot)
            _legend(self, self.plot, 0)
            self.plot_of = {m.key: self.plot for m in self.metrics}
        for m in self.metrics:
            plot = self.plot_of[m.key]
            # thin but opaque: a translucent line fell below 3:1 on the plot area
            self.daily[m.key] = _line(
                plot,
                pen=pg.mkPen(color=m.color, width=1),
                name=translate("Analytics", "per day") if single else None,
            )
            self.average[m.key] = _line(
                plot,
                pen=pen(m.color, 2, m.style),
                name=translate("Analytics", "7-day average") if single else m.label,
            )
        self.series: DailySeries | None = None

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


# ----------------------------------------------------------------------------- posts
SHORT_TITLE = 16  # characters of a post's title under its bar (the hover has all of it)


def short_title(title: str, limit: int = SHORT_TITLE) -> str:
    """``Mythen-Check: Personalausweis`` → ``Mythen-Check: P…``."""
    text = " ".join(title.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def approx(text: str, approximate: bool) -> str:
    """A value that came from an abbreviated count (``1.2K``) is shown with "≈"."""
    return f"≈ {text}" if approximate and text != "–" else text


class IndexAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Post number on x, labelled with the short title of a few posts (their day when a
    post has no title).

    The labels are made for the ticks shown only (a dozen, not every post of 3 years)."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.enableAutoSIPrefix(False)
        self.posted: Sequence[dt.datetime | None] = []
        self.titles: Sequence[str] = []

    def tickValues(
        self, minVal: float, maxVal: float, size: float
    ) -> list[tuple[float, list[float]]]:
        n = len(self.posted)
        if n == 0:
            return []
        room = max(1, int(size // 110))  # a short title is about 100 px wide
        step = max(1, math.ceil(n / room))
        start = max(0, math.ceil(minVal))
        return [(step, [float(i) for i in range(start, min(n, int(maxVal) + 1), step)])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [self.tick_label(int(v)) for v in values]

    def tick_label(self, index: int) -> str:
        if not 0 <= index < len(self.posted):
            return ""
        title = self.titles[index] if index < len(self.titles) else ""
        if title.strip():
            return short_title(title)
        posted = self.posted[index]
        return fmt.fmt_day_short(posted.date()) if posted else "?"


class PostsPanel(ChartPanel):
    """Per post: views (bars) and engagement rate (bars), in order of publication."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("Analytics", "Posts: views and engagement rate"), parent)
        self.axis_top, self.axis_bottom = IndexAxis(), IndexAxis()
        self.top = self.add_plot(0, self.axis_top, NumberAxis())
        self.bottom = self.add_plot(1, self.axis_bottom, NumberAxis(percent=True))
        self.top.hideAxis("bottom")
        self.bottom.setXLink(self.top)
        self.top.setLabel("left", translate("Analytics", "Views"), color=DARK)
        self.bottom.setLabel("left", translate("Analytics", "Engagement"), color=DARK)
        self.views = _bars(np.zeros(0), np.zeros(0), 0.7, BLUE)
        self.rates = _bars(np.zeros(0), np.zeros(0), 0.7, ORANGE)
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
        self.axis_top.posted = self.axis_bottom.posted = [v.posted_at for v in self.videos]
        self.axis_top.titles = self.axis_bottom.titles = [v.title for v in self.videos]
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
        self.axis_top.picture = None
        self.axis_bottom.picture = None
        self.axis_bottom.update()
        self.show_chart()

    def hover_text(self, plot: pg.PlotItem, x: float, y: float) -> tuple[str, float | None]:
        i = round(x)
        if not 0 <= i < len(self.videos) or abs(x - i) > 0.45:
            return "", None
        v = self.videos[i]
        a = v.approximate
        lines = [
            v.title or v.video_link,
            fmt.fmt_datetime(v.posted_at),
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
            data.rows.append(
                [
                    fmt.fmt_datetime(v.posted_at),
                    v.title,
                    approx(fmt.fmt_int(v.views), v.approximate),
                    approx(fmt.fmt_int(v.likes), v.approximate),
                    approx(fmt.fmt_int(v.comments), v.approximate),
                    approx(fmt.fmt_int(v.shares), v.approximate),
                    approx(fmt.fmt_pct(v.engagement_rate), v.approximate),
                    format_label(v.format),
                ]
            )
        return data


# ----------------------------------------------------------------------------- groups
class CategoryAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    def __init__(self, orientation: str = "left") -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)  # (its title would be laid out anew on every change)
        self.labels: list[str] = []

    def set_labels(self, labels: list[str]) -> None:
        """One label per category; the axis is drawn anew only when they change."""
        if labels != self.labels:
            self.labels = labels
            self.picture = None
            self.update()

    def tickValues(
        self, minVal: float, maxVal: float, size: float
    ) -> list[tuple[float, list[float]]]:
        return [(1, [float(i) for i in range(len(self.labels))])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [self.labels[int(v)] if 0 <= int(v) < len(self.labels) else "" for v in values]


FEW_POSTS = 3


class EngagementPanel(ChartPanel):
    """Typical engagement rate (median) per group with the middle half of the posts (Q1–Q3)
    and the post count; the statistics' names are in the tooltip, not on the chart."""

    link_requested = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.link_button = QToolButton()
        self.link_button.setObjectName("linkVideosButton")
        self.link_button.setText(translate("Analytics", "Link videos…"))
        self.link_button.setToolTip(
            translate("Analytics", "Link the imported videos to their posts")
        )
        self.link_button.clicked.connect(self._on_link_clicked)
        self.link_button.setVisible(False)
        self.header_layout.insertWidget(3, self.link_button)
        self.unlinked_label = QLabel()
        self.unlinked_label.setObjectName("unlinkedNote")
        self.unlinked_label.setWordWrap(True)
        self.unlinked_label.setStyleSheet("color: #555;")
        # Three lines, always: a note that came and went re-laid out the whole chart grid,
        # which painted every chart twice on an account switch.
        self.unlinked_label.setFixedHeight(3 * self.fontMetrics().lineSpacing() + 4)
        self.panel_layout.insertWidget(1, self.unlinked_label)
        self.category_axis = CategoryAxis()
        self.plot = self.add_plot(0, NumberAxis("bottom", percent=True), self.category_axis)
        self.category_axis.setWidth(190)
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.plot.getViewBox().invertY(True)
        self.plot.setLabel(
            "bottom",
            translate(
                "Analytics", "bar: typical value · line: middle half · pale: fewer than 3 posts"
            ),
            color=DARK,
        )
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.6, width=[], pen=pg.mkPen(None))
        self.errors = pg.ErrorBarItem(x=np.zeros(0), y=np.zeros(0), pen=pen(DARK, 1), beam=0.2)
        self.plot.addItem(self.bars)
        self.plot.addItem(self.errors)
        self.count_labels = Labels((0, 0.5), offset=(4, 0))  # as pg.TextItem's margin
        self.plot.addItem(self.count_labels, ignoreBounds=True)
        self.groups: list[GroupSpread] = []
        note = translate(
            "Analytics",
            "Bar: the typical value (median: half of the posts are above it, half below) · "
            "line: the middle half of the posts (from the first to the third quartile, "
            "Q1–Q3) · pale: fewer than 3 posts",
        )
        self.message.setToolTip(note)
        self.graphics.setToolTip("")
        self.note = note

    def _on_link_clicked(self) -> None:
        self.link_requested.emit()

    def update_groups(self, groups: Sequence[GroupSpread]) -> None:
        self.groups = list(groups)
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
        brushes = [
            pg.mkBrush(translucent(SKY if g.spread.count < FEW_POSTS else BLUE, 255))
            for g in self.groups
        ]
        self.bars.setOpts(x0=np.zeros(n), y=y, height=0.6, width=med, brushes=brushes)
        self.errors.setData(x=med, y=y, left=med - q1, right=q3 - med, beam=0.25)
        self.category_axis.set_labels([g.label for g in self.groups])
        right = float(max(q3.max(), med.max(), 0.001))
        self.count_labels.set_labels(
            [
                (
                    arg(
                        translate("Analytics", "%1 posts · typically %2"),
                        str(g.spread.count),
                        fmt.fmt_pct(g.spread.median),
                    ),
                    max(q3[i], med[i]) + right * 0.02,
                    float(i),
                    DARK,
                )
                for i, g in enumerate(self.groups)
            ]
        )
        self.plot.setXRange(0, right * 1.7, padding=0)  # room for "12 posts · typically …"
        self.plot.setYRange(-0.6, n - 0.4, padding=0)
        total = sum(g.spread.count for g in self.groups)
        self.set_info(
            translate("Analytics", "%1 posts; typical value and middle half").replace(
                "%1", fmt.fmt_int(total)
            )
        )
        self.info_label.setToolTip(self.note)
        self.show_chart()

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


# ----------------------------------------------------------------------------- heat map
class HeatmapPanel(ChartPanel):
    """Weekday × hour of publication: median views (or engagement) and number of posts."""

    metric_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("Analytics", "When posts were published and how they did"), parent
        )
        from PySide6.QtWidgets import QComboBox

        self.metric_box = QComboBox()
        self.metric_box.addItem(translate("Analytics", "Typical views (median)"), "views")
        self.metric_box.addItem(translate("Analytics", "Typical engagement rate (median)"), "rate")
        self.metric_box.setAccessibleName(translate("Analytics", "Heat map measure"))
        self.metric_box.currentIndexChanged.connect(
            lambda _i: self.metric_changed.emit(self.selected_metric)
        )
        self.header_layout.insertWidget(2, self.metric_box)
        self.hour_axis = NumberAxis("bottom")
        self.day_axis = CategoryAxis()
        self.plot = self.add_plot(0, self.hour_axis, self.day_axis)
        self.day_axis.setWidth(40)
        self.day_axis.set_labels([fmt.weekday_short(i) for i in range(7)])
        self.hour_axis.setTicks(
            [[(h, str(h)) for h in range(0, 24, 3)], [(h, "") for h in range(24)]]
        )
        self.plot.setLabel(
            "bottom",
            translate(
                "Analytics",
                "Hour of publication · number: posts · darker and ▲: higher typical value, "
                "▼: lower",
            ),
            color=DARK,
        )
        self.plot.showGrid(x=False, y=False)
        self.plot.getViewBox().invertY(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.cell_labels = Labels((0.5, 0.5))
        self.plot.addItem(self.cell_labels, ignoreBounds=True)
        # the typical value by symbol too, not by shade alone (WCAG 1.4.1): ▲ top third of the
        # cells' range, ▼ bottom third, in the cell's top right corner
        self.level_marks = Labels((1.0, 0.0), (-1.0, 1.0))
        self.plot.addItem(self.level_marks, ignoreBounds=True)
        self.heat: HeatMap | None = None
        self.without_time = 0

    @property
    def selected_metric(self) -> str:
        return str(self.metric_box.currentData())

    def update_heatmap(self, heat: HeatMap, with_time: int, without_time: int) -> None:
        self.heat, self.without_time = heat, without_time
        if with_time == 0:
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
            return
        values = np.array(
            [[np.nan if v is None else v for v in row] for row in heat.median], dtype=float
        )
        rgba = np.full((7, 24, 4), 245, dtype=np.ubyte)
        known = ~np.isnan(values)
        dark = np.zeros((7, 24), dtype=bool)  # white numbers on the dark cells
        scale = np.zeros((7, 24))
        if known.any():
            low, high = float(np.nanmin(values)), float(np.nanmax(values))
            scale = (values - low) / (high - low) if high > low else np.where(known, 0.6, 0)
            cmap = pg.ColorMap(
                [0.0, 0.5, 1.0], [QColor("#deebf7"), QColor("#6baed6"), QColor("#08306b")]
            )
            colors = cmap.map(np.nan_to_num(scale).ravel(), mode="byte").reshape(7, 24, 4)
            rgba[known] = colors[known]
            dark = known & (np.nan_to_num(scale) > 0.55)
        self.cell_labels.set_labels(
            [
                (str(heat.count[d][h]), h, d, "white" if dark[d, h] else DARK)
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
                    colour = "white" if dark[d, h] else DARK
                    marks.append(("▲" if level >= 2 / 3 else "▼", h + 0.5, d - 0.5, colour))
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

    def _cell_text(self, d: int, h: int) -> str:
        assert self.heat is not None
        value = self.heat.median[d][h]
        shown = fmt.fmt_pct(value) if self.selected_metric == "rate" else fmt.fmt_int(value)
        return arg(
            translate("Analytics", "%1 %2–%3 h: %4 posts, typically %5 (median)"),
            fmt.weekday_short(d),
            str(h),
            str(h + 1),
            str(self.heat.count[d][h]),
            shown,
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
        if self.heat is not None:
            for d in range(7):
                for h in range(24):
                    if self.heat.count[d][h]:
                        value = self.heat.median[d][h]
                        data.rows.append(
                            [
                                fmt.weekday_short(d),
                                f"{h}–{h + 1}",
                                str(self.heat.count[d][h]),
                                fmt.fmt_pct(value)
                                if self.selected_metric == "rate"
                                else fmt.fmt_int(value),
                            ]
                        )
        return data


# ----------------------------------------------------------------------------- audience
Share = tuple[str, float | None, dt.date]  # (key, fraction, date of the snapshot)


def audience_key_label(kind: str, key: str) -> str:
    """TikTok's gender keys in words; territories are ISO codes (kept), ``Others`` in words."""
    words = {
        "female": translate("Analytics", "female"),
        "male": translate("Analytics", "male"),
        "other": translate("Analytics", "diverse / not stated"),
        "others": translate("Analytics", "other countries"),
    }
    return words.get(key.strip().casefold(), key)


class AudiencePanel(ChartPanel):
    """The followers' gender and top territories as TikTok last exported them: simple
    horizontal bars with the share, and the date of the snapshot beside the title."""

    KINDS = ("gender", "territory")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("Analytics", "Followers by gender and country"), parent)
        self.axes: dict[str, CategoryAxis] = {}
        self.bars: dict[str, pg.BarGraphItem] = {}
        self.share_labels: dict[str, Labels] = {}
        self.plot_of: dict[str, pg.PlotItem] = {}
        colors = {"gender": PURPLE, "territory": GREEN}
        for row, kind in enumerate(self.KINDS):
            axis = CategoryAxis()
            plot = self.add_plot(row, NumberAxis("bottom", percent=True), axis)
            axis.setWidth(150)
            plot.showGrid(x=True, y=False, alpha=0.15)
            plot.getViewBox().invertY(True)
            bars = pg.BarGraphItem(
                x0=[], y=[], height=0.6, width=[], brush=colors[kind], pen=pg.mkPen(None)
            )
            plot.addItem(bars)
            labels = Labels((0, 0.5), offset=(4, 0))
            plot.addItem(labels, ignoreBounds=True)
            self.axes[kind], self.bars[kind], self.share_labels[kind] = axis, bars, labels
            self.plot_of[kind] = plot
        self.plot_of["gender"].setLabel("left", translate("Analytics", "Gender"), color=DARK)
        self.plot_of["territory"].setLabel("left", translate("Analytics", "Country"), color=DARK)
        self.shares: dict[str, list[Share]] = {kind: [] for kind in self.KINDS}

    def update_shares(self, gender: Sequence[Share], territory: Sequence[Share]) -> None:
        self.shares = {"gender": list(gender), "territory": list(territory)}
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
        dates = []
        for kind, rows in self.shares.items():
            n = len(rows)
            values = np.array([v or 0.0 for _k, v, _d in rows], dtype=float)
            self.bars[kind].setOpts(x0=np.zeros(n), y=np.arange(n, dtype=float), width=values)
            self.axes[kind].set_labels([audience_key_label(kind, k) for k, _v, _d in rows])
            right = float(max(values.max(), 0.01)) if n else 1.0
            self.share_labels[kind].set_labels(
                [
                    (fmt.fmt_pct(v, 0), float(values[i]), float(i), DARK)
                    for i, (_k, v, _d) in enumerate(rows)
                ]
            )
            plot = self.plot_of[kind]
            plot.setXRange(0, right * 1.2, padding=0)
            plot.setYRange(-0.6, max(n, 1) - 0.4, padding=0)
            dates += [d for _k, _v, d in rows]
        if dates:
            newest = max(dates)
            self.set_info(
                translate("Analytics", "as exported on %1").replace("%1", fmt.fmt_day(newest))
            )
        self.show_chart()

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


# ----------------------------------------------------------------------------- benchmarks
class BenchmarkPanel(ChartPanel):
    """Own followers against peer accounts' typed-in snapshots (all dates)."""

    def __init__(self, form: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(translate("Analytics", "Peer accounts (followers)"), parent)
        self.setMinimumHeight(420)
        self.plot = self.add_plot(1, GermanDateAxis(), NumberAxis())
        self.plot.setLabel("left", translate("Analytics", "Followers"), color=DARK)
        self.legend = _legend(self, self.plot, 0)
        self.own = _line(self.plot, pen=pen(BLUE, 2))
        self.peers: list[pg.PlotDataItem] = []
        self.data: list[tuple[str, list[float], list[float | None], list[dt.date]]] = []
        self._key: object = None
        self._peers_key: object = None
        if form is not None:
            self.panel_layout.addWidget(form)

    def update_benchmarks(
        self, own_name: str, own: DailySeries | None, peers: Sequence[BenchmarkSeries]
    ) -> None:
        key = (own_name, id(own), tuple((b.name, tuple(b.ids), tuple(b.followers)) for b in peers))
        if key == self._key:
            return  # all dates, not the period: nothing to redraw on a period switch
        self._key = key
        self.data = []
        if not peers:
            self.show_message(
                translate(
                    "Analytics",
                    "No peer accounts yet. Type in other public bodies' followers "
                    "below (name, date, followers) to compare.",
                )
            )
            return
        peers_key = tuple((b.name, tuple(b.ids), tuple(b.followers)) for b in peers)
        if peers_key != self._peers_key:  # typed-in peers changed: rebuild their lines
            self._peers_key = peers_key
            for item in self.peers:
                self.plot.removeItem(item)
                self.legend.removeItem(item)
            self.peers = []
            for index, peer in enumerate(peers):
                # own line: the first series; each peer its own colour, dash and marker
                series = theme.SERIES[1 + index % (len(theme.SERIES) - 1)]
                color = series.colour
                item = _line(
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
        have_own = own is not None and any(v is not None for v in own.values["followers"])
        if have_own and own is not None:  # only the own line follows the account picker
            self.own.setData(np.array(own.x), nan_array(own.values["followers"]))
            self.data.append((own_name, own.x, list(own.values["followers"]), own.days))
            label = self.legend.getLabel(self.own)
            if label is None:
                self.legend.addItem(self.own, own_name)
            elif label.text != own_name:
                label.setText(own_name)
        else:
            self.own.setData([], [])
            self.legend.removeItem(self.own)
        for peer in peers:
            self.data.append((peer.name, peer.x, list(peer.followers), peer.days))
        self.plot.enableAutoRange()
        self.set_info(translate("Analytics", "%1 peer accounts").replace("%1", str(len(peers))))
        self.show_chart()

    def hover_text(self, plot: pg.PlotItem, x: float, y: float) -> tuple[str, float | None]:
        best: tuple[float, str] | None = None
        x_range = self.plot.viewRange()[0]
        tolerance = (x_range[1] - x_range[0]) / 40
        for name, xs, ys, days in self.data:
            i = nearest_index(xs, x)
            if i is None or ys[i] is None or abs(xs[i] - x) > max(tolerance, DAY):
                continue
            y_range = self.plot.viewRange()[1]
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


# ----------------------------------------------------------------------------- the board
@dataclass
class BoardData:
    """Everything the charts show for one account and period (computed by the tab)."""

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


class ChartBoard(QWidget):
    """All panels in a grid; ``update`` feeds them, ``set_table_mode`` flips them all."""

    def __init__(
        self, benchmark_form: QWidget | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QGridLayout

        self.followers = FollowersPanel()
        self.views = DailyPanel(
            translate("Analytics", "Video views per day"),
            [Metric("video_views", translate("Analytics", "Views"), BLUE)],
        )
        self.interactions = DailyPanel(
            translate("Analytics", "Likes, comments, shares per day"),
            [
                Metric("likes", translate("Analytics", "Likes"), VERMILLION),
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
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        order = [
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
        for index, panel in enumerate(order):
            if panel is self.benchmarks:  # with its form: the full width
                grid.addWidget(panel, index // 2, 0, 1, 2)
            else:
                grid.addWidget(panel, index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.panels: list[ChartPanel] = order

    def update(self, data: BoardData) -> None:  # type: ignore[override]
        self.followers.update_series(data.series)
        self.views.update_series(data.series)
        self.interactions.update_series(data.series)
        self.posts.update_videos(data.videos)
        self.by_format.update_groups(data.by_format)
        self.by_audience.update_groups(data.by_audience)
        self.heatmap.update_heatmap(data.heat, data.heat_with_time, data.heat_without_time)
        self.audience.update_shares(data.gender, data.territory)
        self.benchmarks.update_benchmarks(data.account, data.own_all, data.benchmarks)
        # pyqtgraph fits the ranges to the new data, and maps the data into the new ranges,
        # only when it is about to paint; the axes and curves it changes then ask for a
        # second paint of every plot.  Done now, one paint shows the switch.
        # (Ranges first: a plot linked to another one's x changes that one's range.)
        views = [plot.getViewBox() for panel in self.panels for plot in panel.plots]
        for view in views:
            view.updateAutoRange()
        for view in views:
            view.updateMatrix()

    def set_table_mode(self, on: bool) -> None:
        for panel in self.panels:
            panel.set_table_mode(on)

    def images(self) -> list[QImage]:
        return [panel.render_image() for panel in self.panels]


def pixmap_ok(image: QImage | QPixmap) -> bool:
    return not image.isNull() and image.width() > 0 and image.height() > 0


__all__ = ["BoardData", "ChartBoard", "ChartPanel", "pixmap_ok"]
