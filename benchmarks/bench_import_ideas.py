"""Idea import and export at 100,000 rows (issue 3): read, validate, preview, commit; export.

Figures and their floors (measured in the same run):

* import .xlsx (preview + commit into a fresh database), the sheet as Excel saves it (texts
  in the shared-strings table) — floor: python-calamine reading the same file + raw
  ``sqlite3`` ``executemany`` of the same rows into the same table;
* the same sheet with its texts inline in the cells (as streaming writers save it, our own
  export among them: calamine needs about a third longer for such a file);
* import .csv — floor: ``csv.reader`` + the same raw insert;
* re-import of an unchanged export (everything "unchanged", nothing written);
* export .xlsx / .csv of 100,000 ideas — floor: a raw ``sqlite3`` SELECT of the same columns
  written with xlsxwriter / ``csv.writer`` (no labels, no date cells, no formula guard).

    python -m benchmarks.bench_import_ideas [--quick] [--rows N]
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import Row, measure, repeats, table

ROWS = 100_000
TARGET_S = 3.0
FORMATS = ["Trend-Sound", "Erklärvideo", "Blick hinter die Kulissen", "Q&A", "Takeover"]
AUDIENCES = ["Bewerber:innen", "Bürger:innen", "Allgemein", "Beschäftigte"]
STATUSES = ["Idee", "in Planung", "Vorgemerkt", "In Produktion", "Erledigt", "verworfen"]
PRIOS = ["hoch", "mittel", "niedrig"]
HEADERS = [
    "Titel",
    "Hook",
    "Format",
    "Zielgruppe",
    "Status",
    "Priorität",
    "Verantwortlich",
    "Zieltermin",
    "Beschreibung",
    "Tags",
]
INSERT = (
    "INSERT INTO idea (title, hook, description, format, audience, pillar, tags, status, "
    "priority, owner, target_date, sound_ref, board_rank, created_at, updated_at, version) "
    "VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, '', ?, ?, ?, 1)"
)


def sample_rows(n: int) -> list[list[Any]]:
    start = dt.date(2026, 1, 1)
    return [
        [
            f"Idee {i}: Ein Tag im Amt {i % 97}",
            f"Wusstest du, dass {i % 13} …",
            FORMATS[i % len(FORMATS)],
            AUDIENCES[i % len(AUDIENCES)],
            STATUSES[i % len(STATUSES)],
            PRIOS[i % len(PRIOS)],
            ["Jana", "Tobias", "Lisa", "Mehmet"][i % 4],
            start + dt.timedelta(days=i % 700),
            f"Notiz zu Idee {i}; Drehgenehmigung klären",
            "Ausbildung, Recruiting" if i % 3 else "",
        ]
        for i in range(n)
    ]


def write_xlsx(path: Path, rows: list[list[Any]], shared_strings: bool = True) -> None:
    """The sheet as Excel saves it: texts in the shared-strings table (``shared_strings``)
    — or inline in the cells, as streaming writers do (xlsxwriter's constant-memory mode,
    which our own export uses)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": not shared_strings})
    sheet = book.add_worksheet("Ideen")
    fmt = book.add_format({"num_format": "dd.mm.yyyy"})
    sheet.write_row(0, 0, HEADERS)
    for r, row in enumerate(rows, start=1):
        sheet.write_row(r, 0, row[:7])
        sheet.write_datetime(r, 7, row[7], fmt)
        sheet.write_row(r, 8, row[8:])
    book.close()


def write_csv(path: Path, rows: list[list[Any]]) -> None:
    with open(path, "w", encoding="cp1252", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow([*row[:7], f"{row[7]:%d.%m.%Y}", *row[8:]])


class Sandbox:
    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="tikdesk-bench-ideas-"))
        self.count = 0

    def fresh_db(self) -> Path:
        from tikdesk.storage.engine import open_database

        self.count += 1
        path = self.folder / f"db{self.count}.sqlite"
        open_database(path).close()
        return path

    def context(self, path: Path) -> Any:
        from tikdesk.services.context import AppContext
        from tikdesk.storage.engine import open_database

        return AppContext(
            db=open_database(path), user="bench", backup_dir=self.folder / f"backups{self.count}"
        )

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def raw_insert(db: Path, rows: list[list[Any]]) -> None:
    now = dt.datetime.now().replace(microsecond=0).isoformat(" ")
    conn = sqlite3.connect(db)
    with conn:
        conn.executemany(
            INSERT,
            (
                (
                    r[0],
                    r[1],
                    r[8],
                    r[2],
                    r[3],
                    r[9],
                    r[4],
                    r[5],
                    r[6],
                    r[7].isoformat() if isinstance(r[7], dt.date) else r[7],
                    float(i),
                    now,
                    now,
                )
                for i, r in enumerate(rows)
            ),
        )
    conn.close()


