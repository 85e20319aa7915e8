"""The fast paths of the clearance lists give exactly what the one-post path gives.

The post list reads a few set-based queries and evaluates a gate *verdict* (status, blockers,
warnings) per post; a post's own view evaluates the full gate item by item.  These tests
prove both agree — on the demo data (every gate and consent state) and on the benchmark
generator's data at 1/100 scale — and cover the pieces that make the lists fast: checklist
profiles cached by file state, chunked reads, the overview's choice of posts, and the tabs
that read their data only when shown and sort in Python.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sys
from pathlib import Path

import pytest
from clearance_helpers import PostInput, full_consent, team
from PySide6.QtCore import Qt

from tikdesk.demo.clearance import fill_clearance as fill_demo_clearance
from tikdesk.domain.checklist import PROFILES, ChecklistError, ProfileCache, load_profile
from tikdesk.domain.consent import ConsentFacts, PersonFacts, assess
from tikdesk.domain.enums import ItemState, PostStatus
from tikdesk.domain.fmt import fmt_date
from tikdesk.domain.gate import ItemResult, PersonOnPost, evaluate, verdict
from tikdesk.domain.i18n import language, set_language
from tikdesk.paths import resource_dir
from tikdesk.services.context import AppContext
from tikdesk.services.overview import OverviewService
from tikdesk.services.people import PeopleService, PersonInput, WithdrawalInput
from tikdesk.services.posts import Clearance, Definitions, PostService
from tikdesk.storage.repositories import posts as posts_repo
from tikdesk.ui.overview.tab import OverviewTab
from tikdesk.ui.people.tab import PeopleTab
from tikdesk.ui.posts.tab import PostsTab

TODAY = dt.date.today()
DIRS = [resource_dir() / "checklists"]


# ----------------------------------------------------------------------------- domain


def _random_case(rng: random.Random, definition):
    """Random results (some missing, some stray keys) and people in random consent states."""
    results = {}
    for item in definition.post_items:
        roll = rng.random()
        if roll < 0.15:
            continue  # never set: open
        state = rng.choice(list(ItemState))
        results[item.key] = ItemResult(
            state,
            note=rng.choice(["", "Kennzeichen lesbar"]),
            override_reason=rng.choice(["", "", "mit DSB abgestimmt"]),
        )
    results["stray.key"] = ItemResult(ItemState.OK)
    on = dt.date(2026, 6, 1)
    kinds = [
        (PersonFacts(), [ConsentFacts()]),
        (PersonFacts(), []),
        (PersonFacts(), [ConsentFacts(withdrawn_on=dt.date(2026, 1, 2))]),
        (PersonFacts(), [ConsentFacts(valid_until=dt.date(2026, 3, 1))]),
        (PersonFacts(), [ConsentFacts(platforms=frozenset({"instagram"}))]),
        (PersonFacts(is_minor=True, birth_date=dt.date(2011, 2, 1)), [ConsentFacts()]),
        (PersonFacts(erased=True), []),
    ]
    people = [
        PersonOnPost(f"P{n}", assess(*rng.choice(kinds), on)) for n in range(rng.randrange(4))
    ]
    return results, people, rng.random() < 0.2


@pytest.mark.parametrize("profile", ["general", "police", "theatre"])
def test_verdict_equals_the_full_evaluation(profile):
    definition = load_profile(profile, DIRS)
    rng = random.Random(profile)
    for _ in range(300):
        results, people, paid = _random_case(rng, definition)
        full = evaluate(definition, results, people, paid_promotion=paid)
        expected = (full.status, full.blockers, full.warnings, full.minor_present)
        assert tuple(verdict(definition, results, people, paid_promotion=paid)) == expected
        # The list hands over passing results as a set of keys instead.
        passing = {
            k for k, r in results.items() if r.state in (ItemState.OK, ItemState.NOT_APPLICABLE)
        }
        others = {k: r for k, r in results.items() if k not in passing}
        handed = verdict(definition, others, people, paid_promotion=paid, passed=passing)
        assert tuple(handed) == expected


def test_german_dates_are_cached_but_follow_the_language():
    day = dt.date(2026, 3, 9)
    before = language()
    try:
        set_language("de")
        assert fmt_date(day) == "09.03.2026" and fmt_date(day) == "09.03.2026"
        set_language("en")
        assert fmt_date(day) == "2026-03-09"
    finally:
        set_language(before)


def test_profiles_are_reused_until_a_file_changes(tmp_path):
    shipped = resource_dir() / "checklists"
    own = tmp_path / "org"
    own.mkdir()
    cache = ProfileCache()
    dirs = [own, shipped]
    first = cache.load("general", dirs)
    assert cache.load("general", dirs) is first  # parsed once
    police = cache.load("police", dirs)
    text = (shipped / "general.toml").read_text(encoding="utf-8")
    (own / "general.toml").write_text(
        text.replace('label_de = "Allgemein', 'label_de = "Unser Profil', 1), encoding="utf-8"
    )
    changed = cache.load("general", dirs)
    assert changed is not first and changed.files[-1] == own / "general.toml"
    assert cache.load("police", dirs) is not police  # it includes general: read again
    (own / "general.toml").write_text("[profile\n", encoding="utf-8")
    for _ in range(2):  # a broken file is reported every time, never cached
        with pytest.raises(ChecklistError, match=r"general\.toml"):
            cache.load("general", dirs)
    (own / "general.toml").unlink()
    assert cache.load("general", dirs).files == first.files


def test_services_share_the_process_cache(ctx):
    PROFILES.clear()
    one = PostService(ctx).definition("general")
    assert PostService(ctx).definition("general") is one
    assert Definitions(ctx)("general") is one


# ----------------------------------------------------------------------------- storage


def test_result_states_split_into_passing_and_not():
    assert set(posts_repo.RESOLVED_STATES) | set(posts_repo.UNRESOLVED_STATES) == {
        s.value for s in ItemState
    }
    assert not set(posts_repo.RESOLVED_STATES) & set(posts_repo.UNRESOLVED_STATES)


# ----------------------------------------------------------------------------- services


def _same_as_one_by_one(ctx: AppContext) -> list:
    """Every summary of the list equals the one the post's own view computes."""
    listed = PostService(ctx).list_posts()
    definitions = Definitions(ctx)
    with ctx.db.reader() as s:
        for post in listed:
            data = Clearance.load(s, [post.id], detail=True)
            alone = data.summary(data.posts[0], definitions, TODAY, TODAY)[0]
            assert post == alone, post.title
    return listed


