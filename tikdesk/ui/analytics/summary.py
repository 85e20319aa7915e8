"""The summary line above the charts: a word-wrapped rich-text label that keeps its layout still.

A QLabel asks its parent's layout to recompute on every ``setText``.  Above the charts that
re-laid out the whole tab on every account or period switch, and the chart area's scroll bar
was repainted each time (see ``benchmarks/bench_charts.py``).  Here the label sits in a widget with
no layout, so its request ends there; the tab is re-laid out only when the line's height
changes (a text that needs one row more or less).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class SummaryLine(QWidget):
    def __init__(self, object_name: str, style: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setObjectName(object_name)
        self.label.setStyleSheet(style)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:
        if text == self.label.text():
            return
        self.label.setText(text)
        if self.label.heightForWidth(self.width()) != self.height():
            self.updateGeometry()

    # ------------------------------------------------------------ size (the label's)
    def sizeHint(self) -> QSize:
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.label.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.label.heightForWidth(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.label.setGeometry(self.rect())
