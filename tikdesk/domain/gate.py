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
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import NamedTuple

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
            # Not "Frei": it must not be confused with "Freigeben"/"Freigegeben" (issue 16).
            "clear": ("Prüfbereit", "Ready for review"),
            "warnings": ("Prüfbereit mit Warnungen", "Ready for review, with warnings"),
            "blocked": ("Blockiert", "Blocked"),
        }


# The value objects below are NamedTuples (immutable, built at C speed): a list of 5,000
# posts makes tens of thousands of them, and a frozen dataclass sets every field through
# ``object.__setattr__``.


class ItemResult(NamedTuple):
    """What someone set for one item of one post."""

    state: ItemState = ItemState.OPEN
    note: str = ""
    override_reason: str = ""
    set_by: str = ""
    set_at: dt.datetime | None = None


class PersonOnPost(NamedTuple):
    """One appearance as the gate sees it: a label for messages and the assessment."""

    label: str
    assessment: ConsentAssessment


class GateReason(NamedTuple):
    item_key: str
    item_label: str
    reason: str
    kind: str = "open"  # consent | issue | open — the reasons box orders by it (issue 16)

    @property
    def text(self) -> str:
        return f"{self.item_label}: {self.reason}"


class EvaluatedItem(NamedTuple):
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


class _Plan(NamedTuple):
    """The items of one definition that exist under one combination of conditions."""

    items: tuple[ChecklistItem, ...]  # in checklist order
    manual: frozenset[str]  # keys of the hand-set ones
    derived: tuple[ChecklistItem, ...]
    covered: frozenset[ConsentState]  # consent problems the derived items report
    by_key: dict[str, ChecklistItem]
    position: dict[str, int]  # key → place in ``items``
    #: (passed keys, with the derived items) → the items to look at, in checklist order:
    #: posts of a list share their passed-key sets, so each is worked out once.
    pending: dict[tuple[frozenset[str], bool], tuple[ChecklistItem, ...]]


#: Plans per definition object and (minor present, paid promotion).
_PLANS: dict[int, tuple[ChecklistDefinition, dict[tuple[bool, bool], _Plan]]] = {}


def _plan(definition: ChecklistDefinition, minor_present: bool, paid_promotion: bool) -> _Plan:
    """Remembered per definition object (four combinations): a list evaluates the same few
    profiles for thousands of posts."""
    entry = _PLANS.get(id(definition))
    if entry is None or entry[0] is not definition:
        if len(_PLANS) > 64:  # definitions are replaced only when their files change
            _PLANS.clear()
        entry = _PLANS[id(definition)] = (definition, {})
    key = (minor_present, paid_promotion)
    found = entry[1].get(key)
    if found is None:
        items = tuple(
            i
            for i in definition.post_items
            if applies(i, minor_present=minor_present, paid_promotion=paid_promotion)
        )
        derived = tuple(i for i in items if i.derived)
        found = entry[1][key] = _Plan(
            items,
            frozenset(i.key for i in items if not i.derived),
            derived,
            frozenset(s for i in derived if i.derived for s in RULE_STATES[i.derived]),
            {i.key: i for i in items},
            {i.key: n for n, i in enumerate(items)},
            {},
        )
    return found


def applicable_items(
    definition: ChecklistDefinition, *, minor_present: bool, paid_promotion: bool
) -> tuple[ChecklistItem, ...]:
    """The post items that exist for a post under these conditions, in checklist order."""
    return _plan(definition, minor_present, paid_promotion).items


class GateVerdict(NamedTuple):
    """The gate of one post without the per-item list: what a list of posts shows."""

    status: GateStatus
    blockers: tuple[GateReason, ...]
    warnings: tuple[GateReason, ...]
    minor_present: bool


#: A manual item in one of these states passes, whatever its note says.
PASSING = frozenset({ItemState.OK, ItemState.NOT_APPLICABLE})
_CLEAR = {m: GateVerdict(GateStatus.CLEAR, (), (), m) for m in (False, True)}


