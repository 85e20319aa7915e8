"""Posts and their clearance: checklist, people in the video, four-eyes approval, publication.

Every method is one user action and one transaction.  The gate is never stored: it is
evaluated from the checklist file, the item results and the derived consent states whenever a
post is read, so a withdrawal or an expiring consent shows at once.

Any change to a post's content, checklist or appearances revokes an active approval (the post
goes back to "in review") and every change of checklist, approval or publication state writes
an audit event.  Audit values never carry free text that could hold a name (caption, notes):
only field names, states, dates and ids — except a WARN override's reason, which checklist.md
wants in the log.
"""

from __future__ import annotations

import datetime as dt
import gc
import weakref
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import groupby
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy.orm import Session

from tikdesk.domain.checklist import (
    PROFILES,
    ChecklistDefinition,
    available_profiles,
    load_profile,
    search_dirs,
)
from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.domain.consent import (
    OWN_CONSENT_AGE,
    POST_PURPOSES,
    ConsentAssessment,
    ConsentFacts,
    ConsentProblem,
    ConsentState,
    PersonFacts,
    Use,
    assess,
    eighteenth_birthday,
    join_keys,
    split_keys,
)
from tikdesk.domain.enums import (
    Audience,
    Gate,
    IdeaFormat,
    IdeaStatus,
    ItemState,
    PostStatus,
    Role,
)
from tikdesk.domain.errors import InputRejected, ValidationError
from tikdesk.domain.fmt import fmt_date, fmt_datetime
from tikdesk.domain.gate import (
    GateCounts,
    GateReason,
    GateResult,
    GateStatus,
    GateVerdict,
    ItemResult,
    PersonOnPost,
    counts,
    evaluate,
    verdict,
)
from tikdesk.domain.i18n import language, msg
from tikdesk.paths import data_dir, resource_dir
from tikdesk.services import first_start
from tikdesk.services.context import AppContext
from tikdesk.services.roles import require
from tikdesk.storage.repositories import audit
from tikdesk.storage.repositories import people as people_repo
from tikdesk.storage.repositories import posts as repo
from tikdesk.storage.repositories.conflicts import conflict_error

if TYPE_CHECKING:
    from tikdesk.services.video import VideoFile
    from tikdesk.storage.engine import Database

#: Editing these does not touch what was cleared (publication bookkeeping, the internal note).
NON_CONTENT_FIELDS = frozenset({"video_link", "account", "note"})
#: Free-text fields: the audit log names them but never copies their text.
TEXT_FIELDS = frozenset(
    {"title", "caption", "note", "hashtags", "music_source", "video_link", "account"}
)
#: Checklist items only an account with the DSB role may set (who and when is recorded).
DSB_ONLY_ITEMS = frozenset({"people.exception_dsb"})
#: A published post is flagged this many days before a consent of someone in it ends.
TAKE_DOWN_AHEAD = dt.timedelta(days=14)
CLOSED = (PostStatus.PUBLISHED, PostStatus.TAKEN_DOWN)
CLOSED_VALUES = frozenset(s.value for s in CLOSED)


def new_post_defaults(s: Session, profiles: Iterable[str]) -> tuple[str, str]:
    """(checklist profile, account) a new post takes from the first-start answers; a profile
    that is no longer available falls back to "general"."""
    profile = first_start.default_profile(s)
    return (profile if profile in set(profiles) else "general"), first_start.single_handle(s)


def now() -> dt.datetime:
    """The time a record is stamped with (an approval revoked, a form issued): the machine's
    real time, :data:`~tikdesk.domain.clock.SYSTEM_CLOCK`.  Services stamp with their
    context's clock (``self._ctx.clock.stamp()``)."""
    return SYSTEM_CLOCK.stamp()


