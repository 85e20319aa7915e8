"""The "Kalender" tab (pytest-qt) on a real database: views, moves, undo, rhythm."""

from __future__ import annotations

import datetime as dt

import pytest
from calendar_helpers import TODAY, approved_post, at, person, post
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDropEvent

from tikdesk.domain.calendar import CalendarState, week_start
from tikdesk.domain.enums import PostStatus
from tikdesk.services.calendar import CalendarService
from tikdesk.services.posts import PostService
from tikdesk.ui.calendar.tab import MIME, POST_ROLE, CalendarTab, TimeDialog

MONDAY = week_start(TODAY) + dt.timedelta(days=14)  # a whole week in the future


@pytest.fixture
def tab(main_window, qtbot) -> CalendarTab:
    found = main_window.tab(CalendarTab)
    main_window.tabs.setCurrentWidget(found)
    return found


def titles(slot) -> list[str]:
    return [slot.item(i).text().split("\n")[0] for i in range(slot.count())]


def day_list(tab: CalendarTab, day: dt.date, hour: int | None = None):
    return next(s for s in tab.lists if s.day == day and s.hour == hour)


def shown(tab: CalendarTab) -> dict[int, dt.date | None]:
    return {
        slot.item(i).data(POST_ROLE): slot.day
        for slot in [*tab.lists, tab.undated]
        for i in range(slot.count())
    }


@pytest.mark.slow
def test_month_and_week_show_the_right_posts_and_undated_aside(ctx, tab) -> None:
    a = post(ctx, "Tag der offenen Tür", at(MONDAY, 10))
    b = post(ctx, "Azubis erklären", at(MONDAY + dt.timedelta(days=2), 14, 30))
    far = post(ctx, "Nächstes Jahr", at(MONDAY + dt.timedelta(days=400)))
    undated = post(ctx, "Irgendwann", None)
    tab.show_date(MONDAY)
    seen = shown(tab)
    assert seen[a] == MONDAY and seen[b] == MONDAY + dt.timedelta(days=2)
    assert far not in seen
    assert seen[undated] is None and titles(tab.undated) == ["Irgendwann"]
    first = day_list(tab, MONDAY).item(0)
    assert first.text() == "10:00 Tag der offenen Tür\n@stadt · " + CalendarState.OPEN_ITEMS.label
    assert not first.icon().isNull()
    tab.set_mode("week")
    assert titles(day_list(tab, MONDAY + dt.timedelta(days=2), 14)) == ["14:30 Azubis erklären"]
    assert titles(day_list(tab, MONDAY, 10)) == ["10:00 Tag der offenen Tür"]
    assert sum(s.count() for s in tab.lists) == 2


