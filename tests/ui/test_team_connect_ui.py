"""Opening a team database from the window (issue 17), against a real throw-away PostgreSQL
cluster of this module's own (it is stopped and restarted here, and one login needs a
password): the "Team-Datenbank" dialog, the session password, "Erneut versuchen" for an
unreachable server, and "Neu verbinden" after a connection lost during an edit."""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pg_server = pytest.importorskip("pg_server")

from sqlalchemy import event  # noqa: E402

from tikdesk import app  # noqa: E402
from tikdesk.options import TEAM_URL  # noqa: E402
from tikdesk.services.ideas import IdeaService  # noqa: E402
from tikdesk.ui.ideas.tab import IdeasTab  # noqa: E402
from tikdesk.ui.team import connect  # noqa: E402

PASSWORD = "Geheim-7f3a!x"
LOGIN = "pwuser"


def _pg_ctl(server: Any, *args: str) -> None:
    cmd = [str(server.bin_dir / "pg_ctl"), "-D", str(server.folder / "data"), *args]
    subprocess.run(
        pg_server._as_server_user(cmd), capture_output=True, timeout=120, cwd=server.folder
    )


def stop_server(server: Any) -> None:
    _pg_ctl(server, "-m", "fast", "-w", "stop")


def start_server(server: Any) -> None:
    options = f"-k {server.folder} -c listen_addresses='' -F -c max_connections=200"
    log = str(server.folder / "server.log")
    _pg_ctl(server, "-l", log, "-w", "-t", "60", "-o", options, "start")


@pytest.fixture(scope="module")
def own_server() -> Iterator[Any]:
    if pg_server.find_bin_dir() is None:
        if pg_server.in_ci():
            pytest.fail("CI must run the PostgreSQL tests: no PostgreSQL binaries")
        pytest.skip("no PostgreSQL binaries under /usr/lib/postgresql (CI installs them)")
    server = pg_server.start()
    try:
        server.psql(f"CREATE ROLE {LOGIN} LOGIN PASSWORD '{PASSWORD}'")
        server.psql(f"CREATE DATABASE team OWNER {LOGIN}")
        server.psql("CREATE DATABASE plain")
        hba = server.folder / "data" / "pg_hba.conf"
        hba.write_text(f"local all {LOGIN} scram-sha-256\n" + hba.read_text(), encoding="utf-8")
        _pg_ctl(server, "reload")
        yield server
    finally:
        pg_server.stop(server)


@pytest.fixture
def gui(qapp: Any, settings: Any, recorded_messages: list) -> Iterator[app.GuiApp]:
    made = app.GuiApp(qapp, settings)
    yield made
    if made.window is not None:
        made.window.close()
        made.window.ctx.db.close()
    connect.forget_passwords()


