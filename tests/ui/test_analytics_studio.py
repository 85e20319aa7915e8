"""Issue 20: every per-video export shape of TikTok Studio, abbreviated counts, the account
from a sibling file, the heat map from post times and ``export-videos``."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from tikdesk.app import main
from tikdesk.excel import tiktok
from tikdesk.services import analytics as an
from tikdesk.services.analytics import AnalyticsService
from tikdesk.services.context import AppContext

HANDLE = "stadt_musterhausen"
LINK = "https://www.tiktok.com/@stadt_musterhausen/video/{}"
EXPORT_HEADER = [
    "account", "video_id", "link", "title", "posted", "snapshot", "views", "likes",
    "comments", "shares", "favourites", "avg_watch_seconds", "completion_rate", "reach",
    "approximate",
]  # fmt: skip


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    lines = [",".join(f'"{c}"' for c in row) if row else "" for row in [header, *rows]]
    path.write_bytes(("\ufeff" + "\n".join(lines)).encode("utf-8"))
    return path


def videos(path: Path, **kw: object) -> dict[str, tiktok.VideoRecord]:
    result = tiktok.parse_paths([path], **kw)  # type: ignore[arg-type]
    (table,) = result.tables
    assert table.problems == []
    return {tiktok.video_id(v.video_link) or "": v for v in table.videos}


BASE = [
    "Video title", "Video link", "Post time", "Total likes", "Total comments",
    "Total shares", "Total views", "Average watch time",
]  # fmt: skip


def test_basic_studio_shape_with_grouped_numbers_time_of_day_query_and_blank_rows(
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path / "Content_stadt_musterhausen.csv",
        BASE,
        [
            [
                "Mythen-Check: Personalausweis",
                LINK.format("7301000000000000001") + "?lang=en&is_from_webapp=1",
                "2026-08-02 19:05:00",
                "18,400",
                "312",
                "95",
                "121,233",
                "0:12",
            ],
            [],
            ["", "", "", "", "", "", "", ""],
            [
                "Azubi-Tag",
                LINK.format("7301000000000000002"),
                "2026-08-05",
                "7",
                "0",
                "1",
                "88",
                "9",
            ],
        ],
    )
    found = videos(path)
    first = found["7301000000000000001"]
    assert first.account == HANDLE
    assert first.video_link == LINK.format("7301000000000000001")
    assert first.posted_at == dt.datetime(2026, 8, 2, 19, 5)
    assert dict(first.values) == {
        "likes": 18400,
        "comments": 312,
        "shares": 95,
        "video_views": 121233,
    }
    assert first.avg_watch_seconds == 12.0 and first.approximate is False
    second = found["7301000000000000002"]
    assert second.avg_watch_seconds == 9.0
    assert second.posted_at == dt.datetime(2026, 8, 5)
    assert len(found) == 2


@pytest.mark.parametrize(
    ("extra", "cell", "expect"),
    [
        ("Total play time", "1,452", {"avg_watch_seconds": 12.0}),  # 1452 s / 121 views
        ("Watched full video", "38%", {"completion_rate": 0.38}),
        ("Watched full video", "0.38", {"completion_rate": 0.38}),
        ("Add to favorites", "1,210", {"favourites": 1210}),
        ("Total bookmarks", "77", {"favourites": 77}),
        ("Reach", "98,700", {"reach": 98700}),
    ],
)
def test_studio_shape_with_one_more_column(
    tmp_path: Path, extra: str, cell: str, expect: dict[str, object]
) -> None:
    header = [h for h in BASE if h != "Average watch time" or extra == "Average watch time"]
    header.append(extra)
    row = [
        "Titel",
        LINK.format("7301000000000000003"),
        "2026-08-02 19:05:00",
        "10",
        "1",
        "2",
        "121",
    ]
    path = write_csv(tmp_path / "Content_stadt_musterhausen.csv", header, [[*row, cell]])
    video = videos(path)["7301000000000000003"]
    for key, value in expect.items():
        if key in ("favourites", "reach"):
            field = "reached_audience" if key == "reach" else key
            assert video.values[field] == value
        else:
            assert getattr(video, key) == pytest.approx(value)


def test_watch_time_as_seconds_and_completion_in_german_headers(tmp_path: Path) -> None:
    header = [
        "Videotitel", "Videolink", "Veröffentlichungszeit", "Likes gesamt",
        "Kommentare gesamt", "Freigaben gesamt", "Aufrufe gesamt",
        "Durchschnittliche Wiedergabezeit", "Vollständig angesehen", "Reichweite",
    ]  # fmt: skip
    rows = [
        ["Ausbildung", LINK.format("7301000000000000004"), "02.08.2026 19:05", "5.431", "3",
         "4", "12.000", "7,5", "38 %", "9.900"],
        ["Praktikum", LINK.format("7301000000000000005"), "2026-08-03", "2", "0", "0", "40",
         "1:05", "0,38", ""],
    ]  # fmt: skip
    path = tmp_path / "videos.csv"
    path.write_bytes(
        ("\n".join(";".join(r) for r in [header, *rows])).encode("utf-8")
    )  # German Excel: ";" and no quotes
    found = videos(path, account="stadt_musterhausen")
    first, second = found["7301000000000000004"], found["7301000000000000005"]
    assert first.values["likes"] == 5431 and first.values["video_views"] == 12000
    assert first.values["reached_audience"] == 9900
    assert first.avg_watch_seconds == 7.5 and first.completion_rate == pytest.approx(0.38)
    assert first.posted_at == dt.datetime(2026, 8, 2, 19, 5)
    assert second.avg_watch_seconds == 65.0 and second.completion_rate == pytest.approx(0.38)
    assert second.values["reached_audience"] is None


def test_abbreviated_counts_are_kept_as_approximate(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "Content_stadt_musterhausen.csv",
        BASE,
        [
            ["Viral", LINK.format("7301000000000000006"), "2026-08-02 19:05:00", "1.2K", "12",
             "3", "3,4 Mio.", "0:08"],
            ["Exakt", LINK.format("7301000000000000007"), "2026-08-03 12:00:00", "10", "1",
             "0", "500", "0:08"],
        ],
    )  # fmt: skip
    found = videos(path)
    viral = found["7301000000000000006"]
    assert viral.values["likes"] == 1200 and viral.values["video_views"] == 3_400_000
    assert viral.approximate is True
    assert found["7301000000000000007"].approximate is False


def test_abbreviated_count_in_a_daily_table_is_refused_with_row_and_column(
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path / "Overview.csv",
        ["Date", "Video Views", "Likes"],
        [["2026-08-01", "100", "5"], ["2026-08-02", "1.2K", "5"]],
    )
    (table,) = tiktok.parse_paths([path], account=HANDLE).tables
    (problem,) = table.problems
    assert (problem.row, problem.column) == (3, "Video Views")
    assert "1.2K" in problem.message
    assert [r.day for r in table.daily] == [dt.date(2026, 8, 1)]


def test_account_from_a_sibling_file_of_the_same_drop(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    write_csv(
        drop / "Overview_2026-08-01_1793426400_stadt_musterhausen.csv",
        ["Date", "Video Views", "Likes"],
        [["2026-08-01", "100", "5"]],
    )
    export = tmp_path / "drop" / "Studio-Export.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Video title", "Video link", "Post time", "Total likes", "Total views"])
    sheet.append(["Ohne Handle im Link", "https://vm.tiktok.com/video/7301000000000000009",
                  "2026-08-02 19:05:00", "4", "50"])  # fmt: skip
    book.save(export)
    result = tiktok.parse_paths(sorted(drop.iterdir()))
    assert {t.name: t.account for t in result.tables} == {
        "Overview_2026-08-01_1793426400_stadt_musterhausen.csv": HANDLE,
        "Studio-Export.xlsx": HANDLE,
    }
    assert result.needs_account == []
    # two different handles in one drop: no guess
    write_csv(drop / "Content_polizei_beispiel.csv", ["Date", "Video Views"], [["2026-08-01", "1"]])
    result = tiktok.parse_paths(sorted(drop.iterdir()))
    assert [t.name for t in result.needs_account] == ["Studio-Export.xlsx"]


# ----------------------------------------------------------------------------- service, CLI
def studio_files(tmp_path: Path) -> list[Path]:
    first = write_csv(
        tmp_path / "Content_stadt_musterhausen.csv",
        ["Time", *BASE, "Watched full video", "Add to favorites", "Reach"],
        [
            ["2026-08-10", "Mythen-Check", LINK.format("7301000000000000001") + "?lang=en",
             "2026-08-02 19:05:00", "18,400", "312", "95", "121,233", "0:12", "38%", "210",
             "98,700"],
            ["2026-08-10", "Azubi-Tag", LINK.format("7301000000000000002"),
             "2026-08-04 07:30:00", "1.2K", "12", "3", "3,4 Mio.", "9", "0.5", "", ""],
            ["2026-08-10", "Ohne Zeit", LINK.format("7301000000000000010"),
             "2026-08-06", "1", "0", "0", "10", "", "", "", ""],
        ],
    )  # fmt: skip
    second = write_csv(
        tmp_path / "Content_polizei_beispiel.csv",
        ["Time", *BASE],
        [["2026-08-11", "Streife", "https://www.tiktok.com/@polizei_beispiel/video/99",
          "2026-08-07 18:00:00", "5", "1", "0", "70", "0:20"]],
    )  # fmt: skip
    return [first, second]


def test_heat_map_is_filled_from_post_times(ctx: AppContext, tmp_path: Path) -> None:
    service = AnalyticsService(ctx)
    service.import_files(studio_files(tmp_path))
    hm = an.heatmap(service.videos(HANDLE))
    # Sunday 2 Aug 2026 19:05 and Tuesday 4 Aug 07:30; the video without a time is left out
    assert hm.count[6][19] == 1 and hm.median[6][19] == 121233
    assert hm.count[1][7] == 1 and hm.median[1][7] == 3_400_000
    assert sum(map(sum, hm.count)) == 2
    approx = {v.title: v.approximate for v in service.videos(HANDLE)}
    assert approx == {"Mythen-Check": False, "Azubi-Tag": True, "Ohne Zeit": False}


def cli(db: object, *args: str) -> int:
    return main(["--lang", "de", "--db", str(db), *args])


@pytest.mark.slow
def test_export_videos_equals_every_number_in_the_files(
    tmp_path: Path, db_address: object, open_again: object, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_address  # a SQLite file the command creates, or a team database's URL
    assert cli(db, "import-analytics", *map(str, studio_files(tmp_path))) == 0
    out = tmp_path / "videos.csv"
    assert cli(db, "export-videos", str(out)) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert table[0] == EXPORT_HEADER
    assert table[1:] == [
        ["polizei_beispiel", "99", "https://www.tiktok.com/@polizei_beispiel/video/99",
         "Streife", "2026-08-07T18:00", "2026-08-11", "70", "5", "1", "0", "", "20", "", "",
         "no"],
        [HANDLE, "7301000000000000001", LINK.format("7301000000000000001"), "Mythen-Check",
         "2026-08-02T19:05", "2026-08-10", "121233", "18400", "312", "95", "210", "12", "0.38",
         "98700", "no"],
        [HANDLE, "7301000000000000002", LINK.format("7301000000000000002"), "Azubi-Tag",
         "2026-08-04T07:30", "2026-08-10", "3400000", "1200", "12", "3", "", "9", "0.5", "",
         "yes"],
        [HANDLE, "7301000000000000010", LINK.format("7301000000000000010"), "Ohne Zeit",
         "2026-08-06", "2026-08-10", "10", "1", "0", "0", "", "", "", "", "no"],
    ]  # fmt: skip
    xlsx = tmp_path / "videos.xlsx"
    assert cli(db, "export-videos", str(xlsx), "--account", "@Polizei_Beispiel") == 0
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[0] == EXPORT_HEADER
    assert len(values) == 2 and values[1][:3] == ["polizei_beispiel", "99", table[1][2]]
    assert values[1][6] == 70 and values[1][11] == 20
    capsys.readouterr()
    assert cli(db, "export-videos", str(tmp_path / "x.csv"), "--account", "niemand") == 1
    assert "niemand" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        cli(db, "export-videos", str(tmp_path / "x.txt"))
    assert usage.value.code == 2
    assert not (tmp_path / "x.csv").exists()
    with open_again().reader() as s:  # type: ignore[operator]
        assert s.execute(text("select count(*) from video_stats")).scalar() == 4
