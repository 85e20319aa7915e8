"""Engagement analytics: import TikTok's exports, link videos to posts, feed the charts.

Import is two calls, as for ideas: :meth:`AnalyticsService.preview_import` reads the files and
compares them with the database without writing (files and columns recognised, date range,
rows new / changed / unchanged, problems by row); :meth:`AnalyticsService.commit_import` writes
the same plan in one transaction and records one :class:`ImportBatch` per file the user gave.

Upsert rules: account rows by (account, day), video rows by (video link, snapshot date),
audience shares by (account, kind, key, day).  A later import replaces the numbers it knows; a
value the new file does not know (``undefined``) never erases a known one.  Importing the same
file again finds every row unchanged and writes nothing.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from tikdesk.domain import analytics as rules
from tikdesk.domain import fmt
from tikdesk.domain.dates import AnchorKind, YearAnchor
from tikdesk.domain.enums import Audience, IdeaFormat
from tikdesk.domain.errors import Cancelled, InputRejected, ValidationError
from tikdesk.domain.fmt import fmt_date
from tikdesk.domain.i18n import language, msg
from tikdesk.domain.text import column_list
from tikdesk.excel import tiktok
from tikdesk.services.context import AppContext
from tikdesk.storage.repositories import analytics as repo
from tikdesk.storage.repositories import audit

ProgressFn = Callable[[int, int], bool]
KIND = "analytics"
EXPORT_COLUMNS = (
    "account", "date", "video_views", "profile_views", "likes", "comments", "shares",
    "followers", "new_followers", "lost_followers", "reached_audience",
)  # fmt: skip
#: ``export-videos`` columns, exactly in the order of the command-line contract (issue 20).
VIDEO_EXPORT_COLUMNS = (
    "account", "video_id", "link", "title", "posted", "snapshot", "views", "likes",
    "comments", "shares", "favourites", "avg_watch_seconds", "completion_rate", "reach",
    "approximate",
)  # fmt: skip
MOVING_AVERAGE_DAYS = 7
NOT_LINKED = "_not_linked"


# ----------------------------------------------------------------------------- preview model
@dataclass(frozen=True)
class Counts:
    new: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.new + self.changed + self.unchanged


@dataclass(frozen=True)
class TablePreview:
    name: str
    label: str
    kind: str
    account: str | None
    columns: tuple[tuple[str, str], ...]  # (header in the file, what TikDesk reads it as)
    ignored: tuple[str, ...]
    rows_read: int
    records: int
    first: dt.date | None
    last: dt.date | None
    anchor: str  # how the year of year-less dates was found ("" when not needed)
    needs_year: bool
    last_yearless: str  # e.g. "29. Oktober" — the day the GUI asks the year of
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ProblemView:
    table: str
    row: int | None
    column: str
    message: str


@dataclass
class ImportPreview:
    tables: list[TablePreview]
    problems: list[ProblemView]
    daily: Counts
    videos: Counts
    audience: Counts
    first: dt.date | None
    last: dt.date | None
    accounts: list[str]
    unmatched_videos: int
    _parsed: tiktok.ParseResult = field(repr=False)
    _account: str | None = field(default=None, repr=False)

    @property
    def needs_year(self) -> list[TablePreview]:
        return [t for t in self.tables if t.needs_year]

    @property
    def needs_account(self) -> list[TablePreview]:
        return [t for t in self.tables if not t.account and t.records]

    @property
    def new_or_changed(self) -> int:
        return sum(c.new + c.changed for c in (self.daily, self.videos, self.audience))

    @property
    def can_commit(self) -> bool:
        return not self.needs_year and not self.needs_account and self.new_or_changed > 0

    def refusal(self) -> str | None:
        """Why this import cannot be written as it is (for the CLI), or None."""
        if self.needs_year:
            names = ", ".join(t.name for t in self.needs_year)
            return msg(
                f"Das Jahr der Tage in {names} ist unbekannt: der Dateiname enthält kein "
                "Datum (Overview_<JJJJ-MM-TT>_…zip) und es gibt keinen Zeitstempel aus der "
                "ZIP-Datei. Bitte die ZIP-Datei so importieren, wie TikTok sie liefert, oder "
                "in TikDesk importieren und das Jahr angeben. Nichts wurde geschrieben.",
                f"The year of the days in {names} is unknown: the file name carries no date "
                "(Overview_<YYYY-MM-DD>_…zip) and there is no ZIP timestamp. Import the ZIP "
                "file as TikTok delivers it, or import in the TikDesk window and give the "
                "year. Nothing was written.",
            )
        if self.needs_account:
            names = ", ".join(t.name for t in self.needs_account)
            return msg(
                f"Zu welchem Konto gehört {names}? Der Dateiname nennt keins; bitte mit "
                "--account KONTO angeben. Nichts wurde geschrieben.",
                f"Which account does {names} belong to? The file name names none; please give "
                "--account HANDLE. Nothing was written.",
            )
        return None


@dataclass(frozen=True)
class UnmatchedVideo:
    video_link: str
    account: str
    title: str
    posted_at: dt.datetime | None
    views: int | None


@dataclass(frozen=True)
class ImportResult:
    inserted: int
    updated: int
    unchanged: int
    batches: int
    unmatched: list[UnmatchedVideo]


# ----------------------------------------------------------------------------- chart models
@dataclass(frozen=True)
class DailySeries:
    """One account's days in a period, as plain lists ready for numpy/pyqtgraph."""

    account: str
    days: list[dt.date]
    x: list[float]  # seconds since 1970 at UTC midnight (pyqtgraph's DateAxisItem)
    values: dict[str, list[int | None]]  # every repo.DAILY_FIELDS column
    net_change: list[int | float | None]  # recomputed from the totals (else new − lost)
    moving_average: dict[str, list[float | None]]  # 7-day, for views/likes/comments/shares

    @property
    def empty(self) -> bool:
        return not self.days


