"""Any size (issue 23, WCAG 1.4.4 / 1.4.10), on the real German window.

The main window must work at 960×540 logical pixels (a full-HD screen at 200 %) and with a
14 pt application font: panes whose controls cannot shrink scroll instead of growing the
window.  "Clipped" as the issue defines it: a visible widget smaller than the size it needs
(its ``minimumSizeHint``), or a label whose text is cut without a tooltip that has it all.
"""

# ruff: noqa: F811  (the imported `window` fixture is a test parameter)
from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QSizePolicy,
    QWidget,
)
from test_accessibility import TAB_NAMES, describe, settle, visit, window  # noqa: F401

SMALL = (960, 540)


def _internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a control (checked as the control itself)."""
    return widget.objectName().startswith(("qt_scrollarea_", "qt_spinbox_")) or isinstance(
        widget.parentWidget(), QComboBox
    )


def outside(widget: QWidget) -> bool:
    """Placed (partly) beyond its parent's edge, where nothing shows it (a row that does not
    wrap); the content of a scroll area is exempt (it scrolls)."""
    parent = widget.parentWidget()
    if parent is None or isinstance(parent.parentWidget(), QAbstractScrollArea):
        return False
    return not parent.rect().contains(widget.geometry())


def label_cut(label: QLabel) -> bool:
    """The label shows less than its text and no tooltip has it all."""
    if not label.text() or label.toolTip() or not label.pixmap().isNull():
        return False
    if label.wordWrap():
        return label.height() < label.heightForWidth(label.width())
    return label.width() < label.sizeHint().width()


def clipped(win: QWidget, state: str) -> list[str]:
    """Visible widgets smaller than they need, and cut labels without a tooltip.

    Scroll areas (lists, tables, text fields) are exempt from the size rule: their content
    scrolls, and their minimumSizeHint is Qt's generic 70×70.  A label is clipped only when
    its text is cut and no tooltip carries it (a title cut with its tooltip is allowed)."""
    found = []
    ignored = QSizePolicy.Policy.Ignored
    for widget in win.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or _internal(widget):
            continue
        if outside(widget):
            found.append(f"{describe(widget)} reaches out of its parent [{state}]")
            continue
        if isinstance(widget, QLabel):
            if label_cut(widget):
                found.append(f"{describe(widget)} {widget.text()[:40]!r} cut, no tooltip [{state}]")
            continue
        if isinstance(widget, QAbstractScrollArea):
            continue
        if (  # a button whose text wraps (a11y.WrappingCheckBox) lower than its text needs
            isinstance(widget, QAbstractButton)
            and widget.hasHeightForWidth()
            and widget.height() < widget.heightForWidth(widget.width())
        ):
            found.append(
                f"{describe(widget)} {widget.width()}×{widget.height()} < height for its "
                f"width {widget.heightForWidth(widget.width())} [{state}]"
            )
            continue
        need = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        policy = widget.sizePolicy()
        too_narrow = policy.horizontalPolicy() != ignored and widget.width() < need.width()
        too_low = policy.verticalPolicy() != ignored and widget.height() < need.height()
        if too_narrow or too_low:
            found.append(
                f"{describe(widget)} {widget.width()}×{widget.height()} < "
                f"{need.width()}×{need.height()} [{state}]"
            )
    return found


@pytest.fixture(params=["960x540", "14pt"])
def small(request: pytest.FixtureRequest, window: QWidget, qapp: QApplication) -> Iterator[str]:
    size, font = window.size(), QFont(qapp.font())
    try:
        if request.param == "14pt":
            big = QFont(font)
            big.setPointSizeF(14)
            qapp.setFont(big)
        window.resize(*SMALL)
        settle()
        yield request.param
    finally:
        qapp.setFont(font)
        window.resize(size)
        settle()


@pytest.mark.slow
def test_the_window_fits_960_by_540(window: QWidget, small: str) -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= SMALL[0] and hint.height() <= SMALL[1], (small, hint)
    assert (window.width(), window.height()) == SMALL


@pytest.mark.slow
@pytest.mark.parametrize("tab_name", [*TAB_NAMES, "CalendarTab"])
def test_nothing_is_clipped(window: QWidget, small: str, tab_name: str) -> None:
    problems = []
    for state in visit(window, tab_name):
        problems += clipped(window, f"{small} {tab_name}/{state}")
    problems = sorted(set(problems))
    assert problems == [], "\n".join(problems)
