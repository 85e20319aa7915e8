"""Run every benchmark and print one table: figure, value, floor, ratio, target, met?

    python -m benchmarks [--quick] [--only startup,memory] [--markdown OUT.md]

Each benchmark module runs in its own child process (a crash, a hung Qt event loop or the
memory of one cannot spoil the others) and hands back its rows as JSON.  A module that has not
landed yet, or has no ``run()``, is listed as "not available" instead of failing the run.  The
large database (benchmarks/generate.py) is built once, cached, and offered to every module
whose ``run()`` takes a ``db`` argument — as a fresh copy, so no module changes the cache.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import Row, Stat, machine, not_available, table

ROOT = Path(__file__).resolve().parents[1]

#: (short name, module, what it measures) in the order of the table.
BENCHMARKS: tuple[tuple[str, str, str], ...] = (
    ("startup", "benchmarks.bench_startup", "Start-up"),
    ("backlog", "benchmarks.bench_backlog", "Backlog filter and sort"),
    ("clearance", "benchmarks.bench_clearance", "Clearance lists and tabs"),
    ("import_ideas", "benchmarks.bench_import_ideas", "Idea import"),
    ("import_analytics", "benchmarks.bench_import_analytics", "Analytics import"),
    ("charts", "benchmarks.bench_charts", "Charts: period switch"),
    ("report", "benchmarks.bench_report", "Report"),
    ("memory", "benchmarks.bench_memory", "Peak memory"),
    ("bundle", "benchmarks.bench_bundle", "Bundle: size and start"),
)

#: Issue 9's targets by module: rows whose figure matches the pattern get each target they do
#: not state themselves (a module's own, stricter targets win).
DEFAULT_TARGETS: dict[str, tuple[tuple[str, dict[str, float]], ...]] = {
    "backlog": ((r"keystroke|sort", {"max_ratio": 3.0, "max_value": 0.100}),),
    "import_ideas": ((r"import \.xlsx", {"max_ratio": 1.5}),),
    "import_analytics": ((r"preview \+ commit", {"max_ratio": 1.5}),),
    "charts": ((r"switch|period", {"max_value": 0.100}),),
}
CHILD_TIMEOUT_S = 1800


# ----------------------------------------------------------------------------- child side


def row_to_json(row: Row) -> dict[str, Any]:
    data = dataclasses.asdict(row)
    data["value"] = list(row.value.samples) if row.value is not None else None
    data["floor"] = list(row.floor.samples) if row.floor is not None else None
    data["extra"] = {k: v for k, v in row.extra.items() if _jsonable(v)}
    return data


def row_from_json(data: dict[str, Any]) -> Row:
    data = dict(data)
    for key in ("value", "floor"):
        data[key] = Stat.of(data[key]) if data.get(key) else None
    fields = {f.name for f in dataclasses.fields(Row)}
    return Row(**{k: v for k, v in data.items() if k in fields})


def _jsonable(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def adapt(item: Any, label: str) -> Row:
    """A row from whatever a module's ``run()`` returned (a Row, or something Row-like)."""
    if isinstance(item, Row):
        return item
    get = item.get if isinstance(item, dict) else (lambda k, d=None: getattr(item, k, d))
    figure = get("figure") or get("name") or label

    def stat(key: str) -> Stat | None:
        value = get(key)
        if value is None:
            return None
        if isinstance(value, Stat):
            return value
        samples = getattr(value, "samples", value)
        return Stat.of(samples if isinstance(samples, list | tuple) else [samples])

    return Row(
        str(figure),
        stat("value"),
        stat("floor"),
        unit=get("unit", "s") or "s",
        max_ratio=get("max_ratio"),
        max_value=get("max_value"),
        floor_label=get("floor_label", "") or "",
        note=get("note", "") or "",
    )


