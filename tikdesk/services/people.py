"""People registry, consent records, withdrawals and the DSGVO tools (export, erasure).

Audit values never hold a name: people are referred to by id, and for name-like fields
(name, contact, custodian name, notes) only the fact of a change is logged.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy.orm import Session

from tikdesk.domain.consent import (
    PLATFORMS,
    PURPOSES,
    RECORD_STATUS_LABELS,
    SHOWN_AS,
    ConsentAssessment,
    ConsentFacts,
    age_on,
    assess,
    eighteenth_birthday,
    join_keys,
    option_label,
    record_status,
)
from tikdesk.domain.enums import (
    AgeState,
    ConsentForm,
    ConsentRole,
    CustodianRelation,
    PersonCategory,
    PostStatus,
)
from tikdesk.domain.errors import InputRejected, ValidationError
from tikdesk.domain.fmt import fmt_date
from tikdesk.domain.i18n import language, msg
from tikdesk.services.context import AppContext
from tikdesk.services.erasure import (
    ErasurePreview,
    ErasureService,
    after_erasure,
    erase_everywhere,
)
from tikdesk.services.posts import (
    Clearance,
    Definitions,
    bulk_read,
    now,
    person_facts,
    revoke_if_approved,
)
from tikdesk.services.roles import require_editor
from tikdesk.storage.repositories import audit
from tikdesk.storage.repositories import people as repo
from tikdesk.storage.repositories import posts as posts_repo
from tikdesk.storage.repositories.conflicts import conflict_error

if TYPE_CHECKING:
    from tikdesk.excel.person_export import Sheet

#: Fields whose values may name someone: the audit log records only that they changed.
PRIVATE_FIELDS = frozenset(
    {
        "display_name",
        "contact",
        "sole_custody_note",
        "custodian_name",
        "custodian_relation",
        "collected_by",
        "collected_place",
        "withdrawal_received_by",
        "withdrawal_note",
        "form_reason",
        "document_ref",
        "birth_date",
    }
)
log = logging.getLogger(__name__)


# ----------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class PersonInput:
    display_name: str
    category: str = PersonCategory.EMPLOYEE.value
    is_minor: bool = False
    birth_date: dt.date | None = None
    contact: str = ""
    sole_custody_note: str = ""
    retention_until: dt.date | None = None
    # AgeState: "adult" (confirmed) or, with a birth date, "minor"; people taken over from an
    # earlier version may keep "adult_migrated" until a DSB confirms them.
    age_state: str = AgeState.ADULT.value
    own_consent_early: bool = False  # a child judged mature enough: own consent already


@dataclass(frozen=True)
class WithdrawalInput:
    on: dt.date
    channel: str
    received_by: str
    note: str = ""
    consent_ids: tuple[int, ...] | None = None  # None: every active record of the person


#: What a consent form hands in (ConsentFacts without id, person, withdrawal, bookkeeping).
_EDITED = tuple(
    n
    for n in ConsentFacts._fields
    if n not in {"id", "person_id", "created_at", "version"} and not n.startswith("withdraw")
)


# ----------------------------------------------------------------------------- read models


@dataclass(frozen=True)
class ConsentView:
    id: int
    person_id: int
    role: str
    custodian_name: str
    custodian_relation: str
    platforms: frozenset[str]
    purposes: frozenset[str]
    shown_as: frozenset[str]
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
    status: str  # active | expired | withdrawn
    custodian_person_id: int | None = None
    form_number: str = ""

    @property
    def status_label(self) -> str:
        de, en = RECORD_STATUS_LABELS[self.status]
        return de if language() == "de" else en

    @property
    def role_label(self) -> str:
        return ConsentRole(self.role).label

    @property
    def platforms_label(self) -> str:
        return ", ".join(option_label(PLATFORMS, p) for p in sorted(self.platforms))

    def as_input(self) -> ConsentFacts:
        """The record's facts, to edit and save again."""
        return ConsentFacts(**{n: getattr(self, n) for n in _EDITED if hasattr(self, n)})


class PersonSummary(NamedTuple):
    """One row of the people list (a NamedTuple: the list builds thousands at once)."""

    id: int
    display_name: str
    category: str
    minor: bool  # today
    age: int | None
    birth_date: dt.date | None
    eighteenth: dt.date | None
    retention_until: dt.date | None
    due_for_deletion: bool
    consents_active: int
    consents_withdrawn: int
    assessment: ConsentAssessment  # for a TikTok post today
    posts: int
    age_state: str = AgeState.ADULT.value

    @property
    def age_label(self) -> str:
        """ "volljährig (aus Vorversion übernommen)", "15 Jahre", "Alter unbekannt" …"""
        if self.age is not None:
            return msg(f"{self.age} Jahre", f"{self.age} years")
        try:
            return AgeState(self.age_state).label
        except ValueError:
            return self.age_state

    @property
    def category_label(self) -> str:
        try:
            return PersonCategory(self.category).label
        except ValueError:
            return self.category