@dataclass(frozen=True)
class VideoPerformance:
    video_link: str
    account: str
    title: str
    posted_at: dt.datetime | None
    snapshot_date: dt.date
    views: int | None
    likes: int | None
    comments: int | None
    shares: int | None
    favourites: int | None
    engagement_rate: float | None
    format: str  # IdeaFormat key or NOT_LINKED
    audience: str  # Audience key or NOT_LINKED
    post_id: int | None
    manual: bool
    approximate: bool = False  # a value came from an abbreviated count: shown with ≈

    @property
    def has_time(self) -> bool:
        """Exports without a time of day store midnight: that hour is unknown, not 0:00."""
        return self.posted_at is not None and self.posted_at.time() != dt.time()


@dataclass(frozen=True)
class GroupSpread:
    key: str
    label: str
    spread: rules.Spread


@dataclass(frozen=True)
class BenchmarkSeries:
    name: str
    days: list[dt.date]
    x: list[float]
    followers: list[int | None]
    likes: list[int | None]
    ids: list[int]


def day_x(day: dt.date) -> float:
    """UTC-midnight timestamp of a day (what pyqtgraph's DateAxisItem shows as that day)."""
    return float((day - dt.date(1970, 1, 1)).days * 86400)


def write_chart_image(out: Path | str, png: bytes) -> Path:
    """Write a chart's PNG complete or not at all: a temporary file beside ``out`` replaces it
    only when written, so a failure (full disk, file open elsewhere) keeps an existing image;
    the refusal is an :class:`InputRejected` with a clear message."""
    from tikdesk.excel.writing import atomic_target

    path = Path(out)
    with atomic_target(path) as tmp:
        tmp.write_bytes(png)
    return path


def format_label(key: str) -> str:
    if key == NOT_LINKED:
        return msg("ohne Beitrag", "no post")
    member = IdeaFormat.parse(key)
    return member.label if member is not None else key


def audience_label(key: str) -> str:
    if key == NOT_LINKED:
        return msg("ohne Beitrag", "no post")
    member = Audience.parse(key)
    return member.label if member is not None else key


# ----------------------------------------------------------------------------- planning
@dataclass
class _Plan:
    daily_insert: list[dict[str, Any]] = field(default_factory=list)
    daily_update: list[dict[str, Any]] = field(default_factory=list)
    video_insert: list[dict[str, Any]] = field(default_factory=list)
    video_update: list[dict[str, Any]] = field(default_factory=list)
    audience_insert: list[dict[str, Any]] = field(default_factory=list)
    audience_update: list[dict[str, Any]] = field(default_factory=list)
    daily: list[int] = field(default_factory=lambda: [0, 0, 0])  # new, changed, unchanged
    videos: list[int] = field(default_factory=lambda: [0, 0, 0])
    audience: list[int] = field(default_factory=lambda: [0, 0, 0])
    per_source: dict[str, list[int]] = field(default_factory=dict)  # inserted, updated, same
    unmatched: dict[str, UnmatchedVideo] = field(default_factory=dict)

    @property
    def writes(self) -> int:
        return sum(
            len(x)
            for x in (
                self.daily_insert,
                self.daily_update,
                self.video_insert,
                self.video_update,
                self.audience_insert,
                self.audience_update,
            )
        )


_BATCH_KEY = "_batch"  # placeholder for the import batch id until it exists


def _count(counter: list[int], source: list[int], state: str) -> None:
    index = {"new": 0, "changed": 1, "unchanged": 2}[state]
    counter[index] += 1
    source[index] += 1


def _merge(
    current: dict[str, Any] | None, values: Mapping[str, Any], in_db: bool
) -> tuple[str, dict[str, Any]]:
    """Apply the known values of a record to the current state: new / changed / unchanged.

    ``current`` may come from an earlier file of the same import; a row the database does not
    have yet counts as new however many files fill it.
    """
    known = {k: v for k, v in values.items() if v is not None}
    if current is None:
        return "new", dict(values)
    changed = {k: v for k, v in known.items() if current.get(k) != v}
    if not changed:
        return "unchanged", current
    return ("changed" if in_db else "new"), {**current, **changed}


class _PostMatcher:
    """Video link → post id, by the numeric video id (links differ in query strings)."""

    def __init__(self, session: Session) -> None:
        self.by_key: dict[str, int] = {}
        for post in repo.post_choices(session):
            if post.video_link.strip():
                self.by_key.setdefault(self.key(post.video_link), post.id)

    @staticmethod
    def key(link: str) -> str:
        return tiktok.video_id(link) or tiktok.normalize_video_link(link)

    def __call__(self, link: str) -> int | None:
        return self.by_key.get(self.key(link))


