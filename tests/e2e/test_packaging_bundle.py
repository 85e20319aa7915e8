"""Build the Linux one-folder bundle with packaging/tikdesk.spec and smoke-test it (issue 8).

Takes about two minutes on the 2-core CI machine (PyInstaller ~100 s, smoke test ~20 s), so it
runs in CI.  Skipped when PyInstaller is not installed (it is in the ``test`` extra) or when
``TIKDESK_SKIP_BUNDLE=1`` (for a quick local run).  The figures are printed with ``-s`` and
recorded as test properties: build seconds and unpacked megabytes.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: issue 21: 205 MB before, 161 MB after leaving out what TikDesk never loads (packaging/slim.py);
#: the Linux bundle also carries system libraries (X11, xcb, glib, fontconfig …) the Windows one
#: does not.  The budget catches a regression such as QtWebEngine, a second Qt binding or the
#: whole ICU data sneaking back in.  Typst (every PDF, tagged PDF/UA-1: issues 20, 23) adds its
#: one native module, 68 MB stripped: 229.5 MB measured with it.
LINUX_BUDGET_MB = 240


def _shared_libpython_missing() -> bool:
    """PyInstaller bundles libpython; a Python built without it cannot be frozen."""
    if importlib.util.find_spec("PyInstaller") is None:
        return False
    from PyInstaller.depend.bindepend import get_python_library_path

    return get_python_library_path() is None


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller not installed"
    ),
    pytest.mark.skipif(
        os.environ.get("TIKDESK_SKIP_BUNDLE") == "1", reason="TIKDESK_SKIP_BUNDLE=1"
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the CI bundle is Linux"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    work = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--no-zip",
            "--dist",
            str(work / "dist"),
            "--work",
            str(work / "build"),
        ],
        cwd=ROOT,
        check=True,
        timeout=1200,
        capture_output=True,
        text=True,
    )
    return work / "dist" / "TikDesk", time.monotonic() - started


def _size_mb(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


@pytest.mark.slow
def test_bundle_passes_the_smoke_test(
    bundle: tuple[Path, float], tmp_path: Path, record_property: object
) -> None:
    folder, seconds = bundle
    size = _size_mb(folder)
    record_property("build_seconds", round(seconds))  # type: ignore[operator]
    record_property("unpacked_mb", round(size, 1))  # type: ignore[operator]
    print(f"\nbundle: built in {seconds:.0f} s, {size:.1f} MB unpacked")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(tmp_path),
        "TIKDESK_HOME": str(tmp_path / "home"),
        "TIKDESK_SMOKE_TIMEOUT": "240",
    }
    env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [str(folder / "TikDesk"), "--smoke-test"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "frozen=True" in result.stdout
    for step in (
        "resources: ok",
        "translations: ok (menu 'Datei', Qt 'Abbrechen')",
        "charts: ok",
        "manual: ok",
        "locale: ok",
        "report: ok",
        "team: ok",
        "network: ok",
    ):
        assert step in result.stdout, f"{step!r} missing:\n{result.stdout}"
    assert len(re.findall(r"smoke: tab \d .*: ok", result.stdout)) == 6
    assert size < LINUX_BUDGET_MB, f"{size:.1f} MB unpacked, budget {LINUX_BUDGET_MB} MB"


@pytest.mark.slow
def test_console_executable_runs_the_command_line(
    bundle: tuple[Path, float], tmp_path: Path
) -> None:
    folder, _seconds = bundle
    result = subprocess.run(
        [str(folder / "tikdesk-cli"), "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TIKDESK_HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    import tikdesk

    assert result.stdout.strip() == f"TikDesk {tikdesk.__version__}"


def test_bundle_holds_what_the_app_reads_from_disk(bundle: tuple[Path, float]) -> None:
    folder, _seconds = bundle
    internal = folder / "_internal"
    migrations = internal / "tikdesk" / "storage" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    shipped = {p.name for p in (migrations / "versions").glob("*.py")}
    source = {p.name for p in (ROOT / "tikdesk/storage/migrations/versions").glob("*.py")}
    assert shipped == source
    resources = internal / "resources"
    for name in (
        "checklists/general.toml",
        "icons/tikdesk.png",
        "manual/de/index.html",
        "manual/en/index.html",
    ):
        assert (resources / name).is_file(), name
    qms = {p.name for p in (resources / "i18n").glob("*.qm")}
    assert qms == {p.name for p in (ROOT / "resources" / "i18n").glob("*.qm")}
    assert not list(resources.rglob("*.ts"))  # translators' sources stay at home
    assert (folder / "SHA256SUMS.txt").is_file()
    assert not (folder / "portable").exists()  # only the zip is portable


def test_bundle_leaves_out_unused_qt_and_other_toolkits(bundle: tuple[Path, float]) -> None:
    folder, _seconds = bundle
    names = [p.relative_to(folder).as_posix() for p in folder.rglob("*")]
    unwanted = re.compile(
        r"Qt6(Network|Quick|Qml|WebEngine|Pdf|Sql|Test|Designer|Multimedia"
        r"|3D|Help|UiTools)|/(PyQt5|PyQt6|PySide2|tkinter|_tkinter)|tcl|/tls/"
    )
    assert [n for n in names if unwanted.search(n)] == []
    translations = {
        n.rsplit("/", 1)[-1] for n in names if "/translations/" in n and n.endswith(".qm")
    }
    assert translations == {"qtbase_de.qm", "qtbase_en.qm"}
    assert not [n for n in names if re.search(r"(^|/)(pytest|_pytest|PyInstaller|mypy)/", n)]


def test_bundle_leaves_out_what_tikdesk_never_loads(bundle: tuple[Path, float]) -> None:
    """Issue 21 (packaging/slim.py): each of these is checked by the smoke test above."""
    folder, _seconds = bundle
    internal = folder / "_internal"
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    unwanted = re.compile(
        r"^PySide6/QtOpenGL\.abi3\.so$|^numpy/random/|^numpy/f2py/|_codecs_(jp|kr|cn|tw|hk)"
        r"|^pyqtgraph/icons/peegee/|(^|/)readline\."
    )
    assert sorted(n for n in names if unwanted.search(n)) == []
    assert "PySide6/QtOpenGLWidgets.abi3.so" in names  # pyqtgraph needs this one
    assert any("/_ssl." in n for n in names)  # psycopg imports ssl
    (icu,) = (internal / "PySide6" / "Qt" / "lib").glob("libicudata.so.*")
    assert icu.stat().st_size < 8e6  # the German/English subset, not ICU's 32 MB


@pytest.mark.slow
def test_portable_marker_keeps_the_data_next_to_the_executable(
    bundle: tuple[Path, float], tmp_path: Path, samples: Path
) -> None:
    """The zip ships a ``portable`` file: the frozen app then writes only into .\\data\\."""
    import shutil

    folder, _seconds = bundle
    env = {k: v for k, v in os.environ.items() if k not in ("TIKDESK_HOME", "TIKDESK_DB")}
    env |= {"HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    marker = folder / "portable"
    marker.write_text("portable\n", encoding="utf-8")
    try:
        exports = sorted(str(p) for p in (samples / "tiktok").glob("*.zip"))
        result = subprocess.run(
            [str(folder / "tikdesk-cli"), "import-analytics", *exports],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert (folder / "data" / "tikdesk.sqlite").is_file()
        assert list((folder / "data" / "backups").glob("*.sqlite"))
        assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()
    finally:
        marker.unlink()
        shutil.rmtree(folder / "data", ignore_errors=True)
