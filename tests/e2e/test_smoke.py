"""``tikdesk --smoke-test``: passes on a good build, fails (exit 1, with the reason) otherwise.

The smoke test runs in a subprocess each time, as IT and the bundle test run it: it installs an
audit hook and replaces message handlers, which must not leak into the test process.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]

# Runs the app's entry point after applying ``PATCH`` (Python source) inside the child process.
WRAPPER = """
import sys
exec(sys.argv[1])
from tikdesk.app import main
sys.exit(main(["--smoke-test"]))
"""


# The failure cases need a window, not the demo data (which takes most of the time).
NO_DEMO = "import tikdesk.demo as demo\ndemo.ensure_demo_data = lambda ctx: None\n"


def run_smoke(tmp_path: Path, patch: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TIKDESK_HOME": str(tmp_path / "user-home"),
        "TMPDIR": str(tmp_path),  # the smoke folder lands here, cleaned up with tmp_path
        "TIKDESK_SMOKE_TIMEOUT": "240",
    }
    return subprocess.run(
        [sys.executable, "-c", WRAPPER, patch],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def smoke_folder(output: str) -> Path:
    found = re.search(r"folder (\S+)", output)
    assert found, output
    return Path(found.group(1))


@pytest.mark.slow
def test_smoke_test_visits_everything_and_touches_no_user_data(tmp_path: Path) -> None:
    result = run_smoke(tmp_path)
    out = result.stdout
    assert result.returncode == 0, out[-4000:] + result.stderr[-4000:]
    for step in (
        "resources: ok",
        "translations: ok",
        "locale: ok (collation Apfel < Äpfel",
        "charts: ok",
        "manual: ok",
        "report: ok",
        "team: ok (dialog shown, psycopg",
        "network: ok",
        "exit 0",
    ):
        assert step in out, f"{step!r} missing:\n{out}"
    tabs = re.findall(r"smoke: tab (\d+) .*: ok", out)
    assert tabs == ["1", "2", "3", "4", "5", "6"], out  # Übersicht … Kalender … Auswertung
    assert "Auswertung: ok (AnalyticsTab, smoke_test())" in out  # the charts were rendered
    folder = smoke_folder(out)
    assert len(list(folder.glob("tab-*.png"))) == 6
    assert (folder / "report" / "bericht.pdf").stat().st_size > 0
    assert (folder / "report" / "bericht.xlsx").stat().st_size > 0
    assert "exit 0" in (folder / "smoke-test.log").read_text(encoding="utf-8")
    # the user's data folder (TIKDESK_HOME) was never created: logs/settings went to the folder
    assert not (tmp_path / "user-home").exists()
    assert (folder / "home" / "logs" / "tikdesk.log").exists()


@pytest.mark.slow
def test_a_failing_step_exits_1_naming_the_step(tmp_path: Path) -> None:
    patch = NO_DEMO + (
        "from tikdesk.ui.help import manual\n"
        "def boom(self): raise RuntimeError('injected failure')\n"
        "manual.ManualWindow.missing_images = boom\n"
    )
    result = run_smoke(tmp_path, patch)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FAILED at manual: injected failure" in result.stdout
    assert "exit 1" in result.stdout


@pytest.mark.slow
def test_a_warning_for_the_user_fails_instead_of_waiting_for_a_click(tmp_path: Path) -> None:
    patch = NO_DEMO + (
        "from tikdesk.ui import messages\n"
        "from tikdesk.ui.help import manual\n"
        "def warn(self):\n"
        "    messages.show_warning(self, 'Kaputt', 'injected warning')\n"
        "    return []\n"
        "manual.ManualWindow.missing_images = warn\n"
    )
    result = run_smoke(tmp_path, patch)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "warning shown to the user: Kaputt: injected warning" in result.stdout


@pytest.mark.slow
def test_a_modal_dialog_is_closed_and_fails_the_run(tmp_path: Path) -> None:
    patch = NO_DEMO + (
        "from PySide6.QtWidgets import QMessageBox\n"
        "from tikdesk.ui.help import manual\n"
        "def modal(self):\n"
        "    QMessageBox(QMessageBox.Icon.Question, 'Frage', 'injected modal', "
        "QMessageBox.StandardButton.Ok, self).exec()\n"
        "    return []\n"
        "manual.ManualWindow.missing_images = modal\n"
    )
    result = run_smoke(tmp_path, patch)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "modal dialog opened: Frage injected modal" in result.stdout


@pytest.mark.slow
def test_an_uncaught_exception_in_a_slot_fails_the_run(tmp_path: Path) -> None:
    """Exceptions in Qt slots never reach the caller; the crash handler reports them."""
    patch = NO_DEMO + (
        "from PySide6.QtCore import QTimer\n"
        "from tikdesk.ui.help import manual\n"
        "def later(self):\n"
        "    def bad(): raise ValueError('injected slot error')\n"
        "    QTimer.singleShot(0, bad)\n"
        "    return []\n"
        "manual.ManualWindow.missing_images = later\n"
    )
    result = run_smoke(tmp_path, patch)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "crash dialog: ValueError: injected slot error" in result.stdout
