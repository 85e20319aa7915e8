"""No keyboard trap (issue 23, WCAG 2.1.2 / BITV "Operable"), on the real German window.

Tab and Shift+Tab must leave every table, list, tree and text field: a table with Qt's
default ``tabKeyNavigation`` cycles through its cells for ever.  The walk visits every visible
item view on every tab and sub-tab (the states of ``test_accessibility.visit``), focuses it
and presses Tab (then Shift+Tab) up to 300 times; ``test_accessibility_dialogs`` does the
same in every dialog.
"""

# ruff: noqa: F811  (the imported `window` fixture is a test parameter)
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from test_accessibility import TAB_NAMES, describe, settle, visit, window  # noqa: F401  (fixture)

PRESSES = 300


def _inside(widget: QWidget | None, view: QWidget) -> bool:
    return widget is not None and (widget is view or view.isAncestorOf(widget))


def _focus(top: QWidget, view: QWidget) -> bool:
    top.activateWindow()
    QApplication.processEvents()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    return _inside(QApplication.focusWidget(), view)


def leaves(top: QWidget, view: QWidget, key: Qt.Key) -> bool | None:
    """Whether ``key`` takes the focus out of ``view`` (None: the view took no focus)."""
    if not _focus(top, view):
        return None
    for _ in range(PRESSES):
        widget = QApplication.focusWidget()
        QTest.keyClick(widget, key)
        if not _inside(QApplication.focusWidget(), view):
            return True
    return False


def traps(top: QWidget, state: str) -> tuple[list[str], int]:
    """Visible item views and text fields under ``top`` that Tab or Shift+Tab cannot leave."""
    found, walked = [], 0
    kinds = (QAbstractItemView, QPlainTextEdit, QTextEdit)
    for view in top.findChildren(QWidget):
        if not isinstance(view, kinds) or isinstance(view, QHeaderView):
            continue
        if (
            not view.isVisible()
            or not view.isEnabled()
            or view.focusPolicy() == Qt.FocusPolicy.NoFocus
        ):
            continue
        for key, name in ((Qt.Key.Key_Tab, "Tab"), (Qt.Key.Key_Backtab, "Shift+Tab")):
            result = leaves(top, view, key)
            if result is None:
                continue
            walked += 1
            if not result:
                found.append(f"{describe(view)}: {name} never leaves [{state}]")
    return found, walked


@pytest.mark.slow
@pytest.mark.parametrize("tab_name", [*TAB_NAMES, "CalendarTab"])
def test_tab_and_shift_tab_leave_every_view_on_every_tab(window: QWidget, tab_name: str) -> None:
    if tab_name == "CalendarTab" and not _has_tab(window, tab_name):
        pytest.skip("no calendar tab in this build")
    problems: list[str] = []
    walked = 0
    for state in visit(window, tab_name):
        found, count = traps(window, f"{tab_name}/{state}")
        problems += found
        walked += count
    if tab_name == "AnalyticsTab":  # "Zahlen als Tabellen": every chart as its table
        panels = [w for w in window.findChildren(QWidget) if hasattr(w, "set_table_mode")]
        assert panels
        for panel in panels:
            panel.set_table_mode(True)
        settle()
        found, count = traps(window, "AnalyticsTab/tables")
        for panel in panels:
            panel.set_table_mode(False)
        settle()
        assert count >= len(panels), "not every chart table was walked"
        problems += found
        walked += count
    assert walked >= 2, "the walk reached no view: the check itself is broken"
    assert problems == [], "\n".join(problems)


def _has_tab(window: QWidget, name: str) -> bool:
    tabs = window.tabs  # type: ignore[attr-defined]
    return any(type(tabs.widget(i)).__name__ == name for i in range(tabs.count()))


# Dialogs: test_accessibility_dialogs walks every dialog TikDesk opens.


def test_multi_line_fields_move_on_with_tab(window: QWidget) -> None:
    """Tab in an editable multi-line field moves focus on and types no tab character."""
    from tikdesk.domain.clock import SYSTEM_CLOCK
    from tikdesk.ui.people.widgets import PersonForm
    from tikdesk.ui.posts.form import PostForm

    for form in (PostForm(SYSTEM_CLOCK.today), PersonForm()):
        form.show()
        settle()
        for field in form.findChildren(QPlainTextEdit):
            if field.isReadOnly():
                continue
            assert _focus(form, field)
            before = field.toPlainText()
            QTest.keyClick(field, Qt.Key.Key_Tab)
            assert field.toPlainText() == before, f"{describe(field)} typed a tab"
            assert not _inside(QApplication.focusWidget(), field)
        form.close()
        form.deleteLater()
