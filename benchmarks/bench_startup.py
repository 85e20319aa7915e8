"""Start-up: launch → main window shown, and → backlog filled, with the large database.

"Shown" is the first paint of the main window — menus, tab titles, "Datenbank wird geöffnet …"
— which since issue 21 comes before SQLAlchemy, Alembic or any service is imported; the
database is opened after it, off the GUI thread.  What the first paint imports:

    TIKDESK_BENCH_EXIT=shown python -X importtime -m tikdesk --db FILE 2> importtime.txt

The floor is a bare PySide6 ``QMainWindow`` with three tabs in a process that exits once it is
shown — the least any Qt app of this kind needs on this machine.  Both are timed from the
parent: ``time.perf_counter()`` before ``Popen`` to the ``perf_counter`` the child prints at
the moment (the clock is system-wide monotonic), so Python's own start is included in both.
TikDesk reports through its hidden probe (``TIKDESK_BENCH_EXIT``, see tikdesk/bench_probe.py).

    python -m benchmarks.bench_startup [--quick]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import Row, Stat, repeats, table

TIMEOUT_S = 180.0
IDEAS_TAB = 1  # index of the Ideen tab in the main window
ROOT = Path(__file__).resolve().parents[1]

#: The floor: a bare main window with three tabs; ``tour`` visits the tabs (memory floor).
BARE_WINDOW = r"""
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget

mode = os.environ["TIKDESK_BENCH_EXIT"]
app = QApplication(sys.argv[:1])
window = QMainWindow()
tabs = QTabWidget()
for name in ("Eins", "Zwei", "Drei"):
    tabs.addTab(QLabel(name), name)
window.setCentralWidget(tabs)
window.resize(1280, 800)
window.show()

def done():
    if mode == "tour":
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            app.processEvents()
            window.grab()
    print(f"TIKDESK_BENCH {mode} {time.perf_counter():.6f}", flush=True)
    window.close()
    app.quit()

QTimer.singleShot(0, done)
sys.exit(app.exec())
"""


@dataclass(frozen=True)
class Launch:
    seconds: float  # spawn → reported moment
    max_rss_mb: float  # peak resident memory of the child
    stderr: str
    stdout: str = ""
    began: float = 0.0  # the parent's perf_counter at spawn

    def moment(self, mode: str) -> float | None:
        """Spawn → another moment the child reported (e.g. ``shown`` in ``rows`` mode)."""
        found = _reported(self.stdout, mode)
        return None if found is None else found - self.began


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYQTGRAPH_QT_LIB"] = "PySide6"
    env["TIKDESK_HOME"] = str(home)
    env.pop("TIKDESK_DB", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def launch(args: list[str], mode: str, env: dict[str, str], program: str | None = None) -> Launch:
    """Spawn ``python args…`` (or ``program args…``: a frozen build), wait until it exits,
    return spawn → ``TIKDESK_BENCH <mode> <t>``.

    The child is reaped with ``wait4`` (POSIX) to get its own peak RSS.
    """
    env = env | {"TIKDESK_BENCH_EXIT": mode}
    began = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(
            [program or sys.executable, *args],
            stdout=out,
            stderr=err,
            env=env,
            text=True,
            cwd=ROOT,
        )
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                raise RuntimeError(f"{_label(args)} did not finish '{mode}'")
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text_out, text_err = out.read(), err.read()
    moment = _reported(text_out, mode)
    if moment is None or proc.returncode != 0:
        raise RuntimeError(
            f"{_label(args)} exited {proc.returncode} without "
            f"reporting '{mode}': {text_err.strip()[-500:]}"
        )
    rss_kb = usage.ru_maxrss / (1024 if sys.platform == "darwin" else 1)
    return Launch(moment - began, rss_kb / 1024, text_err, text_out, began)


def _label(args: list[str]) -> str:
    return "bare window" if args[0] == "-c" else " ".join(args)


def _reported(out: str, mode: str) -> float | None:
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "TIKDESK_BENCH" and parts[1] == mode:
            return float(parts[2])
    return None


def bare_args() -> list[str]:
    return ["-c", BARE_WINDOW]


def app_args(db: Path) -> list[str]:
    return ["-m", "tikdesk", "--db", str(db)]


class Sandbox:
    """A fresh data folder and a fresh copy of the large database for every launch."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.folder = Path(tempfile.mkdtemp(prefix="tikdesk-bench-start-"))
        self.count = 0

    def next(self, tab: int | None = None) -> tuple[Path, dict[str, str]]:
        """``tab``: the tab the window restores (as saved by the user's last session)."""
        self.count += 1
        run = self.folder / str(self.count)
        (run / "home").mkdir(parents=True)
        if tab is not None:
            (run / "home" / "settings.ini").write_text(f"[window]\ntab={tab}\n")
        db = run / "tikdesk.sqlite"
        shutil.copyfile(self.source, db)
        return db, child_env(run / "home")

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def import_seconds(args: list[str], env: dict[str, str]) -> float:
    """Sum of ``-X importtime``'s self times (µs) up to the first paint, in seconds."""
    env = env | {"TIKDESK_BENCH_EXIT": "shown"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=TIMEOUT_S,
    )
    total = 0
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            self_us = line.removeprefix("import time:").split("|", 1)[0].strip()
            if self_us.isdigit():
                total += int(self_us)
    return total / 1e6


