"""The Ideen tab's commands: actions with their keys, the status/priority menus, the toolbar,
the Bearbeiten → Idee menu and the context menu, and which of them apply to a selection."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolBar, QToolButton, QWidget

from tikdesk.domain.enums import IdeaStatus, LabeledEnum, Priority


def with_mnemonic(label: str, used: set[str]) -> str:
    """``label`` with an Alt-key on its first letter not in ``used`` (which it joins)."""
    text = label.replace("&", "&&")
    for position, char in enumerate(text):
        if (
            char.isalpha()
            and char.lower() not in used
            and "&" not in text[max(0, position - 1) : position + 1]
        ):
            used.add(char.lower())
            return f"{text[:position]}&{text[position:]}"
    return text


def _tip(action: QAction, text: str) -> None:
    """Tooltip that names the shortcut in the user's language (e.g. Strg+Umschalt+N)."""
    keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
    action.setToolTip(f"{text} ({keys})" if keys else text)


@dataclass(frozen=True)
class Handlers:
    """What the commands do (the tab's methods)."""

    new: Callable[[], object]
    edit: Callable[[], object]
    duplicate: Callable[[], object]
    delete: Callable[[], object]
    owner: Callable[[], object]
    convert: Callable[[], object]
    find: Callable[[], object]
    change: Callable[[str, str], object]  # (field, value) of the selected ideas
    view: Callable[[str], object]  # "table" | "board"


