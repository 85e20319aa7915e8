"""The Auswertung tab on a real database: empty state, charts, import dialogs, drop, PNG."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tikdesk.domain.errors import InputRejected
from tikdesk.services.analytics import AnalyticsService, day_x
from tikdesk.services.context import AppContext
from tikdesk.ui.analytics.tab import AnalyticsTab

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from tikdesk.ui.main_window import MainWindow

HANDLE = "stadt_musterhausen"
D = dt.date
DAY_S = 86400.0


def zips(samples: Path) -> list[Path]:
    return sorted((samples / "tiktok").glob("*.zip"))


def count(ctx: AppContext, table: str) -> int:
    with sqlite3.connect(ctx.db.path) as conn:
        return int(conn.execute(f"select count(*) from {table}").fetchone()[0])


@pytest.fixture
def imported(ctx: AppContext, samples: Path) -> AppContext:
    service = AnalyticsService(ctx)
    service.import_files(zips(samples))
    service.import_files([samples / "tiktok" / "Uebersicht_business_de.xlsx"], account="amt")
    return ctx


def open_tab(window: object, qtbot: QtBot) -> object:
    tab = window.tab(AnalyticsTab)
    window.resize(1400, 3200)  # type: ignore[attr-defined]  # every chart on screen (fed)
    window.tabs.setCurrentWidget(tab)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: tab.board is not None)
    return tab


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[object]]:
    """Modal dialogs answer from this dict (and record that they were asked)."""
    from tikdesk.ui.analytics import dialogs

    asked: dict[str, list[object]] = {"preview": [], "link": [], "year": [], "account": []}
    answers = {"preview": True, "year": {}, "account": HANDLE}

    def preview(cls: object, p: object, parent: object = None) -> bool:
        asked["preview"].append(p)
        return bool(answers["preview"])

    monkeypatch.setattr(dialogs.ImportPreviewDialog, "ask", classmethod(preview))
    monkeypatch.setattr(
        dialogs.LinkVideosDialog,
        "ask",
        classmethod(lambda cls, s, v, parent=None: asked["link"].append(v) or 0),
    )
    monkeypatch.setattr(
        dialogs.YearDialog,
        "ask",
        classmethod(lambda cls, t, today, parent=None: asked["year"].append(t) or answers["year"]),
    )
    monkeypatch.setattr(
        dialogs.AccountDialog,
        "ask",
        classmethod(
            lambda cls, t, a, parent=None: asked["account"].append(t) or answers["account"]
        ),
    )
    asked["answers"] = [answers]
    return asked


# ----------------------------------------------------------------------------- start-up
@pytest.mark.slow
def test_pyqtgraph_is_loaded_only_when_the_tab_is_shown(tmp_path: Path) -> None:
    script = (
        "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from tikdesk.storage.engine import open_database;"
        "from tikdesk.services.context import AppContext;"
        "from tikdesk.ui.main_window import MainWindow;"
        "import tempfile, pathlib;"
        "db = open_database(pathlib.Path(tempfile.mkdtemp()) / 'x.sqlite');"
        "from PySide6.QtCore import QSettings;"
        f"st = QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat);"
        "w = MainWindow(AppContext(db=db, user='a'), st); w.show(); app.processEvents();"
        "before = 'pyqtgraph' in sys.modules;"
        "from tikdesk.ui.analytics.tab import AnalyticsTab;"
        "tab = w.tab(AnalyticsTab); w.tabs.setCurrentWidget(tab); app.processEvents();"
        "print(before, 'pyqtgraph' in sys.modules, tab.board is not None);"
        "os._exit(0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TIKDESK_HOME": str(tmp_path)},
    )
    assert result.stdout.split() == ["False", "True", "True"], result.stderr[-2000:]


# ----------------------------------------------------------------------------- empty state
@pytest.mark.slow
def test_empty_state_says_what_to_import(main_window: MainWindow, qtbot: QtBot) -> None:
    tab = open_tab(main_window, qtbot)
    assert tab.stack.currentWidget() is tab.empty_page  # type: ignore[attr-defined]
    text = tab.empty_label.text()  # type: ignore[attr-defined]
    assert "Overview_" in text and "Followers_" in text and "Content_" in text
    assert not tab.empty_page.grab().isNull()  # type: ignore[attr-defined]
    from tikdesk.smoke import render_every_chart

    render_every_chart(tab)  # type: ignore[arg-type]  # (the smoke test's check)


# ----------------------------------------------------------------------------- charts
@pytest.fixture
def tab(imported: AppContext, main_window: MainWindow, qtbot: QtBot) -> object:
    tab = open_tab(main_window, qtbot)
    tab.set_account(HANDLE)  # type: ignore[attr-defined]
    return tab


@pytest.mark.slow
def test_charts_on_real_data_render_for_every_period(tab: object) -> None:
    board = tab.board  # type: ignore[attr-defined]
    assert tab.stack.currentWidget() is tab.chart_scroll  # type: ignore[attr-defined]
    for days in (7, 28, 90, 365, 0):
        tab.set_period(days)  # type: ignore[attr-defined]
        for panel in board.panels:
            image = panel.render_image()
            assert not image.isNull() and image.width() > 100 and image.height() > 100
    assert tab.period() == (D(2026, 8, 1), D(2026, 10, 29))  # type: ignore[attr-defined]
    for panel in (
        board.followers,
        board.views,
        board.interactions,
        board.posts,
        board.by_format,
        board.by_audience,
    ):
        assert not panel.is_empty, panel.title
    assert board.heatmap.is_empty  # the Content export has no time of day
    assert "hour" in board.heatmap.message.text()
    assert board.benchmarks.is_empty and "peer" in board.benchmarks.message.text()
    assert "4.206 → 5.383" in board.followers.info_label.text()
    assert "12 posts" in board.posts.info_label.text()
    group = board.by_format.groups[0]  # videos not linked to a post: one group, "9,3 %"
    assert board.by_format.count_labels.texts() == [f"{group.spread.count} posts · typically 9,3 %"]


@pytest.mark.slow
def test_period_and_account_switch_change_the_numbers(tab: object) -> None:
    board = tab.board  # type: ignore[attr-defined]
    tab.set_period(7)  # type: ignore[attr-defined]
    assert board.followers.series.days == [D(2026, 10, 23) + dt.timedelta(days=i) for i in range(7)]
    tab.set_custom_period(D(2026, 8, 15), D(2026, 8, 20))  # type: ignore[attr-defined]
    assert board.views.series.values["video_views"][3] == 10677  # 18 August
    assert board.interactions.series.values["comments"][3] == -1
    assert [v.title for v in board.posts.videos] == ["Azubi-Takeover: Lisa zeigt die Kfz-Zulassung"]
    tab.set_account("amt")  # type: ignore[attr-defined]
    tab.set_period(28)  # type: ignore[attr-defined]
    assert board.followers.cumulative  # business export: only new/lost followers
    assert board.followers.series.days[-1] == D(2026, 10, 31)
    assert board.posts.is_empty


@pytest.mark.slow
def test_axes_and_hover_use_german_formats(tab: object) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from tikdesk.ui.analytics.charts import GermanDateAxis, NumberAxis

    assert NumberAxis().tickStrings([12500.0, 0.0], 1.0, 2500.0) == ["12.500", "0"]
    assert NumberAxis(percent=True).tickStrings([0.045], 1.0, 0.005) == ["4,5 %"]
    assert GermanDateAxis().tickStrings([day_x(D(2026, 9, 1))], 1.0, 30 * 86400) == ["Sept."]
    assert GermanDateAxis().tickStrings([day_x(D(2027, 1, 1))], 1.0, 30 * 86400) == ["Jan. 2027"]
    assert GermanDateAxis().tickStrings([day_x(D(2026, 8, 18))], 1.0, 86400) == ["18.08."]
    import pyqtgraph as pg

    stock, ours = pg.DateAxisItem(utcOffset=0), GermanDateAxis()
    for font in (stock, ours):  # (the zoom level depends on the font's size)
        font.fontMetrics = QFontMetrics(QFont())
    for days in (7, 28, 90, 365, 3 * 365):  # the same ticks, without pyqtgraph's time zones
        first, last = day_x(D(2026, 11, 25) - dt.timedelta(days=days)), day_x(D(2026, 11, 25))
        assert ours.tickValues(first, last, 600) == stock.tickValues(first, last, 600), days
    board = tab.board  # type: ignore[attr-defined]
    tab.set_period(0)  # type: ignore[attr-defined]
    text, at = board.followers.hover_text(board.followers.top, day_x(D(2026, 8, 18)), 0)
    assert "18.08.2026" in text and "Followers: 4.437" in text and "+70" in text
    assert at == day_x(D(2026, 8, 18))
    text, _ = board.posts.hover_text(board.posts.top, 2.0, 0)
    assert "Views: 78.016" in text and "Engagement rate: 5,2 %" in text
    axis = board.posts.axis_bottom  # posts in order of publication, labelled with short titles
    from tikdesk.ui.analytics.charts import short_title

    titles = [short_title(v.title) for v in board.posts.videos]
    assert axis.tickStrings([0.0, 2.0, 11.0, 12.0], 1.0, 1.0) == [
        titles[0],
        titles[2],
        titles[11],
        "",
    ]


@pytest.mark.slow
def test_numbers_as_tables_is_the_text_alternative(tab: object) -> None:
    board = tab.board  # type: ignore[attr-defined]
    tab.set_period(0)  # type: ignore[attr-defined]
    tab.table_check.setChecked(True)  # type: ignore[attr-defined]
    followers = board.followers
    assert followers.stack.currentWidget() is followers.table
    assert followers.table.rowCount() == 90
    assert followers.table.item(17, 0).text() == "18.08.2026"
    assert followers.table.item(17, 1).text() == "4.437"
    assert board.posts.table.rowCount() == 12
    assert board.heatmap.table.rowCount() == 1  # the empty-state text
    tab.table_check.setChecked(False)  # type: ignore[attr-defined]
    assert followers.stack.currentWidget() is followers.graphics


@pytest.mark.slow
def test_every_chart_saves_a_png(
    tab: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QImage

    from tikdesk.ui.analytics.charts import ChartPanel

    target = tmp_path / "chart"
    monkeypatch.setattr(
        ChartPanel, "ask_png_path", classmethod(lambda cls, parent, suggested: str(target))
    )
    for index, panel in enumerate(tab.board.panels):  # type: ignore[attr-defined]
        target = tmp_path / f"chart{index}"
        panel.png_button.click()
        image = QImage(str(target) + ".png")
        assert not image.isNull() and image.width() > 100, panel.title


@pytest.mark.slow
def test_smoke_test_renders_every_chart(tab: object) -> None:
    from tikdesk.smoke import render_every_chart

    assert render_every_chart(tab) == "9 charts"  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- import
@pytest.mark.slow
def test_drop_of_tiktok_zips_imports_with_preview(
    ctx: AppContext, main_window: MainWindow, samples: Path, no_dialogs: dict[str, list[object]]
) -> None:
    assert main_window.handle_dropped_files(zips(samples))
    assert len(no_dialogs["preview"]) == 1
    assert count(ctx, "account_daily") == 90 and count(ctx, "video_stats") == 12
    assert len(no_dialogs["link"]) == 1 and len(no_dialogs["link"][0]) == 12  # type: ignore[arg-type]
    tab = main_window.tab(AnalyticsTab)
    assert tab.account_box.currentText() == HANDLE
    assert "12" in tab.link_button.text()


def test_drop_handler_leaves_idea_lists_alone(main_window: MainWindow, samples: Path) -> None:
    tab = main_window.tab(AnalyticsTab)
    assert not tab.handle_drop([samples / "ideas" / "ideen_brainstorming.xlsx"])
    assert not tab.handle_drop([samples / "ideas" / "ideen_planner_export.csv"])
    priorities = [p for p, h in main_window._drop_handlers if h == tab.handle_drop]
    assert priorities == [10]


def test_cancel_in_the_preview_writes_nothing(
    ctx: AppContext, main_window: MainWindow, samples: Path, no_dialogs: dict[str, list[object]]
) -> None:
    no_dialogs["answers"][0]["preview"] = False  # type: ignore[index]
    tab = main_window.tab(AnalyticsTab)
    assert not tab.import_paths(zips(samples))
    assert count(ctx, "account_daily") == 0 and count(ctx, "import_batch") == 0


@pytest.mark.slow
def test_year_less_file_asks_account_and_year(
    ctx: AppContext,
    main_window: MainWindow,
    samples: Path,
    tmp_path: Path,
    no_dialogs: dict[str, list[object]],
) -> None:
    with zipfile.ZipFile(next((samples / "tiktok").glob("Overview_*.zip"))) as archive:
        (tmp_path / "Overview.csv").write_bytes(archive.read("Overview.csv"))
    no_dialogs["answers"][0]["year"] = {"Overview.csv": 2025}  # type: ignore[index]
    tab = main_window.tab(AnalyticsTab)
    assert tab.import_paths([tmp_path / "Overview.csv"])
    assert len(no_dialogs["account"]) == 1 and len(no_dialogs["year"]) == 1
    with sqlite3.connect(ctx.db.path) as conn:
        assert conn.execute("select account, min(day), max(day) from account_daily").fetchone() == (
            HANDLE,
            "2025-08-01",
            "2025-10-29",
        )


def test_unreadable_drop_shows_a_warning(
    main_window: MainWindow,
    samples: Path,
    recorded_messages: list[tuple[str, str, str]],
    tmp_path: Path,
) -> None:
    bad = tmp_path / "Overview_2026-01-01_1_amt.zip"
    bad.write_bytes(b"PK\x03\x04 this is no zip")
    tab = main_window.tab(AnalyticsTab)
    assert not tab.import_paths([bad])
    assert recorded_messages and recorded_messages[-1][0] == "warning"
    assert "TikTok" in recorded_messages[-1][2]


def test_preview_dialog_shows_files_columns_counts_and_problems(
    ctx: AppContext, qtbot: QtBot, samples: Path, tmp_path: Path
) -> None:
    from tikdesk.ui.analytics.dialogs import ImportPreviewDialog

    bad = tmp_path / f"Overview_2026-03-01_1_{HANDLE}.csv"
    bad.write_text(
        '"Date","Video Views"\n"2026-03-01","12"\n"2026-03-02","zwölf"\n', encoding="utf-8"
    )
    preview = AnalyticsService(ctx).preview_import([*zips(samples), bad])
    dialog = ImportPreviewDialog(preview)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 7
    overview = next(
        dialog.tree.topLevelItem(i)
        for i in range(7)
        if dialog.tree.topLevelItem(i).text(0).endswith("› Overview.csv")
    )
    children = {
        overview.child(i).text(0): overview.child(i).text(1) for i in range(overview.childCount())
    }
    assert children["Video Views"] == "Videoaufrufe"  # service labels: msg()
    assert dialog.problems.rowCount() == 1
    assert dialog.problems.item(0, 1).text() == "3"
    # Problems block the import until the user explicitly leaves those rows out.
    assert not dialog.import_button.isEnabled()
    assert not dialog.skip_problems.isHidden() and not dialog.skip_problems.isChecked()
    dialog.skip_problems.setChecked(True)
    assert dialog.import_button.isEnabled()
    with pytest.raises(InputRejected, match="zwölf"):
        AnalyticsService(ctx).commit_import(preview)
    assert not AnalyticsService(ctx).has_data()
    AnalyticsService(ctx).commit_import(preview, skip_problem_rows=True)
    assert AnalyticsService(ctx).has_data()
    again = ImportPreviewDialog(AnalyticsService(ctx).preview_import(zips(samples)))
    qtbot.addWidget(again)
    assert not again.import_button.isEnabled()


# ----------------------------------------------------------------------------- typed in
@pytest.mark.slow
def test_link_videos_dialog_links_and_creates_posts(imported: AppContext, qtbot: QtBot) -> None:
    from tikdesk.services.posts import PostInput, PostService
    from tikdesk.ui.analytics.dialogs import NEW_POST, LinkVideosDialog

    service = AnalyticsService(imported)
    post = PostService(imported).create(PostInput(title="Mythos Büro", format="myth_buster"))
    videos = service.unmatched_videos()
    dialog = LinkVideosDialog(service, videos)
    qtbot.addWidget(dialog)
    dialog.choose(0, post)
    dialog.choose(1, NEW_POST)
    assert dialog.apply() == []
    assert dialog.changed == 2
    assert len(service.unmatched_videos()) == 10
    linked = {v.video_link: v.post_id for v in service.videos(HANDLE)}
    assert linked[videos[0].video_link] == post and linked[videos[1].video_link] is not None


def test_manual_numbers_dialog(ctx: AppContext, qtbot: QtBot) -> None:
    from tikdesk.services.posts import PostInput, PostService
    from tikdesk.ui.analytics.dialogs import ManualStatsDialog

    PostService(ctx).create(PostInput(title="Tag der offenen Tür", format="event"))
    dialog = ManualStatsDialog(AnalyticsService(ctx), ctx.clock.today())
    qtbot.addWidget(dialog)
    assert not dialog.save()  # nothing typed in
    assert dialog.error.text()
    qtbot.keyClicks(dialog.views, "1.500")
    qtbot.keyClicks(dialog.likes, "120")
    assert dialog.save()
    with sqlite3.connect(ctx.db.path) as conn:
        assert conn.execute(
            "select views, likes, comments, manual from video_stats"
        ).fetchall() == [(1500, 120, None, 1)]


@pytest.mark.slow
def test_benchmark_form_adds_entries_that_the_chart_shows(
    imported: AppContext, main_window: MainWindow, qtbot: QtBot
) -> None:
    tab = open_tab(main_window, qtbot)
    form = tab.benchmark_form  # type: ignore[attr-defined]
    form.name.setCurrentText("Stadt Beispielstadt")
    form.day.setDate(form.day.date().fromString("01.09.2026", "dd.MM.yyyy"))
    qtbot.keyClicks(form.followers, "6100")
    assert form.submit()
    assert form.entries.rowCount() == 1
    panel = tab.board.benchmarks  # type: ignore[attr-defined]
    assert not panel.is_empty and len(panel.peers) == 1
    form.followers.clear()
    assert not form.submit()  # neither followers nor likes
    assert form.error.isVisible() or form.error.text()
    form.entries.selectRow(0)
    assert form.delete_selected() == 1
    assert panel.is_empty


def test_german_translation_is_complete_and_loads(qapp: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    qm = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "analytics_de.qm"
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Analytics", "Table") == "Tabelle"
        assert QCoreApplication.translate("Analytics", "TikTok &analytics…") == (
            "TikTok-&Analysedaten…"
        )
    finally:
        QCoreApplication.removeTranslator(translator)


# ----------------------------------------------------------------------------- drawing cost
@pytest.mark.slow
def test_grid_lines_are_opaque_blends_below_the_data(tab: object) -> None:
    """The grid looks as pyqtgraph's translucent one but is drawn opaque (alpha blending
    across every plot was the largest cost of a redraw), so it must lie below the data."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from tikdesk.ui.analytics.charts._pg import CHART_BACKGROUND, NumberAxis, _opaque

    assert _opaque(QColor(0, 0, 0, 64), QColor("white")).getRgb() == (191, 191, 191, 255)
    board = tab.board  # type: ignore[attr-defined]
    tab.set_period(0)  # type: ignore[attr-defined]
    gridded = [
        plot.getAxis(name)
        for panel in board.panels
        for plot in panel.plots
        for name in ("left", "bottom")
        if isinstance(plot.getAxis(name), NumberAxis) and plot.getAxis(name).grid is not False
    ]
    assert len(gridded) >= 6
    image = QImage(10, 10, QImage.Format.Format_ARGB32)  # (kept alive while painted on)
    painter = QPainter(image)
    try:
        for axis in gridded:
            _axis, ticks, _texts = axis.generateDrawSpecs(painter)
            assert ticks and all(pen.color().alpha() == 255 for pen, _a, _b in ticks)
            assert all(pen.color() != CHART_BACKGROUND for pen, _a, _b in ticks)
            view = axis.linkedView()
            assert axis.zValue() < view.zValue()
    finally:
        painter.end()


