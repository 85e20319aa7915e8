"""A full disk while writing a workbook is one clear sentence, exit 1, no partial file and an
existing target untouched ("Nothing lost, ever", item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from disk_full import full_folder, left_in

from tikdesk.app import main
from tikdesk.services.context import AppContext
from tikdesk.services.ideas import IdeaService
from tikdesk.storage.engine import open_database

OLD = b"the export of last week"
PERIOD = ["report", "--from", "2026-09-01", "--to", "2026-09-30"]


def make_db(path: Path) -> Path:
    db = open_database(path)
    try:
        IdeaService(AppContext(db=db, user="anna")).create({"title": "Azubi-Tag"})
    finally:
        db.close()
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [["export-ideas", "{out}"], ["export-analytics", "{out}"], [*PERIOD, "--out", "{out}"]],
    ids=["export-ideas", "export-analytics", "report"],
)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_full_disk_writing_xlsx_is_one_sentence_and_keeps_the_old_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    lang: str,
) -> None:
    db = make_db(tmp_path / "daten.sqlite")
    with full_folder(tmp_path, monkeypatch, {"out.xlsx": OLD}) as folder:
        argv = [a.format(out=folder / "out.xlsx") for a in args]
        assert main(["--lang", lang, "--db", str(db), *argv]) == 1
        err = capsys.readouterr().err
        assert left_in(folder) == {"out.xlsx": OLD}  # no partial file, the old one untouched
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    expected = "kein Platz mehr" if lang == "de" else "no space left"
    assert expected in err and "out.xlsx" in err


@pytest.mark.slow
@pytest.mark.usefixtures("qapp")
def test_a_full_disk_writing_the_pdf_leaves_neither_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 5: Qt reports no write error itself; a cut-off PDF must not count as written."""
    db = make_db(tmp_path / "daten.sqlite")
    out = tmp_path / "out"
    out.mkdir()
    with full_folder(tmp_path, monkeypatch, {"r.pdf": OLD}) as folder:
        argv = [*PERIOD, "--out", str(out / "r.xlsx"), "--pdf", str(folder / "r.pdf")]
        assert main(["--lang", "en", "--db", str(db), *argv]) == 1
        err = capsys.readouterr().err
        assert left_in(folder) == {"r.pdf": OLD}  # no partial PDF, the old one untouched
    assert list(out.iterdir()) == []  # nor the workbook of the same run
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert "no space left" in err and "r.pdf" in err
