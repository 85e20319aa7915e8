"""Posts with people, consents and approvals for the calendar tests (real SQLite)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tikdesk.domain.consent import PURPOSES, SHOWN_AS, ConsentFacts
from tikdesk.domain.enums import ItemState
from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.services.posts import PostInput, PostService

TODAY = dt.date.today()


def at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def as_user(ctx, user):
    return dataclasses.replace(ctx, user=user)


def grant_approver(ctx, account: str) -> None:
    """Let ``account`` approve where roles exist (issue 16): ``ctx.user`` bootstraps them."""
    try:
        from tikdesk.domain.enums import Role
        from tikdesk.services.roles import RoleService
    except ImportError:
        return
    roles = RoleService(ctx)
    roles.mine()
    roles.grant(account, Role.APPROVER)


def tick_all(service: PostService, post_id: int) -> None:
    detail = service.get(post_id)
    for item in detail.definition.post_items:
        if item.derived or item.applies_when:
            continue
        service.set_item(post_id, item.key, ItemState.OK)


def person(ctx, name: str, valid_until: dt.date | None = None) -> int:
    people = PeopleService(ctx)
    pid = people.create_person(PersonInput(display_name=name))
    consent = ConsentFacts(
        valid_until=valid_until,
        purposes=frozenset(PURPOSES),
        shown_as=frozenset(SHOWN_AS),
        no_disadvantage_confirmed=True,  # employees: § 26 Abs. 2 BDSG (issue 16)
        document_ref="Personalakte 12/3",
        art13_version="2026-01",
    )
    people.add_consent(pid, consent)
    return pid


def post(ctx, title: str, when: dt.datetime | None, account: str = "@stadt", **kw) -> int:
    if "purpose" in {f.name for f in dataclasses.fields(PostInput)}:  # issue 16's field
        kw.setdefault("purpose", "public_information")
    return PostService(ctx).create(PostInput(title=title, planned_at=when, account=account, **kw))


def approved_post(ctx, title: str, when: dt.datetime, person_id: int | None = None) -> int:
    posts = PostService(ctx)
    post_id = post(ctx, title, when)
    if person_id is not None:
        posts.add_person(post_id, person_id)
    tick_all(posts, post_id)
    grant_approver(ctx, "ben")
    PostService(as_user(ctx, "ben")).approve(post_id)
    return post_id
