"""A tab with a searchable record list on the left and the selected record's detail on the
right — the shape the posts and the people tabs share.

The base keeps what both do the same way: the layout, selecting a record (also from
outside, clearing a filter that hides it), asking before unsaved changes are dropped,
reading the detail again after a change (quietly while hidden), the splitter memory and
one way to run a service call.  A subclass builds its bar and detail pane and answers the
hooks below.  It holds no translatable text itself: PySide's ``tr()`` would look it up under
the subclass's name, so the subclass hands in every word (:class:`ListTexts`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QSettings, Qt, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.errors import TikDeskError
from tikdesk.options import BlobOption
from tikdesk.ui import messages
from tikdesk.ui.tab import RefreshWhenShown, TabHost
from tikdesk.ui.widgets.controls import list_table, search_edit
from tikdesk.ui.widgets.table import Identified, RecordFilterProxy, RecordTableModel

if TYPE_CHECKING:
    from tikdesk.services.context import AppContext

R = TypeVar("R", bound=Identified)  # a row of the list
D = TypeVar("D")  # the detail of one record
T = TypeVar("T")


@dataclass(frozen=True)
class ListTexts:
    """The words of one list-and-detail tab, translated by the subclass."""

    area: str  # the title of its error messages: "Posts"
    list_name: str  # the list's accessible name
    search_placeholder: str
    search_name: str
    empty: str  # shown while nothing is selected
    unsaved_title: str


class ListDetailTab(RefreshWhenShown, QWidget, Generic[R, D]):
    """A record list and a detail pane; see the module docstring."""

    #: where the splitter position is kept (:mod:`tikdesk.options`)
    splitter_option: ClassVar[BlobOption]

    def __init__(
        self,
        ctx: AppContext,
        host: TabHost,
        model: RecordTableModel[R],
        proxy: RecordFilterProxy,
        texts: ListTexts,
        *,
        record_role: int,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.host = host
        self.texts = texts
        self._record_role = record_role
        self._current_id: int | None = None
        self._loading = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(self.splitter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        #: the subclass fills the bar (its buttons and :attr:`search`, in its order)
        self.bar = QHBoxLayout()
        left_layout.addLayout(self.bar)
        self.search = search_edit(texts.search_placeholder, texts.search_name)
        model.setParent(self)
        proxy.setParent(self)
        proxy.setSourceModel(model)
        self.model, self.proxy = model, proxy
        self.table = list_table(proxy, texts.list_name)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)  # fit the visible rows, not the first 1,000
        header.setStretchLastSection(True)
        left_layout.addWidget(self.table)
        self.count_label = QLabel()
        left_layout.addWidget(self.count_label)
        self.splitter.addWidget(left)

        self.stack = QStackedWidget()
        self.empty = QLabel(texts.empty)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)

        self.search.textChanged.connect(self._on_filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        host.data_changed.connect(self.on_data_changed)

    def keep_column_wide(self, column: int, width: int) -> None:
        """The name column keeps a readable width (the others fit their content; a
        stretched name column was squeezed to a few letters beside them)."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(column, width)

    def place_detail(self, pane: QWidget, sizes: tuple[int, int]) -> None:
        """Put the detail side (:attr:`stack` or a scroll area around it) on the right."""
        self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes(list(sizes))

    # ---------------------------------------------------------------- hooks
    def fetch(self) -> Sequence[R]:
        """The records of the list (a service call; may raise TikDeskError)."""
        raise NotImplementedError

    def fetch_detail(self, ident: int) -> D:
        raise NotImplementedError

    def show_detail(self, detail: D, *, keep_form: bool) -> QWidget:
        """Show ``detail`` in the pane; returns the page of :attr:`stack` to bring up."""
        raise NotImplementedError

    def after_refresh(self) -> None:
        """The list was read: counts and button states."""

    def is_dirty(self) -> bool:
        """Whether the detail form holds unsaved changes."""
        return False

    def unsaved_question(self) -> str:
        raise NotImplementedError

    def clear_filters(self) -> None:
        """Show every record (the selected one was filtered out)."""
        self.search.clear()

    def show_nothing(self) -> None:
        self._current_id = None
        self.stack.setCurrentWidget(self.empty)

    def filter_changed(self) -> None:
        """The search text (or another filter of the subclass) changed."""

    # ---------------------------------------------------------------- Tab
    def restore_layout(self, settings: QSettings) -> None:
        state = self.splitter_option.get(settings)
        if state is not None:
            self.splitter.restoreState(state)

    def save_layout(self, settings: QSettings) -> None:
        self.splitter_option.set(settings, self.splitter.saveState())

    def refresh_hidden(self) -> None:
        if self._current_id is not None:  # keep the open record current (cheap)
            self._load_detail(keep_form=self.is_dirty(), quiet=True)

    @Slot()
    def refresh(self) -> None:
        try:
            records = self.fetch()
        except TikDeskError as exc:
            self._warn(self.texts.area, str(exc))
            return
        self.mark_fresh()
        self._loading = True
        self.model.set_records(records)
        self._loading = False
        self.after_refresh()
        if self._current_id is not None and self.model.row_of(self._current_id) >= 0:
            self.select(self._current_id, force=True)
        else:
            self.show_nothing()

    # ---------------------------------------------------------------- selection
    def select(self, ident: int, *, force: bool = False) -> bool:
        """Select a record in the list (clears a filter that hides it; reloads if unknown).

        ``force`` reads its detail again even when it is the one shown.  Leaving a record
        whose form holds unsaved changes asks first, as a click in the list does (a request
        from another tab or a returned form); False when the user keeps them."""
        switching = ident != self._current_id
        if switching and not self.may_leave():
            return False
        row = self.model.row_of(ident)
        if row < 0:
            if switching:  # the shown record is left: its form must not carry over
                self._current_id = None
            self.refresh()
            row = self.model.row_of(ident)
            if row < 0:
                return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self._loading = True
        selection = self.table.selectionModel()
        selection.setCurrentIndex(
            index, selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows
        )
        self._loading = False
        self.table.scrollTo(index)
        if force or self._current_id != ident:
            keep = force and self._current_id == ident and self.is_dirty()
            self._current_id = ident
            self._load_detail(keep_form=keep)
        return True

    def current_id(self) -> int | None:
        return self._current_id

    def may_close(self) -> bool:
        """The window closes or opens another database: unsaved form edits are asked about."""
        return self.may_leave()

    def may_leave(self) -> bool:
        """True when the shown record may be left: nothing unsaved, or the user agreed to
        drop the changes."""
        return not self.is_dirty() or messages.ask_yes_no(
            self, self.texts.unsaved_title, self.unsaved_question()
        )

    @Slot(QModelIndex, QModelIndex)
    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading or not current.isValid():
            return
        record = current.data(self._record_role)
        if record is None or record.id == self._current_id:
            return
        if not self.may_leave():
            if self._current_id is not None:
                self.select(self._current_id)
            return
        self._current_id = record.id
        self._load_detail(keep_form=False)

    def _load_detail(self, *, keep_form: bool, quiet: bool = False) -> None:
        if self._current_id is None:
            return
        try:
            detail = self.fetch_detail(self._current_id)
        except TikDeskError as exc:
            if quiet:  # the tab is hidden; the next refresh settles what is shown
                self.show_nothing()
            else:
                self._warn(self.texts.area, str(exc))
            return
        self.stack.setCurrentWidget(self.show_detail(detail, keep_form=keep_form))

    @Slot()
    def _on_filter_changed(self) -> None:
        self.proxy.set_text(self.search.text())
        self.filter_changed()

    # ---------------------------------------------------------------- actions
    def _warn(self, title: str, text: str) -> None:
        messages.show_warning(self, title, text)

    def _changed(self) -> None:
        """Every tab reads again (this one too: it is shown)."""
        self.host.data_changed.emit()

    def _run(self, title: str, action: Callable[[], T]) -> T | None:
        """One service call: a known error becomes a message, success refreshes all tabs."""
        try:
            result = action()
        except TikDeskError as exc:
            self.on_error(title, exc)
            return None
        self._changed()
        return result

    def on_error(self, title: str, exc: TikDeskError) -> None:
        self._warn(title, str(exc))

    def _status_message(self, text: str) -> None:
        self.host.show_status(text)
