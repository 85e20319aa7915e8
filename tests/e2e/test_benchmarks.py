"""The benchmark database generator, at 1/100 scale: counts, references, determinism.

No timing assertions here — speed is measured by ``python -m benchmarks``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from pathlib import Path

import pytest

# benchmarks/ lives beside tikdesk/ in the checkout and is not installed with the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks import generate as gen

END = dt.date(2026, 3, 31)
SCALE = 0.01


@pytest.fixture
def bench_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("TIKDESK_BENCH_CACHE", str(cache))
    return cache


@pytest.fixture
def small_db(tmp_path: Path, bench_cache: Path) -> Path:
    return gen.generate(tmp_path / "bench.sqlite", scale=SCALE, end=END)


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


@pytest.mark.slow
def test_counts_follow_the_scale(small_db: Path) -> None:
    counts = gen.counts(small_db)
    assert counts["idea"] == round(gen.IDEAS * SCALE)
    assert counts["post"] == round(gen.POSTS * SCALE)
    assert counts["appearance"] == counts["post"] * gen.APPEARANCES_PER_POST
    assert counts["person"] == round(gen.PEOPLE * SCALE)
    assert counts["consent"] >= counts["person"]  # minors have one per custodian
    days = (END - (END - dt.timedelta(days=365 * gen.YEARS))).days + 1
    assert counts["account_daily"] == days * len(gen.ACCOUNTS)  # never scaled: 3 years
    videos = _rows(small_db, "SELECT count(DISTINCT video_link) FROM video_stats")[0][0]
    assert videos == round(gen.VIDEOS * SCALE)
    assert counts["video_stats"] > videos  # weekly snapshots


@pytest.mark.slow
def test_every_reference_resolves(small_db: Path) -> None:
    assert gen.integrity(small_db) == []
    # Every person shown in a post has a consent record; every linked video has a post.
    assert _rows(
        small_db,
        "SELECT count(*) FROM appearance a WHERE NOT EXISTS "
        "(SELECT 1 FROM consent c WHERE c.person_id = a.person_id)",
    ) == [(0,)]
    assert _rows(
        small_db,
        "SELECT count(*) FROM video_stats v JOIN post p ON p.id = v.post_id "
        "WHERE p.video_link != v.video_link",
    ) == [(0,)]
    assert _rows(
        small_db, "SELECT count(*) FROM post WHERE status = 'published' AND published_at IS NULL"
    ) == [(0,)]


@pytest.mark.slow
def test_the_app_opens_it_without_migrating(small_db: Path) -> None:
    from tikdesk.storage import migrations
    from tikdesk.storage.engine import open_database

    db = open_database(small_db)
    try:
        assert not migrations.needs_upgrade(db.engine)
    finally:
        db.close()


@pytest.mark.slow
def test_same_seed_same_data_and_cache_is_reused(tmp_path: Path, bench_cache: Path) -> None:
    first = gen.generate(tmp_path / "a.sqlite", scale=SCALE, end=END)
    cached = list(bench_cache.glob("*.sqlite"))
    assert len(cached) == 1
    mtime = cached[0].stat().st_mtime_ns
    second = gen.generate(tmp_path / "b.sqlite", scale=SCALE, end=END)
    assert cached[0].stat().st_mtime_ns == mtime  # served from the cache, not rebuilt
    rebuilt = tmp_path / "c.sqlite"
    gen.build(rebuilt, scale=SCALE, end=END)
    dump = "SELECT * FROM idea ORDER BY id"
    assert _rows(first, dump) == _rows(second, dump) == _rows(rebuilt, dump)
    other_seed = gen.generate(tmp_path / "d.sqlite", scale=SCALE, seed=7, end=END)
    assert _rows(other_seed, dump) != _rows(first, dump)


@pytest.mark.slow
def test_cli_writes_the_file(
    tmp_path: Path, bench_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli.sqlite"
    assert gen.main([str(out), "--scale", str(SCALE), "--end", END.isoformat()]) == 0
    assert gen.counts(out, ["idea"]) == {"idea": round(gen.IDEAS * SCALE)}
    assert "idea" in capsys.readouterr().out


def test_no_post_is_approved_by_its_author(small_db: Path) -> None:
    """Four eyes hold in the generated data, so it can be copied to a team database, whose
    trigger refuses a self-approval (issue 17)."""
    assert _rows(small_db, "SELECT count(*) FROM approval")[0][0] > 0
    assert _rows(
        small_db,
        "SELECT count(*) FROM approval a JOIN post p ON p.id = a.post_id "
        "WHERE lower(a.approver) = lower(p.author)",
    ) == [(0,)]
