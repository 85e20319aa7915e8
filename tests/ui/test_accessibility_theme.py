"""Contrast and names (issue 23: WCAG 1.4.3, 1.4.11, 1.4.1, 4.1.2), on the theme module and
the real German window.

Every colour pair TikDesk draws is computed by ``tikdesk.ui.theme.pairs`` for the light, the
dark and the high-contrast palette; the pixel checks grab a board card and a selected row and
measure what was really drawn.
"""

# ruff: noqa: F811  (the imported `window` fixture is a test parameter)
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QStyleOptionViewItem,
    QWidget,
)
from test_accessibility import accessible_name, settle, window  # noqa: F401  (fixture)

from tikdesk.ui import theme
from tikdesk.ui.ideas.tab import IdeasTab
from tikdesk.ui.posts.tab import PostsTab


@pytest.mark.parametrize("name", sorted(theme.PALETTES))
def test_every_colour_pair_passes_in_every_palette(qapp: QApplication, name: str) -> None:
    pairs = theme.pairs(theme.PALETTES[name]())
    assert len(pairs) > 40
    failing = [
        f"{p.name}: {p.foreground.name()} on {p.background.name()} = {p.ratio:.2f} < {p.threshold}"
        for p in pairs
        if p.ratio < p.threshold
    ]
    assert failing == []


def test_contrast_matches_wcag_reference_values() -> None:
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast("#7f7f7f", "#ffffff") == pytest.approx(4.0, abs=0.01)  # the audit's
    assert theme.contrast("#ffffff", "#308cc6") == pytest.approx(3.69, abs=0.01)


def test_fit_keeps_the_hue_and_reaches_the_ratio() -> None:
    fitted = theme.fit("#e0a526", "#ffffff", 3.0)  # the old "Geplant" swatch, 2.19
    assert theme.contrast(fitted, "#ffffff") >= 3.0
    assert abs(fitted.hslHue() - QColor("#e0a526").hslHue()) <= 2
    light = theme.fit("#a61b1b", "#1e1e1e", 4.5)  # error red on a dark surface gets lighter
    assert theme.contrast(light, "#1e1e1e") >= 4.5


def test_chart_series_differ_by_more_than_colour() -> None:
    styles = {(s.style, s.symbol) for s in theme.SERIES}
    assert len(styles) == len(theme.SERIES)
    assert len({s.symbol for s in theme.SERIES}) == len(theme.SERIES)


@pytest.fixture(params=sorted(theme.PALETTES))
def each_palette(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[QPalette]:
    """Each of the theme's palettes (light, dark, high contrast) for one test; the
    application's palette after it."""
    before = QPalette(qapp.palette())
    palette = theme.apply(qapp, request.param)
    settle()
    yield palette
    qapp.setPalette(before)
    theme.refresh(before)
    settle()


def _strongest(image: QImage, rect: QRect, background: QColor) -> float:
    rect = rect.intersected(image.rect())  # an item may reach under the scroll bar
    best = 1.0
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            best = max(best, theme.contrast(image.pixelColor(x, y), background))
    return best


def _background(image: QImage, rect: QRect) -> QColor:
    rect = rect.intersected(image.rect())
    counts = Counter(
        image.pixelColor(x, y).rgb()
        for y in range(rect.top(), rect.bottom() + 1)
        for x in range(rect.left(), rect.right() + 1)
    )
    return QColor.fromRgb(counts.most_common(1)[0][0])


@pytest.mark.slow
def test_a_selected_row_is_readable(window: QWidget, each_palette: QPalette) -> None:
    posts = window.tab(PostsTab)
    window.tabs.setCurrentWidget(posts)  # type: ignore[attr-defined]
    settle()
    table = posts.table  # the posts list (other item views of the tab come and go)
    assert isinstance(table, QAbstractItemView) and table.isVisible()
    table.setFocus()
    table.selectRow(0)
    settle()
    image = table.viewport().grab().toImage()
    rect = table.visualRect(table.model().index(0, 1)).adjusted(1, 1, -1, -1)
    background = _background(image, rect)
    assert theme.contrast(background, each_palette.color(QPalette.ColorRole.Highlight)) < 1.1
    assert _strongest(image, rect, background) >= 4.5


@pytest.mark.slow
def test_a_board_card_is_readable_and_says_overdue(window: QWidget, each_palette: QPalette) -> None:
    from tikdesk.ui.ideas.board import card_description, is_overdue

    ideas = window.tab(IdeasTab)
    window.tabs.setCurrentWidget(ideas)  # type: ignore[attr-defined]
    ideas.set_view("board", remember=False)
    settle()
    try:
        views = [v for v in ideas.board.views.values() if v.model().rowCount() > 0]
        assert views
        view = views[0]
        line = view.fontMetrics().height()
        for selected in (False, True):
            if selected:
                view.setCurrentIndex(view.model().index(0, 0))
            else:
                view.clearSelection()
                view.setCurrentIndex(view.model().index(0, 0))
                view.selectionModel().clearSelection()
            settle()
            card = view.visualRect(view.model().index(0, 0)).adjusted(12, 5, -8, -5)
            image = view.viewport().grab().toImage()
            background = _background(image, card)
            # the owner · due line, the card's third line (muted text)
            owner = QRect(
                card.left() + 4, card.top() + 5 + 3 * line + 6, card.width() // 2, line - 2
            )
            assert _strongest(image, owner, background) >= 4.5, f"selected={selected}"
        record = view.model().rows()[0]
        spoken = str(view.model().index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole))
        today = ideas.ctx.clock.today()
        assert spoken == card_description(record, today)
        assert record.title in spoken and (record.owner or "–") in spoken
        late = record._replace(target_date=dt.date(2020, 1, 31), status="planned")
        assert is_overdue(late, today)
        assert "überfällig" in card_description(late, today)
        assert "31.01.2020" in card_description(late, today)
        delegate = view.itemDelegate()
        option = QStyleOptionViewItem()
        option.initFrom(view)
        texts = delegate._card_texts(late, 400, option)
        assert texts.overdue and "überfällig" in texts.due  # painted in words too
    finally:
        ideas.set_view("table", remember=False)
        settle()


