"""Shared fixtures: every test gets its own data folder, settings and database in tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from collections.abc import Iterator
from pathlib import Path

import pytest

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