@pytest.mark.slow
def test_list_summaries_equal_each_posts_own_view_on_demo_data(ctx):
    fill_demo_clearance(ctx)
    listed = _same_as_one_by_one(ctx)
    assert {p.gate.value for p in listed} == {"clear", "warnings", "blocked"}
    assert any(p.take_down for p in listed)
    assert [p.id for p in listed] == [p.id for p in PostService(ctx).list_posts()]


@pytest.fixture
def generated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The benchmark generator's data at 1/100 scale (50 posts, messy like real life)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from benchmarks import generate as gen
    from tikdesk.storage.engine import open_database

    monkeypatch.setenv("TIKDESK_BENCH_CACHE", str(tmp_path / "cache"))
    path = gen.generate(tmp_path / "bench.sqlite", scale=0.01, end=TODAY)
    db = open_database(path)
    yield AppContext(db=db, user="bench")
    db.close()


@pytest.mark.slow
def test_list_summaries_equal_each_posts_own_view_on_generated_data(generated):
    listed = _same_as_one_by_one(generated)
    assert len(listed) == 50
    assert {p.status for p in listed} >= {PostStatus.PUBLISHED, PostStatus.DRAFT}


@pytest.mark.slow
def test_chunked_reads_give_the_same_posts_in_the_same_order(generated, monkeypatch):
    whole = PostService(generated).list_posts()
    ids = [p.id for p in whole]
    monkeypatch.setattr(posts_repo, "CHUNK", 7)  # 50 posts → 8 queries per table
    with generated.db.reader() as s:
        chunked = Clearance.load(s, reversed(ids)).summaries(Definitions(generated), TODAY, TODAY)
        assert [p.id for p in posts_repo.list_posts(s, ids)] == ids
    assert chunked == whole


@pytest.mark.slow
def test_overview_evaluates_only_open_posts_and_published_ones_with_people(ctx):
    people = PeopleService(ctx)
    team(ctx, "ben")
    anna, ben = PostService(ctx), PostService(dataclasses.replace(ctx, user="ben"))
    ali = people.create_person(PersonInput(display_name="Ali Demir"))
    people.add_consent(ali, full_consent())
    eva = people.create_person(PersonInput(display_name="Eva Roth"))
    people.add_consent(eva, full_consent())
    posts = {}
    for title, who in (("Mit Ali", ali), ("Mit Eva", eva), ("Ohne Personen", None)):
        post = posts[title] = ben.create(PostInput(title=title))
        if who is not None:
            ben.add_person(post, who)
        for item in anna.get(post).definition.post_items:
            if not item.derived and not item.applies_when:
                (anna if item.key == "people.exception_dsb" else ben).set_item(
                    post, item.key, ItemState.OK
                )
        anna.approve(post)
        ben.mark_published(post)
    draft = ben.create(PostInput(title="Entwurf"))
    people.record_withdrawal(ali, WithdrawalInput(on=TODAY, channel="E-Mail", received_by="x"))
    with ctx.db.reader() as s:
        watched = set(posts_repo.open_post_ids(s)) | set(posts_repo.take_down_candidates(s))
    # every published post that shows someone is watched (consents may end or stop fitting)
    assert watched == {draft, posts["Mit Ali"], posts["Mit Eva"]}
    view = OverviewService(ctx).overview()
    everything = PostService(ctx).list_posts()
    assert [p.id for p in view.take_downs] == [p.id for p in everything if p.take_down]
    assert [p.id for p in view.take_downs] == [posts["Mit Ali"]]


