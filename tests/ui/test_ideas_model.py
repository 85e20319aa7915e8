"""The table and board models pass Qt's model tester after every kind of change."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from tikdesk.demo import ensure_demo_data
from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.services.context import AppContext
from tikdesk.services.idea_query import IdeaFilter, IdeaIndex, sort_text
from tikdesk.services.ideas import IdeaService
from tikdesk.ui.ideas.board import BoardColumnModel, decode_ids, encode_ids
from tikdesk.ui.ideas.model import COLUMN_COUNT, Column, IdeaTableModel, Role


@pytest.fixture
def service(ctx: AppContext) -> IdeaService:
    ensure_demo_data(ctx)
    return IdeaService(ctx)


@pytest.fixture
def loaded(service: IdeaService, qapp: Any) -> tuple[IdeaIndex, IdeaTableModel]:
    index = IdeaIndex(service.list_ideas())
    model = IdeaTableModel(index)
    model.set_rows(index.filter(IdeaFilter()))
    return index, model


def titles(model: IdeaTableModel) -> list[str]:
    return [model.data(model.index(r, Column.TITLE)) for r in range(model.rowCount())]


@pytest.mark.slow
def test_table_model_after_load_and_each_change(
    qtmodeltester: Any, service: IdeaService, loaded: tuple[IdeaIndex, IdeaTableModel]
) -> None:
    index, model = loaded
    qtmodeltester.check(model)
    assert model.rowCount() == 60 and model.columnCount() == COLUMN_COUNT
    first = model.record(0)
    assert model.data(model.index(0, Column.STATUS)) == "Geplant"  # German label
    assert model.data(model.index(0, Column.TITLE), Role.OBJECT) == first
    assert model.data(model.index(0, Column.TITLE), Role.ID) == first.id
    assert model.headerData(Column.OWNER, Qt.Orientation.Horizontal) == "Verantwortlich"

    # insert
    new = service.create({"title": "Neue Idee"})
    index.put(new)
    row = model.insert_record(new)
    qtmodeltester.check(model)
    assert model.row_of(new.id) == row == 60

    # update
    changed = service.update(first.id, {"title": "Umbenannt"}).after
    index.put(changed)
    assert model.replace_record(changed)
    qtmodeltester.check(model)
    assert model.data(model.index(0, Column.TITLE)) == "Umbenannt"

    # remove
    assert model.remove_id(new.id)
    qtmodeltester.check(model)
    assert model.rowCount() == 60 and model.row_of(new.id) == -1

    # sort (layout change) and reset (filter)
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    names = titles(model)
    assert names[0].startswith("Ausbildung") and names == sorted(names, key=sort_text)
    model.set_rows(index.filter(IdeaFilter(text="azubi"), model.sort_state()), sorted_already=True)
    qtmodeltester.check(model)
    assert 0 < model.rowCount() < 60
    assert all(
        "azubi" in t.casefold() or model.record(r).description or model.record(r).tags
        for r, t in enumerate(titles(model))
    )


@pytest.mark.slow
def test_sort_keeps_selected_rows(qapp: Any, loaded: tuple[IdeaIndex, IdeaTableModel]) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    _index, model = loaded
    chosen = model.record(5)
    persistent = QPersistentModelIndex(model.index(5, Column.OWNER))
    model.sort(Column.TARGET_DATE, Qt.SortOrder.DescendingOrder)
    assert model.record(persistent.row()) == chosen
    assert persistent.column() == Column.OWNER
    dates = [r.target_date for r in model.rows() if r.target_date]
    assert dates == sorted(dates, reverse=True)
    assert model.rows()[-1].target_date is None  # empty dates last
    model.sort(-1)  # indicator cleared: board order again
    assert model.sort_state() is None and model.rows()[0] == model.record(0)


@pytest.mark.slow
def test_insert_into_sorted_table_lands_in_place(
    service: IdeaService, loaded: tuple[IdeaIndex, IdeaTableModel]
) -> None:
    index, model = loaded
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    new = service.create({"title": "Bürgerfest"})
    index.put(new)
    row = model.insert_record(new)
    names = titles(model)
    assert names[row] == "Bürgerfest"
    assert sort_text(names[row - 1]) <= "burgerfest" <= sort_text(names[row + 1])


@pytest.mark.slow
def test_board_column_model(qtmodeltester: Any, service: IdeaService, qapp: Any) -> None:
    records = [r for r in service.list_ideas() if r.status == "planned"]
    model = BoardColumnModel("planned", SYSTEM_CLOCK.today)
    model.set_rows(records)
    qtmodeltester.check(model)
    assert model.rowCount() == 12
    new = service.create({"title": "Neu geplant", "status": "planned"})
    assert model.upsert(new) == 12
    qtmodeltester.check(model)
    moved = service.move(new.id, "planned", records[0].id).record
    assert model.upsert(moved) == 0
    qtmodeltester.check(model)
    assert model.remove_id(new.id) and model.rowCount() == 12
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


@pytest.mark.slow
def test_board_drop_goes_through_the_drop_handler(service: IdeaService, qapp: Any) -> None:
    planned = [r for r in service.list_ideas() if r.status == "planned"]
    done = [r for r in service.list_ideas() if r.status == "done"]
    source = BoardColumnModel("planned", SYSTEM_CLOCK.today)
    target = BoardColumnModel("done", SYSTEM_CLOCK.today)
    source.set_rows(planned)
    target.set_rows(done)
    seen: list[tuple[list[int], str, int | None]] = []
    target.drop_handler = lambda ids, status, before: seen.append((ids, status, before))
    data = source.mimeData([source.index(0), source.index(2)])
    assert decode_ids(data) == [planned[0].id, planned[2].id]
    assert target.canDropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert target.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert target.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert seen == [
        ([planned[0].id, planned[2].id], "done", done[1].id),
        ([planned[0].id, planned[2].id], "done", None),
    ]
    target.editable = False
    assert not target.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert not (source.flags(source.index(0)) & Qt.ItemFlag.ItemIsDropEnabled)
    assert decode_ids(encode_ids([])) == []


@pytest.mark.slow
def test_long_board_column_shows_a_window_of_cards(
    qtmodeltester: Any, service: IdeaService, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column shows at most ``limit`` cards; drops below them stay in view."""
    monkeypatch.setattr(BoardColumnModel, "limit", 5)
    new = [r for r in service.list_ideas() if r.status == "new"]
    model = BoardColumnModel("new", SYSTEM_CLOCK.today)
    model.set_rows(new)
    qtmodeltester.check(model)
    assert model.rowCount() == 5 and model.total() == 19
    assert model.id_at(5) == new[5].id
    seen: list[tuple[list[int], str, int | None]] = []
    model.drop_handler = lambda ids, status, before: seen.append((ids, status, before))
    model.dropMimeData(encode_ids([new[9].id]), Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert seen == [([new[9].id], "new", new[5].id)]  # before the first hidden card

    last = service.move(new[0].id, "new", None).record  # to the very end: hidden now
    assert model.upsert(last) == -1
    qtmodeltester.check(model)
    assert [r.id for r in model.rows()] == [r.id for r in new[1:6]]  # the tail moved up
    assert model.total() == 19
    top = service.move(new[0].id, "new", new[1].id).record
    assert model.upsert(top) == 0
    assert [r.id for r in model.rows()] == [r.id for r in new[:5]]
    assert model.remove_id(new[2].id) and model.rowCount() == 5 and model.total() == 18
    assert new[5].id in [r.id for r in model.rows()]
    qtmodeltester.check(model)
