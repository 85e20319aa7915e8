"""The post details form (title, caption, planned time, profile …)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.consent import POST_PURPOSES, PURPOSES, option_label
from tikdesk.domain.enums import Audience, IdeaFormat
from tikdesk.services.posts import PostDetail, PostInput
from tikdesk.ui import theme


class PostForm(QWidget):
    save_requested = Signal()
    dirty_changed = Signal(bool)

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today  # the context's clock: an undated post is offered tomorrow noon
        self._loading = False
        self._dirty = False
        self._closed = False
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow pane
        outer.addLayout(form)
        self._add_texts(form)
        self._add_kind(form)
        self._add_publishing(form)
        outer.addLayout(self._build_buttons(outer))
        outer.addStretch(1)
        self._watch_changes()

    def _add_texts(self, form: QFormLayout) -> None:
        """What is published (title, caption, hashtags) and the team's own note."""
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title"))
        form.addRow(self.tr("Tit&le:"), self.title)
        self.caption = QPlainTextEdit()
        self.caption.setTabChangesFocus(True)  # Tab moves on, Ctrl+Tab types a tab
        self.caption.setAccessibleName(self.tr("Caption"))
        self.caption.setFixedHeight(90)
        form.addRow(self.tr("Cap&tion:"), self.caption)
        self.hashtags = QLineEdit()
        self.hashtags.setAccessibleName(self.tr("Hashtags"))
        self.hashtags.setPlaceholderText("#ausbildung #stadtverwaltung")
        form.addRow(self.tr("Hashta&gs:"), self.hashtags)
        # internal: never published, not part of what is approved (editable after publishing)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(self.tr("Internal note"))
        self.note.setToolTip(
            self.tr("For the team only: never published, not in the calendar export.")
        )
        self.note.setFixedHeight(60)
        form.addRow(self.tr("Note (internal):"), self.note)

    def _add_kind(self, form: QFormLayout) -> None:
        """Format, audience and purpose (the consents must cover the purpose)."""
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Format"))
        for fmt in IdeaFormat:
            self.format.addItem(fmt.label, fmt.value)
        self.audience = QComboBox()
        self.audience.setAccessibleName(self.tr("Audience"))
        for aud in Audience:
            self.audience.addItem(aud.label, aud.value)
        # one row each: side by side they made the detail pane 730 px wide at 14 pt
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Audience:"), self.audience)
        self.purpose = QComboBox()
        self.purpose.setAccessibleName(self.tr("Purpose"))
        self.purpose.setToolTip(
            self.tr("Every consent of a person in the video must cover this purpose.")
        )
        self.purpose.addItem(self.tr("– please choose –"), "")
        for key in POST_PURPOSES:
            self.purpose.addItem(option_label(PURPOSES, key), key)
        form.addRow(self.tr("Pu&rpose:"), self.purpose)

    def _add_publishing(self, form: QFormLayout) -> None:
        """When, under which checklist, with which music, on which account."""
        self.has_planned = QCheckBox(self.tr("planned for"))
        self.has_planned.setAccessibleName(self.tr("Has a planned time"))
        self.planned = QDateTimeEdit()
        self.planned.setCalendarPopup(True)
        self.planned.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.planned.setAccessibleName(self.tr("Planned publishing time"))
        self.has_planned.toggled.connect(self.planned.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.has_planned)
        row.addWidget(self.planned, 1)
        form.addRow(self.tr("Publish:"), row)

        self.profile = QComboBox()
        self.profile.setAccessibleName(self.tr("Checklist profile"))
        self.profile.setToolTip(
            self.tr("Which checklist applies: general, police, theatre or your organisation's own.")
        )
        form.addRow(self.tr("Checklist:"), self.profile)
        self.music = QLineEdit()
        self.music.setAccessibleName(self.tr("Music source"))
        self.music.setPlaceholderText(self.tr("e.g. TikTok Commercial Music Library: title"))
        form.addRow(self.tr("&Music:"), self.music)
        self.paid = QCheckBox(self.tr("Paid promotion (Promote / ads)"))
        form.addRow("", self.paid)
        self.account = QLineEdit()
        self.account.setAccessibleName(self.tr("Account"))
        self.link = QLineEdit()
        self.link.setAccessibleName(self.tr("TikTok link"))
        self.link.setPlaceholderText("https://www.tiktok.com/@…/video/…")
        form.addRow(self.tr("Acco&unt:"), self.account)
        form.addRow(self.tr("TikTok link:"), self.link)

    def _build_buttons(self, outer: QVBoxLayout) -> QHBoxLayout:
        """The inline error line (into ``outer``) and Revert/Save."""
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(theme.css("bad"))
        self.error.setVisible(False)
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.revert_button = QPushButton(self.tr("&Revert"))
        self.revert_button.setEnabled(False)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setEnabled(False)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_requested.emit)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        return buttons

    def _watch_changes(self) -> None:
        for edit in (self.title, self.hashtags, self.music, self.account, self.link):
            edit.textChanged.connect(self._changed)
        self.caption.textChanged.connect(self._changed)
        self.note.textChanged.connect(self._changed)
        for combo in (self.format, self.audience, self.profile, self.purpose):
            combo.currentIndexChanged.connect(self._changed)
        self.planned.dateTimeChanged.connect(self._changed)
        self.has_planned.toggled.connect(self._changed)
        self.paid.toggled.connect(self._changed)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_profiles(self, profiles: list[tuple[str, str]]) -> None:
        self._loading = True
        current = self.profile.currentData()
        self.profile.clear()
        for key, label in profiles:
            self.profile.addItem(label, key)
        if current is not None:
            self.profile.setCurrentIndex(max(0, self.profile.findData(current)))
        self._loading = False

    def load(self, detail: PostDetail, read_only: bool) -> None:
        self._loading = True
        self.title.setText(detail.title)
        self.caption.setPlainText(detail.caption)
        self.hashtags.setText(detail.hashtags)
        self.note.setPlainText(detail.note)
        self.format.setCurrentIndex(max(0, self.format.findData(detail.format)))
        self.audience.setCurrentIndex(max(0, self.audience.findData(detail.audience)))
        self.purpose.setCurrentIndex(max(0, self.purpose.findData(detail.purpose)))
        planned = detail.summary.planned_at
        self.has_planned.setChecked(planned is not None)
        self.planned.setEnabled(planned is not None)
        if planned is None:
            tomorrow = dt.datetime.combine(self._today() + dt.timedelta(days=1), dt.time(12))
            self.planned.setDateTime(_qdt(tomorrow))
        else:
            self.planned.setDateTime(_qdt(planned))
        index = self.profile.findData(detail.summary.checklist_profile)
        if index < 0:
            self.profile.addItem(detail.summary.checklist_profile, detail.summary.checklist_profile)
            index = self.profile.count() - 1
        self.profile.setCurrentIndex(index)
        self.music.setText(detail.music_source)
        self.paid.setChecked(detail.paid_promotion)
        self.account.setText(detail.account)
        self.link.setText(detail.video_link)
        self._closed = detail.summary.closed
        content = not read_only and not self._closed
        for widget in (
            self.title,
            self.caption,
            self.hashtags,
            self.format,
            self.audience,
            self.purpose,
            self.has_planned,
            self.profile,
            self.music,
            self.paid,
        ):
            widget.setEnabled(content)
        self.planned.setEnabled(content and planned is not None)
        for widget in (self.account, self.link, self.note):
            widget.setEnabled(not read_only)
        self.show_error("")
        self._loading = False
        self._set_dirty(False)

    def value(self) -> PostInput:
        planned = None
        if self.has_planned.isChecked():
            planned = dt.datetime.fromisoformat(
                self.planned.dateTime().toString("yyyy-MM-ddTHH:mm:00")
            )
        return PostInput(
            title=self.title.text(),
            caption=self.caption.toPlainText(),
            hashtags=self.hashtags.text(),
            format=str(self.format.currentData()),
            audience=str(self.audience.currentData()),
            purpose=str(self.purpose.currentData() or ""),
            planned_at=planned,
            checklist_profile=str(self.profile.currentData()),
            music_source=self.music.text(),
            paid_promotion=self.paid.isChecked(),
            account=self.account.text(),
            video_link=self.link.text(),
            note=self.note.toPlainText(),
        )

    def show_error(self, text: str, field: str = "") -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        widget = {"title": self.title, "checklist_profile": self.profile}.get(field)
        if widget is not None:
            widget.setFocus()

    def _changed(self) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.dirty_changed.emit(dirty)


def _qdt(value: dt.datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
