"""Demo analytics: a year of account numbers, 30 videos and two peer accounts."""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import Any

from tikdesk.services.analytics import KIND, AnalyticsService
from tikdesk.services.context import AppContext
from tikdesk.storage.repositories import analytics as repo

DEMO_ACCOUNT = "musterhausen"


def fill_analytics(ctx: AppContext) -> None:
    """A year of invented daily numbers, 30 videos and two peer accounts (only into none);
    dates relative to today, fixed seed."""
    with ctx.db.reader() as s:
        if repo.accounts(s):
            return
    rng = random.Random(5)
    today = ctx.clock.today()
    start = today - dt.timedelta(days=365)
    daily = _days(rng, start)
    videos = _videos(rng, start, today)
    _write(ctx, rng, start, daily, videos)
    AnalyticsService(ctx).relink_videos()


def _days(rng: random.Random, start: dt.date) -> list[dict[str, Any]]:
    """364 days of account numbers with a few viral days and a slowly growing audience."""
    daily = []
    followers = 3800
    for i in range(364):
        day = start + dt.timedelta(days=i)
        boost = 4.0 if rng.random() < 0.06 else 1.0
        views = int(rng.lognormvariate(7.4, 0.35) * boost * (1 + i / 700))
        new = int(views * rng.uniform(0.004, 0.012))
        lost = int(new * rng.uniform(0.1, 0.4))
        followers += new - lost
        daily.append(
            {
                "account": DEMO_ACCOUNT,
                "day": day,
                "video_views": views,
                "profile_views": int(views * rng.uniform(0.02, 0.05)),
                "likes": int(views * rng.uniform(0.05, 0.09)),
                "comments": int(views * rng.uniform(0.002, 0.006)) - (rng.random() < 0.01),
                "shares": int(views * rng.uniform(0.003, 0.01)),
                "followers": followers,
                "new_followers": None,
                "lost_followers": None,
                "reached_audience": None,
                "total_viewers": None,
                "new_viewers": None,
                "returning_viewers": None,
            }
        )
    return daily


def _videos(rng: random.Random, start: dt.date, today: dt.date) -> list[dict[str, Any]]:
    """30 videos, one every twelve days, with yesterday's numbers."""
    videos = []
    titles = (
        "Ein Tag im Bürgeramt",
        "Mythos: Beamte schlafen im Büro?",
        "Azubi-Takeover",
        "Warum der Ausweis nicht per Post kommt",
        "Lipsync mit dem Ordnungsamt",
        "Wahlhelfer-Schulung",
        "Bauhof im Winterdienst",
        "Fragen an die Bürgermeisterin",
        "3 Gründe für eine Ausbildung bei der Stadt",
        "Hinter den Kulissen: Stadtarchiv",
    )
    for k in range(30):
        posted = dt.datetime.combine(
            start + dt.timedelta(days=12 * k + rng.randrange(5)),
            dt.time(rng.choice((7, 12, 16, 17, 18, 19)), rng.choice((0, 15, 30))),
        )
        views = int(rng.lognormvariate(9.6, 0.8))
        rate = rng.uniform(0.04, 0.12)
        likes = int(views * rate * 0.8)
        videos.append(
            {
                "account": DEMO_ACCOUNT,
                "video_link": f"https://www.tiktok.com/@{DEMO_ACCOUNT}/video/{7300 + k}",
                "snapshot_date": today - dt.timedelta(days=1),
                "video_title": titles[k % 10],
                "posted_at": posted,
                "views": views,
                "likes": likes,
                "comments": max(0, math.ceil(views * rate * 0.05)),
                "shares": int(views * rate * 0.15),
                "favourites": int(views * rate * 0.1),
                "manual": False,
                "post_id": None,
            }
        )
    return videos


def _write(
    ctx: AppContext,
    rng: random.Random,
    start: dt.date,
    daily: list[dict[str, Any]],
    videos: list[dict[str, Any]],
) -> None:
    """Both as one import batch, and a year of monthly numbers of two peer accounts."""
    with ctx.db.transaction() as s:
        batch = repo.add_import_batch(
            s,
            kind=KIND,
            file_name="demo",
            sha256="0" * 64,
            user=ctx.user,
            inserted=len(daily) + len(videos),
            updated=0,
            skipped=0,
        )
        repo.bulk_insert(s, repo.DAILY, [{**d, "import_batch_id": batch} for d in daily])
        repo.bulk_insert(s, repo.VIDEO, [{**v, "import_batch_id": batch} for v in videos])
        for name, base in (("Stadt Beispielstadt", 6100), ("Landkreis Musterland", 2900)):
            for month in range(12):
                repo.upsert_benchmark(
                    s,
                    name,
                    start + dt.timedelta(days=30 * month + 15),
                    int(base * (1 + month / 30) + rng.randint(0, 90)),
                    None,
                )