def _plan(session: Session, parsed: tiktok.ParseResult) -> _Plan:
    """Compare every record with the database (and with earlier files of this import)."""
    plan = _Plan()
    tables = [t for t in parsed.tables if t.account and not t.needs_year]
    matcher = _PostMatcher(session)

    daily_db = repo.existing_daily(session, [(r.account, r.day) for t in tables for r in t.daily])
    daily_state: dict[repo.DailyKey, dict[str, Any]] = {}
    video_db = repo.existing_videos(
        session, [(v.video_link, v.snapshot_date) for t in tables for v in t.videos]
    )
    video_state: dict[repo.VideoKey, dict[str, Any]] = {}
    audience_db = repo.existing_audience(
        session, [(a.account, a.kind, a.key, a.taken_on) for t in tables for a in t.audience]
    )
    audience_state: dict[repo.AudienceKey, dict[str, Any]] = {}

    for table in tables:
        source = plan.per_source.setdefault(table.source, [0, 0, 0])
        for r in table.daily:
            key = (r.account, r.day)
            current = daily_state.get(key) or daily_db.get(key)
            state, merged = _merge(current, r.values, key in daily_db)
            _count(plan.daily, source, state)
            if state != "unchanged":
                daily_state[key] = {**merged, _BATCH_KEY: table.source}
        for v in table.videos:
            vkey = (v.video_link, v.snapshot_date)
            values = _video_values(v)
            current = video_state.get(vkey) or video_db.get(vkey)
            post_id = (current or {}).get("post_id") or matcher(v.video_link)
            values["post_id"] = post_id
            state, merged = _merge(current, values, vkey in video_db)
            _count(plan.videos, source, state)
            if state != "unchanged":
                video_state[vkey] = {**merged, _BATCH_KEY: table.source}
            if post_id is None:
                plan.unmatched[v.video_link] = UnmatchedVideo(
                    v.video_link, v.account, v.title, v.posted_at, v.values.get("video_views")
                )
        for a in table.audience:
            akey = (a.account, a.kind, a.key, a.taken_on)
            current = audience_state.get(akey) or audience_db.get(akey)
            state, merged = _merge(current, {"value": a.value}, akey in audience_db)
            _count(plan.audience, source, state)
            if state != "unchanged":
                audience_state[akey] = {**merged, _BATCH_KEY: table.source}

    _rows_to_write(plan, daily_state, video_state, audience_state)
    return plan


def _video_values(v: Any) -> dict[str, Any]:
    """A parsed video's numbers as ``video_stats`` columns."""
    return {
        "views": v.values.get("video_views"),
        "likes": v.values.get("likes"),
        "comments": v.values.get("comments"),
        "shares": v.values.get("shares"),
        "favourites": v.values.get("favourites"),
        "reach": v.values.get("reached_audience"),
        "avg_watch_seconds": v.avg_watch_seconds,
        "completion_rate": v.completion_rate,
        "approximate": v.approximate,
        "video_title": v.title or None,
        "posted_at": v.posted_at,
        "account": v.account,
        "manual": False,
    }


def _rows_to_write(
    plan: _Plan,
    daily_state: dict[repo.DailyKey, dict[str, Any]],
    video_state: dict[repo.VideoKey, dict[str, Any]],
    audience_state: dict[repo.AudienceKey, dict[str, Any]],
) -> None:
    """The merged records as the plan's inserts and updates."""
    for (account, day), row in daily_state.items():
        values = {f: row.get(f) for f in repo.DAILY_FIELDS}
        if "id" in row:
            plan.daily_update.append({"id": row["id"], **values, _BATCH_KEY: row[_BATCH_KEY]})
        else:
            plan.daily_insert.append(
                {"account": account, "day": day, **values, _BATCH_KEY: row[_BATCH_KEY]}
            )
    for (link, snap), row in video_state.items():
        values = {f: row.get(f) for f in repo.VIDEO_FIELDS}
        values["video_title"] = values["video_title"] or ""
        values["approximate"] = bool(values["approximate"])
        common = {
            **values,
            "account": row.get("account") or "",
            "post_id": row.get("post_id"),
            "manual": False,
            _BATCH_KEY: row[_BATCH_KEY],
        }
        if "id" in row:
            plan.video_update.append({"id": row["id"], **common})
        else:
            plan.video_insert.append({"video_link": link, "snapshot_date": snap, **common})
    for (account, kind, name, taken_on), row in audience_state.items():
        if "id" in row:
            plan.audience_update.append(
                {"id": row["id"], "value": row["value"], _BATCH_KEY: row[_BATCH_KEY]}
            )
        else:
            plan.audience_insert.append(
                {
                    "account": account,
                    "kind": kind,
                    "key": name,
                    "taken_on": taken_on,
                    "value": row["value"],
                    _BATCH_KEY: row[_BATCH_KEY],
                }
            )


def _batches(s: Session, parsed: tiktok.ParseResult, plan: _Plan, user: str) -> dict[str, int]:
    """One import batch per file that brings something new (by file path)."""
    batch_ids: dict[str, int] = {}
    for source in parsed.sources:
        counts = plan.per_source.get(str(source.path))
        if counts is None or counts[0] + counts[1] == 0:
            continue  # nothing new from this file: no batch, nothing written
        skipped = counts[2] + sum(
            len(t.problems) for t in parsed.tables if t.source == str(source.path)
        )
        batch_ids[str(source.path)] = repo.add_import_batch(
            s,
            kind=KIND,
            file_name=source.name,
            sha256=source.sha256,
            user=user,
            inserted=counts[0],
            updated=counts[1],
            skipped=skipped,
        )
    return batch_ids


