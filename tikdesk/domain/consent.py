"""Consent rules: the derived consent state of one person on one date.

Never ticked by hand (issue 4): the state of an appearance follows from the person's consent
records at the post's planned publishing date.

Rules (checklist.md "What a consent record must hold"):

* A record counts when it is not withdrawn, includes TikTok and covers the date
  (``valid_from ≤ date ≤ valid_until``; open ends are unlimited).
* A withdrawal takes effect for the future: any withdrawn record of the person or of a
  custodian blocks, unless the same party gave a new, valid consent after the withdrawal.
* Adults (age at the date ≥ 18, or no birth date and not flagged minor) need their own
  consent.  A minor who turns 18 before the date therefore needs a new consent of their own.
* Minors need the consent of every custodian — two distinct registry persons, unless a sole
  custody is documented — and from the profile's age (default 14, or earlier for a child judged
  mature enough) their own consent too.
* Age unknown (no birth date, not confirmed adult) blocks with one sentence (issue 16).
* With the post's use given, every counted record must cover its purpose and every way the
  person is shown.  Staff (employees, apprentices) need written or electronic form and
  "no disadvantage if refused" (§ 26 Abs. 2 BDSG); for others a missing document reference
  or Art. 13 version is a warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from tikdesk.domain.enums import AgeState, ConsentRole, LabeledEnum
from tikdesk.domain.fmt import fmt_date
from tikdesk.domain.i18n import language, msg

ADULT_AGE = 18
OWN_CONSENT_AGE = 14
TIKTOK = "tiktok"


class ConsentState(LabeledEnum):
    VALID = "valid"
    MISSING = "missing"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"
    NOT_IN_SCOPE = "not_in_scope"
    MINOR_CUSTODIANS_MISSING = "minor_custodians_missing"
    MINOR_OWN_MISSING = "minor_own_missing"
    ERASED = "erased"
    AGE_UNKNOWN = "age_unknown"
    EVIDENCE = "evidence"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "valid": ("Gültig", "Valid"),
            "missing": ("Fehlt", "Missing"),
            "expired": ("Abgelaufen zum Termin", "Expired by the planned date"),
            "withdrawn": ("Widerrufen", "Withdrawn"),
            "not_in_scope": ("Deckt den Beitrag nicht ab", "Does not cover the post"),
            "minor_custodians_missing": (
                "Minderjährig: Sorgeberechtigte fehlen",
                "Minor without all custodians",
            ),
            "minor_own_missing": (
                "Minderjährig: eigene Einwilligung fehlt",
                "Minor without own consent",
            ),
            "erased": ("Person gelöscht", "Person erased"),
            "age_unknown": ("Alter unbekannt", "Age unknown"),
            "evidence": ("Nachweis unzureichend", "Evidence insufficient"),
        }

    @property
    def severity(self) -> int:
        """Lower is worse; the worst problem names the appearance's state."""
        return _SEVERITY.index(self)


_SEVERITY = [
    ConsentState.ERASED,
    ConsentState.WITHDRAWN,
    ConsentState.EXPIRED,
    ConsentState.AGE_UNKNOWN,
    ConsentState.NOT_IN_SCOPE,
    ConsentState.EVIDENCE,
    ConsentState.MINOR_CUSTODIANS_MISSING,
    ConsentState.MINOR_OWN_MISSING,
    ConsentState.MISSING,
    ConsentState.VALID,
]

