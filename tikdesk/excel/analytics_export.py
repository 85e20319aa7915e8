"""Writing the account days for other tools: CSV (German Excel) or XLSX.

One row per account and day; ISO dates, plain integers, an empty cell where a value is
missing (never 0).  CSV follows the project rule for files we write (data-safety.md):
``;``-separated UTF-8 with BOM, text cells that would start a formula prefixed with ``'``.
The file is written to a temporary name and renamed into place, so a crash never leaves half
a file and a target that is open in Excel gives a clear message.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.excel.writing import Protected, atomic_target, csv_safe


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return str(int(value)) if float(value).is_integer() else str(value)
    return csv_safe(str(value))


def write_table(
    out: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    protected: Protected | None = None,
) -> int:
    """Write ``rows`` under ``header`` to ``out`` (.csv or .xlsx); returns the row count."""
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputRejected(
            msg(
                f"„{out.name}“: bitte als .csv oder .xlsx speichern.",
                f"'{out.name}': please save as .csv or .xlsx.",
            )
        )
    with atomic_target(out, protected) as tmp:
        if suffix == ".csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
                writer.writerow(header)
                writer.writerows([_csv_cell(v) for v in row] for row in rows)
        else:
            _write_xlsx(tmp, header, rows)
    return len(rows)


def _write_xlsx(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_urls": False}
    )
    try:
        sheet = workbook.add_worksheet("Daten")
        bold = workbook.add_format({"bold": True})
        day_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        sheet.write_row(0, 0, list(header), bold)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, dt.date):
                    sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), day_format)
                elif isinstance(value, int | float):
                    sheet.write_number(r, c, value)
                else:
                    sheet.write_string(r, c, str(value))
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(header) - 1)
        sheet.set_column(0, 0, 24)
        sheet.set_column(1, 1, 12)
        sheet.set_column(2, len(header) - 1, 14)
    finally:
        workbook.close()
