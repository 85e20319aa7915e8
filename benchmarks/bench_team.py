"""Team database (issue 17): the same figures on SQLite and on PostgreSQL, side by side.

    python -m benchmarks.bench_team [--quick] [--scale 1.0]

Starts a throw-away PostgreSQL cluster of its own (tests/pg_server.py: initdb + pg_ctl in a
temporary folder, unix socket only; PostgreSQL from the Debian package), copies the large
generated database into it with ``copy-to`` and measures on both back ends:

* idea filter and sort: read every idea and filter + sort them (``IdeaIndex``) for a search;
* the post list with every gate (``PostService.list_posts``);
* one import of 1,000 ideas from CSV (preview + commit, one transaction);
* edit latency with 5 concurrent clients: each its own connection(s), each editing its own
  ideas 20 times, the median of every single edit;
* the time until another client sees a change: PostgreSQL ``LISTEN/NOTIFY`` from the
  writer's commit to the listener's socket becoming readable (SQLite has no second client:
  one writer per file, the lock file).

Figures only, no assertions: median (min–max) of the runs, seconds.  The server runs on the
same machine over a unix socket, so network latency is not included.
"""

from __future__ import annotations

import argparse
import csv
import os
import select
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # pg_server.py

import pg_server  # noqa: E402

from benchmarks.generate import cached_path  # noqa: E402
from tikdesk.services.context import AppContext  # noqa: E402
from tikdesk.services.exchange import commit_idea_import, preview_idea_import  # noqa: E402
from tikdesk.services.idea_query import IdeaFilter, IdeaIndex  # noqa: E402
from tikdesk.services.ideas import IdeaService  # noqa: E402
from tikdesk.services.posts import PostService  # noqa: E402
from tikdesk.services.transfer import copy_to  # noqa: E402
from tikdesk.storage.engine import Database, open_database, open_server_database  # noqa: E402
from tikdesk.storage.notify import ChangeListener  # noqa: E402

CLIENTS = 5
EDITS = 20


def timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    fn()  # warm-up
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def fmt(samples: list[float]) -> str:
    if not samples:
        return "—"
    med = statistics.median(samples)
    unit, factor = ("ms", 1000.0) if med < 1 else ("s", 1.0)
    return f"{med * factor:.1f} {unit} ({min(samples) * factor:.1f}–{max(samples) * factor:.1f})"


def filter_sort(ctx: AppContext) -> None:
    index = IdeaIndex(IdeaService(ctx).list_ideas())
    index.filter(IdeaFilter(text="feuer"), ("title", True))


def import_file(folder: Path, n: int, tag: str) -> Path:
    path = folder / f"ideas-{tag}.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["Titel", "Hook", "Format", "Zielgruppe"])
        for i in range(n):
            writer.writerow([f"Bench-Idee {tag} {i}", f"Hook {i}", "Erklärvideo", "Bewerber"])
    return path


def one_import(ctx: AppContext, folder: Path, counter: list[int]) -> None:
    counter[0] += 1
    path = import_file(folder, 1000, f"{id(ctx)}-{counter[0]}")
    preview = preview_idea_import(ctx, path)
    commit_idea_import(ctx, preview)


def concurrent_edits(opener: Callable[[], Database]) -> list[float]:
    dbs = [opener() for _ in range(CLIENTS)]
    services = [IdeaService(AppContext(db=db, user=f"client{i}")) for i, db in enumerate(dbs)]
    ids = [r.id for r in services[0].list_ideas()[: CLIENTS * 3]]
    latencies: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(CLIENTS)

    def work(n: int) -> None:
        service = services[n]
        mine = ids[n * 3 : n * 3 + 3]
        barrier.wait()
        for k in range(EDITS):
            idea_id = mine[k % len(mine)]
            record = service.get(idea_id)
            start = time.perf_counter()
            service.update(idea_id, {"hook": f"Client {n} edit {k}"}, record.version)
            took = time.perf_counter() - start
            with lock:
                latencies.append(took)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for db in dbs:
        db.close()
    return latencies


