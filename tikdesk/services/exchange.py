"""Excel/CSV exchange of the idea backlog: import with preview, export, template.

Import is two phases.  :func:`preview_idea_import` reads and checks the file and compares it
with the database — nothing is written.  :func:`commit_idea_import` writes that preview in
one transaction recorded as an :class:`ImportBatch` (after a forced backup); any error or a
cancel rolls everything back.

Matching: a row with an ``ID`` that exists updates that idea (only the columns the file has;
an empty status/format/audience/priority cell keeps the stored value, other empty cells clear
it); a row with an unknown ID is a problem (it may come from another database — clear the
cell to add it as new); a row without ID matches an existing idea with the same title
(case and spaces ignored) when there is exactly one, else it is added; such a title match
only fills in and changes values — its empty cells never clear stored ones.  A row whose values
equal the stored ones is *unchanged*, so importing an unchanged export changes nothing.

**Problems block**: a preview with problems is not written (CLI exit 1) unless the caller
explicitly skips the rows with problems (``skip_problem_rows=True`` — the GUI's check box);
problems about the whole file (no title column) can never be skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import Any

from tikdesk.domain.bulk import Background, cyclic_gc_paused
from tikdesk.domain.columns import ColumnRows
from tikdesk.domain.errors import Cancelled, InputRejected
from tikdesk.domain.fields import Kind
from tikdesk.domain.i18n import language, msg
from tikdesk.domain.ideas import IDEA_FIELDS
from tikdesk.domain.text import column_list, storable_name, thousands
from tikdesk.excel import ideas_io
from tikdesk.excel.preview import Preview, Problem, format_problems, sha256_file
from tikdesk.excel.reading import ColumnMap, Table, map_columns, read_table
from tikdesk.excel.sniff import sniff
from tikdesk.excel.values import clean_text
from tikdesk.services.context import AppContext
from tikdesk.services.ideas import (
    EARLIEST_DATE,
    LATEST_DATE,
    MAX_LENGTH,
    MAX_TAG_LENGTH,
    split_tags,
)
from tikdesk.storage.repositories import ideas as repo
from tikdesk.storage.repositories import imports as batches

__all__ = [
    "IMPORT_SUFFIXES",
    "KIND_IDEAS",
    "ExportResult",
    "ImportResult",
    "Preview",
    "Problem",
    "commit_idea_import",
    "export_idea_template",
    "export_ideas",
    "format_problems",
    "idea_fields",
    "preview_idea_import",
]

KIND_IDEAS = "ideas"
IMPORT_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".txt", ".tsv"})
ProgressFn = Callable[[int, int], bool]
_TEXT_FIELDS = tuple(s.key for s in IDEA_FIELDS.imported if s.is_text)
#: An empty status/format/... cell: the default for a new idea, the stored value otherwise.
_ENUM_DEFAULTS = {s.key: s.default for s in IDEA_FIELDS.imported if s.enum is not None}


@dataclass(frozen=True)
class ImportResult:
    batch_id: int
    file_name: str
    inserted: int
    updated: int
    unchanged: int
    skipped: int

    def summary(self) -> str:
        return msg(
            f"{self.file_name}: {self.inserted} Ideen neu angelegt, {self.updated} "
            f"aktualisiert, {self.unchanged} unverändert, {self.skipped} Zeilen ausgelassen.",
            f"{self.file_name}: {self.inserted} ideas added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.skipped} rows skipped.",
        )


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int


def idea_fields() -> list[tuple[str, str]]:
    """(key, label in the UI language) of every importable idea column, for mapping combos."""
    lang = language()
    return [(f.key, f.label(lang)) for f in ideas_io.IDEA_SCHEMA.fields if not f.ignored]


def _step(progress: ProgressFn | None, done: int, total: int) -> None:
    if progress is not None and not progress(done, total):
        raise Cancelled(
            msg("Abgebrochen – es wurde nichts geschrieben.", "Cancelled – nothing was written.")
        )


# ----------------------------------------------------------------------------- preview
@cyclic_gc_paused()
def preview_idea_import(
    ctx: AppContext,
    path: Path | str,
    sheet: str | None = None,
    mapping: dict[int, str | None] | None = None,
    progress: ProgressFn | None = None,
) -> Preview:
    """Read, check and compare ``path``; see the module docstring.  Writes nothing."""
    path = Path(path)
    _step(progress, 0, 4)
    sniffed = sniff(path)
    stored = _stored_in_background(ctx, path)
    table = read_table(path, ideas_io.IDEA_SCHEMA, sheet=sheet, sniffed=sniffed)
    _step(progress, 1, 4)
    columns = map_columns(table.headers, ideas_io.IDEA_SCHEMA, mapping)
    preview = table_preview(path, sniffed.kind, table, columns, table.notices)
    preview.notices.extend(column_notices(columns))
    mapped = {k for k in columns.mapping.values() if k}
    if "title" not in mapped and "id" not in mapped:
        preview.problems.append(
            Problem(
                None,
                None,
                msg(
                    "Keine Spalte für den Titel gefunden (erwartet „Titel“, „Idee“ oder "
                    "„Title“). Bitte eine Spalte als Titel zuordnen.",
                    "No column for the title found (expected 'Titel', 'Idee' or 'Title'). "
                    "Please map a column to the title.",
                ),
            )
        )
        return preview
    converted, problems = ideas_io.convert_rows(table, columns.mapping)
    preview.problems.extend(problems)
    _step(progress, 2, 4)
    with ctx.db.reader() as session:
        earlier = batches.find_batch(session, preview.sha256, KIND_IDEAS)
        _classify(
            session,
            preview,
            converted,
            {i: h for i, h in enumerate(table.headers)},
            stored.result() if stored is not None else None,
        )
    if earlier is not None:
        preview.already_imported = f"{earlier:%d.%m.%Y %H:%M}"
        preview.notices.append(
            msg(
                f"Diese Datei wurde am {earlier:%d.%m.%Y um %H:%M} schon einmal importiert. "
                "Bekannte Ideen werden erkannt, nicht doppelt angelegt.",
                f"This file was already imported on {earlier:%Y-%m-%d at %H:%M}. Known "
                "ideas are recognised, not added twice.",
            )
        )
    preview.problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    preview.problem_rows = {p.row for p in preview.problems if p.row is not None}
    _step(progress, 4, 4)
    return preview


def table_preview(
    path: Path, kind: str, table: Table, columns: ColumnMap, notices: Sequence[str]
) -> Preview:
    """The preview of a table file as read and mapped: what the file is, how its columns
    map, and a sample value per column (the first filled cell of the first 20 rows).

    Shared by the idea, plan and people imports; each adds its own problems and notices."""
    preview = Preview(
        source=path,
        file_name=storable_name(path.name),
        sha256=sha256_file(path),
        kind=kind,
        sheet=table.sheet,
        sheets=table.sheets,
        header_row=table.header_row,
        columns=table.headers,
        mapping=columns.mapping,
        unknown=columns.unknown,
        notices=list(notices),
    )
    for index in range(len(table.headers)):
        first = next((r[index] for r in table.rows[:20] if r[index] not in ("", None)), "")
        preview.samples[index] = clean_text(first)[:60]
    return preview


def column_notices(columns: ColumnMap) -> list[str]:
    """The hints about a file's columns: those that appear twice, those not mapped."""
    notices = []
    duplicates = columns.duplicates
    if len(duplicates) > 3:  # one line, however wide the sheet
        twice, count = column_list(list(dict.fromkeys(duplicates))), thousands(len(duplicates))
        notices.append(
            msg(
                f"{count} Spalten gibt es doppelt; nur die jeweils erste wird übernommen: {twice}.",
                f"{count} columns appear twice; only the first of each is used: {twice}.",
            )
        )
        duplicates = []
    for header in duplicates:
        notices.append(
            msg(
                f"Die Spalte „{header}“ gibt es doppelt; nur die erste wird übernommen.",
                f"The column '{header}' appears twice; only the first one is used.",
            )
        )
    if columns.unknown:
        names = column_list(columns.unknown)
        notices.append(
            msg(
                f"Nicht zugeordnete Spalten (werden nicht übernommen): {names}.",
                f"Columns not mapped (not imported): {names}.",
            )
        )
    return notices


