"""Read one table out of any supported file: sheet choice, header row, column mapping.

Spreadsheets (.xlsx/.xlsm/.xlsb/.xls/.ods) are read with python-calamine (fast, no XML
entity expansion); CSV/TXT with the standard library after encoding and separator detection.
Every file goes through :func:`tikdesk.excel.sniff.sniff` first, so what reaches a parser is
known to be what it claims and safe to unpack.

API (stable, also used by the analytics import):

``Field(key, label_de, label_en, aliases=(), required=False, ignored=False)`` and
``Schema(fields)``
    The columns an importer understands.  A header matches a field when its normalised text
    (:func:`normalise_header`: case-folded, umlauts folded ``ä``→``ae``, non-breaking spaces
    and line breaks → space, ``*``/``:`` and a trailing ``(…)`` note dropped) equals the
    normalised key, a label or an alias.  ``ignored`` fields are known (not listed as
    unknown) but not imported, e.g. "Erstellt" in our own export.
``read_table(path, schema=None, sheet=None, sniffed=None) -> Table``
    Picks the sheet (``sheet`` by name, else the visible sheet whose header matches the
    schema best — cover sheets and hidden sheets are skipped), finds the header row within
    the first 30 rows (title rows, merged titles and empty rows above it are skipped; a
    two-row header is combined when that matches more fields), and returns the data rows.
    Raises ``InputRejected`` with a message naming the file (and the sheets) when no table
    is found.
``Table``
    ``path``, ``kind``, ``sheet``, ``sheets`` (visible sheet names), ``header_row`` (1-based
    row of the last header line), ``headers`` (texts, cleaned), ``rows`` (lists of raw cell
    values as the reader gave them, padded to the header width; blank rows dropped),
    ``row_numbers`` (the spreadsheet row of each data row; for CSV the record's first line),
    ``date1904`` (workbook uses the 1904 date system), ``cell_errors`` ({(row_number,
    column_index): "#NV" or "formula without value"} for xlsx/xlsm, where calamine reports
    such cells as empty; ``FORMULA_WITHOUT_VALUE`` marks a formula without a cached value),
    ``notices``, ``sniffed``.
``map_columns(headers, schema, override=None) -> ColumnMap``
    ``mapping`` {column index: field key or None}, ``unknown`` header texts, ``duplicates``
    (header texts ignored because an earlier column already maps to the same field).
    ``override`` {column index: key or None} wins over the alias table (GUI correction).
``csv_rows(data, encoding=None, delimiter=None, name=None, notices=None)``
    ``-> (rows, row_numbers, delimiter)``: CSV bytes (e.g. an entry of a ZIP) as rows of
    strings.  Cells of any length are read; a record that cannot be parsed, or more than
    ``MAX_CSV_ROWS`` records, raise ``InputRejected`` naming ``name`` (and the line).
    Control characters (NUL, BEL, ESC …) are removed, with a line in ``notices`` naming the
    rows.
``detect_delimiter(text) -> str``
"""

from __future__ import annotations

import csv
import io
import re
import threading
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress, islice
from operator import not_
from pathlib import Path
from typing import Any

from tikdesk.domain.bulk import Background
from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.domain.text import thousands
from tikdesk.excel import sniff as sniffing
from tikdesk.excel.values import clean_text, is_blank

__all__ = [
    "ColumnMap",
    "Field",
    "Schema",
    "Table",
    "csv_rows",
    "detect_delimiter",
    "list_sheets",
    "map_columns",
    "normalise_header",
    "read_table",
]

HEADER_SCAN_ROWS = 30
#: Data rows a CSV may have: as many as an Excel sheet (1,048,576).  A longer file is refused
#: once that many records are read, so memory stays bounded (README, "Für die IT").
MAX_CSV_ROWS = 1_048_576
FORMULA_WITHOUT_VALUE = "="  # cell_errors marker: a formula Excel never calculated
Cell = Any


# ----------------------------------------------------------------------------- schema
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_NOTE = re.compile(r"\s*[\(\[][^)\]]*[\)\]]\s*$")
_PUNCT = re.compile(r"[\s_\-./:*#]+")


def normalise_header(text: Any) -> str:
    """A header text reduced for matching (see module docstring)."""
    value = unicodedata.normalize("NFC", clean_text(text)).casefold().translate(_FOLD)
    value = value.strip(" *:")
    return _PUNCT.sub(" ", value).strip()