def test_people_list_counts_posts_and_assesses_today(ctx):
    people = PeopleService(ctx)
    ali = people.create_person(PersonInput(display_name="Ali Demir"))
    people.add_consent(ali, full_consent(valid_until=TODAY - dt.timedelta(days=1)))
    for title in ("A", "B"):
        PostService(ctx).add_person(PostService(ctx).create(PostInput(title=title)), ali)
    (summary,) = people.list_people()
    assert summary.posts == 2
    assert summary.assessment.state.value == "expired"
    assert summary == people.get(ali).summary


# ----------------------------------------------------------------------------- tabs


@pytest.mark.slow
def test_posts_tab_reads_when_shown_and_refreshes_hidden_only_the_open_post(main_window, ctx):
    ben = PostService(dataclasses.replace(ctx, user="ben"))
    first = ben.create(PostInput(title="Erster Beitrag"))
    tab = main_window.tab(PostsTab)
    overview = main_window.tab(OverviewTab)
    main_window.tabs.setCurrentWidget(overview)
    assert tab.model.rowCount() == 0  # never shown: nothing read
    main_window.tabs.setCurrentWidget(tab)
    assert tab.model.row_of(first) >= 0  # shown: read
    assert tab.select_post(first)
    main_window.tabs.setCurrentWidget(overview)
    second = ben.create(PostInput(title="Zweiter Beitrag"))
    ben.update(first, PostInput(title="Erster Beitrag, neu"))
    main_window.data_changed.emit()
    assert tab.model.row_of(second) < 0  # hidden: the list waits …
    assert tab.panel.form.title.text() == "Erster Beitrag, neu"  # … the open post does not
    main_window.tabs.setCurrentWidget(tab)
    assert tab.model.row_of(second) >= 0
    assert tab.current_post_id() == first


@pytest.mark.slow
def test_post_list_sorts_in_python_and_keeps_the_selection(main_window, ctx):
    ben = PostService(dataclasses.replace(ctx, user="ben"))
    base = dt.datetime.combine(TODAY + dt.timedelta(days=3), dt.time(10))
    ids = [
        ben.create(PostInput(title=t, planned_at=base + dt.timedelta(days=n)))
        for n, t in enumerate(["Cello", "anton", "Berta"])
    ]
    tab = main_window.tab(PostsTab)
    main_window.tabs.setCurrentWidget(tab)
    assert tab.select_post(ids[2])

    def titles() -> list[str]:
        return [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]

    assert titles() == ["Cello", "anton", "Berta"]  # planned date (the default)
    tab.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert titles() == ["anton", "Berta", "Cello"]  # case-insensitive
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert titles() == ["Cello", "Berta", "anton"]
    assert tab.proxy.index(tab.table.currentIndex().row(), 0).data() == "Berta"
    tab.search.setText("an")
    assert titles() == ["anton"]
    tab.search.clear()
    tab.refresh()  # a reload keeps the order
    assert titles() == ["Cello", "Berta", "anton"]


@pytest.mark.slow
def test_people_tab_reads_when_shown_and_sorts_by_posts(main_window, ctx):
    people = PeopleService(ctx)
    busy = people.create_person(PersonInput(display_name="Zora Viel"))
    idle = people.create_person(PersonInput(display_name="Anton Nie"))
    for title in ("A", "B"):
        PostService(ctx).add_person(PostService(ctx).create(PostInput(title=title)), busy)
    tab = main_window.tab(PeopleTab)
    main_window.tabs.setCurrentWidget(tab)

    def names() -> list[str]:
        return [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]

    assert names() == ["Anton Nie", "Zora Viel"]
    tab.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # posts
    assert names() == ["Zora Viel", "Anton Nie"]
    assert tab.select_person(idle)
    main_window.tabs.setCurrentWidget(main_window.tab(OverviewTab))
    people.update_person(idle, PersonInput(display_name="Anton Neu"))
    main_window.data_changed.emit()
    assert tab.name_label.text() == "Anton Neu"  # the open person stays current
    assert "Anton Nie" in names()  # the list waits until shown
    main_window.tabs.setCurrentWidget(tab)
    assert names() == ["Zora Viel", "Anton Neu"]


def test_start_up_reads_only_the_current_tab(qtbot, ctx, settings, monkeypatch):
    from tikdesk.ui.main_window import MainWindow

    calls: list[str] = []

    def counting(cls: type, name: str) -> None:
        original = getattr(cls, name)

        def wrapper(self, *args, **kwargs):
            calls.append(name)
            return original(self, *args, **kwargs)

        monkeypatch.setattr(cls, name, wrapper)

    counting(PostService, "list_posts")
    counting(PeopleService, "list_people")
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.tab(OverviewTab))
    window.show()
    assert calls == []
    window.tabs.setCurrentWidget(window.tab(PeopleTab))
    assert calls == ["list_people"]


def test_same_icons_are_made_once(qapp):
    from tikdesk.ui.widgets.badges import OK_ICON, std_icon

    assert std_icon(OK_ICON) is std_icon(OK_ICON)
    assert not std_icon(OK_ICON).isNull()
