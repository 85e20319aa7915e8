"""Identities the server vouches for (issue 17): on a team database set up with the printed
setup SQL, the login acts — the server writes it into authors, approvals and the audit log,
refuses an author's own approval even for SQL typed by hand, and a viewer cannot write.
A real PostgreSQL cluster of its own (tests/team_cluster.py), no mocks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert, select, text
from team_cluster import TeamCluster, team_cluster

from tikdesk.domain.enums import Role
from tikdesk.domain.errors import DatabaseError, InputRejected
from tikdesk.services.context import AppContext
from tikdesk.services.ideas import IdeaService
from tikdesk.services.posts import PostInput, PostService
from tikdesk.services.roles import RoleService
from tikdesk.storage.engine import Database, open_server_database
from tikdesk.storage.models import Approval, AuditEvent, Post


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamCluster]:
    import pg_server

    if pg_server.find_bin_dir() is None and not pg_server.in_ci():
        pytest.skip("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin): PG lane skipped")
    with team_cluster(tmp_path_factory.mktemp("team")) as cluster:
        yield cluster


@pytest.fixture
def login(team: TeamCluster, tmp_path: Path) -> Iterator[object]:
    opened: list[Database] = []

    def open_as(name: str) -> Database:
        db = open_server_database(team.url(name), tmp_path / name)
        opened.append(db)
        return db

    yield open_as
    for db in opened:
        db.close()


def new_post(db: Database, title: str, *, claimed: str = "mallory") -> int:
    """A post created through the service by a client that *claims* to be someone else."""
    return PostService(AppContext(db=db, user=claimed)).create(PostInput(title=title))


@pytest.mark.slow
def test_the_context_acts_as_the_database_login(login) -> None:
    db = login("anna")
    assert db.login == "anna"
    assert AppContext(db=db).user == "anna"


def test_the_server_writes_the_author_and_the_audit_actor(login) -> None:
    db = login("anna")
    post_id = new_post(db, "Tag der offenen Tür")  # the client says "mallory"
    with db.reader() as s:
        assert s.get(Post, post_id).author == "anna"
        actors = set(
            s.scalars(
                select(AuditEvent.actor).where(
                    (AuditEvent.entity == "post") & (AuditEvent.entity_id == post_id)
                )
            )
        )
        session_user = s.scalar(text("SELECT session_user"))
    assert actors == {"anna"} == {session_user}


def test_an_update_cannot_change_the_author(login) -> None:
    db = login("anna")
    post_id = new_post(db, "Werkstatt")
    with db.transaction() as s:
        s.execute(text("UPDATE post SET author = 'ben' WHERE id = :id"), {"id": post_id})
    with db.reader() as s:
        assert s.get(Post, post_id).author == "anna"


def test_the_author_cannot_approve_even_with_direct_sql(login) -> None:
    anna = login("dora")  # a DSB holds the approver role too: only four eyes stop her
    post_id = new_post(anna, "Einsatztraining")
    for approver in ("dora", "ben", "DORA "):  # whatever the SQL claims, the login is dora
        with (
            pytest.raises(DatabaseError, match="Vier-Augen-Prinzip"),
            anna.transaction() as s,
        ):
            s.execute(insert(Approval).values(post_id=post_id, approver=approver))
    with anna.reader() as s:
        assert s.scalar(select(Approval.id).where(Approval.post_id == post_id)) is None


@pytest.mark.slow
def test_another_login_approves_and_the_server_records_who(login) -> None:
    post_id = new_post(login("anna"), "Sporttest")
    ben = login("ben")
    with ben.transaction() as s:  # ben claims to be the author: the server writes ben
        s.execute(insert(Approval).values(post_id=post_id, approver="anna"))
    with ben.reader() as s:
        approval = s.scalars(select(Approval).where(Approval.post_id == post_id)).one()
        assert approval.approver == "ben"
        approval_id = approval.id
    with ben.transaction() as s:  # nor can the approver be rewritten afterwards
        s.execute(text("UPDATE approval SET approver = 'anna' WHERE id = :i"), {"i": approval_id})
    with ben.reader() as s:
        assert s.get(Approval, approval_id).approver == "ben"


@pytest.mark.slow
def test_an_editor_may_not_approve(login) -> None:
    post_id = new_post(login("ben"), "Blaulichttag")
    anna = login("anna")
    with pytest.raises(DatabaseError, match="fehlende Rolle"), anna.transaction() as s:
        s.execute(insert(Approval).values(post_id=post_id, approver="anna"))


def test_a_viewer_cannot_write(login) -> None:
    chef = login("chef")
    with chef.reader() as s:
        before = s.scalar(text("SELECT count(*) FROM idea"))
    with pytest.raises(DatabaseError, match="fehlende Rolle"):
        IdeaService(AppContext(db=chef)).create({"title": "Chef-Idee"})
    with pytest.raises(DatabaseError, match="fehlende Rolle"), chef.transaction() as s:
        s.execute(text("INSERT INTO setting (key, value) VALUES ('x', 'y')"))
    with chef.reader() as s:
        assert s.scalar(text("SELECT count(*) FROM idea")) == before
    assert RoleService(AppContext(db=chef)).mine() == frozenset()


def test_the_audit_log_stays_append_only_for_the_dsb(login) -> None:
    dora = login("dora")
    new_post(dora, "Protokoll")  # a post's creation is audited (an idea's is not)
    with dora.reader() as s:
        before = s.scalar(text("SELECT count(*) FROM audit_event"))
    assert before > 0
    with pytest.raises(DatabaseError), dora.transaction() as s:
        s.execute(text("DELETE FROM audit_event"))
    with dora.reader() as s:
        assert s.scalar(text("SELECT count(*) FROM audit_event")) == before


def test_roles_are_the_servers_roles(login) -> None:
    assert RoleService(AppContext(db=login("anna"))).mine() == {Role.EDITOR}
    assert RoleService(AppContext(db=login("ben"))).mine() == {Role.EDITOR, Role.APPROVER}
    dora = RoleService(AppContext(db=login("dora")))
    assert dora.mine() == {Role.EDITOR, Role.APPROVER, Role.DSB}
    listed = {a.account: a.roles for a in dora.accounts()}
    assert listed["anna"] == {Role.EDITOR} and listed["chef"] == frozenset()
    with pytest.raises(InputRejected, match="GRANT tikdesk_approver TO"):
        dora.grant("anna", Role.APPROVER)
    assert RoleService(AppContext(db=login("anna"))).mine() == {Role.EDITOR}


def test_vacuum_is_left_to_it_for_a_login_that_does_not_own_the_tables(login) -> None:
    from tikdesk.storage.repositories.erasure import vacuum_server_tables

    assert vacuum_server_tables(login("dora")) == []  # logged; the erasure is complete anyway
