"""The management report for one year on the large database: build, workbook, PDF.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_report [--quick]

Figures (each median (min–max) of several runs):

* the whole report as the CLI makes it (queries, numbers, workbook with charts), against the
  floor of xlsxwriter alone writing the same cells (values only: no formats, charts, print
  setup) into a workbook of the same sheets;
* the numbers alone (``ReportService.build``: every query and the KPIs of both periods);
* the PDF alone (Typst, tagged PDF/UA-1 + PDF/A-2a, the same content and charts).

The year is the last complete calendar year of the shared large database
(``benchmarks.generate``: 3 years of daily numbers for 2 accounts, 5,000 posts, 1,000 videos
with weekly snapshots).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if __package__ in (None, ""):  # run as a file: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Row, measure, repeats, table


def same_cells(data: Any, path: Path) -> None:
    """The floor: xlsxwriter writing the report's cells as plain values, nothing else."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    overview, posts, formats, pipeline, chart_data = (
        book.add_worksheet(n)
        for n in ("Überblick", "Beiträge", "Formate", "Redaktion", "Diagrammdaten")
    )
    o_row = p_row = f_row = c_col = 0
    for acc in data.accounts:
        for kpi in acc.kpis:
            for col, value in enumerate(
                (kpi.label, kpi.current, kpi.previous, kpi.change, kpi.change_pct)
            ):
                overview.write(o_row, col, value)
            o_row += 1
        for post in acc.posts:
            values = (post.published, post.title, post.format, post.audience, post.views,
                      post.likes, post.comments, post.shares, post.rate, post.rank)  # fmt: skip
            for col, value in enumerate(values):
                posts.write(p_row, col, value)
            p_row += 1
        for group in (*acc.by_format, *acc.by_audience):
            for col, value in enumerate(
                (group.label, group.posts, group.median_views, group.median_rate)
            ):
                formats.write(f_row, col, value)
            f_row += 1
        for i, (day, followers) in enumerate(acc.followers):
            chart_data.write(i, c_col, day)
            chart_data.write(i, c_col + 1, followers)
        for i, week in enumerate(acc.weekly_views):
            chart_data.write(i, c_col + 3, week.label)
            chart_data.write(i, c_col + 4, week.views)
        c_col += 6
    pairs = (*data.pipeline.ideas_by_status, *data.pipeline.posts_by_status)
    for i, (label, count) in enumerate(pairs):
        pipeline.write(i, 0, label)
        pipeline.write(i, 1, count)
    book.close()


def run(quick: bool = False, db: Path | None = None) -> list[Row]:
    from benchmarks.generate import generate

    work = Path(tempfile.mkdtemp(prefix="tikdesk-bench-report-"))
    os.environ.setdefault("TIKDESK_HOME", str(work / "home"))
    db_path = generate(work / "report.sqlite") if db is None else db
    n = repeats(quick, full=5, fast=2)

    from tikdesk.domain.report import Period
    from tikdesk.pdf.report import render_report
    from tikdesk.services.context import AppContext
    from tikdesk.services.report import ReportService
    from tikdesk.storage.engine import open_database

    database = open_database(db_path)
    try:
        service = ReportService(AppContext(db=database, user="bench"))
        year = dt.date.today().year - 1
        period = Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
        data = service.build(period)
        posts = sum(len(a.posts) for a in data.accounts)
        size = f"{len(data.accounts)} accounts, {posts} posts in {year}"
        whole = measure(lambda: service.create(period, work / "report.xlsx"), repeat=n)
        floor = measure(lambda: same_cells(data, work / "floor.xlsx"), repeat=n)
        numbers = measure(lambda: service.build(period), repeat=n)
        pdf = measure(lambda: render_report(data, work / "report.pdf"), repeat=n)
        return [
            Row(
                f"Report: one year to .xlsx ({size})",
                whole,
                floor,
                floor_label="xlsxwriter, same cells as values",
            ),
            Row("Report: one year, numbers only (queries + KPIs)", numbers),
            Row("Report: one year, PDF only (Typst, tagged)", pdf),
        ]
    finally:
        database.close()


def main() -> int:
    print(table(run("--quick" in sys.argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