_BACKGROUND_READ_BYTES = 2_000_000  # from this file size (~10,000 rows) on, see below


def _stored_in_background(
    ctx: AppContext, path: Path
) -> Background[dict[int, tuple[Any, ...]]] | None:
    """For a big file: every stored idea, read on a second thread while the file is parsed
    (calamine and SQLite release the GIL for most of their work).  A big file usually
    matches most of the table, by ID or by title — read later, that read would sit on the
    critical path (``benchmarks/bench_import_ideas.py``)."""
    try:
        big = path.stat().st_size >= _BACKGROUND_READ_BYTES
    except OSError:
        big = False
    if not big:
        return None

    def read() -> dict[int, tuple[Any, ...]]:
        with ctx.db.reader() as session:
            return repo.ideas_for_matching(session)

    return Background(read, "tikdesk-stored-ideas")


def _norm_title(title: str) -> str:
    return " ".join(title.casefold().split())


_LIMITS = tuple((key, MAX_LENGTH[key]) for key in _TEXT_FIELDS if key in MAX_LENGTH)
_DATE_FIELDS = tuple(s.key for s in IDEA_FIELDS.imported if s.kind is Kind.DATE)


def _too_long(limit: int, length: int) -> str:
    return msg(
        f"Höchstens {limit} Zeichen erlaubt (hier {length}).",
        f"At most {limit} characters allowed (here {length}).",
    )