def _anchor_text(anchor: YearAnchor | None) -> str:
    if anchor is None:
        return ""
    if anchor.kind is AnchorKind.WINDOW_START:
        return msg(
            f"Jahr aus dem Dateinamen (Beginn {fmt_date(anchor.day)})",
            f"year from the file name (window starts {fmt_date(anchor.day)})",
        )
    return msg(
        f"Jahr aus {anchor.source or 'Ihrer Angabe'} ({fmt_date(anchor.day)})",
        f"year from {anchor.source or 'your answer'} ({fmt_date(anchor.day)})",
    )


def _yearless_text(table: tiktok.ParsedTable) -> str:
    md = table.last_yearless
    if md is None:
        return ""
    # month names from domain.fmt, never strftime: that follows the OS locale, not the UI language
    if language() == "de":
        return f"{md.day}. {fmt.month_long(md.month)}"
    return f"{fmt.month_long(md.month)} {md.day}"


def _table_preview(t: tiktok.ParsedTable) -> TablePreview:
    span = t.day_range()
    return TablePreview(
        name=t.name,
        label=t.label,
        kind=t.kind.value,
        account=t.account,
        columns=tuple((h, tiktok.field_label(f)) for h, f in t.columns.items()),
        ignored=tuple(t.ignored),
        rows_read=t.rows_read,
        records=t.record_count,
        first=span[0] if span else None,
        last=span[1] if span else None,
        anchor=_anchor_text(t.anchor),
        needs_year=t.needs_year,
        last_yearless=_yearless_text(t),
        notes=tuple(t.notes),
    )


def year_anchor(year: int) -> YearAnchor:
    """The user's answer to "which year is the last row in?" as an anchor."""
    return YearAnchor(
        AnchorKind.DOWNLOAD,
        dt.date(year, 12, 31),
        msg(f"Ihrer Angabe {year}", f"your answer {year}"),
    )