@dataclass(frozen=True)
class ImpactPost:
    post_id: int
    title: str
    status: PostStatus
    planned_at: dt.datetime | None
    published_at: dt.datetime | None
    taken_down_at: dt.datetime | None
    effect: str  # blocked | take_down | taken_down | none
    approval_revoked: bool = False  # an approved, unpublished post goes back to review

    @property
    def effect_label(self) -> str:
        return {
            "blocked": msg(
                "Blockiert – darf nicht veröffentlicht werden", "Blocked – must not be published"
            ),
            "take_down": msg("Veröffentlicht – offline nehmen!", "Published – take it down!"),
            "taken_down": msg(
                f"Offline genommen am {fmt_date(self.taken_down_at.date())}"
                if self.taken_down_at
                else "Offline genommen",
                f"Taken down on {fmt_date(self.taken_down_at.date())}"
                if self.taken_down_at
                else "Taken down",
            ),
            "none": msg("Nicht betroffen", "Not affected"),
        }[self.effect]


@dataclass(frozen=True)
class WithdrawalImpact:
    person_id: int
    posts: tuple[ImpactPost, ...]
    approvals_revoked: int = 0

    @property
    def blocked(self) -> int:
        return sum(1 for p in self.posts if p.effect == "blocked")

    @property
    def take_down(self) -> int:
        return sum(1 for p in self.posts if p.effect == "take_down")


@dataclass(frozen=True)
class PersonDetail:
    id: int
    display_name: str
    category: str
    is_minor: bool
    birth_date: dt.date | None
    contact: str
    sole_custody_note: str
    retention_until: dt.date | None
    version: int
    summary: PersonSummary
    consents: tuple[ConsentView, ...]
    impact: WithdrawalImpact
    age_state: str = AgeState.ADULT.value
    own_consent_early: bool = False

    def as_input(self) -> PersonInput:
        names = {f.name for f in fields(PersonInput)}
        return PersonInput(**{n: getattr(self, n) for n in names})


@dataclass(frozen=True)
class EraseResult:
    consents_deleted: int
    posts_anonymised: int
    texts_pseudonymised: int
    approvals_revoked: int = 0
    checkpoint_done: bool = True  # False: the WAL still holds old pages (another window)


@dataclass(frozen=True)
class DueDeletion:
    person_id: int
    display_name: str
    retention_until: dt.date


# ----------------------------------------------------------------------------- helpers


def _consent_view(record: ConsentFacts, today: dt.date) -> ConsentView:
    values: dict[str, Any] = {
        f.name: getattr(record, f.name) for f in fields(ConsentView) if hasattr(record, f.name)
    }
    return ConsentView(**values, status=record_status(record, today))


def _audit_value(name: str, value: Any) -> str:
    if name in PRIVATE_FIELDS:
        return msg("(geändert)", "(changed)")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _diff_text(diff: dict[str, tuple[Any, Any]]) -> tuple[str, str]:
    old = "; ".join(
        f"{k}={_audit_value(k, v[0])}" for k, v in sorted(diff.items()) if k not in PRIVATE_FIELDS
    )
    new = "; ".join(
        f"{k}={_audit_value(k, v[1])}" if k not in PRIVATE_FIELDS else k
        for k, v in sorted(diff.items())
    )
    return old, new


# ----------------------------------------------------------------------------- the service


