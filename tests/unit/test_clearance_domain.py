"""The pure clearance rules, table-driven: derived consent states and the publication gate."""

from __future__ import annotations

import datetime as dt

import pytest

from tikdesk.domain.checklist import load_profile
from tikdesk.domain.consent import (
    POST_PURPOSES,
    PURPOSES,
    SHOWN_AS,
    ConsentFacts,
    ConsentState,
    PersonFacts,
    Use,
    age_on,
    assess,
    eighteenth_birthday,
)
from tikdesk.domain.enums import Gate, ItemState
from tikdesk.domain.gate import GateStatus, ItemResult, PersonOnPost, evaluate
from tikdesk.domain.i18n import set_language
from tikdesk.paths import resource_dir

ON = dt.date(2026, 6, 15)  # planned publishing day
D = dt.date
S = ConsentState

ADULT = PersonFacts()
AGE13 = PersonFacts(is_minor=True, birth_date=D(2013, 1, 10))
AGE15 = PersonFacts(is_minor=True, birth_date=D(2011, 2, 1))
AGE15_SOLE = PersonFacts(is_minor=True, birth_date=D(2011, 2, 1), sole_custody=True)
TURNS18_BEFORE = PersonFacts(is_minor=True, birth_date=D(2008, 6, 1))  # 18 on 2026-06-01
MINOR_NO_BIRTHDATE = PersonFacts(is_minor=True)
UNKNOWN_AGE = PersonFacts(age_state="unknown")
MIGRATED = PersonFacts(age_state="adult_migrated")
TURNS14_ON_DAY = PersonFacts(age_state="minor", birth_date=D(2012, 6, 15))
AGE13_MATURE = PersonFacts(age_state="minor", birth_date=D(2013, 1, 10), own_consent_early=True)
STAFF = PersonFacts(category="employee")
APPRENTICE = PersonFacts(category="apprentice")
ERASED = PersonFacts(erased=True)


def own(**kw) -> ConsentFacts:
    """The person's own consent, with its document and Art. 13 version recorded."""
    return ConsentFacts(
        role="subject", **{"document_ref": "Akte 1", "art13_version": "2026-01", **kw}
    )


#: Custodians are registry persons: the id, not the typed name, tells who is who.
CUSTODIAN_IDS = {"Maria Beispiel": 101, "Jonas Beispiel": 102}


def cust(name: str, person: int | None = None, **kw) -> ConsentFacts:
    pid = person if person is not None else CUSTODIAN_IDS[name]
    documented = {"document_ref": "Akte 2", "art13_version": "2026-01", **kw}
    return ConsentFacts(
        role="custodian", custodian_name=name, custodian_person_id=pid, **documented
    )


MUM, DAD = cust("Maria Beispiel"), cust("Jonas Beispiel")

