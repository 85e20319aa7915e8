"""What the editorial calendar reads besides the post list: account, format and change
counters of posts, and publication times with views for the good-time shading."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tikdesk.storage.models import AuditEvent, Person, Post, VideoStats

#: Audit entities that describe a change of one post (``entity_id`` is the post id).
POST_ENTITIES = ("post", "checklist", "approval", "appearance")


class PostExtra(NamedTuple):
    id: int
    account: str
    format: str
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime


def post_extras(session: Session, ids: Iterable[int] | None = None) -> dict[int, PostExtra]:
    query = select(
        Post.id, Post.account, Post.format, Post.version, Post.created_at, Post.updated_at
    )
    if ids is not None:
        query = query.where(Post.id.in_(list(ids)))
    return {row[0]: PostExtra(*row) for row in session.execute(query).all()}


def change_counts(session: Session, ids: Iterable[int]) -> dict[int, int]:
    """Audit events per post: grows with every change of the post, its checklist, people
    or approval (the log is append-only, so the count never goes down)."""
    wanted = list(ids)
    if not wanted:
        return {}
    query = (
        select(AuditEvent.entity_id, func.count())
        .where(AuditEvent.entity.in_(POST_ENTITIES), AuditEvent.entity_id.in_(wanted))
        .group_by(AuditEvent.entity_id)
    )
    return {post: count for post, count in session.execute(query).all() if post is not None}


def person_names(session: Session) -> list[str]:
    """Every stored display name (the export keeps them out of its file)."""
    return [n for n in session.scalars(select(Person.display_name)) if n and n.strip()]


def accounts(session: Session) -> list[str]:
    """Accounts named on posts, sorted."""
    query = select(Post.account).where(Post.account != "").distinct()
    return sorted(session.scalars(query))


def posted_times(session: Session, account: str | None) -> list[tuple[dt.datetime, int]]:
    """(publication time, views of the latest snapshot) per video with a time of day."""
    latest = (
        select(VideoStats.video_link, func.max(VideoStats.snapshot_date).label("last"))
        .group_by(VideoStats.video_link)
        .subquery()
    )
    query = (
        select(VideoStats.posted_at, VideoStats.views)
        .join(
            latest,
            (latest.c.video_link == VideoStats.video_link)
            & (latest.c.last == VideoStats.snapshot_date),
        )
        .where(VideoStats.posted_at.is_not(None), VideoStats.views.is_not(None))
    )
    if account:
        query = query.where(VideoStats.account == account)
    found = []
    for posted_at, views in session.execute(query).all():
        if posted_at is not None and (posted_at.hour, posted_at.minute) != (0, 0):
            found.append((posted_at, int(views or 0)))
    return found
