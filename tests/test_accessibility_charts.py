"""Charts tell series apart by more than colour (issue 23: WCAG 1.4.1, 1.4.11).

Line colours come from ``theme.SERIES`` (3:1 on the light plot area), each series with its own
line style, and the peers also with their own marker; the per-day lines are opaque (a
translucent line fell below 3:1); the heat map marks high and low typical values with ▲/▼,
not by shade alone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtGui import QColor

from tikdesk.services.analytics import BenchmarkSeries
from tikdesk.ui import theme


def _pen(item: Any) -> Any:
    return item.opts["pen"]


def test_interaction_lines_pass_3_to_1_and_have_their_own_styles(qtbot: Any) -> None:
    from tikdesk.ui.analytics.charts import ChartBoard

    board = ChartBoard()
    qtbot.addWidget(board)
    panel = board.interactions
    plot = QColor(theme.PLOT_BACKGROUND)
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
    assert marks == {(18.5, -0.5): "▲", (7.5, 3.5): "▼"}
