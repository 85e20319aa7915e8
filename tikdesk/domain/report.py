"""The management report as plain data: periods, KPIs, post rows, groups, pipeline counts.

The service fills a :class:`ReportData`; two writers render it — the Excel workbook
(``tikdesk.excel.report_workbook``) and the PDF (``tikdesk.ui.report.pdf``, Qt).  Both take
their texts from :func:`texts` so the two files say the same thing in the same words.

Periods: a month, quarter, year or any custom range of days.  The comparison period is the
calendar unit right before when the period is exactly one month, quarter or year (September
is compared with August — what a head of office calls "Vormonat"), otherwise the same number
of days right before the start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from tikdesk.domain.i18n import language, msg

MONTHS_DE = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"


def fmt_day(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y") if language() == "de" else day.isoformat()


def month_name(month: int) -> str:
    return (MONTHS_DE if language() == "de" else MONTHS_EN)[month - 1]


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


@dataclass(frozen=True)
class Period:
    """An inclusive range of days."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("period ends before it starts")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def kind(self) -> PeriodKind:
        s, e = self.start, self.end
        if s.day != 1 or e != _month_end(e.year, e.month):
            return PeriodKind.CUSTOM
        months = (e.year - s.year) * 12 + e.month - s.month + 1
        if months == 1:
            return PeriodKind.MONTH
        if months == 3 and s.month in (1, 4, 7, 10):
            return PeriodKind.QUARTER
        if months == 12 and s.month == 1:
            return PeriodKind.YEAR
        return PeriodKind.CUSTOM

    def previous(self) -> Period:
        """The comparison period (see module docstring)."""
        months = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}.get(self.kind)
        if months is None:
            end = self.start - dt.timedelta(days=1)
            return Period(end - dt.timedelta(days=self.days - 1), end)
        year, month = _add_months(self.start.year, self.start.month, -months)
        return Period(dt.date(year, month, 1), self.start - dt.timedelta(days=1))

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        """ "September 2026", "3. Quartal 2026", "2026" or "01.09.2026 – 15.09.2026"."""
        kind = self.kind
        if kind is PeriodKind.MONTH:
            return f"{month_name(self.start.month)} {self.start.year}"
        if kind is PeriodKind.QUARTER:
            quarter = (self.start.month - 1) // 3 + 1
            return msg(f"{quarter}. Quartal {self.start.year}", f"Q{quarter} {self.start.year}")
        if kind is PeriodKind.YEAR:
            return str(self.start.year)
        return f"{fmt_day(self.start)} – {fmt_day(self.end)}"

    @property
    def span(self) -> str:
        return f"{fmt_day(self.start)} – {fmt_day(self.end)}"