def _check_rules(converted: ideas_io.Converted) -> dict[int, list[tuple[str, str]]]:
    """{row position: [(field, reason)]} for values the idea rules refuse (same limits as
    the editor), checked a column at a time; normalises the tags column on the way."""
    out: dict[int, list[tuple[str, str]]] = {}
    for key, limit in _LIMITS:
        texts = converted.column(key)
        if texts is None or max(map(len, filter(None, texts)), default=0) <= limit:
            continue
        for pos, text in enumerate(texts):
            if text and len(text) > limit:
                out.setdefault(pos, []).append((key, _too_long(limit, len(text))))
    for key in _DATE_FIELDS:
        days = converted.column(key)
        if days is None:
            continue
        outside = {d for d in set(days) if d is not None and not EARLIEST_DATE <= d <= LATEST_DATE}
        for pos, day in enumerate(days) if outside else ():
            if day in outside:
                out.setdefault(pos, []).append(
                    (
                        key,
                        msg(
                            f"Das Datum {day:%d.%m.%Y} liegt außerhalb von {EARLIEST_DATE:%Y} "
                            f"bis {LATEST_DATE:%Y}.",
                            f"The date {day:%Y-%m-%d} lies outside {EARLIEST_DATE:%Y} to "
                            f"{LATEST_DATE:%Y}.",
                        ),
                    )
                )
    tags = converted.column("tags")
    if tags is not None:
        normal: dict[Any, str] = {}
        too_long: dict[str, str] = {}
        for raw in dict.fromkeys(tags):
            if not raw:
                normal[raw] = raw
                continue
            parts = split_tags(raw)
            normal[raw] = ", ".join(parts)
            tag = next((t for t in parts if len(t) > MAX_TAG_LENGTH), None)
            if tag is not None:
                too_long[raw] = tag
        for pos, raw in enumerate(tags) if too_long else ():
            if raw in too_long:
                tag = too_long[raw]
                out.setdefault(pos, []).append(
                    (
                        "tags",
                        msg(
                            f"Das Schlagwort „{tag[:20]}…“ ist länger als {MAX_TAG_LENGTH} "
                            "Zeichen.",
                            f"The tag '{tag[:20]}…' is longer than {MAX_TAG_LENGTH} characters.",
                        ),
                    )
                )
        tags[:] = map(normal.__getitem__, tags)
    return out


def _new_positions(
    converted: ideas_io.Converted,
    blocked: set[int],
    titles: dict[str, list[int]],
) -> list[int]:
    """Row positions that simply become new ideas: no cell or rule problem, no ID, a title
    that matches no stored idea.  Found with set operations over whole columns; every
    other row goes through :func:`_classify`'s row-by-row checks (which can never add)."""
    title_column = converted.column("title")
    if title_column is None:
        return []
    every = range(len(title_column))
    out = set(compress(every, title_column)) - blocked
    id_column = converted.column("id")
    if id_column is not None:
        out.difference_update(compress(every, map(_is_not_none, id_column)))
    if titles:
        normal = (_norm_title(t) if t else "" for t in title_column)  # a bad cell is None
        known = map(titles.__contains__, normal)
        out.difference_update(compress(every, known))
    return sorted(out)


def _is_not_none(value: Any) -> bool:
    return value is not None


