"""TikTok analytics exports → plain records (see docs/tiktok-export.md).

Accepts what TikTok delivers: the ZIP per section (``Overview_<date>_<epoch>_<handle>.zip``,
``Content_<handle>.zip`` …), a folder (of ZIPs or of extracted files), single CSV/XLSX files,
several at once.  Each table is recognised by its header set through an alias table (English
and German headers, never by position); the name stem only labels it.

What comes out is plain data for the service layer: per table the recognised and ignored
columns, the records (account days, video snapshots, audience distributions) and every problem
by row.  Missing values (``undefined``, ``NaN``, empty) stay ``None``; negative numbers are
kept; distributions are fractions.

Year-less dates (``August 1``) get their year from an anchor (:mod:`tikdesk.domain.dates`):
the window start in the ZIP name, else the ZIP entry's timestamp, else one the caller passes
in (the GUI asks the user).  A table without any of these says so in ``needs_year`` and has
no records; the service refuses it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.domain.dates import (
    AnchorKind,
    MonthDay,
    YearAnchor,
    YearInferenceError,
    infer_years,
    latest_on_or_before,
    parse_month_day,
    window_start_from_name,
)
from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.excel import reading, tiktok_files
from tikdesk.excel import values as cells

# ----------------------------------------------------------------------------- alias table
#: field → header words (English creator/business, German business, a few common variants).
#: Matching is case-, space- and punctuation-insensitive (:func:`reading.normalise_header`).
ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("Date", "Datum", "Day", "Tag", "Time", "Zeit", "Stichtag", "日期"),
    "video_views": (
        "Video Views",
        "Videoaufrufe",
        "Video-Aufrufe",
        "Videoansichten",
        "Views",
        "Aufrufe",
        "Total views",
        "Total video views",
        "Plays",
        "Wiedergaben",
        "Aufrufe gesamt",
        "Videoaufrufe gesamt",
        "Gesamtaufrufe",
    ),
    "profile_views": ("Profile Views", "Profilaufrufe", "Profil-Aufrufe", "Profilansichten"),
    "likes": ("Likes", "Total likes", "Gefällt mir", "Likes gesamt"),
    "comments": ("Comments", "Kommentare", "Total comments", "Kommentare gesamt"),
    "shares": (
        "Shares",
        "Freigaben",
        "Total shares",
        "Geteilt",
        "Teilen",
        "Shares gesamt",
        "Freigaben gesamt",
        "Geteilt gesamt",
    ),
    "favourites": (
        "Add to favorites",
        "Zu Favoriten hinzufügen",
        "Favorites",
        "Favourites",
        "Favoriten",
        "Saves",
        "Gespeichert",
        "Total favorites",
        "Total favourites",
        "Favoriten gesamt",
        "Total bookmarks",
        "Bookmarks",
        "Lesezeichen",
        "Lesezeichen gesamt",
    ),
    "avg_watch_time": (
        "Average watch time",
        "Avg. watch time",
        "Average time watched",
        "Average watch time (s)",
        "Durchschnittliche Wiedergabezeit",
        "Durchschnittliche Wiedergabedauer",
        "Durchschnittliche Ansichtszeit",
        "Durchschn. Wiedergabezeit",
    ),
    "total_play_time": (
        "Total play time",
        "Total time watched",
        "Total watch time",
        "Gesamtwiedergabezeit",
        "Gesamte Wiedergabezeit",
        "Wiedergabezeit gesamt",
    ),
    "completion_rate": (
        "Watched full video",
        "Full video watched",
        "Completion rate",
        "Finished watching",
        "Vollständig angesehen",
        "Video vollständig angesehen",
        "Vollständig angesehenes Video",
        "Abschlussrate",
    ),
    "followers": (
        "Followers",
        "Follower",
        "Total followers",
        "Follower gesamt",
        "Follower insgesamt",
    ),
    "followers_difference": ("Difference in followers from previous day", "Differenz zum Vortag"),
    "new_followers": ("New followers", "Neue Follower", "Neue Follower:innen"),
    "lost_followers": ("Lost followers", "Verlorene Follower"),
    "net_growth": ("Net growth", "Nettowachstum", "Net followers", "Netto-Follower"),
    "reached_audience": ("Reached audience", "Erreichtes Publikum", "Reach", "Reichweite"),
    "total_viewers": (
        "Total Viewers",
        "Zuschauer insgesamt",
        "Zuschauer:innen insgesamt",
        "Viewers",
    ),
    "new_viewers": ("New Viewers", "Neue Zuschauer", "Neue Zuschauer:innen"),
    "returning_viewers": (
        "Returning Viewers",
        "Wiederkehrende Zuschauer",
        "Wiederkehrende Zuschauer:innen",
    ),
    "hour": ("Hour", "Stunde", "Uhrzeit"),
    "active_followers": ("Active followers", "Aktive Follower"),
    "gender": ("Gender", "Geschlecht"),
    "territory": (
        "Top territories",
        "Territories",
        "Territory",
        "Top-Regionen",
        "Regionen",
        "Top countries",
        "Country",
        "Länder",
        "Land",
    ),
    "distribution": ("Distribution", "Verteilung", "Anteil", "Share of followers"),
    "video_title": (
        "Video title",
        "Videotitel",
        "Title",
        "Titel",
        "Video description",
        "Beschreibung",
    ),
    "video_link": ("Video link", "Videolink", "Link", "URL", "Video URL"),
    "post_time": (
        "Post time",
        "Veröffentlichungszeit",
        "Posted",
        "Posted on",
        "Veröffentlicht",
        "Veröffentlicht am",
        "Publish time",
        "Create time",
    ),
}

#: Recognised columns that are read but not stored (recomputed or derivable).
DERIVED_FIELDS = frozenset({"followers_difference", "net_growth"})
#: AccountDaily value fields a daily table can fill.
DAILY_VALUE_FIELDS = (
    "video_views", "profile_views", "likes", "comments", "shares", "followers",
    "new_followers", "lost_followers", "reached_audience",
    "total_viewers", "new_viewers", "returning_viewers",
)  # fmt: skip
#: VideoStats value fields (``video_views`` of a video table is stored as ``views``).
VIDEO_VALUE_FIELDS = ("video_views", "likes", "comments", "shares", "favourites")
#: Counts a per-video table may carry (``reached_audience`` is stored as the video's reach).
VIDEO_COUNT_FIELDS = (*VIDEO_VALUE_FIELDS, "reached_audience")

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "date": ("Datum", "Date"),
    "video_views": ("Videoaufrufe", "Video views"),
    "profile_views": ("Profilaufrufe", "Profile views"),
    "likes": ("Likes", "Likes"),
    "comments": ("Kommentare", "Comments"),
    "shares": ("Shares", "Shares"),
    "favourites": ("Favoriten", "Favourites"),
    "followers": ("Follower gesamt", "Followers (total)"),
    "followers_difference": ("Differenz (wird neu berechnet)", "Difference (recomputed)"),
    "new_followers": ("Neue Follower", "New followers"),
    "lost_followers": ("Verlorene Follower", "Lost followers"),
    "net_growth": ("Nettowachstum (aus neu − verloren)", "Net growth (new − lost)"),
    "reached_audience": ("Erreichtes Publikum", "Reached audience"),
    "total_viewers": ("Zuschauer gesamt", "Total viewers"),
    "new_viewers": ("Neue Zuschauer", "New viewers"),
    "returning_viewers": ("Wiederkehrende Zuschauer", "Returning viewers"),
    "hour": ("Stunde", "Hour"),
    "active_followers": ("Aktive Follower", "Active followers"),
    "gender": ("Geschlecht", "Gender"),
    "territory": ("Region", "Territory"),
    "distribution": ("Anteil", "Distribution"),
    "video_title": ("Videotitel", "Video title"),
    "video_link": ("Videolink", "Video link"),
    "post_time": ("Veröffentlicht", "Post time"),
    "avg_watch_time": ("Durchschnittliche Wiedergabezeit", "Average watch time"),
    "total_play_time": ("Gesamtwiedergabezeit", "Total play time"),
    "completion_rate": ("Vollständig angesehen", "Watched full video"),
}


def field_label(name: str) -> str:
    de, en = FIELD_LABELS.get(name, (name, name))
    return msg(de, en)


SCHEMA = reading.Schema(
    tuple(
        reading.Field(key, *FIELD_LABELS.get(key, (key, key)), aliases=words)
        for key, words in ALIASES.items()
    )
)


def map_headers(headers: Sequence[str]) -> tuple[dict[int, str], list[str]]:
    """Column index → field for recognised headers, and the header texts not used.

    When two columns map to the same field, the first wins and the second is not used.
    """
    mapping, ignored = _map_headers(tuple(str(h) for h in headers))
    return dict(mapping), list(ignored)


@functools.lru_cache(maxsize=128)
def _map_headers(headers: tuple[str, ...]) -> tuple[dict[int, str], tuple[str, ...]]:
    columns = reading.map_columns(list(headers), SCHEMA)
    mapping = {i: key for i, key in columns.mapping.items() if key is not None}
    return mapping, (*columns.unknown, *columns.duplicates)


def is_tiktok_header(headers: Sequence[str]) -> bool:
    return classify(map_headers(headers)[0].values()) is not None


# ----------------------------------------------------------------------------- kinds
class TableKind(StrEnum):
    DAILY = "daily"  # Overview, FollowerHistory, Viewers, business overview
    ACTIVITY = "activity"  # FollowerActivity
    GENDER = "gender"  # FollowerGender
    TERRITORY = "territory"  # FollowerTopTerritories
    VIDEO = "video"  # Content, business per-video list


KNOWN_STEMS = {
    "overview": "Overview",
    "followerhistory": "FollowerHistory",
    "followeractivity": "FollowerActivity",
    "followergender": "FollowerGender",
    "followertopterritories": "FollowerTopTerritories",
    "viewers": "Viewers",
    "content": "Content",
}
_SECTIONS = ("overview", "content", "followers", "follower", "viewers", *KNOWN_STEMS)
_BUSINESS_FIELDS = frozenset({"reached_audience", "new_followers", "lost_followers", "net_growth"})


def classify(fields: Iterable[str]) -> TableKind | None:
    """The kind of table a set of recognised fields makes, or None."""
    names = set(fields)
    if "video_link" in names and names & set(VIDEO_VALUE_FIELDS):
        return TableKind.VIDEO  # a link alone is not enough: idea lists have "Link" columns
    if {"hour", "active_followers"} <= names:
        return TableKind.ACTIVITY
    if {"gender", "distribution"} <= names:
        return TableKind.GENDER
    if {"territory", "distribution"} <= names:
        return TableKind.TERRITORY
    if "date" in names and names & {*DAILY_VALUE_FIELDS, *DERIVED_FIELDS}:
        return TableKind.DAILY
    return None


def table_label(stem: str, kind: TableKind, fields: Iterable[str]) -> str:
    """What the preview calls a table: TikTok's own name where known."""
    known = KNOWN_STEMS.get(re.sub(r"[^a-z]", "", stem.casefold()))
    if known:
        return known
    if kind is TableKind.DAILY and set(fields) & _BUSINESS_FIELDS:
        return msg("Business-Übersicht", "Business overview")
    if kind is TableKind.VIDEO:
        return msg("Videoliste", "Video list")
    return stem


