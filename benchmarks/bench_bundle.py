"""Bundle: the frozen app's size and its start, cold and warm, against a frozen bare window.

Two one-folder builds, each cached by the hash of what goes into it (a rebuild takes minutes):

- TikDesk, built by ``packaging/build.py`` (its sources, resources, the spec and the installed
  package versions make the key);
- the floor: a bare ``QMainWindow`` with three tabs (the script of bench_startup) frozen by a
  plain ``pyinstaller --onedir`` — the least a frozen PySide6 window of this kind needs.

Start is spawn → first paint (``TIKDESK_BENCH_EXIT=shown``, tikdesk/bench_probe.py; the bare
window prints the same line).  *Warm*: the folder started again and again (after one unrecorded
start).  *Cold*: the first start after unpacking — every sample starts a fresh copy of the
folder after the page cache was dropped (``/proc/sys/vm/drop_caches``, needs root; without it
the row says so and only the copy is fresh).  Antivirus scanning, which dominates a cold start
on a locked-down Windows PC, is not part of this figure.

Builds live in ``$TIKDESK_BENCH_CACHE`` (default: the temp folder)/tikdesk-bench-bundles; only
the newest TikDesk build is kept.  Without PyInstaller (``pip install -e ".[test]"``) the rows
say so instead of failing.

    python -m benchmarks.bench_bundle [--quick]
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from types import ModuleType

from benchmarks.bench_startup import BARE_WINDOW, Sandbox, launch
from benchmarks.common import Row, Stat, not_available, repeats, table

ROOT = Path(__file__).resolve().parents[1]
#: issue 21: the unpacked bundle
MAX_UNPACKED_MB = 150.0
#: the frozen start may cost what the unfrozen first paint may (issue 21: ≤ 1.5× its floor)
MAX_START_RATIO = 1.5
BUILD_TIMEOUT_S = 1800
#: what goes into the TikDesk bundle besides the installed packages
INPUTS = ("tikdesk", "resources", "packaging/tikdesk.spec", "packaging/build.py",
          "packaging/slim.py", "packaging/rthook_qtopengl.py")  # fmt: skip
FLOOR = "bare QMainWindow, 3 tabs, PyInstaller defaults"


def cache_dir() -> Path:
    base = os.environ.get("TIKDESK_BENCH_CACHE") or tempfile.gettempdir()
    folder = Path(base) / "tikdesk-bench-bundles"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tikdesk_build", ROOT / "packaging/build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def environment_key() -> str:
    """Python and every installed distribution with its version: a new wheel, a new build."""
    dists = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    return "\n".join([sys.version, sys.platform, *dists])


def source_hash(paths: list[Path], extra: str = "") -> str:
    digest = hashlib.sha256(extra.encode())
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts or file.suffix == ".pyc":
                continue
            digest.update(file.relative_to(ROOT).as_posix().encode() + b"\0")
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def folder_mb(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def _cached(prefix: str, key: str, build: object) -> tuple[Path, dict[str, float]]:
    """``build(target) -> bundle folder`` once per key; returns the folder and its figures."""
    assert callable(build)
    target = cache_dir() / f"{prefix}-{key}"
    info = target / "figures.json"
    if not info.is_file():
        shutil.rmtree(target, ignore_errors=True)
        for old in cache_dir().glob(f"{prefix}-*"):  # one build per kind is enough
            shutil.rmtree(old, ignore_errors=True)
        target.mkdir(parents=True)
        print(f"  building {prefix} bundle (cached by source hash) …", file=sys.stderr, flush=True)
        began = time.perf_counter()
        bundle = build(target)
        seconds = time.perf_counter() - began
        shutil.rmtree(target / "work", ignore_errors=True)
        zipped = _build_module().make_zip(bundle, target / "zipped.zip")  # links stay links
        figures = {
            "build_s": seconds,
            "unpacked_mb": folder_mb(bundle),
            "zipped_mb": zipped.stat().st_size / 1e6,
        }
        zipped.unlink()
        zipped.with_name(zipped.name + ".sha256").unlink(missing_ok=True)
        info.write_text(json.dumps({"bundle": str(bundle), **figures}), encoding="utf-8")
    data = json.loads(info.read_text(encoding="utf-8"))
    return Path(data.pop("bundle")), data


def tikdesk_bundle() -> tuple[Path, dict[str, float]]:
    key = source_hash([ROOT / p for p in INPUTS], environment_key())

    def build(target: Path) -> Path:
        subprocess.run(
            [sys.executable, str(ROOT / "packaging/build.py"), "--no-zip",
             "--dist", str(target / "dist"), "--work", str(target / "work")],
            cwd=ROOT, check=True, capture_output=True, timeout=BUILD_TIMEOUT_S,
        )  # fmt: skip
        return target / "dist" / "TikDesk"

    return _cached("tikdesk", key, build)


def bare_bundle() -> tuple[Path, dict[str, float]]:
    key = hashlib.sha256((BARE_WINDOW + environment_key()).encode()).hexdigest()[:16]

    def build(target: Path) -> Path:
        script = target / "bare_window.py"
        script.write_text(BARE_WINDOW, encoding="utf-8")
        subprocess.run(
            [sys.executable, "-m", "PyInstaller", str(script), "--onedir", "--noconfirm",
             "--log-level", "WARN", "--name", "BareWindow", "--distpath", str(target / "dist"),
             "--workpath", str(target / "work"), "--specpath", str(target / "work")],
            cwd=target, check=True, capture_output=True, timeout=BUILD_TIMEOUT_S,
        )  # fmt: skip
        return target / "dist" / "BareWindow"

    return _cached("bare", key, build)


def drop_page_cache() -> bool:
    """Write back and drop the page cache (root on Linux); False where not allowed."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")
    except OSError:
        return False
    return True


