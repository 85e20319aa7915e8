"""Long work off the GUI thread, with a progress dialog that can cancel.

``run_with_progress`` blocks its caller in a local event loop (the window stays responsive and
repaints) and returns the function's result or raises its exception in the GUI thread, so
call sites read like plain function calls.  The function gets a ``progress(done, total)``
callback; it returns False once the user pressed cancel, and the function should then raise
:class:`tikdesk.domain.errors.Cancelled` (services roll back their transaction).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
ProgressFn = Callable[[int, int], bool]


class _Worker(QObject):
    progressed = Signal(int, int)
    done = Signal()

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...],
                 kwargs: dict[str, Any]) -> None:
        super().__init__()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self.cancel_requested = False
        self.result: Any = None
        self.error: BaseException | None = None

    @Slot()
    def run(self) -> None:
        try:
            self.result = self._fn(*self._args, progress=self._progress, **self._kwargs)
        except BaseException as exc:  # handed to the GUI thread and re-raised there
            self.error = exc
        finally:
            self.done.emit()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancel_requested


def run_with_progress(parent: QWidget | None, label: str, fn: Callable[..., T],
                      *args: Any, **kwargs: Any) -> T:
    """Run ``fn(*args, progress=cb, **kwargs)`` in a worker thread; see module docstring."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Workers", "Cancel"), 0, 0,
                             parent)
    dialog.setWindowTitle("TikDesk")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    worker = _Worker(fn, args, kwargs)
    thread = QThread()
    worker.moveToThread(thread)
    loop = QEventLoop()

    def on_progress(done: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    def on_cancel() -> None:
        worker.cancel_requested = True
        dialog.setLabelText(QCoreApplication.translate("Workers", "Cancelling…"))

    worker.progressed.connect(on_progress, Qt.ConnectionType.QueuedConnection)
    worker.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(on_cancel)
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
