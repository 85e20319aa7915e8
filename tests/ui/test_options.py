"""The settings file's registry (tikdesk.options): every key declared once, typed, with a
default; what an INI file gives back after a restart is converted, a hand-edited value
falls back to the default."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from tikdesk import options

ROOT = Path(__file__).resolve().parents[2]


def _reopened(path: Path, text: str) -> QSettings:
    """A settings file as a later session finds it (every value text)."""
    path.write_text(text, encoding="utf-8")
    return QSettings(str(path), QSettings.Format.IniFormat)


def test_values_read_back_from_the_file_are_typed(tmp_path: Path) -> None:
    settings = _reopened(
        tmp_path / "a.ini",
        "[report]\npdf=true\n[analytics]\nperiod=90\n[recent]\ndatabases=C:/one.tikdesk\n"
        "[prefs]\nlanguage=en\n[ideas]\nsplitter=@ByteArray(\\0\\x61)\n",
    )
    assert options.REPORT_PDF.get(settings) is True
    assert options.ANALYTICS_PERIOD.get(settings) == 90
    assert options.RECENT_DATABASES.get(settings) == ("C:/one.tikdesk",)  # one entry: a str
    assert options.LANGUAGE.get(settings) == "en"
    assert options.IDEAS_SPLITTER.get(settings) == b"\x00a"
    assert options.POSTS_SPLITTER.get(settings) is None  # never saved


@pytest.mark.parametrize(
    ("option", "text"),
    [
        (options.REPORT_PDF, "vielleicht"),
        (options.ANALYTICS_PERIOD, "viele"),
        (options.LANGUAGE, "fr"),
        (options.IDEAS_VIEW, "kanban"),
        (options.WINDOW_TAB, "zwei"),
    ],
)
def test_a_hand_edited_value_reads_as_the_default(
    tmp_path: Path, option: options.Option[object], text: str
) -> None:
    section, _, name = option.key.partition("/")
    settings = _reopened(tmp_path / "b.ini", f"[{section}]\n{name}={text}\n")
    assert option.get(settings) == option.default


def test_written_values_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "c.ini"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    options.REPORT_PDF.set(settings, True)
    options.NETWORK_WARNED.set(settings, ("//server/a.tikdesk", "//server/b.tikdesk"))
    options.IDEAS_HEADER.set(settings, QByteArray(b"\x00\x01state"))
    options.ANALYTICS_PERIOD.set(settings, 365)
    settings.sync()
    text = path.read_text(encoding="utf-8")
    assert "pdf=true" in text and "period=365" in text
    assert "@ByteArray(" in text  # Qt's own format, as before the registry
    again = _reopened(tmp_path / "d.ini", text)
    assert options.REPORT_PDF.get(again) is True
    assert options.NETWORK_WARNED.get(again) == ("//server/a.tikdesk", "//server/b.tikdesk")
    assert options.IDEAS_HEADER.get(again) == b"\x00\x01state"
    assert options.ANALYTICS_PERIOD.get(again) == 365


def test_the_cli_reads_the_language_without_qt(tmp_path: Path) -> None:
    path = tmp_path / "e.ini"
    path.write_text("[prefs]\nlanguage=en\nuser=Anna\n", encoding="utf-8")
    ini = options.IniFile(path)
    assert options.LANGUAGE.get(ini) == "en"
    assert options.USER_LABEL.get(ini) == "Anna"
    assert options.LANGUAGE.get(options.IniFile(tmp_path / "missing.ini")) == "system"
    with pytest.raises(PermissionError):
        options.LANGUAGE.set(ini, "de")


def test_preferences_and_window_state_are_apart_and_keys_unique() -> None:
    prefs = {o.key for o in options.PREFERENCES}
    layout = {o.key for o in options.LAYOUT}
    assert not prefs & layout
    assert len(options.OPTIONS) == len(options.PREFERENCES) + len(options.LAYOUT)
    assert all(isinstance(o, options.BlobOption) for o in options.LAYOUT if "/" in o.key
               and o.key != options.WINDOW_TAB.key)  # fmt: skip


def test_no_settings_key_is_spelled_outside_the_registry() -> None:
    """Every call site goes through an option: no literal key, no ``*_KEY`` of its own."""
    literal = re.compile(r"""(settings|_settings)\.(value|setValue)\(\s*["'A-Z]""")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in (ROOT / "tikdesk").rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line)
    ]
    assert offenders == []
