"""Live refresh on a team database (issue 17): which records other clients changed.

:class:`ChangeFeed` wraps the listening connection of :mod:`tikdesk.storage.notify` and
translates table names into what the screens show: an idea, a post (its checklist, people
and approvals belong to it) or a person (with their consents).  The GUI watches
:meth:`ChangeFeed.fileno` and calls :meth:`ChangeFeed.pending` when it becomes readable.
"""

from __future__ import annotations

from dataclasses import dataclass

from tikdesk.services.context import AppContext
from tikdesk.storage.notify import Change, ChangeListener

#: table -> the kind of record the screens show
KIND = {
    "idea": "idea",
    "post": "post",
    "appearance": "post",
    "checklist_result": "post",
    "approval": "post",
    "person": "person",
    "consent": "person",
}


@dataclass(frozen=True)
class Changed:
    """Records of one kind changed elsewhere; ``ids`` None: reload them all.

    For child tables (checklist, appearance, approval, consent) the ids are the child rows',
    so the screens reload that kind as a whole: ``ids`` is then None as well."""

    kind: str
    ids: frozenset[int] | None


def _to_changed(change: Change) -> Changed | None:
    kind = KIND.get(change.table)
    if kind is None:
        return None
    own = change.table == kind
    return Changed(kind, change.ids if own else None)


def merge(changes: list[Changed]) -> list[Changed]:
    """One entry per kind: the union of ids, or None when any says 'all'."""
    merged: dict[str, frozenset[int] | None] = {}
    for c in changes:
        if c.kind in merged:
            before = merged[c.kind]
            merged[c.kind] = None if before is None or c.ids is None else before | c.ids
        else:
            merged[c.kind] = c.ids
    return [Changed(k, v) for k, v in merged.items()]


class ChangeFeed:
    """Changes made by other clients of the same team database."""

    def __init__(self, ctx: AppContext) -> None:
        self._listener = ChangeListener(ctx.db)
        ctx.db.add_close_hook(self.close)

    @staticmethod
    def available(ctx: AppContext) -> bool:
        return ctx.db.on_server

    def fileno(self) -> int:
        return self._listener.fileno()

    @property
    def lost(self) -> bool:
        return self._listener.lost

    def pending(self) -> list[Changed]:
        found = [c for c in map(_to_changed, self._listener.pending()) if c is not None]
        return merge(found)

    def close(self) -> None:
        self._listener.close()
