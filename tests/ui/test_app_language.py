"""The UI language: Qt's own German strings load, and the CLI follows the preference."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from tikdesk import app, paths


def test_qtbase_german_translator_is_loaded(qapp: QApplication) -> None:
    installed = app.install_translators(qapp, "de")
    try:
        # A string that only Qt's own qtbase_de catalogue translates.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
        assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)  # type: ignore[arg-type]
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


@pytest.mark.parametrize(
    ("preference", "expected"), [("en", "database file"), ("de", "Datenbankdatei")]
)
def test_cli_follows_the_language_chosen_in_preferences(
    preference: str,
    expected: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8" if preference == "de" else "de_DE.UTF-8")
    settings = paths.settings_file()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[prefs]\nlanguage={preference}\n", encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        app.main(["--help"])
    assert info.value.code == 0
    assert expected in capsys.readouterr().out


def test_command_line_language_wins_over_preference(
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = paths.settings_file()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[prefs]\nlanguage=de\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        app.main(["--lang", "en", "--help"])
    assert "database file" in capsys.readouterr().out


@pytest.mark.slow
def test_demo_database_says_so_in_the_title(main_window, ctx, qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    from tikdesk.services.context import AppContext
    from tikdesk.storage.engine import open_database
    from tikdesk.ui.main_window import MainWindow

    assert "sample data" not in main_window.windowTitle()
    assert Path(ctx.db.path).name in main_window.windowTitle()
    demo_db = open_database(paths.demo_db_path())
    try:
        demo = MainWindow(AppContext(db=demo_db, user="anna"), settings)
        qtbot.addWidget(demo)
        assert "sample data" in demo.windowTitle()
    finally:
        demo_db.close()