@pytest.mark.slow
def test_keyboard_move_and_undo_redo(ctx, tab, main_window, qtbot) -> None:
    post_id = post(ctx, "Wochenrückblick", at(MONDAY, 9))
    tab.show_date(MONDAY)
    slot = day_list(tab, MONDAY)
    slot.setCurrentRow(0)
    slot.setFocus()
    qtbot.keyClick(slot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert _planned(ctx, post_id) == at(MONDAY + dt.timedelta(days=1), 9)
    assert shown(tab)[post_id] == MONDAY + dt.timedelta(days=1)
    qtbot.keyClick(tab.focusWidget(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _planned(ctx, post_id) == at(MONDAY + dt.timedelta(days=8), 9)
    main_window.undo_stack.undo()
    main_window.undo_stack.undo()
    assert _planned(ctx, post_id) == at(MONDAY, 9)
    main_window.undo_stack.redo()
    assert _planned(ctx, post_id) == at(MONDAY + dt.timedelta(days=1), 9)


@pytest.mark.slow
def test_drag_and_drop_moves_and_can_be_undone(ctx, tab, main_window) -> None:
    post_id = post(ctx, "Blaulicht-Quiz", at(MONDAY, 15, 45))
    tab.show_date(MONDAY)
    target = day_list(tab, MONDAY + dt.timedelta(days=3))
    _drop(target, post_id)
    assert _planned(ctx, post_id) == at(MONDAY + dt.timedelta(days=3), 15, 45)
    # week view: the hour row sets the hour, the minutes stay
    tab.set_mode("week")
    _drop(day_list(tab, MONDAY + dt.timedelta(days=4), 11), post_id)
    assert _planned(ctx, post_id) == at(MONDAY + dt.timedelta(days=4), 11, 45)
    # onto the side list: undated
    _drop(tab.undated, post_id)
    assert _planned(ctx, post_id) is None
    for _ in range(3):
        main_window.undo_stack.undo()
    assert _planned(ctx, post_id) == at(MONDAY, 15, 45)


@pytest.mark.slow
def test_time_dialog(ctx, tab, monkeypatch) -> None:
    post_id = post(ctx, "Interview", at(MONDAY, 9))
    tab.show_date(MONDAY)
    day_list(tab, MONDAY).setCurrentRow(0)
    monkeypatch.setattr(TimeDialog, "ask", classmethod(lambda cls, *a: (True, at(MONDAY, 17))))
    tab.change_time()
    assert _planned(ctx, post_id) == at(MONDAY, 17)


@pytest.mark.slow
def test_moving_past_a_consent_end_blocks_and_revokes_the_approval(
    ctx, tab, main_window, recorded_messages
) -> None:
    lea = person(ctx, "Lea Muster", valid_until=MONDAY + dt.timedelta(days=3))
    post_id = approved_post(ctx, "Tag der offenen Tür", at(MONDAY, 10), lea)
    tab.show_date(MONDAY)
    assert _entry(ctx, post_id).state is CalendarState.APPROVED
    _drop(day_list(tab, MONDAY + dt.timedelta(days=7)), post_id)
    question = [m for m in recorded_messages if m[0] == "question"]
    assert len(question) == 1  # the user was told before the move
    assert "zurückgezogen" in question[0][2] or "revoked" in question[0][2]
    entry = _entry(ctx, post_id)
    assert entry.status is PostStatus.IN_REVIEW
    assert entry.state is CalendarState.BLOCKED
    detail = PostService(ctx).get(post_id)
    assert detail.active_approval is None and detail.gate.blocked
    assert any("Lea Muster" in b for b in detail.summary.blockers)


@pytest.mark.slow
def test_saying_no_keeps_the_date_and_the_approval(ctx, tab, monkeypatch) -> None:
    from tikdesk.ui import messages

    monkeypatch.setattr(messages, "handler", lambda *a: False)
    post_id = approved_post(ctx, "Feuerwehr", at(MONDAY, 10))
    tab.show_date(MONDAY)
    _drop(day_list(tab, MONDAY + dt.timedelta(days=1)), post_id)
    assert _planned(ctx, post_id) == at(MONDAY, 10)
    assert _entry(ctx, post_id).status is PostStatus.APPROVED


def test_rhythm_marks_weeks_below_target(ctx, tab) -> None:
    CalendarService(ctx).set_rhythm_target("@stadt", 2)
    for n in range(2):
        post(ctx, f"Beitrag {n}", at(MONDAY + dt.timedelta(days=n), 10))
    post(ctx, "Nur einer", at(MONDAY + dt.timedelta(days=7), 10))
    tab.show_date(MONDAY)
    tab.account.setCurrentIndex(tab.account.findData("@stadt"))
    full, thin = tab.week_labels[MONDAY], tab.week_labels[MONDAY + dt.timedelta(days=7)]
    assert full.property("below_target") is False and "2" in full.text()
    assert thin.property("below_target") is True
    assert "1" in thin.text() and "⚠" in thin.text()


def _drop(target, post_id: int) -> None:
    data = QMimeData()
    data.setData(MIME, str(post_id).encode())
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)


def _planned(ctx, post_id: int) -> dt.datetime | None:
    return PostService(ctx).get(post_id).summary.planned_at


def _entry(ctx, post_id: int):
    return next(e for e in CalendarService(ctx).entries() if e.id == post_id)
