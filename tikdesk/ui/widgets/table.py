"""A table model over plain read objects, sorted in Python, and its filter proxy.

Shared by the post and people lists (:mod:`tikdesk.ui.widgets.list_detail`).  A header
click sorts the rows here with ``sorted()`` and one key per row (thousands of rows in
milliseconds); the proxy only filters and keeps the model's order — a
``QSortFilterProxyModel`` sort would ask ``data()`` twice for each of the ~60,000
comparisons of 5,000 rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
#: Painting asks ~7 roles per visible cell: only these (and the record role) are answered.
_STYLED = frozenset(
    {
        _DISPLAY,
        Qt.ItemDataRole.DecorationRole.value,
        Qt.ItemDataRole.ForegroundRole.value,
        Qt.ItemDataRole.ToolTipRole.value,
    }
)


class Identified(Protocol):
    @property
    def id(self) -> int: ...


T = TypeVar("T", bound=Identified)


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Rows are read objects with an ``id``, in the service's order until sorted.

    Subclasses give ``column_count``, ``record_role`` (the role that hands out the record
    itself, through the proxy), the header texts in ``_headers``, :meth:`display`,
    :meth:`styled` and :meth:`sort_key`.
    """

    column_count = 0
    record_role = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: dict[int, str] = {}
        self._answered = _STYLED | {int(self.record_role)}
        self._given: list[T] = []  # the service's order
        self._rows: list[T] = []  # as shown (sorted)
        self._row_of: dict[int, int] | None = None
        self._sort: tuple[int, bool] | None = None

    # ---------------------------------------------------------------- ours
    def sort_key(self, column: int) -> Callable[[T], Any]:
        raise NotImplementedError

    def display(self, record: T, column: int) -> str:
        raise NotImplementedError

    def styled(self, record: T, column: int, role: int) -> Any:
        """Icon, colour or tooltip of a cell (default: none)."""
        return None

    def set_records(self, records: Sequence[T]) -> None:
        """Replace every row (kept in the current sort order)."""
        self.beginResetModel()
        self._given = list(records)
        self._rows = self._ordered()
        self._row_of = None
        self.endResetModel()

    def record_at(self, row: int) -> T:
        return self._rows[row]

    def records(self) -> list[T]:
        return list(self._rows)

    def row_of(self, ident: int) -> int:
        """The row showing the record with this id, or -1."""
        if self._row_of is None:
            self._row_of = {r.id: n for n, r in enumerate(self._rows)}
        return self._row_of.get(ident, -1)

    def _ordered(self) -> list[T]:
        if self._sort is None:
            return list(self._given)
        column, descending = self._sort
        # Stable both ways: equal keys keep the service's order, as Qt's own sort does.
        return sorted(self._given, key=self.sort_key(column), reverse=descending)

    # ---------------------------------------------------------------- Qt
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in self._answered or not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == _DISPLAY:
            return self.display(record, index.column())
        if role == self.record_role:
            return record
        return self.styled(record, index.column(), role)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.column_count

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python; selection and current row follow their records."""
        descending = order == Qt.SortOrder.DescendingOrder
        self._sort = (column, descending) if 0 <= column < self.column_count else None
        self.layoutAboutToBeChanged.emit()
        kept = [
            (p, self._rows[p.row()].id)
            for p in self.persistentIndexList()
            if 0 <= p.row() < len(self._rows)
        ]
        self._rows = self._ordered()
        self._row_of = None
        if kept:
            self.changePersistentIndexList(
                [p for p, _ in kept],
                [
                    self.index(row, p.column())
                    if (row := self.row_of(ident)) >= 0
                    else QModelIndex()
                    for p, ident in kept
                ],
            )
        self.layoutChanged.emit()


class RecordFilterProxy(QSortFilterProxyModel):
    """Filters rows by a search text in :meth:`haystack` and :meth:`accepts`; sorting is
    left to the source model."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""

    def set_text(self, text: str) -> None:
        self.refilter(lambda: setattr(self, "_text", text.casefold().strip()))

    def haystack(self, record: Any) -> str:
        """The text the search looks in (casefolded here)."""
        return ""

    def accepts(self, record: Any) -> bool:
        return True

    def refilter(self, change: Callable[[], None]) -> None:
        """Apply ``change`` to the filter settings and filter the rows again."""
        self.beginFilterChange()  # (invalidateFilter() is deprecated)
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self.sourceModel()
        assert isinstance(source, RecordTableModel)
        record = source.record_at(source_row)
        if self._text and self._text not in self.haystack(record).casefold():
            return False
        return self.accepts(record)