def evaluate(
    definition: ChecklistDefinition,
    results: Mapping[str, ItemResult],
    people: Sequence[PersonOnPost],
    *,
    paid_promotion: bool = False,
) -> GateResult:
    """The gate with every applicable item evaluated (the post's checklist view)."""
    items: list[EvaluatedItem] = []
    status, blockers, warnings, minor_present = _judge(
        definition, results, people, paid_promotion, items, frozenset()
    )
    return GateResult(status, tuple(items), blockers, warnings, minor_present)


def verdict(
    definition: ChecklistDefinition,
    results: Mapping[str, ItemResult],
    people: Sequence[PersonOnPost],
    *,
    paid_promotion: bool = False,
    passed: AbstractSet[str] = frozenset(),
) -> GateVerdict:
    """Status, blockers and warnings exactly as :func:`evaluate` gives them, without the
    per-item list: only items that do not pass are looked at (lists of thousands of posts).

    ``passed``: keys whose result is ``ok`` or ``not applicable``, handed over as a set
    instead of one :class:`ItemResult` each; ``results`` then needs only the others.
    """
    return _judge(definition, results, people, paid_promotion, None, passed)


class GateCounts(NamedTuple):
    """What a list row shows of a gate, without wording a single reason (issue 21)."""

    status: GateStatus
    open_items: int  # manual items still open
    issue_items: int  # manual items marked as a problem
    consent_blocked: bool  # a person's consent (or age, or the purpose) blocks
    minor_present: bool


def counts(
    definition: ChecklistDefinition,
    results: Mapping[str, ItemResult],
    people: Sequence[PersonOnPost],
    *,
    paid_promotion: bool = False,
    passed: AbstractSet[str] = frozenset(),
) -> GateCounts:
    """The status of :func:`verdict` and how many of its blockers are open items, problems
    and consent reasons, decided by the same rules without building the reason texts.

    Every consent problem blocks (a derived item reports it, or the check for problems no
    derived item covers), so the consent part is just whether anyone has a problem.
    """
    minor_present = troubled = warned = False
    for person in people:
        assessment = person.assessment
        minor_present = minor_present or assessment.minor
        troubled = troubled or bool(assessment.problems)
        warned = warned or bool(assessment.warnings)
    plan = _plan(definition, minor_present, paid_promotion)
    open_items = issue_items = 0
    for item in _pending(plan, passed, False):
        state, blocking, overridden = _outcome(item, results.get(item.key))
        if blocking:
            if state is ItemState.ISSUE:
                issue_items += 1
            else:
                open_items += 1
        elif overridden:
            warned = True
    if troubled or open_items or issue_items:
        status = GateStatus.BLOCKED
    elif warned:
        status = GateStatus.WARNINGS
    else:
        status = GateStatus.CLEAR
    return GateCounts(status, open_items, issue_items, troubled, minor_present)


