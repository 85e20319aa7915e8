"""Every Qt item model in tikdesk/ui passes Qt's model tester on demo data.

One builder per model class; a test below fails when a model class is added to tikdesk/ui
without one, so no model escapes the check.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel

import tikdesk.ui
from tikdesk.demo import ensure_demo_data
from tikdesk.services.context import AppContext
from tikdesk.services.idea_query import IdeaFilter, IdeaIndex
from tikdesk.services.ideas import IdeaService
from tikdesk.services.people import PeopleService
from tikdesk.services.posts import PostService
from tikdesk.services.safety import MANUAL, SafetyService
from tikdesk.ui.ideas.board import BoardColumnModel
from tikdesk.ui.ideas.model import IdeaTableModel
from tikdesk.ui.people.model import PersonFilterProxyModel, PersonTableModel
from tikdesk.ui.posts.model import PostFilterProxyModel, PostTableModel
from tikdesk.ui.safety.dialogs import BackupTableModel
from tikdesk.ui.widgets.table import RecordFilterProxy, RecordTableModel

Builder = Callable[[AppContext], QAbstractItemModel]


def _ideas(ctx: AppContext) -> IdeaTableModel:
    index = IdeaIndex(IdeaService(ctx).list_ideas())
    model = IdeaTableModel(index)
    model.set_rows(index.filter(IdeaFilter()))
    return model


def _board(ctx: AppContext) -> BoardColumnModel:
    model = BoardColumnModel("planned", ctx.clock.today)
    model.set_rows([r for r in IdeaService(ctx).list_ideas() if r.status == "planned"])
    return model


def _posts(ctx: AppContext) -> PostTableModel:
    model = PostTableModel()
    model.set_records(PostService(ctx).list_posts())
    return model


def _posts_proxy(ctx: AppContext) -> PostFilterProxyModel:
    proxy = PostFilterProxyModel()
    proxy.setSourceModel(_posts(ctx))
    return proxy


def _people(ctx: AppContext) -> PersonTableModel:
    model = PersonTableModel()
    model.set_records(PeopleService(ctx).list_people())
    return model


def _people_proxy(ctx: AppContext) -> PersonFilterProxyModel:
    proxy = PersonFilterProxyModel()
    proxy.setSourceModel(_people(ctx))
    return proxy


def _backups(ctx: AppContext) -> BackupTableModel:
    safety = SafetyService(ctx)
    safety.backup(MANUAL)
    return BackupTableModel(safety.list_backups())


BUILDERS: dict[type[QAbstractItemModel], Builder] = {
    IdeaTableModel: _ideas,
    BoardColumnModel: _board,
    PostTableModel: _posts,
    PostFilterProxyModel: _posts_proxy,
    PersonTableModel: _people,
    PersonFilterProxyModel: _people_proxy,
    BackupTableModel: _backups,
}
#: generic bases, checked through their subclasses above
ABSTRACT = {RecordTableModel, RecordFilterProxy}


@pytest.mark.slow
@pytest.mark.parametrize("model_class", list(BUILDERS), ids=lambda c: c.__name__)
def test_the_model_passes_qts_model_tester(
    model_class: type[QAbstractItemModel], ctx: AppContext, qtmodeltester: Any
) -> None:
    ensure_demo_data(ctx)
    model = BUILDERS[model_class](ctx)
    assert isinstance(model, model_class)
    assert model.rowCount() > 0  # demo data: the check sees real rows
    qtmodeltester.check(model)


def _subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_subclasses(sub)}
    return found


def test_every_model_in_the_ui_has_a_builder() -> None:
    for info in pkgutil.walk_packages(tikdesk.ui.__path__, "tikdesk.ui."):
        importlib.import_module(info.name)
    ours = {c for c in _subclasses(QAbstractItemModel) if c.__module__.startswith("tikdesk.ui")}
    assert ours - ABSTRACT - set(BUILDERS) == set()
