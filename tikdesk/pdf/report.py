"""The management report as a tagged PDF (Typst template ``resources/pdf/report.typ``).

Same content as the workbook, in the same words (:func:`tikdesk.domain.report.texts`): per
account the overview (the summary in plain sentences, KPIs with the comparison period,
charts of followers and weekly views), the posts (the top 10 marked) and the formats
(tables and a chart of engagement by format); then the pipeline, *Handlungsbedarf* and the
glossary.  Every page has the organisation, title and period at the top and the privacy note
and "page n / N" at the bottom.  A4 landscape; the layout flows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tikdesk.domain.fmt import fmt_date, fmt_day_short, fmt_float, fmt_int, fmt_pct, fmt_signed
from tikdesk.domain.i18n import language, msg
from tikdesk.domain.report import (
    AccountReport,
    AttentionItem,
    GroupRow,
    KpiKind,
    ReportData,
    Texts,
    glossary,
    summary_sentences,
    texts,
)
from tikdesk.pdf.engine import printable, printable_title, write_pdf

TEMPLATE = "report.typ"


def render_report(data: ReportData, path: Path) -> None:
    """Write ``data`` as a PDF to ``path`` (the caller takes care of temp file and rename)."""
    write_pdf(Path(path), TEMPLATE, report_json(data), images={"logo": data.logo_path})


def pct_change(value: float | None) -> str:
    """A relative change with its sign: ``+12,5 %``."""
    return ("+" if value is not None and value > 0 else "") + fmt_pct(value)


def fmt_points(value: float | None) -> str:
    """A difference of two rates, in percentage points: ``+0,4 Pp.``."""
    if value is None:
        return fmt_signed(None)
    unit = " Pp." if language() == "de" else " pp"
    return ("+" if value > 0 else "") + fmt_float(value * 100) + unit


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round axis ticks (1, 2, 5 × 10ⁿ) covering ``low``…``high``."""
    if high <= low:
        high = low + 1
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


#: the plot width of a half-page chart and the room a week label ("KW 40 (5 T.)") needs, in pt
CHART_PLOT_W = 375 - 52 - 14
COLUMN_LABEL = 42


def labelled(count: int, every: int) -> set[int]:
    """Which of ``count`` axis positions get a label: every ``every``-th from the first, and
    the last (a partial week sits at either end), never two closer than ``every``."""
    if count == 0:
        return set()
    shown = set(range(0, count - every, every)) | {count - 1}
    return shown | {0}


def _table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    align: str,
    widths: Sequence[str | float],
    **extra: Sequence[bool],
) -> dict[str, Any]:
    return {
        "header": list(header),
        "rows": [list(r) for r in rows],
        "align": ["r" if a == "r" else "l" for a in align],
        "widths": list(widths),
        **{k: list(v) for k, v in extra.items()},
    }


def _chart(
    kind: str,
    title: str,
    empty: str,
    values: Sequence[float | None],
    labels: Sequence[str],
    texts_: Sequence[str],
    low: float = 0.0,
    axis: Any = fmt_int,
    every: int = 1,
) -> dict[str, Any]:
    """Positions as fractions of the axis, labels in words, the data as alternative text."""
    known = [v for v in values if v is not None]
    kind_word = {
        "line": msg("Liniendiagramm", "Line chart"),
        "column": msg("Säulendiagramm", "Column chart"),
        "bar": msg("Balkendiagramm", "Bar chart"),
    }[kind]
    if not known:
        return {
            "kind": kind,
            "title": title,
            "alt": f"{kind_word}: {title}: {empty}",
            "empty": empty,
            "ticks": [],
            "points": [],
        }
    shown = labelled(len(values), every)
    ticks = nice_ticks(low, max(known))
    span = (ticks[-1] - ticks[0]) or 1.0
    data = "; ".join(f"{label} {text}" for label, text in zip(labels, texts_, strict=True))
    return {
        "kind": kind,
        "title": title,
        "alt": f"{kind_word}: {title}. {data}.",
        "empty": empty,
        "ticks": [{"pos": (t - ticks[0]) / span, "label": axis(t)} for t in ticks],
        "points": [
            {
                "v": None if v is None else max(0.0, (v - ticks[0]) / span),
                "label": labels[i] if i in shown else "",
                "text": texts_[i],
            }
            for i, v in enumerate(values)
        ],
    }