def notify_latency(writer: Database, listener_db: Database, repeat: int) -> list[float]:
    listener = ChangeListener(listener_db)
    service = IdeaService(AppContext(db=writer, user="writer"))
    idea = service.create({"title": "Sichtbarkeit"})
    out = []
    try:
        for k in range(repeat):
            record = service.get(idea.id)
            start = time.perf_counter()
            service.update(idea.id, {"hook": f"#{k}"}, record.version)
            seen: list[Any] = []
            while not seen:
                select.select([listener.fileno()], [], [], 5)
                seen = listener.pending()
            out.append(time.perf_counter() - start)
    finally:
        listener.close()
    return out


def _computed_post_list(ctx: Any) -> object:
    """The post list computed (SQLite keeps an unchanged list, issue 21: forget it first)."""
    from tikdesk.services import posts as posts_service

    posts_service._POST_LISTS.clear()
    return posts_service.PostService(ctx).list_posts()


def run(quick: bool = False, scale: float = 1.0) -> list[tuple[str, str, str]]:
    repeat = 3 if quick else 7
    source = cached_path(scale=scale)
    work = Path(tempfile.mkdtemp(prefix="tikdesk-bench-team-"))
    sqlite_file = work / "team.sqlite"
    sqlite_file.write_bytes(source.read_bytes())
    server = pg_server.start()
    try:
        server.psql('CREATE DATABASE "bench"')
        url = server.url("bench")
        lite = open_database(sqlite_file)
        print(f"copying {source.name} to PostgreSQL …", file=sys.stderr)
        copy_to(lite, url)
        team = open_server_database(url, work / "team")
        ctxs = {
            "SQLite": AppContext(db=lite, user="bench"),
            "PostgreSQL": AppContext(db=team, user="bench"),
        }
        ideas = len(IdeaService(ctxs["SQLite"]).list_ideas())
        posts = len(PostService(ctxs["SQLite"]).list_posts())
        results: dict[str, dict[str, str]] = {name: {} for name in ctxs}
        counter = [0]
        for name, ctx in ctxs.items():
            print(f"measuring {name} …", file=sys.stderr)
            r = results[name]
            r["filter"] = fmt(timed(lambda c=ctx: filter_sort(c), repeat))
            r["posts"] = fmt(timed(lambda c=ctx: _computed_post_list(c), repeat))
            r["import"] = fmt(
                timed(lambda c=ctx: one_import(c, work, counter), max(2, repeat // 2))
            )
        results["SQLite"]["edit"] = fmt(concurrent_edits(lambda: open_database(sqlite_file)))
        results["PostgreSQL"]["edit"] = fmt(
            concurrent_edits(lambda: open_server_database(url, work / "team"))
        )
        results["SQLite"]["seen"] = "— (one writer per file)"
        other = open_server_database(url, work / "team")
        results["PostgreSQL"]["seen"] = fmt(notify_latency(team, other, repeat * 3))
        other.close()
        lite.close()
        team.close()
    finally:
        pg_server.stop(server)
    labels = [
        ("filter", f"Idea filter + sort ({ideas:,} ideas, read included)"),
        ("posts", f"Post list with gates ({posts:,} posts)"),
        ("import", "Import 1,000 ideas (CSV, preview + commit)"),
        ("edit", f"Edit latency, {CLIENTS} concurrent clients × {EDITS} edits"),
        ("seen", "Another client sees a change"),
    ]
    return [(label, results["SQLite"][k], results["PostgreSQL"][k]) for k, label in labels]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--scale", type=float, default=None)
    args = parser.parse_args(argv)
    scale = args.scale if args.scale is not None else (0.1 if args.quick else 1.0)
    rows = run(args.quick, scale)
    width = max(len(r[0]) for r in rows)
    print(f"| {'what':<{width}} | SQLite | PostgreSQL |")
    print(f"|{'-' * (width + 2)}|---|---|")
    for what, lite, pg in rows:
        print(f"| {what:<{width}} | {lite} | {pg} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
