"""The backlog table model: a list of plain idea records, filtered and sorted in Python.

No ``QSortFilterProxyModel``: the tab filters with :class:`IdeaIndex` and resets this model
with the result; a header click sorts here with precomputed keys (ARCHITECTURE.md §6).
Single-idea changes use ``dataChanged`` / row inserts / row removals, never a reset.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from enum import IntEnum
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from tikdesk.domain.enums import LabeledEnum
from tikdesk.domain.fields import Kind
from tikdesk.domain.fmt import fmt_date, fmt_datetime
from tikdesk.domain.i18n import language
from tikdesk.domain.ideas import IDEA_FIELDS
from tikdesk.services.idea_query import IdeaIndex
from tikdesk.services.ideas import IdeaRecord
from tikdesk.ui import theme

AnyIndex = QModelIndex | QPersistentModelIndex
_ID = attrgetter("id")


#: The table's columns: the fields declared with a ``column`` (tikdesk.domain.ideas).
COLUMN_SPECS = IDEA_FIELDS.columns
#: Which record field (and sort key) each column shows.
COLUMN_FIELD: tuple[str, ...] = tuple(spec.key for spec in COLUMN_SPECS)
COLUMN_COUNT = len(COLUMN_FIELD)


#: The text fields the editor and the detail pane build by hand; any other editable text
#: field of the declaration gets a plain line there (EXTRA_TEXT_FIELDS).
_HAND_MADE = frozenset({"title", "hook", "description", "owner", "tags", "pillar", "sound_ref"})
EXTRA_TEXT_FIELDS = tuple(
    s for s in IDEA_FIELDS.of_kind(Kind.LINE, Kind.TEXT) if s.editable and s.key not in _HAND_MADE
)


class Column:
    """Positions of the columns the UI code names; every other one follows the declaration."""

    TITLE = COLUMN_FIELD.index("title")
    STATUS = COLUMN_FIELD.index("status")
    OWNER = COLUMN_FIELD.index("owner")
    TARGET_DATE = COLUMN_FIELD.index("target_date")


class Role(IntEnum):
    OBJECT = Qt.ItemDataRole.UserRole + 1  # the IdeaRecord
    ID = Qt.ItemDataRole.UserRole + 2


#: Status colours, shared by table and board: the theme's swatches (3:1 on the surface).
STATUS_COLOURS: dict[str, str] = {k: v.name() for k, v in theme.SWATCH.items()}


# Plain ints and tuples for the hot path of data(): enum comparisons cost microseconds each.
_FIELDS = COLUMN_FIELD
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_OBJECT = int(Role.OBJECT)
_ID_ROLE = int(Role.ID)
_ANSWERED = frozenset({_DISPLAY, _ACCESSIBLE, _DECORATION, _TOOLTIP, _OBJECT, _ID_ROLE})
_STATUS = Column.STATUS
_DATES = frozenset(s.key for s in IDEA_FIELDS.of_kind(Kind.DATE))
_TIMES = frozenset(s.key for s in IDEA_FIELDS.of_kind(Kind.DATETIME))
_TITLE = Column.TITLE
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


def enum_labels(enum: type[LabeledEnum]) -> dict[str, str]:
    return {member.value: member.label for member in enum}


class IdeaTableModel(QAbstractTableModel):
    """Rows are :class:`IdeaRecord` objects; the row list is replaced, never filtered here."""

    def __init__(self, index: IdeaIndex, parent: Any = None) -> None:
        super().__init__(parent)
        self._index = index
        self._rows: list[IdeaRecord] = []
        self._row_of: dict[int, int] | None = None
        self._sort: tuple[str, bool] | None = None
        self._source: Callable[[tuple[str, bool]], list[IdeaRecord]] | None = None
        self._labels = {key: enum_labels(enum) for key, enum in IDEA_FIELDS.enums.items()}
        self._colours = theme.SWATCH  # fitted to the palette in force
        lang = 0 if language() == "de" else 1
        self._headers = [spec.column.label[lang] for spec in COLUMN_SPECS if spec.column]

    # ------------------------------------------------------------------ Qt interface
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting asks ~7 roles per visible cell: answer the unused ones first and cheaply.
        if role not in _ANSWERED:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        record = self._rows[row]
        if role in (_DISPLAY, _ACCESSIBLE):
            return self._display(record, index.column())
        if role == _DECORATION:
            return self._colours.get(record.status) if index.column() == _STATUS else None
        if role == _OBJECT:
            return record
        if role == _ID_ROLE:
            return record.id
        if role == _TOOLTIP and index.column() == _TITLE:
            return record.hook or record.title
        return None

    def _display(self, record: IdeaRecord, column: int) -> str:
        field = _FIELDS[column]
        value = getattr(record, field)
        labels = self._labels.get(field)
        if labels is not None:
            return labels.get(value, str(value))  # the labelled fields are str already
        if value is None:
            return ""
        if field in _DATES:
            return fmt_date(value)
        if field in _TIMES:
            return fmt_datetime(value)
        return str(value)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < COLUMN_COUNT else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header click: sort the current rows in Python, keeping the selection.

        Column -1 (sort indicator cleared) goes back to board order."""
        if 0 <= column < COLUMN_COUNT:
            self._sort = (COLUMN_FIELD[column], order == Qt.SortOrder.DescendingOrder)
        else:
            self._sort = None
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()  # selection ranges and the current index
        kept = [(p, self._rows[p.row()]) for p in persistent if p.row() < len(self._rows)]
        sort = self._sort or ("board", False)
        if self._source is not None:
            self._rows = self._source(sort)
        else:
            self._rows = self._index.sort(self._rows, *sort)
        self._row_of = None
        if kept:
            # Few distinct ideas (a selection range is two indexes per column): find them in
            # a plain list of ids, where list.index() compares ints in C.
            wanted = {r.id for _p, r in kept}
            if len(wanted) > 20:
                row_of = self._row_map()
            else:
                ids = list(map(_ID, self._rows))
                row_of = {}
                for idea_id in wanted:
                    with suppress(ValueError):  # not shown any more
                        row_of[idea_id] = ids.index(idea_id)
            self.changePersistentIndexList(
                [p for p, _r in kept],
                [
                    self.index(row_of[r.id], p.column()) if r.id in row_of else QModelIndex()
                    for p, r in kept
                ],
            )
        self.layoutChanged.emit()

    # ------------------------------------------------------------------ our interface
    def set_row_source(self, source: Callable[[tuple[str, bool]], list[IdeaRecord]]) -> None:
        """Where a header click gets its rows: ``source((column, descending))`` returns the
        rows shown now in that order (the tab re-filters the index's cached sorted list,
        which is faster than sorting the shown rows again)."""
        self._source = source

    def sort_state(self) -> tuple[str, bool] | None:
        """(column field, descending) of the current sort, or None (board order)."""
        return self._sort

    def set_rows(self, rows: list[IdeaRecord], *, sorted_already: bool = False) -> None:
        """Replace every row (a filter change); ``rows`` must be in the current sort order
        unless ``sorted_already`` is False, in which case they are sorted here."""
        self.beginResetModel()
        if self._sort is not None and not sorted_already:
            rows = self._index.sort(rows, *self._sort)
        self._rows = rows
        self._row_of = None
        self.endResetModel()

    def rows(self) -> list[IdeaRecord]:
        return self._rows

    def record(self, row: int) -> IdeaRecord:
        return self._rows[row]

    def _row_map(self) -> dict[int, int]:
        if self._row_of is None:
            self._row_of = {r.id: n for n, r in enumerate(self._rows)}
        return self._row_of

    def row_of(self, idea_id: int) -> int:
        """Row of an idea, or -1 when it is not shown."""
        if self._row_of is not None:
            return self._row_of.get(idea_id, -1)
        try:  # one C-level scan of the ids beats building a 50,000-entry dict for one edit
            return list(map(_ID, self._rows)).index(idea_id)
        except ValueError:
            return -1

    def replace_record(self, record: IdeaRecord, old: IdeaRecord | None = None) -> bool:
        """Show a changed idea in its row (position kept until the next sort/filter).

        ``old``, the version shown now, makes finding the row a C-level identity search."""
        row = -1
        if old is not None and self._row_of is None:
            with suppress(ValueError):
                row = self._rows.index(old)
        if row < 0 or self._rows[row].id != record.id:
            row = self.row_of(record.id)
        if row < 0:
            return False
        self._rows[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        return True

    def insert_record(self, record: IdeaRecord) -> int:
        """Insert an idea where the current sort puts it; returns its row."""
        if self._sort is None:
            row = len(self._rows)
        else:
            row = self._index.insert_position(self._rows, record, *self._sort)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, record)
        self._row_of = None
        self.endInsertRows()
        return row

    def remove_id(self, idea_id: int) -> bool:
        row = self.row_of(idea_id)
        if row < 0:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._row_of = None
        self.endRemoveRows()
        return True
