"""Ideas: the only SQL about the backlog.

Functions take the session of the current unit of work and hand back frozen
:class:`IdeaRecord` objects (declared in :mod:`tikdesk.domain.ideas`), never ORM rows.
Writes go through Core statements so that a 50,000-row backlog loads and bulk-inserts
quickly (ARCHITECTURE.md §6).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.domain.ideas import IDEA_FIELDS, IdeaRecord
from tikdesk.storage.models import Idea, Post
from tikdesk.storage.repositories.conflicts import conflict_error


@dataclass(frozen=True)
class IdeaSnapshot:
    """Everything needed to bring a deleted idea back exactly: the row and its post links."""

    record: IdeaRecord
    post_ids: tuple[int, ...] = ()


FIELDS: tuple[str, ...] = IdeaRecord._fields
#: Columns a user may change (everything else is bookkeeping).
EDITABLE: frozenset[str] = IDEA_FIELDS.editable
# Core columns (not ORM attributes): reading 50,000 rows skips the ORM's row loading.
_COLUMNS = [Idea.__table__.c[name] for name in FIELDS]


def _now() -> dt.datetime:
    return SYSTEM_CLOCK.stamp()


def _missing(idea_id: int) -> InputRejected:
    return InputRejected(
        msg(
            f"Die Idee {idea_id} gibt es nicht (mehr).",
            f"Idea {idea_id} does not exist (any more).",
        )
    )


def list_all(session: Session) -> list[IdeaRecord]:
    """Every idea, in board order (rank, then id)."""
    query = select(*_COLUMNS).order_by(Idea.board_rank, Idea.id)
    return list(map(IdeaRecord._make, session.connection().execute(query)))


def list_first(session: Session, limit: int) -> list[IdeaRecord]:
    """The first ``limit`` ideas in board order (what a window shows before the rest)."""
    query = select(*_COLUMNS).order_by(Idea.board_rank, Idea.id).limit(limit)
    return list(map(IdeaRecord._make, session.connection().execute(query)))


def get(session: Session, idea_id: int) -> IdeaRecord | None:
    row = session.execute(select(*_COLUMNS).where(Idea.id == idea_id)).first()
    return None if row is None else IdeaRecord(*row)


def require(session: Session, idea_id: int) -> IdeaRecord:
    record = get(session, idea_id)
    if record is None:
        raise _missing(idea_id)
    return record


def get_many(session: Session, ids: Iterable[int]) -> list[IdeaRecord]:
    """The ideas with ``ids`` that exist, in the order of ``ids``."""
    wanted = list(dict.fromkeys(ids))
    found: dict[int, IdeaRecord] = {}
    for start in range(0, len(wanted), 500):  # stay below SQLite's variable limit
        chunk = wanted[start : start + 500]
        for row in session.execute(select(*_COLUMNS).where(Idea.id.in_(chunk))):
            found[row[0]] = IdeaRecord(*row)
    return [found[i] for i in wanted if i in found]


def count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Idea)) or 0)


def max_rank(session: Session, status: str) -> float:
    """The highest board rank in the column ``status`` (0 when empty)."""
    value = session.scalar(select(func.max(Idea.board_rank)).where(Idea.status == status))
    return float(value) if value is not None else 0.0


def column_order(session: Session, status: str) -> list[tuple[int, float]]:
    """(id, rank) of one board column, top to bottom."""
    rows = session.execute(
        select(Idea.id, Idea.board_rank)
        .where(Idea.status == status)
        .order_by(Idea.board_rank, Idea.id)
    )
    return [(int(r[0]), float(r[1])) for r in rows]


def insert_one(session: Session, values: Mapping[str, Any]) -> IdeaRecord:
    """Insert a new idea from validated ``values``; id and timestamps are assigned here."""
    _check_columns(values, EDITABLE | {"import_batch_id"})
    now = _now()
    data = {"created_at": now, "updated_at": now, "version": 1, **values}
    new_id = session.scalar(insert(Idea).values(**data).returning(Idea.id))
    assert new_id is not None
    return require(session, int(new_id))


def insert_many(session: Session, rows: Sequence[Mapping[str, Any]]) -> int:
    """Bulk insert (demo data, benchmarks, imports): one executemany, no ORM objects."""
    if not rows:
        return 0
    now = _now()
    payload = [{"created_at": now, "updated_at": now, "version": 1, **r} for r in rows]
    session.execute(insert(Idea), payload)
    return len(payload)


def update_one(
    session: Session, idea_id: int, changes: Mapping[str, Any], expected_version: int | None = None
) -> tuple[IdeaRecord, IdeaRecord]:
    """Apply ``changes`` and count the version up; returns (before, after).

    ``expected_version`` detects a conflicting change by someone else since the caller read
    the idea (shared databases); nothing is written then.
    """
    _check_columns(changes, EDITABLE)
    before = require(session, idea_id)
    if expected_version is not None and before.version != expected_version:
        raise conflict_error(session, "idea", idea_id)
    real = {k: v for k, v in changes.items() if getattr(before, k) != v}
    if not real:
        return before, before
    # Atomic: the row is changed only if it still has the version just read (a second
    # session that read the same version matches no row, on SQLite and PostgreSQL alike).
    result = session.execute(
        update(Idea)
        .where(Idea.id == idea_id, Idea.version == before.version)
        .values(**real, version=Idea.version + 1, updated_at=_now())
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 1) != 1:
        raise conflict_error(session, "idea", idea_id)
    return before, require(session, idea_id)


def delete_one(session: Session, idea_id: int) -> IdeaSnapshot:
    """Delete an idea; the snapshot brings it back with :func:`restore`."""
    record = require(session, idea_id)
    post_ids = tuple(
        int(p)
        for p in session.scalars(select(Post.id).where(Post.idea_id == idea_id).order_by(Post.id))
    )
    # The foreign key (ON DELETE SET NULL) detaches linked posts; restore re-links them.
    session.execute(delete(Idea).where(Idea.id == idea_id))
    return IdeaSnapshot(record, post_ids)


def restore(session: Session, snapshot: IdeaSnapshot) -> IdeaRecord:
    """Insert a deleted idea again with the same id and every field, and re-link its posts."""
    record = snapshot.record
    if get(session, record.id) is not None:
        raise InputRejected(
            msg(
                f"Die Idee {record.id} gibt es schon wieder.",
                f"Idea {record.id} exists again already.",
            )
        )
    session.execute(insert(Idea).values(**record._asdict()))
    if snapshot.post_ids:
        session.execute(
            update(Post)
            .where(Post.id.in_(snapshot.post_ids), Post.idea_id.is_(None))
            .values(idea_id=record.id)
        )
    return require(session, record.id)


def rerank_column(session: Session, ordered_ids: Sequence[int], start: float = 1.0) -> None:
    """Give one board column evenly spaced ranks in the given order (no version change)."""
    for offset, idea_id in enumerate(ordered_ids):
        session.execute(
            update(Idea)
            .where(Idea.id == idea_id)
            .values(board_rank=start + offset, updated_at=Idea.updated_at)
        )


def _check_columns(values: Mapping[str, Any], allowed: frozenset[str]) -> None:
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"idea columns not editable: {sorted(unknown)}")


def status_counts(session: Session) -> dict[str, int]:
    """How many ideas each status has."""
    query = select(Idea.status, func.count()).group_by(Idea.status)
    return {status: count for status, count in session.execute(query)}
