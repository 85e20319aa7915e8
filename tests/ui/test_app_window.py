"""Foundation behaviour around the main window: layout memory, language, paths, demo."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication

from tikdesk import APP_NAME, app, paths
from tikdesk.options import LANGUAGE
from tikdesk.services.context import AppContext
from tikdesk.ui.ideas.tab import IdeasTab
from tikdesk.ui.main_window import MainWindow


def new_window(qtbot: Any, ctx: AppContext, settings: QSettings) -> MainWindow:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.slow
def test_window_layout_is_remembered(
    qtbot: Any, ctx: AppContext, settings: QSettings, recorded_messages: list[Any]
) -> None:
    from tikdesk.ui.ideas.model import Column

    window = new_window(qtbot, ctx, settings)
    # The offscreen screen is 800 × 600 and restoreGeometry() keeps a window on its screen:
    # choose a size that fits (or is the window's own minimum).
    screen = window.screen().availableGeometry()
    minimum = window.minimumSizeHint()
    size = (min(screen.width() - 10, minimum.width() + 6), minimum.height())
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    window.tabs.setCurrentIndex(1)
    tab = window.tab(IdeasTab)
    tab.table.horizontalHeader().resizeSection(Column.OWNER, 177)
    tab.table.sortByColumn(Column.TARGET_DATE, Qt.SortOrder.DescendingOrder)
    tab.set_view("board")
    window.close()
    assert settings.value("window/geometry") is not None
    assert settings.value("window/state") is not None

    again = new_window(qtbot, ctx, settings)
    assert (again.width(), again.height()) == size
    assert again.tabs.currentIndex() == 1
    tab = again.tab(IdeasTab)
    header = tab.table.horizontalHeader()
    assert header.sectionSize(Column.OWNER) == 177
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        Column.TARGET_DATE,
        Qt.SortOrder.DescendingOrder,
    )
    assert tab.model.sort_state() == ("target_date", True)
    assert tab.current_view_name() == "board"


@pytest.fixture
def german(qapp: QApplication) -> Iterator[list[object]]:
    installed = app.install_translators(qapp, "de")
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)  # type: ignore[arg-type]
    app.install_translators(qapp, "en")  # QLocale default back to English


def test_german_translators_translate_menus_and_ideas_tab(
    qtbot: Any,
    ctx: AppContext,
    settings: QSettings,
    german: list[object],
    recorded_messages: list[Any],
) -> None:
    assert len(german) >= 2  # Qt's own qtbase_de and ours
    window = new_window(qtbot, ctx, settings)
    assert window.menu_file.title() == "&Datei"
    assert window.menu_edit.title() == "&Bearbeiten"
    tab = window.tab(IdeasTab)
    assert tab.action_new.text() == "&Neue Idee…"
    assert "Strg+Umschalt+N" in tab.action_new.toolTip()  # shortcut named in German
    assert tab.model.headerData(5, Qt.Orientation.Horizontal) == "Verantwortlich"


def test_english_without_translators(
    qtbot: Any, ctx: AppContext, settings: QSettings, recorded_messages: list[Any]
) -> None:
    window = new_window(qtbot, ctx, settings)
    assert window.menu_file.title() == "&File"


def test_language_preference_wins_over_system(
    settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert app.ui_language(settings, None) == "de"
    LANGUAGE.set(settings, "en")
    assert app.ui_language(settings, None) == "en"
    assert app.ui_language(settings, "de") == "de"  # --lang wins


@pytest.mark.skipif(sys.platform != "linux", reason="XDG rules are the Linux case")
def test_data_dir_is_qt_app_local_data_location(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TIKDESK_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    old_name, old_org = QCoreApplication.applicationName(), QCoreApplication.organizationName()
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName("")
    try:
        qt_dir = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.AppLocalDataLocation
        )
    finally:
        QCoreApplication.setApplicationName(old_name)
        QCoreApplication.setOrganizationName(old_org)
    assert Path(qt_dir) == paths.data_dir() == tmp_path / "xdg" / "TikDesk"
    assert paths.default_db_path() == tmp_path / "xdg" / "TikDesk" / "tikdesk.sqlite"


def test_database_path_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert paths.db_path_from(None) == paths.default_db_path()
    monkeypatch.setenv("TIKDESK_DB", str(tmp_path / "env.sqlite"))
    assert paths.db_path_from(None) == tmp_path / "env.sqlite"
    assert paths.db_path_from(str(tmp_path / "arg.sqlite")) == tmp_path / "arg.sqlite"
    assert paths.demo_db_path() != paths.default_db_path()


@pytest.mark.slow
def test_demo_opens_a_separate_filled_database(
    qtbot: Any, qapp: QApplication, settings: QSettings, recorded_messages: list[Any]
) -> None:
    gui = app.GuiApp(qapp, settings)
    try:
        assert gui.open(paths.demo_db_path(), demo=True)
        window = gui.window
        assert window is not None
        qtbot.addWidget(window)
        assert len(window.tab(IdeasTab).index) == 60
        assert "demo.sqlite" in window.windowTitle()
        assert not paths.default_db_path().exists()  # the user's database is not touched
        window.demo_requested.emit()  # Hilfe → Beispieldaten again: same data, no doubles
        assert gui.window is not None and gui.window is not window
        qtbot.addWidget(gui.window)
        assert len(gui.window.tab(IdeasTab).index) == 60
    finally:
        if gui.window is not None:
            gui.window.close()
            gui.window.ctx.db.close()
