"""The management report as plain data: periods, KPIs, post rows, groups, pipeline counts.

The service fills a :class:`ReportData`; two writers render it — the Excel workbook
(``tikdesk.excel.report_workbook``) and the PDF (``tikdesk.pdf.report``, Typst).  Both take
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

from tikdesk.domain.fmt import fmt_date, fmt_pct, month_long
from tikdesk.domain.i18n import language, msg


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"


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
            return f"{month_long(self.start.month)} {self.start.year}"
        if kind is PeriodKind.QUARTER:
            quarter = (self.start.month - 1) // 3 + 1
            return msg(f"{quarter}. Quartal {self.start.year}", f"Q{quarter} {self.start.year}")
        if kind is PeriodKind.YEAR:
            return str(self.start.year)
        return f"{fmt_date(self.start)} – {fmt_date(self.end)}"

    @property
    def span(self) -> str:
        return f"{fmt_date(self.start)} – {fmt_date(self.end)}"


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


#: A median or mean over fewer posts than this gets no percentage change (issue 20): with 3
#: posts one viral video turns the median into "+534 %"; the counts are shown instead.
MIN_POSTS_FOR_CHANGE = 5


@dataclass(frozen=True)
class Kpi:
    key: str
    label: str
    current: float | None
    previous: float | None
    kind: KpiKind = KpiKind.COUNT
    #: posts behind a median/mean (now, before); None for sums and totals
    basis: tuple[int, int] | None = None
    #: False where a relative change means nothing (the change of a growth)
    relative: bool = True

    @property
    def too_few_posts(self) -> bool:
        return self.basis is not None and min(self.basis) < MIN_POSTS_FOR_CHANGE

    @property
    def basis_note(self) -> str:
        """ "n = 3 / 1 Beiträge" where too few posts stand behind a median."""
        if self.basis is None:
            return ""
        now, before = self.basis
        return msg(f"n = {now} / {before} Beiträge", f"n = {now} / {before} posts")

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
        if not self.relative or self.too_few_posts:
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
    take_down: str = ""  # reason category when the published video must come down
    approximate: bool = False  # a number came from an abbreviated count ("1.2K")

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
    days: int = 7  # days of the week inside the period

    @property
    def partial(self) -> bool:
        return self.days < 7

    @property
    def label(self) -> str:
        if self.partial:
            return msg(f"KW {self.week} ({self.days} T.)", f"W{self.week} ({self.days} d)")
        return msg(f"KW {self.week}", f"W{self.week}")


@dataclass(frozen=True)
class RecruitingRow:
    """Recruiting figures of one account: the period and the comparison period (sums)."""

    label: str
    current: int | None
    previous: int | None


@dataclass(frozen=True)
class AttentionItem:
    """A post in *Handlungsbedarf*: date, title (names blanked) and what it is about."""

    day: dt.date | None
    title: str
    reason: str


@dataclass(frozen=True)
class Attention:
    """What management must act on — never names of people."""

    take_downs: tuple[AttentionItem, ...] = ()
    without_approval: tuple[AttentionItem, ...] = ()
    blocked_next_month: tuple[AttentionItem, ...] = ()
    consents_ending: int = 0
    next_month: Period | None = None
    videos_without_post: int = 0  # published videos no post in TikDesk is linked to


@dataclass(frozen=True)
class AccountReport:
    account: str  # handle; "" for posts without an account
    kpis: tuple[Kpi, ...]
    posts: tuple[PostRow, ...]
    by_format: tuple[GroupRow, ...]
    by_audience: tuple[GroupRow, ...]
    followers: tuple[tuple[dt.date, int], ...]  # daily totals in the period
    weekly_views: tuple[WeekPoint, ...]
    recruiting: tuple[RecruitingRow, ...] = ()

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
    created: dt.date  # the day it was made (the service's clock)
    with_names: bool = False
    attention: Attention = field(default_factory=Attention)

    @property
    def title(self) -> str:
        return msg("TikTok-Bericht", "TikTok report") + f" {self.period.label}"


#: KPI keys in display order.
KPI_KEYS = (
    "followers_start", "followers_end", "growth", "growth_rate", "views", "likes", "comments",
    "shares", "engagement", "posts", "median_views",
)  # fmt: skip


def kpi_label(key: str) -> str:
    return {
        "followers_start": msg("Follower zu Beginn", "Followers at start"),
        "followers_end": msg("Follower am Ende", "Followers at end"),
        "growth": msg("Follower-Wachstum", "Follower growth"),
        "growth_rate": msg("Follower-Wachstum in %", "Follower growth in %"),
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
            "Datenschutz: Dieser Bericht nennt keine abgebildeten Personen; "
            "ihre Namen sind auch in Titeln ausgeblendet.",
            "Privacy: this report names none of the people shown; their names are "
            "blanked out of titles too.",
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


# ----------------------------------------------------------------------------- plain words
def _de_int(value: float) -> str:
    return f"{round(value):,}".replace(",", "." if language() == "de" else ",")


def _sum_kpi(data: ReportData, key: str, which: str = "current") -> float | None:
    values = [getattr(a.kpi(key), which) for a in data.accounts]
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def summary_sentences(data: ReportData) -> list[str]:
    """Three to five plain sentences for page 1, computed from the figures only."""
    who = data.organisation.strip() or msg("das Team", "the team")
    period = data.period.label
    rows = [r for a in data.accounts for r in a.posts]
    posts = len(rows)
    out: list[str] = []
    if language() == "de":
        unit = "Video" if posts == 1 else "Videos"
        out.append(f"Im Zeitraum {period} hat {who} {posts} {unit} veröffentlicht.")
    else:
        unit = "video" if posts == 1 else "videos"
        out.append(f"In {period}, {who} published {posts} {unit}.")
    views = _sum_kpi(data, "views")
    before = _sum_kpi(data, "views", "previous")
    if views is not None:
        sentence = msg(
            f"Zusammen {_de_int(views)} Videoaufrufe",
            f"Together {_de_int(views)} video views",
        )
        if before:
            change = (views - before) / before
            pct = fmt_pct(abs(change), 0)
            more = change >= 0
            sentence += msg(
                f", {pct} {'mehr' if more else 'weniger'} als im Vorzeitraum "
                f"({data.previous.label})",
                f", {pct} {'more' if more else 'fewer'} than in the previous period "
                f"({data.previous.label})",
            )
        out.append(sentence + ".")
    growth = _sum_kpi(data, "growth")
    end = _sum_kpi(data, "followers_end")
    if growth is not None and end is not None:
        sign = "+" if growth > 0 else ""
        out.append(
            msg(
                f"Die Follower-Zahl lag am Ende bei {_de_int(end)} ({sign}{_de_int(growth)}).",
                f"Followers ended at {_de_int(end)} ({sign}{_de_int(growth)}).",
            )
        )
    ranked = [r for r in rows if r.views is not None]
    if ranked:
        best = max(ranked, key=lambda r: (r.views or 0, -r.published.toordinal()))
        sentence = msg(
            f"Das erfolgreichste Video: „{best.title}“ ({_de_int(best.views or 0)} Aufrufe)",
            f"The most successful video: '{best.title}' ({_de_int(best.views or 0)} views)",
        )
        if best.take_down:
            sentence += msg(
                f" – es muss offline genommen werden ({best.take_down}).",
                f" – it must be taken down ({best.take_down}).",
            )
        else:
            sentence += "."
        out.append(sentence)
    a = data.attention
    if a.take_downs or a.without_approval:
        out.append(
            msg(
                f"Handlungsbedarf: {len(a.take_downs)} Video(s) entfernen, "
                f"{len(a.without_approval)} ohne vollständige Freigabe veröffentlicht.",
                f"Action needed: take down {len(a.take_downs)} video(s); "
                f"{len(a.without_approval)} published without complete approval.",
            )
        )
    return out[:5]


def glossary() -> list[tuple[str, str]]:
    """One line per KPI: what it means."""
    return [
        (kpi_label("followers_start"), msg(
            "Follower am Vortag des Zeitraums (sonst am ersten Tag mit Daten).",
            "Followers on the day before the period (else the first day with data).")),
        (kpi_label("followers_end"), msg(
            "Follower am letzten Tag des Zeitraums mit Daten.",
            "Followers on the last day of the period with data.")),
        (kpi_label("growth"), msg(
            "Follower am Ende minus Follower zu Beginn (absolut).",
            "Followers at end minus followers at start (absolute).")),
        (kpi_label("growth_rate"), msg(
            "Follower-Wachstum geteilt durch die Follower zu Beginn.",
            "Follower growth divided by the followers at start.")),
        (kpi_label("views"), msg(
            "Summe der täglichen Videoaufrufe aller Videos des Kontos im Zeitraum.",
            "Sum of the daily video views of all the account's videos in the period.")),
        (kpi_label("engagement"), msg(
            "(Likes + Kommentare + Geteilt) / Videoaufrufe.",
            "(Likes + comments + shares) / video views.")),
        (kpi_label("posts"), msg(
            "Im Zeitraum veröffentlichte Videos.", "Videos published in the period.")),
        (kpi_label("median_views"), msg(
            "Typischer Wert: die Hälfte der Videos hatte mehr, die Hälfte weniger Aufrufe. "
            f"Unter {MIN_POSTS_FOR_CHANGE} Videos keine Veränderung in %.",
            "Typical value: half the videos had more views, half fewer. "
            f"Below {MIN_POSTS_FOR_CHANGE} videos no change in %.")),
        (msg("KW 44 (3 T.)", "W44 (3 d)"), msg(
            "Angeschnittene Kalenderwoche: nur 3 ihrer Tage liegen im Zeitraum.",
            "Partial week: only 3 of its days lie in the period.")),
        (msg("≈", "≈"), msg(
            "Gerundete Angabe aus TikTok (z. B. 1,2K); nicht in Summen enthalten.",
            "Rounded figure from TikTok (e.g. 1.2K); left out of sums.")),
    ]  # fmt: skip
