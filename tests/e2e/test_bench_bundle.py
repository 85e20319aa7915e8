"""benchmarks/bench_bundle.py without building anything: its cache key and its skip."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

# benchmarks/ lives beside tikdesk/ in the checkout and is not installed with the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks import bench_bundle


def test_cache_key_follows_the_sources_not_their_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench_bundle, "ROOT", tmp_path)
    package = tmp_path / "pkg"
    (package / "__pycache__").mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n")
    spec = tmp_path / "app.spec"
    spec.write_text("# spec\n")
    key = bench_bundle.source_hash([package, spec], "env")
    (package / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    assert bench_bundle.source_hash([package, spec], "env") == key
    assert bench_bundle.source_hash([package, spec], "other installed packages") != key
    (package / "a.py").write_text("x = 2\n")
    assert bench_bundle.source_hash([package, spec], "env") != key


def test_without_pyinstaller_the_rows_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "PyInstaller" else real(name, *a),
    )
    (row,) = bench_bundle.run(quick=True)
    assert row.value is None and "PyInstaller is not installed" in row.error
