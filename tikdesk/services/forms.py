"""Printable consent forms (issue 18): issue a numbered, prefilled form; take it back.

:meth:`ConsentFormService.issue` picks the kind (adult, staff, minor), prefills person, scope
and period (from the post when given, else from the person's latest consent), fills the
templates (:mod:`tikdesk.domain.forms`) with the organisation's settings, stores the form
with its number and the two template versions, and returns :class:`ConsentFormData`, which
the PDF renderer (``tikdesk/pdf/consent_form.py``) typesets.  When the signed form comes
back, :meth:`ConsentFormService.returned` turns the typed or scanned number into the prefilled
consent records still to confirm (one per signature); the records keep the form number and
the versions the form carried.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tikdesk.domain import forms as templates
from tikdesk.domain.consent import (
    PLATFORMS,
    PURPOSES,
    SHOWN_AS,
    TIKTOK,
    ConsentFacts,
    age_on,
    join_keys,
    option_label,
    split_keys,
)
from tikdesk.domain.enums import (
    ConsentForm as FormOfConsent,
)
from tikdesk.domain.enums import (
    ConsentRole,
    CustodianRelation,
    PersonCategory,
)
from tikdesk.domain.errors import InputRejected
from tikdesk.domain.fmt import fmt_date
from tikdesk.domain.forms import FormKind
from tikdesk.domain.i18n import msg
from tikdesk.paths import data_dir, resource_dir
from tikdesk.services.context import AppContext
from tikdesk.services.people import PeopleService
from tikdesk.services.posts import Definitions, now
from tikdesk.services.settings import SettingsService
from tikdesk.storage.models import ConsentForm
from tikdesk.storage.repositories import audit
from tikdesk.storage.repositories import people as people_repo
from tikdesk.storage.repositories import posts as posts_repo

STAFF = frozenset({PersonCategory.EMPLOYEE.value, PersonCategory.APPRENTICE.value})


def template_dirs() -> list[Path]:
    """The organisation's ``<data folder>/forms`` first, then the shipped templates."""
    from tikdesk.domain.checklist import search_dirs

    return search_dirs(data_dir() / "forms", templates.shipped_dir(resource_dir()))


@dataclass(frozen=True)
class Choice:
    label: str
    ticked: bool


@dataclass(frozen=True)
class SignatureLine:
    label: str  # "Sorgeberechtigte:r (Mutter)", "die/der Minderjährige selbst" …
    name: str  # prefilled name, "" for a line to fill in by hand


@dataclass(frozen=True)
class ConsentFormData:
    """Everything printed on one form, already in words."""

    form_number: str
    qr: tuple[tuple[bool, ...], ...]
    kind: FormKind
    title: str
    paragraphs: tuple[str, ...]
    organisation: str
    logo_path: str
    person_name: str
    birth_date: str  # "" when not recorded
    category: str
    post_title: str  # "" without a post
    post_date: str
    platforms: tuple[Choice, ...]
    purposes: tuple[Choice, ...]
    shown_as: tuple[Choice, ...]
    valid_from: str
    valid_until: str  # "" = no end date
    notes: tuple[str, ...]  # minors: both custodians sign …, the minor signs from …
    signatures: tuple[SignatureLine, ...]
    art13_title: str
    art13_blocks: tuple[tuple[str, str], ...]
    art13_version: str
    text_version: str
    issued_on: str
    issued_by: str


@dataclass(frozen=True)
class ToConfirm:
    """One signature of a returned form, as the consent record to confirm."""

    label: str
    data: ConsentFacts


@dataclass(frozen=True)
class ReturnedForm:
    form_number: str
    person_id: int
    person_name: str
    post_id: int | None
    pending: tuple[ToConfirm, ...]  # signatures not yet recorded with this number
    recorded: int  # consent records that already carry the number


@dataclass(frozen=True)
class _Custodian:
    person_id: int | None
    name: str
    relation: str


def _choices(table: dict[str, tuple[str, str]], ticked: frozenset[str]) -> tuple[Choice, ...]:
    return tuple(Choice(option_label(table, key), key in ticked) for key in table)


