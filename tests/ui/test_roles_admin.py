"""Issue 16: roles can be managed — ``tikdesk roles`` and Einstellungen → Rollen…; editing
people and consents needs a role."""

from __future__ import annotations

from pathlib import Path

import pytest
from clearance_helpers import full_consent, team
from sqlalchemy import text

from tikdesk.app import main
from tikdesk.domain.enums import Role
from tikdesk.domain.errors import InputRejected
from tikdesk.services.context import AppContext
from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.services.roles import RoleService
from tikdesk.storage.engine import open_database


def run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """A database whose roles anna bootstrapped (she is the DSB)."""
    path = tmp_path / "roles.sqlite"
    db = open_database(path)
    try:
        RoleService(AppContext(db=db, user="anna")).mine()
    finally:
        db.close()
    return path


def roles_in(path: Path) -> dict[str, set[Role]]:
    db = open_database(path)
    try:
        return {
            a.account: set(a.roles) for a in RoleService(AppContext(db=db, user="x")).accounts()
        }
    finally:
        db.close()


def role_events(path: Path) -> list[tuple[str, str, str]]:
    db = open_database(path)
    try:
        with db.reader() as s:
            rows = s.execute(text("SELECT actor, action, old_value FROM audit_event")).all()
        return [tuple(r) for r in rows if r[1].startswith("role_")]
    finally:
        db.close()


