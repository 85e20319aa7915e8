"""The whole backlog indexed off the GUI thread (issue 21).

The index stays on the thread object and the GUI thread reads it after ``finished`` (like
``ui.workers`` and the team dialog): no Python object travels through a queued signal.  A
running loader is kept alive here, not by the tab, so closing the tab (a database switch)
never destroys a thread that still runs; it deletes itself once finished.  Before its database
closes (a switch, the app's end) :func:`stop_all` lets every running load end.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QThread, Slot

from tikdesk.services.idea_query import IdeaIndex
from tikdesk.services.ideas import IdeaService

log = logging.getLogger(__name__)

#: Loaders whose thread has not finished yet.
_RUNNING: set[IndexLoader] = set()
_HOOKED: list[QCoreApplication] = []  # the application whose aboutToQuit calls stop_all


class IndexLoader(QThread):
    """``IdeaIndex(service.list_ideas())`` in a thread; read :attr:`index` or :attr:`error`
    after ``finished`` (connect to it before :meth:`start`)."""

    def __init__(self, service: IdeaService) -> None:
        super().__init__()
        self._service = service
        self.index: IdeaIndex | None = None
        self.error: Exception | None = None

    def start_loading(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not _HOOKED:  # the app's end waits for running loads
            app.aboutToQuit.connect(stop_all)
            _HOOKED.append(app)
        _RUNNING.add(self)
        self.finished.connect(self._forget)  # after the tab's slot (connected before)
        self.start()

    def run(self) -> None:
        try:
            records = self._service.list_ideas()
            if not self.isInterruptionRequested():
                self.index = IdeaIndex(records)
        except Exception as exc:  # the tab reloads on the GUI thread and shows the error
            log.warning("ideas: background load failed: %s", exc)
            self.error = exc

    @Slot()
    def _forget(self) -> None:
        self.wait()  # finished is emitted just before the thread ends
        _RUNNING.discard(self)
        self.deleteLater()


def stop_all() -> None:
    """Let every running load end (its database is about to close); waits for the read."""
    for loader in list(_RUNNING):
        loader.requestInterruption()
    for loader in list(_RUNNING):
        loader.wait()
