"""Cross-tab requests after the Tab contract (issue 15): the ideas tab asks the window by
signal, the window answers — Edit → Idea brings the Ideen tab to the front (its commands
act on the list's selection), and the Übersicht's links open the post."""

from __future__ import annotations

from typing import Any

from tikdesk.ui.ideas.tab import IdeasTab
from tikdesk.ui.main_window import MainWindow
from tikdesk.ui.posts.tab import PostsTab


def test_edit_idea_menu_brings_the_ideas_tab_to_the_front(main_window: MainWindow) -> None:
    ideas = main_window.tab(IdeasTab)
    main_window.tabs.setCurrentWidget(main_window.tab(PostsTab))
    menu = ideas.idea_menu
    assert menu is not None and menu.menuAction() in main_window.menu_edit.actions()
    menu.aboutToShow.emit()
    assert main_window.tabs.currentWidget() is ideas


def test_the_ideas_request_to_convert_reaches_the_window(main_window: MainWindow, ctx: Any) -> None:
    from tikdesk.services.ideas import IdeaService

    idea_id = IdeaService(ctx).create({"title": "Aus dem Backlog"}).id
    ideas = main_window.tab(IdeasTab)
    ideas.convert_to_post_requested.emit(idea_id)
    posts = main_window.tab(PostsTab)
    assert main_window.tabs.currentWidget() is posts
    assert posts.panel.detail is not None and posts.panel.detail.title == "Aus dem Backlog"
