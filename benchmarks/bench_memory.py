"""Peak memory: TikDesk with the large database open and every tab visited.

The child runs the app with ``TIKDESK_BENCH_EXIT=tour`` (every tab made current, refreshed and
given time to load) and exits; its peak resident set (``ru_maxrss`` from ``wait4``) is the
figure.  Floor: the bare three-tab ``QMainWindow`` visiting its tabs.

    python -m benchmarks.bench_memory [--quick]
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.bench_startup import Sandbox, app_args, bare_args, child_env, launch
from benchmarks.common import Row, Stat, repeats, table

MAX_MB = 300.0


def run(quick: bool = False, db: Path | None = None) -> list[Row]:
    from benchmarks.generate import generate

    n = repeats(quick, full=3, fast=1)
    box = Sandbox(db or generate())
    try:
        bare = Stat.of(
            launch(bare_args(), "tour", child_env(box.folder / "bare")).max_rss_mb for _ in range(n)
        )
        samples = []
        for _ in range(n):
            path, env = box.next()
            samples.append(launch(app_args(path), "tour", env).max_rss_mb)
        return [
            Row(
                "Peak memory: large DB, every tab visited",
                Stat.of(samples),
                bare,
                unit="MB",
                max_value=MAX_MB,
                floor_label="bare QMainWindow, 3 tabs",
            )
        ]
    finally:
        box.close()


def main() -> int:
    print(table(run("--quick" in sys.argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