def _additions(converted: ideas_io.Converted, positions: list[int]) -> ColumnRows:
    """The new ideas at ``positions`` as columns; empty or missing enum cells get defaults."""
    keys, columns = [], []
    everything = len(positions) == len(converted.numbers)
    for key, column in zip(converted.keys, converted.columns, strict=True):
        if key == "id":
            continue
        picked = column if everything else [column[p] for p in positions]
        default = _ENUM_DEFAULTS.get(key)
        if default is not None and None in picked:
            picked = [default if v is None else v for v in picked]
        keys.append(key)
        columns.append(picked)
    for key, default in _ENUM_DEFAULTS.items():
        if key not in keys:
            keys.append(key)
            columns.append([default] * len(positions))
    return ColumnRows(keys, columns)


def _same_as_stored(keys: Sequence[str]) -> Callable[[tuple[Any, ...], tuple[Any, ...]], bool]:
    """A test whether a file row (values in ``keys`` order) equals a stored idea (values in
    ``repo.MATCH_COLUMNS`` order) in every column but the ID — what the row-by-row
    comparison would call "unchanged"."""
    names = [k for k in keys if k != "id"]
    if not names:
        return lambda row, stored: True
    in_file = [keys.index(k) for k in names]
    in_store = [repo.MATCH_COLUMNS.index(k) for k in names]
    if len(names) == 1:
        return lambda row, stored: bool(row[in_file[0]] == stored[in_store[0]])
    file_values, stored_values = itemgetter(*in_file), itemgetter(*in_store)
    return lambda row, stored: bool(file_values(row) == stored_values(stored))


def _stored(row: tuple[Any, ...] | None) -> dict[str, Any] | None:
    return None if row is None else dict(zip(repo.MATCH_COLUMNS, row, strict=True))


def _classify(
    session: Any,
    preview: Preview,
    converted: ideas_io.Converted,
    headers: dict[int, str],
    stored: dict[int, tuple[Any, ...]] | None = None,
) -> None:
    """Sort the rows into new, changed, unchanged and problems; ``stored`` may bring every
    stored idea already (see :func:`_stored_in_background`), else they are read here."""
    _Classifier(session, preview, converted, headers, stored).run()


_SKIP = object()  # a row that has a problem (listed already): nothing more to do with it