class PeopleService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    @property
    def user(self) -> str:
        return self._ctx.user

    # ---------------------------------------------------------------- reading
    def _editing(self, s: Session, action: str) -> None:
        """Personal data is edited only by an account with a role (services.roles)."""
        require_editor(s, self.user, action, on_server=self._ctx.db.on_server)

    def list_people(self, today: dt.date | None = None) -> list[PersonSummary]:
        """Everyone not erased, by name, with today's consent state and number of posts."""
        today = today or self._ctx.clock.today()
        with bulk_read():
            with self._ctx.db.reader() as s:
                people = repo.person_facts(s)
                records = repo.consent_facts(s)
                counts = posts_repo.appearance_counts(s)
            consents: dict[int, list[ConsentFacts]] = {}
            for record in records:
                consents.setdefault(record.person_id, []).append(record)
            found = [
                self._summary(p, consents.get(p.id, []), counts.get(p.id, 0), today) for p in people
            ]
            del people, records, consents  # gone before the collector runs again
        return found

    def _summary(
        self,
        person: repo.PersonRecord | repo.PersonFactsRow,
        records: list[ConsentFacts],
        posts: int,
        today: dt.date,
    ) -> PersonSummary:
        statuses = [record_status(c, today) for c in records]
        age = age_on(person.birth_date, today) if person.birth_date else None
        return PersonSummary(
            id=person.id,
            display_name=person.display_name,
            category=person.category,
            minor=person.is_minor if age is None else age < 18,
            age=age,
            birth_date=person.birth_date,
            eighteenth=eighteenth_birthday(person.birth_date),
            retention_until=person.retention_until,
            due_for_deletion=person.retention_until is not None and person.retention_until <= today,
            consents_active=statuses.count("active"),
            consents_withdrawn=statuses.count("withdrawn"),
            assessment=assess(person_facts(person), records, today),
            posts=posts,
            age_state=person.age_state,
        )

    def get(self, person_id: int, today: dt.date | None = None) -> PersonDetail:
        today = today or self._ctx.clock.today()
        with self._ctx.db.reader() as s:
            person = repo.get_person(s, person_id)
            consents = repo.consents(s, [person_id])
            impact = self._impact(s, person_id, today)
        records = consents
        summary = self._summary(person, records, len(impact.posts), today)
        return PersonDetail(
            id=person.id,
            display_name=person.display_name,
            category=person.category,
            is_minor=person.is_minor,
            birth_date=person.birth_date,
            contact=person.contact,
            sole_custody_note=person.sole_custody_note,
            retention_until=person.retention_until,
            age_state=person.age_state,
            own_consent_early=person.own_consent_early,
            version=person.version,
            summary=summary,
            consents=tuple(_consent_view(c, today) for c in consents),
            impact=impact,
        )

    def impact(self, person_id: int, today: dt.date | None = None) -> WithdrawalImpact:
        with self._ctx.db.reader() as s:
            return self._impact(s, person_id, today or self._ctx.clock.today())

    def withdrawal_preview(
        self, person_id: int, data: WithdrawalInput, today: dt.date | None = None
    ) -> WithdrawalImpact:
        """What :meth:`record_withdrawal` would do, computed without writing anything: the
        posts showing the person, which become blocked or must come down, and which lose
        their approval — for the withdrawal dialog before the user confirms."""
        today = today or self._ctx.clock.today()
        with self._ctx.db.reader() as s:
            repo.get_person(s, person_id)
            active = {c.id for c in repo.consents(s, [person_id]) if c.withdrawn_on is None}
            chosen = active if data.consent_ids is None else active & set(data.consent_ids)
            return self._impact(s, person_id, today, withdraw=(frozenset(chosen), data.on))

    def _impact(
        self,
        s: Session,
        person_id: int,
        today: dt.date,
        revoked: int = 0,
        *,
        withdraw: tuple[frozenset[int], dt.date] | None = None,
    ) -> WithdrawalImpact:
        """The posts showing ``person_id`` and what the consent state means for them.

        ``withdraw``: (consent ids, date) — evaluate as if those consents were withdrawn on
        that date, and mark the approvals the withdrawal would revoke (the preview)."""
        post_ids = {a.post_id for a in posts_repo.appearances_of_person(s, person_id)}
        data = Clearance.load(s, post_ids)
        data.definitions = Definitions(self._ctx)
        if withdraw is not None:
            ids, on = withdraw
            data.consents[person_id] = [
                c._replace(withdrawn_on=on) if c.id in ids else c
                for c in data.consents.get(person_id, [])
            ]
        found = []
        for post in data.posts:
            status = PostStatus(post.status)
            people = data.people(post, today)
            mine = [p for p in people if p.person_id == person_id]
            problem = any(not p.assessment.ok for p in mine)
            if status is PostStatus.TAKEN_DOWN:
                effect = "taken_down"
            elif status is PostStatus.PUBLISHED:
                effect = "take_down" if any(p.assessment.take_down for p in mine) else "none"
            else:
                effect = "blocked" if problem else "none"
            loses = withdraw is not None and bool(withdraw[0]) and status is PostStatus.APPROVED
            found.append(
                ImpactPost(
                    post.id,
                    post.title,
                    status,
                    post.planned_at,
                    post.published_at,
                    post.taken_down_at,
                    effect,
                    loses,
                )
            )
        if withdraw is not None:
            revoked = sum(1 for p in found if p.approval_revoked)
        return WithdrawalImpact(person_id, tuple(found), revoked)

    # ---------------------------------------------------------------- people
    def _person_values(self, data: PersonInput, today: dt.date) -> dict[str, Any]:
        name = " ".join(data.display_name.split())
        if not name:
            raise ValidationError(
                "display_name", msg("Bitte einen Namen eingeben.", "Please enter a name.")
            )
        if data.category not in {c.value for c in PersonCategory}:
            raise ValidationError("category", msg("Unbekannte Kategorie.", "Unknown category."))
        is_minor = data.is_minor
        if data.birth_date is not None:
            if data.birth_date > today:
                raise ValidationError(
                    "birth_date",
                    msg(
                        "Das Geburtsdatum liegt in der Zukunft.",
                        "The date of birth is in the future.",
                    ),
                )
            is_minor = age_on(data.birth_date, today) < 18
        age_state = AgeState.MINOR.value if data.birth_date is not None else data.age_state
        if data.birth_date is None and age_state not in (
            AgeState.ADULT.value,
            AgeState.ADULT_MIGRATED.value,
            AgeState.UNKNOWN.value,
        ):
            is_minor = True
        if is_minor and data.birth_date is None:
            raise ValidationError(
                "birth_date",
                msg(
                    "Für Minderjährige bitte das Geburtsdatum angeben – daraus ergeben sich "
                    "das Alter am Veröffentlichungstag und der 18. Geburtstag.",
                    "For minors please give the date of birth – it gives the age on the publishing "
                    "day and the 18th birthday.",
                ),
            )
        return {
            "display_name": name,
            "category": data.category,
            "is_minor": is_minor,
            "birth_date": data.birth_date,
            "contact": data.contact.strip(),
            "sole_custody_note": data.sole_custody_note.strip(),
            "retention_until": data.retention_until,
            "age_state": age_state,
            "own_consent_early": bool(data.own_consent_early),
        }

    def create_person(self, data: PersonInput, today: dt.date | None = None) -> int:
        values = self._person_values(data, today or self._ctx.clock.today())
        if values["age_state"] not in (AgeState.ADULT.value, AgeState.MINOR.value):
            raise ValidationError(
                "birth_date",
                msg(
                    "Bitte die Volljährigkeit bestätigen oder das Geburtsdatum eintragen.",
                    "Please confirm the person is of age or enter the date of birth.",
                ),
            )
        with self._ctx.db.transaction() as s:
            self._editing(s, msg("Personen anlegen", "Adding people"))
            person_id = repo.add_person(s, **values)
            audit.record(
                s,
                self.user,
                "person",
                person_id,
                "person_created",
                "",
                f"category={values['category']}; minor={values['is_minor']}",
                person_id=person_id,
            )
        return person_id

    def update_person(
        self,
        person_id: int,
        data: PersonInput,
        expected_version: int | None = None,
        today: dt.date | None = None,
    ) -> None:
        values = self._person_values(data, today or self._ctx.clock.today())
        with self._ctx.db.transaction() as s:
            self._editing(s, msg("Personen ändern", "Editing people"))
            person = repo.get_person(s, person_id)
            if expected_version is not None and person.version != expected_version:
                raise conflict_error(s, "person", person_id)  # names who, and when
            if (
                values["age_state"] == AgeState.UNKNOWN.value
                and person.age_state != AgeState.UNKNOWN.value
            ):
                raise ValidationError(
                    "birth_date",
                    msg(
                        "Bitte die Volljährigkeit bestätigen oder das Geburtsdatum eintragen.",
                        "Please confirm the person is of age or enter the date of birth.",
                    ),
                )
            diff = repo.update_person(s, person_id, values)
            if diff:
                names = ", ".join(sorted(diff))
                self._changed(
                    s,
                    ("person", person_id, "person_changed"),
                    person_id,
                    diff,
                    msg(f"Person geändert ({names})", f"person changed ({names})"),
                )

    # ---------------------------------------------------------------- consents
    def _consent_values(
        self, s: Session, person_id: int, data: ConsentFacts, today: dt.date
    ) -> dict[str, Any]:
        person = repo.get_person(s, person_id)
        role = data.role
        if role not in {r.value for r in ConsentRole}:
            raise ValidationError("role", msg("Unbekannte Rolle.", "Unknown role."))
        if role == ConsentRole.CUSTODIAN.value:
            data = self._custodian_checked(s, person_id, person, data, today)
        if not data.platforms:
            raise ValidationError(
                "platforms",
                msg("Mindestens eine Plattform ankreuzen.", "Tick at least one platform."),
            )
        unknown = (
            (set(data.platforms) - set(PLATFORMS))
            | (set(data.purposes) - set(PURPOSES))
            | (set(data.shown_as) - set(SHOWN_AS))
        )
        if unknown:
            raise ValidationError(
                "platforms",
                msg(
                    f"Unbekannte Angabe: {sorted(unknown)[0]}",
                    f"Unknown value: {sorted(unknown)[0]}",
                ),
            )
        if data.valid_from and data.valid_until and data.valid_until < data.valid_from:
            raise ValidationError(
                "valid_until",
                msg("„Gültig bis“ liegt vor „Gültig ab“.", "'Valid until' is before 'valid from'."),
            )
        if data.form not in {f.value for f in ConsentForm}:
            raise ValidationError("form", msg("Unbekannte Form.", "Unknown form."))
        if data.form == ConsentForm.OTHER.value and not data.form_reason.strip():
            raise ValidationError(
                "form_reason",
                msg(
                    "Bei „Sonstige“ Form bitte den Grund angeben.",
                    "For the 'other' form please give the reason.",
                ),
            )
        if data.collected_on and data.collected_on > today:
            raise ValidationError(
                "collected_on", msg("Das Datum liegt in der Zukunft.", "The date is in the future.")
            )
        custodian = role == ConsentRole.CUSTODIAN.value
        return {
            "role": role,
            "custodian_person_id": data.custodian_person_id if custodian else None,
            "custodian_name": " ".join(data.custodian_name.split()) if custodian else "",
            "custodian_relation": data.custodian_relation.strip() if custodian else "",
            "platforms": join_keys(data.platforms),
            "purposes": join_keys(data.purposes),
            "shown_as": join_keys(data.shown_as),
            "valid_from": data.valid_from,
            "valid_until": data.valid_until,
            "review_on": data.review_on,
            "form": data.form,
            "form_reason": data.form_reason.strip() if data.form == ConsentForm.OTHER.value else "",
            "document_ref": data.document_ref.strip(),
            "text_version": data.text_version.strip(),
            "art13_version": data.art13_version.strip(),
            "no_disadvantage_confirmed": bool(data.no_disadvantage_confirmed),
            "collected_by": data.collected_by.strip(),
            "collected_on": data.collected_on,
            "collected_place": data.collected_place.strip(),
            "form_number": data.form_number.strip(),
        }

    def _custodian_checked(
        self, s: Session, person_id: int, person: Any, data: ConsentFacts, today: dt.date
    ) -> ConsentFacts:
        """A custodian's consent: for a minor, by a registry person with a relation; the
        custodian's name is filled in from the registry when not given."""
        minor_ever = person.is_minor or (
            person.birth_date is not None and age_on(person.birth_date, today) < 18
        )
        if not minor_ever and person.birth_date is None:
            raise ValidationError(
                "role",
                msg(
                    "Einwilligungen von Sorgeberechtigten gibt es nur für Minderjährige.",
                    "Custodian consents exist only for minors.",
                ),
            )
        if data.custodian_person_id is None:
            raise ValidationError(
                "custodian_name",
                msg(
                    "Bitte die/den Sorgeberechtigte:n aus dem Personenregister wählen "
                    "(oder dort anlegen) – so zählt niemand doppelt.",
                    "Please choose the custodian from the people registry (or create them "
                    "there) – so that nobody counts twice.",
                ),
            )
        else:
            if data.custodian_person_id == person_id:
                raise ValidationError(
                    "custodian_name",
                    msg(
                        "Eine Person kann nicht ihr eigener Sorgeberechtigter sein.",
                        "A person cannot be their own custodian.",
                    ),
                )
            guardian = repo.get_person(s, data.custodian_person_id)
            if data.custodian_relation not in {r.value for r in CustodianRelation}:
                raise ValidationError(
                    "custodian_relation",
                    msg(
                        "Bitte das Verhältnis wählen: Mutter, Vater, Vormund oder "
                        "andere:r Sorgeberechtigte:r.",
                        "Please choose the relation: mother, father, guardian or other custodian.",
                    ),
                )
            data = data._replace(custodian_name=data.custodian_name or guardian.display_name)
        if not data.custodian_name.strip():
            raise ValidationError(
                "custodian_name",
                msg(
                    "Bitte den Namen der/des Sorgeberechtigten angeben.",
                    "Please give the custodian's name.",
                ),
            )
        if not data.custodian_relation.strip():
            raise ValidationError(
                "custodian_relation",
                msg(
                    "Bitte das Verhältnis angeben (z. B. Mutter, Vater, Vormund).",
                    "Please give the relationship (e.g. mother, father, guardian).",
                ),
            )
        return data

    def add_consent(self, person_id: int, data: ConsentFacts, today: dt.date | None = None) -> int:
        today = today or self._ctx.clock.today()
        with self._ctx.db.transaction() as s:
            self._editing(s, msg("Einwilligungen erfassen", "Recording consents"))
            values = self._consent_values(s, person_id, data, today)
            consent_id = repo.add_consent(s, person_id, **values)
            _, new = _diff_text(
                {
                    k: (None, v)
                    for k, v in values.items()
                    if k in ("role", "platforms", "valid_from", "valid_until")
                }
            )
            audit.record(
                s, self.user, "consent", consent_id, "consent_added", "", new, person_id=person_id
            )
        return consent_id

    def update_consent(
        self, consent_id: int, data: ConsentFacts, today: dt.date | None = None
    ) -> None:
        today = today or self._ctx.clock.today()
        with self._ctx.db.transaction() as s:
            self._editing(s, msg("Einwilligungen ändern", "Editing consents"))
            record = repo.get_consent(s, consent_id)
            values = self._consent_values(s, record.person_id, data, today)
            diff = repo.update_consent(s, consent_id, values)
            if diff:
                self._changed(
                    s,
                    ("consent", consent_id, "consent_changed"),
                    record.person_id,
                    diff,
                    msg("Einwilligung geändert", "consent changed"),
                )

    def delete_consent(self, consent_id: int) -> None:
        with self._ctx.db.transaction() as s:
            self._editing(s, msg("Einwilligungen löschen", "Deleting consents"))
            old = repo.delete_consent(s, consent_id)
            audit.record(
                s,
                self.user,
                "consent",
                consent_id,
                "consent_deleted",
                f"role={old.role}; platforms={join_keys(old.platforms)}",
                "",
                person_id=old.person_id,
            )
            self._revoke_affected(s, old.person_id, msg("Einwilligung gelöscht", "consent deleted"))

    # ---------------------------------------------------------------- withdrawal
    def record_withdrawal(
        self, person_id: int, data: WithdrawalInput, today: dt.date | None = None
    ) -> WithdrawalImpact:
        """Withdraw consent records (all active ones by default); returns the impact."""
        today = today or self._ctx.clock.today()
        if data.on > today:
            raise ValidationError(
                "on",
                msg(
                    "Ein Widerruf kann nicht in der Zukunft liegen.",
                    "A withdrawal cannot be in the future.",
                ),
            )
        if not data.channel.strip():
            raise ValidationError(
                "channel",
                msg(
                    "Bitte angeben, wie der Widerruf kam (z. B. E-Mail, Brief, mündlich).",
                    "Please say how the withdrawal came in (e.g. e-mail, letter, in person).",
                ),
            )
        if not data.received_by.strip():
            raise ValidationError(
                "received_by",
                msg("Bitte angeben, wer ihn entgegengenommen hat.", "Please say who received it."),
            )
        with self._ctx.db.transaction() as s:
            self._editing(s, msg("Widerrufe erfassen", "Recording withdrawals"))
            repo.get_person(s, person_id)
            records = [c for c in repo.consents(s, [person_id]) if c.withdrawn_on is None]
            if data.consent_ids is not None:
                records = [c for c in records if c.id in data.consent_ids]
            if not records:
                raise InputRejected(
                    msg(
                        "Es gibt keine aktive Einwilligung, die widerrufen werden könnte.",
                        "There is no active consent to withdraw.",
                    )
                )
            for record in records:
                repo.update_consent(
                    s,
                    record.id,
                    {
                        "withdrawn_on": data.on,
                        "withdrawal_channel": data.channel.strip(),
                        "withdrawal_received_by": data.received_by.strip(),
                        "withdrawal_note": data.note.strip(),
                    },
                )
                audit.record(
                    s,
                    self.user,
                    "consent",
                    record.id,
                    "consent_withdrawn",
                    "active",
                    f"withdrawn_on={data.on.isoformat()}",
                    person_id=person_id,
                    note=data.channel.strip(),  # free text ("Anruf …"): the event's note
                )
            s.flush()  # the impact is read with SQL: the withdrawal must be in the file first
            revoked = self._revoke_affected(
                s, person_id, msg("Einwilligung widerrufen", "consent withdrawn")
            )
            return self._impact(s, person_id, today, revoked)

    def _changed(
        self,
        s: Session,
        event: tuple[str, int, str],
        person_id: int,
        diff: dict[str, tuple[Any, Any]],
        reason: str,
    ) -> None:
        """Audit a changed person or consent (``event``: entity, its id, action; old → new)
        and revoke the approvals of the person's posts with ``reason``."""
        entity, entity_id, action = event
        old, new = _diff_text(diff)
        audit.record(s, self.user, entity, entity_id, action, old, new, person_id=person_id)
        self._revoke_affected(s, person_id, reason)

    def _revoke_affected(self, s: Session, person_id: int, reason: str) -> int:
        """Approved but unpublished posts with this person lose their approval."""
        post_ids = {a.post_id for a in posts_repo.appearances_of_person(s, person_id)}
        return sum(
            revoke_if_approved(s, self.user, post, reason)
            for post in posts_repo.list_posts(s, post_ids)
        )

    # ---------------------------------------------------------------- retention
    def due_deletions(self, today: dt.date | None = None) -> list[DueDeletion]:
        with self._ctx.db.reader() as s:
            found = repo.due_for_deletion(s, today or self._ctx.clock.today())
        return [
            DueDeletion(p.id, p.display_name, p.retention_until)  # type: ignore[arg-type]
            for p in found
        ]

    # ---------------------------------------------------------------- DSGVO
    def export_is_zip(self, person_id: int) -> bool:
        """True when the Art. 15 export of this person becomes a ZIP (signed scans kept)."""
        from tikdesk.services.evidence import EvidenceService

        return bool(EvidenceService(self._ctx).for_person(person_id))

    def export_person(self, person_id: int, path: Path) -> Path:
        """Everything stored about one person to .xlsx (Art. 15/20); the export is logged."""
        import tempfile

        from tikdesk.excel.person_export import write_export_zip, write_person_export

        today = self._ctx.clock.today()
        detail = self.get(person_id, today)
        with self._ctx.db.reader() as s:
            appearances = posts_repo.appearances_of_person(s, person_id)
            posts = {p.id: p for p in posts_repo.list_posts(s, {a.post_id for a in appearances})}
            events = audit.for_person(s, person_id)
        t = msg
        consents = _consents_sheet(detail)
        posts_sheet = _posts_sheet(appearances, posts)
        sheets = [_person_sheet(detail), consents, posts_sheet, _audit_sheet(events)]
        # issue 18: with signed scans (or asked for .zip) the export is a ZIP of the workbook
        # and the person's evidence files, each checked against its hash first
        from tikdesk.services.evidence import EvidenceService

        evidence = EvidenceService(self._ctx)
        scans = [(e, evidence.path(e.id)) for e in evidence.for_person(person_id)]
        as_zip = bool(scans) or Path(path).suffix.lower() == ".zip"
        staging = tempfile.TemporaryDirectory(prefix=".~tikdesk-export-") if as_zip else None
        book = Path(staging.name) / f"{Path(path).stem}.xlsx" if staging is not None else path
        written = write_person_export(
            book,
            sheets,
            title=t(
                f"Auskunft nach Art. 15/20 DSGVO – {detail.display_name}",
                f"Access / portability under Art. 15/20 GDPR – {detail.display_name}",
            ),
            note=t(
                f"Erstellt am {fmt_date(today)} von {self.user}. Enthält personenbezogene "
                "Daten – nur an die betroffene Person herausgeben.",
                f"Created on {fmt_date(today)} by {self.user}. Contains personal data – "
                "hand out to the data subject only.",
            ),
            protected=self._ctx.protected,
        )
        if staging is not None:
            with staging:
                written = write_export_zip(
                    Path(path).with_suffix(".zip"),
                    written,
                    [(f"Nachweise/{e.id}-{e.original_name}", stored) for e, stored in scans],
                    self._ctx.protected,
                )
        with self._ctx.db.transaction() as s:
            audit.record(
                s,
                self.user,
                "person",
                person_id,
                "person_exported",
                "",
                f"{len(consents.rows)} consents, {len(posts_sheet.rows)} posts",
                person_id=person_id,
            )
        return written

    def erase_preview(self, person_id: int) -> ErasurePreview:
        """The free texts that name the person and will be redacted, for the confirmation."""
        return ErasureService(self._ctx).preview(person_id)

    def erase_person(self, person_id: int) -> EraseResult:
        """Art. 17: consent records and the name go; appearances stay, anonymous.

        The name is also replaced by "[gelöscht]" in every free text that names the person
        (services.erasure: posts, ideas, checklist, approvals, withdrawals, audit notes; the
        list :meth:`erase_preview` shows).  The erasure register gets the person's id; the WAL
        is checkpointed (``checkpoint_done`` False: another window still holds the database)
        and the log files are searched for the name.
        """
        at = now()
        with self._ctx.db.transaction() as s:
            self._editing(s, msg("Personen löschen", "Erasing people"))
            person = repo.get_person(s, person_id)
            names = [
                person.display_name,
                *(c.custodian_name for c in repo.consents(s, [person_id])),
            ]
            outcome = erase_everywhere(s, self.user, person_id, at)
        done = after_erasure(self._ctx.db, names)
        log.info("person %d erased (Art. 17); checkpoint complete: %s", person_id, done)
        return EraseResult(
            outcome.consents_deleted,
            len(outcome.post_ids),
            outcome.texts_redacted,
            outcome.approvals_revoked,
            checkpoint_done=done,
        )


