"""Import batches: one row per imported file (name, SHA-256, kind, counts), whatever it
imported — ideas, the editorial plan, the consent register.  The rows themselves are written
by the repository of their aggregate (the idea import's bulk writes: ``ideas.py``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.domain.text import storable_name
from tikdesk.storage.models import ImportBatch


def _now() -> dt.datetime:
    return SYSTEM_CLOCK.stamp()


# ----------------------------------------------------------------------------- batches
def find_batch(session: Session, sha256: str, kind: str) -> dt.datetime | None:
    """When a file with this SHA-256 was last imported as ``kind`` (or None)."""
    return session.scalar(
        select(func.max(ImportBatch.imported_at)).where(
            ImportBatch.sha256 == sha256, ImportBatch.kind == kind
        )
    )


def add_batch(session: Session, kind: str, file_name: str, sha256: str, user: str) -> int:
    batch = ImportBatch(
        kind=kind,
        file_name=storable_name(file_name),
        sha256=sha256,
        imported_by=user,
        imported_at=_now(),
    )
    session.add(batch)
    session.flush()
    return int(batch.id)


def set_batch_counts(
    session: Session, batch_id: int, inserted: int, updated: int, skipped: int
) -> None:
    session.execute(
        update(ImportBatch)
        .where(ImportBatch.id == batch_id)
        .values(rows_inserted=inserted, rows_updated=updated, rows_skipped=skipped)
    )


def batches(session: Session, kind: str | None = None) -> list[dict[str, Any]]:
    query = select(ImportBatch).order_by(ImportBatch.id)
    if kind is not None:
        query = query.where(ImportBatch.kind == kind)
    return [
        {
            "id": b.id,
            "kind": b.kind,
            "file_name": b.file_name,
            "sha256": b.sha256,
            "imported_at": b.imported_at,
            "imported_by": b.imported_by,
            "rows_inserted": b.rows_inserted,
            "rows_updated": b.rows_updated,
            "rows_skipped": b.rows_skipped,
        }
        for b in session.scalars(query)
    ]