@pytest.fixture
def twins(imported: AppContext, samples: Path, main_window: MainWindow, qtbot: QtBot) -> object:
    """The tab on "amt" and "amt2": the same days, other numbers, follower totals."""
    business = samples / "tiktok" / "Uebersicht_business_de.xlsx"
    AnalyticsService(imported).import_files([business], account="amt2")  # the days of "amt"
    with sqlite3.connect(imported.db.path) as conn:
        conn.execute("update account_daily set followers = 1000 + id where account like 'amt%'")
        conn.execute("update account_daily set likes = 2 * likes where account = 'amt2'")
    main_window.resize(1400, 900)
    tab = open_tab(main_window, qtbot)
    tab.refresh()  # type: ignore[attr-defined]  # (the window was open before "amt2" came)
    tab.set_period(0)  # type: ignore[attr-defined]
    return tab


@pytest.mark.slow
def test_follower_plots_show_the_whole_period_on_an_account_switch(twins: object) -> None:
    """Two accounts with the same days: the followers' x range is the period's days (the
    line above and the bars below share it), whichever account is shown."""
    from PySide6.QtWidgets import QApplication

    tab = twins
    followers = tab.board.followers  # type: ignore[attr-defined]
    for account in ("amt2", "amt", "amt2", "amt"):
        tab.set_account(account)  # type: ignore[attr-defined]
        QApplication.processEvents()  # painted
        assert tab.account() == account  # type: ignore[attr-defined]
        assert not followers.is_empty and not followers.cumulative
        low, high = followers.top.viewRange()[0]
        first, last = followers._x[0], followers._x[-1]
        assert low < first - DAY_S / 2 + 1 and high > last + DAY_S / 2 - 1  # all days in view
        assert followers.bottom.viewRange()[0] == [low, high]


