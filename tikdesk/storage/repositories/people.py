"""People and their consent records; erasure (Art. 17 DSGVO)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.domain.consent import ConsentFacts, split_keys
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
    return _insert(session, Person, PERSON_FIELDS, "person", fields)


def _insert(
    session: Session,
    model: type[Person] | type[Consent],
    allowed: frozenset[str],
    what: str,
    fields: Mapping[str, Any],
    **fixed: Any,
) -> int:
    """A new ``model`` row from ``fields`` (only ``allowed`` names, else ValueError) and
    ``fixed``; returns its id."""
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"unknown {what} fields {sorted(unknown)}")
    row = model(**fixed, **fields)
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


#: Every field of a consent, and the first ones, which the rules judge (what lists read).
_ALL = ConsentFacts._fields
_JUDGED = _ALL[: _ALL.index("person_id") + 1]
_KEY_LISTS = ("platforms", "purposes", "shown_as")  # stored as "a,b", read as frozensets
#: ``split_keys`` of the few distinct stored key lists: a list splits the same strings
#: thousands of times (frozensets are immutable, so sharing them is safe).
_keys = lru_cache(maxsize=1024)(split_keys)


def _facts(names: tuple[str, ...]) -> Callable[..., ConsentFacts]:
    """``make(*row)`` for rows of the columns ``names`` (a prefix of the fields)."""
    at = [names.index(k) for k in _KEY_LISTS]

    def make(*row: Any) -> ConsentFacts:
        values = list(row)
        for i in at:
            values[i] = _keys(values[i])
        return ConsentFacts(*values)

    return make


_make_all, _make_judged = _facts(_ALL), _facts(_JUDGED)


def _from_row(row: Consent) -> ConsentFacts:
    return _make_all(*(getattr(row, name) for name in _ALL))


def consents(session: Session, person_ids: Iterable[int] | None = None) -> list[ConsentFacts]:
    """Every field of the consent records (of everyone when ``person_ids`` is None)."""
    query = select(*columns(Consent, _ALL)).order_by(Consent.person_id, Consent.id)
    return read(session, query, Consent.person_id, person_ids, _make_all)


def consent_facts(session: Session, person_ids: Iterable[int] | None = None) -> list[ConsentFacts]:
    """The consent records (of everyone when ``person_ids`` is None) as the rules see them:
    the judged fields, the others left at their defaults."""
    query = select(*columns(Consent, _JUDGED)).order_by(Consent.person_id, Consent.id)
    return read(session, query, Consent.person_id, person_ids, _make_judged)


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


def get_consent(session: Session, consent_id: int) -> ConsentFacts:
    return _from_row(_consent_row(session, consent_id))


def add_consent(session: Session, person_id: int, **fields: Any) -> int:
    _person_row(session, person_id)
    return _insert(session, Consent, CONSENT_FIELDS, "consent", fields, person_id=person_id)


def update_consent(
    session: Session, consent_id: int, changes: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    return apply_changes(_consent_row(session, consent_id), changes, CONSENT_FIELDS)


def delete_consent(session: Session, consent_id: int) -> ConsentFacts:
    row = _consent_row(session, consent_id)
    old = _from_row(row)
    session.delete(row)
    return old


def expiring_between(session: Session, start: dt.date, end: dt.date) -> list[ConsentFacts]:
    query = (
        select(*columns(Consent, _ALL))
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
    return read(session, query, Consent.id, None, _make_all)


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
