"""Import batches and the bulk reads/writes of the idea import and export.

Writes are Core bulk statements on the table (``session.execute(insert(Idea.__table__),
dicts)``, one executemany per chunk, inside the caller's transaction): ORM objects take
several times longer, and even the ORM bulk path (``insert(Idea)``) spends ~40 % more than
Core collecting per-row insert commands.  Reads hand back plain dicts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from tikdesk.storage.models import Idea, ImportBatch

CHUNK = 5_000
IN_CHUNK = 900  # bound parameters per IN (…) — portable to every SQLite build
IDEA_COLUMNS: tuple[str, ...] = (
    "id",
    "title",
    "hook",
    "format",
    "audience",
    "status",
    "priority",
    "owner",
    "target_date",
    "description",
    "tags",
    "created_at",
    "updated_at",
    "version",
)
_SELECT = [getattr(Idea, name) for name in IDEA_COLUMNS]
MATCH_COLUMNS = tuple(c for c in IDEA_COLUMNS if c not in ("created_at", "updated_at"))
_MATCH_SELECT = [getattr(Idea, name) for name in MATCH_COLUMNS]
_TABLE = cast(Table, Idea.__table__)
Progress = Callable[[int], bool]  # rows written so far → continue?


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


# ----------------------------------------------------------------------------- batches
def find_batch(session: Session, sha256: str, kind: str) -> dt.datetime | None:
    """When a file with this SHA-256 was last imported as ``kind`` (or None)."""
    return session.scalar(
        select(func.max(ImportBatch.imported_at)).where(
            ImportBatch.sha256 == sha256, ImportBatch.kind == kind
        )
    )


def add_batch(session: Session, kind: str, file_name: str, sha256: str, user: str) -> int:
    batch = ImportBatch(
        kind=kind, file_name=file_name, sha256=sha256, imported_by=user, imported_at=_now()
    )
    session.add(batch)
    session.flush()
    return int(batch.id)


def set_batch_counts(
    session: Session, batch_id: int, inserted: int, updated: int, skipped: int
) -> None:
    session.execute(
        update(ImportBatch)
        .where(ImportBatch.id == batch_id)
        .values(rows_inserted=inserted, rows_updated=updated, rows_skipped=skipped)
    )


def batches(session: Session, kind: str | None = None) -> list[dict[str, Any]]:
    query = select(ImportBatch).order_by(ImportBatch.id)
    if kind is not None:
        query = query.where(ImportBatch.kind == kind)
    return [
        {
            "id": b.id,
            "kind": b.kind,
            "file_name": b.file_name,
            "sha256": b.sha256,
            "imported_at": b.imported_at,
            "imported_by": b.imported_by,
            "rows_inserted": b.rows_inserted,
            "rows_updated": b.rows_updated,
            "rows_skipped": b.rows_skipped,
        }
        for b in session.scalars(query)
    ]


# ----------------------------------------------------------------------------- ideas: reads
def ideas_by_id(session: Session, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """The importable columns (no timestamps: they cost parsing and are never compared)."""
    wanted = sorted(set(ids))
    out: dict[int, dict[str, Any]] = {}
    if len(wanted) > 20 * IN_CHUNK:  # most of the table: one scan beats 20+ IN queries
        keep = set(wanted)
        for row in session.execute(select(*_MATCH_SELECT)):
            if row[0] in keep:
                out[row[0]] = dict(zip(MATCH_COLUMNS, row, strict=True))
        return out
    for start in range(0, len(wanted), IN_CHUNK):
        part = wanted[start : start + IN_CHUNK]
        for row in session.execute(select(*_MATCH_SELECT).where(Idea.id.in_(part))):
            out[row[0]] = dict(zip(MATCH_COLUMNS, row, strict=True))
    return out


def idea_titles(session: Session) -> list[tuple[int, str]]:
    return [(int(i), t) for i, t in session.execute(select(Idea.id, Idea.title))]


def count_ideas(session: Session, ids: Sequence[int] | None = None) -> int:
    if ids is not None:
        return len(set(ids))
    return int(session.scalar(select(func.count(Idea.id))) or 0)


def iter_ideas(
    session: Session, ids: Sequence[int] | None = None, batch: int = CHUNK
) -> Iterator[dict[str, Any]]:
    """Ideas in id order as dicts (all, or the given ids), streamed in batches."""
    if ids is not None:
        wanted = sorted(set(ids))
        for start in range(0, len(wanted), IN_CHUNK):
            part = wanted[start : start + IN_CHUNK]
            query = select(*_SELECT).where(Idea.id.in_(part)).order_by(Idea.id)
            for row in session.execute(query):
                yield dict(zip(IDEA_COLUMNS, row, strict=True))
        return
    last = 0
    while True:
        query = select(*_SELECT).where(Idea.id > last).order_by(Idea.id).limit(batch)
        rows = session.execute(query).all()
        if not rows:
            return
        for row in rows:
            yield dict(zip(IDEA_COLUMNS, row, strict=True))
        last = rows[-1][0]


def max_ranks(session: Session) -> dict[str, float]:
    """Highest board rank per status (new cards go to the end of their column)."""
    return {
        s: float(r or 0.0)
        for s, r in session.execute(
            select(Idea.status, func.max(Idea.board_rank)).group_by(Idea.status)
        )
    }


def versions(session: Session, ids: Iterable[int]) -> dict[int, int]:
    wanted = sorted(set(ids))
    out: dict[int, int] = {}
    for start in range(0, len(wanted), IN_CHUNK):
        part = wanted[start : start + IN_CHUNK]
        out.update(
            {
                int(i): int(v)
                for i, v in session.execute(select(Idea.id, Idea.version).where(Idea.id.in_(part)))
            }
        )
    return out


# ----------------------------------------------------------------------------- ideas: writes
def insert_ideas(
    session: Session,
    rows: Sequence[dict[str, Any]],
    batch_id: int,
    progress: Progress | None = None,
) -> int:
    """Insert new ideas (validated dicts of Idea columns) in chunks; ``progress`` may stop.
    New cards go to the end of their board column."""
    now = _now()
    fixed = {"created_at": now, "updated_at": now, "version": 1, "import_batch_id": batch_id}
    ranks = max_ranks(session)
    groups: dict[tuple[str, ...], list[tuple[dict[str, Any], float]]] = {}
    for row in rows:  # one executemany needs the same columns in every row
        status = row.get("status", "new")
        rank = ranks[status] = ranks.get(status, 0.0) + 1.0
        groups.setdefault(tuple(row), []).append((row, rank))
    done = 0
    for keys, group in groups.items():
        write = _positional_writer(session, keys, fixed)
        for start in range(0, len(group), CHUNK):
            part = group[start : start + CHUNK]
            if write is not None:
                write(part)
            else:
                payload = [{**fixed, **row, "board_rank": rank} for row, rank in part]
                session.execute(insert(_TABLE), payload)
            done += len(part)
            if progress is not None and not progress(done):
                return done
    return done


def _positional_writer(
    session: Session, keys: tuple[str, ...], fixed: dict[str, Any]
) -> Callable[[list[tuple[dict[str, Any], float]]], None] | None:
    """A bulk INSERT that hands the driver plain tuples — same SQL, same value conversions
    (the dialect's own bind processors) as ``session.execute(insert(table), dicts)``, but
    without SQLAlchemy's per-row parameter bookkeeping, which costs three times the
    ``executemany`` itself at 100,000 rows.  None where it does not apply (drivers with
    named parameters, columns without a constant default): the caller uses Core then.
    ``fixed`` holds the values every row shares; each row brings its board rank."""
    connection = session.connection()
    dialect = connection.dialect
    columns = [*keys, *(k for k in (*fixed, "board_rank") if k not in keys)]
    compiled = insert(_TABLE).inline().compile(dialect=dialect, column_keys=columns)
    names = compiled.positiontup
    if not compiled.positional or not names:
        return None

    def processor(name: str) -> Callable[[Any], Any] | None:
        column_type = _TABLE.c[name].type
        return column_type.dialect_impl(dialect).bind_processor(dialect)

    constants: dict[str, Any] = {}
    for name in names:
        if name in fixed:
            value = fixed[name]
            proc = processor(name)
            constants[name] = proc(value) if proc is not None and value is not None else value
        elif name not in keys and name != "board_rank":
            default = _TABLE.c[name].default
            if default is None or not getattr(default, "is_scalar", False):
                return None
            constants[name] = getattr(default, "arg", None)
    processors = {name: p for name in keys if (p := processor(name)) is not None}
    rank_proc = processor("board_rank") or float
    pick = itemgetter(*names)
    sql = str(compiled)

    def write(part: list[tuple[dict[str, Any], float]]) -> None:
        rows = []
        caches: dict[str, dict[Any, Any]] = {name: {} for name in processors}
        for data, rank in part:
            values = {**constants, **data}
            values["board_rank"] = rank_proc(rank)
            for name, proc in processors.items():
                value = values[name]
                if value is not None:
                    cache = caches[name]  # a few hundred distinct days at most
                    try:
                        values[name] = cache[value]
                    except KeyError:
                        values[name] = cache[value] = proc(value)
            rows.append(pick(values))
        connection.exec_driver_sql(sql, rows)

    return write


def update_ideas(
    session: Session,
    rows: Sequence[dict[str, Any]],
    progress: Progress | None = None,
) -> int:
    """Apply changes: each dict has ``id``, ``version`` (the new version) and the changed
    columns.  Rows with the same set of columns go into one executemany."""
    now = _now()
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        data = {("b_id" if k == "id" else k): v for k, v in row.items()}
        data["updated_at"] = now
        groups.setdefault(tuple(sorted(data)), []).append(data)
    done = 0
    for keys, group in groups.items():
        statement = (
            update(_TABLE)
            .where(_TABLE.c.id == bindparam("b_id"))
            .values({k: bindparam(k) for k in keys if k != "b_id"})
        )
        for start in range(0, len(group), CHUNK):
            part = group[start : start + CHUNK]
            session.execute(statement, part)
            done += len(part)
            if progress is not None and not progress(done):
                return done
    return done
