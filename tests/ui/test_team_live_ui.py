"""Live refresh on a team database (issue 17): a change made in one TikDesk reaches another
TikDesk's open table through LISTEN/NOTIFY — two main windows in one process, each with its
own connections, on the same real PostgreSQL database (pytest-qt, no mocks, no polling)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tikdesk.services.context import AppContext
from tikdesk.services.ideas import IdeaService
from tikdesk.storage.engine import open_server_database
from tikdesk.ui.ideas.editor import IdeaEditorDialog
from tikdesk.ui.ideas.tab import IdeasTab
from tikdesk.ui.main_window import MainWindow


@pytest.fixture
def two_windows(qtbot: Any, pg_url: str, tmp_path: Path, settings: Any, recorded_messages: list):
    windows = []
    for name in ("anna", "ben"):
        db = open_server_database(pg_url, tmp_path / name)
        window = MainWindow(AppContext(db=db, user=name), settings)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
    yield windows
    for window in windows:
        window.close()
        window.ctx.db.close()


def ideas_table(window: MainWindow) -> Any:
    return window.tab(IdeasTab)


def titles(window: MainWindow) -> list[str]:
    model = ideas_table(window).model
    return [model.record(r).title for r in range(model.rowCount())]


@pytest.mark.slow
def test_a_change_in_one_window_reaches_the_others_table(qtbot: Any, two_windows) -> None:
    first, second = two_windows
    assert hasattr(first, "live_refresh") and hasattr(second, "live_refresh")
    service = IdeaService(first.ctx)
    ids = [service.create({"title": f"Idee {n:02d}"}).id for n in range(40)]
    qtbot.waitUntil(lambda: len(titles(second)) == 40, timeout=5000)

    tab = ideas_table(second)
    tab.set_view("table", remember=False)
    view = tab.table
    view.resize(400, 200)
    selected = ids[30]
    tab.select_id(selected)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    scroll = view.verticalScrollBar().value()
    assert scroll > 0

    record = service.get(ids[31])
    service.update(ids[31], {"title": "Geändert von Anna"}, record.version)
    qtbot.waitUntil(lambda: "Geändert von Anna" in titles(second), timeout=5000)
    assert tab.selected_ids() == [selected]  # selection kept
    assert view.verticalScrollBar().value() == scroll  # scroll position kept
    assert len(titles(second)) == 40  # in place, nothing duplicated

    service.delete([ids[0]])
    qtbot.waitUntil(lambda: "Idee 00" not in titles(second), timeout=5000)
    assert tab.selected_ids() == [selected]


@pytest.mark.slow
def test_an_open_editor_says_the_idea_changed(qtbot: Any, two_windows) -> None:
    first, second = two_windows
    service = IdeaService(first.ctx)
    idea = service.create({"title": "Ausbildungsmesse"})
    qtbot.waitUntil(lambda: "Ausbildungsmesse" in titles(second), timeout=5000)
    record = IdeaService(second.ctx).get(idea.id)
    dialog = IdeaEditorDialog(record, [], second)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.changed_elsewhere.isVisible()
    service.update(idea.id, {"hook": "Neu"}, idea.version)
    qtbot.waitUntil(dialog.changed_elsewhere.isVisible, timeout=5000)
    assert "changed" in dialog.changed_elsewhere.text() or "geändert" in (
        dialog.changed_elsewhere.text()
    )


@pytest.mark.slow
def test_own_changes_are_not_reported_as_someone_elses(qtbot: Any, two_windows) -> None:
    first, second = two_windows
    service = IdeaService(first.ctx)
    idea = service.create({"title": "Eigene Idee"})
    dialog = IdeaEditorDialog(service.get(idea.id), [], first)
    qtbot.addWidget(dialog)
    dialog.show()
    service.update(idea.id, {"hook": "selbst"}, idea.version)
    # notices arrive in commit order: once the other client's later change is shown, the
    # own one has been read (and left out)
    IdeaService(second.ctx).create({"title": "Später von Ben"})
    qtbot.waitUntil(lambda: "Später von Ben" in titles(first), timeout=5000)
    assert not dialog.changed_elsewhere.isVisible()
