"""Issue 20 in the Auswertung tab: recruiting table, readable charts, plain words, ≈."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tikdesk.services.analytics import AnalyticsService
from tikdesk.services.context import AppContext
from tikdesk.services.recruiting import RecruitingService
from tikdesk.ui.analytics.tab import AnalyticsTab

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tikdesk.ui.main_window import MainWindow

HANDLE = "stadt_musterhausen"
D = dt.date


@pytest.fixture
def imported(ctx: AppContext, samples: Path) -> AppContext:
    AnalyticsService(ctx).import_files(sorted((samples / "tiktok").glob("*.zip")))
    return ctx


def open_tab(window: object, qtbot: QtBot) -> object:
    tab = window.tab(AnalyticsTab)
    window.resize(1400, 3200)  # type: ignore[attr-defined]  # every chart on screen (fed)
    window.tabs.setCurrentWidget(tab)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: tab.board is not None)
    return tab


@pytest.fixture
def tab(imported: AppContext, main_window: MainWindow, qtbot: QtBot) -> object:
    tab = open_tab(main_window, qtbot)
    tab.set_account(HANDLE)  # type: ignore[attr-defined]
    tab.set_period(0)  # type: ignore[attr-defined]
    return tab


# ----------------------------------------------------------------------------- recruiting
@pytest.mark.slow
def test_recruiting_figures_are_typed_in_and_edited_in_the_table(
    tab: object, imported: AppContext, qtbot: QtBot
) -> None:
    from PySide6.QtCore import QDate, Qt

    box = tab.recruiting  # type: ignore[attr-defined]
    assert not box.isVisible()
    tab.recruiting_button.click()  # type: ignore[attr-defined]
    assert box.isVisible()
    assert box.account_edit.findText(HANDLE) >= 0  # the imported accounts are offered
    box.month_edit.setDate(QDate(2026, 9, 14))
    box.account_edit.setCurrentText(HANDLE)
    qtbot.keyClicks(box.applications_edit, "7")
    qtbot.keyClicks(box.clicks_edit, "1.234")
    qtbot.keyClicks(box.note_edit, "Messe")
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    stored = RecruitingService(imported).figures()
    assert [(f.month, f.account, f.applications, f.career_link_clicks, f.note) for f in stored] == [
        (D(2026, 9, 1), HANDLE, 7, 1234, "Messe")
    ]
    assert box.table.rowCount() == 1
    assert box.table.item(0, 0).text() == "09.2026"
    assert box.table.item(0, 3).text() == "1.234"
    assert not box.table.item(0, 1).flags() & Qt.ItemFlag.ItemIsEditable  # the key stays
    box.table.item(0, 2).setText("9")  # as the delegate does when an edit is committed
    assert RecruitingService(imported).figures()[0].applications == 9
    box.table.item(0, 4).setText("")
    assert RecruitingService(imported).figures()[0].note == ""


@pytest.mark.slow
def test_a_typo_in_the_recruiting_table_is_refused_and_nothing_changes(
    tab: object, imported: AppContext, recorded_messages: list
) -> None:
    RecruitingService(imported).save(D(2026, 10, 1), HANDLE, 4, 40, "")
    tab.refresh()  # type: ignore[attr-defined]
    box = tab.recruiting  # type: ignore[attr-defined]
    box.table.item(0, 2).setText("vier")
    assert RecruitingService(imported).figures()[0].applications == 4
    assert box.table.item(0, 2).text() == "4"  # the stored value is shown again
    assert recorded_messages  # and the user was told why


@pytest.mark.slow
def test_recruiting_can_be_recorded_before_any_tiktok_import(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    tab = open_tab(main_window, qtbot)
    assert tab.stack.currentWidget() is tab.empty_page  # type: ignore[attr-defined]
    tab.empty_recruiting.click()  # type: ignore[attr-defined]
    assert tab.recruiting.isVisible()  # type: ignore[attr-defined]


# ----------------------------------------------------------------------------- account box
@pytest.mark.slow
def test_the_account_box_is_enabled_with_a_single_account(tab: object) -> None:
    assert tab.account_box.count() == 1  # type: ignore[attr-defined]
    assert tab.account_box.isEnabled()  # type: ignore[attr-defined]


# ----------------------------------------------------------------------------- charts
@pytest.mark.slow
def test_post_bars_carry_short_titles_and_the_hover_the_full_title(tab: object) -> None:
    from tikdesk.ui.analytics.charts import short_title

    posts = tab.board.posts  # type: ignore[attr-defined]
    long = max(posts.videos, key=lambda v: len(v.title))
    i = posts.videos.index(long)
    assert len(long.title) > 16
    label = posts.axis_bottom.tickStrings([float(i)], 1.0, 1.0)[0]
    assert label == short_title(long.title) and label.endswith("…") and len(label) <= 16
    assert long.title.startswith(label[:-1].rstrip())
    text, _at = posts.hover_text(posts.top, float(i), 0)
    assert text.splitlines()[0] == long.title


@pytest.mark.slow
def test_comments_and_shares_have_their_own_axes_and_line_styles(tab: object) -> None:
    from PySide6.QtCore import Qt

    panel = tab.board.interactions  # type: ignore[attr-defined]
    plots = [panel.plot_of[key] for key in ("likes", "comments", "shares")]
    assert len(set(map(id, plots))) == 3  # small multiples, one value axis each
    assert [p.getAxis("left").labelText for p in plots] == ["Likes", "Comments", "Shares"]
    styles = {panel.average[k].opts["pen"].style() for k in ("likes", "comments", "shares")}
    assert styles == {Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine}
    likes_top = plots[0].viewRange()[1][1]
    comments_top = plots[1].viewRange()[1][1]
    assert comments_top < likes_top / 3  # comments fill their own plot, not flattened


@pytest.mark.slow
def test_gender_and_territory_shares_are_a_bar_chart_with_their_date(tab: object) -> None:
    panel = tab.board.audience  # type: ignore[attr-defined]
    assert not panel.is_empty
    assert "31.10.2026" in panel.info_label.text() or "as exported on" in panel.info_label.text()
    assert panel.axes["gender"].labels == ["female", "male", "diverse / not stated"]
    assert panel.axes["territory"].labels == ["DE", "AT", "CH", "other countries"]  # last
    assert panel.share_labels["gender"].texts() == ["57 %", "41 %", "2 %"]
    rows = panel.table_data().rows
    assert ["Gender", "female", "57,0 %", rows[0][3]] == rows[0]


@pytest.mark.slow
def test_audience_panel_date_is_the_snapshot_date(imported: AppContext, tab: object) -> None:
    taken = AnalyticsService(imported).audience(HANDLE, "gender")[0][2]
    panel = tab.board.audience  # type: ignore[attr-defined]
    assert taken.strftime("%d.%m.%Y") in panel.info_label.text()


@pytest.mark.slow
def test_unlinked_videos_are_explained_and_the_button_opens_the_linking_dialog(
    tab: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tikdesk.ui.analytics import dialogs

    asked: list[object] = []
    monkeypatch.setattr(
        dialogs.LinkVideosDialog,
        "ask",
        classmethod(lambda cls, service, videos, parent=None: asked.append(videos) or 0),
    )
    panel = tab.board.by_format  # type: ignore[attr-defined]
    assert panel.link_button.isVisible()
    text = panel.unlinked_label.text()
    assert "„ohne Beitrag“" in text and "12 videos" in text and "not linked" in text
    panel.link_button.click()
    assert len(asked) == 1 and len(asked[0]) == 12  # type: ignore[arg-type]


@pytest.mark.slow
def test_the_linked_groups_need_no_explanation(tab: object, imported: AppContext) -> None:
    from tikdesk.domain.analytics import Spread
    from tikdesk.services.analytics import GroupSpread

    panel = tab.board.by_format  # type: ignore[attr-defined]
    panel.update_groups(
        [GroupSpread("explainer", "Erklärvideo", Spread(5, 0.05, 0.04, 0.06, 0, 1))]
    )
    assert not panel.link_button.isVisible() and panel.unlinked_label.text() == ""


@pytest.mark.slow
def test_median_and_quartiles_in_plain_words_with_the_statistics_in_the_tooltip(
    tab: object,
) -> None:
    panel = tab.board.by_format  # type: ignore[attr-defined]
    axis_label = panel.plot.getAxis("bottom").labelText
    assert "typical value" in axis_label and "middle half" in axis_label
    assert "median" not in axis_label.lower() and "Q1" not in axis_label
    text, _ = panel.hover_text(panel.plot, 0.01, 0.0)
    assert "Typical value: 9,32 % (median)" in text
    assert "Middle half of the posts:" in text and "(quartiles Q1–Q3)" in text
    assert "median" in panel.info_label.toolTip() and "Q1–Q3" in panel.info_label.toolTip()
    assert "typical" in tab.board.posts.info_label.text()  # type: ignore[attr-defined]
    assert "typical engagement rate" in tab.kpis.text()  # type: ignore[attr-defined]


@pytest.mark.slow
def test_approximate_video_values_are_shown_with_approx(tab: object, imported: AppContext) -> None:
    posts = tab.board.posts  # type: ignore[attr-defined]
    link = posts.videos[0].video_link
    with sqlite3.connect(imported.db.path) as conn:
        changed = conn.execute(
            "update video_stats set approximate = 1 where video_link = ?", (link,)
        ).rowcount
    assert changed
    tab.refresh()  # type: ignore[attr-defined]
    index = next(i for i, v in enumerate(posts.videos) if v.video_link == link)
    text, _ = posts.hover_text(posts.top, float(index), 0)
    assert "Views: ≈ " in text and "rounded" in text
    row = posts.table_data().rows[index]
    assert row[2].startswith("≈ ")
    other = next(i for i, v in enumerate(posts.videos) if v.video_link != link)
    assert "≈" not in posts.hover_text(posts.top, float(other), 0)[0]


@pytest.mark.parametrize("width", [420, 700, 1200])
def test_the_count_beside_each_bar_is_not_cut_at_the_right(qtbot: QtBot, width: int) -> None:
    """„12 Beiträge · typisch 9,3 %“ beside the longest bar ends inside the plot, however
    narrow the chart: the x range leaves room measured in pixels."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFontMetricsF
    from PySide6.QtWidgets import QApplication

    from tikdesk.domain.analytics import Spread
    from tikdesk.services.analytics import GroupSpread
    from tikdesk.ui.analytics.charts import EngagementPanel

    panel = EngagementPanel("Interaktionsrate nach Format")
    qtbot.addWidget(panel)
    panel.resize(width, 360)
    panel.show()
    panel.update_groups(
        [
            GroupSpread("a", "ohne Beitrag", Spread(12, 0.093, 0.05, 0.131, 0.01, 0.2)),
            GroupSpread("b", "Erklärvideo", Spread(2, 0.02, 0.01, 0.03, 0.01, 0.03)),
        ]
    )
    QApplication.processEvents()
    view = panel.plot.getViewBox()
    metrics = QFontMetricsF(panel.count_labels.font)
    right_edge = view.mapViewToScene(QPointF(view.viewRange()[0][1], 0)).x()
    for text, x, y, _colour in panel.count_labels.labels:
        start = view.mapViewToScene(QPointF(x, y)).x() + 4  # the label's offset
        assert start + metrics.horizontalAdvance(text) <= right_edge + 0.5, (width, text)
    assert "typically 9,3 %" in panel.count_labels.texts()[0]