class ConsentFormService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    # ---------------------------------------------------------------- issuing
    def issue(
        self,
        person_id: int,
        post_id: int | None = None,
        *,
        today: dt.date | None = None,
        dirs: list[Path] | None = None,
    ) -> ConsentFormData:
        """A new numbered form for ``person_id`` (optionally for one post), stored."""
        today = today or self._ctx.clock.today()
        dirs = dirs if dirs is not None else template_dirs()
        texts = templates.load_consent_texts(dirs)
        art13 = templates.load_art13(dirs)
        org = SettingsService(self._ctx).organisation()
        _require_organisation(org)
        person = PeopleService(self._ctx).get(person_id, today)
        with self._ctx.db.reader() as s:
            post = posts_repo.get_post(s, post_id) if post_id is not None else None
            links = posts_repo.appearances(s, [post_id]) if post_id is not None else []
        on = post.planned_at.date() if post is not None and post.planned_at else today
        profile = post.checklist_profile if post is not None else "general"
        own_age = Definitions(self._ctx)(profile).own_consent_age
        kind = _kind(person, on)
        platforms, purposes, shown_as, valid_from, valid_until = _scope(person, post, links, today)

        values = {
            "organisation": org.name or org.controller.splitlines()[0],
            "controller": org.controller,
            "dpo": org.dpo_contact,
            "purposes": ", ".join(option_label(PURPOSES, p) for p in sorted(purposes))
            or msg("wie unten angekreuzt", "as ticked below"),
            "platforms": ", ".join(option_label(PLATFORMS, p) for p in sorted(platforms)),
            "own_consent_age": str(own_age),
        }
        kind_text = texts.kinds[kind]
        notes: list[str] = []
        if kind is FormKind.MINOR:
            signatures = self._minor_signatures(person, texts, values, on, own_age, notes)
        else:
            signatures = [SignatureLine(msg("Unterschrift", "Signature"), person.display_name)]

        number = self._store(
            person_id, post_id, kind, (platforms, purposes, shown_as), (valid_from, valid_until),
            (texts.version, art13.version),
        )  # fmt: skip
        return ConsentFormData(
            form_number=number,
            qr=templates.qr_matrix(number),
            kind=kind,
            title=templates.fill(kind_text.title, values),
            paragraphs=tuple(templates.fill(p, values) for p in kind_text.paragraphs),
            organisation=values["organisation"],
            logo_path=org.logo_path,
            person_name=person.display_name,
            birth_date=fmt_date(person.birth_date) if person.birth_date else "",
            category=PersonCategory(person.category).label
            if person.category in {c.value for c in PersonCategory}
            else person.category,
            post_title=post.title if post is not None else "",
            post_date=fmt_date(post.planned_at.date()) if post and post.planned_at else "",
            platforms=_choices(PLATFORMS, platforms),
            purposes=_choices(PURPOSES, purposes),
            shown_as=_choices(SHOWN_AS, shown_as),
            valid_from=fmt_date(valid_from) if valid_from else "",
            valid_until=fmt_date(valid_until) if valid_until else "",
            notes=tuple(notes),
            signatures=tuple(signatures),
            art13_title=templates.fill(art13.title, values),
            art13_blocks=tuple((h, templates.fill(t, values)) for h, t in art13.blocks),
            art13_version=art13.version,
            text_version=texts.version,
            issued_on=fmt_date(today),
            issued_by=self._ctx.who,
        )

    def _store(
        self,
        person_id: int,
        post_id: int | None,
        kind: FormKind,
        scope: tuple[frozenset[str], frozenset[str], frozenset[str]],
        valid: tuple[dt.date | None, dt.date | None],
        versions: tuple[str, str],
    ) -> str:
        """Record the printed form (its number comes from its row id) and audit it."""
        with self._ctx.db.transaction() as s:
            people_repo.get_person(s, person_id)  # not erased meanwhile
            row = ConsentForm(
                form_number="",
                person_id=person_id,
                post_id=post_id,
                kind=kind.value,
                platforms=join_keys(scope[0]),
                purposes=join_keys(scope[1]),
                shown_as=join_keys(scope[2]),
                valid_from=valid[0],
                valid_until=valid[1],
                text_version=versions[0],
                art13_version=versions[1],
                issued_at=now(),
                issued_by=self._ctx.user,
            )
            s.add(row)
            s.flush()
            row.form_number = templates.form_number(row.id)
            s.flush()
            number = row.form_number
            audit.record(
                s,
                self._ctx.user,
                "consent_form",
                row.id,
                "form_printed",
                "",
                f"{number}; {kind.value}; text={versions[0]}; art13={versions[1]}",
                person_id=person_id,
            )
        return number

    def _minor_signatures(
        self,
        person: Any,
        texts: Any,
        values: dict[str, str],
        on: dt.date,
        own_age: int,
        notes: list[str],
    ) -> list[SignatureLine]:
        """A minor's form: a line per custodian (two unless sole custody is documented),
        and the minor's own from the age of their own consent; adds the notes about both."""
        person_id = person.id
        signatures: list[SignatureLine] = []
        custodians = self._custodians(person_id)
        sole = bool(person.sole_custody_note.strip())
        notes.append(templates.fill(texts.sole_custody_note if sole else texts.custodian_note,
                                    values))  # fmt: skip
        lines = max(len(custodians), 1 if sole else 2)
        for index in range(lines):
            found = custodians[index] if index < len(custodians) else None
            relation = (
                f" ({CustodianRelation(found.relation).label})"
                if found is not None and found.relation in {r.value for r in CustodianRelation}
                else ""
            )
            signatures.append(
                SignatureLine(
                    msg(
                        f"Sorgeberechtigte:r {index + 1}{relation}",
                        f"Custodian {index + 1}{relation}",
                    ),
                    found.name if found is not None else "",
                )
            )
        notes.append(templates.fill(texts.own_line_note, values))
        age = age_on(person.birth_date, on) if person.birth_date else None
        if person.own_consent_early or (age is not None and age >= own_age):
            signatures.append(
                SignatureLine(
                    msg("die/der Minderjährige selbst", "the minor themself"),
                    person.display_name,
                )
            )
        return signatures

    def print_to(
        self,
        out: Path,
        person_id: int,
        post_id: int | None = None,
    ) -> ConsentFormData:
        """Issue a form and write it as PDF to ``out`` (complete or not at all).

        The PDF is typeset by ``tikdesk.pdf.consent_form.render_consent_form``.  The target
        is checked before the form is numbered; a form whose PDF could not be written stays
        in the list of issued forms (its number is simply never used).
        """
        from tikdesk.excel.writing import atomic_target, check_target
        from tikdesk.pdf.consent_form import render_consent_form

        out = Path(out)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        check_target(out, self._ctx.protected)
        form = self.issue(person_id, post_id)
        with atomic_target(out, self._ctx.protected) as tmp:
            render_consent_form(form, tmp)
        return form

    def _custodians(self, person_id: int) -> list[_Custodian]:
        """The custodians on record (each registry person once), in order of recording."""
        with self._ctx.db.reader() as s:
            records = people_repo.consents(s, [person_id])
        found: list[_Custodian] = []
        seen: set[object] = set()
        for record in records:
            if record.role != ConsentRole.CUSTODIAN.value:
                continue
            key = record.custodian_person_id or record.custodian_name
            if key in seen:
                continue
            seen.add(key)
            found.append(
                _Custodian(
                    record.custodian_person_id, record.custodian_name, record.custodian_relation
                )
            )
        return found

    def _signs_own(self, person: people_repo.PersonRecord, post_id: int | None) -> bool:
        """A minor signs themself from the own-consent age (or earlier, when mature)."""
        if person.own_consent_early:
            return True
        if person.birth_date is None:
            return False
        profile = "general"
        if post_id is not None:
            with self._ctx.db.reader() as s:
                profile = posts_repo.get_post(s, post_id).checklist_profile
        own_age = Definitions(self._ctx)(profile).own_consent_age
        return age_on(person.birth_date, self._ctx.clock.today()) >= own_age

    # ---------------------------------------------------------------- coming back
    def returned(self, typed: str) -> ReturnedForm:
        """The form behind a typed or scanned number, with the records still to confirm."""
        number = _form_number(typed)
        with self._ctx.db.reader() as s:
            row = s.scalars(select(ConsentForm).where(ConsentForm.form_number == number)).first()
            if row is None:
                raise InputRejected(
                    msg(
                        f"Ein Formular {number} wurde in dieser Datenbank nicht gedruckt (oder "
                        "die Person wurde gelöscht).",
                        f"No form {number} was printed from this database (or the person was "
                        "erased).",
                    )
                )
            form = (
                row.person_id,
                row.post_id,
                FormKind(row.kind),
                split_keys(row.platforms),
                split_keys(row.purposes),
                split_keys(row.shown_as),
                row.valid_from,
                row.valid_until,
                row.text_version,
                row.art13_version,
            )
            person_id = row.person_id
            person = people_repo.get_person(s, person_id)
            records = people_repo.consents(s, [person_id])
        _, post_id, kind, platforms, purposes, shown_as, start, end, text_v, art13_v = form
        base = ConsentFacts(
            platforms=platforms,
            purposes=purposes,
            shown_as=shown_as,
            valid_from=start,
            valid_until=end,
            form=FormOfConsent.WRITTEN.value,
            document_ref=number,
            text_version=text_v,
            art13_version=art13_v,
            no_disadvantage_confirmed=kind is FormKind.STAFF,
            form_number=number,
        )
        done = [r for r in records if r.form_number == number]
        wanted: list[ToConfirm] = []
        if kind is FormKind.MINOR:
            for custodian in self._custodians(person_id) or [_Custodian(None, "", "")]:
                wanted.append(
                    ToConfirm(
                        msg(
                            f"Sorgeberechtigte:r {custodian.name}".strip(),
                            f"Custodian {custodian.name}".strip(),
                        ),
                        base._replace(
                            role=ConsentRole.CUSTODIAN.value,
                            custodian_person_id=custodian.person_id,
                            custodian_name=custodian.name,
                            custodian_relation=custodian.relation,
                        ),
                    )
                )
        if kind is not FormKind.MINOR or self._signs_own(person, post_id):
            wanted.append(ToConfirm(person.display_name, base))
        pending = tuple(
            w
            for w in wanted
            if not any(
                r.role == w.data.role and r.custodian_person_id == w.data.custodian_person_id
                for r in done
            )
        )
        return ReturnedForm(number, person_id, person.display_name, post_id, pending, len(done))