# ----------------------------------------------------------------------------- Art. 15 export
def _person_sheet(detail: PersonDetail) -> Sheet:
    from tikdesk.excel.person_export import Sheet

    t = msg
    return Sheet(
        t("Person", "Person"),
        [t("Feld", "Field"), t("Wert", "Value")],
        [
            [t("Name", "Name"), detail.display_name],
            [t("Kategorie", "Category"), detail.summary.category_label],
            [t("Minderjährig", "Minor"), detail.summary.minor],
            [t("Geburtsdatum", "Date of birth"), detail.birth_date],
            [t("18. Geburtstag", "18th birthday"), detail.summary.eighteenth],
            [t("Kontakt für Widerruf", "Contact for withdrawal"), detail.contact],
            [
                t("Alleiniges Sorgerecht (Nachweis)", "Sole custody (evidence)"),
                detail.sole_custody_note,
            ],
            [t("Löschen am", "Delete on"), detail.retention_until],
        ],
    )


def _consents_sheet(detail: PersonDetail) -> Sheet:
    from tikdesk.excel.person_export import Sheet

    t = msg
    headers = [
        "ID",
        t("Status", "Status"),
        t("Rolle", "Role"),
        t("Sorgeberechtigte:r", "Custodian"),
        t("Verhältnis", "Relationship"),
        t("Plattformen", "Platforms"),
        t("Zwecke", "Purposes"),
        t("Darstellung", "Shown as"),
        t("Gültig ab", "Valid from"),
        t("Gültig bis", "Valid until"),
        t("Überprüfen am", "Review on"),
        t("Form", "Form"),
        t("Grund (Form)", "Reason (form)"),
        t("Dokument", "Document"),
        t("Version Einwilligungstext", "Consent text version"),
        t("Version Art.-13-Information", "Art. 13 notice version"),
        t("Keine Nachteile bestätigt", "No disadvantage confirmed"),
        t("Eingeholt von", "Collected by"),
        t("Eingeholt am", "Collected on"),
        t("Ort", "Place"),
        t("Widerrufen am", "Withdrawn on"),
        t("Widerruf über", "Withdrawal channel"),
        t("Widerruf erhalten von", "Received by"),
        t("Widerruf: was getan wurde", "Withdrawal: what was done"),
    ]
    rows = [
        [
            c.id,
            c.status_label,
            c.role_label,
            c.custodian_name,
            c.custodian_relation,
            c.platforms_label,
            ", ".join(option_label(PURPOSES, p) for p in sorted(c.purposes)),
            ", ".join(option_label(SHOWN_AS, p) for p in sorted(c.shown_as)),
            c.valid_from,
            c.valid_until,
            c.review_on,
            ConsentForm(c.form).label,
            c.form_reason,
            c.document_ref,
            c.text_version,
            c.art13_version,
            c.no_disadvantage_confirmed,
            c.collected_by,
            c.collected_on,
            c.collected_place,
            c.withdrawn_on,
            c.withdrawal_channel,
            c.withdrawal_received_by,
            c.withdrawal_note,
        ]
        for c in detail.consents
    ]
    return Sheet(t("Einwilligungen", "Consents"), headers, rows)


