"""Erasure that reaches everywhere (issue 16, Art. 17 DSGVO): after erasing a person the name is
in none of the database file, its WAL, the log files, the audit notes, a restored older backup.

Every test first checks that the name *was* there (raw bytes of the files), so that it cannot
pass by looking in the wrong place.

Runs on SQLite and PostgreSQL (issue 17).  What reads the SQLite file's bytes, its WAL
checkpoint or its file backups is SQLite only; on a server every text column of every table
is searched instead (the WAL and dumps of a server are IT's, README "Team-Datenbank").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import String, create_engine, inspect, text
from sqlalchemy.pool import NullPool

from tikdesk import paths
from tikdesk.domain.consent import ConsentFacts
from tikdesk.domain.enums import ItemState, PostStatus
from tikdesk.logsetup import logging_to
from tikdesk.services.erasure import ErasureService
from tikdesk.services.ideas import IdeaService
from tikdesk.services.people import PeopleService, PersonInput, WithdrawalInput
from tikdesk.services.posts import PostInput, PostService
from tikdesk.services.safety import MANUAL, SafetyService
from tikdesk.storage import migrations
from tikdesk.storage.repositories import audit
from tikdesk.storage.repositories import erasure as register
from tikdesk.storage.repositories import posts as posts_repo

NAME = "Quirinus Zwiebelfeld"
WORD = b"Zwiebelfeld"
TODAY = dt.date.today()
IN_10_DAYS = dt.datetime.combine(TODAY + dt.timedelta(days=10), dt.time(14, 0))


def raw(path: Path) -> bytes:
    """The database file and its WAL, as they lie on the disk."""
    wal = Path(f"{path}-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


@dataclasses.dataclass
class Scene:
    person_id: int
    other_id: int
    post_id: int
    idea_id: int


@pytest.fixture
def scene(ctx) -> Scene:
    """The name typed into every free text a team would type it into."""
    people, posts = PeopleService(ctx), PostService(ctx)
    pid = people.create_person(PersonInput(display_name=NAME))
    people.add_consent(pid, ConsentFacts())
    other = people.create_person(PersonInput(display_name="Berta Ohnename"))
    people.add_consent(other, ConsentFacts())
    # a withdrawal of someone else that names the person (channel and note)
    people.record_withdrawal(
        other,
        WithdrawalInput(
            on=TODAY, channel=f"Anruf von {NAME}", received_by="anna", note="Zwiebelfeld rief an"
        ),
    )
    idea_id = (
        IdeaService(ctx)
        .create(
            {
                "title": "Azubi-Tag",
                "hook": f"{NAME} erklärt den Ausweis",
                "description": "mit Zwiebelfeld",
            }
        )
        .id
    )
    # a post that mentions the person without showing them
    post_id = posts.create(
        PostInput(
            title="Ausweis in 30 Sekunden",
            caption=f"Heute mit {NAME}",
            music_source="Gitarre: Zwiebelfeld (eigene Aufnahme)",
            planned_at=IN_10_DAYS,
        )
    )
    posts.set_item(
        post_id,
        "exposure.addresses_plates",
        ItemState.ISSUE,
        override_reason="Kennzeichen gehört Zwiebelfeld, er ist einverstanden",
    )
    with ctx.db.transaction() as s:  # approved by someone (roles are not this test's topic)
        posts_repo.add_approval(s, post_id, "ben", "passt", dt.datetime.now())
        posts_repo.update_post(s, post_id, {"status": PostStatus.APPROVED.value})
    PostService(dataclasses.replace(ctx, user="ben")).revoke_approval(
        post_id, f"{NAME} möchte noch drüberschauen"
    )
    return Scene(pid, other, post_id, idea_id)


def _notes(ctx) -> list[audit.NoteRecord]:
    with ctx.db.reader() as s:
        return audit.notes(s)


@pytest.mark.slow
@pytest.mark.sqlite_only("reads the SQLite file and its WAL byte by byte")
def test_the_name_leaves_the_database_file_the_wal_and_the_audit_notes(ctx, db_path, scene):
    notes = _notes(ctx)
    assert {n.text for n in notes} >= {
        f"Anruf von {NAME}",
        "Kennzeichen gehört Zwiebelfeld, er ist einverstanden",
        f"{NAME} möchte noch drüberschauen",
    }
    assert WORD in raw(db_path)
    preview = PeopleService(ctx).erase_preview(scene.person_id)
    where = {m.where for m in preview.matches}
    assert {
        "Beitrag: Beschreibung",
        "Beitrag: Musikquelle",
        "Checkliste: Begründung",
        "Freigabe: Rücknahmegrund",
        "Idee: Hook",
        "Idee: Beschreibung",
        "Widerruf: Weg",
        "Widerruf: Notiz",
        "Protokoll: Notiz",
    } <= where
    assert all("Zwiebelfeld" in m.excerpt for m in preview.matches)
    events_before = len(_events(ctx))

    result = PeopleService(ctx).erase_person(scene.person_id)

    assert result.checkpoint_done
    assert result.texts_pseudonymised == len(preview.matches)
    data = raw(db_path)
    for word in (WORD, b"Quirinus", "Zwiebelfeld".encode("utf-16-le")):
        assert word not in data, word
    # the audit log kept every event (append-only) and says what was redacted, by whom
    events = _events(ctx)
    assert len(events) > events_before
    redactions = [e for e in events if e.action == audit.NOTE_REDACTED]
    assert len(redactions) == 3
    assert {n.text for n in _notes(ctx)} >= {"Anruf von [gelöscht]"}
    history = PostService(ctx).get(scene.post_id).history
    assert any("geschwärzt am" in h.text and "von anna (Art. 17 DSGVO)" in h.text for h in history)
    assert any("Freigabe zurückgezogen: [gelöscht] möchte" in h.text for h in history)
    with ctx.db.engine.connect() as conn, pytest.raises(Exception, match="append-only"):
        conn.execute(text("UPDATE audit_event SET new_value = 'x'"))
    # the texts themselves read as redacted
    assert PostService(ctx).get(scene.post_id).caption == "Heute mit [gelöscht]"
    assert IdeaService(ctx).get(scene.idea_id).hook == "[gelöscht] erklärt den Ausweis"


def _texts_naming(ctx, word: str) -> list[str]:
    """Every text column of every table (as the database has them) holding ``word``."""
    found = []
    with ctx.db.reader() as s:
        tables = inspect(s.connection()).get_table_names()
        for table in tables:
            for column in inspect(s.connection()).get_columns(table):
                if not isinstance(column["type"], String):
                    continue
                name = column["name"]
                hits = s.execute(
                    text(f'SELECT count(*) FROM "{table}" WHERE "{name}" LIKE :w'),
                    {"w": f"%{word}%"},
                ).scalar()
                if hits:
                    found.append(f"{table}.{name}")
    return found


@pytest.mark.slow
def test_no_text_column_of_any_table_names_the_person_after_erasure(ctx, scene):
    """The server counterpart of reading the file: every text column, every table."""
    before = _texts_naming(ctx, "Zwiebelfeld")
    assert {"person.display_name", "post.caption", "idea.hook", "audit_note.text"} <= set(before)

    result = PeopleService(ctx).erase_person(scene.person_id)

    assert result.texts_pseudonymised > 0
    assert _texts_naming(ctx, "Zwiebelfeld") == []
    assert _texts_naming(ctx, "Quirinus") == []
    assert "person.display_name" in _texts_naming(ctx, "Berta Ohnename")  # others stay
    # redacted, not deleted: the audit log says so and the texts read as redacted
    assert len([e for e in _events(ctx) if e.action == audit.NOTE_REDACTED]) == 3
    assert {n.text for n in _notes(ctx)} >= {"Anruf von [gelöscht]"}
    assert PostService(ctx).get(scene.post_id).caption == "Heute mit [gelöscht]"


def _events(ctx) -> list[audit.AuditRecord]:
    with ctx.db.reader() as s:
        return audit.recent(s, 10_000)


@pytest.mark.slow
@pytest.mark.sqlite_only("the WAL checkpoint is SQLite's; a server's WAL is IT's")
def test_a_busy_checkpoint_is_retried_and_reported(ctx, db_path, scene, monkeypatch):
    monkeypatch.setattr(register, "CHECKPOINT_PAUSE", 0.0)
    monkeypatch.setattr(register, "CHECKPOINT_WAIT_MS", 10)
    reader = sqlite3.connect(str(db_path), isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM person").fetchone()  # another window reads
        result = PeopleService(ctx).erase_person(scene.person_id)
        assert not result.checkpoint_done
        # the reason it matters: the main file still holds the pages with the name
        assert WORD in raw(db_path)
    finally:
        reader.execute("ROLLBACK")
        reader.close()
    assert register.checkpoint(ctx.db)
    assert WORD not in raw(db_path)


@pytest.mark.slow
def test_log_files_hold_no_name(ctx, scene, recorded_messages):
    from tikdesk.ui import messages

    log_dir = paths.log_dir()
    log_dir.mkdir(parents=True, exist_ok=True)
    older = log_dir / "tikdesk.log.1"  # as an earlier TikDesk wrote message texts
    older.write_text(f"2026-11-01 WARNING tikdesk.ui.messages: Widerruf: {NAME} – 2 Beiträge\n")
    with logging_to(log_dir):
        messages.show_warning(None, "Widerruf", f"{NAME} hat widerrufen")
        logging.getLogger("tikdesk.test").info("person %d shown", scene.person_id)
        assert recorded_messages[-1][2] == f"{NAME} hat widerrufen"  # the box names them
        current = log_dir / "tikdesk.log"
        assert "message box shown: Widerruf" in current.read_text(encoding="utf-8")
        assert WORD not in current.read_bytes()
        assert WORD in older.read_bytes()

        PeopleService(ctx).erase_person(scene.person_id)

        for path in log_dir.iterdir():
            assert WORD not in path.read_bytes(), path
        assert "Widerruf: [gelöscht] – 2 Beiträge" in older.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.sqlite_only("file backups; a team database is backed up by IT (pg_dump)")
def test_restoring_an_older_backup_erases_the_person_again(ctx, db_path, scene):
    safety = SafetyService(ctx)
    old = safety.backup(MANUAL)
    assert WORD in old.path.read_bytes()
    PeopleService(ctx).erase_person(scene.person_id)
    assert register.register_file(db_path).is_file()
    assert WORD not in register.register_file(db_path).read_bytes()  # ids, no names

    safety.restore(old.path)

    assert WORD not in raw(db_path)
    assert all(p.id != scene.person_id for p in PeopleService(ctx).list_people())
    assert PostService(ctx).get(scene.post_id).caption == "Heute mit [gelöscht]"
    with ctx.db.reader() as s:
        assert [e.person_id for e in register.register(s)] == [scene.person_id]


@pytest.mark.slow
@pytest.mark.sqlite_only("file backups; a team database is backed up by IT (pg_dump)")
def test_the_backup_list_names_backups_with_erased_people_and_cleans_them(ctx, db_path, scene):
    safety, erasure = SafetyService(ctx), ErasureService(ctx)
    dirty = safety.backup(MANUAL)
    PeopleService(ctx).erase_person(scene.person_id)
    clean = safety.backup(MANUAL)
    states = {s.info.path: s for s in erasure.backups()}
    assert states[dirty.path].erased_people == (scene.person_id,)
    assert states[clean.path].clean
    assert WORD in dirty.path.read_bytes()

    assert erasure.clean_backup(dirty.path) == 1

    assert dirty.path.is_file() and WORD not in dirty.path.read_bytes()
    assert all(s.clean for s in erasure.backups())
    assert sorted(dirty.path.parent.iterdir()) == sorted([dirty.path, clean.path])


@pytest.mark.slow
@pytest.mark.sqlite_only("file backups; a team database is backed up by IT (pg_dump)")
def test_a_backup_with_erased_people_can_be_deleted_instead(ctx, scene):
    safety, erasure = SafetyService(ctx), ErasureService(ctx)
    dirty = safety.backup(MANUAL)
    PeopleService(ctx).erase_person(scene.person_id)
    erasure.delete_backup(dirty.path)
    assert not dirty.path.exists()
    with pytest.raises(Exception, match="keine Sicherung"):
        erasure.delete_backup(ctx.db.path)


def test_a_later_person_with_the_same_id_is_not_erased(ctx):
    """The register matches id *and* creation time: another state of the file may have
    given the id to someone else."""
    people = PeopleService(ctx)
    pid = people.create_person(PersonInput(display_name="Frieda Früher"))
    entry = register.RegisterEntry(pid, dt.datetime(2020, 1, 1, 8, 0), dt.datetime.now(), "anna")
    with ctx.db.transaction() as s:
        assert register.not_erased(s, [entry]) == []
        same = dataclasses.replace(entry, person_created_at=None)
        assert register.not_erased(s, [same]) == [pid]


@pytest.mark.slow
def test_migration_moves_existing_audit_free_texts_into_notes(tmp_path):
    path = tmp_path / "alt.sqlite"
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    try:
        migrations.upgrade(engine, "0002")
        with engine.begin() as conn:
            for action, new in [
                ("approval_revoked", f"{NAME} will nicht"),
                ("consent_withdrawn", f"withdrawn_on=2026-11-02; channel=Anruf {NAME}"),
                ("checklist_set", "rights.music: issue; überstimmt: Zwiebelfeld; Notiz geändert"),
                ("status_changed", "in_review"),
            ]:
                conn.execute(
                    text(
                        "INSERT INTO audit_event (at, actor, entity, entity_id, action, "
                        "old_value, new_value) VALUES ('2026-11-02 10:00:00', 'anna', 'post', "
                        "1, :a, '', :n)"
                    ),
                    {"a": action, "n": new},
                )
        migrations.upgrade(engine)
        with engine.connect() as conn:
            events = dict(conn.execute(text("SELECT action, new_value FROM audit_event")).all())
            notes = sorted(r[0] for r in conn.execute(text("SELECT text FROM audit_note")))
        assert events == {
            "approval_revoked": "",
            "consent_withdrawn": "withdrawn_on=2026-11-02",
            "checklist_set": "rights.music: issue; Notiz geändert",
            "status_changed": "in_review",
        }
        assert notes == sorted([f"{NAME} will nicht", f"Anruf {NAME}", "Zwiebelfeld"])
        with engine.connect() as conn, pytest.raises(Exception, match="append-only"):
            conn.execute(text("DELETE FROM audit_event"))
    finally:
        engine.dispose()


@pytest.mark.slow
def test_history_still_reads_the_post_status(ctx, scene):
    detail = PostService(ctx).get(scene.post_id)
    assert detail.status is PostStatus.IN_REVIEW


@pytest.mark.slow
def test_the_erasure_question_lists_every_text_that_names_the_person(
    ctx, scene, recorded_messages, qtbot
):
    from tikdesk.ui.people.dialogs import confirm_erase

    preview = PeopleService(ctx).erase_preview(scene.person_id)
    found = [f"{m.where}: {m.excerpt}" for m in preview.matches]
    assert confirm_erase(None, NAME, 1, found)
    kind, _title, question = recorded_messages[-1]
    assert kind == "question"
    assert "Beitrag: Musikquelle: Gitarre: Zwiebelfeld (eigene Aufnahme)" in question
    assert f"Widerruf: Weg: Anruf von {NAME}" in question
