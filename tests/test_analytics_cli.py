"""``tikdesk import-analytics`` / ``export-analytics``: the command-line contract of issue 5."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
import zipfile
from pathlib import Path

import pytest

from tikdesk.app import main

HANDLE = "stadt_musterhausen"
HEADER = [
    "account",
    "date",
    "video_views",
    "profile_views",
    "likes",
    "comments",
    "shares",
    "followers",
    "new_followers",
    "lost_followers",
    "reached_audience",
]
MONTHS = {"August": 8, "September": 9, "October": 10}


def cli(db: Path, *args: str) -> int:
    return main(["--lang", "de", "--db", str(db), *args])


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"select count(*) from {table}").fetchone()[0]  # type: ignore[no-any-return]


def zips(samples: Path) -> list[str]:
    return [str(p) for p in sorted((samples / "tiktok").glob("*.zip"))]


def read_export_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    assert reader.fieldnames == HEADER
    return list(reader)


def sample_csv(samples: Path, zip_glob: str, member: str) -> list[dict[str, str]]:
    path = next((samples / "tiktok").glob(zip_glob))
    with zipfile.ZipFile(path) as archive:
        text = archive.read(member).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def iso(month_day: str) -> str:
    month, day = month_day.split()
    return dt.date(2026, MONTHS[month], int(day)).isoformat()


def test_import_samples_then_again_changes_nothing(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.sqlite"
    assert cli(db, "import-analytics", *zips(samples)) == 0
    out = capsys.readouterr().out
    assert "Geschrieben: 199 neu" in out
    assert (count(db, "account_daily"), count(db, "video_stats"), count(db, "import_batch")) == (
        90,
        12,
        3,
    )
    with sqlite3.connect(db) as conn:
        before = conn.execute("select * from account_daily order by id").fetchall()
    assert cli(db, "import-analytics", *zips(samples)) == 0
    assert "nichts geschrieben" in capsys.readouterr().out
    with sqlite3.connect(db) as conn:
        assert conn.execute("select * from account_daily order by id").fetchall() == before
    assert count(db, "import_batch") == 3


def test_dry_run_writes_nothing(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.sqlite"
    assert cli(db, "import-analytics", "--dry-run", str(samples / "tiktok")) == 1  # business: ?
    assert "--account" in capsys.readouterr().err
    assert cli(db, "import-analytics", "--dry-run", *zips(samples)) == 0
    assert "Probelauf" in capsys.readouterr().out
    assert count(db, "account_daily") == 0


def test_year_less_file_without_anchor_is_refused_with_exit_1(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.sqlite"
    overview = next((samples / "tiktok").glob("Overview_*.zip"))
    with zipfile.ZipFile(overview) as archive:
        (tmp_path / "Overview.csv").write_bytes(archive.read("Overview.csv"))
    code = cli(db, "import-analytics", str(tmp_path / "Overview.csv"), "--account", HANDLE)
    err = capsys.readouterr().err
    assert code == 1
    assert "Jahr" in err and "Overview.csv" in err and "Nichts wurde geschrieben" in err
    assert "Traceback" not in err
    assert count(db, "account_daily") == 0 and count(db, "import_batch") == 0


def test_missing_file_and_bad_file_exit_1_usage_exit_2(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.sqlite"
    assert cli(db, "import-analytics", str(tmp_path / "nope.zip")) == 1
    assert cli(db, "import-analytics", str(samples / "bad" / "random_bytes.xlsx")) == 1
    assert cli(db, "export-analytics", str(tmp_path / "out.txt")) == 1
    assert "Traceback" not in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        cli(db, "import-analytics")
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        cli(db, "import-analytics", "x.zip", "--bogus")
    assert exc.value.code == 2


@pytest.fixture
def imported(tmp_path: Path, samples: Path) -> Path:
    db = tmp_path / "t.sqlite"
    assert cli(db, "import-analytics", *zips(samples)) == 0
    assert (
        cli(
            db,
            "import-analytics",
            str(samples / "tiktok" / "Uebersicht_business_de.xlsx"),
            "--account",
            "musterhausen_business",
        )
        == 0
    )
    return db


def test_export_csv_matches_the_numbers_in_the_files(
    imported: Path, tmp_path: Path, samples: Path
) -> None:
    out = tmp_path / "export.csv"
    assert cli(imported, "export-analytics", str(out)) == 0
    exported = read_export_csv(out)
    keys = [(r["account"], r["date"]) for r in exported]
    assert keys == sorted(keys) and len(keys) == 90 + 61
    by_key = {(r["account"], r["date"]): r for r in exported}

    for line in sample_csv(samples, "Overview_*.zip", "Overview.csv"):
        row = by_key[(HANDLE, iso(line["Date"]))]
        assert [
            row["video_views"],
            row["profile_views"],
            row["likes"],
            row["comments"],
            row["shares"],
        ] == [
            line["Video Views"],
            line["Profile Views"],
            line["Likes"],
            line["Comments"],
            line["Shares"],
        ]
        assert row["new_followers"] == row["lost_followers"] == row["reached_audience"] == ""
    for line in sample_csv(samples, "Followers_*.zip", "FollowerHistory.csv"):
        assert by_key[(HANDLE, iso(line["Date"]))]["followers"] == line["Followers"]
    assert by_key[(HANDLE, "2026-08-18")]["comments"] == "-1"

    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_path(str(samples / "tiktok" / "Uebersicht_business_de.xlsx"))
    table = sheet.get_sheet_by_index(0).to_python()
    names = dict(
        zip(
            [
                "date",
                "video_views",
                "reached_audience",
                "profile_views",
                "likes",
                "shares",
                "comments",
                None,
                "new_followers",
                "lost_followers",
            ],
            range(10),
            strict=True,
        )
    )
    for line in table[1:]:
        day = str(line[0]).replace("/", "-")[:10]
        row = by_key[("musterhausen_business", day)]
        for name, index in names.items():
            if name and name != "date":
                assert row[name] == str(int(line[index])), (day, name)
        assert row["followers"] == ""


def test_export_xlsx_has_the_same_rows(imported: Path, tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    assert cli(imported, "export-analytics", str(tmp_path / "e.csv")) == 0
    assert cli(imported, "export-analytics", str(tmp_path / "e.xlsx")) == 0
    csv_rows = read_export_csv(tmp_path / "e.csv")
    sheet = CalamineWorkbook.from_path(str(tmp_path / "e.xlsx")).get_sheet_by_index(0)
    table = sheet.to_python()
    assert table[0] == HEADER
    assert len(table) - 1 == len(csv_rows)
    for got, want in zip(table[1:], csv_rows, strict=True):
        assert got[0] == want["account"]
        assert got[1].isoformat()[:10] == want["date"]
        assert ["" if v == "" else str(int(v)) for v in got[2:]] == [want[h] for h in HEADER[2:]]
