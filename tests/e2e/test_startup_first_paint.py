"""Issue 21: the main window is painted before SQLAlchemy, Alembic or any service is imported,
and the database is opened afterwards without blocking the event loop."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer

from tikdesk import app

ROOT = Path(__file__).resolve().parents[2]

#: What the first paint may have imported from TikDesk (the composition root, the window
#: without its tabs, and what both need).  Services, storage and tabs are not on it.
ALLOWED_TIKDESK = {
    "tikdesk",
    "tikdesk.__main__",
    "tikdesk.app",
    "tikdesk.bench_probe",
    "tikdesk.cli",
    "tikdesk.domain",
    "tikdesk.domain.dates",
    "tikdesk.domain.errors",
    "tikdesk.domain.fmt",
    "tikdesk.domain.i18n",
    "tikdesk.logsetup",
    "tikdesk.options",
    "tikdesk.paths",
    "tikdesk.ui",
    "tikdesk.ui.a11y",
    "tikdesk.ui.crash",
    "tikdesk.ui.help",
    "tikdesk.ui.help.manual",
    "tikdesk.ui.main_window",
    "tikdesk.ui.messages",
    "tikdesk.ui.preferences",
    "tikdesk.ui.theme",
}
FORBIDDEN_PACKAGES = ("sqlalchemy", "alembic", "pyqtgraph", "openpyxl", "reportlab")

#: Runs the real start-up (``python -m tikdesk``) and reports at the window's first paint.
AT_FIRST_PAINT = r"""
import json, sys
from tikdesk.ui import main_window

original = main_window.MainWindow.paintEvent
seen = []

def paint(self, event):
    if not seen:
        seen.append(True)
        print("FIRST_PAINT " + json.dumps({
            "modules": sorted(sys.modules),
            "tabs": [self.tabs.tabText(i) for i in range(self.tabs.count())],
            "menus": [a.text() for a in self.menuBar().actions()],
            "status": self.statusBar().currentMessage(),
        }), flush=True)
    return original(self, event)

