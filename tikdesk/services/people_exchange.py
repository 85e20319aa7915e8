"""The consent register a team already keeps, in and out (issue 18).

``tikdesk import-people`` / ``export-people`` and the People tab's import use this module.
Import is two phases like the idea import (:mod:`tikdesk.services.exchange`):
:func:`preview_people_import` reads, checks and plans — nothing is written;
:func:`commit_people_import` writes the plan in one transaction after a forced backup.  The
plan is made again inside the write transaction from the same rows, so a registry that
changed since the preview is noticed (the import is then refused, nothing written).

Matching (the contract):

* A person is identified by name and birth date.  A row without a birth date and with
  ``Volljährig = ja`` matches the one adult of that name (two: a problem naming both); with
  ``Volljährig`` empty it means "age unknown" and matches the one person of that name whose
  age is unknown.
* A custodian named in ``Erteilt von`` is a registry person: an adult of that name (one is
  matched, none is created, two are a problem).  The same name on several rows is one person.
* A consent is identified by its person, who gave it (the person or which custodian) and
  ``Erteilt am``.  Equal values are *unchanged*: re-importing a file or an export changes
  nothing.  A withdrawal cannot be taken back by an import.
* A person who was erased (Art. 17) is recognised by the register's identity hash and never
  re-created; such rows are listed ("am … gelöscht – ausgelassen") and written nowhere.

Any problem means nothing is written unless the caller leaves the problem rows out
explicitly (``skip_problem_rows=True``, the GUI's check box).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from tikdesk.domain.consent import ConsentFacts, age_on, join_keys, split_keys
from tikdesk.domain.enums import AgeState, ConsentForm, ConsentRole, PersonCategory
from tikdesk.domain.errors import InputRejected
from tikdesk.domain.fmt import fmt_date
from tikdesk.domain.i18n import language, msg
from tikdesk.domain.identity import erased_identity, norm_name
from tikdesk.domain.text import column_list
from tikdesk.excel import people_io
from tikdesk.excel.preview import Preview, Problem, format_problems
from tikdesk.excel.reading import map_columns, read_table
from tikdesk.excel.sniff import sniff
from tikdesk.services.context import AppContext
from tikdesk.services.exchange import _step, table_preview
from tikdesk.services.posts import revoke_if_approved
from tikdesk.storage.repositories import audit
from tikdesk.storage.repositories import erasure as erasure_repo
from tikdesk.storage.repositories import imports as imports_repo
from tikdesk.storage.repositories import people as repo
from tikdesk.storage.repositories import posts as posts_repo

__all__ = [
    "KIND_PEOPLE",
    "PeopleImportResult",
    "commit_people_import",
    "export_people",
    "preview_people_import",
    "register_fields",
]

KIND_PEOPLE = "people"
log = logging.getLogger(__name__)
ProgressFn = Callable[[int, int], bool]
IMPORT_CHANNEL = "Register-Import"
#: Consent values an import compares and writes (the rest stays as it was typed in TikDesk).
_CONSENT_COMPARED = (
    "platforms",
    "purposes",
    "shown_as",
    "valid_until",
    "form",
    "no_disadvantage_confirmed",
    "document_ref",
    "withdrawn_on",
    "custodian_relation",
)


@dataclass(frozen=True)
class PeopleImportResult:
    batch_id: int | None
    file_name: str
    people_added: int
    people_changed: int
    consents_added: int
    consents_changed: int
    unchanged: int
    skipped: int
    erased_skipped: int

    def summary(self) -> str:
        return msg(
            f"{self.file_name}: {self.people_added} Personen neu, {self.people_changed} "
            f"geändert; {self.consents_added} Einwilligungen neu, {self.consents_changed} "
            f"geändert, {self.unchanged} Zeilen unverändert, {self.skipped} Zeilen "
            f"ausgelassen, {self.erased_skipped} gelöschte Personen ausgelassen.",
            f"{self.file_name}: {self.people_added} people added, {self.people_changed} "
            f"changed; {self.consents_added} consents added, {self.consents_changed} changed, "
            f"{self.unchanged} rows unchanged, {self.skipped} rows skipped, "
            f"{self.erased_skipped} erased people skipped.",
        )


# ----------------------------------------------------------------------------- the plan
@dataclass
class _NewPerson:
    ref: str  # "new:<n>"
    values: dict[str, Any]
    row: int


@dataclass
class _Plan:
    new_people: dict[str, _NewPerson] = field(default_factory=dict)
    person_changes: dict[int, dict[str, Any]] = field(default_factory=dict)
    person_versions: dict[int, int] = field(default_factory=dict)
    new_consents: list[dict[str, Any]] = field(default_factory=list)
    consent_changes: dict[int, dict[str, Any]] = field(default_factory=dict)
    consent_versions: dict[int, int] = field(default_factory=dict)
    unchanged: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    erased: list[tuple[int, str]] = field(default_factory=list)  # (row, line)
    consent_rows: dict[int, tuple[int, str]] = field(default_factory=dict)  # id → (row, name)

    def shape(self) -> tuple[Any, ...]:
        """What the preview promised; the commit refuses when it differs."""
        return (
            sorted((p.row, tuple(sorted(p.values.items()))) for p in self.new_people.values()),
            sorted((k, tuple(sorted(v.items()))) for k, v in self.person_changes.items()),
            sorted(self.person_versions.items()),
            len(self.new_consents),
            sorted((k, tuple(sorted(v.items()))) for k, v in self.consent_changes.items()),
            sorted(self.consent_versions.items()),
        )


class _Registry:
    """The stored people, consents and erased identities, as the plan needs them."""

    def __init__(self, s: Session) -> None:
        self.people = {p.id: p for p in repo.list_people(s)}
        self.by_name: dict[str, list[repo.PersonRecord]] = {}
        for person in self.people.values():
            self.by_name.setdefault(norm_name(person.display_name), []).append(person)
        self.consents: dict[int, list[ConsentFacts]] = {}
        for consent in repo.consents(s):
            self.consents.setdefault(consent.person_id, []).append(consent)
        self.erased = {
            e.identity_hash: e.erased_at for e in erasure_repo.register(s) if e.identity_hash
        }


def _is_adult(person: repo.PersonRecord, today: dt.date) -> bool:
    if person.birth_date is not None:
        return age_on(person.birth_date, today) >= 18
    return person.age_state in (AgeState.ADULT.value, AgeState.ADULT_MIGRATED.value)


def _who(person: repo.PersonRecord) -> str:
    born = (
        msg(f", geb. {fmt_date(person.birth_date)}", f", born {fmt_date(person.birth_date)}")
        if person.birth_date
        else ""
    )
    return f"„{person.display_name}“ (ID {person.id}{born})"


class _Planner:
    def __init__(self, registry: _Registry, headers: dict[str, str], today: dt.date) -> None:
        self.reg = registry
        self.header = headers
        self.today = today
        self.plan = _Plan()
        self.new_by_key: dict[tuple[str, str, str], str] = {}  # (kind, name, birth) → ref
        self.consent_rows: dict[tuple[Any, ...], int] = {}
        self.sole: dict[int | str, list[tuple[bool, str, int]]] = {}

    def problem(self, row: int, key: str | None, de: str, en: str) -> None:
        self.plan.problems.append(Problem(row, self.header.get(key) if key else None, msg(de, en)))

    # ------------------------------------------------------------ people
    def _new(self, kind: str, name: str, birth: dt.date | None, row: int, **values: Any) -> str:
        key = (kind, norm_name(name), birth.isoformat() if birth else "")
        ref = self.new_by_key.get(key)
        if ref is None:
            ref = f"new:{len(self.plan.new_people) + 1}"
            self.new_by_key[key] = ref
            self.plan.new_people[ref] = _NewPerson(ref, {"display_name": name, **values}, row)
        return ref

    def _adult(self, name: str, row: int, key: str, category: str | None) -> int | str | None:
        """The one adult of that name (or the one of unknown age, who is then confirmed),
        a new adult, or None with a problem."""
        known = self.reg.by_name.get(norm_name(name), [])
        adults = [p for p in known if _is_adult(p, self.today)]
        if not adults:
            adults = [p for p in known if p.age_state == AgeState.UNKNOWN.value]
            if len(adults) == 1:
                self._change(adults[0], {"age_state": AgeState.ADULT.value})
        return self._pick(
            adults,
            row,
            key,
            None,
            lambda both: (
                f"„{name}“ passt auf {len(adults)} volljährige Personen: {both}. Bitte das "
                "Geburtsdatum angeben.",
                f"'{name}' matches {len(adults)} adults: {both}. Please give the date of birth.",
            ),
            lambda: self._new(
                "adult",
                name,
                None,
                row,
                category=category or PersonCategory.CITIZEN.value,
                is_minor=False,
                birth_date=None,
                age_state=AgeState.ADULT.value,
            ),
        )

    def _pick(
        self,
        matches: list[repo.PersonRecord],
        row: int,
        key: str,
        category: str | None,
        ambiguous: Callable[[str], tuple[str, str]],
        new: Callable[[], str],
    ) -> int | str | None:
        """The one person in ``matches`` (given ``category`` when the row names one), None
        with a problem when more match (``ambiguous``: German and English text for the first
        two), or ``new()`` when none does."""
        if len(matches) > 1:
            both = msg(" und ", " and ").join(_who(p) for p in matches[:2])
            self.problem(row, key, *ambiguous(both))
            return None
        if matches:
            if category:
                self._change(matches[0], {"category": category})
            return matches[0].id
        return new()

    def _change(self, person: repo.PersonRecord, changes: dict[str, Any]) -> None:
        wanted = self.plan.person_changes.setdefault(person.id, {})
        for k, v in changes.items():
            if getattr(person, k) != v:
                wanted[k] = v
        if not wanted:
            del self.plan.person_changes[person.id]
        else:
            self.plan.person_versions[person.id] = person.version

    def _born(
        self,
        r: people_io.RegisterRow,
        name: str,
        birth: dt.date,
        adult: bool | None,
        category: str | None,
    ) -> int | str | None:
        """The person of a row with a date of birth: found by name and birthday, or new."""
        if birth > self.today:
            self.problem(
                r.number,
                "birth_date",
                "Das Geburtsdatum liegt in der Zukunft.",
                "The date of birth is in the future.",
            )
            return None
        grown = age_on(birth, self.today) >= 18
        if adult is not None and adult != grown:
            self.problem(
                r.number,
                "adult",
                f"„Volljährig: {'ja' if adult else 'nein'}“ passt nicht zum Geburtsdatum "
                f"{fmt_date(birth)} ({age_on(birth, self.today)} Jahre).",
                f"'Adult: {'yes' if adult else 'no'}' does not fit the date of birth "
                f"{fmt_date(birth)} ({age_on(birth, self.today)} years).",
            )
            return None
        known = [p for p in self.reg.by_name.get(norm_name(name), []) if p.birth_date == birth]
        return self._pick(
            known,
            r.number,
            "person",
            category,
            lambda both: (
                f"Name und Geburtsdatum passen auf zwei Personen: {both}.",
                f"Name and date of birth match two people: {both}.",
            ),
            lambda: self._new(
                "born",
                name,
                birth,
                r.number,
                category=category or PersonCategory.EMPLOYEE.value,
                is_minor=not grown,
                birth_date=birth,
                age_state=AgeState.MINOR.value,
            ),
        )

    def person(self, r: people_io.RegisterRow) -> int | str | None:
        v = r.values
        name = " ".join((v.get("person") or "").split())
        birth: dt.date | None = v.get("birth_date")
        adult: bool | None = v.get("adult")
        category: str | None = v.get("category")
        if birth is not None:
            return self._born(r, name, birth, adult, category)
        if adult is False:
            self.problem(
                r.number,
                "birth_date",
                "Für Minderjährige ist das Geburtsdatum nötig (daraus folgen das Alter am "
                "Veröffentlichungstag und der 18. Geburtstag).",
                "A minor needs a date of birth (it gives the age on the publishing day and "
                "the 18th birthday).",
            )
            return None
        if adult:
            ref = self._adult(name, r.number, "person", category)
            if isinstance(ref, int) and category:
                self._change(self.reg.people[ref], {"category": category})
            return ref
        unknown = [
            p
            for p in self.reg.by_name.get(norm_name(name), [])
            if p.birth_date is None and p.age_state == AgeState.UNKNOWN.value
        ]
        return self._pick(
            unknown,
            r.number,
            "person",
            category,
            lambda both: (
                f"„{name}“ (Alter unbekannt) passt auf zwei Personen: {both}.",
                f"'{name}' (age unknown) matches two people: {both}.",
            ),
            lambda: self._new(
                "unknown",
                name,
                None,
                r.number,
                category=category or PersonCategory.EMPLOYEE.value,
                is_minor=False,
                birth_date=None,
                age_state=AgeState.UNKNOWN.value,
            ),
        )

    # ------------------------------------------------------------ consents
    def _erased(self, r: people_io.RegisterRow, name: str, birth: dt.date | None) -> bool:
        """A row about an erased person (or by an erased custodian) is skipped and said."""
        erased_on = self.reg.erased.get(erased_identity(name, birth))
        custodian_name = r.custodian
        if erased_on is None and custodian_name:
            erased_on = self.reg.erased.get(erased_identity(custodian_name, None))
        if erased_on is not None:
            self.plan.erased.append(
                (
                    r.number,
                    msg(
                        f"Zeile {r.number}: am {fmt_date(erased_on.date())} gelöscht – ausgelassen",
                        f"Row {r.number}: erased on {fmt_date(erased_on.date())} – skipped",
                    ),
                )
            )
            return True
        return False

    def _custodian_checks(
        self, r: people_io.RegisterRow, name: str, birth: dt.date | None, given_on: dt.date | None
    ) -> None:
        """A custodian's row names a minor with a date of birth, and a relation."""
        v = r.values
        custodian_name = r.custodian or ""
        on = given_on or self.today
        if v.get("adult") is True or (birth is not None and age_on(birth, on) >= 18):
            self.problem(
                r.number,
                "given_by",
                "Eine Einwilligung von Sorgeberechtigten gibt es nur für Minderjährige; "
                f"„{name}“ ist volljährig.",
                f"Custodian consents exist only for minors; '{name}' is an adult.",
            )
        elif birth is None:
            self.problem(
                r.number,
                "birth_date",
                "Für Minderjährige ist das Geburtsdatum nötig.",
                "A minor needs a date of birth.",
            )
        if not v.get("relation"):
            self.problem(
                r.number,
                "relation",
                "Bitte die Beziehung der/des Sorgeberechtigten angeben (Mutter, Vater, "
                "Vormund, Sorgeberechtigte:r).",
                "Please give the custodian's relation (mother, father, guardian, custodian).",
            )
        if norm_name(custodian_name) == norm_name(name):
            self.problem(
                r.number,
                "given_by",
                "Eine Person kann nicht ihr eigener Sorgeberechtigter sein.",
                "A person cannot be their own custodian.",
            )

    def _date_checks(
        self,
        r: people_io.RegisterRow,
        given_on: dt.date | None,
        until: dt.date | None,
        withdrawn: dt.date | None,
    ) -> None:
        """Given, valid until and withdrawn in order, none in the future."""
        if until and given_on and until < given_on:
            self.problem(
                r.number,
                "valid_until",
                f"„Gültig bis“ ({fmt_date(until)}) liegt vor „Erteilt am“ ({fmt_date(given_on)}).",
                f"'Valid until' ({fmt_date(until)}) is before 'Given on' ({fmt_date(given_on)}).",
            )
        for key, day in (("given_on", given_on), ("withdrawn_on", withdrawn)):
            if day is not None and day > self.today:
                self.problem(
                    r.number, key, "Das Datum liegt in der Zukunft.", "The date is in the future."
                )
        if withdrawn and given_on and withdrawn < given_on:
            self.problem(
                r.number,
                "withdrawn_on",
                "Der Widerruf liegt vor der Erteilung.",
                "The withdrawal is before the consent was given.",
            )

    def row(self, r: people_io.RegisterRow) -> None:
        v = r.values
        name = " ".join((v.get("person") or "").split())
        if not name:
            self.problem(r.number, "person", "Der Name fehlt.", "The name is missing.")
            return
        birth = v.get("birth_date")
        custodian_name = r.custodian
        if self._erased(r, name, birth):
            return
        before = len(self.plan.problems)
        given_on: dt.date | None = v.get("given_on")
        until: dt.date | None = v.get("valid_until")
        withdrawn: dt.date | None = v.get("withdrawn_on")
        if custodian_name:
            self._custodian_checks(r, name, birth, given_on)
        self._date_checks(r, given_on, until, withdrawn)
        if r.is_consent and not v.get("platforms"):
            self.problem(
                r.number,
                "platforms",
                "Mindestens eine Plattform angeben (z. B. TikTok).",
                "Give at least one platform (e.g. TikTok).",
            )
        if len(self.plan.problems) > before:
            return
        person = self.person(r)
        if person is None:
            return
        custodian: int | str | None = None
        if custodian_name:
            custodian = self._adult(custodian_name, r.number, "given_by", None)
            if custodian is None:
                return
            sole = v.get("sole_custody")
            if sole is not None:
                self.sole.setdefault(person, []).append((sole, custodian_name, r.number))
        if not r.is_consent:
            self.plan.unchanged.append({"_row": r.number, "person": name})
            return
        self.consent(r, name, person, custodian)

    def consent(
        self, r: people_io.RegisterRow, name: str, person: int | str, custodian: int | str | None
    ) -> None:
        v = r.values
        given_on = v.get("given_on")
        key = (person, custodian, given_on)
        if key in self.consent_rows:
            self.problem(
                r.number,
                "given_on",
                f"Dieselbe Einwilligung (Person, erteilt von, erteilt am) steht schon in Zeile "
                f"{self.consent_rows[key]}.",
                f"The same consent (person, given by, given on) already appears in row "
                f"{self.consent_rows[key]}.",
            )
            return
        self.consent_rows[key] = r.number
        form = v.get("form") or ConsentForm.WRITTEN.value
        values: dict[str, Any] = {
            "platforms": join_keys(v.get("platforms") or ()),
            "purposes": join_keys(v.get("purposes") or ()),
            "shown_as": join_keys(v.get("shown_as") or ()),
            "valid_until": v.get("valid_until"),
            "form": form,
            "no_disadvantage_confirmed": bool(v.get("no_disadvantage")),
            "document_ref": v.get("document") or "",
            "withdrawn_on": v.get("withdrawn_on"),
            "custodian_relation": (v.get("relation") or "") if custodian is not None else "",
        }
        existing: list[ConsentFacts] = []
        if isinstance(person, int):
            role = (
                ConsentRole.CUSTODIAN.value if custodian is not None else ConsentRole.SUBJECT.value
            )
            existing = [
                c
                for c in self.reg.consents.get(person, [])
                if c.role == role
                and (c.custodian_person_id if custodian is not None else None) == custodian
                and (c.collected_on or c.valid_from) == given_on
            ]
        if len(existing) > 1:
            self.problem(
                r.number,
                "given_on",
                f"Für diese Person gibt es {len(existing)} gleiche Einwilligungen vom "
                f"{fmt_date(given_on)}; bitte in TikDesk bereinigen.",
                f"This person has {len(existing)} identical consents of {fmt_date(given_on)}; "
                "please tidy them up in TikDesk.",
            )
            return
        if existing:
            self._update(r, name, existing[0], values)
            return
        new = {
            "_row": r.number,
            "_person": person,
            "_custodian": custodian,
            "role": ConsentRole.CUSTODIAN.value if custodian is not None else "subject",
            "custodian_name": r.custodian if custodian is not None else "",
            "valid_from": given_on,
            "collected_on": given_on,
            "form_reason": IMPORT_CHANNEL if form == ConsentForm.OTHER.value else "",
            "withdrawal_channel": IMPORT_CHANNEL if values["withdrawn_on"] else "",
            **values,
        }
        self.plan.new_consents.append(new)

    def _update(
        self, r: people_io.RegisterRow, name: str, stored: ConsentFacts, values: dict[str, Any]
    ) -> None:
        """A row matching a stored consent: what it changes (never a withdrawal undone)."""
        v = r.values
        if stored.withdrawn_on is not None and values["withdrawn_on"] is None:
            self.problem(
                r.number,
                "withdrawn_on",
                f"Diese Einwilligung wurde am {fmt_date(stored.withdrawn_on)} widerrufen; "
                "ein Import kann einen Widerruf nicht zurücknehmen.",
                f"This consent was withdrawn on {fmt_date(stored.withdrawn_on)}; an import "
                "cannot take a withdrawal back.",
            )
            return
        changes = {}
        for k in _CONSENT_COMPARED:
            if k == "form" and v.get("form") is None:
                continue  # an empty cell keeps the stored form
            old = getattr(stored, k)
            new = values[k]
            if k in ("platforms", "purposes", "shown_as"):
                if old == split_keys(new):
                    continue
            elif old == new:
                continue
            changes[k] = new
        if changes:
            if "withdrawn_on" in changes:
                changes["withdrawal_channel"] = IMPORT_CHANNEL
            if changes.get("form") == ConsentForm.OTHER.value and not stored.form_reason:
                changes["form_reason"] = IMPORT_CHANNEL
            self.plan.consent_changes[stored.id] = changes
            self.plan.consent_rows[stored.id] = (r.number, name)
            self.plan.consent_versions[stored.id] = stored.version
        else:
            self.plan.unchanged.append({"_row": r.number, "person": name})

    def finish(self) -> _Plan:
        """Sole custody: a custodian row saying "ja" documents it for the minor."""
        for person, marks in self.sole.items():
            if any(m[0] for m in marks):
                _, who, row = next(m for m in marks if m[0])
                # stored text, in the organisation's language like the register itself
                note = f"Alleiniges Sorgerecht: {who} (Register-Import, Zeile {row})"
            else:
                note = ""
            if isinstance(person, str):
                self.plan.new_people[person].values["sole_custody_note"] = note
            else:
                stored = self.reg.people[person]
                if bool(stored.sole_custody_note.strip()) != bool(note):
                    self._change(stored, {"sole_custody_note": note})
        return self.plan


