"""The editorial calendar as an iCalendar file (RFC 5545) for Outlook and Thunderbird.

Written with the ``icalendar`` library: events carry ``TZID=Europe/Berlin`` and the file a
``VTIMEZONE`` built from the tz database, right across daylight-saving changes.  The caller
hands plain :class:`IcsEvent` values that hold no names of people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from tikdesk.excel.writing import Protected, atomic_target

TIMEZONE = "Europe/Berlin"
DURATION = dt.timedelta(minutes=30)
PRODID = "-//TikDesk//Redaktionskalender//DE"


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    start: dt.datetime  # naive local time (Europe/Berlin)
    summary: str
    description: str
    categories: tuple[str, ...]
    sequence: int
    last_modified: dt.datetime  # naive local time
    cancelled: bool = False
    tentative: bool = False


def build_calendar(events: Sequence[IcsEvent], name: str, now: dt.datetime) -> bytes:
    """The iCalendar bytes of ``events``; ``now`` (aware) is the stamp of this export."""
    from icalendar import Calendar, Event, Timezone

    zone = ZoneInfo(TIMEZONE)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TIMEZONE)
    if events:
        first = min(e.start for e in events)
        last = max(e.start for e in events) + DURATION
        # Whole years: the block names both the summer and the winter offset.
        cal.add_component(
            Timezone.from_tzid(
                TIMEZONE,
                first_date=dt.date(first.year, 1, 1),
                last_date=dt.date(last.year + 1, 1, 1),
            )
        )
    stamp = now.astimezone(dt.UTC)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start.replace(tzinfo=zone))
        event.add("dtend", (item.start + DURATION).replace(tzinfo=zone))
        event.add("summary", item.summary)
        event.add("description", item.description)
        if item.categories:
            event.add("categories", list(item.categories))
        event.add("sequence", item.sequence)
        event.add("last-modified", item.last_modified.replace(tzinfo=zone).astimezone(dt.UTC))
        event.add(
            "status",
            "CANCELLED" if item.cancelled else "TENTATIVE" if item.tentative else "CONFIRMED",
        )
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return bytes(cal.to_ical())


def write_ics(
    path: Path,
    events: Sequence[IcsEvent],
    name: str,
    now: dt.datetime,
    protected: Protected | None = None,
) -> int:
    """Write the calendar atomically; returns the number of events."""
    data = build_calendar(events, name, now)
    with atomic_target(path, protected) as tmp:
        tmp.write_bytes(data)
    return len(events)
