"""Posts with their appearances, checklist results and approvals.

Functions take the session of the current unit of work and hand back frozen records, never
ORM rows.  Updates return what changed as ``{field: (old, new)}`` for the audit log.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import starmap
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import QueryableAttribute, Session

from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.storage.models import (
    Appearance,
    Approval,
    ChecklistResult,
    Idea,
    Post,
)

R = TypeVar("R")


@dataclass(frozen=True)
class PostRecord:
    id: int
    idea_id: int | None
    title: str
    caption: str
    hashtags: str
    format: str
    audience: str
    planned_at: dt.datetime | None
    published_at: dt.datetime | None
    taken_down_at: dt.datetime | None
    video_link: str
    account: str
    checklist_profile: str
    music_source: str
    paid_promotion: bool
    author: str
    status: str
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
    purpose: str = ""
    # the approved video file (issue 18): path, size, SHA-256; "" = no file bound
    video_path: str = ""
    video_size: int | None = None
    video_sha256: str = ""
    note: str = ""  # internal note (issue 19), never published


@dataclass(frozen=True)
class AppearanceRecord:
    id: int
    post_id: int
    person_id: int | None
    scene_note: str
    shown_as: str = "face"


@dataclass(frozen=True)
class ChecklistRecord:
    id: int
    post_id: int
    item_key: str
    state: str
    note: str
    override_reason: str
    set_by: str
    set_at: dt.datetime | None


@dataclass(frozen=True)
class ApprovalRecord:
    id: int
    post_id: int
    approver: str
    approved_at: dt.datetime
    comment: str
    revoked_at: dt.datetime | None
    revoked_reason: str
    approver_label: str = ""
    fingerprint: str = ""


@dataclass(frozen=True)
class IdeaBasics:
    id: int
    title: str
    hook: str
    format: str
    audience: str
    target_date: dt.date | None
    description: str = ""
    tags: str = ""
    sound_ref: str = ""
    status: str = "new"


#: Post columns a user may edit through :func:`update_post`.
EDITABLE = frozenset(
    {
        "title",
        "caption",
        "note",
        "hashtags",
        "format",
        "audience",
        "planned_at",
        "published_at",
        "taken_down_at",
        "video_link",
        "account",
        "checklist_profile",
        "music_source",
        "paid_promotion",
        "status",
        "idea_id",
        "purpose",
        "video_path",
        "video_size",
        "video_sha256",
    }
)


class PostHead(NamedTuple):
    """What the post list shows and the gate needs of a post (no free texts but the title).

    A NamedTuple: thousands are built per list, and frozen dataclasses set every
    field through ``object.__setattr__``.
    """

    id: int
    title: str
    status: str
    planned_at: dt.datetime | None
    published_at: dt.datetime | None
    taken_down_at: dt.datetime | None
    author: str
    checklist_profile: str
    idea_id: int | None
    paid_promotion: bool
    updated_at: dt.datetime
    purpose: str


class AppearanceLink(NamedTuple):
    id: int
    post_id: int
    person_id: int | None
    shown_as: str


class UnresolvedResult(NamedTuple):
    """A checklist result that does not pass by itself (``open`` or ``issue``)."""

    post_id: int
    item_key: str
    state: str
    note: str
    override_reason: str


#: Results in these states pass their item whatever the note says; the others do not.
RESOLVED_STATES = ("ok", "not_applicable")
UNRESOLVED_STATES = ("open", "issue")
CLOSED_STATES = ("published", "taken_down")
#: Ids per ``IN (…)`` list: far below SQLite's limit on bound parameters.
CHUNK = 5_000
AnySelect = Select[*tuple[Any, ...]]


def columns(table: Any, names: Iterable[str]) -> list[Any]:
    """Core columns of ``table`` (reading through them skips the ORM's row loading)."""
    return [table.__table__.c[name] for name in names]


def record_columns(table: Any, cls: type) -> list[Any]:
    return columns(table, (f.name for f in dataclasses.fields(cls)))


def chunked(
    query: AnySelect, column: QueryableAttribute[Any], ids: Iterable[int] | None
) -> Iterator[AnySelect]:
    """``query`` once (``ids`` None: no filter) or once per chunk of ``ids``, in id order."""
    if ids is None:
        yield query
        return
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), CHUNK):
        yield query.where(column.in_(wanted[start : start + CHUNK]))


