"""Shared fixtures: every test gets its own data folder, settings and database in tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import logging
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tikdesk.domain import i18n
from tikdesk.domain.i18n import set_language

if TYPE_CHECKING:  # the fixtures' types; the modules load when a fixture runs
    from pg_server import PgServer
    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

    from tikdesk.domain.clock import FixedClock
    from tikdesk.services.context import AppContext
    from tikdesk.storage.engine import Database
    from tikdesk.ui.main_window import MainWindow

#: ``open_again(read_only=…)``: a second connection to the test's database
OpenAgain = Callable[..., "Database"]

#: Example input files (TikTok exports, idea lists, bad files), kept in the repository.
SAMPLES = Path(__file__).resolve().parent / "data" / "samples"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every TikDesk folder (data, logs, backups, settings) into tmp_path."""
    home = tmp_path / "tikdesk-home"
    monkeypatch.setenv("TIKDESK_HOME", str(home))
    monkeypatch.delenv("TIKDESK_DB", raising=False)
    set_language("de")
    return home


@pytest.fixture(autouse=True)
def _restore_global_state() -> Iterator[None]:
    """Leave the process as the test found it, so the suite passes in any order.

    The code under test changes process-wide state on purpose (``app.main`` sets the
    language, installs translators, logging and the crash hooks); tests run it in-process.
    Restored after every test: the environment, the working directory, the domain
    language, root logging, the exception hooks, Qt's translators, default locale and
    application names.
    """
    environ = dict(os.environ)
    cwd = os.getcwd()
    language = i18n.language()
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    hooks = (sys.excepthook, threading.excepthook, sys.unraisablehook)
    qt = _qt_state()
    yield
    _restore_qt_state(qt)
    sys.excepthook, threading.excepthook, sys.unraisablehook = hooks
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    i18n.set_language(language)
    os.chdir(cwd)
    for name in set(os.environ) - set(environ):
        del os.environ[name]
    os.environ.update(environ)


def _qt_state() -> tuple[object, ...] | None:
    """Qt's process-wide state, if Qt is loaded (pure tests never import it)."""
    if "PySide6.QtCore" not in sys.modules:
        return None
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    app = QCoreApplication.instance()
    translators = set(app.findChildren(QTranslator)) if app is not None else set()
    names = (QCoreApplication.applicationName(), QCoreApplication.organizationName())
    return QLocale(), translators, names, _look()


def _look() -> tuple[object, object] | None:
    """The application's palette and font (``ui.theme.apply`` and font tests change them)."""
    if "PySide6.QtGui" not in sys.modules:
        return None
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        return None
    return QGuiApplication.palette(), QGuiApplication.font()


def _restore_qt_state(state: tuple[object, ...] | None) -> None:
    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    locale, before, names, look = state or (QLocale.system(), set(), ("", ""), None)
    app = QCoreApplication.instance()
    if app is not None:  # translators installed by the code under test are parented to the app
        for translator in set(app.findChildren(QTranslator)) - before:  # type: ignore[operator]
            QCoreApplication.removeTranslator(translator)
            translator.setParent(None)
            translator.deleteLater()
    QLocale.setDefault(locale)  # type: ignore[arg-type]
    QCoreApplication.setApplicationName(names[0])  # type: ignore[index]
    QCoreApplication.setOrganizationName(names[1])  # type: ignore[index]
    if look is not None and _look() != look:
        from PySide6.QtGui import QGuiApplication

        palette, font = look  # type: ignore[misc]
        QGuiApplication.setPalette(palette)
        QGuiApplication.setFont(font)


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


