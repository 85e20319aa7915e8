"""Everything the charts ask of pyqtgraph beyond its documented API, in one module.

The panels build plots with pyqtgraph's public calls (``addPlot``, ``setData``, ``setOpts``,
``BarGraphItem``, ``LegendItem`` …).  What they need beyond that lives here, so that a
pyqtgraph upgrade (pinned ``<0.15`` in ``pyproject.toml``) is checked in one file:

- the axis classes (tick texts in the UI language's formats, categories, post titles),
  which override ``tickValues``/``tickStrings``; the value axes wrap pyqtgraph's own
  ``generateDrawSpecs`` to draw the grid opaque; an axis is drawn anew by dropping its
  cached ``picture``;
- :func:`fit_axis_width`: an axis as wide as its labels (pyqtgraph's ``style`` dict);
- :class:`Labels`: short texts drawn by one graphics item;
- :func:`attach_legend`, :func:`fit_before_paint`, :func:`set_row_stretch`.

The axes are laid out by pyqtgraph itself (no copy of ``generateDrawSpecs``): measured on the
benchmark database, pyqtgraph's layout costs about 2 ms more per switch than the copy that was
here (3.5 against 1.7 ms), a few per cent of a switch (``python -m benchmarks.bench_charts``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from tikdesk.ui import theme
from tikdesk.ui.analytics import fmt

CHART_BACKGROUND = QColor(theme.PLOT_BACKGROUND)
SHORT_TITLE = 16  # characters of a post's title under its bar (the hover has all of it)


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


def redraw_axis(axis: pg.AxisItem) -> None:
    """Lay the axis out anew on its next paint (its ticks changed, not its range)."""
    axis.picture = None
    axis.update()


class NumberAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Tick labels in the UI language's number format (``12.500``, ``4,5 %``).

    Its grid lines are drawn in an opaque colour, below the data (see ``style_plot``):
    pyqtgraph gives them the axis pen's colour at the grid's alpha, and alpha-blended lines
    across every plot were the largest single cost of a redraw in Qt's raster engine."""

    def __init__(self, orientation: str = "left", percent: bool = False) -> None:
        super().__init__(orientation)
        self.percent = percent
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [fmt.axis_number(v * scale, spacing * scale, self.percent) for v in values]

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


