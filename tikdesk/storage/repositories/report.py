"""Queries the management report needs beyond those of the analytics and posts repositories.

Daily account numbers come from :mod:`tikdesk.storage.repositories.analytics`; here: video
snapshots (the report picks the one closest to a period's end), published posts, WARN
overrides, the people shown in posts (for the optional names column and for keeping names out
of titles), and the status counts of the editorial pipeline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from tikdesk.domain.enums import PostStatus
from tikdesk.storage.models import (
    AccountDaily,
    Appearance,
    ChecklistResult,
    Idea,
    Person,
    Post,
    VideoStats,
)


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


@dataclass(frozen=True)
class Snapshot:
    """One video's numbers on one day."""

    video_link: str
    account: str
    snapshot_date: dt.date
    title: str
    posted_at: dt.datetime | None
    views: int | None
    likes: int | None
    comments: int | None
    shares: int | None
    post_id: int | None
    approximate: bool = False  # a number came from an abbreviated count ("1.2K")


@dataclass(frozen=True)
class PersonName:
    """A person's name with what decides whether a report may show it."""

    post_id: int | None  # the post they appear in (None: any person of the registry)
    name: str
    is_minor: bool
    birth_date: dt.date | None


def posts_with_video_or_date(session: Session) -> list[PostFacts]:
    """Every post that has a publication time or a video link (rows and link matching)."""
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
    return [PostFacts(*r) for r in session.execute(query)]


def first_snapshots_after(session: Session, day: dt.date) -> list[Snapshot]:
    """Per video its first snapshot after ``day`` (for videos without one on or before it).

    The newest one on or before a day is :func:`analytics.latest_videos`.
    """
    first = (
        select(VideoStats.video_link.label("link"), func.min(VideoStats.snapshot_date).label("on"))
        .where(VideoStats.snapshot_date > day)
        .group_by(VideoStats.video_link)
        .subquery()
    )
    query = select(
        VideoStats.video_link,
        VideoStats.account,
        VideoStats.snapshot_date,
        VideoStats.video_title.label("title"),
        VideoStats.posted_at,
        VideoStats.views,
        VideoStats.likes,
        VideoStats.comments,
        VideoStats.shares,
        VideoStats.post_id,
    ).join(
        first,
        and_(VideoStats.video_link == first.c.link, VideoStats.snapshot_date == first.c.on),
    )
    return [Snapshot(**row) for row in session.execute(query).mappings()]


def post_accounts(session: Session) -> list[str]:
    """The distinct account names posts carry (may be empty or spelled with ``@``)."""
    return list(session.scalars(select(Post.account).distinct()))


def followers_before(session: Session, account: str, day: dt.date) -> int | None:
    """The newest known follower total of ``account`` before ``day``."""
    query = (
        select(AccountDaily.followers)
        .where(
            AccountDaily.account == account,
            AccountDaily.day < day,
            AccountDaily.followers.is_not(None),
        )
        .order_by(AccountDaily.day.desc())
        .limit(1)
    )
    return session.scalar(query)


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


def people_in_posts(session: Session, post_ids: Iterable[int]) -> list[PersonName]:
    """Named (not erased) people appearing in the given posts."""
    ids = list(post_ids)
    found: list[PersonName] = []
    for start in range(0, len(ids), 500):
        query = (
            select(Appearance.post_id, Person.display_name, Person.is_minor, Person.birth_date)
            .join(Person, Person.id == Appearance.person_id)
            .where(Appearance.post_id.in_(ids[start : start + 500]), Person.erased_at.is_(None))
            .order_by(Appearance.post_id, Person.display_name)
        )
        found.extend(PersonName(*r) for r in session.execute(query))
    return found


def registry_names(session: Session) -> list[PersonName]:
    """Every person not erased — the names a report must keep out of titles."""
    query = select(Person.display_name, Person.is_minor, Person.birth_date).where(
        Person.erased_at.is_(None)
    )
    return [PersonName(None, *r) for r in session.execute(query)]


def idea_status_counts(session: Session) -> dict[str, int]:
    query = select(Idea.status, func.count()).group_by(Idea.status)
    return {status: count for status, count in session.execute(query)}


def post_status_counts(session: Session) -> dict[str, int]:
    query = select(Post.status, func.count()).group_by(Post.status)
    return {status: count for status, count in session.execute(query)}


def open_post_ids(session: Session) -> list[int]:
    """Posts not yet published or taken down (the ones whose clearance is still open)."""
    closed = (PostStatus.PUBLISHED.value, PostStatus.TAKEN_DOWN.value)
    query = select(Post.id).where(Post.status.not_in(closed))
    return list(session.scalars(query))
