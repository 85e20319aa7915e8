"""Why TikDesk reads Excel with calamine and writes it with XlsxWriter (README, Architecture).

    python -m benchmarks.bench_excel_libraries [--rows N]

Reads and writes the same idea sheet (13 columns, text, dates, numbers) with each library
in its fastest mode — calamine vs. openpyxl ``read_only``, XlsxWriter ``constant_memory``
vs. openpyxl ``write_only`` — and prints seconds and the factor.  openpyxl is a test
dependency only; it must be installed (``pip install -e ".[test]"``) to run this.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HEADER = [
    "ID", "Titel", "Beschreibung", "Status", "Format", "Zielgruppe", "Priorität",
    "Zuständig", "Termin", "Schlagworte", "Konto", "Angelegt", "Notiz",
]  # fmt: skip


def _rows(n: int) -> list[list[object]]:
    start = dt.date(2024, 1, 1)
    return [
        [
            i,
            f"Idee Nummer {i}: Ausbildung im Bürgeramt",
            "Ein Tag hinter dem Schalter, erzählt von Azubis " * 2,
            "Idee",
            "Reel",
            "Schüler:innen",
            "hoch",
            "Anna Beispiel",
            start + dt.timedelta(days=i % 900),
            "ausbildung, amt",
            "stadt_musterhausen",
            start,
            "",
        ]
        for i in range(1, n + 1)
    ]


def write_xlsxwriter(path: Path, rows: list[list[object]]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Ideen")
    date = book.add_format({"num_format": "dd.mm.yyyy"})
    sheet.write_row(0, 0, HEADER)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write_datetime(r, c, value, date)
            else:
                sheet.write(r, c, value)
    book.close()


def write_openpyxl(path: Path, rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Ideen")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)


def read_calamine(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    return len(CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python())


def read_openpyxl(path: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()


def _median(fn: Callable[[], object], repeat: int) -> float:
    took = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        took.append(time.perf_counter() - began)
    return statistics.median(took)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rows = _rows(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "a.xlsx", Path(tmp) / "b.xlsx"
        w_fast = _median(lambda: write_xlsxwriter(a, rows), args.repeat)
        w_slow = _median(lambda: write_openpyxl(b, rows), args.repeat)
        r_fast = _median(lambda: read_calamine(a), args.repeat)
        r_slow = _median(lambda: read_openpyxl(a), args.repeat)
    print(f"{args.rows:,} rows × {len(HEADER)} columns, median of {args.repeat}")
    print(f"write  XlsxWriter {w_fast:6.2f} s   openpyxl {w_slow:6.2f} s   ×{w_slow / w_fast:.1f}")
    print(f"read   calamine   {r_fast:6.2f} s   openpyxl {r_slow:6.2f} s   ×{r_slow / r_fast:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
