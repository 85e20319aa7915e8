"""``export-clearance``: every post's clearance as a table for scripts and the DSB (issue 16).

The contract (keep it exactly): one row per post that is not published and not taken down,
plus every published post flagged for take-down; ordered by planned time (undated last), then
id; columns ``post_id, title, planned, status, consent, consent_reasons, checklist_open,
checklist_issues, takedown, can_approve``.  Written through the same writer as
``export-analytics`` (CSV ``;``-separated, UTF-8 with BOM; or XLSX).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tikdesk.domain.enums import ItemState, PostStatus
from tikdesk.services.context import AppContext
from tikdesk.services.posts import Clearance, Definitions, bulk_read

COLUMNS = (
    "post_id",
    "title",
    "planned",
    "status",
    "consent",
    "consent_reasons",
    "checklist_open",
    "checklist_issues",
    "takedown",
    "can_approve",
)
Row = tuple[int, str, str, str, str, str, int, int, str, str]


def clearance_rows(ctx: AppContext, today: dt.date | None = None) -> list[Row]:
    """The rows of the contract, in its order."""
    real_today = ctx.clock.today()
    today = today or real_today
    definitions = Definitions(ctx)
    found: list[Row] = []
    with bulk_read():
        with ctx.db.reader() as s:
            data = Clearance.load(s, detail=True)
        data.definitions = definitions
        for post in data.posts:
            summary, people, gate = data.summary(post, definitions, today, real_today)
            status = summary.status
            if status is PostStatus.TAKEN_DOWN:
                continue
            if status is PostStatus.PUBLISHED and not summary.take_down:
                continue
            blocking = [p for p in people if p.assessment.problems]
            manual = [e for e in gate.items if not e.derived]
            open_items = sum(1 for e in manual if e.state is ItemState.OPEN and not e.overridden)
            issues = sum(1 for e in manual if e.state is ItemState.ISSUE)
            can_approve = status in (PostStatus.DRAFT, PostStatus.IN_REVIEW) and not gate.blocked
            found.append(
                (
                    post.id,
                    post.title,
                    post.planned_at.strftime("%Y-%m-%dT%H:%M") if post.planned_at else "",
                    status.value,
                    "blocked" if blocking else "ok",
                    " | ".join(f"{p.label}: {'; '.join(p.assessment.reasons)}" for p in blocking),
                    open_items,
                    issues,
                    "yes" if summary.take_down else "",
                    "yes" if can_approve else "no",
                )
            )
    found.sort(key=lambda r: (r[2] == "", r[2], r[0]))
    return found


def export_clearance(ctx: AppContext, out: Path) -> int:
    """Write the table to ``out`` (.csv or .xlsx); returns the number of rows."""
    from tikdesk.excel import analytics_export

    rows = clearance_rows(ctx)
    return analytics_export.write_table(out, COLUMNS, rows, ctx.protected)
