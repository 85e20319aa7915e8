"""Ideas: the only SQL about the backlog.

Functions take the session of the current unit of work and hand back frozen
:class:`IdeaRecord` objects (declared in :mod:`tikdesk.domain.ideas`), never ORM rows.
Writes go through Core statements so that a 50,000-row backlog loads and bulk-inserts
quickly (ARCHITECTURE.md §6).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from itertools import repeat
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.domain.columns import ColumnRows
from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.domain.ideas import IDEA_FIELDS, IdeaRecord
from tikdesk.storage.models import Idea, Post
from tikdesk.storage.repositories.conflicts import conflict_error


@dataclass(frozen=True)
class IdeaSnapshot:
    """Everything needed to bring a deleted idea back exactly: the row and its post links."""

    record: IdeaRecord
    post_ids: tuple[int, ...] = ()


FIELDS: tuple[str, ...] = IdeaRecord._fields
#: Columns a user may change (everything else is bookkeeping).
EDITABLE: frozenset[str] = IDEA_FIELDS.editable
# Core columns (not ORM attributes): reading 50,000 rows skips the ORM's row loading.
_COLUMNS = [Idea.__table__.c[name] for name in FIELDS]


def _now() -> dt.datetime:
    return SYSTEM_CLOCK.stamp()


def _missing(idea_id: int) -> InputRejected:
    return InputRejected(
        msg(
            f"Die Idee {idea_id} gibt es nicht (mehr).",
            f"Idea {idea_id} does not exist (any more).",
        )
    )


#: Columns whose values repeat across a backlog (choices, owners, pillars, tag lists): a list
#: read keeps one string per distinct value instead of one per row (issue 21: some 17 MB at
#: 50,000 ideas; a few per cent of the read's time).
_SHARED_AT = tuple(
    FIELDS.index(name)
    for name in ("format", "audience", "pillar", "tags", "status", "priority", "owner")
)


def _records(rows: Iterable[Any]) -> list[IdeaRecord]:
    """Records from rows, the repeating values shared."""
    pools: list[tuple[int, dict[Any, Any]]] = [(at, {}) for at in _SHARED_AT]
    found: list[IdeaRecord] = []
    add = found.append
    for row in rows:
        values = list(row)
        for at, pool in pools:
            value = values[at]
            values[at] = pool.setdefault(value, value)
        add(IdeaRecord._make(values))
    return found


def list_all(session: Session) -> list[IdeaRecord]:
    """Every idea, in board order (rank, then id)."""
    query = select(*_COLUMNS).order_by(Idea.board_rank, Idea.id)
    return _records(session.connection().execute(query))


def list_first(session: Session, limit: int) -> list[IdeaRecord]:
    """The first ``limit`` ideas in board order (what a window shows before the rest)."""
    query = select(*_COLUMNS).order_by(Idea.board_rank, Idea.id).limit(limit)
    return _records(session.connection().execute(query))


def get(session: Session, idea_id: int) -> IdeaRecord | None:
    row = session.execute(select(*_COLUMNS).where(Idea.id == idea_id)).first()
    return None if row is None else IdeaRecord(*row)


def require(session: Session, idea_id: int) -> IdeaRecord:
    record = get(session, idea_id)
    if record is None:
        raise _missing(idea_id)
    return record


def get_many(session: Session, ids: Iterable[int]) -> list[IdeaRecord]:
    """The ideas with ``ids`` that exist, in the order of ``ids``."""
    wanted = list(dict.fromkeys(ids))
    found: dict[int, IdeaRecord] = {}
    for start in range(0, len(wanted), 500):  # stay below SQLite's variable limit
        chunk = wanted[start : start + 500]
        for row in session.execute(select(*_COLUMNS).where(Idea.id.in_(chunk))):
            found[row[0]] = IdeaRecord(*row)
    return [found[i] for i in wanted if i in found]


def count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Idea)) or 0)


def max_rank(session: Session, status: str) -> float:
    """The highest board rank in the column ``status`` (0 when empty)."""
    value = session.scalar(select(func.max(Idea.board_rank)).where(Idea.status == status))
    return float(value) if value is not None else 0.0


def column_order(session: Session, status: str) -> list[tuple[int, float]]:
    """(id, rank) of one board column, top to bottom."""
    rows = session.execute(
        select(Idea.id, Idea.board_rank)
        .where(Idea.status == status)
        .order_by(Idea.board_rank, Idea.id)
    )
    return [(int(r[0]), float(r[1])) for r in rows]


def insert_one(session: Session, values: Mapping[str, Any]) -> IdeaRecord:
    """Insert a new idea from validated ``values``; id and timestamps are assigned here."""
    _check_columns(values, EDITABLE | {"import_batch_id"})
    now = _now()
    data = {"created_at": now, "updated_at": now, "version": 1, **values}
    new_id = session.scalar(insert(Idea).values(**data).returning(Idea.id))
    assert new_id is not None
    return require(session, int(new_id))


def insert_many(session: Session, rows: Sequence[Mapping[str, Any]]) -> int:
    """Bulk insert (demo data, benchmarks, imports): one executemany, no ORM objects."""
    if not rows:
        return 0
    now = _now()
    payload = [{"created_at": now, "updated_at": now, "version": 1, **r} for r in rows]
    session.execute(insert(Idea), payload)
    return len(payload)


def update_one(
    session: Session, idea_id: int, changes: Mapping[str, Any], expected_version: int | None = None
) -> tuple[IdeaRecord, IdeaRecord]:
    """Apply ``changes`` and count the version up; returns (before, after).

    ``expected_version`` detects a conflicting change by someone else since the caller read
    the idea (shared databases); nothing is written then.
    """
    _check_columns(changes, EDITABLE)
    before = require(session, idea_id)
    if expected_version is not None and before.version != expected_version:
        raise conflict_error(session, "idea", idea_id)
    real = {k: v for k, v in changes.items() if getattr(before, k) != v}
    if not real:
        return before, before
    # Atomic: the row is changed only if it still has the version just read (a second
    # session that read the same version matches no row, on SQLite and PostgreSQL alike).
    result = session.execute(
        update(Idea)
        .where(Idea.id == idea_id, Idea.version == before.version)
        .values(**real, version=Idea.version + 1, updated_at=_now())
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 1) != 1:
        raise conflict_error(session, "idea", idea_id)
    return before, require(session, idea_id)


def delete_one(session: Session, idea_id: int) -> IdeaSnapshot:
    """Delete an idea; the snapshot brings it back with :func:`restore`."""
    record = require(session, idea_id)
    post_ids = tuple(
        int(p)
        for p in session.scalars(select(Post.id).where(Post.idea_id == idea_id).order_by(Post.id))
    )
    # The foreign key (ON DELETE SET NULL) detaches linked posts; restore re-links them.
    session.execute(delete(Idea).where(Idea.id == idea_id))
    return IdeaSnapshot(record, post_ids)


def restore(session: Session, snapshot: IdeaSnapshot) -> IdeaRecord:
    """Insert a deleted idea again with the same id and every field, and re-link its posts."""
    record = snapshot.record
    if get(session, record.id) is not None:
        raise InputRejected(
            msg(
                f"Die Idee {record.id} gibt es schon wieder.",
                f"Idea {record.id} exists again already.",
            )
        )
    session.execute(insert(Idea).values(**record._asdict()))
    if snapshot.post_ids:
        session.execute(
            update(Post)
            .where(Post.id.in_(snapshot.post_ids), Post.idea_id.is_(None))
            .values(idea_id=record.id)
        )
    return require(session, record.id)


def rerank_column(session: Session, ordered_ids: Sequence[int], start: float = 1.0) -> None:
    """Give one board column evenly spaced ranks in the given order (no version change)."""
    for offset, idea_id in enumerate(ordered_ids):
        session.execute(
            update(Idea)
            .where(Idea.id == idea_id)
            .values(board_rank=start + offset, updated_at=Idea.updated_at)
        )


def _check_columns(values: Mapping[str, Any], allowed: frozenset[str]) -> None:
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"idea columns not editable: {sorted(unknown)}")


def status_counts(session: Session) -> dict[str, int]:
    """How many ideas each status has."""
    query = select(Idea.status, func.count()).group_by(Idea.status)
    return {status: count for status, count in session.execute(query)}


# ----------------------------------------------------------------------------- bulk: files
# Writes are Core bulk statements on the table (``session.execute(insert(Idea.__table__),
# dicts)``, one executemany per chunk, inside the caller's transaction): ORM objects take
# several times longer, and even the ORM bulk path (``insert(Idea)``) spends ~40 % more than
# Core collecting per-row insert commands.  Reads hand back plain tuples and dicts.
CHUNK = 5_000
_BULK_ROWS = 20_000  # new ideas from which an insert is prepared as a bulk load
_BULK_CACHE_KIB = 128 * 1024  # SQLite page cache during a bulk load (used as needed)
IN_CHUNK = 900  # bound parameters per IN (…) — portable to every SQLite build
#: The columns of the idea list (export order, :data:`IDEA_FIELDS`) and the version.
IDEA_COLUMNS: tuple[str, ...] = (*(s.key for s in IDEA_FIELDS.exported), "version")
_SELECT = [getattr(Idea, name) for name in IDEA_COLUMNS]
MATCH_COLUMNS = (*(s.key for s in IDEA_FIELDS.imported), "version")
_MATCH_SELECT = [getattr(Idea, name) for name in MATCH_COLUMNS]
_TABLE = cast(Table, Idea.__table__)
Progress = Callable[[int], bool]  # rows written so far → continue?


# ----------------------------------------------------------------------------- ideas: reads
def ideas_by_id(session: Session, ids: Iterable[int]) -> dict[int, tuple[Any, ...]]:
    """The importable columns, in :data:`MATCH_COLUMNS` order (no timestamps: they cost
    parsing and are never compared).  Read through Core as plain tuples: at 100,000 rows
    the ORM's result handling and a dict per row cost more than SQLite itself."""
    wanted = sorted(set(ids))
    connection = session.connection()
    if len(wanted) > 20 * IN_CHUNK:  # most of the table: one scan beats 20+ IN queries
        every = ideas_for_matching(session)
        return {i: every[i] for i in wanted if i in every}
    out: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(wanted), IN_CHUNK):
        part = wanted[start : start + IN_CHUNK]
        for row in connection.execute(select(*_MATCH_SELECT).where(Idea.id.in_(part))):
            out[row[0]] = tuple(row)
    return out