def read(
    session: Session,
    query: AnySelect,
    column: QueryableAttribute[Any],
    ids: Iterable[int] | None,
    make: Callable[..., R],
) -> list[R]:
    """Rows of ``query`` (filtered by ``column IN ids``) as ``make(*row)``."""
    found: list[R] = []
    connection = session.connection()  # Core rows: no ORM result machinery for plain columns
    for part in chunked(query, column, ids):
        # fetchall: iterating a result fetches row by row from the driver (slower)
        found.extend(starmap(make, connection.execute(part).fetchall()))
    return found


def to_record(row: Any, cls: type[R]) -> R:
    """Copy the fields of dataclass ``cls`` from an ORM row."""
    return cls(**{f.name: getattr(row, f.name) for f in dataclasses.fields(cls)})  # type: ignore[arg-type]


def apply_changes(
    row: Any, changes: Mapping[str, Any], allowed: frozenset[str]
) -> dict[str, tuple[Any, Any]]:
    """Set ``changes`` on an ORM row, bump its version; return ``{field: (old, new)}``."""
    diff: dict[str, tuple[Any, Any]] = {}
    for name, value in changes.items():
        if name not in allowed:
            raise ValueError(f"{type(row).__name__}.{name} is not editable")
        old = getattr(row, name)
        if old != value:
            diff[name] = (old, value)
            setattr(row, name, value)
    if diff:
        row.version += 1
    return diff


def _post_row(session: Session, post_id: int) -> Post:
    row = session.get(Post, post_id)
    if row is None:
        raise InputRejected(
            msg(
                f"Beitrag {post_id} gibt es nicht (mehr).",
                f"Post {post_id} does not exist (any more).",
            )
        )
    return row


_POST_ORDER = (Post.planned_at.is_(None), Post.planned_at, Post.id)


def _in_list_order(records: list[Any], ids: Iterable[int] | None) -> list[Any]:
    """Chunked reads come back ordered per chunk: restore the list order across chunks."""
    if ids is None or len(records) <= CHUNK:
        return records
    return sorted(
        records, key=lambda r: (r.planned_at is None, r.planned_at or dt.datetime.min, r.id)
    )


def list_posts(session: Session, ids: Iterable[int] | None = None) -> list[PostRecord]:
    query = select(*record_columns(Post, PostRecord)).order_by(*_POST_ORDER)
    return _in_list_order(read(session, query, Post.id, ids, PostRecord), ids)


def post_heads(session: Session, ids: Iterable[int] | None = None) -> list[PostHead]:
    """The list columns of the posts (all when ``ids`` is None), planned ones first by date."""
    query = select(*columns(Post, PostHead._fields)).order_by(*_POST_ORDER)
    return _in_list_order(read(session, query, Post.id, ids, PostHead), ids)


def open_post_ids(session: Session) -> list[int]:
    """Posts not published or taken down: their clearance is still to be done."""
    return list(session.scalars(select(Post.id).where(Post.status.not_in(CLOSED_STATES))))


def take_down_candidates(session: Session) -> list[int]:
    """Published posts showing anyone: a consent may be withdrawn, end (or end within 14
    days), no longer fit, or the person be erased (issue 16); the caller evaluates them."""
    query = (
        select(Appearance.post_id)
        .join(Post, Post.id == Appearance.post_id)
        .where(Post.status == "published")
        .distinct()
    )
    return list(session.scalars(query))


def get_post(session: Session, post_id: int) -> PostRecord:
    return to_record(_post_row(session, post_id), PostRecord)


def add_post(session: Session, **fields: Any) -> int:
    row = Post(**fields)
    session.add(row)
    session.flush()
    return row.id


