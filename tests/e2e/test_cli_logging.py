"""The command line logs into the same file as the window: ``<data folder>/logs/tikdesk.log``."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from tikdesk import app, paths
from tikdesk.app import main
from tikdesk.logsetup import LogFileHandler


@pytest.fixture
def root_logger_kept() -> Iterator[None]:
    """Every test here must leave the root logger as it found it."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    leaked = [h for h in root.handlers if h not in before]
    for handler in leaked:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    assert not leaked and root.level == level


def log_text() -> str:
    return (paths.log_dir() / "tikdesk.log").read_text(encoding="utf-8")


def idea_file(tmp_path: Path) -> Path:
    path = tmp_path / "ideen.csv"
    path.write_text("Idee;Status\nAzubi-Tag;Idee\nMythbuster;Idee\n", encoding="utf-8")
    return path


def test_a_command_logs_its_start_end_and_database(
    tmp_path: Path, root_logger_kept: None, _isolated_home: Path
) -> None:
    db = tmp_path / "t.sqlite"
    assert main(["--lang", "de", "--db", str(db), "import-ideas", str(idea_file(tmp_path))]) == 0
    assert paths.log_dir() == _isolated_home / "logs"
    text = log_text()
    assert "tikdesk.cli: command import-ideas started" in text
    assert f"command import-ideas: database {db}" in text
    assert "command import-ideas ended: exit 0" in text


def test_a_refusal_is_logged_with_its_reason(tmp_path: Path, root_logger_kept: None) -> None:
    missing = tmp_path / "fehlt.sqlite"
    assert main(["--lang", "en", "--db", str(missing), "check"]) == 1
    text = log_text()
    assert "WARNING tikdesk.cli: command check refused:" in text and "fehlt.sqlite" in text
    assert "command check ended: exit 1" in text


def test_window_and_command_line_share_one_handler(tmp_path: Path, root_logger_kept: None) -> None:
    root = logging.getLogger()
    window = app.setup_logging(paths.log_dir())  # what the window does at start
    assert window is not None
    try:
        db = tmp_path / "t.sqlite"
        args = ["--lang", "de", "--db", str(db), "import-ideas", str(idea_file(tmp_path))]
        assert main(args) == 0
        # One file handler, so each line once; the window's handler stays for the window.
        assert log_text().count("command import-ideas started") == 1
        assert [h for h in root.handlers if isinstance(h, LogFileHandler)] == [window]
    finally:
        root.removeHandler(window)
        window.close()
