"""Edit conflicts: someone else changed the record between reading and writing (issue 17).

Updates of edited records are atomic — ``UPDATE … WHERE id = :id AND version = :expected``
(the ORM's ``version_id_col``, or an explicit condition) with a row-count check — on SQLite
and PostgreSQL alike.  The message names who changed the record last and when, from the
audit log (or the record's ``updated_at``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.storage.models import AuditEvent, Base

#: What a record is called in the message, per table.
LABELS = {
    "idea": ("Die Idee", "The idea"),
    "post": ("Der Beitrag", "The post"),
    "person": ("Die Person", "The person"),
    "consent": ("Die Einwilligung", "The consent"),
}


class EditConflict(InputRejected):
    """Someone else changed the record in the meantime; nothing of this change was saved."""

    def __init__(self, message: str, entity: str, entity_id: int | None) -> None:
        super().__init__(message)
        self.entity = entity
        self.entity_id = entity_id


def last_change(
    bind: Session | Engine, entity: str, entity_id: int
) -> tuple[str, dt.datetime] | None:
    """(actor, time) of the newest audit event of this record, if any."""
    query = (
        select(AuditEvent.actor, AuditEvent.at)
        .where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    if isinstance(bind, Session):
        row = bind.execute(query).first()
    else:
        with bind.connect() as conn:
            row = conn.execute(query).first()
    return (str(row[0]), row[1]) if row is not None else None


def conflict_error(bind: Session | Engine, entity: str, entity_id: int | None) -> EditConflict:
    """The conflict message for ``entity`` ``entity_id``: who changed it and when.

    Who: the newest audit event of the record; when there is none (ideas are not audited),
    the record's ``updated_at`` says at least when.
    """
    de, en = LABELS.get(entity, ("Der Eintrag", "The record"))
    actor, at = "", None
    if entity_id is not None:
        try:
            found = last_change(bind, entity, entity_id)
            if found is not None:
                actor, at = found
            else:
                at = _updated_at(bind, entity, entity_id)
        except Exception:  # the message must come even if this cannot be read now
            actor, at = "", None
    by_de = f" von {actor}" if actor else ""
    by_en = f" by {actor}" if actor else " by someone else"
    when_de = f" am {at:%d.%m.%Y um %H:%M} Uhr" if at else ""
    when_en = f" on {at:%Y-%m-%d at %H:%M}" if at else ""
    text = msg(
        f"{de} wurde inzwischen geändert{by_de}{when_de}; Ihre Änderung wurde nicht "
        "gespeichert. Bitte neu laden und die Änderung wiederholen.",
        f"{en} was changed{by_en}{when_en} in the meantime; your change was not saved. "
        "Please reload and repeat your change.",
    )
    return EditConflict(text, entity, entity_id)


def _updated_at(bind: Session | Engine, entity: str, entity_id: int) -> dt.datetime | None:
    table = Base.metadata.tables.get(entity)
    if table is None or "updated_at" not in table.c:
        return None
    query = select(table.c.updated_at).where(table.c.id == entity_id)
    if isinstance(bind, Session):
        value = bind.execute(query).scalar()
    else:
        with bind.connect() as conn:
            value = conn.execute(query).scalar()
    return value if isinstance(value, dt.datetime) else None


_STALE_TABLE = re.compile(r"on table '([^']+)'")


def stale_target(session: Session, stale_text: str) -> tuple[str, int | None]:
    """(table, id) of the record whose versioned UPDATE/DELETE matched no row.

    SQLAlchemy's StaleDataError names the table only; the record is the changed (or
    deleted) object of that table in the failed session.
    """
    found = _STALE_TABLE.search(stale_text)
    table = found.group(1) if found else ""
    candidates: list[Any] = [*session.dirty, *session.deleted]
    for obj in candidates:
        if getattr(obj, "__tablename__", None) == table:
            ident = getattr(obj, "id", None)
            return table, int(ident) if ident is not None else None
    return table, None
