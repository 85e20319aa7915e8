"""Shared fixtures: every test gets its own data folder, settings and database in tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tikdesk.domain import i18n
from tikdesk.domain.i18n import set_language

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
    return QLocale(), translators, names


def _restore_qt_state(state: tuple[object, ...] | None) -> None:
    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    locale, before, names = state or (QLocale.system(), set(), ("", ""))
    app = QCoreApplication.instance()
    if app is not None:  # translators installed by the code under test are parented to the app
        for translator in set(app.findChildren(QTranslator)) - before:  # type: ignore[operator]
            QCoreApplication.removeTranslator(translator)
            translator.setParent(None)
            translator.deleteLater()
    QLocale.setDefault(locale)  # type: ignore[arg-type]
    QCoreApplication.setApplicationName(names[0])  # type: ignore[index]
    QCoreApplication.setOrganizationName(names[1])  # type: ignore[index]


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture
def tmp_db(db_path: Path) -> Iterator[object]:
    from tikdesk.storage.engine import open_database

    db = open_database(db_path)
    yield db
    db.close()


@pytest.fixture
def ctx(tmp_db: object, tmp_path: Path) -> object:
    from tikdesk.services.context import AppContext

    return AppContext(db=tmp_db, user="anna", backup_dir=tmp_path / "backups")  # type: ignore[arg-type]


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
def settings(tmp_path: Path) -> object:
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def main_window(qtbot: object, ctx: object, settings: object, recorded_messages: list) -> object:
    """The real main window on the test database."""
    from tikdesk.ui.main_window import MainWindow

    window = MainWindow(ctx, settings)  # type: ignore[arg-type]
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    return window
