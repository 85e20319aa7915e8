"""Opening, migrating and refusing databases (data-safety points 2, 9, 10)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Integer, String, text

from tikdesk.domain.errors import DatabaseError
from tikdesk.storage import migrations
from tikdesk.storage.engine import open_database, sqlite_pragma


@pytest.mark.slow
def test_empty_database_is_migrated_to_head(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        assert migrations.current_revision(db.engine) == migrations.head_revision()
        tables = {r[1] for r in sqlite_pragma(db, "main.table_list")}
        assert {"idea", "post", "person", "consent", "audit_event", "account_daily"} <= tables
        assert sqlite_pragma(db, "foreign_keys") == [(1,)]
        assert sqlite_pragma(db, "journal_mode") == [("wal",)]
        assert sqlite_pragma(db, "secure_delete") == [(1,)]
    finally:
        db.close()


def test_parent_table_rebuild_keeps_every_child_row(db_path: Path) -> None:
    """A batch migration recreates ``idea``; posts pointing at ideas must survive."""
    db = open_database(db_path)
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO idea (id, title, hook, description, format, audience,"
                " pillar, tags, status, priority, owner, sound_ref, board_rank,"
                " created_at, updated_at, version) VALUES (7, 'Azubi-Tag', '', '',"
                " 'other', 'general', '', '', 'new', 'medium', '', '', 0,"
                " '2026-01-01', '2026-01-01', 1)"
            )
        )
        for n in range(5):
            conn.execute(
                text(
                    "INSERT INTO post (idea_id, title, caption, hashtags, format, audience,"
                    " video_link, account, checklist_profile, music_source, paid_promotion, author,"
                    " status, created_at, updated_at, version) VALUES (7, :t, '', '', 'other',"
                    " 'general', '', '', 'general', '', 0, 'anna', 'draft', '2026-01-01',"
                    " '2026-01-01', 1)"
                ),
                {"t": f"Post {n}"},
            )

    with migrations.migration_transaction(db.engine) as conn:
        ops = Operations(MigrationContext.configure(conn, opts={"render_as_batch": True}))
        with ops.batch_alter_table("idea", recreate="always") as batch:
            batch.add_column(__import__("sqlalchemy").Column("extra", String(20)))
            batch.alter_column("effort", type_=Integer())

    with db.engine.connect() as conn:
        linked = conn.execute(text("SELECT count(*) FROM post WHERE idea_id = 7")).scalar()
        assert linked == 5
        assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    db.close()


@pytest.mark.slow
def test_migration_with_dangling_reference_is_rolled_back(db_path: Path) -> None:
    db = open_database(db_path)
    with (
        pytest.raises(DatabaseError, match="verwaiste"),
        migrations.migration_transaction(db.engine) as conn,
    ):
        conn.execute(text("CREATE TABLE scratch (id INTEGER PRIMARY KEY)"))
        conn.execute(
            text(
                "INSERT INTO post (idea_id, title, caption, hashtags, format, audience, video_link,"
                " account, checklist_profile, music_source, paid_promotion, author, status,"
                " created_at, updated_at, version) VALUES (999, 'x', '', '', 'other', 'general',"
                " '', '', 'general', '', 0, 'a', 'draft', '2026-01-01', '2026-01-01', 1)"
            )
        )
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM post")).scalar() == 0
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        assert "scratch" not in names
    db.close()


@pytest.mark.slow
def test_newer_schema_is_refused_naming_both_versions(db_path: Path) -> None:
    open_database(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    raw.execute("UPDATE setting SET value = '7.3.0' WHERE key = 'app.schema_written_by'")
    raw.commit()
    raw.close()
    with pytest.raises(DatabaseError) as info:
        open_database(db_path)
    message = str(info.value)
    assert "7.3.0" in message and "9999_future" in message
    assert migrations.head_revision() in message


def test_folder_as_db_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="Ordner"):
        open_database(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_location_is_a_clear_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(DatabaseError, match="schreibgeschützt"):
            open_database(locked / "x.sqlite")
    finally:
        locked.chmod(0o700)


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc")
def test_unwritable_system_location_is_a_clear_error_even_for_root() -> None:
    """Even root cannot create files in /proc; the message must say so, not a traceback."""
    with pytest.raises(DatabaseError, match="schreibgeschützt"):
        open_database(Path("/proc/tikdesk.sqlite"))


@pytest.mark.slow
def test_read_only_file_is_a_clear_error_even_for_root(tmp_path: Path) -> None:
    """A read-only file (as root, permission bits do not stop us) — use SQLite's ro mode."""
    path = tmp_path / "ro.sqlite"
    open_database(path).close()
    db = open_database(path, read_only=True)
    with pytest.raises(DatabaseError, match="schreibgeschützt"), db.transaction():
        pass
    db.close()


def test_not_an_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("Einkaufsliste: Milch, Brot", encoding="utf-8")
    with pytest.raises(DatabaseError, match="keine TikDesk-Datenbank"):
        open_database(path)
    assert path.read_text(encoding="utf-8") == "Einkaufsliste: Milch, Brot"


def test_audit_log_is_append_only(tmp_db) -> None:  # type: ignore[no-untyped-def]
    with tmp_db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_event (at, actor, entity, action, old_value,"
                " new_value) VALUES ('2026-11-01', 'anna', 'post', 'approve', '', '')"
            )
        )
    for statement in ("UPDATE audit_event SET actor = 'mallory'", "DELETE FROM audit_event"):
        with pytest.raises(Exception, match="append-only"), tmp_db.engine.begin() as conn:
            conn.execute(text(statement))
    with tmp_db.engine.connect() as conn:
        assert conn.execute(text("SELECT actor FROM audit_event")).scalar() == "anna"


def test_revision_constants_match_the_migration_scripts() -> None:
    """Start-up trusts HEAD/KNOWN_REVISIONS instead of reading Alembic's scripts."""
    scripts = migrations.script_directory()
    assert scripts.get_current_head() == migrations.HEAD
    assert {s.revision for s in scripts.walk_revisions()} == migrations.KNOWN_REVISIONS


@pytest.mark.slow
def test_opening_an_up_to_date_database_does_not_import_alembic(db_path: Path) -> None:
    import subprocess
    import sys

    open_database(db_path).close()
    script = (
        "import sys; from tikdesk.storage.engine import open_database;"
        f"open_database({str(db_path)!r}).close();"
        "print('alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