def ideas_for_matching(session: Session) -> dict[int, tuple[Any, ...]]:
    """Every idea's importable columns, in :data:`MATCH_COLUMNS` order, by ID."""
    rows = session.connection().execute(select(*_MATCH_SELECT)).all()
    return {r[0]: tuple(r) for r in rows}


def idea_titles(session: Session) -> list[tuple[int, str]]:
    return [(int(i), t) for i, t in session.connection().execute(select(Idea.id, Idea.title))]


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
    rows: ColumnRows,
    batch_id: int,
    progress: Progress | None = None,
) -> int:
    """Insert new ideas (validated Idea columns) in chunks; ``progress`` may stop.  New
    cards go to the end of their board column, in row order.

    The columns go to the driver as plain tuples — the same SQL and the same value
    conversions (the dialect's bind processors, applied once per distinct value) as
    ``session.execute(insert(table), dicts)``, without SQLAlchemy's per-row parameter
    bookkeeping, which costs three times the ``executemany`` itself at 100,000 rows."""
    now = _now()
    fixed = {"created_at": now, "updated_at": now, "version": 1, "import_batch_id": batch_id}
    ranks = max_ranks(session)
    statuses = rows.column("status") if "status" in rows.keys else ["new"] * len(rows)
    board_ranks = []
    for status in statuses:
        rank = ranks[status] = ranks.get(status, 0.0) + 1.0
        board_ranks.append(rank)
    connection = session.connection()
    if connection.dialect.name != "sqlite":  # psycopg takes named parameters: Core insert
        return _insert_dicts(connection, rows, fixed, board_ranks, progress)
    sql, params = _insert_tuples(connection.dialect, rows, fixed, board_ranks)
    done = 0
    with _bulk_load(connection, len(params)):
        for start in range(0, len(params), CHUNK):
            part = params[start : start + CHUNK]
            connection.exec_driver_sql(sql, part)
            done += len(part)
            if progress is not None and not progress(done):
                break
    return done


