"""Hidden start-up probe for ``benchmarks/``: report a moment on stdout and quit.

``TIKDESK_BENCH_EXIT`` set by the benchmark runner (never by users) makes :func:`app.run_gui`
call :func:`install` once the main window was painted (``shown``) or has its database:

- ``shown``  — the event-loop turn after the main window's first paint (its menus, tab titles
  and "Datenbank wird geöffnet …"; the database is not opened in this mode, issue 21);
- ``filled`` — the Ideen tab has loaded its backlog (its ``loaded`` signal, or its
  ``is_loaded()`` turning true; without either, the first event-loop turn with the tab current);
- ``rows``   — the Ideen tab shows its first rows (the first 100 of the backlog, issue 21);
  the first paint is reported too (``TIKDESK_BENCH shown …``), so both come from one launch;
- ``tour``   — every tab was made current, refreshed and given time to settle (for memory);
  after each tab ``TIKDESK_BENCH_RSS <tab class> <MB now> <MB peak>`` (Linux: /proc).

It prints ``TIKDESK_BENCH <mode> <perf_counter>`` — ``time.perf_counter`` is the system-wide
monotonic clock on Linux and Windows, so the parent subtracts its own value taken before it
spawned the process — and exits with status 0.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tikdesk.ui.main_window import MainWindow

ENV = "TIKDESK_BENCH_EXIT"
MODES = ("shown", "filled", "rows", "tour")
SETTLE_S = 0.3  # how long a tab may keep loading in the background during the tour


def requested() -> str:
    mode = os.environ.get(ENV, "")
    return mode if mode in MODES else ""


def report(mode: str) -> None:
    print(f"TIKDESK_BENCH {mode} {time.perf_counter():.6f}", flush=True)


def install(window: MainWindow, mode: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def done() -> None:
        report(mode)
        window.close()
        QApplication.quit()

    if mode == "shown":
        QTimer.singleShot(0, done)
    elif mode == "filled":
        _when_filled(window, done)
    elif mode == "rows":
        _when_rows(window, done)
    else:

        def tour_then_done() -> None:
            _tour(window)
            done()

        QTimer.singleShot(0, tour_then_done)


def _when_filled(window: MainWindow, done: Callable[[], None]) -> None:
    from PySide6.QtCore import QTimer

    from tikdesk.ui.ideas.tab import IdeasTab

    tab = window.tab(IdeasTab)
    window.tabs.setCurrentWidget(tab)
    is_loaded = getattr(tab, "is_loaded", None)
    if callable(is_loaded) and is_loaded():
        QTimer.singleShot(0, done)
        return
    loaded = getattr(tab, "loaded", None)
    if loaded is not None and hasattr(loaded, "connect"):
        fired: list[bool] = []

        def once() -> None:
            if not fired:
                fired.append(True)
                QTimer.singleShot(0, done)

        loaded.connect(once)
        return
    print(
        "TIKDESK_BENCH note: IdeasTab has no loaded signal; first event-loop turn", file=sys.stderr
    )
    QTimer.singleShot(0, done)


def _when_rows(window: MainWindow, done: Callable[[], None]) -> None:
    """The next event-loop turn (the paint) after the Ideen table has its first rows."""
    from PySide6.QtCore import QTimer

    from tikdesk.ui.ideas.tab import IdeasTab

    tab = window.tab(IdeasTab)
    window.tabs.setCurrentWidget(tab)
    if tab.model.rowCount() > 0:
        QTimer.singleShot(0, done)
        return
    fired: list[bool] = []

    def once() -> None:
        if not fired and tab.model.rowCount() > 0:
            fired.append(True)
            QTimer.singleShot(0, done)

    tab.model.modelReset.connect(once)


def memory_mb() -> tuple[float, float]:
    """(resident now, peak resident) in MB; (0, 0) where /proc is missing."""
    found = {"VmRSS": 0.0, "VmHWM": 0.0}
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                key = line.split(":", 1)[0]
                if key in found:
                    found[key] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return found["VmRSS"], found["VmHWM"]


def _tour(window: MainWindow) -> None:
    """Make every tab current, refresh it and let background loading finish."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        refresh = getattr(window.tabs.widget(index), "refresh", None)
        if callable(refresh):
            refresh()
        until = time.perf_counter() + SETTLE_S
        pool = QThreadPool.globalInstance()
        while time.perf_counter() < until or pool.activeThreadCount():
            QApplication.processEvents()
            time.sleep(0.01)
            if time.perf_counter() > until + 30:
                break
        window.grab()
        now, peak = memory_mb()
        name = type(window.tabs.widget(index)).__name__
        print(f"TIKDESK_BENCH_RSS {name} {now:.1f} {peak:.1f}", flush=True)
