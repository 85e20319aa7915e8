"""The clearance tabs driven like a comms officer would (pytest-qt, real main window)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from clearance_helpers import PostInput, full_consent, guardian, team
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tikdesk.domain.enums import ItemState, PostStatus
from tikdesk.services.people import PeopleService, PersonInput, WithdrawalInput
from tikdesk.services.posts import PostService
from tikdesk.ui.overview.tab import OverviewTab
from tikdesk.ui.people import dialogs as people_dialogs
from tikdesk.ui.people.tab import PeopleTab
from tikdesk.ui.posts import dialogs as post_dialogs
from tikdesk.ui.posts.tab import PostsTab

TODAY = dt.date.today()
PLANNED = dt.datetime.combine(TODAY + dt.timedelta(days=7), dt.time(15, 0))


def birth_for_age(age: int) -> dt.date:
    return dt.date(TODAY.year - age - 1, TODAY.month, 1) + dt.timedelta(days=40)


@pytest.fixture
def ben(ctx):
    """The colleague who writes the posts (and a DSB); the window's user is anna."""
    team(ctx, "ben", dsb=("ben",))
    return PostService(dataclasses.replace(ctx, user="ben"))


def ready_post(posts: PostService, title: str = "Azubi-Tag im Bürgeramt") -> int:
    """A post whose hand-set checklist items are all OK."""
    post_id = posts.create(PostInput(title=title, caption="Erster Tag!", planned_at=PLANNED))
    for item in posts.get(post_id).definition.post_items:
        if not item.derived and not item.applies_when:
            posts.set_item(post_id, item.key, ItemState.OK)
    return post_id


def open_post(window, post_id):
    tab = window.tab(PostsTab)
    window.tabs.setCurrentWidget(tab)
    tab.refresh()
    assert tab.select_post(post_id)
    return tab


def reasons(tab) -> str:
    return "\n".join(tab.panel.reason_texts())


def add_consent_via_dialog(monkeypatch, people_tab, data: full_consent) -> None:
    def fake_ask(parent, initial, minor, title, save, **_registry):
        assert minor  # the dialog offers custodians for a minor
        save(data)
        return True

    monkeypatch.setattr(people_dialogs.ConsentDialog, "ask", staticmethod(fake_ask))
    people_tab.add_consent_button.click()


@pytest.mark.slow
def test_15_year_old_without_custodians_cannot_be_approved_until_all_consents(
    main_window, ctx, ben, monkeypatch, qtbot
):
    people = PeopleService(ctx)
    lea = people.create_person(
        PersonInput(display_name="Lea Kaya", category="apprentice", birth_date=birth_for_age(15))
    )
    post_id = ready_post(ben)
    ben.add_person(post_id, lea, "0:00–0:15 am Schalter")
    ben.submit_for_review(post_id)

    tab = open_post(main_window, post_id)
    panel = tab.panel
    assert panel.approve_button.isVisible()
    assert not panel.approve_button.isEnabled()
    assert "Sorgeberechtigte" in reasons(tab)
    lines = reasons(tab).split("\n")
    assert lines[1].startswith("Lea Kaya: ")  # reasons first: the person, then the rest
    assert lines[-1] == "1 Punkt der Checkliste noch offen"
    assert panel.approve_button.toolTip() == lines[1]  # the disabled button says why
    person_row = panel.people.topLevelItem(0)
    assert person_row.text(0) == "Lea Kaya"
    assert "Fehlt" in person_row.text(1) and "15" in person_row.text(1)

    # the checklist item only exists now that a minor appears; tick it in the panel
    panel.sections.setCurrentWidget(panel.checklist)
    assert panel.checklist.select_key("people.minors_settings")
    panel.checklist.set_state(ItemState.OK)  # selecting a state saves it at once
    assert "Punkt der Checkliste noch offen" not in reasons(tab)

    people_tab = main_window.tab(PeopleTab)
    main_window.tabs.setCurrentWidget(people_tab)
    assert people_tab.select_person(lea)
    add_consent_via_dialog(
        monkeypatch,
        people_tab,
        guardian(people, "Ayşe Kaya", "mother"),
    )
    assert "1 von 2 Sorgeberechtigten" in reasons(tab)
    assert not tab.panel.approve_button.isEnabled()
    add_consent_via_dialog(
        monkeypatch,
        people_tab,
        guardian(people, "Murat Kaya", "father"),
    )
    assert "von 2 Sorgeberechtigten eingewilligt" not in reasons(tab)
    assert "15 Jahre alt: eigene Einwilligung fehlt" in reasons(tab)
    assert not tab.panel.approve_button.isEnabled()
    add_consent_via_dialog(monkeypatch, people_tab, full_consent(role="subject"))

    open_post(main_window, post_id)
    assert tab.panel.approve_button.isEnabled(), reasons(tab)
    assert tab.panel.people.topLevelItem(0).text(1).startswith("Gültig")
    monkeypatch.setattr(
        post_dialogs.ApproveDialog,
        "ask",
        classmethod(lambda cls, parent, title, user: "Alles geprüft"),
    )
    qtbot.mouseClick(tab.panel.approve_button, Qt.MouseButton.LeftButton)
    detail = ben.get(post_id)
    assert detail.status is PostStatus.APPROVED
    assert detail.active_approval.approver == "anna"
    assert "anna" in tab.panel.approval.text() and "Alles geprüft" in tab.panel.approval.text()
    assert not tab.panel.approve_button.isVisible()


