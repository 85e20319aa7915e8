"""``ui/a11y``'s window sizing and flow layout (review #8, #9): ``resize_to_fit`` opens a
window at its size, larger where the content needs it, never beyond 90 % of the screen;
``FlowLayout`` gives a hidden widget no gap and deletes its items with itself."""

from __future__ import annotations

import gc

import pytest
import shiboken6
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from tikdesk.ui.a11y import FlowLayout, resize_to_fit, scrolled

pytestmark = pytest.mark.usefixtures("qapp")


class _Block(QWidget):
    """A widget that would like ``hint`` but can shrink to 10×10."""

    def __init__(self, hint: QSize) -> None:
        super().__init__()
        self._hint = hint

    def sizeHint(self) -> QSize:
        return self._hint

    def minimumSizeHint(self) -> QSize:
        return QSize(10, 10)


def _window(*children: QWidget) -> QWidget:
    window = QWidget()
    layout = QVBoxLayout(window)
    for child in children:
        layout.addWidget(child)
    return window


def _room(window: QWidget) -> QSize:
    screen = window.screen()
    assert screen is not None
    return screen.availableGeometry().size() * 0.9


def test_resize_to_fit_opens_at_the_asked_size_when_the_content_is_small() -> None:
    window = _window(_Block(QSize(50, 30)))
    room = _room(window)
    want = QSize(min(430, room.width()), min(310, room.height()))
    resize_to_fit(window, want.width(), want.height())
    assert window.size() == want  # a new top-level widget would be 640×480 without it


def test_resize_to_fit_grows_for_the_content_but_never_beyond_the_screen() -> None:
    room = _room(QWidget())
    small = _window(_Block(QSize(room.width() // 2, room.height() // 2)))
    resize_to_fit(small, 100, 100)
    assert small.size().expandedTo(QSize(room.width() // 2, room.height() // 2)) == small.size()
    assert small.width() <= room.width() and small.height() <= room.height()
    huge = _window(_Block(QSize(20000, 20000)))
    resize_to_fit(huge, 640, 420)
    assert huge.size() == room


def test_resize_to_fit_shows_a_scroll_areas_content_without_a_scroll_bar() -> None:
    room = _room(QWidget())
    content = _Block(QSize(room.width() // 2, room.height() - 80))  # taller than the area's hint
    area = scrolled(content)
    window = _window(area)
    resize_to_fit(window, area=area)
    window.show()
    try:
        assert area.viewport().height() >= content.sizeHint().height()
        assert not area.verticalScrollBar().isVisible()
    finally:
        window.close()


def _flow(count: int = 3) -> tuple[QWidget, FlowLayout, list[QCheckBox]]:
    holder = QWidget()
    flow = FlowLayout(holder, spacing=12)
    boxes = [QCheckBox(f"Kästchen {i}") for i in range(count)]
    for box in boxes:
        flow.addWidget(box)
    return holder, flow, boxes


def test_flow_layout_gives_a_hidden_widget_no_gap() -> None:
    holder, flow, boxes = _flow()
    boxes[1].hide()
    widths = [b.sizeHint().width() for b in boxes]
    assert flow.sizeHint().width() == widths[0] + 12 + widths[2]
    flow.setGeometry(QRect(0, 0, 2000, 100))
    assert boxes[2].geometry().x() == widths[0] + 12
    boxes[1].show()
    flow.setGeometry(QRect(0, 0, 2000, 100))
    assert boxes[2].geometry().x() == widths[0] + 12 + widths[1] + 12
    holder.deleteLater()


def test_flow_layout_deletes_its_items_with_itself() -> None:
    holder, flow, boxes = _flow()
    items = [flow.itemAt(i) for i in range(flow.count())]
    assert all(item is not None and shiboken6.isValid(item) for item in items)
    del flow, boxes
    shiboken6.delete(holder)  # deletes its layout (and the boxes)
    del holder
    gc.collect()
    assert not [item for item in items if shiboken6.isValid(item)]  # no item left behind