def run(quick: bool = False, rows: int = ROWS) -> list[Row]:
    import python_calamine

    from tikdesk.services import exchange

    n = repeats(quick, full=5, fast=2)
    box = Sandbox()
    try:
        data = sample_rows(rows)
        xlsx, csv_path = box.folder / "ideen.xlsx", box.folder / "ideen.csv"
        inline = box.folder / "ideen-inline.xlsx"
        write_xlsx(xlsx, data)
        write_xlsx(inline, data, shared_strings=False)
        write_csv(csv_path, data)
        state: dict[str, Any] = {}

        def new_db() -> None:
            if "ctx" in state:
                state["ctx"].db.close()
            state["db"] = box.fresh_db()
            state["ctx"] = box.context(state["db"])

        def import_file(path: Path) -> None:
            ctx = state["ctx"]
            preview = exchange.preview_idea_import(ctx, path)
            assert not preview.problems and len(preview.to_add) == rows, preview.problems[:3]
            exchange.commit_idea_import(ctx, preview)

        def floor_xlsx() -> None:
            book = python_calamine.CalamineWorkbook.from_path(str(xlsx))
            values = book.get_sheet_by_index(0).to_python()
            raw_insert(state["db"], values[1:])

        def floor_csv() -> None:
            with open(csv_path, encoding="cp1252", newline="") as fh:
                values = list(csv.reader(fh, delimiter=";"))
            raw_insert(state["db"], values[1:])

        imp_x = measure(lambda: import_file(xlsx), n, setup=new_db)
        flo_x = measure(floor_xlsx, n, setup=new_db)
        imp_i = measure(lambda: import_file(inline), n, setup=new_db)
        imp_c = measure(lambda: import_file(csv_path), n, setup=new_db)
        flo_c = measure(floor_csv, n, setup=new_db)

        # A database holding the 100,000 ideas, for export and re-import.
        new_db()
        import_file(xlsx)
        ctx = state["ctx"]
        out_x, out_c = box.folder / "export.xlsx", box.folder / "export.csv"
        exp_x = measure(lambda: exchange.export_ideas(ctx, out_x), n)
        exp_c = measure(lambda: exchange.export_ideas(ctx, out_c), n)

        def reimport() -> None:
            preview = exchange.preview_idea_import(ctx, out_x)
            assert len(preview.unchanged) == rows and not preview.problems
            exchange.commit_idea_import(ctx, preview)

        re_x = measure(reimport, repeats(quick, full=3, fast=1))
        columns = (
            "id, title, hook, format, audience, status, priority, owner, target_date, "
            "description, tags, created_at, updated_at"
        )

        def records() -> list[tuple[Any, ...]]:
            conn = sqlite3.connect(state["db"])
            try:
                return conn.execute(f"SELECT {columns} FROM idea ORDER BY id").fetchall()
            finally:
                conn.close()

        def floor_export_xlsx() -> None:
            import xlsxwriter

            book = xlsxwriter.Workbook(str(box.folder / "floor.xlsx"), {"constant_memory": True})
            sheet = book.add_worksheet()
            for r, rec in enumerate(records()):
                sheet.write_row(r, 0, rec)
            book.close()

        def floor_export_csv() -> None:
            with open(box.folder / "floor.csv", "w", encoding="utf-8-sig", newline="") as fh:
                csv.writer(fh, delimiter=";").writerows(records())

        flo_ex = measure(floor_export_xlsx, n)
        flo_ec = measure(floor_export_csv, n)
        state["ctx"].db.close()
        label = f"{rows:,}".replace(",", ".")
        return [
            Row(
                f"Idea import .xlsx, {label} rows (preview + commit)",
                imp_x,
                flo_x,
                max_value=TARGET_S,
                floor_label="calamine read + raw sqlite3 executemany",
            ),
            Row(
                f"Idea import .xlsx with inline strings, {label} rows",
                imp_i,
                None,
                max_value=TARGET_S,
                note="texts inline in the cells (streaming writers, our own export)",
            ),
            Row(
                f"Idea import .csv (cp1252, ;), {label} rows",
                imp_c,
                flo_c,
                max_value=TARGET_S,
                floor_label="csv.reader + raw sqlite3 executemany",
            ),
            Row(
                f"Idea re-import of an unchanged export, {label} rows",
                re_x,
                None,
                max_value=TARGET_S,
                note="all rows unchanged, nothing written",
            ),
            Row(
                f"Idea export .xlsx, {label} ideas",
                exp_x,
                flo_ex,
                floor_label="raw sqlite3 SELECT + xlsxwriter write_row",
            ),
            Row(
                f"Idea export .csv, {label} ideas",
                exp_c,
                flo_ec,
                floor_label="raw sqlite3 SELECT + csv.writer",
            ),
        ]
    finally:
        if "ctx" in locals().get("state", {}):
            state["ctx"].db.close()
        box.close()


def main() -> int:
    rows = ROWS
    if "--rows" in sys.argv:
        rows = int(sys.argv[sys.argv.index("--rows") + 1])
    print(table(run("--quick" in sys.argv, rows=rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
