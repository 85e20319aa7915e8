"""Dialogs of the people tab.  Each has an ``ask()``/``present()`` that tests replace."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.consent import PLATFORMS, PURPOSES, SHOWN_AS, ConsentFacts
from tikdesk.domain.enums import ConsentForm, ConsentRole, CustodianRelation
from tikdesk.domain.errors import TikDeskError, ValidationError
from tikdesk.services.people import (
    ConsentView,
    PersonInput,
    WithdrawalImpact,
    WithdrawalInput,
)
from tikdesk.ui import messages, theme
from tikdesk.ui.a11y import FlowLayout, resize_to_fit, scrolled
from tikdesk.ui.people.widgets import KeyChecks, OptionalDateEdit, PersonForm
from tikdesk.ui.widgets.badges import BLOCK_ICON, INFO_ICON, std_icon
from tikdesk.ui.widgets.controls import ok_cancel
from tikdesk.ui.widgets.fmt import fmt_date, fmt_datetime


class PersonDialog(QDialog):
    """A new person; ``save`` is called with the input and may raise ValidationError."""

    def __init__(self, save: Callable[[PersonInput], int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New person"))
        self._save = save
        self.person_id: int | None = None
        layout = QVBoxLayout(self)
        self.form = PersonForm()
        layout.addWidget(self.form)
        self.error = QLabel()
        self.error.setStyleSheet(theme.css("bad"))
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Add")))

    def accept(self) -> None:
        try:
            self.person_id = self._save(self.form.value())
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.form.focus_field(exc.field)
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, save: Callable[[PersonInput], int]) -> int | None:
        dialog = cls(save, parent)
        return dialog.person_id if dialog.exec() else None


class ConsentDialog(QDialog):
    """Every field of checklist.md "What a consent record must hold"."""

    def __init__(
        self,
        initial: ConsentFacts,
        minor: bool,
        title: str,
        save: Callable[[ConsentFacts], object],
        parent: QWidget | None = None,
        people: Sequence[tuple[int, str]] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        outer = QVBoxLayout(self)
        content = QWidget()  # scrolls in a small window or with a large font (issue 23)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_who(minor, people))
        layout.addWidget(self._build_scope())
        layout.addWidget(self._build_evidence())
        layout.addStretch(1)
        area = scrolled(content)
        outer.addWidget(area, 1)

        self.error = QLabel()
        self.error.setStyleSheet(theme.css("bad"))
        self.error.setWordWrap(True)
        outer.addWidget(self.error)
        outer.addWidget(ok_cancel(self, self.tr("Save")))
        self.role.currentIndexChanged.connect(self._on_role)
        self._load(initial)
        self._on_role()
        resize_to_fit(self, area=area)

    def _build_who(self, minor: bool, people: Sequence[tuple[int, str]]) -> QGroupBox:
        """The person or a custodian (only a minor's consent may come from one)."""
        who = QGroupBox(self.tr("Who consents"))
        who_form = QFormLayout(who)
        who_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Given by"))
        for role in ConsentRole:
            self.role.addItem(role.label, role.value)
        who_form.addRow(self.tr("Given &by:"), self.role)
        # A custodian is a person from the registry (typed: created on saving), so the same
        # mother never counts twice under two spellings (issue 16).
        self.custodian_name = QComboBox()
        self.custodian_name.setEditable(True)
        self.custodian_name.setAccessibleName(self.tr("Custodian's name"))
        for person_id, name in people:
            self.custodian_name.addItem(name, person_id)
        self.custodian_relation = QComboBox()
        self.custodian_relation.setAccessibleName(self.tr("Relationship"))
        for relation in CustodianRelation:
            self.custodian_relation.addItem(relation.label, relation.value)
        row = QHBoxLayout()
        row.addWidget(self.custodian_name, 2)
        row.addWidget(self.custodian_relation, 1)
        self.custodian_label = QLabel(self.tr("Custodian (name, relationship):"))
        who_form.addRow(self.custodian_label, row)
        if not minor:
            self.role.setEnabled(False)
        return who

    def _build_scope(self) -> QGroupBox:
        scope = QGroupBox(self.tr("Scope (each ticked separately)"))
        scope_form = QFormLayout(scope)
        scope_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.platforms = KeyChecks(PLATFORMS)
        scope_form.addRow(self.tr("Platforms:"), self.platforms)
        self.purposes = KeyChecks(PURPOSES)
        scope_form.addRow(self.tr("Purposes:"), self.purposes)
        self.shown_as = KeyChecks(SHOWN_AS)
        scope_form.addRow(self.tr("May be shown with:"), self.shown_as)
        self.valid_from = OptionalDateEdit(self.tr("from"))
        self.valid_until = OptionalDateEdit(self.tr("until"))
        self.review_on = OptionalDateEdit(self.tr("review on"))
        dates = QWidget()
        flow = FlowLayout(dates)
        for widget in (self.valid_from, self.valid_until, self.review_on):
            flow.addWidget(widget)
        scope_form.addRow(self.tr("Valid:"), dates)
        return scope

    def _build_evidence(self) -> QGroupBox:
        evidence = QGroupBox(self.tr("Evidence"))
        ev_form = QFormLayout(evidence)
        ev_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.collected_on = OptionalDateEdit(self.tr("on"))
        self.collected_by = QLineEdit()
        self.collected_by.setAccessibleName(self.tr("Collected by"))
        self.collected_place = QLineEdit()
        self.collected_place.setAccessibleName(self.tr("Place"))
        row = QHBoxLayout()
        row.addWidget(self.collected_on)
        row.addWidget(QLabel(self.tr("by")))
        row.addWidget(self.collected_by, 1)
        row.addWidget(QLabel(self.tr("at")))
        row.addWidget(self.collected_place, 1)
        ev_form.addRow(self.tr("Collected:"), row)
        self.form = QComboBox()
        self.form.setAccessibleName(self.tr("Form"))
        for form in ConsentForm:
            self.form.addItem(form.label, form.value)
        self.form_reason = QLineEdit()
        self.form_reason.setAccessibleName(self.tr("Reason for the other form"))
        self.form_reason.setPlaceholderText(self.tr("reason, if „other“"))
        row = QHBoxLayout()
        row.addWidget(self.form)
        row.addWidget(self.form_reason, 1)
        ev_form.addRow(self.tr("Form:"), row)
        self.document_ref = QLineEdit()
        self.document_ref.setAccessibleName(self.tr("Signed document"))
        self.document_ref.setPlaceholderText(self.tr("file number and storage place"))
        ev_form.addRow(self.tr("Signed &document:"), self.document_ref)
        self.text_version = QLineEdit()
        self.text_version.setAccessibleName(self.tr("Consent text version"))
        self.art13_version = QLineEdit()
        self.art13_version.setAccessibleName(self.tr("Art. 13 notice version"))
        row = QHBoxLayout()
        row.addWidget(self.text_version)
        row.addWidget(QLabel(self.tr("Art. 13 notice:")))
        row.addWidget(self.art13_version)
        ev_form.addRow(self.tr("Consent text version:"), row)
        self.no_disadvantage = QCheckBox(
            self.tr("Staff: confirmed that refusing has no disadvantage")
        )
        ev_form.addRow(self.no_disadvantage)
        return evidence

    def _load(self, data: ConsentFacts) -> None:
        self.role.setCurrentIndex(max(0, self.role.findData(data.role)))
        index = self.custodian_name.findData(data.custodian_person_id)
        if index >= 0:
            self.custodian_name.setCurrentIndex(index)
        else:
            self.custodian_name.setEditText(data.custodian_name)
        self.custodian_relation.setCurrentIndex(
            max(0, self.custodian_relation.findData(data.custodian_relation))
        )
        self.platforms.set_value(data.platforms)
        self.purposes.set_value(data.purposes)
        self.shown_as.set_value(data.shown_as)
        self.valid_from.set_value(data.valid_from)
        self.valid_until.set_value(data.valid_until)
        self.review_on.set_value(data.review_on)
        self.collected_on.set_value(data.collected_on)
        self.collected_by.setText(data.collected_by)
        self.collected_place.setText(data.collected_place)
        self.form.setCurrentIndex(max(0, self.form.findData(data.form)))
        self.form_reason.setText(data.form_reason)
        self.document_ref.setText(data.document_ref)
        self.text_version.setText(data.text_version)
        self.art13_version.setText(data.art13_version)
        self.no_disadvantage.setChecked(data.no_disadvantage_confirmed)

    def _on_role(self) -> None:
        custodian = self.role.currentData() == ConsentRole.CUSTODIAN.value
        for widget in (self.custodian_name, self.custodian_relation, self.custodian_label):
            widget.setEnabled(custodian)

    def value(self) -> ConsentFacts:
        return ConsentFacts(
            role=str(self.role.currentData()),
            custodian_person_id=self._custodian_id(),
            custodian_name=self.custodian_name.currentText().strip(),
            custodian_relation=str(self.custodian_relation.currentData()),
            platforms=self.platforms.value(),
            purposes=self.purposes.value(),
            shown_as=self.shown_as.value(),
            valid_from=self.valid_from.value(),
            valid_until=self.valid_until.value(),
            review_on=self.review_on.value(),
            form=str(self.form.currentData()),
            form_reason=self.form_reason.text(),
            document_ref=self.document_ref.text(),
            text_version=self.text_version.text(),
            art13_version=self.art13_version.text(),
            no_disadvantage_confirmed=self.no_disadvantage.isChecked(),
            collected_by=self.collected_by.text(),
            collected_on=self.collected_on.value(),
            collected_place=self.collected_place.text(),
        )

    def _custodian_id(self) -> int | None:
        index = self.custodian_name.currentIndex()
        text = self.custodian_name.currentText().strip()
        if index >= 0 and self.custodian_name.itemText(index) == text:
            return int(self.custodian_name.itemData(index))
        return None

    def accept(self) -> None:
        try:
            self._save(self.value())
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        initial: ConsentFacts,
        minor: bool,
        title: str,
        save: Callable[[ConsentFacts], object],
        people: Sequence[tuple[int, str]] = (),
    ) -> bool:
        """Show the form; ``save`` runs on OK (errors keep the dialog open).  ``people``: the
        registry persons a custodian is chosen from."""
        return bool(cls(initial, minor, title, save, parent, people).exec())