def _judge(
    definition: ChecklistDefinition,
    results: Mapping[str, ItemResult],
    people: Sequence[PersonOnPost],
    paid_promotion: bool,
    items: list[EvaluatedItem] | None,
    passed: AbstractSet[str],
) -> GateVerdict:
    """The one gate rule set; ``items`` (when given) collects every evaluated item."""
    minor_present = troubled = False
    for person in people:
        minor_present = minor_present or person.assessment.minor
        troubled = troubled or bool(person.assessment.problems)
    warned = any(p.assessment.warnings for p in people)
    plan = _plan(definition, minor_present, paid_promotion)
    if items is not None:
        candidates: Sequence[ChecklistItem] = plan.items
    else:  # skip what passes: manual items set ok / n.a., derived ones without any problem
        candidates = _pending(plan, passed, troubled or warned)
        if not candidates and not (troubled or warned):
            return _CLEAR[minor_present]  # nothing open, nobody with a consent problem
    # Every consent problem as "label: reason", built once per post for all derived items
    # and the uncovered-problem check below (in people order, then problem order).
    problems = (
        [(pr.state, f"{p.label}: {pr.reason}") for p in people for pr in p.assessment.problems]
        if troubled
        else []
    )
    blockers: list[GateReason] = []
    warnings: list[GateReason] = []
    for item in candidates:
        if item.derived:
            # A consent problem always blocks: it can never be overridden, whatever gate a
            # file names (the loader already refuses derived items that are not BLOCK).
            states = RULE_STATES[item.derived]
            reasons = [text for state, text in problems if state in states] if problems else []
            if items is not None:
                items.append(_derived(item, tuple(reasons), people, minor_present))
            if reasons:
                key, label = item.key, item.label
                blockers += [GateReason(key, label, r, "consent") for r in reasons]
            continue
        result = results.get(item.key)
        if items is None and result is not None and result.state in PASSING:
            continue
        done = _manual(item, result)
        if items is not None:
            items.append(done)
        if done.blocking or done.overridden:
            label = item.label
            found = blockers if done.blocking else warnings
            kind = "issue" if done.state is ItemState.ISSUE else "open"
            found += [GateReason(item.key, label, r, kind) for r in done.reasons]

    covered = plan.covered
    for state, text in problems:  # consent problems the profile has no derived item for
        if state not in covered:
            blockers.append(
                GateReason("people.consent", msg("Einwilligung", "Consent"), text, "consent")
            )

    for person in people:  # evidence gaps of non-staff consents: warnings with their reason
        for text in person.assessment.warnings:
            warnings.append(
                GateReason(
                    "people.consent", msg("Einwilligung", "Consent"), f"{person.label}: {text}"
                )
            )
    if blockers:
        status = GateStatus.BLOCKED
    elif warnings:
        status = GateStatus.WARNINGS
    else:
        status = GateStatus.CLEAR
    return GateVerdict(status, tuple(blockers), tuple(warnings), minor_present)


def _pending(plan: _Plan, passed: AbstractSet[str], with_derived: bool) -> Sequence[ChecklistItem]:
    """The manual items not in ``passed`` (and the derived ones), in checklist order."""
    key = (passed, with_derived) if isinstance(passed, frozenset) else None
    found = plan.pending.get(key) if key is not None else None
    if found is None:
        found = tuple(i for i in plan.items if (with_derived if i.derived else i.key not in passed))
        if key is not None:
            if len(plan.pending) > 20_000:  # bounded: distinct sets only, but a long session
                plan.pending.clear()
            plan.pending[key] = found
    return found


def _derived(
    item: ChecklistItem,
    reasons: tuple[str, ...],
    people: Sequence[PersonOnPost],
    minor_present: bool,
) -> EvaluatedItem:
    """``reasons``: the consent problems the item reports ("label: reason")."""
    if reasons:
        state = ItemState.ISSUE
    elif not people or (item.derived == "minors" and not minor_present):
        state = ItemState.NOT_APPLICABLE
    else:
        state = ItemState.OK
    return EvaluatedItem(item, state, None, True, bool(reasons), False, reasons)


def _outcome(item: ChecklistItem, result: ItemResult | None) -> tuple[ItemState, bool, bool]:
    """A manual item's state, whether it blocks and whether it is overridden (a WARN item
    with a written reason): passing items do neither."""
    state = result.state if result else ItemState.OPEN
    if state in PASSING:
        return state, False, False
    if item.gate is Gate.WARN and result is not None and result.override_reason.strip():
        return state, False, True
    return state, True, False


def _manual(item: ChecklistItem, result: ItemResult | None) -> EvaluatedItem:
    state, blocking, overridden = _outcome(item, result)
    if not blocking and not overridden:
        return EvaluatedItem(item, state, result, False, False, False)
    note = result.note.strip() if result else ""
    override = result.override_reason.strip() if result else ""
    if state is ItemState.ISSUE:
        problem = (
            msg(f"Problem: {note}", f"issue: {note}")
            if note
            else msg("als Problem markiert", "marked as an issue")
        )
    else:
        problem = msg("noch offen", "still open")
    if item.gate is Gate.WARN:
        if overridden:
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