def same_user(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


# ----------------------------------------------------------------------------- read models


@dataclass(frozen=True)
class PostInput:
    """What the details form edits."""

    title: str
    caption: str = ""
    hashtags: str = ""
    format: str = IdeaFormat.OTHER.value
    audience: str = Audience.GENERAL.value
    planned_at: dt.datetime | None = None
    checklist_profile: str = ""  # "" on create: the organisation's default (first start)
    music_source: str = ""
    paid_promotion: bool = False
    account: str = ""  # "" on create: the organisation's handle when it has exactly one
    video_link: str = ""
    purpose: str = ""  # POST_PURPOSES key; "" = not stated (blocks once people appear)
    note: str = ""  # internal note (issue 19): never published, not part of an approval


@dataclass(frozen=True)
class PersonInPost:
    appearance_id: int
    person_id: int | None
    label: str
    scene_note: str
    category: str
    assessment: ConsentAssessment
    shown_as: frozenset[str] = frozenset({"face"})

    @property
    def erased(self) -> bool:
        return self.person_id is None


@dataclass(frozen=True)
class ApprovalView:
    id: int
    approver: str
    approved_at: dt.datetime
    comment: str
    revoked_at: dt.datetime | None
    revoked_reason: str
    approver_label: str = ""
    fingerprint: str = ""

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    actor: str
    action: str
    text: str


class ReasonTexts:
    """Why a post's gate blocks or warns, as texts: the blockers (consent reasons first, then
    problems, then open items: issue 16) and the warnings.

    A list of 5,000 posts shows only each gate's status and its one-line summary; these texts
    (the tooltip, the Übersicht's reasons) are worded from the gate's inputs when first
    asked for, by the same :func:`verdict` (issue 21).
    """

    __slots__ = ("_inputs", "_texts")

    def __init__(
        self,
        texts: tuple[tuple[str, ...], tuple[str, ...]] | None = None,
        inputs: tuple[Any, ...] | None = None,
    ) -> None:
        self._texts = texts
        self._inputs = inputs  # what ``verdict`` needs: (definition, results, people, paid, passed)

    @classmethod
    def of(cls, gate: GateResult | GateVerdict) -> ReasonTexts:
        return cls(_texts_of(gate))

    def texts(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if self._texts is None:
            assert self._inputs is not None
            definition, results, people, paid, passed = self._inputs
            gate = verdict(definition, results, people, paid_promotion=paid, passed=passed)
            self._texts = _texts_of(gate)
            self._inputs = None
        return self._texts

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ReasonTexts):
            return NotImplemented
        return self.texts() == other.texts()

    def __hash__(self) -> int:
        return hash(self.texts())

    def __repr__(self) -> str:
        return repr(self.texts())


def _texts_of(gate: GateResult | GateVerdict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (
        tuple([b.text for b in sorted(gate.blockers, key=_kind_rank)]) if gate.blockers else (),
        tuple([w.text for w in gate.warnings]) if gate.warnings else (),
    )


_NO_TEXTS = ReasonTexts(((), ()))


class PostSummary(NamedTuple):
    """One row of the post list (a NamedTuple: a list builds thousands at once)."""

    id: int
    title: str
    status: PostStatus
    planned_at: dt.datetime | None
    published_at: dt.datetime | None
    taken_down_at: dt.datetime | None
    author: str
    checklist_profile: str
    idea_id: int | None
    gate: GateStatus
    reason_texts: ReasonTexts  # ``blockers`` and ``warnings``, worded when first asked
    people: int
    minor_present: bool
    take_down: bool
    approved_by: str
    updated_at: dt.datetime
    take_down_reasons: tuple[str, ...] = ()
    open_items: int = 0  # manual checklist items still open
    issue_items: int = 0  # manual checklist items marked as a problem
    consent_blocked: bool = False  # a person's consent (or age, or the purpose) blocks

    @property
    def closed(self) -> bool:
        return self.status in CLOSED

    @property
    def blockers(self) -> tuple[str, ...]:
        """Why the gate blocks: consent reasons first, then problems, then open items."""
        return self.reason_texts.texts()[0]

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.reason_texts.texts()[1]

    @property
    def gate_text(self) -> str:
        """Why the post may not be approved, in two words ("Blockiert: Einwilligung",
        "Offen: 14 Punkte"); the posts list and the Übersicht use the same words."""
        if self.take_down:
            return msg("Muss offline: Einwilligung", "Must come down: consent")
        if self.closed:
            return ""
        if self.consent_blocked:
            return msg("Blockiert: Einwilligung", "Blocked: consent")
        if self.issue_items:
            n = self.issue_items
            return msg(
                f"Blockiert: {n} {'Problem' if n == 1 else 'Probleme'}",
                f"Blocked: {n} {'issue' if n == 1 else 'issues'}",
            )
        if self.open_items:
            n = self.open_items
            return msg(
                f"Offen: {n} {'Punkt' if n == 1 else 'Punkte'}",
                f"Open: {n} {'item' if n == 1 else 'items'}",
            )
        if self.gate is GateStatus.WARNINGS:
            return msg("Prüfbereit (mit Warnungen)", "Ready for review (warnings)")
        return msg("Prüfbereit", "Ready for review")


@dataclass(frozen=True)
class TakeDown:
    """A published post that must come down: someone in it withdrew or was erased."""

    id: int
    title: str
    published_at: dt.datetime | None
    take_down_reasons: tuple[str, ...]


@dataclass(frozen=True)
class PostDetail:
    summary: PostSummary
    caption: str
    hashtags: str
    format: str
    audience: str
    music_source: str
    paid_promotion: bool
    video_link: str
    account: str
    version: int
    reference_date: dt.date
    definition: ChecklistDefinition
    gate: GateResult
    people: tuple[PersonInPost, ...]
    approvals: tuple[ApprovalView, ...]
    approve_blockers: tuple[str, ...]
    publish_blockers: tuple[str, ...]
    history: tuple[HistoryEntry, ...] = field(default=())
    purpose: str = ""
    note: str = ""  # internal note, never published
    first_open_item: str | None = None  # where "14 Punkte … noch offen" jumps to

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def title(self) -> str:
        return self.summary.title

    @property
    def status(self) -> PostStatus:
        return self.summary.status

    @property
    def can_approve(self) -> bool:
        return not self.approve_blockers

    @property
    def can_publish(self) -> bool:
        return not self.publish_blockers

    @property
    def active_approval(self) -> ApprovalView | None:
        return next((a for a in reversed(self.approvals) if a.active), None)


# ----------------------------------------------------------------------------- clearance helpers


@contextmanager
def bulk_read() -> Iterator[None]:
    """Pause the cyclic garbage collector while a list is read and evaluated.

    A list of 5,000 posts allocates some 100,000 small tuples that form no reference cycles;
    each allocation counts towards a collection, and every tenth one walks the older objects
    too (in the app also the backlog's 50,000 ideas) — 15–20 % of a list's time for nothing.
    Reference counting frees everything as usual; the collector runs again afterwards (drop
    the intermediate data inside the block, or the first collection walks it all once).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def checklist_dirs(ctx: AppContext) -> list[Path]:
    """The organisation's folder (preference, else ``<data dir>/checklists``), then shipped."""
    own = ctx.checklist_dir if ctx.checklist_dir is not None else data_dir() / "checklists"
    return search_dirs(own, resource_dir() / "checklists")


class Definitions:
    """The checklist profiles for one service call.

    Parsed profiles are shared by the whole process (``checklist.PROFILES``) until a file in
    the checklist folders changes; the folders are looked at once per service call.
    """

    def __init__(self, ctx: AppContext) -> None:
        self._dirs = checklist_dirs(ctx)
        self._cache = PROFILES.profiles(self._dirs)

    @property
    def profiles(self) -> dict[str, ChecklistDefinition]:
        """The shared cache object: a new one whenever a checklist file changed."""
        return self._cache

    def __call__(self, profile: str) -> ChecklistDefinition:
        found = self._cache.get(profile)
        if found is None:
            found = self._cache[profile] = load_profile(profile, self._dirs)
        return found

    def available(self) -> list[str]:
        return available_profiles(self._dirs)


def person_facts(
    person: people_repo.PersonRecord | people_repo.PersonFactsRow | None,
) -> PersonFacts:
    if person is None or person.erased_at is not None:
        return PersonFacts(erased=True, id=None if person is None else person.id)
    return PersonFacts(
        is_minor=person.is_minor,
        birth_date=person.birth_date,
        sole_custody=bool(person.sole_custody_note.strip()),
        id=person.id,
        age_state=person.age_state,
        category=person.category,
        own_consent_early=person.own_consent_early,
    )


def erased_label() -> str:
    return msg("Person gelöscht", "Person erased")


def reference_date(post: repo.PostHead | repo.PostRecord, today: dt.date) -> dt.date:
    """The day consent must hold: the planned day, never earlier than today."""
    if post.status in CLOSED_VALUES or post.planned_at is None:
        return today
    return max(post.planned_at.date(), today)


#: ``split_keys`` of the few distinct stored key lists ("face,voice"): a list splits the same
#: strings thousands of times (frozensets are immutable, so sharing them is safe).
_keys = lru_cache(maxsize=1024)(split_keys)

#: Results that pass, shared by every post of a list (their note and author do not matter).
_RESOLVED = {state: ItemResult(ItemState(state)) for state in repo.RESOLVED_STATES}
_ITEM_STATE = {s.value: s for s in ItemState}  # a dict look-up is ~10x an Enum call
_POST_ID = attrgetter("post_id")


class Clearance:
    """Everything needed to evaluate the gates of a set of posts, read in a few set-based
    queries: the posts' list columns, who appears where, those people's consent facts, the
    checklist results and the active approvers.

    ``detail=True`` (one post's view) also reads each result's note and author and the scene
    notes; a list reads only which items are done plus the few results that are not, and
    evaluates each person's consent once per reference date.
    """

    def __init__(
        self,
        posts: list[repo.PostHead],
        appearances: dict[int, list[repo.AppearanceLink]],
        persons: dict[int, people_repo.PersonFactsRow],
        consents: dict[int, list[ConsentFacts]],
        results: dict[int, dict[str, ItemResult]],
        approvers: dict[int, str],
        scene_notes: dict[int, str] | None = None,
        passed: dict[int, frozenset[str]] | None = None,
        resolved: dict[int, dict[str, tuple[str, ...]]] | None = None,
    ) -> None:
        self.posts = posts
        self.appearances = appearances
        self.persons = persons
        self.consents = consents
        self.results = results
        self.approvers = approvers
        self.scene_notes = scene_notes or {}
        #: A list's read: per post the keys whose result passes (ok / not applicable), as a
        #: set for verdicts and by state for full evaluations; ``results`` has the others.
        self.passed = passed or {}
        self._resolved = resolved or {}
        self._on_post: dict[tuple[int | None, dt.date, Use | None, int], PersonOnPost] = {}
        #: ``person_on`` by the raw columns a post and a link give it (no Use built per link).
        self._on_link: dict[tuple[Any, ...], PersonOnPost] = {}
        #: A take-down reason per person as shown on a post (``person_on`` shares them).
        self._leave_texts: dict[PersonOnPost, str] = {}
        #: The checklist profiles, for the own-consent age (set by the services).
        self.definitions: Definitions | None = None

    @classmethod
    def load(
        cls,
        session: Session,
        post_ids: Iterable[int] | None = None,
        *,
        detail: bool = False,
        checklist: bool = True,
    ) -> Clearance:
        """The posts ``post_ids`` (every post when None), in list order.

        ``checklist=False`` leaves the checklist out (enough for :meth:`take_downs`).
        """
        ids = None if post_ids is None else sorted(set(post_ids))
        posts = repo.post_heads(session, ids)
        links = repo.appearance_links(session, ids)  # ordered by post
        appearances = {post: list(group) for post, group in groupby(links, _POST_ID)}
        # All posts show nearly everyone: then reading all people beats a long IN list.
        people_ids = (
            None if ids is None else {a.person_id for a in links if a.person_id is not None}
        )
        persons = {
            p.id: p for p in people_repo.person_facts(session, people_ids, include_erased=True)
        }
        consents: dict[int, list[ConsentFacts]] = {}
        for record in people_repo.consent_facts(session, people_ids):
            consents.setdefault(record.person_id, []).append(record)
        results: dict[int, dict[str, ItemResult]] = {}
        passed: dict[int, frozenset[str]] = {}
        resolved: dict[int, dict[str, tuple[str, ...]]] = {}
        scene_notes: dict[int, str] | None = None
        if detail:
            for res in repo.checklist(session, ids):
                results.setdefault(res.post_id, {})[res.item_key] = ItemResult(
                    _ITEM_STATE[res.state], res.note, res.override_reason, res.set_by, res.set_at
                )
            scene_notes = {a.id: a.scene_note for a in repo.appearances(session, ids)}
        elif checklist:
            resolved = repo.resolved_keys(session, ids)
            # Many posts have done the same items: one set per distinct combination.
            shared: dict[tuple[int, ...], frozenset[str]] = {}
            for post_id, by_state in resolved.items():
                parts = by_state.values()
                key = tuple(map(id, parts))  # the lists are shared per distinct text
                found = shared.get(key)
                if found is None:
                    found = shared[key] = frozenset().union(*parts)
                passed[post_id] = found
            for row in repo.unresolved_results(session, ids):
                results.setdefault(row.post_id, {})[row.item_key] = ItemResult(
                    _ITEM_STATE[row.state], row.note, row.override_reason
                )
        approvers = repo.active_approvers(session, ids)
        return cls(
            posts,
            appearances,
            persons,
            consents,
            results,
            approvers,
            scene_notes,
            passed,
            resolved,
        )

    # ---------------------------------------------------------------- people in a post
    def person_on(
        self, person_id: int | None, on: dt.date, use: Use | None = None, own_age: int = 14
    ) -> PersonOnPost:
        """One person's label and consent assessment for a publication on ``on`` (memoised:
        a person appears in many posts, most of them checked for the same day and use)."""
        key = (person_id, on, use, own_age)
        found = self._on_post.get(key)
        if found is None:
            person = self.persons.get(person_id) if person_id is not None else None
            facts = person_facts(person)
            label = erased_label() if facts.erased or person is None else person.display_name
            assessment = assess(
                facts, self.consents.get(person_id or -1, ()), on, use, own_consent_age=own_age
            )
            assessment = _check_use(assessment, use)
            found = self._on_post[key] = PersonOnPost(label, assessment)
        return found

    def _own_age(self, post: repo.PostHead) -> int:
        if self.definitions is None:
            return OWN_CONSENT_AGE
        return self.definitions(post.checklist_profile).own_consent_age

    def _use(self, post: repo.PostHead, link: repo.AppearanceLink) -> Use:
        return Use(
            post.purpose,
            _keys(link.shown_as),
            post.status not in CLOSED_VALUES,  # earlier posts published without one stay
        )

    def on_post(
        self, post: repo.PostHead, today: dt.date, on: dt.date | None = None
    ) -> list[PersonOnPost]:
        on = on or reference_date(post, today)
        age = self._own_age(post)
        is_open = post.status not in CLOSED_VALUES
        memo = self._on_link
        found = []
        for link in self.appearances.get(post.id, ()):
            key = (link.person_id, on, post.purpose, link.shown_as, is_open, age)
            seen = memo.get(key)
            if seen is None:
                seen = memo[key] = self.person_on(link.person_id, on, self._use(post, link), age)
            found.append(seen)
        return found

    def people(self, post: repo.PostHead, today: dt.date) -> list[PersonInPost]:
        on = reference_date(post, today)
        age = self._own_age(post)
        found = []
        for link in self.appearances.get(post.id, ()):
            seen = self.person_on(link.person_id, on, self._use(post, link), age)
            person = self.persons.get(link.person_id) if link.person_id is not None else None
            erased = person is None or person.erased_at is not None
            found.append(
                PersonInPost(
                    appearance_id=link.id,
                    person_id=None if erased else link.person_id,
                    label=seen.label,
                    scene_note=self.scene_notes.get(link.id, ""),
                    category="" if erased or person is None else person.category,
                    assessment=seen.assessment,
                    shown_as=_keys(link.shown_as),
                )
            )
        return found

    # ---------------------------------------------------------------- gates
    def results_of(self, post_id: int) -> dict[str, ItemResult]:
        """Every result of a post (passing ones of a list's read without note or author)."""
        found = dict(self.results.get(post_id, _NO_RESULTS))
        for state, keys in self._resolved.get(post_id, {}).items():
            found.update(dict.fromkeys(keys, _RESOLVED[state]))
        return found

    def gate(
        self, post: repo.PostHead, definition: ChecklistDefinition, people: Sequence[PersonInPost]
    ) -> GateResult:
        persons = [PersonOnPost(p.label, p.assessment) for p in people]
        return evaluate(
            definition, self.results_of(post.id), persons, paid_promotion=post.paid_promotion
        )

    def summary(
        self, post: repo.PostHead, definitions: Definitions, today: dt.date, real_today: dt.date
    ) -> tuple[PostSummary, list[PersonInPost], GateResult]:
        """One post with its people and the gate item by item (the post's own view)."""
        people = self.people(post, today)
        gate = self.gate(post, definitions(post.checklist_profile), people)
        on_post = [PersonOnPost(p.label, p.assessment) for p in people]
        found = self._summarise(post, on_post, _counts_of(gate), ReasonTexts.of(gate), real_today)
        return found, people, gate

    def summaries(
        self, definitions: Definitions, today: dt.date, real_today: dt.date
    ) -> list[PostSummary]:
        """Every loaded post with its gate verdict (the list view); ``real_today``: the
        clock's day (take-downs are due now, whatever day the gate is for)."""
        found = []
        results, passed = self.results, self.passed
        for post in self.posts:
            on_post = self.on_post(post, today)
            inputs = (
                definitions(post.checklist_profile),
                results.get(post.id, _NO_RESULTS),
                on_post,
                post.paid_promotion,
                passed.get(post.id, _NOTHING_PASSED),
            )
            gate = counts(*inputs[:3], paid_promotion=inputs[3], passed=inputs[4])
            # the texts only when asked (tooltip, Übersicht): most rows are never hovered
            texts = _NO_TEXTS if gate.status is GateStatus.CLEAR else ReasonTexts(None, inputs)
            found.append(self._summarise(post, on_post, gate, texts, real_today))
        return found

    def take_downs(self, today: dt.date) -> list[TakeDown]:
        """The loaded published posts that must come down: someone in it withdrew, a consent
        ended or no longer fits, or the person was erased — or a consent ends within the next
        14 days (flagged ahead, with the date)."""
        found = []
        for post in self.posts:
            if post.status != PostStatus.PUBLISHED.value:
                continue
            reasons = self.take_down_reasons(post, self.on_post(post, today), today)
            if reasons:
                found.append(TakeDown(post.id, post.title, post.published_at, reasons))
        return found

    def take_down_reasons(
        self, post: repo.PostHead, people: Sequence[PersonOnPost], today: dt.date
    ) -> tuple[str, ...]:
        """Why a published post must come down now, or by when (14 days ahead)."""
        if post.status != PostStatus.PUBLISHED.value:
            return ()
        texts = self._leave_texts
        leaving = []
        for person in people:  # the people whose consent no longer holds
            if person.assessment.problems and person.assessment.take_down:
                # one text per person and day, shared by every post they are in
                text = texts.get(person)
                if text is None:
                    text = texts[person] = f"{person.label}: {'; '.join(person.assessment.reasons)}"
                leaving.append(text)
        if leaving:
            return tuple(leaving)
        ahead = []
        for link in self.appearances.get(post.id, ()):
            end = self._ends_within(link.person_id, today)
            if end is not None:
                label = self.person_on(link.person_id, today).label
                ahead.append(
                    msg(
                        f"{label}: Einwilligung endet am {fmt_date(end)} – Video bis dahin "
                        "offline nehmen",
                        f"{label}: consent ends on {fmt_date(end)} – take the video down by then",
                    )
                )
        return tuple(ahead)

    def _ends_within(self, person_id: int | None, today: dt.date) -> dt.date | None:
        """The first day, within 14 days, from which the person's consent no longer holds."""
        if person_id is None:
            return None
        horizon = today + TAKE_DOWN_AHEAD
        if self.person_on(person_id, horizon).assessment.ok:
            return None
        ends = [
            c.valid_until + dt.timedelta(days=1)
            for c in self.consents.get(person_id, ())
            if c.valid_until is not None and today <= c.valid_until < horizon
        ]
        person = self.persons.get(person_id)
        adult = eighteenth_birthday(person.birth_date) if person is not None else None
        if adult is not None and today < adult <= horizon:
            ends.append(adult)
        return min(ends) if ends else horizon

    def _summarise(
        self,
        post: repo.PostHead,
        people: Sequence[PersonOnPost],
        gate: GateCounts,
        texts: ReasonTexts,
        today: dt.date,
    ) -> PostSummary:
        """``today``: the real day (take-downs are due now, whatever day the gate is for)."""
        status = _STATUS[post.status]
        reasons = (
            self.take_down_reasons(post, people, today) if status is PostStatus.PUBLISHED else ()
        )
        return PostSummary(  # positional: thousands per list (the field order of PostSummary)
            post.id,
            post.title,
            status,
            post.planned_at,
            post.published_at,
            post.taken_down_at,
            post.author,
            post.checklist_profile,
            post.idea_id,
            gate.status,
            texts,
            len(people),
            gate.minor_present,
            bool(reasons),
            self.approvers.get(post.id, ""),
            post.updated_at,
            reasons,
            gate.open_items,
            gate.issue_items,
            gate.consent_blocked,
        )


def _counts_of(gate: GateResult) -> GateCounts:
    """A full gate's counts (what :func:`counts` gives for the same inputs)."""
    open_items = issue_items = 0
    for b in gate.blockers:
        if b.kind == "open":
            open_items += 1
        elif b.kind == "issue":
            issue_items += 1
    consent_blocked = any(b.kind == "consent" for b in gate.blockers)
    return GateCounts(gate.status, open_items, issue_items, consent_blocked, gate.minor_present)


_KIND_RANK = {"consent": 0, "issue": 1}


def _kind_rank(reason: GateReason) -> int:
    return _KIND_RANK.get(reason.kind, 2)


def _check_use(assessment: ConsentAssessment, use: Use | None) -> ConsentAssessment:
    """The post must say what it is for and the appearance how the person is shown:
    without them no consent can be checked against the post."""
    if use is None or not use.require_purpose:
        return assessment
    missing = []
    if not use.purpose:
        missing.append(
            ConsentProblem(
                ConsentState.NOT_IN_SCOPE,
                msg(
                    "Zweck des Beitrags nicht angegeben – die Einwilligung kann nicht "
                    "geprüft werden",
                    "the post's purpose is not stated – the consent cannot be checked",
                ),
            )
        )
    if not use.shown_as:
        missing.append(
            ConsentProblem(
                ConsentState.NOT_IN_SCOPE,
                msg(
                    "nicht angegeben, wie die Person gezeigt wird (Gesicht, Stimme, Name, "
                    "Funktion/Rolle)",
                    "not stated how the person is shown (face, voice, name, function/role)",
                ),
            )
        )
    if not missing:
        return assessment
    problems = tuple(sorted((*missing, *assessment.problems), key=lambda p: p.state.severity))
    return assessment._replace(state=problems[0].state, problems=problems, warnings=())


_NO_RESULTS: dict[str, ItemResult] = {}
#: The last post list per open database: ((stamp, day, today, language), profiles, list).
_POST_LISTS: weakref.WeakKeyDictionary[
    Database, tuple[tuple[Any, ...], dict[str, ChecklistDefinition], tuple[PostSummary, ...]]
] = weakref.WeakKeyDictionary()
_NOTHING_PASSED: frozenset[str] = frozenset()
_STATUS = {s.value: s for s in PostStatus}


def revoke_if_approved(s: Session, actor: str, post: repo.PostRecord, reason: str) -> bool:
    """An approved post that changed goes back to "in review", visibly and audited."""
    if PostStatus(post.status) is not PostStatus.APPROVED:
        return False
    repo.revoke_approvals(s, post.id, now(), reason)
    repo.update_post(s, post.id, {"status": PostStatus.IN_REVIEW.value})
    # The reason is free text (a name may be typed into it): the event's note, not its value.
    audit.record(
        s, actor, "approval", post.id, "approval_revoked", PostStatus.APPROVED.value, note=reason
    )
    audit.record(
        s,
        actor,
        "post",
        post.id,
        "status_changed",
        PostStatus.APPROVED.value,
        PostStatus.IN_REVIEW.value,
    )
    return True


# ----------------------------------------------------------------------------- history text


def _history_text(
    event: audit.AuditRecord, definition: ChecklistDefinition, names: dict[int, str]
) -> str:
    """The audit event in words (item labels, state labels, current person names)."""
    old, new, note = event.old_value, event.new_value, event.note
    who = (
        names.get(event.person_id, erased_label())
        if event.person_id is not None
        else erased_label()
    )
    action = event.action
    if action == "checklist_set":
        text = _checklist_text(old, new, definition)
        return text + msg(f"; überstimmt: {note}", f"; overridden: {note}") if note else text
    if action == "content_changed":
        return msg(f"Geändert: {_fields(old, new)}", f"Changed: {_fields(old, new)}")
    labels = {
        "created": msg("Beitrag angelegt", "Post created"),
        "created_from_idea": msg(f"Aus Idee #{new} angelegt", f"Created from idea #{new}"),
        "status_changed": msg(
            f"Status {_status(old)} → {_status(new)}", f"Status {_status(old)} → {_status(new)}"
        ),
        "approved": _approved_text(new),
        "approval_revoked": msg(
            f"Freigabe zurückgezogen: {note or new}", f"Approval revoked: {note or new}"
        ),
        audit.NOTE_REDACTED: msg(
            f"Notiz geschwärzt am {fmt_date(event.at.date())} von {event.actor} (Art. 17 DSGVO)",
            f"Note redacted on {fmt_date(event.at.date())} by {event.actor} (Art. 17 GDPR)",
        ),
        "appearance_added": msg(f"{who} hinzugefügt", f"{who} added"),
        "appearance_changed": msg(f"Szene von {who} geändert", f"Scene of {who} changed"),
        "appearance_removed": msg(f"{who} entfernt", f"{who} removed"),
        "appearance_anonymised": msg(
            "Person gelöscht (Art. 17 DSGVO), Auftritt anonymisiert",
            "Person erased (Art. 17 GDPR), appearance anonymised",
        ),
        "published": msg(
            f"Als veröffentlicht markiert ({_when(new)})", f"Marked published ({_when(new)})"
        ),
        "taken_down": msg(
            f"Als entfernt markiert ({_when(new)})", f"Marked taken down ({_when(new)})"
        ),
        "deleted": msg("Beitrag gelöscht", "Post deleted"),
    }
    if action in ("video_bound", "video_moved"):
        return _video_text(action, old, new)
    return labels.get(action, f"{action}: {old} → {new}")


def _video_text(action: str, old: str, new: str) -> str:
    """``video_bound``/``video_moved`` (``"sha256:…; 123 bytes"``) in words."""
    print_ = new.partition(";")[0].removeprefix("sha256:").strip()[:16]
    if action == "video_moved":
        return msg(
            f"Videodatei an neuem Ort zugeordnet, gleiche Fassung (Fingerabdruck {print_})",
            f"Video file pointed to at its new place, same cut (fingerprint {print_})",
        )
    if old:
        return msg(
            f"Neue Videodatei zugeordnet (Fingerabdruck {print_})",
            f"New video file bound (fingerprint {print_})",
        )
    return msg(
        f"Videodatei zugeordnet (Fingerabdruck {print_})",
        f"Video file bound (fingerprint {print_})",
    )


def _approved_text(new: str) -> str:
    """``"anna sha256:…"`` → "Freigegeben von anna (Fingerabdruck 3f2a…)"."""
    who, _, print_ = new.rpartition(" sha256:")
    if not who:
        return msg(f"Freigegeben von {new}", f"Approved by {new}")
    return msg(
        f"Freigegeben von {who} (Fingerabdruck {print_[:16]})",
        f"Approved by {who} (fingerprint {print_[:16]})",
    )


def fingerprint(s: Session, post: repo.PostRecord, video_sha256: str = "") -> str:
    """SHA-256 over what an approver signs: the content, date, purpose, people with how they
    are shown and their consent records, and the checklist states (plus the video file's hash
    once it is bound to the post).  The history shows it with the approval."""
    import hashlib
    import json

    links = repo.appearances(s, [post.id])
    person_ids = {a.person_id for a in links if a.person_id is not None}
    consents = people_repo.consent_facts(s, person_ids) if person_ids else []
    content = {
        "title": post.title,
        "caption": post.caption,
        "hashtags": post.hashtags,
        "planned_at": post.planned_at.isoformat() if post.planned_at else "",
        "purpose": post.purpose,
        "music_source": post.music_source,
        "paid_promotion": post.paid_promotion,
        "checklist_profile": post.checklist_profile,
        "people": sorted([a.person_id or 0, a.shown_as] for a in links),
        "consents": sorted(
            [
                c.id,
                c.person_id,
                c.valid_from and c.valid_from.isoformat(),
                c.valid_until and c.valid_until.isoformat(),
                c.withdrawn_on is not None,
                join_keys(c.platforms),  # as stored: the fingerprint of an approval
                join_keys(c.purposes),
                join_keys(c.shown_as),
            ]
            for c in consents
        ),
        "checklist": sorted(
            [r.item_key, r.state, r.override_reason] for r in repo.checklist(s, [post.id])
        ),
        "video_sha256": video_sha256,
    }
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _checklist_text(old: str, new: str, definition: ChecklistDefinition) -> str:
    key, _, old_state = old.partition(": ")
    rest = new.partition(": ")[2]
    new_state, _, extra = rest.partition("; ")
    item = definition.item(key)
    label = item.label if item is not None else key
    text = f"{label}: {_item_state(old_state)} → {_item_state(new_state)}"
    return f"{text}; {extra}" if extra else text


def _item_state(value: str) -> str:
    try:
        return ItemState(value).label
    except ValueError:
        return value


def _fields(old: str, new: str) -> str:
    """``planned_at=2026-…`` pairs or a list of text fields, in words."""
    names = {
        "title": msg("Titel", "title"),
        "caption": msg("Beschreibung", "caption"),
        "note": msg("Notiz", "note"),
        "hashtags": "Hashtags",
        "music_source": msg("Musik", "music"),
        "video_link": msg("Link", "link"),
        "account": msg("Konto", "account"),
        "planned_at": msg("geplant", "planned"),
        "format": "Format",
        "audience": msg("Zielgruppe", "audience"),
        "checklist_profile": msg("Checkliste", "checklist"),
        "paid_promotion": msg("bezahlte Reichweite", "paid promotion"),
    }
    if "=" not in new:
        return ", ".join(names.get(n.strip(), n.strip()) for n in new.split(","))
    name, _, new_value = new.partition("=")
    old_value = old.partition("=")[2]
    return f"{names.get(name, name)} {_when(old_value)} → {_when(new_value)}"


def _when(value: str) -> str:
    try:
        return fmt_datetime(dt.datetime.fromisoformat(value))
    except ValueError:
        return value


def _status(value: str) -> str:
    try:
        return PostStatus(value).label
    except ValueError:
        return value


def _audit_value(name: str, value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# ----------------------------------------------------------------------------- the service


class PostService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    @property
    def user(self) -> str:
        return self._ctx.user

    # ---------------------------------------------------------------- reading
    def profiles(self) -> list[tuple[str, str]]:
        """(key, label) of every checklist profile (shipped and the organisation's)."""
        definitions = Definitions(self._ctx)
        return [(key, definitions(key).label) for key in definitions.available()]

    def organisation_checklist_folder(self) -> Path:
        """Where an organisation puts its own checklist files (created on demand)."""
        folder = checklist_dirs(self._ctx)[0]
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def definition(self, profile: str) -> ChecklistDefinition:
        return Definitions(self._ctx)(profile)

    def list_posts(self, today: dt.date | None = None) -> list[PostSummary]:
        """Every post with its gate verdict, planned ones first by date.

        The list is computed again only when something it depends on changed: a commit to
        the database (by anyone: :meth:`Database.data_stamp`), a checklist file, the day or
        the language.  Without a stamp (a server database) it is computed every time.
        """
        definitions = Definitions(self._ctx)
        real_today = self._ctx.clock.today()
        day = today or real_today
        stamp = self._ctx.db.data_stamp()  # read BEFORE the data: a later commit is seen
        key = (stamp, day, real_today, language())
        cached = _POST_LISTS.get(self._ctx.db)
        if (
            stamp is not None
            and cached is not None
            and cached[0] == key
            and cached[1] is definitions.profiles
        ):
            return list(cached[2])
        with bulk_read():
            with self._ctx.db.reader() as s:
                data = Clearance.load(s)
            data.definitions = definitions
            found = data.summaries(definitions, day, real_today)
            del data  # gone before the collector runs again (else it walks it all once)
        if stamp is not None:
            _POST_LISTS[self._ctx.db] = (key, definitions.profiles, tuple(found))
        return found

    def get(self, post_id: int, today: dt.date | None = None) -> PostDetail:
        real_today = self._ctx.clock.today()
        today = today or real_today
        definitions = Definitions(self._ctx)
        with self._ctx.db.reader() as s:
            post = repo.get_post(s, post_id)  # raises the "does not exist" message
            data = Clearance.load(s, [post_id], detail=True)
            data.definitions = definitions
            summary, people, gate = data.summary(data.posts[0], definitions, today, real_today)
            approvals = tuple(
                ApprovalView(
                    a.id,
                    a.approver,
                    a.approved_at,
                    a.comment,
                    a.revoked_at,
                    a.revoked_reason,
                    a.approver_label,
                    a.fingerprint,
                )
                for a in repo.approvals(s, [post_id])
            )
            events = audit.for_post(s, post_id)
            names = people_repo.names(  # erased people are left out
                s, {e.person_id for e in events if e.person_id is not None}
            )
        definition = definitions(post.checklist_profile)
        history = tuple(
            HistoryEntry(e.at, e.actor, e.action, _history_text(e, definition, names))
            for e in events
        )
        return PostDetail(
            summary=summary,
            caption=post.caption,
            hashtags=post.hashtags,
            format=post.format,
            audience=post.audience,
            music_source=post.music_source,
            paid_promotion=post.paid_promotion,
            video_link=post.video_link,
            account=post.account,
            version=post.version,
            reference_date=reference_date(post, today),
            definition=definition,
            gate=gate,
            people=tuple(people),
            approvals=approvals,
            approve_blockers=self._approve_blockers(summary, gate, approvals, people),
            publish_blockers=self._publish_blockers(summary, gate, people),
            history=history,
            purpose=post.purpose,
            note=post.note,
            first_open_item=next((b.item_key for b in gate.blockers if b.kind == "open"), None),
        )

    def _approve_blockers(
        self,
        post: PostSummary,
        gate: GateResult,
        approvals: Sequence[ApprovalView],
        people: Sequence[PersonInPost] = (),
    ) -> tuple[str, ...]:
        if post.closed:
            return (
                msg("Der Beitrag ist bereits veröffentlicht.", "The post is already published."),
            )
        active = [a for a in approvals if a.active]
        if active:
            return (
                msg(
                    f"Bereits freigegeben von {active[-1].approver} am "
                    f"{fmt_datetime(active[-1].approved_at)}.",
                    f"Already approved by {active[-1].approver} on "
                    f"{fmt_datetime(active[-1].approved_at)}.",
                ),
            )
        who: list[str] = []
        if same_user(post.author, self.user):
            who.append(
                msg(
                    f"Vier-Augen-Prinzip: Ihr Konto ({self.user}) hat den Beitrag erstellt – "
                    "freigeben muss ein anderes Konto.",
                    f"Four eyes: your account ({self.user}) wrote this post – another account "
                    "must approve it.",
                )
            )
        return ordered_reasons(gate, people, who)

    def _publish_blockers(
        self, post: PostSummary, gate: GateResult, people: Sequence[PersonInPost] = ()
    ) -> tuple[str, ...]:
        if post.closed:
            return (
                msg(
                    "Der Beitrag ist bereits als veröffentlicht markiert.",
                    "The post is already marked published.",
                ),
            )
        who: list[str] = []
        if post.status is not PostStatus.APPROVED:
            who.append(
                msg("Noch nicht freigegeben (Vier-Augen-Prinzip).", "Not approved yet (four eyes).")
            )
        return ordered_reasons(gate, people, who)

    # ---------------------------------------------------------------- creating
    def create(self, data: PostInput, *, idea_id: int | None = None) -> int:
        data = self._with_defaults(data)
        values = self._validated(data)
        with self._ctx.db.transaction() as s:
            post_id = repo.add_post(
                s, **values, idea_id=idea_id, author=self.user, status=PostStatus.DRAFT.value
            )
            if idea_id is None:
                audit.record(s, self.user, "post", post_id, "created", "", PostStatus.DRAFT.value)
            else:
                audit.record(s, self.user, "post", post_id, "created_from_idea", "", str(idea_id))
        return post_id

    def _with_defaults(self, data: PostInput) -> PostInput:
        """What the first-start assistant answered fills what a new post leaves open: the
        default checklist profile and the single TikTok handle (issue 20)."""
        if data.checklist_profile and data.account:
            return data
        with self._ctx.db.reader() as s:
            profile, account = new_post_defaults(s, Definitions(self._ctx).available())
        return replace(
            data,
            checklist_profile=data.checklist_profile or profile,
            account=data.account or account,
        )

    def posts_of_idea(self, idea_id: int) -> list[int]:
        """The posts already made from an idea (the UI asks before making another)."""
        with self._ctx.db.reader() as s:
            return repo.posts_of_idea(s, idea_id)

    def create_from_idea(self, idea_id: int, *, another: bool = False) -> int:
        """ "In Beitrag umwandeln": a draft linked to the idea, carrying title, format,
        audience, a caption draft from hook and description, hashtags from the tags and the
        trend/sound as music source; the idea goes to "In Produktion".  An idea that already
        has a post gives that post back unless ``another`` is asked for."""
        with self._ctx.db.reader() as s:
            idea = repo.idea_basics(s, idea_id)
            existing = repo.posts_of_idea(s, idea_id)
        if idea is None:
            raise InputRejected(
                msg(
                    f"Idee {idea_id} gibt es nicht (mehr).",
                    f"Idea {idea_id} does not exist (any more).",
                )
            )
        if existing and not another:
            return existing[0]
        planned = (
            dt.datetime.combine(idea.target_date, dt.time(12, 0)) if idea.target_date else None
        )
        fmt = idea.format if idea.format in {f.value for f in IdeaFormat} else "other"
        aud = idea.audience if idea.audience in {a.value for a in Audience} else "general"
        caption = "\n\n".join(t.strip() for t in (idea.hook, idea.description) if t.strip())
        tags = [t.strip().lstrip("#").replace(" ", "") for t in idea.tags.split(",")]
        hashtags = " ".join(f"#{t}" for t in tags if t)
        post_id = self.create(
            PostInput(
                title=idea.title,
                caption=caption,
                hashtags=hashtags,
                format=fmt,
                audience=aud,
                planned_at=planned,
                music_source=idea.sound_ref,
            ),
            idea_id=idea_id,
        )
        if idea.status in (
            IdeaStatus.NEW.value,
            IdeaStatus.SHORTLISTED.value,
            IdeaStatus.PLANNED.value,
        ):
            with self._ctx.db.transaction() as s:
                repo.set_idea_status(s, idea_id, IdeaStatus.IN_PRODUCTION.value)
        return post_id

    def _validated(self, data: PostInput) -> dict[str, Any]:
        title = " ".join(data.title.split())
        if data.purpose and data.purpose not in POST_PURPOSES:
            raise ValidationError("purpose", msg("Unbekannter Zweck.", "Unknown purpose."))
        if not title:
            raise ValidationError(
                "title", msg("Bitte einen Titel eingeben.", "Please enter a title.")
            )
        if data.checklist_profile not in Definitions(self._ctx).available():
            raise ValidationError(
                "checklist_profile",
                msg(
                    f"Checklisten-Profil „{data.checklist_profile}“ gibt es nicht.",
                    f"Checklist profile '{data.checklist_profile}' does not exist.",
                ),
            )
        return {
            "title": title,
            "caption": data.caption.strip(),
            "note": data.note.strip(),
            "hashtags": " ".join(data.hashtags.split()),
            "format": data.format,
            "audience": data.audience,
            "planned_at": data.planned_at.replace(second=0, microsecond=0)
            if data.planned_at
            else None,
            "checklist_profile": data.checklist_profile,
            "music_source": data.music_source.strip(),
            "paid_promotion": bool(data.paid_promotion),
            "account": data.account.strip(),
            "video_link": data.video_link.strip(),
            "purpose": data.purpose,
        }

    # ---------------------------------------------------------------- editing
    def update(self, post_id: int, data: PostInput, expected_version: int | None = None) -> bool:
        """Save the details form; returns True when an approval was revoked by it.  An empty
        checklist profile keeps the post's own."""
        with self._ctx.db.transaction() as s:
            post = repo.get_post(s, post_id)
            if not data.checklist_profile:
                data = replace(data, checklist_profile=post.checklist_profile)
            values = self._validated(data)
            if expected_version is not None and post.version != expected_version:
                raise conflict_error(s, "post", post_id)  # names who changed it, and when
            if PostStatus(post.status) in CLOSED:
                if any(
                    getattr(post, k) != v for k, v in values.items() if k not in NON_CONTENT_FIELDS
                ):
                    raise InputRejected(
                        msg(
                            "Ein veröffentlichter Beitrag kann inhaltlich nicht mehr "
                            "geändert werden (nur Link und Konto).",
                            "A published post's content can no longer be changed "
                            "(only link and account).",
                        )
                    )
                values = {k: v for k, v in values.items() if k in NON_CONTENT_FIELDS}
            diff = repo.update_post(s, post_id, values)
            if not diff:
                return False
            self._audit_changes(s, post_id, diff)
            if set(diff) - NON_CONTENT_FIELDS:
                names = ", ".join(sorted(set(diff) - NON_CONTENT_FIELDS))
                return self._revoke_if_approved(
                    s, post, msg(f"Beitrag geändert ({names})", f"post changed ({names})")
                )
        return False

    def reschedule(
        self,
        post_id: int,
        planned_at: dt.datetime | None,
        expected_version: int | None = None,
    ) -> bool:
        """Move a post to another planned time (the calendar); True when an approval was
        revoked by it — the date is part of what was approved."""
        when = planned_at.replace(second=0, microsecond=0) if planned_at else None
        with self._ctx.db.transaction() as s:
            post = self._open_post(s, post_id)
            if expected_version is not None and post.version != expected_version:
                raise conflict_error(s, "post", post_id)  # names who changed it, and when
            diff = repo.update_post(s, post_id, {"planned_at": when})
            if not diff:
                return False
            self._audit_changes(s, post_id, diff)
            return self._revoke_if_approved(
                s, post, msg("Termin geändert (geplant)", "date changed (planned)")
            )

    def _audit_changes(self, s: Session, post_id: int, diff: dict[str, tuple[Any, Any]]) -> None:
        texts = sorted(k for k in diff if k in TEXT_FIELDS)
        if texts:
            audit.record(s, self.user, "post", post_id, "content_changed", "", ", ".join(texts))
        for name in sorted(set(diff) - TEXT_FIELDS):
            old, new = diff[name]
            audit.record(
                s,
                self.user,
                "post",
                post_id,
                "content_changed",
                f"{name}={_audit_value(name, old)}",
                f"{name}={_audit_value(name, new)}",
            )

    def _revoke_if_approved(self, s: Session, post: repo.PostRecord, reason: str) -> bool:
        return revoke_if_approved(s, self.user, post, reason)

    def _open_post(self, s: Session, post_id: int) -> repo.PostRecord:
        post = repo.get_post(s, post_id)
        if PostStatus(post.status) in CLOSED:
            raise InputRejected(
                msg(
                    "Der Beitrag ist bereits veröffentlicht; Checkliste und Freigabe sind "
                    "abgeschlossen.",
                    "The post is already published; checklist and approval are closed.",
                )
            )
        return post

    def delete(self, post_id: int) -> None:
        with self._ctx.db.transaction() as s:
            post = self._open_post(s, post_id)
            repo.delete_post(s, post_id)
            audit.record(s, self.user, "post", post_id, "deleted", post.status, "")

    # ---------------------------------------------------------------- checklist
    def set_item(
        self, post_id: int, key: str, state: ItemState, note: str = "", override_reason: str = ""
    ) -> bool:
        """Set one checklist item; returns True when an approval was revoked by it."""
        definitions = Definitions(self._ctx)
        note, override_reason = note.strip(), override_reason.strip()
        with self._ctx.db.transaction() as s:
            post = self._open_post(s, post_id)
            item = definitions(post.checklist_profile).item(key)
            if item is None or item.gate is Gate.ACCOUNT:
                raise InputRejected(
                    msg(
                        f"Punkt „{key}“ gehört nicht zur Checkliste dieses Beitrags.",
                        f"Item '{key}' is not part of this post's checklist.",
                    )
                )
            if item.derived:
                raise InputRejected(
                    msg(
                        f"„{item.label}“ wird aus den Personen und Einwilligungen berechnet und "
                        "kann nicht von Hand gesetzt werden.",
                        f"'{item.label}' is computed from the people and consent records and "
                        "cannot be set by hand.",
                    )
                )
            if key in DSB_ONLY_ITEMS:
                require(
                    s,
                    self.user,
                    Role.DSB,
                    msg(f"„{item.label}“ setzen", f"Setting '{item.label}'"),
                )
            if state in (ItemState.OK, ItemState.NOT_APPLICABLE):
                override_reason = ""
            if override_reason and item.gate is not Gate.WARN:
                raise ValidationError(
                    "override_reason",
                    msg(
                        "Nur Warnungen können überstimmt werden; blockierende Punkte "
                        "müssen erledigt werden.",
                        "Only warnings can be overridden; blocking items must be resolved.",
                    ),
                )
            old = repo.set_checklist_result(
                s,
                post_id,
                key,
                state=state.value,
                note=note,
                override_reason=override_reason,
                set_by=self.user,
                set_at=self._ctx.clock.stamp(),
            )
            old_state = old.state if old else ItemState.OPEN.value
            old_override = old.override_reason if old else ""
            old_note = old.note if old else ""
            if (old_state, old_override, old_note) == (state.value, override_reason, note):
                return False
            new_text = f"{key}: {state.value}"
            if note != old_note:
                new_text += msg("; Notiz geändert", "; note changed")
            audit.record(  # the override reason is free text: the event's note
                s,
                self.user,
                "checklist",
                post_id,
                "checklist_set",
                f"{key}: {old_state}",
                new_text,
                note=override_reason,
            )
            return self._revoke_if_approved(
                s, post, msg(f"Checkliste geändert ({key})", f"checklist changed ({key})")
            )

    # ---------------------------------------------------------------- people in the video
    def add_person(
        self,
        post_id: int,
        person_id: int,
        scene_note: str = "",
        shown_as: frozenset[str] = frozenset({"face"}),
    ) -> bool:
        with self._ctx.db.transaction() as s:
            post = repo.get_post(s, post_id)
            people_repo.get_person(s, person_id)
            repo.add_appearance(s, post_id, person_id, scene_note.strip(), join_keys(shown_as))
            audit.record(
                s, self.user, "appearance", post_id, "appearance_added", person_id=person_id
            )
            return self._revoke_if_approved(s, post, msg("Person hinzugefügt", "person added"))

    def set_scene_note(self, appearance_id: int, scene_note: str) -> bool:
        with self._ctx.db.transaction() as s:
            app = repo.get_appearance(s, appearance_id)
            if not repo.set_scene_note(s, appearance_id, scene_note.strip()):
                return False
            audit.record(
                s,
                self.user,
                "appearance",
                app.post_id,
                "appearance_changed",
                person_id=app.person_id,
            )
            post = repo.get_post(s, app.post_id)
            return self._revoke_if_approved(s, post, msg("Szene geändert", "scene changed"))

    def set_shown_as(self, appearance_id: int, shown_as: frozenset[str]) -> bool:
        """How the person is shown in this video; True when an approval was revoked."""
        with self._ctx.db.transaction() as s:
            app = repo.get_appearance(s, appearance_id)
            post = self._open_post(s, app.post_id)
            if not repo.set_shown_as(s, appearance_id, join_keys(shown_as)):
                return False
            audit.record(
                s,
                self.user,
                "appearance",
                app.post_id,
                "appearance_changed",
                app.shown_as,
                join_keys(shown_as),
                person_id=app.person_id,
            )
            return self._revoke_if_approved(
                s, post, msg("Darstellung geändert", "depiction changed")
            )

    def section_items_to_confirm(self, post_id: int, section: str) -> list[tuple[str, str]]:
        """(key, label) of the manual items of a section that are not OK yet — what
        "Abschnitt: alles in Ordnung" would set (never derived or DSB-only items)."""
        detail = self.get(post_id)
        return [
            (e.item.key, e.item.label)
            for e in detail.gate.items
            if e.item.section == section
            and not e.derived
            and e.item.key not in DSB_ONLY_ITEMS
            and e.state is not ItemState.OK
        ]

    def set_section_ok(self, post_id: int, section: str) -> list[str]:
        """Set every manual item of the section to OK (each audited); returns the keys."""
        keys = [k for k, _ in self.section_items_to_confirm(post_id, section)]
        for key in keys:
            self.set_item(post_id, key, ItemState.OK)
        return keys

    def remove_person(self, appearance_id: int) -> bool:
        with self._ctx.db.transaction() as s:
            app = repo.get_appearance(s, appearance_id)
            post = repo.get_post(s, app.post_id)
            repo.remove_appearance(s, appearance_id)
            audit.record(
                s,
                self.user,
                "appearance",
                app.post_id,
                "appearance_removed",
                person_id=app.person_id,
            )
            return self._revoke_if_approved(s, post, msg("Person entfernt", "person removed"))

    # ---------------------------------------------------------------- workflow
    def _set_status(
        self,
        s: Session,
        post: repo.PostRecord,
        new: PostStatus,
        extra: dict[str, Any] | None = None,
    ) -> None:
        repo.update_post(s, post.id, {"status": new.value, **(extra or {})})
        audit.record(s, self.user, "post", post.id, "status_changed", post.status, new.value)

    def submit_for_review(self, post_id: int) -> None:
        with self._ctx.db.transaction() as s:
            post = self._open_post(s, post_id)
            if PostStatus(post.status) is PostStatus.DRAFT:
                self._set_status(s, post, PostStatus.IN_REVIEW)

    def back_to_draft(self, post_id: int) -> None:
        with self._ctx.db.transaction() as s:
            post = self._open_post(s, post_id)
            if PostStatus(post.status) is PostStatus.DRAFT:
                return
            if PostStatus(post.status) is PostStatus.APPROVED:
                repo.revoke_approvals(
                    s, post_id, self._ctx.clock.stamp(), msg("zurück zum Entwurf", "back to draft")
                )
                audit.record(
                    s,
                    self.user,
                    "approval",
                    post_id,
                    "approval_revoked",
                    PostStatus.APPROVED.value,
                    msg("zurück zum Entwurf", "back to draft"),
                )
            self._set_status(s, post, PostStatus.DRAFT)

    def approve(self, post_id: int, comment: str = "", today: dt.date | None = None) -> None:
        """Four-eyes sign-off by the current user; refused with the reasons while blocked."""
        detail = self.get(post_id, today)
        if detail.approve_blockers:
            raise InputRejected(
                msg("Freigabe nicht möglich:\n", "Cannot approve:\n")
                + "\n".join(f"• {r}" for r in detail.approve_blockers)
            )
        with self._ctx.db.transaction() as s:
            post = repo.get_post(s, post_id)
            if post.version != detail.version:
                raise InputRejected(
                    msg(
                        "Der Beitrag wurde gerade geändert. Bitte erneut prüfen.",
                        "The post just changed. Please check again.",
                    )
                )
            require(s, self.user, Role.APPROVER, msg("Freigeben", "Approving"))
            print_ = fingerprint(s, post, post.video_sha256)  # the bound cut (issue 18)
            repo.add_approval(
                s,
                post_id,
                self.user,
                comment.strip(),
                self._ctx.clock.stamp(),
                approver_label=self._ctx.label.strip(),
                fingerprint=print_,
            )
            audit.record(
                s,
                self.user,
                "approval",
                post_id,
                "approved",
                post.status,
                f"{self.user} sha256:{print_}",
            )
            self._set_status(s, post, PostStatus.APPROVED)

    def revoke_approval(self, post_id: int, reason: str) -> None:
        reason = reason.strip()
        if not reason:
            raise ValidationError(
                "reason", msg("Bitte einen Grund angeben.", "Please give a reason.")
            )
        with self._ctx.db.transaction() as s:
            post = self._open_post(s, post_id)
            if not self._revoke_if_approved(s, post, reason):
                raise InputRejected(
                    msg("Der Beitrag ist nicht freigegeben.", "The post is not approved.")
                )

    def mark_published(
        self,
        post_id: int,
        published_at: dt.datetime | None = None,
        video_link: str = "",
        today: dt.date | None = None,
        video: VideoFile | None = None,
    ) -> None:
        """``video``: the bound file hashed just now (GUI worker); None hashes it here."""
        from tikdesk.services.video import check_approved_cut

        detail = self.get(post_id, today)
        if detail.publish_blockers:
            raise InputRejected(
                msg(
                    "Kann nicht als veröffentlicht markiert werden:\n",
                    "Cannot mark as published:\n",
                )
                + "\n".join(f"• {r}" for r in detail.publish_blockers)
            )
        when = (published_at or self._ctx.clock.stamp()).replace(microsecond=0)
        with self._ctx.db.reader() as s:
            check_approved_cut(repo.get_post(s, post_id), video)  # issue 18
        with self._ctx.db.transaction() as s:
            post = repo.get_post(s, post_id)
            extra: dict[str, Any] = {"published_at": when}
            if video_link.strip():
                extra["video_link"] = video_link.strip()
            self._set_status(s, post, PostStatus.PUBLISHED, extra)
            audit.record(
                s, self.user, "post", post_id, "published", "", _audit_value("published_at", when)
            )

    def mark_taken_down(self, post_id: int, taken_down_at: dt.datetime | None = None) -> None:
        when = (taken_down_at or self._ctx.clock.stamp()).replace(microsecond=0)
        with self._ctx.db.transaction() as s:
            post = repo.get_post(s, post_id)
            if PostStatus(post.status) is not PostStatus.PUBLISHED:
                raise InputRejected(
                    msg(
                        "Nur veröffentlichte Beiträge können offline genommen werden.",
                        "Only published posts can be taken down.",
                    )
                )
            if post.published_at and when < post.published_at:
                raise ValidationError(
                    "taken_down_at",
                    msg(
                        "Das Datum liegt vor der Veröffentlichung.",
                        "The date is before publication.",
                    ),
                )
            self._set_status(s, post, PostStatus.TAKEN_DOWN, {"taken_down_at": when})
            audit.record(
                s, self.user, "post", post_id, "taken_down", "", _audit_value("taken_down_at", when)
            )


def ordered_reasons(
    gate: GateResult, people: Sequence[PersonInPost], who: Sequence[str] = ()
) -> tuple[str, ...]:
    """The reasons box, reasons first (issue 16): consent and people problems, one line per
    person; then who may act; then items marked as a problem; then one line for the items
    still open ("14 Punkte der Checkliste noch offen")."""
    lines = [
        f"{p.label}: {'; '.join(p.assessment.reasons)}" for p in people if p.assessment.problems
    ]
    if not people:  # the derived items say "nobody recorded" themselves
        lines.extend(b.text for b in gate.blockers if b.kind == "consent")
    lines.extend(who)
    lines.extend(b.text for b in gate.blockers if b.kind == "issue")
    still_open = sum(1 for b in gate.blockers if b.kind == "open")
    if still_open:
        lines.append(
            msg(
                f"{still_open} {'Punkt' if still_open == 1 else 'Punkte'} der Checkliste "
                "noch offen",
                f"{still_open} checklist {'item' if still_open == 1 else 'items'} still open",
            )
        )
    return tuple(lines)


def describe_reference(detail: PostDetail) -> str:
    """ "Consent checked for 12.06.2026" line for the UI."""
    return msg(
        f"Einwilligungen geprüft für den {fmt_date(detail.reference_date)}",
        f"Consent checked for {fmt_date(detail.reference_date)}",
    )
