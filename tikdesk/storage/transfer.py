"""Copying a whole TikDesk database between back ends (issue 17): SQLite ⇄ PostgreSQL.

Both sides have the same schema (the same migrations).  Tables are copied parent first,
each ordered by primary key, so that the audit log keeps its order and its ids; afterwards
every table's row count and checksum are compared.  A target that holds any data is
refused before anything is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, text

from tikdesk.domain.errors import DatabaseError
from tikdesk.domain.i18n import msg
from tikdesk.storage.models import Base

#: Rows per INSERT executemany.
CHUNK = 2000
#: Written by the migrations themselves; the target keeps its own.
SKIP_KEYS = {"app.schema_written_by"}

ProgressFn = Callable[[int, int], bool | None]


@dataclass(frozen=True)
class TableCopy:
    table: str
    rows: int
    checksum: str  # SHA-256 over every row, ordered by primary key


def tables() -> list[Table]:
    """The data tables, parents before children."""
    return list(Base.metadata.sorted_tables)


def _order(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


def _rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    query = select(table).order_by(*_order(table))
    if table.name == "setting":
        query = query.where(table.c.key.not_in(SKIP_KEYS))
    for row in conn.execute(query).mappings():
        yield dict(row)


def _canonical(value: Any) -> str:
    if value is None:
        return "\x00"
    if isinstance(value, bool):
        return "b1" if value else "b0"
    if isinstance(value, float):
        return f"f{value!r}"
    if isinstance(value, dt.datetime | dt.date):
        return f"t{value.isoformat()}"
    return f"v{value}"


def summary(conn: Connection, table: Table) -> TableCopy:
    """Row count and checksum of one table (values compared as Python values, so that the
    same data gives the same sum on SQLite and PostgreSQL)."""
    digest = hashlib.sha256()
    names = [c.name for c in table.columns]
    count = 0
    for row in _rows(conn, table):
        digest.update("\x1f".join(_canonical(row[n]) for n in names).encode())
        digest.update(b"\x1e")
        count += 1
    return TableCopy(table.name, count, digest.hexdigest())


def non_empty_tables(conn: Connection) -> list[str]:
    """The tables of ``conn`` that hold data (a fresh TikDesk database holds none)."""
    found = []
    for table in tables():
        query = select(func.count()).select_from(table)
        if table.name == "setting":
            query = query.where(table.c.key.not_in(SKIP_KEYS))
        if conn.execute(query).scalar():
            found.append(table.name)
    return found


def copy_all(source: Engine, target: Engine, progress: ProgressFn | None = None) -> list[TableCopy]:
    """Copy every table of ``source`` into the empty ``target`` in one transaction, then
    verify row counts and checksums; raises DatabaseError (nothing kept) on any difference."""
    from sqlalchemy.exc import DBAPIError

    try:
        return _copy_all(source, target, progress)
    except DBAPIError as exc:
        if "four-eyes" not in str(exc.orig):
            raise
        raise DatabaseError(
            msg(
                "Die Quelle enthält eine Freigabe durch die Autorin oder den Autor des "
                "Beitrags selbst; die Team-Datenbank verweigert sie (Vier-Augen-Prinzip). "
                "Es wurde nichts geschrieben; tikdesk check auf der Quelle nennt den Beitrag.",
                "The source holds an approval by the post's own author; the team database "
                "refuses it (four-eyes rule). Nothing was written; tikdesk check on the "
                "source names the post.",
            )
        ) from exc


def _copy_all(source: Engine, target: Engine, progress: ProgressFn | None) -> list[TableCopy]:
    all_tables = tables()
    with source.connect() as src, target.begin() as dst:
        if target.dialect.name == "sqlite":
            dst.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        filled = non_empty_tables(dst)
        if filled:
            raise DatabaseError(
                msg(
                    "Das Ziel ist nicht leer (Daten in: "
                    f"{', '.join(filled[:5])}); copy-to schreibt nur in eine leere "
                    "TikDesk-Datenbank. Es wurde nichts geschrieben.",
                    f"The target is not empty (data in: {', '.join(filled[:5])}); copy-to "
                    "only writes into an empty TikDesk database. Nothing was written.",
                )
            )
        for index, table in enumerate(all_tables):
            if progress is not None and progress(index, len(all_tables)) is False:
                from tikdesk.domain.errors import Cancelled

                raise Cancelled(msg("Kopieren abgebrochen.", "Copy cancelled."))
            if table.name == "setting":
                present = [r["key"] for r in _rows(src, table)]
                if present:
                    dst.execute(delete(table).where(table.c.key.in_(present)))
            batch: list[dict[str, Any]] = []
            for row in _rows(src, table):
                batch.append(row)
                if len(batch) >= CHUNK:
                    dst.execute(insert(table), batch)
                    batch = []
            if batch:
                dst.execute(insert(table), batch)
            _reset_sequence(dst, table)
        results = []
        for table in all_tables:
            want, got = summary(src, table), summary(dst, table)
            if want != got:
                raise DatabaseError(
                    msg(
                        f"Die Kopie der Tabelle {table.name} weicht ab ({want.rows} Zeilen "
                        f"gelesen, {got.rows} im Ziel, Prüfsummen verschieden); es wurde "
                        "nichts geschrieben.",
                        f"The copy of table {table.name} differs ({want.rows} rows read, "
                        f"{got.rows} in the target, checksums differ); nothing was written.",
                    )
                )
            results.append(want)
    if progress is not None:
        progress(len(all_tables), len(all_tables))
    return results


def _reset_sequence(conn: Connection, table: Table) -> None:
    """PostgreSQL: the id sequence continues after the copied ids."""
    if conn.dialect.name != "postgresql":
        return
    pk = list(table.primary_key.columns)
    if len(pk) != 1 or pk[0].name != "id" or not pk[0].autoincrement:
        return
    sequence = conn.execute(
        text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
    ).scalar()
    if sequence is None:
        return
    conn.execute(
        text(f"SELECT setval(:s, COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"),
        {"s": sequence},
    )
