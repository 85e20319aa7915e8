"""Idea use cases on a real SQLite file: validation, versions, undo snapshots, board moves."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import text

from tikdesk.demo import ensure_demo_data
from tikdesk.domain.errors import InputRejected, ValidationError
from tikdesk.services.context import AppContext
from tikdesk.services.idea_query import IdeaFilter, IdeaIndex, sort_records
from tikdesk.services.ideas import IdeaService, normalise_tags, validate


@pytest.fixture
def service(ctx: AppContext) -> IdeaService:
    return IdeaService(ctx)


def column(service: IdeaService, status: str) -> list[str]:
    return [r.title for r in service.list_ideas() if r.status == status]


@pytest.mark.slow
def test_create_normalises_and_starts_at_version_one(service: IdeaService) -> None:
    idea = service.create(
        {
            "title": "  Azubi-Tag   im Bürgeramt ",
            "tags": " #Azubi, Bürgeramt,, azubi ;Ausbildung",
            "format": "Blick hinter die Kulissen",
            "audience": "bewerber",
            "target_date": "24.12.2026",
            "effort": "6",
        }
    )
    assert idea.title == "Azubi-Tag im Bürgeramt"
    assert idea.tags == "Azubi, Bürgeramt, Ausbildung"
    assert (idea.format, idea.audience, idea.status, idea.priority) == (
        "behind_the_scenes",
        "applicants",
        "new",
        "medium",
    )
    assert idea.target_date == dt.date(2026, 12, 24)
    assert idea.effort == 6
    assert idea.version == 1
    assert service.get(idea.id) == idea


def test_normalise_tags() -> None:
    assert normalise_tags(["a ", "A", " b  c ", "#d", ""]) == "a, b c, d"
    assert normalise_tags("") == ""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "x" * 301}, "title"),
        ({"title": "ok", "hook": "h" * 501}, "hook"),
        ({"title": "ok", "description": "d" * 10_001}, "description"),
        ({"title": "ok", "owner": "o" * 201}, "owner"),
        ({"title": "ok", "tags": "t" * 61}, "tags"),
        ({"title": "ok", "format": "karaoke"}, "format"),
        ({"title": "ok", "status": "maybe"}, "status"),
        ({"title": "ok", "target_date": dt.date(1999, 12, 31)}, "target_date"),
        ({"title": "ok", "target_date": dt.date(2101, 1, 1)}, "target_date"),
        ({"title": "ok", "target_date": "31.02.2026"}, "target_date"),
        ({"title": "ok", "effort": -1}, "effort"),
        ({"title": "ok", "effort": "viel"}, "effort"),
    ],
)
def test_validation_names_the_field(
    service: IdeaService, values: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        service.create(values)
    assert caught.value.field == field
    assert str(caught.value)  # a message for the user, in German by default
    assert service.count() == 0  # nothing written


def test_validation_message_follows_language() -> None:
    from tikdesk.domain.i18n import set_language

    with pytest.raises(ValidationError, match="Bitte einen Titel"):
        validate({"title": ""})
    set_language("en")
    with pytest.raises(ValidationError, match="Please enter a title"):
        validate({"title": ""})


@pytest.mark.slow
def test_update_counts_version_and_detects_conflicts(service: IdeaService) -> None:
    idea = service.create({"title": "Mythen-Check Knöllchen"})
    change = service.update(idea.id, {"hook": "Quote?", "priority": "high"}, idea.version)
    assert change.after.version == 2
    assert change.changed_fields == ("hook", "priority")
    assert change.before == idea
    unchanged = service.update(idea.id, {"hook": "Quote?"})
    assert unchanged.after.version == 2 and unchanged.changed_fields == ()
    with pytest.raises(InputRejected, match="inzwischen geändert"):
        service.update(idea.id, {"hook": "stale"}, expected_version=1)
    assert service.get(idea.id).hook == "Quote?"


@pytest.mark.slow
def test_status_change_puts_card_last_in_new_column(service: IdeaService) -> None:
    a = service.create({"title": "A", "status": "planned"})
    b = service.create({"title": "B"})
    service.update(b.id, {"status": "planned"})
    assert column(service, "planned") == ["A", "B"]
    assert service.get(b.id).board_rank > a.board_rank


@pytest.mark.slow
def test_delete_and_restore_same_id_every_field_and_post_links(
    service: IdeaService, ctx: AppContext
) -> None:
    idea = service.create(
        {
            "title": "Ein Tag bei der Feuerwehr",
            "hook": "6:58 Uhr",
            "description": "Schichtbeginn",
            "tags": "Feuerwehr",
            "owner": "Leyla",
            "target_date": dt.date(2026, 5, 1),
            "effort": 16,
            "status": "in_production",
            "sound_ref": "Trend 1",
            "pillar": "Job",
        }
    )
    service.update(idea.id, {"priority": "high"})
    before = service.get(idea.id)
    with ctx.db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO post (id, idea_id, title, caption, hashtags, format, audience,"
                " video_link, account, checklist_profile, music_source, paid_promotion, author,"
                " status, created_at, updated_at, version) VALUES (5, :i, 'P', '', '', 'other',"
                " 'general', '', '', 'general', '', false, 'anna', 'draft', '2026-01-01',"
                " '2026-01-01', 1)"
            ),
            {"i": idea.id},
        )
    (snapshot,) = service.delete([idea.id])
    assert snapshot.record == before and snapshot.post_ids == (5,)
    assert service.count() == 0
    with pytest.raises(InputRejected):
        service.get(idea.id)
    (restored,) = service.restore([snapshot])
    assert restored == before  # same id, every field, version included
    with ctx.db.engine.connect() as conn:
        assert conn.execute(text("SELECT idea_id FROM post WHERE id = 5")).scalar() == idea.id
    with pytest.raises(InputRejected):
        service.restore([snapshot])  # exists already


@pytest.mark.slow
def test_bulk_update_and_set_fields_undo(service: IdeaService) -> None:
    ids = [service.create({"title": t, "owner": "Anna"}).id for t in ("A", "B", "C")]
    changes = service.bulk_update(ids[:2], {"status": "shortlisted", "owner": "Jonas"})
    assert [c.after.status for c in changes] == ["shortlisted", "shortlisted"]
    assert [c.after.version for c in changes] == [2, 2]
    assert service.get(ids[2]).owner == "Anna"
    undo = {c.before.id: {f: getattr(c.before, f) for f in c.changed_fields} for c in changes}
    service.set_fields(undo)
    assert [(r.status, r.owner) for r in service.list_ideas()] == [("new", "Anna")] * 3
    with pytest.raises(ValidationError):
        service.bulk_update(ids, {"priority": "urgent-ish"})


@pytest.mark.slow
def test_bulk_update_is_one_transaction(service: IdeaService) -> None:
    a = service.create({"title": "A"})
    with pytest.raises(InputRejected):
        service.bulk_update([a.id, 9999], {"status": "done"})
    assert service.get(a.id).status == "new"  # rolled back with the failing second idea


def test_duplicate_goes_right_below_the_original(service: IdeaService) -> None:
    ids = [service.create({"title": t, "tags": "x, y"}).id for t in ("A", "B", "C")]
    copy = service.duplicate(ids[0]).record
    assert copy.id not in ids
    assert copy.title == "A (Kopie)" and copy.tags == "x, y" and copy.version == 1
    assert column(service, "new") == ["A", "A (Kopie)", "B", "C"]


@pytest.mark.slow
def test_duplicate_reranks_when_no_room(service: IdeaService, ctx: AppContext) -> None:
    ids = [service.create({"title": t}).id for t in ("A", "B")]
    with ctx.db.engine.begin() as conn:  # imported ideas may all carry the same rank
        conn.execute(text("UPDATE idea SET board_rank = 0"))
    result = service.duplicate(ids[0])
    assert column(service, "new") == ["A", "A (Kopie)", "B"]
    assert {r.id for r in result.reranked} == set(ids)


@pytest.mark.slow
def test_board_moves_and_their_undo(service: IdeaService) -> None:
    a, b, c = (service.create({"title": t}).id for t in ("A", "B", "C"))
    move = service.move(c, "new", before_id=a)  # reorder: C to the top
    assert column(service, "new") == ["C", "A", "B"]
    assert move.previous_status == "new" and move.previous_before_id is None
    assert move.record.version == 2
    back = service.move(c, move.previous_status, move.previous_before_id)
    assert column(service, "new") == ["A", "B", "C"]
    assert back.record.version == 3

    move = service.move(a, "planned")  # to another column, at the end
    assert column(service, "new") == ["B", "C"] and column(service, "planned") == ["A"]
    assert move.previous_before_id == b
    service.move(a, move.previous_status, move.previous_before_id)
    assert column(service, "new") == ["A", "B", "C"]


@pytest.mark.slow
def test_move_to_own_place_changes_nothing(service: IdeaService) -> None:
    a, b = (service.create({"title": t}).id for t in ("A", "B"))
    move = service.move(a, "new", before_id=b)
    assert move.changed == ()
    assert service.get(a).version == 1


@pytest.mark.slow
def test_move_many_is_ordered_and_reranks_ties(service: IdeaService, ctx: AppContext) -> None:
    ids = [service.create({"title": t}).id for t in ("A", "B", "C", "D")]
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE idea SET board_rank = 1"))
    result = service.move_many([(ids[3], "new", ids[1]), (ids[2], "new", ids[1])])
    assert column(service, "new") == ["A", "D", "C", "B"]
    assert {r.id for r in result.changed} == set(ids)
    back = service.move_many(
        [(m.record.id, m.previous_status, m.previous_before_id) for m in reversed(result.moves)]
    )
    assert column(service, "new") == ["A", "B", "C", "D"]
    assert back.changed


def test_unknown_idea_is_a_clear_error(service: IdeaService) -> None:
    with pytest.raises(InputRejected, match="gibt es nicht"):
        service.update(42, {"title": "x"})
    with pytest.raises(InputRejected):
        service.move(42, "done")


@pytest.mark.slow
def test_read_only_database_refuses_changes(ctx: AppContext, open_again: Any) -> None:
    from tikdesk.domain.errors import DatabaseError

    IdeaService(ctx).create({"title": "A"})
    ro = open_again(read_only=True)
    service = IdeaService(AppContext(db=ro, user="anna"))
    assert [r.title for r in service.list_ideas()] == ["A"]
    with pytest.raises(DatabaseError):
        service.create({"title": "B"})


# ----------------------------------------------------------------------------- search/sort


@pytest.mark.slow
def test_index_filters_by_text_and_every_criterion(service: IdeaService) -> None:
    service.create(
        {
            "title": "Azubi-Tag",
            "hook": "Erster Tag",
            "tags": "Ausbildung",
            "status": "planned",
            "format": "behind_the_scenes",
            "audience": "applicants",
            "owner": "Anna",
        }
    )
    service.create(
        {
            "title": "Knöllchen",
            "description": "Mythos über AZUBIS",
            "tags": "Ordnungsamt",
            "owner": "Jonas",
        }
    )
    service.create({"title": "Stadtfest", "tags": "Ausbildungsmesse"})
    index = IdeaIndex(service.list_ideas())

    def titles(**kw: str) -> list[str]:
        return [r.title for r in index.filter(IdeaFilter(**kw))]

    assert titles(text="azubi") == ["Azubi-Tag", "Knöllchen"]  # title and description
    assert titles(text="erster tag") == ["Azubi-Tag"]  # every word, hook
    assert titles(text="ordnungsamt") == ["Knöllchen"]  # tags
    assert titles(tag="ausbildung") == ["Azubi-Tag"]  # whole tag, not a prefix
    assert titles(status="planned") == ["Azubi-Tag"]
    assert titles(format="behind_the_scenes", audience="applicants") == ["Azubi-Tag"]
    assert titles(owner="Jonas") == ["Knöllchen"]
    assert titles(text="nichts") == []
    assert index.owners() == ["Anna", "Jonas"]
    assert index.tags() == ["Ausbildung", "Ausbildungsmesse", "Ordnungsamt"]


@pytest.mark.slow
def test_index_sorts_german_and_puts_empty_last(service: IdeaService) -> None:
    for title, owner, due in (
        ("Zebra", "", None),
        ("Ärger", "Bea", dt.date(2026, 3, 1)),
        ("apfel", "anna", dt.date(2026, 1, 1)),
    ):
        service.create({"title": title, "owner": owner, "target_date": due})
    rows = service.list_ideas()
    assert [r.title for r in sort_records(rows, "title")] == ["apfel", "Ärger", "Zebra"]
    assert [r.title for r in sort_records(rows, "title", True)] == ["Zebra", "Ärger", "apfel"]
    assert [r.owner for r in sort_records(rows, "owner", True)] == ["Bea", "anna", ""]
    assert [r.title for r in sort_records(rows, "target_date", True)] == ["Ärger", "apfel", "Zebra"]
    index = IdeaIndex(rows)
    assert [r.title for r in index.filter(IdeaFilter(), ("title", False))] == [
        "apfel",
        "Ärger",
        "Zebra",
    ]
    with pytest.raises(ValueError):
        sort_records(rows, "colour")


@pytest.mark.slow
def test_index_follows_single_changes(service: IdeaService) -> None:
    a = service.create({"title": "A"})
    b = service.create({"title": "B"})
    index = IdeaIndex(service.list_ideas())
    assert [r.title for r in index.filter(IdeaFilter(), ("title", True))] == ["B", "A"]
    moved = service.move(b.id, "new", a.id).record
    index.put(moved)
    assert [r.title for r in index.records()] == ["B", "A"]
    renamed = service.update(a.id, {"title": "C"}).after
    index.put(renamed)
    assert [r.title for r in index.filter(IdeaFilter(), ("title", True))] == ["C", "B"]
    assert index.matches(renamed, IdeaFilter(text="c")) and not index.matches(
        renamed, IdeaFilter(text="b")
    )
    index.remove(b.id)
    assert [r.title for r in index.records()] == ["C"] and b.id not in index


# ----------------------------------------------------------------------------- demo data


@pytest.mark.slow
def test_demo_data_is_rich_and_idempotent(ctx: AppContext) -> None:
    ensure_demo_data(ctx)
    ideas = IdeaService(ctx).list_ideas()
    assert 55 <= len(ideas) <= 70
    from tikdesk.domain.enums import Audience, IdeaFormat, IdeaStatus

    assert {r.status for r in ideas} == {s.value for s in IdeaStatus}
    assert {r.format for r in ideas} == {f.value for f in IdeaFormat}
    assert {r.audience for r in ideas} == {a.value for a in Audience}
    assert len({r.owner for r in ideas if r.owner}) >= 4
    assert any("Knöllchen" in r.title for r in ideas)
    assert all(r.tags for r in ideas) and sum(1 for r in ideas if r.hook) == len(ideas)
    assert sum(1 for r in ideas if r.target_date) > 40
    ensure_demo_data(ctx)
    assert IdeaService(ctx).count() == len(ideas)


@pytest.mark.slow
def test_demo_does_not_touch_a_database_with_ideas(ctx: AppContext) -> None:
    IdeaService(ctx).create({"title": "Meine Idee"})
    ensure_demo_data(ctx)
    assert [r.title for r in IdeaService(ctx).list_ideas()] == ["Meine Idee"]


@pytest.mark.slow
def test_index_keeps_cached_orders_and_groups_right_after_changes(service: IdeaService) -> None:
    ids = [
        service.create({"title": t, "status": s}).id
        for t, s in (("B", "new"), ("D", "new"), ("A", "planned"), ("C", "planned"))
    ]
    index = IdeaIndex(service.list_ideas())
    by_title = ("title", False)

    def titles(flt: IdeaFilter | None = None) -> list[str]:
        return [r.title for r in index.filter(flt or IdeaFilter(), by_title)]

    def columns() -> dict[str, list[str]]:
        groups = index.filter_by_status(IdeaFilter())
        return {s: [r.title for r in rows] for s, rows in groups.items() if rows}

    assert titles() == ["A", "B", "C", "D"]
    assert columns() == {"new": ["B", "D"], "planned": ["A", "C"]}
    index.put(service.update(ids[1], {"title": "0 zuerst", "status": "planned"}).after)
    assert titles() == ["0 zuerst", "A", "B", "C"]
    assert columns() == {"new": ["B"], "planned": ["A", "C", "0 zuerst"]}
    index.put(service.create({"title": "Bb", "status": "new"}))
    assert titles(IdeaFilter(text="b")) == ["B", "Bb"]
    assert columns()["new"] == ["B", "Bb"]
    index.remove(ids[0])
    assert titles() == ["0 zuerst", "A", "Bb", "C"]
    assert columns()["new"] == ["Bb"]
    assert [r.title for r in index.filter(IdeaFilter(), ("title", True))] == [
        "C",
        "Bb",
        "A",
        "0 zuerst",
    ]


def test_sorts_by_a_column_of_few_values_are_stable_with_empty_values_last(
    service: IdeaService,
) -> None:
    """Status, priority, owner … sort by dealing out to buckets (issue 21): the same order as
    a stable sort, in both directions, and ideas without a value stay last."""
    from tikdesk.domain.enums import IdeaStatus
    from tikdesk.services.idea_query import sort_text

    for n, (status, owner) in enumerate(
        [("planned", "Kim"), ("new", ""), ("done", "anna"), ("new", "Kim"), ("planned", "")] * 3
    ):
        service.create({"title": f"Idee {n}", "status": status, "owner": owner})
    records = service.list_ideas()
    index = IdeaIndex(records)
    ranks = {s.value: n for n, s in enumerate(IdeaStatus)}
    for descending in (False, True):
        by_status = index.filter(IdeaFilter(), ("status", descending))
        expected = sorted(records, key=lambda r: ranks[r.status], reverse=descending)
        assert [r.id for r in by_status] == [r.id for r in expected]
        by_owner = index.filter(IdeaFilter(), ("owner", descending))
        named = sorted(
            (r for r in records if r.owner), key=lambda r: sort_text(r.owner), reverse=descending
        )
        assert [r.id for r in by_owner] == [r.id for r in named] + [
            r.id for r in records if not r.owner
        ]
