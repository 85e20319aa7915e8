"""Packaging files that cannot be run here are at least checked for what they promise.

The real build is in tests/test_packaging_bundle.py; these checks are quick.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import struct
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

import tikdesk

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tikdesk_build", PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
