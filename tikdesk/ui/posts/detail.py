"""One post: header with gate and workflow buttons (with the reasons they are disabled),
then details, people in the video, checklist and history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.consent import SHOWN_AS, option_label
from tikdesk.domain.enums import PostStatus
from tikdesk.services.posts import PostDetail
from tikdesk.ui import theme
from tikdesk.ui.a11y import FlowLayout
from tikdesk.ui.posts.checklist_panel import ChecklistPanel
from tikdesk.ui.posts.form import PostForm
from tikdesk.ui.posts.video import VideoBox
from tikdesk.ui.widgets.badges import (
    BLOCK_ICON,
    OK_ICON,
    WARN_ICON,
    consent_colour,
    consent_icon,
    gate_names_status,
    post_gate_colour,
    post_gate_icon,
    post_gate_text,
    std_icon,
)
from tikdesk.ui.widgets.controls import heading_label
from tikdesk.ui.widgets.fmt import fmt_datetime

APPEARANCE_ROLE = Qt.ItemDataRole.UserRole + 1


class PostDetailPanel(QWidget):
    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: PostDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(self._build_head())
        self.approval = QLabel()
        self.approval.setObjectName("approvalInfo")
        self.approval.setWordWrap(True)
        layout.addWidget(self.approval)
        self.video = VideoBox()  # the approved cut (issue 18)
        layout.addWidget(self.video)
        layout.addLayout(self._build_actions())
        self.sections = QTabWidget()
        self.sections.setAccessibleName(self.tr("Parts of the post"))
        self.sections.setUsesScrollButtons(False)  # every tab in view: the pane scrolls
        self.form = PostForm(today)
        self.sections.addTab(self.form, self.tr("Detail&s"))
        self.sections.addTab(self._build_people(), self.tr("People in the vi&deo"))
        self.checklist = ChecklistPanel()
        self.sections.addTab(self.checklist, self.tr("Chec&klist"))
        self.sections.addTab(self._build_history(), self.tr("Histor&y"))
        layout.addWidget(self.sections, 1)

    def _build_head(self) -> QHBoxLayout:
        head = QHBoxLayout()
        self.title = heading_label()
        self.title.setWordWrap(True)  # a long title wraps; the status stays in view
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.title, 1)
        self.status = QLabel()
        self.status.setAccessibleDescription(self.tr("Status"))
        head.addWidget(self.status)
        self.gate_icon = QLabel()
        head.addWidget(self.gate_icon)
        self.gate = QLabel()
        self.gate.setAccessibleDescription(self.tr("Clearance"))
        gate_font = QFont(self.gate.font())
        gate_font.setBold(True)
        self.gate.setFont(gate_font)
        head.addWidget(self.gate)
        return head

    def _build_actions(self) -> QGridLayout:
        """The state buttons, and beside them why approving or publishing is not possible."""
        actions = QGridLayout()
        buttons = QVBoxLayout()
        self.review_button = QPushButton(self.tr("Submit for &review"))
        self.draft_button = QPushButton(self.tr("Back to &draft"))
        self.approve_button = QPushButton(self.tr("Ap&prove"))
        self.approve_button.setIcon(std_icon(BLOCK_ICON))
        self.revoke_button = QPushButton(self.tr("Re&voke approval…"))
        self.publish_button = QPushButton(self.tr("Mark as p&ublished…"))
        self.taken_down_button = QPushButton(self.tr("Mark as &taken down…"))
        for button in (
            self.review_button,
            self.draft_button,
            self.approve_button,
            self.revoke_button,
            self.publish_button,
            self.taken_down_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        actions.addLayout(buttons, 0, 0)
        self.reasons = QListWidget()
        self.reasons.setAccessibleName(self.tr("Why approving or publishing is not possible"))
        self.reasons.setWordWrap(True)
        self.reasons.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.reasons.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.reasons.setMinimumHeight(110)
        self.reasons.setMaximumHeight(260)
        self.reasons.setFrameShape(QFrame.Shape.StyledPanel)
        actions.addWidget(self.reasons, 0, 1)
        self.reasons.itemActivated.connect(self._on_reason_activated)
        self.reasons.itemClicked.connect(self._on_reason_activated)
        actions.setColumnStretch(1, 1)
        return actions

    def _build_people(self) -> QWidget:
        people = QWidget()
        people_layout = QVBoxLayout(people)
        self.people = QTreeWidget()
        self.people.setAccessibleName(self.tr("People in the video"))
        self.people.setHeaderLabels(
            [self.tr("Person"), self.tr("Consent"), self.tr("Scene"), self.tr("Why")]
        )
        self.people.setRootIsDecorated(False)
        self.people.setWordWrap(True)
        self.people.setAlternatingRowColors(True)
        header = self.people.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        people_layout.addWidget(self.people)
        buttons = QWidget()
        row = FlowLayout(buttons)  # wraps instead of widening the pane (960 px, 14 pt)
        self.add_person_button = QPushButton(self.tr("Add pe&rson…"))
        self.scene_button = QPushButton(self.tr("Edit &scene…"))
        self.shown_button = QPushButton(self.tr("&Shown as…"))
        # Not "Remove": that word must not be confused with taking a video down (issue 16).
        self.remove_person_button = QPushButton(self.tr("Take &out of this video"))
        for button in (
            self.add_person_button,
            self.scene_button,
            self.shown_button,
            self.remove_person_button,
        ):
            row.addWidget(button)
        # issue 18: a consent form for the selected person, prefilled from this post
        self.form_button = QPushButton(self.tr("Consent &form…"))
        row.addWidget(self.form_button)
        people_layout.addWidget(buttons)
        self.people_hint = QLabel(
            self.tr(
                "The consent state is derived from the consent "
                "records on the „People & consent“ tab — never ticked "
                "by hand."
            )
        )
        self.people_hint.setWordWrap(True)
        people_layout.addWidget(self.people_hint)
        return people

    def _build_history(self) -> QTreeWidget:
        self.history = QTreeWidget()
        self.history.setAccessibleName(self.tr("History"))
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.history.setRootIsDecorated(False)
        self.history.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.history.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        return self.history

    # ---------------------------------------------------------------- filling
    def show_detail(self, detail: PostDetail, read_only: bool, *, keep_form: bool) -> None:
        self.detail = detail
        summary = detail.summary
        self.title.setText(detail.title)
        gate_text = post_gate_text(summary.status, summary.gate, summary.take_down)
        # a published or taken-down post's gate names its status: say it once, not twice
        repeated = gate_names_status(summary.status, summary.take_down)
        self.status.setText(summary.status.label + ("" if repeated else "  ·"))
        self.gate_icon.setVisible(not repeated)
        self.gate.setVisible(not repeated)
        icon = post_gate_icon(summary.status, summary.gate, summary.take_down)
        self.gate_icon.setPixmap(icon.pixmap(20, 20))
        self.gate.setText(gate_text)
        colour = post_gate_colour(summary.status, summary.gate, summary.take_down).name()
        self.gate.setStyleSheet(f"color: {colour};")
        self._show_approval(detail)
        self._show_buttons(detail, read_only)
        self._show_reasons(detail)
        if not keep_form:
            self.form.load(detail, read_only)
        self._show_people(detail, read_only)
        self.checklist.load(detail, read_only)
        self._show_history(detail)

    def _show_approval(self, detail: PostDetail) -> None:
        active = detail.active_approval
        if active is not None:
            text = (
                self.tr("✔ Approved by %1 on %2")
                .replace("%1", active.approver)
                .replace("%2", fmt_datetime(active.approved_at))
            )
            if active.comment:
                text += f" – „{active.comment}“"
            self.approval.setStyleSheet(theme.box_style("approvalInfo", "ok"))
        elif detail.approvals:
            last = detail.approvals[-1]
            text = (
                self.tr("✖ Approval by %1 revoked on %2: %3")
                .replace("%1", last.approver)
                .replace("%2", fmt_datetime(last.revoked_at))
                .replace("%3", last.revoked_reason)
            )
            self.approval.setStyleSheet(theme.box_style("approvalInfo", "warn"))
        else:
            text = self.tr(
                "Not approved yet. Author: %1 — approval needs a second person (four eyes)."
            ).replace("%1", detail.summary.author)
            self.approval.setStyleSheet(theme.box_style("approvalInfo", "muted"))
        self.approval.setText(text)

    def _show_buttons(self, detail: PostDetail, read_only: bool) -> None:
        status = detail.status
        writable = not read_only
        self.review_button.setVisible(status is PostStatus.DRAFT)
        self.review_button.setEnabled(writable)
        self.draft_button.setVisible(status in (PostStatus.IN_REVIEW, PostStatus.APPROVED))
        self.draft_button.setEnabled(writable)
        self.approve_button.setVisible(
            status not in (PostStatus.APPROVED, PostStatus.PUBLISHED, PostStatus.TAKEN_DOWN)
        )
        self.approve_button.setEnabled(writable and detail.can_approve)
        # The disabled button says why: the first reason (issue 16, reasons first).
        self.approve_button.setToolTip(
            detail.approve_blockers[0] if detail.approve_blockers else ""
        )
        self.approve_button.setIcon(std_icon(OK_ICON if detail.can_approve else BLOCK_ICON))
        self.revoke_button.setVisible(status is PostStatus.APPROVED)
        self.revoke_button.setEnabled(writable)
        self.publish_button.setVisible(status not in (PostStatus.PUBLISHED, PostStatus.TAKEN_DOWN))
        self.publish_button.setEnabled(writable and detail.can_publish)
        self.taken_down_button.setVisible(status is PostStatus.PUBLISHED)
        self.taken_down_button.setEnabled(writable)
        people_editable = writable
        self.add_person_button.setEnabled(people_editable)
        self.scene_button.setEnabled(people_editable and bool(detail.people))
        self.shown_button.setEnabled(people_editable and bool(detail.people))
        self.remove_person_button.setEnabled(people_editable and bool(detail.people))
        self.form_button.setEnabled(people_editable and bool(detail.people))

    def _show_reasons(self, detail: PostDetail) -> None:
        self.reasons.clear()

        def heading(text: str) -> None:
            item = QListWidgetItem(text)
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            self.reasons.addItem(item)

        def reason(text: str) -> None:
            item = QListWidgetItem(std_icon(BLOCK_ICON), text)
            self.reasons.addItem(item)

        if detail.summary.take_down:
            heading(self.tr("Take the video offline (TikTok) – consent no longer holds:"))
            for text in detail.summary.take_down_reasons:
                reason(text)
        if detail.status not in (PostStatus.PUBLISHED, PostStatus.TAKEN_DOWN):
            if detail.approve_blockers and detail.active_approval is None:
                heading(self.tr("„Approve“ is not possible because:"))
                for text in detail.approve_blockers:
                    reason(text)
                if detail.first_open_item is not None:  # the "14 … still open" line jumps
                    last = self.reasons.item(self.reasons.count() - 1)
                    last.setData(Qt.ItemDataRole.UserRole, detail.first_open_item)
                    last.setToolTip(self.tr("Double-click: go to the first open item"))
            if detail.publish_blockers and detail.status is PostStatus.APPROVED:
                heading(self.tr("„Mark as published“ is not possible because:"))
                for text in detail.publish_blockers:
                    reason(text)
            if detail.gate.warnings:
                heading(self.tr("Overridden warnings:"))
                for warning in detail.gate.warnings:
                    self.reasons.addItem(QListWidgetItem(std_icon(WARN_ICON), warning.text))
            if self.reasons.count() == 0:
                self.reasons.addItem(
                    QListWidgetItem(std_icon(OK_ICON), self.tr("Nothing blocks this post."))
                )

    def _on_reason_activated(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if key:
            self.sections.setCurrentWidget(self.checklist)
            self.checklist.select_key(str(key))

    def reason_texts(self) -> list[str]:
        return [self.reasons.item(i).text() for i in range(self.reasons.count())]

    def _show_people(self, detail: PostDetail, read_only: bool) -> None:
        current = self.current_appearance()
        self.people.clear()
        for person in detail.people:
            state = person.assessment.state
            state_text = state.label
            if person.assessment.minor and person.assessment.age is not None:
                state_text += "  " + self.tr("(minor, %1)").replace(
                    "%1", str(person.assessment.age)
                )
            shown = ", ".join(option_label(SHOWN_AS, k) for k in SHOWN_AS if k in person.shown_as)
            scene = f"{person.scene_note} [{shown or '–'}]".strip()
            row = QTreeWidgetItem(
                [person.label, state_text, scene, "\n".join(person.assessment.reasons)]
            )
            row.setData(0, APPEARANCE_ROLE, person.appearance_id)
            row.setIcon(1, consent_icon(state))
            row.setForeground(1, consent_colour(state))
            row.setToolTip(3, "\n".join(person.assessment.reasons))
            self.people.addTopLevelItem(row)
            if person.appearance_id == current:
                self.people.setCurrentItem(row)
        first = self.people.topLevelItem(0)
        if self.people.currentItem() is None and first is not None:
            self.people.setCurrentItem(first)
        self.people.resizeColumnToContents(2)

    def current_appearance(self) -> int | None:
        row = self.people.currentItem()
        return None if row is None else int(row.data(0, APPEARANCE_ROLE))

    def _show_history(self, detail: PostDetail) -> None:
        self.history.clear()
        for entry in reversed(detail.history):
            self.history.addTopLevelItem(
                QTreeWidgetItem([fmt_datetime(entry.at), entry.actor, entry.text])
            )
