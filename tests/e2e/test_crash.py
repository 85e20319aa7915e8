"""The crash path: a bug in a slot is logged and shown, the app carries on; hard crashes are
reported once at the next start."""

from __future__ import annotations

import faulthandler
import logging
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QTimer, Signal

from tikdesk import app as app_module
from tikdesk.ui.crash import FAULT_FILE, CrashDialog, CrashHandler
from tikdesk.ui.ideas.tab import IdeasTab


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    """The app's real file logging into tmp_path, removed again afterwards."""
    folder = tmp_path / "logs"
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    app_module.setup_logging(folder)
    yield folder
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.fixture
def crash_handler(
    log_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[CrashHandler, list[str]]]:
    """An installed CrashHandler whose dialog records the details instead of showing them."""
    shown: list[str] = []

    def ask(
        cls: type[CrashDialog], details: str, _log_dir: Path, *, hard_crash: bool = False
    ) -> None:
        shown.append(details)

    monkeypatch.setattr(CrashDialog, "ask", classmethod(ask))
    handler = CrashHandler(log_dir)
    handler.install()
    try:
        yield handler, shown
    finally:
        handler.uninstall()
        faulthandler.enable(file=sys.__stderr__)  # give pytest its own back


class Emitter(QObject):
    fired = Signal()


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_reaches_handler_and_log_file(
    qtbot: Any, log_dir: Path, crash_handler: tuple[CrashHandler, list[str]]
) -> None:
    _handler, shown = crash_handler
    emitter = Emitter()

    def failing_slot() -> None:
        raise RuntimeError("Knöllchen-Quote 42")

    emitter.fired.connect(failing_slot)
    QTimer.singleShot(0, emitter.fired.emit)
    qtbot.waitUntil(lambda: bool(shown))

    assert "RuntimeError: Knöllchen-Quote 42" in shown[0]
    assert "failing_slot" in shown[0]  # the traceback, not just the message
    logged = (log_dir / "tikdesk.log").read_text(encoding="utf-8")
    assert "Uncaught exception" in logged
    assert "RuntimeError: Knöllchen-Quote 42" in logged and "failing_slot" in logged


@pytest.mark.slow
@pytest.mark.qt_no_exception_capture
def test_bug_in_an_ideas_action_is_reported_and_the_app_carries_on(
    qtbot: Any,
    main_window: Any,
    ctx: Any,
    log_dir: Path,
    crash_handler: tuple[CrashHandler, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tikdesk.services.ideas import IdeaService

    _handler, shown = crash_handler
    service = IdeaService(ctx)
    idea = service.create({"title": "Ein Tag im Bauhof"})
    tab = main_window.tab(IdeasTab)
    tab.refresh()
    tab.select_id(idea.id)

    def broken(self: IdeaService, idea_id: int) -> None:
        raise ZeroDivisionError("bug in duplicate")

    monkeypatch.setattr(IdeaService, "duplicate", broken)
    tab.action_duplicate.trigger()
    qtbot.waitUntil(lambda: bool(shown))
    assert "ZeroDivisionError" in shown[0] and "bug in duplicate" in shown[0]
    assert "bug in duplicate" in (log_dir / "tikdesk.log").read_text(encoding="utf-8")
    assert service.count() == 1  # nothing half-written
    assert main_window.undo_stack.count() == 0  # no undo entry for the failed action
    monkeypatch.undo()
    tab.bulk_change("status", "done")  # the window keeps working
    assert service.get(idea.id).status == "done"


@pytest.mark.qt_no_exception_capture
def test_known_error_is_a_warning_not_a_crash(
    qtbot: Any,
    crash_handler: tuple[CrashHandler, list[str]],
    recorded_messages: list[tuple[str, str, str]],
) -> None:
    from tikdesk.domain.errors import DatabaseError

    _handler, shown = crash_handler
    emitter = Emitter()

    def failing_slot() -> None:
        raise DatabaseError("Datenträger voll")

    emitter.fired.connect(failing_slot)
    emitter.fired.emit()
    qtbot.waitUntil(lambda: bool(recorded_messages))
    assert recorded_messages[-1][0] == "warning" and "Datenträger voll" in recorded_messages[-1][2]
    assert shown == []


def test_crash_dialog_shows_details_and_log_folder(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QPushButton

    dialog = CrashDialog("Traceback …\nValueError: x", tmp_path)
    qtbot.addWidget(dialog)
    assert "ValueError: x" in dialog.details.toPlainText()
    assert dialog.details.isReadOnly()
    texts = [b.text() for b in dialog.findChildren(QPushButton)]
    assert "Open log folder" in texts


def test_previous_hard_crash_is_reported_once(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / FAULT_FILE).write_text(
        "Fatal Python error: Segmentation fault\n\nCurrent thread 0x1 (most recent call "
        'first):\n  File "tikdesk/ui/ideas/board.py", line 1 in paint\n',
        encoding="utf-8",
    )
    handler = CrashHandler(folder)
    report = handler.previous_hard_crash()
    assert report is not None and "Segmentation fault" in report and "board.py" in report
    assert handler.previous_hard_crash() is None  # once only
    assert len(list(folder.glob("faulthandler-*.log"))) == 1  # kept for support
    assert CrashHandler(tmp_path / "nothing").previous_hard_crash() is None


@pytest.mark.slow
def test_real_hard_crash_is_written_by_faulthandler(tmp_path: Path) -> None:
    """A segfault in a process with the handler installed leaves a report for next start."""
    folder = tmp_path / "logs"
    script = textwrap.dedent(f"""
        import faulthandler
        from pathlib import Path
        from tikdesk.ui.crash import CrashHandler
        CrashHandler(Path({str(folder)!r})).install()
        faulthandler._sigsegv()
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert result.returncode != 0
    report = CrashHandler(folder).previous_hard_crash()
    assert report is not None and "Segmentation fault" in report