class _Classifier:
    """The row-by-row part of :func:`_classify`: match each row to a stored idea by ID or
    by title, and list what it changes or why it cannot be used."""

    def __init__(
        self,
        session: Any,
        preview: Preview,
        converted: ideas_io.Converted,
        headers: dict[int, str],
        stored: dict[int, tuple[Any, ...]] | None,
    ) -> None:
        self.session, self.preview, self.converted, self.stored = (
            session,
            preview,
            converted,
            stored,
        )
        self.header_of = {key: headers[i] for i, key in preview.mapping.items() if key}
        id_column = converted.column("id")
        ids = [i for i in id_column if i] if id_column is not None else []
        if stored is not None:
            self.existing = {i: stored[i] for i in ids if i in stored}
        else:
            self.existing = repo.ideas_by_id(session, ids) if ids else {}
        self.titles: dict[str, list[int]] = {}
        if id_column is None or len(ids) < len(id_column):
            at = repo.MATCH_COLUMNS.index("title")
            known_titles = (
                ((i, row[at]) for i, row in stored.items())
                if stored is not None
                else repo.idea_titles(session)
            )
            for idea_id, known in known_titles:
                self.titles.setdefault(_norm_title(known), []).append(idea_id)
        self.seen_ids: dict[int, int] = {}
        self.changed_fields: dict[int, list[str]] = {}

    def problem(self, number: int, key: str | None, de: str, en: str) -> object:
        self.preview.problems.append(
            Problem(number, self.header_of.get(key) if key else None, msg(de, en))
        )
        return _SKIP

    def run(self) -> None:
        converted, preview = self.converted, self.preview
        rule_problems = _check_rules(converted)
        cell_problems = converted.bad
        adds = _new_positions(converted, {*cell_problems, *rule_problems}, self.titles)
        preview.to_add = _additions(converted, adds)
        preview.add_rows = [converted.numbers[p] for p in adds]
        unchanged = _same_as_stored(converted.keys)
        id_at = converted.keys.index("id") if "id" in converted.keys else None
        for pos, number, row in converted.rows(skip=adds):
            if id_at is not None and pos not in cell_problems and pos not in rule_problems:
                # The round trip's common case, an exported idea nobody edited, in one test.
                idea_id, stored_row = row[id_at], self.existing.get(row[id_at])
                if (
                    stored_row is not None
                    and idea_id not in self.seen_ids
                    and unchanged(row, stored_row)
                ):
                    self.seen_ids[idea_id] = number
                    preview.unchanged.append({"id": idea_id, "_row": number})
                    continue
            values = converted.as_dict(pos, row)
            bad = pos in cell_problems
            for key, reason in rule_problems.get(pos, ()):
                preview.problems.append(Problem(number, self.header_of.get(key), reason))
                bad = True
            self.row(number, values, pos not in cell_problems, bad)
        preview.extra["changed_fields"] = self.changed_fields

    def row(self, number: int, values: dict[str, Any], row_ok: bool, bad: bool) -> None:
        idea_id = values.pop("id", None)
        current = self.by_id(number, idea_id) if idea_id is not None else None
        if current is _SKIP or not row_ok:
            return  # its cell problems are listed already
        title = values.get("title")
        if "title" in values and not title:
            self.problem(number, "title", "Der Titel fehlt.", "The title is missing.")
            return
        if current is None and not title:
            self.problem(
                number,
                None,
                "Die Zeile hat weder ID noch Titel.",
                "The row has neither an ID nor a title.",
            )
            return
        by_title = False
        if current is None and self.titles:
            current = self.by_title(number, title or "")
            if current is _SKIP:
                return
            by_title = current is not None
        if bad:
            return
        if not isinstance(current, dict):  # pragma: no cover - such rows are added in bulk
            raise AssertionError(f"row {number} should have been added in bulk")
        self.compare(number, current, values, by_title)

    def by_id(self, number: int, idea_id: int) -> Any:
        """The stored idea a row's ID names, or _SKIP after listing why there is none."""
        if idea_id in self.seen_ids:
            first = self.seen_ids[idea_id]
            return self.problem(
                number,
                "id",
                f"Die ID {idea_id} steht schon in Zeile {first}.",
                f"ID {idea_id} already appears in row {first}.",
            )
        self.seen_ids[idea_id] = number
        current = _stored(self.existing.get(idea_id))
        if current is None:
            return self.problem(
                number,
                "id",
                f"Eine Idee mit der ID {idea_id} gibt es in dieser Datenbank nicht "
                "(gelöscht oder aus einer anderen Datenbank?). Zum Neuanlegen die ID-Zelle "
                "leeren.",
                f"There is no idea with ID {idea_id} in this database (deleted, or from "
                "another database?). Clear the ID cell to add it as new.",
            )
        return current

    def by_title(self, number: int, title: str) -> Any:
        """The one stored idea with this title, None for none, _SKIP when it is ambiguous
        or already used by another row."""
        matches = self.titles.get(_norm_title(title), [])
        if len(matches) > 1:
            return self.problem(
                number,
                "title",
                f"Es gibt {len(matches)} Ideen mit diesem Titel; ohne ID ist nicht klar, "
                "welche gemeint ist. Bitte eine ID-Spalte verwenden (z. B. aus einem Export).",
                f"{len(matches)} ideas have this title; without an ID it is not clear which "
                "one is meant. Please use an ID column (e.g. from an export).",
            )
        if not matches:
            return None
        idea_id = matches[0]
        if idea_id in self.seen_ids:
            first = self.seen_ids[idea_id]
            return self.problem(
                number,
                "title",
                f"Derselbe Titel steht schon in Zeile {first}.",
                f"The same title already appears in row {first}.",
            )
        self.seen_ids[idea_id] = number
        if idea_id not in self.existing:
            self.existing.update(
                {idea_id: self.stored[idea_id]}
                if self.stored is not None
                else repo.ideas_by_id(self.session, matches)
            )
        return _stored(self.existing[idea_id])

    def compare(
        self, number: int, current: dict[str, Any], values: dict[str, Any], by_title: bool
    ) -> None:
        changes = {}
        for key, value in values.items():
            if value is None and key in _ENUM_DEFAULTS:
                continue  # an empty status/format/... cell keeps the stored value
            if by_title and value in (None, ""):
                # Matched by title only (a list from another tool): its empty cells say
                # nothing about our idea and must never erase what we know.
                continue
            if key in _TEXT_FIELDS and value is None:
                value = ""
            if current.get(key) != value:
                changes[key] = value
        if changes:
            self.changed_fields[current["id"]] = sorted(changes)
            self.preview.to_update.append(
                {
                    "id": current["id"],
                    "_version": current["version"],
                    "_row": number,
                    "_title": current["title"],
                    **changes,
                }
            )
        else:
            self.preview.unchanged.append({"id": current["id"], "_row": number})


