"""The publication gate: may this post be approved and published?

Input: the checklist definition of the post's profile, the hand-set item results, the derived
consent assessment of every person in the video, and whether the post is paid promotion.
Output: clear / warnings / blocked, with exactly which items block and why.

* BLOCK items pass when ``ok`` or ``not applicable``; ``open`` or ``issue`` block.
* WARN items pass when ``ok`` or ``not applicable``, or when overridden with a written
  reason (then they are listed as warnings); otherwise they block.
* Derived items are computed from the consent assessments; hand-set results are ignored.
* ``applies_when`` items exist only while their condition holds (a minor appears, paid).
* A consent problem that no derived item of the profile covers still blocks — an
  organisation's checklist file cannot switch the consent rules off by accident.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tikdesk.domain.checklist import ChecklistDefinition, ChecklistItem
from tikdesk.domain.consent import ConsentAssessment, ConsentState
from tikdesk.domain.enums import Gate, ItemState, LabeledEnum
from tikdesk.domain.i18n import msg

#: Which consent problems each derived rule reports.
RULE_STATES: dict[str, frozenset[ConsentState]] = {
    "consent_valid": frozenset({ConsentState.MISSING, ConsentState.NOT_IN_SCOPE}),
    "no_withdrawn": frozenset({ConsentState.WITHDRAWN, ConsentState.EXPIRED, ConsentState.ERASED}),
    "minors": frozenset({ConsentState.MINOR_CUSTODIANS_MISSING, ConsentState.MINOR_OWN_MISSING}),
}


class GateStatus(LabeledEnum):
    CLEAR = "clear"
    WARNINGS = "warnings"
    BLOCKED = "blocked"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "clear": ("Frei", "Clear"),
            "warnings": ("Frei mit Warnungen", "Clear with warnings"),
            "blocked": ("Blockiert", "Blocked"),
        }


@dataclass(frozen=True)
class ItemResult:
    """What someone set for one item of one post."""

    state: ItemState = ItemState.OPEN
    note: str = ""
    override_reason: str = ""
    set_by: str = ""
    set_at: dt.datetime | None = None


@dataclass(frozen=True)
class PersonOnPost:
    """One appearance as the gate sees it: a label for messages and the assessment."""

    label: str
    assessment: ConsentAssessment


@dataclass(frozen=True)
class GateReason:
    item_key: str
    item_label: str
    reason: str

    @property
    def text(self) -> str:
        return f"{self.item_label}: {self.reason}"


@dataclass(frozen=True)
class EvaluatedItem:
    item: ChecklistItem
    state: ItemState
    result: ItemResult | None
    derived: bool
    blocking: bool
    overridden: bool
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class GateResult:
    status: GateStatus
    items: tuple[EvaluatedItem, ...]
    blockers: tuple[GateReason, ...]
    warnings: tuple[GateReason, ...]
    minor_present: bool

    @property
    def blocked(self) -> bool:
        return self.status is GateStatus.BLOCKED

    def item(self, key: str) -> EvaluatedItem | None:
        return next((e for e in self.items if e.item.key == key), None)


def applies(item: ChecklistItem, *, minor_present: bool, paid_promotion: bool) -> bool:
    if item.gate is Gate.ACCOUNT:
        return False
    if item.applies_when == "minor_present":
        return minor_present
    if item.applies_when == "paid_promotion":
        return paid_promotion
    return True


def evaluate(
    definition: ChecklistDefinition,
    results: Mapping[str, ItemResult],
    people: Sequence[PersonOnPost],
    *,
    paid_promotion: bool = False,
) -> GateResult:
    minor_present = any(p.assessment.minor for p in people)
    evaluated: list[EvaluatedItem] = []
    blockers: list[GateReason] = []
    warnings: list[GateReason] = []
    covered: set[ConsentState] = set()

    for item in definition.post_items:
        if not applies(item, minor_present=minor_present, paid_promotion=paid_promotion):
            continue
        if item.derived:
            states = RULE_STATES[item.derived]
            covered |= states
            done = _derived(item, states, people, minor_present)
        else:
            done = _manual(item, results.get(item.key))
        evaluated.append(done)
        if done.blocking:
            blockers.extend(GateReason(item.key, item.label, r) for r in done.reasons)
        elif done.overridden:
            warnings.extend(GateReason(item.key, item.label, r) for r in done.reasons)

    for person in people:  # consent problems the profile has no derived item for
        for problem in person.assessment.problems:
            if problem.state not in covered:
                blockers.append(
                    GateReason(
                        "people.consent",
                        msg("Einwilligung", "Consent"),
                        f"{person.label}: {problem.reason}",
                    )
                )

    if blockers:
        status = GateStatus.BLOCKED
    elif warnings:
        status = GateStatus.WARNINGS
    else:
        status = GateStatus.CLEAR
    return GateResult(status, tuple(evaluated), tuple(blockers), tuple(warnings), minor_present)


def _derived(
    item: ChecklistItem,
    states: frozenset[ConsentState],
    people: Sequence[PersonOnPost],
    minor_present: bool,
) -> EvaluatedItem:
    reasons = tuple(
        f"{p.label}: {problem.reason}"
        for p in people
        for problem in p.assessment.problems
        if problem.state in states
    )
    if reasons:
        state = ItemState.ISSUE
    elif not people or (item.derived == "minors" and not minor_present):
        state = ItemState.NOT_APPLICABLE
    else:
        state = ItemState.OK
    blocking = bool(reasons) and item.gate is Gate.BLOCK
    overridden = bool(reasons) and item.gate is Gate.WARN
    return EvaluatedItem(item, state, None, True, blocking, overridden, reasons)


def _manual(item: ChecklistItem, result: ItemResult | None) -> EvaluatedItem:
    state = result.state if result else ItemState.OPEN
    note = result.note.strip() if result else ""
    override = result.override_reason.strip() if result else ""
    if state in (ItemState.OK, ItemState.NOT_APPLICABLE):
        return EvaluatedItem(item, state, result, False, False, False)
    if state is ItemState.ISSUE:
        problem = (
            msg(f"Problem: {note}", f"issue: {note}")
            if note
            else msg("als Problem markiert", "marked as an issue")
        )
    else:
        problem = msg("noch offen", "still open")
    if item.gate is Gate.WARN:
        if override:
            return EvaluatedItem(
                item,
                state,
                result,
                False,
                False,
                True,
                (msg(f"überstimmt – Begründung: {override}", f"overridden – reason: {override}"),),
            )
        problem += msg(
            " (erledigen oder mit schriftlicher Begründung überstimmen)",
            " (resolve, or override with a written reason)",
        )
    return EvaluatedItem(item, state, result, False, True, False, (problem,))