# ----------------------------------------------------------------------------- the service
class AnalyticsService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    # ---------------------------------------------------------------- import
    def preview_import(
        self,
        paths: Sequence[Path | str],
        *,
        account: str | None = None,
        years: Mapping[str, int] | None = None,
    ) -> ImportPreview:
        """Read ``paths`` and compare with the database; writes nothing.

        ``account`` overrides the handle in the file names; ``years`` answers, per table name,
        which year the table's last row falls in (when the files carry no anchor).
        """
        account = normalise_handle(account) if account and account.strip() else None
        anchors = {name: year_anchor(year) for name, year in (years or {}).items()}
        parsed = tiktok.parse_paths(
            paths, account=account, anchors=anchors, today=self._ctx.clock.today()
        )
        with self._ctx.db.reader() as s:
            plan = _plan(s, parsed)
        tables = [_table_preview(t) for t in parsed.tables]
        problems = [
            ProblemView(p.table, p.row, p.column, p.message)
            for p in [*parsed.problems, *(p for t in parsed.tables for p in t.problems)]
        ]
        firsts = [t.first for t in tables if t.first]
        lasts = [t.last for t in tables if t.last]
        return ImportPreview(
            tables=tables,
            problems=problems,
            daily=Counts(*plan.daily),
            videos=Counts(*plan.videos),
            audience=Counts(*plan.audience),
            first=min(firsts) if firsts else None,
            last=max(lasts) if lasts else None,
            accounts=sorted({t.account for t in tables if t.account}),
            unmatched_videos=len(plan.unmatched),
            _parsed=parsed,
            _account=account,
        )

    def commit_import(
        self,
        preview: ImportPreview,
        progress: ProgressFn | None = None,
        *,
        skip_problem_rows: bool = False,
    ) -> ImportResult:
        """Write the previewed import in one transaction (re-planned against the database).

        **Problems block**: a preview with problems (unreadable files, rows or cells) is not
        written unless the caller explicitly leaves those rows out (``skip_problem_rows=True``
        — the GUI's check box); the CLI never does.
        """
        refusal = preview.refusal()
        if refusal:
            raise InputRejected(refusal)
        if preview.problems and not skip_problem_rows:
            raise InputRejected(problems_refusal(preview.problems))
        if self._ctx.read_only:
            raise InputRejected(
                msg(
                    "Die Datenbank ist schreibgeschützt geöffnet.",
                    "The database is open read-only.",
                )
            )
        parsed = preview._parsed
        from tikdesk.services.safety import BEFORE_IMPORT, SafetyService

        SafetyService(self._ctx).before(BEFORE_IMPORT)  # data-safety point 6
        with self._ctx.db.transaction() as s:
            plan = _plan(s, parsed)
            total = max(plan.writes, 1)
            done = 0

            def step(n: int) -> None:
                nonlocal done
                done += n
                if progress is not None and not progress(done, total):
                    raise Cancelled(
                        msg(
                            "Import abgebrochen; nichts wurde geschrieben.",
                            "Import cancelled; nothing was written.",
                        )
                    )

            step(0)
            batch_ids = _batches(s, parsed, plan, self._ctx.user)
            for rows, table, write in (
                (plan.daily_insert, repo.DAILY, repo.bulk_insert),
                (plan.daily_update, repo.DAILY, repo.bulk_update),
                (plan.video_insert, repo.VIDEO, repo.bulk_insert),
                (plan.video_update, repo.VIDEO, repo.bulk_update),
                (plan.audience_insert, repo.AUDIENCE, repo.bulk_insert),
                (plan.audience_update, repo.AUDIENCE, repo.bulk_update),
            ):
                for start in range(0, len(rows), 2000):
                    chunk = [_with_batch(r, batch_ids) for r in rows[start : start + 2000]]
                    write(s, table, chunk)
                    step(len(chunk))
        unmatched = list(plan.unmatched.values())
        new = plan.daily[0] + plan.videos[0] + plan.audience[0]
        changed = plan.daily[1] + plan.videos[1] + plan.audience[1]
        same = plan.daily[2] + plan.videos[2] + plan.audience[2]
        return ImportResult(new, changed, same, len(batch_ids), unmatched)

    @staticmethod
    def looks_like_tiktok(paths: Sequence[Path | str]) -> bool:
        """For the drop handler: are these TikTok analytics files (cheap check)?"""
        return tiktok.looks_like_tiktok(paths)

    def import_files(
        self, paths: Sequence[Path | str], *, account: str | None = None, dry_run: bool = False
    ) -> tuple[ImportPreview, ImportResult | None]:
        """Headless import (CLI): preview, refuse what needs a human or has problems (also
        in a dry run), else commit.  Files that name no account, with no sibling that does,
        go to :meth:`default_account` when there is one (issue 20)."""
        preview = self.preview_import(paths, account=account)
        default = None if account or preview.accounts else self.default_account()
        if preview.needs_account and default:
            preview = self.preview_import(paths, account=default)
        refusal = preview.refusal()
        if refusal:
            raise InputRejected(refusal)
        if preview.problems:
            raise InputRejected(problems_refusal(preview.problems))
        if dry_run or preview.new_or_changed == 0:
            return preview, None
        return preview, self.commit_import(preview)

    # ---------------------------------------------------------------- export
    def export_daily(self, out: Path | str) -> int:
        """All account days to CSV/XLSX (columns :data:`EXPORT_COLUMNS`); returns rows."""
        from tikdesk.excel import analytics_export

        fields = EXPORT_COLUMNS[2:]
        with self._ctx.db.reader() as s:
            rows = repo.daily_rows(s, fields=fields)
        return analytics_export.write_table(Path(out), EXPORT_COLUMNS, rows, self._ctx.protected)

    def export_videos(self, out: Path | str, account: str | None = None) -> int:
        """Every video snapshot to CSV/XLSX (:data:`VIDEO_EXPORT_COLUMNS`), sorted by account,
        video and snapshot; returns the row count.  Raises InputRejected for an unknown
        ``account``."""
        from tikdesk.excel import analytics_export

        handle = tiktok.normalise_handle(account) if account is not None else None
        with self._ctx.db.reader() as s:
            if handle is not None and handle not in repo.accounts(s):
                known = ", ".join(repo.accounts(s)) or msg("keines", "none")
                raise InputRejected(
                    msg(
                        f"Zum Konto „{handle}“ sind keine Videos gespeichert "
                        f"(vorhandene Konten: {known}).",
                        f"No videos are stored for the account '{handle}' "
                        f"(accounts present: {known}).",
                    )
                )
            stored = repo.video_export_rows(s, handle)
        rows = [video_export_row(r) for r in stored]
        rows.sort(key=lambda r: (r[0], _video_sort_key(r[1], r[2]), r[5]))
        return analytics_export.write_table(
            Path(out), VIDEO_EXPORT_COLUMNS, rows, self._ctx.protected
        )

    # ---------------------------------------------------------------- reads for charts
    def accounts(self) -> list[str]:
        with self._ctx.db.reader() as s:
            return repo.accounts(s)

    def import_accounts(self) -> list[str]:
        """The accounts the import offers for files whose names do not say: the known ones,
        led by the organisation's handle when exactly one is set (first start, issue 20)."""
        from tikdesk.services.first_start import FirstStartService

        known = self.accounts()
        handle = FirstStartService(self._ctx).single_handle()
        return [handle, *(a for a in known if a != handle)] if handle else known

    def default_account(self) -> str | None:
        """The account for files that name none, when there is no doubt: the organisation's
        single TikTok handle (first start), else the only account the database has."""
        from tikdesk.services.first_start import FirstStartService

        handle = FirstStartService(self._ctx).single_handle()
        if handle:
            return handle
        known = self.accounts()
        return known[0] if len(known) == 1 else None

    def has_data(self) -> bool:
        return bool(self.accounts()) or bool(self.benchmarks())

    def date_bounds(self, account: str | None) -> tuple[dt.date | None, dt.date | None]:
        """First and last day with account numbers (or video snapshots when none)."""
        with self._ctx.db.reader() as s:
            first, last = repo.daily_bounds(s, account)
            if last is None:
                videos = repo.latest_videos(s, account)
                days = [v.snapshot_date for v in videos]
                days += [v.posted_at.date() for v in videos if v.posted_at]
                if days:
                    first, last = min(days), max(days)
        return first, last

    def daily_series(
        self, account: str, start: dt.date | None = None, end: dt.date | None = None
    ) -> DailySeries:
        # one day before the period, so that the first day's net change is known
        before = start - dt.timedelta(days=MOVING_AVERAGE_DAYS) if start else None
        with self._ctx.db.reader() as s:
            rows = repo.daily_rows(s, account, before, end)
        return build_daily_series(account, rows, start)

    def videos(self, account: str | None = None) -> list[VideoPerformance]:
        """Every video of ``account`` with its newest numbers (period filtering is the
        caller's: :func:`videos_in_period`)."""
        with self._ctx.db.reader() as s:
            latest = repo.latest_videos(s, account)
        out = []
        for v in latest:
            posted = v.post_published_at or v.posted_at
            if v.post_published_at and v.posted_at and v.post_published_at.time() == dt.time():
                posted = v.posted_at  # the export knows a time, the post only a day
            out.append(
                VideoPerformance(
                    video_link=v.video_link,
                    account=v.account,
                    title=v.post_title or v.title,
                    posted_at=posted,
                    snapshot_date=v.snapshot_date,
                    views=v.views,
                    likes=v.likes,
                    comments=v.comments,
                    shares=v.shares,
                    favourites=v.favourites,
                    engagement_rate=rules.engagement_rate(v.likes, v.comments, v.shares, v.views),
                    format=v.post_format or NOT_LINKED,
                    audience=v.post_audience or NOT_LINKED,
                    post_id=v.post_id,
                    manual=v.manual,
                    approximate=v.approximate,
                )
            )
        return out

    def audience(self, account: str, kind: str) -> list[tuple[str, float | None, dt.date]]:
        with self._ctx.db.reader() as s:
            return repo.audience(s, account, kind)

    # ---------------------------------------------------------------- videos ↔ posts
    def unmatched_videos(self) -> list[UnmatchedVideo]:
        with self._ctx.db.reader() as s:
            rows = repo.unlinked_videos(s)
        return [
            UnmatchedVideo(v.video_link, v.account, v.title, v.posted_at, v.views) for v in rows
        ]

    def post_choices(self) -> list[repo.PostChoice]:
        with self._ctx.db.reader() as s:
            return repo.post_choices(s)

    def link_video(self, video_link: str, post_id: int) -> None:
        """Link every snapshot of a video to a post; the post learns the link if it had none."""
        link = tiktok.normalize_video_link(video_link)
        with self._ctx.db.transaction() as s:
            post = _post_choice(s, post_id)
            if post.video_link.strip():
                if _PostMatcher.key(post.video_link) != _PostMatcher.key(link):
                    raise ValidationError(
                        "post",
                        msg(
                            f"„{post.title}“ ist schon mit einem anderen Video verknüpft "
                            f"({post.video_link}).",
                            f"'{post.title}' is already linked to another video "
                            f"({post.video_link}).",
                        ),
                    )
            else:
                repo.set_post_video_link(s, post_id, link)
                audit.record(s, self._ctx.user, "post", post_id, "video_linked", "", link)
            repo.link_videos(s, {link: post_id})

    def create_post_for_video(self, video_link: str) -> int:
        """A draft post for an imported video (title from the export), linked to it."""
        from tikdesk.services.posts import PostInput, PostService

        link = tiktok.normalize_video_link(video_link)
        with self._ctx.db.reader() as s:
            video = next((v for v in repo.latest_videos(s) if v.video_link == link), None)
        if video is None:
            raise InputRejected(
                msg(
                    "Dieses Video ist nicht (mehr) importiert.",
                    "This video is not imported (any more).",
                )
            )
        title = (video.title or msg("TikTok-Video", "TikTok video")).strip()[:300]
        post_id = PostService(self._ctx).create(
            PostInput(title=title, account=video.account, video_link=link)
        )
        with self._ctx.db.transaction() as s:
            repo.link_videos(s, {link: post_id})
        return post_id

    def relink_videos(self) -> int:
        """Link unlinked snapshots to posts whose video link now matches; returns rows."""
        with self._ctx.db.transaction() as s:
            matcher = _PostMatcher(s)
            links = {v.video_link: matcher(v.video_link) for v in repo.unlinked_videos(s)}
            return repo.link_videos(s, {k: v for k, v in links.items() if v is not None})

    # ---------------------------------------------------------------- manual numbers
    def set_manual_stats(
        self,
        post_id: int,
        day: dt.date,
        *,
        views: int | None,
        likes: int | None,
        comments: int | None,
        shares: int | None,
        favourites: int | None = None,
    ) -> None:
        """Numbers typed in for a post (teams without exports): one snapshot per day."""
        for name, value in (
            ("views", views),
            ("likes", likes),
            ("comments", comments),
            ("shares", shares),
            ("favourites", favourites),
        ):
            if value is not None and value < 0 and name != "comments":
                raise ValidationError(
                    name,
                    msg("Bitte keine negative Zahl eingeben.", "Please enter no negative number."),
                )
        if all(v is None for v in (views, likes, comments, shares, favourites)):
            raise ValidationError(
                "views",
                msg("Bitte mindestens eine Zahl eingeben.", "Please enter at least one number."),
            )
        with self._ctx.db.transaction() as s:
            post = _post_choice(s, post_id)
            link = (
                tiktok.normalize_video_link(post.video_link)
                if post.video_link.strip()
                else manual_link(post_id)
            )
            values = {
                "views": views,
                "likes": likes,
                "comments": comments,
                "shares": shares,
                "favourites": favourites,
                "manual": True,
                "post_id": post_id,
            }
            existing = repo.existing_videos(s, [(link, day)]).get((link, day))
            if existing is None:
                repo.bulk_insert(
                    s,
                    repo.VIDEO,
                    [
                        {
                            "video_link": link,
                            "snapshot_date": day,
                            "account": post.account,
                            "video_title": post.title,
                            "posted_at": post.published_at,
                            **values,
                        }
                    ],
                )
            else:
                repo.bulk_update(s, repo.VIDEO, [{"id": existing["id"], **values}])

    # ---------------------------------------------------------------- benchmarks
    def benchmarks(self) -> list[BenchmarkSeries]:
        with self._ctx.db.reader() as s:
            records = repo.benchmarks(s)
        series: dict[str, BenchmarkSeries] = {}
        for r in records:
            b = series.setdefault(r.name, BenchmarkSeries(r.name, [], [], [], [], []))
            b.days.append(r.day)
            b.x.append(day_x(r.day))
            b.followers.append(r.followers)
            b.likes.append(r.likes)
            b.ids.append(r.id)
        return list(series.values())

    def save_benchmark(
        self, name: str, day: dt.date, followers: int | None, likes: int | None
    ) -> bool:
        """Store a peer account's numbers on a day (replacing that day's); True if new."""
        name = " ".join(name.split())
        if not name:
            raise ValidationError(
                "name",
                msg(
                    "Bitte den Namen des Vergleichskontos angeben.",
                    "Please give the peer account's name.",
                ),
            )
        if followers is None and likes is None:
            raise ValidationError(
                "followers",
                msg("Bitte Follower oder Likes angeben.", "Please give followers or likes."),
            )
        for fname, value in (("followers", followers), ("likes", likes)):
            if value is not None and value < 0:
                raise ValidationError(
                    fname,
                    msg("Bitte keine negative Zahl eingeben.", "Please enter no negative number."),
                )
        with self._ctx.db.transaction() as s:
            _id, created = repo.upsert_benchmark(s, name[:200], day, followers, likes)
        return created

    def delete_benchmark(self, benchmark_id: int) -> bool:
        with self._ctx.db.transaction() as s:
            return repo.delete_benchmark(s, benchmark_id)


