"""What needs attention today (Übersicht): due posts, blocked posts, expiring consents,
minors turning 18, open take-downs, due deletions and the account prerequisites."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tikdesk.domain.consent import eighteenth_birthday
from tikdesk.domain.enums import ConsentRole
from tikdesk.domain.gate import GateStatus
from tikdesk.services.context import AppContext
from tikdesk.services.people import DueDeletion, PeopleService
from tikdesk.services.posts import (
    Clearance,
    Definitions,
    PostSummary,
    TakeDown,
    bulk_read,
    now,
)
from tikdesk.services.settings import ACCOUNT_CHECK
from tikdesk.storage.repositories import audit
from tikdesk.storage.repositories import people as people_repo
from tikdesk.storage.repositories import posts as posts_repo
from tikdesk.storage.repositories import settings as settings_repo

UPCOMING_DAYS = 7
SOON_DAYS = 30
BLOCKED_HORIZON_DAYS = 14


@dataclass(frozen=True)
class ExpiringConsent:
    consent_id: int
    person_id: int
    person_name: str
    role: str
    custodian_name: str
    valid_until: dt.date
    days_left: int

    @property
    def role_label(self) -> str:
        return ConsentRole(self.role).label


@dataclass(frozen=True)
class TurningAdult:
    person_id: int
    person_name: str
    birthday: dt.date
    days_left: int


@dataclass(frozen=True)
class AccountCheck:
    key: str
    label: str
    help: str
    basis: str
    done_by: str
    done_at: str

    @property
    def done(self) -> bool:
        return bool(self.done_by)


@dataclass(frozen=True)
class Overview:
    today: dt.date
    upcoming: tuple[PostSummary, ...]
    blocked: tuple[PostSummary, ...]
    take_downs: tuple[TakeDown, ...]
    expiring: tuple[ExpiringConsent, ...]
    turning_18: tuple[TurningAdult, ...]
    due_deletions: tuple[DueDeletion, ...]
    account: tuple[AccountCheck, ...]
    notice: str


class OverviewService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def overview(self, today: dt.date | None = None) -> Overview:
        real_today = self._ctx.clock.today()
        today = today or real_today
        definitions = Definitions(self._ctx)
        account_items = self._account_items(definitions)
        with self._ctx.db.reader() as s:
            # Only open posts can be due or blocked, and only published ones that show
            # someone who withdrew or was erased can need taking down (a question of consent,
            # not of the checklist): years of published posts are not evaluated at all.
            with bulk_read():
                open_posts = Clearance.load(s, posts_repo.open_post_ids(s)).summaries(
                    definitions, today, real_today
                )
                take_downs = Clearance.load(
                    s, posts_repo.take_down_candidates(s), checklist=False
                ).take_downs(today)
            soon = list(people_repo.expiring_between(s, today, today + dt.timedelta(SOON_DAYS)))
            names = people_repo.names(s, {c.person_id for c in soon})
            earliest = _years_before(today, 18)
            latest = _years_before(today + dt.timedelta(SOON_DAYS), 18)
            adults_soon = people_repo.turning_18_between(s, earliest, latest)
            checks = {key: settings_repo.get(s, ACCOUNT_CHECK + key) for key, *_ in account_items}
        upcoming = [
            p
            for p in open_posts
            if p.planned_at is not None
            and today <= p.planned_at.date() <= today + dt.timedelta(UPCOMING_DAYS)
        ]
        horizon = today + dt.timedelta(BLOCKED_HORIZON_DAYS)
        blocked = [
            p
            for p in open_posts
            if p.gate is GateStatus.BLOCKED
            and (
                p.status.value != "draft"
                or (p.planned_at is not None and p.planned_at.date() <= horizon)
            )
        ]
        expiring = [
            ExpiringConsent(
                c.id,
                c.person_id,
                names.get(c.person_id, ""),
                c.role,
                c.custodian_name,
                until,
                (until - today).days,
            )
            for c in soon
            if (until := c.valid_until) is not None
        ]
        turning = []
        for person in adults_soon:
            birthday = eighteenth_birthday(person.birth_date)
            if birthday is not None and today <= birthday <= today + dt.timedelta(SOON_DAYS):
                turning.append(
                    TurningAdult(person.id, person.display_name, birthday, (birthday - today).days)
                )
        return Overview(
            today=today,
            upcoming=tuple(upcoming),
            blocked=tuple(blocked),
            take_downs=tuple(take_downs),
            expiring=tuple(expiring),
            turning_18=tuple(turning),
            due_deletions=tuple(PeopleService(self._ctx).due_deletions(today)),
            account=tuple(self._account_checks(account_items, checks)),
            notice=definitions("general").notice,
        )

    @staticmethod
    def _account_items(definitions: Definitions) -> list[tuple[str, str, str, str]]:
        seen: dict[str, tuple[str, str, str, str]] = {}
        for profile in definitions.available():
            for item in definitions(profile).account_items:
                seen.setdefault(item.key, (item.key, item.label, item.help, item.basis_text))
        return list(seen.values())

    @staticmethod
    def _account_checks(
        items: list[tuple[str, str, str, str]], checks: dict[str, str]
    ) -> list[AccountCheck]:
        found = []
        for key, label, help_text, basis in items:
            by, _, at = checks.get(key, "").partition("|")
            found.append(AccountCheck(key, label, help_text, basis, by, at))
        return found

    def set_account_check(self, key: str, done: bool) -> None:
        """Tick (or untick) one account prerequisite; who and when are kept and audited."""
        value = f"{self._ctx.user}|{now().isoformat(sep=' ')}" if done else ""
        with self._ctx.db.transaction() as s:
            old = settings_repo.get(s, ACCOUNT_CHECK + key)
            settings_repo.put(s, ACCOUNT_CHECK + key, value)
            audit.record(
                s,
                self._ctx.user,
                "account",
                None,
                "account_check",
                f"{key}: {'ok' if old else 'open'}",
                f"{key}: {'ok' if done else 'open'}",
            )


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
