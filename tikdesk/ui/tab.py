"""The contract between the main window and its tabs.

A tab is built as ``SomeTab(ctx, host)``: the :class:`TabHost` is all it gets of the main
window (the ``data_changed`` signal, the undo stack, the settings, the status line).  The
window then calls the :class:`Tab` methods: ``restore_layout`` and ``set_read_only`` once,
``install_actions`` with the menus, ``save_layout`` when it closes.  What a tab wants of
another tab it asks through its own ``…_requested`` signals, which the window connects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, QSettings, Signal, SignalInstance
from PySide6.QtGui import QAction, QShowEvent, QUndoStack
from PySide6.QtWidgets import QMenu


@dataclass(frozen=True)
class Menus:
    """The main window's menus a tab may add actions to."""

    edit: QMenu
    #: a tab's Edit actions go before this separator (above Preferences)
    edit_tab_anchor: QAction
    view: QMenu
    import_: QMenu
    export: QMenu


@dataclass(frozen=True)
class TabHost:
    """What the main window lends every tab."""

    #: emitted after any change to the data; every tab listens and reads again when shown
    data_changed: SignalInstance
    undo_stack: QUndoStack
    settings: QSettings
    #: a short message in the status line (import results, "saved …")
    show_status: Callable[[str], None]
    #: files dropped onto the window: ``handler(paths) -> bool`` (True: taken), by priority
    register_drop_handler: Callable[[Callable[[list[Path]], bool], int], None] = (
        lambda _handler, _priority: None
    )
    #: whether a tab reads its data in the background (the app's start, issue 21)
    loads_in_background: Callable[[], bool] = lambda: False
    #: keeps the signal's owner alive when no window owns it (:meth:`standalone`)
    _owner: QObject | None = field(default=None, repr=False, compare=False)

    @classmethod
    def standalone(cls, parent: QObject | None = None) -> TabHost:
        """For a tab shown without the main window (benchmarks, widget tests)."""
        changes = _Changes(parent)
        return cls(
            data_changed=changes.data_changed,
            undo_stack=QUndoStack(changes),
            settings=QSettings(),
            show_status=lambda _text: None,
            _owner=changes,
        )


class _Changes(QObject):
    data_changed = Signal()


@runtime_checkable
class Tab(Protocol):
    """What the main window asks of each tab."""

    def refresh(self) -> None:
        """Read the data again."""

    def install_actions(self, menus: Menus) -> None:
        """Add the tab's commands to the window's menus (called once, after building)."""

    def restore_layout(self, settings: QSettings) -> None:
        """Take back splitter positions, views and the like (called once, after building)."""

    def save_layout(self, settings: QSettings) -> None:
        """Keep splitter positions, views and the like (called when the window closes)."""

    def set_read_only(self, read_only: bool) -> None:
        """Offer no change to the data (a database opened read-only)."""

    def may_close(self) -> bool:
        """Whether the window may close or give way to another database now: nothing typed
        is unsaved, or the user agreed to drop it (the tab asks)."""


class RefreshWhenShown:
    """Mixin for a tab (before ``QWidget`` in the bases): its data is read when the tab is
    first shown, and after ``host.data_changed`` at once only while it is shown — else when
    it is shown next.  Start-up reads only the current tab; an edit refreshes only what can
    be seen.  The tab provides ``refresh()`` (which calls :meth:`mark_fresh`) and may keep
    something cheap current while hidden with :meth:`refresh_hidden`.
    """

    _stale = True
    _read_only = False

    # ---------------------------------------------------------------- Tab defaults
    def install_actions(self, menus: Menus) -> None:
        """No menu commands (default)."""

    def restore_layout(self, settings: QSettings) -> None:
        """Nothing to restore (default)."""

    def save_layout(self, settings: QSettings) -> None:
        """Nothing to keep (default)."""

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only

    def may_close(self) -> bool:
        """Nothing is edited in place (default)."""
        return True

    def read_only(self) -> bool:
        return self._read_only

    def refresh(self) -> None:
        raise NotImplementedError

    def refresh_hidden(self) -> None:
        """Called on a data change while the tab is hidden (default: nothing)."""

    def mark_fresh(self) -> None:
        self._stale = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self.refresh()

    def on_data_changed(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            self.refresh()
        else:
            self._stale = True
            self.refresh_hidden()