def _plan(
    s: Session, rows: Iterable[people_io.RegisterRow], headers: dict[str, str], today: dt.date
) -> _Plan:
    planner = _Planner(_Registry(s), headers, today)
    for r in rows:
        if not r.bad:
            planner.row(r)
    return planner.finish()


# ----------------------------------------------------------------------------- preview
def preview_people_import(
    ctx: AppContext,
    path: Path | str,
    sheet: str | None = None,
    progress: ProgressFn | None = None,
    today: dt.date | None = None,
    mapping: dict[int, str | None] | None = None,
) -> Preview:
    """Read, check and plan ``path``; see the module docstring.  Writes nothing."""
    path = Path(path)
    today = today or ctx.clock.today()
    _step(progress, 0, 3)
    sniffed = sniff(path)
    table = read_table(path, people_io.REGISTER_SCHEMA, sheet=sheet, sniffed=sniffed)
    columns = map_columns(table.headers, people_io.REGISTER_SCHEMA, mapping)
    preview = table_preview(
        path, sniffed.kind, table, columns, [people_io.personal_data_notice(), *table.notices]
    )
    if columns.unknown:
        names = column_list(columns.unknown)
        preview.notices.append(
            msg(
                f"Nicht zugeordnete Spalten (werden nicht übernommen): {names}.",
                f"Columns not mapped (not imported): {names}.",
            )
        )
    for header in columns.duplicates:
        preview.notices.append(
            msg(
                f"Die Spalte „{header}“ gibt es doppelt; nur die erste wird übernommen.",
                f"The column '{header}' appears twice; only the first one is used.",
            )
        )
    if "person" not in {k for k in columns.mapping.values() if k}:
        preview.problems.append(
            Problem(
                None,
                None,
                msg(
                    f"„{preview.file_name}“: keine Spalte „Person“ (oder „Name“) gefunden.",
                    f"'{preview.file_name}': no column 'Person' (or 'Name') found.",
                ),
            )
        )
        return preview
    _step(progress, 1, 3)
    rows, problems = people_io.convert_register(table, columns.mapping)
    headers = {key: table.headers[i] for i, key in columns.mapping.items() if key}
    with ctx.db.reader() as s:
        plan = _plan(s, rows, headers, today)
        earlier = imports_repo.find_batch(s, preview.sha256, KIND_PEOPLE)
    preview.problems.extend(problems)
    preview.problems.extend(plan.problems)
    preview.problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    preview.problem_rows = {p.row for p in preview.problems if p.row is not None}
    _fill(preview, plan)
    preview.extra.update(rows=rows, headers=headers, today=today, shape=plan.shape())
    if earlier is not None:
        preview.already_imported = f"{earlier:%d.%m.%Y %H:%M}"
    _step(progress, 3, 3)
    return preview