@pytest.mark.slow
def test_author_cannot_approve_own_post(main_window, ctx, monkeypatch):
    own = PostService(ctx)  # anna writes it and is the window's user
    post_id = ready_post(own, "Mein eigener Beitrag")
    tab = open_post(main_window, post_id)
    assert own.get(post_id).gate.status.value == "clear"
    assert not tab.panel.approve_button.isEnabled()
    assert "Vier-Augen-Prinzip" in reasons(tab)
    asked = []
    monkeypatch.setattr(
        post_dialogs.ApproveDialog, "ask", classmethod(lambda cls, *a: asked.append(a) or "")
    )
    tab.panel.approve_button.click()  # disabled: nothing happens
    assert not asked and own.get(post_id).status is PostStatus.DRAFT


@pytest.mark.slow
def test_editing_the_caption_after_approval_revokes_it(main_window, ctx, ben, monkeypatch, qtbot):
    post_id = ready_post(ben)
    tab = open_post(main_window, post_id)
    monkeypatch.setattr(
        post_dialogs.ApproveDialog, "ask", classmethod(lambda cls, parent, title, user: "")
    )
    tab.panel.approve_button.click()
    assert ben.get(post_id).status is PostStatus.APPROVED
    assert "Approved by anna" in tab.panel.approval.text()

    form = tab.panel.form
    tab.panel.sections.setCurrentWidget(form)
    form.caption.setFocus()
    form.caption.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(form.caption, " Jetzt bewerben!")
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    detail = ben.get(post_id)
    assert detail.caption == "Erster Tag! Jetzt bewerben!"
    assert detail.status is PostStatus.IN_REVIEW
    assert detail.active_approval is None and detail.approvals[-1].revoked_at is not None
    assert "revoked" in tab.panel.approval.text()
    assert "caption" in tab.panel.approval.text()
    assert tab.panel.approve_button.isVisible() and tab.panel.approve_button.isEnabled()
    status_cell = tab.proxy.index(tab.table.currentIndex().row(), 2).data()
    assert status_cell == PostStatus.IN_REVIEW.label


@pytest.mark.slow
def test_internal_note_is_shown_and_saved_without_revoking(
    main_window, ctx, ben, monkeypatch, qtbot
):
    post_id = ready_post(ben)
    ben.update(post_id, dataclasses.replace(_input_of(ben, post_id), note="Dreh am Montag"))
    tab = open_post(main_window, post_id)
    monkeypatch.setattr(
        post_dialogs.ApproveDialog, "ask", classmethod(lambda cls, parent, title, user: "")
    )
    tab.panel.approve_button.click()
    assert ben.get(post_id).status is PostStatus.APPROVED

    form = tab.panel.form
    tab.panel.sections.setCurrentWidget(form)
    assert form.note.toPlainText() == "Dreh am Montag"
    form.note.setFocus()
    form.note.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(form.note, ", 9 Uhr")
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    detail = ben.get(post_id)
    assert detail.note == "Dreh am Montag, 9 Uhr"
    assert detail.caption == "Erster Tag!"  # the published text is untouched
    assert detail.status is PostStatus.APPROVED  # the note is not part of the approval


