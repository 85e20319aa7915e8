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


@pytest.mark.slow
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


@pytest.mark.slow
def test_dry_run_writes_nothing(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.sqlite"
    # the business file names no account: it takes the one its sibling files name (issue 20)
    assert cli(db, "import-analytics", "--dry-run", str(samples / "tiktok")) == 0
    assert "anderen Datei" in capsys.readouterr().out
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


@pytest.mark.slow
def test_missing_file_and_bad_file_exit_1_usage_exit_2(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.sqlite"
    assert cli(db, "import-analytics", str(tmp_path / "nope.zip")) == 1
    assert cli(db, "import-analytics", str(samples / "bad" / "random_bytes.xlsx")) == 1
    for target in (tmp_path / "out.txt", tmp_path):  # wrong ending, a folder: usage
        with pytest.raises(SystemExit) as usage:
            cli(db, "export-analytics", str(target))
        assert usage.value.code == 2
    folder_named_csv = tmp_path / "ordner.csv"
    folder_named_csv.mkdir()
    assert cli(db, "export-analytics", str(folder_named_csv)) == 2
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


@pytest.mark.slow
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


@pytest.mark.slow
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


# ------------------------------------------------------------- review fixes (problems block …)
BAD_CSV = (
    "Date,Video Views,Profile Views,Likes,Comments,Shares\n"
    "2026-08-01,10,1,2,0,0\nbad,11,1,2,0,0\n2026-08-03,x,1,2,0,0\n2026-08-04,13,1,2,0,0\n"
)


def nothing_written(db: Path) -> bool:
    return count(db, "account_daily") == count(db, "video_stats") == count(db, "import_batch") == 0


@pytest.mark.slow
@pytest.mark.parametrize("dry_run", [[], ["--dry-run"]])
def test_bad_rows_write_nothing_and_exit_1_naming_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dry_run: list[str]
) -> None:
    db = tmp_path / "t.sqlite"
    bad = tmp_path / f"Overview_{HANDLE}.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    assert cli(db, "import-analytics", *dry_run, str(bad)) == 1
    err = capsys.readouterr().err
    assert f"{bad.name}, Zeile 3, Date:" in err and "'bad'" not in err and "„bad“" in err
    assert f"{bad.name}, Zeile 4, Video Views:" in err and "nichts wurde geschrieben" in err
    assert nothing_written(db)


def test_every_row_bad_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "t.sqlite"
    bad = tmp_path / f"Overview_{HANDLE}.csv"
    bad.write_text("Date,Video Views\nbad,1\n2026-08-02,x\n", encoding="utf-8")
    assert cli(db, "import-analytics", str(bad)) == 1
    assert "2 Probleme" in capsys.readouterr().err
    assert nothing_written(db)


@pytest.mark.slow
def test_good_zip_with_an_unreadable_file_imports_nothing(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.sqlite"
    good = zips(samples)[0]
    assert cli(db, "import-analytics", good, str(samples / "bad" / "random_bytes.xlsx")) == 1
    assert "random_bytes.xlsx" in capsys.readouterr().err
    assert nothing_written(db)
    assert cli(db, "import-analytics", good) == 0  # the same ZIP alone is fine


@pytest.mark.slow
def test_account_handle_is_normalised_and_checked(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.sqlite"
    csv_file = tmp_path / "daily.csv"
    csv_file.write_text("Date,Video Views\n2026-08-01,5\n", encoding="utf-8")
    assert cli(db, "import-analytics", *zips(samples)) == 0
    assert cli(db, "import-analytics", str(csv_file), "--account", " @Stadt_Musterhausen ") == 0
    with sqlite3.connect(db) as conn:
        accounts = {r[0] for r in conn.execute("select distinct account from account_daily")}
    assert accounts == {HANDLE}
    capsys.readouterr()
    assert cli(db, "import-analytics", str(csv_file), "--account", "stadt musterhausen!") == 1
    assert "kein TikTok-Kontoname" in capsys.readouterr().err
    upper = tmp_path / "Overview_2026-08-01_1_Other.Account.csv"
    upper.write_text("Date,Video Views\n2026-08-01,5\n", encoding="utf-8")
    assert cli(db, "import-analytics", str(upper)) == 0
    with sqlite3.connect(db) as conn:
        accounts = {r[0] for r in conn.execute("select distinct account from account_daily")}
    assert accounts == {HANDLE, "other.account"}


HOLDER = (
    "import sys\nfrom pathlib import Path\nfrom tikdesk.storage import lockfile\n"
    "lock = lockfile.acquire(Path(sys.argv[1]))\nprint('locked', flush=True)\n"
    "sys.stdin.readline()\nlock.release()\n"
)


@pytest.mark.slow
def test_dry_runs_work_while_another_instance_holds_the_lock(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess
    import sys

    db = tmp_path / "t.sqlite"
    assert cli(db, "import-analytics", zips(samples)[0]) == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        capsys.readouterr()
        assert cli(db, "import-analytics", *zips(samples)) == 1  # writing needs the lock
        assert cli(db, "import-analytics", "--dry-run", *zips(samples)) == 0
        assert "Probelauf" in capsys.readouterr().out
        idea_file = str(samples / "ideas" / "ideen_brainstorming.xlsx")
        assert cli(db, "import-ideas", idea_file) == 1  # writing needs the lock
        assert cli(db, "import-ideas", "--dry-run", idea_file) == 0
    finally:
        assert holder.stdin is not None
        holder.stdin.write("quit\n")
        holder.stdin.close()
        holder.wait(timeout=30)
        assert holder.stdout is not None
        holder.stdout.close()
    assert count(db, "import_batch") == 1


def test_export_help_names_the_formats(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "export-analytics", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "';'-separated, UTF-8 with BOM" in out and "real dates" in out


@pytest.mark.slow
def test_a_file_naming_no_account_goes_to_the_only_account_of_the_database(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``import-analytics`` without --account: a Business Suite overview (its name says no
    account) goes to the database's one account; with two accounts it is refused."""
    db = tmp_path / "t.sqlite"
    business = str(samples / "tiktok" / "Uebersicht_business_de.xlsx")
    assert cli(db, "import-analytics", business) == 1  # no account at all yet: asked for
    assert "--account" in capsys.readouterr().err and count(db, "account_daily") == 0
    assert cli(db, "import-analytics", *zips(samples)) == 0
    before = count(db, "account_daily")
    assert cli(db, "import-analytics", business) == 0
    capsys.readouterr()
    with sqlite3.connect(db) as conn:
        accounts = {r[0] for r in conn.execute("select distinct account from account_daily")}
    assert accounts == {HANDLE} and count(db, "account_daily") > before
    assert cli(db, "import-analytics", business, "--account", "amt") == 0  # a second one
    assert cli(db, "import-analytics", business, "--dry-run") == 1  # now it must be said
    assert "--account" in capsys.readouterr().err


@pytest.mark.slow
def test_a_file_naming_no_account_goes_to_the_single_handle_of_the_first_start(
    tmp_path: Path, samples: Path
) -> None:
    from tikdesk.services.context import AppContext
    from tikdesk.services.first_start import FirstStartService, Setup
    from tikdesk.storage.engine import open_database

    db = tmp_path / "t.sqlite"
    database = open_database(db)
    FirstStartService(AppContext(db=database, user="anna")).save(Setup(handles=("stadt_b",)))
    database.close()
    business = str(samples / "tiktok" / "Uebersicht_business_de.xlsx")
    assert cli(db, "import-analytics", business) == 0
    with sqlite3.connect(db) as conn:
        accounts = {r[0] for r in conn.execute("select distinct account from account_daily")}
    assert accounts == {"stadt_b"}
