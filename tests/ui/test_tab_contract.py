"""The contract between the main window and its tabs (issue 15, tikdesk/ui/tab.py).

Every tab keeps the ``Tab`` protocol and gets a ``TabHost`` instead of the window; what it
wants of another tab it asks by signal, and the window answers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.services.posts import PostInput, PostService
from tikdesk.ui.main_window import MainWindow
from tikdesk.ui.overview.tab import OverviewTab
from tikdesk.ui.people.tab import PeopleTab
from tikdesk.ui.posts.tab import PostsTab
from tikdesk.ui.tab import Tab, TabHost


def test_every_tab_keeps_the_contract_and_holds_no_window(main_window: MainWindow) -> None:
    assert len(main_window.tab_widgets) == 6
    for tab in main_window.tab_widgets:
        assert isinstance(tab, Tab), type(tab).__name__
        assert not hasattr(tab, "window_"), type(tab).__name__


def test_tabs_are_found_by_class(main_window: MainWindow) -> None:
    posts = main_window.tab(PostsTab)
    assert isinstance(posts, PostsTab) and posts in main_window.tab_widgets


def test_the_overview_asks_for_a_post_and_the_window_shows_it(
    main_window: MainWindow, ctx: Any
) -> None:
    post_id = PostService(ctx).create(PostInput(title="Aus der Übersicht"))
    overview = main_window.tab(OverviewTab)
    overview.show_post_requested.emit(post_id)
    posts = main_window.tab(PostsTab)
    assert main_window.tabs.currentWidget() is posts
    assert posts.current_post_id() == post_id
    assert posts.panel.detail is not None and posts.panel.detail.title == "Aus der Übersicht"


def test_the_overview_asks_for_a_person_and_the_window_shows_them(
    main_window: MainWindow, ctx: Any
) -> None:
    person_id = PeopleService(ctx).create_person(PersonInput(display_name="Ada Beispiel"))
    main_window.tab(OverviewTab).show_person_requested.emit(person_id)
    people = main_window.tab(PeopleTab)
    assert main_window.tabs.currentWidget() is people
    assert people.detail is not None and people.detail.display_name == "Ada Beispiel"


def test_a_read_only_window_tells_its_tabs(main_window: MainWindow) -> None:
    posts = main_window.tab(PostsTab)
    assert not posts.read_only()
    posts.set_read_only(True)
    main_window.tabs.setCurrentWidget(posts)
    posts.refresh()
    assert not posts.new_button.isEnabled()


def test_a_tab_keeps_its_layout_through_the_settings(ctx: Any, qtbot: Any, tmp_path: Any) -> None:
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    host = TabHost.standalone()
    first = PeopleTab(ctx, host)
    qtbot.addWidget(first)
    first.splitter.setSizes([300, 900])
    sizes = first.splitter.sizes()
    first.save_layout(settings)
    again = PeopleTab(ctx, host)
    qtbot.addWidget(again)
    again.restore_layout(settings)
    assert again.splitter.sizes() == sizes


def test_a_change_on_one_tab_reaches_the_others_through_the_host(ctx: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    host = TabHost.standalone(parent)
    posts = PostsTab(ctx, host)
    posts.setParent(parent)
    with qtbot.waitSignal(host.data_changed, timeout=1000):
        posts._run("test", lambda: PostService(ctx).create(PostInput(title="Neu")))
