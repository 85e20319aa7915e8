"""Long work off the GUI thread, with a progress dialog that can cancel.

``run_with_progress`` blocks its caller in a local event loop (the window stays responsive and
repaints) and returns the function's result or raises its exception in the GUI thread, so
call sites read like plain function calls.  The function gets a ``progress(done, total)``
callback; it returns False once the user pressed cancel, and the function should then raise
:class:`tikdesk.domain.errors.Cancelled` (services roll back their transaction).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
ProgressFn = Callable[[int, int], bool]


class _Worker(QObject):
    progressed = Signal(int, int)
    done = Signal()

    def __init__(
        self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        super().__init__()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self.cancel_requested = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._last_emit = 0.0

    @Slot()
    def run(self) -> None:
        try:
            self.result = self._fn(*self._args, progress=self._progress, **self._kwargs)
        except BaseException as exc:  # handed to the GUI thread and re-raised there
            self.error = exc
        finally:
            self.done.emit()

    def _progress(self, done: int, total: int) -> bool:
        # Throttled: a row-by-row caller must not flood the GUI thread with events.
        now = time.monotonic()
        if done >= total or now - self._last_emit >= 0.05:
            self._last_emit = now
            self.progressed.emit(done, total)
        return not self.cancel_requested


class _Relay(QObject):
    """Receives the worker's signals in the GUI thread and updates the dialog."""

    def __init__(self, dialog: QProgressDialog, loop: QEventLoop) -> None:
        super().__init__()
        self._dialog = dialog
        self._loop = loop

    @Slot(int, int)
    def on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self._dialog.setMaximum(total)
            self._dialog.setValue(min(done, total))

    @Slot()
    def on_done(self) -> None:
        self._loop.quit()


def run_with_progress(
    parent: QWidget | None, label: str, fn: Callable[..., T], *args: Any, **kwargs: Any
) -> T:
    """Run ``fn(*args, progress=cb, **kwargs)`` in a worker thread; see module docstring."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Workers", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle("TikDesk")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    worker = _Worker(fn, args, kwargs)
    thread = QThread()
    worker.moveToThread(thread)
    loop = QEventLoop()
    # The relay lives in the GUI thread, so queued signals from the worker run its slots
    # there; a plain function connected to the worker would run in the worker thread.
    relay = _Relay(dialog, loop)
    worker.progressed.connect(relay.on_progress, Qt.ConnectionType.QueuedConnection)
    worker.done.connect(relay.on_done, Qt.ConnectionType.QueuedConnection)

    def on_cancel() -> None:
        worker.cancel_requested = True
        dialog.setLabelText(QCoreApplication.translate("Workers", "Cancelling…"))

    dialog.canceled.connect(on_cancel)  # the Cancel button
    dialog.rejected.connect(on_cancel)  # Esc
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result  # type: ignore[no-any-return]
