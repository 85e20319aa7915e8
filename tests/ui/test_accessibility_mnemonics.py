"""Alt-keys per screen (issue 23, BITV "Operable"), on the real window in German and English.

A screen is one state of the window: a main tab with one of its sub-tabs (and, for the ideas,
the table or the board).  Every mnemonic a user can press there — the menu bar's, the main
tabs', the visible sub-tabs', buttons', check boxes', group boxes' and buddy labels' — must be
unique, and none may take a menu bar key (Datei, Bearbeiten, Ansicht, Hilfe): Qt then needs
two presses, or cycles between the two owners.
"""

# ruff: noqa: F811  (the imported `window` fixture is a test parameter)
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)
from test_accessibility import (
    TAB_NAMES,
    _mnemonic,
    count,
    describe,
    settle,
    visit,
    window,  # noqa: F401  (fixture)
)

from tikdesk.ui.overview.tab import OverviewTab


def screen_mnemonics(win: QWidget) -> list[tuple[str, str, bool]]:
    """(key, what, is_menu) for every mnemonic visible in ``win`` right now."""
    found = [
        (key, f"menu {action.text()!r}", True)
        for action in win.menuBar().actions()  # type: ignore[attr-defined]
        if (key := _mnemonic(action.text())) is not None
    ]
    for bar in win.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for index in range(bar.count()):
            if bar.isTabVisible(index) and (key := _mnemonic(bar.tabText(index))):
                found.append((key, f"tab {bar.tabText(index)!r}", False))
    for widget in win.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        text = ""
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QGroupBox) and widget.isCheckable()
        ):
            text = widget.text() if isinstance(widget, QAbstractButton) else widget.title()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        if text and (key := _mnemonic(text)):
            found.append((key, f"{text!r} ({describe(widget)})", False))
    return found


def clashes(win: QWidget, state: str) -> list[str]:
    problems = []
    seen: dict[str, str] = {}
    menu_keys = {key for key, _what, is_menu in screen_mnemonics(win) if is_menu}
    for key, what, is_menu in screen_mnemonics(win):
        if not is_menu and key in menu_keys:
            problems.append(f"[{state}] Alt+{key}: {what} takes a menu's key")
        elif key in seen and not is_menu:
            problems.append(f"[{state}] Alt+{key}: {what} and {seen[key]}")
        seen.setdefault(key, what)
    return problems


def all_clashes(win: QWidget) -> list[str]:
    problems: list[str] = []
    for tab_name in [*TAB_NAMES, "CalendarTab"]:
        for state in visit(win, tab_name):
            problems += clashes(win, f"{tab_name}/{state}")
    return sorted(set(problems))


@pytest.mark.slow
def test_german_alt_keys_are_unique_on_every_screen(window: QWidget) -> None:
    problems = all_clashes(window)
    assert problems == [], "\n".join(problems)


