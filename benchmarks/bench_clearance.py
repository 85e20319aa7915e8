"""Clearance at scale: the post list with every gate, the overview, the people registry and
the three tabs that show them, on the shared large database (5,000 posts with 3 people each,
2,000 people with their consents, ~120,000 checklist results).

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_clearance [--quick] [--profile]

Every figure is the median (min–max) of several runs in one process (after one warm-up) and
includes the database read.  The floor is ``sqlite3`` alone fetching the rows the figure is
built from (every column the gate needs, all rows), so the ratio says what TikDesk adds on
top of reading its data; the note gives the CPU time too (a busy machine inflates wall time).
The tab figures hold the three tabs in a ``QTabWidget`` as the main window does: at start-up
all are built and only the Übersicht (the current tab) reads its data; the other two read
theirs when first shown.

``--profile`` prints the top of a cProfile run of ``list_posts``, the overview and the people
list instead of the table.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if __package__ in (None, ""):  # run as a file: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Row, measure, repeats, table

#: The targets (lead's brief for the clearance tabs at the large database's scale).
LIST_POSTS_S = 0.300
COMPUTED_POSTS_S = 0.200  # issue 21: the list computed (not kept) with every gate
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


def _database(db: Path | None) -> Path:
    from benchmarks.generate import generate

    work = Path(tempfile.mkdtemp(prefix="tikdesk-bench-clearance-"))
    os.environ.setdefault("TIKDESK_HOME", str(work / "home"))
    return generate(work / "clearance.sqlite") if db is None else db


def cpu_ms(fn: Callable[[], object], repeat: int) -> str:
    """Median CPU time of ``fn`` in this process (less sensitive to a busy machine)."""
    samples = []
    for _ in range(repeat):
        began = time.process_time()
        fn()
        samples.append(time.process_time() - began)
    return f"CPU time {statistics.median(samples) * 1000:.0f} ms (median of {repeat})"


def run(quick: bool = False, db: Path | None = None) -> list[Row]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget

    app = QApplication.instance() or QApplication([])
    db_path = _database(db)
    n = repeats(quick, full=7, fast=3)

    from tikdesk.services.context import AppContext
    from tikdesk.services.overview import OverviewService
    from tikdesk.services.people import PeopleService
    from tikdesk.services.posts import PostService
    from tikdesk.storage.engine import open_database
    from tikdesk.ui.overview.tab import OverviewTab
    from tikdesk.ui.people.tab import PeopleTab
    from tikdesk.ui.posts.tab import PostsTab
    from tikdesk.ui.tab import TabHost

    database = open_database(db_path)
    ctx = AppContext(db=database, user="bench")
    posts, people, overview = PostService(ctx), PeopleService(ctx), OverviewService(ctx)
    listed = posts.list_posts()
    persons = people.list_people()
    blocked = sum(1 for p in listed if p.gate.value == "blocked" and not p.closed)
    size = f"{len(listed):,} posts, {blocked:,} open ones blocked"
    first_open = next((p.id for p in listed if not p.closed and p.people), listed[0].id)
    busiest = max(persons, key=lambda p: p.posts)

    from tikdesk.services import posts as posts_service

    def list_posts_computed() -> object:
        """The list as after any change: the kept list (issue 21) is forgotten first."""
        posts_service._POST_LISTS.clear()
        return posts.list_posts()

    rows = [
        Row(
            f"Clearance: list_posts with every gate ({size})",
            measure(list_posts_computed, n),
            measure(fetch_all(db_path, FLOOR_POSTS), n),
            max_value=COMPUTED_POSTS_S,
            floor_label="sqlite3 fetchall of the rows",
            note=cpu_ms(list_posts_computed, n),
        ),
        Row(
            "Clearance: list_posts again, nothing committed (kept list, data_version check)",
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
            note=cpu_ms(overview.overview, n),
        ),
        Row(
            f"Clearance: people list ({len(persons):,} people, consent state each)",
            measure(people.list_people, n),
            measure(fetch_all(db_path, FLOOR_PEOPLE), n),
            max_value=PEOPLE_S,
            floor_label="sqlite3 fetchall of the rows",
            note=cpu_ms(people.list_people, n),
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

    # ---- the tabs as the main window holds them: built at start-up, read when shown
    tab_n = repeats(quick, full=5, fast=2)
    window = QMainWindow()
    window.resize(1400, 900)
    window.show()
    host = TabHost.standalone(window)
    built: dict[str, Any] = {}

    def build() -> None:
        tabs = QTabWidget()
        built.update(
            tabs=tabs,
            overview=OverviewTab(ctx, host),
            posts=PostsTab(ctx, host),
            people=PeopleTab(ctx, host),
        )
        for key in ("overview", "posts", "people"):
            tabs.addTab(built[key], key)
        window.setCentralWidget(tabs)  # deletes the previous set
        app.processEvents()  # Übersicht shown: read, laid out, painted

    def show(key: str) -> Callable[[], None]:
        def go() -> None:
            built["tabs"].setCurrentWidget(built[key])
            app.processEvents()

        return go

    def back_to_overview() -> None:
        build()

    rows.append(
        Row(
            "Clearance: start-up share (three tabs built, Übersicht shown and filled)",
            measure(build, tab_n),
            max_value=THREE_TABS_S,
        )
    )
    for key, label in (("posts", "Beiträge"), ("people", "Personen")):
        rows.append(
            Row(
                f"Clearance: {label} tab shown the first time (read, table painted)",
                measure(show(key), tab_n, setup=back_to_overview),
            )
        )

    # ---- working in the post list
    build()
    show("posts")()
    tab = built["posts"]

    def sort_by_title() -> None:
        order = tab.table.horizontalHeader().sortIndicatorOrder()
        flipped = (
            Qt.SortOrder.DescendingOrder
            if order == Qt.SortOrder.AscendingOrder
            else Qt.SortOrder.AscendingOrder
        )
        tab.table.sortByColumn(0, flipped)
        app.processEvents()

    def keystroke() -> None:
        tab.search.setText("feuer" if tab.search.text() != "feuer" else "feue")
        app.processEvents()

    titles = [p.title.casefold() for p in listed]
    rows += [
        Row(
            f"Clearance: sort {len(listed):,} posts by title (header click)",
            measure(sort_by_title, n),
            measure(lambda: sorted(titles), n),
            floor_label="sorted() of the keys",
        ),
        Row(
            "Clearance: search keystroke in the post list",
            measure(keystroke, n),
            measure(lambda: [t for t in titles if "feuer" in t], n),
            floor_label="list comprehension",
        ),
        Row(
            "Clearance: post list refreshed after an edit (tab shown)",
            measure(lambda: (tab.refresh(), app.processEvents()), tab_n),
        ),
    ]
    window.close()
    database.close()
    return rows


def profile(db: Path | None = None, top: int = 25) -> None:
    import cProfile
    import pstats

    db_path = _database(db)

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
