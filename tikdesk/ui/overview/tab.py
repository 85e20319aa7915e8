"""Placeholder until the overview tab lands (being built in parallel)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tikdesk.services.context import AppContext


class OverviewTab(QWidget):
    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__()
        self.ctx = ctx
        self.window_ = window
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("…"))

    def refresh(self) -> None:
        pass