def normalise_handle(text: str) -> str:
    """A TikTok handle as stored (no @, lower case); InputRejected when not a handle."""
    return tiktok.normalise_handle(text)


def problem_line(problem: ProblemView) -> str:
    """``file, row 3, Date: reason`` — one problem for a message."""
    where = problem.table
    if problem.row:
        where += msg(f", Zeile {problem.row}", f", row {problem.row}")
    if problem.column:
        where += f", {problem.column}"
    return f"{where}: {problem.message}"


def problems_refusal(problems: Sequence[ProblemView]) -> str:
    """Every problem, one a line, and that nothing was written."""
    lines = "\n".join(problem_line(p) for p in problems)
    return msg(
        f"Nicht importiert, nichts wurde geschrieben. {len(problems)} Probleme:\n{lines}",
        f"Not imported, nothing was written. {len(problems)} problems:\n{lines}",
    )


def _post_choice(session: Session, post_id: int) -> repo.PostChoice:
    """The post ``post_id`` as the video-linking code sees it; refused if it is gone."""
    post = next((p for p in repo.post_choices(session) if p.id == post_id), None)
    if post is None:
        raise InputRejected(
            msg(
                f"Beitrag {post_id} gibt es nicht (mehr).",
                f"Post {post_id} does not exist (any more).",
            )
        )
    return post


