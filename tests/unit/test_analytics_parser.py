"""TikTok export parser: every sample file and every variant of docs/tiktok-export.md."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from tikdesk.domain.dates import AnchorKind, YearAnchor
from tikdesk.domain.errors import InputRejected
from tikdesk.excel import tiktok

D = dt.date


def by_label(result: tiktok.ParseResult) -> dict[str, tiktok.ParsedTable]:
    return {t.label: t for t in result.tables}


def daily(table: tiktok.ParsedTable) -> dict[D, dict[str, int | None]]:
    return {r.day: dict(r.values) for r in table.daily}


def csv_text(
    header: list[str], rows: list[list[str]], *, bom: bool = True, quote: bool = True
) -> bytes:
    def line(cells: list[str]) -> str:
        return ",".join(f'"{c}"' if quote else c for c in cells)

    text = "\n".join([line(header), *(line(r) for r in rows)])  # no trailing newline
    return (("\ufeff" if bom else "") + text).encode("utf-8")


def make_zip(
    path: Path, files: dict[str, bytes], stamp: tuple[int, ...] = (2026, 10, 31, 9, 30, 0)
) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=stamp), data)  # type: ignore[arg-type]
    return path


# ----------------------------------------------------------------------------- samples
@pytest.fixture
def sample_tables(samples: Path) -> dict[str, tiktok.ParsedTable]:
    return by_label(tiktok.parse_paths(sorted((samples / "tiktok").iterdir())))


def test_overview_sample_year_from_zip_name_and_negative_comments(sample_tables) -> None:  # type: ignore[no-untyped-def]
    overview = sample_tables["Overview"]
    assert overview.account == "stadt_musterhausen"
    assert overview.anchor == YearAnchor(
        AnchorKind.WINDOW_START,
        D(2026, 8, 1),
        "Overview_2026-08-01_1793426400_stadt_musterhausen.zip",
    )
    days = daily(overview)
    assert len(days) == 90 and min(days) == D(2026, 8, 1) and max(days) == D(2026, 10, 29)
    assert days[D(2026, 8, 18)] == {
        "video_views": 10677,
        "profile_views": 326,
        "likes": 979,
        "comments": -1,
        "shares": 117,
    }
    assert days[D(2026, 10, 29)]["video_views"] == 1884
    assert set(overview.columns.values()) == {
        "date",
        "video_views",
        "profile_views",
        "likes",
        "comments",
        "shares",
    }
    assert overview.problems == []


def test_follower_history_sample_totals_and_ignored_difference(sample_tables) -> None:  # type: ignore[no-untyped-def]
    history = sample_tables["FollowerHistory"]
    days = daily(history)
    assert days[D(2026, 8, 1)] == {"followers": 4206}
    assert days[D(2026, 8, 2)] == {"followers": 4216}  # the file's difference says 23: off by one
    assert days[D(2026, 10, 29)] == {"followers": 5383}
    assert history.columns["Difference in followers from previous day"] == "followers_difference"
    assert history.anchor is not None and history.anchor.kind is AnchorKind.DOWNLOAD
    assert history.anchor.day == D(2026, 10, 31)  # ZIP entry timestamp
    assert any("einen Tag" in n for n in history.notes)


def test_header_only_follower_activity_is_recognised_and_empty(sample_tables) -> None:  # type: ignore[no-untyped-def]
    activity = sample_tables["FollowerActivity"]
    assert activity.kind is tiktok.TableKind.ACTIVITY
    assert activity.rows_read == 0 and activity.record_count == 0
    assert activity.problems == [] and not activity.needs_year


def test_gender_and_territory_samples_are_fractions(sample_tables) -> None:  # type: ignore[no-untyped-def]
    gender = {a.key: a.value for a in sample_tables["FollowerGender"].audience}
    assert gender == {"Female": 0.57, "Male": 0.41, "Other": 0.02}
    territories = sample_tables["FollowerTopTerritories"].audience
    assert {a.key: a.value for a in territories} == {
        "DE": 0.91,
        "AT": 0.03,
        "CH": 0.02,
        "Others": 0.04,
    }
    assert {a.taken_on for a in territories} == {D(2026, 10, 31)}
    assert {a.kind for a in territories} == {"territory"}


def test_content_sample_snapshot_and_post_times(sample_tables) -> None:  # type: ignore[no-untyped-def]
    content = sample_tables["Content"]
    assert len(content.videos) == 12
    first = content.videos[0]
    assert first.snapshot_date == D(2026, 10, 31)
    assert first.posted_at == dt.datetime(2026, 8, 1)
    assert first.title == "Ein Tag im Bürgeramt #behördenalltag"
    assert first.video_link.endswith("/video/7406226086050450553")
    assert dict(first.values) == {
        "likes": 1131,
        "comments": 54,
        "shares": 134,
        "video_views": 13493,
    }
    last = content.videos[-1]
    assert last.posted_at == dt.datetime(2026, 10, 22) and last.values["video_views"] == 84419


def test_business_xlsx_sample_german_headers(sample_tables) -> None:  # type: ignore[no-untyped-def]
    business = sample_tables["Business-Übersicht"]
    # the name carries no handle: the one handle the other files of the drop name (issue 20)
    assert business.account == "stadt_musterhausen"
    assert any("anderen Datei" in n or "another file" in n for n in business.notes)
    assert business.columns["Erreichtes Publikum"] == "reached_audience"
    assert business.columns["Freigaben"] == "shares"
    assert business.columns["Nettowachstum"] == "net_growth"
    days = daily(business)
    assert len(days) == 61
    assert days[D(2026, 9, 1)] == {
        "video_views": 11517,
        "reached_audience": 7906,
        "profile_views": 441,
        "likes": 984,
        "shares": 82,
        "comments": 20,
        "new_followers": 30,
        "lost_followers": 11,
    }
    assert days[D(2026, 10, 31)]["video_views"] == 1816


def test_account_option_overrides_file_names(samples: Path) -> None:
    result = tiktok.parse_paths(
        [samples / "tiktok" / "Uebersicht_business_de.xlsx"], account="amt_x"
    )
    assert {r.account for r in result.tables[0].daily} == {"amt_x"}


# ----------------------------------------------------------------------------- variants
def test_missing_words_never_become_zero_and_thousands_are_read(tmp_path: Path) -> None:
    data = csv_text(
        ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"],
        [
            ["2026-03-01", "5,431", "undefined", "NaN", "", "-3"],
            ["2026-03-02", "5.431", "1", "2", "3", "1,234,567"],
        ],
    )
    (tmp_path / "Overview_2026-03-01_1_amt.csv").write_bytes(data)
    table = tiktok.parse_paths([tmp_path / "Overview_2026-03-01_1_amt.csv"]).tables[0]
    days = daily(table)
    assert days[D(2026, 3, 1)] == {
        "video_views": 5431,
        "profile_views": None,
        "likes": None,
        "comments": None,
        "shares": -3,
    }
    assert days[D(2026, 3, 2)]["video_views"] == 5431
    assert days[D(2026, 3, 2)]["shares"] == 1234567
    assert table.account == "amt"


def test_viewers_with_undefined_newest_day(tmp_path: Path) -> None:
    data = csv_text(
        ["Date", "Total Viewers", "New Viewers", "Returning Viewers"],
        [
            ["October 28", "900", "600", "300"],
            ["October 29", "undefined", "undefined", "undefined"],
        ],
    )
    path = make_zip(tmp_path / "Viewers_amt.zip", {"Viewers.csv": data})
    table = tiktok.parse_paths([path]).tables[0]
    assert table.label == "Viewers"
    assert daily(table) == {
        D(2026, 10, 28): {"total_viewers": 900, "new_viewers": 600, "returning_viewers": 300},
        D(2026, 10, 29): {"total_viewers": None, "new_viewers": None, "returning_viewers": None},
    }


def test_newer_overview_with_new_followers_column(tmp_path: Path) -> None:
    data = csv_text(
        ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares", "New followers"],
        [["May 10", "10", "1", "2", "0", "0", "7"]],
    )
    path = make_zip(tmp_path / "Overview_2026-05-10_1_amt.zip", {"Overview.csv": data})
    assert daily(tiktok.parse_paths([path]).tables[0])[D(2026, 5, 10)]["new_followers"] == 7


@pytest.mark.parametrize(
    ("dates", "stamp"),
    [
        (["December 30", "December 31", "January 1", "January 2"], (2026, 1, 4, 8, 0, 0)),
        (["30. Dezember", "31. Dezember", "1. Januar", "2. Januar"], (2026, 1, 3, 8, 0, 0)),
        (["30 Dezember", "31 Dezember", "1 Januar", "2 Januar"], (2026, 1, 3, 8, 0, 0)),
        (["12月30日", "12月31日", "1月1日", "1月2日"], (2026, 1, 3, 8, 0, 0)),
    ],
)
def test_follower_history_across_new_year_from_zip_timestamp(
    tmp_path: Path, dates: list[str], stamp: tuple[int, ...]
) -> None:
    data = csv_text(
        ["Date", "Followers", "Difference in followers from previous day"],
        [[d, str(100 + i), "1"] for i, d in enumerate(dates)],
    )
    path = make_zip(tmp_path / "Followers_amt.zip", {"FollowerHistory.csv": data}, stamp)
    days = sorted(daily(tiktok.parse_paths([path]).tables[0]))
    assert days == [D(2025, 12, 30), D(2025, 12, 31), D(2026, 1, 1), D(2026, 1, 2)]


def test_overview_across_new_year_from_zip_name(tmp_path: Path) -> None:
    data = csv_text(["Date", "Video Views"], [["December 31", "1"], ["January 1", "2"]])
    path = make_zip(
        tmp_path / "Overview_2025-12-31_1767225600_amt.zip",
        {"Overview.csv": data},
        (2026, 1, 3, 0, 0, 0),
    )
    assert sorted(daily(tiktok.parse_paths([path]).tables[0])) == [D(2025, 12, 31), D(2026, 1, 1)]


def test_year_less_loose_file_needs_an_anchor(tmp_path: Path) -> None:
    (tmp_path / "Overview.csv").write_bytes(
        csv_text(["Date", "Video Views"], [["December 31", "1"], ["January 1", "2"]])
    )
    table = tiktok.parse_paths([tmp_path / "Overview.csv"]).tables[0]
    assert table.needs_year and table.daily == []
    assert table.last_yearless is not None and table.last_yearless.month == 1
    anchored = tiktok.parse_paths(
        [tmp_path / "Overview.csv"],
        anchors={table.name: YearAnchor(AnchorKind.DOWNLOAD, D(2027, 12, 31))},
    ).tables[0]
    assert sorted(daily(anchored)) == [D(2026, 12, 31), D(2027, 1, 1)]


def test_extracted_folder_named_like_the_zip_gives_handle_and_year(tmp_path: Path) -> None:
    folder = tmp_path / "Overview_2026-08-01_1793426400_stadt_musterhausen"
    folder.mkdir()
    (folder / "Overview.csv").write_bytes(csv_text(["Date", "Video Views"], [["August 1", "5"]]))
    table = tiktok.parse_paths([tmp_path]).tables[0]
    assert table.account == "stadt_musterhausen"
    assert sorted(daily(table)) == [D(2026, 8, 1)]


def test_business_english_headers_german_dates_extra_columns_ignored(tmp_path: Path) -> None:
    data = csv_text(
        [
            "Date",
            "Video views",
            "Reached audience",
            "Profile views",
            "Likes",
            "Shares",
            "Comments",
            "Net growth",
            "New followers",
            "Lost followers",
            "Link clicks",
            "Leads",
        ],
        [["10.05.2026", "1.234", "900", "10", "50", "5", "2", "3", "4", "1", "7", "0"]],
        bom=False,
        quote=False,
    )
    (tmp_path / "business.csv").write_bytes(data)
    table = tiktok.parse_paths([tmp_path / "business.csv"], account="amt").tables[0]
    assert table.ignored == ["Link clicks", "Leads"]
    assert daily(table)[D(2026, 5, 10)]["video_views"] == 1234
    assert daily(table)[D(2026, 5, 10)]["lost_followers"] == 1


def test_semicolon_cp1252_business_file_with_german_headers(tmp_path: Path) -> None:
    text = (
        "Datum;Videoaufrufe;Erreichtes Publikum;Kommentare;Freigaben\r\n"
        "2026/05/10;5.431;4.000;-2;1\r\n"
    )
    (tmp_path / "übersicht.csv").write_bytes(text.encode("cp1252"))
    table = tiktok.parse_paths([tmp_path / "übersicht.csv"], account="amt").tables[0]
    assert daily(table)[D(2026, 5, 10)] == {
        "video_views": 5431,
        "reached_audience": 4000,
        "comments": -2,
        "shares": 1,
    }


def test_business_video_list_german_headers(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "Videos.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Videos")
    sheet.write_row(0, 0, ["Bericht Videos (Oktober)"])  # a title row above the header
    sheet.write_row(
        2,
        0,
        [
            "Videotitel",
            "Videolink",
            "Veröffentlichungszeit",
            "Videoaufrufe",
            "Likes",
            "Kommentare",
            "Freigaben",
            "Zu Favoriten hinzufügen",
            "Datum",
        ],
    )
    sheet.write_row(
        3,
        0,
        [
            "Azubi-Tag",
            "https://www.tiktok.com/@amt/video/123?lang=de",
            "2026-10-02 18:30",
            1000,
            100,
            10,
            5,
            3,
            "2026-10-31",
        ],
    )
    workbook.close()
    table = tiktok.parse_paths([path]).tables[0]
    assert table.kind is tiktok.TableKind.VIDEO
    video = table.videos[0]
    assert video.video_link == "https://www.tiktok.com/@amt/video/123"
    assert video.account == "amt"  # from the link, the file name has no handle
    assert video.posted_at == dt.datetime(2026, 10, 2, 18, 30)
    assert video.snapshot_date == D(2026, 10, 31)
    assert dict(video.values) == {
        "video_views": 1000,
        "likes": 100,
        "comments": 10,
        "shares": 5,
        "favourites": 3,
    }


def test_distribution_in_percent_becomes_fraction(tmp_path: Path) -> None:
    data = csv_text(["Gender", "Distribution"], [["Female", "59%"], ["Male", "41 %"]])
    path = make_zip(tmp_path / "Followers_amt.zip", {"FollowerGender.csv": data})
    values = {a.key: a.value for a in tiktok.parse_paths([path]).tables[0].audience}
    assert values == {"Female": pytest.approx(0.59), "Male": pytest.approx(0.41)}


def test_follower_activity_rows(tmp_path: Path) -> None:
    data = csv_text(
        ["Date", "Hour", "Active followers"],
        [["October 30", "0", "120"], ["October 30", "23", "4,100"]],
    )
    path = make_zip(tmp_path / "Followers_amt.zip", {"FollowerActivity.csv": data})
    rows = tiktok.parse_paths([path]).tables[0].audience
    assert [(a.key, a.value) for a in rows] == [("2026-10-30 00", 120.0), ("2026-10-30 23", 4100.0)]


def test_unreadable_rows_are_problems_with_row_numbers(tmp_path: Path) -> None:
    data = csv_text(
        ["Date", "Video Views", "Likes"],
        [
            ["2026-03-01", "10", "1"],
            ["2026-03-02", "12.5", "1"],
            ["31.02.2026", "1", "1"],
            ["2026-03-04", "zehn", "1"],
        ],
    )
    (tmp_path / "Overview_x_amt.csv").write_bytes(data)
    table = tiktok.parse_paths([tmp_path / "Overview_x_amt.csv"], account="amt").tables[0]
    assert sorted(daily(table)) == [D(2026, 3, 1)]
    rows = [(p.row, p.column) for p in table.problems]
    assert rows == [(4, "Date"), (3, "Video Views"), (5, "Video Views")]


def test_unknown_files_are_listed_and_nothing_readable_is_refused(
    tmp_path: Path, samples: Path
) -> None:
    (tmp_path / "notes.csv").write_text("Name,Phone\nAnna,1\n", encoding="utf-8")
    result = tiktok.parse_paths(
        [tmp_path / "notes.csv", samples / "tiktok" / "Content_stadt_musterhausen.zip"]
    )
    assert [p.table for p in result.problems] == ["notes.csv"]
    with pytest.raises(InputRejected):
        tiktok.parse_paths([tmp_path / "notes.csv"])
    with pytest.raises(InputRejected):
        tiktok.parse_paths([tmp_path / "missing.zip"])


@pytest.mark.parametrize(
    "name", ["empty.xlsx", "random_bytes.xlsx", "csv_renamed.xlsx", "not_a_table.csv"]
)
def test_bad_sample_files_are_refused_cleanly(samples: Path, name: str) -> None:
    with pytest.raises(InputRejected):
        tiktok.parse_paths([samples / "bad" / name])


@pytest.mark.slow
def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "Overview_bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Overview.csv", b"\0" * (80 * 1024 * 1024))
    with pytest.raises(InputRejected, match=r"ZIP-Bombe|ZIP bomb"):
        tiktok.parse_paths([path])


@pytest.mark.parametrize(
    ("name", "handle"),
    [
        ("Overview_2026-08-01_1793426400_stadt_musterhausen.zip", "stadt_musterhausen"),
        ("Content_stadt_musterhausen.zip", "stadt_musterhausen"),
        ("Followers_polizei.berlin.zip", "polizei.berlin"),
        ("Viewers_amt.zip", "amt"),
        ("Uebersicht_business_de.xlsx", None),
        ("Overview.csv", None),
    ],
)
def test_handle_from_file_name(name: str, handle: str | None) -> None:
    assert tiktok.handle_from_name(name) == handle


def test_video_links_are_normalised_for_matching() -> None:
    a = tiktok.normalize_video_link(" https://www.tiktok.com/@amt/video/7406?is_from_webapp=1 ")
    assert a == "https://www.tiktok.com/@amt/video/7406"
    assert tiktok.video_id("tiktok.com/@amt/video/7406/") == "7406"
