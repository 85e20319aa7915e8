"""refresh() during a background load of the Ideen tab (issue 21): the running load ends first
and keeps no index, so two whole backlogs are never in memory at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from tikdesk.demo import ensure_demo_data
from tikdesk.services.context import AppContext
from tikdesk.ui.ideas import loader as loader_module
from tikdesk.ui.ideas.tab import IdeasTab
from tikdesk.ui.main_window import MainWindow


def test_refresh_lets_a_running_load_end_and_drops_its_index(
    qtbot: Any, ctx: AppContext, settings: QSettings
) -> None:
    ensure_demo_data(ctx)
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    tab = win.tab(IdeasTab)
    assert isinstance(tab, IdeasTab)
    qtbot.waitUntil(lambda: not loader_module._RUNNING, timeout=10_000)  # the start's load
    tab.load_in_background()
    running = tab._loader
    assert running is not None
    tab.refresh()
    assert running.isFinished()  # waited for, not left reading beside refresh()
    assert running.index is None  # its backlog is not kept
    assert tab.is_loaded()
    assert len(tab.index) == len(tab.service.list_ideas())
    qtbot.waitUntil(lambda: not loader_module._RUNNING, timeout=10_000)
