"""Icons and texts for gate and consent states — always icon plus words, never colour alone.

Shared by the posts, people, overview and calendar tabs.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from tikdesk.domain.consent import ConsentState
from tikdesk.domain.enums import ItemState, PostStatus
from tikdesk.domain.gate import GateStatus
from tikdesk.ui import theme

SP = QStyle.StandardPixmap

OK_ICON = SP.SP_DialogApplyButton
WARN_ICON = SP.SP_MessageBoxWarning
BLOCK_ICON = SP.SP_MessageBoxCritical
INFO_ICON = SP.SP_MessageBoxInformation

# Text colours fitted to the palette in force (tikdesk.ui.theme, refitted in place when the
# palette changes); they only repeat what icon and text say.
RED = theme.TEXT["bad"]
AMBER = theme.TEXT["warn"]
GREEN = theme.TEXT["ok"]
GREY = theme.TEXT["muted"]


_ICONS: dict[QStyle.StandardPixmap, tuple[QStyle, QIcon]] = {}


def std_icon(kind: QStyle.StandardPixmap) -> QIcon:
    """The style's standard icon, made once per style (lists ask for it per visible cell)."""
    style = QApplication.style()
    found = _ICONS.get(kind)
    if found is None or found[0] is not style:
        found = _ICONS[kind] = (style, style.standardIcon(kind))
    return found[1]


def gate_icon(status: GateStatus) -> QIcon:
    return std_icon(
        {GateStatus.CLEAR: OK_ICON, GateStatus.WARNINGS: WARN_ICON, GateStatus.BLOCKED: BLOCK_ICON}[
            status
        ]
    )


def gate_colour(status: GateStatus) -> QColor:
    return {GateStatus.CLEAR: GREEN, GateStatus.WARNINGS: AMBER, GateStatus.BLOCKED: RED}[status]


def consent_icon(state: ConsentState) -> QIcon:
    return std_icon(OK_ICON if state is ConsentState.VALID else BLOCK_ICON)


def consent_colour(state: ConsentState) -> QColor:
    return GREEN if state is ConsentState.VALID else RED


def item_icon(state: ItemState, *, blocking: bool, overridden: bool) -> QIcon:
    if blocking:
        return std_icon(BLOCK_ICON)
    if overridden:
        return std_icon(WARN_ICON)
    if state is ItemState.NOT_APPLICABLE:
        return std_icon(INFO_ICON)
    return std_icon(OK_ICON)


def post_gate_text(status: PostStatus, gate: GateStatus, take_down: bool) -> str:
    """What the gate column says; published posts show their own state."""
    if take_down:
        return QCoreApplication.translate("Badges", "Take down!")
    if status is PostStatus.PUBLISHED:
        return QCoreApplication.translate("Badges", "Published")
    if status is PostStatus.TAKEN_DOWN:
        return QCoreApplication.translate("Badges", "Taken down")
    return gate.label


def gate_names_status(status: PostStatus, take_down: bool) -> bool:
    """Whether :func:`post_gate_text` only names the post's status (published, taken down)."""
    return not take_down and status in (PostStatus.PUBLISHED, PostStatus.TAKEN_DOWN)


def post_gate_icon(status: PostStatus, gate: GateStatus, take_down: bool) -> QIcon:
    if take_down:
        return std_icon(BLOCK_ICON)
    if gate_names_status(status, take_down):
        return std_icon(INFO_ICON)
    return gate_icon(gate)


def post_gate_colour(status: PostStatus, gate: GateStatus, take_down: bool) -> QColor:
    if take_down:
        return RED
    if gate_names_status(status, take_down):
        return GREY
    return gate_colour(gate)