def _loose(text: str) -> str:
    return _NOTE.sub("", text).strip()


@dataclass(frozen=True)
class Field:
    key: str
    label_de: str
    label_en: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    ignored: bool = False

    def label(self, language: str) -> str:
        return self.label_de if language == "de" else self.label_en


@dataclass(frozen=True)
class Schema:
    fields: tuple[Field, ...]

    def table(self) -> dict[str, str]:
        lookup: dict[str, str] = {}
        for f in self.fields:
            for word in (f.key, f.label_de, f.label_en, *f.aliases):
                lookup.setdefault(normalise_header(word), f.key)
        for norm, key in list(lookup.items()):
            lookup.setdefault(norm.replace(" ", ""), key)  # "Ziel gruppe", "ZIEL\nTERMIN"
        return lookup

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)

    def match(self, header: Any) -> str | None:
        return _lookup(self.table(), header)


@dataclass
class ColumnMap:
    mapping: dict[int, str | None]
    unknown: list[str]
    duplicates: list[str]


def map_columns(
    headers: Sequence[str], schema: Schema, override: dict[int, str | None] | None = None
) -> ColumnMap:
    lookup = schema.table()
    mapping: dict[int, str | None] = {}
    unknown: list[str] = []
    duplicates: list[str] = []
    taken: set[str] = set()
    override = override or {}
    for index, header in enumerate(headers):
        key = override[index] if index in override else _lookup(lookup, header)
        if key is not None and key in taken:
            duplicates.append(header)
            key = None
        elif key is None and header and index not in override:
            unknown.append(header)
        if key is not None:
            taken.add(key)
        mapping[index] = key
    return ColumnMap(mapping, unknown, duplicates)


def _lookup(lookup: dict[str, str], header: Any) -> str | None:
    norm = normalise_header(header)
    if not norm:
        return None
    loose = _loose(norm)
    return (
        lookup.get(norm)
        or lookup.get(loose)
        or lookup.get(norm.replace(" ", ""))
        or lookup.get(loose.replace(" ", ""))
    )


def _score(row: Sequence[Cell], lookup: dict[str, str]) -> int:
    keys = set()
    for cell in row:
        if isinstance(cell, str) and cell.strip():
            key = _lookup(lookup, cell)
            if key:
                keys.add(key)
    return len(keys)


def _texts(row: Sequence[Cell]) -> int:
    return sum(1 for c in row if isinstance(c, str) and c.strip())


def _combined(
    top: Sequence[Cell], bottom: Sequence[Cell], lookup: dict[str, str] | None
) -> list[str]:
    """Two header lines into one.  Per column the first of "upper lower" (the upper line
    forward-filled across merged group cells), "lower" and "upper" that names a known
    field wins; else "upper lower"."""
    out, last = [], ""
    for index in range(max(len(top), len(bottom))):
        upper = clean_text(top[index]) if index < len(top) else ""
        lower = clean_text(bottom[index]) if index < len(bottom) else ""
        last = upper or last
        both = f"{last} {lower}".strip() if lower else upper
        choice = both
        if lookup is not None:
            choice = next((c for c in (both, lower, upper) if c and _lookup(lookup, c)), both)
        out.append(choice)
    return out


def find_header(rows: Sequence[Sequence[Cell]], schema: Schema | None) -> tuple[int, int, int]:
    """(index of the first header line, number of header lines, score) in ``rows``."""
    scan = rows[:HEADER_SCAN_ROWS]
    if schema is None:
        for index, row in enumerate(scan):
            if _texts(row) >= 2:
                return index, 1, _texts(row)
        return -1, 1, 0
    lookup = schema.table()
    best = (-1, 1, 0)
    for index, row in enumerate(scan):
        score = _score(row, lookup)
        if score > best[2]:
            best = (index, 1, score)
        if index + 1 < len(scan) and _texts(row) and _texts(scan[index + 1]):
            two = _score(_combined(row, scan[index + 1], lookup), lookup)
            if two > best[2] and two > _score(scan[index + 1], lookup):
                best = (index, 2, two)
    return best