@pytest.mark.slow
def test_the_password_is_asked_once_and_kept_in_memory_only(
    gui: app.GuiApp,
    own_server: Any,
    settings: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    address = own_server.url("team", user=LOGIN)
    asked: list[bool] = []
    answers = iter(["falsch", PASSWORD])

    def answer(_parent: Any, shown: str, retry: bool = False) -> str:
        assert "pwuser@" in shown and PASSWORD not in shown
        asked.append(retry)
        return next(answers)

    monkeypatch.setattr(connect.PasswordDialog, "ask", answer)
    assert gui.open(address)
    assert asked == [False, True]  # a wrong password is asked for again, saying so
    window = gui.window
    assert window is not None and window.ctx.db.on_server
    assert window.ctx.db.login == LOGIN
    made = IdeaService(window.ctx).create({"title": "Mit Passwort"})

    # reconnecting in the same session does not ask again
    window.reconnect_action.trigger()
    assert gui.window is not window
    assert asked == [False, True]
    assert gui.window is not None
    assert IdeaService(gui.window.ctx).get(made.id).title == "Mit Passwort"

    settings.sync()
    ini = Path(settings.fileName()).read_text(encoding="utf-8")
    assert "recent/databases" in ini or "databases" in ini  # the address was remembered
    assert PASSWORD not in ini and "falsch" not in ini
    assert PASSWORD not in caplog.text
    for written in tmp_path.rglob("*"):
        if written.is_file():
            assert PASSWORD.encode() not in written.read_bytes(), written


def test_cancelling_the_password_opens_nothing(
    gui: app.GuiApp, own_server: Any, recorded_messages: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connect.PasswordDialog, "ask", lambda *a, **k: None)
    assert not gui.open(own_server.url("team", user=LOGIN))
    assert gui.window is None
    assert "Passwort" in recorded_messages[-1][2] or "password" in recorded_messages[-1][2]


def test_the_password_dialog_hides_what_is_typed(qtbot: Any) -> None:
    dialog = connect.PasswordDialog("postgresql://pwuser@server/team", True)
    qtbot.addWidget(dialog)
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    assert "pwuser@server" in dialog.intro.text()


@pytest.mark.slow
def test_an_unreachable_server_offers_to_try_again(
    gui: app.GuiApp, own_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    address = own_server.url("plain")
    asked: list[str] = []

    def answer(_parent: Any, text: str) -> bool:
        asked.append(text)
        if len(asked) == 1:
            start_server(own_server)  # IT fixed it: "Erneut versuchen" now succeeds
            return True
        return False

    monkeypatch.setattr(connect.RetryDialog, "ask", answer)
    stop_server(own_server)
    try:
        assert gui.open(address)
    finally:
        start_server(own_server)
    assert len(asked) == 1
    assert "erreichbar" in asked[0] or "cannot be reached" in asked[0]
    assert gui.window is not None and gui.window.ctx.db.on_server


def test_cancel_on_an_unreachable_server_opens_nothing(
    gui: app.GuiApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(connect.RetryDialog, "ask", lambda _p, text: asked.append(text) or False)
    # a socket folder where no server listens: refused at once
    assert not gui.open(f"postgresql://nobody@/nothing?host={tmp_path}")
    assert len(asked) == 1 and gui.window is None


def test_retry_and_reconnect_questions_name_their_buttons(qtbot: Any) -> None:
    box, retry = connect.RetryDialog.build(None, "Server weg.")
    qtbot.addWidget(box)
    assert retry.text().replace("&", "") in ("Try again", "Erneut versuchen")
    assert len(box.buttons()) == 2
    box2, again = connect.ReconnectDialog.build(None, "Verbindung weg.")
    qtbot.addWidget(box2)
    assert again.text().replace("&", "") in ("Reconnect", "Neu verbinden")
    assert box2.text() == "Verbindung weg."


def test_team_dialog_refuses_a_password_in_the_address(qtbot: Any, settings: Any) -> None:
    dialog = connect.TeamDatabaseDialog(settings)
    qtbot.addWidget(dialog)
    dialog.address.setText(f"postgresql://anna:{PASSWORD}@server/tikdesk")
    opened: list[str] = []
    dialog.open_requested.connect(opened.append)
    dialog.open_button.click()
    assert opened == []
    assert "Passwort" in dialog.outcome.text() or "password" in dialog.outcome.text()
    settings.sync()
    assert settings.value(TEAM_URL.key) is None
    ini = Path(settings.fileName())
    assert not ini.exists() or PASSWORD not in ini.read_text(encoding="utf-8")
    assert "sslmode=verify-full" in dialog.hints.text() and "sslrootcert" in dialog.hints.text()


def test_team_dialog_tests_in_the_background_and_opens(
    qtbot: Any, own_server: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connect.PasswordDialog, "ask", lambda *a, **k: PASSWORD)
    dialog = connect.TeamDatabaseDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    address = own_server.url("team", user=LOGIN)
    dialog.address.setText(address)
    dialog.test_button.click()
    assert dialog.testing  # the answer comes from a worker; the window keeps running
    assert not dialog.test_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.testing and "pwuser" in dialog.outcome.text(), timeout=15000)
    assert "PostgreSQL" in dialog.outcome.text()
    assert connect.session_password(address) == PASSWORD
    connect.forget_passwords()

    with qtbot.waitSignal(dialog.open_requested) as signal:
        dialog.open_button.click()
    assert signal.args == [address]
    settings.sync()
    ini = Path(settings.fileName()).read_text(encoding="utf-8")
    assert "team" in ini and PASSWORD not in ini


def test_team_dialog_reports_a_stopped_server(qtbot: Any, own_server: Any, settings: Any) -> None:
    dialog = connect.TeamDatabaseDialog(settings)
    qtbot.addWidget(dialog)
    dialog.address.setText(own_server.url("plain"))
    stop_server(own_server)
    try:
        dialog.test_button.click()
        qtbot.waitUntil(lambda: not dialog.testing, timeout=15000)
    finally:
        start_server(own_server)
    assert "erreichbar" in dialog.outcome.text() or "cannot be reached" in dialog.outcome.text()
    assert dialog.test_button.isEnabled()


@pytest.mark.slow
def test_a_connection_lost_during_an_edit_saves_nothing_and_offers_to_reconnect(
    qtbot: Any, gui: app.GuiApp, own_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    address = own_server.url("plain")
    assert gui.open(address)
    window = gui.window
    assert window is not None
    idea = IdeaService(window.ctx).create({"title": "Stadtfest", "owner": "alt"})
    tab = window.tab(IdeasTab)
    tab.refresh()
    assert tab.select_id(idea.id)

    # the server ends this client's connection in the middle of the edit's transaction
    def terminate(conn: Any, _cursor: Any, statement: str, *_a: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE"):
            pid = conn.connection.dbapi_connection.info.backend_pid
            own_server.psql(f"SELECT pg_terminate_backend({pid})", dbname="plain")

    engine = window.ctx.db.engine
    event.listen(engine, "before_cursor_execute", terminate)
    asked: list[str] = []
    monkeypatch.setattr(connect.ReconnectDialog, "ask", lambda _p, t: asked.append(t) or True)
    try:
        tab.bulk_change("owner", "neu")
    finally:
        event.remove(engine, "before_cursor_execute", terminate)
    assert len(asked) == 1
    assert "abgebrochen" in asked[0] or "was lost" in asked[0]
    assert "\n" not in asked[0].strip()  # one sentence-long message, no traceback
    qtbot.waitUntil(lambda: gui.window is not window, timeout=15000)  # "Neu verbinden"
    again = IdeaService(gui.window.ctx).get(idea.id)
    assert again.owner == "alt" and again.version == idea.version  # nothing half-applied
