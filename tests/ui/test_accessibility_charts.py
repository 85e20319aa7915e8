"""Charts tell series apart by more than colour (issue 23: WCAG 1.4.1, 1.4.11).

Line colours come from ``theme.SERIES`` (3:1 on the light plot area), each series with its own
line style, and the peers also with their own marker; the per-day lines are opaque (a
translucent line fell below 3:1); the heat map marks high and low typical values with ▲/▼,
not by shade alone.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QFont, QFontMetrics

from tikdesk.services.analytics import BenchmarkSeries
from tikdesk.ui import theme

HANDLE = "stadt_musterhausen"


def _pen(item: Any) -> Any:
    return item.opts["pen"]


def test_interaction_lines_pass_3_to_1_and_have_their_own_styles(qtbot: Any) -> None:
    from tikdesk.ui.analytics.charts import ChartBoard

    board = ChartBoard()
    qtbot.addWidget(board)
    panel = board.interactions
    plot = plot_area = QColor(theme.PLOT_BACKGROUND)
    styles, colours = set(), set()
    for key, line in panel.average.items():
        pen = _pen(line)
        assert theme.contrast(pen.color(), plot) >= theme.GRAPHIC_RATIO, key
        styles.add(pen.style())
        colours.add(pen.color().name())
        daily = _pen(panel.daily[key]).color()
        assert daily.alpha() == 255
        assert theme.contrast(daily, plot) >= theme.GRAPHIC_RATIO
    assert len(styles) == len(colours) == len(panel.average) == 3
    for key, plot in panel.plot_of.items():  # each plot named on its axis, readable as text
        ink = QColor(plot.getAxis("left").labelStyle["color"])
        assert theme.contrast(ink, plot_area) >= theme.TEXT_RATIO, key


def test_peer_lines_differ_by_style_and_marker(qtbot: Any) -> None:
    from tikdesk.ui.analytics.charts import BenchmarkPanel

    panel = BenchmarkPanel()
    qtbot.addWidget(panel)
    days = [dt.date(2026, 1, d) for d in (1, 15, 29)]
    x = [float(dt.datetime(d.year, d.month, d.day).timestamp()) for d in days]
    peers = [
        BenchmarkSeries(f"Stadt {n}", days, x, [100 * n, 110 * n, 120 * n], [None] * 3, [n])
        for n in range(1, 5)
    ]
    panel.update_benchmarks("", None, peers)
    looks = {(_pen(i).style(), i.opts["symbol"], _pen(i).color().name()) for i in panel.peers}
    assert len(panel.peers) == 4
    assert len({(style, symbol) for style, symbol, _c in looks}) == 4
    assert all(colour in {s.colour.lower() for s in theme.SERIES} for _s, _m, colour in looks)


def test_heat_map_marks_high_and_low_values_by_symbol(qtbot: Any) -> None:
    from tikdesk.domain.analytics import weekday_hour_heatmap
    from tikdesk.ui.analytics.charts import HeatmapPanel

    monday_18, friday_7 = dt.datetime(2026, 8, 3, 18, 5), dt.datetime(2026, 8, 7, 7, 59)
    heat = weekday_hour_heatmap([(monday_18, 100), (monday_18, 300), (friday_7, 5)] * 4)
    panel = HeatmapPanel()
    qtbot.addWidget(panel)
    panel.update_heatmap(heat, with_time=12, without_time=0)
    marks = {(x, y): text for text, x, y, _colour in panel.level_marks.labels}
    assert marks == {(18, 0): "▲", (7, 4): "▼"}  # above the count in the cell


# ----------------------------------------------------------------------------- any font size
@pytest.fixture
def font_14pt(qapp: Any) -> Iterator[QFont]:
    """The application font at 14 pt for one test (a colleague's larger system font)."""
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(14)
    qapp.setFont(font)
    yield font
    qapp.setFont(before)


def _board_data(ctx: Any, samples: Path, tmp_path: Path) -> Any:
    """The board's data for the sample account: Studio exports, a video list with times."""
    from tikdesk.services.analytics import AnalyticsService
    from tikdesk.ui.analytics.data import BoardSource

    service = AnalyticsService(ctx)
    service.import_files(sorted((samples / "tiktok").glob("*.zip")))
    service.save_benchmark("Stadt Beispielstadt", dt.date(2026, 9, 1), 6100, None)
    service.save_benchmark("Landkreis Musterland", dt.date(2026, 9, 1), 2950, None)
    rows = ['"Video title","Video link","Post time","Total likes","Total views"']
    for i in range(12):
        posted = dt.datetime(2026, 8, 3 + i, 7 + i % 12, 5)
        link = f"https://www.tiktok.com/@{HANDLE}/video/74{i:017d}"
        rows.append(f'"Video {i}","{link}","{posted:%Y-%m-%d %H:%M:%S}","{i * 90}","{i * 1100}"')
    listing = tmp_path / f"Content_{HANDLE}.csv"
    listing.write_text("\ufeff" + "\n".join(rows), encoding="utf-8")
    service.import_files([listing])
    source = BoardSource(service)
    first, last = source.bounds_of(HANDLE)
    return source.board_data(HANDLE, first, last, "views")


def _clipped_labels(axis: Any) -> list[str]:
    """The tick labels pyqtgraph leaves out or draws over the axis title, as it lays the
    axis out for painting (into a QPicture, with the application's font)."""
    from PySide6.QtGui import QPainter, QPicture
    from PySide6.QtWidgets import QApplication

    picture = QPicture()
    painter = QPainter(picture)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    if specs is None:
        return []
    _axis, _ticks, texts = specs
    low, high = sorted(axis.range)
    levels = axis.tickValues(low, high, axis.height())
    spacing, values = levels[0]
    # pyqtgraph leaves out the label of a tick closer to an end than half the label's height
    # (it would stick out); every other one must be drawn, and none over the axis title
    edge = (high - low) * QFontMetrics(QApplication.font()).height() * 0.5 / axis.height()
    inside = [v for v in values if low + edge < v < high - edge]
    wanted = axis.tickStrings(inside, axis.scale, spacing)
    drawn = {text for _rect, _flags, text in texts}
    title = axis.label.boundingRect().height() * 0.8 if axis.label.isVisible() else 0.0
    over_title = [text for rect, _f, text in texts if rect.left() < title - 1]
    return [text for text in wanted if text not in drawn] + over_title


@pytest.mark.slow
def test_at_14_pt_axes_fit_their_labels_and_legends_use_the_application_font(
    qtbot: Any, ctx: Any, samples: Path, tmp_path: Path, font_14pt: QFont
) -> None:
    from PySide6.QtWidgets import QApplication

    from tikdesk.ui.analytics.charts import ChartBoard
    from tikdesk.ui.analytics.charts._pg import legend_font_size

    data = _board_data(ctx, samples, tmp_path)
    board = ChartBoard()
    qtbot.addWidget(board)
    board.resize(1280, 3000)  # every panel on screen
    board.show()
    board.show_data(data)
    for _ in range(3):  # laid out, painted, and laid out again where an axis grew
        QApplication.processEvents()
        for panel in board.panels:
            panel.graphics.grab()
    shown = [panel for panel in board.panels if not panel.is_empty]
    assert len(shown) >= 8, [p.title for p in board.panels if p.is_empty]
    checked = 0
    for panel in shown:
        for plot in panel.plots:
            axis = plot.getAxis("left")
            assert _clipped_labels(axis) == [], (panel.title, axis.width())
            checked += 1
        widths = {plot.getAxis("left").width() for plot in panel.plots}
        assert len(widths) == 1, (panel.title, widths)  # stacked plots stay aligned
    assert checked >= 12
    for legend in (board.views.legend, board.benchmarks.legend):
        assert legend is not None and legend_font_size(legend) == "14pt"
    line = QFontMetrics(font_14pt).height()
    for panel in shown:  # the date, hour and value labels below the plots are not cut off
        for plot in panel.plots:
            axis = plot.getAxis("bottom")
            if not axis.isVisible():
                continue
            title = axis.label.boundingRect().height() - 5 if axis.label.isVisible() else 0
            assert _lowest_label(axis) + line <= axis.height() - title + 1, panel.title
            rects = sorted(_label_rects(axis), key=lambda r: r.left())
            touching = [b for a, b in itertools.pairwise(rects) if b.left() < a.right() + 4]
            assert touching == [], panel.title  # neighbouring labels keep apart
    heat_axis = board.heatmap.hour_axis  # its two-line title is not cut off at the bottom
    assert heat_axis.height() >= 3 * QFontMetrics(font_14pt).lineSpacing()


def _label_rects(axis: Any) -> list[Any]:
    """The rectangles pyqtgraph draws an axis' tick labels in (laid out as for painting)."""
    from PySide6.QtGui import QPainter, QPicture

    picture = QPicture()
    painter = QPainter(picture)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [rect for rect, _flags, text in specs[2] if text] if specs else []


def _lowest_label(axis: Any) -> float:
    """Where the lowest tick label of a bottom axis starts (0 when it draws none)."""
    return max((rect.top() for rect in _label_rects(axis)), default=0.0)
