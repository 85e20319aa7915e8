"""Keyboard and screen-reader access (issue 8, BITV 2.0 / EN 301 549), on the real window.

The window is built once per module on demo data plus the sample TikTok exports, with the
German translation installed (the language users see), and every tab is visited.

The naming rule: a control that takes keyboard focus must tell a screen reader what it is.
Qt's accessibility layer names a widget from its ``accessibleName``, else from its own text
(buttons, check boxes) or from a QLabel whose buddy it is (form rows).  Combo boxes, spin and
date boxes are the exception: Qt reports their current *value* as the name, so they need an
``accessibleName`` or a label buddy.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES  # tests/ is on sys.path (rootdir conftest)
from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTabWidget,
    QWidget,
)

from tikdesk.ui.analytics.tab import AnalyticsTab

TAB_NAMES = ["OverviewTab", "IdeasTab", "PostsTab", "PeopleTab", "AnalyticsTab"]


def settle() -> None:
    from PySide6.QtCore import QThreadPool

    for _ in range(5):
        QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(2000)
    QApplication.processEvents()


@contextmanager
def german_database(qapp: QApplication, work: Path, *, demo: bool = True) -> Iterator[Any]:
    """A German session on a real SQLite database in ``work``: with ``demo``, the demo data
    plus the sample TikTok exports; else an empty database.  Yields the AppContext (its
    ``translators`` attribute holds the installed German translators)."""
    from tikdesk import app as tikapp
    from tikdesk.domain.i18n import set_language
    from tikdesk.services.analytics import AnalyticsService
    from tikdesk.services.context import AppContext
    from tikdesk.ui import messages

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TIKDESK_HOME", str(work / "home"))
        mp.setattr(messages, "handler", lambda *_args: False)
        set_language("de")
        translators = tikapp.install_translators(qapp, "de")
        db = tikapp.open_db(work / ("demo.sqlite" if demo else "leer.sqlite"), demo=demo)
        ctx = AppContext(db=db, user="Anna Beispiel", backup_dir=work / "backups")
        if demo:
            AnalyticsService(ctx).import_files(sorted((SAMPLES / "tiktok").glob("*.zip")))
        try:
            yield ctx, translators
        finally:
            db.close()
            for translator in translators:
                qapp.removeTranslator(translator)  # type: ignore[arg-type]


def main_window(ctx: Any, work: Path) -> QWidget:
    from tikdesk.ui.main_window import MainWindow

    win = MainWindow(ctx, QSettings(str(work / "s.ini"), QSettings.Format.IniFormat))
    win.resize(1280, 800)
    win.show()
    settle()
    return win


@pytest.fixture(scope="module")
def window(qapp: QApplication) -> Iterator[QWidget]:
    """The German main window on demo data with imported analytics."""
    work = Path(tempfile.mkdtemp(prefix="tikdesk-a11y-"))
    with german_database(qapp, work) as (ctx, translators):
        win = main_window(ctx, work)
        win.a11y_translators = translators  # type: ignore[attr-defined]
        yield win
        win.close()


# ------------------------------------------------------------------------------ helpers
def has_label_buddy(widget: QWidget) -> bool:
    top = widget.window()
    return any(
        label.buddy() is widget and label.text().strip() for label in top.findChildren(QLabel)
    )


def accessible_name(widget: QWidget) -> str:
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    parent = widget.parentWidget()
    # the edit field inside an editable combo or a spin/date box speaks for that box; a scroll
    # area's viewport (pyqtgraph's views) for the scroll area
    if isinstance(parent, (QComboBox, QAbstractSpinBox)) or (
        isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget
    ):
        return accessible_name(parent)
    if isinstance(widget, (QComboBox, QAbstractSpinBox)):
        return "(buddy)" if has_label_buddy(widget) else ""  # Qt would read the value
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


def count(model: object, which: str) -> int:
    """rowCount()/columnCount() of any model (Python models want the parent argument)."""
    method = getattr(model, which)
    try:
        return int(method())
    except TypeError:
        pass
    try:
        return int(method(QModelIndex()))
    except TypeError:  # QAbstractListModel keeps columnCount private: one column
        return 1


def focus_chain(top: QWidget) -> list[QWidget]:
    """Visible, enabled widgets that Tab reaches, in Tab order."""
    found: list[QWidget] = []
    widget = top.nextInFocusChain()
    while widget is not top and widget is not None and len(found) < 5000:
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget not in found
        ):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def describe(widget: QWidget) -> str:
    parents = []
    parent = widget.parentWidget()
    while parent is not None and len(parents) < 4:
        parents.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    name = widget.objectName() or ""
    return f"{type(widget).__name__}{f'#{name}' if name else ''} in {'/'.join(parents)}"


def select_first_rows(page: QWidget) -> None:
    """Fill detail panes: select the first row of each list on the page."""
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and count(model, "rowCount") > 0:
            if view.currentIndex().isValid():
                continue
            view.setCurrentIndex(model.index(0, 0))
    settle()


def visit(window: QWidget, tab_name: str) -> Iterator[str]:
    """Make the tab current and walk every state of it: sub-tabs and (ideas) the board."""
    tabs = window.tabs  # type: ignore[attr-defined]
    page = {type(t).__name__: t for t in window.tab_widgets}[tab_name]  # type: ignore[attr-defined]
    tabs.setCurrentWidget(page)
    settle()
    select_first_rows(page)
    views = [("table", None)]
    if tab_name == "IdeasTab":
        views.append(("board", None))
    for view, _ in views:
        if tab_name == "IdeasTab":
            page.set_view(view, remember=False)
            settle()
        yield view
        for inner in page.findChildren(QTabWidget):
            for index in range(inner.count()):
                inner.setCurrentIndex(index)
                settle()
                yield f"{view}/{inner.tabText(index)}"
    if tab_name == "IdeasTab":
        page.set_view("table", remember=False)


# ------------------------------------------------------------------------------ naming
@pytest.mark.slow
@pytest.mark.parametrize("tab_name", TAB_NAMES)
def test_every_focusable_control_has_an_accessible_name(window: QWidget, tab_name: str) -> None:
    missing: dict[str, str] = {}
    reached = 0
    for state in visit(window, tab_name):
        for widget in focus_chain(window):
            reached += 1
            if not accessible_name(widget):
                missing.setdefault(describe(widget), state)
    assert reached > 5
    assert missing == {}, "\n".join(f"{k}  [{v}]" for k, v in sorted(missing.items()))


@pytest.mark.parametrize("tab_name", TAB_NAMES)
def test_tables_announce_their_headers(window: QWidget, tab_name: str) -> None:
    """A screen reader reads column headers from the model: every shown column has one."""
    problems = []
    for state in visit(window, tab_name):
        for view in window.findChildren(QAbstractItemView):
            if not view.isVisible() or isinstance(view, QHeaderView) or view.model() is None:
                continue
            header = getattr(view, "horizontalHeader", None) or getattr(view, "header", None)
            model = view.model()
            if header is None or header().isHidden() or count(model, "columnCount") < 2:
                continue
            for column in range(count(model, "columnCount")):
                if header().isSectionHidden(column):
                    continue
                text = model.headerData(column, Qt.Orientation.Horizontal)
                if not str(text or "").strip():
                    problems.append(f"{describe(view)} column {column} [{state}]")
    assert problems == []


@pytest.mark.parametrize("tab_name", TAB_NAMES)
def test_state_is_never_shown_by_colour_alone(window: QWidget, tab_name: str) -> None:
    """A coloured cell also carries text (gate state has icon + text)."""
    problems = []
    for state in visit(window, tab_name):
        for view in window.findChildren(QAbstractItemView):
            model = view.model()
            if not view.isVisible() or model is None:
                continue
            for row in range(min(count(model, "rowCount"), 60)):
                for column in range(count(model, "columnCount")):
                    index = model.index(row, column)
                    coloured = (
                        index.data(Qt.ItemDataRole.ForegroundRole) is not None
                        or index.data(Qt.ItemDataRole.BackgroundRole) is not None
                    )
                    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "").strip()
                    tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "").strip()
                    if coloured and not text and not tip:
                        problems.append(f"{describe(view)} row {row} col {column} [{state}]")
    assert problems[:20] == []


def test_charts_have_a_table_with_the_numbers(window: QWidget) -> None:
    analytics = window.tab(AnalyticsTab)
    window.tabs.setCurrentWidget(analytics)  # type: ignore[attr-defined]
    settle()
    panels = [
        w
        for w in analytics.findChildren(QWidget)
        if hasattr(w, "set_table_mode") and hasattr(w, "table")
    ]
    assert len(panels) >= 5
    empty = []
    for panel in panels:
        panel.set_table_mode(True)
        settle()
        table = panel.table
        if table.rowCount() == 0 or not accessible_name(table):
            empty.append(getattr(panel, "title", type(panel).__name__))
        panel.set_table_mode(False)
    assert empty == []


# ------------------------------------------------------------------------------ keyboard
def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def menu_problems(window: QWidget) -> list[str]:
    problems = []

    def check(menu: QMenu, path: str) -> None:
        seen: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible() or not action.text():
                continue
            if not action.isEnabled() and action.menu() is None and "&" not in action.text():
                continue  # a placeholder such as "(none)" in an empty recent-files menu
            key = _mnemonic(action.text())
            if re.search(r"&(\s|$)", action.text().replace("&&", "")):
                problems.append(f"{path} → {action.text()!r}: stray '&' (write '&&')")
            if key is None:
                problems.append(f"{path} → {action.text()!r}: no mnemonic")
            elif key in seen:
                problems.append(f"{path}: {action.text()!r} and {seen[key]!r} share Alt+{key}")
            else:
                seen[key] = action.text()
            if action.menu() is not None:
                check(action.menu(), f"{path} → {action.text()}")

    top: dict[str, str] = {}
    titles = [a.text() for a in window.menuBar().actions()]
    tabs = window.tabs  # type: ignore[attr-defined]
    titles += [tabs.tabText(i) for i in range(tabs.count())]
    for text in titles:  # menu bar and main tabs share the window's Alt+letter keys
        key = _mnemonic(text)
        if key is None:
            problems.append(f"{text!r}: no mnemonic")
        elif key in top:
            problems.append(f"{text!r} and {top[key]!r} share Alt+{key}")
        else:
            top[key] = text
    for action in window.menuBar().actions():
        check(action.menu(), action.text())
    return problems


def test_german_menus_and_tabs_have_unique_mnemonics(window: QWidget) -> None:
    window.menu_recent.aboutToShow.emit()  # type: ignore[attr-defined] (filled on opening)
    problems = menu_problems(window)
    assert problems == [], "\n".join(problems)


def test_english_menus_and_tabs_have_unique_mnemonics(
    window: QWidget, qapp: QApplication, tmp_path: Path
) -> None:
    from tikdesk.domain.i18n import set_language
    from tikdesk.ui.main_window import MainWindow

    translators = window.a11y_translators  # type: ignore[attr-defined]
    for translator in translators:
        qapp.removeTranslator(translator)
    set_language("en")
    try:
        english = MainWindow(
            window.ctx,  # type: ignore[attr-defined]
            QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        )
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
        english.menu_recent.aboutToShow.emit()
        problems = menu_problems(english)
        english.close()
        english.deleteLater()
    finally:
        for translator in translators:
            qapp.installTranslator(translator)
        set_language("de")
    assert problems == [], "\n".join(problems)


def test_every_menu_command_is_reachable_by_keyboard(window: QWidget) -> None:
    """Every command sits in a menu with a mnemonic path (the menu check above), and no two
    commands of the window share a shortcut (an ambiguous shortcut does nothing)."""
    seen: dict[str, str] = {}
    clashes = []
    for action in window.findChildren(type(window.menu_file.menuAction())):  # type: ignore[attr-defined]
        if not action.isEnabled() and not action.isVisible():
            continue
        for shortcut in action.shortcuts():
            key = shortcut.toString()
            if not key or action.shortcutContext() != Qt.ShortcutContext.WindowShortcut:
                continue
            owner = action.parent()
            if owner is not window and not isinstance(owner, QMenu):
                continue  # widget-local actions (e.g. the board's Ctrl+arrows) are scoped
            if key in seen and seen[key] != action.text():
                clashes.append(f"{key}: {seen[key]!r} and {action.text()!r}")
            seen[key] = action.text()
    assert clashes == []


def _keys(button: QAbstractButton) -> list[QKeySequence]:
    keys = [button.shortcut()]
    action = getattr(button, "defaultAction", lambda: None)()
    if action is not None:
        keys += action.shortcuts()
    return [k for k in keys if not k.isEmpty() and not k.toString().startswith("Alt+")]


@pytest.mark.parametrize("tab_name", TAB_NAMES)
def test_buttons_with_shortcuts_show_them_in_the_tooltip(window: QWidget, tab_name: str) -> None:
    missing = set()
    for state in visit(window, tab_name):
        for button in window.findChildren(QAbstractButton):
            if not button.isVisible():
                continue
            for key in _keys(button):
                native = key.toString(QKeySequence.SequenceFormat.NativeText)
                if native not in button.toolTip():
                    missing.add(f"{button.text()!r} ({native}) [{state}]")
    assert sorted(missing) == []


def test_focus_is_visible_on_every_kind_of_control(window: QWidget) -> None:
    """No style sheet switches the focus frame off (outline: none / show-decoration)."""
    sheets = [window.styleSheet(), QApplication.instance().styleSheet()]  # type: ignore[union-attr]
    sheets += [w.styleSheet() for w in window.findChildren(QWidget) if w.styleSheet()]
    assert not [s for s in sheets if re.search(r"outline\s*:\s*(none|0)", s)]
