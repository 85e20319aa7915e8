"""Clearance at scale: the post list with every gate, the overview, the people registry and
the three tabs that show them, on the shared large database (5,000 posts with 3 people each,
2,000 people with their consents, ~120,000 checklist results).

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_clearance [--quick] [--profile]

Every figure is the median (min–max) of several runs in one process (after one warm-up) and
includes the database read.  The floor is ``sqlite3`` alone fetching the rows the figure is
built from (every column the gate needs, all rows), so the ratio says what TikDesk adds on
top of reading its data.  Tab figures construct the tab against a bare ``QMainWindow`` (as
the main window does at start-up) and let Qt lay it out and paint it once.

``--profile`` prints the top of a cProfile run of ``list_posts``, the overview and the people
list instead of the table.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if __package__ in (None, ""):  # run as a file: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Row, measure, repeats, table

#: The targets (lead's brief for the clearance tabs at the large database's scale).
LIST_POSTS_S = 0.300
OVERVIEW_S = 0.200
PEOPLE_S = 0.200
THREE_TABS_S = 1.0

#: What the gate of every post is built from, as plain ``sqlite3`` reads (the floor).
FLOOR_POSTS = (
    "SELECT id, title, status, planned_at, published_at, taken_down_at, author,"
    " checklist_profile, idea_id, updated_at, paid_promotion FROM post",
    "SELECT post_id, person_id FROM appearance",
    "SELECT post_id, item_key, state, note, override_reason FROM checklist_result",
    "SELECT id, display_name, category, is_minor, birth_date, sole_custody_note, erased_at"
    " FROM person",
    "SELECT person_id, id, role, platforms, valid_from, valid_until, withdrawn_on,"
    " custodian_name, collected_on FROM consent",
    "SELECT post_id, approver FROM approval WHERE revoked_at IS NULL",
)
FLOOR_PEOPLE = (
    "SELECT * FROM person",
    "SELECT person_id, id, role, platforms, valid_from, valid_until, withdrawn_on,"
    " custodian_name, collected_on FROM consent",
    "SELECT person_id, count(*) FROM appearance GROUP BY person_id",
)
FLOOR_OVERVIEW = (
    *FLOOR_POSTS[:2],
    "SELECT post_id, item_key, state, note, override_reason FROM checklist_result"
    " WHERE post_id IN (SELECT id FROM post WHERE status NOT IN ('published', 'taken_down'))",
    *FLOOR_POSTS[3:],
)


def fetch_all(path: Path, queries: tuple[str, ...]) -> Callable[[], object]:
    def floor() -> object:
        with sqlite3.connect(path) as conn:
            return [conn.execute(q).fetchall() for q in queries]

    return floor


def run(quick: bool = False, db: Path | None = None) -> list[Row]:
    from PySide6.QtWidgets import QApplication, QMainWindow

    from benchmarks.generate import generate

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp(prefix="tikdesk-bench-clearance-"))
    os.environ.setdefault("TIKDESK_HOME", str(work / "home"))
    db_path = generate(work / "clearance.sqlite") if db is None else db
    n = repeats(quick, full=7, fast=3)

    from tikdesk.services.context import AppContext
    from tikdesk.services.overview import OverviewService
    from tikdesk.services.people import PeopleService
    from tikdesk.services.posts import PostService
    from tikdesk.storage.engine import open_database
    from tikdesk.ui.overview.tab import OverviewTab
    from tikdesk.ui.people.tab import PeopleTab
    from tikdesk.ui.posts.tab import PostsTab

    database = open_database(db_path)
    ctx = AppContext(db=database, user="bench")
    posts, people, overview = PostService(ctx), PeopleService(ctx), OverviewService(ctx)
    listed = posts.list_posts()
    persons = people.list_people()
    blocked = sum(1 for p in listed if p.gate.value == "blocked" and not p.closed)
    size = f"{len(listed):,} posts, {blocked:,} open ones blocked"

    window = QMainWindow()
    window.resize(1400, 900)
    shown: list[Any] = []

    def build(cls: type) -> Callable[[], None]:
        def go() -> None:
            tab = cls(ctx, window)
            window.setCentralWidget(tab)  # deletes the previous tab
            window.show()
            app.processEvents()  # layout and the first paint
            shown.append(tab)

        return go

    def three_tabs() -> None:
        for cls in (OverviewTab, PostsTab, PeopleTab):
            build(cls)()

    first_open = next((p.id for p in listed if not p.closed and p.people), listed[0].id)
    busiest = max(persons, key=lambda p: p.posts)

    rows = [
        Row(
            f"Clearance: list_posts with every gate ({size})",
            measure(posts.list_posts, n),
            measure(fetch_all(db_path, FLOOR_POSTS), n),
            max_value=LIST_POSTS_S,
            floor_label="sqlite3 fetchall of the rows",
        ),
        Row(
            "Clearance: overview (due, blocked, take-downs, consents, minors, deletions)",
            measure(overview.overview, n),
            measure(fetch_all(db_path, FLOOR_OVERVIEW), n),
            max_value=OVERVIEW_S,
            floor_label="sqlite3 fetchall of the rows",
        ),
        Row(
            f"Clearance: people list ({len(persons):,} people, consent state each)",
            measure(people.list_people, n),
            measure(fetch_all(db_path, FLOOR_PEOPLE), n),
            max_value=PEOPLE_S,
            floor_label="sqlite3 fetchall of the rows",
        ),
        Row(
            "Clearance: one post's details (on selection)",
            measure(lambda: posts.get(first_open), n),
        ),
        Row(
            f"Clearance: one person's details ({busiest.posts} posts, on selection)",
            measure(lambda: people.get(busiest.id), n),
        ),
    ]
    tab_n = repeats(quick, full=5, fast=2)
    for cls, label in ((OverviewTab, "Übersicht"), (PostsTab, "Beiträge"), (PeopleTab, "Personen")):
        rows.append(Row(f"Clearance: {label} tab built and painted", measure(build(cls), tab_n)))
    rows.append(
        Row(
            "Clearance: the three tabs together (start-up share)",
            measure(three_tabs, tab_n),
            max_value=THREE_TABS_S,
        )
    )
    window.close()
    database.close()
    return rows


def profile(db: Path | None = None, top: int = 25) -> None:
    import cProfile
    import pstats

    from benchmarks.generate import generate

    work = Path(tempfile.mkdtemp(prefix="tikdesk-bench-clearance-"))
    os.environ.setdefault("TIKDESK_HOME", str(work / "home"))
    db_path = generate(work / "clearance.sqlite") if db is None else db

    from tikdesk.services.context import AppContext
    from tikdesk.services.overview import OverviewService
    from tikdesk.services.people import PeopleService
    from tikdesk.services.posts import PostService
    from tikdesk.storage.engine import open_database

    database = open_database(db_path)
    ctx = AppContext(db=database, user="bench")
    for name, fn in (
        ("list_posts", PostService(ctx).list_posts),
        ("overview", OverviewService(ctx).overview),
        ("list_people", PeopleService(ctx).list_people),
    ):
        fn()  # warm-up
        profiler = cProfile.Profile()
        profiler.runcall(fn)
        print(f"==== {name}")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)
    database.close()


def main() -> int:
    if "--profile" in sys.argv:
        profile()
        return 0
    print(table(run("--quick" in sys.argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
