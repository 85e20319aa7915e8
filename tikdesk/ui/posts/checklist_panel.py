"""The checklist of one post: items grouped by section, and an editor for the selected item."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.checklist import items_by_section
from tikdesk.domain.enums import Gate, ItemState
from tikdesk.domain.gate import EvaluatedItem
from tikdesk.services.posts import PostDetail, describe_reference
from tikdesk.ui import theme
from tikdesk.ui.a11y import scrolled
from tikdesk.ui.widgets.badges import AMBER, GREEN, GREY, RED, item_icon
from tikdesk.ui.widgets.fmt import fmt_datetime

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class ChecklistPanel(QWidget):
    """Emits ``item_set_requested(key, state, note, override_reason)``."""

    item_set_requested = Signal(str, str, str, str)
    section_ok_requested = Signal(str)  # section key: "Abschnitt: alles in Ordnung"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: dict[str, EvaluatedItem] = {}
        self._read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("dsbNotice")
        self.notice.setStyleSheet(theme.box_style("dsbNotice", "info", padding=5))
        layout.addWidget(self.notice)
        self.reference = QLabel()
        layout.addWidget(self.reference)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter = splitter
        layout.addWidget(splitter, 1)
        splitter.addWidget(self._build_tree())
        splitter.addWidget(self._build_editor())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self._show_item(None)

    def _build_tree(self) -> QTreeWidget:
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Checklist"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("Gate"), self.tr("State")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        return self.tree

    def _build_editor(self) -> QGroupBox:
        """The selected item: its text and help on the left, its state and note on the right."""
        self.editor = QGroupBox(self.tr("Selected item"))
        columns = QHBoxLayout(self.editor)
        texts = QWidget()
        text_side = QVBoxLayout(texts)
        text_side.setContentsMargins(0, 0, 0, 0)
        editor = QVBoxLayout()
        # the item's text and help wrap to the pane's width and scroll when they need more
        # height than the splitter gives (a narrow pane, a large font)
        columns.addWidget(scrolled(texts, horizontal=False), 1)
        columns.addLayout(editor, 1)
        self.item_title = QLabel()
        self.item_title.setWordWrap(True)
        bold = QFont(self.item_title.font())
        bold.setBold(True)
        self.item_title.setFont(bold)
        text_side.addWidget(self.item_title)
        self.item_help = QLabel()
        self.item_help.setWordWrap(True)
        self.item_help.setTextFormat(Qt.TextFormat.RichText)
        text_side.addWidget(self.item_help)
        text_side.addStretch(1)
        self._fill_editor(editor)
        return self.editor

    def _fill_editor(self, editor: QVBoxLayout) -> None:
        self.derived_note = QLabel()
        self.derived_note.setWordWrap(True)
        editor.addWidget(self.derived_note)
        self.state_group = QButtonGroup(self)
        states = QHBoxLayout()
        self.state_buttons: dict[ItemState, QRadioButton] = {}
        for state in ItemState:
            button = QRadioButton(state.label)
            self.state_group.addButton(button)
            self.state_buttons[state] = button
            states.addWidget(button)
        states.addStretch(1)
        editor.addLayout(states)
        # Selecting a state saves it at once (issue 16: no separate "Apply" for the state).
        self.state_group.buttonClicked.connect(lambda _button: self._on_apply())
        form = QFormLayout()
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("What was checked, where is the evidence"))
        form.addRow(self.tr("&Note:"), self.note)
        self.override = QLineEdit()
        self.override.setAccessibleName(self.tr("Reason for overriding the warning"))
        self.override.setPlaceholderText(self.tr("Why it may go out anyway (no names)"))
        self.override_label = QLabel(self.tr("&Override reason:"))
        self.override_label.setBuddy(self.override)
        form.addRow(self.override_label, self.override)
        editor.addLayout(form)
        self.set_by = QLabel()
        self.set_by.setStyleSheet(theme.css("muted"))
        editor.addWidget(self.set_by)
        apply_row = QHBoxLayout()
        self.section_button = QPushButton(self.tr("Section: all in order…"))
        self.section_button.setToolTip(
            self.tr(
                "Sets every hand-checked item of this section to OK after showing them; "
                "computed items are never touched."
            )
        )
        self.section_button.clicked.connect(self._on_section_ok)
        apply_row.addWidget(self.section_button)
        apply_row.addStretch(1)
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.clicked.connect(self._on_apply)
        apply_row.addWidget(self.apply_button)
        editor.addLayout(apply_row)
        editor.addStretch(1)

    # ---------------------------------------------------------------- filling
    def load(self, detail: PostDetail, read_only: bool) -> None:
        self._read_only = read_only or detail.summary.closed
        current = self.current_key()
        self.notice.setText(detail.definition.notice)
        self.reference.setText(describe_reference(detail))
        self.tree.clear()
        self._items = {e.item.key: e for e in detail.gate.items}
        groups = items_by_section(detail.definition, [e.item for e in detail.gate.items])
        select: QTreeWidgetItem | None = None
        for section, items in groups:
            open_count = sum(1 for i in items if self._items[i.key].blocking)
            title = section.label
            if open_count:
                title += "  " + self.tr("(%n blocking)", "", open_count)
            head = QTreeWidgetItem([title])
            font = QFont(head.font(0))
            font.setBold(True)
            head.setFont(0, font)
            head.setFirstColumnSpanned(True)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(head)
            for item in items:
                row = self._row(self._items[item.key])
                self.tree.addTopLevelItem(row)
                if item.key == current:
                    select = row
            head.setFirstColumnSpanned(True)
        if select is not None:
            self.tree.setCurrentItem(select)
        else:
            self._show_item(None)

    def _row(self, evaluated: EvaluatedItem) -> QTreeWidgetItem:
        item = evaluated.item
        gate_text = item.gate.label
        state_text = evaluated.state.label
        if item.derived:
            state_text += " (" + self.tr("computed") + ")"
        if evaluated.overridden:
            state_text += " – " + self.tr("overridden")
        elif evaluated.blocking:
            state_text += " – " + self.tr("blocks")
        row = QTreeWidgetItem(["  " + item.label, gate_text, state_text])
        row.setData(0, KEY_ROLE, item.key)
        row.setIcon(
            0,
            item_icon(
                evaluated.state, blocking=evaluated.blocking, overridden=evaluated.overridden
            ),
        )
        colour = (
            RED
            if evaluated.blocking
            else AMBER
            if evaluated.overridden
            else (GREY if evaluated.state is ItemState.NOT_APPLICABLE else GREEN)
        )
        row.setForeground(2, colour)
        tip = self._tooltip(evaluated)
        for column in range(3):
            row.setToolTip(column, tip)
        return row

    def _tooltip(self, evaluated: EvaluatedItem) -> str:
        item = evaluated.item
        lines = [
            item.label,
            "",
            item.help,
            "",
            self.tr("Legal basis: %1").replace("%1", item.basis_text),
        ]
        if evaluated.reasons:
            lines += ["", *(f"• {r}" for r in evaluated.reasons)]
        if evaluated.result and evaluated.result.note:
            lines += ["", self.tr("Note: %1").replace("%1", evaluated.result.note)]
        if evaluated.result and evaluated.result.set_by:
            lines += [
                self.tr("Set by %1 on %2")
                .replace("%1", evaluated.result.set_by)
                .replace("%2", fmt_datetime(evaluated.result.set_at))
            ]
        return "\n".join(lines)

    # ---------------------------------------------------------------- editor
    def current_key(self) -> str | None:
        current = self.tree.currentItem()
        key = current.data(0, KEY_ROLE) if current is not None else None
        return str(key) if key else None

    def select_key(self, key: str) -> bool:
        for index in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(index)
            if row is not None and row.data(0, KEY_ROLE) == key:
                self.tree.setCurrentItem(row)
                return True
        return False

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        key = current.data(0, KEY_ROLE) if current is not None else None
        self._show_item(self._items.get(str(key)) if key else None)

    def _show_item(self, evaluated: EvaluatedItem | None) -> None:
        self.editor.setEnabled(evaluated is not None)
        if evaluated is None:
            self.item_title.setText(self.tr("Select an item to see its help and set its state."))
            self.item_help.setText("")
            self.derived_note.setText("")
            self.set_by.setText("")
            self.note.clear()
            self.override.clear()
            return
        item = evaluated.item
        self.item_title.setText(item.label)
        basis = self.tr("Legal basis: %1").replace("%1", item.basis_text)
        gate = {
            Gate.BLOCK: self.tr(
                "Blocking: the post cannot be approved while this is open or an issue."
            ),
            Gate.WARN: self.tr(
                "Warning: must be OK, or overridden with a written reason "
                "(goes into the audit log)."
            ),
        }.get(item.gate, "")
        self.item_help.setText(
            f"{_html(item.help)}<br><br><i>{_html(basis)}</i><br><b>{_html(gate)}</b>"
        )
        result = evaluated.result
        editable = not self._read_only and not item.derived
        if item.derived:
            lines = [
                self.tr(
                    "Computed from the people in the video and their consent records "
                    "— it cannot be ticked by hand."
                )
            ]
            lines += [f"• {r}" for r in evaluated.reasons]
            self.derived_note.setText("\n".join(lines))
        else:
            self.derived_note.setText("")
        self.derived_note.setVisible(bool(item.derived))
        for state, button in self.state_buttons.items():
            button.setChecked(state is evaluated.state)
            button.setEnabled(editable)
        self.note.setText(result.note if result else "")
        self.note.setEnabled(editable)
        warn = item.gate is Gate.WARN and not item.derived
        self.override.setVisible(warn)
        self.override_label.setVisible(warn)
        self.override.setText(result.override_reason if result else "")
        self.override.setEnabled(editable)
        self.apply_button.setEnabled(editable)
        self.section_button.setEnabled(not self._read_only)
        self.set_by.setText(
            self.tr("Set by %1 on %2")
            .replace("%1", result.set_by)
            .replace("%2", fmt_datetime(result.set_at))
            if result and result.set_by
            else ""
        )

    def set_state(self, state: ItemState) -> None:
        """Select a state as a click would (it is saved at once)."""
        self.state_buttons[state].click()

    def current_section(self) -> str | None:
        key = self.current_key()
        evaluated = self._items.get(key) if key else None
        return evaluated.item.section if evaluated is not None else None

    def _on_section_ok(self) -> None:
        section = self.current_section()
        if section is not None:
            self.section_ok_requested.emit(section)

    def _on_apply(self) -> None:
        key = self.current_key()
        if key is None:
            return
        state = next((s for s, b in self.state_buttons.items() if b.isChecked()), ItemState.OPEN)
        override = "" if self.override.isHidden() else self.override.text()
        self.item_set_requested.emit(key, state.value, self.note.text(), override)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