@pytest.mark.slow
def test_only_panels_on_screen_are_fed_and_one_scrolled_into_view_catches_up(
    twins: object,
) -> None:
    """A switch feeds the charts on screen; a chart below the fold gets the new account's
    numbers when it is scrolled into view, before it is painted."""
    from PySide6.QtWidgets import QApplication

    tab = twins
    tab.window().resize(1400, 900)  # type: ignore[attr-defined]
    QApplication.processEvents()
    board = tab.board  # type: ignore[attr-defined]
    scroll = tab.chart_scroll  # type: ignore[attr-defined]
    hidden = board.interactions  # the second row
    bottom = scroll.verticalScrollBar().maximum
    scroll.ensureWidgetVisible(hidden)
    tab.set_account("amt")  # type: ignore[attr-defined]
    QApplication.processEvents()
    amt_likes = list(hidden.series.values["likes"])
    scroll.verticalScrollBar().setValue(bottom())  # the peers' chart at the bottom in view
    QApplication.processEvents()
    assert hidden.visibleRegion().isEmpty()
    tab.set_account("amt2")  # type: ignore[attr-defined]
    QApplication.processEvents()
    assert board.is_fed(board.benchmarks)  # on screen: fed
    assert not board.is_fed(hidden) and hidden.series.account == "amt"  # off screen: not
    scroll.ensureWidgetVisible(hidden)
    QApplication.processEvents()
    assert board.is_fed(hidden) and hidden.series.account == "amt2"
    assert list(hidden.series.values["likes"]) == [2 * v if v else v for v in amt_likes]
    assert not hidden.is_empty and hidden.stack.currentWidget() is hidden.graphics
    image = hidden.graphics.grab().toImage()  # … and drawn
    assert not image.isNull() and image.width() > 100


