"""The editorial calendar: posts by planned time with their clearance state, rescheduling,
the posting rhythm, public holidays, good times, and the iCalendar export.

The clearance is the posts' own (:class:`tikdesk.services.posts.Clearance`, the gate of
:mod:`tikdesk.domain.gate`): the calendar shows it, it never computes a second one.  Moving
a post goes through :meth:`PostService.reschedule`, which revokes an approval (the date is
part of what was approved); :meth:`CalendarService.move_impact` says so before the move.

Settings (per database, in the key/value ``setting`` table): ``calendar.rhythm`` —
posts per week per account (``account=3;other=2``; the empty account is "all accounts") —
and ``org.bundesland`` — the Bundesland whose public holidays are shown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from tikdesk.domain.calendar import (
    BUNDESLAENDER,
    CalendarState,
    GoodTimes,
    WeekRhythm,
    calendar_state,
    good_times,
    month_weeks,
    rhythm,
    targets_from_text,
    targets_to_text,
    week_start,
)
from tikdesk.domain.enums import IdeaFormat, ItemState, PostStatus
from tikdesk.domain.errors import ValidationError
from tikdesk.domain.gate import GateReason, GateStatus, verdict
from tikdesk.domain.i18n import msg
from tikdesk.services.context import AppContext
from tikdesk.services.posts import Clearance, Definitions, PostService, bulk_read
from tikdesk.services.settings import CALENDAR_RHYTHM, ORG_BUNDESLAND
from tikdesk.storage.repositories import calendar as repo
from tikdesk.storage.repositories import settings as settings_repo

ALL_ACCOUNTS = ""
EXPORT_DAYS = 90
MAX_REASONS = 3
_CONSENT_KEYS = frozenset({"consent_valid", "no_withdrawn", "minors", "people.consent"})


class CalendarEntry(NamedTuple):
    """One post as the calendar shows it (no names of people: title and state only)."""

    id: int
    title: str
    account: str
    format: str
    planned_at: dt.datetime | None
    status: PostStatus
    state: CalendarState
    reasons: tuple[str, ...]  # what blocks, in words, without names
    version: int
    sequence: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def approved(self) -> bool:
        return self.status in (PostStatus.APPROVED, PostStatus.PUBLISHED)


@dataclass(frozen=True)
class MoveImpact:
    """What moving a post would do, told before the move."""

    revokes_approval: bool
    blocked_after: bool
    reasons: tuple[str, ...]

    @property
    def needs_confirmation(self) -> bool:
        return self.revokes_approval or self.blocked_after


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int
    start: dt.date
    end: dt.date


def format_label(key: str) -> str:
    try:
        return IdeaFormat(key).label
    except ValueError:
        return key


def _reason_words(reason: GateReason) -> str:
    """A blocking reason without the free text that may hold names: consent problems are
    counted, checklist items named by their label."""
    if reason.item_key in _CONSENT_KEYS:
        return msg("Einwilligung fehlt oder reicht nicht", "consent missing or insufficient")
    return reason.item_label


class CalendarService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    # ---------------------------------------------------------------- reading
    def entries(
        self,
        today: dt.date | None = None,
        *,
        account: str | None = None,
        ids: Iterable[int] | None = None,
    ) -> list[CalendarEntry]:
        """Every post (dated first, by time) with its state; ``account`` filters."""
        today = today or self._ctx.clock.today()
        definitions = Definitions(self._ctx)
        with bulk_read(), self._ctx.db.reader() as s:
            data = Clearance.load(s, ids)
            extras = repo.post_extras(s, [p.id for p in data.posts])
            changes = repo.change_counts(s, extras)
        return self._entries(data, extras, changes, definitions, today, account)

    def _entries(
        self,
        data: Clearance,
        extras: dict[int, repo.PostExtra],
        changes: dict[int, int],
        definitions: Definitions,
        today: dt.date,
        account: str | None,
    ) -> list[CalendarEntry]:
        found = []
        for head in data.posts:
            extra = extras.get(head.id)
            if extra is None or (account and extra.account != account):
                continue
            people = data.on_post(head, today)
            gate = verdict(
                definitions(head.checklist_profile),
                data.results.get(head.id, {}),
                people,
                paid_promotion=head.paid_promotion,
                passed=data.passed.get(head.id, frozenset()),
            )
            status = PostStatus(head.status)
            take_down = status is PostStatus.PUBLISHED and any(
                p.assessment.problems and p.assessment.take_down for p in people
            )
            hard = any(p.assessment.problems for p in people) or any(
                r.state is ItemState.ISSUE for r in data.results.get(head.id, {}).values()
            )
            state = calendar_state(status, gate.status, take_down=take_down, hard_block=hard)
            reasons = tuple(dict.fromkeys(_reason_words(b) for b in gate.blockers))
            found.append(
                CalendarEntry(
                    head.id,
                    head.title,
                    extra.account,
                    extra.format,
                    head.planned_at,
                    status,
                    state,
                    reasons,
                    extra.version,
                    max(extra.version - 1, changes.get(head.id, 0) - 1, 0),
                    extra.created_at,
                    extra.updated_at,
                )
            )
        return found

    def accounts(self) -> list[str]:
        with self._ctx.db.reader() as s:
            return repo.accounts(s)

    # ---------------------------------------------------------------- rescheduling
    def move_impact(
        self, post_id: int, planned_at: dt.datetime | None, today: dt.date | None = None
    ) -> MoveImpact:
        """Would the move revoke an approval, and would the post be blocked on the new date
        (a consent that ends before it)?  Writes nothing."""
        today = today or self._ctx.clock.today()
        definitions = Definitions(self._ctx)
        with self._ctx.db.reader() as s:
            data = Clearance.load(s, [post_id])
        if not data.posts:
            return MoveImpact(False, False, ())
        head = data.posts[0]._replace(planned_at=planned_at)
        people = data.on_post(head, today)
        gate = verdict(
            definitions(head.checklist_profile),
            data.results.get(head.id, {}),
            people,
            paid_promotion=head.paid_promotion,
            passed=data.passed.get(head.id, frozenset()),
        )
        revokes = (
            head.status == PostStatus.APPROVED.value and planned_at != data.posts[0].planned_at
        )
        reasons = tuple(b.text for b in gate.blockers)  # shown in the window only
        return MoveImpact(revokes, gate.status is GateStatus.BLOCKED, reasons)

    def reschedule(
        self, post_id: int, planned_at: dt.datetime | None, expected_version: int | None = None
    ) -> bool:
        """Move the post; True when its approval was revoked."""
        return PostService(self._ctx).reschedule(post_id, planned_at, expected_version)

    # ---------------------------------------------------------------- settings
    def rhythm_targets(self) -> dict[str, int]:
        with self._ctx.db.reader() as s:
            return targets_from_text(settings_repo.get(s, CALENDAR_RHYTHM))

    def set_rhythm_target(self, account: str, per_week: int) -> None:
        if not 0 <= per_week <= 50:
            raise ValidationError(
                "rhythm",
                msg(
                    "Bitte 0 bis 50 Beiträge je Woche angeben.",
                    "Please give 0 to 50 posts a week.",
                ),
            )
        with self._ctx.db.transaction() as s:
            targets = targets_from_text(settings_repo.get(s, CALENDAR_RHYTHM))
            targets[account.strip()] = per_week
            settings_repo.put(s, CALENDAR_RHYTHM, targets_to_text(targets))

    def bundesland(self) -> str:
        with self._ctx.db.reader() as s:
            code = settings_repo.get(s, ORG_BUNDESLAND).strip().upper()
        return code if code in BUNDESLAENDER else ""

    def set_bundesland(self, code: str) -> None:
        code = code.strip().upper()
        if code and code not in BUNDESLAENDER:
            raise ValidationError(
                "bundesland",
                msg(f"„{code}“ ist kein Bundesland.", f"'{code}' is not a German state."),
            )
        with self._ctx.db.transaction() as s:
            settings_repo.put(s, ORG_BUNDESLAND, code)

    # ---------------------------------------------------------------- rhythm
    def target_for(self, account: str | None) -> int:
        targets = self.rhythm_targets()
        if account:
            return targets.get(account, 0)
        if ALL_ACCOUNTS in targets:
            return targets[ALL_ACCOUNTS]
        return sum(targets.values())

    def week_rhythm(
        self,
        mondays: Sequence[dt.date],
        entries: Sequence[CalendarEntry],
        account: str | None = None,
    ) -> list[WeekRhythm]:
        """Planned and approved posts per week against the account's target (all accounts:
        the target for all, else the sum of the accounts' targets)."""
        planned = [
            (e.planned_at.date(), e.approved)
            for e in entries
            if e.planned_at is not None
            and e.status is not PostStatus.TAKEN_DOWN
            and (not account or e.account == account)
        ]
        return rhythm(mondays, planned, self.target_for(account))

    def this_week(self, today: dt.date | None = None) -> list[str]:
        """The Übersicht's lines: "diese Woche 1 von 3 geplant, 0 freigegeben" per account
        with a target (one line for all when only the all-accounts target is set)."""
        today = today or self._ctx.clock.today()
        targets = {a: n for a, n in self.rhythm_targets().items() if n > 0}
        if not targets:
            return []
        entries = self.entries(today)
        monday = week_start(today)
        lines = []
        for account in sorted(targets):
            (week,) = self.week_rhythm([monday], entries, account or None)
            week = week._replace(target=targets[account])
            text = msg(
                f"diese Woche {week.planned} von {week.target} geplant, "
                f"{week.approved} freigegeben",
                f"this week {week.planned} of {week.target} planned, {week.approved} approved",
            )
            lines.append(f"{account}: {text}" if account else text)
        return lines

    # ---------------------------------------------------------------- holidays, good times
    def holidays(self, start: dt.date, end: dt.date) -> dict[dt.date, str]:
        """Public holidays between ``start`` and ``end`` in the chosen Bundesland (only the
        nationwide ones while none is chosen), named in the UI language."""
        from tikdesk.domain.i18n import language

        code = self.bundesland()
        years = range(start.year, end.year + 1)
        table = _germany()(
            subdiv=code or None, years=years, language="de" if language() == "de" else "en_US"
        )
        return {day: name for day, name in sorted(table.items()) if start <= day <= end}

    def good_times(self, account: str | None) -> GoodTimes:
        with self._ctx.db.reader() as s:
            posted = repo.posted_times(s, account)
        return good_times(posted)

    # ---------------------------------------------------------------- month plan PDF
    def write_month_plan(
        self,
        path: Path,
        month: dt.date,
        *,
        title: str,
        weekdays: Sequence[str],
        labels: Mapping[str, str],
        account: str | None = None,
    ) -> None:
        """Write the plan of ``month`` (its account filter too) as PDF at ``path``, complete
        or not at all: a temporary file beside it replaces ``path`` only when done, so a full
        disk keeps an existing plan, and a target open in another program or a folder that
        cannot be written is refused with a clear message.

        The UI passes only its translated texts: ``title``, ``weekdays`` (Monday first) and
        ``labels`` "week", "below", "footer" (see ``tikdesk.pdf.month_plan``)."""
        from tikdesk.excel.writing import atomic_target
        from tikdesk.pdf.month_plan import render_month_plan

        first = month.replace(day=1)
        mondays = month_weeks(first.year, first.month)
        entries = self.entries(account=account)
        weeks = self.week_rhythm(mondays, entries, account)
        holidays = self.holidays(mondays[0], mondays[-1] + dt.timedelta(days=6))
        with atomic_target(Path(path), self._ctx.protected) as tmp:
            render_month_plan(tmp, title, weekdays, weeks, first.month, entries, holidays, labels)

    # ---------------------------------------------------------------- iCalendar export
    def export_ics(
        self,
        path: Path | str,
        start: dt.date | None = None,
        end: dt.date | None = None,
        account: str | None = None,
        today: dt.date | None = None,
    ) -> ExportResult:
        """The dated posts from ``start`` to ``end`` (default: today to 90 days ahead) as
        one iCalendar file, with no names of people."""
        from tikdesk.excel.ics import IcsEvent, write_ics

        path = Path(path)
        today = today or self._ctx.clock.today()
        start = start or today
        end = end or today + dt.timedelta(days=EXPORT_DAYS)
        if end < start:
            raise ValidationError(
                "to",
                msg(
                    "Das Ende des Zeitraums liegt vor dem Anfang.",
                    "The end of the period is before its start.",
                ),
            )
        with self._ctx.db.reader() as s:
            names = repo.person_names(s)
        scrub = _scrubber(names)
        events = []
        for entry in self.entries(today, account=account):
            if entry.planned_at is None or not start <= entry.planned_at.date() <= end:
                continue
            state = entry.state.label
            lines = [
                msg(f"Status: {state}", f"Status: {state}"),
                msg(
                    f"Format: {format_label(entry.format)}", f"Format: {format_label(entry.format)}"
                ),
                msg(f"Konto: {entry.account or '–'}", f"Account: {entry.account or '–'}"),
            ]
            if entry.reasons:
                lines.append(
                    msg("Blockiert durch: ", "Blocked by: ")
                    + "; ".join(entry.reasons[:MAX_REASONS])
                )
            events.append(
                IcsEvent(
                    uid=f"tikdesk-post-{entry.id}-{entry.created_at:%Y%m%dT%H%M%S}@tikdesk",
                    start=entry.planned_at,
                    summary=scrub(f"{entry.title} – {state}"),
                    description=scrub("\n".join(lines)),
                    categories=(format_label(entry.format),),
                    sequence=entry.sequence,
                    last_modified=entry.updated_at,
                    cancelled=entry.status is PostStatus.TAKEN_DOWN,
                    tentative=entry.state not in (CalendarState.APPROVED, CalendarState.PUBLISHED),
                )
            )
        name = msg("TikDesk Redaktionsplan", "TikDesk editorial plan")
        if account:
            name += f" ({account})"
        count = write_ics(
            path,
            events,
            name,
            self._ctx.clock.aware_now(),
            protected=self._ctx.protected,
        )
        return ExportResult(path, count, start, end)


