"""Year-less dates as TikTok writes them, and the rule that gives them back their year.

TikTok's creator exports write days as ``September 25``, ``28 August``, ``18. August`` or
``9月16日`` — in the language of the interface and without a year (tiktok-export.md).  The rows
are ascending and end one or two days before the download, so the year follows from one anchor:

* the first day of the window (the date in ``Overview_<YYYY-MM-DD>_…zip``): walk forwards and
  step the year up whenever the month jumps down;
* the download time (the ZIP entry's timestamp): the last row is the latest such day on or
  before the download; walk backwards and step the year down whenever the month jumps up.

Without an anchor the year cannot be known: the caller asks the user (GUI) or refuses (CLI).
Pure stdlib, so that the rule is tested without files, Qt or a database.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

# Lower-case month words (full names and the usual abbreviations), English and German.
_MONTH_WORDS: dict[str, int] = {}
for _number, _words in enumerate(
    (
        ("january", "jan", "januar", "jänner", "jaenner", "jän"),
        ("february", "feb", "febr", "februar", "feber"),
        ("march", "mar", "märz", "maerz", "mär", "mrz"),
        ("april", "apr"),
        ("may", "mai"),
        ("june", "jun", "juni"),
        ("july", "jul", "juli"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct", "oktober", "okt"),
        ("november", "nov"),
        ("december", "dec", "dezember", "dez"),
    ),
    start=1,
):
    for _word in _words:
        _MONTH_WORDS[_word] = _number

_TIME = r"(?:[,\s]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
_WORD = r"(?P<month>[^\W\d_]+)\.?"
_DAY = r"(?P<day>\d{1,2})"
_YEARLESS_PATTERNS = (
    re.compile(rf"^{_WORD}\s*{_DAY}(?:st|nd|rd|th)?,?{_TIME}$", re.IGNORECASE),  # September 25
    re.compile(rf"^{_DAY}\.?\s*{_WORD}{_TIME}$", re.IGNORECASE),  # 25 September, 25. September
    re.compile(rf"^(?P<mnum>\d{{1,2}})\s*月\s*{_DAY}\s*日{_TIME}$"),  # 9月16日
)


@dataclass(frozen=True, order=True)
class MonthDay:
    """A calendar day without its year, optionally with a time of day."""

    month: int
    day: int
    time: dt.time | None = None

    def with_year(self, year: int) -> dt.date:
        """The date in ``year``; ValueError for 29 February in a common year."""
        return dt.date(year, self.month, self.day)


@functools.lru_cache(maxsize=4096)  # exports repeat the same 365 labels file after file
def parse_month_day(text: str) -> MonthDay | None:
    """``September 25`` / ``25 September`` / ``25. Sept.`` / ``9月16日`` → MonthDay, else None.

    English and German month names and abbreviations are understood, with an optional time
    (``August 1 14:05``).  Impossible days (``February 30``) give None.
    """
    cleaned = " ".join(str(text).replace("\u00a0", " ").split())
    if not cleaned:
        return None
    for pattern in _YEARLESS_PATTERNS:
        match = pattern.match(cleaned)
        if match is None:
            continue
        groups = match.groupdict()
        if groups.get("mnum"):
            month = int(groups["mnum"])
        else:
            month = _MONTH_WORDS.get(groups["month"].lower().rstrip("."), 0)
        day = int(groups["day"])
        if not 1 <= month <= 12:
            return None
        try:
            dt.date(2000, month, day)  # 2000 is a leap year: 29 February is a real day
        except ValueError:
            return None
        time = None
        if groups.get("hour") is not None:
            hour, minute = int(groups["hour"]), int(groups["minute"])
            second = int(groups["second"] or 0)
            if hour > 23 or minute > 59 or second > 59:
                return None
            time = dt.time(hour, minute, second)
        return MonthDay(month, day, time)
    return None


class AnchorKind(StrEnum):
    WINDOW_START = "window_start"  # first day of the export window (ZIP name)
    DOWNLOAD = "download"  # time of the download (ZIP entry timestamp): the series ends before


@dataclass(frozen=True)
class YearAnchor:
    """What fixes the year of a year-less series, and where that knowledge came from."""

    kind: AnchorKind
    day: dt.date
    source: str = ""  # e.g. the ZIP name, shown in the preview


class YearInferenceError(ValueError):
    """The days cannot be placed in years (not ascending, 29 February in a common year)."""


def _nearest_year(md: MonthDay, target: dt.date) -> int:
    """The year that puts ``md`` closest to ``target`` (ties go to the earlier year)."""
    best: tuple[int, int] | None = None
    for year in (target.year - 1, target.year, target.year + 1):
        try:
            distance = abs((md.with_year(year) - target).days)
        except ValueError:
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    if best is None:  # pragma: no cover - 29 Feb exists in one of any three years? not always
        raise YearInferenceError(f"{md.month}/{md.day}")
    return best[1]


def _latest_year_on_or_before(md: MonthDay, limit: dt.date) -> int:
    """The latest year in which ``md`` falls on or before ``limit``."""
    for year in range(limit.year, limit.year - 9, -1):
        try:
            if md.with_year(year) <= limit:
                return year
        except ValueError:
            continue
    raise YearInferenceError(f"{md.month}/{md.day}")  # pragma: no cover - 8 years cover 29 Feb


def infer_years(days: Sequence[MonthDay], anchor: YearAnchor) -> list[dt.date]:
    """Give each day of an ascending series its year (see the module docstring).

    Raises :class:`YearInferenceError` when a day does not exist in the year it must fall in
    (29 February of a common year) — a sign that the series is not what we think.
    """
    if not days:
        return []
    years = [0] * len(days)
    if anchor.kind is AnchorKind.WINDOW_START:
        year = _nearest_year(days[0], anchor.day)
        years[0] = year
        for i in range(1, len(days)):
            if (days[i].month, days[i].day) < (days[i - 1].month, days[i - 1].day):
                year += 1  # month jumped down: next calendar year
            years[i] = year
    else:
        year = _latest_year_on_or_before(days[-1], anchor.day)
        years[-1] = year
        for i in range(len(days) - 2, -1, -1):
            if (days[i].month, days[i].day) > (days[i + 1].month, days[i + 1].day):
                year -= 1  # month jumped up walking backwards: previous calendar year
            years[i] = year
    result = []
    for md, year in zip(days, years, strict=True):
        try:
            result.append(md.with_year(year))
        except ValueError as exc:
            raise YearInferenceError(f"{md.day}.{md.month}.{year}") from exc
    return result


def latest_on_or_before(md: MonthDay, limit: dt.date) -> dt.date:
    """A single year-less day that cannot lie after ``limit`` (a post time before its snapshot)."""
    return md.with_year(_latest_year_on_or_before(md, limit))


_ZIP_WINDOW_START = re.compile(r"_(\d{4})-(\d{2})-(\d{2})_")


def window_start_from_name(name: str) -> dt.date | None:
    """The window start in ``Overview_<YYYY-MM-DD>_<epoch>_<handle>.zip``, else None."""
    match = _ZIP_WINDOW_START.search(name)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


GERMAN_MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip
GERMAN_MONTHS_SHORT = (
    "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni",
    "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.",
)  # fmt: skip
GERMAN_WEEKDAYS_SHORT = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")


def format_date_de(day: dt.date) -> str:
    """``01.08.2026`` — German numeric date."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"