CASES = [
    # id, person, consents, expected state, expected problem states
    ("adult valid", ADULT, [own()], S.VALID, []),
    ("adult open-ended period", ADULT, [own(valid_from=D(2026, 1, 1))], S.VALID, []),
    ("adult valid until the day", ADULT, [own(valid_until=ON)], S.VALID, []),
    ("adult nothing recorded", ADULT, [], S.MISSING, [S.MISSING]),
    (
        "adult expired before planned date",
        ADULT,
        [own(valid_until=D(2026, 6, 14))],
        S.EXPIRED,
        [S.EXPIRED],
    ),
    ("adult not yet valid", ADULT, [own(valid_from=D(2026, 7, 1))], S.MISSING, [S.MISSING]),
    ("adult withdrawn", ADULT, [own(withdrawn_on=D(2026, 5, 2))], S.WITHDRAWN, [S.WITHDRAWN]),
    (
        "adult scope without TikTok",
        ADULT,
        [own(platforms=frozenset({"instagram", "website"}))],
        S.NOT_IN_SCOPE,
        [S.NOT_IN_SCOPE],
    ),
    (
        "adult new consent after withdrawal",
        ADULT,
        [own(withdrawn_on=D(2026, 3, 1)), own(collected_on=D(2026, 4, 1))],
        S.VALID,
        [],
    ),
    (
        "adult old consent does not undo withdrawal",
        ADULT,
        [own(withdrawn_on=D(2026, 3, 1)), own(collected_on=D(2026, 2, 1))],
        S.WITHDRAWN,
        [S.WITHDRAWN],
    ),
    ("15 nothing recorded", AGE15, [], S.MISSING, [S.MISSING]),
    (
        "15 one custodian + own",
        AGE15,
        [MUM, own()],
        S.MINOR_CUSTODIANS_MISSING,
        [S.MINOR_CUSTODIANS_MISSING],
    ),
    ("15 two custodians + own", AGE15, [MUM, DAD, own()], S.VALID, []),
    ("15 two custodians, no own", AGE15, [MUM, DAD], S.MINOR_OWN_MISSING, [S.MINOR_OWN_MISSING]),
    (
        "15 no custodians, own only",
        AGE15,
        [own()],
        S.MINOR_CUSTODIANS_MISSING,
        [S.MINOR_CUSTODIANS_MISSING],
    ),
    (
        "15 same custodian twice counts once",
        AGE15,
        [MUM, cust("M. Beispiel", person=101), own()],
        S.MINOR_CUSTODIANS_MISSING,
        [S.MINOR_CUSTODIANS_MISSING],
    ),
    ("15 sole custody, one custodian + own", AGE15_SOLE, [MUM, own()], S.VALID, []),
    ("13 two custodians, no own needed", AGE13, [MUM, DAD], S.VALID, []),
    ("13 one custodian", AGE13, [MUM], S.MINOR_CUSTODIANS_MISSING, [S.MINOR_CUSTODIANS_MISSING]),
    (
        "13 own consent withdrawn still counts",
        AGE13,
        [MUM, DAD, own(withdrawn_on=D(2026, 5, 1))],
        S.WITHDRAWN,
        [S.WITHDRAWN],
    ),
    (
        "15 custodian withdrawn",
        AGE15,
        [MUM, cust("Jonas Beispiel", withdrawn_on=D(2026, 5, 20)), own()],
        S.WITHDRAWN,
        [S.WITHDRAWN, S.MINOR_CUSTODIANS_MISSING],
    ),
    (
        "15 custodian expired before date",
        AGE15,
        [MUM, cust("Jonas Beispiel", valid_until=D(2026, 6, 1)), own()],
        S.EXPIRED,
        [S.EXPIRED, S.MINOR_CUSTODIANS_MISSING],
    ),
    (
        "15 custodian without TikTok",
        AGE15,
        [MUM, cust("Jonas Beispiel", platforms=frozenset({"website"})), own()],
        S.NOT_IN_SCOPE,
        [S.NOT_IN_SCOPE, S.MINOR_CUSTODIANS_MISSING],
    ),
    (
        "15 own consent expired",
        AGE15,
        [MUM, DAD, own(valid_until=D(2026, 1, 1))],
        S.EXPIRED,
        [S.EXPIRED],
    ),
    (
        "turns 18 before date: custodians no longer suffice",
        TURNS18_BEFORE,
        [MUM, DAD],
        S.MISSING,
        [S.MISSING],
    ),
    ("turns 18 before date with own consent", TURNS18_BEFORE, [MUM, DAD, own()], S.VALID, []),
    (
        "minor flag without birth date: age unknown",
        MINOR_NO_BIRTHDATE,
        [MUM, DAD],
        S.AGE_UNKNOWN,
        [S.AGE_UNKNOWN],
    ),
    ("age unknown blocks", UNKNOWN_AGE, [own()], S.AGE_UNKNOWN, [S.AGE_UNKNOWN]),
    ("adult confirmed passes", PersonFacts(age_state="adult"), [own()], S.VALID, []),
    ("adult from earlier version passes", MIGRATED, [own()], S.VALID, []),
    (
        "15 one custodian entered twice (two spellings, one person)",
        AGE15,
        [cust("Anna Muster", person=7), cust("A. Muster", person=7), own()],
        S.MINOR_CUSTODIANS_MISSING,
        [S.MINOR_CUSTODIANS_MISSING],
    ),
    (
        "15 custodian typed, not from the registry, does not count",
        AGE15,
        [MUM, ConsentFacts(role="custodian", custodian_name="Jonas Beispiel"), own()],
        S.MINOR_CUSTODIANS_MISSING,
        [S.MINOR_CUSTODIANS_MISSING, S.MINOR_CUSTODIANS_MISSING],
    ),
    (
        "turns 14 on the planned day needs own consent",
        TURNS14_ON_DAY,
        [MUM, DAD],
        S.MINOR_OWN_MISSING,
        [S.MINOR_OWN_MISSING],
    ),
    (
        "turns 14 on the planned day with own consent",
        TURNS14_ON_DAY,
        [MUM, DAD, own()],
        S.VALID,
        [],
    ),
    (
        "13 judged mature: own consent needed",
        AGE13_MATURE,
        [MUM, DAD],
        S.MINOR_OWN_MISSING,
        [S.MINOR_OWN_MISSING],
    ),
    (
        "consent ending the day before the planned day",
        ADULT,
        [own(valid_until=ON - dt.timedelta(days=1))],
        S.EXPIRED,
        [S.EXPIRED],
    ),
    ("consent ending on the planned day", ADULT, [own(valid_until=ON)], S.VALID, []),
    (
        "employee consent in form other",
        STAFF,
        [own(form="other", no_disadvantage_confirmed=True)],
        S.EVIDENCE,
        [S.EVIDENCE],
    ),
    (
        "employee consent without no-disadvantage",
        STAFF,
        [own(form="written")],
        S.EVIDENCE,
        [S.EVIDENCE],
    ),
    (
        "apprentice electronic, voluntary",
        APPRENTICE,
        [own(form="electronic", no_disadvantage_confirmed=True)],
        S.VALID,
        [],
    ),
    (
        "citizen consent in form other passes (warnings only)",
        ADULT,
        [own(form="other")],
        S.VALID,
        [],
    ),
    ("erased person", ERASED, [], S.ERASED, [S.ERASED]),
]