class GermanDateAxis(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Dates from UTC-midnight timestamps with German month names (``Aug.``, ``12.08.``)."""

    def __init__(self, orientation: str = "bottom") -> None:
        super().__init__(orientation, utcOffset=0)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [fmt.axis_date(v, spacing) for v in values]


def short_title(title: str, limit: int = SHORT_TITLE) -> str:
    """``Mythen-Check: Personalausweis`` → ``Mythen-Check: P…``."""
    text = " ".join(title.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class IndexAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Post number on x, labelled with the short title of a few posts (their day when a
    post has no title).

    The labels are made for the ticks shown only (a dozen, not every post of 3 years)."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.enableAutoSIPrefix(False)
        self.posted: Sequence[dt.datetime | None] = []
        self.titles: Sequence[str] = []
        self.label_room = 110.0  # px per label (set_posts measures it)

    def set_posts(
        self, posted: Sequence[dt.datetime | None], titles: Sequence[str], font: QFont
    ) -> None:
        """The posts in order, and the room one label takes in ``font`` (the widest label
        and a gap): labels never touch, at any font size."""
        self.posted, self.titles = posted, titles
        metrics = QFontMetricsF(font)
        labels = (self.tick_label(i) for i in range(len(posted)))
        widest = max((metrics.horizontalAdvance(label) for label in labels), default=0.0)
        self.label_room = widest + metrics.horizontalAdvance("  ")
        redraw_axis(self)

    def tickValues(
        self, minVal: float, maxVal: float, size: float
    ) -> list[tuple[float, list[float]]]:
        n = len(self.posted)
        if n == 0:
            return []
        room = max(1, int(size // max(self.label_room, 1.0)))  # labels that fit side by side
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


class CategoryAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """One label per category at 0, 1, 2 …"""

    def __init__(self, orientation: str = "left") -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)  # (its title would be laid out anew on every change)
        self.labels: list[str] = []

    def set_labels(self, labels: list[str]) -> None:
        """One label per category; the axis is drawn anew only when they change."""
        if labels != self.labels:
            self.labels = labels
            redraw_axis(self)

    def tickValues(
        self, minVal: float, maxVal: float, size: float
    ) -> list[tuple[float, list[float]]]:
        return [(1, [float(i) for i in range(len(self.labels))])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [self.labels[int(v)] if 0 <= int(v) < len(self.labels) else "" for v in values]


def style_axis(axis: pg.AxisItem, line: str, text: str, below: float) -> None:
    """Axis pens, major and minor ticks only, drawn once per change into a pixmap (replaying
    its labels and grid lines on every repaint costs more), below the data at ``below``
    (pyqtgraph puts axes above it: the grid is opaque, see NumberAxis)."""
    from PySide6.QtWidgets import QGraphicsItem

    axis.setPen(pg.mkPen(color=line, width=1))
    axis.setTextPen(pg.mkPen(color=text, width=1))
    axis.setStyle(maxTickLevel=1)
    axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    axis.setZValue(below)


def _label_strings(axis: pg.AxisItem) -> list[str]:
    """The tick labels pyqtgraph will draw on ``axis`` for its current range."""
    low, high = sorted(axis.range)
    if isinstance(axis, CategoryAxis):
        return list(axis.labels)
    length = max(axis.height() if axis.orientation in ("left", "right") else axis.width(), 100)
    strings: list[str] = []
    for spacing, values in axis.tickValues(low, high, length)[: axis.style["maxTextLevel"] + 1]:
        strings += axis.tickStrings(values, axis.scale, spacing)
    return strings


def fit_axis_width(axes: Iterable[pg.AxisItem], font: QFont, limit: float = 320) -> float:
    """Give the left axes one width, enough for the widest tick label in ``font`` and the
    axis title: the same x for plots stacked above each other, no label cut at any font
    size.  A width up to 12 px wider than needed is kept (switching between two accounts
    does not lay the plots out anew each time).  Returns the width."""
    axes = list(axes)
    metrics = QFontMetricsF(font)
    widest = 0.0
    for axis in axes:
        texts = _label_strings(axis)
        text = max((metrics.horizontalAdvance(t) for t in texts), default=0.0)
        title = metrics.height() + 4 if axis.label.isVisible() else 0.0
        gap = max(0, axis.style["tickLength"]) + axis.style["tickTextOffset"][0]
        widest = max(widest, text + title + gap + 6)
    width = math.ceil(min(widest, limit))
    current = max((axis.fixedWidth or 0) for axis in axes)
    if width <= current <= width + 12:  # a little room to spare: keep (no relayout)
        width = current
    for axis in axes:
        if axis.fixedWidth != width:
            axis.setWidth(width)
    return width


def fit_axis_height(axis: pg.AxisItem, font: QFont, title_lines: int = 1) -> None:
    """A bottom axis as high as its tick labels and its title (``title_lines`` lines, if
    shown) in ``font``: pyqtgraph's own estimate cuts the labels at large font sizes."""
    lines = 1 + (title_lines if axis.label.isVisible() else 0)
    gap = max(0, axis.style["tickLength"]) + axis.style["tickTextOffset"][1]
    height = math.ceil(QFontMetricsF(font).lineSpacing() * lines + gap + 6)
    if axis.height() != height:
        axis.setHeight(height)


def attach_legend(
    graphics: pg.GraphicsLayoutWidget, plot: pg.PlotItem, row: int, font: QFont
) -> pg.LegendItem:
    """A legend in its own row of the panel (never on top of the data), in ``font``'s size;
    ``plot.plot(name=…)`` adds its items."""
    legend = pg.LegendItem(
        labelTextColor=theme.PLOT_TEXT, colCount=4, labelTextSize=f"{font.pointSizeF():g}pt"
    )
    graphics.addItem(legend, row=row, col=0)
    plot.legend = legend
    set_row_stretch(graphics, row, 0)
    return legend


def legend_font_size(legend: pg.LegendItem) -> str:
    return str(legend.opts["labelTextSize"])


def set_row_stretch(graphics: pg.GraphicsLayoutWidget, row: int, stretch: int) -> None:
    graphics.ci.layout.setRowStretchFactor(row, stretch)


def fit_before_paint(plots: Iterable[pg.PlotItem]) -> None:
    """Fit the ranges to the new data, and map the data into them, now.

    pyqtgraph does both only when it is about to paint; the axes and curves it changes then
    ask for a second paint of every plot.  Ranges first: a plot linked to another one's x
    changes that one's range."""
    views = [plot.getViewBox() for plot in plots]
    for view in views:
        view.updateAutoRange()
    for view in views:
        view.updateMatrix()


class Labels(pg.GraphicsObject):  # type: ignore[misc]
    """Short texts at data points (``anchor`` as in ``pg.TextItem``), drawn by one item.

    A ``pg.TextItem`` per label lays out a QTextDocument whenever its text changes (the heat
    map has up to 168).  This item keeps the texts and draws them in screen pixels when it
    is painted.  Its bounds are the visible part of the view, so whatever it drew is
    repainted with it.  ``sparse``: a label that would overlap one drawn before it is left
    out (direct labels of lines, where space allows).
    """

    def __init__(
        self,
        anchor: tuple[float, float],
        offset: tuple[float, float] = (0, 0),
        *,
        sparse: bool = False,
    ) -> None:
        super().__init__()
        self.anchor, self.offset, self.sparse = anchor, offset, sparse
        self.labels: list[tuple[str, float, float, QColor]] = []
        self.font = QFont()
        self._bounds = QRectF()

    def set_labels(self, labels: Sequence[tuple[str, float, float, QColor | str]]) -> None:
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
        metrics = QFontMetricsF(self.font)
        height, ascent = metrics.height(), metrics.ascent()
        (ax, ay), (dx, dy) = self.anchor, self.offset
        drawn: list[QRectF] = []
        area = to_screen.mapRect(self._bounds)  # the view, on screen: labels stay inside
        p.save()
        p.resetTransform()
        p.setFont(self.font)
        for text, x, y, color in self.labels:
            at = to_screen.map(QPointF(x, y))
            width = metrics.horizontalAdvance(text)
            box = QRectF(at.x() - ax * width + dx, at.y() - ay * height + dy, width, height)
            _inside(box, area)
            if self.sparse and any(box.intersects(other) for other in drawn):
                continue
            drawn.append(box)
            p.setPen(color)
            p.drawText(QPointF(box.left(), box.top() + ascent), text)
        p.restore()


def _inside(box: QRectF, area: QRectF) -> None:
    """Move ``box`` into ``area`` where it sticks out (and ``area`` is large enough)."""
    if area.isEmpty():
        return
    if box.right() > area.right():
        box.moveRight(area.right())
    if box.left() < area.left():
        box.moveLeft(area.left())
    if box.top() < area.top():
        box.moveTop(area.top())
    if box.bottom() > area.bottom():
        box.moveBottom(area.bottom())


def line_style(plot_item: pg.PlotDataItem) -> tuple[QColor, Qt.PenStyle]:
    """A line's pen colour and style (for tests and the legend)."""
    pen = plot_item.opts["pen"]
    return pen.color(), pen.style()