def manual_link(post_id: int) -> str:
    """Stand-in key for typed-in numbers of a post that has no TikTok link yet."""
    return f"tikdesk:post/{post_id}"


def _with_batch(row: Mapping[str, Any], batch_ids: Mapping[str, int]) -> dict[str, Any]:
    out = {k: v for k, v in row.items() if k != _BATCH_KEY}
    out["import_batch_id"] = batch_ids.get(row[_BATCH_KEY])
    return out


# ----------------------------------------------------------------------------- pure helpers
def build_daily_series(
    account: str, rows: Sequence[Sequence[Any]], start: dt.date | None
) -> DailySeries:
    """Rows ``(account, day, *DAILY_FIELDS)`` (with a lead-in before ``start``) → series."""
    fields = repo.DAILY_FIELDS
    columns: dict[str, list[int | None]] = {
        f: [r[2 + i] for r in rows] for i, f in enumerate(fields)
    }
    days = [r[1] for r in rows]
    net = rules.differences(columns["followers"])
    net = [
        n if n is not None else rules.net_change(new, lost)
        for n, new, lost in zip(
            net, columns["new_followers"], columns["lost_followers"], strict=True
        )
    ]
    # a gap in the days makes the "difference" span several days: drop it
    for i in range(1, len(days)):
        if (days[i] - days[i - 1]).days != 1 and columns["followers"][i] is not None:
            net[i] = rules.net_change(columns["new_followers"][i], columns["lost_followers"][i])
    averages = {
        f: rules.moving_average(columns[f], MOVING_AVERAGE_DAYS)
        for f in ("video_views", "likes", "comments", "shares")
    }
    cut = 0
    if start is not None:
        while cut < len(days) and days[cut] < start:
            cut += 1
    days = days[cut:]
    return DailySeries(
        account=account,
        days=days,
        x=[day_x(d) for d in days],
        values={f: v[cut:] for f, v in columns.items()},
        net_change=net[cut:],
        moving_average={f: v[cut:] for f, v in averages.items()},
    )


def slice_series(series: DailySeries, start: dt.date | None, end: dt.date | None) -> DailySeries:
    """The days of ``series`` in [start, end] (averages and changes keep their lead-in).

    The tab reads an account's whole history once and slices it on every period switch —
    no database round trip while the user flips through periods.
    """
    lo = bisect.bisect_left(series.days, start) if start is not None else 0
    hi = bisect.bisect_right(series.days, end) if end is not None else len(series.days)
    return DailySeries(
        account=series.account,
        days=series.days[lo:hi],
        x=series.x[lo:hi],
        values={k: v[lo:hi] for k, v in series.values.items()},
        net_change=series.net_change[lo:hi],
        moving_average={k: v[lo:hi] for k, v in series.moving_average.items()},
    )