def _input_of(posts: PostService, post_id: int) -> PostInput:
    d = posts.get(post_id)
    return PostInput(
        title=d.title,
        caption=d.caption,
        planned_at=d.summary.planned_at,
        checklist_profile=d.summary.checklist_profile,
    )


@pytest.mark.slow
def test_withdrawal_blocks_unpublished_and_flags_published(main_window, ctx, ben, monkeypatch):
    people = PeopleService(ctx)
    ali = people.create_person(PersonInput(display_name="Ali Demir"))
    people.add_consent(ali, full_consent())
    planned = ready_post(ben, "Noch nicht online")
    live = ready_post(ben, "Schon online")
    for post in (planned, live):
        ben.add_person(post, ali)
    anna = PostService(ctx)
    anna.approve(planned)
    anna.approve(live)
    ben.mark_published(live)

    people_tab = main_window.tab(PeopleTab)
    main_window.tabs.setCurrentWidget(people_tab)
    people_tab.refresh()
    assert people_tab.select_person(ali)
    monkeypatch.setattr(
        people_dialogs.WithdrawalDialog,
        "ask",
        classmethod(
            lambda cls, parent, consents, user, **_preview: WithdrawalInput(
                on=TODAY, channel="E-Mail", received_by=user
            )
        ),
    )
    shown = []
    monkeypatch.setattr(
        people_dialogs.ImpactDialog,
        "present",
        classmethod(lambda cls, parent, name, impact: shown.append(impact)),
    )
    people_tab.withdraw_button.click()
    assert len(shown) == 1
    effects = {p.title: p.effect for p in shown[0].posts}
    assert effects == {"Noch nicht online": "blocked", "Schon online": "take_down"}
    impact_rows = [
        people_tab.posts.topLevelItem(i) for i in range(people_tab.posts.topLevelItemCount())
    ]
    assert {r.text(0): r.text(3) for r in impact_rows} == {
        "Noch nicht online": "Blockiert – darf nicht veröffentlicht werden",
        "Schon online": "Veröffentlicht – offline nehmen!",
    }

    tab = open_post(main_window, planned)
    assert ben.get(planned).status is PostStatus.IN_REVIEW  # approval revoked
    assert not tab.panel.approve_button.isEnabled()
    assert not tab.panel.publish_button.isEnabled()
    assert "widerrufen" in reasons(tab)
    assert tab.panel.status.text().endswith("·") and not tab.panel.gate.isHidden()  # status · gate

    tab = open_post(main_window, live)
    assert tab.panel.taken_down_button.isVisible()
    assert "Take the video offline" in reasons(tab)
    row = tab.model.row_of(live)
    assert tab.model.index(row, 1).data() == "Muss offline: Einwilligung"
    overview = main_window.tab(OverviewTab)
    overview.refresh()
    assert overview.take_downs.topLevelItem(0).text(0) == "Schon online"

    monkeypatch.setattr(
        post_dialogs.DateDialog,
        "ask",
        classmethod(lambda cls, parent, title, label: dt.datetime.now()),
    )
    tab.panel.taken_down_button.click()
    assert ben.get(live).status is PostStatus.TAKEN_DOWN
    # the gate of a taken-down post names its status: the head says it once, not twice
    assert not tab.panel.status.text().endswith("·")
    assert tab.panel.gate.isHidden() and tab.panel.gate_icon.isHidden()
    overview.refresh()
    assert overview.take_downs.topLevelItem(0).text(0) == "Nothing to do."