@pytest.mark.slow
def test_heat_map_counts_are_drawn_in_their_cells(qtbot: QtBot) -> None:
    """The post counts are one drawn item (a TextItem each cost 6 ms a switch): each count
    is drawn inside its own cell, white on the darkest cells."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor

    from tikdesk.domain.analytics import weekday_hour_heatmap
    from tikdesk.ui.analytics.charts import HeatmapPanel

    monday_18, friday_7 = dt.datetime(2026, 8, 3, 18, 5), dt.datetime(2026, 8, 7, 7, 59)
    heat = weekday_hour_heatmap([(monday_18, 100), (monday_18, 300), (friday_7, 5)] * 4)
    panel = HeatmapPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 420)
    panel.show()
    panel.update_heatmap(heat, with_time=12, without_time=0)
    qtbot.wait(20)
    labels = panel.cell_labels.labels
    assert [(text, x, y) for text, x, y, _color in labels] == [("8", 18, 0), ("4", 7, 4)]
    assert labels[0][3] == QColor("white") and labels[1][3] != QColor("white")

    with_counts = panel.graphics.grab().toImage()
    panel.cell_labels.set_labels([])
    without = panel.graphics.grab().toImage()
    view = panel.plot.getViewBox()

    def cell(h: int, d: int) -> tuple[int, int, int, int]:
        corners = [
            panel.graphics.mapFromScene(view.mapViewToScene(QPointF(h + dx, d + dy)))
            for dx, dy in ((-0.5, -0.5), (0.5, 0.5))
        ]
        xs, ys = sorted(c.x() for c in corners), sorted(c.y() for c in corners)
        return xs[0], ys[0], xs[1], ys[1]

    changed = {
        (x, y)
        for x in range(with_counts.width())
        for y in range(with_counts.height())
        if with_counts.pixel(x, y) != without.pixel(x, y)
    }
    ratio = with_counts.devicePixelRatio()
    for h, d in ((18, 0), (7, 4)):
        left, top, right, bottom = (round(v * ratio) for v in cell(h, d))
        inside = {(x, y) for x, y in changed if left <= x <= right and top <= y <= bottom}
        assert len(inside) > 5, (h, d)  # the count is drawn in its cell …
        changed -= inside
    assert not changed  # … and nowhere else


def test_summary_line_wraps_and_grows_with_its_text(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    from tikdesk.ui.analytics.summary import SummaryLine

    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    line = SummaryLine("kpi", "QLabel#kpi { padding: 6px 10px; }")
    layout.addWidget(line)
    layout.addStretch(1)
    page.resize(400, 300)
    page.show()
    line.setText("<b>01.08.2026 – 29.10.2026</b> · Views 1.234")
    QApplication.processEvents()
    one_row = line.height()
    line.setText("<b>01.08.2026 – 29.10.2026</b> · Views 1.213.141")
    QApplication.processEvents()
    assert line.label.text().endswith("1.213.141") and line.label.width() == line.width()
    line.setText("Views 1.234 · " * 20)  # wraps: the line grows
    QApplication.processEvents()
    assert line.height() > 2 * one_row - 20
    assert line.label.height() == line.height()


@pytest.mark.slow
def test_the_account_question_defaults_to_the_single_handle_of_the_first_start(
    ctx: AppContext,
    main_window: MainWindow,
    samples: Path,
    tmp_path: Path,
    no_dialogs: dict[str, list[object]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tikdesk.services.first_start import FirstStartService, Setup
    from tikdesk.ui.analytics import dialogs

    FirstStartService(ctx).save(Setup(handles=("stadt_beispiel",)))
    offered: list[list[str]] = []

    def ask(cls: object, tables: object, accounts: list[str], parent: object = None) -> str:
        offered.append(list(accounts))
        return accounts[0]  # the user just presses OK on what is preselected

    monkeypatch.setattr(dialogs.AccountDialog, "ask", classmethod(ask))
    with zipfile.ZipFile(next((samples / "tiktok").glob("Overview_*.zip"))) as archive:
        (tmp_path / "Overview.csv").write_bytes(archive.read("Overview.csv"))
    no_dialogs["answers"][0]["year"] = {"Overview.csv": 2025}  # type: ignore[index]
    tab = main_window.tab(AnalyticsTab)
    assert tab.import_paths([tmp_path / "Overview.csv"])
    assert offered == [["stadt_beispiel"]]
    with sqlite3.connect(ctx.db.path) as conn:
        assert conn.execute("select distinct account from account_daily").fetchall() == [
            ("stadt_beispiel",)
        ]