@pytest.fixture(autouse=True)
def _german() -> None:
    set_language("de")


@pytest.mark.parametrize(
    ("person", "consents", "state", "problems"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_derived_consent_state(person, consents, state, problems):
    result = assess(person, consents, ON)
    assert result.state is state
    assert [p.state for p in result.problems] == problems
    assert all(p.reason for p in result.problems)
    assert result.ok == (state is S.VALID)


# ----------------------------------------------------------------------------- fit to the post

RECRUITING_FACE = Use("recruiting", frozenset({"face"}))
FULL = frozenset({"face", "voice", "name", "role"})


def scoped(purposes=("recruiting",), shown=("face",), **kw) -> ConsentFacts:
    return own(purposes=frozenset(purposes), shown_as=frozenset(shown), **kw)


FIT_CASES = [
    # id, use, consent, expected state, exact reason (German)
    ("covers everything", RECRUITING_FACE, scoped(), S.VALID, None),
    (
        "purpose recruiting vs internal",
        RECRUITING_FACE,
        scoped(purposes=("internal",)),
        S.NOT_IN_SCOPE,
        "Einwilligung deckt den Zweck „Nachwuchs & Recruiting“ nicht ab",
    ),
    *[
        (
            f"purpose {p} not covered",
            Use(p, frozenset({"face"})),
            scoped(purposes=[q for q in POST_PURPOSES if q != p]),
            S.NOT_IN_SCOPE,
            f"Einwilligung deckt den Zweck „{PURPOSES[p][0]}“ nicht ab",
        )
        for p in POST_PURPOSES
    ],
    *[
        (
            f"depiction {d} not covered",
            Use("recruiting", frozenset({d})),
            scoped(shown=FULL - {d}),
            S.NOT_IN_SCOPE,
            f"Einwilligung deckt „{SHOWN_AS[d][0]}“ nicht ab",
        )
        for d in ("face", "voice", "name", "role")
    ],
    (
        "voice only, shown with face and name",
        Use("recruiting", frozenset({"face", "name"})),
        scoped(shown=("voice",)),
        S.NOT_IN_SCOPE,
        "Einwilligung deckt „Gesicht“, „Name“ nicht ab",
    ),
    (
        "internal and voice only, for a recruiting video with face",
        RECRUITING_FACE,
        scoped(purposes=("internal",), shown=("voice",)),
        S.NOT_IN_SCOPE,
        "Einwilligung deckt den Zweck „Nachwuchs & Recruiting“ und „Gesicht“ nicht ab",
    ),
    (
        "no purpose stated on the post: only depiction checked",
        Use("", frozenset({"face"})),
        scoped(purposes=()),
        S.VALID,
        None,
    ),
]


@pytest.mark.parametrize(
    ("use", "consent", "state", "reason"),
    [c[1:] for c in FIT_CASES],
    ids=[c[0] for c in FIT_CASES],
)
def test_consent_must_fit_the_post(use, consent, state, reason):
    result = assess(ADULT, [consent], ON, use)
    assert result.state is state
    if reason is None:
        assert result.problems == ()
    else:
        assert result.reasons == (reason,)


def test_custodian_consent_must_fit_too():
    mum = cust("Maria Beispiel", purposes=frozenset({"recruiting"}), shown_as=frozenset({"face"}))
    dad = cust("Jonas Beispiel", purposes=frozenset({"events"}), shown_as=frozenset({"face"}))
    result = assess(AGE15, [mum, dad, scoped()], ON, RECRUITING_FACE)
    assert "Einwilligung Sorgeberechtigte:r (Jonas Beispiel) deckt den Zweck" in result.reasons[0]


def test_evidence_reasons_name_the_law_and_others_only_warn():
    staff = assess(STAFF, [own(form="other")], ON)
    assert staff.reasons == (
        "Einwilligung nicht schriftlich oder elektronisch erteilt und „keine Nachteile bei "
        "Ablehnung“ nicht bestätigt (§ 26 Abs. 2 BDSG)",
    )
    citizen = assess(
        PersonFacts(category="citizen"), [own(form="other", document_ref="", art13_version="")], ON
    )
    assert citizen.ok
    assert citizen.warnings == (
        "Einwilligung: kein Verweis auf das unterschriebene Dokument (Nachweis, Art. 7 Abs. 1 "
        "DSGVO)",
        "Einwilligung: Version der Art.-13-Information fehlt",
    )
    documented = own(form="written", document_ref="Akte 12/3", art13_version="2026-01")
    assert assess(PersonFacts(category="citizen"), [documented], ON).warnings == ()


def test_age_unknown_says_what_to_do():
    result = assess(UNKNOWN_AGE, [own()], ON)
    assert result.reasons == (
        "Alter unbekannt – Geburtsdatum eintragen oder Volljährigkeit bestätigen",
    )


def test_own_consent_age_follows_the_profile_setting():
    age15 = PersonFacts(age_state="minor", birth_date=D(2011, 2, 1))
    assert assess(age15, [MUM, DAD], ON, own_consent_age=16).ok
    assert not assess(age15, [MUM, DAD], ON).ok  # default 14


def test_expiry_and_withdrawal_before_and_after_publication():
    """A published post is checked on the day (today); an unpublished one on its date."""
    ends = own(valid_until=D(2026, 7, 1))
    assert assess(ADULT, [ends], ON).ok  # planned 15 June: fine
    assert assess(ADULT, [ends], D(2026, 7, 2)).take_down  # published, checked 2 July
    withdrawn = own(withdrawn_on=D(2026, 6, 1))
    assert assess(ADULT, [withdrawn], ON).state is S.WITHDRAWN  # before publication: blocks
    assert assess(ADULT, [withdrawn], D(2026, 8, 1)).take_down  # after: comes down


def test_minor_details_age_and_custodian_count():
    result = assess(AGE15, [MUM, own()], ON)
    assert result.minor and result.age == 15
    assert (result.custodians_valid, result.custodians_expected) == (1, 2)
    assert "1 von 2 Sorgeberechtigten" in result.reasons[0]
    result13 = assess(AGE13, [MUM, DAD], ON)
    assert result13.age == 13 and not result13.own_consent_needed
    assert "15 Jahre alt: eigene Einwilligung fehlt" in assess(AGE15, [MUM, DAD], ON).reasons[0]


def test_age_is_computed_at_the_planned_date():
    # 13 today, 14 on the planned date → own consent needed then
    person = PersonFacts(is_minor=True, birth_date=D(2012, 6, 10))
    assert assess(person, [MUM, DAD], D(2026, 6, 9)).state is S.VALID
    assert assess(person, [MUM, DAD], D(2026, 6, 10)).state is S.MINOR_OWN_MISSING


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (D(2011, 2, 1), D(2026, 1, 31), 14),
        (D(2011, 2, 1), D(2026, 2, 1), 15),
        (D(2008, 2, 29), D(2026, 2, 28), 17),
        (D(2008, 2, 29), D(2026, 3, 1), 18),
    ],
)
def test_age_on(birth, on, age):
    assert age_on(birth, on) == age


