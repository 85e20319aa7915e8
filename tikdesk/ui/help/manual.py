"""The user manual, offline: ``resources/manual/<de|en>/index.html`` in a QTextBrowser.

A separate window (it can stay open next to the main window) with a table of contents built
from the page's headings, back/forward, find in page and a language switch.  Links to other
places than the manual itself are never followed: TikDesk makes no network connections.
A second page lists every menu command with its keyboard shortcut, generated from the menus.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tikdesk import paths
from tikdesk.domain.i18n import language

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

LANGUAGES = (("de", "Deutsch"), ("en", "English"))


def manual_dir(lang: str) -> Path:
    return paths.resource_dir() / "manual" / lang


def manual_file(lang: str | None = None) -> Path:
    """The manual's page in ``lang`` (default: the UI language), German when missing."""
    lang = lang or language()
    page = manual_dir(lang) / "index.html"
    return page if page.exists() else manual_dir("de") / "index.html"


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu path, command, shortcut) for every menu command of ``window``, in menu order."""
    rows: list[tuple[str, str, str]] = []

    def plain(text: str) -> str:
        return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…. ")

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} → {plain(action.text())}")
                continue
            keys = " / ".join(
                s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
            )
            rows.append((path, plain(action.text()), keys))

    listed: set[int] = set()

    def walk_ids(menu: QMenu) -> None:
        for action in menu.actions():
            listed.add(id(action))
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk_ids(sub)

    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain(action.text()))
            walk_ids(menu)
    # keys a tab answers to without a menu entry (the board's Ctrl+arrows, search)
    tabs = getattr(window, "tabs", None)
    if isinstance(tabs, QTabWidget):
        for index in range(tabs.count()):
            page = tabs.widget(index)
            for action in page.findChildren(QAction) if page is not None else []:
                if id(action) in listed or not action.shortcuts() or not action.text():
                    continue
                listed.add(id(action))
                keys = " / ".join(
                    s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
                )
                rows.append((plain(tabs.tabText(index)), plain(action.text()), keys))
    return rows


class ManualWindow(QWidget):
    """The manual window; one per main window (see :func:`tikdesk.ui.help.show_manual`)."""

    def __init__(self, main_window: QMainWindow | None = None) -> None:
        super().__init__(main_window, Qt.WindowType.Window)
        self._main = main_window
        self.setObjectName("ManualWindow")
        self.setWindowTitle(self.tr("TikDesk manual"))
        self.resize(1000, 720)
        self._build_controls()
        self._build_layout()
        self._add_shortcuts()
        self._connect()
        self.back.setEnabled(False)
        self.forward.setEnabled(False)
        self.set_language(language())

    def _build_controls(self) -> None:
        self.back = self._button(
            self.tr("&Back"), QKeySequence.StandardKey.Back, self.tr("Previous place in the manual")
        )
        self.forward = self._button(
            self.tr("&Forward"),
            QKeySequence.StandardKey.Forward,
            self.tr("Next place in the manual"),
        )
        self.home = self._button(
            self.tr("&Contents"),
            QKeySequence("Alt+Home"),
            self.tr("Back to the start of the manual"),
        )
        self.keys = self._button(
            self.tr("&Keyboard shortcuts"),
            None,
            self.tr("List every menu command with its keyboard shortcut"),
        )
        self.find_label = QLabel(self.tr("F&ind:"))
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("manualFind")
        self.find_edit.setAccessibleName(self.tr("Find in the manual"))
        self.find_edit.setPlaceholderText(self.tr("Word to find (Enter: next)"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_label.setBuddy(self.find_edit)
        self.language_label = QLabel(self.tr("&Language:"))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the manual"))
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language_label.setBuddy(self.language)

        self.contents = QListWidget()
        self.contents.setObjectName("manualContents")
        self.contents.setAccessibleName(self.tr("Table of contents"))
        self.contents.setAccessibleDescription(self.tr("Enter jumps to the chapter"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("manualBrowser")
        self.browser.setAccessibleName(self.tr("Manual text"))
        self.browser.setOpenLinks(False)  # we decide which links are followed (none outside)
        self.browser.setOpenExternalLinks(False)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Manual status"))

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        for widget in (self.back, self.forward, self.home, self.keys):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(self.find_label)
        top.addWidget(self.find_edit, 1)
        top.addSpacing(12)
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 770])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def _add_shortcuts(self) -> None:
        find_again = QAction(self)
        find_again.setShortcuts([QKeySequence(QKeySequence.StandardKey.FindNext)])
        find_again.triggered.connect(self._find_next)
        focus_find = QAction(self)
        focus_find.setShortcuts([QKeySequence(QKeySequence.StandardKey.Find)])
        focus_find.triggered.connect(self._focus_find)
        close = QAction(self)
        close.setShortcuts([QKeySequence(QKeySequence.StandardKey.Close), QKeySequence("Esc")])
        close.triggered.connect(self.close)
        self.addActions([find_again, focus_find, close])

    def _connect(self) -> None:
        self.back.clicked.connect(self.browser.backward)
        self.forward.clicked.connect(self.browser.forward)
        self.home.clicked.connect(self.show_home)
        self.keys.clicked.connect(self.show_shortcuts)
        self.browser.backwardAvailable.connect(self.back.setEnabled)
        self.browser.forwardAvailable.connect(self.forward.setEnabled)
        self.browser.anchorClicked.connect(self._on_link)
        self.browser.sourceChanged.connect(lambda _url: self._fill_contents())
        self.find_edit.returnPressed.connect(self._find_next)
        self.contents.itemActivated.connect(self._jump)
        self.contents.itemClicked.connect(self._jump)
        self.language.currentIndexChanged.connect(lambda _i: self.show_home())

    def _button(
        self, text: str, keys: QKeySequence | QKeySequence.StandardKey | None, tip: str
    ) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        if keys is not None:
            sequence = QKeySequence(keys)
            button.setShortcut(sequence)
            tip = f"{tip} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})"
        button.setToolTip(tip)
        button.setAccessibleName(text.replace("&", ""))
        return button

    # ------------------------------------------------------------------ pages
    def set_language(self, lang: str) -> None:
        index = self.language.findData(lang if lang in dict(LANGUAGES) else "de")
        self.language.setCurrentIndex(max(index, 0))
        self.show_home()

    def current_language(self) -> str:
        return str(self.language.currentData() or "de")

    @Slot()
    def show_home(self) -> None:
        page = manual_file(self.current_language())
        self.browser.setSearchPaths([str(page.parent), str(page.parent.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(page)))
        self.browser.setFocus()

    @Slot()
    def show_shortcuts(self) -> None:
        """A generated page: every menu command of the main window with its shortcut."""
        rows = shortcut_rows(self._main) if self._main is not None else []
        rows += self._key_rows()
        body = "".join(
            f"<tr><td>{html.escape(menu)}</td><td>{html.escape(command)}</td>"
            f"<td>{html.escape(keys) or '–'}</td></tr>"
            for menu, command, keys in rows
        )
        title = html.escape(self.tr("Keyboard shortcuts"))
        intro = html.escape(
            self.tr(
                "Every menu opens with Alt and its underlined letter; Ctrl+1 … Ctrl+6 switch "
                "between the main areas; F1 opens this manual."
            )
        )
        head = "".join(
            f"<th>{html.escape(h)}</th>"
            for h in (self.tr("Menu"), self.tr("Command"), self.tr("Shortcut"))
        )
        self.browser.setHtml(
            f"<h1>{title}</h1><p>{intro}</p>"
            f"<table border='1' cellspacing='0' cellpadding='4'><tr>{head}</tr>{body}</table>"
        )
        self._fill_contents()
        self.browser.setFocus()

    def _key_rows(self) -> list[tuple[str, str, str]]:
        """Keys that no menu shows: moving through fields, typing a tab, the charts' keys."""

        def native(*keys: str) -> str:
            return " / ".join(
                QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys
            )

        fields, chart = self.tr("Every field"), self.tr("Analytics → a chart")
        calendar = self.tr("Calendar → a post")
        return [
            (
                fields,
                self.tr("Next / previous control (also out of lists and tables)"),
                native("Tab", "Shift+Tab"),
            ),
            (fields, self.tr("Type a tab character in a multi-line text"), native("Ctrl+Tab")),
            (chart, self.tr("Save as PNG"), native("Ctrl+Shift+S")),
            (chart, self.tr("Numbers as a table, and back"), native("Ctrl+Shift+T")),
            (calendar, self.tr("One day earlier / later"), native("Alt+Left", "Alt+Right")),
            (calendar, self.tr("One week earlier / later"), native("Alt+Up", "Alt+Down")),
            (calendar, self.tr("Change the time"), native("Return")),
        ]

    # ------------------------------------------------------------------ navigation
    def _fill_contents(self) -> None:
        """The table of contents: the document's level-2 and level-3 headings."""
        self.contents.clear()
        block = self.browser.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level in (2, 3) and block.text().strip():
                item = QListWidgetItem(("    " if level == 3 else "") + block.text().strip())
                item.setData(Qt.ItemDataRole.UserRole, block.position())
                self.contents.addItem(item)
            block = block.next()

    def headings(self) -> list[str]:
        return [self.contents.item(i).text().strip() for i in range(self.contents.count())]

    @Slot(QListWidgetItem)
    def _jump(self, item: QListWidgetItem) -> None:
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(int(item.data(Qt.ItemDataRole.UserRole)))
        self.browser.setTextCursor(cursor)
        # scroll the heading to the top, not just somewhere into view
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.browser.ensureCursorVisible()
        self.browser.setFocus()

    @Slot(QUrl)
    def _on_link(self, url: QUrl) -> None:
        if url.scheme() in ("", "file"):
            target = self.browser.source().resolved(url) if url.isRelative() else url
            self.browser.setSource(target)
            return
        self.status.setText(
            self.tr("TikDesk does not open web links (no network). Address: %1").replace(
                "%1", url.toString()
            )
        )

    @Slot()
    def _focus_find(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    @Slot()
    def _find_next(self) -> None:
        word = self.find_edit.text().strip()
        if not word:
            return
        if not self.browser.find(word):  # wrap around once
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            if not self.browser.find(word):
                self.status.setText(self.tr("Not found: %1").replace("%1", word))
                return
        self.status.setText("")

    # ------------------------------------------------------------------ checks
    def missing_images(self) -> list[str]:
        """Images the current page refers to that are not on disk."""
        missing = []
        base = Path(self.browser.source().toLocalFile()).parent
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isImageFormat():
                    name = fmt.toImageFormat().name()
                    if not (base / name).is_file():
                        missing.append(name)
                it += 1
            block = block.next()
        return missing


__all__ = ["ManualWindow", "manual_file", "shortcut_rows"]