def sample(n: int, fn: object) -> Stat:
    """``n`` samples of ``fn() -> float`` after one unrecorded warm-up (disk cache, .pyc)."""
    assert callable(fn)
    fn()
    return Stat.of(fn() for _ in range(n))


def run(quick: bool = False, db: Path | None = None) -> list[Row]:
    from benchmarks.generate import generate

    source = db or generate()
    n = repeats(quick, full=5, fast=2)
    box = Sandbox(source)
    try:
        bare = sample(
            n, lambda: launch(bare_args(), "shown", child_env(box.folder / "bare")).seconds
        )

        def app(mode: str) -> float:
            # "filled": a user whose last session ended on the Ideen tab (index 1)
            path, env = box.next(IDEAS_TAB if mode == "filled" else None)
            return launch(app_args(path), mode, env).seconds

        rows = [
            Row(
                "Start-up: main window shown",
                sample(n, lambda: app("shown")),
                bare,
                max_ratio=1.5,
                floor_label="bare QMainWindow, 3 tabs",
            )
        ]

        def first_rows() -> float:
            """The first paint → the Ideen table's first 100 rows, in one launch."""
            path, env = box.next(IDEAS_TAB)
            got = launch(app_args(path), "rows", env)
            shown = got.moment("shown")
            assert shown is not None, "no first paint reported"
            return got.seconds - shown

        rows.append(
            Row(
                "Start-up: first 100 backlog rows after the window (Ideen last used)",
                sample(n, first_rows),
                max_value=0.300,
                note="from the first paint to the paint of the table's first rows",
            )
        )
        imports_env = box.next()[1]
        rows.append(
            Row(
                "Start-up: -X importtime total before the first paint",
                sample(n, lambda: import_seconds(app_args(box.next()[0]), imports_env)),
                sample(n, lambda: import_seconds(bare_args(), imports_env)),
                floor_label="bare QMainWindow, 3 tabs",
                note="sum of the self times; TIKDESK_BENCH_EXIT=shown python -X importtime "
                "-m tikdesk --db FILE lists them",
            )
        )
        filled_note = ""
        path, env = box.next(IDEAS_TAB)
        probe = launch(app_args(path), "filled", env)
        if "no loaded signal" in probe.stderr:
            filled_note = (
                "the Ideen tab (restored as the last-used tab) loads its backlog "
                "synchronously while it is built, so 'filled' is the first event-loop turn "
                "after show(); a `loaded` signal would time it if loading moves to a thread"
            )
        rows.append(
            Row(
                "Start-up: backlog filled (50k ideas)",
                sample(n, lambda: app("filled")),
                bare,
                max_ratio=3.0,
                floor_label="bare QMainWindow, 3 tabs",
                note=filled_note,
            )
        )
        return rows
    finally:
        box.close()


def main() -> int:
    quick = "--quick" in sys.argv
    print(table(run(quick)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