def register_fields() -> list[tuple[str, str]]:
    """(key, label in the UI language) of every register column, for the mapping combos."""
    lang = language()
    return [(f.key, f.label(lang)) for f in people_io.REGISTER_SCHEMA.fields]


def _fill(preview: Preview, plan: _Plan) -> None:
    """The preview's lists (what the dialog and the CLI count) from the plan."""
    person_word, consent_word = msg("Person", "Person"), msg("Einwilligung", "Consent")
    preview.to_add = [
        {"_row": p.row, "kind": "person", "title": f"{person_word}: {p.values['display_name']}"}
        for p in plan.new_people.values()
    ]
    preview.to_add += [
        {"_row": c["_row"], "kind": "consent", "title": f"{consent_word} ({c['role']})"}
        for c in plan.new_consents
    ]
    preview.add_rows = [a["_row"] for a in preview.to_add]
    preview.to_update = [
        {"id": k, "kind": "person", "title": f"{person_word} {k}: {', '.join(sorted(v))}"}
        for k, v in plan.person_changes.items()
    ]
    preview.to_update += [
        {
            "id": k,
            "kind": "consent",
            "_row": plan.consent_rows[k][0],
            "title": f"{consent_word} – {plan.consent_rows[k][1]}: {', '.join(sorted(v))}",
        }
        for k, v in plan.consent_changes.items()
    ]
    preview.unchanged = list(plan.unchanged)
    preview.extra["erased"] = [line for _, line in plan.erased]
    preview.notices.extend(line for _, line in plan.erased)