class Starts:
    """Start one bundle's executable, warm (in place) or cold (fresh copy, no page cache)."""

    def __init__(self, bundle: Path, exe: str, args: list[str], env: dict[str, str]) -> None:
        self.bundle, self.exe, self.args = bundle, exe, args
        self.env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
        self.dropped: list[bool] = []

    def warm(self) -> float:
        return launch(self.args, "shown", self.env, str(self.bundle / self.exe)).seconds

    def cold(self, scratch: Path) -> float:
        fresh = scratch / f"{self.bundle.name}-fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(self.bundle, fresh, symlinks=True)
        try:
            self.dropped.append(drop_page_cache())
            return launch(self.args, "shown", self.env, str(fresh / self.exe)).seconds
        finally:
            shutil.rmtree(fresh, ignore_errors=True)


def run(quick: bool = False, db: Path | None = None) -> list[Row]:
    if importlib.util.find_spec("PyInstaller") is None:
        reason = "PyInstaller is not installed (pip install -e '.[test]'); no bundle to measure"
        return [not_available("Bundle: size and start", reason)]
    from benchmarks.generate import generate

    builder = _build_module()
    try:
        app, app_figures = tikdesk_bundle()
        bare, bare_figures = bare_bundle()
    except subprocess.CalledProcessError as exc:
        last = (exc.stderr or b"").decode(errors="replace").strip().splitlines()[-1:] or [""]
        return [not_available("Bundle: size and start", f"build failed: {last[0][:200]}")]
    box = Sandbox(db or generate())
    scratch = Path(tempfile.mkdtemp(prefix="tikdesk-bench-cold-"))
    try:
        db_copy, env = box.next()
        tikdesk = Starts(app, builder.exe_name(builder.CLI_EXE), ["--db", str(db_copy)], env)
        floor = Starts(bare, builder.exe_name("BareWindow"), [], env)
        n_warm, n_cold = repeats(quick, full=5, fast=2), repeats(quick, full=3, fast=1)
        rows = [
            Row(
                "Bundle: unpacked size",
                Stat.of([app_figures["unpacked_mb"]]),
                Stat.of([bare_figures["unpacked_mb"]]),
                unit="MB",
                max_value=MAX_UNPACKED_MB,
                floor_label=FLOOR,
                note=f"built in {app_figures['build_s']:.0f} s (cached by source hash)",
            ),
            Row(
                "Bundle: zipped size",
                Stat.of([app_figures["zipped_mb"]]),
                Stat.of([bare_figures["zipped_mb"]]),
                unit="MB",
                floor_label=FLOOR,
            ),
        ]
        cold_app = Stat.of(tikdesk.cold(scratch) for _ in range(n_cold))
        cold_floor = Stat.of(floor.cold(scratch) for _ in range(n_cold))
        dropped = all(tikdesk.dropped + floor.dropped)
        rows.append(
            Row(
                "Bundle: start, cold (fresh copy, first paint)",
                cold_app,
                cold_floor,
                max_ratio=MAX_START_RATIO,
                floor_label=FLOOR,
                note="page cache dropped before every start"
                if dropped
                else "page cache NOT dropped (needs root): only the copy is fresh",
            )
        )
        for starts in (tikdesk, floor):
            starts.warm()  # unrecorded
        rows.append(
            Row(
                "Bundle: start, warm (first paint)",
                Stat.of(tikdesk.warm() for _ in range(n_warm)),
                Stat.of(floor.warm() for _ in range(n_warm)),
                max_ratio=MAX_START_RATIO,
                floor_label=FLOOR,
            )
        )
        return rows
    finally:
        box.close()
        shutil.rmtree(scratch, ignore_errors=True)


def main() -> int:
    print(table(run("--quick" in sys.argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
