"""TikTok analytics import of 3 years of daily data: preview + commit, and a re-import.

    python -m benchmarks.bench_import_analytics [--quick]

The input is what TikTok delivers for one account over three years: three ``Overview_…zip``
(365 year-less days each, UTF-8 with BOM, every field quoted) and three ``Followers_…zip``
(``FollowerHistory.csv``) — 2,190 table rows that make 1,095 account days.  The figure is the
whole import as the user waits for it (read the ZIPs, recognise the tables, infer the years,
compare with the database, write in one transaction).  The floor is the least the same work
needs: ``csv.reader`` over the same CSV texts plus ``sqlite3.executemany`` of the rows into the
same table of an equally fresh database.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import zipfile
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Row, measure, repeats, table

HANDLE = "stadt.musterhausen"
END = dt.date(2026, 10, 29)
YEARS = 3
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


def _quoted(rows: list[list[str]]) -> bytes:
    lines = [",".join(f'"{c}"' for c in row) for row in rows]
    return ("\ufeff" + "\n".join(lines)).encode("utf-8")


def make_exports(folder: Path, seed: int = 7) -> list[Path]:
    """Three years of TikTok downloads (Overview + Followers per year) in ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    followers = 1000
    start = END - dt.timedelta(days=365 * YEARS - 1)
    for year in range(YEARS):
        first = start + dt.timedelta(days=365 * year)
        days = [first + dt.timedelta(days=i) for i in range(365)]
        overview = [["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]]
        history = [["Date", "Followers", "Difference in followers from previous day"]]
        for day in days:
            label = f"{MONTHS[day.month - 1]} {day.day}"
            views = int(rng.lognormvariate(7.5, 0.6))
            overview.append(
                [
                    label,
                    f"{views:,}",
                    str(views // 30),
                    str(views // 12),
                    str(rng.randint(-1, 40)),
                    str(views // 90),
                ]
            )
            change = rng.randint(-3, 25)
            followers += change
            history.append([label, str(followers), str(change)])
        download = days[-1] + dt.timedelta(days=2)
        stamp = (download.year, download.month, download.day, 9, 30, 0)
        epoch = int(dt.datetime.combine(download, dt.time(9, 30)).timestamp())
        for name, member, rows in (
            (f"Overview_{first.isoformat()}_{epoch}_{HANDLE}.zip", "Overview.csv", overview),
            (f"Followers_{HANDLE}.zip", "FollowerHistory.csv", history),
        ):
            # TikTok names every follower download the same: one folder per download.
            path = folder / str(year) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(zipfile.ZipInfo(member, date_time=stamp), _quoted(rows))  # type: ignore[arg-type]
            paths.append(path)
    return paths


def floor_import(paths: list[Path], db_path: Path) -> int:
    """Raw parsing + executemany: the least an import of the same rows needs."""
    rows: dict[tuple[str, str], dict[str, object]] = {}
    for index, path in enumerate(paths):  # Overview and Followers of one year are neighbours
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                text = archive.read(member).decode("utf-8-sig")
                reader = csv.reader(io.StringIO(text))
                header = next(reader)
                for record in reader:
                    key = (HANDLE, f"{index // 2} {record[0]}")
                    target = rows.setdefault(key, {})
                    for name, value in zip(header[1:], record[1:], strict=True):
                        target[name] = int(value.replace(",", ""))
    conn = sqlite3.connect(db_path)
    with conn:
        conn.executemany(
            "insert into account_daily (account, day, video_views, profile_views, likes, "
            "comments, shares, followers) values (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a,
                    d,
                    r.get("Video Views"),
                    r.get("Profile Views"),
                    r.get("Likes"),
                    r.get("Comments"),
                    r.get("Shares"),
                    r.get("Followers"),
                )
                for (a, d), r in rows.items()
            ],
        )
    conn.close()
    return len(rows)


def run(quick: bool = False) -> list[Row]:
    from tikdesk.services.analytics import AnalyticsService
    from tikdesk.services.context import AppContext
    from tikdesk.storage.engine import open_database

    work = Path(tempfile.mkdtemp(prefix="tikdesk-bench-analytics-"))
    os.environ.setdefault("TIKDESK_HOME", str(work / "home"))
    paths = make_exports(work / "exports")
    template = work / "empty.sqlite"
    open_database(template).close()  # schema once; each sample starts from a copy
    n = repeats(quick)
    state: dict[str, object] = {}

    def fresh() -> None:
        """A new copy of the empty database, already open (as in the running app)."""
        old = state.get("db")
        if old is not None:
            old.close()  # type: ignore[attr-defined]
        target = work / f"db{time.perf_counter_ns()}.sqlite"
        shutil.copyfile(template, target)
        state["path"] = target
        state["db"] = open_database(target)
        state["service"] = AnalyticsService(AppContext(db=state["db"], user="bench"))  # type: ignore[arg-type]

    def app_import() -> None:
        service: AnalyticsService = state["service"]  # type: ignore[assignment]
        _preview, result = service.import_files(paths)
        assert result is not None and result.inserted == 2 * 365 * YEARS

    def app_preview_only() -> None:
        service: AnalyticsService = state["service"]  # type: ignore[assignment]
        service.preview_import(paths)

    def floor() -> None:
        assert floor_import(paths, state["path"]) == 365 * YEARS  # type: ignore[arg-type]

    value = measure(app_import, n, setup=fresh)
    floor_stat = measure(floor, n, setup=fresh)
    preview = measure(app_preview_only, n, setup=fresh)

    # re-import of the same files into a database that already holds them: nothing changes
    fresh()
    app_import()
    again = measure(app_preview_only, n)
    rows = [
        Row(
            "Analytics import: 3 years daily (6 ZIPs, 2,190 rows), preview + commit",
            value,
            floor_stat,
            floor_label="csv.reader + sqlite3 executemany",
            max_ratio=1.5,
        ),
        Row(
            "Analytics import: preview only (read, recognise, years, compare)",
            preview,
            floor_stat,
            floor_label="csv.reader + sqlite3 executemany",
        ),
        Row(
            "Analytics import: same files again (all unchanged)",
            again,
            floor_stat,
            floor_label="csv.reader + sqlite3 executemany",
        ),
    ]
    state["db"].close()  # type: ignore[attr-defined]
    shutil.rmtree(work, ignore_errors=True)
    return rows


def main() -> int:
    print(table(run("--quick" in sys.argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