def test_eighteenth_birthday():
    assert eighteenth_birthday(D(2011, 2, 1)) == D(2029, 2, 1)
    assert eighteenth_birthday(D(2008, 2, 29)) == D(2026, 3, 1)
    assert eighteenth_birthday(None) is None


def test_take_down_for_withdrawal_erasure_and_expiry():
    assert assess(ADULT, [own(withdrawn_on=D(2026, 5, 1))], ON).take_down
    assert assess(ERASED, [], ON).take_down
    assert assess(ADULT, [own(valid_until=D(2026, 1, 1))], ON).take_down  # ended
    assert not assess(ADULT, [own()], ON).take_down


def test_messages_follow_the_language():
    set_language("en")
    result = assess(ADULT, [own(valid_until=D(2026, 6, 1))], ON)
    assert result.reasons == ("consent valid only until 2026-06-01, planned for 2026-06-15",)
    assert result.state.label == "Expired by the planned date"


# ----------------------------------------------------------------------------- the gate

DIRS = [resource_dir() / "checklists"]
GENERAL = load_profile("general", DIRS)
POLICE = load_profile("police", DIRS)
THEATRE = load_profile("theatre", DIRS)


def all_ok(definition) -> dict[str, ItemResult]:
    """Every unconditional manual item ticked OK."""
    return {
        i.key: ItemResult(ItemState.OK)
        for i in definition.post_items
        if not i.derived and not i.applies_when
    }