def test_detail_labels_speak_their_content(window: QWidget) -> None:
    """A label's role is its description; its name stays what it shows ("Blockiert")."""
    posts = window.tab(PostsTab)
    window.tabs.setCurrentWidget(posts)  # type: ignore[attr-defined]
    settle()
    # a post in review: its gate is shown beside its status (a published one says it once)
    from tikdesk.domain.enums import PostStatus
    from tikdesk.services.posts import PostService

    posts.refresh()
    in_review = next(
        p.id
        for p in PostService(window.ctx).list_posts()  # type: ignore[attr-defined]
        if p.status is PostStatus.IN_REVIEW
    )
    assert posts.select(in_review, force=True)
    settle()
    labels = [
        w
        for w in window.findChildren(QLabel)
        if w.accessibleDescription() and w.text() and w.isVisible()
    ]
    assert len(labels) >= 3  # status, gate, database
    for label in labels:
        iface = QAccessible.queryAccessibleInterface(label)
        assert iface is not None
        name = iface.text(QAccessible.Text.Name)
        assert label.text().split("<")[0].strip()[:10] in name, (name, label.text())


def test_symbol_buttons_have_word_names(window: QWidget) -> None:
    from tikdesk.ui.report.dialog import ReportDialog

    dialog = ReportDialog(["a"], window.settings)  # type: ignore[attr-defined]
    widgets = dialog.findChildren(QWidget) + window.findChildren(QWidget)
    symbols = [w for w in widgets if hasattr(w, "text") and str(w.text()).strip() in ("◀", "▶")]
    assert symbols
    for button in symbols:
        name = accessible_name(button)
        assert name not in ("◀", "▶") and len(name) > 3, name
    dialog.deleteLater()


def test_status_bar_messages_are_announced(
    window: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[str] = []

    def update(event: object) -> None:
        if hasattr(event, "message"):
            heard.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", update)
    window.statusBar().showMessage("Import fertig: 12 Ideen neu", 1000)  # type: ignore[attr-defined]
    assert heard == ["Import fertig: 12 Ideen neu"]
    window.statusBar().clearMessage()  # type: ignore[attr-defined]


def test_every_buddy_takes_focus(window: QWidget) -> None:
    from tikdesk.ui.people.widgets import PersonForm
    from tikdesk.ui.preferences import PreferencesDialog

    tops: list[QWidget] = [window, PersonForm(), PreferencesDialog(window.ctx, window.settings)]  # type: ignore[attr-defined]
    problems = []
    for top in tops:
        for label in top.findChildren(QLabel):
            if not re.search(r"&[^&\s]", label.text().replace("&&", "")):
                continue
            buddy = label.buddy()
            while buddy is not None and buddy.focusProxy() is not None:
                buddy = buddy.focusProxy()
            if buddy is None or buddy.focusPolicy() == Qt.FocusPolicy.NoFocus:
                problems.append(f"{label.text()!r} → {type(buddy).__name__}")
    for top in tops[1:]:
        top.deleteLater()
    assert problems == []