class WithdrawalDialog(QDialog):
    """Which consents, when, how; below, the real impact before the user confirms: read
    through ``preview`` (:meth:`PeopleService.withdrawal_preview`, which writes nothing)
    whenever the chosen consents or the date change."""

    def __init__(
        self,
        consents: list[ConsentView],
        user: str,
        parent: QWidget | None = None,
        preview: Callable[[WithdrawalInput], WithdrawalImpact] | None = None,
    ) -> None:
        super().__init__(parent)
        self._preview = preview
        self.setWindowTitle(self.tr("Record withdrawal"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A withdrawal takes effect for the future: every post showing "
                "this person is blocked; published ones must be taken down."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.records = QListWidget()
        self.records.setAccessibleName(self.tr("Consents withdrawn"))
        for consent in consents:
            label = consent.role_label
            if consent.custodian_name:
                label += f" – {consent.custodian_name}"
            label += f" ({consent.platforms_label})"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, consent.id)
            item.setCheckState(Qt.CheckState.Checked)
            self.records.addItem(item)
        self.records.setMaximumHeight(90)
        form.addRow(self.tr("Withdrawn:"), self.records)
        self.on = QDateEdit(QDate.currentDate())
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("dd.MM.yyyy")
        self.on.setAccessibleName(self.tr("Withdrawn on"))
        form.addRow(self.tr("&On:"), self.on)
        self.channel = QComboBox()
        self.channel.setEditable(True)
        self.channel.setAccessibleName(self.tr("Channel"))
        self.channel.addItems(
            [self.tr("e-mail"), self.tr("letter"), self.tr("in person"), self.tr("phone")]
        )
        form.addRow(self.tr("&Channel:"), self.channel)
        self.received_by = QLineEdit(user)
        self.received_by.setAccessibleName(self.tr("Received by"))
        form.addRow(self.tr("&Received by:"), self.received_by)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("What was done"))
        self.note.setPlaceholderText(self.tr("e.g. video taken down, internal copies deleted"))
        form.addRow(self.tr("&What was done:"), self.note)
        layout.addLayout(form)
        self.impact_summary = QLabel()
        self.impact_summary.setObjectName("withdrawalImpact")
        self.impact_summary.setWordWrap(True)
        self.impact = impact_tree()
        self.impact.setAccessibleName(self.tr("Posts affected by the withdrawal"))
        self.impact.setMaximumHeight(160)
        if preview is not None:
            layout.addWidget(self.impact_summary)
            layout.addWidget(self.impact)
            self.records.itemChanged.connect(lambda _item: self.update_preview())
            self.on.dateChanged.connect(lambda _date: self.update_preview())
            self.update_preview()
        layout.addWidget(ok_cancel(self, self.tr("Record withdrawal")))

    def update_preview(self) -> WithdrawalImpact | None:
        """Show what recording the withdrawal as entered now would do."""
        if self._preview is None:
            return None
        try:
            impact = self._preview(self.value())
        except TikDeskError as exc:
            self.impact.clear()
            self.impact_summary.setText(str(exc))
            return None
        revoked = [p.title for p in impact.posts if p.approval_revoked]
        text = (
            self.tr(
                "If you record this withdrawal: %1 posts show the person · can no longer be "
                "published: %2 · published, to take down: %3 · approvals revoked: %4"
            )
            .replace("%1", str(len(impact.posts)))
            .replace("%2", str(impact.blocked))
            .replace("%3", str(impact.take_down))
            .replace("%4", str(impact.approvals_revoked))
        )
        if revoked:
            text += " (" + ", ".join(f"„{t}“" for t in revoked) + ")"
        self.impact_summary.setText(text)
        fill_impact(self.impact, impact)
        return impact

    def value(self) -> WithdrawalInput:
        items = [self.records.item(i) for i in range(self.records.count())]
        ids = tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )
        qd = self.on.date()
        return WithdrawalInput(
            on=dt.date(qd.year(), qd.month(), qd.day()),
            channel=self.channel.currentText(),
            received_by=self.received_by.text(),
            note=self.note.text(),
            consent_ids=ids,
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        consents: list[ConsentView],
        user: str,
        preview: Callable[[WithdrawalInput], WithdrawalImpact] | None = None,
    ) -> WithdrawalInput | None:
        dialog = cls(consents, user, parent, preview)
        return dialog.value() if dialog.exec() else None


