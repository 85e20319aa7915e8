"""An output name longer than the file system allows gets one clear sentence, exit 1, and
writes nothing ("Nothing lost, ever", item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tikdesk.app import main
from tikdesk.domain.errors import InputRejected
from tikdesk.services.context import AppContext
from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.storage.engine import open_database

LONG = "a" * 300  # most file systems allow 255 bytes per name
PERIOD = ["report", "--from", "2026-09-01", "--to", "2026-09-30"]


def make_db(path: Path) -> Path:
    open_database(path).close()
    return path


def run(argv: list[str]) -> int:
    try:
        return main(["--lang", "en", *argv])
    except SystemExit as exc:  # argparse usage errors
        return int(exc.code or 0)


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["export-ideas", "{out}/{long}.xlsx"],
        ["export-ideas", "{out}/{long}.csv"],
        ["export-analytics", "{out}/{long}.xlsx"],
        [*PERIOD, "--out", "{out}/{long}.xlsx"],
        [*PERIOD, "--out", "{out}/r.xlsx", "--pdf", "{out}/{long}.pdf"],
        ["backup", "--to", "{out}/{long}.sqlite"],
    ],
    ids=["ideas-xlsx", "ideas-csv", "analytics", "report", "report-pdf", "backup"],
)
def test_a_too_long_name_is_one_sentence_and_writes_nothing(
    tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    db = make_db(tmp_path / "daten.sqlite")
    out = tmp_path / "out"
    out.mkdir()
    argv = [a.format(out=out, long=LONG) for a in args]
    assert run(["--db", str(db), *argv]) == 1
    err = capsys.readouterr().err
    assert "too long" in err and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1
    assert list(out.iterdir()) == []


@pytest.mark.slow
def test_person_export_with_a_too_long_name(tmp_path: Path) -> None:
    db = open_database(tmp_path / "daten.sqlite")
    try:
        people = PeopleService(AppContext(db=db, user="anna", backup_dir=tmp_path / "b"))
        pid = people.create_person(PersonInput(display_name="Quirin Zwiebel"))
        out = tmp_path / "out"
        out.mkdir()
        with pytest.raises(InputRejected, match="zu lang"):
            people.export_person(pid, out / f"{LONG}.xlsx")
        assert list(out.iterdir()) == []
    finally:
        db.close()
