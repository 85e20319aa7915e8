"""Alembic migrations, run programmatically at start-up.

SQLite cannot ALTER most things, so Alembic rebuilds tables in batch mode (copy, drop,
rename).  With foreign keys on, dropping a parent table would cascade into its children, so
foreign keys are switched off *before* the migration transaction and ``foreign_key_check`` must
come back clean before it commits.  The same scripts run on PostgreSQL (issue 17), where DDL is
transactional and foreign keys stay on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text

from tikdesk import __version__
from tikdesk.domain.errors import DatabaseError
from tikdesk.domain.i18n import msg

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

HERE = Path(__file__).resolve().parent
VERSION_KEY = "app.schema_written_by"

# Alembic costs about a second to import and half a second to read its scripts; a database
# that is already at head needs neither, so start-up reads the revisions from the script
# names ("0008_post_note.py" is revision 0008, numbered in order; the bundle ships them as
# files too).  tests/unit/test_storage_engine.py checks that they match Alembic's own reading.
KNOWN_REVISIONS = frozenset(
    p.name.split("_", 1)[0] for p in (HERE / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")
)
HEAD = max(KNOWN_REVISIONS)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return HEAD


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the file (None for a new, empty database)."""
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
            if conn.dialect.name == "sqlite"
            else text(
                "SELECT 1 FROM information_schema.tables WHERE table_name = 'alembic_version' "
                "AND table_schema = current_schema()"
            )
        ).first()
        if has_table is None:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def _written_by(engine: Engine) -> str:
    try:
        with engine.connect() as conn:
            row = conn.execute(
                text("SELECT value FROM setting WHERE key = :k"), {"k": VERSION_KEY}
            ).first()
    except Exception:  # no setting table in an odd file: the version is then unknown
        return "?"
    return str(row[0]) if row else "?"


def check_not_newer(engine: Engine) -> None:
    """Refuse a database whose schema this TikDesk does not know (written by a newer one)."""
    rev = current_revision(engine)
    if rev is None:
        return
    if rev not in KNOWN_REVISIONS:
        newer = _written_by(engine)
        raise DatabaseError(
            msg(
                f"Diese Datenbank wurde mit TikDesk {newer} (Schema {rev}) geschrieben. "
                f"Sie benutzen TikDesk {__version__} (Schema {head_revision()}), das dieses "
                "Schema nicht kennt. Bitte aktualisieren Sie TikDesk.",
                f"This database was written by TikDesk {newer} (schema {rev}). You are "
                f"running TikDesk {__version__} (schema {head_revision()}), which does not "
                "know that schema. Please update TikDesk.",
            )
        )


#: Any fixed number: the PostgreSQL advisory lock that lets one client at a time migrate.
_MIGRATION_LOCK = 0x7469_6B64  # "tikd"


@contextmanager
def migration_transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction for the whole migration, checked before commit.

    SQLite: foreign keys off (before the transaction, as SQLite requires) so that a batch
    rebuild of a parent table cascades nothing, and ``foreign_key_check`` clean before commit.
    PostgreSQL: DDL is transactional and foreign keys stay on; an advisory lock makes a
    second client that starts at the same moment wait, then find the schema up to date.
    """
    if engine.dialect.name != "sqlite":
        with engine.connect() as conn, conn.begin():
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            yield conn
        return
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, as SQLite requires
        try:
            with conn.begin():
                yield conn
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DatabaseError(
                        msg(
                            f"Die Datenbank-Aktualisierung wurde abgebrochen: {len(problems)} "
                            "verwaiste Verweise. Es wurde nichts geändert.",
                            f"The database upgrade was aborted: {len(problems)} dangling "
                            "references. Nothing was changed.",
                        )
                    )
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    with migration_transaction(engine) as conn:
        if _revision_of(conn) == target or (target == "head" and _revision_of(conn) == HEAD):
            return  # another client migrated while this one waited for the lock
        command.upgrade(alembic_config(conn), target)
        # Portable "insert or replace": the key is the primary key, so delete, then insert.
        conn.execute(text("DELETE FROM setting WHERE key = :k"), {"k": VERSION_KEY})
        conn.execute(
            text("INSERT INTO setting (key, value) VALUES (:k, :v)"),
            {"k": VERSION_KEY, "v": __version__},
        )


def _revision_of(conn: Connection) -> str | None:
    """The revision seen inside the migration transaction (None: no schema yet)."""
    if conn.dialect.name == "sqlite":
        return None  # one writer at a time (lock file): nothing can have moved meanwhile
    exists = conn.execute(
        text(
            "SELECT 1 FROM information_schema.tables WHERE table_name = 'alembic_version' "
            "AND table_schema = current_schema()"
        )
    ).first()
    if exists is None:
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
