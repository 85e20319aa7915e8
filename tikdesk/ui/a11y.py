"""Screen-reader helpers (issue 23): announcements of messages that appear without focus."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionFocusRect,
    QStylePainter,
    QWidget,
)


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have assistive technology read ``text`` (a live region; Qt 6.8+ announcement)."""
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


def scrolled(content: QWidget, *, horizontal: bool = True, vertical: bool = True) -> QScrollArea:
    """``content`` in a frameless scroll area, so a pane whose controls cannot shrink still
    fits a small window (960×540 logical pixels, 200 % scaling on a full-HD screen, or a
    large font): scroll bars appear instead of the window growing (WCAG 1.4.4, 1.4.10).

    Only the scrolled directions shrink; a toolbar scrolls ``horizontal`` only and keeps its
    height.  The scroll area itself takes no focus: Tab goes straight to the content, and the
    area scrolls the focused control into view."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    if not horizontal:
        area.setHorizontalScrollBarPolicy(off)
    if not vertical:
        area.setVerticalScrollBarPolicy(off)
        area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        area.setFixedHeight(
            content.sizeHint().height() + area.horizontalScrollBar().sizeHint().height()
        )
    return area


def resize_to_fit(
    window: QWidget, width: int = 0, height: int = 0, area: QScrollArea | None = None
) -> None:
    """Open ``window`` at ``width``×``height``, larger where its content needs it (a large
    font) — with ``area``, large enough to show that scroll area's content without scroll
    bars (its own size hint is capped at a few dozen characters) — but never beyond the
    screen.  Call it once the layout is complete."""
    want = QSize(width, height).expandedTo(window.sizeHint())
    content = area.widget() if area is not None else None
    if area is not None and content is not None:
        extra = content.sizeHint() - area.viewport().sizeHint()
        want = want.expandedTo(
            window.sizeHint() + QSize(max(extra.width(), 0), max(extra.height(), 0))
        )
    screen = window.screen()
    if screen is not None:
        room = screen.availableGeometry().size() * 0.9
        layout = window.layout()
        if want.width() > room.width() and layout is not None and layout.hasHeightForWidth():
            want.setHeight(max(want.height(), layout.totalHeightForWidth(room.width())))
        want = want.boundedTo(room)
    window.resize(want.expandedTo(window.minimumSizeHint()))


class FlowLayout(QLayout):
    """Widgets left to right, wrapping to the next line where the width ends (reflow, WCAG
    1.4.10): a row of tick boxes that fits a small window or a large font without growing
    it.  Its minimum is its widest item; its height follows the width (heightForWidth).
    A hidden widget takes no room and no gap.  The layout owns its items and deletes them
    with itself (as Qt's flow-layout example does: ``QLayout`` leaves that to subclasses)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def __del__(self) -> None:
        # The C++ layout is gone (its widget deleted it) or going: its QWidgetItems were made
        # by addWidget() in C++ and would stay behind. Deleting an item leaves its widget.
        items, self._items = getattr(self, "_items", []), []
        for item in items:
            try:
                if shiboken6.isValid(item):
                    shiboken6.delete(item)
            except (AttributeError, TypeError):  # interpreter shutdown: modules torn down
                return

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def sizeHint(self) -> QSize:
        """All items in one line."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown)
        width += self._gap * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height) + self._margins()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size + self._margins()

    def _margins(self) -> QSize:
        m: QMargins = self.contentsMargins()
        return QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.marginsRemoved(m)
        x, y, line = area.x(), area.y(), 0
        for item in self._shown():
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._gap // 2, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()


class WrappingCheckBox(QCheckBox):
    """A tick box whose text wraps to the width it gets (a sentence with names in it), so it
    never makes a dialog wider than a small window.  ``text()``/``setText()`` as usual; the
    text is shown by a word-wrapped label beside the indicator, and is the accessible name."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._label = QLabel(self)
        self._label.setTextFormat(Qt.TextFormat.PlainText)  # like a QCheckBox: never HTML
        self._label.setWordWrap(True)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)  # grows to its wrapped text
        self.setSizePolicy(policy)
        self.setText(text)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        """As QCheckBox: ``&x`` makes Alt+X the shortcut, ``&&`` is one ``&`` (user data
        must be escaped so); the label shows the text without the markers (a QLabel without
        a buddy would show them), the same words as the accessible name."""
        self._text = text
        shown = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        self._label.setText(shown)
        self.setAccessibleName(shown)
        self.setShortcut(QKeySequence.mnemonic(text))
        self.updateGeometry()
        self._place()

    def _indent(self) -> int:
        style = self.style()
        return style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self) + (
            style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self)
        )

    def _place(self) -> None:
        indent = self._indent()
        width = max(self.width() - indent, 1)
        self._label.setGeometry(indent, 0, width, self._label.heightForWidth(width))

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._place()

    def paintEvent(self, event: object) -> None:
        """The indicator as usual, and the focus frame around the text (which the style
        would draw around the empty text of the box itself)."""
        super().paintEvent(event)  # type: ignore[arg-type]
        if self.hasFocus():
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            option.rect = self._label.geometry().adjusted(-1, 0, 1, 0)
            painter = QStylePainter(self)
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option)

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        indicator = super().sizeHint().height()
        return max(indicator, self._label.heightForWidth(max(width - self._indent(), 1)))

    def sizeHint(self) -> QSize:
        """The whole text on one line, as wide as the screen allows."""
        label = self._label.fontMetrics().size(0, self._label.text())
        width = self._indent() + label.width() + 2
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """About 20 characters wide (the height follows the width: heightForWidth)."""
        width = self._indent() + self._label.fontMetrics().averageCharWidth() * 20
        return QSize(width, super().sizeHint().height())
