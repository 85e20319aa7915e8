"""The frame every chart shares: title, info, the plot, its empty state, the same numbers as
a table (the text alternative), hover texts with exact values, and "save as PNG"."""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QPointF, QRect, Qt, Signal
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
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QFrame,
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

from tikdesk.ui import theme
from tikdesk.ui.analytics.charts import _pg
from tikdesk.ui.analytics.charts._pg import CHART_BACKGROUND

translate = QCoreApplication.translate

# The series colours come from the theme (3:1 on the light plot area); each series there also
# has its own line style and marker (WCAG 1.4.1, 1.4.11).
BLUE, ORANGE, GREEN, PURPLE, SKY = (series.colour for series in theme.SERIES[:5])
GREY, DARK = theme.PLOT_AXIS, theme.PLOT_TEXT
DAY = 86400.0
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NUMERIC = re.compile(r"^[+\-–]?[\d.,]+( ?%)?$|^–$")


def nan_array(values: Sequence[float | int | None]) -> np.ndarray:
    """Plain list with None → float array with NaN (pyqtgraph leaves gaps there)."""
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def pen(color: str, width: float = 1, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> object:
    return pg.mkPen(color=color, width=width, style=style)


def nearest_index(xs: Sequence[float], x: float) -> int | None:
    if not len(xs):
        return None
    i = bisect_left(xs, x)
    if i <= 0:
        return 0
    if i >= len(xs):
        return len(xs) - 1
    return i if xs[i] - x < x - xs[i - 1] else i - 1


def line(plot: pg.PlotItem, **opts: Any) -> pg.PlotDataItem:
    """A line of data, with gaps where values are missing.

    pyqtgraph feeds a line anew whenever its view's y range changes, to cut values far
    outside the view (``dynamicRangeLimit``).  The ranges here are fitted to the data, so no
    value is ever far out."""
    return plot.plot(connect="finite", dynamicRangeLimit=None, **opts)


def bars(x: np.ndarray, heights: np.ndarray, width: float, color: str) -> pg.BarGraphItem:
    return pg.BarGraphItem(x=x, height=heights, width=width, brush=color, pen=pg.mkPen(None))


LABEL_GAP = 14  # px: a label's offset from its bar plus a margin at the plot's right edge


def fit_x_to_labels(
    plot: pg.PlotItem, labels: _pg.Labels, ends: Sequence[float], *, default: float
) -> None:
    """An x range from 0 that leaves room, measured in pixels, for each label of ``labels``
    beside the end of its bar (``ends``, in data units, in the labels' order); before the
    plot is laid out, ``default`` × the longest bar."""
    if not ends:
        return
    right = max(max(ends), 0.001)
    wanted = right * default
    width = plot.getViewBox().width()
    metrics = QFontMetricsF(labels.font)
    texts = labels.texts()
    if width > 0 and len(texts) == len(ends):
        needs = [
            end * width / room
            for end, text in zip(ends, texts, strict=True)
            if (room := width - metrics.horizontalAdvance(text) - LABEL_GAP) > 20
        ]
        if len(needs) == len(texts):
            wanted = max([right * 1.05, *needs])
    if abs(plot.viewRange()[0][1] - wanted) > wanted * 1e-6:
        plot.setXRange(0, wanted, padding=0)


def app_font() -> QFont:
    return QFont(QApplication.font())


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
        self.panel_layout = layout
        layout.addLayout(self._build_header(title))
        layout.addWidget(self.info_label)
        self.stack = QStackedWidget()
        self.graphics = self._build_graphics(title)
        self.message = QLabel()
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"{theme.css('muted')} padding: 24px;")
        self.table = QTableWidget()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (WCAG 2.1.2)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(title)
        self.table.verticalHeader().setVisible(False)
        for widget in (self.graphics, self.message, self.table):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 1)
        self._build_actions()

    def _build_header(self, title: str) -> QHBoxLayout:
        """Title and buttons in a row; the info below them.  Both wrap rather than being cut
        (at any font size), and carry their text as tooltip."""
        header = QHBoxLayout()
        self.title_label = QLabel(title)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.title_label.setToolTip(title)
        self.info_label = QLabel()
        self.info_label.setStyleSheet(theme.css("muted"))
        self.info_label.setWordWrap(True)
        # a line even when empty: a label that came and went re-laid out the chart grid
        self.info_label.setMinimumHeight(self.info_label.fontMetrics().lineSpacing())
        self.table_button = QToolButton()
        self.table_button.setText(translate("Analytics", "Table"))
        self.table_button.setCheckable(True)
        self.table_button.setToolTip(translate("Analytics", "Show the numbers as a table"))
        self.table_button.toggled.connect(self.set_table_mode)
        self.png_button = QToolButton()
        self.png_button.setText(translate("Analytics", "PNG…"))
        self.png_button.setToolTip(translate("Analytics", "Save the chart as a PNG image"))
        self.png_button.clicked.connect(lambda: self.save_png())
        header.addWidget(self.title_label, 1)
        header.addWidget(self.table_button)
        header.addWidget(self.png_button)
        self.header_layout = header
        return header

    def add_header_widget(self, widget: QWidget) -> None:
        """A control of this chart in the title row, before its Table and PNG buttons."""
        self.header_layout.insertWidget(self.header_layout.indexOf(self.table_button), widget)

    def _build_graphics(self, title: str) -> pg.GraphicsLayoutWidget:
        graphics = pg.GraphicsLayoutWidget()
        graphics.setBackground(CHART_BACKGROUND)
        graphics.ci.setContentsMargins(2, 2, 8, 2)
        graphics.setAccessibleName(title)
        graphics.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        graphics.customContextMenuRequested.connect(self._context_menu)
        graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        return graphics

    def _build_actions(self) -> None:
        """The context menu's commands, also by keyboard while the focus is in this chart."""
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
        below = plot.getViewBox().zValue() - 1
        for name in ("left", "bottom"):
            _pg.style_axis(plot.getAxis(name), GREY, DARK, below)
        self.plots.append(plot)
        return plot

    def left_axes(self) -> list[pg.AxisItem]:
        """The value (or category) axes at the left, one width for all (see fit_axes)."""
        return [plot.getAxis("left") for plot in self.plots]

    #: lines of the bottom axes' titles (a panel with a two-line title says so)
    bottom_title_lines = 1

    def fit_axes(self) -> None:
        """Axes as wide, and as high, as their labels in the application's font (after a
        feed)."""
        if self._empty:
            return
        font = app_font()
        _pg.fit_axis_width(self.left_axes(), font)
        for plot in self.plots:
            bottom = plot.getAxis("bottom")
            if bottom.isVisible():
                _pg.fit_axis_height(bottom, font, self.bottom_title_lines)

    # ---------------------------------------------------------------- state
    def set_info(self, text: str) -> None:
        """The grey text below the title (its tooltip, too)."""
        self.info_label.setText(text)
        self.info_label.setToolTip(text)

    def show_message(self, text: str) -> None:
        self._empty = True
        self.message.setText(text)
        self.set_info("")
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
                point = plot.getViewBox().mapSceneToView(pos)
                text, at = self.hover_text(plot, point.x(), point.y())
                self._move_crosshairs(at)
                if text:
                    QToolTip.showText(QCursor.pos(), plain_tooltip(text), self.graphics)
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
        image.fill(QColor(theme.PLOT_BACKGROUND))
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
        from tikdesk.domain.errors import InputRejected
        from tikdesk.services.analytics import write_chart_image
        from tikdesk.ui import messages

        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        problem = None
        if not self.render_image().save(buffer, "PNG"):  # type: ignore[call-overload]
            problem = translate("Analytics", "The image could not be saved: %1").replace("%1", path)
        else:
            try:  # complete or not at all: a failure keeps an existing file as it was
                write_chart_image(path, bytes(buffer.data().data()))
            except InputRejected as exc:
                problem = str(exc)
        if problem is not None:
            messages.show_warning(self, translate("Analytics", "Save chart"), problem)
            return None
        return path


def plain_tooltip(text: str) -> str:
    """``text`` (a post's title, …) as a tooltip that shows it literally: Qt would render
    "<b>…</b>" or "<img src=…>" in the first line as rich text (and load the image)."""
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>'


def pixmap_ok(image: QImage | QPixmap) -> bool:
    return not image.isNull() and image.width() > 0 and image.height() > 0
