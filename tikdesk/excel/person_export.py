"""Write the DSGVO export of one person (Art. 15/20) as an .xlsx workbook.

The service passes plain data — one sheet per kind (person, consents, appearances, audit
events), each as headers plus rows.  Every text is written as text (``write_string``), so a
value starting with ``=`` can never become a formula.  The file is written to a temporary name
and renamed into place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.excel.writing import Protected, atomic_target

Cell = str | int | float | bool | dt.date | dt.datetime | None


@dataclass(frozen=True)
class Sheet:
    name: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]


def write_person_export(
    path: Path,
    sheets: Sequence[Sheet],
    *,
    title: str,
    note: str,
    protected: Protected | None = None,
) -> Path:
    """Write ``sheets`` to ``path``; the first sheet starts with ``title`` and ``note``."""
    import xlsxwriter

    path = _target(path, ".xlsx")
    with atomic_target(path, protected) as tmp:
        book = xlsxwriter.Workbook(
            str(tmp),
            {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False},
        )
        bold = book.add_format(
            {"bold": True, "bg_color": "#E8E8E8", "border": 1, "text_wrap": True, "valign": "top"}
        )
        heading = book.add_format({"bold": True, "font_size": 13})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        date_fmt = book.add_format({"num_format": "dd.mm.yyyy", "valign": "top"})
        time_fmt = book.add_format({"num_format": "dd.mm.yyyy hh:mm", "valign": "top"})
        for index, sheet in enumerate(sheets):
            ws = book.add_worksheet(_sheet_name(sheet.name, index))
            row = 0
            if index == 0:
                ws.write_string(0, 0, title, heading)
                ws.write_string(1, 0, note, wrap)
                row = 3
            widths = [max(10, min(60, len(h) + 2)) for h in sheet.headers]
            for col, header in enumerate(sheet.headers):
                ws.write_string(row, col, header, bold)
            ws.freeze_panes(row + 1, 0)
            for values in sheet.rows:
                row += 1
                for col, value in enumerate(values):
                    _write(ws, row, col, value, wrap, date_fmt, time_fmt)
                    if col < len(widths) and isinstance(value, str):
                        widths[col] = max(widths[col], min(60, len(value) + 2))
            for col, width in enumerate(widths):
                ws.set_column(col, col, width)
        book.close()
    return path


def _sheet_name(name: str, index: int) -> str:
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in name).strip("'")[:31]
    return cleaned or f"Sheet{index + 1}"


def _write(
    ws: object, row: int, col: int, value: Cell, wrap: object, date_fmt: object, time_fmt: object
) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        ws.write_string(row, col, msg("ja", "yes") if value else msg("nein", "no"))  # type: ignore[attr-defined]
    elif isinstance(value, int | float):
        ws.write_number(row, col, value)  # type: ignore[attr-defined]
    elif isinstance(value, dt.datetime):
        ws.write_datetime(row, col, value, time_fmt)  # type: ignore[attr-defined]
    elif isinstance(value, dt.date):
        ws.write_datetime(row, col, dt.datetime.combine(value, dt.time()), date_fmt)  # type: ignore[attr-defined]
    else:
        ws.write_string(row, col, str(value), wrap)  # type: ignore[attr-defined]


def write_export_zip(
    path: Path,
    workbook: Path,
    files: Sequence[tuple[str, Path]],
    protected: Protected | None = None,
) -> Path:
    """The Art. 15 export as one ZIP (issue 18): the workbook and the person's evidence files
    (``files``: name inside the ZIP, stored file), written complete or not at all."""
    import zipfile

    path = _target(path, ".zip")
    with (
        atomic_target(path, protected) as tmp,
        zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        archive.write(workbook, workbook.name)
        for name, source in files:
            archive.write(source, name)
    return path


def _target(path: Path, suffix: str) -> Path:
    """``path`` with ``suffix`` (added when it has another), its folder made; refused with
    the reason when the folder cannot be written to."""
    path = Path(path)
    if path.suffix.lower() != suffix:
        path = path.with_suffix(suffix)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputRejected(
            msg(
                f"In „{path.parent}“ kann nicht geschrieben werden: {exc.strerror}.",
                f"Cannot write to '{path.parent}': {exc.strerror}.",
            )
        ) from exc
    return path