class ImpactDialog(QDialog):
    """Shows at once what a withdrawal means: blocked posts, posts to take down."""

    def __init__(self, name: str, impact: WithdrawalImpact, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Impact of the withdrawal"))
        self.resize(640, 320)
        layout = QVBoxLayout(self)
        summary = (
            self.tr("Posts showing %1: %2 · can no longer be published: %3 · to take down now: %4")
            .replace("%1", name)
            .replace("%2", str(len(impact.posts)))
            .replace("%3", str(impact.blocked))
            .replace("%4", str(impact.take_down))
        )
        if impact.approvals_revoked:
            summary += " " + self.tr("%1 approvals were revoked.").replace(
                "%1", str(impact.approvals_revoked)
            )
        label = QLabel(summary)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.posts = impact_tree(impact)
        self.posts.setAccessibleName(self.tr("Posts affected by the withdrawal"))
        layout.addWidget(self.posts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    @classmethod
    def present(cls, parent: QWidget | None, name: str, impact: WithdrawalImpact) -> None:
        cls(name, impact, parent).exec()


def impact_tree(impact: WithdrawalImpact | None = None) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(
        [
            QCoreApplication.translate("PeopleTab", "Post"),
            QCoreApplication.translate("PeopleTab", "Status"),
            QCoreApplication.translate("PeopleTab", "Date"),
            QCoreApplication.translate("PeopleTab", "Effect"),
        ]
    )
    tree.setRootIsDecorated(False)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in (1, 2, 3):
        tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    if impact is not None:
        fill_impact(tree, impact)
    return tree


def fill_impact(tree: QTreeWidget, impact: WithdrawalImpact) -> None:
    tree.clear()
    for post in impact.posts:
        when = post.published_at or post.planned_at
        effect = post.effect_label
        if post.approval_revoked:
            effect += " · " + QCoreApplication.translate("PeopleTab", "approval is revoked")
        row = QTreeWidgetItem([post.title, post.status.label, fmt_datetime(when), effect])
        row.setData(0, Qt.ItemDataRole.UserRole, post.post_id)
        if post.effect in ("blocked", "take_down"):
            row.setIcon(3, std_icon(BLOCK_ICON))
        else:
            row.setIcon(3, std_icon(INFO_ICON))
        tree.addTopLevelItem(row)


# Matches listed in the erasure question (the rest are counted).
MAX_LISTED = 25


def confirm_erase(parent: QWidget | None, name: str, posts: int, found: Sequence[str] = ()) -> bool:
    """The last question before an Art. 17 erasure, listing every free text that names the
    person and will be redacted (tests replace it)."""
    listed = ""
    if found:
        shown = "\n".join(f"• {line}" for line in found[:MAX_LISTED])
        more = len(found) - MAX_LISTED
        if more > 0:
            shown += "\n" + QCoreApplication.translate("PeopleTab", "… and %1 more").replace(
                "%1", str(more)
            )
        listed = (
            "\n\n"
            + QCoreApplication.translate(
                "PeopleTab", "The name is replaced by „[gelöscht]“ in these %1 texts:"
            ).replace("%1", str(len(found)))
            + "\n"
            + shown
        )
    return messages.ask_yes_no(
        parent,
        QCoreApplication.translate("PeopleTab", "Erase person (Art. 17 GDPR)"),
        QCoreApplication.translate(
            "PeopleTab",
            "Erase „%1“ for good?\n\nThe consent records and the name are deleted; the person "
            "stays in %2 posts as „Person erased“, and the name is removed from their texts. "
            "Audit entries keep the event without the name. This cannot be undone — export the "
            "data first if the person asked for a copy.",
        )
        .replace("%1", name)
        .replace("%2", str(posts))
        + listed,
    )


def ask_export_path(
    parent: QWidget | None, name: str, today: dt.date, as_zip: bool = False
) -> Path | None:
    """Where to save the Art. 15/20 export (tests replace it): a workbook, or a ZIP of the
    workbook and the signed scans when the person has any (``as_zip``); the suggested
    name carries ``today``."""
    safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in name).strip() or "Person"
    ending = ".zip" if as_zip else ".xlsx"
    suggested = str(Path.home() / f"Auskunft {safe} {fmt_date(today)}{ending}")
    kind = (
        QCoreApplication.translate("PeopleTab", "ZIP archive with workbook and signed forms")
        if as_zip
        else QCoreApplication.translate("PeopleTab", "Excel workbook")
    )
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("PeopleTab", "Export personal data"),
        suggested,
        f"{kind} (*{ending})",
    )
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == ending else chosen.with_name(chosen.name + ending)
