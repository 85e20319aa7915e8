"""Undoable idea actions for the window's QUndoStack.

Every command calls the service (one transaction per redo/undo) and then hands what changed
to the tab through ``apply(changed, removed)`` so that views update one row at a time.  A
known error (idea deleted by someone else, database read-only …) is reported, the command
becomes obsolete (the stack drops it) and the tab reloads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from tikdesk.domain.errors import TikDeskError
from tikdesk.services.ideas import EDITABLE, IdeaRecord, IdeaService, IdeaSnapshot

# apply(changed records, removed ids, id to select or None)
Apply = Callable[[Iterable[IdeaRecord], Iterable[int], int | None], None]
ReportError = Callable[[str], None]


def _short(title: str) -> str:
    return title if len(title) <= 40 else title[:39] + "…"


class IdeaCommand(QUndoCommand):
    """Base: runs the action on first redo, catches known errors."""

    def __init__(
        self, text: str, service: IdeaService, apply: Apply, report_error: ReportError
    ) -> None:
        super().__init__(text)
        self.service = service
        self.apply = apply
        self.report_error = report_error
        self.failed = False

    def redo(self) -> None:
        self._guard(self.do)

    def undo(self) -> None:
        self._guard(self.undo_action)

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except TikDeskError as exc:
            self.failed = True
            self.setObsolete(True)
            self.report_error(str(exc))
        except Exception:
            self.failed = True
            self.setObsolete(True)  # a bug: no undo entry for it; the crash handler reports
            raise

    def do(self) -> None:
        raise NotImplementedError

    def undo_action(self) -> None:
        raise NotImplementedError


class _CreatingCommand(IdeaCommand):
    """Creates one idea on the first redo; later redos restore it with the same id."""

    def __init__(
        self, text: str, service: IdeaService, apply: Apply, report_error: ReportError
    ) -> None:
        super().__init__(text, service, apply, report_error)
        self.idea_id: int | None = None
        self._snapshot: IdeaSnapshot | None = None

    def create(self) -> tuple[IdeaRecord, Sequence[IdeaRecord]]:
        raise NotImplementedError

    def do(self) -> None:
        if self._snapshot is None:
            record, others = self.create()
            self.idea_id = record.id
            self.apply([*others, record], [], record.id)
        else:
            (record,) = self.service.restore([self._snapshot])
            self.apply([record], [], record.id)

    def undo_action(self) -> None:
        assert self.idea_id is not None
        (self._snapshot,) = self.service.delete([self.idea_id])
        self.apply([], [self.idea_id], None)


class CreateIdeaCommand(_CreatingCommand):
    def __init__(
        self,
        values: Mapping[str, Any],
        service: IdeaService,
        apply: Apply,
        report_error: ReportError,
    ) -> None:
        title = _short(str(values.get("title", "")))
        super().__init__(
            QCoreApplication.translate("IdeaCommands", "New idea “%1”").replace("%1", title),
            service,
            apply,
            report_error,
        )
        self._values = dict(values)

    def create(self) -> tuple[IdeaRecord, Sequence[IdeaRecord]]:
        return self.service.create(self._values), ()


class DuplicateIdeaCommand(_CreatingCommand):
    def __init__(
        self, source: IdeaRecord, service: IdeaService, apply: Apply, report_error: ReportError
    ) -> None:
        super().__init__(
            QCoreApplication.translate("IdeaCommands", "Duplicate “%1”").replace(
                "%1", _short(source.title)
            ),
            service,
            apply,
            report_error,
        )
        self._source_id = source.id

    def create(self) -> tuple[IdeaRecord, Sequence[IdeaRecord]]:
        result = self.service.duplicate(self._source_id)
        return result.record, result.reranked


class ChangeIdeasCommand(IdeaCommand):
    """An edit of one idea or the same change to many (bulk status/owner/priority)."""

    def __init__(
        self,
        text: str,
        ids: Sequence[int],
        changes: Mapping[str, Any],
        service: IdeaService,
        apply: Apply,
        report_error: ReportError,
        expected_version: int | None = None,
    ) -> None:
        super().__init__(text, service, apply, report_error)
        self._ids = list(ids)
        self._changes = dict(changes)
        self._expected = expected_version
        self._before: dict[int, dict[str, Any]] | None = None
        self._after: dict[int, dict[str, Any]] = {}

    def do(self) -> None:
        if self._before is None:
            if len(self._ids) == 1 and self._expected is not None:
                changes = [self.service.update(self._ids[0], self._changes, self._expected)]
            else:
                changes = self.service.bulk_update(self._ids, self._changes)
            real = [c for c in changes if c.changed_fields]
            self._before = {
                c.before.id: {f: getattr(c.before, f) for f in c.changed_fields} for c in real
            }
            self._after = {
                c.after.id: {f: getattr(c.after, f) for f in c.changed_fields} for c in real
            }
            if not real:
                self.setObsolete(True)  # nothing changed: nothing to undo
                return
            self.apply([c.after for c in real], [], None)
        else:
            self.apply([c.after for c in self.service.set_fields(self._after)], [], None)

    def undo_action(self) -> None:
        assert self._before is not None
        self.apply([c.after for c in self.service.set_fields(self._before)], [], None)


def edit_text(record: IdeaRecord) -> str:
    return QCoreApplication.translate("IdeaCommands", "Edit “%1”").replace(
        "%1", _short(record.title)
    )


def bulk_text(field: str, count: int) -> str:
    names = {
        "status": QCoreApplication.translate("IdeaCommands", "status"),
        "owner": QCoreApplication.translate("IdeaCommands", "owner"),
        "priority": QCoreApplication.translate("IdeaCommands", "priority"),
    }
    return (
        QCoreApplication.translate("IdeaCommands", "Change %1 of %2 ideas")
        .replace("%1", names.get(field, field))
        .replace("%2", str(count))
    )


class DeleteIdeasCommand(IdeaCommand):
    def __init__(
        self,
        records: Sequence[IdeaRecord],
        service: IdeaService,
        apply: Apply,
        report_error: ReportError,
    ) -> None:
        text = (
            QCoreApplication.translate("IdeaCommands", "Delete “%1”").replace(
                "%1", _short(records[0].title)
            )
            if len(records) == 1
            else QCoreApplication.translate("IdeaCommands", "Delete %1 ideas").replace(
                "%1", str(len(records))
            )
        )
        super().__init__(text, service, apply, report_error)
        self._ids = [r.id for r in records]
        self._snapshots: list[IdeaSnapshot] = []

    def do(self) -> None:
        self._snapshots = self.service.delete(self._ids)
        self.apply([], self._ids, None)

    def undo_action(self) -> None:
        restored = self.service.restore(self._snapshots)
        self.apply(restored, [], restored[0].id if restored else None)


class MoveIdeasCommand(IdeaCommand):
    """Cards moved on the board (drag and drop or keyboard)."""

    def __init__(
        self,
        ids: Sequence[int],
        status: str,
        before_id: int | None,
        service: IdeaService,
        apply: Apply,
        report_error: ReportError,
        text: str,
    ) -> None:
        super().__init__(text, service, apply, report_error)
        self._placements = [(i, status, before_id) for i in ids]
        self._back: list[tuple[int, str, int | None]] = []

    def do(self) -> None:
        result = self.service.move_many(self._placements)
        moved = [m for m in result.moves if m.changed]
        if not moved and not self._back:
            self.setObsolete(True)  # dropped where it was
            return
        self._back = [
            (m.record.id, m.previous_status, m.previous_before_id) for m in reversed(result.moves)
        ]
        self.apply(result.changed, [], self._placements[0][0])

    def undo_action(self) -> None:
        result = self.service.move_many(self._back)
        self.apply(result.changed, [], self._placements[0][0])


def move_text(record: IdeaRecord, status_label: str | None) -> str:
    if status_label is None:
        return QCoreApplication.translate("IdeaCommands", "Reorder “%1”").replace(
            "%1", _short(record.title)
        )
    return (
        QCoreApplication.translate("IdeaCommands", "Move “%1” to %2")
        .replace("%1", _short(record.title))
        .replace("%2", status_label)
    )


__all__ = [
    "EDITABLE",
    "ChangeIdeasCommand",
    "CreateIdeaCommand",
    "DeleteIdeasCommand",
    "DuplicateIdeaCommand",
    "IdeaCommand",
    "MoveIdeasCommand",
    "bulk_text",
    "edit_text",
    "move_text",
]