def problem_text(preview: Preview) -> str:
    return msg(
        f"„{preview.file_name}“ wurde nicht importiert, nichts wurde geschrieben. "
        f"{len(preview.problems)} Probleme:\n{format_problems(preview.problems)}",
        f"'{preview.file_name}' was not imported, nothing was written. "
        f"{len(preview.problems)} problems:\n{format_problems(preview.problems)}",
    )


# ----------------------------------------------------------------------------- commit
def commit_people_import(
    ctx: AppContext,
    preview: Preview,
    progress: ProgressFn | None = None,
    skip_problem_rows: bool = False,
) -> PeopleImportResult:
    """Write ``preview`` in one transaction after a forced backup; see the module docstring."""
    _step(progress, 0, 1)
    if preview.blocking or (preview.problems and not skip_problem_rows):
        raise InputRejected(problem_text(preview))
    rows: list[people_io.RegisterRow] = preview.extra["rows"]
    left_out = preview.problem_rows
    kept = [r for r in rows if r.number not in left_out]
    headers, today = preview.extra["headers"], preview.extra["today"]
    with ctx.db.reader() as s:
        plan = _plan(s, kept, headers, today)
    if plan.problems:  # only after skipping: a row problem that depended on another row
        raise InputRejected(
            msg(
                "Auch ohne die Zeilen mit Problemen bleiben Probleme; nichts wurde geschrieben:\n",
                "Problems remain even without the rows with problems; nothing was written:\n",
            )
            + format_problems(plan.problems)
        )
    writes = plan.new_people or plan.person_changes or plan.new_consents or plan.consent_changes
    result = PeopleImportResult(
        None,
        preview.file_name,
        len(plan.new_people),
        len(plan.person_changes),
        len(plan.new_consents),
        len(plan.consent_changes),
        len(plan.unchanged),
        len(left_out),
        len(plan.erased),
    )
    if not writes:
        return result  # re-importing the same file: nothing to write, nothing written
    from tikdesk.services.safety import BEFORE_IMPORT, SafetyService

    SafetyService(ctx).before(BEFORE_IMPORT)
    with ctx.db.transaction() as s:
        again = _plan(s, kept, headers, today)
        if again.shape() != plan.shape() or (
            not skip_problem_rows and again.shape() != preview.extra["shape"]
        ):
            raise InputRejected(
                msg(
                    "Das Personenregister wurde seit der Vorschau geändert. Bitte die Vorschau "
                    "neu laden; nichts wurde geschrieben.",
                    "The people registry changed since the preview. Please preview again; "
                    "nothing was written.",
                )
            )
        batch_id = _write(s, ctx.user, again, preview)
    return dataclasses.replace(result, batch_id=batch_id)


