"""The editorial calendar's pure rules: what state a planned post is in, weeks and month
grids, the posting rhythm, and the hours that worked best.

Nothing here reads the database; :mod:`tikdesk.services.calendar` feeds it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from tikdesk.domain.enums import LabeledEnum, PostStatus
from tikdesk.domain.gate import GateStatus

#: Below this many posts with a time of day the good-time shading shows nothing.
GOOD_TIMES_MIN_POSTS = 10

#: The Bundesländer as ``holidays`` names them (ISO 3166-2:DE without the country).
BUNDESLAENDER: dict[str, tuple[str, str]] = {
    "BW": ("Baden-Württemberg", "Baden-Württemberg"),
    "BY": ("Bayern", "Bavaria"),
    "BE": ("Berlin", "Berlin"),
    "BB": ("Brandenburg", "Brandenburg"),
    "HB": ("Bremen", "Bremen"),
    "HH": ("Hamburg", "Hamburg"),
    "HE": ("Hessen", "Hesse"),
    "MV": ("Mecklenburg-Vorpommern", "Mecklenburg-Western Pomerania"),
    "NI": ("Niedersachsen", "Lower Saxony"),
    "NW": ("Nordrhein-Westfalen", "North Rhine-Westphalia"),
    "RP": ("Rheinland-Pfalz", "Rhineland-Palatinate"),
    "SL": ("Saarland", "Saarland"),
    "SN": ("Sachsen", "Saxony"),
    "ST": ("Sachsen-Anhalt", "Saxony-Anhalt"),
    "SH": ("Schleswig-Holstein", "Schleswig-Holstein"),
    "TH": ("Thüringen", "Thuringia"),
}


class CalendarState(LabeledEnum):
    """What a post in the calendar shows: one of the clearance states in words."""

    BLOCKED = "blocked"
    OPEN_ITEMS = "open_items"
    READY = "ready"
    APPROVED = "approved"
    PUBLISHED = "published"
    TAKE_DOWN = "take_down"
    TAKEN_DOWN = "taken_down"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "blocked": ("Blockiert", "Blocked"),
            "open_items": ("Offene Punkte", "Open items"),
            "ready": ("Bereit zur Freigabe", "Ready for approval"),
            "approved": ("Freigegeben", "Approved"),
            "published": ("Veröffentlicht", "Published"),
            "take_down": ("Muss offline genommen werden", "To be taken down"),
            "taken_down": ("Offline genommen", "Taken down"),
        }


def calendar_state(
    status: PostStatus, gate: GateStatus, *, take_down: bool, hard_block: bool
) -> CalendarState:
    """The state of one post.

    ``hard_block``: something blocks that work alone cannot clear — a consent problem or a
    checklist item marked as an issue; a gate blocked only by items still open is "open
    items".
    """
    if take_down:
        return CalendarState.TAKE_DOWN
    if status is PostStatus.PUBLISHED:
        return CalendarState.PUBLISHED
    if status is PostStatus.TAKEN_DOWN:
        return CalendarState.TAKEN_DOWN
    if gate is GateStatus.BLOCKED:
        return CalendarState.BLOCKED if hard_block else CalendarState.OPEN_ITEMS
    if status is PostStatus.APPROVED:
        return CalendarState.APPROVED
    return CalendarState.READY


# ----------------------------------------------------------------------------- weeks and months
def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s ISO week."""
    return day - dt.timedelta(days=day.weekday())


def week_days(monday: dt.date) -> list[dt.date]:
    return [monday + dt.timedelta(days=n) for n in range(7)]


def month_weeks(year: int, month: int) -> list[dt.date]:
    """The Mondays of the weeks that show the month (4 to 6 rows, Monday first)."""
    first = dt.date(year, month, 1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    monday = week_start(first)
    found = []
    while monday <= last:
        found.append(monday)
        monday += dt.timedelta(days=7)
    return found


def add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def moved(when: dt.datetime, days: int) -> dt.datetime:
    return when + dt.timedelta(days=days)


# ----------------------------------------------------------------------------- rhythm
class WeekRhythm(NamedTuple):
    """One week of one account (or all): how many posts are planned against the target."""

    monday: dt.date
    planned: int
    approved: int
    target: int

    @property
    def below(self) -> bool:
        return self.target > 0 and self.planned < self.target


def rhythm(
    mondays: Sequence[dt.date],
    planned: Iterable[tuple[dt.date, bool]],
    target: int,
) -> list[WeekRhythm]:
    """Per Monday in ``mondays``: posts planned in that week (``(day, approved)`` pairs) and
    the target."""
    count: Counter[dt.date] = Counter()
    approved: Counter[dt.date] = Counter()
    for day, is_approved in planned:
        monday = week_start(day)
        count[monday] += 1
        if is_approved:
            approved[monday] += 1
    return [WeekRhythm(m, count[m], approved[m], target) for m in mondays]


# ----------------------------------------------------------------------------- good times
class GoodTimes(NamedTuple):
    """Weekday × hour slots whose posts did best, and how many posts that rests on."""

    slots: frozenset[tuple[int, int]]  # (weekday 0 = Monday, hour)
    posts: int

    @property
    def shown(self) -> bool:
        return self.posts >= GOOD_TIMES_MIN_POSTS and bool(self.slots)


def good_times(posted: Iterable[tuple[dt.datetime, int]], top: int = 5) -> GoodTimes:
    """The ``top`` weekday/hour slots by median views of the posts published in them.

    ``posted``: (time the video went out, its views).  Below
    :data:`GOOD_TIMES_MIN_POSTS` posts nothing is shaded (the count is still given).
    """
    by_slot: dict[tuple[int, int], list[int]] = defaultdict(list)
    total = 0
    for when, views in posted:
        by_slot[(when.weekday(), when.hour)].append(views)
        total += 1
    if total < GOOD_TIMES_MIN_POSTS:
        return GoodTimes(frozenset(), total)

    def median(values: list[int]) -> float:
        ordered = sorted(values)
        mid = len(ordered) // 2
        return float(ordered[mid]) if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2

    ranked = sorted(by_slot.items(), key=lambda item: (-median(item[1]), item[0]))
    return GoodTimes(frozenset(slot for slot, _ in ranked[:top]), total)


def targets_from_text(text: str) -> dict[str, int]:
    """``{account: posts per week}`` from the stored ``account=3;other=2`` text."""
    found: dict[str, int] = {}
    for part in text.split(";"):
        account, sep, number = part.rpartition("=")
        if sep and number.strip().isdigit():
            found[account.strip()] = int(number)
    return found


def targets_to_text(targets: Mapping[str, int]) -> str:
    return ";".join(f"{a}={n}" for a, n in sorted(targets.items()) if n > 0)
