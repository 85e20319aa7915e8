"""Recruiting figures from CSV/XLSX: ``Monat | Konto | Bewerbungen | Klicks Karriere-Link |
Notiz`` (English: ``Month | Account | Applications | Career link clicks | Note``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from tikdesk.domain.errors import InputRejected
from tikdesk.domain.fmt import MONTHS_DE, MONTHS_EN
from tikdesk.domain.i18n import msg
from tikdesk.excel import reading
from tikdesk.excel import values as cells

SCHEMA = reading.Schema(
    (
        reading.Field("month", "Monat", "Month", aliases=("Monat", "Month"), required=True),
        reading.Field("account", "Konto", "Account", aliases=("Konto", "Account"), required=True),
        reading.Field(
            "applications",
            "Bewerbungen",
            "Applications",
            aliases=("Bewerbungen", "Applications"),
        ),
        reading.Field(
            "clicks",
            "Klicks Karriere-Link",
            "Career link clicks",
            aliases=("Klicks Karriere-Link", "Career link clicks"),
        ),
        reading.Field("note", "Notiz", "Note", aliases=("Notiz", "Note")),
    )
)


@dataclass(frozen=True)
class Row:
    month: dt.date
    account: str
    applications: int | None
    clicks: int | None
    note: str
    row: int


_NAMES = {n.casefold(): i + 1 for names in (MONTHS_DE, MONTHS_EN) for i, n in enumerate(names)}


def parse_month(cell: object) -> dt.date:
    """``2026-09``, ``09/2026``, ``09.2026``, ``September 2026``, a date → 1 Sept 2026."""
    if isinstance(cell, dt.date):
        return dt.date(cell.year, cell.month, 1)
    text = cells.clean_text(cell)
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        year, month = int(match[1]), int(match[2])
    elif match := re.fullmatch(r"(\d{1,2})[./](\d{4})", text):
        month, year = int(match[1]), int(match[2])
    elif (match := re.fullmatch(r"(\w+)\.?\s+(\d{4})", text)) and match[1].casefold() in _NAMES:
        month, year = _NAMES[match[1].casefold()], int(match[2])
    else:
        try:
            day = cells.parse_date(cell)
        except cells.ValueProblem:
            raise cells.ValueProblem(
                msg(
                    f"„{text}“ ist kein Monat (erwartet z. B. 2026-09 oder September 2026).",
                    f"'{text}' is not a month (expected e.g. 2026-09 or September 2026).",
                )
            ) from None
        return dt.date(day.year, day.month, 1)
    if not 1 <= month <= 12:
        raise cells.ValueProblem(msg(f"„{text}“: Monat {month} gibt es nicht.",
                                     f"'{text}': there is no month {month}."))  # fmt: skip
    return dt.date(year, month, 1)


def read(path: Path) -> list[Row]:
    """Every row, or InputRejected naming file, row and column of each problem."""
    table = reading.read_table(path, SCHEMA)
    columns = reading.map_columns(table.headers, SCHEMA)
    index = {key: i for i, key in columns.mapping.items() if key is not None}
    missing = [f.label_de for f in SCHEMA.fields if f.required and f.key not in index]
    if missing:
        raise InputRejected(
            msg(
                f"„{path.name}“: Spalte {', '.join(missing)} fehlt (erwartet: Monat, Konto, "
                "Bewerbungen, Klicks Karriere-Link, Notiz).",
                f"'{path.name}': column {', '.join(missing)} is missing (expected: Month, "
                "Account, Applications, Career link clicks, Note).",
            )
        )
    headers = {key: table.headers[i] for key, i in index.items()}
    rows: list[Row] = []
    problems: list[str] = []
    for number, cells_ in zip(table.row_numbers, table.rows, strict=True):
        if all(cells.is_blank(c) for c in cells_):
            continue

        def cell(key: str, row: list[object] = cells_) -> object:
            i = index.get(key)
            return row[i] if i is not None and i < len(row) else None

        values: dict[str, object] = {}
        for key, parse in (
            ("month", parse_month),
            ("applications", _count),
            ("clicks", _count),
        ):
            try:
                values[key] = parse(cell(key))
            except cells.ValueProblem as exc:
                problems.append(
                    msg(
                        f"„{path.name}“, Zeile {number}, Spalte „{headers[key]}“: {exc.reason}",
                        f"'{path.name}', row {number}, column '{headers[key]}': {exc.reason}",
                    )
                )
        account = cells.clean_text(cell("account")).lstrip("@").lower()
        if not account:
            problems.append(
                msg(
                    f"„{path.name}“, Zeile {number}, Spalte „{headers['account']}“: Konto fehlt.",
                    f"'{path.name}', row {number}, column '{headers['account']}': account "
                    "is missing.",
                )
            )
        if len(values) == 3 and account:
            rows.append(
                Row(
                    values["month"],  # type: ignore[arg-type]
                    account,
                    values["applications"],  # type: ignore[arg-type]
                    values["clicks"],  # type: ignore[arg-type]
                    cells.clean_text(cell("note")),
                    number,
                )
            )
    if problems:
        raise InputRejected("\n".join(problems))
    return rows


def _count(cell: object) -> int | None:
    if cells.is_blank(cell):
        return None
    value = cells.parse_int(cell)
    if value < 0:
        raise cells.ValueProblem(msg("Eine Anzahl ist nie negativ.", "A count is never negative."))
    return value
