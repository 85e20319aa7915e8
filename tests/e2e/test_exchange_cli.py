"""``tikdesk import-ideas`` / ``export-ideas``: the exit-status contract, messages on stderr."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tikdesk.app import main
from tikdesk.services.context import AppContext
from tikdesk.services.ideas import IdeaService
from tikdesk.storage.engine import open_database


def run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse usage errors
        return int(exc.code or 0)


def titles(db: Path) -> list[str]:
    database = open_database(db)
    try:
        return sorted(i.title for i in IdeaService(AppContext(db=database)).list_ideas())
    finally:
        database.close()


@pytest.mark.slow
def test_import_dry_run_then_import(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.sqlite"
    sample = str(samples / "ideas" / "ideen_brainstorming.xlsx")
    assert run(["--db", str(db), "--lang", "de", "import-ideas", sample, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "10 neu" in out
    assert titles(db) == []
    assert run(["--db", str(db), "--lang", "de", "import-ideas", sample, "--sheet", "Ideen"]) == 0
    assert "10 Ideen neu angelegt" in capsys.readouterr().out
    assert len(titles(db)) == 10
    assert run(["--db", str(db), "import-ideas", sample]) == 0  # again: nothing duplicated
    assert len(titles(db)) == 10


@pytest.mark.slow
@pytest.mark.parametrize("bad", ["empty.xlsx", "random_bytes.xlsx", "not_a_table.csv"])
def test_bad_samples_exit_1_without_traceback(
    tmp_path: Path, samples: Path, bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.sqlite"
    assert run(["--db", str(db), "--lang", "de", "import-ideas", str(samples / "bad" / bad)]) == 1
    err = capsys.readouterr().err
    assert bad in err
    assert "Traceback" not in err
    assert titles(db) == []


@pytest.mark.slow
def test_row_problems_exit_1_naming_file_row_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.sqlite"
    path = tmp_path / "liste.csv"
    path.write_text("Titel;Zieltermin\nGut;01.02.2026\nSchlecht;31.02.2026\n", encoding="utf-8")
    assert run(["--db", str(db), "--lang", "de", "import-ideas", str(path)]) == 1
    err = capsys.readouterr().err
    assert "liste.csv" in err and "Zeile 3" in err and "Zieltermin" in err
    assert "nichts wurde geschrieben" in err
    assert titles(db) == []
    assert run(["--db", str(db), "--lang", "en", "import-ideas", str(path), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "Row 3, column 'Zieltermin'" in err


def test_missing_file_folder_and_unknown_sheet(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cli.sqlite")
    assert run(["--db", db, "--lang", "de", "import-ideas", str(tmp_path / "weg.xlsx")]) == 1
    assert "gibt es nicht" in capsys.readouterr().err
    assert run(["--db", db, "--lang", "de", "import-ideas", str(tmp_path)]) == 1
    assert "Ordner" in capsys.readouterr().err
    sample = str(samples / "ideas" / "ideen_brainstorming.xlsx")
    assert run(["--db", db, "--lang", "de", "import-ideas", sample, "--sheet", "Nix"]) == 1
    assert "kein Blatt „Nix“" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.sqlite")
    assert run(["--db", db, "import-ideas"]) == 2
    assert run(["--db", db, "export-ideas"]) == 2
    assert run(["--db", db, "import-ideas", "a.csv", "--bogus"]) == 2
    assert run(["--db", db, "--lang", "de", "export-ideas", str(tmp_path / "x.pdf")]) == 2
    assert ".xlsx oder .csv" in capsys.readouterr().err


@pytest.mark.slow
def test_export_xlsx_and_csv(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cli.sqlite")
    run(["--db", db, "import-ideas", str(samples / "ideas" / "ideen_planner_export.csv")])
    out = tmp_path / "backlog.xlsx"
    assert run(["--db", db, "--lang", "de", "export-ideas", str(out)]) == 0
    assert "6 Ideen geschrieben" in capsys.readouterr().out
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert ws["B1"].value == "Titel" and ws.max_row == 7
    csv_out = tmp_path / "backlog.csv"
    assert run(["--db", db, "export-ideas", str(csv_out)]) == 0
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbfID;")
    (tmp_path / "~$backlog.xlsx").write_text("x")
    assert run(["--db", db, "--lang", "de", "export-ideas", str(out)]) == 1
    assert "in Excel" in capsys.readouterr().err