@pytest.mark.slow
def test_warn_item_needs_a_written_reason_to_be_overridden(main_window, ctx, ben):
    post_id = ready_post(ben)
    tab = open_post(main_window, post_id)
    checklist = tab.panel.checklist
    assert checklist.select_key("public.captions")
    assert not checklist.override.isHidden()
    checklist.set_state(ItemState.ISSUE)
    checklist.note.setText("Kontrast knapp")
    checklist.apply_button.click()
    assert not tab.panel.approve_button.isEnabled()
    assert "Untertitel" in reasons(tab)
    assert checklist.select_key("public.captions")
    checklist.override.setText("Text steht zusätzlich in der Beschreibung")
    checklist.apply_button.click()
    assert tab.panel.approve_button.isEnabled()
    assert "Text steht zusätzlich in der Beschreibung" in reasons(tab)
    assert "Prüfbereit mit Warnungen" in tab.panel.gate.text()
    # a BLOCK item has no override field at all
    assert checklist.select_key("rights.music")
    assert checklist.override.isHidden()
    # derived items cannot be ticked
    assert checklist.select_key("people.consent_valid")
    assert not checklist.apply_button.isEnabled()


@pytest.mark.slow
def test_overview_lists_and_opens_a_blocked_post(main_window, ctx, ben):
    post_id = ben.create(
        PostInput(
            title="Bald dran",
            planned_at=dt.datetime.combine(TODAY + dt.timedelta(days=2), dt.time(9)),
        )
    )
    overview = main_window.tab(OverviewTab)
    overview.refresh()
    assert overview.upcoming.topLevelItem(0).text(1) == "Bald dran"
    assert overview.upcoming.topLevelItem(0).text(3).startswith("Offen: ")
    blocked = overview.blocked.topLevelItem(0)
    assert blocked.text(0) == "Bald dran" and "noch offen" in blocked.text(1)
    assert overview.account.topLevelItemCount() == 3
    overview.account.topLevelItem(0).setCheckState(0, Qt.CheckState.Checked)
    assert "anna" in overview.account.topLevelItem(0).text(1)
    assert "ersetzt aber nicht" in overview.notice.text()
    overview._on_activated(overview.blocked.topLevelItem(0), 0)
    assert main_window.tabs.currentWidget() is main_window.tab(PostsTab)
    assert main_window.tab(PostsTab).current_post_id() == post_id


@pytest.mark.slow
def test_convert_idea_to_post_opens_the_new_post(main_window, ctx):
    from tikdesk.storage.models import Idea

    with ctx.db.transaction() as s:
        idea = Idea(title="Blaulicht-Takeover", format="takeover", audience="applicants")
        s.add(idea)
        s.flush()
        idea_id = idea.id
    post_id = main_window.convert_idea_to_post(idea_id)
    tab = main_window.tab(PostsTab)
    assert main_window.tabs.currentWidget() is tab
    assert tab.current_post_id() == post_id
    assert tab.panel.form.title.text() == "Blaulicht-Takeover"
    assert main_window.convert_idea_to_post(9999) is None


@pytest.mark.slow
def test_export_and_erase_a_person_from_the_people_tab(
    main_window, ctx, ben, monkeypatch, tmp_path, recorded_messages
):
    people = PeopleService(ctx)
    pid = people.create_person(PersonInput(display_name="Quirin Zwiebel"))
    people.add_consent(pid, full_consent())
    post_id = ben.create(PostInput(title="Mit Quirin am Hafen"))
    ben.add_person(post_id, pid)
    tab = main_window.tab(PeopleTab)
    tab.refresh()
    assert tab.select_person(pid)
    target = tmp_path / "auskunft.xlsx"
    monkeypatch.setattr(people_dialogs, "ask_export_path", lambda parent, name, *_: target)
    monkeypatch.setattr("tikdesk.ui.people.tab.ask_export_path", lambda parent, name, *_: target)
    tab.export_button.click()
    assert target.exists()
    monkeypatch.setattr(
        "tikdesk.ui.people.tab.confirm_erase", lambda parent, name, n, found=(): True
    )
    tab.erase_button.click()
    assert all(p.id != pid for p in people.list_people())
    assert tab.stack.currentWidget() is tab.empty
    detail = ben.get(post_id)
    assert detail.people[0].label == "Person gelöscht"
    assert detail.title == "Mit [gelöscht] am Hafen"
    assert any("Erased" in text for _kind, _title, text in recorded_messages)
