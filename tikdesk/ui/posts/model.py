"""Table model and filter proxy for the post list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt

from tikdesk.domain.enums import PostStatus
from tikdesk.domain.gate import GateStatus
from tikdesk.services.posts import PostSummary
from tikdesk.ui.widgets.badges import post_gate_colour, post_gate_icon, post_gate_text
from tikdesk.ui.widgets.fmt import fmt_datetime
from tikdesk.ui.widgets.table import RecordFilterProxy, RecordTableModel


class Column(IntEnum):
    TITLE = 0
    GATE = 1
    STATUS = 2
    PLANNED = 3
    PEOPLE = 4
    AUTHOR = 5


class Role(IntEnum):
    POST = Qt.ItemDataRole.UserRole + 1


_GATE_RANK = {GateStatus.BLOCKED: 0, GateStatus.WARNINGS: 1, GateStatus.CLEAR: 2}
_STATUS_RANK = {s: n for n, s in enumerate(PostStatus)}
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_TITLE, _GATE, _STATUS, _PLANNED, _PEOPLE, _AUTHOR = (int(c) for c in Column)


def shown_time(post: PostSummary) -> dt.datetime | None:
    """Published posts show when they went out, the others when they are planned."""
    return post.published_at if post.closed and post.published_at else post.planned_at


class PostTableModel(RecordTableModel[PostSummary]):
    column_count = len(Column)
    record_role = Role.POST

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = {
            Column.TITLE: self.tr("Title"),
            Column.STATUS: self.tr("Status"),
            Column.PLANNED: self.tr("Planned"),
            Column.GATE: self.tr("Clearance"),
            Column.PEOPLE: self.tr("People"),
            Column.AUTHOR: self.tr("Author"),
        }

    def styled(self, post: PostSummary, column: int, role: int) -> Any:
        if column == _GATE:
            if role == _DECORATION:
                return post_gate_icon(post.status, post.gate, post.take_down)
            if role == _FOREGROUND:
                return post_gate_colour(post.status, post.gate, post.take_down)
            if role == _TOOLTIP and (post.blockers or post.warnings):
                return "\n".join(f"• {t}" for t in (*post.blockers, *post.warnings))
        if role == _TOOLTIP and column == _TITLE and post.idea_id:
            return self.tr("Created from idea #%1").replace("%1", str(post.idea_id))
        if role == _TOOLTIP and column == _STATUS and post.approved_by:
            return self.tr("Approved by %1").replace("%1", post.approved_by)
        return None

    def display(self, post: PostSummary, column: int) -> str:
        if column == _TITLE:
            return post.title
        if column == _STATUS:
            return post.status.label
        if column == _PLANNED:
            return fmt_datetime(shown_time(post))
        if column == _GATE:
            # "Blockiert: Einwilligung" / "Offen: 14 Punkte" – why, not only whether
            return post.gate_text or post_gate_text(post.status, post.gate, post.take_down)
        if column == _PEOPLE:
            return str(post.people) + (" ⚠" if post.minor_present else "")
        return post.author

    def sort_key(self, column: int) -> Callable[[PostSummary], Any]:
        if column == _PLANNED:
            return lambda p: shown_time(p) or dt.datetime.max
        if column == _GATE:
            return lambda p: (0 if p.take_down else 1, _GATE_RANK[p.gate])
        if column == _STATUS:
            return lambda p: _STATUS_RANK[p.status]
        if column == _PEOPLE:
            return lambda p: p.people
        if column == _AUTHOR:
            return lambda p: p.author.casefold()
        return lambda p: p.title.casefold()


class PostFilterProxyModel(RecordFilterProxy):
    """Search text over title/author; status filter; "needs attention" filter."""

    ALL = ""
    ATTENTION = "attention"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = self.ALL

    def haystack(self, post: PostSummary) -> str:
        return f"{post.title} {post.author}"

    def set_status(self, status: str) -> None:
        self.refilter(lambda: setattr(self, "_status", status))

    def accepts(self, post: PostSummary) -> bool:
        if self._status == self.ATTENTION:
            return post.take_down or (not post.closed and post.gate is GateStatus.BLOCKED)
        return not self._status or post.status.value == self._status