#: Scope options of a consent record (checklist.md), key → (de, en).
PLATFORMS: dict[str, tuple[str, str]] = {
    "tiktok": ("TikTok", "TikTok"),
    "instagram": ("Instagram", "Instagram"),
    "youtube": ("YouTube", "YouTube"),
    "website": ("Website", "Website"),
    "press": ("Presse", "Press"),
    "paid_ads": ("Bezahlte Anzeigen", "Paid ads"),
    "print": ("Print", "Print"),
    "intranet": ("Intranet", "Intranet"),
}
PURPOSES: dict[str, tuple[str, str]] = {
    "recruiting": ("Nachwuchs & Recruiting", "Recruiting"),
    "employer_branding": ("Arbeitgebermarke", "Employer branding"),
    "public_information": ("Öffentlichkeitsinformation", "Public information"),
    "events": ("Veranstaltungen", "Events"),
    "behind_the_scenes": ("Blick hinter die Kulissen", "Behind the scenes"),
    "internal": ("Interne Kommunikation", "Internal communication"),
    "other": ("Sonstiges", "Other"),
}
#: What a post may state as its purpose (a subset of the consent purposes, same keys).
POST_PURPOSES = ("recruiting", "public_information", "events", "behind_the_scenes", "other")
SHOWN_AS: dict[str, tuple[str, str]] = {
    "face": ("Gesicht", "Face"),
    "name": ("Name", "Name"),
    "role": ("Funktion/Rolle", "Function/role"),
    "voice": ("Stimme", "Voice"),
}
#: Words a file may use for a post purpose (issues 18 and 19), case ignored → key.
PURPOSE_WORDS: dict[str, str] = {
    "recruiting": "recruiting",
    "nachwuchs": "recruiting",
    "nachwuchs & recruiting": "recruiting",
    "information": "public_information",
    "öffentlichkeitsinformation": "public_information",
    "public information": "public_information",
    "public_information": "public_information",
    "veranstaltung": "events",
    "veranstaltungen": "events",
    "event": "events",
    "events": "events",
    "einblicke": "behind_the_scenes",
    "blick hinter die kulissen": "behind_the_scenes",
    "behind the scenes": "behind_the_scenes",
    "behind_the_scenes": "behind_the_scenes",
    "sonstiges": "other",
    "other": "other",
}
#: Words a file may use for how a person is shown, case ignored → SHOWN_AS key.
SHOWN_AS_WORDS: dict[str, str] = {
    "gesicht": "face",
    "face": "face",
    "stimme": "voice",
    "voice": "voice",
    "name": "name",
    "funktion": "role",
    "rolle": "role",
    "funktion/rolle": "role",
    "role": "role",
    "function": "role",
}


def word_key(words: dict[str, str], text: str) -> str | None:
    """The key a file's word stands for (``PURPOSE_WORDS``, ``SHOWN_AS_WORDS``), or None."""
    return words.get(" ".join(text.casefold().replace("-", " ").split()))


#: Categories whose consent needs written or electronic form and voluntariness (§ 26 BDSG).
STAFF_CATEGORIES = frozenset({"employee", "apprentice"})
EVIDENCE_FORMS = frozenset({"written", "electronic"})
AGE_UNKNOWN_TEXT = (
    "Alter unbekannt – Geburtsdatum eintragen oder Volljährigkeit bestätigen",
    "Age unknown – enter the date of birth or confirm the person is of age",
)


def option_label(table: dict[str, tuple[str, str]], key: str) -> str:
    de, en = table.get(key, (key, key))
    return de if language() == "de" else en


def split_keys(text: str) -> frozenset[str]:
    """``"tiktok, Instagram"`` → ``{"tiktok", "instagram"}`` (the stored comma format)."""
    return frozenset(p.strip().lower() for p in text.split(",") if p.strip())


def join_keys(keys: Iterable[str]) -> str:
    return ",".join(sorted({k.strip().lower() for k in keys if k.strip()}))


# ----------------------------------------------------------------------------- facts
# NamedTuples, not frozen dataclasses: lists assess thousands of people at once (see gate.py).


class ConsentFacts(NamedTuple):
    """One consent record: what the rules judge (the first fields, all a list reads) and
    what it records besides (read for one person; left at their defaults in a list).

    The one shape of a consent between the ORM row (``storage.models.Consent``) and the
    service's view (``services.people.ConsentView``, with its status and labels): the
    repository reads it, the rules assess it, and the forms hand it in to be saved (then
    without ``id``, ``person_id``, the withdrawal and the bookkeeping)."""

    role: str = ConsentRole.SUBJECT.value
    platforms: frozenset[str] = frozenset({TIKTOK})
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    withdrawn_on: dt.date | None = None
    custodian_name: str = ""
    collected_on: dt.date | None = None
    id: int = 0  # 0: not saved yet
    purposes: frozenset[str] = frozenset()
    shown_as: frozenset[str] = frozenset()
    form: str = "written"
    document_ref: str = ""
    art13_version: str = ""
    no_disadvantage_confirmed: bool = False
    custodian_person_id: int | None = None
    person_id: int = 0  # 0: not saved yet
    # recorded, not judged
    custodian_relation: str = ""
    review_on: dt.date | None = None
    form_reason: str = ""
    text_version: str = ""
    collected_by: str = ""
    collected_place: str = ""
    form_number: str = ""  # of the printed form it came back on (services.forms)
    withdrawal_channel: str = ""
    withdrawal_received_by: str = ""
    withdrawal_note: str = ""
    created_at: dt.datetime | None = None
    version: int = 0

    @property
    def given_on(self) -> dt.date | None:
        return self.collected_on or self.valid_from

    @property
    def is_custodian(self) -> bool:
        return self.role == ConsentRole.CUSTODIAN.value


