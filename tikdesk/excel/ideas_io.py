"""Idea lists in Excel/CSV: the column schema, cell → value conversion, and the writers.

Import: :data:`IDEA_SCHEMA` maps German and English headers to idea fields;
:func:`convert_rows` turns a :class:`tikdesk.excel.reading.Table` into :class:`Converted`
columns (only the mapped fields) plus :class:`~tikdesk.excel.preview.Problem` objects for every cell
that cannot be used.  Empty cells give ``""`` / ``None``; matching and rules that need the
database live in :mod:`tikdesk.services.exchange`.

Export: :func:`write_ideas_xlsx` (first sheet "Ideen"/"Ideas", header in row 1 in the UI
language, real dates, frozen header, autofilter, widths, drop-downs fed from a sheet
"Listen"/"Lists") and :func:`write_ideas_csv` (German Excel CSV).  Both write atomically and
never let text become a formula.  With no rows they write the empty template.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import itemgetter, not_
from pathlib import Path
from typing import Any

from tikdesk.domain.enums import LabeledEnum
from tikdesk.domain.fields import Kind, Spec
from tikdesk.domain.i18n import language, msg
from tikdesk.domain.ideas import IDEA_FIELDS
from tikdesk.excel.preview import Problem
from tikdesk.excel.reading import FORMULA_WITHOUT_VALUE, Field, Schema, Table
from tikdesk.excel.values import (
    ValueProblem,
    clean_text,
    error_value,
    parse_date,
    parse_int,
    unescape_formula_guard,
)
from tikdesk.excel.writing import (
    PROGRESS_EVERY,
    Progress,
    Protected,
    atomic_target,
    cancelled,
    csv_safe_fast,
    write_csv,
    xlsx_workbook,
)

__all__ = [
    "ENUM_FIELDS",
    "EXPORT_FIELDS",
    "IDEA_SCHEMA",
    "Converted",
    "convert_id",
    "convert_rows",
    "enum_converter",
    "export_headers",
    "write_ideas_csv",
    "write_ideas_xlsx",
]


def _schema_field(spec: Spec) -> Field:
    de, en = spec.header or spec.label
    extra = tuple(w for w in spec.label if w not in (de, en) and w not in spec.aliases)
    return Field(
        spec.key,
        de,
        en,
        spec.aliases + extra,
        required=spec.required,
        ignored=not spec.imported,
    )


#: The idea list's columns, in export order, from :data:`IDEA_FIELDS`.
IDEA_SCHEMA = Schema(tuple(_schema_field(spec) for spec in IDEA_FIELDS.exported))

#: Export column order (= the schema's order).
EXPORT_FIELDS: tuple[str, ...] = tuple(f.key for f in IDEA_SCHEMA.fields)
ENUM_FIELDS: dict[str, type[LabeledEnum]] = {
    s.key: s.enum for s in IDEA_FIELDS.exported if s.enum is not None
}
_MULTILINE = frozenset(s.key for s in IDEA_FIELDS.exported if s.keeps_breaks)
_TEXT_KEYS = frozenset(s.key for s in IDEA_FIELDS.exported if s.is_text)
_WIDTHS = {s.key: s.width for s in IDEA_FIELDS.exported}
#: The drop-down lists of the "Listen" sheet: the enum fields in table-column order.
_LIST_KEYS = [
    s.key
    for s in sorted(
        (s for s in IDEA_FIELDS.exported if s.enum is not None),
        key=lambda s: (s.column.order if s.column else 99, s.export or 0),
    )
]


def export_headers(lang: str | None = None) -> list[str]:
    lang = lang or language()
    return [IDEA_SCHEMA.field(key).label(lang) for key in EXPORT_FIELDS]


# ----------------------------------------------------------------------------- import
@dataclass
class Converted:
    """The converted cells of a table, column by column (100,000 rows stay cheap).

    ``keys[i]`` names ``columns[i]``; ``columns[i][pos]`` is the value of data row ``pos``
    (spreadsheet row ``numbers[pos]``): enum keys, dates as ``date``, text as ``str``
    (``""`` when empty), ``None`` for an empty enum/date/ID cell and for a cell with a
    problem.  ``bad`` maps a row position to the keys whose cell had a problem."""

    keys: list[str]
    columns: list[list[Any]]
    numbers: list[int]
    bad: dict[int, list[str]] = field(default_factory=dict)

    def column(self, key: str) -> list[Any] | None:
        return self.columns[self.keys.index(key)] if key in self.keys else None

    def rows(self, skip: Iterable[int] = ()) -> Iterator[tuple[int, int, tuple[Any, ...]]]:
        """(position, row number, values in ``keys`` order) per data row but those at the
        positions in ``skip``; :meth:`as_dict` turns the values into a dict."""
        left_out = set(skip)
        rows = zip(self.numbers, zip(*self.columns, strict=True), strict=True)
        for pos, (number, values) in enumerate(rows):
            if pos not in left_out:
                yield pos, number, values

    def as_dict(self, pos: int, values: tuple[Any, ...]) -> dict[str, Any]:
        """{key: value} of the row at ``pos``, the cells with a problem left out."""
        row = dict(zip(self.keys, values, strict=True))
        for key in self.bad.get(pos, ()):
            del row[key]
        return row


_ALIAS_CACHE: dict[type[LabeledEnum], dict[str, str]] = {}


def _enum_words(enum: type[LabeledEnum]) -> dict[str, str]:
    table = _ALIAS_CACHE.get(enum)
    if table is None:
        table = {word: member.value for word, member in enum.aliases().items()}
        _ALIAS_CACHE[enum] = table
    return table


def _norm_word(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").lower().split())


def enum_converter(key: str, enum: type[LabeledEnum]) -> Callable[[Any], Any]:
    words = _enum_words(enum)
    allowed = ", ".join(m.label for m in enum)

    def convert(value: Any) -> Any:
        text = clean_text(value)
        if not text:
            return None
        found = words.get(_norm_word(text))
        if found is None:
            raise ValueProblem(
                msg(
                    f"„{text}“ ist kein bekannter Wert. Erlaubt: {allowed}.",
                    f"'{text}' is not a known value. Allowed: {allowed}.",
                )
            )
        return found

    return convert


def convert_id(value: Any) -> int | None:
    if clean_text(value) == "":
        return None
    number = parse_int(value)
    if number <= 0:
        raise ValueProblem(msg("Eine ID ist eine positive Zahl.", "An ID is positive."))
    return number


def _converter(key: str, date1904: bool, from_csv: bool) -> Callable[[Any], Any]:
    kind = IDEA_FIELDS[key].kind
    if key in ENUM_FIELDS:
        return enum_converter(key, ENUM_FIELDS[key])
    if kind is Kind.DATE:
        return lambda v: None if clean_text(v) == "" else parse_date(v, date1904)
    if kind is Kind.ID:
        return convert_id
    if kind is Kind.INT:
        return lambda v: None if clean_text(v) == "" else parse_int(v)
    multiline = key in _MULTILINE

    def convert_text(value: Any) -> str:
        text = clean_text(value, multiline=multiline)
        return unescape_formula_guard(text) if from_csv else text

    return convert_text


def _by_value(cells: Sequence[Any], convert: Callable[[Any], Any]) -> list[Any] | None:
    """Each distinct cell value converted once and spread with ``map`` — a column of
    100,000 status words holds a handful of values.  None when some value is an error
    or cannot be converted (the caller then goes cell by cell) or when the column holds
    booleans (``True == 1`` would share a result with ``1``)."""
    distinct = dict.fromkeys(cells)
    if any(v.__class__ is not str for v in distinct) and bool in set(map(type, cells)):
        return None
    results: dict[Any, Any] = {}
    for value in distinct:
        if value.__class__ is str and value[:1] == "#" and error_value(value):
            return None
        try:
            results[value] = convert(value)
        except ValueProblem:
            return None
    return list(map(results.__getitem__, cells))


def _unclean_positions(cells: Sequence[Any], from_csv: bool) -> list[int]:
    """Positions of the cells :func:`clean_text` might change — or that are no text, or
    may hold an Excel error value or a CSV formula guard.  Every other cell already is its
    own clean text.  Searched with string methods at C speed: first in the column joined
    into one text (``|`` between cells: a ``|`` inside a cell can only cause a needless
    second look), then cell by cell for the kinds of trouble found there."""
    try:
        joined = "|".join(cells)
    except TypeError:  # some cells are no text: those always go through the converter
        cells = [c if c.__class__ is str else "\x00" for c in cells]
        joined = "|".join(cells)
    leading = ("#", " ", "'") if from_csv else ("#", " ")
    tests: list[Iterable[bool]] = []
    if not joined.isprintable():  # tabs, line breaks, NBSP, invisibles, non-text
        tests.append(map(not_, map(str.isprintable, cells)))
    if joined.startswith(leading) or any(f"|{c}" in joined for c in leading):
        tests.append(map(str.startswith, cells, repeat(leading)))
    if joined.endswith(" ") or " |" in joined:
        tests.append(map(str.endswith, cells, repeat(" ")))
    if "  " in joined:
        tests.append(map(str.__contains__, cells, repeat("  ")))
    found: set[int] = set()
    for test in tests:
        found.update(compress(range(len(cells)), test))
    return sorted(found)


def _plain_ids(cells: Sequence[Any]) -> list[int | None] | None:
    """An ID column of whole positive numbers (and empty cells) at C speed — every ID is
    distinct, so :func:`_by_value` would convert each on its own.  None for anything else
    (the cell-by-cell path then names the problem)."""
    kinds = set(map(type, cells))
    if not kinds <= {float, int, str}:
        return None
    if str in kinds:
        texts = [c for c in cells if c.__class__ is str and c]
        if not (all(map(str.isascii, texts)) and all(map(str.isdigit, texts))):
            return None
    if float in kinds and not all(c.is_integer() for c in cells if c.__class__ is float):
        return None
    values = [None if c == "" else int(c) for c in cells]
    if min((v for v in values if v is not None), default=1) <= 0:
        return None
    return values


def _convert_column(
    cells: Sequence[Any],
    key: str,
    convert: Callable[[Any], Any],
    from_csv: bool,
    text_keys: frozenset[str] = _TEXT_KEYS,
) -> tuple[list[Any], dict[int, str | ValueProblem]]:
    """(values, {position: Excel error or problem}) of one column."""
    if key in text_keys:
        values = list(cells)
        todo: Iterable[int] = _unclean_positions(cells, from_csv)
    else:
        found = _plain_ids(cells) if key == "id" else None
        if found is None:
            found = _by_value(cells, convert)
        if found is not None:
            return found, {}
        values = [None] * len(cells)
        todo = range(len(cells))
    failed: dict[int, str | ValueProblem] = {}
    for pos in todo:
        value = cells[pos]
        if value.__class__ is str and value[:1] == "#" and (err := error_value(value)):
            failed[pos] = err
            values[pos] = None
            continue
        try:
            values[pos] = convert(value)
        except ValueProblem as exc:
            failed[pos] = exc
            values[pos] = None
    return values, failed


ConverterFor = Callable[[str, bool, bool], Callable[[Any], Any]]


def convert_rows(
    table: Table,
    mapping: dict[int, str | None],
    schema: Schema = IDEA_SCHEMA,
    converter: ConverterFor | None = None,
    text_keys: frozenset[str] = _TEXT_KEYS,
) -> tuple[Converted, list[Problem]]:
    """Cells → values for every mapped, importable column; see module docstring.

    Another importer (the editorial plan) passes its own ``schema``, its ``converter``
    ``(key, date1904, from_csv) -> convert(cell)`` and the keys of its plain text columns.

    Works column by column without a Python call per cell where it can (see
    :func:`_by_value` and :func:`_unclean_positions`): 100,000 rows × 10 columns take
    about a tenth of a second when the cells are clean."""
    converter = converter or _converter
    from_csv = table.kind == "text"
    rows, numbers = table.rows, table.row_numbers
    keys: list[str] = []
    columns: list[list[Any]] = []
    bad: dict[int, list[str]] = {}
    problems: list[Problem] = []
    errors_by_column: dict[int, dict[int, str]] = {}
    if table.cell_errors:
        position = {number: pos for pos, number in enumerate(numbers)}
        for (number, index), err in table.cell_errors.items():
            if number in position:
                errors_by_column.setdefault(index, {})[position[number]] = err
    transposed = list(zip(*rows, strict=True)) if rows else []  # rows are padded
    for index, key in sorted(mapping.items()):
        if key is None or schema.field(key).ignored or index >= len(table.headers):
            continue
        header = table.headers[index]
        cells = transposed[index] if transposed else ()
        values, failed = _convert_column(
            cells, key, converter(key, table.date1904, from_csv), from_csv, text_keys
        )
        failed.update(errors_by_column.get(index, {}))  # calamine shows these cells empty
        for pos, why in failed.items():
            values[pos] = None
            reason = why.reason if isinstance(why, ValueProblem) else _cell_error_reason(why)
            problems.append(Problem(numbers[pos], header, reason))
            bad.setdefault(pos, []).append(key)
        keys.append(key)
        columns.append(values)
    problems.sort(key=lambda p: p.row or 0)
    return Converted(keys, columns, list(numbers), bad), problems


def _cell_error_reason(err: str) -> str:
    if err == FORMULA_WITHOUT_VALUE:
        return msg(
            "Die Zelle enthält eine Formel ohne berechneten Wert. Bitte die Datei in Excel "
            "öffnen, neu berechnen lassen und speichern.",
            "The cell holds a formula without a calculated value. Please open the file in "
            "Excel, let it recalculate and save it.",
        )
    return msg(
        f"Die Zelle enthält den Excel-Fehler „{err}“ statt eines Werts.",
        f"The cell holds the Excel error '{err}' instead of a value.",
    )


# ----------------------------------------------------------------------------- export
def _labels(lang: str) -> dict[str, dict[str, str]]:
    return {
        key: {m.value: (m.label_de if lang == "de" else m.label_en) for m in enum}
        for key, enum in ENUM_FIELDS.items()
    }


def _cells(rows: Iterable[dict[str, Any]], lang: str) -> Iterable[list[Any]]:
    labels = _labels(lang)
    for row in rows:
        out = []
        for key in EXPORT_FIELDS:
            value = row.get(key)
            if key in labels:
                value = labels[key].get(value or "", value or "")
            elif value is None:
                value = ""
            out.append(value)
        yield out


def write_ideas_csv(
    path: Path,
    rows: Iterable[dict[str, Any]],
    total: int = 0,
    progress: Progress | None = None,
    lang: str | None = None,
    protected: Protected | None = None,
) -> int:
    lang = lang or language()
    date_fmt, time_fmt = (
        ("%d.%m.%Y", "%d.%m.%Y %H:%M") if lang == "de" else ("%Y-%m-%d", "%Y-%m-%d %H:%M")
    )
    labels = _labels(lang)
    texts: dict[Any, str] = {}  # date/time → text; a backlog has few distinct days

    def when(value: Any, fmt: str) -> str:
        if value is None:
            return ""
        text = texts.get(value)
        if text is None:
            text = texts[value] = value.strftime(fmt)
        return text

    plan = [_csv_cell(spec, labels, when, date_fmt, time_fmt) for spec in IDEA_FIELDS.exported]
    get = itemgetter(*EXPORT_FIELDS)

    def formatted() -> Iterable[list[Any]]:
        for r in rows:  # one pass per row, in EXPORT_FIELDS order
            yield [cell(value) for cell, value in zip(plan, get(r), strict=True)]

    return write_csv(
        path,
        export_headers(lang),
        formatted(),
        progress,
        total,
        guarded=True,
        protected=protected,
    )


def _csv_cell(
    spec: Spec,
    labels: dict[str, dict[str, str]],
    when: Callable[[Any, str], str],
    date_fmt: str,
    time_fmt: str,
) -> Callable[[Any], Any]:
    """value → CSV cell of one exported field."""
    if spec.key in labels:
        label = labels[spec.key].get
        return lambda v: label(v, v or "")
    if spec.kind is Kind.DATE:
        return lambda v: when(v, date_fmt)
    if spec.kind is Kind.DATETIME:
        return lambda v: when(v, time_fmt)
    if spec.is_text:
        safe = csv_safe_fast
        return lambda v: safe(v or "")
    return lambda v: "" if v is None else v


def write_ideas_xlsx(
    path: Path,
    rows: Iterable[dict[str, Any]],
    total: int = 0,
    progress: Progress | None = None,
    lang: str | None = None,
    protected: Protected | None = None,
) -> int:
    lang = lang or language()
    headers = export_headers(lang)
    count = 0
    with atomic_target(path, protected) as tmp:
        book = xlsx_workbook(tmp)
        try:
            count = _fill_workbook(book, headers, rows, total, progress, lang)
        finally:
            book.close()
    return count


def _fill_workbook(
    book: Any,
    headers: Sequence[str],
    rows: Iterable[dict[str, Any]],
    total: int,
    progress: Progress | None,
    lang: str,
) -> int:
    sheet = book.add_worksheet("Ideen" if lang == "de" else "Ideas")
    lists = book.add_worksheet("Listen" if lang == "de" else "Lists")
    bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    date_fmt = book.add_format({"num_format": "dd.mm.yyyy" if lang == "de" else "yyyy-mm-dd"})
    time_fmt = book.add_format(
        {"num_format": "dd.mm.yyyy hh:mm" if lang == "de" else "yyyy-mm-dd hh:mm"}
    )
    keys = list(EXPORT_FIELDS)
    cell_format = {Kind.DATE: date_fmt, Kind.DATETIME: time_fmt}
    formats = [cell_format.get(spec.kind) for spec in IDEA_FIELDS.exported]
    for col, key in enumerate(keys):
        sheet.set_column(col, col, _WIDTHS[key], formats[col])
    sheet.write_row(0, 0, headers, bold)
    sheet.freeze_panes(1, 0)

    # Drop-down values on the second sheet, one column per list.
    labels = _labels(lang)
    list_keys = _LIST_KEYS
    for col, key in enumerate(list_keys):
        lists.write_string(0, col, headers[keys.index(key)], bold)
        for row, label in enumerate(labels[key].values(), start=1):
            lists.write_string(row, col, label)
        lists.set_column(col, col, 26)

    # Runs of plain cells written with write_row, dates and times one by one in their format.
    timed = [(col, fmt) for col, fmt in enumerate(formats) if fmt is not None]
    starts = [0] + [col + 1 for col, _ in timed]
    ends = [col for col, _ in timed] + [len(keys)]
    runs = [(a, b) for a, b in zip(starts, ends, strict=True) if a < b]
    r = 0
    for r, cells in enumerate(_cells(rows, lang), start=1):
        for a, b in runs:
            sheet.write_row(r, a, cells[a:b])
        for col, fmt in timed:
            if cells[col]:
                sheet.write_datetime(r, col, cells[col], fmt)
        if progress is not None and r % PROGRESS_EVERY == 0 and not progress(r, total):
            raise cancelled()
    last = max(r, 1)
    sheet.autofilter(0, 0, last, len(keys) - 1)
    sheet_name = lists.get_name()
    for col, key in enumerate(list_keys):
        letter = chr(ord("A") + col)
        target = keys.index(key)
        sheet.data_validation(
            1,
            target,
            max(last, 1000),
            target,
            {
                "validate": "list",
                "source": f"='{sheet_name}'!${letter}$2:${letter}${len(labels[key]) + 1}",
                "error_type": "warning",
                "error_title": msg("Unbekannter Wert", "Unknown value"),
                "error_message": msg(
                    "Bitte einen Wert aus der Liste wählen.", "Please choose a value from the list."
                ),
            },
        )
    sheet.activate()
    return r