def period_of(kind: PeriodKind, day: dt.date) -> Period:
    """The month, quarter or year that contains ``day`` (custom: just that day)."""
    if kind is PeriodKind.MONTH:
        return Period(day.replace(day=1), _month_end(day.year, day.month))
    if kind is PeriodKind.QUARTER:
        first = (day.month - 1) // 3 * 3 + 1
        return Period(dt.date(day.year, first, 1), _month_end(day.year, first + 2))
    if kind is PeriodKind.YEAR:
        return Period(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
    return Period(day, day)


def last_complete(kind: PeriodKind, today: dt.date) -> Period:
    """The newest month/quarter/year that has fully ended before ``today``."""
    current = period_of(kind, today)
    return period_of(kind, current.start - dt.timedelta(days=1))


def next_month(day: dt.date) -> Period:
    """The calendar month after the one that contains ``day``."""
    year, month = _add_months(day.year, day.month, 1)
    return period_of(PeriodKind.MONTH, dt.date(year, month, 1))


# ----------------------------------------------------------------------------- read model
class KpiKind(StrEnum):
    COUNT = "count"  # whole numbers: followers, views, posts
    RATE = "rate"  # a fraction shown as percent: engagement rate


@dataclass(frozen=True)
class Kpi:
    key: str
    label: str
    current: float | None
    previous: float | None
    kind: KpiKind = KpiKind.COUNT

    @property
    def change(self) -> float | None:
        """Absolute change; for a rate a difference of fractions (0.004 = 0.4 points)."""
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous

    @property
    def change_pct(self) -> float | None:
        """Relative change as a fraction (0.12 = +12 %); None without a base."""
        if self.current is None or self.previous is None or self.previous == 0:
            return None
        return (self.current - self.previous) / abs(self.previous)


@dataclass(frozen=True)
class PostRow:
    published: dt.date
    title: str
    format: str  # label
    audience: str  # label
    views: int | None
    likes: int | None
    comments: int | None
    shares: int | None
    rate: float | None
    rank: int | None = None  # 1 = most views; None without views
    people: tuple[str, ...] = ()  # only with names; never minors

    @property
    def top(self) -> bool:
        return self.rank is not None and self.rank <= TOP_N


TOP_N = 10


@dataclass(frozen=True)
class GroupRow:
    label: str
    posts: int
    median_views: float | None
    median_rate: float | None


@dataclass(frozen=True)
class WeekPoint:
    year: int
    week: int
    start: dt.date  # first day of the week inside the period
    views: int | None

    @property
    def label(self) -> str:
        return msg(f"KW {self.week}", f"W{self.week}")


@dataclass(frozen=True)
class AccountReport:
    account: str  # handle; "" for posts without an account
    kpis: tuple[Kpi, ...]
    posts: tuple[PostRow, ...]
    by_format: tuple[GroupRow, ...]
    by_audience: tuple[GroupRow, ...]
    followers: tuple[tuple[dt.date, int], ...]  # daily totals in the period
    weekly_views: tuple[WeekPoint, ...]

    def kpi(self, key: str) -> Kpi:
        return next(k for k in self.kpis if k.key == key)

    @property
    def title(self) -> str:
        return f"@{self.account}" if self.account else msg("Ohne Konto", "No account")


@dataclass(frozen=True)
class Pipeline:
    """The editorial pipeline — counts only, never names."""

    as_of: dt.date
    ideas_by_status: tuple[tuple[str, int], ...]
    posts_by_status: tuple[tuple[str, int], ...]
    published_clear: int  # published in the period, every checklist item passed
    published_overridden: int  # published in the period with at least one WARN override
    open_blocked: int  # posts not yet published whose gate is blocked
    expiring_consents: int
    expiring_in: Period


@dataclass(frozen=True)
class ReportData:
    organisation: str
    logo_path: str
    period: Period
    previous: Period
    accounts: tuple[AccountReport, ...]
    pipeline: Pipeline
    with_names: bool = False
    created: dt.date = field(default_factory=dt.date.today)

    @property
    def title(self) -> str:
        return msg("TikTok-Bericht", "TikTok report") + f" {self.period.label}"


#: KPI keys in display order.
KPI_KEYS = (
    "followers_start", "followers_end", "growth", "views", "likes", "comments", "shares",
    "engagement", "posts", "median_views",
)  # fmt: skip


def kpi_label(key: str) -> str:
    return {
        "followers_start": msg("Follower zu Beginn", "Followers at start"),
        "followers_end": msg("Follower am Ende", "Followers at end"),
        "growth": msg("Follower-Wachstum", "Follower growth"),
        "views": msg("Videoaufrufe", "Video views"),
        "likes": msg("Likes", "Likes"),
        "comments": msg("Kommentare", "Comments"),
        "shares": msg("Geteilt", "Shares"),
        "engagement": msg("Interaktionsrate", "Engagement rate"),
        "posts": msg("Veröffentlichte Beiträge", "Posts published"),
        "median_views": msg("Aufrufe je Beitrag (Median)", "Views per post (median)"),
    }[key]


#: The workbook's sheet names: a contract (issue 6) that scripts and management rely on, so
#: they are the same in every UI language.  The headings on the sheets follow the language.
SHEET_OVERVIEW = "Überblick"
SHEET_POSTS = "Beiträge"
SHEET_FORMATS = "Formate"
SHEET_PIPELINE = "Redaktion"
SHEET_DATA = "Diagrammdaten"  # hidden: the charts' numbers
SHEETS = (SHEET_OVERVIEW, SHEET_POSTS, SHEET_FORMATS, SHEET_PIPELINE)


@dataclass(frozen=True)
class Texts:
    """Every fixed text of the report, in the current language (Excel and PDF alike).

    ``sheet_*`` are the headings of the sheets/PDF pages; the sheet *names* are ``SHEETS``.
    """

    sheet_overview: str
    sheet_posts: str
    sheet_formats: str
    sheet_pipeline: str
    sheet_data: str
    period: str
    previous: str
    created: str
    kpi: str
    change: str
    change_pct: str
    no_data: str
    date: str
    title: str
    format: str
    audience: str
    views: str
    likes: str
    comments: str
    shares: str
    rate: str
    rank: str
    top: str
    people: str
    top_note: str
    posts: str
    median_views: str
    median_rate: str
    by_format: str
    by_audience: str
    chart_followers: str
    chart_weekly: str
    chart_engagement: str
    followers: str
    week: str
    personal_data: str
    no_names: str
    rate_note: str
    followers_note: str
    page: str
    ideas_by_status: str
    posts_by_status: str
    status: str
    count: str
    clearance: str
    published_clear: str
    published_overridden: str
    open_blocked: str
    expiring: str
    as_of: str
    attention: str
    account: str
    no_posts: str
    unassigned: str


def texts() -> Texts:
    return Texts(
        sheet_overview=msg("Überblick", "Overview"),
        sheet_posts=msg("Beiträge", "Posts"),
        sheet_formats=msg("Formate", "Formats"),
        sheet_pipeline=msg("Redaktion", "Pipeline"),
        sheet_data=msg("Diagrammdaten", "Chart data"),
        period=msg("Zeitraum", "Period"),
        previous=msg("Vorzeitraum", "Previous period"),
        created=msg("Erstellt am", "Created on"),
        kpi=msg("Kennzahl", "Indicator"),
        change=msg("Veränderung", "Change"),
        change_pct=msg("Veränderung in %", "Change in %"),
        no_data=msg("keine Daten", "no data"),
        date=msg("Datum", "Date"),
        title=msg("Titel", "Title"),
        format=msg("Format", "Format"),
        audience=msg("Zielgruppe", "Audience"),
        views=msg("Aufrufe", "Views"),
        likes=msg("Likes", "Likes"),
        comments=msg("Kommentare", "Comments"),
        shares=msg("Geteilt", "Shares"),
        rate=msg("Interaktionsrate", "Engagement rate"),
        rank=msg("Rang", "Rank"),
        top=msg("Top 10", "Top 10"),
        people=msg("Mitwirkende", "People shown"),
        top_note=msg(
            "Rang nach Aufrufen; die zehn Beiträge mit den meisten Aufrufen sind markiert.",
            "Rank by views; the ten posts with the most views are marked.",
        ),
        posts=msg("Beiträge", "Posts"),
        median_views=msg("Aufrufe (Median)", "Views (median)"),
        median_rate=msg("Interaktionsrate (Median)", "Engagement rate (median)"),
        by_format=msg("Nach Format", "By format"),
        by_audience=msg("Nach Zielgruppe", "By audience"),
        chart_followers=msg("Follower im Zeitraum", "Followers over the period"),
        chart_weekly=msg("Videoaufrufe je Kalenderwoche", "Video views per week"),
        chart_engagement=msg(
            "Interaktionsrate nach Format (Median)", "Engagement rate by format (median)"
        ),
        followers=msg("Follower", "Followers"),
        week=msg("Kalenderwoche", "Week"),
        personal_data=msg(
            "Enthält personenbezogene Daten (Namen der Mitwirkenden, ohne Minderjährige) – "
            "nur für den dienstlichen Gebrauch, nicht weitergeben.",
            "Contains personal data (names of people shown, never minors) – for internal "
            "use only, do not pass on.",
        ),
        no_names=msg(
            "Ohne Namen von Personen.",
            "Without names of people.",
        ),
        rate_note=msg(
            "Interaktionsrate = (Likes + Kommentare + Geteilt) / Videoaufrufe.",
            "Engagement rate = (likes + comments + shares) / video views.",
        ),
        followers_note=msg(
            "Follower zu Beginn: Stand am Vortag des Zeitraums (sonst der erste Tag mit Daten).",
            "Followers at start: total on the day before the period (else the first day "
            "with data).",
        ),
        page=msg("Seite", "Page"),
        ideas_by_status=msg("Ideen nach Status", "Ideas by status"),
        posts_by_status=msg("Beiträge nach Status", "Posts by status"),
        status=msg("Status", "Status"),
        count=msg("Anzahl", "Count"),
        clearance=msg("Freigabe der veröffentlichten Beiträge", "Clearance of published posts"),
        published_clear=msg(
            "Veröffentlicht mit vollständiger Freigabe", "Published with complete clearance"
        ),
        published_overridden=msg(
            "Veröffentlicht mit übersteuerten Warnungen", "Published with overridden warnings"
        ),
        open_blocked=msg(
            "Offene Beiträge mit blockierender Prüfung", "Open posts blocked by the checklist"
        ),
        expiring=msg("Einwilligungen, die ablaufen im", "Consents expiring in"),
        as_of=msg("Stand", "As of"),
        attention=msg("Handlungsbedarf", "Needs attention"),
        account=msg("Konto", "Account"),
        no_posts=msg(
            "Im Zeitraum wurden keine Beiträge veröffentlicht.",
            "No posts were published in the period.",
        ),
        unassigned=msg("(nicht zugeordnet)", "(not linked)"),
    )