def run_module(name: str, module_name: str, label: str, quick: bool, db: Path | None) -> list[Row]:
    """Import and run one benchmark module in this process."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return [not_available(label, f"{module_name} has not landed yet")]
        raise
    run = getattr(module, "run", None)
    if run is None:
        return [not_available(label, f"{module_name} has no run() function")]
    params = inspect.signature(run).parameters
    kwargs: dict[str, Any] = {}
    if "quick" in params:
        kwargs["quick"] = quick
    if "db" in params and db is not None:
        kwargs["db"] = db
    rows = [adapt(item, label) for item in run(**kwargs)]
    for row in rows:
        for pattern, targets in DEFAULT_TARGETS.get(name, ()):
            if row.value is not None and re.search(pattern, row.figure, re.IGNORECASE):
                for key, value in targets.items():
                    if key == "max_ratio" and row.floor is None:
                        continue  # a ratio needs a floor
                    if getattr(row, key) is None:
                        setattr(row, key, value)
    return rows or [not_available(label, "run() returned no rows")]


def child_main(name: str, quick: bool, out: Path, db: Path | None) -> int:
    _, module_name, label = next(b for b in BENCHMARKS if b[0] == name)
    rows = run_module(name, module_name, label, quick, db)
    out.write_text(json.dumps([row_to_json(r) for r in rows]), encoding="utf-8")
    return 0


# ----------------------------------------------------------------------------- parent side


def run_child(name: str, quick: bool, db: Path | None, work: Path) -> list[Row]:
    _, _, label = next(b for b in BENCHMARKS if b[0] == name)
    out = work / f"{name}.json"
    copy = None
    if db is not None:
        copy = work / f"{name}.sqlite"
        shutil.copyfile(db, copy)
    cmd = [sys.executable, "-m", "benchmarks.run_all", "--child", name, "--out", str(out)]
    if quick:
        cmd.append("--quick")
    if copy is not None:
        cmd += ["--db", str(copy)]
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    env["TIKDESK_HOME"] = str(work / f"{name}-home")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    try:
        proc = subprocess.run(
            cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S
        )
    except subprocess.TimeoutExpired:
        return [not_available(label, f"timed out after {CHILD_TIMEOUT_S} s")]
    if proc.returncode != 0 or not out.exists():
        last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        return [not_available(label, f"failed (exit {proc.returncode}): {last[:200]}")]
    return [row_from_json(r) for r in json.loads(out.read_text(encoding="utf-8"))]


def environment_text() -> str:
    info = machine()
    hw = f"{info.pop('CPU')}, {info.pop('cores')} cores, {info.pop('RAM')} RAM"
    platform_line = f"{info.pop('OS')}, Qt platform {info.pop('Qt platform')}"
    libs = ", ".join(f"{k} {v}" for k, v in info.items())
    return f"Machine: {hw}\nSystem:  {platform_line}\nVersions: {libs}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument(
        "--only", default="", help="comma-separated: " + ",".join(b[0] for b in BENCHMARKS)
    )
    parser.add_argument("--markdown", type=Path, help="also write the report to this file")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child_main(args.child, args.quick, args.out, args.db)

    names = [b[0] for b in BENCHMARKS]
    chosen = [n.strip() for n in args.only.split(",") if n.strip()] or names
    unknown = sorted(set(chosen) - set(names))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from benchmarks.generate import generate

    began = time.perf_counter()
    print("Preparing the large database (cached after the first run)…", file=sys.stderr, flush=True)
    db = generate()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="tikdesk-bench-") as tmp:
        for name in names:
            if name not in chosen:
                continue
            print(f"· {name} …", file=sys.stderr, flush=True)
            t0 = time.perf_counter()
            got = run_child(name, args.quick, db, Path(tmp))
            print(f"  {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
            rows.extend(got)
    missed = [r for r in rows if r.met is False]
    report = "\n".join(
        [
            f"TikDesk benchmarks{' (quick)' if args.quick else ''} — "
            f"{time.strftime('%Y-%m-%d %H:%M')}, {time.perf_counter() - began:.0f} s",
            environment_text(),
            f"Database: {db.name} ({db.stat().st_size / 2**20:.0f} MiB, benchmarks/generate.py)",
            "",
            table(rows),
            "",
            f"{len(missed)} target(s) missed." if missed else "Every measured target met.",
        ]
    )
    print(report)
    if args.markdown:
        args.markdown.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