def _write(s: Session, user: str, plan: _Plan, preview: Preview) -> int:
    batch_id = imports_repo.add_batch(s, KIND_PEOPLE, preview.file_name, preview.sha256, user)
    ids: dict[str, int] = {}
    for ref, new in plan.new_people.items():
        values = {"sole_custody_note": "", **new.values}
        person_id = repo.add_person(s, **values)
        ids[ref] = person_id
        audit.record(
            s,
            user,
            "person",
            person_id,
            "person_imported",
            "",
            f"category={values['category']}; age_state={values['age_state']}; batch={batch_id}",
            person_id=person_id,
        )
    touched: set[int] = set()
    for person_id, changes in plan.person_changes.items():
        repo.update_person(s, person_id, changes)
        shown = "; ".join(
            f"{k}={v}" if k in ("category", "age_state") else k for k, v in sorted(changes.items())
        )
        audit.record(s, user, "person", person_id, "person_changed", "", shown, person_id=person_id)
        touched.add(person_id)
    for consent in plan.new_consents:
        person = consent["_person"]
        person_id = ids[person] if isinstance(person, str) else person
        custodian = consent["_custodian"]
        fields = {k: v for k, v in consent.items() if not k.startswith("_")}
        if custodian is not None:
            fields["custodian_person_id"] = (
                ids[custodian] if isinstance(custodian, str) else custodian
            )
        consent_id = repo.add_consent(s, person_id, **fields)
        audit.record(
            s,
            user,
            "consent",
            consent_id,
            "consent_imported",
            "",
            f"role={fields['role']}; platforms={fields['platforms']}; batch={batch_id}",
            person_id=person_id,
        )
        touched.add(person_id)
    for consent_id, changes in plan.consent_changes.items():
        record = repo.get_consent(s, consent_id)
        repo.update_consent(s, consent_id, changes)
        audit.record(
            s,
            user,
            "consent",
            consent_id,
            "consent_changed",
            "",
            "; ".join(sorted(changes)) + f"; batch={batch_id}",
            person_id=record.person_id,
        )
        touched.add(record.person_id)
    s.flush()
    reason = msg(
        "Einwilligungen per Register-Import geändert", "consents changed by register import"
    )
    for person_id in sorted(touched):
        post_ids = {a.post_id for a in posts_repo.appearances_of_person(s, person_id)}
        for post in posts_repo.list_posts(s, post_ids):
            revoke_if_approved(s, user, post, reason)
    imports_repo.set_batch_counts(
        s,
        batch_id,
        len(plan.new_people) + len(plan.new_consents),
        len(plan.person_changes) + len(plan.consent_changes),
        len(preview.problem_rows),
    )
    return batch_id


