"""Small modal questions of the posts tab.  Each has an ``ask()`` that tests replace."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tikdesk.domain.consent import SHOWN_AS, option_label
from tikdesk.ui.widgets.controls import ok_cancel


def _to_py(value: QDateTime) -> dt.datetime:
    return dt.datetime.fromisoformat(value.toString("yyyy-MM-ddTHH:mm:00"))


class ApproveDialog(QDialog):
    """Four-eyes sign-off: who approves is the current user; an optional comment."""

    def __init__(self, title: str, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Approve post"))
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "You approve „%1“ as %2. The approval is revoked "
                "automatically if the post, its checklist or its people change "
                "afterwards."
            )
            .replace("%1", title)
            .replace("%2", user)
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setAccessibleName(self.tr("Comment"))
        self.comment.setFixedHeight(70)
        form.addRow(self.tr("&Comment (optional):"), self.comment)
        form.addRow(ok_cancel(self, self.tr("Approve")))

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, user: str) -> str | None:
        dialog = cls(title, user, parent)
        return dialog.comment.toPlainText() if dialog.exec() else None


@dataclass(frozen=True)
class PublishAnswer:
    published_at: dt.datetime
    video_link: str


class PublishDialog(QDialog):
    def __init__(self, video_link: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark as published"))
        form = QFormLayout(self)
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.when.setAccessibleName(self.tr("Published at"))
        form.addRow(self.tr("Published &at:"), self.when)
        self.link = QLineEdit(video_link)
        self.link.setPlaceholderText("https://www.tiktok.com/@…/video/…")
        self.link.setAccessibleName(self.tr("TikTok link"))
        form.addRow(self.tr("TikTok &link:"), self.link)
        form.addRow(ok_cancel(self, self.tr("Mark as published")))

    @classmethod
    def ask(cls, parent: QWidget | None, video_link: str) -> PublishAnswer | None:
        dialog = cls(video_link, parent)
        if not dialog.exec():
            return None
        return PublishAnswer(_to_py(dialog.when.dateTime()), dialog.link.text().strip())


class DateDialog(QDialog):
    """One date/time question (taken down on …)."""

    def __init__(self, title: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.when.setAccessibleName(label)
        form.addRow(label, self.when)
        form.addRow(ok_cancel(self, title))

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str) -> dt.datetime | None:
        dialog = cls(title, label, parent)
        return _to_py(dialog.when.dateTime()) if dialog.exec() else None


class TextDialog(QDialog):
    """One required line of text (reason for revoking an approval)."""

    def __init__(self, title: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.text = QLineEdit()
        self.text.setAccessibleName(label)
        form.addRow(label, self.text)
        form.addRow(ok_cancel(self, title))

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str) -> str | None:
        dialog = cls(title, label, parent)
        return dialog.text.text().strip() if dialog.exec() else None


class AddPersonDialog(QDialog):
    """Pick a person from the registry and describe the scene."""

    def __init__(self, people: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add person to the video"))
        form = QFormLayout(self)
        self.person = QComboBox()
        self.person.setEditable(False)
        self.person.setAccessibleName(self.tr("Person"))
        for person_id, label in people:
            self.person.addItem(label, person_id)
        form.addRow(self.tr("&Person:"), self.person)
        self.scene = QLineEdit()
        self.scene.setPlaceholderText(self.tr("e.g. 0:05–0:12 at the counter, face visible"))
        self.scene.setAccessibleName(self.tr("Scene"))
        form.addRow(self.tr("&Scene:"), self.scene)
        hint = QLabel(
            self.tr("Not in the list? Add the person on the „People & consent“ tab first.")
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(ok_cancel(self, self.tr("Add")))

    @classmethod
    def ask(cls, parent: QWidget | None, people: list[tuple[int, str]]) -> tuple[int, str] | None:
        dialog = cls(people, parent)
        if not dialog.exec() or dialog.person.currentIndex() < 0:
            return None
        return int(dialog.person.currentData()), dialog.scene.text().strip()


class ShownAsDialog(QDialog):
    """How a person is shown in this video: every way ticked must be covered by a consent."""

    def __init__(self, current: frozenset[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("How the person is shown"))
        form = QFormLayout(self)
        self.boxes: dict[str, QCheckBox] = {}
        for key in SHOWN_AS:
            box = QCheckBox(option_label(SHOWN_AS, key))
            box.setChecked(key in current)
            self.boxes[key] = box
            form.addRow(box)
        form.addRow(ok_cancel(self, self.tr("Save")))

    def value(self) -> frozenset[str]:
        return frozenset(k for k, box in self.boxes.items() if box.isChecked())

    @classmethod
    def ask(cls, parent: QWidget | None, current: frozenset[str]) -> frozenset[str] | None:
        dialog = cls(current, parent)
        return dialog.value() if dialog.exec() else None