def people(*pairs) -> list[PersonOnPost]:
    return [PersonOnPost(label, assess(p, c, ON)) for label, p, c in pairs]


def _manual_items(definition, gate: Gate) -> list[tuple[str, str]]:
    return [
        (definition.key, i.key)
        for i in definition.post_items
        if i.gate is gate and not i.derived and not i.applies_when
    ]


def _profile(key: str):
    return {"general": GENERAL, "police": POLICE, "theatre": THEATRE}[key]


def test_all_ok_and_nobody_in_frame_is_clear():
    result = evaluate(GENERAL, all_ok(GENERAL), [])
    assert result.status is GateStatus.CLEAR and not result.blockers
    derived = {e.item.key: e.state for e in result.items if e.derived}
    assert derived == {
        "people.consent_valid": ItemState.NOT_APPLICABLE,
        "people.no_withdrawn": ItemState.NOT_APPLICABLE,
        "people.minors": ItemState.NOT_APPLICABLE,
    }


def test_nothing_set_blocks_on_every_manual_item():
    result = evaluate(GENERAL, {}, [])
    keys = {b.item_key for b in result.blockers}
    assert keys == {i.key for i in GENERAL.post_items if not i.derived and not i.applies_when}


def _own_items(definition, gate: Gate) -> list[tuple[str, str]]:
    """Items a profile adds to "general"."""
    return [(p, k) for p, k in _manual_items(definition, gate) if GENERAL.item(k) is None]


BLOCK_ITEMS = (
    _manual_items(GENERAL, Gate.BLOCK)
    + _own_items(POLICE, Gate.BLOCK)
    + _own_items(THEATRE, Gate.BLOCK)
)
WARN_ITEMS = _manual_items(GENERAL, Gate.WARN) + _own_items(POLICE, Gate.WARN)


@pytest.mark.parametrize(("profile", "key"), BLOCK_ITEMS)
@pytest.mark.parametrize("state", [ItemState.OPEN, ItemState.ISSUE])
def test_each_block_item_blocks_while_open_or_issue(profile, key, state):
    definition = _profile(profile)
    results = all_ok(definition)
    results[key] = ItemResult(state, note="Kennzeichen lesbar")
    result = evaluate(definition, results, [])
    assert result.status is GateStatus.BLOCKED
    assert [b.item_key for b in result.blockers] == [key]
    if state is ItemState.ISSUE:
        assert "Kennzeichen lesbar" in result.blockers[0].reason
    else:
        assert "noch offen" in result.blockers[0].reason
    # an override reason does not help a BLOCK item
    results[key] = ItemResult(state, override_reason="egal")
    assert evaluate(definition, results, []).blocked
    results[key] = ItemResult(ItemState.NOT_APPLICABLE)
    assert evaluate(definition, results, []).status is GateStatus.CLEAR


@pytest.mark.parametrize(("profile", "key"), WARN_ITEMS)
def test_each_warn_item_needs_ok_or_a_written_override(profile, key):
    definition = _profile(profile)
    results = all_ok(definition)
    for state in (ItemState.OPEN, ItemState.ISSUE):
        results[key] = ItemResult(state)
        result = evaluate(definition, results, [])
        assert result.blocked and [b.item_key for b in result.blockers] == [key]
        results[key] = ItemResult(state, override_reason="   ")
        assert evaluate(definition, results, []).blocked
        results[key] = ItemResult(state, override_reason="Kennzeichen nur 2 Frames sichtbar")
        result = evaluate(definition, results, [])
        assert result.status is GateStatus.WARNINGS and not result.blockers
        assert [w.item_key for w in result.warnings] == [key]
        assert "Kennzeichen nur 2 Frames sichtbar" in result.warnings[0].reason
    results[key] = ItemResult(ItemState.OK)
    assert evaluate(definition, results, []).status is GateStatus.CLEAR