# ----------------------------------------------------------------------------- table
@dataclass
class Table:
    path: Path
    kind: str
    sheet: str | None
    sheets: list[str]
    header_row: int
    headers: list[str]
    rows: list[list[Cell]]
    row_numbers: list[int]
    date1904: bool = False
    cell_errors: dict[tuple[int, int], str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    score: int = 0
    sniffed: sniffing.Sniffed | None = None


def _no_table(path: Path, sheets: Sequence[str] = ()) -> InputRejected:
    names = ", ".join(f"„{s}“" for s in sheets)
    where_de = f" (Blätter: {names})" if sheets else ""
    where_en = f" (sheets: {names})" if sheets else ""
    return InputRejected(
        msg(
            f"„{path.name}“: keine Tabelle mit bekannten Spaltenüberschriften gefunden{where_de}. "
            "Erwartet wird eine Überschriftenzeile wie „Titel; Status; Zieltermin“.",
            f"'{path.name}': no table with known column headers found{where_en}. A header "
            "row such as 'Title; Status; Due date' is expected.",
        )
    )


def read_table(
    path: Path | str,
    schema: Schema | None = None,
    sheet: str | None = None,
    sniffed: sniffing.Sniffed | None = None,
) -> Table:
    path = Path(path)
    info = sniffed or sniffing.sniff(path)
    if info.kind == sniffing.KIND_TEXT:
        table = _read_csv(path, info, schema)
    elif info.kind in sniffing.SPREADSHEET_KINDS:
        table = _read_workbook(path, info, schema, sheet)
    else:
        raise InputRejected(
            msg(
                f"„{path.name}“ ist ein ZIP-Archiv, keine Tabelle.",
                f"'{path.name}' is a ZIP archive, not a table.",
            )
        )
    table.sniffed = info
    table.notices[:0] = info.notices
    return table


def _finish(
    path: Path,
    kind: str,
    raw: list[list[Cell]],
    numbers: list[int],
    schema: Schema | None,
    sheet: str | None,
    sheets: list[str],
) -> Table:
    start, lines, score = find_header(raw, schema)
    if start < 0 or (schema is not None and score == 0):
        raise _no_table(path, sheets)
    if lines == 2:
        headers = _combined(raw[start], raw[start + 1], schema.table() if schema else None)
    else:
        headers = [clean_text(c) for c in raw[start]]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    body = raw[start + lines :]
    body_numbers = numbers[start + lines :]
    blank = _blank_positions(body)
    if blank:
        body = [row for pos, row in enumerate(body) if pos not in blank]
        body_numbers = [n for pos, n in enumerate(body_numbers) if pos not in blank]
    ragged = 0
    if set(map(len, body)) - {width}:  # rows of another width: pad or cut them
        for pos, row in enumerate(body):
            if len(row) > width:
                if any(not is_blank(c) for c in row[width:]):
                    ragged += 1
                body[pos] = row[:width]
            elif len(row) < width:
                body[pos] = [*row, *([""] * (width - len(row)))]
    rows, row_numbers = body, list(body_numbers)
    table = Table(
        path,
        kind,
        sheet,
        sheets,
        numbers[start + lines - 1],
        headers,
        rows,
        row_numbers,
        score=score,
    )
    if ragged:
        table.notices.append(
            msg(
                f"{ragged} Zeilen haben Werte rechts neben der letzten Spalte mit Überschrift; "
                "diese Werte werden nicht übernommen.",
                f"{ragged} rows have values right of the last column with a header; those "
                "values are not imported.",
            )
        )
    return table


def _blank_positions(rows: list[list[Cell]]) -> set[int]:
    """Positions of the rows without a value.  Most rows start with a value, which
    settles it at a glance; only the others are looked at cell by cell."""
    suspects = compress(range(len(rows)), map(not_, map(_starts_filled, rows)))
    return {pos for pos in suspects if all(is_blank(c) for c in rows[pos])}


def _starts_filled(row: list[Cell]) -> bool:
    if not row:
        return False
    first = row[0]
    kind = first.__class__
    if kind is str:
        return bool(first) and first.isascii() and not first.isspace()
    if kind is float:
        return bool(first == first)  # not NaN
    return first is not None


# ----------------------------------------------------------------------------- CSV
_QUOTED = re.compile(r'"(?:[^"]|"")*"', re.S)
_CANDIDATES = (";", "\t", ",", "|")


def detect_delimiter(text: str) -> str:
    """The separator of a CSV text: the candidate with the most consistent count per line."""
    sample = _QUOTED.sub("", text[:65536])
    lines = [line for line in sample.splitlines()[:60] if line.strip()]
    if lines and lines[0].lower().startswith("sep=") and len(lines[0]) >= 5:
        return lines[0][4]
    best, best_key = ";", (0, 0)
    for cand in _CANDIDATES:
        counts = [line.count(cand) for line in lines]
        nonzero = [c for c in counts if c]
        if not nonzero:
            continue
        mode, freq = Counter(nonzero).most_common(1)[0]
        key = (freq, mode)
        if key > best_key:
            best, best_key = cand, key
    return best


_FIELD_LIMIT = threading.Lock()


def _allow_fields_up_to(length: int) -> None:
    """Raise the csv module's field limit (process-wide, 131,072 characters by default) to
    ``length``: no cell of a text is longer than the text, so a long description is read,
    never cut off.  The limit only ever grows, so a parse on another thread keeps its own."""
    if csv.field_size_limit() < length:
        with _FIELD_LIMIT:
            if csv.field_size_limit() < length:
                csv.field_size_limit(length)


def csv_rows(
    data: bytes,
    encoding: str | None = None,
    delimiter: str | None = None,
    name: str | None = None,
    notices: list[str] | None = None,
) -> tuple[list[list[str]], list[int], str]:
    """Rows of a CSV text.  Every record is read; a record the csv module cannot parse
    raises ``InputRejected`` naming ``name`` (the file) and its line — never a silent end.
    Control characters (NUL, BEL, ESC …) are removed; ``notices`` gets a line naming the
    rows that held one."""
    encoding = encoding or sniffing.detect_encoding(data[:65536])
    text = data.decode(encoding, errors="replace").lstrip("\ufeff")
    _allow_fields_up_to(len(text) + 1)
    delimiter = delimiter or detect_delimiter(text)
    if text[:4].lower() == "sep=":
        text = text.split("\n", 1)[1] if "\n" in text else ""
        offset = 1
    else:
        offset = 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    numbers: list[int] = []
    previous = 0
    try:
        for record in islice(reader, MAX_CSV_ROWS + 1):  # memory stays bounded
            rows.append(record)
            numbers.append(previous + 1 + offset)
            previous = reader.line_num
    except csv.Error as exc:  # an unterminated quote at the end is no error (strict=False)
        line = previous + 1 + offset
        where = f"„{name}“" if name else "CSV"
        where_en = f"'{name}'" if name else "CSV"
        raise InputRejected(
            msg(
                f"{where}, Zeile {line}: Der Datensatz kann nicht gelesen werden ({exc}). "
                "Es wurde nichts übernommen.",
                f"{where_en}, row {line}: the record cannot be read ({exc}). Nothing was imported.",
            )
        ) from exc
    if len(rows) > MAX_CSV_ROWS:
        raise _too_many_rows(name)
    if _CONTROL.search(text) is not None:  # one search at C speed; almost never true
        _drop_controls(rows, numbers, name, notices)
    return rows, numbers, delimiter


def _too_many_rows(name: str | None) -> InputRejected:
    limit = thousands(MAX_CSV_ROWS)
    return InputRejected(
        msg(
            f"„{name or 'CSV'}“ hat mehr als {limit} Zeilen – so viele fasst auch kein "
            f"Excel-Blatt. TikDesk liest höchstens {limit} Zeilen; bitte die Datei aufteilen. "
            "Nichts wurde übernommen.",
            f"'{name or 'CSV'}' has more than {limit} rows – more than an Excel sheet holds. "
            f"TikDesk reads at most {limit} rows; please split the file. Nothing was imported.",
        )
    )


#: Control characters that are neither line breaks nor whitespace to ``str.split``: no
#: table means them (a NUL, BEL or ESC comes from a broken export), so they are removed.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f]")


def _drop_controls(
    rows: list[list[str]], numbers: list[int], name: str | None, notices: list[str] | None
) -> None:
    found: list[int] = []
    for pos, row in enumerate(rows):
        if _CONTROL.search("\n".join(row)) is not None:
            rows[pos] = [_CONTROL.sub("", cell) for cell in row]
            found.append(numbers[pos])
    if notices is None or not found:
        return
    shown = ", ".join(map(str, found[:10]))
    more_de = f" und {thousands(len(found) - 10)} weiteren" if len(found) > 10 else ""
    more_en = f" and {thousands(len(found) - 10)} more" if len(found) > 10 else ""
    where_de = f"„{name}“: " if name else ""
    where_en = f"'{name}': " if name else ""
    notices.append(
        msg(
            f"{where_de}Steuerzeichen (wie NUL, BEL, ESC) in Zeile {shown}{more_de} "
            "entfernt; der übrige Inhalt wird übernommen.",
            f"{where_en}control characters (such as NUL, BEL, ESC) removed in row "
            f"{shown}{more_en}; the rest of the content is imported.",
        )
    )


def _read_csv(path: Path, info: sniffing.Sniffed, schema: Schema | None) -> Table:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise sniffing.rejected_unreadable(path, exc) from exc
    notices: list[str] = []
    rows, numbers, _delimiter = csv_rows(data, info.encoding, name=path.name, notices=notices)
    if not rows:
        raise _no_table(path)
    table = _finish(path, sniffing.KIND_TEXT, rows, numbers, schema, None, [])
    table.notices[:0] = notices
    return table


# ----------------------------------------------------------------------------- workbooks
def _open_workbook(path: Path) -> Any:
    import python_calamine

    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except OSError as exc:
        raise sniffing.rejected_unreadable(path, exc) from exc
    except Exception as exc:  # calamine raises its own error types for broken files
        text = str(exc).lower()
        if "password" in text or "encrypt" in text:
            raise InputRejected(
                msg(
                    f"„{path.name}“: Die Arbeitsmappe ist mit einem Kennwort geschützt. Bitte in "
                    "Excel das Kennwort entfernen, speichern und erneut importieren.",
                    f"'{path.name}': the workbook is password-protected. Please remove the "
                    "password in Excel, save and import again.",
                )
            ) from exc
        raise InputRejected(
            msg(
                f"„{path.name}“ kann nicht gelesen werden (beschädigt?): {exc}",
                f"'{path.name}' cannot be read (damaged?): {exc}",
            )
        ) from exc


def list_sheets(path: Path | str, visible_only: bool = True) -> list[str]:
    workbook = _open_workbook(Path(path))
    return [m.name for m in workbook.sheets_metadata if not visible_only or _visible(m)]


def _visible(meta: Any) -> bool:
    import python_calamine

    return bool(
        meta.visible == python_calamine.SheetVisibleEnum.Visible
        and meta.typ == python_calamine.SheetTypeEnum.WorkSheet
    )


def _load_sheet(path: Path, workbook: Any, name: str) -> Any:
    try:
        return workbook.get_sheet_by_name(name)
    except Exception as exc:
        raise InputRejected(
            msg(
                f"„{path.name}“, Blatt „{name}“ kann nicht gelesen werden: {exc}",
                f"'{path.name}', sheet '{name}' cannot be read: {exc}",
            )
        ) from exc


def _read_workbook(
    path: Path, info: sniffing.Sniffed, schema: Schema | None, sheet: str | None
) -> Table:
    workbook = _open_workbook(path)
    meta = list(workbook.sheets_metadata)
    visible = [m.name for m in meta if _visible(m)]
    loaded: dict[str, Any] = {}  # each sheet is parsed once (calamine parses it whole)
    chosen: str | None
    if sheet is not None:
        names: list[str] = [m.name for m in meta]
        chosen = next((n for n in names if n == sheet), None) or next(
            (n for n in names if n.casefold().strip() == sheet.casefold().strip()), None
        )
        if chosen is None:
            listed = ", ".join(f"„{n}“" for n in visible)
            raise InputRejected(
                msg(
                    f"„{path.name}“ hat kein Blatt „{sheet}“. Vorhanden: {listed}.",
                    f"'{path.name}' has no sheet '{sheet}'. Available: {listed}.",
                )
            )
        details = _Details(path, [chosen], info.kind)
    else:
        details = _Details(path, visible, info.kind)
        chosen, best = None, 0
        for name in visible:
            loaded[name] = _load_sheet(path, workbook, name)
            head = loaded[name].to_python(skip_empty_area=False, nrows=HEADER_SCAN_ROWS)
            _start, _lines, score = find_header(head, schema)
            if score > best:
                chosen, best = name, score
        if chosen is None:
            raise _no_table(path, visible)
    sheet_obj = loaded.get(chosen) or _load_sheet(path, workbook, chosen)
    loaded.clear()
    raw = sheet_obj.to_python(skip_empty_area=False)
    del sheet_obj
    numbers = list(range(1, len(raw) + 1))
    table = _finish(path, info.kind, raw, numbers, schema, chosen, visible)
    table.date1904, table.cell_errors = details.result(chosen)
    return table


class _Details:
    """:func:`_ooxml_details` of an xlsx/xlsm's candidate sheets, read on a second thread.

    Unzipping the sheet XML and searching it takes about half as long as calamine's parse
    of the same sheet; both release the GIL for most of that time, so on a machine with two
    cores the details come for free while calamine works.  Other formats have none."""

    def __init__(self, path: Path, sheets: list[str], kind: str) -> None:
        self._work: Background[dict[str, tuple[bool, dict[tuple[int, int], str]]]] | None = None
        if kind in (sniffing.KIND_XLSX, sniffing.KIND_XLSM) and sheets:
            self._work = Background(
                lambda: {name: _ooxml_details(path, name) for name in sheets},
                "tikdesk-xlsx-details",
            )

    def result(self, sheet: str) -> tuple[bool, dict[tuple[int, int], str]]:
        if self._work is None:
            return False, {}
        return self._work.result().get(sheet, (False, {}))


# ----------------------------------------------------------------------------- xlsx details
_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)/?>")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_REL_TAG = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)/?>")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_REF = re.compile(rb"([A-Z]+)(\d+)")
_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")  # a cell formula, not <formula1> of a drop-down


