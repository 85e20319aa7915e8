"""Analytics charts: switching period or account with 3 years of daily data and 1,000 videos.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_charts [--quick]

Issue 5's budget: a switch redraws in under 100 ms.  The database is the shared large one
(``benchmarks.generate``: 2 accounts × 3 years of days, 1,000 videos with weekly snapshots,
peer benchmarks).  The figure is what the user waits for in the real Auswertung tab: the
account's days read from SQLite, the videos of the period filtered and grouped, every chart
fed with new arrays, and a synchronous repaint of the window.  The floor is pyqtgraph alone
plotting the same arrays into the same number of plain plots (``setData`` + repaint), with
the data already in numpy — the least any pyqtgraph chart page of this size costs.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

if __package__ in (None, ""):  # run as a file: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Row, Stat, measure, repeats, table

BUDGET_S = 0.100
PERIODS = (7, 28, 90, 365, 0)  # 0 = everything (3 years)


def _floor_window(data: dict[str, Any]) -> tuple[Any, Any]:
    """A plain pyqtgraph page with as many plots/items as the board, fed the same arrays."""
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtWidgets import QGridLayout, QScrollArea, QWidget

    page = QScrollArea()  # the same viewport as the tab: only the visible plots are painted
    page.setWidgetResizable(True)
    inner = QWidget()
    grid = QGridLayout(inner)
    page.setWidget(inner)
    plots = []
    for index in range(8):
        widget = pg.GraphicsLayoutWidget()
        widget.setBackground("w")
        widget.setMinimumHeight(300)
        grid.addWidget(widget, index // 2, index % 2)
        plot = widget.addPlot()
        plot.setClipToView(True)
        plot.setDownsampling(auto=True, mode="peak")
        plots.append(plot)
    lines = [plots[i].plot(pen=pg.mkPen(1)) for i in (0, 1, 1, 2, 2, 2, 2, 2, 2, 7)]
    bars = [pg.BarGraphItem(x=[0], height=[0], width=0.8) for _ in range(3)]
    plots[0].addItem(bars[0])
    plots[3].addItem(bars[1])
    plots[4].addItem(bars[2])
    image = pg.ImageItem()
    plots[6].addItem(image)

    def draw(key: str) -> None:
        x, ys, posts = data[key]
        for line, y in zip(lines, ys, strict=False):
            line.setData(x, y)
        bars[0].setOpts(x=x, height=np.nan_to_num(ys[0]), width=86400 * 0.8)
        n = len(posts)
        bars[1].setOpts(x=np.arange(n), height=posts, width=0.7)
        bars[2].setOpts(x=np.arange(min(n, 10)), height=posts[:10], width=0.6)
        image.setImage(np.random.default_rng(0).random((7, 24)), autoLevels=True)

    return page, draw


def run(quick: bool = False, db: Path | None = None) -> list[Row]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from benchmarks.generate import generate

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp(prefix="tikdesk-bench-charts-"))
    os.environ.setdefault("TIKDESK_HOME", str(work / "home"))
    db_path = generate(work / "charts.sqlite") if db is None else db
    n = repeats(quick)

    import numpy as np

    from tikdesk.services.analytics import AnalyticsService
    from tikdesk.services.context import AppContext
    from tikdesk.storage.engine import open_database
    from tikdesk.ui.analytics.tab import AnalyticsTab
    from tikdesk.ui.main_window import MainWindow

    database = open_database(db_path)
    ctx = AppContext(db=database, user="bench")
    service = AnalyticsService(ctx)
    accounts = service.accounts()
    window = MainWindow(ctx, QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1400, 900)
    window.show()
    tab = window.tab(AnalyticsTab)
    window.tabs.setCurrentWidget(tab)
    app.processEvents()
    assert tab.board is not None

    def settle() -> None:
        app.processEvents()
        window.repaint()

    videos = sum(len(service.videos(a)) for a in accounts)
    days = len(service.daily_series(accounts[0]).days)

    def first_switch() -> None:
        tab.invalidate()  # as after an import: caches empty
        tab.redraw()
        settle()

    cold_stat = measure(first_switch, max(3, n // 2), warmup=0)
    tab.set_account(accounts[0])
    tab.set_period(365)
    settle()

    state = {"i": 0}

    def switch_period() -> None:
        state["i"] += 1
        tab.set_period(PERIODS[state["i"] % len(PERIODS)])
        settle()

    def switch_account() -> None:
        state["i"] += 1
        tab.set_account(accounts[state["i"] % len(accounts)])
        settle()

    period_stat = measure(switch_period, n * len(PERIODS))
    tab.set_period(365)
    account_stat = measure(switch_account, n * 2)
    tab.set_period(0)
    account_all = measure(switch_account, n * 2)

    # ---- floor: the same arrays into plain pyqtgraph plots
    data: dict[str, Any] = {}
    for account in accounts:
        series = service.daily_series(account)
        posts = np.array([v.views or 0 for v in service.videos(account)], dtype=float)
        x = np.array(series.x)
        ys = [
            np.array([np.nan if v is None else v for v in series.values[f]], dtype=float)
            for f in ("followers", "video_views", "likes", "comments", "shares")
        ]
        ys += [
            np.array([np.nan if v is None else v for v in series.moving_average[f]], dtype=float)
            for f in ("video_views", "likes", "comments", "shares")
        ]
        data[account] = (x, ys, posts)
    page, draw = _floor_window(data)
    page.resize(1400, 780)  # the window's chart area
    page.show()
    app.processEvents()
    flip = {"i": 0}

    def floor() -> None:
        flip["i"] += 1
        draw(accounts[flip["i"] % len(accounts)])
        app.processEvents()
        page.repaint()

    floor_stat = measure(floor, n * 2)
    note = f"{len(accounts)} accounts, {days} days each, {videos} videos"
    rows = [
        Row(
            "Charts: period switch (7/28/90/365 days/all), redraw",
            period_stat,
            floor_stat,
            floor_label="pyqtgraph setData + repaint, same arrays",
            max_value=BUDGET_S,
            note=note,
        ),
        Row(
            "Charts: account switch, 365 days, redraw",
            account_stat,
            floor_stat,
            floor_label="pyqtgraph setData + repaint, same arrays",
            max_value=BUDGET_S,
        ),
        Row(
            "Charts: account switch, 3 years, redraw",
            account_all,
            floor_stat,
            floor_label="pyqtgraph setData + repaint, same arrays",
            max_value=BUDGET_S,
        ),
        Row(
            "Charts: first switch after an import (caches empty)",
            cold_stat,
            floor_stat,
            floor_label="pyqtgraph setData + repaint, same arrays",
        ),
    ]
    page.close()
    window.close()
    database.close()
    return rows


def main() -> int:
    print(table(run("--quick" in sys.argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["Stat", "run"]
