"""People and their consent records; erasure (Art. 17 DSGVO)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.storage.engine import Database
from tikdesk.storage.models import Appearance, Consent, ConsentForm, Person
from tikdesk.storage.repositories.posts import (
    apply_changes,
    columns,
    read,
    record_columns,
    to_record,
)


@dataclass(frozen=True)
class PersonRecord:
    id: int
    display_name: str
    category: str
    is_minor: bool
    birth_date: dt.date | None
    contact: str
    sole_custody_note: str
    retention_until: dt.date | None
    erased_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
    age_state: str = "adult"
    own_consent_early: bool = False


@dataclass(frozen=True)
class ConsentRecord:
    id: int
    person_id: int
    role: str
    custodian_name: str
    custodian_relation: str
    platforms: str
    purposes: str
    shown_as: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    review_on: dt.date | None
    form: str
    form_reason: str
    document_ref: str
    text_version: str
    art13_version: str
    no_disadvantage_confirmed: bool
    collected_by: str
    collected_on: dt.date | None
    collected_place: str
    withdrawn_on: dt.date | None
    withdrawal_channel: str
    withdrawal_received_by: str
    withdrawal_note: str
    created_at: dt.datetime
    version: int
    custodian_person_id: int | None = None
    form_number: str = ""


class PersonFactsRow(NamedTuple):
    """What the consent rules and lists need of a person (no contact, no notes' text)."""

    id: int
    display_name: str
    category: str
    is_minor: bool
    birth_date: dt.date | None
    sole_custody_note: str
    retention_until: dt.date | None
    erased_at: dt.datetime | None
    age_state: str
    own_consent_early: bool


class ConsentFactsRow(NamedTuple):
    """What the consent rules need of a consent record."""

    id: int
    person_id: int
    role: str
    platforms: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    withdrawn_on: dt.date | None
    custodian_name: str
    collected_on: dt.date | None
    purposes: str
    shown_as: str
    form: str
    document_ref: str
    art13_version: str
    no_disadvantage_confirmed: bool
    custodian_person_id: int | None


PERSON_FIELDS = frozenset(
    {
        "display_name",
        "category",
        "is_minor",
        "birth_date",
        "contact",
        "sole_custody_note",
        "retention_until",
        "age_state",
        "own_consent_early",
    }
)
CONSENT_FIELDS = frozenset(
    {
        "role",
        "custodian_person_id",
        "custodian_name",
        "custodian_relation",
        "platforms",
        "purposes",
        "shown_as",
        "valid_from",
        "valid_until",
        "review_on",
        "form",
        "form_reason",
        "document_ref",
        "text_version",
        "art13_version",
        "no_disadvantage_confirmed",
        "collected_by",
        "collected_on",
        "collected_place",
        "withdrawn_on",
        "withdrawal_channel",
        "withdrawal_received_by",
        "withdrawal_note",
        "form_number",
    }
)


# ----------------------------------------------------------------------------- people


def _person_row(session: Session, person_id: int) -> Person:
    row = session.get(Person, person_id)
    if row is None or row.erased_at is not None:
        raise InputRejected(
            msg(
                f"Person {person_id} gibt es nicht (mehr).",
                f"Person {person_id} does not exist (any more).",
            )
        )
    return row


def list_people(
    session: Session, ids: Iterable[int] | None = None, *, include_erased: bool = False
) -> list[PersonRecord]:
    query = select(*record_columns(Person, PersonRecord)).order_by(Person.display_name, Person.id)
    if not include_erased:
        query = query.where(Person.erased_at.is_(None))
    found = read(session, query, Person.id, ids, PersonRecord)
    if ids is not None:  # read in chunks of ids: restore the name order
        found.sort(key=lambda p: (p.display_name, p.id))
    return found


def person_facts(
    session: Session, ids: Iterable[int] | None = None, *, include_erased: bool = False
) -> list[PersonFactsRow]:
    """The people (all when ``ids`` is None) as the consent rules see them, by name."""
    query = select(*columns(Person, PersonFactsRow._fields)).order_by(
        Person.display_name, Person.id
    )
    if not include_erased:
        query = query.where(Person.erased_at.is_(None))
    found = read(session, query, Person.id, ids, PersonFactsRow)
    if ids is not None:
        found.sort(key=lambda p: (p.display_name, p.id))
    return found


def names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    """``{person_id: display name}`` of the given people who were not erased."""
    query = select(Person.id, Person.display_name).where(Person.erased_at.is_(None))
    return dict(read(session, query, Person.id, ids, lambda i, name: (i, name)))


def get_person(session: Session, person_id: int) -> PersonRecord:
    return to_record(_person_row(session, person_id), PersonRecord)


def add_person(session: Session, **fields: Any) -> int:
    unknown = set(fields) - PERSON_FIELDS
    if unknown:
        raise ValueError(f"unknown person fields {sorted(unknown)}")
    row = Person(**fields)
    session.add(row)
    session.flush()
    return row.id


def update_person(
    session: Session, person_id: int, changes: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    row = _person_row(session, person_id)
    diff = apply_changes(row, changes, PERSON_FIELDS)
    if diff:
        row.updated_at = SYSTEM_CLOCK.stamp()
    return diff


def erase_person(session: Session, person_id: int, at: dt.datetime) -> int:
    """Delete the consent records and blank every personal field; keep an id-only tombstone.

    Returns the number of consent records deleted.  The tombstone lets audit entries (which
    refer to the person by id) say "erased on …" instead of pointing at nothing.
    """
    row = _person_row(session, person_id)
    consents = list(session.scalars(select(Consent).where(Consent.person_id == person_id)))
    for consent in consents:
        session.delete(consent)
    for form in session.scalars(select(ConsentForm).where(ConsentForm.person_id == person_id)):
        session.delete(form)  # printed forms (issue 18): prefilled with the person's scope
    row.display_name = ""
    row.contact = ""
    row.sole_custody_note = ""
    row.birth_date = None
    row.is_minor = False
    row.category = "external"
    row.retention_until = None
    row.erased_at = at
    row.updated_at = at
    row.version += 1
    session.flush()
    return len(consents)


def due_for_deletion(session: Session, today: dt.date) -> list[PersonRecord]:
    query = (
        select(*record_columns(Person, PersonRecord))
        .where(
            Person.erased_at.is_(None),
            Person.retention_until.is_not(None),
            Person.retention_until <= today,
        )
        .order_by(Person.retention_until)
    )
    return read(session, query, Person.id, None, PersonRecord)


def turning_18_between(
    session: Session, born_from: dt.date, born_until: dt.date
) -> list[PersonRecord]:
    """People born in [born_from, born_until] (the caller turns a date window into births)."""
    query = (
        select(*record_columns(Person, PersonRecord))
        .where(
            Person.erased_at.is_(None),
            Person.birth_date.is_not(None),
            Person.birth_date >= born_from,
            Person.birth_date <= born_until,
        )
        .order_by(Person.birth_date)
    )
    return read(session, query, Person.id, None, PersonRecord)


# ----------------------------------------------------------------------------- consents


def consents(session: Session, person_ids: Iterable[int] | None = None) -> list[ConsentRecord]:
    query = select(*record_columns(Consent, ConsentRecord)).order_by(Consent.person_id, Consent.id)
    return read(session, query, Consent.person_id, person_ids, ConsentRecord)


def consent_facts(
    session: Session, person_ids: Iterable[int] | None = None
) -> list[ConsentFactsRow]:
    """The consent records (of everyone when ``person_ids`` is None) as the rules see them."""
    query = select(*columns(Consent, ConsentFactsRow._fields)).order_by(
        Consent.person_id, Consent.id
    )
    return read(session, query, Consent.person_id, person_ids, ConsentFactsRow)


def _consent_row(session: Session, consent_id: int) -> Consent:
    row = session.get(Consent, consent_id)
    if row is None:
        raise InputRejected(
            msg(
                f"Einwilligung {consent_id} gibt es nicht (mehr).",
                f"Consent record {consent_id} does not exist (any more).",
            )
        )
    return row


def get_consent(session: Session, consent_id: int) -> ConsentRecord:
    return to_record(_consent_row(session, consent_id), ConsentRecord)


def add_consent(session: Session, person_id: int, **fields: Any) -> int:
    _person_row(session, person_id)
    unknown = set(fields) - CONSENT_FIELDS
    if unknown:
        raise ValueError(f"unknown consent fields {sorted(unknown)}")
    row = Consent(person_id=person_id, **fields)
    session.add(row)
    session.flush()
    return row.id


def update_consent(
    session: Session, consent_id: int, changes: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    return apply_changes(_consent_row(session, consent_id), changes, CONSENT_FIELDS)


def delete_consent(session: Session, consent_id: int) -> ConsentRecord:
    row = _consent_row(session, consent_id)
    old = to_record(row, ConsentRecord)
    session.delete(row)
    return old


def expiring_between(session: Session, start: dt.date, end: dt.date) -> list[ConsentRecord]:
    query = (
        select(*record_columns(Consent, ConsentRecord))
        .join(Person, Person.id == Consent.person_id)
        .where(
            Person.erased_at.is_(None),
            Consent.withdrawn_on.is_(None),
            Consent.valid_until.is_not(None),
            Consent.valid_until >= start,
            Consent.valid_until <= end,
        )
        .order_by(Consent.valid_until)
    )
    return read(session, query, Consent.id, None, ConsentRecord)


# ----------------------------------------------------------------------------- file hygiene


def flush_deleted_content(db: Database) -> None:
    """After an erasure: move the WAL into the main file and truncate it.

    With ``secure_delete`` on, deleted and overwritten content is zeroed in the main file;
    the WAL still holds the old page images until a checkpoint, so the name would survive
    there.  SQLite only — other servers manage their own logs.
    """
    if db.engine.dialect.name != "sqlite":
        return
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.fetchall()
        cursor.close()
    finally:
        raw.close()


# ----------------------------------------------------------------------------- names
@dataclass(frozen=True)
class PersonName:
    """A person's name with what decides whether a report may show it."""

    post_id: int | None  # the post they appear in (None: any person of the registry)
    name: str
    is_minor: bool
    birth_date: dt.date | None


def people_in_posts(session: Session, post_ids: Iterable[int]) -> list[PersonName]:
    """Named (not erased) people appearing in the given posts."""
    ids = list(post_ids)
    found: list[PersonName] = []
    for start in range(0, len(ids), 500):
        query = (
            select(Appearance.post_id, Person.display_name, Person.is_minor, Person.birth_date)
            .join(Person, Person.id == Appearance.person_id)
            .where(Appearance.post_id.in_(ids[start : start + 500]), Person.erased_at.is_(None))
            .order_by(Appearance.post_id, Person.display_name)
        )
        found.extend(PersonName(*r) for r in session.execute(query))
    return found


def registry_names(session: Session) -> list[PersonName]:
    """Every person not erased — the names a report must keep out of titles."""
    query = select(Person.display_name, Person.is_minor, Person.birth_date).where(
        Person.erased_at.is_(None)
    )
    return [PersonName(None, *r) for r in session.execute(query)]
