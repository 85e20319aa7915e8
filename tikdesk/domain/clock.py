"""What day and time it is, asked in one place.

Business rules depend on *today*: a consent expires, a post is overdue, a report covers
the last complete month.  They do not call ``date.today()`` themselves: a service asks the
context's clock (``ctx.clock.today()``), a domain function takes ``today`` as a parameter,
and a widget gets it from its context.  Tests freeze time by handing the context a
:class:`FixedClock` (fixture ``frozen_clock`` in ``tests/conftest.py``).

Record-keeping stamps written by the storage layer (``created_at``, ``updated_at``, an
audit event's time, a backup's name) are the machine's real time by design: they read
:data:`SYSTEM_CLOCK`, the only place in TikDesk that asks the operating system.
"""

from __future__ import annotations

import datetime as dt


class Clock:
    """Today and now as the program sees them (the system's local time)."""

    def now(self, tz: dt.tzinfo | None = None) -> dt.datetime:
        """Like ``datetime.now(tz)``."""
        return dt.datetime.now(tz)

    def today(self) -> dt.date:
        return self.now().date()

    def stamp(self) -> dt.datetime:
        """Local time to the second: what TikDesk stores as a record's time."""
        return self.now().replace(microsecond=0)

    def aware_now(self) -> dt.datetime:
        """Local time with its UTC offset (for files that carry a time zone)."""
        return self.now().astimezone()


SYSTEM_CLOCK = Clock()


class FixedClock(Clock):
    """A clock that stands still until moved (tests, demos, benchmarks)."""

    def __init__(self, at: dt.datetime | dt.date) -> None:
        self.at = at if isinstance(at, dt.datetime) else dt.datetime.combine(at, dt.time(12))

    def now(self, tz: dt.tzinfo | None = None) -> dt.datetime:
        return self.at if tz is None else self.at.astimezone(tz)

    def set(self, at: dt.datetime | dt.date) -> None:
        self.at = at if isinstance(at, dt.datetime) else dt.datetime.combine(at, dt.time(12))

    def advance(self, delta: dt.timedelta) -> None:
        self.at += delta
