"""The board: one column per idea status, cards moved by drag and drop or by keyboard.

Each column is a ``QListView`` over a :class:`BoardColumnModel` with uniform item sizes (fast
with thousands of cards).  A drop — inside a column or from another one — always ends in
:meth:`BoardColumnModel.dropMimeData`, which asks the board to move the cards; the board
emits :attr:`IdeaBoard.move_requested` and the tab turns that into an undoable command.
The keyboard does the same through Ctrl+arrow keys (accessibility).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.enums import Audience, IdeaFormat, IdeaStatus
from tikdesk.domain.fmt import fmt_date
from tikdesk.services.ideas import IdeaRecord
from tikdesk.ui import theme
from tikdesk.ui.ideas.model import Role, enum_labels

MIME_TYPE = "application/x-tikdesk-idea-ids"
AnyIndex = QModelIndex | QPersistentModelIndex
# (idea ids, target status, id of the card they go before or None for "at the end")
DropHandler = Callable[[list[int], str, int | None], None]


def encode_ids(ids: Iterable[int]) -> QMimeData:
    data = QMimeData()
    data.setData(MIME_TYPE, QByteArray(",".join(str(i) for i in ids).encode("ascii")))
    return data


def decode_ids(data: QMimeData) -> list[int]:
    if not data.hasFormat(MIME_TYPE):
        return []
    raw = bytes(data.data(MIME_TYPE).data()).decode("ascii", errors="ignore")
    return [int(part) for part in raw.split(",") if part.strip().isdigit()]


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_OBJECT = int(Role.OBJECT)
_ID_ROLE = int(Role.ID)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _OBJECT, _ID_ROLE, _ACCESSIBLE})
_READ_ONLY_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_CARD_FLAGS = _READ_ONLY_FLAGS | Qt.ItemFlag.ItemIsDragEnabled


def is_overdue(record: IdeaRecord, today: dt.date) -> bool:
    return (
        record.target_date is not None
        and record.target_date < today
        and record.status not in ("done", "discarded")
    )


def overdue_word() -> str:
    return QCoreApplication.translate("IdeaBoard", "overdue")


def card_description(record: IdeaRecord, today: dt.date) -> str:
    """What a screen reader says for a card: title, owner, format, due date, overdue."""
    parts = [
        record.title,
        QCoreApplication.translate("IdeaBoard", "owner: %1").replace("%1", record.owner or "–"),
        enum_labels(IdeaFormat).get(record.format, record.format),
    ]
    if record.target_date is not None:
        parts.append(
            QCoreApplication.translate("IdeaBoard", "due %1").replace(
                "%1", fmt_date(record.target_date)
            )
        )
        if is_overdue(record, today):
            parts.append(overdue_word())
    return ", ".join(parts)


def _board_key(record: IdeaRecord) -> tuple[float, int]:
    return record.board_rank, record.id


class BoardColumnModel(QAbstractListModel):
    """The cards of one status in board order (rank, id) — at most :attr:`limit` of them.

    The model keeps every matching idea in :attr:`_all` but shows only the first ``limit``:
    QListView lays out every item it is given (two Python ``rowCount`` calls per card), and
    a column of 20,000 cards is nothing anyone reads.  The column's footer says how many more
    there are; search and filters bring them up.
    """

    limit = 200

    def __init__(self, status: str, today: Callable[[], dt.date], parent: Any = None) -> None:
        super().__init__(parent)
        self.status = status
        self._today = today  # the context's clock (overdue cards say so)
        self._all: list[IdeaRecord] = []  # every card of this column under the filter
        self._rows: list[IdeaRecord] = []  # the shown ones: _all[:limit]
        self.editable = True
        self.drop_handler: DropHandler | None = None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        record = self._rows[row]
        if role == _OBJECT:
            return record
        if role == _DISPLAY:
            return record.title
        if role == _ID_ROLE:
            return record.id
        if role == _ACCESSIBLE:
            return card_description(record, self._today())
        return record.hook or record.title  # tooltip

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():  # dropping between cards / on empty space
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        return _CARD_FLAGS if self.editable else _READ_ONLY_FLAGS

    # drag and drop: every drop ends here, whatever view it happened in
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_ids(self._rows[r].id for r in rows)

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        return self.editable and data.hasFormat(MIME_TYPE) and not parent.isValid()

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if action == Qt.DropAction.IgnoreAction:
            return True
        ids = decode_ids(data)
        if not ids or self.drop_handler is None:
            return False
        if not 0 <= row < len(self._rows):
            row = len(self._rows)  # below the last shown card: stays in view
        before = self.id_at(row)
        while before in ids:  # dropped just above itself: go before the next other card
            row += 1
            before = self.id_at(row)
        self.drop_handler(ids, self.status, before)
        return True

    # our interface
    def rows(self) -> list[IdeaRecord]:
        """The shown cards."""
        return self._rows

    def total(self) -> int:
        """Cards of this column under the filter, shown or not."""
        return len(self._all)

    def id_at(self, position: int) -> int | None:
        """Id of the card at ``position`` of the whole column (None past its end)."""
        return self._all[position].id if 0 <= position < len(self._all) else None

    def set_rows(self, rows: list[IdeaRecord]) -> None:
        self.beginResetModel()
        self._all = list(rows)  # changed in place by upsert/remove: never the caller's list
        self._rows = rows[: self.limit]
        self.endResetModel()

    def row_of(self, idea_id: int) -> int:
        """Row of a shown card, or -1."""
        for row, record in enumerate(self._rows):
            if record.id == idea_id:
                return row
        return -1

    def _position(self, idea_id: int) -> int:
        for position, record in enumerate(self._all):
            if record.id == idea_id:
                return position
        return -1

    def upsert(self, record: IdeaRecord) -> int:
        """Show a new or changed card at its rank position; returns its row (-1: not shown
        because it falls behind the limit)."""
        position = self._position(record.id)
        if position >= 0:
            if _board_key(self._all[position]) == _board_key(record):
                self._all[position] = record
                if position < len(self._rows):
                    self._rows[position] = record
                    self.dataChanged.emit(self.index(position), self.index(position))
                return position if position < len(self._rows) else -1
            self._take(position)
        position = bisect.bisect_left(self._all, _board_key(record), key=_board_key)
        self._all.insert(position, record)
        if position < self.limit:
            self.beginInsertRows(QModelIndex(), position, position)
            self._rows.insert(position, record)
            self.endInsertRows()
        self._sync_tail()
        return position if position < self.limit else -1

    def remove_id(self, idea_id: int) -> bool:
        position = self._position(idea_id)
        if position < 0:
            return False
        self._take(position)
        self._sync_tail()
        return True

    def _take(self, position: int) -> None:
        del self._all[position]
        if position < len(self._rows):
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            self.endRemoveRows()

    def _sync_tail(self) -> None:
        """Keep the shown cards equal to the first ``limit`` of the column."""
        want = min(len(self._all), self.limit)
        have = len(self._rows)
        if have > want:
            self.beginRemoveRows(QModelIndex(), want, have - 1)
            del self._rows[want:]
            self.endRemoveRows()
        elif have < want:
            self.beginInsertRows(QModelIndex(), have, want - 1)
            self._rows.extend(self._all[have:want])
            self.endInsertRows()


def two_lines(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """Word-wrap ``text`` into at most two lines, the second elided."""
    if metrics.horizontalAdvance(text) <= width:
        return [text]
    words = text.split()
    first = ""
    for count in range(1, len(words) + 1):
        candidate = " ".join(words[:count])
        if metrics.horizontalAdvance(candidate) > width:
            break
        first = candidate
    if not first:  # the first word alone is too wide: break after a hyphen, or elide it
        word = words[0] if words else text
        hyphen = word.rfind("-", 0, len(word) - 1)
        while hyphen > 0 and metrics.horizontalAdvance(word[: hyphen + 1]) > width:
            hyphen = word.rfind("-", 0, hyphen)
        if hyphen <= 0:
            return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)]
        first = word[: hyphen + 1]
    rest = text[len(first) :].strip()
    return [first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]


class CardDelegate(QStyledItemDelegate):
    """Paints a card: status colour bar, title, format · audience, owner · due date.

    The texts of a card (wrapped, elided) are worked out once per idea version and width and
    kept, so repainting a column after a keystroke only draws.
    """

    def __init__(self, today: Callable[[], dt.date], parent: Any = None) -> None:
        super().__init__(parent)
        self._formats = enum_labels(IdeaFormat)
        self._audiences = enum_labels(Audience)
        self._texts: dict[tuple[IdeaRecord, int], _CardTexts] = {}
        self._bold: dict[str, QFont] = {}
        self._colours = theme.SWATCH  # fitted to the palette in force
        self._today = today()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(160, 4 * line + 26)

    def _bold_font(self, font: QFont) -> QFont:
        key = font.key()
        bold = self._bold.get(key)
        if bold is None:
            bold = QFont(font)
            bold.setBold(True)
            self._bold[key] = bold
        return bold

    def _card_texts(
        self, record: IdeaRecord, width: int, option: QStyleOptionViewItem
    ) -> _CardTexts:
        key = (record, width)
        texts = self._texts.get(key)
        if texts is not None:
            return texts
        if len(self._texts) > 5000:
            self._texts.clear()
        metrics = option.fontMetrics
        title = two_lines(record.title, QFontMetrics(self._bold_font(option.font)), width)
        kind = (
            f"{self._formats.get(record.format, record.format)} · "
            f"{self._audiences.get(record.audience, record.audience)}"
        )
        due = fmt_date(record.target_date)
        overdue = is_overdue(record, self._today)
        if overdue:  # said in words, not by colour alone (WCAG 1.4.1)
            due = f"{overdue_word()} {due}"
        due_width = metrics.horizontalAdvance(due) + 4 if due else 0
        owner = metrics.elidedText(
            record.owner or "–", Qt.TextElideMode.ElideRight, width - due_width
        )
        texts = _CardTexts(
            title,
            metrics.elidedText(kind, Qt.TextElideMode.ElideRight, width),
            owner,
            due,
            due_width,
            overdue,
        )
        self._texts[key] = texts
        return texts

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        record: IdeaRecord | None = index.data(Role.OBJECT)
        if record is None:
            return
        painter.save()
        palette = option.palette
        card = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        background = palette.color(QPalette.ColorRole.Base)
        border = palette.color(QPalette.ColorRole.Mid)
        if selected:
            background = theme.selected_card(palette)
            border = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(border, 2 if selected or focused else 1))
        painter.setBrush(background)
        painter.drawRoundedRect(card, 5, 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colours.get(record.status, palette.color(QPalette.ColorRole.Mid)))
        painter.drawRoundedRect(QRect(card.left(), card.top(), 5, card.height()), 2, 2)

        line = option.fontMetrics.height()
        text_rect = card.adjusted(12, 5, -8, -5)
        texts = self._card_texts(record, text_rect.width(), option)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        first = QRect(text_rect.left(), text_rect.top(), text_rect.width(), line)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(self._bold_font(option.font))
        for offset, text in enumerate(texts.title):
            painter.drawText(first.translated(0, offset * line), left, text)
        painter.setFont(option.font)
        muted = theme.muted(background, palette)
        painter.setPen(muted)
        second = first.translated(0, 2 * line + 4)
        painter.drawText(second, left, texts.kind)
        third = second.translated(0, line + 2)
        painter.drawText(third.adjusted(0, 0, -texts.due_width, 0), left, texts.owner)
        if texts.due:
            painter.setPen(theme.text("bad", background, palette) if texts.overdue else muted)
            painter.drawText(
                third, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, texts.due
            )
        painter.restore()


class _CardTexts(NamedTuple):
    title: list[str]
    kind: str
    owner: str
    due: str
    due_width: int
    overdue: bool


class BoardListView(QListView):
    """One board column: cards are dragged out of it and dropped into it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSpacing(0)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(80)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)