main_window.MainWindow.paintEvent = paint
from tikdesk.app import main
sys.exit(main(sys.argv[1:]))
"""


def _first_paint(tmp_path: Path, mode: str) -> dict[str, Any]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        TIKDESK_HOME=str(tmp_path / "home"),
        TIKDESK_BENCH_EXIT=mode,
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
    )
    env.pop("TIKDESK_DB", None)
    done = subprocess.run(
        [sys.executable, "-c", AT_FIRST_PAINT, "--lang", "de", "--db", str(tmp_path / "t.sqlite")],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line for line in done.stdout.splitlines() if line.startswith("FIRST_PAINT ")]
    assert lines, done.stderr[-2000:]
    report: dict[str, Any] = json.loads(lines[0].removeprefix("FIRST_PAINT "))
    report["stdout"] = done.stdout
    return report


@pytest.mark.slow
def test_the_window_is_painted_before_any_database_module_is_imported(tmp_path: Path) -> None:
    seen = _first_paint(tmp_path, "shown")
    modules: list[str] = seen["modules"]
    forbidden = [m for m in modules if m.split(".")[0] in FORBIDDEN_PACKAGES]
    assert forbidden == []
    ours = {m for m in modules if m == "tikdesk" or m.startswith("tikdesk.")}
    assert ours - ALLOWED_TIKDESK == set()
    # the painted window is the main window: its six tabs, its menus, the opening notice
    assert len(seen["tabs"]) == 6 and "&Ideen" in seen["tabs"]
    assert "&Datei" in seen["menus"]
    assert seen["status"] == "Datenbank wird geöffnet …"


@pytest.mark.slow
def test_the_database_opens_after_the_first_paint(tmp_path: Path) -> None:
    seen = _first_paint(tmp_path, "filled")  # quits once the Ideen tab has its backlog
    assert "sqlalchemy" not in seen["modules"]
    assert "TIKDESK_BENCH filled" in seen["stdout"]
    assert (tmp_path / "t.sqlite").exists()


def test_the_event_loop_runs_while_the_database_opens(qapp: Any) -> None:
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(5)
    try:
        assert app.off_gui_thread(lambda: time.sleep(0.4) or 42) == 42
    finally:
        timer.stop()
    assert len(ticks) >= 5  # blocking would have let the timer fire at most once


def test_an_error_while_opening_reaches_the_caller(qapp: Any) -> None:
    import pytest

    from tikdesk.domain.errors import TikDeskError

    def fail() -> None:
        raise TikDeskError("kaputt")

    with pytest.raises(TikDeskError, match="kaputt"):
        app.off_gui_thread(fail)


@pytest.mark.slow
def test_the_start_up_shell_gets_the_database_in_place(
    qtbot: Any, qapp: Any, settings: QSettings, tmp_path: Path, recorded_messages: list[Any]
) -> None:
    from tikdesk.ui.ideas.tab import IdeasTab

    gui = app.GuiApp(qapp, settings)
    shell = gui.show_shell()
    qtbot.addWidget(shell)
    assert not shell.attached and shell.tabs.count() == 6
    assert not shell.action_roles.isEnabled()
    try:
        assert gui.open(tmp_path / "shell.sqlite")
        assert gui.window is shell and shell.attached
        assert shell.action_roles.isEnabled()
        assert [type(t).__name__ for t in shell.tab_widgets][1] == "IdeasTab"
        assert shell.tabs.widget(1) is shell.tab(IdeasTab)
        assert shell.tabs.count() == 6 and shell.statusBar().currentMessage() == ""
        keys = [a.shortcut().toString() for a in shell.menu_view.actions()]
        assert sorted(k for k in keys if k.startswith("Ctrl+") and k[5:].isdigit()) == [
            f"Ctrl+{n}" for n in range(1, 7)
        ]  # once, not again when the tabs arrive
    finally:
        if gui.window is not None and gui.window.attached:
            gui.window.ctx.db.close()


@pytest.mark.slow
def test_at_start_the_current_tab_comes_first_and_the_others_follow(
    qtbot: Any, qapp: Any, settings: QSettings, tmp_path: Path, recorded_messages: list[Any]
) -> None:
    from tikdesk.ui.people.tab import PeopleTab

    settings.setValue("window/tab", 1)  # the user's last session ended on the Ideen tab
    gui = app.GuiApp(qapp, settings)
    shell = gui.show_shell()
    qtbot.addWidget(shell)
    try:
        assert gui.open(tmp_path / "start.sqlite", incremental=True)
        assert gui.window is shell
        assert [type(t).__name__ for t in shell.tab_widgets] == ["IdeasTab"]
        assert shell.tabs.currentWidget() is shell.tab_widgets[0]
        assert shell.tabs_pending() == 5
        people = shell.tab(PeopleTab)  # asked for: built at once, in its place
        assert type(people).__name__ == "PeopleTab" and shell.tabs.widget(4) is people
        assert shell.tabs.currentIndex() == 1
        shell.tabs.setCurrentIndex(3)  # a click on a tab not built yet builds it
        assert type(shell.tabs.currentWidget()).__name__ == "CalendarTab"
        qtbot.waitUntil(lambda: shell.tabs_pending() == 0)
        assert [type(shell.tabs.widget(i)).__name__ for i in range(6)] == [
            "OverviewTab",
            "IdeasTab",
            "PostsTab",
            "CalendarTab",
            "PeopleTab",
            "AnalyticsTab",
        ]
        assert len(shell.tab_widgets) == 6
    finally:
        if gui.window is not None and gui.window.attached:
            gui.window.close()
            gui.window.ctx.db.close()


@pytest.mark.slow
def test_at_start_the_backlog_loads_in_the_background_and_the_search_applies_when_complete(
    qtbot: Any,
    qapp: Any,
    settings: QSettings,
    tmp_path: Path,
    recorded_messages: list[Any],
    monkeypatch: Any,
) -> None:
    import threading

    from tikdesk.services.ideas import IdeaService
    from tikdesk.ui.ideas import tab as ideas_tab
    from tikdesk.ui.ideas.tab import IdeasTab

    monkeypatch.setattr(ideas_tab, "FIRST_ROWS", 3)
    gui = app.GuiApp(qapp, settings)
    assert gui.open(tmp_path / "backlog.sqlite")  # fill it through a normal window
    window = gui.window
    assert window is not None
    service = IdeaService(window.ctx)
    for n in range(12):
        service.create({"title": f"Idee {n}" if n != 9 else "Feuerwehr am Tag 9"})
    window.close()
    window.ctx.db.close()
    gate = threading.Event()
    full_list = IdeaService.list_ideas

    def slow_list(self: IdeaService) -> Any:
        gate.wait(10)  # the worker waits until the test has typed
        return full_list(self)

    monkeypatch.setattr(IdeaService, "list_ideas", slow_list)
    settings.setValue("window/tab", 1)
    gui = app.GuiApp(qapp, settings)
    shell = gui.show_shell()
    qtbot.addWidget(shell)
    try:
        assert gui.open(tmp_path / "backlog.sqlite", incremental=True)
        tab = shell.tab(IdeasTab)
        assert not tab.is_loaded() and tab.model.rowCount() == 3  # the first rows at once
        tab.search.setText("feuer")  # typed while the rest loads
        qtbot.wait(50)
        with qtbot.waitSignal(tab.loaded, timeout=10000):
            gate.set()
        assert tab.is_loaded() and len(tab.index) == 12
        titles = [tab.model.record(r).title for r in range(tab.model.rowCount())]
        assert titles == ["Feuerwehr am Tag 9"]  # the search applied to the whole backlog
    finally:
        gate.set()
        monkeypatch.setattr(IdeaService, "list_ideas", full_list)
        if gui.window is not None and gui.window.attached:
            gui.window.close()
            gui.window.ctx.db.close()


def test_what_the_database_needs_is_imported_off_the_gui_thread(qapp: Any) -> None:
    import sys
    import threading

    threads: list[str] = []
    original = app.import_for_the_database

    def recorded() -> None:
        threads.append(threading.current_thread().name)
        original()

    app.off_gui_thread(recorded)
    assert threads and threads[0] != threading.main_thread().name
    assert all(name in sys.modules for name in app._DATABASE_MODULES)
