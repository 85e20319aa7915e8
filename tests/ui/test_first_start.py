"""The first-start assistant (issue 20): once on a fresh database, skippable, changeable."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tikdesk.services.calendar import CalendarService
from tikdesk.services.context import AppContext
from tikdesk.services.first_start import FirstStartService, Setup, parse_handles
from tikdesk.services.settings import SettingsService
from tikdesk.ui.overview.tab import OverviewTab

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

    from tikdesk.ui.main_window import MainWindow


def test_handles_are_normalised_and_refused_when_tiktok_would_not_allow_them() -> None:
    from tikdesk.domain.errors import InputRejected

    assert parse_handles(" @Stadt_A, stadt_a; @karriere.b\n") == ("stadt_a", "karriere.b")
    assert parse_handles("  ") == ()
    with pytest.raises(InputRejected):
        parse_handles("stadt a!")


@pytest.mark.slow
def test_offered_once_on_a_fresh_database_and_never_after_skip(ctx: AppContext) -> None:
    service = FirstStartService(ctx)
    assert service.should_offer() and service.database_empty()
    service.skip()
    assert not service.should_offer()


@pytest.mark.slow
def test_not_offered_on_a_database_with_content(ctx: AppContext) -> None:
    _add_idea(ctx)
    assert not FirstStartService(ctx).should_offer()
    assert not FirstStartService(ctx).database_empty()


def _add_idea(ctx: AppContext) -> None:
    from tikdesk.storage.models import Idea

    with ctx.db.transaction() as s:
        s.add(Idea(title="Mythen-Check"))


@pytest.mark.slow
def test_the_answers_land_where_reports_and_calendar_read_them(ctx: AppContext) -> None:
    FirstStartService(ctx).save(
        Setup("Stadt Musterhausen", "/tmp/logo.png", ("stadt_a", "stadt_b"), "police", "nw")
    )
    org = SettingsService(ctx).organisation()
    assert (org.name, org.logo_path) == ("Stadt Musterhausen", "/tmp/logo.png")
    assert CalendarService(ctx).bundesland() == "NW"
    current = FirstStartService(ctx).current()
    assert current.handles == ("stadt_a", "stadt_b") and current.profile == "police"
    assert not FirstStartService(ctx).should_offer()


@pytest.mark.slow
def test_dialog_saves_every_answer(ctx: AppContext, settings: QSettings, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    from tikdesk.options import USER_LABEL
    from tikdesk.ui.firststart.dialog import FirstStartDialog

    dialog = FirstStartDialog(ctx, settings)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.display_name, "Anna (Pressestelle)")
    qtbot.keyClicks(dialog.organisation, "Stadt Musterhausen")
    qtbot.keyClicks(dialog.handles, "@stadt_musterhausen")
    dialog.profile.setCurrentIndex(dialog.profile.findData("theatre"))
    dialog.bundesland.setCurrentIndex(dialog.bundesland.findData("BY"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert USER_LABEL.get(settings) == "Anna (Pressestelle)"
    assert ctx.user == "anna" and ctx.label == "Anna (Pressestelle)"  # a label, not the identity
    current = FirstStartService(ctx).current()
    assert current == Setup("Stadt Musterhausen", "", ("stadt_musterhausen",), "theatre", "BY")


def test_dialog_keeps_a_bad_handle_open_with_the_reason(
    ctx: AppContext, settings: QSettings, qtbot: QtBot, recorded_messages: list
) -> None:
    from tikdesk.ui.firststart.dialog import FirstStartDialog

    dialog = FirstStartDialog(ctx, settings)
    qtbot.addWidget(dialog)
    dialog.handles.setText("stadt musterhausen!")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert recorded_messages and FirstStartService(ctx).should_offer()


def test_skip_writes_nothing_but_the_flag(
    ctx: AppContext, settings: QSettings, qtbot: QtBot
) -> None:
    from tikdesk.ui.firststart.dialog import FirstStartDialog

    dialog = FirstStartDialog(ctx, settings)
    qtbot.addWidget(dialog)
    dialog.organisation.setText("Stadt X")
    dialog.skip_button.click()
    assert SettingsService(ctx).organisation().name == ""
    assert not FirstStartService(ctx).should_offer()


@pytest.mark.slow
def test_the_main_window_never_opens_it_itself_and_offer_does_once(
    main_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from tikdesk.ui.firststart import dialog

    assert not any(
        w.isVisible() and w.objectName() == "firstStartDialog"
        for w in QApplication.topLevelWidgets()
    )
    asked: list[object] = []

    def ask(cls: object, ctx: AppContext, settings: QSettings, parent: object = None) -> bool:
        asked.append(ctx)
        FirstStartService(ctx).skip()
        return False

    monkeypatch.setattr(dialog.FirstStartDialog, "ask", classmethod(ask))
    assert dialog.offer(main_window) is False
    assert dialog.offer(main_window) is False
    assert len(asked) == 1  # shown once


@pytest.mark.slow
def test_the_edit_menu_opens_it_again(
    main_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tikdesk.ui.firststart import dialog

    FirstStartService(main_window.ctx).skip()
    asked: list[object] = []
    monkeypatch.setattr(
        dialog.FirstStartDialog,
        "ask",
        classmethod(lambda cls, ctx, settings, parent=None: asked.append(ctx) or True),
    )
    action = dialog.install_action(main_window)
    assert action in main_window.menu_edit.actions()
    action.trigger()
    assert len(asked) == 1


def test_the_app_offers_it_and_the_smoke_test_does_not() -> None:
    import inspect

    from tikdesk import app

    source = inspect.getsource(app.run_gui)
    assert "offer(window)" in source and "not args.smoke_test" in source


@pytest.mark.slow
def test_overview_on_an_empty_database_shows_no_ticks(main_window: MainWindow) -> None:
    from PySide6.QtWidgets import QTreeWidget

    tab = main_window.tab(OverviewTab)
    tab.refresh()
    texts, icons = [], []
    for tree in tab.findChildren(QTreeWidget):
        if tree is tab.account:  # the account's to-dos (warnings), not "all done"
            continue
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            texts.append(item.text(0))
            icons.append(item.icon(0).isNull())
    assert "Nothing to do." not in texts and all(icons)
    assert "Nothing entered yet" in tab.heading.text()
    _add_idea(main_window.ctx)
    tab.refresh()
    items = [
        t.topLevelItem(0).text(0) for t in tab.findChildren(QTreeWidget) if t is not tab.account
    ]
    assert "Nothing to do." in items


@pytest.mark.slow
def test_a_new_post_takes_the_default_profile_and_the_single_handle(ctx: AppContext) -> None:
    from tikdesk.services.posts import PostInput, PostService

    posts = PostService(ctx)
    FirstStartService(ctx).save(Setup(handles=("polizei_musterstadt",), profile="police"))
    post = posts.get(posts.create(PostInput(title="Blaulicht-Takeover")))
    assert post.summary.checklist_profile == "police"
    assert post.account == "polizei_musterstadt"
    # what the user chose wins
    chosen = posts.get(
        posts.create(PostInput(title="Theater", checklist_profile="general", account="andere"))
    )
    assert (chosen.summary.checklist_profile, chosen.account) == ("general", "andere")
    # with two handles nobody can guess the account
    FirstStartService(ctx).save(Setup(handles=("a_konto", "b_konto"), profile="theatre"))
    two = posts.get(posts.create(PostInput(title="Premiere")))
    assert (two.summary.checklist_profile, two.account) == ("theatre", "")


@pytest.mark.slow
def test_import_plan_drafts_take_the_first_start_answers(ctx: AppContext, tmp_path) -> None:
    from tikdesk.services.plan import commit_plan_import, preview_plan_import
    from tikdesk.services.posts import PostService

    FirstStartService(ctx).save(Setup(handles=("stadt_a",), profile="police"))
    sheet = tmp_path / "plan.csv"
    sheet.write_text("Titel;Konto\nOhne Konto;\nMit Konto;@stadt_b\n", encoding="utf-8")
    commit_plan_import(ctx, preview_plan_import(ctx, sheet))
    posts = {p.title: p for p in PostService(ctx).list_posts()}
    assert {t: p.checklist_profile for t, p in posts.items()} == {
        "Ohne Konto": "police",
        "Mit Konto": "police",
    }
    accounts = {t: PostService(ctx).get(p.id).account for t, p in posts.items()}
    assert accounts == {"Ohne Konto": "stadt_a", "Mit Konto": "stadt_b"}