class PersonFacts(NamedTuple):
    is_minor: bool = False
    birth_date: dt.date | None = None
    sole_custody: bool = False  # a documented sole custody note exists
    erased: bool = False
    id: int | None = None
    age_state: str = "adult"  # enums.AgeState
    category: str = ""  # enums.PersonCategory
    own_consent_early: bool = False  # mature child: own consent before the profile's age


class Use(NamedTuple):
    """How one post uses one person: what a consent must cover besides TikTok and the date."""

    purpose: str = ""  # a POST_PURPOSES key; "" = the post states none (checked by the gate)
    shown_as: frozenset[str] = frozenset()  # SHOWN_AS keys of the appearance
    require_purpose: bool = False  # the post is not published: purpose and depiction needed


class ConsentProblem(NamedTuple):
    state: ConsentState
    reason: str


class ConsentAssessment(NamedTuple):
    """The derived consent state of one person on one date, with every problem found."""

    state: ConsentState
    problems: tuple[ConsentProblem, ...] = ()
    on: dt.date | None = None
    minor: bool = False
    age: int | None = None
    custodians_expected: int = 0
    custodians_valid: int = 0
    own_consent_needed: bool = True
    consent_ids: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.state is ConsentState.VALID

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(p.reason for p in self.problems)

    @property
    def take_down(self) -> bool:
        """A published video with this person must come down: a consent was withdrawn,
        ended, no longer fits, or the person was erased — any problem on the day."""
        return bool(self.problems)


# ----------------------------------------------------------------------------- age


def age_on(birth_date: dt.date, on: dt.date) -> int:
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def birthday(birth_date: dt.date, age: int) -> dt.date:
    """The day the person reaches ``age`` (born 29 Feb → 1 March in common years)."""
    try:
        return birth_date.replace(year=birth_date.year + age)
    except ValueError:
        return dt.date(birth_date.year + age, 3, 1)


def eighteenth_birthday(birth_date: dt.date | None) -> dt.date | None:
    return None if birth_date is None else birthday(birth_date, ADULT_AGE)


def is_minor_on(person: PersonFacts, on: dt.date) -> bool:
    if person.birth_date is not None:
        return age_on(person.birth_date, on) < ADULT_AGE
    return person.is_minor


# ----------------------------------------------------------------------------- rules


def _labels(table: dict[str, tuple[str, str]], keys: Iterable[str]) -> str:
    order = list(table)
    ordered = sorted(keys, key=lambda k: order.index(k) if k in order else len(order))
    return ", ".join(f"„{option_label(table, k)}“" for k in ordered)


