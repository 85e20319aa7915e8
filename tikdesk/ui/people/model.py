"""Table model and filter for the people registry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt

from tikdesk.services.people import PersonSummary
from tikdesk.ui.widgets.badges import RED, WARN_ICON, consent_colour, consent_icon, std_icon
from tikdesk.ui.widgets.fmt import fmt_date
from tikdesk.ui.widgets.table import RecordFilterProxy, RecordTableModel


class Column(IntEnum):
    NAME = 0
    CONSENT = 1
    CATEGORY = 2
    AGE = 3
    POSTS = 4
    RETENTION = 5


class Role(IntEnum):
    PERSON = Qt.ItemDataRole.UserRole + 1


_DECORATION = Qt.ItemDataRole.DecorationRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_NAME, _CONSENT, _CATEGORY, _AGE, _POSTS, _RETENTION = (int(c) for c in Column)


class PersonTableModel(RecordTableModel[PersonSummary]):
    column_count = len(Column)
    record_role = Role.PERSON

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = {
            Column.NAME: self.tr("Name"),
            Column.CATEGORY: self.tr("Category"),
            Column.AGE: self.tr("Age"),
            Column.CONSENT: self.tr("Consent (TikTok, today)"),
            Column.POSTS: self.tr("Posts"),
            Column.RETENTION: self.tr("Delete on"),
        }

    def styled(self, person: PersonSummary, column: int, role: int) -> Any:
        if column == _CONSENT:
            state = person.assessment.state
            if role == _DECORATION:
                return consent_icon(state)
            if role == _FOREGROUND:
                return consent_colour(state)
            if role == _TOOLTIP and person.assessment.reasons:
                return "\n".join(person.assessment.reasons)
        if column == _AGE and role == _TOOLTIP and person.eighteenth:
            return self.tr("18th birthday: %1").replace("%1", fmt_date(person.eighteenth))
        if column == _RETENTION and person.due_for_deletion:
            if role == _DECORATION:
                return std_icon(WARN_ICON)
            if role == _FOREGROUND:
                return RED
        return None

    def display(self, person: PersonSummary, column: int) -> str:
        if column == _NAME:
            return person.display_name
        if column == _CATEGORY:
            return person.category_label
        if column == _AGE:
            if person.age is None:  # "volljährig (aus Vorversion übernommen)", "Alter unbekannt"
                return person.age_label
            text = str(person.age)
            if person.minor:
                text += " " + self.tr("(minor)")
            return text
        if column == _CONSENT:
            return person.assessment.state.label
        if column == _POSTS:
            return str(person.posts)
        text = fmt_date(person.retention_until)
        if person.due_for_deletion:
            text += " " + self.tr("(due)")
        return text

    def sort_key(self, column: int) -> Callable[[PersonSummary], Any]:
        if column == _AGE:
            return lambda p: p.age if p.age is not None else 999
        if column == _POSTS:
            return lambda p: p.posts
        if column == _RETENTION:
            return lambda p: p.retention_until or dt.date.max
        if column == _CONSENT:
            return lambda p: p.assessment.state.severity
        if column == _CATEGORY:
            return lambda p: p.category_label.casefold()
        return lambda p: p.display_name.casefold()


class PersonFilterProxyModel(RecordFilterProxy):
    def haystack(self, person: PersonSummary) -> str:
        # the age state too: "Vorversion" lists the people a DSB should review
        return f"{person.display_name} {person.category_label} {person.age_label}"
