"""Personen & Einwilligungen: registry, consent records, withdrawal with impact list, and the
DSGVO tools (export of everything about one person, erasure)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.consent import ConsentFacts
from tikdesk.domain.enums import ConsentRole
from tikdesk.domain.errors import TikDeskError, ValidationError
from tikdesk.options import PEOPLE_SPLITTER
from tikdesk.services.context import AppContext
from tikdesk.services.people import (
    PeopleService,
    PersonDetail,
    PersonInput,
    PersonSummary,
)
from tikdesk.ui import messages, theme
from tikdesk.ui.people.dialogs import (
    ConsentDialog,
    ImpactDialog,
    PersonDialog,
    WithdrawalDialog,
    ask_export_path,
    confirm_erase,
    fill_impact,
    impact_tree,
)
from tikdesk.ui.people.model import Column, PersonFilterProxyModel, PersonTableModel, Role
from tikdesk.ui.people.paperwork import PaperworkPanel
from tikdesk.ui.people.widgets import PersonForm
from tikdesk.ui.tab import TabHost
from tikdesk.ui.widgets.badges import (
    BLOCK_ICON,
    OK_ICON,
    WARN_ICON,
    consent_colour,
    consent_icon,
    std_icon,
)
from tikdesk.ui.widgets.controls import heading_label
from tikdesk.ui.widgets.fmt import arg, fmt_date
from tikdesk.ui.widgets.list_detail import ListDetailTab, ListTexts

CONSENT_ROLE = Qt.ItemDataRole.UserRole + 1


class PeopleTab(ListDetailTab[PersonSummary, PersonDetail]):
    splitter_option = PEOPLE_SPLITTER

    def __init__(self, ctx: AppContext, host: TabHost) -> None:
        texts = ListTexts(
            area=self.tr("People"),
            list_name=self.tr("People"),
            search_placeholder=self.tr("Search name or category"),
            search_name=self.tr("Search people"),
            empty=self.tr("Select a person on the left, or add one with „New person…“."),
            unsaved_title=self.tr("Unsaved changes"),
        )
        super().__init__(
            ctx, host, PersonTableModel(), PersonFilterProxyModel(), texts, record_role=Role.PERSON
        )
        self.service = PeopleService(ctx)
        self.detail: PersonDetail | None = None
        self._dirty = False
        self._build_bar()
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.keep_column_wide(Column.NAME, 190)
        self.stack.addWidget(self._build_detail())
        self.place_detail(self.stack, (600, 800))

    def _build_bar(self) -> None:
        self.new_button = QPushButton(self.tr("Ne&w person…"))
        self.new_button.clicked.connect(self._on_new)
        self.bar.addWidget(self.new_button)
        self.import_button = QPushButton(self.tr("Import regi&ster…"))
        self.import_button.setToolTip(
            self.tr("Read the consent register you keep in Excel/CSV; you see a preview first.")
        )
        self.import_button.clicked.connect(self._on_import_register)
        self.bar.addWidget(self.import_button)
        self.export_register_button = QPushButton(self.tr("E&xport register…"))
        self.export_register_button.setToolTip(
            self.tr("Write every consent as Excel/CSV (contains personal data).")
        )
        self.export_register_button.clicked.connect(self._on_export_register)
        self.bar.addWidget(self.export_register_button)
        self.bar.addWidget(self.search, 1)

    def _build_detail(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Person details"))  # it takes focus to scroll
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addLayout(self._build_head())
        layout.addWidget(self._build_person_box())
        layout.addWidget(self._build_consent_box())
        # issue 18: printed forms, returned forms, signed scans of the selected record
        self.paperwork = PaperworkPanel(self)
        self.consents.currentItemChanged.connect(
            lambda *_: self.paperwork.show_consent(self._current_consent_id())
        )
        layout.addWidget(self.paperwork)
        layout.addWidget(self._build_posts_box())
        layout.addWidget(self._build_gdpr_box())
        layout.addStretch(1)
        self.detail_widget = scroll
        return scroll

    def _build_head(self) -> QHBoxLayout:
        head = QHBoxLayout()
        self.name_label = heading_label()
        head.addWidget(self.name_label, 1)
        self.state_icon = QLabel()
        head.addWidget(self.state_icon)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        head.addWidget(self.state_label)
        return head

    def _build_person_box(self) -> QGroupBox:
        person_box = QGroupBox(self.tr("Person"))
        person_layout = QVBoxLayout(person_box)
        self.form = PersonForm()
        self.form.changed.connect(self._on_form_changed)
        person_layout.addWidget(self.form)
        self.form_error = QLabel()
        self.form_error.setStyleSheet(theme.css("bad"))
        self.form_error.setWordWrap(True)
        self.form_error.setVisible(False)
        person_layout.addWidget(self.form_error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.revert_button = QPushButton(self.tr("&Revert"))
        self.revert_button.clicked.connect(self._on_revert)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self._on_save)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        person_layout.addLayout(row)
        return person_box

    def _build_consent_box(self) -> QGroupBox:
        consent_box = QGroupBox(self.tr("Consent records"))
        consent_layout = QVBoxLayout(consent_box)
        self.consents = QTreeWidget()
        self.consents.setAccessibleName(self.tr("Consent records"))
        self.consents.setHeaderLabels(
            [
                self.tr("Status"),
                self.tr("Given by"),
                self.tr("Platforms"),
                self.tr("Valid from"),
                self.tr("Valid until"),
                self.tr("Document"),
            ]
        )
        self.consents.setRootIsDecorated(False)
        self.consents.setAlternatingRowColors(True)
        self.consents.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.consents.setMinimumHeight(110)
        self.consents.itemDoubleClicked.connect(lambda *_: self._on_edit_consent())
        consent_layout.addWidget(self.consents)
        self.minor_note = QLabel()
        self.minor_note.setWordWrap(True)
        consent_layout.addWidget(self.minor_note)
        row = QHBoxLayout()
        self.add_consent_button = QPushButton(self.tr("A&dd consent…"))
        self.add_consent_button.clicked.connect(self._on_add_consent)
        self.edit_consent_button = QPushButton(self.tr("&Edit…"))
        self.edit_consent_button.clicked.connect(self._on_edit_consent)
        self.delete_consent_button = QPushButton(self.tr("&Delete"))
        self.delete_consent_button.clicked.connect(self._on_delete_consent)
        self.withdraw_button = QPushButton(self.tr("Record &withdrawal…"))
        self.withdraw_button.clicked.connect(self._on_withdraw)
        for button in (
            self.add_consent_button,
            self.edit_consent_button,
            self.delete_consent_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.withdraw_button)
        consent_layout.addLayout(row)
        return consent_box

    def _build_posts_box(self) -> QGroupBox:
        posts_box = QGroupBox(self.tr("Posts showing this person"))
        posts_layout = QVBoxLayout(posts_box)
        self.posts = impact_tree()
        self.posts.setAccessibleName(self.tr("Posts showing this person"))
        self.posts.setMinimumHeight(100)
        posts_layout.addWidget(self.posts)
        return posts_box

    def _build_gdpr_box(self) -> QGroupBox:
        gdpr_box = QGroupBox(self.tr("GDPR"))
        gdpr_layout = QHBoxLayout(gdpr_box)
        self.export_button = QPushButton(self.tr("Export ever&ything about this person (.xlsx)…"))
        self.export_button.setToolTip(
            self.tr("Art. 15/20 GDPR: consents, posts and audit entries in one workbook.")
        )
        self.export_button.clicked.connect(self._on_export)
        self.erase_button = QPushButton(self.tr("Erase person (Art. 17)…"))
        self.erase_button.setIcon(std_icon(WARN_ICON))
        self.erase_button.clicked.connect(self._on_erase)
        gdpr_layout.addWidget(self.export_button)
        gdpr_layout.addStretch(1)
        gdpr_layout.addWidget(self.erase_button)
        return gdpr_box

    # ---------------------------------------------------------------- list and detail
    def fetch(self) -> list[PersonSummary]:
        return self.service.list_people()

    def fetch_detail(self, ident: int) -> PersonDetail:
        return self.service.get(ident)

    def after_refresh(self) -> None:
        people = self.model.records()
        self.count_label.setText(
            arg(
                self.tr("%1 people · %2 minors · %3 without valid consent"),
                str(len(people)),
                str(sum(1 for p in people if p.minor)),
                str(sum(1 for p in people if not p.assessment.ok)),
            )
        )
        self.new_button.setEnabled(not self.read_only())
        self.import_button.setEnabled(not self.read_only())

    def is_dirty(self) -> bool:
        return self._dirty

    def unsaved_question(self) -> str:
        return self.tr("The person's details were changed but not saved. Discard the changes?")

    def show_nothing(self) -> None:
        super().show_nothing()
        self.detail = None

    def select_person(self, person_id: int, *, force: bool = False) -> bool:
        return self.select(person_id, force=force)

    def show_detail(self, detail: PersonDetail, *, keep_form: bool) -> QWidget:
        self.detail = detail
        read_only = self.read_only()
        self.name_label.setText(detail.display_name)
        state = detail.summary.assessment.state
        self.state_icon.setPixmap(consent_icon(state).pixmap(20, 20))
        self.state_label.setText(self.tr("Consent for TikTok today: %1").replace("%1", state.label))
        self.state_label.setStyleSheet(f"color: {consent_colour(state).name()};")
        self.state_label.setToolTip("\n".join(detail.summary.assessment.reasons))
        if not keep_form:
            self._loading = True
            self.form.load(detail.as_input())
            self._loading = False
            self._set_dirty(False)
        self.form.setEnabled(not read_only)
        self._show_consents(detail)
        fill_impact(self.posts, detail.impact)
        for button in (self.add_consent_button, self.export_button, self.erase_button):
            button.setEnabled(not read_only)
        has_consent = bool(detail.consents)
        self.edit_consent_button.setEnabled(not read_only and has_consent)
        self.delete_consent_button.setEnabled(not read_only and has_consent)
        self.withdraw_button.setEnabled(
            not read_only and any(c.status != "withdrawn" for c in detail.consents)
        )
        self.paperwork.show_person(detail.id, self._current_consent_id(), read_only)
        return self.detail_widget

    def _show_consents(self, detail: PersonDetail) -> None:
        current = self._current_consent_id()
        self.consents.clear()
        for consent in detail.consents:
            given_by = consent.role_label
            if consent.role == ConsentRole.CUSTODIAN.value:
                given_by += f": {consent.custodian_name} ({consent.custodian_relation})"
            status = consent.status_label
            if consent.withdrawn_on:
                status += " " + fmt_date(consent.withdrawn_on)
            row = QTreeWidgetItem(
                [
                    status,
                    given_by,
                    consent.platforms_label,
                    fmt_date(consent.valid_from) or "–",
                    fmt_date(consent.valid_until) or self.tr("open-ended"),
                    consent.document_ref,
                ]
            )
            row.setData(0, CONSENT_ROLE, consent.id)
            row.setIcon(0, std_icon(OK_ICON if consent.status == "active" else BLOCK_ICON))
            if "tiktok" not in consent.platforms:
                row.setIcon(2, std_icon(WARN_ICON))
                row.setToolTip(2, self.tr("This consent does not cover TikTok."))
            self.consents.addTopLevelItem(row)
            if consent.id == current:
                self.consents.setCurrentItem(row)
        first = self.consents.topLevelItem(0)
        if self.consents.currentItem() is None and first is not None:
            self.consents.setCurrentItem(first)
        summary = detail.summary
        if summary.minor:
            text = arg(
                self.tr(
                    "Minor (%1 years, 18 on %2): needs the consent of every custodian "
                    "(%3) and, from 14, their own."
                ),
                str(summary.age),
                fmt_date(summary.eighteenth),
                self.tr("one — sole custody documented")
                if detail.sole_custody_note
                else self.tr("two"),
            )
        else:
            text = ""
        reasons = summary.assessment.reasons
        if reasons:
            text = (text + "\n" if text else "") + "\n".join(f"• {r}" for r in reasons)
        self.minor_note.setText(text)
        self.minor_note.setVisible(bool(text))

    def _current_consent_id(self) -> int | None:
        row = self.consents.currentItem()
        return None if row is None else int(row.data(0, CONSENT_ROLE))

    # ---------------------------------------------------------------- helpers
    def _info(self, title: str, text: str) -> None:
        messages.show_info(self, title, text)

    def _on_form_changed(self) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if not dirty:
            self.form_error.setVisible(False)

    @Slot()
    def _on_import_register(self) -> None:
        from tikdesk.ui.people.register import PeopleRegister

        if not self.read_only() and PeopleRegister(self, self.ctx).import_register():
            self._changed()

    def _on_export_register(self) -> None:
        from tikdesk.ui.people.register import PeopleRegister

        PeopleRegister(self, self.ctx).export_register()

    # ---------------------------------------------------------------- actions
    @Slot()
    def _on_new(self) -> None:
        person_id = PersonDialog.ask(self, self.service.create_person)
        if person_id is not None:
            self._changed()
            self.select_person(person_id)

    @Slot()
    def _on_save(self) -> None:
        if self.detail is None:
            return
        try:
            self.service.update_person(self.detail.id, self.form.value(), self.detail.version)
        except ValidationError as exc:
            self.form_error.setText(str(exc))
            self.form_error.setVisible(True)
            self.form.focus_field(exc.field)
            return
        except TikDeskError as exc:
            self._warn(self.tr("Save person"), str(exc))
            return
        self._set_dirty(False)
        self._changed()

    @Slot()
    def _on_revert(self) -> None:
        if self.detail is not None:
            self._loading = True
            self.form.load(self.detail.as_input())
            self._loading = False
            self._set_dirty(False)

    def _minor(self) -> bool:
        return self.detail is not None and (
            self.detail.summary.minor or self.detail.birth_date is not None
        )

    @Slot()
    def _on_add_consent(self) -> None:
        detail = self.detail
        if detail is None:
            return
        initial = ConsentFacts(collected_by=self.ctx.user)
        if ConsentDialog.ask(
            self,
            initial,
            self._minor(),
            self.tr("New consent record"),
            lambda data: self.service.add_consent(detail.id, self._with_custodian(data)),
            people=self._registry(detail.id),
        ):
            self._changed()

    def _registry(self, person_id: int) -> list[tuple[int, str]]:
        """Who may be chosen as custodian: everyone in the registry but the person."""
        return [(p.id, p.display_name) for p in self.service.list_people() if p.id != person_id]

    def _with_custodian(self, data: ConsentFacts) -> ConsentFacts:
        """A custodian typed in is created in the registry on the spot (then linked)."""
        if data.role != "custodian" or data.custodian_person_id is not None:
            return data
        if not data.custodian_name.strip():
            return data  # the service names what is missing
        new_id = self.service.create_person(
            PersonInput(display_name=data.custodian_name, category="citizen")
        )
        return data._replace(custodian_person_id=new_id)

    @Slot()
    def _on_edit_consent(self) -> None:
        detail, consent_id = self.detail, self._current_consent_id()
        if detail is None or consent_id is None or self.read_only():
            return
        consent = next(c for c in detail.consents if c.id == consent_id)
        if ConsentDialog.ask(
            self,
            consent.as_input(),
            self._minor(),
            self.tr("Edit consent record"),
            lambda data: self.service.update_consent(consent_id, self._with_custodian(data)),
            people=self._registry(detail.id),
        ):
            self._changed()

    @Slot()
    def _on_delete_consent(self) -> None:
        consent_id = self._current_consent_id()
        if consent_id is None:
            return
        if messages.ask_yes_no(
            self,
            self.tr("Delete consent record"),
            self.tr(
                "Delete this consent record? Only for records entered by mistake — a person "
                "who changes their mind withdraws (Record withdrawal)."
            ),
        ):
            self._run(
                self.tr("Delete consent record"), lambda: self.service.delete_consent(consent_id)
            )

    @Slot()
    def _on_withdraw(self) -> None:
        detail = self.detail
        if detail is None:
            return
        active = [c for c in detail.consents if c.status != "withdrawn"]
        data = WithdrawalDialog.ask(
            self,
            active,
            self.ctx.user,
            preview=lambda entered: self.service.withdrawal_preview(detail.id, entered),
        )
        if data is None:
            return
        impact = self._run(
            self.tr("Record withdrawal"), lambda: self.service.record_withdrawal(detail.id, data)
        )
        if impact is not None:
            ImpactDialog.present(self, detail.display_name, impact)

    @Slot()
    def _on_export(self) -> None:
        detail = self.detail
        if detail is None:
            return
        try:  # with signed scans the export is a ZIP (issue 18): offer that ending
            as_zip = self.service.export_is_zip(detail.id)
        except TikDeskError as exc:
            self._warn(self.tr("Export personal data"), str(exc))
            return
        path = ask_export_path(self, detail.display_name, self.ctx.clock.today(), as_zip)
        if path is None:
            return
        written = self._run(
            self.tr("Export personal data"), lambda: self.service.export_person(detail.id, path)
        )
        if written is not None:
            self._info(
                self.tr("Export personal data"),
                self.tr(
                    "Saved to %1. It contains personal data — hand it to the person only."
                ).replace("%1", str(written)),
            )

    @Slot()
    def _on_erase(self) -> None:
        detail = self.detail
        if detail is None:
            return
        preview = self._run(self.tr("Erase person"), lambda: self.service.erase_preview(detail.id))
        if preview is None:
            return
        found = [f"{m.where}: {m.excerpt}" for m in preview.matches]
        if not confirm_erase(self, detail.display_name, len(detail.impact.posts), found):
            return
        result = self._run(self.tr("Erase person"), lambda: self.service.erase_person(detail.id))
        if result is not None and not result.checkpoint_done:
            self._warn(
                self.tr("Erase person"),
                self.tr(
                    "The person is erased, but another window still holds the database, so "
                    "SQLite could not yet overwrite the old pages on the disk. Please close the "
                    "other TikDesk window; the file is cleaned when it closes or at the next "
                    "erasure."
                ),
            )
        if result is not None:
            self._current_id = None
            self._info(
                self.tr("Erase person"),
                arg(
                    self.tr(
                        "Erased. %1 consent records deleted; %2 posts now show „Person erased“; "
                        "the name was removed from %3 texts."
                    ),
                    str(result.consents_deleted),
                    str(result.posts_anonymised),
                    str(result.texts_pseudonymised),
                ),
            )
            self.refresh()