def _record_state(
    record: ConsentFacts, on: dt.date, use: Use | None, staff: bool
) -> tuple[ConsentState, str]:
    if record.withdrawn_on is not None:
        return ConsentState.WITHDRAWN, msg(
            f"am {fmt_date(record.withdrawn_on)} widerrufen",
            f"withdrawn on {fmt_date(record.withdrawn_on)}",
        )
    if TIKTOK not in record.platforms:
        shown = ", ".join(option_label(PLATFORMS, p) for p in sorted(record.platforms)) or "–"
        return ConsentState.NOT_IN_SCOPE, msg(
            f"umfasst TikTok nicht (nur: {shown})", f"does not cover TikTok (only: {shown})"
        )
    if record.valid_until is not None and record.valid_until < on:
        return ConsentState.EXPIRED, msg(
            f"gilt nur bis {fmt_date(record.valid_until)}, geplant ist der {fmt_date(on)}",
            f"valid only until {fmt_date(record.valid_until)}, planned for {fmt_date(on)}",
        )
    if record.valid_from is not None and record.valid_from > on:
        return ConsentState.MISSING, msg(
            f"gilt erst ab {fmt_date(record.valid_from)}",
            f"valid only from {fmt_date(record.valid_from)}",
        )
    if use is not None:
        gaps_de: list[str] = []
        gaps_en: list[str] = []
        if use.purpose and use.purpose not in record.purposes:
            label = _labels(PURPOSES, [use.purpose])
            gaps_de.append(f"den Zweck {label}")
            gaps_en.append(f"the purpose {label}")
        uncovered = use.shown_as - record.shown_as
        if uncovered:
            gaps_de.append(_labels(SHOWN_AS, uncovered))
            gaps_en.append(_labels(SHOWN_AS, uncovered))
        if gaps_de:
            return ConsentState.NOT_IN_SCOPE, msg(
                f"deckt {' und '.join(gaps_de)} nicht ab",
                f"does not cover {' and '.join(gaps_en)}",
            )
    if staff:
        faults_de: list[str] = []
        faults_en: list[str] = []
        if record.form not in EVIDENCE_FORMS:
            faults_de.append("nicht schriftlich oder elektronisch erteilt")
            faults_en.append("not given in written or electronic form")
        if not record.no_disadvantage_confirmed:
            faults_de.append("„keine Nachteile bei Ablehnung“ nicht bestätigt")
            faults_en.append("'no disadvantage if refused' not confirmed")
        if faults_de:
            return ConsentState.EVIDENCE, msg(
                f"{' und '.join(faults_de)} (§ 26 Abs. 2 BDSG)",
                f"{' and '.join(faults_en)} (§ 26 (2) BDSG)",
            )
    return ConsentState.VALID, ""


def _party_state(
    records: Sequence[ConsentFacts], on: dt.date, use: Use | None, staff: bool = False
) -> tuple[ConsentState, str, ConsentFacts | None]:
    """Best state of one party's records (the person themself, or one custodian), with the
    record that counts when valid."""
    if not records:
        return ConsentState.MISSING, "", None
    states = [(r, *_record_state(r, on, use, staff)) for r in records]
    withdrawals = [r.withdrawn_on for r in records if r.withdrawn_on is not None]
    latest = max(withdrawals) if withdrawals else None
    for record, state, _ in states:
        if state is ConsentState.VALID and (
            latest is None or (record.given_on is not None and record.given_on > latest)
        ):
            return ConsentState.VALID, "", record
    worst = min(states, key=lambda s: s[1].severity)
    return worst[1], worst[2], None


#: Age states that need a birth date to say anything about the age.
_NO_AGE = frozenset({AgeState.UNKNOWN.value, AgeState.MINOR.value})


def _evidence_warnings(record: ConsentFacts | None, who: str) -> list[str]:
    """Missing document reference or Art. 13 version: a warning with its reason (non-staff)."""
    if record is None:
        return []
    found = []
    if not record.document_ref.strip():
        found.append(
            msg(
                f"{who}: kein Verweis auf das unterschriebene Dokument (Nachweis, Art. 7 Abs. 1 "
                "DSGVO)",
                f"{who}: no reference to the signed document (proof, Art. 7 (1) GDPR)",
            )
        )
    if not record.art13_version.strip():
        found.append(
            msg(
                f"{who}: Version der Art.-13-Information fehlt",
                f"{who}: version of the Art. 13 notice missing",
            )
        )
    return found


def _custodian_groups(
    records: Iterable[ConsentFacts],
) -> tuple[list[list[ConsentFacts]], list[ConsentFacts]]:
    """Custodian records per registry person; records naming no registry person apart (they
    cannot count: the same custodian typed twice would count twice)."""
    groups: dict[int, list[ConsentFacts]] = {}
    unlinked: list[ConsentFacts] = []
    for record in records:
        if record.custodian_person_id is None:
            unlinked.append(record)
        else:
            groups.setdefault(record.custodian_person_id, []).append(record)
    return list(groups.values()), unlinked


