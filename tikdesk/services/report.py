"""Management report: one action from the database to a workbook (and PDF) for management.

:meth:`ReportService.build` computes the whole report as plain data (:class:`ReportData`):
per account the KPIs of the period and of the comparison period, a row per post published in
the period, the performance by format and audience, the daily followers and weekly views for
the charts; and the editorial pipeline as counts.  :meth:`ReportService.write` renders it —
the workbook here, the PDF with :mod:`tikdesk.pdf.report` (Typst, tagged PDF/UA-1; no Qt, so
the GUI and the command line write the same file).

Privacy (data-safety.md point 15): no names of people by default.  Titles of posts and videos
are free text and may name someone ("Azubi-Takeover: Lisa zeigt …"), so the names of people
in the registry are blanked out of them.  With ``with_names`` the adults shown in each post
are listed; minors never — a person counts as a minor when flagged or when a birth date is
stored (TikDesk stores birth dates only for minors) — and their names stay blanked even then.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from tikdesk.domain.analytics import engagement_rate, spread
from tikdesk.domain.enums import Audience, IdeaFormat, IdeaStatus, PostStatus
from tikdesk.domain.errors import Cancelled, InputRejected
from tikdesk.domain.fmt import fmt_date
from tikdesk.domain.gate import GateStatus
from tikdesk.domain.i18n import msg
from tikdesk.domain.report import (
    KPI_KEYS,
    AccountReport,
    Attention,
    AttentionItem,
    GroupRow,
    Kpi,
    KpiKind,
    Period,
    Pipeline,
    PostRow,
    RecruitingRow,
    ReportData,
    WeekPoint,
    kpi_label,
    next_month,
    texts,
)
from tikdesk.domain.text import name_pattern
from tikdesk.excel import tiktok
from tikdesk.excel.writing import Protected
from tikdesk.services.analytics import audience_label, format_label
from tikdesk.services.context import AppContext
from tikdesk.services.posts import Clearance, Definitions
from tikdesk.services.settings import SettingsService
from tikdesk.storage.repositories import analytics as analytics_repo
from tikdesk.storage.repositories import ideas as ideas_repo
from tikdesk.storage.repositories import people as people_repo
from tikdesk.storage.repositories import posts as posts_repo
from tikdesk.storage.repositories import recruiting as recruiting_repo

ProgressFn = Callable[[int, int], bool]
#: Daily columns the report reads: rows become (day, followers, views, likes, comments, shares).
DAILY_FIELDS = ("followers", "video_views", "likes", "comments", "shares")
NAME_BLANK = "[…]"


@dataclass(frozen=True)
class ReportFiles:
    workbook: Path
    pdf: Path | None


def report_period(start: dt.date, end: dt.date) -> Period:
    """The period from ``start`` to ``end`` (both included), or a clear refusal."""
    if end < start:
        raise InputRejected(
            msg(
                f"Der Zeitraum endet ({fmt_date(end)}) vor seinem Beginn ({fmt_date(start)}).",
                f"The period ends ({fmt_date(end)}) before it starts ({fmt_date(start)}).",
            )
        )
    return Period(start, end)


def normalize_account(handle: str) -> str:
    """``@Stadt_Musterhausen `` → ``stadt_musterhausen`` (how posts and imports compare)."""
    return handle.strip().lstrip("@").strip().lower()


def _link_key(link: str) -> str:
    return tiktok.video_id(link) or tiktok.normalize_video_link(link)


def _is_minor(person: people_repo.PersonName) -> bool:
    return person.is_minor or person.birth_date is not None


@dataclass(frozen=True)
class _Day:
    """One account day as the report reads it (the columns of :data:`DAILY_FIELDS`)."""

    day: dt.date
    followers: int | None
    views: int | None
    likes: int | None
    comments: int | None
    shares: int | None


@dataclass(frozen=True)
class _Item:
    """One published video of a period, before it becomes a :class:`PostRow`."""

    account: str
    post_id: int | None
    published: dt.date
    title: str
    format: str
    audience: str
    video: analytics_repo.VideoSnapshot | None


def _sum(values: Iterable[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


class ReportService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    # ---------------------------------------------------------------- reading
    def accounts(self) -> list[str]:
        """Accounts known from imports and from posts, normalised, sorted."""
        with self._ctx.db.reader() as s:
            return self._accounts(s)

    @staticmethod
    def _accounts(s: Session) -> list[str]:
        found = {normalize_account(a) for a in analytics_repo.accounts(s)}
        found |= {normalize_account(a) for a in posts_repo.post_accounts(s)}
        return sorted(a for a in found if a)

    def build(
        self,
        period: Period,
        *,
        account: str | None = None,
        with_names: bool = False,
        today: dt.date | None = None,
        progress: ProgressFn | None = None,
    ) -> ReportData:
        """The report of ``period`` (all accounts, or the one ``account``)."""
        today = today or self._ctx.clock.today()
        previous = period.previous()
        wanted = normalize_account(account) if account else None
        _step(progress, 0, 4)
        with self._ctx.db.reader() as s:
            known = self._accounts(s)
            if wanted is not None and wanted not in known:
                raise _unknown_account(account or "", known)
            daily, starts, items_now, items_before = _published(
                s, period, previous, known, progress
            )
            post_ids = [i.post_id for i in items_now if i.post_id is not None]
            people = people_repo.people_in_posts(s, post_ids) if with_names else []
            blank = self._blanker(people_repo.registry_names(s), with_names)
            overridden = posts_repo.overridden_post_ids(s, post_ids)
            ideas = ideas_repo.status_counts(s)
            statuses = posts_repo.status_counts(s)
            expiring_in = next_month(period.end)
            expiring = len(people_repo.expiring_between(s, expiring_in.start, expiring_in.end))
            org = SettingsService(self._ctx).organisation()
            take_downs = _take_downs(s, today)
            approved = set(posts_repo.active_approvers(s, post_ids))
            recruiting = recruiting_repo.figures_between(s, previous.start, period.end)
        _step(progress, 2, 4)
        sections = _sections(wanted, known, items_now)
        names = _shown_names(people)
        reports = [
            dataclasses.replace(
                _account_report(
                    acc,
                    period,
                    previous,
                    daily.get(acc, []),
                    (starts.get((acc, period.start)), starts.get((acc, previous.start))),
                    [i for i in items_now if i.account == acc],
                    [i for i in items_before if i.account == acc],
                    names,
                    blank,
                    take_downs,
                ),
                recruiting=_recruiting_rows(recruiting, acc, period, previous),
            )
            for acc in sections
        ]
        open_blocked, blocked_next = self._open_blocked(today, expiring_in)
        in_period = [i for i in items_now if i.account in sections]
        pipeline = _pipeline(
            today,
            ideas,
            statuses,
            {i.post_id for i in in_period if i.post_id is not None},
            overridden,
            open_blocked,
            (expiring, expiring_in),
        )
        attention = _attention(
            in_period, blank, take_downs, approved, blocked_next, expiring, expiring_in
        )
        _step(progress, 3, 4)
        return ReportData(
            attention=attention,
            organisation=org.name,
            logo_path=org.logo_path,
            period=period,
            previous=previous,
            accounts=tuple(reports),
            pipeline=pipeline,
            with_names=with_names,
            created=today,
        )

    def _open_blocked(
        self, today: dt.date, next_period: Period
    ) -> tuple[int, list[tuple[dt.date | None, str, str]]]:
        """Posts not yet published whose gate is blocked (only open posts are evaluated),
        and those of them planned in ``next_period`` (day, title, blocking reason)."""
        definitions = Definitions(self._ctx)
        count = 0
        planned: list[tuple[dt.date | None, str, str]] = []
        with self._ctx.db.reader() as s:
            data = Clearance.load(s, posts_repo.open_post_ids(s))
            for post in data.posts:
                summary = data.summary(post, definitions, today, self._ctx.clock.today())[0]
                if summary.gate is not GateStatus.BLOCKED:
                    continue
                count += 1
                when = post.planned_at.date() if post.planned_at else None
                if when is not None and next_period.contains(when):
                    planned.append(
                        (
                            when,
                            post.title,
                            msg("Prüfung blockiert die Veröffentlichung", "Checklist blocks it"),
                        )
                    )
        planned.sort(key=lambda r: (r[0] or dt.date.max, r[1]))
        return count, planned

    @staticmethod
    def _blanker(
        people: Sequence[people_repo.PersonName], with_names: bool
    ) -> Callable[[str], str]:
        """A function that blanks the names a report may not show out of a free text."""
        hidden = [p.name for p in people if not with_names or _is_minor(p)]
        # the pattern has thousands of alternatives: build it only when a text has a name word
        words = {w.casefold() for name in hidden for w in re.findall(r"\w+", name)}
        pattern = functools.cache(lambda: name_pattern(hidden))

        def blank(text: str) -> str:
            if words.isdisjoint(w.casefold() for w in re.findall(r"\w+", text)):
                return text
            compiled = pattern()
            return text if compiled is None else compiled.sub(NAME_BLANK, text)

        return blank

    # ---------------------------------------------------------------- writing
    def write(
        self,
        data: ReportData,
        out: Path,
        *,
        pdf: Path | None = None,
    ) -> ReportFiles:
        """Write the workbook (and the PDF); each file appears complete or not at all.

        Both targets are checked first and both files are made under temporary names; the
        PDF is renamed into place first and the workbook last, so a refused PDF target, a
        failing PDF or a PDF that cannot replace the old one (open in another program) leaves
        no new workbook behind either.
        """
        from tikdesk.excel import report_workbook
        from tikdesk.storage.backup import remove_stale_temp_files

        protected = self._ctx.protected
        workbook, pdf_target = check_targets(out, pdf, protected)
        for folder in {workbook.parent, *([pdf_target.parent] if pdf_target else [])}:
            remove_stale_temp_files(folder)  # what a killed report left there
        # The stack closes last-in first-out: the PDF is renamed into place first, the
        # workbook only after it; a failing PDF rename discards the new workbook.
        with contextlib.ExitStack() as stack:
            book_tmp = stack.enter_context(
                report_workbook.output_file(workbook, ".xlsx", protected)
            )
            if pdf_target is not None:
                from tikdesk.pdf.report import render_report

                pdf_tmp = stack.enter_context(
                    report_workbook.output_file(pdf_target, ".pdf", protected)
                )
                render_report(data, pdf_tmp)
            report_workbook.write_report_file(book_tmp, data)
        return ReportFiles(workbook, pdf_target)

    def create(
        self,
        period: Period,
        out: Path,
        *,
        pdf: Path | None = None,
        account: str | None = None,
        with_names: bool = False,
        today: dt.date | None = None,
        progress: ProgressFn | None = None,
    ) -> ReportFiles:
        """Build and write in one go (CLI, and the GUI's background worker)."""
        # refuse a bad target before the long build
        check_targets(out, pdf, self._ctx.protected)
        data = self.build(
            period, account=account, with_names=with_names, today=today, progress=progress
        )
        files = self.write(data, out, pdf=pdf)
        _step(progress, 4, 4)
        return files


def check_targets(
    out: Path,
    pdf: Path | None,
    protected: Protected | None = None,
) -> tuple[Path, Path | None]:
    """The workbook and PDF file names, checked (extension, folder) before anything is
    written; raises InputRejected naming the first problem."""
    from tikdesk.excel import report_workbook

    workbook = report_workbook.report_target(Path(out), ".xlsx", protected)
    pdf_target = (
        None if pdf is None else report_workbook.report_target(Path(pdf), ".pdf", protected)
    )
    return workbook, pdf_target


def _step(progress: ProgressFn | None, done: int, total: int) -> None:
    if progress is not None and not progress(done, total):
        raise Cancelled(msg("Bericht abgebrochen; nichts geschrieben.", "Report cancelled."))


# ----------------------------------------------------------------------------- computing
def closest_snapshots(s: Session, day: dt.date) -> list[analytics_repo.VideoSnapshot]:
    """Per video the newest snapshot on or before ``day``, else the first one after it.

    TikTok's content export is a snapshot of the download day; a September report made in
    October would otherwise have no per-post numbers at all.
    """
    chosen = {v.video_link: v for v in analytics_repo.latest_videos(s, as_of=day)}
    for snap in analytics_repo.first_snapshots_after(s, day):
        chosen.setdefault(snap.video_link, snap)
    return list(chosen.values())


def _published(
    s: Session,
    period: Period,
    previous: Period,
    known: Sequence[str],
    progress: ProgressFn | None,
) -> tuple[dict[str, list[_Day]], dict[tuple[str, dt.date], int | None], list[_Item], list[_Item]]:
    """Per account its days, its follower totals before each period, and the videos
    published in the period and in the one before."""
    both = Period(previous.start, period.end)
    daily: dict[str, list[_Day]] = defaultdict(list)
    for row in analytics_repo.daily_rows(s, None, both.start, both.end, DAILY_FIELDS):
        daily[normalize_account(str(row[0]))].append(_Day(*row[1:]))
    posts = posts_repo.posts_with_video_or_date(s)
    videos_now = closest_snapshots(s, period.end)
    videos_before = closest_snapshots(s, previous.end)
    starts = {
        (a, p.start): analytics_repo.followers_before(s, raw, p.start)
        for raw in analytics_repo.accounts(s)
        for a in [normalize_account(raw)]
        for p in (period, previous)
    }
    _step(progress, 1, 4)
    single = known[0] if len(known) == 1 else None
    items_now = [_with_account(i, single) for i in _items(posts, videos_now, period)]
    items_before = [_with_account(i, single) for i in _items(posts, videos_before, previous)]
    return daily, starts, items_now, items_before


def _pipeline(
    today: dt.date,
    ideas: dict[str, int],
    statuses: dict[str, int],
    in_report: set[int],
    overridden: set[int],
    open_blocked: int,
    expiring: tuple[int, Period],
) -> Pipeline:
    """The editorial pipeline as counts."""
    return Pipeline(
        as_of=today,
        ideas_by_status=tuple((st.label, ideas.get(st.value, 0)) for st in IdeaStatus),
        posts_by_status=tuple((st.label, statuses.get(st.value, 0)) for st in PostStatus),
        published_clear=len(in_report - overridden),
        published_overridden=len(in_report & overridden),
        open_blocked=open_blocked,
        expiring_consents=expiring[0],
        expiring_in=expiring[1],
    )


def _sections(wanted: str | None, known: Sequence[str], items: Sequence[_Item]) -> list[str]:
    """The accounts the report has a part for: the one asked for, else every known one
    (and the posts without an account, if any)."""
    if wanted is not None:
        return [wanted]
    sections = list(known) or [""]
    if "" not in sections and any(i.account == "" for i in items):
        sections.append("")
    return sections


def _shown_names(people: Sequence[people_repo.PersonName]) -> dict[int, list[str]]:
    """Per post the names a report with names may show (never those of minors)."""
    names: dict[int, list[str]] = defaultdict(list)
    for person in people:
        if not _is_minor(person) and person.post_id is not None:
            names[person.post_id].append(" ".join(person.name.split()))
    return names


def _unknown_account(account: str, known: Sequence[str]) -> InputRejected:
    listed = ", ".join(known) or msg("keine", "none")
    return InputRejected(
        msg(
            f"Das Konto „{account}“ ist nicht bekannt. Bekannte Konten: {listed}.",
            f"The account '{account}' is not known. Known accounts: {listed}.",
        )
    )


def _attention(
    in_period: Sequence[_Item],
    blank: Callable[[str], str],
    take_downs: dict[int, str],
    approved: set[int],
    blocked_next: Sequence[tuple[dt.date | None, str, str]],
    expiring: int,
    expiring_in: Period,
) -> Attention:
    """What the report's first page asks management to look at."""
    return Attention(
        take_downs=tuple(
            AttentionItem(i.published, blank(i.title), take_downs[i.post_id])
            for i in in_period
            if i.post_id in take_downs
        ),
        without_approval=tuple(
            AttentionItem(i.published, blank(i.title), _no_approval_reason())
            for i in in_period
            if i.post_id is not None and i.post_id not in approved
        ),
        blocked_next_month=tuple(
            AttentionItem(day, blank(title), reason) for day, title, reason in blocked_next
        ),
        consents_ending=expiring,
        next_month=expiring_in,
        videos_without_post=sum(1 for i in in_period if i.post_id is None),
    )


def _items(
    posts: Sequence[posts_repo.PostFacts],
    videos: Sequence[analytics_repo.VideoSnapshot],
    period: Period,
) -> list[_Item]:
    """Posts published in ``period`` with their newest snapshot; plus videos without a post."""
    by_post = {v.post_id: v for v in videos if v.post_id is not None}
    by_link = {_link_key(v.video_link): v for v in videos}
    post_links = {_link_key(p.video_link) for p in posts if p.video_link.strip()}
    post_ids = {p.id for p in posts}
    items: list[_Item] = []
    fmt_label = functools.cache(format_label)  # parsing aliases: once per key, not per post
    aud_label = functools.cache(audience_label)
    for post in posts:
        if post.published_at is None or not period.contains(post.published_at.date()):
            continue
        video = by_post.get(post.id)
        if video is None and post.video_link.strip():
            video = by_link.get(_link_key(post.video_link))
        account = post.account or (video.account if video else "")
        items.append(
            _Item(
                normalize_account(account),
                post.id,
                post.published_at.date(),
                post.title,
                fmt_label(post.format),
                aud_label(post.audience),
                video,
            )
        )
    for video in videos:
        if video.posted_at is None or not period.contains(video.posted_at.date()):
            continue
        if video.post_id in post_ids or _link_key(video.video_link) in post_links:
            continue
        unassigned = texts().unassigned
        items.append(
            _Item(
                normalize_account(video.account),
                None,
                video.posted_at.date(),
                video.title,
                unassigned,
                unassigned,
                video,
            )
        )
    items.sort(key=lambda i: (i.published, i.title))
    return items


def _with_account(item: _Item, single: str | None) -> _Item:
    """With one account in the database, posts without an account belong to it."""
    if item.account or single is None:
        return item
    return dataclasses.replace(item, account=single)


def _rows(
    items: Sequence[_Item],
    names: dict[int, list[str]],
    blank: Callable[[str], str],
    take_downs: dict[int, str] | None = None,
) -> list[PostRow]:
    rows = []
    for item in items:
        v = item.video
        views, likes, comments, shares = (
            (v.views, v.likes, v.comments, v.shares) if v else (None, None, None, None)
        )
        rows.append(
            PostRow(
                published=item.published,
                title=blank(item.title),
                format=item.format,
                audience=item.audience,
                views=views,
                likes=likes,
                comments=comments,
                shares=shares,
                rate=engagement_rate(likes, comments, shares, views),
                people=tuple(names.get(item.post_id, [])) if item.post_id is not None else (),
                take_down=(take_downs or {}).get(item.post_id or -1, ""),
                approximate=bool(v and v.approximate),
            )
        )
    ranked = sorted(
        (i for i, r in enumerate(rows) if r.views is not None),
        key=lambda i: (-(rows[i].views or 0), rows[i].published),
    )
    for rank, index in enumerate(ranked, start=1):
        rows[index] = dataclasses.replace(rows[index], rank=rank)
    return rows


def _groups(
    rows: Sequence[PostRow], key: Callable[[PostRow], str], order: Sequence[str]
) -> tuple[GroupRow, ...]:
    groups: dict[str, list[PostRow]] = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    rank = {label: i for i, label in enumerate(order)}
    result = []
    for label in sorted(groups, key=lambda g: (rank.get(g, len(rank)), g)):
        members = groups[label]
        result.append(
            GroupRow(
                label,
                len(members),
                spread(r.views for r in members).median,
                spread(r.rate for r in members).median,
            )
        )
    return tuple(result)


def _kpis(
    daily: Sequence[_Day], start_followers: int | None, rows: Sequence[PostRow]
) -> dict[str, float | None]:
    followers = [d.followers for d in daily if d.followers is not None]
    end = followers[-1] if followers else None
    start = (
        start_followers if start_followers is not None else (followers[0] if followers else None)
    )
    views = _sum(d.views for d in daily)
    likes = _sum(d.likes for d in daily)
    comments = _sum(d.comments for d in daily)
    shares = _sum(d.shares for d in daily)
    growth = None if start is None or end is None else end - start
    return {
        "followers_start": start,
        "followers_end": end,
        "growth": growth,
        "growth_rate": None if growth is None or not start else growth / start,
        "views": views,
        "likes": likes,
        "comments": comments,
        "shares": shares,
        "engagement": engagement_rate(likes, comments, shares, views),
        "posts": len(rows),
        "median_views": spread(r.views for r in rows).median,
    }


def _weekly(daily: Sequence[_Day], period: Period | None = None) -> tuple[WeekPoint, ...]:
    """Video views per ISO week (grouped by ``isocalendar()``, never by formatted text);
    a week cut by the period's start or end is marked with its days inside."""
    weeks: dict[tuple[int, int], list[_Day]] = {}
    for day in daily:
        iso = day.day.isocalendar()
        weeks.setdefault((iso.year, iso.week), []).append(day)
    out = []
    for (year, week), days in weeks.items():
        monday = dt.date.fromisocalendar(year, week, 1)
        inside = 7
        if period is not None:
            first = max(monday, period.start)
            last = min(monday + dt.timedelta(days=6), period.end)
            inside = (last - first).days + 1
        out.append(WeekPoint(year, week, days[0].day, _sum(d.views for d in days), inside))
    return tuple(out)


def _account_report(
    account: str,
    period: Period,
    previous: Period,
    daily: Sequence[_Day],
    start_followers: tuple[int | None, int | None],
    items_now: Sequence[_Item],
    items_before: Sequence[_Item],
    names: dict[int, list[str]],
    blank: Callable[[str], str],
    take_downs: dict[int, str] | None = None,
) -> AccountReport:
    now_daily = [d for d in daily if period.contains(d.day)]
    before_daily = [d for d in daily if previous.contains(d.day)]
    rows = _rows(items_now, names, blank, take_downs)
    before_rows = _rows(items_before, {}, blank)
    current = _kpis(now_daily, start_followers[0], rows)
    earlier = _kpis(before_daily, start_followers[1], before_rows)
    basis = (
        sum(1 for r in rows if r.views is not None),
        sum(1 for r in before_rows if r.views is not None),
    )
    kpis = tuple(
        Kpi(
            key,
            kpi_label(key),
            current[key],
            earlier[key],
            KpiKind.RATE if key in ("engagement", "growth_rate") else KpiKind.COUNT,
            basis=basis if key == "median_views" else None,
            relative=key not in ("growth", "growth_rate"),
        )
        for key in KPI_KEYS
    )
    unassigned = texts().unassigned
    formats = [f.label for f in IdeaFormat] + [unassigned]
    audiences = [a.label for a in Audience] + [unassigned]
    return AccountReport(
        account=account,
        kpis=kpis,
        posts=tuple(rows),
        by_format=_groups(rows, lambda r: r.format, formats),
        by_audience=_groups(rows, lambda r: r.audience, audiences),
        followers=tuple((d.day, d.followers) for d in now_daily if d.followers is not None),
        weekly_views=_weekly(now_daily, period),
    )


def _no_approval_reason() -> str:
    return msg(
        "keine gültige Vier-Augen-Freigabe in TikDesk: die Prüfung ist nicht dokumentiert",
        "no valid four-eyes approval in TikDesk: the clearance is not documented",
    )


def _take_downs(s: Session, today: dt.date) -> dict[int, str]:
    """Published posts that must come down → the reason category (never a name)."""
    data = Clearance.load(s, posts_repo.take_down_candidates(s), checklist=False)
    found: dict[int, str] = {}
    for item in data.take_downs(today):
        erased = withdrawn = False
        for link in data.appearances.get(item.id, ()):
            person = data.persons.get(link.person_id) if link.person_id is not None else None
            if person is None or person.erased_at is not None:
                erased = True
            elif any(c.withdrawn_on is not None for c in data.consents.get(person.id, ())):
                withdrawn = True
        reasons = []
        if withdrawn:
            reasons.append(msg("Widerruf einer Einwilligung", "a consent was withdrawn"))
        if erased:
            reasons.append(msg("Löschung einer Person", "a person was erased"))
        found[item.id] = ", ".join(reasons) or msg("Einwilligung fehlt", "consent missing")
    return found


def _recruiting_rows(
    figures: Sequence[recruiting_repo.Figure], account: str, period: Period, previous: Period
) -> tuple[RecruitingRow, ...]:
    mine = [f for f in figures if normalize_account(f.account) == account]
    if not mine:
        return ()

    def total(p: Period, attr: str) -> int | None:
        return _sum(getattr(f, attr) for f in mine if p.contains(f.month))

    return (
        RecruitingRow(
            msg("Bewerbungen über TikTok", "Applications via TikTok"),
            total(period, "applications"),
            total(previous, "applications"),
        ),
        RecruitingRow(
            msg("Klicks auf den Karriere-Link", "Clicks on the careers link"),
            total(period, "career_link_clicks"),
            total(previous, "career_link_clicks"),
        ),
    )