def _posts_sheet(appearances: Sequence[Any], posts: dict[int, Any]) -> Sheet:
    from tikdesk.excel.person_export import Sheet

    t = msg
    return Sheet(
        t("Beiträge", "Posts"),
        [
            t("Beitrag", "Post"),
            t("Titel", "Title"),
            t("Status", "Status"),
            t("Geplant", "Planned"),
            t("Veröffentlicht", "Published"),
            t("Szene", "Scene"),
        ],
        [
            [
                a.post_id,
                posts[a.post_id].title,
                PostStatus(posts[a.post_id].status).label,
                posts[a.post_id].planned_at,
                posts[a.post_id].published_at,
                a.scene_note,
            ]
            for a in appearances
            if a.post_id in posts
        ],
    )


def _audit_sheet(events: Sequence[Any]) -> Sheet:
    from tikdesk.excel.person_export import Sheet

    t = msg
    return Sheet(
        t("Protokoll", "Audit log"),
        [
            t("Zeit", "Time"),
            t("Wer", "Who"),
            t("Bereich", "Entity"),
            "ID",
            t("Aktion", "Action"),
            t("Alt", "Old"),
            t("Neu", "New"),
            t("Notiz", "Note"),
        ],
        [
            [e.at, e.actor, e.entity, e.entity_id, e.action, e.old_value, e.new_value, e.note]
            for e in events
        ],
    )
