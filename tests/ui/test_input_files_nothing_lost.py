"""Input files lose nothing: long cells, odd names, control characters, bidi overrides,
FIFOs, huge files, huge sheets, re-downloaded TikTok ZIPs ("Nothing lost, ever")."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tikdesk.app import main

if TYPE_CHECKING:
    from tikdesk.services.context import AppContext

LONG = 140_000  # above the csv module's default field limit of 131,072 characters


@pytest.fixture(autouse=True)
def _csv_field_limit() -> Iterator[None]:
    """The csv field limit is process-wide: leave it as found."""
    before = csv.field_size_limit()
    yield
    csv.field_size_limit(before)


def run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse usage errors
        return int(exc.code or 0)


def count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"select count(*) from {table}").fetchone()[0])


# ----------------------------------------------------------------------------- 1 long cells
@pytest.mark.slow
def test_a_long_cell_does_not_end_an_idea_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["Titel;Beschreibung"]
    for n in range(1, 1001):
        lines.append(f"Idee {n};{'x' * LONG if n == 11 else 'kurz'}")
    path = tmp_path / "ideen_lang.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "cli.sqlite"
    assert run(["--db", str(db), "--lang", "de", "import-ideas", str(path), "--dry-run"]) == 1
    captured = capsys.readouterr()
    # every row read, none dropped after row 11; the long cell is named as a row problem
    assert "ideen_lang.csv: 999 neu" in captured.out and "1 Probleme" in captured.out
    assert "Zeile 12, Spalte „Beschreibung“" in captured.err and "140000" in captured.err
    assert count(db, "idea") == 0


@pytest.mark.slow
def test_a_long_cell_does_not_end_a_tiktok_overview(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt

    lines = ['"Date","Video Views","Profile Views","Likes","Comments","Shares","Notiz"']
    day = dt.date(2026, 8, 1)
    for n in range(90):
        note = "y" * LONG if n == 4 else ""
        when = day + dt.timedelta(days=n)
        lines.append(f'"{when:%Y-%m-%d}","{100 + n}","5","9","1","1","{note}"')
    path = tmp_path / "Overview_2026-08-01_1793426400_stadt_musterhausen.csv"
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "cli.sqlite"
    assert run(["--db", str(db), "--lang", "de", "import-analytics", str(path)]) == 0
    assert count(db, "account_daily") == 90


# ----------------------------------------------------------------------------- 8 odd names
@pytest.mark.slow
def test_a_file_name_that_is_no_utf8_is_stored_readably(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    if os.name == "nt":  # pragma: no cover - Windows names are always Unicode
        pytest.skip("only POSIX file names may be arbitrary bytes")
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/ideen_\xff.csv"))
    path.write_text("Titel;Verantwortlich\nEine Idee;Anna\n", encoding="utf-8")
    db = tmp_path / "cli.sqlite"
    assert run(["--db", str(db), "--lang", "de", "import-ideas", str(path)]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "ideen_\\xff.csv: 1 Ideen neu angelegt" in captured.out
    with sqlite3.connect(db) as conn:
        assert conn.execute("select file_name from import_batch").fetchall() == [
            ("ideen_\\xff.csv",)
        ]
    assert count(db, "idea") == 1


def test_a_tiktok_file_name_that_is_no_utf8_is_stored_readably(
    tmp_path: Path, samples: Path
) -> None:
    import os
    import shutil

    if os.name == "nt":  # pragma: no cover - Windows names are always Unicode
        pytest.skip("only POSIX file names may be arbitrary bytes")
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/Overview_\xff.zip"))
    shutil.copy(samples / "tiktok" / "Overview_2026-08-01_1793426400_stadt_musterhausen.zip", path)
    db = tmp_path / "cli.sqlite"
    assert run(["--db", str(db), "import-analytics", str(path), "--account", "stadt"]) == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("select file_name from import_batch").fetchall() == [
            ("Overview_\\xff.zip",)
        ]


# ----------------------------------------------------------------------------- 10 controls
@pytest.mark.slow
@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b"])
def test_a_control_character_is_removed_and_its_row_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], control: str
) -> None:
    path = tmp_path / "ideen_steuer.csv"
    path.write_text(
        f"Titel;Verantwortlich\nErste;Anna\nZwei{control}te;Ben\nDritte;Cem\n", encoding="utf-8"
    )
    db = tmp_path / "cli.sqlite"
    assert run(["--db", str(db), "--lang", "de", "import-ideas", str(path)]) == 0
    captured = capsys.readouterr()
    assert "„ideen_steuer.csv“: Steuerzeichen (wie NUL, BEL, ESC) in Zeile 3 entfernt" in (
        captured.err
    )
    with sqlite3.connect(db) as conn:
        titles = [t for (t,) in conn.execute("select title from idea order by id")]
    assert titles == ["Erste", "Zweite", "Dritte"]


@pytest.mark.slow
def test_a_control_character_in_a_tiktok_overview_is_removed_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ['"Date","Video Views","Profile Views","Likes","Comments","Shares"']
    lines += [f'"2026-08-0{n}","10{n}","5","9","1\x07","1"' for n in range(1, 6)]
    path = tmp_path / "Overview_2026-08-01_1793426400_stadt_musterhausen.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "cli.sqlite"
    assert run(["--db", str(db), "--lang", "en", "import-analytics", str(path)]) == 0
    assert "control characters (such as NUL, BEL, ESC) removed in row 2, 3, 4, 5, 6" in (
        capsys.readouterr().out
    )
    assert count(db, "account_daily") == 5


# ----------------------------------------------------------------------------- 11 bidi
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.slow
def test_bidi_overrides_are_removed_on_import_and_not_exported(tmp_path: Path) -> None:
    path = tmp_path / "ideen_bidi.csv"
    path.write_text(
        "Titel;Verantwortlich;Beschreibung\n"
        "Rechnung \u202egpj.exe\u202c;\u2066Anna\u2069;"
        '"Zeile \u202beins\u202c\nzwei\u2067\u2068"\n',
        encoding="utf-8",
    )
    db = tmp_path / "cli.sqlite"
    assert run(["--db", str(db), "import-ideas", str(path)]) == 0
    with sqlite3.connect(db) as conn:
        row = conn.execute("select title, owner, description from idea").fetchone()
    assert row == ("Rechnung gpj.exe", "Anna", "Zeile eins\nzwei")
    out = tmp_path / "export.csv"
    assert run(["--db", str(db), "export-ideas", str(out)]) == 0
    exported = out.read_text(encoding="utf-8-sig")
    assert "Rechnung gpj.exe" in exported
    assert not set(BIDI) & set(exported)


@pytest.mark.slow
def test_bidi_overrides_are_removed_from_typed_ideas(ctx: AppContext) -> None:
    from tikdesk.services.ideas import IdeaService

    service = IdeaService(ctx)
    idea = service.create(
        {"title": "Rechnung \u202egpj.exe\u202c", "owner": "\u202dBen\u202c", "tags": "a\u2066b"}
    )
    assert (idea.title, idea.owner, idea.tags) == ("Rechnung gpj.exe", "Ben", "ab")
    changed = service.update(idea.id, {"hook": "\u2067Hallo\u2069"})
    assert changed.after.hook == "Hallo"


# ----------------------------------------------------------------------------- 12 FIFOs
@pytest.mark.slow
@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="POSIX FIFOs only")
@pytest.mark.parametrize(
    ("command", "name"),
    [("import-ideas", "ideen.csv"), ("import-analytics", "Overview_stadt_musterhausen.csv")],
)
def test_a_fifo_is_refused_not_waited_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, name: str
) -> None:
    import os
    import threading

    fifo = tmp_path / name
    os.mkfifo(fifo)
    finished = threading.Event()

    def writer_if_stuck() -> None:
        # Should the import ever block opening the FIFO, a writer ends the wait (the file
        # then reads as empty) so the test fails on the message instead of hanging.
        if not finished.wait(20):
            with open(fifo, "wb"):
                pass

    guard = threading.Thread(target=writer_if_stuck, daemon=True)
    guard.start()
    try:
        code = run(["--db", str(tmp_path / "cli.sqlite"), "--lang", "de", command, str(fifo)])
    finally:
        finished.set()
        guard.join()
    err = capsys.readouterr().err
    assert code == 1
    assert f"„{name}“: Das ist keine gewöhnliche Datei" in err
    assert "nur gewöhnliche Dateien" in err


# ----------------------------------------------------------------------------- 13 size caps
@pytest.mark.slow
@pytest.mark.parametrize("command", ["import-ideas", "import-analytics"])
def test_a_file_above_the_size_limit_is_refused_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    from tikdesk.excel.sniff import MAX_FILE_BYTES

    path = tmp_path / "Overview_stadt_musterhausen.csv"
    with open(path, "wb") as fh:  # sparse: the size without the disk space
        fh.write(b'"Date","Video Views"\n"2026-08-01","12"\n')
        fh.truncate(MAX_FILE_BYTES + 1)
    db = tmp_path / "cli.sqlite"
    assert run(["--db", str(db), "--lang", "de", command, str(path)]) == 1
    err = capsys.readouterr().err
    assert "„Overview_stadt_musterhausen.csv“: Die Datei ist mit 256 MiB zu groß" in err
    assert "TikDesk liest Dateien bis 256 MiB" in err


@pytest.mark.slow
def test_a_csv_with_more_rows_than_an_excel_sheet_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tikdesk.excel.reading import MAX_CSV_ROWS

    path = tmp_path / "riesig.csv"
    path.write_bytes(b"Titel\n" + b"x\n" * (MAX_CSV_ROWS + 1))
    db = tmp_path / "cli.sqlite"
    assert run(["--db", str(db), "--lang", "en", "import-ideas", str(path), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "'riesig.csv' has more than 1,048,576 rows" in err
    assert "TikDesk reads at most 1,048,576 rows" in err
    assert count(db, "idea") == 0


@pytest.mark.slow
def test_a_csv_as_long_as_an_excel_sheet_is_read(tmp_path: Path) -> None:
    from tikdesk.excel.reading import MAX_CSV_ROWS, csv_rows

    rows, numbers, _delimiter = csv_rows(b"x\n" * MAX_CSV_ROWS, name="voll.csv")
    assert len(rows) == MAX_CSV_ROWS and numbers[-1] == MAX_CSV_ROWS


# ----------------------------------------------------------------------------- 14 wide sheets
@pytest.mark.slow
def test_a_sheet_of_16384_columns_gives_a_short_notice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import xlsxwriter

    path = tmp_path / "breit.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Ideen")
    sheet.write_row(0, 0, ["Titel", *(f"Spalte {n}" for n in range(2, 16385))])
    sheet.write_row(1, 0, ["Eine Idee", "x"])
    book.close()
    db = tmp_path / "cli.sqlite"
    assert run(["--db", str(db), "--lang", "de", "import-ideas", str(path), "--dry-run"]) == 0
    captured = capsys.readouterr()
    assert "1 neu" in captured.out
    assert "„Spalte 2“, „Spalte 3“" in captured.err and "„Spalte 12“" not in captured.err
    assert "– 16.373 weitere Spalten ignoriert." in captured.err
    assert len(captured.err) < 1000
    assert run(["--db", str(db), "--lang", "en", "import-ideas", str(path), "--dry-run"]) == 0
    assert "– 16,373 more columns ignored." in capsys.readouterr().err


@pytest.mark.slow
def test_many_duplicate_columns_give_one_notice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "doppelt.csv"
    path.write_text(";".join(["Titel"] * 20) + "\n" + ";".join(["a"] * 20) + "\n", "utf-8")
    db = str(tmp_path / "c.sqlite")
    assert run(["--db", db, "--lang", "de", "import-ideas", str(path), "--dry-run"]) == 0
    err = capsys.readouterr().err
    assert err.count("doppelt") == 1
    assert "19 Spalten gibt es doppelt; nur die jeweils erste wird übernommen: „Titel“." in err


# ----------------------------------------------------------------------------- 19 copies
@pytest.mark.slow
@pytest.mark.parametrize(
    "suffix", [" (1)", "(2)", "-1", " - Kopie", " - Copy (3)", " copy 2"], ids=str.strip
)
def test_a_re_downloaded_tiktok_zip_keeps_its_account(
    tmp_path: Path, samples: Path, suffix: str
) -> None:
    import shutil

    name = "Overview_2026-08-01_1793426400_stadt_musterhausen"
    copy = tmp_path / f"{name}{suffix}.zip"
    shutil.copy(samples / "tiktok" / f"{name}.zip", copy)
    db = tmp_path / "cli.sqlite"
    assert run(["--db", str(db), "--lang", "de", "import-analytics", str(copy)]) == 0
    with sqlite3.connect(db) as conn:
        accounts = conn.execute("select distinct account from account_daily").fetchall()
    assert accounts == [("stadt_musterhausen",)]
    assert count(db, "account_daily") == 90
