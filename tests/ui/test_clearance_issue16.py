"""Issue 16: identity and roles, approvals that follow every change, take-down flags, reasons
first, the checklist by section, idea → post and ``export-clearance`` — on real SQLite files."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt

import pytest
from clearance_helpers import PostInput, full_consent, guardian, team
from sqlalchemy import text

from tikdesk.domain.enums import ItemState, PostStatus, Role
from tikdesk.domain.errors import InputRejected
from tikdesk.services.people import PeopleService, PersonInput, WithdrawalInput
from tikdesk.services.posts import PostService
from tikdesk.services.roles import RoleService

TODAY = dt.date.today()
IN_10_DAYS = dt.datetime.combine(TODAY + dt.timedelta(days=10), dt.time(14, 0))


def as_user(ctx, user, label=""):
    return dataclasses.replace(ctx, user=user, label=label)


def tick_all(service: PostService, post_id: int) -> None:
    for item in service.get(post_id).definition.post_items:
        if not item.derived and not item.applies_when:
            service.set_item(post_id, item.key, ItemState.OK)


@pytest.fixture
def anna(ctx):
    team(ctx, "ben")  # anna: every role (first account); ben: approver
    return PostService(ctx)


@pytest.fixture
def ben(ctx, anna):
    return PostService(as_user(ctx, "ben"))


@pytest.fixture
def people(ctx):
    return PeopleService(ctx)


def ready(anna, people, **post):
    """A post by anna with Ali (consent fits), every hand-set item OK."""
    ali = people.create_person(PersonInput(display_name="Ali Demir"))
    people.add_consent(ali, full_consent())
    post_id = anna.create(PostInput(title="Ein Tag im Bürgeramt", planned_at=IN_10_DAYS, **post))
    anna.add_person(post_id, ali, "Intro")
    tick_all(anna, post_id)
    return post_id, ali


# ----------------------------------------------------------------------------- identity, roles


@pytest.mark.slow
def test_first_account_gets_every_role_audited_and_only_a_dsb_grants(ctx):
    roles = RoleService(ctx)
    assert roles.mine() == {Role.EDITOR, Role.APPROVER, Role.DSB}
    with ctx.db.reader() as s:
        events = s.execute(text("SELECT actor, action FROM audit_event")).all()
    assert ("anna", "roles_bootstrapped") in events
    ben = RoleService(as_user(ctx, "ben"))
    assert ben.mine() == frozenset()  # no second bootstrap
    with pytest.raises(InputRejected, match="DSB"):
        ben.grant("ben", Role.DSB)
    assert roles.grant("ben", Role.APPROVER)
    assert ben.mine() == {Role.APPROVER}
    with pytest.raises(InputRejected, match="letzte DSB-Konto"):
        roles.revoke("anna", Role.DSB)
    with ctx.db.reader() as s:
        actions = s.execute(text("SELECT action FROM audit_event")).scalars().all()
    assert "role_granted" in actions


@pytest.mark.slow
def test_the_author_cannot_approve_whatever_display_name_she_types(ctx, anna, people):
    post_id, _ = ready(anna, people)
    retyped = PostService(as_user(ctx, "anna", label="Ben Beispiel"))
    detail = retyped.get(post_id)
    assert not detail.can_approve
    assert detail.approve_blockers[0].startswith("Vier-Augen-Prinzip: Ihr Konto (anna)")
    with pytest.raises(InputRejected, match="Vier-Augen"):
        retyped.approve(post_id)


@pytest.mark.slow
def test_approving_needs_the_approver_role(ctx, anna, people):
    post_id, _ = ready(anna, people)
    with pytest.raises(InputRejected, match="Rolle „Freigabe“"):
        PostService(as_user(ctx, "carla")).approve(post_id)
    assert anna.get(post_id).status is PostStatus.DRAFT


@pytest.mark.slow
def test_only_a_dsb_sets_the_dsb_exception_and_who_is_recorded(ctx, anna, ben):
    post_id = anna.create(PostInput(title="Beiwerk"))
    with pytest.raises(InputRejected, match="DSB"):
        ben.set_item(post_id, "people.exception_dsb", ItemState.OK)
    assert anna.get(post_id).gate.item("people.exception_dsb").state is ItemState.OPEN
    anna.set_item(post_id, "people.exception_dsb", ItemState.OK, note="Beiwerk, DSB geprüft")
    result = anna.get(post_id).gate.item("people.exception_dsb").result
    assert result.set_by == "anna" and result.set_at is not None


@pytest.mark.slow
def test_approval_records_account_label_and_fingerprint_shown_in_history(ctx, anna, people):
    post_id, _ = ready(anna, people)
    PostService(as_user(ctx, "ben", label="Ben Beispiel")).approve(post_id, "ok")
    detail = anna.get(post_id)
    approval = detail.active_approval
    assert (approval.approver, approval.approver_label) == ("ben", "Ben Beispiel")
    assert len(approval.fingerprint) == 64
    texts = [h.text for h in detail.history if h.action == "approved"]
    assert texts == [f"Freigegeben von ben (Fingerabdruck {approval.fingerprint[:16]})"]


# ----------------------------------------------------------------------------- revocations


CHANGES = {
    "person": lambda people, posts, post_id, ali: people.update_person(
        ali, PersonInput(display_name="Ali Demir", category="citizen")
    ),
    "consent edited": lambda people, posts, post_id, ali: people.update_consent(
        people.get(ali).consents[0].id, full_consent(valid_until=TODAY + dt.timedelta(days=400))
    ),
    "consent deleted": lambda people, posts, post_id, ali: people.delete_consent(
        people.get(ali).consents[0].id
    ),
    "consent withdrawn": lambda people, posts, post_id, ali: people.record_withdrawal(
        ali, WithdrawalInput(on=TODAY, channel="E-Mail", received_by="anna")
    ),
    "depiction": lambda people, posts, post_id, ali: posts.set_shown_as(
        posts.get(post_id).people[0].appearance_id, frozenset({"face", "name"})
    ),
    "checklist": lambda people, posts, post_id, ali: posts.set_item(
        post_id, "public.captions", ItemState.OPEN
    ),
    "planned date": lambda people, posts, post_id, ali: posts.update(
        post_id, PostInput(title="Ein Tag im Bürgeramt", planned_at=IN_10_DAYS + dt.timedelta(1))
    ),
    "caption": lambda people, posts, post_id, ali: posts.update(
        post_id, PostInput(title="Ein Tag im Bürgeramt", planned_at=IN_10_DAYS, caption="Neu")
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("change", list(CHANGES))
def test_every_change_revokes_the_approval_with_its_reason(ctx, anna, ben, people, change):
    post_id, ali = ready(anna, people)
    ben.approve(post_id)
    assert anna.get(post_id).status is PostStatus.APPROVED
    CHANGES[change](people, anna, post_id, ali)
    detail = anna.get(post_id)
    assert detail.status is PostStatus.IN_REVIEW, change
    assert detail.active_approval is None
    assert detail.approvals[-1].revoked_reason
    assert any(h.action == "approval_revoked" for h in detail.history)


# ----------------------------------------------------------------------------- take-down


def published(anna, ben, people, **consent):
    ali = people.create_person(PersonInput(display_name="Ali Demir"))
    people.add_consent(ali, full_consent(**consent))
    post_id = anna.create(PostInput(title="Live"))  # undated: checked for today
    anna.add_person(post_id, ali)
    tick_all(anna, post_id)
    ben.approve(post_id)
    ben.mark_published(post_id)
    return post_id, ali


@pytest.mark.slow
def test_expiry_after_publication_flags_the_post_until_it_is_marked_taken_down(
    ctx, anna, ben, people
):
    post_id, ali = published(anna, ben, people)
    assert not anna.get(post_id).summary.take_down
    consent = people.get(ali).consents[0]
    with ctx.db.transaction() as s:  # the consent ended yesterday (as time passes)
        s.execute(
            text("UPDATE consent SET valid_until = :d WHERE id = :i"),
            {"d": TODAY - dt.timedelta(days=1), "i": consent.id},
        )
    summary = anna.get(post_id).summary
    assert summary.take_down and "Ali Demir" in summary.take_down_reasons[0]
    assert summary.gate_text == "Muss offline: Einwilligung"
    assert [t.id for t in anna_overview_take_downs(ctx)] == [post_id]
    anna.mark_taken_down(post_id)
    assert not anna.get(post_id).summary.take_down


def anna_overview_take_downs(ctx):
    from tikdesk.services.overview import OverviewService

    return OverviewService(ctx).overview().take_downs


@pytest.mark.slow
def test_consent_ending_within_14_days_flags_ahead_with_the_date(ctx, anna, ben, people):
    end = TODAY + dt.timedelta(days=5)
    post_id, _ = published(anna, ben, people, valid_until=end)
    summary = anna.get(post_id).summary
    assert summary.take_down
    day = (end + dt.timedelta(days=1)).strftime("%d.%m.%Y")
    assert summary.take_down_reasons == (
        f"Ali Demir: Einwilligung endet am {day} – Video bis dahin offline nehmen",
    )


@pytest.mark.slow
def test_withdrawal_impact_is_read_after_the_withdrawal_is_written(ctx, anna, ben, people):
    post_id, ali = ready(anna, people)
    _other, _ = published(anna, ben, people)
    impact = people.record_withdrawal(
        ali, WithdrawalInput(on=TODAY, channel="E-Mail", received_by="anna")
    )
    assert impact.blocked == 1 and [p.post_id for p in impact.posts] == [post_id]


# ----------------------------------------------------------------------------- reasons first


@pytest.mark.slow
def test_blocked_15_year_old_puts_the_consent_reason_first(ctx, anna, people):
    lea = people.create_person(
        PersonInput(
            display_name="Lea Kaya",
            category="apprentice",
            birth_date=TODAY.replace(year=TODAY.year - 15) - dt.timedelta(days=30),
        )
    )
    people.add_consent(lea, full_consent())
    people.add_consent(lea, guardian(people, "Ayşe Kaya"))
    post_id = anna.create(PostInput(title="Azubi-Tag", planned_at=IN_10_DAYS))
    anna.add_person(post_id, lea)
    detail = PostService(as_user(ctx, "ben")).get(post_id)
    assert detail.approve_blockers[0].startswith("Lea Kaya: minderjährig (15 Jahre): 1 von 2")
    assert detail.approve_blockers[-1].endswith("Punkte der Checkliste noch offen")
    assert len(detail.approve_blockers) == 2
    assert detail.first_open_item == detail.gate.blockers[-1].item_key or detail.first_open_item
    summary = anna.get(post_id).summary
    assert summary.gate_text == "Blockiert: Einwilligung"


def test_posts_list_says_open_items_when_only_the_checklist_is_open(anna):
    post_id = anna.create(PostInput(title="Ohne Personen"))
    summary = next(p for p in anna.list_posts() if p.id == post_id)
    assert summary.gate_text == f"Offen: {summary.open_items} Punkte" and summary.open_items > 5


@pytest.mark.slow
def test_section_all_in_order_sets_only_manual_items_each_audited(ctx, anna, people):
    post_id, _ = ready(anna, people)
    for item in anna.get(post_id).definition.post_items:
        if item.section == "people" and not item.derived and not item.applies_when:
            anna.set_item(post_id, item.key, ItemState.OPEN)
    listed = anna.section_items_to_confirm(post_id, "people")
    keys = [k for k, _ in listed]
    assert "people.listed" in keys
    assert "people.consent_valid" not in keys and "people.exception_dsb" not in keys
    with ctx.db.reader() as s:
        before = s.execute(text("SELECT count(*) FROM audit_event")).scalar()
    assert anna.set_section_ok(post_id, "people") == keys
    gate = anna.get(post_id).gate
    assert all(gate.item(k).state is ItemState.OK for k in keys)
    assert gate.item("people.exception_dsb").state is ItemState.OPEN
    with ctx.db.reader() as s:
        new = (
            s.execute(
                text("SELECT new_value FROM audit_event WHERE id > (SELECT :n)"), {"n": before}
            )
            .scalars()
            .all()
        )
    assert [n.split(":")[0] for n in new if n.endswith(": ok")] == keys


# ----------------------------------------------------------------------------- idea → post


def test_idea_to_post_carries_fields_sets_in_production_and_opens_existing(ctx, anna):
    from tikdesk.storage.models import Idea

    with ctx.db.transaction() as s:
        idea = Idea(
            title="Azubi-Takeover",
            hook="Drei Sekunden: Stempel!",
            description="Lea zeigt ihren Tag.",
            tags="ausbildung, verwaltung",
            sound_ref="Trend-Sound 42",
        )
        s.add(idea)
        s.flush()
        idea_id = idea.id
    post_id = anna.create_from_idea(idea_id)
    detail = anna.get(post_id)
    assert detail.caption == "Drei Sekunden: Stempel!\n\nLea zeigt ihren Tag."
    assert detail.hashtags == "#ausbildung #verwaltung"
    assert detail.music_source == "Trend-Sound 42"
    with ctx.db.reader() as s:
        assert s.get(Idea, idea_id).status == "in_production"
    assert anna.create_from_idea(idea_id) == post_id  # no silent second post
    second = anna.create_from_idea(idea_id, another=True)
    assert second != post_id and anna.posts_of_idea(idea_id) == [post_id, second]


# ----------------------------------------------------------------------------- people


def test_new_people_need_a_confirmed_age_and_earlier_adults_are_marked(ctx, people, db_path):
    with pytest.raises(Exception, match="Volljährigkeit bestätigen"):
        people.create_person(PersonInput(display_name="Unbekannt", age_state="unknown"))
    with ctx.db.transaction() as s:  # as migration 0002 leaves a person of an earlier version
        s.execute(
            text(
                "INSERT INTO person (display_name, category, is_minor, contact, "
                "sole_custody_note, created_at, updated_at, version, age_state, "
                "own_consent_early) VALUES ('Alt', 'employee', 0, '', '', :t, :t, 1, "
                "'adult_migrated', 0)"
            ),
            {"t": dt.datetime.now()},
        )
    found = {p.display_name: p for p in people.list_people()}
    assert found["Alt"].age_label == "volljährig (aus Vorversion übernommen)"


def test_migration_0002_marks_earlier_adults_and_unknown_minors(tmp_path):
    from sqlalchemy import create_engine

    from tikdesk.storage import migrations
    from tikdesk.storage.engine import open_database

    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    migrations.upgrade(engine, "0001")
    with engine.begin() as conn:
        for name, minor, birth in (
            ("Erwachsen", 0, None),
            ("Kind", 1, "2015-01-01"),
            ("Ohne", 1, None),
        ):
            conn.execute(
                text(
                    "INSERT INTO person (display_name, category, is_minor, birth_date, contact, "
                    "sole_custody_note, created_at, updated_at, version) VALUES (:n, 'citizen', "
                    ":m, :b, '', '', '2026-01-01', '2026-01-01', 1)"
                ),
                {"n": name, "m": minor, "b": birth},
            )
    engine.dispose()
    db = open_database(path)
    try:
        with db.reader() as s:
            states = dict(s.execute(text("SELECT display_name, age_state FROM person")).all())
    finally:
        db.close()
    assert states == {"Erwachsen": "adult_migrated", "Kind": "minor", "Ohne": "unknown"}


# ----------------------------------------------------------------------------- CLI


@pytest.mark.slow
def test_export_clearance_follows_the_contract(ctx, anna, ben, people, db_path, tmp_path):
    from tikdesk.app import main

    blocked, ali = ready(anna, people)
    undated = anna.create(PostInput(title="Ohne Termin"))
    early = anna.create(PostInput(title="Früher", planned_at=IN_10_DAYS - dt.timedelta(days=3)))
    live, _ = published(anna, ben, people, valid_until=TODAY + dt.timedelta(days=3))
    quiet, _ = published(anna, ben, people)
    anna.set_shown_as(anna.get(blocked).people[0].appearance_id, frozenset({"face"}))
    people.update_consent(
        people.get(ali).consents[0].id, full_consent(shown_as=frozenset({"voice"}))
    )
    out = tmp_path / "freigabe.csv"
    assert main(["--lang", "de", "--db", str(db_path), "export-clearance", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == [
        "post_id",
        "title",
        "planned",
        "status",
        "consent",
        "consent_reasons",
        "checklist_open",
        "checklist_issues",
        "takedown",
        "can_approve",
    ]
    by_id = {int(r[0]): r for r in rows[1:]}
    assert [int(r[0]) for r in rows[1:]] == [early, blocked, undated, live]  # undated: by id
    assert quiet not in by_id
    assert by_id[blocked][2] == IN_10_DAYS.strftime("%Y-%m-%dT%H:%M")
    assert by_id[blocked][3:5] == ["draft", "blocked"]
    assert by_id[blocked][5] == "Ali Demir: Einwilligung deckt „Gesicht“ nicht ab"
    assert by_id[blocked][6:8] == ["0", "0"] and by_id[blocked][9] == "no"
    assert by_id[undated][2] == "" and by_id[undated][4] == "ok" and int(by_id[undated][6]) > 5
    assert by_id[live][3] == "published" and by_id[live][8] == "yes"
    xlsx = tmp_path / "freigabe.xlsx"
    assert main(["--lang", "de", "--db", str(db_path), "export-clearance", str(xlsx)]) == 0
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    assert [c.value for c in next(sheet.iter_rows(max_row=1))][:3] == [
        "post_id",
        "title",
        "planned",
    ]


def test_export_clearance_usage_errors_write_nothing(db_path, tmp_path, ctx, capsys):
    from tikdesk.app import main

    with pytest.raises(SystemExit) as info:
        main(["--lang", "de", "--db", str(db_path), "export-clearance", str(tmp_path / "x.txt")])
    assert info.value.code == 2
    assert not (tmp_path / "x.txt").exists()
    assert (
        main(
            [
                "--lang",
                "de",
                "--db",
                str(tmp_path / "fehlt.sqlite"),
                "export-clearance",
                str(tmp_path / "y.csv"),
            ]
        )
        == 1
    )
    assert not (tmp_path / "y.csv").exists()
