"""``tikdesk check`` on a team database (issue 17): the server-side checks — triggers present
and enabled, foreign keys present and validated, no self-approval — and VACUUM after an
erasure where the login may.  A real PostgreSQL server (tests/pg_server.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from tikdesk.domain.errors import DatabaseError
from tikdesk.services.context import AppContext
from tikdesk.services.posts import PostInput, PostService
from tikdesk.storage.check import full_check
from tikdesk.storage.engine import open_server_database
from tikdesk.storage.repositories.erasure import ERASURE_TABLES, vacuum_server_tables


@pytest.mark.slow
def test_a_clean_team_database_passes(pg_url: str, tmp_path: Path) -> None:
    db = open_server_database(pg_url, tmp_path / "team")
    try:
        report = full_check(db)
    finally:
        db.close()
    assert report.ok, report.as_text()
    assert not report.findings


@pytest.mark.slow
def test_check_finds_disabled_triggers_missing_keys_and_self_approvals(
    pg_url: str, tmp_path: Path
) -> None:
    db = open_server_database(pg_url, tmp_path / "team")
    try:
        post_id = PostService(AppContext(db=db, user="anna")).create(PostInput(title="Probe"))
        with db.transaction() as s:  # what someone with the owner's rights could do by hand
            s.execute(text("ALTER TABLE approval DISABLE TRIGGER tikdesk_20_four_eyes"))
            s.execute(text("DROP TRIGGER tikdesk_notify_update ON idea"))
            s.execute(
                text(
                    "DO $$ DECLARE n text; BEGIN SELECT conname INTO n FROM pg_constraint "
                    "WHERE conrelid = 'appearance'::regclass AND confrelid = 'post'::regclass; "
                    "EXECUTE format('ALTER TABLE appearance DROP CONSTRAINT %I', n); END $$"
                )
            )
            s.execute(
                text(
                    "INSERT INTO approval (post_id, approver, approver_label, fingerprint, "
                    "approved_at, comment, revoked_reason) "
                    "VALUES (:p, 'anna', '', '', now(), '', '')"
                ),
                {"p": post_id},
            )
        report = full_check(db)
    finally:
        db.close()
    text_ = report.as_text()
    assert not report.ok
    assert "tikdesk_20_four_eyes auf approval ausgeschaltet" in text_
    assert "tikdesk_notify_update auf idea fehlt" in text_
    assert "appearance: der Verweis auf post fehlt" in text_
    assert {f.check for f in report.errors} >= {
        "audit_triggers",
        "foreign_keys",
        "approval_by_author",
    }


def test_vacuum_after_erasure_where_the_login_owns_the_tables(pg_url: str, tmp_path: Path) -> None:
    db = open_server_database(pg_url, tmp_path / "team")
    try:
        done = vacuum_server_tables(db)
    finally:
        db.close()
    assert set(done) == set(ERASURE_TABLES)


@pytest.mark.slow
def test_copy_of_a_self_approval_to_the_server_is_refused_whole(
    pg_url: str, tmp_path: Path
) -> None:
    """A file whose post was approved by its author (four eyes broken) cannot be copied to
    the team database: one sentence, and nothing of the copy is kept."""
    from tikdesk.services.transfer import copy_to
    from tikdesk.storage.engine import open_database

    lite = open_database(tmp_path / "einzel.sqlite")
    try:
        post_id = PostService(AppContext(db=lite, user="anna")).create(PostInput(title="Eigen"))
        with lite.transaction() as s:
            s.execute(
                text(
                    "INSERT INTO approval (post_id, approver, approver_label, fingerprint, "
                    "approved_at, comment, revoked_reason) "
                    "VALUES (:p, 'anna', '', '', '2026-01-01', '', '')"
                ),
                {"p": post_id},
            )
        with pytest.raises(DatabaseError, match=r"Vier-Augen-Prinzip.*nichts geschrieben"):
            copy_to(lite, pg_url)
    finally:
        lite.close()
    team = open_server_database(pg_url, tmp_path / "team")
    try:
        with team.reader() as s:
            assert s.scalar(text("SELECT count(*) FROM post")) == 0
    finally:
        team.close()