@pytest.fixture
def english(window: QWidget, qapp: QApplication, tmp_path: Path) -> Iterator[QWidget]:
    from tikdesk.domain.i18n import set_language
    from tikdesk.ui.main_window import MainWindow

    translators = window.a11y_translators  # type: ignore[attr-defined]
    for translator in translators:
        qapp.removeTranslator(translator)
    set_language("en")
    win = MainWindow(
        window.ctx,  # type: ignore[attr-defined]
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    win.resize(1280, 800)
    win.show()
    settle()
    try:
        yield win
    finally:
        win.close()
        win.deleteLater()
        for translator in translators:
            qapp.installTranslator(translator)
        set_language("de")
        settle()


@pytest.mark.slow
def test_english_alt_keys_are_unique_on_every_screen(english: QWidget) -> None:
    assert english.menuBar().actions()[0].text() == "&File"  # type: ignore[attr-defined]
    problems = all_clashes(english)
    assert problems == [], "\n".join(problems)


def test_the_check_sees_a_clash(window: QWidget) -> None:
    """The check itself: a button that takes Alt+D (Datei) is reported."""
    from PySide6.QtWidgets import QPushButton

    page = window.tab(OverviewTab)
    window.tabs.setCurrentWidget(page)  # type: ignore[attr-defined]
    button = QPushButton("&Drucken", page)
    button.show()
    settle()
    try:
        assert any("Alt+d" in p and "Drucken" in p for p in clashes(window, "probe"))
    finally:
        # out of the window shared by this module's tests at once: deleteLater() waits for a
        # DeferredDelete the event processing of settle() need not deliver, and the probe
        # then failed the next test in some orders (seed 3527597570)
        button.hide()
        button.setParent(None)
        button.deleteLater()
        settle()


# ------------------------------------------------------------------ every action by keyboard
def menu_bar_actions(win: QWidget) -> set[int]:
    found: set[int] = set()

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            found.add(id(action))
            if action.menu() is not None:
                walk(action.menu())

    for action in win.menuBar().actions():  # type: ignore[attr-defined]
        walk(action.menu())
    return found


def right_click_on_first_item(widget: QWidget) -> QPoint:
    """Select the first item as a right click does; the point to ask for the menu at."""
    model = widget.model() if isinstance(widget, QAbstractItemView) else None
    if not isinstance(widget, QAbstractItemView) or model is None or not count(model, "rowCount"):
        return widget.rect().center()
    index = model.index(0, 0)
    flags = QItemSelectionModel.SelectionFlag
    widget.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
    settle()
    return widget.visualRect(index).center()


def context_menus(win: QWidget) -> list[tuple[str, QMenu]]:
    """Every context menu the tabs open (on each tab, sub-tab and view); each is closed as
    soon as it shows (a timer ends QMenu.exec's own event loop)."""
    opened: list[QMenu] = []

    def grab_popup() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            opened.append(popup)
            popup.close()

    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(grab_popup)
    timer.start()
    found: list[tuple[str, QMenu]] = []
    for tab_name in [*TAB_NAMES, "CalendarTab"]:
        for state in visit(win, tab_name):
            for widget in win.findChildren(QWidget):
                if not widget.isVisible():
                    continue
                policy = widget.contextMenuPolicy()
                if policy == Qt.ContextMenuPolicy.CustomContextMenu:
                    widget.customContextMenuRequested.emit(right_click_on_first_item(widget))
                    grab_popup()  # QMenu.popup() returns at once
                elif policy == Qt.ContextMenuPolicy.ActionsContextMenu and widget.actions():
                    menu = QMenu()
                    menu.addActions(widget.actions())
                    opened.append(menu)
            found += [(f"{tab_name}/{state}", menu) for menu in opened]
            opened.clear()
    timer.stop()
    return found


def test_every_context_menu_command_is_in_the_menu_bar_or_has_a_shortcut(window: QWidget) -> None:
    in_bar = menu_bar_actions(window)
    menus = context_menus(window)
    assert any("IdeasTab" in state for state, _menu in menus)  # the ideas list's menu
    assert any("AnalyticsTab" in state for state, _menu in menus)  # a chart's menu
    missing = set()

    def check(menu: QMenu, state: str) -> int:
        checked = 0
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            checked += 1
            if id(action) in in_bar or not action.shortcut().isEmpty():
                continue
            if action.menu() is not None:
                checked += check(action.menu(), state)
            else:
                missing.add(f"{action.text()!r} [{state}]")
        return checked

    assert sum(check(menu, state) for state, menu in menus) > 10
    assert sorted(missing) == []


def test_the_shortcut_list_names_the_idea_commands_and_ctrl_tab(window: QWidget) -> None:
    from tikdesk.ui.help import show_manual
    from tikdesk.ui.help.manual import shortcut_rows

    rows = shortcut_rows(window)  # type: ignore[arg-type]
    assert ("Bearbeiten → Idee", "Verantwortlich setzen", "") in rows
    assert ("Bearbeiten → Idee", "In Beitrag umwandeln", "") in rows

    def native(key: str) -> str:
        return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)

    viewer = show_manual(window, page="keys")  # type: ignore[arg-type]
    try:
        text = viewer.browser.toPlainText()
        assert (
            "Verantwortlich setzen" in text
            and native("Ctrl+Tab") in text
            and native("Ctrl+Shift+T") in text
        )
    finally:
        viewer.close()


def window_shortcuts(win: QWidget) -> dict[str, str]:
    """Native key text → what it does, for every QAction and QShortcut of the window (menus,
    toolbars, a tab's local keys such as the board's Ctrl+arrows or the calendar's Alt+arrows)."""
    from PySide6.QtGui import QAction, QShortcut

    found: dict[str, str] = {}
    native = QKeySequence.SequenceFormat.NativeText

    def elsewhere(obj: QAction | QShortcut) -> bool:  # e.g. the manual's own window
        parent = obj.parent()
        return isinstance(parent, QWidget) and parent.window() is not win

    for action in win.findChildren(QAction):
        if elsewhere(action):
            continue
        for key in action.shortcuts():
            if not key.isEmpty():
                found.setdefault(key.toString(native), action.text() or action.objectName())
    for shortcut in win.findChildren(QShortcut):
        if not shortcut.key().isEmpty() and not elsewhere(shortcut):
            found.setdefault(shortcut.key().toString(native), shortcut.objectName() or "?")
    return found


def test_every_shortcut_is_listed_in_the_shortcut_page(window: QWidget) -> None:
    """Hilfe → Tastenkürzel lists every key the window answers to, on every tab."""
    from tikdesk.ui.help import show_manual

    for tab_name in [*TAB_NAMES, "CalendarTab"]:  # build every tab and its sub-tabs
        for _state in visit(window, tab_name):
            pass
    keys = window_shortcuts(window)
    assert len(keys) > 15
    viewer = show_manual(window, page="keys")  # type: ignore[arg-type]
    try:
        text = viewer.browser.toPlainText()
    finally:
        viewer.close()
    missing = sorted(f"{key} ({what})" for key, what in keys.items() if key not in text)
    assert missing == [], "\n".join(missing)
