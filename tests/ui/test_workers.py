"""Long work off the GUI thread: results, errors, progress in the GUI thread, cancel."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from tikdesk.domain.errors import Cancelled
from tikdesk.ui.workers import run_with_progress


def test_result_comes_back_and_work_ran_in_another_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[bool] = []

    def work(x: int, progress) -> int:  # type: ignore[no-untyped-def]
        seen.append(threading.current_thread() is threading.main_thread())
        for i in range(3):
            progress(i + 1, 3)
        return x * 2

    assert run_with_progress(parent, "rechnen", work, 21) == 42
    assert seen == [False]


def test_worker_exception_is_raised_in_the_caller(qtbot) -> None:  # type: ignore[no-untyped-def]
    def work(progress) -> None:  # type: ignore[no-untyped-def]
        raise ValueError("kaputt")

    with pytest.raises(ValueError, match="kaputt"):
        run_with_progress(None, "x", work)


def test_progress_reaches_the_dialog_in_the_gui_thread_and_cancel_stops(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    values: list[tuple[int, bool]] = []

    def watch() -> None:
        for dialog in parent.findChildren(QProgressDialog):
            values.append((dialog.value(), threading.current_thread() is threading.main_thread()))
            if dialog.value() >= 5:
                qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
                return
        QTimer.singleShot(20, watch)

    def work(progress) -> int:  # type: ignore[no-untyped-def]
        for i in range(1, 10_000):
            if not progress(i, 10_000):
                raise Cancelled("abgebrochen")
            time.sleep(0.001)
        return 1

    QTimer.singleShot(20, watch)
    with pytest.raises(Cancelled):
        run_with_progress(parent, "lange Arbeit", work)
    assert any(value >= 5 for value, _ in values), values
    assert all(in_gui for _, in_gui in values)
    QApplication.processEvents()


def test_escape_cancels_too(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def press_escape() -> None:
        dialogs = [d for d in parent.findChildren(QProgressDialog) if d.value() >= 1]
        if dialogs:
            qtbot.keyClick(dialogs[0], Qt.Key.Key_Escape)
        else:
            QTimer.singleShot(20, press_escape)

    def work(progress) -> int:  # type: ignore[no-untyped-def]
        for i in range(1, 10_000):
            if not progress(i, 10_000):
                raise Cancelled("abgebrochen")
            time.sleep(0.001)
        return 1

    QTimer.singleShot(20, press_escape)
    with pytest.raises(Cancelled):
        run_with_progress(parent, "lange Arbeit", work)
