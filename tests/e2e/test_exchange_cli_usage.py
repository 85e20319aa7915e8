"""A wrong output ending is wrong usage (exit 2) before any database is touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from tikdesk.app import main


@pytest.mark.parametrize("command", ["export-ideas", "export-analytics"])
def test_wrong_ending_is_usage_even_without_a_database(command: str, tmp_path: Path) -> None:
    db = tmp_path / "fehlt.sqlite"
    with pytest.raises(SystemExit) as info:
        main(["--db", str(db), command, str(tmp_path / "out.pdf")])
    assert info.value.code == 2
    assert not db.exists()
    assert not (tmp_path / "out.pdf").exists()