def update_post(
    session: Session, post_id: int, changes: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    """Apply ``changes``; return ``{field: (old, new)}`` of what really changed."""
    row = _post_row(session, post_id)
    diff = apply_changes(row, changes, EDITABLE)
    if diff:
        row.updated_at = SYSTEM_CLOCK.stamp()
    return diff


def delete_post(session: Session, post_id: int) -> None:
    session.delete(_post_row(session, post_id))


def idea_basics(session: Session, idea_id: int) -> IdeaBasics | None:
    row = session.get(Idea, idea_id)
    return None if row is None else to_record(row, IdeaBasics)


def posts_of_idea(session: Session, idea_id: int) -> list[int]:
    """Ids of the posts made from an idea, oldest first."""
    return list(session.scalars(select(Post.id).where(Post.idea_id == idea_id).order_by(Post.id)))


def set_idea_status(session: Session, idea_id: int, status: str) -> str | None:
    """Set an idea's status (bumping its version); returns the old status if it changed."""
    row = session.get(Idea, idea_id)
    if row is None or row.status == status:
        return None
    old, row.status = row.status, status
    row.version += 1
    return old


# ----------------------------------------------------------------------------- appearances


def appearances(session: Session, post_ids: Iterable[int] | None = None) -> list[AppearanceRecord]:
    query = select(*record_columns(Appearance, AppearanceRecord)).order_by(
        Appearance.post_id, Appearance.id
    )
    return read(session, query, Appearance.post_id, post_ids, AppearanceRecord)


def appearance_links(
    session: Session, post_ids: Iterable[int] | None = None
) -> list[AppearanceLink]:
    """Who appears in which post (without scene notes), in post and insertion order."""
    query = select(*columns(Appearance, AppearanceLink._fields)).order_by(
        Appearance.post_id, Appearance.id
    )
    return read(session, query, Appearance.post_id, post_ids, AppearanceLink)


def appearances_of_person(session: Session, person_id: int) -> list[AppearanceRecord]:
    query = (
        select(*record_columns(Appearance, AppearanceRecord))
        .where(Appearance.person_id == person_id)
        .order_by(Appearance.id)
    )
    return [AppearanceRecord(*row) for row in session.connection().execute(query).fetchall()]


def appearance_counts(session: Session) -> dict[int, int]:
    """Number of posts per person id (erased appearances have no person and are left out)."""
    query = (
        select(Appearance.person_id, func.count())
        .where(Appearance.person_id.is_not(None))
        .group_by(Appearance.person_id)
    )
    rows = session.connection().execute(query).fetchall()
    return {person: count for person, count in rows if person is not None}


def get_appearance(session: Session, appearance_id: int) -> AppearanceRecord:
    row = session.get(Appearance, appearance_id)
    if row is None:
        raise InputRejected(
            msg(
                "Diese Person ist dem Beitrag nicht (mehr) zugeordnet.",
                "This person is not (any more) part of the post.",
            )
        )
    return to_record(row, AppearanceRecord)


def add_appearance(
    session: Session, post_id: int, person_id: int, scene_note: str, shown_as: str = "face"
) -> int:
    exists = session.scalar(
        select(Appearance.id).where(
            Appearance.post_id == post_id, Appearance.person_id == person_id
        )
    )
    if exists is not None:
        raise InputRejected(
            msg(
                "Diese Person ist dem Beitrag bereits zugeordnet.",
                "This person is already part of the post.",
            )
        )
    row = Appearance(post_id=post_id, person_id=person_id, scene_note=scene_note, shown_as=shown_as)
    session.add(row)
    session.flush()
    return row.id


def set_scene_note(session: Session, appearance_id: int, note: str) -> bool:
    row = session.get(Appearance, appearance_id)
    if row is None or row.scene_note == note:
        return False
    row.scene_note = note
    return True


def set_shown_as(session: Session, appearance_id: int, shown_as: str) -> bool:
    row = session.get(Appearance, appearance_id)
    if row is None or row.shown_as == shown_as:
        return False
    row.shown_as = shown_as
    return True


def remove_appearance(session: Session, appearance_id: int) -> None:
    row = session.get(Appearance, appearance_id)
    if row is not None:
        session.delete(row)


def anonymise_appearances(session: Session, person_id: int) -> list[int]:
    """Detach a person from all posts (erasure); returns the affected post ids."""
    rows = list(session.scalars(select(Appearance).where(Appearance.person_id == person_id)))
    for row in rows:
        row.person_id = None
        row.scene_note = ""
    return sorted({r.post_id for r in rows})


# ----------------------------------------------------------------------------- checklist


def checklist(session: Session, post_ids: Iterable[int] | None = None) -> list[ChecklistRecord]:
    query = select(*record_columns(ChecklistResult, ChecklistRecord)).order_by(
        ChecklistResult.post_id, ChecklistResult.id
    )
    return read(session, query, ChecklistResult.post_id, post_ids, ChecklistRecord)


def resolved_keys(
    session: Session, post_ids: Iterable[int] | None = None
) -> dict[int, dict[str, tuple[str, ...]]]:
    """``{post_id: {state: (item keys)}}`` of the results that pass (``ok``, ``not applicable``).

    One row per post and state (``group_concat`` in SQLite, ``string_agg`` in PostgreSQL,
    served by the
    ``ix_checklist_result_state`` index), not one per result: a post list needs only which
    items are done, and at 5,000 posts there are 120,000 results.  Item keys cannot hold a
    comma (checklist files only allow a–z, 0–9 and ``. _ -``).  Posts with the same keys share
    one tuple (most posts of a list have done the same items).
    """
    connection = session.connection()
    joined = (  # the same aggregate under its two names
        func.group_concat(ChecklistResult.item_key, ",")
        if connection.dialect.name == "sqlite"
        else func.string_agg(ChecklistResult.item_key, ",")
    )
    query = (
        select(ChecklistResult.state, ChecklistResult.post_id, joined)
        .where(ChecklistResult.state.in_(RESOLVED_STATES))
        .group_by(ChecklistResult.state, ChecklistResult.post_id)
    )
    found: dict[int, dict[str, tuple[str, ...]]] = {}
    split: dict[str, tuple[str, ...]] = {}
    for part in chunked(query, ChecklistResult.post_id, post_ids):
        for state, post_id, keys in connection.execute(part).fetchall():
            shared = split.get(keys)
            if shared is None:
                shared = split[keys] = tuple(keys.split(","))
            found.setdefault(post_id, {})[state] = shared
    return found


def unresolved_results(
    session: Session, post_ids: Iterable[int] | None = None
) -> list[UnresolvedResult]:
    """The results that do not pass by themselves (open or issue), with note and reason."""
    query = (
        select(*columns(ChecklistResult, UnresolvedResult._fields))
        .where(ChecklistResult.state.in_(UNRESOLVED_STATES))
        .order_by(ChecklistResult.post_id, ChecklistResult.id)
    )
    return read(session, query, ChecklistResult.post_id, post_ids, UnresolvedResult)


def set_checklist_result(
    session: Session,
    post_id: int,
    item_key: str,
    *,
    state: str,
    note: str,
    override_reason: str,
    set_by: str,
    set_at: dt.datetime,
) -> ChecklistRecord | None:
    """Insert or update one result; returns the previous record (``None`` if new)."""
    row = session.scalar(
        select(ChecklistResult).where(
            ChecklistResult.post_id == post_id, ChecklistResult.item_key == item_key
        )
    )
    old = None if row is None else to_record(row, ChecklistRecord)
    if row is None:
        row = ChecklistResult(post_id=post_id, item_key=item_key)
        session.add(row)
    row.state, row.note, row.override_reason = state, note, override_reason
    row.set_by, row.set_at = set_by, set_at
    session.flush()
    return old


# ----------------------------------------------------------------------------- approvals


def approvals(session: Session, post_ids: Iterable[int] | None = None) -> list[ApprovalRecord]:
    query = select(*record_columns(Approval, ApprovalRecord)).order_by(
        Approval.post_id, Approval.approved_at, Approval.id
    )
    return read(session, query, Approval.post_id, post_ids, ApprovalRecord)


def active_approvers(session: Session, post_ids: Iterable[int] | None = None) -> dict[int, str]:
    """``{post_id: approver}`` of the latest approval that was not revoked."""
    query = (
        select(Approval.post_id, Approval.approver)
        .where(Approval.revoked_at.is_(None))
        .order_by(Approval.post_id, Approval.approved_at, Approval.id)
    )
    found: dict[int, str] = {}
    connection = session.connection()
    for part in chunked(query, Approval.post_id, post_ids):
        found.update((post, approver) for post, approver in connection.execute(part).fetchall())
    return found


def add_approval(
    session: Session,
    post_id: int,
    approver: str,
    comment: str,
    at: dt.datetime,
    *,
    approver_label: str = "",
    fingerprint: str = "",
) -> int:
    row = Approval(
        post_id=post_id,
        approver=approver,
        comment=comment,
        approved_at=at,
        approver_label=approver_label,
        fingerprint=fingerprint,
    )
    session.add(row)
    session.flush()
    return row.id


def revoke_approvals(session: Session, post_id: int, at: dt.datetime, reason: str) -> list[int]:
    """Revoke every active approval of a post; returns the revoked ids."""
    rows = list(
        session.scalars(
            select(Approval).where(Approval.post_id == post_id, Approval.revoked_at.is_(None))
        )
    )
    for row in rows:
        row.revoked_at, row.revoked_reason = at, reason
    return [r.id for r in rows]


# ----------------------------------------------------------------------------- pseudonymise


def texts_of_posts(session: Session, post_ids: Iterable[int]) -> list[tuple[str, int, str, str]]:
    """Every free text of the given posts as (table, row id, column, text)."""
    ids = list(post_ids)
    found: list[tuple[str, int, str, str]] = []
    for post in session.scalars(select(Post).where(Post.id.in_(ids))):
        for col in ("title", "caption", "note", "hashtags"):
            found.append(("post", post.id, col, getattr(post, col)))
    for res in session.scalars(select(ChecklistResult).where(ChecklistResult.post_id.in_(ids))):
        found.append(("checklist_result", res.id, "note", res.note))
        found.append(("checklist_result", res.id, "override_reason", res.override_reason))
    for app in session.scalars(select(Appearance).where(Appearance.post_id.in_(ids))):
        found.append(("appearance", app.id, "scene_note", app.scene_note))
    for apr in session.scalars(select(Approval).where(Approval.post_id.in_(ids))):
        found.append(("approval", apr.id, "comment", apr.comment))
        found.append(("approval", apr.id, "revoked_reason", apr.revoked_reason))
    return found


_TABLES = {
    "post": Post,
    "checklist_result": ChecklistResult,
    "appearance": Appearance,
    "approval": Approval,
}


def replace_text(session: Session, table: str, row_id: int, column: str, value: str) -> None:
    row = session.get(_TABLES[table], row_id)
    if row is not None:
        setattr(row, column, value)


# ----------------------------------------------------------------------------- published posts
@dataclass(frozen=True)
class PostFacts:
    """A post that is (or may be) published: what a report row needs."""

    id: int
    title: str
    format: str
    audience: str
    published_at: dt.datetime | None
    video_link: str
    account: str
    status: str


def posts_with_video_or_date(session: Session) -> list[PostFacts]:
    """Every post that has a publication time or a video link (report rows, link matching)."""
    query = (
        select(
            Post.id,
            Post.title,
            Post.format,
            Post.audience,
            Post.published_at,
            Post.video_link,
            Post.account,
            Post.status,
        )
        .where(or_(Post.published_at.is_not(None), Post.video_link != ""))
        .order_by(Post.published_at, Post.id)
    )
    return list(starmap(PostFacts, session.execute(query)))


def post_accounts(session: Session) -> list[str]:
    """The distinct account names posts carry (may be empty or spelled with ``@``)."""
    return list(session.scalars(select(Post.account).distinct()))


def overridden_post_ids(session: Session, post_ids: Iterable[int]) -> set[int]:
    """Posts with at least one checklist item passed by a written override."""
    ids = list(post_ids)
    found: set[int] = set()
    for start in range(0, len(ids), 500):  # below SQLite's bound-parameter limit
        query = (
            select(ChecklistResult.post_id)
            .where(
                ChecklistResult.post_id.in_(ids[start : start + 500]),
                func.trim(ChecklistResult.override_reason) != "",
            )
            .distinct()
        )
        found.update(session.scalars(query))
    return found


def status_counts(session: Session) -> dict[str, int]:
    """How many posts each status has."""
    query = select(Post.status, func.count()).group_by(Post.status)
    return {status: count for status, count in session.execute(query)}
