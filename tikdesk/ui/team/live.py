"""Live refresh on a team database (issue 17): other clients' changes appear by themselves.

The server sends a notice at every commit (``LISTEN/NOTIFY``, migration 0007) on a
connection of its own; a :class:`QSocketNotifier` on that connection's socket wakes the GUI
only when something has arrived — no timer, no polling.  Changed ideas are replaced in
place in the open table (selection and scroll position stay); posts and people are reloaded
with their selection and scroll position kept.  An idea editor open on a changed idea says
so, and so does the status bar for the post or person shown.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from tikdesk.domain.errors import TikDeskError
from tikdesk.services.live import Changed, ChangeFeed

if TYPE_CHECKING:
    from tikdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def tab_class(kind: str) -> type[QWidget]:
    """The kind of record -> the class of the tab that shows it."""
    from tikdesk.ui.ideas.tab import IdeasTab
    from tikdesk.ui.people.tab import PeopleTab
    from tikdesk.ui.posts.tab import PostsTab

    return {"idea": IdeasTab, "post": PostsTab, "person": PeopleTab}[kind]


class LiveRefresh(QObject):
    """Watches the team database's change notices for one main window."""

    changed = Signal(str, object)  # kind, frozenset of ids or None (all)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("liveRefresh")
        self.window = window
        self.feed = ChangeFeed(window.ctx)
        self.notifier = QSocketNotifier(self.feed.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._on_ready)
        self.notifier.setEnabled(True)
        # runs before the feed's own close hook (hooks run last-in, first-out): Qt must stop
        # watching the socket before it is closed, or it warns about an invalid socket
        window.ctx.db.add_close_hook(self._stop_watching)

    def _stop_watching(self) -> None:
        with contextlib.suppress(RuntimeError):  # the window (and the notifier) already gone
            self.notifier.setEnabled(False)

    @Slot()
    def _on_ready(self) -> None:
        changes = self.feed.pending()
        if self.feed.lost:
            self.notifier.setEnabled(False)
            self.window.statusBar().showMessage(
                self.tr(
                    "The connection to the database server was lost: changes by others are "
                    "no longer shown. Reopen the database to reconnect."
                )
            )
            return
        for change in changes:
            try:
                self._show(change)
            except TikDeskError as exc:  # the server went away while reading: say so once
                self.window.statusBar().showMessage(str(exc))
            self.changed.emit(change.kind, change.ids)

    def _show(self, change: Changed) -> None:
        tab = self.window.tab(tab_class(change.kind))
        if change.kind == "idea":
            tab.apply_remote(change.ids)  # type: ignore[attr-defined]
            self._tell_idea_editors(change.ids)
            return
        views = [v for v in tab.findChildren(QAbstractItemView) if v.verticalScrollBar()]
        positions = [(v, v.verticalScrollBar().value()) for v in views]
        tab.refresh()  # type: ignore[attr-defined]
        for view, value in positions:
            view.verticalScrollBar().setValue(value)
        shown = getattr(tab, "_current_id", None)
        if shown is not None and (change.ids is None or shown in change.ids):
            self.window.statusBar().showMessage(
                self.tr(
                    "The record shown was just changed by someone else; it shows the new state."
                )
                if change.kind == "person"
                else self.tr(
                    "The post shown was just changed by someone else; it shows the new state."
                ),
                15000,
            )

    def _tell_idea_editors(self, ids: frozenset[int] | None) -> None:
        from tikdesk.ui.ideas.editor import IdeaEditorDialog

        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, IdeaEditorDialog)
                and _window_of(widget) is self.window
                and widget.record_id is not None
                and (ids is None or widget.record_id in ids)
            ):
                widget.mark_changed_elsewhere(
                    self.tr(
                        "Someone else has just changed this idea. Saving will report the "
                        "conflict; cancel and reopen the idea to see the new state."
                    )
                )


def install(window: MainWindow) -> None:
    """Start listening on a team database; a file needs nothing (one writer at a time)."""
    if not ChangeFeed.available(window.ctx):
        return
    try:
        window.live_refresh = LiveRefresh(window)  # type: ignore[attr-defined]
    except TikDeskError as exc:  # the database works, only the notices do not
        log.warning("no live refresh: %s", exc)
        window.statusBar().showMessage(str(exc))


def _window_of(widget: QWidget) -> QWidget | None:
    parent = widget.parentWidget()
    return parent.window() if parent is not None else None