# ----------------------------------------------------------------------------- commit
def _rejected(preview: Preview) -> InputRejected:
    return InputRejected(
        msg(
            f"„{preview.file_name}“ wurde nicht importiert, nichts wurde geschrieben. "
            f"{len(preview.problems)} Probleme:\n{format_problems(preview.problems)}",
            f"'{preview.file_name}' was not imported, nothing was written. "
            f"{len(preview.problems)} problems:\n{format_problems(preview.problems)}",
        )
    )


@cyclic_gc_paused()
def commit_idea_import(
    ctx: AppContext,
    preview: Preview,
    progress: ProgressFn | None = None,
    skip_problem_rows: bool = False,
) -> ImportResult:
    """Write ``preview`` in one transaction; see the module docstring."""
    if preview.blocking or (preview.problems and not skip_problem_rows):
        raise _rejected(preview)
    skipped = len(preview.problem_rows)
    total = len(preview.to_add) + len(preview.to_update)
    if total:
        from tikdesk.services.safety import BEFORE_IMPORT, SafetyService

        SafetyService(ctx).before(BEFORE_IMPORT)
    _step(progress, 0, total)
    with ctx.db.transaction() as session:
        current = repo.versions(session, [r["id"] for r in preview.to_update])
        for row in preview.to_update:
            if current.get(row["id"]) != row["_version"]:
                raise InputRejected(
                    msg(
                        f"„{row['_title']}“ (ID {row['id']}) wurde seit der Vorschau geändert "
                        "oder gelöscht. Bitte die Vorschau neu laden; nichts wurde geschrieben.",
                        f"'{row['_title']}' (ID {row['id']}) was changed or deleted since the "
                        "preview. Please preview again; nothing was written.",
                    )
                )
        batch_id = batches.add_batch(
            session, KIND_IDEAS, preview.file_name, preview.sha256, ctx.user
        )
        adds = preview.to_add
        if not isinstance(adds, ColumnRows):  # pragma: no cover - _classify always builds one
            raise TypeError(f"an idea import adds ColumnRows, not {type(adds).__name__}")

        def added(done: int) -> bool:
            _step(progress, done, total)  # raises Cancelled: the transaction rolls back
            return True

        repo.insert_ideas(session, adds, batch_id, progress=added)
        updates = [
            {
                **{k: v for k, v in r.items() if not k.startswith("_")},
                "version": r["_version"] + 1,
            }
            for r in preview.to_update
        ]

        def updated(done: int) -> bool:
            return added(len(adds) + done)

        repo.update_ideas(session, updates, progress=updated)
        batches.set_batch_counts(session, batch_id, len(adds), len(updates), skipped)
    return ImportResult(
        batch_id, preview.file_name, len(adds), len(updates), len(preview.unchanged), skipped
    )


# ----------------------------------------------------------------------------- export
def _writer(path: Path) -> Callable[..., int]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return ideas_io.write_ideas_xlsx
    if suffix == ".csv":
        return ideas_io.write_ideas_csv
    raise InputRejected(
        msg(
            f"„{path.name}“: Export nur als .xlsx oder .csv möglich.",
            f"'{path.name}': export only as .xlsx or .csv.",
        )
    )


def export_ideas(
    ctx: AppContext,
    path: Path | str,
    ids: Sequence[int] | None = None,
    progress: ProgressFn | None = None,
) -> ExportResult:
    """All ideas (or ``ids``) to ``path`` (.xlsx or .csv), written atomically."""
    path = Path(path)
    write = _writer(path)
    with ctx.db.reader() as session:
        total = repo.count_ideas(session, ids)
        count = write(
            path,
            repo.iter_ideas(session, ids),
            total=total,
            progress=progress,
            protected=ctx.protected,
        )
    return ExportResult(path, count)


def export_idea_template(ctx: AppContext, path: Path | str) -> ExportResult:
    """The empty idea list with headers and drop-downs, for teams to fill in."""
    path = Path(path)
    _writer(path)(path, [], total=0, protected=ctx.protected)
    return ExportResult(path, 0)
