"""Posts, people and overview services on a real SQLite file."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from clearance_helpers import PostInput, full_consent, guardian, team
from sqlalchemy import text

from tikdesk.domain.checklist import ChecklistError
from tikdesk.domain.consent import ConsentState
from tikdesk.domain.enums import ItemState, PostStatus
from tikdesk.domain.errors import InputRejected, ValidationError
from tikdesk.domain.gate import GateStatus
from tikdesk.services.overview import OverviewService
from tikdesk.services.people import PeopleService, PersonInput, WithdrawalInput
from tikdesk.services.posts import PostService

TODAY = dt.date.today()
IN_10_DAYS = dt.datetime.combine(TODAY + dt.timedelta(days=10), dt.time(14, 0))
NAME = "Quirinus Zwiebelfeld"


def as_user(ctx, user):
    return dataclasses.replace(ctx, user=user)


def tick_all(service: PostService, post_id: int, *, minors: bool = False) -> None:
    detail = service.get(post_id)
    for item in detail.definition.post_items:
        if item.derived or (
            item.applies_when and not (minors and item.applies_when == "minor_present")
        ):
            continue
        service.set_item(post_id, item.key, ItemState.OK)


def birth_for_age(age: int) -> dt.date:
    return dt.date(TODAY.year - age - 1, TODAY.month, 1) + dt.timedelta(days=40)


@pytest.fixture
def posts(ctx):
    team(ctx, "ben")  # anna holds every role (first account); ben may approve
    return PostService(ctx)


@pytest.fixture
def people(ctx):
    return PeopleService(ctx)


@pytest.fixture
def post_id(posts):
    return posts.create(
        PostInput(title="Ein Tag im Bürgeramt", caption="Wir zeigen euch …", planned_at=IN_10_DAYS)
    )


def adult(people, name="Ali Demir", **consent):
    pid = people.create_person(PersonInput(display_name=name))
    people.add_consent(pid, full_consent(**consent))
    return pid


# ----------------------------------------------------------------------------- posts


def test_create_sets_author_status_and_audit(ctx, posts, post_id):
    detail = posts.get(post_id)
    assert detail.summary.author == "anna"
    assert detail.status is PostStatus.DRAFT
    assert detail.gate.blocked
    assert [h.action for h in detail.history] == ["created"]
    with pytest.raises(ValidationError) as info:
        posts.create(PostInput(title="   "))
    assert info.value.field == "title"


@pytest.mark.slow
def test_create_from_idea_keeps_link_and_copies_fields(ctx, posts):
    from tikdesk.storage.models import Idea

    with ctx.db.transaction() as s:
        idea = Idea(
            title="Azubi-Takeover",
            format="takeover",
            audience="applicants",
            target_date=TODAY + dt.timedelta(days=3),
        )
        s.add(idea)
        s.flush()
        idea_id = idea.id
    new_id = posts.create_from_idea(idea_id)
    detail = posts.get(new_id)
    assert detail.summary.idea_id == idea_id
    assert (detail.title, detail.format, detail.audience) == (
        "Azubi-Takeover",
        "takeover",
        "applicants",
    )
    assert detail.summary.planned_at.date() == TODAY + dt.timedelta(days=3)
    with pytest.raises(InputRejected):
        posts.create_from_idea(99999)


@pytest.mark.slow
def test_minor_without_custodians_blocks_until_both_and_own_consent(ctx, posts, people, post_id):
    lea = people.create_person(
        PersonInput(display_name="Lea Kaya", category="apprentice", birth_date=birth_for_age(15))
    )
    people.add_consent(lea, full_consent())  # her own
    posts.add_person(post_id, lea, "am Schalter")
    tick_all(posts, post_id, minors=True)
    ben = PostService(as_user(ctx, "ben"))
    detail = ben.get(post_id)
    assert detail.people[0].assessment.state is ConsentState.MINOR_CUSTODIANS_MISSING
    assert not detail.can_approve
    assert any("0 von 2 Sorgeberechtigten" in r for r in detail.approve_blockers)
    with pytest.raises(InputRejected, match="Sorgeberechtigten"):
        ben.approve(post_id)
    people.add_consent(lea, guardian(people, "Ayşe Kaya", "mother"))
    assert not ben.get(post_id).can_approve
    people.add_consent(lea, guardian(people, "Murat Kaya", "father"))
    detail = ben.get(post_id)
    assert detail.gate.status is GateStatus.CLEAR, detail.approve_blockers
    assert detail.can_approve
    ben.approve(post_id, "passt")
    detail = ben.get(post_id)
    assert detail.status is PostStatus.APPROVED
    assert detail.active_approval.approver == "ben"


@pytest.mark.slow
def test_author_cannot_approve_own_post(ctx, posts, post_id):
    tick_all(posts, post_id)
    detail = posts.get(post_id)
    assert detail.gate.status is GateStatus.CLEAR
    assert not detail.can_approve
    assert "Vier-Augen-Prinzip" in detail.approve_blockers[0]
    with pytest.raises(InputRejected, match="Vier-Augen"):
        posts.approve(post_id)
    # case and spaces do not fool the check
    with pytest.raises(InputRejected, match="Vier-Augen"):
        PostService(as_user(ctx, " Anna ")).approve(post_id)


def _approved(ctx, posts, post_id):
    tick_all(posts, post_id)
    PostService(as_user(ctx, "ben")).approve(post_id)
    assert posts.get(post_id).status is PostStatus.APPROVED


@pytest.mark.slow
def test_caption_edit_after_approval_revokes_it(ctx, posts, post_id):
    _approved(ctx, posts, post_id)
    detail = posts.get(post_id)
    form = PostInput(title=detail.title, caption="Neuer Text", planned_at=IN_10_DAYS)
    assert posts.update(post_id, form, detail.version) is True
    detail = posts.get(post_id)
    assert detail.status is PostStatus.IN_REVIEW
    assert detail.active_approval is None
    assert detail.approvals[-1].revoked_at is not None
    assert "caption" in detail.approvals[-1].revoked_reason
    actions = [h.action for h in detail.history]
    assert actions[-3:] == ["content_changed", "approval_revoked", "status_changed"]
    # the caption text itself is not in the audit log
    assert not any("Neuer Text" in h.text for h in detail.history)


@pytest.mark.slow
@pytest.mark.parametrize("change", ["checklist", "appearance", "scene"])
def test_checklist_or_people_change_after_approval_revokes(ctx, posts, people, post_id, change):
    pid = adult(people)
    posts.add_person(post_id, pid)
    _approved(ctx, posts, post_id)
    if change == "checklist":
        posts.set_item(post_id, "public.captions", ItemState.OPEN)
    elif change == "appearance":
        posts.add_person(post_id, adult(people, "Bea Berg"))
    else:
        posts.set_scene_note(posts.get(post_id).people[0].appearance_id, "neue Szene")
    detail = posts.get(post_id)
    assert detail.status is PostStatus.IN_REVIEW and detail.active_approval is None


def test_stale_version_is_refused(posts, post_id):
    detail = posts.get(post_id)
    posts.update(post_id, PostInput(title="A", planned_at=IN_10_DAYS), detail.version)
    with pytest.raises(InputRejected, match="inzwischen"):
        posts.update(post_id, PostInput(title="B", planned_at=IN_10_DAYS), detail.version)


def test_checklist_rules(posts, post_id):
    with pytest.raises(InputRejected, match="berechnet"):
        posts.set_item(post_id, "people.consent_valid", ItemState.OK)
    with pytest.raises(ValidationError):
        posts.set_item(post_id, "rights.music", ItemState.OPEN, override_reason="egal")
    with pytest.raises(InputRejected):
        posts.set_item(post_id, "police.no_tactics", ItemState.OK)  # not in "general"
    posts.set_item(
        post_id,
        "public.captions",
        ItemState.ISSUE,
        note="Kontrast",
        override_reason="Nur Musik, kein Text im Bild",
    )
    detail = posts.get(post_id)
    evaluated = detail.gate.item("public.captions")
    assert evaluated.overridden and evaluated.result.set_by == "anna"
    assert evaluated.result.set_at is not None
    event = detail.history[-1]
    assert event.action == "checklist_set"
    assert event.text.startswith("Untertitel geprüft, ausreichender Kontrast: Offen → Problem")
    assert "Nur Musik" in event.text
    # the same value again is no change → no audit event
    posts.set_item(
        post_id,
        "public.captions",
        ItemState.ISSUE,
        note="Kontrast",
        override_reason="Nur Musik, kein Text im Bild",
    )
    assert len(posts.get(post_id).history) == len(detail.history)


@pytest.mark.slow
def test_publish_and_take_down_workflow(ctx, posts, post_id):
    with pytest.raises(InputRejected, match="Noch nicht freigegeben"):
        posts.mark_published(post_id)
    _approved(ctx, posts, post_id)
    posts.mark_published(post_id, video_link="https://www.tiktok.com/@stadt/video/1")
    detail = posts.get(post_id)
    assert detail.status is PostStatus.PUBLISHED and detail.video_link.endswith("/1")
    with pytest.raises(InputRejected, match="veröffentlicht"):
        posts.set_item(post_id, "public.captions", ItemState.OPEN)
    with pytest.raises(InputRejected):
        posts.update(post_id, PostInput(title="Anders", planned_at=IN_10_DAYS))
    posts.mark_taken_down(post_id)
    assert posts.get(post_id).status is PostStatus.TAKEN_DOWN


@pytest.mark.slow
def test_publish_is_refused_when_consent_expired_after_approval(ctx, posts, people, post_id):
    pid = adult(people, valid_until=TODAY + dt.timedelta(days=30))
    posts.add_person(post_id, pid)
    _approved(ctx, posts, post_id)
    later = TODAY + dt.timedelta(days=40)
    detail = posts.get(post_id, today=later)
    assert not detail.can_publish
    assert any("gilt nur bis" in r for r in detail.publish_blockers)


# ----------------------------------------------------------------------------- withdrawal


@pytest.mark.slow
def test_withdrawal_blocks_unpublished_and_flags_published(ctx, posts, people):
    pid = adult(people)
    draft = posts.create(PostInput(title="Draft", planned_at=IN_10_DAYS))
    approved = posts.create(PostInput(title="Approved", planned_at=IN_10_DAYS))
    live = posts.create(PostInput(title="Live", planned_at=IN_10_DAYS))
    for post in (draft, approved, live):
        posts.add_person(post, pid)
    for post in (approved, live):
        _approved(ctx, posts, post)
    posts.mark_published(live)
    assert posts.get(draft).gate.item("people.no_withdrawn").state is ItemState.OK

    impact = people.record_withdrawal(
        pid, WithdrawalInput(on=TODAY, channel="E-Mail", received_by="anna")
    )
    effects = {p.title: p.effect for p in impact.posts}
    assert effects == {"Draft": "blocked", "Approved": "blocked", "Live": "take_down"}
    assert impact.approvals_revoked == 1 and impact.take_down == 1
    assert posts.get(draft).gate.item("people.no_withdrawn").state is ItemState.ISSUE
    assert posts.get(approved).status is PostStatus.IN_REVIEW
    live_summary = next(p for p in posts.list_posts() if p.id == live)
    assert live_summary.take_down
    assert [p.id for p in OverviewService(ctx).overview().take_downs] == [live]

    posts.mark_taken_down(live)
    assert people.impact(pid).take_down == 0
    assert {p.title: p.effect for p in people.impact(pid).posts}["Live"] == "taken_down"
    assert not OverviewService(ctx).overview().take_downs


def test_withdrawal_needs_channel_and_receiver(people):
    pid = adult(people)
    with pytest.raises(ValidationError) as info:
        people.record_withdrawal(pid, WithdrawalInput(on=TODAY, channel="", received_by="a"))
    assert info.value.field == "channel"


# ----------------------------------------------------------------------------- people


def test_consent_validation(people):
    pid = people.create_person(PersonInput(display_name="Max"))
    with pytest.raises(ValidationError) as info:
        people.add_consent(pid, full_consent(platforms=frozenset()))
    assert info.value.field == "platforms"
    with pytest.raises(ValidationError) as info:
        people.add_consent(pid, full_consent(form="other"))
    assert info.value.field == "form_reason"
    with pytest.raises(ValidationError) as info:
        people.add_consent(
            pid, full_consent(valid_from=TODAY, valid_until=TODAY - dt.timedelta(days=1))
        )
    assert info.value.field == "valid_until"
    with pytest.raises(ValidationError) as info:
        people.add_consent(pid, guardian(people, "X", "mother"))
    assert info.value.field == "role"
    with pytest.raises(ValidationError) as info:
        people.create_person(PersonInput(display_name="Kind", is_minor=True))
    assert info.value.field == "birth_date"


@pytest.mark.slow
def test_consent_record_round_trip_holds_every_field(people):
    pid = people.create_person(
        PersonInput(display_name="Lea", birth_date=birth_for_age(15), contact="lea@example.org")
    )
    data = guardian(people, "Ayşe Kaya", "mother")._replace(
        custodian_name="Ayşe Kaya",
        platforms=frozenset({"tiktok", "instagram"}),
        purposes=frozenset({"recruiting"}),
        shown_as=frozenset({"face", "voice"}),
        valid_from=TODAY,
        valid_until=TODAY + dt.timedelta(days=365),
        review_on=TODAY + dt.timedelta(days=180),
        form="electronic",
        document_ref="Az. 12-3/2026, Personalakte",
        text_version="v3",
        art13_version="2026-01",
        no_disadvantage_confirmed=True,
        collected_by="anna",
        collected_on=TODAY,
        collected_place="Rathaus",
    )
    cid = people.add_consent(pid, data)
    detail = people.get(pid)
    assert detail.summary.minor and detail.summary.age == 15
    assert detail.consents[0].id == cid and detail.consents[0].as_input() == data
    assert detail.consents[0].status == "active"
    people.update_consent(cid, data._replace(text_version="v4"))
    assert people.get(pid).consents[0].text_version == "v4"
    people.delete_consent(cid)
    assert people.get(pid).consents == ()


def test_audit_never_holds_names(ctx, posts, people, post_id):
    pid = people.create_person(
        PersonInput(display_name=NAME, contact="q@example.org", birth_date=birth_for_age(15))
    )
    cid = people.add_consent(
        pid,
        guardian(people, "Hildegard Zwiebelfeld", "mother"),
    )
    people.update_person(
        pid,
        PersonInput(
            display_name=NAME + " Jr", contact="x@example.org", birth_date=birth_for_age(15)
        ),
    )
    people.update_consent(
        cid,
        guardian(people, "Hilde Zwiebelfeld", "mother"),
    )
    posts.add_person(post_id, pid, f"{NAME} am Schalter")
    people.record_withdrawal(
        pid, WithdrawalInput(on=TODAY, channel="Brief", received_by="anna", note="Video gelöscht")
    )
    with ctx.db.reader() as s:
        rows = s.execute(text("SELECT actor, action, old_value, new_value FROM audit_event"))
        dump = " ".join(" ".join(map(str, r)) for r in rows)
    assert "person_created" in dump and "consent_withdrawn" in dump
    for word in ("Quirinus", "Zwiebelfeld", "Hildegard", "example.org"):
        assert word not in dump


@pytest.mark.parametrize(
    "sql", ["UPDATE audit_event SET actor = 'mallory'", "DELETE FROM audit_event"]
)
def test_audit_log_is_append_only(ctx, posts, post_id, sql):
    from sqlalchemy.exc import DatabaseError as SADatabaseError

    with pytest.raises(SADatabaseError, match="append-only"), ctx.db.engine.begin() as conn:
        conn.execute(text(sql))
    with ctx.db.reader() as s:
        actors = s.execute(text("SELECT actor FROM audit_event")).scalars().all()
        assert set(actors) == {"anna"} and "mallory" not in actors


def _file_bytes(db_path):
    wal = db_path.with_name(db_path.name + "-wal")
    return db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


@pytest.mark.slow
@pytest.mark.sqlite_only("reads the SQLite file's bytes; on a server VACUUM and WAL are IT's")
def test_erasure_leaves_no_trace_of_the_name_in_the_file(ctx, posts, people, post_id, db_path):
    pid = people.create_person(
        PersonInput(
            display_name=NAME,
            contact="quirinus@example.org",
            birth_date=birth_for_age(16),
            sole_custody_note="Beschluss AG Musterstadt",
        )
    )
    people.add_consent(pid, full_consent(collected_by="anna", collected_place="Rathaus"))
    people.add_consent(
        pid,
        guardian(people, "Gertrud Kornblume", "mother"),  # a registry person of her own
    )
    posts.add_person(post_id, pid, "Quirinus am Schalter")
    detail = posts.get(post_id)
    posts.update(
        post_id,
        dataclasses.replace(
            PostInput(
                title="Quirinus zeigt das Bürgeramt",
                caption="Mit Quirinus Zwiebelfeld!",
                planned_at=IN_10_DAYS,
            )
        ),
        detail.version,
    )
    posts.set_item(post_id, "public.captions", ItemState.OPEN, note="Untertitel nennen Zwiebelfeld")
    for _ in range(3):  # several page versions in the WAL
        people.update_person(
            pid,
            PersonInput(
                display_name=NAME, contact="quirinus@example.org", birth_date=birth_for_age(16)
            ),
        )
    people.export_person(pid, db_path.parent / "auskunft.xlsx")
    before = _file_bytes(db_path)
    assert b"Zwiebelfeld" in before  # the test can see the name when it is there

    result = people.erase_person(pid)
    assert result.consents_deleted == 2 and result.posts_anonymised == 1
    assert result.texts_pseudonymised >= 3

    after = _file_bytes(db_path)
    for word in ("Quirinus", "Zwiebelfeld", "quirinus@example", "Musterstadt"):
        assert word.encode() not in after, word
        assert word.encode("utf-16-le") not in after, word
    detail = posts.get(post_id)
    assert detail.people[0].label == "Person gelöscht" and detail.people[0].erased
    assert detail.people[0].assessment.state is ConsentState.ERASED
    assert detail.title == "[gelöscht] zeigt das Bürgeramt"
    assert detail.caption == "Mit [gelöscht]!"
    assert all(p.id != pid for p in people.list_people())
    with pytest.raises(InputRejected):
        people.get(pid)
    with ctx.db.reader() as s:
        actions = (
            s.execute(text("SELECT action FROM audit_event WHERE person_id = :p"), {"p": pid})
            .scalars()
            .all()
        )
    assert "person_erased" in actions and "person_created" in actions


@pytest.mark.slow
def test_export_person_writes_every_sheet(ctx, people, posts, post_id, tmp_path):
    from openpyxl import load_workbook

    pid = people.create_person(PersonInput(display_name='=HYPERLINK("x")', contact="+49 170 123"))
    people.add_consent(pid, full_consent(document_ref="@Ordner 3", text_version="v2"))
    posts.add_person(post_id, pid, "Intro")
    path = people.export_person(pid, tmp_path / "export")
    assert path.suffix == ".xlsx" and path.exists()
    book = load_workbook(path)
    assert book.sheetnames == ["Person", "Einwilligungen", "Beiträge", "Protokoll"]
    person = book["Person"]
    values = [c.value for row in person.iter_rows() for c in row if c.value is not None]
    assert '=HYPERLINK("x")' in values and person["B5"].data_type == "s"
    assert "+49 170 123" in values
    consents = [[c.value for c in row] for row in book["Einwilligungen"].iter_rows()]
    assert "@Ordner 3" in consents[1] and "v2" in consents[1]
    posts_rows = [[c.value for c in row] for row in book["Beiträge"].iter_rows()]
    assert posts_rows[1][1] == "Ein Tag im Bürgeramt"
    assert book["Protokoll"].max_row >= 3
    with ctx.db.reader() as s:
        assert (
            s.execute(
                text("SELECT count(*) FROM audit_event WHERE action='person_exported'")
            ).scalar()
            == 1
        )


# ----------------------------------------------------------------------------- overview


@pytest.mark.slow
def test_overview_lists_what_needs_attention(ctx, posts, people):
    soon = posts.create(
        PostInput(
            title="Soon", planned_at=dt.datetime.combine(TODAY + dt.timedelta(days=2), dt.time(9))
        )
    )
    posts.submit_for_review(soon)
    later = posts.create(
        PostInput(
            title="Later", planned_at=dt.datetime.combine(TODAY + dt.timedelta(days=60), dt.time(9))
        )
    )
    expiring = adult(people, "Eva Ende", valid_until=TODAY + dt.timedelta(days=12))
    adult(people, "Olaf Ok", valid_until=TODAY + dt.timedelta(days=90))
    teen = people.create_person(
        PersonInput(display_name="Tom Teen", birth_date=_birth_turning_18_in(TODAY, 5))
    )
    people.create_person(
        PersonInput(display_name="Alt Akte", retention_until=TODAY - dt.timedelta(days=1))
    )
    view = OverviewService(ctx).overview(TODAY)
    assert [p.id for p in view.upcoming] == [soon]
    assert [p.id for p in view.blocked] == [soon]
    assert view.blocked[0].blockers and later not in [p.id for p in view.blocked]
    assert [(e.person_id, e.days_left) for e in view.expiring] == [(expiring, 12)]
    assert [(t.person_id, t.days_left) for t in view.turning_18] == [(teen, 5)]
    assert [d.display_name for d in view.due_deletions] == ["Alt Akte"]
    keys = [a.key for a in view.account]
    assert keys == ["account.imprint_privacy", "account.usage_concept", "account.separate_device"]
    assert not any(a.done for a in view.account)
    OverviewService(ctx).set_account_check("account.imprint_privacy", True)
    first = OverviewService(ctx).overview(TODAY).account[0]
    assert first.done and first.done_by == "anna"
    assert "ersetzt aber nicht" in view.notice


def _birth_turning_18_in(today: dt.date, days: int) -> dt.date:
    birthday = today + dt.timedelta(days=days)
    if (birthday.month, birthday.day) == (2, 29):
        birthday += dt.timedelta(days=1)
    return birthday.replace(year=birthday.year - 18)


def test_broken_organisation_checklist_names_file_and_line(ctx, tmp_path):
    folder = tmp_path / "org"
    folder.mkdir()
    (folder / "general.toml").write_text('[profile]\nlabel_de = "x\n', encoding="utf-8")
    broken = dataclasses.replace(ctx, checklist_dir=folder)
    PostService(ctx).create(PostInput(title="A"))
    with pytest.raises(ChecklistError, match=r"general\.toml, Zeile 2"):
        PostService(broken).list_posts()


@pytest.mark.slow
def test_demo_filler_shows_every_clearance_state_and_runs_once(ctx):
    from tikdesk.demo.clearance import fill_clearance

    fill_clearance(ctx)
    fill_clearance(ctx)  # idempotent
    posts = PostService(ctx).list_posts()
    assert len(posts) == 8
    assert {p.gate for p in posts if not p.closed} == set(GateStatus)
    assert any(p.take_down for p in posts)
    states = {p.assessment.state for p in PeopleService(ctx).list_people()}
    assert {
        ConsentState.VALID,
        ConsentState.WITHDRAWN,
        ConsentState.NOT_IN_SCOPE,
        ConsentState.MINOR_CUSTODIANS_MISSING,
    } <= states
    view = OverviewService(ctx).overview()
    assert view.upcoming and view.blocked and view.expiring and view.turning_18
    assert view.due_deletions and view.take_downs