def assess(
    person: PersonFacts,
    consents: Sequence[ConsentFacts],
    on: dt.date,
    use: Use | None = None,
    *,
    own_consent_age: int = OWN_CONSENT_AGE,
) -> ConsentAssessment:
    """The derived consent state of ``person`` for a publication on ``on``.

    ``use``: how the post uses the person (purpose, depiction); without it only TikTok, the
    date and the evidence are checked (the people list's "could appear on TikTok today").
    """
    ids = tuple(c.id for c in consents if c.id)
    if person.erased:
        return _erased(on)
    if person.birth_date is None and (person.is_minor or person.age_state in _NO_AGE):
        return ConsentAssessment(
            ConsentState.AGE_UNKNOWN,
            (ConsentProblem(ConsentState.AGE_UNKNOWN, msg(*AGE_UNKNOWN_TEXT)),),
            on=on,
            consent_ids=ids,
        )
    age = age_on(person.birth_date, on) if person.birth_date else None
    own = [c for c in consents if not c.is_custodian]
    custodian = [c for c in consents if c.is_custodian]
    problems: list[ConsentProblem] = []
    warnings: list[str] = []
    if not is_minor_on(person, on):
        _adult_problems(person, own, custodian, on, use, problems, warnings)
        return _result(
            problems,
            on,
            minor=False,
            age=age,
            expected=0,
            valid=0,
            own_needed=True,
            ids=ids,
            warnings=warnings,
        )

    expected = 1 if person.sole_custody else 2
    own_needed = person.own_consent_early or age is None or age >= own_consent_age
    if not consents:
        problems.append(_nothing_for_a_minor(own_needed))
        return _result(
            problems,
            on,
            minor=True,
            age=age,
            expected=expected,
            valid=0,
            own_needed=own_needed,
            ids=ids,
        )
    valid = _custodian_problems(custodian, on, use, problems, warnings)
    if valid < expected:
        problems.append(_too_few_custodians(person, age, valid, expected))
    _own_problem(person, own, on, use, age, own_consent_age, own_needed, problems)
    return _result(
        problems,
        on,
        minor=True,
        age=age,
        expected=expected,
        valid=valid,
        own_needed=own_needed,
        ids=ids,
        warnings=warnings,
    )


def _nothing_for_a_minor(own_needed: bool) -> ConsentProblem:
    return ConsentProblem(
        ConsentState.MISSING,
        msg(
            "keine Einwilligung erfasst (minderjährig: Sorgeberechtigte"
            + (" und die Person selbst" if own_needed else "")
            + ")",
            "no consent recorded (minor: custodians"
            + (" and the person themself" if own_needed else "")
            + ")",
        ),
    )


def _too_few_custodians(
    person: PersonFacts, age: int | None, valid: int, expected: int
) -> ConsentProblem:
    age_text = (
        msg(f"{age} Jahre", f"{age} years")
        if age is not None
        else msg("Alter unbekannt", "age unknown")
    )
    return ConsentProblem(
        ConsentState.MINOR_CUSTODIANS_MISSING,
        msg(
            f"minderjährig ({age_text}): {valid} von {expected} Sorgeberechtigten "
            "eingewilligt"
            + ("" if person.sole_custody else " (alleiniges Sorgerecht nicht dokumentiert)"),
            f"minor ({age_text}): {valid} of {expected} custodians consented"
            + ("" if person.sole_custody else " (no sole custody documented)"),
        ),
    )


def _erased(on: dt.date) -> ConsentAssessment:
    return ConsentAssessment(
        ConsentState.ERASED,
        (
            ConsentProblem(
                ConsentState.ERASED,
                msg(
                    "Person gelöscht (Art. 17 DSGVO) – es gibt keine Einwilligung mehr",
                    "person erased (Art. 17 GDPR) – no consent exists any more",
                ),
            ),
        ),
        on=on,
    )


def _adult_problems(
    person: PersonFacts,
    own: list[ConsentFacts],
    custodian: list[ConsentFacts],
    on: dt.date,
    use: Use | None,
    problems: list[ConsentProblem],
    warnings: list[str],
) -> None:
    """An adult needs their own consent (the custodians' ends at 18)."""
    staff = person.category in STAFF_CATEGORIES
    state, detail, counted = _party_state(own, on, use, staff)
    if state is ConsentState.VALID:
        if not staff:
            warnings.extend(_evidence_warnings(counted, msg("Einwilligung", "consent")))
        return
    if not own and custodian and person.birth_date is not None:
        since = fmt_date(eighteenth_birthday(person.birth_date))
        reason = msg(
            f"seit {since} volljährig – "
            "eigene Einwilligung nötig, die der Sorgeberechtigten reicht nicht mehr",
            f"of age since {since} – own consent needed, the custodians' no longer suffices",
        )
        problems.append(ConsentProblem(ConsentState.MISSING, reason))
    elif state is ConsentState.MISSING and not detail:
        problems.append(
            ConsentProblem(state, msg("keine Einwilligung erfasst", "no consent recorded"))
        )
    else:
        problems.append(ConsentProblem(state, msg(f"Einwilligung {detail}", f"consent {detail}")))


