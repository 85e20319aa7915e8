"""Test data for the management report tests, written into a real SQLite database.

``build_report_db(db)`` writes posts, people, checklist results, ideas and consents; account
days and video snapshots come either from TikTok's sample exports (through the analytics
import) or — ``own_analytics=True`` — from rows written here.  The names and numbers are
module constants, so tests compute the expected KPIs on their own from the same sources.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tikdesk.services.context import AppContext

ACCOUNT = "stadt_musterhausen"
LINK = "https://www.tiktok.com/@stadt_musterhausen/video/{}"

ADULT = "Jana Beispielfrau"
ADULT_2 = "Konrad Zeigtgern"
MINOR = "Mia Minderjung"
ERASED = "Otto Gelöscht"
PEOPLE = (ADULT, ADULT_2, MINOR, ERASED)
FORMULA_TITLE = '=HYPERLINK("http://evil.example";"klick")'

#: (title, published, format, audience, video id or None, people, override)
POSTS = (
    ("Mia erklärt den neuen Personalausweis", dt.datetime(2026, 9, 3, 17), "explainer",
     "citizens", "7403815432972209143", (MINOR, ADULT), False),
    ("Takeover mit Jana Beispielfrau", dt.datetime(2026, 9, 10, 12), "takeover",
     "applicants", "7404402579174386511", (ADULT,), True),
    (FORMULA_TITLE, dt.datetime(2026, 9, 18, 9), "myth_buster", "general",
     "7403803915351039335", (ADULT_2,), False),
    ("Ausbildung bei der Stadt", dt.datetime(2026, 9, 29, 16), "explainer", "applicants",
     None, (ERASED,), False),
    ("Sommerfest-Rückblick", dt.datetime(2026, 8, 20, 18), "event", "citizens",
     "7409234797563430826", (), False),
)  # fmt: skip


def sample_rows(samples: Path) -> tuple[dict[dt.date, dict[str, int]], list[dict[str, object]]]:
    """The daily numbers and video rows of the TikTok samples, read with plain ``csv``.

    Years: the Overview/Followers exports run from August 1 to October 29, 2026; the Content
    snapshot is "October 31" 2026.
    """
    tiktok = samples / "tiktok"
    daily: dict[dt.date, dict[str, int]] = {}

    def read(zip_name: str, member: str) -> list[dict[str, str]]:
        with zipfile.ZipFile(next(tiktok.glob(zip_name))) as zf:
            text = zf.read(member).decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(text)))

    def day_of(text: str) -> dt.date:
        return dt.datetime.strptime(f"{text} 2026", "%B %d %Y").date()

    for row in read("Overview_*.zip", "Overview.csv"):
        daily.setdefault(day_of(row["Date"]), {}).update(
            views=int(row["Video Views"]),
            likes=int(row["Likes"]),
            comments=int(row["Comments"]),
            shares=int(row["Shares"]),
        )
    for row in read("Followers_*.zip", "FollowerHistory.csv"):
        daily.setdefault(day_of(row["Date"]), {})["followers"] = int(row["Followers"])
    videos = [
        {
            "link": row["Video link"],
            "title": row["Video title"],
            "posted": day_of(row["Post time"]),
            "views": int(row["Total views"]),
            "likes": int(row["Total likes"]),
            "comments": int(row["Total comments"]),
            "shares": int(row["Total shares"]),
        }
        for row in read("Content_*.zip", "Content.csv")
    ]
    return daily, videos


def import_samples(ctx: AppContext, samples: Path) -> None:
    from tikdesk.services.analytics import AnalyticsService

    files = sorted((samples / "tiktok").glob("*.zip"))
    AnalyticsService(ctx).import_files(files)


def write_analytics(db: object, samples: Path) -> None:
    """The sample numbers written as rows (when the import itself is not under test)."""
    from tikdesk.storage.models import AccountDaily, VideoStats

    daily, videos = sample_rows(samples)
    with db.transaction() as s:  # type: ignore[attr-defined]
        for day, values in sorted(daily.items()):
            s.add(
                AccountDaily(
                    account=ACCOUNT,
                    day=day,
                    video_views=values.get("views"),
                    likes=values.get("likes"),
                    comments=values.get("comments"),
                    shares=values.get("shares"),
                    followers=values.get("followers"),
                )
            )
        for video in videos:
            s.add(
                VideoStats(
                    account=ACCOUNT,
                    video_link=video["link"],
                    snapshot_date=dt.date(2026, 10, 31),
                    video_title=video["title"],
                    posted_at=dt.datetime.combine(video["posted"], dt.time()),  # type: ignore[arg-type]
                    views=video["views"],
                    likes=video["likes"],
                    comments=video["comments"],
                    shares=video["shares"],
                )
            )


def write_editorial(db: object) -> dict[str, int]:
    """Posts, people, checklist results, ideas, consents; returns post ids by title."""
    from tikdesk.storage.models import (
        Appearance,
        ChecklistResult,
        Consent,
        Idea,
        Person,
        Post,
        VideoStats,
    )

    ids: dict[str, int] = {}
    with db.transaction() as s:  # type: ignore[attr-defined]
        persons = {}
        for name in PEOPLE:
            person = Person(
                display_name=name,
                is_minor=name == MINOR,
                birth_date=dt.date(2011, 5, 4) if name == MINOR else None,
            )
            s.add(person)
            persons[name] = person
        s.flush()
        for title, published, fmt, audience, video, people, override in POSTS:
            post = Post(
                title=title,
                format=fmt,
                audience=audience,
                published_at=published,
                status="published",
                video_link=LINK.format(video) if video else "",
                account="",
                author="anna",
            )
            s.add(post)
            s.flush()
            ids[title] = post.id
            for name in people:
                s.add(Appearance(post_id=post.id, person_id=persons[name].id))
            s.add(
                ChecklistResult(
                    post_id=post.id,
                    item_key="music_rights",
                    state="ok",
                    override_reason="Sound aus der Bibliothek" if override else "",
                )
            )
        # an earlier snapshot inside September for the first post: it must win over Oct 31
        s.add(
            VideoStats(
                account=ACCOUNT,
                video_link=LINK.format(POSTS[0][4]),
                snapshot_date=dt.date(2026, 9, 28),
                video_title=POSTS[0][0],
                posted_at=POSTS[0][1],
                views=40000,
                likes=2000,
                comments=100,
                shares=300,
            )
        )
        s.add(Post(title="Entwurf Wahlhelfer", status="draft", author="anna"))
        s.add(Post(title="Prüfung Bauhof", status="in_review", author="anna"))
        for status, count in (("new", 3), ("planned", 2), ("done", 1)):
            for n in range(count):
                s.add(Idea(title=f"Idee {status} {n}", status=status))
        # consents: one expiring in October (next month after September), one in November
        s.add(Consent(person_id=persons[ADULT].id, valid_until=dt.date(2026, 10, 15)))
        s.add(Consent(person_id=persons[ADULT_2].id, valid_until=dt.date(2026, 11, 15)))
        s.flush()
        erased = persons[ERASED]
        erased.erased_at = dt.datetime(2026, 10, 1)
        erased.display_name = "[gelöscht]"
    return ids


ORGANISATION = "Stadt Musterhausen – Presse & Öffentlichkeit"
SEPTEMBER = (dt.date(2026, 9, 1), dt.date(2026, 9, 30))
TODAY = dt.date(2026, 10, 5)


def tiny_png(path: Path, width: int = 40, height: int = 20) -> Path:
    """A small blue PNG written with zlib only (no Qt needed below the UI)."""
    row = b"\x00" + b"\x1f\x4e\x79" * width
    raw = zlib.compress(row * height)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    )
    return path


def prepare(ctx: AppContext, samples: Path, tmp_path: Path) -> object:
    """The sample exports imported through the analytics service, plus the editorial data.

    Test modules wrap this in their own ``report_ctx`` fixture.
    """
    from tikdesk.services.settings import SettingsService

    import_samples(ctx, samples)
    write_editorial(ctx.db)
    logo = tiny_png(tmp_path / "logo.png")
    SettingsService(ctx).set_organisation(ORGANISATION, str(logo))
    return ctx


def name_words() -> list[str]:
    """Full names and their parts (first and family names) of every test person."""
    words = set(PEOPLE)
    for name in PEOPLE:
        words.update(part for part in name.split() if len(part) >= 3)
    return sorted(words)


def names_in(text: str, names: list[str] | None = None) -> list[str]:
    """The names (whole words, any case) that occur in ``text``."""
    return [
        n for n in (names or name_words()) if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text, re.I)
    ]


def xlsx_texts(path: Path) -> str:
    """Every XML part of a workbook (cells, shared strings, header/footer, charts, props)."""
    with zipfile.ZipFile(path) as zf:
        return "\n".join(
            zf.read(n).decode("utf-8") for n in zf.namelist() if n.endswith((".xml", ".rels"))
        )


def pdf_text(data: bytes) -> str:
    """The text of a PDF as a reader extracts it (pypdf: through each font's ToUnicode)."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages).replace("\t", " ")


def flat(text: str) -> str:
    """``text`` with every run of white space as one space: a wrapped cell reads as one line."""
    return " ".join(text.split())


def pdf_pages(data: bytes) -> int:
    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(data)).pages)
