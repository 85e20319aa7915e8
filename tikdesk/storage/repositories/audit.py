"""The append-only audit log (who, when, old → new).

Rows are only ever inserted; the database triggers reject UPDATE and DELETE.  Values written
here must never contain a person's name — persons are referred to by ``person_id`` so that an
erasure (Art. 17 DSGVO) leaves the event, not the name.  What a user typed (a reason, a
channel) goes into the event's *note* (``audit_note``), which an erasure may redact: the
redaction is itself a new event ("note_redacted").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.storage.models import AuditEvent, AuditNote

#: The event that records a redaction; its ``new_value`` is the id of the redacted event.
NOTE_REDACTED = "note_redacted"


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
    note: str = ""  # free text typed by a user (reason, channel); may be redacted


def _now() -> dt.datetime:
    return SYSTEM_CLOCK.stamp()


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
    note: str = "",
) -> None:
    """Append one event; ``note`` is free text a user typed (kept apart, see module doc)."""
    event = AuditEvent(
        at=at or _now(),
        actor=actor,
        entity=entity,
        entity_id=entity_id,
        person_id=person_id,
        action=action,
        old_value=old,
        new_value=new,
    )
    session.add(event)
    if note:
        session.flush()
        session.add(AuditNote(event_id=event.id, text=note, redacted_by=""))


def _events() -> Select[AuditEvent, str]:
    return select(AuditEvent, AuditNote.text).outerjoin(
        AuditNote, AuditNote.event_id == AuditEvent.id
    )


def _to_record(row: AuditEvent, note: str | None) -> AuditRecord:
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
        note or "",
    )


def for_post(session: Session, post_id: int) -> list[AuditRecord]:
    """Everything logged about one post (its content, checklist, people, approval)."""
    rows = session.execute(
        _events()
        .where(
            AuditEvent.entity.in_(("post", "checklist", "approval", "appearance")),
            AuditEvent.entity_id == post_id,
        )
        .order_by(AuditEvent.at, AuditEvent.id)
    )
    return [_to_record(r, n) for r, n in rows]


def for_person(session: Session, person_id: int) -> list[AuditRecord]:
    rows = session.execute(
        _events()
        .where(
            or_(
                AuditEvent.person_id == person_id,
                (AuditEvent.entity == "person") & (AuditEvent.entity_id == person_id),
            )
        )
        .order_by(AuditEvent.at, AuditEvent.id)
    )
    return [_to_record(r, n) for r, n in rows]


def recent(session: Session, limit: int = 200) -> list[AuditRecord]:
    rows = session.execute(_events().order_by(AuditEvent.id.desc()).limit(limit))
    return [_to_record(r, n) for r, n in rows]


# ----------------------------------------------------------------------------- notes


@dataclass(frozen=True)
class NoteRecord:
    id: int
    event_id: int
    entity: str
    entity_id: int | None
    text: str


def notes(session: Session) -> list[NoteRecord]:
    """Every audit note with its event's entity (what an erasure searches)."""
    rows = session.execute(
        select(
            AuditNote.id,
            AuditNote.event_id,
            AuditEvent.entity,
            AuditEvent.entity_id,
            AuditNote.text,
        )
        .join(AuditEvent, AuditEvent.id == AuditNote.event_id)
        .where(AuditNote.text != "")
        .order_by(AuditNote.id)
    )
    return [NoteRecord(*r) for r in rows]


def redact_note(session: Session, note_id: int, text: str, actor: str, at: dt.datetime) -> None:
    """Replace a note's text by its redacted form and append the event that says so."""
    note = session.get(AuditNote, note_id)
    if note is None:
        return
    event = session.get(AuditEvent, note.event_id)
    note.text = text
    note.redacted_at = at
    note.redacted_by = actor
    if event is not None:
        record(
            session,
            actor,
            event.entity,
            event.entity_id,
            NOTE_REDACTED,
            "",
            str(event.id),
            person_id=None,
            at=at,
        )
