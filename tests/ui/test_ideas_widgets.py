"""The Ideen tab driven like a user: editor, search, board drag and keys, bulk, undo, restart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tikdesk.demo import ensure_demo_data
from tikdesk.services.context import AppContext
from tikdesk.services.ideas import IdeaRecord, IdeaService
from tikdesk.ui.ideas import tab as tab_module
from tikdesk.ui.ideas.board import BoardListView
from tikdesk.ui.ideas.editor import IdeaEditorDialog
from tikdesk.ui.ideas.model import Column
from tikdesk.ui.ideas.tab import IdeasTab
from tikdesk.ui.main_window import MainWindow


@pytest.fixture
def window(
    qtbot: Any, ctx: AppContext, settings: QSettings, recorded_messages: list[tuple[str, str, str]]
) -> Iterator[MainWindow]:
    ensure_demo_data(ctx)
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentWidget(win.tab(IdeasTab))
    win.activateWindow()
    qtbot.waitActive(win)
    yield win
    win.undo_stack.clear()


@pytest.fixture
def tab(window: MainWindow) -> IdeasTab:
    tab = window.tab(IdeasTab)
    assert isinstance(tab, IdeasTab)
    return tab


def with_editor(qtbot: Any, fill: Callable[[IdeaEditorDialog], None]) -> list[bool]:
    """Run ``fill`` on the editor dialog as soon as it is open (it runs modally)."""
    done: list[bool] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, IdeaEditorDialog):
            QTimer.singleShot(10, handle)
            return
        try:
            fill(dialog)
            done.append(True)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, handle)
    return done


def record_titled(service: IdeaService, title: str) -> IdeaRecord:
    return next(r for r in service.list_ideas() if r.title == title)


def key(
    qtbot: Any, widget: Any, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    win = widget.window()
    if QApplication.activeWindow() is not win:  # e.g. right after a dialog closed
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    widget.setFocus()
    qtbot.keyClick(widget, k, mod)


def double_click(widget: Any, pos: QPoint) -> None:
    """Press, release, double-click, release — what a real double-click delivers
    (QTest.mouseDClick does not reach QAbstractItemView's double-click handling here)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    point = QPointF(pos)
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, left),
        (QEvent.Type.MouseButtonRelease, none),
        (QEvent.Type.MouseButtonDblClick, left),
        (QEvent.Type.MouseButtonRelease, none),
    ):
        event = QMouseEvent(
            kind, point, widget.mapToGlobal(point), left, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(widget, event)


def select_rows(tab: IdeasTab, *rows: int) -> list[IdeaRecord]:
    from PySide6.QtCore import QItemSelectionModel

    selection = tab.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(tab.model.index(row, 0), flags)
    selection.setCurrentIndex(
        tab.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    return [tab.model.record(r) for r in rows]


# ----------------------------------------------------------------------------- editor, search


@pytest.mark.slow
def test_create_through_editor_with_inline_validation_then_find_it(
    qtbot: Any, tab: IdeasTab, ctx: AppContext
) -> None:
    service = IdeaService(ctx)

    def fill(dialog: IdeaEditorDialog) -> None:
        assert dialog.ok_button is not None
        assert not dialog.ok_button.isEnabled()  # title missing
        qtbot.keyClicks(dialog.title, "Ein Tag im Tierheim")
        assert dialog.ok_button.isEnabled()
        dialog.title.clear()
        qtbot.keyClicks(dialog.title, " ")
        assert dialog.errors["title"].isVisible()
        assert "Titel" in dialog.errors["title"].text()
        assert not dialog.ok_button.isEnabled()
        qtbot.keyClicks(dialog.title, "Ein Tag im Tierheim")
        assert not dialog.errors["title"].isVisible()
        # date sanity: shown under the date field, OK disabled, fixed again
        dialog.has_due.setChecked(True)
        dialog.due.setDate(QDate(1990, 1, 1))
        assert dialog.errors["target_date"].isVisible()
        assert not dialog.ok_button.isEnabled()
        dialog.due.setDate(QDate(2027, 3, 1))
        assert not dialog.errors["target_date"].isVisible()
        qtbot.keyClicks(dialog.hook, "Wer hier wohnt, sucht ein Zuhause")
        qtbot.keyClicks(dialog.tags, "Tierheim, #Ehrenamt, tierheim")
        dialog.status.setCurrentIndex(dialog.status.findData("shortlisted"))
        dialog.owner.setCurrentText("Mia Schulz")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    done = with_editor(qtbot, fill)
    key(
        qtbot,
        tab.table,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: bool(done))

    created = record_titled(service, "Ein Tag im Tierheim")
    assert created.tags == "Tierheim, Ehrenamt"
    assert created.target_date == dt.date(2027, 3, 1)
    assert (created.status, created.owner) == ("shortlisted", "Mia Schulz")
    assert tab.current_record() == created  # selected in the table
    assert tab.owner_filter.findData("Mia Schulz") > 0  # new owner offered as filter
    assert tab.host.undo_stack.count() == 1

    key(qtbot, tab.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus()
    qtbot.keyClicks(tab.search, "tierheim zuhause")
    assert [r.title for r in tab.model.rows()] == ["Ein Tag im Tierheim"]
    assert tab.count_label.text() == "1 of 61 ideas"  # no translator installed in tests
    tab.search.clear()
    assert tab.model.rowCount() == 61


@pytest.mark.slow
def test_edit_with_enter_and_undo(
    qtbot: Any, tab: IdeasTab, window: MainWindow, ctx: AppContext
) -> None:
    (record,) = select_rows(tab, 3)

    def fill(dialog: IdeaEditorDialog) -> None:
        assert dialog.title.text() == record.title
        dialog.title.clear()
        qtbot.keyClicks(dialog.title, "Standesamt von innen")
        dialog.accept()

    done = with_editor(qtbot, fill)
    key(qtbot, tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(done))
    service = IdeaService(ctx)
    assert service.get(record.id).title == "Standesamt von innen"
    assert service.get(record.id).version == record.version + 1
    assert tab.model.record(3).title == "Standesamt von innen"  # same row, updated in place
    window.action_undo.trigger()
    assert service.get(record.id).title == record.title
    assert tab.model.record(3).title == record.title


@pytest.mark.slow
def test_double_click_opens_the_editor_and_cancel_changes_nothing(
    qtbot: Any, tab: IdeasTab, window: MainWindow
) -> None:
    record = tab.model.record(1)
    seen: list[str] = []

    def look(dialog: IdeaEditorDialog) -> None:
        seen.append(dialog.title.text())
        dialog.title.setText("verworfen")
        dialog.reject()

    done = with_editor(qtbot, look)
    rect = tab.table.visualRect(tab.model.index(1, Column.TITLE))
    double_click(tab.table.viewport(), rect.center())
    qtbot.waitUntil(lambda: bool(done))
    assert seen == [record.title]
    assert tab.model.record(1) == record and window.undo_stack.count() == 0


@pytest.mark.slow
def test_filters_and_sort_by_header_click(qtbot: Any, tab: IdeasTab) -> None:
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("done"))
    assert {r.status for r in tab.model.rows()} == {"done"} and tab.model.rowCount() == 7
    tab.owner_filter.setCurrentIndex(tab.owner_filter.findData("Jonas Weber"))
    assert {r.owner for r in tab.model.rows()} == {"Jonas Weber"}
    tab.status_filter.setCurrentIndex(0)
    tab.owner_filter.setCurrentIndex(0)
    tab.tag_filter.setCurrentIndex(tab.tag_filter.findData("Feuerwehr"))
    assert all("Feuerwehr" in r.tags for r in tab.model.rows()) and tab.model.rowCount() >= 2
    tab.tag_filter.setCurrentIndex(0)

    header = tab.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.TARGET_DATE) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    dates = [r.target_date for r in tab.model.rows()]
    present = [d for d in dates if d is not None]
    assert present == sorted(present) and dates[-1] is None
    qtbot.keyClicks(tab.search, "mythen")  # filtering keeps the sort
    dates = [r.target_date for r in tab.model.rows() if r.target_date]
    assert dates == sorted(dates) and tab.model.rowCount() >= 5


# ----------------------------------------------------------------------------- board


def drop_on(view: BoardListView, mime: Any, row: int | None) -> None:
    """Deliver a drag-enter/move/drop to a column, as Qt does for a real drag."""
    model = view.model()
    if row is None or row >= model.rowCount():
        pos = QPointF(view.viewport().rect().center().x(), view.viewport().rect().bottom() - 2)
    else:
        rect = view.visualRect(model.index(row, 0))
        pos = QPointF(rect.center().x(), rect.top() + 2)  # upper half: above that card
    action = Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    target = view.viewport()
    for event in (
        QDragEnterEvent(pos.toPoint(), action, mime, buttons, mods),
        QDragMoveEvent(pos.toPoint(), action, mime, buttons, mods),
    ):
        QApplication.sendEvent(target, event)
        assert event.isAccepted()
    drop = QDropEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()


@pytest.mark.slow
def test_drag_card_to_another_status_and_undo(
    qtbot: Any, tab: IdeasTab, window: MainWindow, ctx: AppContext
) -> None:
    tab.action_board_view.trigger()
    board = tab.board
    source = board.models["new"]
    card = source.rows()[1]
    mime = source.mimeData([source.index(1)])
    target = board.views["done"]
    before = board.models["done"].rows()[2]
    drop_on(target, mime, 2)

    service = IdeaService(ctx)
    moved = service.get(card.id)
    assert moved.status == "done"
    assert [r.id for r in board.models["done"].rows()][2] == card.id  # above the drop target
    assert board.models["done"].rows()[3].id == before.id
    assert card.id not in [r.id for r in source.rows()]
    assert "Erledigt (8)" in board._headers["done"].text()

    window.action_undo.trigger()
    assert service.get(card.id).status == "new"
    assert [r.id for r in source.rows()][1] == card.id  # back in its old place
    window.action_redo.trigger()
    assert service.get(card.id).status == "done"

    # reorder inside one column: drop the first card at the end
    done = board.models["done"]
    first = done.rows()[0]
    drop_on(board.views["done"], done.mimeData([done.index(0)]), None)
    assert done.rows()[-1].id == first.id
    assert [r.title for r in IdeaService(ctx).list_ideas() if r.status == "done"][-1] == first.title


@pytest.mark.slow
def test_keyboard_moves_cards(
    qtbot: Any, tab: IdeasTab, window: MainWindow, ctx: AppContext
) -> None:
    tab.set_view("board")
    board = tab.board
    card = board.models["shortlisted"].rows()[0]
    assert board.select_id(card.id)
    view = board.views["shortlisted"]
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    service = IdeaService(ctx)
    assert service.get(card.id).status == "planned"
    assert board.models["planned"].rows()[-1].id == card.id  # at the end of the column
    assert board.views["planned"].hasFocus()  # focus follows, so the next key moves on
    qtbot.keyClick(board.views["planned"], Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert service.get(card.id).status == "in_production"
    qtbot.keyClick(
        board.views["in_production"], Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier
    )
    assert service.get(card.id).status == "planned"

    column = board.models["planned"]
    count = column.rowCount()
    qtbot.keyClick(board.views["planned"], Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [r.id for r in column.rows()].index(card.id) == count - 2
    qtbot.keyClick(board.views["planned"], Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [r.id for r in column.rows()].index(card.id) == count - 1
    order = [r.title for r in service.list_ideas() if r.status == "planned"]
    assert order == [r.title for r in column.rows()]  # the board shows what is stored

    for _ in range(5):
        window.action_undo.trigger()
    assert service.get(card.id).status == "shortlisted"
    assert board.models["shortlisted"].rows()[0].id == card.id


# ----------------------------------------------------------------------------- bulk, delete


@pytest.mark.slow
def test_bulk_change_two_ideas_and_undo(
    qtbot: Any, tab: IdeasTab, window: MainWindow, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = select_rows(tab, 0, 4)
    service = IdeaService(ctx)
    done_action = next(a for a in tab.status_menu.actions() if a.data() == "done")
    done_action.trigger()
    assert [service.get(i).status for i in (first.id, second.id)] == ["done", "done"]
    assert {tab.model.record(0).status, tab.model.record(4).status} == {"done"}

    low = next(a for a in tab.priority_menu.actions() if a.data() == "low")
    low.trigger()
    monkeypatch.setattr(tab_module, "ask_owner", lambda *_a: "Kim Yilmaz")
    tab.action_owner.trigger()
    after = [service.get(i) for i in (first.id, second.id)]
    assert [(r.priority, r.owner) for r in after] == [("low", "Kim Yilmaz")] * 2
    assert window.undo_stack.count() == 3
    assert window.undo_stack.undoText() == "Change owner of 2 ideas"

    for _ in range(3):
        window.action_undo.trigger()
    restored = [service.get(i) for i in (first.id, second.id)]
    assert [(r.status, r.priority, r.owner) for r in restored] == [
        (first.status, first.priority, first.owner),
        (second.status, second.priority, second.owner),
    ]


@pytest.mark.slow
def test_delete_undo_redo_and_restart(
    qtbot: Any,
    tab: IdeasTab,
    window: MainWindow,
    ctx: AppContext,
    settings: QSettings,
    recorded_messages: list[tuple[str, str, str]],
) -> None:
    service = IdeaService(ctx)
    (victim,) = select_rows(tab, 2)
    key(qtbot, tab.table, Qt.Key.Key_Delete)
    assert recorded_messages[-1][0] == "question" and victim.title in recorded_messages[-1][2]
    assert service.count() == 59 and tab.model.row_of(victim.id) == -1

    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Strg+Z
    assert service.get(victim.id) == victim  # same id, every field
    assert tab.model.row_of(victim.id) >= 0 and tab.current_record() == victim
    window.action_redo.trigger()
    assert service.count() == 59
    window.action_undo.trigger()

    # duplicate, move on the board, remember the board view, then restart
    key(qtbot, tab.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copy = record_titled(service, victim.title + " (Kopie)")
    tab.set_view("board")
    tab.move_ideas([copy.id], "discarded", None)
    tab.splitter.setSizes([700, 400])
    window.close()

    again = MainWindow(ctx, settings)
    qtbot.addWidget(again)
    new_tab = again.tab(IdeasTab)
    assert isinstance(new_tab, IdeasTab)
    assert new_tab.current_view_name() == "board"
    assert new_tab.index.get(victim.id) == victim
    assert new_tab.index.get(copy.id).status == "discarded"  # type: ignore[union-attr]
    assert copy.id in [r.id for r in new_tab.board.models["discarded"].rows()]
    assert len(new_tab.index) == 61
    assert settings.value("ideas/header") is not None
    assert settings.value("ideas/splitter") is not None


@pytest.mark.slow
def test_delete_needs_confirmation(
    qtbot: Any, tab: IdeasTab, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tikdesk.ui import messages

    monkeypatch.setattr(messages, "handler", lambda *_a: False)  # "No"
    select_rows(tab, 0, 1)
    tab.action_delete.trigger()
    assert IdeaService(ctx).count() == 60


@pytest.mark.slow
def test_undo_of_an_idea_deleted_elsewhere_warns(
    qtbot: Any,
    tab: IdeasTab,
    window: MainWindow,
    ctx: AppContext,
    recorded_messages: list[tuple[str, str, str]],
) -> None:
    (record,) = select_rows(tab, 0)
    tab.bulk_change("priority", "low")
    IdeaService(ctx).delete([record.id])  # another user, another window
    window.action_undo.trigger()
    assert recorded_messages[-1][0] == "warning"
    assert "gibt es nicht" in recorded_messages[-1][2]
    assert window.undo_stack.count() == 0  # the stale command is dropped
    qtbot.waitUntil(lambda: tab.index.get(record.id) is None)


@pytest.mark.slow
def test_changes_elsewhere_refresh_the_tab(
    tab: IdeasTab, window: MainWindow, ctx: AppContext
) -> None:
    IdeaService(ctx).create({"title": "Aus dem Import"})
    window.data_changed.emit()
    assert "Aus dem Import" in [r.title for r in tab.model.rows()]


@pytest.mark.slow
def test_convert_to_post_asks_the_window_which_opens_the_new_post(
    tab: IdeasTab, window: MainWindow, qtbot: Any
) -> None:
    from tikdesk.ui.posts.tab import PostsTab

    (record,) = select_rows(tab, 1)
    assert tab.action_convert.isEnabled()
    with qtbot.waitSignal(tab.convert_to_post_requested) as asked:
        tab.action_convert.trigger()
    assert asked.args == [record.id]
    posts = window.tab(PostsTab)
    assert window.tabs.currentWidget() is posts
    assert posts.panel.detail is not None and posts.panel.detail.title == record.title


@pytest.mark.slow
def test_read_only_database_disables_editing(
    qtbot: Any, ctx: AppContext, db_path: Any, settings: QSettings, recorded_messages: list[Any]
) -> None:
    from tikdesk.storage.engine import open_database

    ensure_demo_data(ctx)
    ro = open_database(db_path, read_only=True)
    try:
        win = MainWindow(AppContext(db=ro, user="anna"), settings)
        qtbot.addWidget(win)
        tab = win.tab(IdeasTab)
        assert isinstance(tab, IdeasTab)
        select_rows(tab, 0)
        assert len(tab.index) == 60
        assert not tab.action_new.isEnabled() and not tab.action_delete.isEnabled()
        assert not tab.action_duplicate.isEnabled() and not tab.status_menu.isEnabled()
        assert tab.action_edit.isEnabled()  # opens the idea read-only
        board = tab.board.models["new"]
        assert not board.flags(board.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
        assert not tab.board.move_current(1, 0)
        tab.move_ideas([tab.model.record(0).id], "done", None)
        assert win.undo_stack.count() == 0
    finally:
        ro.close()
