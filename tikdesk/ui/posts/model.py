"""Table model and filter proxy for the post list."""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from tikdesk.domain.enums import PostStatus
from tikdesk.domain.gate import GateStatus
from tikdesk.services.posts import PostSummary
from tikdesk.ui.posts.badges import (
    fmt_datetime,
    post_gate_colour,
    post_gate_icon,
    post_gate_text,
)

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TITLE = 0
    GATE = 1
    STATUS = 2
    PLANNED = 3
    PEOPLE = 4
    AUTHOR = 5


class Role(IntEnum):
    POST = Qt.ItemDataRole.UserRole + 1
    SORT = Qt.ItemDataRole.UserRole + 2


_GATE_RANK = {GateStatus.BLOCKED: 0, GateStatus.WARNINGS: 1, GateStatus.CLEAR: 2}
_STATUS_RANK = {s: n for n, s in enumerate(PostStatus)}


class PostTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PostSummary] = []

    def set_posts(self, posts: list[PostSummary]) -> None:
        self.beginResetModel()
        self._rows = list(posts)
        self.endResetModel()

    def post_at(self, row: int) -> PostSummary:
        return self._rows[row]

    def row_of(self, post_id: int) -> int:
        return next((n for n, p in enumerate(self._rows) if p.id == post_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.TITLE: self.tr("Title"),
            Column.STATUS: self.tr("Status"),
            Column.PLANNED: self.tr("Planned"),
            Column.GATE: self.tr("Clearance"),
            Column.PEOPLE: self.tr("People"),
            Column.AUTHOR: self.tr("Author"),
        }[Column(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        post = self._rows[index.row()]
        column = Column(index.column())
        if role == Role.POST:
            return post
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(post, column)
        if role == Role.SORT:
            return self._sort_key(post, column)
        if column is Column.GATE:
            if role == Qt.ItemDataRole.DecorationRole:
                return post_gate_icon(post.status, post.gate, post.take_down)
            if role == Qt.ItemDataRole.ForegroundRole:
                return post_gate_colour(post.status, post.gate, post.take_down)
            if role == Qt.ItemDataRole.ToolTipRole and (post.blockers or post.warnings):
                return "\n".join(f"• {t}" for t in (*post.blockers, *post.warnings))
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.TITLE and post.idea_id:
            return self.tr("Created from idea #%1").replace("%1", str(post.idea_id))
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.STATUS and post.approved_by:
            return self.tr("Approved by %1").replace("%1", post.approved_by)
        return None

    def _display(self, post: PostSummary, column: Column) -> str:
        if column is Column.TITLE:
            return post.title
        if column is Column.STATUS:
            return post.status.label
        if column is Column.PLANNED:
            return fmt_datetime(
                post.published_at if post.closed and post.published_at else post.planned_at
            )
        if column is Column.GATE:
            text = post_gate_text(post.status, post.gate, post.take_down)
            if post.gate is GateStatus.BLOCKED and not post.closed and post.blockers:
                text += f" ({len(post.blockers)})"
            return text
        if column is Column.PEOPLE:
            return str(post.people) + (" ⚠" if post.minor_present else "")
        return post.author

    def _sort_key(self, post: PostSummary, column: Column) -> Any:
        if column is Column.PLANNED:
            when = post.published_at if post.closed and post.published_at else post.planned_at
            return (when or dt.datetime.max).isoformat()
        if column is Column.GATE:
            return (0 if post.take_down else 1, _GATE_RANK[post.gate])
        if column is Column.STATUS:
            return _STATUS_RANK[post.status]
        if column is Column.PEOPLE:
            return post.people
        return self._display(post, column).casefold()


class PostFilterProxyModel(QSortFilterProxyModel):
    """Search text over title/author; status filter; "needs attention" filter."""

    ALL = ""
    ATTENTION = "attention"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._status = self.ALL
        self.setSortRole(Role.SORT)

    def set_text(self, text: str) -> None:
        self._text = text.casefold().strip()
        self.invalidateFilter()

    def set_status(self, status: str) -> None:
        self._status = status
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        post: PostSummary = model.data(model.index(source_row, 0, source_parent), Role.POST)
        if self._text and self._text not in f"{post.title} {post.author}".casefold():
            return False
        if self._status == self.ATTENTION:
            return post.take_down or (not post.closed and post.gate is GateStatus.BLOCKED)
        return not self._status or post.status.value == self._status

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(Role.SORT), right.data(Role.SORT)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