def _scrubber(names: Sequence[str]) -> Callable[[str], str]:
    """Replace every registry name (and each of its words of 3+ letters that is no common
    word of the text) in a text that leaves TikDesk: the file must carry no names."""
    words: set[str] = set()
    for name in names:
        words.add(name.strip())
        words.update(w for w in re.split(r"[\s,;()]+", name) if len(w) >= 3)
    if not words:
        return lambda text: text
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )
    return lambda text: pattern.sub("…", text)


def _germany() -> type:
    """The ``holidays`` calendar of Germany, imported on its own.

    ``holidays.countries/__init__`` imports every country (some 280 modules, about 7 MB of
    resident memory, issue 21); the German module needs none of them, so it is loaded from
    its file.  Anything unexpected falls back to the ordinary import."""
    import importlib.util
    import os
    import sys

    name = "holidays.countries.germany"
    module = sys.modules.get(name)
    if module is None:
        try:
            package = importlib.util.find_spec("holidays.countries")
            folder = (package.submodule_search_locations or [])[0] if package else ""
            spec = importlib.util.spec_from_file_location(name, os.path.join(folder, "germany.py"))
            if spec is None or spec.loader is None:
                raise ImportError(name)
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
        except Exception:
            sys.modules.pop(name, None)
            from holidays.countries import germany as module
    assert module is not None
    germany: type = module.Germany
    return germany
