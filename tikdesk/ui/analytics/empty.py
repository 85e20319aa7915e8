"""The Auswertung tab before any TikTok file was imported: what to import, and the buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

translate = QCoreApplication.translate


class EmptyPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.label = QLabel(
            translate(
                "Analytics",
                "<h2>No analytics data yet</h2>"
                "<p>Import the files TikTok lets you download – in TikTok Studio under "
                "<i>Analytics → Download data</i>:</p>"
                "<ul><li><b>Overview_…zip</b> – views, likes, comments, shares per day</li>"
                "<li><b>Followers_…zip</b> – followers per day, gender and regions</li>"
                "<li><b>Content_…zip</b> – numbers per video</li>"
                "<li>or the overview from <b>TikTok Business Suite</b> (.xlsx/.csv)</li></ul>"
                "<p>Drag the files onto this window or use <i>File → Import → TikTok "
                "analytics…</i> – without exports you can type in a post's numbers by hand.</p>",
            )
        )
        self.label.setObjectName("emptyState")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setMaximumWidth(640)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.label)
        row.addStretch(1)
        layout.addLayout(row)
        self.import_button = QPushButton(translate("Analytics", "Import TikTok files…"))
        self.folder_button = QPushButton(translate("Analytics", "Import a folder…"))
        self.manual_button = QPushButton(translate("Analytics", "Enter numbers by hand…"))
        self.recruiting_button = QPushButton(translate("Analytics", "Record recruiting figures…"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (
            self.import_button,
            self.folder_button,
            self.manual_button,
            self.recruiting_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)
