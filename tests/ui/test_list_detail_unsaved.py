"""Unsaved changes in the Beiträge and Personen detail forms (widgets/list_detail.py).

Leaving a record whose form holds unsaved changes asks first — whether the user clicks
another row or another tab asks for a record (Übersicht → show post/person, a returned
form, a converted idea) — and a "No" keeps the record and the typed text.  After a "Yes"
the new record shows its own values: the old record's edits never carry over to it (Save
would write them onto the wrong record)."""

from __future__ import annotations

from typing import Any

import pytest

from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.services.posts import PostInput, PostService
from tikdesk.ui import messages
from tikdesk.ui.main_window import MainWindow
from tikdesk.ui.overview.tab import OverviewTab
from tikdesk.ui.people.tab import PeopleTab
from tikdesk.ui.posts.tab import PostsTab


class Answers:
    """Records the questions asked and answers them with ``reply``."""

    def __init__(self, reply: bool) -> None:
        self.reply = reply
        self.questions: list[str] = []

    def __call__(self, _parent: object, kind: str, _title: str, text: str) -> bool:
        if kind == "question":
            self.questions.append(text)
        return self.reply


@pytest.fixture
def answers(main_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Answers:
    found = Answers(reply=False)
    monkeypatch.setattr(messages, "handler", found)
    return found


def test_a_request_from_the_overview_asks_before_dropping_a_persons_edits(
    main_window: MainWindow, ctx: Any, answers: Answers
) -> None:
    service = PeopleService(ctx)
    ada = service.create_person(PersonInput(display_name="Ada Beispiel"))
    bert = service.create_person(PersonInput(display_name="Bert Muster"))
    main_window.show_person(ada)
    people = main_window.tab(PeopleTab)
    people.form.name.setText("Ada Geändert")
    assert people.is_dirty()

    main_window.tab(OverviewTab).show_person_requested.emit(bert)
    assert len(answers.questions) == 1  # before: Bert was shown, Ada's edit silently gone
    assert people.current_id() == ada and people.form.name.text() == "Ada Geändert"

    answers.reply = True
    main_window.tab(OverviewTab).show_person_requested.emit(bert)
    assert people.current_id() == bert and people.detail is not None
    assert people.form.name.text() == "Bert Muster" and not people.is_dirty()


def test_a_post_not_yet_in_the_list_gets_its_own_form_not_the_edited_one(
    main_window: MainWindow, ctx: Any, answers: Answers
) -> None:
    service = PostService(ctx)
    first = service.create(PostInput(title="Erster Beitrag"))
    main_window.show_post(first)
    posts = main_window.tab(PostsTab)
    posts.panel.form.title.setText("Erster Beitrag, geändert")
    assert posts.is_dirty()
    second = service.create(PostInput(title="Zweiter Beitrag"))  # the list does not know it

    answers.reply = True
    main_window.show_post(second)
    assert answers.questions  # the edit of the first post is not dropped unasked
    assert posts.current_post_id() == second
    assert posts.panel.detail is not None and posts.panel.detail.id == second
    # before: the reload kept the first post's edited form under the second post's heading
    assert posts.panel.form.title.text() == "Zweiter Beitrag" and not posts.is_dirty()


def test_clicking_another_row_asks_and_no_keeps_the_edit(
    main_window: MainWindow, ctx: Any, answers: Answers
) -> None:
    service = PostService(ctx)
    first = service.create(PostInput(title="Erster Beitrag"))
    second = service.create(PostInput(title="Zweiter Beitrag"))
    main_window.show_post(first)
    posts = main_window.tab(PostsTab)
    posts.panel.form.title.setText("Erster Beitrag, geändert")

    row = posts.proxy.mapFromSource(posts.model.index(posts.model.row_of(second), 0))
    posts.table.setCurrentIndex(row)
    assert len(answers.questions) == 1
    assert posts.current_post_id() == first
    assert posts.panel.form.title.text() == "Erster Beitrag, geändert"


def test_quitting_asks_before_dropping_a_posts_edits(
    main_window: MainWindow, ctx: Any, answers: Answers
) -> None:
    post = PostService(ctx).create(PostInput(title="Noch nicht gespeichert"))
    main_window.show_post(post)
    posts = main_window.tab(PostsTab)
    posts.panel.form.title.setText("Getippt, nicht gespeichert")

    main_window.quit()  # Datei → Beenden; "No"
    assert len(answers.questions) == 1
    assert main_window.isVisible()  # before: the window closed and the text was gone
    assert posts.panel.form.title.text() == "Getippt, nicht gespeichert"

    answers.reply = True
    main_window.quit()
    assert not main_window.isVisible()


@pytest.mark.slow
def test_opening_another_database_asks_before_dropping_a_persons_edits(
    qtbot: Any, qapp: Any, settings: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tikdesk import app

    answers = Answers(reply=False)
    monkeypatch.setattr(messages, "handler", answers)
    gui = app.GuiApp(qapp, settings)
    try:
        assert gui.open(tmp_path / "eins.sqlite")
        window = gui.window
        assert window is not None
        qtbot.addWidget(window)
        ada = PeopleService(window.ctx).create_person(PersonInput(display_name="Ada Beispiel"))
        window.show_person(ada)
        window.tab(PeopleTab).form.name.setText("Ada Geändert")

        assert not gui.open(tmp_path / "zwei.sqlite")  # "No": nothing opened, nothing lost
        assert answers.questions and gui.window is window
        assert not (tmp_path / "zwei.sqlite").exists()
        assert window.tab(PeopleTab).form.name.text() == "Ada Geändert"

        answers.reply = True
        assert gui.open(tmp_path / "zwei.sqlite")
        assert gui.window is not window
        qtbot.addWidget(gui.window)
    finally:
        if gui.window is not None:
            gui.window.close()
            gui.window.ctx.db.close()