_HANDLE_RE = re.compile(
    r"^(?P<section>[A-Za-z]+)(?:_\d{4}-\d{2}-\d{2}(?:_\d+)?)?_(?P<handle>[A-Za-z0-9._]+)$"
)


#: What browsers and file managers append to a copy: " (1)", "-1", " - Kopie", " - Copy",
#: " Kopie 2", " copy".  A handle holds no space, "(" or "-", so none is part of one; the
#: day of a date ("…_2026-08-01") is no copy number.
_COPY_RE = re.compile(
    r"(?:\s*\(\d+\)|(?<!\d{4}-\d\d)-\d+|\s*-\s*(?:kopie|copy)|\s+(?:kopie|copy)|\s+\d+)+$",
    re.I,
)


def handle_from_name(name: str) -> str | None:
    """``Overview_2026-08-01_1793426400_stadt_musterhausen.zip`` → ``stadt_musterhausen``,
    also for a re-downloaded or copied file (``…_stadt_musterhausen (1).zip``)."""
    stem = Path(name).name
    for suffix in (".zip", ".csv", ".xlsx", ".xls", ".txt"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    stem = _COPY_RE.sub("", stem.strip())
    match = _HANDLE_RE.match(stem)
    if match is None or match["section"].casefold() not in _SECTIONS:
        return None
    return match["handle"].strip("._") or None


_VALID_HANDLE_RE = re.compile(r"^[a-z0-9._]+$")


def normalise_handle(text: str) -> str:
    """``" @Stadt_Musterhausen "`` → ``stadt_musterhausen``; raises InputRejected for a
    handle with characters TikTok does not allow (letters, digits, ``_`` and ``.`` only)."""
    handle = text.strip().lstrip("@").strip().lower()
    if not _VALID_HANDLE_RE.match(handle):
        raise InputRejected(
            msg(
                f"„{text.strip()}“ ist kein TikTok-Kontoname: erlaubt sind nur Buchstaben, "
                "Ziffern, „_“ und „.“ (ein führendes @ wird weggelassen).",
                f"'{text.strip()}' is not a TikTok handle: only letters, digits, '_' and '.' "
                "are allowed (a leading @ is dropped).",
            )
        )
    return handle


_VIDEO_LINK_RE = re.compile(r"tiktok\.com/@(?P<handle>[A-Za-z0-9._]+)/video/(?P<id>\d+)", re.I)


def normalize_video_link(link: str) -> str:
    """Canonical form of a TikTok video link (no query, no trailing slash, https)."""
    text = link.strip()
    match = _VIDEO_LINK_RE.search(text)
    if match:
        return f"https://www.tiktok.com/@{match['handle']}/video/{match['id']}"
    return text.split("?")[0].split("#")[0].rstrip("/")


def video_id(link: str) -> str | None:
    """The numeric video id in a TikTok link (the stable part), else None."""
    match = _VIDEO_LINK_RE.search(link) or re.search(r"/video/(\d+)", link)
    return match.group(match.lastindex or 0) if match else None


# ----------------------------------------------------------------------------- values
# Generic cell parsing is tikdesk.excel.values (imported as ``cells``, shared with the ideas
# import); what follows are TikTok's own rules on top of it.
MISSING_WORDS = frozenset(
    {"", "undefined", "nan", "null", "none", "-", "--", "—", "n/a", "na", "#nv", "#n/a"}
)


def is_missing(cell: object) -> bool:
    """``undefined``, ``NaN``, empty … — stored as missing, never as 0."""
    if isinstance(cell, str) and cell[:1].isalnum() and cell[-1:].isalnum():
        return cell.casefold() in MISSING_WORDS  # fast path: no spaces or invisibles around
    if cells.is_blank(cell):
        return True
    return isinstance(cell, str) and cells.clean_text(cell).casefold() in MISSING_WORDS


def parse_count(cell: object) -> int | None:
    """A count (views, likes …): ``5,431`` and ``5.431`` are both 5431; ``-1`` is kept.

    Counts are whole numbers, so whichever reading of the separator gives one is right;
    ``12.5`` fits neither and raises ValueError.
    """
    if isinstance(cell, str):  # fast paths for what TikTok writes: "123", "-1", "5,431"
        if _PLAIN_INT.match(cell):
            return int(cell)
        if _GROUPED_INT.match(cell):
            return int(cell.replace(",", "").replace(".", ""))
    if is_missing(cell):
        return None
    try:
        return cells.parse_int(cell, decimal=",")
    except cells.ValueProblem:
        return cells.parse_int(cell, decimal=".")


_ABBREVIATED = re.compile(
    r"(?P<number>-?\d{1,6}(?:[.,]\d{1,3})?)\s*"
    r"(?P<unit>k|tsd|tsd\.|tausend|m|mio|mio\.|million|millionen|mrd|mrd\.|b|bn|milliarden)\Z",
    re.I,
)
_FACTORS = {
    "k": 1_000, "tsd": 1_000, "tausend": 1_000,
    "m": 1_000_000, "mio": 1_000_000, "million": 1_000_000, "millionen": 1_000_000,
    "mrd": 1_000_000_000, "b": 1_000_000_000, "bn": 1_000_000_000, "milliarden": 1_000_000_000,
}  # fmt: skip


def parse_abbreviated(cell: object) -> int | None:
    """An abbreviated count (``1.2K``, ``3,4 Mio.``, ``12 Tsd.``) as a whole number, else None.

    Such a value is approximate: TikDesk stores it flagged (shown with ``≈``, left out of
    sums in the report), never as if it were exact.
    """
    if not isinstance(cell, str):
        return None
    match = _ABBREVIATED.match(cells.clean_text(cell))
    if match is None:
        return None
    number = float(match["number"].replace(",", "."))
    return round(number * _FACTORS[match["unit"].casefold().rstrip(".")])


def parse_count_approx(cell: object) -> tuple[int | None, bool]:
    """A count and whether it is approximate (came from an abbreviation such as ``1.2K``)."""
    try:
        return parse_count(cell), False
    except ValueError:
        value = parse_abbreviated(cell)
        if value is None:
            raise
        return value, True


_DURATION_UNIT = re.compile(r"\s*(?:s|sec|secs|seconds|sek|sek\.|sekunden)\Z", re.I)


def parse_seconds(cell: object) -> tuple[float | None, bool]:
    """A duration in seconds: ``0:12`` (m:ss), ``1:02:03`` (h:mm:ss), ``12``, ``9.5``,
    ``12 s``, an Excel time or an abbreviated count (then approximate)."""
    if is_missing(cell):
        return None, False
    if isinstance(cell, dt.timedelta):
        return cell.total_seconds(), False
    if isinstance(cell, dt.time):
        return float(cell.hour * 3600 + cell.minute * 60 + cell.second), False
    if isinstance(cell, bool):
        raise cells.ValueProblem(msg("Ja/Nein ist keine Dauer.", "Yes/no is not a duration."))
    if isinstance(cell, int | float):
        return float(cell), False
    text = _DURATION_UNIT.sub("", cells.clean_text(cell))
    if re.fullmatch(r"\d{1,6}(?::\d{1,2}){1,2}(?:[.,]\d+)?", text):
        parts = [float(p.replace(",", ".")) for p in text.split(":")]
        seconds = 0.0
        for part in parts:
            seconds = seconds * 60 + part
        return seconds, False
    value = parse_abbreviated(text)
    if value is not None:
        return float(value), True
    try:
        count = parse_count(text)
        return (None if count is None else float(count)), False
    except ValueError:
        pass
    try:
        return parse_fraction(text), False
    except ValueError:
        raise cells.ValueProblem(
            msg(
                f"„{cells.clean_text(cell)}“ ist keine Dauer (erwartet z. B. 0:12 oder 12).",
                f"'{cells.clean_text(cell)}' is not a duration (expected e.g. 0:12 or 12).",
            )
        ) from None


def parse_completion(cell: object) -> float | None:
    """A completion rate as a fraction: ``38%``, ``0.38``, ``0,38`` → 0.38; ``38`` → 0.38."""
    value = parse_fraction(cell)
    if value is None:
        return None
    if 1 < value <= 100 and not (isinstance(cell, str) and "%" in cell):
        value /= 100
    if not 0 <= value <= 1:
        raise cells.ValueProblem(
            msg(
                f"„{cells.clean_text(cell)}“ ist kein Anteil zwischen 0 % und 100 %.",
                f"'{cells.clean_text(cell)}' is not a share between 0% and 100%.",
            )
        )
    return value


_PLAIN_INT = re.compile(r"-?\d{1,15}\Z")
_GROUPED_INT = re.compile(r"-?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*\Z")


def parse_fraction(cell: object) -> float | None:
    """A share: ``0.59``, ``0,59``, ``59%`` → 0.59 (a lone separator is the decimal one)."""
    if is_missing(cell):
        return None
    decimal = "."
    if isinstance(cell, str) and cell.count(",") == 1 and "." not in cell:
        decimal = ","
    return cells.parse_number(cell, decimal=decimal)


def parse_when(cell: object) -> dt.datetime | MonthDay | None:
    """A day (with time when given) or a year-less day; None when missing.

    Everything :func:`tikdesk.excel.values.parse_datetime` reads (ISO, ``2026/05/10``,
    ``10.05.2026``, real Excel dates), plus TikTok's year-less forms (``August 1``,
    ``18. August``, ``9月16日``).  Raises ValueError (a ValueProblem) for anything else.
    """
    if is_missing(cell):
        return None
    if isinstance(cell, str) and cell.lstrip()[:1].isalpha():  # "August 1": skip the generic
        yearless = parse_month_day(cell)
        if yearless is not None:
            return yearless
    try:
        return cells.parse_datetime(cell)
    except cells.ValueProblem:
        yearless = parse_month_day(cells.clean_text(cell))
        if yearless is not None:
            return yearless
        raise


# ----------------------------------------------------------------------------- records
@dataclass(frozen=True)
class Problem:
    """Something the importer could not read; ``row`` counts like a spreadsheet (header = 1)."""

    table: str
    row: int | None
    column: str
    message: str


@dataclass(frozen=True)
class DailyRecord:
    account: str
    day: dt.date
    values: Mapping[str, int | None]  # only the fields the table has
    row: int


@dataclass(frozen=True)
class VideoRecord:
    account: str
    video_link: str
    snapshot_date: dt.date
    title: str
    posted_at: dt.datetime | None
    values: Mapping[str, int | None]  # views, likes, comments, shares, favourites (present ones)
    row: int
    avg_watch_seconds: float | None = None
    completion_rate: float | None = None  # a fraction 0..1
    approximate: bool = False  # a value came from an abbreviated count ("1.2K")


@dataclass(frozen=True)
class AudienceRecord:
    account: str
    kind: str  # gender | territory | activity
    key: str
    taken_on: dt.date
    value: float | None
    row: int


@dataclass
class ParsedTable:
    """One recognised table of one input file (a ZIP holds several)."""

    source: str  # the file the user gave (ZIP, CSV, XLSX) — one import batch each
    name: str  # shown to the user, e.g. "Overview_….zip › Overview.csv"
    label: str  # "Overview", "FollowerHistory", "Business-Übersicht" …
    kind: TableKind
    account: str | None
    columns: dict[str, str]  # header text → field
    ignored: list[str]
    rows_read: int = 0
    daily: list[DailyRecord] = field(default_factory=list)
    videos: list[VideoRecord] = field(default_factory=list)
    audience: list[AudienceRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    anchor: YearAnchor | None = None  # used for year-less dates
    needs_year: bool = False  # year-less dates and no anchor: ask / refuse
    last_yearless: MonthDay | None = None  # the last year-less day (to ask about)
    notes: list[str] = field(default_factory=list)

    @property
    def record_count(self) -> int:
        return len(self.daily) + len(self.videos) + len(self.audience)

    def day_range(self) -> tuple[dt.date, dt.date] | None:
        days = [r.day for r in self.daily] + [r.snapshot_date for r in self.videos]
        days += [r.taken_on for r in self.audience]
        return (min(days), max(days)) if days else None


@dataclass
class ParseResult:
    sources: list[tiktok_files.Source]
    tables: list[ParsedTable]
    problems: list[Problem]  # file-level: unreadable or unrecognised files

    @property
    def needs_year(self) -> list[ParsedTable]:
        return [t for t in self.tables if t.needs_year]

    @property
    def needs_account(self) -> list[ParsedTable]:
        return [t for t in self.tables if not t.account]


# ----------------------------------------------------------------------------- parsing
def parse_paths(
    paths: Sequence[Path | str],
    *,
    account: str | None = None,
    anchors: Mapping[str, YearAnchor] | None = None,
    today: dt.date | None = None,
) -> ParseResult:
    """Read every TikTok table in ``paths`` (files, ZIPs, folders).

    ``account`` overrides the handle from the file names; ``anchors`` maps a table's
    ``name`` to the year anchor the user gave for it; ``today`` (the import date) dates a
    snapshot whose file carries no date (default: the system clock's day).  Raises
    InputRejected when no path holds anything readable.
    """
    sources, skipped = tiktok_files.collect([Path(p) for p in paths])
    problems = [Problem(name, None, "", reason) for name, reason in skipped]
    tables: list[ParsedTable] = []
    sibling = account or sibling_handle(sources)
    for source in sources:
        for entry in source.entries:
            try:
                read = tiktok_files.read_entry(entry, SCHEMA, is_tiktok_header)
            except tiktok_files.NoTable:
                problems.append(Problem(entry.display, None, "", not_recognised()))
                continue
            except InputRejected as exc:
                problems.append(Problem(entry.display, None, "", str(exc)))
                continue
            table = parse_table(
                entry,
                read,
                account=account,
                anchor=(anchors or {}).get(entry.display),
                sibling=sibling,
                today=today,
            )
            if table is None:
                problems.append(Problem(entry.display, None, "", not_recognised()))
                continue
            tables.append(table)
    if not tables:
        details = "\n".join(f"{p.table}: {p.message}" for p in problems[:10])
        raise InputRejected(
            msg(
                "Keine TikTok-Analysedaten gefunden." + (f"\n{details}" if details else ""),
                "No TikTok analytics data found." + (f"\n{details}" if details else ""),
            )
        )
    return ParseResult(sources=sources, tables=tables, problems=problems)


def sibling_handle(sources: Sequence[tiktok_files.Source]) -> str | None:
    """The one handle the files of a drop name (``Overview_…_stadt_musterhausen.zip``), for
    files of the same drop whose names carry none; None when no file or several handles."""
    handles = set()
    for source in sources:
        for entry in source.entries:
            for name in (entry.source_name, entry.name, entry.folder_name or ""):
                found = handle_from_name(name) if name else None
                if found:
                    handles.add(found.casefold())
    return handles.pop() if len(handles) == 1 else None


def not_recognised() -> str:
    return msg(
        "Keine TikTok-Analysetabelle erkannt: die Spaltenüberschriften passen zu keiner "
        "TikTok-Datei (z. B. „Date, Video Views, Likes“ oder „Datum, Videoaufrufe“).",
        "Not recognised as a TikTok analytics table: the column headers match no TikTok file "
        "(e.g. 'Date, Video Views, Likes' or 'Datum, Videoaufrufe').",
    )


def parse_table(
    entry: tiktok_files.Entry,
    read: reading.Table,
    *,
    account: str | None = None,
    anchor: YearAnchor | None = None,
    sibling: str | None = None,
    today: dt.date | None = None,
) -> ParsedTable | None:
    """One table → records, or None when its headers are not a TikTok table.

    ``sibling`` is the handle other files of the same drop are named after: used when this
    file's own name (and folder) carries none.
    """
    mapping, ignored = map_headers(read.headers)
    if classify(mapping.values()) is None:
        return None
    kind = classify(mapping.values())
    assert kind is not None
    headers = read.headers
    stem = Path(entry.name).stem
    handle = (
        account
        or handle_from_name(entry.source_name)
        or handle_from_name(entry.name)
        or (handle_from_name(entry.folder_name) if entry.folder_name else None)
        or sibling
    )
    table = ParsedTable(
        source=entry.source_path,
        name=entry.display,
        label=table_label(stem, kind, mapping.values()),
        kind=kind,
        account=handle,
        columns={str(headers[i]).strip(): f for i, f in mapping.items()},
        ignored=ignored,
    )
    body = [
        (n, r)
        for n, r in zip(read.row_numbers, read.rows, strict=True)
        if any(not is_missing(c) for c in r)
    ]
    _notes(table, read, mapping, len(body), handle if handle == sibling and not account else None)
    if kind is TableKind.VIDEO:
        _parse_videos(table, mapping, body, entry, anchor, today or SYSTEM_CLOCK.today())
    elif kind in (TableKind.GENDER, TableKind.TERRITORY):
        _parse_distribution(table, mapping, body, entry, anchor, today or SYSTEM_CLOCK.today())
    else:
        _parse_dated(table, mapping, body, entry, anchor)
    if not table.account and table.record_count:
        link_handle = next((v.video_link for v in table.videos), "")
        match = _VIDEO_LINK_RE.search(link_handle)
        if match:
            table.account = match["handle"]
    if table.account:
        table.account = normalise_handle(table.account)
        _set_account(table, table.account)
    return table


def _notes(
    table: ParsedTable,
    read: reading.Table,
    mapping: Mapping[int, str],
    rows_read: int,
    borrowed: str | None,
) -> None:
    """The table's cell errors, the reader's notices and what the user should know about
    TikTok's columns or an account name borrowed from another file."""
    headers = read.headers
    for (number, index), error in sorted(read.cell_errors.items()):
        if index in mapping:
            table.problems.append(
                Problem(
                    table.name,
                    number,
                    str(headers[index]),
                    msg(
                        f"Die Zelle enthält „{error}“ statt eines Werts.",
                        f"The cell holds '{error}' instead of a value.",
                    ),
                )
            )
    table.rows_read = rows_read
    table.notes.extend(read.notices)  # e.g. control characters removed, named by row
    if "followers_difference" in mapping.values():
        table.notes.append(
            msg(
                "„Difference in followers“ ist bei TikTok um einen Tag verschoben; TikDesk "
                "berechnet die Veränderung aus den Gesamtzahlen neu.",
                "TikTok's 'Difference in followers' is off by one day; TikDesk recomputes the "
                "change from the totals.",
            )
        )
    if borrowed:
        table.notes.append(
            msg(
                f"Konto „{borrowed}“ aus dem Namen einer anderen Datei dieser Auswahl übernommen.",
                f"Account '{borrowed}' taken from the name of another file of this selection.",
            )
        )


def _set_account(table: ParsedTable, account: str) -> None:
    table.daily = [DailyRecord(account, r.day, r.values, r.row) for r in table.daily]
    table.videos = [dataclasses.replace(v, account=account) for v in table.videos]
    table.audience = [
        AudienceRecord(account, a.kind, a.key, a.taken_on, a.value, a.row) for a in table.audience
    ]


def _anchor_for(entry: tiktok_files.Entry, given: YearAnchor | None) -> YearAnchor | None:
    """User's anchor, else the window start in the name, else the ZIP entry's timestamp."""
    if given is not None:
        return given
    for name in (entry.source_name, entry.name, entry.folder_name or ""):
        start = window_start_from_name(name)
        if start is not None:
            return YearAnchor(AnchorKind.WINDOW_START, start, Path(name).name)
    if entry.timestamp is not None:
        return YearAnchor(
            AnchorKind.DOWNLOAD,
            entry.timestamp.date(),
            msg("Zeitstempel in der ZIP-Datei", "timestamp inside the ZIP"),
        )
    return None


def _reason(exc: ValueError) -> str:
    return exc.reason if isinstance(exc, cells.ValueProblem) else str(exc)


def _cell(row: Sequence[object], index: int) -> object:
    return row[index] if index < len(row) else None


def _column_of(mapping: Mapping[int, str], name: str) -> int | None:
    return next((i for i, f in mapping.items() if f == name), None)


def _when_column(
    table: ParsedTable,
    body: Sequence[tuple[int, Sequence[object]]],
    col: int,
    header: str,
) -> dict[int, dt.datetime | MonthDay]:
    """Row number → parsed date cell; unreadable cells become problems."""
    out: dict[int, dt.datetime | MonthDay] = {}
    for number, row in body:
        cell = _cell(row, col)
        try:
            value = parse_when(cell)
        except ValueError as exc:
            table.problems.append(Problem(table.name, number, header, _reason(exc)))
            continue
        if value is None:
            table.problems.append(
                Problem(table.name, number, header, msg("Datum fehlt.", "Date is missing."))
            )
            continue
        out[number] = value
    return out


def _resolve_series(
    table: ParsedTable,
    when: dict[int, dt.datetime | MonthDay],
    entry: tiktok_files.Entry,
    anchor: YearAnchor | None,
) -> dict[int, dt.datetime] | None:
    """Give year-less days their years; None (and ``needs_year``) when no anchor exists."""
    yearless = [(n, v) for n, v in when.items() if isinstance(v, MonthDay)]
    resolved = {n: v for n, v in when.items() if isinstance(v, dt.datetime)}
    if not yearless:
        return resolved
    table.last_yearless = yearless[-1][1]
    use = _anchor_for(entry, anchor)
    if use is None:
        table.needs_year = True
        return None
    table.anchor = use
    try:
        dates = infer_years([v for _, v in yearless], use)
    except YearInferenceError as exc:
        table.problems.append(
            Problem(
                table.name,
                None,
                "",
                msg(
                    f"Die Tage ohne Jahr passen zu keinem Jahr ({exc}); "
                    "sind die Zeilen aufsteigend?",
                    f"The year-less days fit no year ({exc}); are the rows ascending?",
                ),
            )
        )
        return None
    for (number, md), day in zip(yearless, dates, strict=True):
        resolved[number] = dt.datetime.combine(day, md.time or dt.time())
    return resolved


def _counts(
    table: ParsedTable,
    mapping: Mapping[int, str],
    number: int,
    row: Sequence[object],
    fields: Sequence[str],
    headers: Mapping[str, str],
    approximate: set[str] | None = None,
) -> dict[str, int | None] | None:
    """The count fields of one row; None (and a problem) if any cell is unreadable.

    Abbreviated counts (``1.2K``) are taken when ``approximate`` is given (the fields are
    added to it); daily tables pass none and such a cell is a problem: an account's daily
    series is summed everywhere, so a rounded day would falsify every total.
    """
    values: dict[str, int | None] = {}
    ok = True
    for index, name in mapping.items():
        if name not in fields:
            continue
        cell = _cell(row, index)
        try:
            values[name] = parse_count(cell)
        except ValueError as exc:
            rounded = parse_abbreviated(cell)
            if rounded is not None and approximate is not None:
                values[name] = rounded
                approximate.add(name)
                continue
            ok = False
            reason = _reason(exc)
            if rounded is not None:
                reason = msg(
                    f"„{cells.clean_text(cell)}“ ist eine gerundete Angabe; Tageswerte werden "
                    "nur mit genauen Zahlen übernommen (bitte bei TikTok erneut exportieren).",
                    f"'{cells.clean_text(cell)}' is a rounded figure; daily numbers are only "
                    "taken as exact numbers (please export again from TikTok).",
                )
            table.problems.append(Problem(table.name, number, headers[name], reason))
    return values if ok else None


def _header_names(table: ParsedTable) -> dict[str, str]:
    return {f: h for h, f in table.columns.items()}


def _parse_dated(
    table: ParsedTable,
    mapping: Mapping[int, str],
    body: Sequence[tuple[int, Sequence[object]]],
    entry: tiktok_files.Entry,
    anchor: YearAnchor | None,
) -> None:
    """Daily tables and FollowerActivity: one row per day (per hour)."""
    headers = _header_names(table)
    date_col = _column_of(mapping, "date")
    assert date_col is not None
    when = _when_column(table, body, date_col, headers["date"])
    resolved = _resolve_series(table, when, entry, anchor)
    if resolved is None:
        return
    account = table.account or ""
    if table.kind is TableKind.ACTIVITY:
        _parse_activity(table, mapping, body, resolved, headers, account)
        return
    value_fields = [f for f in DAILY_VALUE_FIELDS if f in mapping.values()]
    seen: dict[dt.date, int] = {}
    for number, row in body:
        if number not in resolved:
            continue
        values = _counts(table, mapping, number, row, value_fields, headers)
        if values is None:
            continue
        day = resolved[number].date()
        if day in seen:
            table.problems.append(
                Problem(
                    table.name,
                    number,
                    headers["date"],
                    msg(
                        f"Der Tag {day:%d.%m.%Y} steht schon in Zeile {seen[day]}; "
                        "die spätere Zeile gilt.",
                        f"Day {day.isoformat()} already in row {seen[day]}; the later row wins.",
                    ),
                )
            )
            table.daily = [r for r in table.daily if r.day != day]
        seen[day] = number
        table.daily.append(DailyRecord(account, day, values, number))


def _parse_activity(
    table: ParsedTable,
    mapping: Mapping[int, str],
    body: Sequence[tuple[int, Sequence[object]]],
    resolved: Mapping[int, dt.datetime],
    headers: Mapping[str, str],
    account: str,
) -> None:
    """FollowerActivity: active followers per day and hour."""
    hour_col = _column_of(mapping, "hour")
    active_col = _column_of(mapping, "active_followers")
    for number, row in body:
        if number not in resolved:
            continue
        try:
            hour = parse_count(_cell(row, hour_col))  # type: ignore[arg-type]
            active = parse_count(_cell(row, active_col))  # type: ignore[arg-type]
        except ValueError:
            table.problems.append(
                Problem(
                    table.name,
                    number,
                    headers["hour"],
                    msg("Stunde oder Anzahl nicht lesbar.", "Hour or count not readable."),
                )
            )
            continue
        if hour is None or not 0 <= hour <= 23:
            table.problems.append(
                Problem(
                    table.name,
                    number,
                    headers["hour"],
                    msg(
                        "Stunde fehlt oder liegt nicht zwischen 0 und 23.",
                        "Hour missing or not between 0 and 23.",
                    ),
                )
            )
            continue
        day = resolved[number].date()
        table.audience.append(
            AudienceRecord(
                account,
                "activity",
                f"{day.isoformat()} {hour:02d}",
                day,
                None if active is None else float(active),
                number,
            )
        )


def _parse_distribution(
    table: ParsedTable,
    mapping: Mapping[int, str],
    body: Sequence[tuple[int, Sequence[object]]],
    entry: tiktok_files.Entry,
    anchor: YearAnchor | None,
    today: dt.date,
) -> None:
    """FollowerGender / FollowerTopTerritories: a snapshot of shares, stored as fractions."""
    headers = _header_names(table)
    key_field = "gender" if table.kind is TableKind.GENDER else "territory"
    key_col = _column_of(mapping, key_field)
    share_col = _column_of(mapping, "distribution")
    assert key_col is not None and share_col is not None
    use = _anchor_for(entry, anchor)
    if use is not None and use.kind is AnchorKind.DOWNLOAD:
        taken_on, source = use.day, use.source
    else:
        taken_on, source = today, msg("Importdatum", "import date")
    table.notes.append(
        msg(f"Stand: {taken_on:%d.%m.%Y} ({source})", f"As of {taken_on.isoformat()} ({source})")
    )
    records: list[AudienceRecord] = []
    for number, row in body:
        key = str(_cell(row, key_col) or "").strip()
        if not key:
            table.problems.append(
                Problem(
                    table.name,
                    number,
                    headers[key_field],
                    msg("Bezeichnung fehlt.", "Label is missing."),
                )
            )
            continue
        cell = _cell(row, share_col)
        try:
            value = parse_fraction(cell)
        except ValueError as exc:
            table.problems.append(
                Problem(table.name, number, headers["distribution"], _reason(exc))
            )
            continue
        records.append(
            AudienceRecord(table.account or "", table.kind.value, key, taken_on, value, number)
        )
    total = sum(r.value for r in records if r.value is not None)
    if total > 1.5:  # written as percentages without a % sign
        records = [
            AudienceRecord(
                r.account,
                r.kind,
                r.key,
                r.taken_on,
                None if r.value is None else r.value / 100,
                r.row,
            )
            for r in records
        ]
        table.notes.append(
            msg(
                "Anteile in Prozent erkannt und in Bruchteile umgerechnet.",
                "Shares given in percent; converted to fractions.",
            )
        )
    table.audience = records


def _parse_videos(
    table: ParsedTable,
    mapping: Mapping[int, str],
    body: Sequence[tuple[int, Sequence[object]]],
    entry: tiktok_files.Entry,
    anchor: YearAnchor | None,
    today: dt.date,
) -> None:
    """Content / per-video lists: totals per video on a snapshot date."""
    headers = _header_names(table)
    link_col = _column_of(mapping, "video_link")
    title_col = _column_of(mapping, "video_title")
    date_col = _column_of(mapping, "date")
    post_col = _column_of(mapping, "post_time")
    assert link_col is not None
    snapshot = _snapshot_days(table, body, date_col, headers, _anchor_for(entry, anchor), today)
    if snapshot is None:
        return
    value_fields = [f for f in VIDEO_COUNT_FIELDS if f in mapping.values()]
    watch_col = _column_of(mapping, "avg_watch_time")
    play_col = _column_of(mapping, "total_play_time")
    completion_col = _column_of(mapping, "completion_rate")
    seen: dict[tuple[str, dt.date], int] = {}
    for number, row in body:
        if number not in snapshot:
            continue
        link_cell = _cell(row, link_col)
        if is_missing(link_cell):
            table.problems.append(
                Problem(
                    table.name,
                    number,
                    headers["video_link"],
                    msg("Videolink fehlt.", "Video link is missing."),
                )
            )
            continue
        link = normalize_video_link(str(link_cell))
        rounded: set[str] = set()
        values = _counts(table, mapping, number, row, value_fields, headers, rounded)
        if values is None:
            continue
        extra = _video_extras(table, number, row, headers, watch_col, play_col, completion_col)
        if extra is None:
            continue
        watch, completion, extra_rounded = extra
        if watch is None and play_col is not None:  # Studio without an average: derive it
            play, play_rounded = _try_seconds(_cell(row, play_col))
            views = values.get("video_views")
            if play is not None and views:
                watch, extra_rounded = play / views, extra_rounded or play_rounded
        snap = snapshot[number].date()
        posted_at = None
        if post_col is not None:
            posted_at = _post_time(table, number, _cell(row, post_col), snap, headers["post_time"])
        title = (
            ""
            if title_col is None or is_missing(_cell(row, title_col))
            else str(_cell(row, title_col)).strip()
        )
        _later_row_wins(table, seen, (link, snap), number, headers["video_link"])
        table.videos.append(
            VideoRecord(
                table.account or "",
                link,
                snap,
                title,
                posted_at,
                values,
                number,
                avg_watch_seconds=watch,
                completion_rate=completion,
                approximate=bool(rounded) or extra_rounded,
            )
        )


def _later_row_wins(
    table: ParsedTable,
    seen: dict[tuple[str, dt.date], int],
    key: tuple[str, dt.date],
    number: int,
    header: str,
) -> None:
    """A video twice on one snapshot day: the later row replaces the earlier (and says so)."""
    if key in seen:
        table.problems.append(
            Problem(
                table.name,
                number,
                header,
                msg(
                    f"Das Video steht schon in Zeile {seen[key]}; die spätere Zeile gilt.",
                    f"Video already in row {seen[key]}; the later row wins.",
                ),
            )
        )
        table.videos = [v for v in table.videos if (v.video_link, v.snapshot_date) != key]
    seen[key] = number


def _snapshot_days(
    table: ParsedTable,
    body: Sequence[tuple[int, Sequence[object]]],
    date_col: int | None,
    headers: Mapping[str, str],
    use: YearAnchor | None,
    today: dt.date,
) -> dict[int, dt.datetime] | None:
    """Per row number the snapshot day: the date column's (years inferred from ``use``),
    else the download day or today; None when a year is needed and not known."""
    snapshot: dict[int, dt.datetime] = {}
    if date_col is not None:
        when = _when_column(table, body, date_col, headers["date"])
        for number, value in when.items():
            if isinstance(value, dt.datetime):
                snapshot[number] = value
            elif use is None:
                table.last_yearless = value
                table.needs_year = True
            else:
                table.anchor = use
                day = (
                    latest_on_or_before(value, use.day)
                    if use.kind is AnchorKind.DOWNLOAD
                    else infer_years([value], use)[0]
                )
                snapshot[number] = dt.datetime.combine(day, dt.time())
        if table.needs_year:
            return None
    else:
        day = use.day if use is not None and use.kind is AnchorKind.DOWNLOAD else today
        snapshot = {n: dt.datetime.combine(day, dt.time()) for n, _ in body}
        table.notes.append(
            msg(
                f"Keine Datumsspalte: Stand {day:%d.%m.%Y} angenommen.",
                f"No date column: snapshot date {day.isoformat()} assumed.",
            )
        )
    return snapshot


def _try_seconds(cell: object) -> tuple[float | None, bool]:
    try:
        return parse_seconds(cell)
    except ValueError:
        return None, False


def _video_extras(
    table: ParsedTable,
    number: int,
    row: Sequence[object],
    headers: Mapping[str, str],
    watch_col: int | None,
    play_col: int | None,
    completion_col: int | None,
) -> tuple[float | None, float | None, bool] | None:
    """Average watch time (s), completion rate (fraction), rounded?; None after a problem."""
    watch: float | None = None
    completion: float | None = None
    rounded = False
    ok = True
    if watch_col is not None:
        try:
            watch, rounded = parse_seconds(_cell(row, watch_col))
        except ValueError as exc:
            ok = False
            table.problems.append(
                Problem(table.name, number, headers["avg_watch_time"], _reason(exc))
            )
    if play_col is not None:
        try:
            parse_seconds(_cell(row, play_col))
        except ValueError as exc:
            ok = False
            table.problems.append(
                Problem(table.name, number, headers["total_play_time"], _reason(exc))
            )
    if completion_col is not None:
        try:
            completion = parse_completion(_cell(row, completion_col))
        except ValueError as exc:
            ok = False
            table.problems.append(
                Problem(table.name, number, headers["completion_rate"], _reason(exc))
            )
    return (watch, completion, rounded) if ok else None


def _post_time(
    table: ParsedTable, number: int, cell: object, snapshot: dt.date, header: str
) -> dt.datetime | None:
    """A post time; year-less ones are the latest such day on or before the snapshot."""
    try:
        value = parse_when(cell)
    except ValueError:
        table.problems.append(
            Problem(
                table.name,
                number,
                header,
                msg(
                    f"„{cell}“ ist keine lesbare Zeit; das Video wird ohne Veröffentlichungszeit "
                    "übernommen.",
                    f"'{cell}' is not a readable time; the video is kept without it.",
                ),
            )
        )
        return None
    if value is None or isinstance(value, dt.datetime):
        return value
    day = latest_on_or_before(value, snapshot)
    return dt.datetime.combine(day, value.time or dt.time())


def looks_like_tiktok(paths: Sequence[Path | str]) -> bool:
    """True when every path is a TikTok analytics file (by name, ZIP entries or headers).

    Cheap enough for a drop handler: names decide first; only unknown CSV/XLSX names are
    opened, and then only their header is looked at.
    """
    if not paths:
        return False
    return all(_looks_like_tiktok(Path(p)) for p in paths)


def _looks_like_tiktok(path: Path) -> bool:
    if path.is_dir():
        files = [p for p in sorted(path.iterdir())[:200] if p.is_file()]
        return any(_looks_like_tiktok(p) for p in files)
    suffix = path.suffix.lower()
    if suffix not in tiktok_files.INPUT_SUFFIXES or not path.is_file():
        return False
    stem = re.sub(r"[^a-z]", "", path.stem.casefold())
    if handle_from_name(path.name) or stem in KNOWN_STEMS:
        return True
    if suffix == ".zip":
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()[:50]
        except (zipfile.BadZipFile, OSError):
            return False
        return any(re.sub(r"[^a-z]", "", Path(n).stem.casefold()) in KNOWN_STEMS for n in names)
    try:
        sources, _skipped = tiktok_files.collect([path])
        read = tiktok_files.read_entry(sources[0].entries[0], SCHEMA, is_tiktok_header)
    except (InputRejected, IndexError, OSError):
        return False
    return classify(map_headers(read.headers)[0].values()) is not None
