"""An empty database says what to do first (issues 20 and 23), on the real German window.

On a fresh database every work tab — Ideen, Beiträge, Personen, Kalender, like Übersicht and
Auswertung — shows a sentence that names a control of that tab to start with („Neue Idee“,
„Neuer Beitrag…“, „Neue Person…“, „Plan importieren…“), and no tab shows a green tick or
"Nichts zu tun" for lists that are empty only because nothing has been entered yet.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QTextEdit,
    QWidget,
)
from test_accessibility import count, german_database, main_window, settle

TABS = ["OverviewTab", "IdeasTab", "PostsTab", "PeopleTab", "CalendarTab", "AnalyticsTab"]


@pytest.fixture(scope="module")
def empty_window(qapp: QApplication) -> Iterator[QWidget]:
    work = Path(tempfile.mkdtemp(prefix="tikdesk-empty-"))
    with german_database(qapp, work, demo=False) as (ctx, _translators):
        win = main_window(ctx, work)
        yield win
        win.close()


def page_of(window: QWidget, name: str) -> QWidget:
    """The tab ``name``, made current."""
    page = {type(t).__name__: t for t in window.tab_widgets}[name]  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(page)  # type: ignore[attr-defined]
    settle()
    return page


def _plain(text: str) -> str:
    if "<" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return " ".join(text.split())


def shown_texts(page: QWidget) -> list[str]:
    """Every sentence the tab shows: labels, text panes, items of its lists."""
    texts = [_plain(w.text()) for w in page.findChildren(QLabel) if w.isVisible()]
    texts += [_plain(w.toPlainText()) for w in page.findChildren(QTextEdit) if w.isVisible()]
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisible() or model is None:
            continue
        for row in range(min(count(model, "rowCount"), 20)):
            texts.append(str(model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) or ""))
    return [t for t in texts if t.strip()]


def _name(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…").strip()


def first_steps(page: QWidget, window: QWidget) -> list[str]:
    """Sentences that name, in „…“, a button or command of this tab or the menu bar."""
    names = {_name(b.text()) for b in page.findChildren(QAbstractButton) if b.isVisible()}
    names |= {_name(a.text()) for a in page.actions()}
    quoted = re.compile(r"„([^“]+)“")
    found = []
    for text in shown_texts(page):
        if any(_name(q) in names for q in quoted.findall(text)):
            found.append(text)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("tab_name", TABS)
def test_an_empty_tab_says_what_to_do_first(empty_window: QWidget, tab_name: str) -> None:
    window = empty_window
    page = page_of(window, tab_name)
    if tab_name == "OverviewTab":  # names the tabs to start on
        heading = _plain(page.heading.text())  # type: ignore[attr-defined]
        assert heading.startswith("Noch nichts erfasst.") and "Reiter Ideen" in heading
        return
    if tab_name == "AnalyticsTab":  # the model the others follow: a heading, then buttons
        assert any(t.startswith("Noch keine Analysedaten") for t in shown_texts(page))
        assert page.empty_import.isVisible()  # type: ignore[attr-defined]
        return
    steps = first_steps(page, window)
    assert steps, f"{tab_name}: no text names a control to start with: {shown_texts(page)}"


@pytest.mark.parametrize("tab_name", TABS)
def test_no_green_ticks_on_an_empty_database(empty_window: QWidget, tab_name: str) -> None:
    from tikdesk.ui.widgets.badges import OK_ICON, std_icon

    window = empty_window
    page = page_of(window, tab_name)
    tick = std_icon(OK_ICON).pixmap(16).toImage()
    problems = [t for t in shown_texts(page) if re.search(r"[✓✔]|nichts zu tun", t, re.I)]
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisible() or model is None:
            continue
        for row in range(min(count(model, "rowCount"), 20)):
            icon = model.index(row, 0).data(Qt.ItemDataRole.DecorationRole)
            if hasattr(icon, "pixmap") and icon.pixmap(16).toImage() == tick:
                problems.append(f"tick in row {row} of {type(view).__name__}")
    assert problems == []


def test_the_ideas_hint_gives_way_to_the_details(empty_window: QWidget) -> None:
    """The first idea replaces "Noch keine Ideen" by the usual "select an idea" text."""
    from tikdesk.services.ideas import IdeaService

    page = page_of(empty_window, "IdeasTab")
    details = page.details.toPlainText()  # type: ignore[attr-defined]
    assert "Noch keine Ideen" in details and "Neue Idee" in details
    service = IdeaService(empty_window.ctx)  # type: ignore[attr-defined]
    service.create({"title": "Azubis erklären ihren Tag"})
    empty_window.data_changed.emit()  # type: ignore[attr-defined]
    settle()
    try:
        assert "Noch keine Ideen" not in page.details.toPlainText()  # type: ignore[attr-defined]
    finally:
        for record in service.list_ideas():
            service.delete([record.id])
        empty_window.data_changed.emit()  # type: ignore[attr-defined]
        settle()