def _form_number(typed: str) -> str:
    """The form number typed or scanned, its check digit checked."""
    number = templates.parse_form_number(typed)
    if number is None:
        raise InputRejected(
            msg(
                f"„{typed.strip()}“ ist keine gültige Formularnummer (Form EW-000123-4; die "
                "letzte Ziffer ist eine Prüfziffer – bitte die Eingabe prüfen).",
                f"'{typed.strip()}' is not a valid form number (form EW-000123-4; the last "
                "digit is a check digit – please check what was typed).",
            )
        )
    return number


def _kind(person: Any, on: dt.date) -> FormKind:
    """The form a person signs on ``on``: a minor's, a member of staff's, or an adult's."""
    minor = person.birth_date is not None and age_on(person.birth_date, on) < 18
    if minor or (person.birth_date is None and person.is_minor):
        return FormKind.MINOR
    if person.category in STAFF:
        return FormKind.STAFF
    return FormKind.ADULT


def _require_organisation(org: Any) -> None:
    """The Art. 13 notice names the controller and the DPO: refuse a form without them."""
    missing = [
        label
        for value, label in (
            (org.controller, msg("Verantwortliche Stelle", "controller")),
            (org.dpo_contact, msg("Kontakt der/des Datenschutzbeauftragten", "DPO's contact")),
        )
        if not value.strip()
    ]
    if missing:
        raise InputRejected(
            msg(
                f"Für die Art.-13-Information fehlt: {' und '.join(missing)} – bitte unter "
                "Einstellungen → Organisation eintragen.",
                f"The Art. 13 notice needs: {' and '.join(missing)} – please fill it in "
                "under Preferences → Organisation.",
            )
        )


def _scope(
    person: Any, post: Any, links: Sequence[Any], today: dt.date
) -> tuple[frozenset[str], frozenset[str], frozenset[str], dt.date | None, dt.date | None]:
    """Platforms, purposes, depiction and validity a new form proposes: from the post, else
    from the person's latest consent, else TikTok only."""
    latest = next(
        (c for c in reversed(person.consents) if c.withdrawn_on is None),
        None,
    )
    if post is not None:
        platforms = frozenset({TIKTOK})
        purposes = frozenset({post.purpose}) if post.purpose else frozenset()
        mine = [a for a in links if a.person_id == person.id]
        shown_as = split_keys(mine[0].shown_as) if mine else frozenset()
        valid_from: dt.date | None = today
        valid_until = None
    elif latest is not None:
        platforms, purposes, shown_as = latest.platforms, latest.purposes, latest.shown_as
        valid_from, valid_until = today, latest.valid_until
    else:
        platforms, purposes, shown_as = frozenset({TIKTOK}), frozenset(), frozenset()
        valid_from, valid_until = today, None
    return platforms, purposes, shown_as, valid_from, valid_until
