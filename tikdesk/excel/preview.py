"""What an import would do, before it does anything: rows to add/update/leave, and problems.

Every importer (ideas, TikTok analytics) works in two phases: read + validate into a
:class:`Preview`, show it, then write it in one transaction.  These are plain dataclasses,
safe to hand from a worker thread to the UI.

API (stable):

``Problem(row, column, reason)``
    ``row`` is the row number as the spreadsheet program shows it (1-based; for CSV the
    record's first line), ``None`` for the whole file; ``column`` the header text as in the
    file (or ``None``); ``reason`` a user-facing sentence.  ``str(problem)`` reads
    ``Zeile 7, Spalte „Zieltermin“: …``.
``Preview``
    ``source`` (Path), ``file_name``, ``sha256``, ``kind`` (see :mod:`tikdesk.excel.sniff`),
    ``sheet`` / ``sheets`` (chosen / visible sheet names, empty for CSV), ``header_row``,
    ``columns`` (header texts), ``mapping`` (column index → field key or None), ``unknown``
    (header texts not mapped), ``to_add`` / ``to_update`` / ``unchanged`` (lists of dicts
    ready for the repository — the idea import's ``to_add`` is a
    :class:`~tikdesk.domain.columns.ColumnRows`, a sequence of dicts kept as columns; updates
    carry the key, e.g. ``id``; in updates and unchanged
    rows keys starting with ``_`` are bookkeeping such as ``_row``, the source row, and are
    not written), ``add_rows`` (the source row of each ``to_add`` dict — kept apart so that
    100,000 new rows go to the database as they are), ``problems``,
    ``notices`` (non-blocking hints such as "read as CSV although named .xlsx"),
    ``samples`` (column index → first value, for mapping dialogs), ``problem_rows`` (row
    numbers that have problems and were left out of the three lists), ``already_imported``
    (when the same SHA-256 was imported before).
    ``blocking`` is True when a problem concerns the whole file (``row is None``): such a
    preview cannot be committed at all.
``sha256_file(path) -> str``
    Hex SHA-256 of a file, read in 1 MiB blocks.
``format_problems(problems, limit=50) -> str``
    One line per problem, cut after ``limit`` with "… and N more".
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tikdesk.domain.i18n import msg

__all__ = ["Preview", "Problem", "format_problems", "sha256_file"]


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str | None
    reason: str

    def where(self) -> str:
        parts = []
        if self.row is not None:
            parts.append(msg(f"Zeile {self.row}", f"Row {self.row}"))
        if self.column:
            parts.append(msg(f"Spalte „{self.column}“", f"column '{self.column}'"))
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.reason}" if where else self.reason


@dataclass
class Preview:
    source: Path
    file_name: str
    sha256: str
    kind: str
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    header_row: int = 1
    columns: list[str] = field(default_factory=list)
    mapping: dict[int, str | None] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    to_add: Sequence[dict[str, Any]] = field(default_factory=list)
    add_rows: list[int] = field(default_factory=list)
    to_update: list[dict[str, Any]] = field(default_factory=list)
    unchanged: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_rows: set[int] = field(default_factory=set)
    notices: list[str] = field(default_factory=list)
    already_imported: str | None = None
    samples: dict[int, str] = field(default_factory=dict)  # column index → first value
    extra: dict[str, Any] = field(default_factory=dict)  # importer-specific details

    @property
    def blocking(self) -> bool:
        return any(p.row is None for p in self.problems)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def total_rows(self) -> int:
        return len(self.to_add) + len(self.to_update) + len(self.unchanged) + len(self.problem_rows)

    def summary(self) -> str:
        return msg(
            f"{self.file_name}: {len(self.to_add)} neu, {len(self.to_update)} zu aktualisieren, "
            f"{len(self.unchanged)} unverändert, {len(self.problems)} Probleme"
            f" ({len(self.problem_rows)} Zeilen betroffen).",
            f"{self.file_name}: {len(self.to_add)} new, {len(self.to_update)} to update, "
            f"{len(self.unchanged)} unchanged, {len(self.problems)} problems"
            f" ({len(self.problem_rows)} rows affected).",
        )


def format_problems(problems: list[Problem], limit: int = 50) -> str:
    lines = [str(p) for p in problems[:limit]]
    if len(problems) > limit:
        more = len(problems) - limit
        lines.append(msg(f"… und {more} weitere.", f"… and {more} more."))
    return "\n".join(lines)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