def _insert_dicts(
    connection: Any,
    rows: ColumnRows,
    fixed: dict[str, Any],
    board_ranks: list[float],
    progress: Progress | None,
) -> int:
    """The portable form of the bulk insert (PostgreSQL): ``insert(table)`` with a list of
    dicts per chunk, which psycopg sends as one pipelined executemany."""
    given = {key: column for key, column in zip(rows.keys, rows.columns, strict=True)}
    given["board_rank"] = board_ranks
    keys = list(given)
    done = 0
    statement = insert(_TABLE)
    for start in range(0, len(board_ranks), CHUNK):
        stop = min(start + CHUNK, len(board_ranks))
        part = [{**fixed, **{k: given[k][i] for k in keys}} for i in range(start, stop)]
        connection.execute(statement, part)
        done += len(part)
        if progress is not None and not progress(done):
            break
    return done


def _insert_tuples(
    dialect: Any, rows: ColumnRows, fixed: dict[str, Any], board_ranks: list[float]
) -> tuple[str, list[tuple[Any, ...]]]:
    """The positional INSERT for ``rows`` plus ``fixed`` values and board ranks, and its
    parameter tuples (columns not given get their scalar defaults, as Core would)."""
    given = {key: column for key, column in zip(rows.keys, rows.columns, strict=True)}
    given["board_rank"] = board_ranks
    keys = [*given, *(k for k in fixed if k not in given)]
    compiled = insert(_TABLE).inline().compile(dialect=dialect, column_keys=keys)
    if not compiled.positional:  # pragma: no cover - SQLite's driver takes "?" parameters
        raise NotImplementedError(f"{dialect.name}: named parameters")
    columns: list[Iterable[Any]] = []
    for name in compiled.positiontup or ():
        proc = _TABLE.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if name in given:
            columns.append(_processed(given[name], proc))
            continue
        if name in fixed:
            value = fixed[name]
        else:
            default = _TABLE.c[name].default
            if default is None or not getattr(default, "is_scalar", False):
                raise NotImplementedError(f"no scalar default for idea.{name}")
            value = getattr(default, "arg", None)
        columns.append(repeat(proc(value) if proc is not None and value is not None else value))
    return str(compiled), list(zip(*columns, strict=False))  # the repeats are endless


