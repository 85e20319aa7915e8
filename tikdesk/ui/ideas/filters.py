"""The Ideen tab's search field and filter lists, and the count of ideas shown."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QLocale, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from tikdesk.domain.enums import Audience, IdeaFormat, IdeaStatus, LabeledEnum
from tikdesk.services.idea_query import IdeaFilter
from tikdesk.services.ideas import IdeaRecord, split_tags


class IdeaFilterBar(QWidget):
    """Search, status/format/audience/owner/tag filters; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, find_keys: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        self.search = QLineEdit()
        self.search.setObjectName("ideaSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            QCoreApplication.translate(
                "IdeasTab", "Search title, hook, description, tags (%1)"
            ).replace("%1", find_keys)
        )
        self.search.setAccessibleName(QCoreApplication.translate("IdeasTab", "Search ideas"))
        self.search.textChanged.connect(self._on_changed)
        row.addWidget(self.search, 3)
        self.status_filter = self._combo(
            QCoreApplication.translate("IdeasTab", "All statuses"),
            IdeaStatus,
            QCoreApplication.translate("IdeasTab", "Filter by status"),
        )
        self.format_filter = self._combo(
            QCoreApplication.translate("IdeasTab", "All formats"),
            IdeaFormat,
            QCoreApplication.translate("IdeasTab", "Filter by format"),
        )
        self.audience_filter = self._combo(
            QCoreApplication.translate("IdeasTab", "All audiences"),
            Audience,
            QCoreApplication.translate("IdeasTab", "Filter by audience"),
        )
        self.owner_filter = self._combo(
            QCoreApplication.translate("IdeasTab", "All owners"),
            None,
            QCoreApplication.translate("IdeasTab", "Filter by owner"),
        )
        self.tag_filter = self._combo(
            QCoreApplication.translate("IdeasTab", "All tags"),
            None,
            QCoreApplication.translate("IdeasTab", "Filter by tag"),
        )
        for combo in self.combos():
            row.addWidget(combo, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("ideaCount")
        row.addWidget(self.count_label)

    def _combo(self, all_text: str, enum: type[LabeledEnum] | None, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible)
        combo.setToolTip(accessible)
        combo.addItem(all_text, "")
        if enum is not None:
            for member in enum:
                combo.addItem(member.label, member.value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.currentIndexChanged.connect(self._on_changed)
        return combo

    def combos(self) -> tuple[QComboBox, ...]:
        return (
            self.status_filter,
            self.format_filter,
            self.audience_filter,
            self.owner_filter,
            self.tag_filter,
        )

    @Slot()
    def _on_changed(self, *_args: object) -> None:
        self.changed.emit()

    def current(self) -> IdeaFilter:
        return IdeaFilter(
            text=self.search.text(),
            status=self.status_filter.currentData() or "",
            format=self.format_filter.currentData() or "",
            audience=self.audience_filter.currentData() or "",
            owner=self.owner_filter.currentData() or "",
            tag=self.tag_filter.currentData() or "",
        )

    def fill(self, owners: Iterable[str], tags: Iterable[str]) -> bool:
        """The owner and tag lists of the backlog; True if a chosen one is gone (filter off)."""
        gone = False
        for combo, values in ((self.owner_filter, owners), (self.tag_filter, tags)):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(value, value)
            position = combo.findData(current)
            combo.setCurrentIndex(max(0, position))
            combo.blockSignals(False)
            gone = gone or bool(current and position < 0)
        return gone

    def add_values(self, record: IdeaRecord) -> None:
        """A new owner or tag appears in the filter lists without a full reload."""
        for combo, values in (
            (self.owner_filter, [record.owner] if record.owner else []),
            (self.tag_filter, split_tags(record.tags)),
        ):
            for value in values:
                if combo.findData(value) < 0:
                    combo.blockSignals(True)
                    combo.addItem(value, value)
                    combo.blockSignals(False)

    def show_count(self, shown: int, total: int) -> None:
        locale = QLocale()
        if shown == total:
            text = QCoreApplication.translate("IdeasTab", "%1 ideas").replace(
                "%1", locale.toString(total)
            )
        else:
            text = (
                QCoreApplication.translate("IdeasTab", "%1 of %2 ideas")
                .replace("%1", locale.toString(shown))
                .replace("%2", locale.toString(total))
            )
        self.count_label.setText(text)
