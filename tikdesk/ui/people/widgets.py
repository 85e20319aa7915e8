"""Small input widgets of the people tab: optional dates, tick boxes for key sets, the
person form."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tikdesk.domain.consent import option_label
from tikdesk.domain.enums import AgeState, PersonCategory
from tikdesk.services.people import PersonInput
from tikdesk.ui.a11y import FlowLayout


class OptionalDateEdit(QWidget):
    """A date that may be empty: a tick box switches the date field on."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(label)
        self.setFocusProxy(self.check)  # a form label's Alt-key lands on the tick box
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd.MM.yyyy")
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.edit.setAccessibleName(label)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self._emit_changed)
        self.edit.dateChanged.connect(self._emit_changed)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()

    def value(self) -> dt.date | None:
        if not self.check.isChecked():
            return None
        qd = self.edit.date()
        return dt.date(qd.year(), qd.month(), qd.day())

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        if value is None:
            self.edit.setDate(QDate.currentDate())
        else:
            self.edit.setDate(QDate(value.year, value.month, value.day))


class KeyChecks(QWidget):
    """One tick box per key of an option table (platforms, purposes, shown as)."""

    def __init__(self, table: dict[str, tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = FlowLayout(self)  # wraps in a small window or with a large font
        self.boxes: dict[str, QCheckBox] = {}
        for key in table:
            box = QCheckBox(option_label(table, key).replace("&", "&&"))
            self.boxes[key] = box
            layout.addWidget(box)

    def value(self) -> frozenset[str]:
        return frozenset(k for k, b in self.boxes.items() if b.isChecked())

    def set_value(self, keys: frozenset[str]) -> None:
        for key, box in self.boxes.items():
            box.setChecked(key in keys)


class PersonForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        form.addRow(self.tr("Na&me:"), self.name)
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category"))
        for category in PersonCategory:
            self.category.addItem(category.label, category.value)
        form.addRow(self.tr("Category:"), self.category)
        self.birth = OptionalDateEdit(self.tr("minor, born on"))
        self.birth.setToolTip(
            self.tr("Only for minors: gives the age on the publishing day and the 18th birthday.")
        )
        form.addRow(self.tr("Date of &birth:"), self.birth)
        # Every person has an age state (issue 16): a birth date, or adulthood confirmed.
        self.adult = QCheckBox(self.tr("Of age (18 or older) – confirmed"))
        self.adult.setAccessibleName(self.tr("Of age, confirmed"))
        self._age_state = AgeState.ADULT.value
        self.age_note = QLabel()
        self.age_note.setWordWrap(True)
        form.addRow(self.tr("Age:"), self.adult)
        form.addRow("", self.age_note)
        self.own_early = QCheckBox(self.tr("Judged mature enough: own consent needed already"))
        form.addRow("", self.own_early)
        self.birth.changed.connect(self._on_birth_changed)
        self.contact = QLineEdit()
        self.contact.setAccessibleName(self.tr("Contact for withdrawal"))
        form.addRow(self.tr("Contact for withdrawa&l:"), self.contact)
        self.sole_custody = QPlainTextEdit()
        self.sole_custody.setTabChangesFocus(True)
        self.sole_custody.setAccessibleName(self.tr("Sole custody"))
        self.sole_custody.setPlaceholderText(
            self.tr(
                "Only if one parent has sole custody: "
                "the evidence (e.g. court order, file "
                "number). Then one custodian suffices."
            )
        )
        self.sole_custody.setFixedHeight(52)
        form.addRow(self.tr("Sole c&ustody:"), self.sole_custody)
        self.retention = OptionalDateEdit(self.tr("delete record on"))
        form.addRow(self.tr("&Retention:"), self.retention)
        self.name.textChanged.connect(self._emit_changed)
        self.category.currentIndexChanged.connect(self._emit_changed)
        self.birth.changed.connect(self._emit_changed)
        self.contact.textChanged.connect(self._emit_changed)
        self.sole_custody.textChanged.connect(self._emit_changed)
        self.retention.changed.connect(self._emit_changed)
        self.adult.toggled.connect(self._emit_changed)
        self.own_early.toggled.connect(self._emit_changed)
        self.adult.setChecked(False)  # a new person: nothing confirmed yet
        self._age_state = AgeState.UNKNOWN.value
        self._show_age_note()

    def _on_birth_changed(self, *_args: object) -> None:
        has_birth = self.birth.value() is not None
        self.adult.setEnabled(not has_birth)
        if has_birth:
            self.adult.setChecked(False)

    def _show_age_note(self) -> None:
        if self._age_state == AgeState.ADULT_MIGRATED.value:
            self.age_note.setText(
                self.tr("Taken over from an earlier version as of age – please confirm.")
            )
        else:
            self.age_note.setText("")
        self.age_note.setVisible(bool(self.age_note.text()))

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()

    def load(self, data: PersonInput) -> None:
        self.name.setText(data.display_name)
        self.category.setCurrentIndex(max(0, self.category.findData(data.category)))
        self.birth.set_value(data.birth_date)
        self.contact.setText(data.contact)
        self.sole_custody.setPlainText(data.sole_custody_note)
        self.retention.set_value(data.retention_until)
        self._age_state = data.age_state
        self.adult.setChecked(data.age_state == AgeState.ADULT.value and data.birth_date is None)
        self.adult.setEnabled(data.birth_date is None)
        self.own_early.setChecked(data.own_consent_early)
        self._show_age_note()

    def value(self) -> PersonInput:
        birth = self.birth.value()
        return PersonInput(
            display_name=self.name.text(),
            category=str(self.category.currentData()),
            is_minor=birth is not None,
            birth_date=birth,
            contact=self.contact.text(),
            sole_custody_note=self.sole_custody.toPlainText(),
            retention_until=self.retention.value(),
            age_state=(
                AgeState.MINOR.value
                if birth is not None
                else AgeState.ADULT.value
                if self.adult.isChecked()
                else self._age_state
                if self._age_state != AgeState.MINOR.value
                else AgeState.UNKNOWN.value
            ),
            own_consent_early=self.own_early.isChecked(),
        )

    def focus_field(self, field: str) -> None:
        widget = {
            "display_name": self.name,
            "category": self.category,
            "birth_date": self.birth.check,
        }.get(field)
        if widget is not None:
            widget.setFocus()