def videos_in_period(
    videos: Iterable[VideoPerformance], start: dt.date | None, end: dt.date | None
) -> list[VideoPerformance]:
    """Videos published in [start, end] (those without a date only when no bounds)."""
    out = []
    for v in videos:
        if v.posted_at is None:
            if start is None and end is None:
                out.append(v)
            continue
        day = v.posted_at.date()
        if (start is None or day >= start) and (end is None or day <= end):
            out.append(v)
    return out


def engagement_by(videos: Iterable[VideoPerformance], what: str) -> list[GroupSpread]:
    """Median and spread of the engagement rate per format or audience, biggest group first."""
    by_format = what == "format"
    label_of = format_label if by_format else audience_label
    groups = rules.group_spread(
        ((v.format if by_format else v.audience), v.engagement_rate) for v in videos
    )
    out = [GroupSpread(k, label_of(k), s) for k, s in groups.items() if s.count]
    out.sort(key=lambda g: (g.key == NOT_LINKED, -g.spread.count, g.label))
    return out


def heatmap(videos: Iterable[VideoPerformance], metric: str = "views") -> rules.HeatMap:
    """Weekday × hour of publication → median views (or engagement rate) and post count."""
    points = [
        (v.posted_at, v.views if metric == "views" else v.engagement_rate)
        for v in videos
        if v.has_time and v.posted_at is not None
    ]
    return rules.weekday_hour_heatmap(points)


def video_export_row(row: Mapping[str, Any]) -> list[Any]:
    """One stored snapshot as an ``export-videos`` row (see :data:`VIDEO_EXPORT_COLUMNS`)."""
    link = tiktok.normalize_video_link(row["video_link"])
    posted: dt.datetime | None = row["posted_at"]
    if posted is None:
        posted_text = None
    elif posted.time() == dt.time():  # exports without a time of day store midnight
        posted_text = posted.date().isoformat()
    else:
        posted_text = posted.strftime("%Y-%m-%dT%H:%M")
    watch = row["avg_watch_seconds"]
    completion = row["completion_rate"]
    return [
        row["account"],
        tiktok.video_id(link),
        link,
        row["video_title"] or None,
        posted_text,
        row["snapshot_date"],
        row["views"],
        row["likes"],
        row["comments"],
        row["shares"],
        row["favourites"],
        None if watch is None else round(watch, 2),
        None if completion is None else round(completion, 4),
        row["reach"],
        "yes" if row["approximate"] else "no",
    ]


def _video_sort_key(video: str | None, link: str) -> tuple[int, str]:
    """Numeric video ids in numeric order (they all have 19 digits today, but need not)."""
    return (len(video), video) if video else (1_000, link)


def preview_text(preview: ImportPreview, result: ImportResult | None = None) -> str:
    """The preview (and the result) as plain text: CLI output and the screen reader's view."""
    lines = []
    for t in preview.tables:
        span = f"{fmt_date(t.first)} – {fmt_date(t.last)}" if t.first and t.last else "–"
        lines.append(
            f"{t.name}: {t.label}, {msg('Konto', 'account')} {t.account or '?'}, "
            f"{t.records} {msg('Zeilen', 'rows')}, {span}"
        )
        if t.anchor:
            lines.append(f"    {t.anchor}")
        if t.ignored:
            lines.append("    " + msg("nicht verwendet: ", "not used: ") + column_list(t.ignored))
        lines.extend(f"    {note}" for note in t.notes)
    span = (
        f"{fmt_date(preview.first)} – {fmt_date(preview.last)}"
        if preview.first and preview.last
        else "–"
    )
    lines.append(msg(f"Zeitraum: {span}", f"Date range: {span}"))
    for label, counts in (
        (msg("Tageswerte", "Daily rows"), preview.daily),
        (msg("Video-Stände", "Video snapshots"), preview.videos),
        (msg("Publikum", "Audience"), preview.audience),
    ):
        if counts.total:
            lines.append(
                msg(
                    f"{label}: {counts.new} neu, {counts.changed} geändert, "
                    f"{counts.unchanged} unverändert",
                    f"{label}: {counts.new} new, {counts.changed} changed, "
                    f"{counts.unchanged} unchanged",
                )
            )
    if preview.problems:
        lines.append(
            msg(
                f"{len(preview.problems)} Zeilen nicht lesbar (siehe unten)",
                f"{len(preview.problems)} rows not readable (see below)",
            )
        )
    if result is None:
        if preview.new_or_changed == 0:
            lines.append(
                msg("Nichts Neues – nichts geschrieben.", "Nothing new – nothing written.")
            )
        else:
            lines.append(msg("Probelauf – nichts geschrieben.", "Dry run – nothing written."))
    else:
        lines.append(
            msg(
                f"Geschrieben: {result.inserted} neu, {result.updated} geändert.",
                f"Written: {result.inserted} new, {result.updated} changed.",
            )
        )
        if result.unmatched:
            lines.append(
                msg(
                    f"{len(result.unmatched)} Videos sind noch keinem Beitrag zugeordnet "
                    "(in TikDesk unter Auswertung → Videos zuordnen).",
                    f"{len(result.unmatched)} videos are not linked to a post yet "
                    "(in TikDesk: Analytics → Link videos).",
                )
            )
    return "\n".join(lines)
