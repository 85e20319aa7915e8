"""The append-only audit log (who, when, old → new).

Rows are only ever inserted; the database triggers reject UPDATE and DELETE.  Values written
here must never contain a person's name — persons are referred to by ``person_id`` so that an
erasure (Art. 17 DSGVO) leaves the event, not the name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tikdesk.storage.models import AuditEvent


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: dt.datetime
    actor: str
    entity: str
    entity_id: int | None
    person_id: int | None
    action: str
    old_value: str
    new_value: str


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def record(
    session: Session,
    actor: str,
    entity: str,
    entity_id: int | None,
    action: str,
    old: str = "",
    new: str = "",
    *,
    person_id: int | None = None,
    at: dt.datetime | None = None,
) -> None:
    session.add(
        AuditEvent(
            at=at or _now(),
            actor=actor,
            entity=entity,
            entity_id=entity_id,
            person_id=person_id,
            action=action,
            old_value=old,
            new_value=new,
        )
    )


def _to_record(row: AuditEvent) -> AuditRecord:
    return AuditRecord(
        row.id,
        row.at,
        row.actor,
        row.entity,
        row.entity_id,
        row.person_id,
        row.action,
        row.old_value,
        row.new_value,
    )


def for_post(session: Session, post_id: int) -> list[AuditRecord]:
    """Everything logged about one post (its content, checklist, people, approval)."""
    rows = session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.entity.in_(("post", "checklist", "approval", "appearance")),
            AuditEvent.entity_id == post_id,
        )
        .order_by(AuditEvent.at, AuditEvent.id)
    )
    return [_to_record(r) for r in rows]


def for_person(session: Session, person_id: int) -> list[AuditRecord]:
    rows = session.scalars(
        select(AuditEvent)
        .where(
            or_(
                AuditEvent.person_id == person_id,
                (AuditEvent.entity == "person") & (AuditEvent.entity_id == person_id),
            )
        )
        .order_by(AuditEvent.at, AuditEvent.id)
    )
    return [_to_record(r) for r in rows]


def recent(session: Session, limit: int = 200) -> list[AuditRecord]:
    rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit))
    return [_to_record(r) for r in rows]