def _kpi_table(data: ReportData, t: Texts, acc: AccountReport) -> dict[str, Any]:
    """The KPIs against the previous period, then the recruiting figures beside reach."""
    rows, bold = [], []
    for kpi in acc.kpis:
        rate = kpi.kind is KpiKind.RATE
        value = fmt_pct if rate else fmt_int
        rows.append(
            [
                kpi.label,
                value(kpi.current),
                value(kpi.previous),
                fmt_points(kpi.change) if rate else fmt_signed(kpi.change),
                kpi.basis_note if kpi.too_few_posts else pct_change(kpi.change_pct),
            ]
        )
        bold.append(kpi.key in ("growth", "views"))
    for rec in acc.recruiting:  # beside reach, with the previous period
        change = (
            None if rec.current is None or rec.previous is None else (rec.current - rec.previous)
        )
        pct = None if change is None or not rec.previous else change / rec.previous
        rows.append(
            [
                rec.label,
                fmt_int(rec.current),
                fmt_int(rec.previous),
                fmt_signed(change),
                pct_change(pct),
            ]
        )
        bold.append(False)
    header = (t.kpi, data.period.label, data.previous.label, t.change, t.change_pct)
    return _table(header, rows, "lrrrr", ["auto"] * 5, bold=bold)


def _overview_charts(t: Texts, acc: AccountReport, multi: bool) -> list[dict[str, Any]]:
    """Followers over the days (line) and views per week (columns)."""
    suffix = f" – {acc.title}" if multi else ""
    days = [day for day, _ in acc.followers]
    followers = [float(v) for _, v in acc.followers]
    step = max(1, math.ceil(len(days) / 8))
    low = min(followers) if followers else 0.0
    line = _chart(
        "line",
        t.chart_followers + suffix,
        t.no_data,
        followers,
        [fmt_day_short(day) for day in days],
        [fmt_int(v) for v in followers],
        low=low,
        every=step,
    )
    weeks = acc.weekly_views
    column = _chart(
        "column",
        t.chart_weekly + suffix,
        t.no_data,
        [None if w.views is None else float(w.views) for w in weeks],
        [w.label for w in weeks],
        [fmt_int(w.views) for w in weeks],
        every=max(1, math.ceil(len(weeks) * COLUMN_LABEL / CHART_PLOT_W)),
    )
    return [line, column]


def _posts_table(data: ReportData, t: Texts, acc: AccountReport) -> dict[str, Any]:
    """One row per post, the top 10 filled; the people shown only when asked for."""
    columns = [
        t.date,
        t.title,
        t.format,
        t.audience,
        t.views,
        t.likes,
        t.comments,
        t.shares,
        t.rate,
        t.rank,
        t.top,
    ]
    align = "llllrrrrrrl"
    widths: list[str | float] = ["auto", "1fr", *["auto"] * 9]
    if data.with_names:
        columns.append(t.people)
        align += "l"
        widths.append(110)
    post_rows = []
    for post in acc.posts:
        row = [
            fmt_date(post.published),
            post.title,
            post.format,
            post.audience,
            ("≈ " if post.approximate else "") + fmt_int(post.views),
            fmt_int(post.likes),
            fmt_int(post.comments),
            fmt_int(post.shares),
            fmt_pct(post.rate),
            "" if post.rank is None else str(post.rank),
            "★" if post.top else "",
        ]
        if data.with_names:
            row.append("; ".join(post.people))
        post_rows.append(row)
    return _table(columns, post_rows, align, widths, fills=[p.top for p in acc.posts])


def _group_table(t: Texts, first: str, rows: Sequence[GroupRow]) -> dict[str, Any]:
    """Posts, median views and median rate per format or audience."""
    body = [[g.label, str(g.posts), fmt_int(g.median_views), fmt_pct(g.median_rate)] for g in rows]
    return _table((first, t.posts, t.median_views, t.median_rate), body, "lrrr", ["auto"] * 4)


def _account(data: ReportData, t: Texts, acc: AccountReport, multi: bool) -> dict[str, Any]:
    bars = acc.by_format
    return {
        "multi": multi,
        "account_title": f"{t.account} {acc.title}",
        "overview_heading": f"{data.title} – {t.sheet_overview}",
        "posts_heading": f"{data.title} – {t.sheet_posts}",
        "formats_heading": f"{data.title} – {t.sheet_formats}",
        "kpis": _kpi_table(data, t, acc),
        "kpi_notes": [t.rate_note, t.followers_note],
        "charts": _overview_charts(t, acc, multi),
        "posts": _posts_table(data, t, acc),
        "groups": [
            {"title": t.by_format, "table": _group_table(t, t.format, acc.by_format)},
            {"title": t.by_audience, "table": _group_table(t, t.audience, acc.by_audience)},
        ],
        "format_chart": _chart(
            "bar",
            t.chart_engagement,
            t.no_data,
            [g.median_rate for g in bars],
            [g.label for g in bars],
            [fmt_pct(g.median_rate) for g in bars],
            axis=fmt_pct,
        ),
    }


