"""The layer rule of ARCHITECTURE.md §1, checked by import-linter on every test run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_import_contracts_hold() -> None:
    exe = Path(sys.executable).parent / "lint-imports"
    command = [str(exe)] if exe.exists() else [shutil.which("lint-imports") or "lint-imports"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


@pytest.mark.slow
def test_main_window_start_does_not_import_heavy_libraries(tmp_path: Path) -> None:
    """pyqtgraph, numpy, calamine and XlsxWriter cost ~1 s at start: they must load lazily."""
    script = (
        "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from tikdesk.storage.engine import open_database;"
        "from tikdesk.services.context import AppContext;"
        "from tikdesk.ui.main_window import MainWindow;"
        "import tempfile, pathlib;"
        "db = open_database(pathlib.Path(tempfile.mkdtemp()) / 'x.sqlite');"
        "from PySide6.QtCore import QSettings;"
        "s = QSettings(str(pathlib.Path(tempfile.mkdtemp()) / 's.ini'),"
        " QSettings.Format.IniFormat);"
        "w = MainWindow(AppContext(db=db, user='a'), s); w.show(); app.processEvents();"
        "heavy = [m for m in ('pyqtgraph', 'numpy', 'python_calamine', 'xlsxwriter')"
        " if m in sys.modules]; print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TIKDESK_HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "", f"imported at start-up: {result.stdout.strip()}"
