"""Screen-reader helpers (issue 23): announcements of messages that appear without focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget


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
