"""Team mode on PostgreSQL (issue 17): opening by URL, atomic edit conflicts on both back
ends, concurrent imports, copy-to between back ends, the SQLite snapshot of a team database,
the setup SQL for IT.  Real servers only (tests/pg_server.py); the tests that take a
``backend`` run on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tikdesk.domain.errors import DatabaseError
from tikdesk.services.context import AppContext
from tikdesk.services.ideas import IdeaService
from tikdesk.storage.engine import server_url
from tikdesk.storage.repositories.conflicts import EditConflict

ROOT = Path(__file__).resolve().parents[2]


def cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tikdesk", "--lang", "de", *argv],
        cwd=ROOT,
        env={**os.environ, "TIKDESK_LANG": "de", **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


# ------------------------------------------------------------------ addresses
def test_a_password_in_the_address_is_refused() -> None:
    with pytest.raises(DatabaseError, match="Passwort"):
        server_url("postgresql://anna:geheim@db.example/tikdesk")


def test_an_address_without_database_name_is_refused() -> None:
    with pytest.raises(DatabaseError, match="Name der Datenbank"):
        server_url("postgresql://db.example")


def test_connect_timeout_is_five_seconds_unless_given() -> None:
    assert server_url("postgresql://h/db").query["connect_timeout"] == "5"
    assert server_url("postgresql://h/db?connect_timeout=2").query["connect_timeout"] == "2"
    assert server_url("postgres://h:5433/db").drivername == "postgresql+psycopg"


@pytest.mark.slow
def test_unreachable_server_gives_one_sentence_and_exit_1(tmp_path: Path) -> None:
    result = cli("--db", "postgresql://127.0.0.1:1/tikdesk", "check")
    assert result.returncode == 1, result.stderr
    assert "nicht erreichbar" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "tikdesk-home" / "tikdesk.sqlite").exists()


@pytest.mark.slow
def test_tikdesk_db_environment_names_a_team_database(pg_url: str) -> None:
    result = cli("export-ideas", os.devnull + ".csv", env={"TIKDESK_DB": pg_url})
    # export into a path that cannot be written is refused; what matters: it reached the server
    assert "Traceback" not in result.stderr
    done = cli("check", env={"TIKDESK_DB": pg_url})
    assert done.returncode == 0, done.stderr


# ------------------------------------------------------------------ conflicts
def test_second_session_gets_the_conflict_and_nothing_is_lost(
    ctx: AppContext, open_again: Any
) -> None:
    first = IdeaService(ctx)
    idea = first.create({"title": "Ausbildung bei der Feuerwehr"})
    second = IdeaService(AppContext(db=open_again(), user="ben"))
    first.update(idea.id, {"hook": "Anna's hook"}, idea.version)
    with pytest.raises(EditConflict, match="inzwischen geändert"):
        second.update(idea.id, {"hook": "Ben's hook"}, idea.version)
    assert first.get(idea.id).hook == "Anna's hook"


@pytest.mark.slow
def test_posts_conflict_names_who_changed_it(ctx: AppContext, open_again: Any) -> None:
    from tikdesk.services.posts import PostInput, PostService

    anna = PostService(ctx)
    post_id = anna.create(PostInput(title="Tag der offenen Tür"))
    version = anna.get(post_id).version
    ben = PostService(AppContext(db=open_again(), user="ben"))
    ben.update(post_id, PostInput(title="Tag der offenen Tür 2026"), version)
    with pytest.raises(EditConflict, match="von ben"):
        anna.update(post_id, PostInput(title="Offene Tür"), version)
    assert anna.get(post_id).title == "Tag der offenen Tür 2026"


def test_interleaved_writes_on_the_server_lose_nothing(
    ctx: AppContext, open_again: Any, backend: str
) -> None:
    """The race itself: B has read version 1, A commits, B writes — B's UPDATE … WHERE
    version = 1 matches no row.  (SQLite cannot interleave: a writer's BEGIN IMMEDIATE makes
    the other wait before it reads, so the conflict is found by the version comparison.)"""
    if backend != "postgresql":
        pytest.skip("SQLite serialises writers before they read (BEGIN IMMEDIATE)")
    from tikdesk.storage.models import Idea

    service = IdeaService(ctx)
    idea = service.create({"title": "Blaulicht-Mythen"})
    other = open_again()
    with pytest.raises(EditConflict, match="inzwischen geändert"), other.transaction() as s:
        row = s.get(Idea, idea.id)
        assert row is not None and row.version == 1
        service.update(idea.id, {"hook": "first"}, 1)  # commits in its own transaction
        row.hook = "second"
        row.version += 1
    assert service.get(idea.id).hook == "first"
    assert service.get(idea.id).version == 2


# ------------------------------------------------------------------ concurrent imports
@pytest.mark.slow
def test_four_concurrent_imports_on_the_server_all_arrive(pg_url: str, tmp_path: Path) -> None:
    files = []
    for n in range(4):
        path = tmp_path / f"ideen{n}.csv"
        lines = ["Titel;Format"] + [f"Idee {n}-{i};Erklärvideo" for i in range(250)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
        files.append(path)
    env = {**os.environ, "TIKDESK_LANG": "de"}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tikdesk",
                "--lang",
                "de",
                "--db",
                pg_url,
                "import-ideas",
                str(f),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    outcomes = [(p.wait(timeout=300), p.communicate()[1]) for p in procs]
    assert [code for code, _ in outcomes] == [0, 0, 0, 0], outcomes
    from tikdesk.services.safety import open_team_database

    db = open_team_database(pg_url)
    try:
        titles = [i.title for i in IdeaService(AppContext(db=db, user="x")).list_ideas()]
    finally:
        db.close()
    assert len(titles) == 1000 and len(set(titles)) == 1000


# ------------------------------------------------------------------ copy-to
def _summaries(address: str | Path) -> list[Any]:
    from tikdesk.storage import transfer
    from tikdesk.storage.engine import open_database, open_server_database

    db = (
        open_server_database(address, Path("x"))
        if isinstance(address, str)
        else open_database(address)
    )
    try:
        with db.engine.connect() as conn:
            return [transfer.summary(conn, t) for t in transfer.tables()]
    finally:
        db.close()


@pytest.mark.slow
def test_copy_to_server_and_back_keeps_everything(pg_url: str, tmp_path: Path) -> None:
    source = tmp_path / "einzelplatz.sqlite"
    made = cli("--db", str(source), "--demo", "check")  # --demo excludes --db: usage error
    assert made.returncode == 2
    from tikdesk.demo import ensure_demo_data
    from tikdesk.storage.engine import open_database

    db = open_database(source)
    ensure_demo_data(AppContext(db=db, user="anna"))
    db.close()

    up = cli("--db", str(source), "copy-to", pg_url)
    assert up.returncode == 0, up.stderr
    assert "Kopiert und geprüft" in up.stdout
    back = tmp_path / "zurueck.sqlite"
    down = cli("--db", pg_url, "copy-to", str(back))
    assert down.returncode == 0, down.stderr
    original = _summaries(source)
    assert sum(t.rows for t in original) > 100
    assert _summaries(pg_url) == original == _summaries(back)
    for kind in ("export-ideas", "export-analytics"):
        a, b = tmp_path / f"a-{kind}.csv", tmp_path / f"b-{kind}.csv"
        assert cli("--db", str(source), kind, str(a)).returncode == 0
        assert cli("--db", str(back), kind, str(b)).returncode == 0
        assert a.read_bytes() == b.read_bytes()

    again = cli("--db", str(source), "copy-to", pg_url)  # the target is no longer empty
    assert again.returncode == 1
    assert "nicht leer" in again.stderr and "Traceback" not in again.stderr


@pytest.mark.slow
def test_new_rows_after_a_copy_get_new_ids(pg_url: str, tmp_path: Path) -> None:
    from tikdesk.services.safety import open_team_database
    from tikdesk.storage.engine import open_database

    source = tmp_path / "a.sqlite"
    db = open_database(source)
    IdeaService(AppContext(db=db, user="anna")).create({"title": "eins"})
    db.close()
    assert cli("--db", str(source), "copy-to", pg_url).returncode == 0
    team = open_team_database(pg_url)
    try:
        created = IdeaService(AppContext(db=team, user="anna")).create({"title": "zwei"})
    finally:
        team.close()
    assert created.id == 2


@pytest.mark.slow
def test_backup_of_a_team_database_is_a_sqlite_snapshot(pg_url: str, tmp_path: Path) -> None:
    from tikdesk.services.safety import open_team_database

    team = open_team_database(pg_url)
    try:
        IdeaService(AppContext(db=team, user="anna")).create({"title": "Schnappschuss"})
    finally:
        team.close()
    target = tmp_path / "kopie.sqlite"
    result = cli("--db", pg_url, "backup", "--to", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_bytes()[:16] == b"SQLite format 3\x00"
    assert _summaries(target) == _summaries(pg_url)
    plain = cli("--db", pg_url, "backup")
    assert plain.returncode == 1 and "pg_dump" in plain.stderr


# ------------------------------------------------------------------ setup SQL
@pytest.mark.slow
def test_print_setup_sql_needs_no_database() -> None:
    result = cli("admin", "print-setup-sql", "--database", "redaktion")
    assert result.returncode == 0, result.stderr
    for needed in ("CREATE DATABASE redaktion", "tikdesk_editor", "tikdesk_approver",
                   "tikdesk_dsb", "tikdesk_viewer", "hostssl"):  # fmt: skip
        assert needed in result.stdout
    bad = cli("admin", "print-setup-sql", "--database", "x; DROP")
    assert bad.returncode == 2
