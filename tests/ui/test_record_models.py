"""The post and people list models on the shared RecordTableModel (tikdesk/ui/widgets/table.py):
Qt's model checks, the record role through the proxy, the search text and the Python sort."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.services.posts import PostInput, PostService
from tikdesk.ui.people.model import Column as PersonColumn
from tikdesk.ui.people.model import PersonFilterProxyModel, PersonTableModel
from tikdesk.ui.people.model import Role as PersonRole
from tikdesk.ui.posts.model import Column as PostColumn
from tikdesk.ui.posts.model import PostFilterProxyModel, PostTableModel
from tikdesk.ui.posts.model import Role as PostRole


def _posts(ctx: Any) -> PostTableModel:
    service = PostService(ctx)
    for title in ("Zebra-Streifen", "Ampelphase", "Müllabfuhr"):
        service.create(PostInput(title=title))
    model = PostTableModel()
    model.set_records(service.list_posts())
    return model


def _people(ctx: Any) -> PersonTableModel:
    service = PeopleService(ctx)
    for name in ("Yusuf Acar", "Berta Klein", "Anna Zeller"):
        service.create_person(PersonInput(display_name=name))
    model = PersonTableModel()
    model.set_records(service.list_people())
    return model


@pytest.mark.slow
def test_the_post_list_model_and_its_proxy_pass_qts_checks(qtmodeltester: Any, ctx: Any) -> None:
    model = _posts(ctx)
    proxy = PostFilterProxyModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.sort(PostColumn.TITLE, Qt.SortOrder.AscendingOrder)
    titles = [proxy.index(r, PostColumn.TITLE).data() for r in range(proxy.rowCount())]
    assert titles == ["Ampelphase", "Müllabfuhr", "Zebra-Streifen"]
    assert proxy.index(0, PostColumn.STATUS).data(PostRole.POST).title == "Ampelphase"
    proxy.set_text("ampel")
    assert proxy.rowCount() == 1
    assert model.headerData(PostColumn.TITLE, Qt.Orientation.Horizontal) == "Title"
    qtmodeltester.check(proxy)


@pytest.mark.slow
def test_the_people_model_and_its_proxy_pass_qts_checks(qtmodeltester: Any, ctx: Any) -> None:
    model = _people(ctx)
    proxy = PersonFilterProxyModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(model)
    proxy.sort(PersonColumn.NAME, Qt.SortOrder.DescendingOrder)
    names = [proxy.index(r, PersonColumn.NAME).data() for r in range(proxy.rowCount())]
    assert names == ["Yusuf Acar", "Berta Klein", "Anna Zeller"]
    person = proxy.index(0, PersonColumn.CONSENT).data(PersonRole.PERSON)
    assert person.display_name == "Yusuf Acar"
    assert model.row_of(person.id) == 0
    proxy.set_text("KLEIN")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Berta Klein"]
    qtmodeltester.check(proxy)
