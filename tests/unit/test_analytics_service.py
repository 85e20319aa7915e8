"""Analytics service on a real database (SQLite file and PostgreSQL server): preview, commit,
re-import, overlap, links, charts."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from tikdesk.domain.errors import Cancelled, InputRejected, ValidationError
from tikdesk.services import analytics as an
from tikdesk.services.analytics import AnalyticsService
from tikdesk.services.context import AppContext

D = dt.date
HANDLE = "stadt_musterhausen"


def rows(ctx: AppContext, sql: str) -> list[tuple[object, ...]]:
    """The rows of a plain SQL query, read through SQLAlchemy on either back end.

    Dates come back as ``datetime.date`` from PostgreSQL and as ISO text from SQLite (raw SQL
    carries no column types); both are compared as ISO text.
    """
    with ctx.db.reader() as s:
        result = s.execute(text(sql)).all()
    return [tuple(_plain(v) for v in row) for row in result]


def _plain(value: object) -> object:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def sample_zips(samples: Path) -> list[Path]:
    return sorted((samples / "tiktok").glob("*.zip"))


def overview_zip(
    path: Path, lines: list[tuple[str, ...]], stamp: tuple[int, ...] = (2026, 10, 31, 9, 30, 0)
) -> Path:
    header = '"Date","Video Views","Profile Views","Likes","Comments","Shares"'
    body = "\n".join(",".join(f'"{c}"' for c in line) for line in lines)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("Overview.csv", date_time=stamp),  # type: ignore[arg-type]
            ("\ufeff" + header + "\n" + body).encode(),
        )
    return path


@pytest.fixture
def service(ctx: AppContext) -> AnalyticsService:
    return AnalyticsService(ctx)


def test_preview_writes_nothing_and_counts_new_rows(
    service: AnalyticsService, ctx: AppContext, samples: Path
) -> None:
    preview = service.preview_import(sample_zips(samples))
    # Overview and FollowerHistory fill the same 90 days: every file row counts as new
    assert preview.daily == an.Counts(new=180, changed=0, unchanged=0)
    assert preview.videos == an.Counts(12, 0, 0)
    assert preview.audience == an.Counts(7, 0, 0)
    assert (preview.first, preview.last) == (D(2026, 8, 1), D(2026, 10, 31))
    assert preview.accounts == [HANDLE]
    assert preview.unmatched_videos == 12
    assert preview.can_commit and preview.problems == []
    overview = next(t for t in preview.tables if t.label == "Overview")
    assert ("Video Views", "Videoaufrufe") in overview.columns
    assert "Dateinamen" in overview.anchor
    assert rows(ctx, "select count(*) from account_daily") == [(0,)]


def test_commit_then_same_files_again_changes_nothing(
    service: AnalyticsService, ctx: AppContext, samples: Path
) -> None:
    result = service.commit_import(service.preview_import(sample_zips(samples)))
    assert (result.inserted, result.updated, result.batches) == (109 + 90, 0, 3)
    before = rows(ctx, "select * from account_daily order by id")
    videos_before = rows(ctx, "select * from video_stats order by id")
    assert len(before) == 90 and len(videos_before) == 12
    batches = rows(
        ctx, "select file_name, rows_inserted, rows_updated from import_batch order by file_name"
    )
    assert batches[0] == ("Content_stadt_musterhausen.zip", 12, 0)
    assert len(batches[0]) == 3 and len(batches) == 3

    again = service.preview_import(sample_zips(samples))
    assert again.new_or_changed == 0 and not again.can_commit
    assert again.daily == an.Counts(0, 0, 180)
    _preview, result2 = service.import_files(sample_zips(samples))
    assert result2 is None
    assert rows(ctx, "select * from account_daily order by id") == before
    assert rows(ctx, "select * from video_stats order by id") == videos_before
    assert rows(ctx, "select count(*) from import_batch") == [(3,)]


@pytest.mark.slow
def test_stored_numbers_match_the_sample_files(
    service: AnalyticsService, ctx: AppContext, samples: Path
) -> None:
    service.import_files(sample_zips(samples))
    day = rows(
        ctx,
        "select video_views, profile_views, likes, comments, shares, followers, "
        f"new_followers from account_daily where account='{HANDLE}' "
        "and day='2026-08-18'",
    )
    assert day == [(10677, 326, 979, -1, 117, 4437, None)]
    gender = rows(
        ctx, "select key, value, taken_on from audience_snapshot where kind='gender' order by key"
    )
    assert gender == [
        ("Female", 0.57, "2026-10-31"),
        ("Male", 0.41, "2026-10-31"),
        ("Other", 0.02, "2026-10-31"),
    ]


def test_later_export_replaces_numbers_but_undefined_erases_nothing(
    service: AnalyticsService, ctx: AppContext, tmp_path: Path
) -> None:
    first = overview_zip(
        tmp_path / f"Overview_2026-08-01_1_{HANDLE}.zip",
        [
            ("August 1", "100", "5", "10", "1", "1"),
            ("August 2", "200", "6", "20", "2", "2"),
            ("August 3", "300", "7", "30", "3", "3"),
        ],
    )
    service.import_files([first])
    later = overview_zip(
        tmp_path / f"Overview_2026-08-02_2_{HANDLE}.zip",
        [
            ("August 2", "250", "undefined", "20", "2", "2"),
            ("August 3", "300", "7", "30", "3", "3"),
            ("August 4", "400", "8", "40", "4", "4"),
        ],
    )
    preview = service.preview_import([later])
    assert preview.daily == an.Counts(new=1, changed=1, unchanged=1)
    result = service.commit_import(preview)
    assert (result.inserted, result.updated) == (1, 1)
    assert rows(ctx, "select day, video_views, profile_views from account_daily order by day") == [
        ("2026-08-01", 100, 5),
        ("2026-08-02", 250, 6),
        ("2026-08-03", 300, 7),
        ("2026-08-04", 400, 8),
    ]
    batch = rows(
        ctx,
        "select b.file_name from account_daily d join import_batch b "
        "on b.id = d.import_batch_id where d.day = '2026-08-02'",
    )
    assert batch == [(later.name,)]


def test_overlapping_files_in_one_import_merge(
    service: AnalyticsService, ctx: AppContext, tmp_path: Path
) -> None:
    a = overview_zip(
        tmp_path / f"Overview_2026-12-30_1_{HANDLE}.zip",
        [("December 30", "1", "1", "1", "1", "1"), ("December 31", "2", "2", "2", "2", "2")],
    )
    b = overview_zip(
        tmp_path / f"Overview_2026-12-31_2_{HANDLE}.zip",
        [("December 31", "2", "2", "2", "2", "2"), ("January 1", "3", "3", "3", "3", "3")],
        (2027, 1, 3, 0, 0, 0),
    )
    preview = service.preview_import([a, b])
    assert preview.daily == an.Counts(new=3, changed=0, unchanged=1)
    service.commit_import(preview)
    assert rows(ctx, "select day from account_daily order by day") == [
        ("2026-12-30",),
        ("2026-12-31",),
        ("2027-01-01",),
    ]


@pytest.mark.slow
def test_year_less_file_without_anchor_is_refused_then_accepted_with_a_year(
    service: AnalyticsService, ctx: AppContext, tmp_path: Path, samples: Path
) -> None:
    with zipfile.ZipFile(samples / "tiktok" / f"Overview_2026-08-01_1793426400_{HANDLE}.zip") as z:
        (tmp_path / "Overview.csv").write_bytes(z.read("Overview.csv"))
    preview = service.preview_import([tmp_path / "Overview.csv"], account=HANDLE)
    assert [t.name for t in preview.needs_year] == ["Overview.csv"]
    assert preview.needs_year[0].last_yearless == "29. Oktober"
    assert not preview.can_commit and "Jahr" in (preview.refusal() or "")
    with pytest.raises(InputRejected, match="Jahr"):
        service.commit_import(preview)
    with pytest.raises(InputRejected):
        service.import_files([tmp_path / "Overview.csv"], account=HANDLE)
    assert rows(ctx, "select count(*) from account_daily") == [(0,)]
    answered = service.preview_import(
        [tmp_path / "Overview.csv"], account=HANDLE, years={"Overview.csv": 2025}
    )
    service.commit_import(answered)
    assert rows(ctx, "select min(day), max(day) from account_daily") == [
        ("2025-08-01", "2025-10-29")
    ]


def test_business_file_needs_an_account(service: AnalyticsService, samples: Path) -> None:
    path = samples / "tiktok" / "Uebersicht_business_de.xlsx"
    preview = service.preview_import([path])
    assert preview.needs_account and "--account" in (preview.refusal() or "")
    assert service.preview_import([path], account="@amt").accounts == ["amt"]


def test_cancel_writes_nothing(service: AnalyticsService, ctx: AppContext, samples: Path) -> None:
    preview = service.preview_import(sample_zips(samples))
    with pytest.raises(Cancelled):
        service.commit_import(preview, progress=lambda done, total: done == 0)
    assert rows(ctx, "select count(*) from account_daily") == [(0,)]
    assert rows(ctx, "select count(*) from import_batch") == [(0,)]


def test_videos_match_posts_by_link_and_unmatched_can_be_linked_or_created(
    service: AnalyticsService, ctx: AppContext, samples: Path
) -> None:
    from tikdesk.services.posts import PostInput, PostService

    posts = PostService(ctx)
    known = posts.create(
        PostInput(
            title="Bürgeramt",
            format="behind_the_scenes",
            audience="citizens",
            video_link=f"https://www.tiktok.com/@{HANDLE}/video/7406226086050450553?lang=de",
        )
    )
    other = posts.create(PostInput(title="Mythos Büro", format="myth_buster"))
    preview = service.preview_import(sample_zips(samples))
    assert preview.unmatched_videos == 11
    result = service.commit_import(preview)
    assert len(result.unmatched) == 11
    linked = rows(
        ctx, "select post_id from video_stats where video_link like '%7406226086050450553'"
    )
    assert linked == [(known,)]

    myth = f"https://www.tiktok.com/@{HANDLE}/video/7401746810133156682"
    service.link_video(myth, other)
    assert rows(ctx, f"select video_link from post where id={other}") == [(myth,)]
    with pytest.raises(ValidationError):
        service.link_video(f"https://www.tiktok.com/@{HANDLE}/video/7401740887095072831", known)
    created = service.create_post_for_video(
        f"https://www.tiktok.com/@{HANDLE}/video/7401740887095072831"
    )
    assert rows(ctx, f"select title, status from post where id={created}") == [
        ("Azubi-Takeover: Lisa zeigt die Kfz-Zulassung", "draft")
    ]
    assert len(service.unmatched_videos()) == 9

    videos = {v.video_link: v for v in service.videos(HANDLE)}
    assert videos[myth].format == "myth_buster" and videos[myth].post_id == other
    assert videos[myth].engagement_rate == pytest.approx((3344 + 293 + 513) / 41333)
    groups = an.engagement_by(videos.values(), "format")
    assert groups[-1].key == an.NOT_LINKED and groups[-1].spread.count == 9
    assert {g.key: g.spread.count for g in groups}["myth_buster"] == 1


@pytest.mark.slow
def test_manual_numbers_for_a_post_without_export(
    service: AnalyticsService, ctx: AppContext
) -> None:
    from tikdesk.services.posts import PostInput, PostService

    post = PostService(ctx).create(PostInput(title="Tag der offenen Tür", format="event"))
    service.set_manual_stats(post, D(2026, 9, 1), views=1000, likes=80, comments=5, shares=15)
    service.set_manual_stats(post, D(2026, 9, 1), views=1200, likes=90, comments=5, shares=15)
    stored = rows(ctx, "select video_link, views, likes, manual, post_id from video_stats")
    assert stored == [(an.manual_link(post), 1200, 90, 1, post)]
    assert service.videos()[0].engagement_rate == pytest.approx(110 / 1200)
    with pytest.raises(ValidationError):
        service.set_manual_stats(
            post, D(2026, 9, 2), views=None, likes=None, comments=None, shares=None
        )
    with pytest.raises(ValidationError):
        service.set_manual_stats(post, D(2026, 9, 2), views=-5, likes=1, comments=1, shares=1)


def test_benchmarks_typed_in_by_hand(service: AnalyticsService, ctx: AppContext) -> None:
    assert service.save_benchmark("Stadt Beispielstadt", D(2026, 9, 1), 12000, 300000)
    assert not service.save_benchmark("Stadt  Beispielstadt", D(2026, 9, 1), 12100, None)
    service.save_benchmark("Stadt Beispielstadt", D(2026, 10, 1), 12500, None)
    service.save_benchmark("Polizei Muster", D(2026, 10, 1), None, 5)
    series = {b.name: b for b in service.benchmarks()}
    assert series["Stadt Beispielstadt"].followers == [12100, 12500]
    assert series["Stadt Beispielstadt"].likes == [None, None]
    assert series["Stadt Beispielstadt"].x[0] == an.day_x(D(2026, 9, 1))
    with pytest.raises(ValidationError):
        service.save_benchmark(" ", D(2026, 10, 1), 1, 1)
    assert service.delete_benchmark(series["Polizei Muster"].ids[0])
    assert [b.name for b in service.benchmarks()] == ["Stadt Beispielstadt"]


def test_daily_series_recomputes_net_change_and_averages(
    service: AnalyticsService, samples: Path
) -> None:
    service.import_files(sample_zips(samples))
    series = service.daily_series(HANDLE, D(2026, 8, 2), D(2026, 8, 31))
    assert series.days[0] == D(2026, 8, 2) and series.days[-1] == D(2026, 8, 31)
    assert series.values["followers"][:2] == [4216, 4239]
    assert series.net_change[:2] == [10, 23]  # recomputed: the file's column says 23, 8
    assert series.values["comments"][16] == -1  # 18 August
    assert series.moving_average["video_views"][0] is None  # only 2 days known so far
    later = service.daily_series(HANDLE, D(2026, 8, 10), D(2026, 8, 31))
    views_4_to_10 = [2191, 1616, 2293, 1289, 2163, 7739, 1191]  # lead-in before the period
    assert later.moving_average["video_views"][0] == pytest.approx(sum(views_4_to_10) / 7)
    assert series.x[0] == an.day_x(D(2026, 8, 2))
    assert service.date_bounds(HANDLE) == (D(2026, 8, 1), D(2026, 10, 29))
    assert service.accounts() == [HANDLE]


def test_business_net_change_from_new_minus_lost(service: AnalyticsService, samples: Path) -> None:
    service.import_files([samples / "tiktok" / "Uebersicht_business_de.xlsx"], account="amt")
    series = service.daily_series("amt")
    assert series.net_change[:3] == [19, 23, 24]


def test_heatmap_uses_only_videos_with_a_time(tmp_path: Path) -> None:
    def video(posted: dt.datetime | None, views: int) -> an.VideoPerformance:
        return an.VideoPerformance(
            "l",
            "a",
            "t",
            posted,
            D(2026, 1, 1),
            views,
            1,
            1,
            1,
            None,
            0.1,
            "other",
            "general",
            None,
            False,
        )

    hm = an.heatmap(
        [
            video(dt.datetime(2026, 8, 3, 18, 0, 1), 100),
            video(dt.datetime(2026, 8, 4), 999),
            video(None, 5),
        ]
    )
    assert hm.count[0][18] == 1 and sum(map(sum, hm.count)) == 1
    periods = an.videos_in_period(
        [video(dt.datetime(2026, 8, 4), 1), video(None, 1)], D(2026, 8, 1), D(2026, 8, 31)
    )
    assert len(periods) == 1


def test_folder_with_a_copy_of_a_zip_counts_once(
    service: AnalyticsService, tmp_path: Path, samples: Path
) -> None:
    for path in sample_zips(samples):
        shutil.copy(path, tmp_path / path.name)
    shutil.copy(sample_zips(samples)[0], tmp_path / "copy.zip")
    preview = service.preview_import([tmp_path])
    assert preview.videos == an.Counts(12, 0, 0)


@pytest.mark.slow
def test_slice_series_equals_reading_the_period(service: AnalyticsService, samples: Path) -> None:
    service.import_files(sample_zips(samples))
    whole = service.daily_series(HANDLE)
    for start, end in (
        (D(2026, 8, 10), D(2026, 8, 31)),
        (D(2026, 10, 1), D(2026, 12, 1)),
        (None, D(2026, 8, 3)),
    ):
        sliced = an.slice_series(whole, start, end)
        read = service.daily_series(HANDLE, start, end)
        assert sliced.days == read.days
        assert sliced.values == read.values
        assert sliced.net_change == read.net_change
        assert sliced.moving_average == read.moving_average


@pytest.mark.slow
def test_demo_filler_is_idempotent_and_part_of_the_demo(ctx: AppContext) -> None:
    from tikdesk import demo
    from tikdesk.demo.analytics import DEMO_ACCOUNT, fill_analytics

    demo.ensure_demo_data(ctx)
    before = rows(ctx, "select count(*) from account_daily")
    fill_analytics(ctx)
    assert rows(ctx, "select count(*) from account_daily") == before == [(364,)]
    service = AnalyticsService(ctx)
    assert service.accounts() == [DEMO_ACCOUNT]
    videos = service.videos(DEMO_ACCOUNT)
    assert len(videos) == 30 and all(v.has_time for v in videos)
    assert any(v.post_id is not None for v in videos)  # the demo post with link …/video/7301
    assert {b.name for b in service.benchmarks()} == {"Stadt Beispielstadt", "Landkreis Musterland"}


@pytest.mark.slow
def test_year_less_date_is_named_in_the_ui_language_not_the_os_locale(
    service: AnalyticsService, tmp_path: Path, samples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An English UI on a German Windows: the month is "October", whatever the OS locale says."""
    import time

    from tikdesk.domain.i18n import set_language

    real = time.strftime
    # what strftime gives on a German OS, whatever language the UI speaks
    monkeypatch.setattr(time, "strftime", lambda f, *a: real(f.replace("%B", "Oktober"), *a))
    set_language("en")
    with zipfile.ZipFile(samples / "tiktok" / f"Overview_2026-08-01_1793426400_{HANDLE}.zip") as z:
        (tmp_path / "Overview.csv").write_bytes(z.read("Overview.csv"))
    preview = service.preview_import([tmp_path / "Overview.csv"], account=HANDLE)
    assert preview.needs_year[0].last_yearless == "October 29"
