"""Analytics storage: daily account numbers, video snapshots, audience, peer benchmarks.

Bulk writes go through Core ``insert()``/``update()`` with lists of dicts (executemany) — the
ORM unit of work costs 6× more for a year of rows (ARCHITECTURE.md §6).  Reads for charts hand
back plain tuples ordered for plotting; nothing here knows about Qt or pandas.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, and_, bindparam, delete, func, insert, select, union, update
from sqlalchemy.orm import Session

from tikdesk.domain.text import storable_name
from tikdesk.storage.models import (
    AccountDaily,
    AudienceSnapshot,
    Benchmark,
    ImportBatch,
    Post,
    VideoStats,
)

#: AccountDaily value columns, in the order of the CLI export (then the viewer columns).
DAILY_FIELDS = (
    "video_views", "profile_views", "likes", "comments", "shares", "followers",
    "new_followers", "lost_followers", "reached_audience",
    "total_viewers", "new_viewers", "returning_viewers",
)  # fmt: skip
#: VideoStats value columns.
VIDEO_FIELDS = (
    "video_title", "posted_at", "views", "likes", "comments", "shares", "favourites",
    "avg_watch_seconds", "completion_rate", "reach", "approximate",
)  # fmt: skip

DAILY: Table = AccountDaily.__table__  # type: ignore[assignment]
VIDEO: Table = VideoStats.__table__  # type: ignore[assignment]
AUDIENCE: Table = AudienceSnapshot.__table__  # type: ignore[assignment]

DailyKey = tuple[str, dt.date]
VideoKey = tuple[str, dt.date]
AudienceKey = tuple[str, str, str, dt.date]


# ----------------------------------------------------------------------------- bulk writes
def bulk_insert(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """executemany INSERT; rows may carry different column sets (grouped per set)."""
    for group in _by_keys(rows).values():
        session.execute(insert(table), group)


def bulk_update(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """executemany UPDATE by ``id``; each row is ``{"id": …, column: value, …}``."""
    for keys, group in _by_keys(rows).items():
        columns = [k for k in keys if k != "id"]
        if not columns:
            continue
        stmt = (
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values({c: bindparam(f"_{c}") for c in columns})
        )
        session.execute(stmt, [{f"_{k}": v for k, v in row.items()} for row in group])


def _by_keys(rows: Sequence[Mapping[str, Any]]) -> dict[tuple[str, ...], list[Mapping[str, Any]]]:
    groups: dict[tuple[str, ...], list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(sorted(row))].append(row)
    return groups


# ----------------------------------------------------------------------------- existing rows
def existing_daily(session: Session, keys: Iterable[DailyKey]) -> dict[DailyKey, dict[str, Any]]:
    """Stored rows for the given (account, day) keys: ``{key: {"id": …, field: value}}``."""
    wanted: dict[str, set[dt.date]] = defaultdict(set)
    for account, day in keys:
        wanted[account].add(day)
    found: dict[DailyKey, dict[str, Any]] = {}
    cols = [DAILY.c.id, DAILY.c.account, DAILY.c.day, *(DAILY.c[f] for f in DAILY_FIELDS)]
    for account, days in wanted.items():
        query = select(*cols).where(
            DAILY.c.account == account, DAILY.c.day.between(min(days), max(days))
        )
        for row in session.execute(query).mappings():
            if row["day"] in days:
                found[(account, row["day"])] = dict(row)
    return found


def existing_videos(session: Session, keys: Iterable[VideoKey]) -> dict[VideoKey, dict[str, Any]]:
    """Stored snapshots for the given (video link, snapshot date) keys."""
    wanted: dict[str, set[dt.date]] = defaultdict(set)
    for link, day in keys:
        wanted[link].add(day)
    found: dict[VideoKey, dict[str, Any]] = {}
    cols = [
        VIDEO.c.id,
        VIDEO.c.video_link,
        VIDEO.c.snapshot_date,
        VIDEO.c.account,
        VIDEO.c.post_id,
        VIDEO.c.manual,
        *(VIDEO.c[f] for f in VIDEO_FIELDS),
    ]
    links = list(wanted)
    for start in range(0, len(links), 500):  # stay below SQLite's bound-parameter limit
        query = select(*cols).where(VIDEO.c.video_link.in_(links[start : start + 500]))
        for row in session.execute(query).mappings():
            key = (row["video_link"], row["snapshot_date"])
            if row["snapshot_date"] in wanted[row["video_link"]]:
                found[key] = dict(row)
    return found


def existing_audience(
    session: Session, keys: Iterable[AudienceKey]
) -> dict[AudienceKey, dict[str, Any]]:
    wanted = set(keys)
    accounts = {k[0] for k in wanted}
    if not wanted:
        return {}
    query = select(
        AUDIENCE.c.id,
        AUDIENCE.c.account,
        AUDIENCE.c.kind,
        AUDIENCE.c.key,
        AUDIENCE.c.taken_on,
        AUDIENCE.c.value,
    ).where(AUDIENCE.c.account.in_(accounts))
    found: dict[AudienceKey, dict[str, Any]] = {}
    for row in session.execute(query).mappings():
        key = (row["account"], row["kind"], row["key"], row["taken_on"])
        if key in wanted:
            found[key] = dict(row)
    return found


def add_import_batch(
    session: Session,
    *,
    kind: str,
    file_name: str,
    sha256: str,
    user: str,
    inserted: int,
    updated: int,
    skipped: int,
) -> int:
    row = ImportBatch(
        kind=kind,
        file_name=storable_name(file_name)[-500:],
        sha256=sha256,
        imported_by=user,
        rows_inserted=inserted,
        rows_updated=updated,
        rows_skipped=skipped,
    )
    session.add(row)
    session.flush()
    return row.id


def import_batch_count(session: Session, kind: str) -> int:
    return session.scalar(select(func.count()).where(ImportBatch.kind == kind)) or 0


# ----------------------------------------------------------------------------- reads
def accounts(session: Session) -> list[str]:
    """Every account that has daily numbers or video snapshots, sorted."""
    query = union(
        select(DAILY.c.account).distinct(),
        select(VIDEO.c.account).where(VIDEO.c.account != "").distinct(),
    )
    return sorted(r[0] for r in session.execute(query))


def daily_bounds(session: Session, account: str | None) -> tuple[dt.date | None, dt.date | None]:
    query = select(func.min(DAILY.c.day), func.max(DAILY.c.day))
    if account is not None:
        query = query.where(DAILY.c.account == account)
    first, last = session.execute(query).one()
    return first, last


def daily_rows(
    session: Session,
    account: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    fields: Sequence[str] = DAILY_FIELDS,
) -> list[tuple[Any, ...]]:
    """``(account, day, *fields)`` ordered by account and day."""
    query = select(DAILY.c.account, DAILY.c.day, *(DAILY.c[f] for f in fields))
    if account is not None:
        query = query.where(DAILY.c.account == account)
    if start is not None:
        query = query.where(DAILY.c.day >= start)
    if end is not None:
        query = query.where(DAILY.c.day <= end)
    return [tuple(r) for r in session.execute(query.order_by(DAILY.c.account, DAILY.c.day))]


@dataclass(frozen=True)
class VideoSnapshot:
    """One video's numbers on one snapshot day (a ``video_stats`` row), with its post if
    linked.  The analytics service turns it into a :class:`VideoPerformance`."""

    video_link: str
    account: str
    snapshot_date: dt.date
    title: str
    posted_at: dt.datetime | None
    views: int | None
    likes: int | None
    comments: int | None
    shares: int | None
    favourites: int | None
    manual: bool
    post_id: int | None
    post_title: str | None
    post_format: str | None
    post_audience: str | None
    post_published_at: dt.datetime | None
    approximate: bool = False  # a value came from an abbreviated count ("1.2K")


def _snapshot_query(chosen: Any) -> Any:
    """The snapshots named by ``chosen`` (a subquery of ``video_link`` and ``snap``) with
    their linked posts, by posting time."""
    post = Post.__table__
    query = (
        select(
            VIDEO.c.video_link,
            VIDEO.c.account,
            VIDEO.c.snapshot_date,
            VIDEO.c.video_title,
            VIDEO.c.posted_at,
            VIDEO.c.views,
            VIDEO.c.likes,
            VIDEO.c.comments,
            VIDEO.c.shares,
            VIDEO.c.favourites,
            VIDEO.c.manual,
            VIDEO.c.post_id,
            post.c.title,
            post.c.format,
            post.c.audience,
            post.c.published_at,
            VIDEO.c.approximate,
        )
        .join(
            chosen,
            and_(VIDEO.c.video_link == chosen.c.video_link, VIDEO.c.snapshot_date == chosen.c.snap),
        )
        .outerjoin(post, post.c.id == VIDEO.c.post_id)
        .order_by(VIDEO.c.posted_at, VIDEO.c.video_link)
    )
    return query


def latest_videos(
    session: Session, account: str | None = None, as_of: dt.date | None = None
) -> list[VideoSnapshot]:
    """One row per video: its newest snapshot on or before ``as_of`` (default: newest)."""
    newest = select(VIDEO.c.video_link, func.max(VIDEO.c.snapshot_date).label("snap"))
    if as_of is not None:
        newest = newest.where(VIDEO.c.snapshot_date <= as_of)
    if account is not None:
        newest = newest.where(VIDEO.c.account == account)
    query = _snapshot_query(newest.group_by(VIDEO.c.video_link).subquery())
    return [VideoSnapshot(*tuple(r)) for r in session.execute(query)]


def first_snapshots_after(session: Session, day: dt.date) -> list[VideoSnapshot]:
    """Per video its first snapshot after ``day`` (for videos without one on or before it;
    the newest one on or before a day is :func:`latest_videos`)."""
    first = (
        select(VIDEO.c.video_link, func.min(VIDEO.c.snapshot_date).label("snap"))
        .where(VIDEO.c.snapshot_date > day)
        .group_by(VIDEO.c.video_link)
    )
    query = _snapshot_query(first.subquery())
    return [VideoSnapshot(*tuple(r)) for r in session.execute(query)]


def followers_before(session: Session, account: str, day: dt.date) -> int | None:
    """The newest known follower total of ``account`` before ``day``."""
    query = (
        select(DAILY.c.followers)
        .where(DAILY.c.account == account, DAILY.c.day < day, DAILY.c.followers.is_not(None))
        .order_by(DAILY.c.day.desc())
        .limit(1)
    )
    value = session.scalar(query)
    return None if value is None else int(value)


#: What ``export-videos`` writes per snapshot (issue 20), in the order of its contract.
VIDEO_EXPORT_FIELDS = (
    "account", "video_link", "video_title", "posted_at", "snapshot_date", "views", "likes",
    "comments", "shares", "favourites", "avg_watch_seconds", "completion_rate", "reach",
    "approximate",
)  # fmt: skip


def video_export_rows(session: Session, account: str | None = None) -> list[dict[str, Any]]:
    """Every stored snapshot (:data:`VIDEO_EXPORT_FIELDS`), by account, link and snapshot."""
    query = select(*(VIDEO.c[f] for f in VIDEO_EXPORT_FIELDS))
    if account is not None:
        query = query.where(VIDEO.c.account == account)
    query = query.order_by(VIDEO.c.account, VIDEO.c.video_link, VIDEO.c.snapshot_date)
    return [dict(r) for r in session.execute(query).mappings()]


def video_snapshots(session: Session, video_link: str) -> list[tuple[Any, ...]]:
    query = (
        select(
            VIDEO.c.snapshot_date,
            VIDEO.c.views,
            VIDEO.c.likes,
            VIDEO.c.comments,
            VIDEO.c.shares,
            VIDEO.c.manual,
        )
        .where(VIDEO.c.video_link == video_link)
        .order_by(VIDEO.c.snapshot_date)
    )
    return [tuple(r) for r in session.execute(query)]


def audience(session: Session, account: str, kind: str) -> list[tuple[str, float | None, dt.date]]:
    """The newest snapshot of one distribution (gender, territory) of an account."""
    newest = (
        select(func.max(AUDIENCE.c.taken_on))
        .where(AUDIENCE.c.account == account, AUDIENCE.c.kind == kind)
        .scalar_subquery()
    )
    query = (
        select(AUDIENCE.c.key, AUDIENCE.c.value, AUDIENCE.c.taken_on)
        .where(
            AUDIENCE.c.account == account, AUDIENCE.c.kind == kind, AUDIENCE.c.taken_on == newest
        )
        .order_by(AUDIENCE.c.value.desc())
    )
    return [(r[0], r[1], r[2]) for r in session.execute(query)]


# ----------------------------------------------------------------------------- posts ↔ videos
@dataclass(frozen=True)
class PostChoice:
    id: int
    title: str
    video_link: str
    account: str
    published_at: dt.datetime | None
    planned_at: dt.datetime | None


def post_choices(session: Session) -> list[PostChoice]:
    post = Post.__table__
    query = select(
        post.c.id,
        post.c.title,
        post.c.video_link,
        post.c.account,
        post.c.published_at,
        post.c.planned_at,
    ).order_by(post.c.id.desc())
    return [PostChoice(*r) for r in session.execute(query)]


def post_exists(session: Session, post_id: int) -> bool:
    return session.get(Post, post_id) is not None


def set_post_video_link(session: Session, post_id: int, link: str) -> None:
    session.execute(update(Post).where(Post.id == post_id).values(video_link=link))


def link_videos(session: Session, links: Mapping[str, int | None]) -> int:
    """Point every snapshot of each video link at its post; returns rows changed."""
    changed = 0
    for link, post_id in links.items():
        result = session.execute(
            update(VIDEO)
            .where(VIDEO.c.video_link == link, VIDEO.c.post_id.is_distinct_from(post_id))
            .values(post_id=post_id)
        )
        changed += result.rowcount or 0  # type: ignore[attr-defined]
    return changed


def unlinked_videos(session: Session) -> list[VideoSnapshot]:
    return [v for v in latest_videos(session) if v.post_id is None]


def delete_manual_stats(session: Session, video_link: str, snapshot_date: dt.date) -> int:
    result = session.execute(
        delete(VIDEO).where(
            VIDEO.c.video_link == video_link,
            VIDEO.c.snapshot_date == snapshot_date,
            VIDEO.c.manual.is_(True),
        )
    )
    return result.rowcount or 0  # type: ignore[attr-defined]


# ----------------------------------------------------------------------------- benchmarks
@dataclass(frozen=True)
class BenchmarkRecord:
    id: int
    name: str
    day: dt.date
    followers: int | None
    likes: int | None


def benchmarks(session: Session) -> list[BenchmarkRecord]:
    query = select(
        Benchmark.id, Benchmark.name, Benchmark.day, Benchmark.followers, Benchmark.likes
    ).order_by(Benchmark.name, Benchmark.day)
    return [BenchmarkRecord(*r) for r in session.execute(query)]


def upsert_benchmark(
    session: Session, name: str, day: dt.date, followers: int | None, likes: int | None
) -> tuple[int, bool]:
    """Insert or replace the snapshot of ``name`` on ``day``; returns (id, created)."""
    row = session.scalars(
        select(Benchmark).where(Benchmark.name == name, Benchmark.day == day)
    ).first()
    created = row is None
    if row is None:
        row = Benchmark(name=name, day=day)
        session.add(row)
    row.followers, row.likes = followers, likes
    session.flush()
    return row.id, created


def delete_benchmark(session: Session, benchmark_id: int) -> bool:
    result = session.execute(delete(Benchmark).where(Benchmark.id == benchmark_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]