def _attention(data: ReportData, t: Texts) -> dict[str, Any]:
    a = data.attention
    month = a.next_month.label if a.next_month is not None else ""
    reason = msg("Grund / Bedeutung", "Reason / meaning")

    def table(items: Sequence[AttentionItem]) -> dict[str, Any]:
        rows = [[fmt_date(i.day) if i.day else "–", i.title, i.reason] for i in items]
        if not rows:
            rows = [["", msg("keine", "none"), ""]]
        return _table((t.date, t.title, reason), rows, "lll", ["auto", "1fr", "1fr"])

    lists = (
        (
            msg(
                "Zu entfernende Videos (Grund, ohne Namen)",
                "Videos to take down (reason, no names)",
            ),
            a.take_downs,
        ),
        (
            msg("Veröffentlicht ohne vollständige Freigabe", "Published without complete approval"),
            a.without_approval,
        ),
        (
            msg(f"Blockierte Beiträge, geplant im {month}", f"Blocked posts planned in {month}"),
            a.blocked_next_month,
        ),
    )
    notes = [
        msg(
            f"Einwilligungen, die im {month} enden: {a.consents_ending} "
            "(Namen stehen in TikDesk unter Personen & Einwilligungen).",
            f"Consents ending in {month}: {a.consents_ending} (names in TikDesk under "
            "People & consent).",
        )
    ]
    if a.videos_without_post:
        notes.append(
            msg(
                f"{a.videos_without_post} veröffentlichte Videos sind keinem Beitrag in TikDesk "
                "zugeordnet: für sie ist keine Freigabe dokumentiert. Zuordnen unter "
                "Auswertung › Videos ohne Beitrag.",
                f"{a.videos_without_post} published videos are linked to no post in TikDesk: "
                "no clearance is documented for them. Link them under Analytics › Videos "
                "without a post.",
            )
        )
    return {
        "heading": f"{data.title} – {t.attention}",
        "lists": [{"title": title, "table": table(items)} for title, items in lists],
        "notes": notes,
    }


def _pipeline(data: ReportData, t: Texts) -> dict[str, Any]:
    pl = data.pipeline

    def table(title: str, first: str, pairs: Sequence[tuple[str, int]]) -> dict[str, Any]:
        body = [[label, fmt_int(count)] for label, count in pairs]
        return {"title": title, "table": _table((first, t.count), body, "lr", ["1fr", "auto"])}

    return {
        "heading": f"{data.title} – {t.sheet_pipeline}",
        "as_of": f"{t.as_of}: {fmt_date(pl.as_of)}",
        "columns": [
            [
                table(t.ideas_by_status, t.status, pl.ideas_by_status),
                table(t.posts_by_status, t.status, pl.posts_by_status),
            ],
            [
                table(
                    f"{t.clearance} ({data.period.label})",
                    t.kpi,
                    (
                        (t.published_clear, pl.published_clear),
                        (t.published_overridden, pl.published_overridden),
                    ),
                ),
                table(
                    t.attention,
                    t.kpi,
                    (
                        (t.open_blocked, pl.open_blocked),
                        (f"{t.expiring} {pl.expiring_in.label}", pl.expiring_consents),
                    ),
                ),
            ],
        ],
    }


def _printable(data: ReportData) -> ReportData:
    """``data`` with the organisation and titles as the PDF prints them, before the summary
    sentences are made of them (an organisation of emoji only became "hat 5 Videos")."""

    def items(found: Sequence[AttentionItem]) -> tuple[AttentionItem, ...]:
        return tuple(dataclasses.replace(i, title=printable_title(i.title)) for i in found)

    a = data.attention
    return dataclasses.replace(
        data,
        organisation=printable(data.organisation),
        accounts=tuple(
            dataclasses.replace(
                acc,
                posts=tuple(
                    dataclasses.replace(p, title=printable_title(p.title)) for p in acc.posts
                ),
            )
            for acc in data.accounts
        ),
        attention=dataclasses.replace(
            a,
            take_downs=items(a.take_downs),
            without_approval=items(a.without_approval),
            blocked_next_month=items(a.blocked_next_month),
        ),
    )


def report_json(data: ReportData) -> dict[str, Any]:
    """Everything the template prints, in words (numbers formatted for the UI language)."""
    data = _printable(data)
    t = texts()
    multi = len(data.accounts) > 1
    organisation = data.organisation.strip() or "TikDesk"
    return {
        "title": data.title,
        "author": organisation,
        "organisation": organisation,
        "logo_alt": msg(f"Logo: {organisation}", f"Logo: {organisation}"),
        "span": f"{t.period}: {data.period.span}",
        "period_line": (
            f"{t.period}: {data.period.span}   ·   {t.previous}: "
            f"{data.previous.span}   ·   {t.created} {fmt_date(data.created)}"
        ),
        "with_names": data.with_names,
        "personal": t.personal_data,
        "footer_note": t.personal_data if data.with_names else t.no_names,
        "page_word": t.page,
        "summary": summary_sentences(data),
        "top_note": t.top_note,
        "no_posts": t.no_posts,
        "accounts": [_account(data, t, acc, multi) for acc in data.accounts],
        "pipeline": _pipeline(data, t),
        "attention": _attention(data, t),
        "glossary_title": msg("Begriffe", "Glossary"),
        "glossary": [list(pair) for pair in glossary()],
        "created": dt.date.isoformat(data.created),
    }
