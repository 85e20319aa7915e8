"""Ideen: the backlog as a table and as a board, with search, filters, bulk edit and undo.

Data flow: the tab loads every idea once into an :class:`IdeaIndex`; a keystroke in the
search field or a filter change asks the index for the matching rows and resets the visible
view's model with them.  Changes go through undoable commands (one service call = one
transaction each) and come back through :meth:`IdeasTab.apply`, which updates the index
and both views one row at a time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShowEvent, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.enums import IdeaStatus
from tikdesk.options import IDEAS_HEADER, IDEAS_SPLITTER, IDEAS_VIEW
from tikdesk.services.context import AppContext
from tikdesk.services.idea_query import IdeaFilter, IdeaIndex
from tikdesk.services.ideas import IdeaRecord, IdeaService
from tikdesk.ui import messages
from tikdesk.ui.ideas.actions import Handlers, IdeaActions
from tikdesk.ui.ideas.board import IdeaBoard
from tikdesk.ui.ideas.commands import (
    ChangeIdeasCommand,
    CreateIdeaCommand,
    DeleteIdeasCommand,
    DuplicateIdeaCommand,
    MoveIdeasCommand,
    bulk_text,
    edit_text,
    move_text,
)
from tikdesk.ui.ideas.details import details_html, hint_html
from tikdesk.ui.ideas.editor import IdeaEditorDialog
from tikdesk.ui.ideas.filters import IdeaFilterBar
from tikdesk.ui.ideas.loader import IndexLoader
from tikdesk.ui.ideas.model import COLUMN_SPECS, Column, IdeaTableModel
from tikdesk.ui.tab import Menus, TabHost

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

DEFAULT_WIDTHS = {i: spec.column.width for i, spec in enumerate(COLUMN_SPECS) if spec.column}


def ask_owner(parent: QWidget, owners: list[str], current: str) -> str | None:
    """Ask for an owner name (existing or new); None when cancelled.  Tests replace this."""
    items = sorted(set(owners) | {current} - {""})
    position = items.index(current) if current in items else 0
    name, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("IdeasTab", "Set owner"),
        QCoreApplication.translate("IdeasTab", "Owner of the selected ideas:"),
        items or [""],
        position,
        True,
    )
    return name.strip() if ok else None


#: rows shown at once while the whole backlog loads in the background (issue 21)
FIRST_ROWS = 100


class IdeasTab(QWidget):
    #: the whole backlog is in the index (after a background load)
    loaded = Signal()
    #: „In Beitrag umwandeln“ for this idea (id): the window makes the post and shows it
    convert_to_post_requested = Signal(int)
    #: bring this tab to the front (its Edit → Idea menu acts on its selection)
    show_requested = Signal()

    def __init__(self, ctx: AppContext, host: TabHost) -> None:
        super().__init__()
        self.setObjectName("ideasTab")
        self.ctx = ctx
        self.host = host
        self.service = IdeaService(ctx)
        self.index = IdeaIndex()
        self.model = IdeaTableModel(self.index, self)
        self.model.set_row_source(lambda sort: self.index.filter(self._filter, sort))
        self._filter = IdeaFilter()
        self._stale_views: set[str] = set()
        self._emitting = False
        self._read_only = False  # until the window calls set_read_only()
        self._details_shown: object = object()  # the record in the details panel

        self._build_actions()
        self._build_ui()
        self._loader: IndexLoader | None = None  # a newer load or refresh() replaces it
        self._loading = False
        self._changed_while_loading = False
        if host.loads_in_background():  # the app's start (issue 21)
            self.load_in_background()
        else:
            self.refresh()
        host.data_changed.connect(self._on_data_changed)

    # ================================================================== building
    def _build_actions(self) -> None:
        self.commands = IdeaActions(
            self,
            Handlers(
                new=self.new_idea,
                edit=self.edit_current,
                duplicate=self.duplicate_current,
                delete=self.delete_selected,
                owner=self.bulk_owner_dialog,
                convert=self.convert_current,
                find=self.focus_search,
                change=self.bulk_change,
                view=self.set_view,
            ),
        )
        c = self.commands
        self.action_new, self.action_edit, self.action_duplicate = c.new, c.edit, c.duplicate
        self.action_delete, self.action_owner, self.action_convert = c.delete, c.owner, c.convert
        self.action_find, self.action_table_view = c.find, c.table_view
        self.action_board_view, self.view_group = c.board_view, c.view_group
        self.status_menu, self.priority_menu = c.status_menu, c.priority_menu

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        self.toolbar = self.commands.toolbar()
        layout.addWidget(self.toolbar)
        find_keys = self.action_find.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
        self.filter_bar = bar = IdeaFilterBar(find_keys)
        bar.changed.connect(self._on_filter_changed)
        self.search, self.count_label = bar.search, bar.count_label
        self.status_filter, self.format_filter = bar.status_filter, bar.format_filter
        self.audience_filter, self.owner_filter = bar.audience_filter, bar.owner_filter
        self.tag_filter = bar.tag_filter
        layout.addWidget(bar)
        self._build_table()
        self._build_board_and_details()
        layout.addWidget(self.splitter, 1)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("ideaTable")
        self.table.setAccessibleName(self.tr("Ideas"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        self.table.setTabKeyNavigation(False)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: fast
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        vertical.hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionsMovable(True)
        header.setSortIndicatorClearable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, width in DEFAULT_WIDTHS.items():
            header.resizeSection(column, width)
        # Mouse: double-click (not `activated`, which is a single click on some desktops);
        # keyboard: the Edit action's Return/Enter shortcut.
        self.table.doubleClicked.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda pos: self._show_context_menu(self.table.viewport().mapToGlobal(pos))
        )

    def _build_board_and_details(self) -> None:
        self.board = IdeaBoard(lambda: self.ctx.clock.today())
        self.board.move_requested.connect(self.move_ideas)
        self.board.idea_activated.connect(self._on_board_activated)
        self.board.selection_changed.connect(self._on_selection_changed)
        self.board.context_menu_requested.connect(self._show_context_menu)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.board)
        # Actions on the selection work only while a view has the focus (Del, Return and
        # Ctrl+D keep their usual meaning in the search field).
        self.stack.addActions(list(self.commands.on_selection()))
        self.addActions([self.action_new, self.action_find])

        self.details = QTextBrowser()
        self.details.setObjectName("ideaDetails")
        self.details.setAccessibleName(self.tr("Idea details"))
        self.details.setOpenLinks(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1100, 260])

    def install_actions(self, menus: Menus) -> None:
        """Table/board switch in the View menu; every idea command under Edit → Idea."""
        self.commands.install(
            menus.view, menus.edit, menus.edit_tab_anchor, self.show_requested.emit
        )
        self.idea_menu = self.commands.idea_menu

    # ================================================================== layout memory
    def restore_layout(self, settings: QSettings) -> None:
        header = self.table.horizontalHeader()
        state = IDEAS_HEADER.get(settings)
        if state is None or not header.restoreState(state):
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # sorts via IdeaTableModel.sort (Python)
        splitter = IDEAS_SPLITTER.get(settings)
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.set_view(IDEAS_VIEW.get(settings), remember=False)

    def save_layout(self, settings: QSettings) -> None:
        IDEAS_HEADER.set(settings, self.table.horizontalHeader().saveState())
        IDEAS_SPLITTER.set(settings, self.splitter.saveState())
        IDEAS_VIEW.set(settings, self.current_view_name())

    # ================================================================== views
    def current_view_name(self) -> str:
        return "board" if self.stack.currentWidget() is self.board else "table"

    def set_view(self, name: str, *, remember: bool = True) -> None:
        """Switch between table and board (the choice is remembered)."""
        board = name == "board"
        selected = self.selected_ids()
        self.stack.setCurrentWidget(self.board if board else self.table)
        (self.action_board_view if board else self.action_table_view).setChecked(True)
        self._refresh_stale_view()
        if selected:
            self.select_id(selected[0], focus=False)
        if remember:
            IDEAS_VIEW.set(self.host.settings, self.current_view_name())
        self._update_actions()

    def _refresh_stale_view(self) -> None:
        name = self.current_view_name()
        if name in self._stale_views:
            self._stale_views.discard(name)
            self._show_filtered(name)

    def _show_filtered(self, name: str) -> None:
        if name == "table":
            sort = self.model.sort_state()
            self.model.set_rows(self.index.filter(self._filter, sort), sorted_already=True)
        else:
            self.board.set_groups(self.index.filter_by_status(self._filter))

    # ================================================================== loading
    def is_loaded(self) -> bool:
        return not self._loading

    def load_in_background(self) -> None:
        """Show the first rows now and the whole backlog when a worker has indexed it.

        Search and filters typed meanwhile apply to the rows shown and, when the index is
        complete, to all of it."""
        self._loading = True
        self._changed_while_loading = False
        self.index.reset(self.service.list_first(FIRST_ROWS))
        self._apply_filter()
        self._update_details()
        loader = self._loader = IndexLoader(self.service)
        loader.finished.connect(self._on_loaded)
        loader.start_loading()

    @Slot()
    def _on_loaded(self) -> None:
        loader = self._loader
        if loader is None or not loader.isFinished() or not self._loading:
            return  # refresh() or a newer load came first
        self._loader = None
        if loader.isInterruptionRequested():
            return  # its database is closing
        if loader.index is None or self._changed_while_loading:
            self.refresh()  # failed, or an edit meanwhile may be missing from the snapshot
            return
        self._loading = False
        selected = self.selected_ids()
        self.index.adopt(loader.index)
        loader.index = None
        self._apply_filter()
        if selected:
            self.select_id(selected[0], focus=False)
        self._update_details()
        # the owner and tag lists in the next event-loop turn: no turn over 50 ms (issue 21)
        QTimer.singleShot(0, self._filters_after_load)

    @Slot()
    def _filters_after_load(self) -> None:
        if self._loading:
            return  # a newer load has begun; it fills them when done
        if self.filter_bar.fill(self.index.owners(), self.index.tags()):
            self._apply_filter()  # a chosen owner/tag is gone: that filter is off
        self.loaded.emit()

    def refresh(self) -> None:
        """Reload every idea from the database (start, other tabs' changes, errors)."""
        was_loading, self._loading = self._loading, False
        self._drop_loader()
        selected = self.selected_ids()
        self.index.reset(self.service.list_ideas())
        self._fill_dynamic_filters()
        self._apply_filter()
        if selected:
            self.select_id(selected[0], focus=False)
        self._update_details()
        if was_loading:
            self.loaded.emit()

    def _drop_loader(self) -> None:
        """A background load still running is outdated: let it end before reading again.

        Reading beside it would hold two whole backlogs at once (issue 21: about 60 MB at
        50,000 ideas); both reads share the GIL, so waiting costs about the same time."""
        loader, self._loader = self._loader, None
        if loader is not None:
            loader.requestInterruption()  # it skips building its index
            loader.wait()
            loader.index = None

    def _fill_dynamic_filters(self) -> None:
        if self.filter_bar.fill(self.index.owners(), self.index.tags()):
            self._filter = self._current_filter()  # the owner/tag is gone: that filter is off

    def current_filter_ids(self) -> list[int] | None:
        """Ideas the user narrowed the backlog to (for "export the current filter").

        ``None`` when no search or filter is active, i.e. everything is shown.
        """
        flt = self._current_filter()
        if flt.is_empty():
            return None
        return [record.id for record in self.index.filter(flt, self.model.sort_state())]

    def _current_filter(self) -> IdeaFilter:
        return self.filter_bar.current()

    @Slot()
    def _on_filter_changed(self, *_args: object) -> None:
        self._apply_filter()

    def _apply_filter(self) -> None:
        """One keystroke: filter in Python, reset the visible view; the other one later."""
        self._filter = self._current_filter()
        visible = self.current_view_name()
        self._show_filtered(visible)
        self._stale_views = {"table", "board"} - {visible}
        self._update_count()
        self._update_actions()
        self._update_details()

    def _update_count(self) -> None:
        shown = (
            self.model.rowCount()
            if self.current_view_name() == "table"
            else sum(m.total() for m in self.board.models.values())
        )
        self.filter_bar.show_count(shown, len(self.index))

    # ================================================================== changes
    def apply(
        self,
        changed: Iterable[IdeaRecord] = (),
        removed: Iterable[int] = (),
        select: int | None = None,
    ) -> None:
        """Show what a command changed, one row at a time (no reload)."""
        self._changed_while_loading |= self._loading
        self._show_rows(changed, removed, select)
        self._emit_data_changed()

    def apply_remote(self, ids: frozenset[int] | None) -> None:
        """Show ideas another client changed (team database, issue 17): changed rows are
        replaced in place, so selection and scroll position stay; ``None``: reload all."""
        self._changed_while_loading |= self._loading
        if ids is None:
            self.refresh()
            return
        found = self.service.get_many(sorted(ids))
        self._show_rows(found, ids - {r.id for r in found})

    def _show_rows(
        self, changed: Iterable[IdeaRecord], removed: Iterable[int], select: int | None = None
    ) -> None:
        """Take ``removed`` out of the index, table and board, put ``changed`` in (or out,
        where the filter hides it), then select ``select`` and update counts and actions."""
        for idea_id in removed:
            self.index.remove(idea_id)
            self.model.remove_id(idea_id)
            self.board.remove_record(idea_id)
        for record in changed:
            old = self.index.put(record)
            visible = self.index.matches(record, self._filter)
            if not visible:
                self.model.remove_id(record.id)
            elif not self.model.replace_record(record, old):
                self.model.insert_record(record)
            self.board.show_record(record, visible)
            self.filter_bar.add_values(record)
        if select is not None:
            self.select_id(select)
        self._update_count()
        self._update_actions()
        self._update_details()

    def _emit_data_changed(self) -> None:
        self._emitting = True
        try:
            self.host.data_changed.emit()
        finally:
            self._emitting = False

    @Slot()
    def _on_data_changed(self) -> None:
        if not self._emitting:  # our own change is shown already
            self.refresh()

    def _report_error(self, text: str) -> None:
        messages.show_warning(self, self.tr("Ideas"), text)
        QTimer.singleShot(0, self.refresh)

    def _push(self, command: QUndoCommand) -> None:
        self.host.undo_stack.push(command)

    def _command_args(self) -> tuple[IdeaService, Callable[..., None], Callable[[str], None]]:
        return self.service, self.apply, self._report_error

    # ================================================================== selection
    def selected_ids(self) -> list[int]:
        if self.current_view_name() == "board":
            return self.board.selected_ids()
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.record(r).id for r in rows]

    def selected_records(self) -> list[IdeaRecord]:
        records = (self.index.get(i) for i in self.selected_ids())
        return [r for r in records if r is not None]

    def current_record(self) -> IdeaRecord | None:
        if self.current_view_name() == "table":
            index = self.table.currentIndex()
            if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
                return self.model.record(index.row())
        records = self.selected_records()
        return records[0] if records else None

    def select_id(self, idea_id: int, *, focus: bool = True) -> bool:
        """Select and show one idea in the visible view."""
        if self.current_view_name() == "board":
            return self.board.select_id(idea_id, focus=focus)
        row = self.model.row_of(idea_id)
        if row < 0:
            return False
        index = self.model.index(row, Column.TITLE)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        if focus:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    @Slot()
    def _on_selection_changed(self, *_args: object) -> None:
        self._update_actions()
        self._update_details()

    def _update_actions(self) -> None:
        self.commands.enable(
            editable=not self._read_only,
            selected=len(self.selected_ids()),
            can_convert=True,
        )

    def _update_details(self) -> None:
        record = self.current_record()
        # with nothing selected: whether there is any idea at all
        shown = record if record is not None else len(self.index) > 0
        if shown is self._details_shown:
            return  # unchanged (e.g. a keystroke that kept the selection): no re-layout
        self._details_shown = shown
        if record is None:
            keys = self.action_new.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.details.setHtml(hint_html(len(self.index) > 0, keys))
        else:
            self.details.setHtml(details_html(record))

    # ================================================================== actions
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def new_idea(self) -> None:
        if self._read_only:
            return
        defaults = {
            k: v
            for k, v in (
                ("status", self._filter.status),
                ("format", self._filter.format),
                ("audience", self._filter.audience),
                ("owner", self._filter.owner),
                ("tags", self._filter.tag),
            )
            if v
        }
        values = IdeaEditorDialog.ask(self, None, self.index.owners(), defaults=defaults)
        if values is not None:
            self._push(CreateIdeaCommand(values, *self._command_args()))

    def edit_current(self) -> None:
        record = self.current_record()
        if record is None:
            return
        values = IdeaEditorDialog.ask(self, record, self.index.owners(), read_only=self._read_only)
        if values is None or self._read_only:
            return
        self._push(
            ChangeIdeasCommand(
                edit_text(record),
                [record.id],
                values,
                *self._command_args(),
                expected_version=record.version,
            )
        )

    def duplicate_current(self) -> None:
        record = self.current_record()
        if record is not None and not self._read_only:
            self._push(DuplicateIdeaCommand(record, *self._command_args()))

    def delete_selected(self) -> None:
        records = self.selected_records()
        if not records or self._read_only:
            return
        if len(records) == 1:
            text = self.tr("Delete the idea “%1”?").replace("%1", records[0].title)
        else:
            text = self.tr("Delete %1 ideas?").replace("%1", str(len(records)))
        text += "\n\n" + self.tr("You can undo this with Edit → Undo.")
        if messages.ask_yes_no(self, self.tr("Delete ideas"), text):
            self._push(DeleteIdeasCommand(records, *self._command_args()))

    def bulk_change(self, field: str, value: str) -> None:
        ids = self.selected_ids()
        if not ids or self._read_only:
            return
        self._push(
            ChangeIdeasCommand(
                bulk_text(field, len(ids)), ids, {field: value}, *self._command_args()
            )
        )

    def bulk_owner_dialog(self) -> None:
        records = self.selected_records()
        if not records or self._read_only:
            return
        owner = ask_owner(self, self.index.owners(), records[0].owner)
        if owner is not None:
            self.bulk_change("owner", owner)

    @Slot(list, str, object)
    def move_ideas(self, ids: list[int], status: str, before_id: int | None) -> None:
        """A drop or Ctrl+arrow on the board: move the cards (undoable)."""
        if self._read_only or not ids:
            return
        first = self.index.get(ids[0])
        if first is None:
            return
        label = None if first.status == status else IdeaStatus(status).label
        self._push(
            MoveIdeasCommand(
                ids, status, before_id, *self._command_args(), text=move_text(first, label)
            )
        )

    def convert_current(self) -> None:
        record = self.current_record()
        if record is None or self._read_only:
            return
        self.convert_to_post_requested.emit(record.id)

    # ================================================================== events
    @Slot(QModelIndex)
    def _on_table_activated(self, _index: QModelIndex) -> None:
        self.edit_current()

    @Slot(int)
    def _on_board_activated(self, _idea_id: int) -> None:
        self.edit_current()

    def _show_context_menu(self, global_pos: QPoint) -> None:
        if self.selected_ids():
            self.commands.popup(global_pos)

    def showEvent(self, event: QShowEvent) -> None:
        """Brought to the front: the list or board takes the focus unless it is inside."""
        super().showEvent(event)
        if event.spontaneous():  # the window shown again, not this tab chosen
            return
        focus = self.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self._focus_view()

    def _focus_view(self) -> None:
        if self.current_view_name() == "table":
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            view = self.board.current_view() or self.board.views[self.board.statuses[0]]
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    # ================================================================== read-only
    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.board.set_editable(not read_only)
        self._update_actions()

    def may_close(self) -> bool:
        """Ideas are saved when their editor is closed with OK; nothing waits unsaved here."""
        return True
