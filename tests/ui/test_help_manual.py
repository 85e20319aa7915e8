"""Hilfe → Handbuch (F1): the offline manual in German and English, and the shortcut list."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tikdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
MANUAL = ROOT / "resources" / "manual"
CHAPTERS_DE = [
    "1. Erste Schritte",
    "2. Ideen sammeln",
    "3. Beiträge und Freigabe",
    "4. Personen und Einwilligungen",
    "5. Auswertung: TikTok-Daten importieren",
    "6. Management-Bericht",
    "7. Sicherungen und Datenbank",
    "8. Checklisten anpassen",
    "9. Bedienung mit der Tastatur",
    "10. Wo Ihre Daten liegen",
]


def _images(lang: str) -> list[str]:
    text = (MANUAL / lang / "index.html").read_text(encoding="utf-8")
    return re.findall(r'<img src="([^"]+)"', text)


def _manual_action(window: object) -> object:
    for action in window.menu_help.actions():  # type: ignore[attr-defined]
        if action.objectName() == "actionManual":
            return action
    raise AssertionError("no manual action in the Help menu")


@pytest.mark.slow
def test_f1_opens_the_german_manual_with_every_chapter(main_window: MainWindow) -> None:
    action = _manual_action(main_window)
    assert action.text() == "&Manual"  # type: ignore[attr-defined] (no translator in tests)
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)  # type: ignore[attr-defined]
    action.trigger()  # type: ignore[attr-defined]
    viewer = main_window._manual_window  # type: ignore[attr-defined]
    assert viewer.isVisible()
    assert viewer.browser.source().toLocalFile().endswith("manual/de/index.html")
    headings = viewer.headings()
    assert [h for h in headings if h[0].isdigit()] == CHAPTERS_DE
    assert viewer.missing_images() == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_picture_exists_and_shows_that_language(lang: str) -> None:
    images = _images(lang)
    assert len(images) >= 9
    for src in images:
        assert src.startswith(f"../images/{lang}/"), src
        assert (MANUAL / lang / src).resolve().is_file(), src


def test_english_manual_has_the_same_structure(qtbot: QtBot) -> None:
    from tikdesk.ui.help.manual import ManualWindow

    viewer = ManualWindow()
    qtbot.addWidget(viewer)
    viewer.set_language("de")
    german = viewer.headings()
    viewer.set_language("en")
    english = viewer.headings()
    assert english[0] == "1. First start" and len(english) == len(german)
    assert [i.replace("/en/", "/") for i in _images("en")] == [
        i.replace("/de/", "/") for i in _images("de")
    ]
    assert viewer.missing_images() == []


def test_no_picture_is_left_unused() -> None:
    used = {(MANUAL / lang / src).resolve() for lang in ("de", "en") for src in _images(lang)}
    on_disk = {p.resolve() for p in (MANUAL / "images").rglob("*.png")}
    assert on_disk - used == set()


def test_web_links_are_not_followed(qtbot: QtBot) -> None:
    from tikdesk.ui.help.manual import ManualWindow

    viewer = ManualWindow()
    qtbot.addWidget(viewer)
    before = viewer.browser.source()
    viewer.browser.anchorClicked.emit(QUrl("https://www.tiktok.com/"))
    assert viewer.browser.source() == before
    assert "https://www.tiktok.com/" in viewer.status.text()
    viewer.browser.anchorClicked.emit(QUrl("#sicherung"))  # a chapter link is followed
    assert viewer.browser.source().fragment() == "sicherung"


def test_find_and_chapter_jump(qtbot: QtBot) -> None:
    from tikdesk.ui.help.manual import ManualWindow

    viewer = ManualWindow()
    qtbot.addWidget(viewer)
    viewer.find_edit.setText("Vier-Augen-Prinzip")
    viewer.find_edit.returnPressed.emit()
    assert viewer.browser.textCursor().selectedText() == "Vier-Augen-Prinzip"
    viewer.find_edit.setText("gibtesnicht")
    viewer.find_edit.returnPressed.emit()
    assert "gibtesnicht" in viewer.status.text()
    item = viewer.contents.item(viewer.headings().index("8. Checklisten anpassen"))
    viewer.contents.itemActivated.emit(item)
    assert viewer.browser.textCursor().block().text() == "8. Checklisten anpassen"


@pytest.mark.slow
def test_shortcut_page_lists_the_menus(main_window: MainWindow) -> None:
    from tikdesk.ui.help import show_manual
    from tikdesk.ui.help.manual import shortcut_rows

    rows = shortcut_rows(main_window)
    assert ("Help", "Manual", "F1") in rows  # the fixture's window has no translator
    assert ("View", "Overview", "Ctrl+1") in rows
    assert ("Edit", "Undo", "Ctrl+Z") in rows
    viewer = show_manual(main_window, page="keys")
    text = viewer.browser.toPlainText()
    assert "Keyboard shortcuts" in text and "Manual" in text and "Ctrl+Z" in text


def test_app_icon_loads() -> None:
    from tikdesk.ui.help import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert icon.pixmap(32, 32).width() == 32
