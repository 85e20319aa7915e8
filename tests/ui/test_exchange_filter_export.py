"""Export of the current filter, driven through the real Ideen tab's search field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tikdesk.services.ideas import IdeaService
from tikdesk.ui import exchange as ui_exchange
from tikdesk.ui.ideas.tab import IdeasTab


@pytest.mark.slow
def test_search_in_the_ideas_tab_limits_the_export(
    qtbot: Any, main_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = IdeaService(main_window.ctx)
    for title in ("Feuerwehr-Übung", "Feuerwehrfest", "Bürgeramt ohne Warten"):
        service.create({"title": title})
    tab = main_window.tab(IdeasTab)
    tab.refresh()
    assert tab.current_filter_ids() is None  # nothing narrowed: the export asks nothing

    qtbot.keyClicks(tab.search, "feuerwehr")
    qtbot.waitUntil(
        lambda: tab.current_filter_ids() is not None and len(tab.current_filter_ids()) == 2
    )

    target = tmp_path / "gefiltert.csv"
    monkeypatch.setattr(ui_exchange, "ask_save_path", lambda *a: str(target))
    assert main_window.exchange.export_ideas()  # recorded_messages answers "yes"
    text = target.read_text(encoding="utf-8-sig")
    assert "Feuerwehr-Übung" in text and "Feuerwehrfest" in text
    assert "Bürgeramt" not in text
