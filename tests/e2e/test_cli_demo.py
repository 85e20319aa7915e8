"""``tikdesk --demo COMMAND`` works on the demo database for every command, as the window
does; the user's own database is never touched."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from tikdesk import paths
from tikdesk.app import main


def ideas_in(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("select count(*) from idea").fetchone()[0]  # type: ignore[no-any-return]


@pytest.mark.slow
def test_demo_report_and_export_work_without_any_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = dt.date.today()
    out = tmp_path / "bericht.xlsx"
    first, last = (today - dt.timedelta(days=365)).isoformat(), today.isoformat()
    code = main(
        ["--lang", "de", "--demo", "report", "--from", first, "--to", last, "--out", str(out)]
    )
    assert code == 0, capsys.readouterr().err
    assert out.stat().st_size > 0
    assert paths.demo_db_path().exists() and not paths.default_db_path().exists()
    filled = ideas_in(paths.demo_db_path())
    assert filled > 0
    exported = tmp_path / "ideen.csv"
    assert main(["--lang", "de", "--demo", "export-ideas", str(exported)]) == 0
    assert f"{filled} Ideen geschrieben" in capsys.readouterr().out
    assert ideas_in(paths.demo_db_path()) == filled  # filled once, not again


def test_demo_and_db_together_is_wrong_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = tmp_path / "eigene.sqlite"
    assert main(["--lang", "de", "--demo", "--db", str(own), "check"]) == 2
    assert "--demo und --db schließen sich aus" in capsys.readouterr().err
    assert not own.exists() and not paths.demo_db_path().exists()
