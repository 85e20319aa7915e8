"""Inputs that satisfy the consent-fit rules of issue 16, for tests about something else.

A consent here covers every purpose and every way of being shown, with full evidence; a post
states its purpose.  Tests about the fit itself build their inputs explicitly.
"""

from __future__ import annotations

from typing import Any

from tikdesk.domain.consent import PURPOSES, SHOWN_AS, ConsentFacts
from tikdesk.services import people as people_service
from tikdesk.services import posts as posts_service

FULL_SCOPE: dict[str, Any] = {
    "purposes": frozenset(PURPOSES),
    "shown_as": frozenset(SHOWN_AS),
    "no_disadvantage_confirmed": True,
    "document_ref": "Personalakte 12/3",
    "art13_version": "2026-01",
}


def full_consent(**kw: Any) -> ConsentFacts:
    """A consent with every purpose and depiction (tests vary what they test)."""
    return ConsentFacts(**{**FULL_SCOPE, **kw})


def PostInput(**kw: Any) -> posts_service.PostInput:
    kw.setdefault("purpose", "recruiting")
    return posts_service.PostInput(**kw)


def guardian(
    people: people_service.PeopleService, name: str, relation: str = "mother", **kw: Any
) -> ConsentFacts:
    """A custodian consent by a registry person (created here)."""
    pid = people.create_person(people_service.PersonInput(display_name=name, category="citizen"))
    return full_consent(
        role="custodian", custodian_person_id=pid, custodian_relation=relation, **kw
    )


def team(ctx: Any, *accounts: str, dsb: tuple[str, ...] = ()) -> None:
    """``ctx.user`` holds every role (bootstrap of an empty role table); ``accounts`` may
    approve too, ``dsb`` are data-protection officers as well."""
    from tikdesk.domain.enums import Role
    from tikdesk.services.roles import RoleService

    roles = RoleService(ctx)
    roles.mine()
    for account in accounts:
        roles.grant(account, Role.APPROVER)
    for account in dsb:
        roles.grant(account, Role.DSB)