def _processed(values: Sequence[Any], proc: Callable[[Any], Any] | None) -> Sequence[Any]:
    """``proc`` (a bind processor, e.g. date → ISO text) applied once per distinct value."""
    if proc is None:
        return values
    done = {value: None if value is None else proc(value) for value in set(values)}
    return list(map(done.__getitem__, values))


@contextmanager
def _bulk_load(connection: Any, count: int) -> Iterator[None]:
    """Prepare the connection for inserting ``count`` new ideas at once (SQLite only; below
    ``_BULK_ROWS`` nothing changes).

    * A page cache large enough for the new rows (default: 2 MB), so that SQLite does not
      spill half-filled pages to the WAL and write them again; restored afterwards.
    * When the insert at least doubles the table, the secondary indexes are dropped first and
      built again afterwards — once over sorted keys instead of grown row by row.  All in the
      caller's transaction: a rollback brings them back as they were.

    The gain is measured by ``benchmarks/bench_import_ideas.py``.  On an error the caller's
    transaction is rolled back, which undoes all of it."""
    if connection.dialect.name != "sqlite" or count < _BULK_ROWS:
        yield
        return
    (cache_size,) = connection.exec_driver_sql("PRAGMA cache_size").one()
    connection.exec_driver_sql(f"PRAGMA cache_size={-_BULK_CACHE_KIB}")
    try:
        present = connection.scalar(select(func.count()).select_from(_TABLE)) or 0
        indexes = (
            connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL",
                (_TABLE.name,),
            ).all()
            if count >= present
            else []
        )
        for name, _sql in indexes:
            connection.exec_driver_sql(f'DROP INDEX "{name}"')
        yield
        for _name, sql in indexes:
            connection.exec_driver_sql(sql)
    finally:  # pragmas stay with the connection: give back the normal cache
        with suppress(DBAPIError):
            connection.exec_driver_sql(f"PRAGMA cache_size={int(cache_size)}")


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
