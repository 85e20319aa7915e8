"""The idea editor: a dialog with inline validation.

The form asks the service's pure :func:`validate` on every change: the first problem is shown
under its field, OK stays disabled while anything is invalid, and a field with an error that
the user tries to leave gets the focus back when OK is pressed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.enums import Audience, IdeaFormat, IdeaStatus, LabeledEnum, Priority
from tikdesk.domain.errors import ValidationError
from tikdesk.domain.i18n import language
from tikdesk.services.ideas import MAX_EFFORT_HOURS, MAX_LENGTH, IdeaRecord, validate
from tikdesk.ui import theme
from tikdesk.ui.a11y import resize_to_fit, scrolled
from tikdesk.ui.ideas.model import EXTRA_TEXT_FIELDS
from tikdesk.ui.widgets.controls import ok_cancel


def _combo(enum: type[LabeledEnum], current: str) -> QComboBox:
    combo = QComboBox()
    for member in enum:
        combo.addItem(member.label, member.value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class IdeaEditorDialog(QDialog):
    """Create or edit one idea; :meth:`values` holds the form's content."""

    def __init__(
        self,
        record: IdeaRecord | None,
        owners: list[str],
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
        defaults: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ideaEditor")
        self._read_only = read_only
        self.record_id = record.id if record is not None else None
        self._touched: set[str] = set()
        if record is None:
            self.setWindowTitle(self.tr("New idea"))
        elif read_only:
            self.setWindowTitle(self.tr("Idea (read-only)"))
        else:
            self.setWindowTitle(self.tr("Edit idea"))
        start = defaults or {}

        def initial(field: str, fallback: Any) -> Any:
            return getattr(record, field) if record is not None else start.get(field, fallback)

        outer = QVBoxLayout(self)
        content = QWidget()  # scrolls in a small window or with a large font (issue 23)
        form = QFormLayout(content)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        area = scrolled(content)
        outer.addWidget(area, 1)
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self._build_texts(form, initial)
        self._build_choices(form, initial, owners)
        self._build_due_and_effort(form, initial)
        self._build_more(form, initial)
        self._build_buttons(outer, read_only)
        self._connect_changes()
        resize_to_fit(self, 560, 620, area)
        self.validate()
        self.title.setFocus()

    def _build_texts(self, form: QFormLayout, initial: Callable[[str, Any], Any]) -> None:
        self.title = QLineEdit(initial("title", ""))
        self.title.setMaxLength(MAX_LENGTH["title"] + 50)  # longer input gets a message
        self.title.setPlaceholderText(self.tr("Required – what is the video about?"))
        self._add(form, "title", self.tr("&Title:"), self.title, self.tr("Title"))

        self.hook = QLineEdit(initial("hook", ""))
        self.hook.setPlaceholderText(self.tr("The first three seconds"))
        self._add(form, "hook", self.tr("&Hook:"), self.hook, self.tr("Hook"))

        self.description = QPlainTextEdit(initial("description", ""))
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(90)
        self._add(
            form, "description", self.tr("&Description:"), self.description, self.tr("Description")
        )

    def _build_choices(
        self, form: QFormLayout, initial: Callable[[str, Any], Any], owners: list[str]
    ) -> None:
        self.format = _combo(IdeaFormat, initial("format", "other"))
        self._add(form, "format", self.tr("&Format:"), self.format, self.tr("Format"))
        self.audience = _combo(Audience, initial("audience", "general"))
        self._add(form, "audience", self.tr("&Audience:"), self.audience, self.tr("Audience"))
        self.status = _combo(IdeaStatus, initial("status", "new"))
        self._add(form, "status", self.tr("&Status:"), self.status, self.tr("Status"))
        self.priority = _combo(Priority, initial("priority", "medium"))
        self._add(form, "priority", self.tr("&Priority:"), self.priority, self.tr("Priority"))

        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.addItems(["", *owners])
        self.owner.setCurrentText(initial("owner", ""))
        self.owner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._add(form, "owner", self.tr("&Owner:"), self.owner, self.tr("Owner"))

    def _build_due_and_effort(self, form: QFormLayout, initial: Callable[[str, Any], Any]) -> None:
        due = initial("target_date", None)
        self.has_due = QCheckBox(self.tr("&use"))
        self.has_due.setAccessibleName(self.tr("Has a due date"))
        self.has_due.setChecked(due is not None)
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd.MM.yyyy")
        self.due.setDate(QDate(due) if due is not None else QDate.currentDate())
        self.due.setEnabled(due is not None)
        self.due.setAccessibleName(self.tr("Due date"))
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QWidget()
        due_layout = QHBoxLayout(due_row)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.addWidget(self.has_due)
        due_layout.addWidget(self.due, 1)
        self._add(form, "target_date", self.tr("Due date:"), due_row, self.tr("Due date"))
        self.fields["target_date"] = self.due

        self.effort = QSpinBox()
        self.effort.setRange(0, MAX_EFFORT_HOURS)
        self.effort.setSpecialValueText(self.tr("not estimated"))
        self.effort.setSuffix(self.tr(" h"))
        self.effort.setValue(initial("effort", None) or 0)
        self._add(form, "effort", self.tr("&Effort:"), self.effort, self.tr("Effort in hours"))

    def _build_more(self, form: QFormLayout, initial: Callable[[str, Any], Any]) -> None:
        self.tags = QLineEdit(initial("tags", ""))
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. Apprenticeship, Fire brigade"))
        self._add(form, "tags", self.tr("Ta&gs:"), self.tags, self.tr("Tags"))
        self.pillar = QLineEdit(initial("pillar", ""))
        self._add(form, "pillar", self.tr("P&illar:"), self.pillar, self.tr("Content pillar"))
        self.sound_ref = QLineEdit(initial("sound_ref", ""))
        self.sound_ref.setPlaceholderText(self.tr("Trend or sound (link or name)"))
        self._add(
            form, "sound_ref", self.tr("T&rend/sound:"), self.sound_ref, self.tr("Trend or sound")
        )
        # declared text fields without a widget of their own (tikdesk.domain.ideas)
        self.extra = {s.key: QLineEdit(initial(s.key, "") or "") for s in EXTRA_TEXT_FIELDS}
        for spec in EXTRA_TEXT_FIELDS:
            label = spec.text(language())
            self._add(form, spec.key, f"{label}:", self.extra[spec.key], label)
            self.extra[spec.key].textEdited.connect(self._on_changed)

    def _build_buttons(self, outer: QVBoxLayout, read_only: bool) -> None:
        if read_only:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.rejected.connect(self.reject)
            for name, widget in self.fields.items():
                if isinstance(widget, QLineEdit | QPlainTextEdit):
                    widget.setReadOnly(True)
                elif name != "target_date":
                    widget.setEnabled(False)
            self.has_due.setEnabled(False)
            self.due.setEnabled(False)
            self.ok_button = None
        else:
            buttons = ok_cancel(self)
            self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.changed_elsewhere = QLabel()
        self.changed_elsewhere.setObjectName("changedElsewhere")
        self.changed_elsewhere.setWordWrap(True)
        self.changed_elsewhere.setVisible(False)
        outer.addWidget(self.changed_elsewhere)
        outer.addWidget(buttons)
        self.buttons = buttons

    def _connect_changes(self) -> None:
        for signal in (
            self.title.textEdited,
            self.hook.textEdited,
            self.tags.textEdited,
            self.pillar.textEdited,
            self.sound_ref.textEdited,
            self.owner.editTextChanged,
        ):
            signal.connect(self._on_changed)
        self.description.textChanged.connect(self._on_changed)
        self.title.textEdited.connect(lambda _t: self._touched.add("title"))
        self.has_due.toggled.connect(self._on_changed)
        self.due.dateChanged.connect(self._on_changed)
        self.effort.valueChanged.connect(self._on_changed)

    def _add(
        self, form: QFormLayout, field: str, label: str, widget: QWidget, accessible: str
    ) -> None:
        widget.setAccessibleName(accessible)
        error = QLabel()
        error.setObjectName(f"error_{field}")
        error.setStyleSheet(theme.css("bad"))
        error.setWordWrap(True)
        error.setVisible(False)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        layout.addWidget(error)
        form.addRow(label, box)
        buddy = form.labelForField(box)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(widget)
        self.errors[field] = error
        self.fields[field] = widget

    # ------------------------------------------------------------------ values
    def mark_changed_elsewhere(self, text: str) -> None:
        """Someone else changed this idea on the team database while it is open here."""
        self.changed_elsewhere.setText(text)
        self.changed_elsewhere.setVisible(True)

    def values(self) -> dict[str, Any]:
        """The form's content as service fields (not yet validated)."""
        day = self.due.date()
        due = dt.date(day.year(), day.month(), day.day()) if self.has_due.isChecked() else None
        return {
            "title": self.title.text(),
            "hook": self.hook.text(),
            "description": self.description.toPlainText(),
            "format": self.format.currentData(),
            "audience": self.audience.currentData(),
            "status": self.status.currentData(),
            "priority": self.priority.currentData(),
            "owner": self.owner.currentText(),
            "target_date": due,
            "effort": self.effort.value() or None,
            "tags": self.tags.text(),
            "pillar": self.pillar.text(),
            "sound_ref": self.sound_ref.text(),
            **{key: edit.text() for key, edit in self.extra.items()},
        }

    # ------------------------------------------------------------------ validation
    @Slot()
    def _on_changed(self, *_args: object) -> None:
        self.validate()

    def validate(self) -> ValidationError | None:
        """Show the first problem under its field; OK only while everything is valid."""
        try:
            validate(self.values())
            problem = None
        except ValidationError as exc:
            problem = exc
        for field, label in self.errors.items():
            # An empty title of a new idea is not shouted at before the user typed.
            show = (
                problem is not None
                and problem.field == field
                and (field != "title" or "title" in self._touched)
            )
            label.setText(str(problem) if show and problem else "")
            label.setVisible(show)
            self.fields[field].setAccessibleDescription(label.text())
        if self.ok_button is not None:
            self.ok_button.setEnabled(problem is None)
        return problem

    def show_error(self, field: str, message: str) -> None:
        """A problem found when saving: show it under the field and focus that field."""
        label = self.errors.get(field)
        if label is not None:
            label.setText(message)
            label.setVisible(True)
            self.fields[field].setFocus(Qt.FocusReason.OtherFocusReason)
            if self.ok_button is not None:
                self.ok_button.setEnabled(False)

    def accept(self) -> None:
        problem = self.validate()
        if problem is not None:
            self._touched.add(problem.field)
            self.validate()
            self.fields.get(problem.field, self.title).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    # ------------------------------------------------------------------ entry point
    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        record: IdeaRecord | None,
        owners: list[str],
        *,
        read_only: bool = False,
        defaults: dict[str, Any] | None = None,
    ) -> dict[str, Any] | None:
        """Show the editor modally; the form's values, or None when cancelled."""
        dialog = cls(record, owners, parent, read_only=read_only, defaults=defaults)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and not read_only:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()