# ----------------------------------------------------------------------------- export
def export_people(
    ctx: AppContext,
    path: Path | str,
    today: dt.date | None = None,
    progress: ProgressFn | None = None,
) -> int:
    """Every consent (and every person without one) to ``path`` in the import's columns."""
    _step(progress, 0, 1)
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        raise InputRejected(
            msg(
                f"„{path.name}“: Export nur als .xlsx oder .csv möglich.",
                f"'{path.name}': export only as .xlsx or .csv.",
            )
        )
    today = today or ctx.clock.today()
    with ctx.db.reader() as s:
        people = repo.list_people(s)
        consents = repo.consents(s)
    by_id = {p.id: p for p in people}
    mine: dict[int, list[ConsentFacts]] = {}
    for c in consents:
        mine.setdefault(c.person_id, []).append(c)
    out: list[dict[str, Any]] = []
    for person in people:
        base = {
            "person": person.display_name,
            "birth_date": person.birth_date,
            "adult": (
                age_on(person.birth_date, today) >= 18
                if person.birth_date
                else None
                if person.age_state == AgeState.UNKNOWN.value
                else True
            ),
            "category": person.category,
        }
        records = mine.get(person.id, [])
        if not records:
            out.append(base)
        for c in sorted(
            records, key=lambda c: (c.collected_on or c.valid_from or dt.date.min, c.id)
        ):
            custodian = c.role == ConsentRole.CUSTODIAN.value
            guardian = by_id.get(c.custodian_person_id) if c.custodian_person_id else None
            out.append(
                {
                    **base,
                    "given_by": (guardian.display_name if guardian else c.custodian_name)
                    if custodian
                    else msg("selbst", "self"),
                    "relation": c.custodian_relation if custodian else "",
                    "sole_custody": bool(person.sole_custody_note.strip()) if custodian else None,
                    "given_on": c.collected_on or c.valid_from,
                    "valid_until": c.valid_until,
                    "platforms": c.platforms,
                    "purposes": c.purposes,
                    "shown_as": c.shown_as,
                    "form": c.form,
                    "no_disadvantage": c.no_disadvantage_confirmed,
                    "document": c.document_ref,
                    "withdrawn_on": c.withdrawn_on,
                }
            )
    count = people_io.write_register(path, out, protected=ctx.protected)
    log.info("consent register exported: %d rows", count)  # no names in the log
    return count