def as_account(monkeypatch: pytest.MonkeyPatch, account: str) -> None:
    """The OS login the command runs as (getpass reads these first)."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(name, account)


@pytest.mark.slow
def test_cli_lists_grants_and_revokes_as_the_dsb(
    db_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    as_account(monkeypatch, "anna")
    assert run(["--db", str(db_file), "--lang", "de", "roles", "grant", "ben", "approver"]) == 0
    assert "ben: approver vergeben" in capsys.readouterr().out
    assert run(["--db", str(db_file), "roles"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed == ["anna\teditor approver dsb", "ben\tapprover"]
    assert run(["--db", str(db_file), "roles", "revoke", "ben", "approver"]) == 0
    assert roles_in(db_file)["anna"] == {Role.EDITOR, Role.APPROVER, Role.DSB}
    assert "ben" not in roles_in(db_file)
    events = role_events(db_file)
    assert ("anna", "role_granted", "ben") in events
    assert ("anna", "role_revoked", "ben") in events


@pytest.mark.slow
def test_cli_refuses_a_non_dsb_and_the_last_dsb(
    db_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    as_account(monkeypatch, "ben")
    assert run(["--db", str(db_file), "--lang", "de", "roles", "grant", "ben", "dsb"]) == 1
    err = capsys.readouterr().err
    assert "nur ein Konto mit der Rolle" in err and "ben" in err and "Traceback" not in err
    assert "ben" not in roles_in(db_file)
    as_account(monkeypatch, "anna")
    assert run(["--db", str(db_file), "--lang", "de", "roles", "revoke", "anna", "dsb"]) == 1
    assert "letzte DSB-Konto" in capsys.readouterr().err
    assert Role.DSB in roles_in(db_file)["anna"]
    assert run(["--db", str(db_file), "roles", "grant", "ben", "boss"]) == 2


@pytest.mark.slow
def test_editing_people_needs_a_role_and_a_single_user_keeps_working(ctx) -> None:
    people = PeopleService(ctx)  # anna: the first account, bootstraps every role
    ali = people.create_person(PersonInput(display_name="Ali Demir"))
    people.add_consent(ali, full_consent())
    assert RoleService(ctx).mine() == {Role.EDITOR, Role.APPROVER, Role.DSB}
    guest = PeopleService(AppContext(db=ctx.db, user="gast"))
    with pytest.raises(InputRejected, match="Konto gast hat keine"):
        guest.create_person(PersonInput(display_name="Bea Berg"))
    with pytest.raises(InputRejected, match="Rolle"):
        guest.add_consent(ali, full_consent())
    assert [p.display_name for p in people.list_people()] == ["Ali Demir"]
    team(ctx, "ben")  # an approver may edit, as on the team server
    PeopleService(AppContext(db=ctx.db, user="ben")).create_person(
        PersonInput(display_name="Bea Berg")
    )
    assert len(people.list_people()) == 2


@pytest.mark.slow
def test_roles_dialog_changes_roles_only_for_a_dsb(main_window, ctx, recorded_messages) -> None:
    from PySide6.QtCore import Qt

    from tikdesk.ui.roles import RolesDialog

    team(ctx, "ben")
    dialog = RolesDialog(ctx, main_window)
    assert dialog.can_change and not dialog.read_only_note.isVisibleTo(dialog)
    assert dialog.checked("ben", Role.APPROVER) and not dialog.checked("ben", Role.EDITOR)
    dialog.set_checked("ben", Role.EDITOR, True)
    assert RoleService(AppContext(db=ctx.db, user="ben")).mine() == {Role.EDITOR, Role.APPROVER}
    dialog.set_checked("anna", Role.DSB, False)  # the last DSB: refused, box back on
    assert recorded_messages[-1][0] == "warning" and "DSB" in recorded_messages[-1][2]
    assert dialog.checked("anna", Role.DSB)
    dialog.new_account.setText("WIN\\carla")
    dialog.add_button.click()
    assert dialog.checked("WIN\\carla", Role.EDITOR)

    ben_view = RolesDialog(AppContext(db=ctx.db, user="ben"), main_window)
    assert not ben_view.can_change and ben_view.read_only_note.isVisibleTo(ben_view)
    box = ben_view.table.item(0, 1)
    assert not box.flags() & Qt.ItemFlag.ItemIsUserCheckable
    ben_view.set_checked("ben", Role.DSB, True)
    assert Role.DSB not in RoleService(AppContext(db=ctx.db, user="ben")).mine()
    assert not ben_view.add_button.isEnabled()
    dialog.deleteLater()
    ben_view.deleteLater()


@pytest.mark.slow
def test_roles_menu_entry_opens_the_dialog(main_window, monkeypatch) -> None:
    from tikdesk.ui import roles as roles_ui

    opened = []
    monkeypatch.setattr(
        roles_ui.RolesDialog, "present", classmethod(lambda cls, ctx, parent: opened.append(ctx))
    )
    main_window.action_roles.trigger()
    assert opened == [main_window.ctx]


@pytest.mark.slow
def test_backup_list_shows_erased_people_and_only_the_dsb_cleans(
    main_window, ctx, recorded_messages
) -> None:
    from PySide6.QtCore import QModelIndex

    from tikdesk.services.erasure import ErasureService
    from tikdesk.services.safety import MANUAL, SafetyService
    from tikdesk.ui.safety import dialogs

    team(ctx, "ben")
    people = PeopleService(ctx)
    ali = people.create_person(PersonInput(display_name="Ali Demir"))
    people.add_consent(ali, full_consent())
    safety = SafetyService(ctx)
    dirty = safety.backup(MANUAL)
    people.erase_person(ali)
    clean = safety.backup(MANUAL)
    assert b"Ali Demir" in dirty.path.read_bytes()

    def dialog_as(account: str) -> dialogs.RestoreDialog:
        backups = safety.list_backups(check=True)
        erasure = ErasureService(AppContext(db=ctx.db, user=account, backup_dir=ctx.backup_dir))
        return dialogs.RestoreDialog(backups, ctx.backup_dir, main_window, erasure)

    def shown(dialog: dialogs.RestoreDialog) -> dict[str, str]:
        model = dialog.model
        return {
            model.backup_at(r).path.name: model.data(model.index(r, dialogs.BackupColumn.ERASED))
            for r in range(model.rowCount(QModelIndex()))
        }

    def select(dialog: dialogs.RestoreDialog, name: str) -> None:
        row = next(
            r
            for r in range(dialog.model.rowCount(QModelIndex()))
            if dialog.model.backup_at(r).path.name == name
        )
        dialog.table.selectRow(row)

    ben_view = dialog_as("ben")
    assert shown(ben_view) == {dirty.path.name: "still holds 1", clean.path.name: "none"}
    assert ben_view.erasure_note.isVisibleTo(ben_view)
    select(ben_view, clean.path.name)
    assert not ben_view.clean_button.isEnabled()
    select(ben_view, dirty.path.name)
    assert ben_view.clean_button.isEnabled() and ben_view.delete_button.isEnabled()
    ben_view.clean_button.click()  # confirmed, but ben is no DSB: refused
    assert "data-protection officer's (DSB's) decision" in recorded_messages[-2][2]
    assert recorded_messages[-1][0] == "warning" and "DSB" in recorded_messages[-1][2]
    assert b"Ali Demir" in dirty.path.read_bytes()
    ben_view.delete_button.click()
    assert dirty.path.exists()

    dsb_view = dialog_as("anna")
    select(dsb_view, dirty.path.name)
    dsb_view.clean_button.click()
    assert recorded_messages[-1][0] == "question"
    assert b"Ali Demir" not in dirty.path.read_bytes()
    assert shown(dsb_view) == {dirty.path.name: "none", clean.path.name: "none"}
    assert not dsb_view.erasure_note.isVisibleTo(dsb_view)
    ben_view.deleteLater()
    dsb_view.deleteLater()
