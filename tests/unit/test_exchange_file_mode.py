"""Exports are readable by colleagues: the temp-file-and-rename keeps a normal file mode."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from tikdesk.excel import writing


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_new_export_gets_the_umask_mode_and_existing_keeps_its_own(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        new = tmp_path / "neu.csv"
        writing.write_csv(new, ["Titel"], [["Idee"]])
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        shared = tmp_path / "team.csv"
        shared.write_text("x", encoding="utf-8")
        shared.chmod(0o664)
        writing.write_csv(shared, ["Titel"], [["Idee"]])
        assert stat.S_IMODE(shared.stat().st_mode) == 0o664
    finally:
        os.umask(mask)