# ------------------------------------------------------------------ back ends (issue 17)
#: Test modules whose service-level tests run on SQLite *and* a real PostgreSQL server: each
#: test that uses ``tmp_db``/``ctx`` runs twice (``[sqlite]``, ``[postgresql]``).  A test
#: that cannot run on one back end says why: ``@pytest.mark.sqlite_only("reason")``.
BOTH_BACKENDS = {
    "test_ideas_service",
    "test_exchange_import",
    "test_clearance_services",
    "test_report_workbook",
    "test_team_database",
    "test_analytics_service",
    "test_report_issue20",
    "test_analytics_studio",
    "test_people_register",
    "test_erasure_everywhere",
    "test_consent_evidence",
    "test_consent_forms",
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): runs on SQLite only (the reason says why)"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    if metafunc.module.__name__.rsplit(".", 1)[-1] in BOTH_BACKENDS:
        # the PostgreSQL lane needs a server and a database per test: not in the fast lane
        backends = ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)]
        metafunc.parametrize("backend", backends, indirect=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs the PostgreSQL test server is slow: not in the fast lane."""
    for item in items:
        if "pg_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """ "sqlite" (the default everywhere) or "postgresql" (the modules in BOTH_BACKENDS)."""
    name = str(getattr(request, "param", "sqlite"))
    marker = request.node.get_closest_marker("sqlite_only")
    if name == "postgresql" and marker is not None:
        pytest.skip(f"SQLite only: {marker.args[0] if marker.args else ''}")
    return name


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A throw-away PostgreSQL cluster for the whole session (tests/pg_server.py)."""
    import pg_server as server_mod

    if server_mod.find_bin_dir() is None and not server_mod.in_ci():
        pytest.skip("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin): PG lane skipped")
    try:
        server = server_mod.start()
    except Exception as exc:  # in CI this must fail, outside CI it may skip
        if server_mod.in_ci():
            pytest.fail(f"PostgreSQL test server could not be started: {exc}")
        pytest.skip(f"PostgreSQL test server could not be started: {exc}")
    try:
        yield server
    finally:
        server_mod.stop(server)


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> str:
    """A database with TikDesk's schema, copied for every test (CREATE DATABASE … TEMPLATE)."""
    from tikdesk.storage.engine import open_server_database

    name = "tikdesk_template"
    pg_server.psql(f'CREATE DATABASE "{name}"')
    db = open_server_database(pg_server.url(name), Path("unused"))
    db.close()
    return name


@pytest.fixture
def pg_url(pg_server: PgServer, pg_template: str) -> Iterator[str]:
    """The address of a fresh TikDesk database of its own, dropped after the test."""
    name = pg_server.new_database(pg_template)
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture
def db_address(backend: str, request: pytest.FixtureRequest) -> str | Path:
    """What ``--db`` would be given for the test's database: the file or the server URL."""
    name = "pg_url" if backend == "postgresql" else "db_path"
    address: str | Path = request.getfixturevalue(name)
    return address


@pytest.fixture
def open_again(db_address: str | Path, tmp_path: Path) -> Iterator[OpenAgain]:
    """``open_again(read_only=…)``: a second connection to the test's database (closed at
    the end), as another TikDesk on another PC would have it."""
    from tikdesk.storage.engine import open_database, open_server_database

    opened: list[Database] = []

    def opener(*, read_only: bool = False) -> Database:
        if isinstance(db_address, str):
            db = open_server_database(db_address, tmp_path / "team", read_only=read_only)
        else:
            db = open_database(db_address, read_only=read_only)
        opened.append(db)
        return db

    yield opener
    for db in opened:
        db.close()


@pytest.fixture
def tmp_db(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The test's database: a SQLite file in tmp_path, or a fresh PostgreSQL database."""
    from tikdesk.storage.engine import open_database, open_server_database

    if backend == "postgresql":
        url = request.getfixturevalue("pg_url")
        db = open_server_database(url, tmp_path / "team")
    else:
        db = open_database(request.getfixturevalue("db_path"))
    yield db
    db.close()


@pytest.fixture
def ctx(tmp_db: Database, tmp_path: Path) -> AppContext:
    from tikdesk.services.context import AppContext

    return AppContext(db=tmp_db, user="anna", backup_dir=tmp_path / "backups")


@pytest.fixture
def frozen_clock(ctx: AppContext) -> FixedClock:
    """Time stands still at Monday 5 October 2026, 10:00 for ``ctx`` and everything that
    asks its clock; move it with ``frozen_clock.set(day)`` or ``.advance(timedelta)``."""
    import datetime as dt

    from tikdesk.domain.clock import FixedClock

    clock = FixedClock(dt.datetime(2026, 10, 5, 10, 0))
    ctx.clock = clock
    return clock


@pytest.fixture
def recorded_messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Message boxes are recorded instead of shown; questions are answered 'yes'."""
    from tikdesk.ui import messages

    seen: list[tuple[str, str, str]] = []

    def record(_parent: object, kind: str, title: str, text: str) -> bool:
        seen.append((kind, title, text))
        return True

    monkeypatch.setattr(messages, "handler", record)
    return seen


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def main_window(
    qtbot: QtBot,
    ctx: AppContext,
    settings: QSettings,
    recorded_messages: list[tuple[str, str, str]],
) -> MainWindow:
    """The real main window on the test database."""
    from tikdesk.ui.main_window import MainWindow

    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    return window