def _custodian_problems(
    custodian: list[ConsentFacts],
    on: dt.date,
    use: Use | None,
    problems: list[ConsentProblem],
    warnings: list[str],
) -> int:
    """How many custodians validly consented; lists the others' and unlinked records."""
    valid = 0
    groups, unlinked = _custodian_groups(custodian)
    for record in unlinked:
        name = record.custodian_name.strip() or msg("ohne Namen", "unnamed")
        problems.append(
            ConsentProblem(
                ConsentState.MINOR_CUSTODIANS_MISSING,
                msg(
                    f"Sorgeberechtigte:r ({name}) ist keine Person aus dem Register – "
                    "zuordnen, damit niemand doppelt zählt",
                    f"custodian ({name}) is not a person from the registry – link them, so "
                    "that nobody counts twice",
                ),
            )
        )
    for group in groups:
        state, detail, counted = _party_state(group, on, use)
        name = group[0].custodian_name.strip() or msg("ohne Namen", "unnamed")
        if state is ConsentState.VALID:
            valid += 1
            warnings.extend(
                _evidence_warnings(
                    counted, msg(f"Sorgeberechtigte:r ({name})", f"custodian ({name})")
                )
            )
        else:
            problems.append(
                ConsentProblem(
                    state,
                    msg(
                        f"Einwilligung Sorgeberechtigte:r ({name}) {detail}",
                        f"consent of custodian ({name}) {detail}",
                    ),
                )
            )
    return valid


def _own_problem(
    person: PersonFacts,
    own: list[ConsentFacts],
    on: dt.date,
    use: Use | None,
    age: int | None,
    own_consent_age: int,
    own_needed: bool,
    problems: list[ConsentProblem],
) -> None:
    """A minor's own consent: needed from the profile's age (or when judged mature); a
    withdrawal counts at any age."""
    state, detail, _counted = _party_state(own, on, use)
    if state is ConsentState.VALID or not (own_needed or state is ConsentState.WITHDRAWN):
        return
    if state is ConsentState.MISSING and not own:
        shown_age = (
            msg(f"{age} Jahre alt", f"{age} years old")
            if age is not None
            else msg("Alter unbekannt", "age unknown")
        )
        since = (
            msg("als reif eingeschätzt", "judged mature enough")
            if person.own_consent_early and (age is None or age < own_consent_age)
            else msg(f"ab {own_consent_age} nötig", f"needed from {own_consent_age}")
        )
        problems.append(
            ConsentProblem(
                ConsentState.MINOR_OWN_MISSING,
                msg(
                    f"{shown_age}: eigene Einwilligung fehlt ({since})",
                    f"{shown_age}: own consent missing ({since})",
                ),
            )
        )
    else:
        problems.append(
            ConsentProblem(state, msg(f"eigene Einwilligung {detail}", f"own consent {detail}"))
        )


def _result(
    problems: list[ConsentProblem],
    on: dt.date,
    *,
    minor: bool,
    age: int | None,
    expected: int,
    valid: int,
    own_needed: bool,
    ids: tuple[int, ...],
    warnings: Sequence[str] = (),
) -> ConsentAssessment:
    problems.sort(key=lambda p: p.state.severity)
    state = problems[0].state if problems else ConsentState.VALID
    return ConsentAssessment(
        state=state,
        problems=tuple(problems),
        on=on,
        minor=minor,
        age=age,
        custodians_expected=expected,
        custodians_valid=valid,
        own_consent_needed=own_needed,
        consent_ids=ids,
        warnings=() if problems else tuple(warnings),
    )


def record_status(record: ConsentFacts, today: dt.date) -> str:
    """Lifecycle status of one record: ``active``, ``expired`` or ``withdrawn``."""
    if record.withdrawn_on is not None:
        return "withdrawn"
    if record.valid_until is not None and record.valid_until < today:
        return "expired"
    return "active"


RECORD_STATUS_LABELS = {
    "active": ("Aktiv", "Active"),
    "expired": ("Abgelaufen", "Expired"),
    "withdrawn": ("Widerrufen", "Withdrawn"),
}
