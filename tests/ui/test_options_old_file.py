"""A settings file written by the version before tikdesk.options (6d5ef78) keeps every
value: the same keys, and what that version stored — "true"/"false" as text, lists, ints,
QByteArray layouts — reads back as the typed value it meant."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from tikdesk import options


def _written_by_the_previous_version(path: Path) -> None:
    """The calls of 6d5ef78's preferences, report dialog, safety controller, main window,
    analytics, ideas and exchange code, with their values as that code passed them."""
    old = QSettings(str(path), QSettings.Format.IniFormat)
    old.setValue("prefs/language", "en")
    old.setValue("prefs/user", "Redaktion Nord")
    old.setValue("team/url", "postgresql://anna@server:5432/tikdesk")
    old.setValue("recent/databases", ["C:/Daten/a.tikdesk", "D:/b, mit Komma.tikdesk"])
    old.setValue("report/folder", "C:/Berichte")
    old.setValue("report/pdf", "true")  # the old dialog wrote the text, not a bool
    old.setValue("exchange/last_folder", "C:/Listen")
    old.setValue("safety/network_warned", ["//server/team.tikdesk"])
    old.setValue("ideas/view", "board")
    old.setValue("analytics/period", 90)
    old.setValue("analytics/account", "@verein_nord")
    old.setValue("analytics/heat", "likes")
    old.setValue("window/tab", 3)
    old.setValue("posts/splitter", QByteArray(b"\x00\xff\x01layout"))
    old.sync()


def test_an_old_settings_file_keeps_every_value(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    _written_by_the_previous_version(path)
    store = QSettings(str(path), QSettings.Format.IniFormat)  # the next start
    assert options.LANGUAGE.get(store) == "en"
    assert options.USER_LABEL.get(store) == "Redaktion Nord"
    assert options.TEAM_URL.get(store) == "postgresql://anna@server:5432/tikdesk"
    assert options.RECENT_DATABASES.get(store) == ("C:/Daten/a.tikdesk", "D:/b, mit Komma.tikdesk")
    assert options.REPORT_FOLDER.get(store) == "C:/Berichte"
    assert options.REPORT_PDF.get(store) is True
    assert options.EXCHANGE_FOLDER.get(store) == "C:/Listen"
    assert options.NETWORK_WARNED.get(store) == ("//server/team.tikdesk",)
    assert options.IDEAS_VIEW.get(store) == "board"
    assert options.ANALYTICS_PERIOD.get(store) == 90
    assert options.ANALYTICS_ACCOUNT.get(store) == "@verein_nord"
    assert options.ANALYTICS_HEAT.get(store) == "likes"
    assert options.WINDOW_TAB.get(store) == 3
    assert options.POSTS_SPLITTER.get(store) == b"\x00\xff\x01layout"
    # the CLI reads the language from the same file without Qt
    assert options.LANGUAGE.get(options.IniFile(path)) == "en"


def test_the_old_report_dialogs_false_reads_false(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    old = QSettings(str(path), QSettings.Format.IniFormat)
    old.setValue("report/pdf", "false")
    old.sync()
    assert options.REPORT_PDF.get(QSettings(str(path), QSettings.Format.IniFormat)) is False


def test_a_new_file_reads_back_in_the_previous_versions_way(tmp_path: Path) -> None:
    """Going back a version (or a colleague's older copy on the same profile) still works:
    the old dialog compared ``str(value).lower() == "true"``, the old window ``int(...)``."""
    path = tmp_path / "settings.ini"
    store = QSettings(str(path), QSettings.Format.IniFormat)
    options.REPORT_PDF.set(store, True)
    options.ANALYTICS_PERIOD.set(store, 7)
    options.RECENT_DATABASES.set(store, ("C:/a.tikdesk",))
    store.sync()
    old = QSettings(str(path), QSettings.Format.IniFormat)
    assert str(old.value("report/pdf", "false")).lower() == "true"
    assert int(old.value("analytics/period", 28)) == 7  # type: ignore[call-overload]
    assert old.value("recent/databases") in ("C:/a.tikdesk", ["C:/a.tikdesk"])
