"""Peak memory: TikDesk with the large database open and every tab visited.

The child runs the app with ``TIKDESK_BENCH_EXIT=tour`` (every tab made current, refreshed and
given time to load) and exits; its peak resident set (``ru_maxrss`` from ``wait4``) is the
figure, and the peak after each tab of the tour (the child's ``VmHWM``, Linux) shows which
tab costs what.  Floor: the bare three-tab ``QMainWindow`` visiting its tabs.

    python -m benchmarks.bench_memory [--quick]
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.bench_startup import Sandbox, app_args, bare_args, child_env, launch
from benchmarks.common import Row, Stat, repeats, table

MAX_MB = 250.0  # issue 21


def run(quick: bool = False, db: Path | None = None) -> list[Row]:
    from benchmarks.generate import generate

    n = repeats(quick, full=3, fast=1)
    box = Sandbox(db or generate())
    try:
        bare = Stat.of(
            launch(bare_args(), "tour", child_env(box.folder / "bare")).max_rss_mb for _ in range(n)
        )
        samples = []
        per_tab: dict[str, list[float]] = {}
        for _ in range(n):
            path, env = box.next()
            got = launch(app_args(path), "tour", env)
            samples.append(got.max_rss_mb)
            for line in got.stdout.splitlines():
                parts = line.split()
                if len(parts) == 4 and parts[0] == "TIKDESK_BENCH_RSS":
                    per_tab.setdefault(parts[1], []).append(float(parts[3]))
        rows = [
            Row(
                f"Peak memory: after the {tab} (tour in tab order)",
                Stat.of(peaks),
                bare,
                unit="MB",
                floor_label="bare QMainWindow, 3 tabs",
            )
            for tab, peaks in per_tab.items()
        ]
        rows.append(
            Row(
                "Peak memory: large DB, every tab visited",
                Stat.of(samples),
                bare,
                unit="MB",
                max_value=MAX_MB,
                floor_label="bare QMainWindow, 3 tabs",
            )
        )
        return rows
    finally:
        box.close()


def main() -> int:
    print(table(run("--quick" in sys.argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
