"""``tikdesk --smoke-test``: prove that a (frozen) build can show every screen, then exit.

Runs on the window already opened by app.run_gui; prints one line per step so that a failing
frozen build says where it failed.  Exit 0 when all steps pass, 1 with the reason otherwise.
"""

from __future__ import annotations

import sys
import traceback
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tikdesk.app import GuiApp


def run_smoke_test(gui: GuiApp) -> int:
    from PySide6.QtWidgets import QApplication

    window = gui.window
    if window is None:
        print("smoke: no window", file=sys.stderr)
        return 1
    try:
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            QApplication.processEvents()
            tab = window.tabs.widget(index)
            refresh = getattr(tab, "refresh", None)
            if refresh is not None:
                refresh()
            smoke = getattr(tab, "smoke_test", None)
            if smoke is not None:
                smoke()
            QApplication.processEvents()
            image = window.grab()
            if image.isNull():
                raise RuntimeError(f"tab {index} rendered nothing")
            print(f"smoke: tab {index} ({window.tabs.tabText(index)}) ok")
    except Exception:
        traceback.print_exc()
        print("smoke: FAILED", file=sys.stderr)
        return 1
    print("smoke: ok")
    window.close()
    return 0
