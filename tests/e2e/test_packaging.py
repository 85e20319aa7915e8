"""Packaging files that cannot be run here are at least checked for what they promise.

The real build is in tests/e2e/test_packaging_bundle.py; these checks are quick.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import re
import struct
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

import tikdesk

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def _script(name: str) -> ModuleType:
    """A script of packaging/ loaded as a module (packaging/ is no package)."""
    spec = importlib.util.spec_from_file_location(f"tikdesk_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return _script("build")


def test_version_comes_from_the_package(build: ModuleType) -> None:
    assert build.version() == tikdesk.__version__
    assert re.fullmatch(rf"TikDesk-{re.escape(tikdesk.__version__)}-[\w.-]+\.zip", build.zip_name())


def test_committed_version_resource_matches_the_version(build: ModuleType) -> None:
    """The spec regenerates it on every build; the committed copy must not lie meanwhile."""
    committed = (PACKAGING / "version_info.txt").read_text(encoding="utf-8")
    assert committed == build.version_info_text(tikdesk.__version__), (
        "run `python packaging/build.py` (or build.write_version_info()) and commit the file"
    )
    assert "filevers=(0, 1, 0, 0)" in build.version_info_text("0.1.0")
    assert "filevers=(1, 2, 3, 0)" in build.version_info_text("1.2.3rc1")


def _fake_bundle(tmp_path: Path, build: ModuleType) -> Path:
    bundle = tmp_path / "dist" / "TikDesk"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    (bundle / build.exe_name()).write_bytes(b"MZ fake exe")
    (bundle / "_internal" / "resources" / "x.qm").write_bytes(b"qm")
    (bundle / "data").mkdir()
    (bundle / "data" / "tikdesk.sqlite").write_bytes(b"a user's data")  # a test run left it
    (bundle / "portable").write_text("x")
    return bundle


def test_manifest_lists_every_shipped_file_with_its_sha256(
    tmp_path: Path, build: ModuleType
) -> None:
    bundle = _fake_bundle(tmp_path, build)
    manifest = build.write_manifest(bundle)
    lines = manifest.read_text(encoding="utf-8").splitlines()
    expected = {
        f"{hashlib.sha256(b'MZ fake exe').hexdigest()}  {build.exe_name()}",
        f"{hashlib.sha256(b'qm').hexdigest()}  _internal/resources/x.qm",
    }
    assert set(lines) == expected  # no data/, no marker, not itself


def test_portable_zip_has_marker_readme_and_no_user_data(tmp_path: Path, build: ModuleType) -> None:
    bundle = _fake_bundle(tmp_path, build)
    target = build.make_zip(bundle, tmp_path / "dist" / build.zip_name())
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        readme = archive.read("TikDesk/LIESMICH.txt").decode("utf-8")
    assert names == {
        f"TikDesk/{build.exe_name()}",
        "TikDesk/_internal/resources/x.qm",
        "TikDesk/portable",
        "TikDesk/LIESMICH.txt",
    }
    assert tikdesk.__version__ in readme and "{version}" not in readme
    checksum = target.with_name(target.name + ".sha256").read_text(encoding="utf-8")
    assert checksum == f"{hashlib.sha256(target.read_bytes()).hexdigest()}  {target.name}\n"


def test_spec_builds_one_folder_without_upx_and_other_bindings() -> None:
    spec = (PACKAGING / "tikdesk.spec").read_text(encoding="utf-8")
    assert "COLLECT(" in spec and "exclude_binaries=True" in spec  # one folder, not one file
    assert "upx=True" not in spec and spec.count("upx=False") == 2
    for name in (
        "PyQt5",
        "PyQt6",
        "PySide2",
        "tkinter",
        "QtQuick",
        "QtQml",
        "QtWebEngineCore",
        "QtMultimedia",
        "QtDesigner",
        "QtPdf",
        "QtSql",
        "QtTest",
        "QtHelp",
        "QtUiTools",
        "Qt3DCore",
        "QtNetwork",
    ):
        assert f'"{name}"' in spec, name
    assert '"qtbase_de.qm", "qtbase_en.qm"' in spec
    # Alembic reads its scripts from disk: they travel as data files
    assert 'MIGRATIONS / "script.py.mako"' in spec and '"versions"' in spec


def test_inno_setup_installs_per_user_without_admin_rights() -> None:
    iss = (PACKAGING / "tikdesk.iss").read_text(encoding="ascii")  # ASCII: any ISCC reads it
    settings = dict(
        line.split("=", 1)
        for line in iss.splitlines()
        if "=" in line and not line.startswith((";", "#", "Name:", "Source:", "Type:", "Filename:"))
    )
    assert settings["PrivilegesRequired"] == "lowest"
    assert settings["DefaultDirName"] == r"{localappdata}\Programs\{#AppName}"
    assert '#define AppName "TikDesk"' in iss
    assert f'#define AppVersion "{tikdesk.__version__}"' in iss
    assert r'Name: "{autoprograms}\{#AppName}"' in iss  # Start menu of the user
    assert 'Excludes: "\\portable,\\data"' in iss  # an installed copy is never portable


def test_icons_exist_in_every_size_windows_asks_for() -> None:
    icons = ROOT / "resources" / "icons"
    ico = (icons / "tikdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind) == (0, 1)
    sizes = {(ico[6 + 16 * i] or 256) for i in range(count)}
    assert {16, 24, 32, 48, 256} <= sizes
    png = (icons / "tikdesk.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    assert "<svg" in (icons / "tikdesk.svg").read_text(encoding="utf-8")


def test_installed_package_carries_the_migration_scripts() -> None:
    """``pip install`` (not only the bundle) needs the Alembic scripts as package data."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"tikdesk.storage.migrations" = ["script.py.mako", "versions/*.py"]' in pyproject


# ------------------------------------------------------------------ packaging/slim.py (issue 21)
@pytest.fixture(scope="module")
def slim() -> ModuleType:
    return _script("slim")


def _icu_package(slim: ModuleType, items: list[tuple[str, bytes]]) -> bytes:
    """A small ICU common data package: header (magic da 27, format CmnD), then the items."""
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", b"\1\0\0\0", b"\0" * 4)
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    header += b"\0" * (32 - len(header))
    return bytes(slim.write_package(header, items))


def test_icu_subset_keeps_german_english_and_what_every_locale_shares(slim: ModuleType) -> None:
    big_codepage = b"\1" * (slim.ICU_MAX_CONVERTER_BYTES + 16)
    named = [
        ("icudt73l/coll/de.res", b"de collation"),
        ("icudt73l/coll/fr.res", b"fr collation"),
        ("icudt73l/coll/root.res", b"root collation"),
        ("icudt73l/coll/ucadata.icu", b"uca"),
        ("icudt73l/de_AT.res", b"de_AT"),
        ("icudt73l/en_GB.res", b"en_GB"),
        ("icudt73l/ja.res", b"ja"),
        ("icudt73l/pool.res", b"shared strings"),
        ("icudt73l/res_index.res", b"index"),
        ("icudt73l/zone/pool.res", b"zone strings"),
        ("icudt73l/brkitr/cjdict.dict", b"dictionary"),
        ("icudt73l/brkitr/de.res", b"de rules"),
        ("icudt73l/translit/root.res", b"transliteration"),
        ("icudt73l/ibm-1252_P100-2000.cnv", b"cp1252"),
        ("icudt73l/gb18030.cnv", big_codepage),
        ("icudt73l/ucase.icu", b"case"),
    ]
    # ICU items are padded to 16 bytes (each says its own length inside)
    items = [(name, data + b" " * (-len(data) % 16)) for name, data in named]
    _header, read = slim.read_package(_icu_package(slim, items))
    assert read == items  # the writer and reader agree, every item intact
    _header, kept = slim.read_package(slim.icu_subset(_icu_package(slim, items)))
    assert [name.split("/", 1)[1] for name, _ in kept] == [
        "coll/de.res",
        "coll/root.res",
        "coll/ucadata.icu",
        "de_AT.res",
        "en_GB.res",
        "pool.res",
        "res_index.res",
        "zone/pool.res",
        "brkitr/de.res",
        "ibm-1252_P100-2000.cnv",
        "ucase.icu",
    ]
    assert dict(kept)["icudt73l/coll/de.res"].rstrip() == b"de collation"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ICU ships only on Linux")
def test_icu_subset_library_of_the_real_data_loads(slim: ModuleType, tmp_path: Path) -> None:
    """The library the spec builds: one exported symbol holding a valid, smaller package."""
    import ctypes
    import shutil

    pyside = Path(importlib.util.find_spec("PySide6").origin).parent  # type: ignore[arg-type,union-attr]
    sources = sorted((pyside / "Qt" / "lib").glob("libicudata.so.*"))
    if not sources or any(shutil.which(t) is None for t in ("nm", "readelf", "as", "ld")):
        pytest.skip("no ICU in this PySide6 or no binutils")
    target = tmp_path / sources[0].name
    before, after = slim.icu_data_library(sources[0], target)
    assert after < before / 3
    ctypes.CDLL(str(target))  # loads on its own (no dependencies)
    offset, size = slim._elf_symbol(target, slim.icu_data_symbol(target))
    assert size == after
    with target.open("rb") as fh:
        fh.seek(offset)
        _header, items = slim.read_package(fh.read(size))
    names = {name.split("/", 1)[1] for name, _ in items}
    shared = {"coll/root.res", "coll/ucadata.icu", "zoneinfo64.res", "cnvalias.icu"}
    assert {"coll/de.res", "zone/de.res", "zone/en.res", *shared} <= names
    assert "coll/zh.res" not in names and "brkitr/cjdict.dict" not in names


def test_qtopengl_stand_in_imports_and_refuses_classes() -> None:
    """The bundle's runtime hook: pyqtgraph's import works, any use says why it fails."""
    import runpy

    saved = sys.modules.pop("PySide6.QtOpenGL", None)
    try:
        runpy.run_path(str(PACKAGING / "rthook_qtopengl.py"))
        module = importlib.import_module("PySide6.QtOpenGL")
        with pytest.raises(ImportError, match="not part of the TikDesk bundle"):
            module.QOpenGLBuffer  # noqa: B018
    finally:
        sys.modules.pop("PySide6.QtOpenGL", None)
        if saved is not None:
            sys.modules["PySide6.QtOpenGL"] = saved


def test_windows_estimate_maps_linux_files_to_their_windows_counterparts(tmp_path: Path) -> None:
    """packaging/windows_estimate.py: Qt and numpy from the win_amd64 sizes, Linux-only files
    dropped, Python's runtime added, the archive counted twice (two executables)."""
    estimate = _script("windows_estimate")
    bundle = tmp_path / "TikDesk"
    files = {
        "PySide6/Qt/lib/libQt6Core.so.6": 7_000_000,
        "PySide6/Qt/lib/libicudata.so.73": 5_000_000,  # Windows: the system's icuuc.dll
        "PySide6/Qt/lib/libQt6XcbQpa.so.6": 800_000,
        "PySide6/Qt/plugins/platforms/libqxcb.so": 20_000,
        "PySide6/QtCore.abi3.so": 4_000_000,
        "numpy.libs/libscipy_openblas64_-x.so": 25_000_000,
        "numpy.libs/libgfortran-x.so.5": 2_800_000,
        "libX11.so.6": 1_300_000,
        "resources/manual/de/index.html": 1_000_000,
    }
    for rel, size in files.items():
        path = bundle / "_internal" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\0" * size)
    (bundle / "TikDesk").write_bytes(b"\0" * 13_000_000)
    win = {
        "PySide6/Qt6Core.dll": 10_000_000,
        "PySide6/plugins/platforms/qwindows.dll": 1_000_000,
        "PySide6/QtCore.pyd": 3_000_000,
        "numpy.libs/libscipy_openblas64_-y.dll": 20_000_000,
        "numpy.libs/msvcp140-z.dll": 500_000,
    }
    groups = estimate.estimate(bundle, win)
    assert groups["Qt libraries and plugins"] == pytest.approx(11.0)
    assert groups["PySide6 bindings"] == pytest.approx(3.0)
    assert groups["numpy"] == pytest.approx(20.5)
    assert groups["Python code, data and other extensions (same)"] == pytest.approx(1.0)
    assert groups["TikDesk.exe"] == groups["tikdesk-cli.exe (a second copy of the Python archive)"]
    runtime = sum(estimate.PYTHON_RUNTIME_MB.values())
    assert sum(groups.values()) == pytest.approx(11.0 + 3.0 + 20.5 + 1.0 + 26.0 + runtime)
