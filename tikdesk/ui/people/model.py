"""Table model and filter for the people registry."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from tikdesk.services.people import PersonSummary
from tikdesk.ui.posts.badges import (
    RED,
    WARN_ICON,
    consent_colour,
    consent_icon,
    fmt_date,
    std_icon,
)

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    CONSENT = 1
    CATEGORY = 2
    AGE = 3
    POSTS = 4
    RETENTION = 5


class Role(IntEnum):
    PERSON = Qt.ItemDataRole.UserRole + 1
    SORT = Qt.ItemDataRole.UserRole + 2


class PersonTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonSummary] = []

    def set_people(self, people: list[PersonSummary]) -> None:
        self.beginResetModel()
        self._rows = list(people)
        self.endResetModel()

    def row_of(self, person_id: int) -> int:
        return next((n for n, p in enumerate(self._rows) if p.id == person_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.NAME: self.tr("Name"),
            Column.CATEGORY: self.tr("Category"),
            Column.AGE: self.tr("Age"),
            Column.CONSENT: self.tr("Consent (TikTok, today)"),
            Column.POSTS: self.tr("Posts"),
            Column.RETENTION: self.tr("Delete on"),
        }[Column(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self._rows[index.row()]
        column = Column(index.column())
        if role == Role.PERSON:
            return person
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(person, column)
        if role == Role.SORT:
            if column is Column.AGE:
                return person.age if person.age is not None else 999
            if column is Column.POSTS:
                return person.posts
            if column is Column.RETENTION:
                return person.retention_until.isoformat() if person.retention_until else "9999"
            if column is Column.CONSENT:
                return person.assessment.state.severity
            return self._display(person, column).casefold()
        if column is Column.CONSENT:
            state = person.assessment.state
            if role == Qt.ItemDataRole.DecorationRole:
                return consent_icon(state)
            if role == Qt.ItemDataRole.ForegroundRole:
                return consent_colour(state)
            if role == Qt.ItemDataRole.ToolTipRole and person.assessment.reasons:
                return "\n".join(person.assessment.reasons)
        if column is Column.AGE and role == Qt.ItemDataRole.ToolTipRole and person.eighteenth:
            return self.tr("18th birthday: %1").replace("%1", fmt_date(person.eighteenth))
        if column is Column.RETENTION and person.due_for_deletion:
            if role == Qt.ItemDataRole.DecorationRole:
                return std_icon(WARN_ICON)
            if role == Qt.ItemDataRole.ForegroundRole:
                return RED
        return None

    def _display(self, person: PersonSummary, column: Column) -> str:
        if column is Column.NAME:
            return person.display_name
        if column is Column.CATEGORY:
            return person.category_label
        if column is Column.AGE:
            if person.age is None:
                return ""
            text = str(person.age)
            if person.minor:
                text += " " + self.tr("(minor)")
            return text
        if column is Column.CONSENT:
            return person.assessment.state.label
        if column is Column.POSTS:
            return str(person.posts)
        text = fmt_date(person.retention_until)
        if person.due_for_deletion:
            text += " " + self.tr("(due)")
        return text


class PersonFilterProxyModel(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSortRole(Role.SORT)

    def set_text(self, text: str) -> None:
        self._text = text.casefold().strip()
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._text:
            return True
        model = self.sourceModel()
        person: PersonSummary = model.data(model.index(source_row, 0, source_parent), Role.PERSON)
        return self._text in f"{person.display_name} {person.category_label}".casefold()