class IdeaActions:
    """Every command of the tab, built once; the tab shows them in its toolbar and menus."""

    def __init__(self, owner: QWidget, handlers: Handlers) -> None:
        self._owner = owner
        act = self._action
        # Ctrl+N is "new database": a new idea is Ctrl+Shift+N or Insert.
        self.new = act(
            QCoreApplication.translate("IdeasTab", "&New idea…"),
            handlers.new,
            ["Ctrl+Shift+N", "Ins"],
            QCoreApplication.translate("IdeasTab", "New idea"),
        )
        self.edit = act(
            QCoreApplication.translate("IdeasTab", "&Edit…"),
            handlers.edit,
            ["Return", "Enter"],
            QCoreApplication.translate("IdeasTab", "Edit the idea"),
        )
        self.duplicate = act(
            QCoreApplication.translate("IdeasTab", "D&uplicate"),
            handlers.duplicate,
            ["Ctrl+D"],
            QCoreApplication.translate("IdeasTab", "Duplicate the idea"),
        )
        self.delete = act(
            QCoreApplication.translate("IdeasTab", "&Delete…"),
            handlers.delete,
            ["Del"],
            QCoreApplication.translate("IdeasTab", "Delete the selected ideas"),
        )
        self.owner = act(
            QCoreApplication.translate("IdeasTab", "Set &owner…"),
            handlers.owner,
            tip=QCoreApplication.translate("IdeasTab", "Set the owner of the selected ideas"),
        )
        self.convert = act(
            QCoreApplication.translate("IdeasTab", "Turn into &post"),
            handlers.convert,
            tip=QCoreApplication.translate("IdeasTab", "Create a draft post from this idea"),
        )
        self.find = act(
            QCoreApplication.translate("IdeasTab", "&Find"),
            handlers.find,
            ["Ctrl+F"],
            QCoreApplication.translate("IdeasTab", "Search ideas"),
        )
        self.status_menu = self._choice_menu(
            QCoreApplication.translate("IdeasTab", "Set &status"), IdeaStatus, "status", handlers
        )
        self.priority_menu = self._choice_menu(
            QCoreApplication.translate("IdeasTab", "Set p&riority"), Priority, "priority", handlers
        )
        self.view_group = QActionGroup(owner)
        self.table_view = QAction(QCoreApplication.translate("IdeasTab", "Ideas as &table"), owner)
        self.board_view = QAction(QCoreApplication.translate("IdeasTab", "Ideas as &board"), owner)
        for action, name in ((self.table_view, "table"), (self.board_view, "board")):
            action.setCheckable(True)
            action.setData(name)
            self.view_group.addAction(action)
            action.triggered.connect(lambda _c=False, n=name: handlers.view(n))
        self.table_view.setIconText(QCoreApplication.translate("IdeasTab", "Table"))
        self.board_view.setIconText(QCoreApplication.translate("IdeasTab", "Board"))
        self.table_view.setToolTip(
            QCoreApplication.translate("IdeasTab", "Show the ideas as a table")
        )
        self.board_view.setToolTip(
            QCoreApplication.translate("IdeasTab", "Show the ideas as a board by status")
        )
        self.idea_menu: QMenu | None = None

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        keys: Sequence[str] = (),
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self._owner)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        _tip(action, tip or text.replace("&", "").rstrip("…"))
        return action

    def _choice_menu(
        self, title: str, enum: type[LabeledEnum], field: str, handlers: Handlers
    ) -> QMenu:
        menu = QMenu(title, self._owner)
        used: set[str] = set()
        for member in enum:
            action = menu.addAction(with_mnemonic(member.label, used))
            action.setData(member.value)
            action.triggered.connect(lambda _c=False, v=member.value: handlers.change(field, v))
        return menu

    def on_selection(self) -> tuple[QAction, ...]:
        """The commands that act on the selected ideas (in the views, not the search)."""
        return (self.edit, self.duplicate, self.delete)

    def toolbar(self) -> QToolBar:
        bar = QToolBar(QCoreApplication.translate("IdeasTab", "Ideas"))
        bar.setObjectName("ideasToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([self.new, self.edit, self.duplicate, self.delete])
        bar.addSeparator()
        for menu in (self.status_menu, self.priority_menu):
            button = QToolButton()
            button.setText(menu.title().replace("&", ""))
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setToolTip(QCoreApplication.translate("IdeasTab", "Change the selected ideas"))
            bar.addWidget(button)
            menu.menuAction().setData(button)
        bar.addAction(self.owner)
        bar.addSeparator()
        bar.addAction(self.convert)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addActions([self.table_view, self.board_view])
        return bar

    def _fill(self, menu: QMenu, *, with_new: bool) -> None:
        menu.addActions([*([self.new] if with_new else []), self.edit, self.duplicate])
        menu.addAction(self.delete)
        menu.addSeparator()
        menu.addMenu(self.status_menu)
        menu.addMenu(self.priority_menu)
        menu.addAction(self.owner)
        menu.addSeparator()
        menu.addAction(self.convert)

    def install(
        self,
        view_menu: QMenu,
        edit_menu: QMenu | None,
        anchor: QAction | None,
        about_to_show: Callable[[], object],
    ) -> None:
        """Table/board switch in the View menu; every idea command (the context menu's
        too) under Edit → Idea, so the keyboard reaches them without the context menu."""
        view_menu.addSeparator()
        view_menu.addActions([self.table_view, self.board_view])
        if edit_menu is None or anchor is None:
            return
        self.idea_menu = QMenu(QCoreApplication.translate("IdeasTab", "&Idea"), edit_menu)
        self.idea_menu.setObjectName("ideaMenu")
        self._fill(self.idea_menu, with_new=True)
        edit_menu.insertMenu(anchor, self.idea_menu)
        # the commands act on the selection of the ideas list: show it when used from the menu
        self.idea_menu.aboutToShow.connect(about_to_show)

    def popup(self, global_pos: QPoint) -> None:
        menu = QMenu(self._owner)
        self._fill(menu, with_new=False)
        menu.popup(global_pos)

    def enable(self, *, editable: bool, selected: int, can_convert: bool) -> None:
        self.new.setEnabled(editable)
        self.edit.setEnabled(selected == 1)
        self.edit.setText(
            QCoreApplication.translate("IdeasTab", "&Edit…")
            if editable
            else QCoreApplication.translate("IdeasTab", "&Show…")
        )
        self.duplicate.setEnabled(editable and selected == 1)
        self.delete.setEnabled(editable and selected >= 1)
        self.owner.setEnabled(editable and selected >= 1)
        for menu in (self.status_menu, self.priority_menu):
            menu.setEnabled(editable and selected >= 1)
            button = menu.menuAction().data()
            if isinstance(button, QToolButton):
                button.setEnabled(editable and selected >= 1)
        self.convert.setEnabled(editable and selected == 1 and can_convert)