@pytest.mark.parametrize(
    ("who", "expected_keys"),
    [
        (("Ali", ADULT, [own()]), []),
        (("Ali", ADULT, []), ["people.consent_valid"]),
        (("Ali", ADULT, [own(platforms=frozenset({"youtube"}))]), ["people.consent_valid"]),
        (("Ali", ADULT, [own(withdrawn_on=D(2026, 6, 1))]), ["people.no_withdrawn"]),
        (("Ali", ADULT, [own(valid_until=D(2026, 6, 1))]), ["people.no_withdrawn"]),
        (("Person gelöscht", ERASED, []), ["people.no_withdrawn"]),
        (("Lea", AGE15, [MUM, own()]), ["people.minors", "people.minors_settings"]),
        (("Lea", AGE15, [MUM, DAD]), ["people.minors", "people.minors_settings"]),
        (("Tim", AGE13, [MUM]), ["people.minors", "people.minors_settings"]),
    ],
)
def test_derived_items_block_with_the_persons_reason(who, expected_keys):
    persons = people(who)
    result = evaluate(GENERAL, all_ok(GENERAL), persons)
    assert sorted({b.item_key for b in result.blockers}) == sorted(expected_keys)
    for blocker in result.blockers:
        if blocker.item_key != "people.minors_settings":
            assert blocker.reason.startswith(f"{who[0]}: ")


def test_minors_settings_only_when_a_minor_appears():
    adult = evaluate(GENERAL, all_ok(GENERAL), people(("Ali", ADULT, [own()])))
    assert adult.item("people.minors_settings") is None and not adult.minor_present
    assert adult.status is GateStatus.CLEAR
    minor = people(("Lea", AGE15, [MUM, DAD, own()]))
    result = evaluate(GENERAL, all_ok(GENERAL), minor)
    assert result.minor_present
    assert [b.item_key for b in result.blockers] == ["people.minors_settings"]
    assert result.item("people.minors").state is ItemState.OK
    results = all_ok(GENERAL) | {"people.minors_settings": ItemResult(ItemState.OK)}
    assert evaluate(GENERAL, results, minor).status is GateStatus.CLEAR


def test_paid_promotion_blocks_only_if_paid():
    assert evaluate(GENERAL, all_ok(GENERAL), [], paid_promotion=False).status is GateStatus.CLEAR
    paid = evaluate(GENERAL, all_ok(GENERAL), [], paid_promotion=True)
    assert [b.item_key for b in paid.blockers] == ["public.paid_promotion"]
    results = all_ok(GENERAL) | {"public.paid_promotion": ItemResult(ItemState.OK)}
    assert evaluate(GENERAL, results, [], paid_promotion=True).status is GateStatus.CLEAR


def test_derived_items_cannot_be_ticked_by_hand():
    results = all_ok(GENERAL) | {
        "people.consent_valid": ItemResult(ItemState.OK),
        "people.minors": ItemResult(ItemState.NOT_APPLICABLE),
    }
    result = evaluate(GENERAL, results, people(("Lea", AGE15, [MUM, own()])))
    assert result.item("people.minors").state is ItemState.ISSUE
    assert "people.minors" in {b.item_key for b in result.blockers}


def test_profile_without_derived_items_still_blocks_on_consent(tmp_path):
    (tmp_path / "lean.toml").write_text(
        '[profile]\ninclude = ["general"]\n'
        'exclude = ["people.consent_valid", "people.no_withdrawn", "people.minors"]\n',
        encoding="utf-8",
    )
    lean = load_profile("lean", [tmp_path, *DIRS])
    result = evaluate(lean, all_ok(lean), people(("Ali", ADULT, [])))
    assert [b.item_key for b in result.blockers] == ["people.consent"]
    assert "Ali: keine Einwilligung erfasst" in result.blockers[0].reason


def test_account_items_are_not_part_of_the_post_gate():
    result = evaluate(GENERAL, all_ok(GENERAL), [])
    assert not any(e.item.gate is Gate.ACCOUNT for e in result.items)