class IdeaBoard(QWidget):
    """Six columns, one per status; emits requests, never writes itself."""

    move_requested = Signal(list, str, object)  # idea ids, status, before id or None
    idea_activated = Signal(int)
    selection_changed = Signal()
    context_menu_requested = Signal(QPoint)

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        """``today``: the context's clock, for the overdue mark."""
        super().__init__(parent)
        self.setObjectName("ideaBoard")
        self.statuses = [s.value for s in IdeaStatus]
        self.models: dict[str, BoardColumnModel] = {}
        self.views: dict[str, BoardListView] = {}
        self._headers: dict[str, QLabel] = {}
        self._more: dict[str, QLabel] = {}
        self._editable = True
        delegate = CardDelegate(today, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for status in IdeaStatus:
            frame = QFrame()
            frame.setObjectName(f"boardColumn_{status.value}")
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            column = QVBoxLayout(frame)
            column.setContentsMargins(2, 4, 2, 2)
            column.setSpacing(2)
            header = QLabel()
            header.setStyleSheet(
                f"QLabel {{ font-weight: bold; padding: 2px 6px;"
                f" border-bottom: 3px solid {theme.SWATCH[status.value].name()}; }}"
            )
            header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            column.addWidget(header)
            model = BoardColumnModel(status.value, today, self)
            model.drop_handler = self._on_drop
            view = BoardListView()
            view.setObjectName(f"boardList_{status.value}")
            view.setModel(model)
            view.setItemDelegate(delegate)
            view.setAccessibleName(status.label)
            view.doubleClicked.connect(self._on_activated)  # Return: the tab's Edit action
            view.selectionModel().selectionChanged.connect(
                lambda _sel, _desel, s=status.value: self._on_selection(s)
            )
            view.customContextMenuRequested.connect(
                lambda pos, v=view: self.context_menu_requested.emit(v.viewport().mapToGlobal(pos))
            )
            header.setBuddy(view)
            column.addWidget(view, 1)
            more = QLabel()
            more.setObjectName(f"boardMore_{status.value}")
            more.setWordWrap(True)
            more.setStyleSheet(f"QLabel {{ {theme.css('muted')} padding: 2px 6px; }}")
            more.setVisible(False)
            column.addWidget(more)
            layout.addWidget(frame, 1)
            self.models[status.value] = model
            self.views[status.value] = view
            self._headers[status.value] = header
            self._more[status.value] = more
        self._build_key_actions()
        self._update_headers()

    def _build_key_actions(self) -> None:
        """Ctrl+arrows move the current card; the same path as a drop (accessibility)."""
        specs = [
            (
                "move_left",
                self.tr("Move card to previous status"),
                "Ctrl+Left",
                lambda: self.move_current(-1, 0),
            ),
            (
                "move_right",
                self.tr("Move card to next status"),
                "Ctrl+Right",
                lambda: self.move_current(1, 0),
            ),
            ("move_up", self.tr("Move card up"), "Ctrl+Up", lambda: self.move_current(0, -1)),
            ("move_down", self.tr("Move card down"), "Ctrl+Down", lambda: self.move_current(0, 1)),
        ]
        self.key_actions: dict[str, QAction] = {}
        for name, text, keys, slot in specs:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.key_actions[name] = action

    # ------------------------------------------------------------------ content
    def set_records(self, rows: Iterable[IdeaRecord]) -> None:
        """Show ``rows`` (in board order) grouped by status."""
        rows = rows if isinstance(rows, list) else list(rows)
        self.set_groups({s: [r for r in rows if r.status == s] for s in self.statuses})

    def set_groups(self, groups: dict[str, list[IdeaRecord]]) -> None:
        """Show the cards of each status (each list in board order)."""
        for status, model in self.models.items():
            model.set_rows(groups.get(status, []))
        self._update_headers()

    def show_record(self, record: IdeaRecord, visible: bool) -> None:
        """An idea changed (or appeared): move its card where it belongs, or hide it."""
        for status, model in self.models.items():
            if status != record.status or not visible:
                model.remove_id(record.id)
        if visible and record.status in self.models:
            self.models[record.status].upsert(record)
        self._update_headers()

    def remove_record(self, idea_id: int) -> None:
        for model in self.models.values():
            model.remove_id(idea_id)
        self._update_headers()

    def _update_headers(self) -> None:
        locale = QLocale()
        for status in IdeaStatus:
            model = self.models[status.value]
            total = model.total()
            header = self._headers[status.value]
            header.setText(f"{status.label} ({locale.toString(total)})")
            header.setToolTip(header.text())  # a narrow column (large font) cuts the text
            hidden = total - model.rowCount()
            more = self._more[status.value]
            more.setVisible(hidden > 0)
            if hidden > 0:
                more.setText(
                    self.tr("+ %1 more – search or filter to see them").replace(
                        "%1", locale.toString(hidden)
                    )
                )

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for model in self.models.values():
            model.editable = editable
        for view in self.views.values():
            view.setDragEnabled(editable)
            view.setAcceptDrops(editable)
        for action in self.key_actions.values():
            action.setEnabled(editable)

    # ------------------------------------------------------------------ selection
    def current_view(self) -> BoardListView | None:
        for view in self.views.values():
            if view.hasFocus():
                return view
        for view in self.views.values():
            if view.selectionModel().hasSelection():
                return view
        return None

    def selected_ids(self) -> list[int]:
        ids: list[int] = []
        for status in self.statuses:
            view = self.views[status]
            rows = sorted(i.row() for i in view.selectionModel().selectedIndexes())
            ids.extend(self.models[status].rows()[r].id for r in rows)
        return ids

    def select_id(self, idea_id: int, *, focus: bool = True) -> bool:
        for status, model in self.models.items():
            row = model.row_of(idea_id)
            if row >= 0:
                view = self.views[status]
                index = model.index(row)
                view.setCurrentIndex(index)  # selects it and clears the other columns
                view.scrollTo(index)
                if focus:
                    view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _on_selection(self, status: str) -> None:
        view = self.views[status]
        if view.selectionModel().hasSelection():
            for other, other_view in self.views.items():
                if other != status and other_view.selectionModel().hasSelection():
                    other_view.selectionModel().clearSelection()
        self.selection_changed.emit()

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        idea_id = index.data(Role.ID)
        if idea_id is not None:
            self.idea_activated.emit(int(idea_id))

    # ------------------------------------------------------------------ moving
    def _on_drop(self, ids: list[int], status: str, before_id: int | None) -> None:
        self.move_requested.emit(ids, status, before_id)

    def move_current(self, column_step: int, row_step: int) -> bool:
        """Move the current card one column left/right (below the shown cards there) or one
        place up/down."""
        if not self._editable:
            return False
        view = self.current_view()
        if view is None or not view.currentIndex().isValid():
            return False
        model = view.model()
        assert isinstance(model, BoardColumnModel)
        row = view.currentIndex().row()
        idea_id = model.rows()[row].id
        if column_step:
            position = self.statuses.index(model.status) + column_step
            if not 0 <= position < len(self.statuses):
                return False
            target = self.models[self.statuses[position]]
            # last of the shown cards, so that it stays in view in a long column
            self.move_requested.emit([idea_id], target.status, target.id_at(target.rowCount()))
            return True
        if row_step < 0:
            if row == 0:
                return False
            before = model.id_at(row - 1)
        else:
            if row + 1 >= model.rowCount():  # last shown card (hidden ones may follow)
                return False
            before = model.id_at(row + 2)
        self.move_requested.emit([idea_id], model.status, before)
        return True