def _attrs(blob: bytes) -> dict[str, str]:
    out = {}
    for key, value in _ATTR.findall(blob):
        name = (
            key.decode().split(":")[-1]
            if b":" in key and not key.startswith(b"r:")
            else key.decode()
        )
        out[name] = (
            value.decode("utf-8", "replace")
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", '"')
            .replace("&apos;", "'")
        )
    return out


def _may_hold_formula(data: bytes) -> bool:
    """A cheap pre-check for :data:`_FORMULA`: plain substring searches run at memory speed,
    the regex stops at every ``<`` of a sheet with millions of cells."""
    return any(tag in data for tag in (b"<f>", b"<f ", b"<f/>", b":f>", b":f ", b":f/>")) and (
        _FORMULA.search(data) is not None
    )


def _column_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ch - 64)
    return index - 1


def _ooxml_details(path: Path, sheet: str) -> tuple[bool, dict[tuple[int, int], str]]:
    """The 1904 flag and the error / uncached-formula cells of one sheet, read with plain
    byte searches (no XML parser, so no entity expansion)."""
    errors: dict[tuple[int, int], str] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            book = zf.read("xl/workbook.xml")
            date1904 = re.search(rb'date1904="(1|true)"', book) is not None
            target = None
            for blob in _SHEET_TAG.findall(book):
                attrs = _attrs(blob)
                if attrs.get("name") == sheet:
                    target = attrs.get("r:id") or attrs.get("id")
            part = None
            rels = zf.read("xl/_rels/workbook.xml.rels")
            for blob in _REL_TAG.findall(rels):
                attrs = _attrs(blob)
                if attrs.get("Id") == target:
                    part = attrs.get("Target", "")
            if not part:
                return date1904, errors
            part = part.lstrip("/") if part.startswith("/") else "xl/" + part
            data = zf.read(part)
    except (KeyError, zipfile.BadZipFile, OSError):
        return False, errors
    if b't="e"' not in data and not _may_hold_formula(data):
        return date1904, errors
    for attrs_blob, inner in _CELL.findall(data):
        has_error = b't="e"' in attrs_blob
        has_formula = inner is not None and _FORMULA.search(inner) is not None
        if not has_error and not has_formula:
            continue
        ref = re.search(rb'\br="([A-Z]+\d+)"', attrs_blob)
        if ref is None:
            continue
        letters, digits = _REF.match(ref.group(1)).groups()  # type: ignore[union-attr]
        value = _VALUE.search(inner or b"")
        key = (int(digits), _column_index(letters))
        if has_error:
            errors[key] = value.group(1).decode("utf-8", "replace") if value else "#?"
        elif value is None or not value.group(1):
            errors[key] = FORMULA_WITHOUT_VALUE
    return date1904, errors
