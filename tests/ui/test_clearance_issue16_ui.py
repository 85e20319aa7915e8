"""Issue 16 in the window (pytest-qt): identity, DSB exception, the checklist by section,
the withdrawal's impact and idea → post."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from clearance_helpers import PostInput, full_consent, team
from PySide6.QtCore import Qt

from tikdesk.domain.enums import ItemState, Role
from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.services.posts import PostService
from tikdesk.services.roles import RoleService
from tikdesk.ui.people import dialogs as people_dialogs
from tikdesk.ui.people.tab import PeopleTab
from tikdesk.ui.posts.tab import PostsTab

TODAY = dt.date.today()
PLANNED = dt.datetime.combine(TODAY + dt.timedelta(days=7), dt.time(11, 0))


def open_post(window, post_id):
    tab = window.tab(PostsTab)
    window.tabs.setCurrentWidget(tab)
    assert tab.select_post(post_id)
    return tab


def ready_post(posts: PostService, title: str = "Azubi-Tag") -> int:
    post_id = posts.create(PostInput(title=title, planned_at=PLANNED))
    for item in posts.get(post_id).definition.post_items:
        if not item.derived and not item.applies_when:
            posts.set_item(post_id, item.key, ItemState.OK)
    return post_id


@pytest.mark.slow
def test_changing_the_display_name_does_not_let_the_author_approve(
    main_window, ctx, settings, qtbot
):
    from tikdesk.ui.preferences import PreferencesDialog

    team(ctx, "ben")
    post_id = ready_post(PostService(ctx))  # written by anna, the window's account
    dialog = PreferencesDialog(ctx, settings, main_window)
    qtbot.addWidget(dialog)
    assert dialog.account.text() == "anna"
    dialog.user.setText("ben")  # the old trick: retype the colleague's name
    dialog.accept()
    assert (ctx.user, ctx.label) == ("anna", "ben")
    tab = open_post(main_window, post_id)
    assert not tab.panel.approve_button.isEnabled()
    assert tab.panel.approve_button.toolTip().startswith("Vier-Augen-Prinzip: Ihr Konto (anna)")


@pytest.mark.slow
def test_a_non_dsb_cannot_set_the_dsb_exception(main_window, ctx, recorded_messages):
    team(ctx, "carla")  # anna is the DSB; carla may approve, nothing more
    post_id = PostService(ctx).create(PostInput(title="Mit Beiwerk"))
    ctx.user = "carla"
    tab = open_post(main_window, post_id)
    panel = tab.panel
    panel.sections.setCurrentWidget(panel.checklist)
    assert panel.checklist.select_key("people.exception_dsb")
    panel.checklist.set_state(ItemState.OK)
    assert recorded_messages and "DSB" in recorded_messages[-1][2]
    item = PostService(ctx).get(post_id).gate.item("people.exception_dsb")
    assert item.state is ItemState.OPEN
    ctx.user = "anna"
    assert Role.DSB in RoleService(ctx).mine()
    tab.refresh()
    open_post(main_window, post_id)
    assert panel.checklist.select_key("people.exception_dsb")
    panel.checklist.set_state(ItemState.OK)
    result = PostService(ctx).get(post_id).gate.item("people.exception_dsb").result
    assert (result.state, result.set_by) == (ItemState.OK, "anna")


@pytest.mark.slow
def test_section_all_in_order_lists_then_sets_the_manual_items(main_window, ctx, recorded_messages):
    team(ctx)
    posts = PostService(ctx)
    post_id = posts.create(PostInput(title="Hinter den Kulissen"))
    tab = open_post(main_window, post_id)
    panel = tab.panel
    panel.sections.setCurrentWidget(panel.checklist)
    assert panel.checklist.select_key("exposure.screens_docs")
    panel.checklist.section_button.click()
    question = recorded_messages[-1]
    assert question[0] == "question" and "Bildschirme" in question[2]
    gate = posts.get(post_id).gate
    exposure = [e for e in gate.items if e.item.section == "exposure"]
    assert exposure and all(e.state is ItemState.OK for e in exposure)
    assert gate.item("people.listed").state is ItemState.OPEN  # other sections untouched
    history = [h for h in posts.get(post_id).history if h.action == "checklist_set"]
    assert len(history) == len(exposure)  # each item in the audit


@pytest.mark.slow
def test_withdrawal_dialog_shows_the_real_impact_before_confirming(main_window, ctx, monkeypatch):
    team(ctx, "ben")
    people = PeopleService(ctx)
    ali = people.create_person(PersonInput(display_name="Ali Demir"))
    consent = people.add_consent(ali, full_consent())
    anna, ben = PostService(ctx), PostService(dataclasses.replace(ctx, user="ben"))
    approved = ready_post(anna, "Freigegeben, noch nicht online")
    live = ready_post(anna, "Schon online")
    untouched = ready_post(anna, "Ohne Ali")
    for post in (approved, live):
        anna.add_person(post, ali)
    ben.approve(approved)
    ben.approve(live)
    anna.mark_published(live)
    seen = {}

    def ask(cls, parent, active, user, preview=None):
        # the real dialog, as the people tab opens it, before the user confirms
        dialog = cls(active, user, parent, preview)
        seen["summary"] = dialog.impact_summary.text()
        seen["rows"] = {
            dialog.impact.topLevelItem(i).text(0): dialog.impact.topLevelItem(i).text(3)
            for i in range(dialog.impact.topLevelItemCount())
        }
        # nothing is written by looking: the approval and the consent are as they were
        seen["status"] = anna.get(approved).status.value
        seen["consent"] = people.get(ali).consents[0].status
        dialog.records.item(0).setCheckState(Qt.CheckState.Unchecked)
        seen["none_chosen"] = dialog.impact_summary.text()
        dialog.deleteLater()
        return None  # cancelled

    monkeypatch.setattr(people_dialogs.WithdrawalDialog, "ask", classmethod(ask))
    people_tab = main_window.tab(PeopleTab)
    main_window.tabs.setCurrentWidget(people_tab)
    assert people_tab.select_person(ali)
    people_tab._on_withdraw()

    assert seen["summary"].startswith("If you record this withdrawal: 2 posts show the person")
    assert "can no longer be published: 1" in seen["summary"]
    assert "published, to take down: 1" in seen["summary"]
    assert "approvals revoked: 1 („Freigegeben, noch nicht online“)" in seen["summary"]
    assert set(seen["rows"]) == {"Freigegeben, noch nicht online", "Schon online"}
    assert seen["rows"]["Freigegeben, noch nicht online"] == (
        "Blockiert – darf nicht veröffentlicht werden · approval is revoked"
    )
    assert "approval" not in seen["rows"]["Schon online"]
    assert (seen["status"], seen["consent"]) == ("approved", "active")
    assert "can no longer be published: 0" in seen["none_chosen"]
    assert "approvals revoked: 0" in seen["none_chosen"]
    # cancelled: still nothing written
    assert anna.get(approved).status.value == "approved"
    assert people.get(ali).consents[0].id == consent
    assert people.get(ali).consents[0].status == "active"
    assert untouched not in {p.post_id for p in people.get(ali).impact.posts}


@pytest.mark.slow
def test_idea_to_post_carries_fields_and_opens_the_existing_post(
    main_window, ctx, recorded_messages
):
    from tikdesk.storage.models import Idea

    with ctx.db.transaction() as s:
        idea = Idea(title="Azubi-Quiz", hook="Wer weiß es?", tags="quiz", sound_ref="Sound 7")
        s.add(idea)
        s.flush()
        idea_id = idea.id
    first = main_window.convert_idea_to_post(idea_id)
    detail = PostService(ctx).get(first)
    assert (detail.caption, detail.hashtags, detail.music_source) == (
        "Wer weiß es?",
        "#quiz",
        "Sound 7",
    )
    tab = main_window.tab(PostsTab)
    assert main_window.tabs.currentWidget() is tab and tab.panel.detail.id == first
    again = main_window.convert_idea_to_post(idea_id)  # the question is answered "yes"
    assert again == first
    assert "bereits" in recorded_messages[-1][2] or "already" in recorded_messages[-1][2]
    assert PostService(ctx).posts_of_idea(idea_id) == [first]
    assert dataclasses.is_dataclass(detail)
