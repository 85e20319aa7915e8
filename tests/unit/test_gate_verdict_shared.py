"""The list's verdict shares work between posts (issue 21): the items left to look at are
worked out once per set of passed keys, the consent texts once per post.  These tests prove
the shared paths give exactly the full evaluation, also when many posts hand over the same
passed set with different open results, people, conditions and profiles, and for a profile
without derived consent items (a consent problem must still block there)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from tikdesk.domain.checklist import load_profile
from tikdesk.domain.consent import ConsentFacts, PersonFacts, assess
from tikdesk.domain.enums import ItemState
from tikdesk.domain.gate import GateStatus, ItemResult, PersonOnPost, counts, evaluate, verdict
from tikdesk.paths import resource_dir

DIRS = [resource_dir() / "checklists"]
ON = dt.date(2026, 6, 1)
KINDS = [
    (PersonFacts(), [ConsentFacts()]),
    (PersonFacts(), []),
    (PersonFacts(), [ConsentFacts(withdrawn_on=dt.date(2026, 1, 2))]),
    (PersonFacts(), [ConsentFacts(valid_until=dt.date(2026, 3, 1))]),
    (PersonFacts(is_minor=True, birth_date=dt.date(2011, 2, 1)), [ConsentFacts()]),
    (PersonFacts(is_minor=True, birth_date=dt.date(2013, 1, 10)), []),
    (PersonFacts(erased=True), []),
]


def _without_derived(profile: str):
    definition = load_profile(profile, DIRS)
    items = tuple(i for i in definition.items if not i.derived)
    return dataclasses.replace(definition, items=items)


@pytest.mark.parametrize("profile", ["general", "police", "no-derived"])
def test_verdicts_sharing_passed_sets_equal_the_full_evaluation(profile):
    definition = (
        _without_derived("general") if profile == "no-derived" else load_profile(profile, DIRS)
    )
    keys = [i.key for i in definition.post_items if not i.derived]
    rng = random.Random(profile)
    # A handful of passed sets, each handed over by many posts (as a list read shares them).
    shared = [frozenset(rng.sample(keys, rng.randrange(len(keys) + 1))) for _ in range(6)]
    shared.append(frozenset(keys))  # everything done
    seen = set()
    for _ in range(400):
        passed = rng.choice(shared)
        results = {
            k: ItemResult(
                rng.choice([ItemState.OPEN, ItemState.ISSUE]),
                note=rng.choice(["", "Kennzeichen lesbar"]),
                override_reason=rng.choice(["", "mit DSB abgestimmt"]),
            )
            for k in keys
            if k not in passed and rng.random() < 0.5
        }
        people = [
            PersonOnPost(f"P{n}", assess(*rng.choice(KINDS), ON)) for n in range(rng.randrange(4))
        ]
        paid = rng.random() < 0.3
        full_results = {**results, **dict.fromkeys(passed, ItemResult(ItemState.OK))}
        full = evaluate(definition, full_results, people, paid_promotion=paid)
        handed = verdict(definition, results, people, paid_promotion=paid, passed=passed)
        assert tuple(handed) == (full.status, full.blockers, full.warnings, full.minor_present)
        seen.add(full.status)
    assert {GateStatus.CLEAR, GateStatus.BLOCKED} <= seen


def test_a_consent_problem_blocks_without_any_derived_item_and_with_nothing_open():
    definition = _without_derived("general")
    everything = frozenset(i.key for i in definition.post_items)
    withdrawn = assess(PersonFacts(), [ConsentFacts(withdrawn_on=dt.date(2026, 1, 2))], ON)
    gate = verdict(definition, {}, [PersonOnPost("Ali Demir", withdrawn)], passed=everything)
    assert gate.status is GateStatus.BLOCKED
    assert [b.kind for b in gate.blockers] == ["consent"]
    assert gate.blockers[0].reason.startswith("Ali Demir: ")
    # The same passed set with nobody in the video: clear.
    assert verdict(definition, {}, [], passed=everything).status is GateStatus.CLEAR


@pytest.mark.parametrize("profile", ["general", "police", "theatre", "no-derived"])
def test_counts_decide_what_the_worded_verdict_decides(profile):
    """The list row's counts (issue 21) equal the verdict's blockers counted by kind."""
    definition = (
        _without_derived("general") if profile == "no-derived" else load_profile(profile, DIRS)
    )
    rng = random.Random(f"counts-{profile}")
    for _ in range(400):
        results = {}
        for item in definition.post_items:
            if rng.random() < 0.2:
                continue  # never set: open
            results[item.key] = ItemResult(
                rng.choice(list(ItemState)),
                note=rng.choice(["", "Kennzeichen lesbar"]),
                override_reason=rng.choice(["", " ", "mit DSB abgestimmt"]),
            )
        people = [
            PersonOnPost(f"P{n}", assess(*rng.choice(KINDS), ON)) for n in range(rng.randrange(4))
        ]
        paid = rng.random() < 0.3
        passed = frozenset(
            k for k, r in results.items() if r.state in (ItemState.OK, ItemState.NOT_APPLICABLE)
        )
        others = {k: r for k, r in results.items() if k not in passed}
        full = verdict(definition, others, people, paid_promotion=paid, passed=passed)
        kinds = [b.kind for b in full.blockers]
        assert counts(definition, others, people, paid_promotion=paid, passed=passed) == (
            full.status,
            kinds.count("open"),
            kinds.count("issue"),
            "consent" in kinds,
            full.minor_present,
        )
