"""A large, realistic (and entirely fictional) TikDesk database for the benchmarks.

At scale 1: 50,000 ideas, 5,000 posts with 3 appearances each (plus checklist results and
approvals), 2,000 people with their consents, 3 years of daily account data for 2 accounts,
1,000 videos with weekly snapshots, audience distributions and peer benchmarks.

The schema comes from TikDesk's own migrations (``open_database``); the rows are written with
raw ``executemany`` through the engine's DBAPI connection after SQLAlchemy's own bind
processors turned dates and booleans into what the ORM would store — so the file is exactly
what the app would have written, in seconds.  Everything is derived from one seed and the end
date, so two runs give the same file; the result is cached in the temp folder under a key
made of this module's source, the migrations, the scale, the seed and the end date.

    python -m benchmarks.generate OUT.sqlite [--scale 0.01] [--seed N] [--end YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import math
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

GENERATOR_VERSION = 1
DEFAULT_SEED = 20260101

#: Row counts at scale 1 (issue 9).
IDEAS = 50_000
POSTS = 5_000
APPEARANCES_PER_POST = 3
PEOPLE = 2_000
ACCOUNTS = ("stadt.musterhausen", "feuerwehr.musterhausen")
YEARS = 3
VIDEOS = 1_000
MAX_SNAPSHOTS = 52  # weekly, for at most a year after posting
PEERS = ("Stadt Beispielstadt", "Landkreis Musterland", "Polizei Musterhausen")

# ----------------------------------------------------------------------------- word lists
# Fictional office vocabulary; names are random combinations of common German first and
# family names — no real person is meant.
UNITS = (
    "Bürgeramt",
    "Standesamt",
    "Ordnungsamt",
    "Feuerwehr",
    "Bauhof",
    "Stadtbibliothek",
    "Jugendamt",
    "Sozialamt",
    "Grünflächenamt",
    "Tiefbauamt",
    "Gesundheitsamt",
    "Stadtwerke",
    "Musikschule",
    "Volkshochschule",
    "Kfz-Zulassungsstelle",
    "Wahlamt",
    "Stadtarchiv",
    "Friedhofsamt",
    "Bauaufsicht",
    "Stadtkasse",
    "Umweltamt",
    "Sportamt",
    "Kulturamt",
    "Tourist-Info",
    "Stadtreinigung",
    "Klärwerk",
    "Ausländerbehörde",
    "Rettungsdienst",
    "Museum",
    "Tierheim",
    "Schulamt",
    "Personalamt",
)
SERVICES = (
    "Personalausweis",
    "Reisepass",
    "Wohngeld",
    "Elterngeld",
    "Führungszeugnis",
    "Anwohnerparkausweis",
    "Hundesteuer",
    "Sperrmüll",
    "Baugenehmigung",
    "Bibliotheksausweis",
    "Briefwahl",
    "Kita-Platz",
    "Meldebescheinigung",
    "Gewerbeanmeldung",
    "Fischereischein",
    "Sondernutzung",
    "Kfz-Zulassung",
    "Wunschkennzeichen",
    "Eheschließung",
    "Geburtsurkunde",
    "Einbürgerung",
    "Grundsteuer",
    "Schwerbehindertenausweis",
    "Bewohnerparken",
    "Straßensperrung",
    "Baumfällung",
    "Biotonne",
    "Bildungsgutschein",
)
EVENTS = (
    "Stadtfest",
    "Weihnachtsmarkt",
    "Tag der offenen Tür",
    "Ausbildungsmesse",
    "Stadtlauf",
    "Kommunalwahl",
    "Girls' Day",
    "Sommerferienprogramm",
    "Kulturnacht",
    "Frühjahrsputz",
    "Neujahrsempfang",
    "Bürgersprechstunde",
    "Feuerwehrfest",
    "Lesenacht",
)
MYTHS = (
    "Beamte haben immer frei",
    "Das Ordnungsamt hat eine Quote",
    "Anträge bleiben liegen",
    "Im Rathaus gibt es nur Papier",
    "Blitzer finanzieren den Haushalt",
    "Die Feuerwehr holt Katzen vom Baum",
    "Im Amt arbeitet niemand nach 16 Uhr",
    "Für alles braucht man einen Termin",
    "Straßen werden im Dezember aufgerissen, um das Budget zu verbrauchen",
)
JOBS = (
    "Verwaltungsfachangestellte",
    "Notfallsanitäter",
    "Straßenwärter",
    "Gärtnerin",
    "Fachinformatiker",
    "Brandmeisteranwärter",
    "Erzieherin",
    "Bauzeichner",
    "Inspektoranwärterin",
    "Fachangestellte für Medien- und Informationsdienste",
)
HOOKS = (
    "„Das wusstet ihr noch nicht, oder?“",
    "„60 Sekunden, eine Frage, eine Antwort.“",
    "„Kommt mit hinter die Tür, die sonst zu ist.“",
    "„Drei Fehler, die fast alle machen.“",
    "„POV: Dein erster Tag im Rathaus.“",
    "„Wir haben mitgezählt.“",
    "„Spoiler: Es geht auch online.“",
    "„Ratet mal, wie viele es pro Tag sind.“",
    "„So sieht das um 6 Uhr morgens aus.“",
    "„Die häufigste Frage am Schalter:“",
)
DESCRIPTION_BITS = (
    "Drehort vorher mit der Amtsleitung abstimmen.",
    "Keine Bildschirme mit Daten zeigen.",
    "Musik nur aus der Commercial Music Library.",
    "Untertitel für ohne Ton einplanen.",
    "Einverständnis der Kolleg:innen im Hintergrund einholen.",
    "Kennzeichen und Hausnummern unkenntlich machen.",
    "Kurze Schnitte, maximal 45 Sekunden.",
    "Mit Text-Overlay für die wichtigsten Zahlen.",
    "Passt zur Ausbildungskampagne im Herbst.",
    "Idee aus der Redaktionskonferenz.",
    "Vorschlag aus dem Personalrat.",
    "Rückfragen beantwortet die Pressestelle.",
    "Als Serie mit mehreren Folgen denkbar.",
)
TAGS = (
    "Ausbildung",
    "Azubi",
    "Service",
    "Online-Service",
    "Mythen",
    "Humor",
    "Trend",
    "Arbeitgeber",
    "Kultur",
    "Verkehr",
    "Umwelt",
    "Sicherheit",
    "Familie",
    "Jugend",
    "Ehrenamt",
    "Digitalisierung",
    "Sport",
    "Barrierefreiheit",
    "Serie",
    "Saisonal",
)
PILLARS = ("Arbeitgebermarke", "Bürgerservice", "Stadtleben", "Sicherheit", "Transparenz")
FIRST_NAMES = (
    "Anna",
    "Lena",
    "Leonie",
    "Marie",
    "Sophie",
    "Laura",
    "Julia",
    "Lea",
    "Hannah",
    "Emma",
    "Mia",
    "Sarah",
    "Katharina",
    "Johanna",
    "Clara",
    "Paula",
    "Leyla",
    "Elif",
    "Zeynep",
    "Maja",
    "Jonas",
    "Lukas",
    "Leon",
    "Finn",
    "Paul",
    "Felix",
    "Tim",
    "Jan",
    "Niklas",
    "Tobias",
    "David",
    "Moritz",
    "Simon",
    "Max",
    "Elias",
    "Yusuf",
    "Can",
    "Mehmet",
    "Stefan",
    "Thomas",
    "Andrea",
    "Sabine",
    "Petra",
    "Monika",
    "Michael",
    "Frank",
    "Jürgen",
    "Ute",
    "Birgit",
    "Karin",
    "Dirk",
    "Matthias",
    "Christina",
    "Nadine",
    "Sven",
    "Björn",
)
LAST_NAMES = (
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Krause",
    "Meier",
    "Lehmann",
    "Köhler",
    "Demir",
    "Yılmaz",
    "Kaya",
    "Nowak",
    "Kowalski",
    "Jansen",
    "Peters",
    "Vogel",
    "Friedrich",
)
RELATIONS = ("Mutter", "Vater", "Vormund")

IDEA_STATUSES = ("new", "shortlisted", "planned", "in_production", "done", "discarded")
IDEA_STATUS_WEIGHTS = (40, 12, 10, 5, 23, 10)
FORMATS = (
    "trend_sound",
    "dance",
    "behind_the_scenes",
    "explainer",
    "myth_buster",
    "q_and_a",
    "takeover",
    "service_info",
    "event",
    "other",
)
AUDIENCES = ("applicants", "citizens", "staff", "general")
PRIORITIES = ("high", "medium", "low")
PERSON_CATEGORIES = ("employee", "apprentice", "citizen", "performer", "external")
PURPOSES = ("recruiting", "employer_branding", "public_information", "events", "internal")
SHOWN_AS = ("face", "name", "role", "voice")


def _title(rng: random.Random, fmt: str) -> str:
    unit = rng.choice(UNITS)
    service = rng.choice(SERVICES)
    pattern = {
        "trend_sound": (f"Trend-Sound mit dem Team {unit}", f"{unit} macht den Trend mit"),
        "dance": (f"Tanz-Challenge im {unit}", f"Choreo der Azubis: {unit}"),
        "behind_the_scenes": (
            f"Ein Tag im {unit}",
            f"Hinter den Kulissen: {unit}",
            f"Was passiert eigentlich im {unit}?",
        ),
        "explainer": (
            f"Erklärvideo: {service} online beantragen",
            f"{service} in 60 Sekunden erklärt",
            f"So klappt's: {service}",
        ),
        "myth_buster": (f"Mythen-Check: „{rng.choice(MYTHS)}“", f"Mythos oder Fakt: {service}"),
        "q_and_a": (f"Q&A: Wie beantrage ich {service}?", f"Eure Fragen zum Thema {service}"),
        "takeover": (f"Takeover: Azubis {rng.choice(JOBS)}", f"Takeover durch das {unit}"),
        "service_info": (f"{service}: Das müssen Sie wissen", f"Neu im {unit}: {service}"),
        "event": (f"{rng.choice(EVENTS)}-Countdown", f"{rng.choice(EVENTS)}: Wir bauen auf"),
        "other": (f"Jahresrückblick {unit}", f"Zahlen, bitte: {unit}"),
    }[fmt]
    return rng.choice(pattern)


def _person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


# ----------------------------------------------------------------------------- cache


def cache_dir() -> Path:
    return Path(
        os.environ.get("TIKDESK_BENCH_CACHE") or Path(tempfile.gettempdir()) / "tikdesk-bench"
    )


def cache_key(scale: float, seed: int, end: dt.date) -> str:
    """Changes whenever this generator, the migrations or the parameters change."""
    from tikdesk.storage import migrations

    digest = hashlib.sha256()
    digest.update(f"{GENERATOR_VERSION}|{scale}|{seed}|{end.isoformat()}".encode())
    digest.update(Path(__file__).read_bytes())
    for file in sorted((migrations.HERE / "versions").glob("*.py")):
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def cached_path(scale: float = 1.0, seed: int = DEFAULT_SEED, end: dt.date | None = None) -> Path:
    """The cached database for these parameters (built now if missing).  Do not modify it."""
    end = end or dt.date.today()
    folder = cache_dir()
    target = folder / f"tikdesk-bench-{cache_key(scale, seed, end)}.sqlite"
    if target.exists():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("tikdesk-bench-*.sqlite*"):
        if time.time() - stale.stat().st_mtime > 7 * 86400:
            stale.unlink(missing_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.part")
    build(partial, scale=scale, seed=seed, end=end)
    os.replace(partial, target)
    return target


def generate(
    path: Path | str | None = None,
    *,
    scale: float = 1.0,
    seed: int = DEFAULT_SEED,
    end: dt.date | None = None,
) -> Path:
    """A fresh copy of the benchmark database at ``path`` (the cache itself when None)."""
    source = cached_path(scale, seed, end)
    if path is None:
        return source
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, path)
    return path


# ----------------------------------------------------------------------------- writing


class _Writer:
    """Raw executemany of dict rows, with the values SQLAlchemy itself would bind."""

    def __init__(self, engine: Any) -> None:
        self.dialect = engine.dialect
        self.raw = engine.raw_connection()
        self.cur = self.raw.cursor()
        self.counts: dict[str, int] = {}

    def insert(self, model: type, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        table = model.__table__  # type: ignore[attr-defined]
        # An integer primary key missing from the rows is left to SQLite (rowid).
        columns = [c for c in table.columns if c.name in rows[0] or not c.primary_key]
        defaults: list[Any] = []
        processors: list[Callable[[Any], Any] | None] = []
        for col in columns:
            default = col.default.arg if col.default is not None else None
            if col.default is not None and col.default.is_callable:
                default = default(None)  # SQLAlchemy wraps it as fn(context)
            defaults.append(default)
            processors.append(col.type.bind_processor(self.dialect))
        names = [c.name for c in columns]
        plan = list(zip(names, defaults, processors, strict=True))

        def values(row: dict[str, Any]) -> tuple[Any, ...]:
            out = []
            for name, default, proc in plan:
                value = row.get(name, default)
                if proc is not None and value is not None:
                    value = proc(value)
                out.append(value)
            return tuple(out)

        quoted = ", ".join(f'"{n}"' for n in names)
        sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" * len(names))})'
        self.cur.executemany(sql, [values(r) for r in rows])
        self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)

    def close(self) -> None:
        self.cur.close()
        self.raw.close()


def build(
    path: Path, *, scale: float = 1.0, seed: int = DEFAULT_SEED, end: dt.date | None = None
) -> dict[str, int]:
    """Create the schema at ``path`` and fill it; returns row counts per table."""
    from tikdesk.storage.engine import open_database

    end = end or dt.date.today()
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(path)
    writer = _Writer(db.engine)
    try:
        writer.cur.execute("BEGIN")
        _fill(writer, random.Random(seed), scale, end)
        writer.cur.execute("COMMIT")
        writer.cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        writer.close()
        db.close()
    return writer.counts


def _n(count: int, scale: float, minimum: int = 1) -> int:
    return max(minimum, round(count * scale))


def _fill(w: _Writer, rng: random.Random, scale: float, end: dt.date) -> None:
    from tikdesk.storage import models as m

    start = end - dt.timedelta(days=365 * YEARS)
    span = (end - start).days
    staff = [_person_name(rng) for _ in range(12)]
    stamp = dt.datetime.combine(end, dt.time(12, 0))

    w.insert(
        m.Setting,
        [
            {"key": "org.name", "value": "Stadtverwaltung Musterhausen"},
            {"key": "bench.generated_end", "value": end.isoformat()},
        ],
    )
    batches = [
        {
            "id": i + 1,
            "kind": "analytics",
            "file_name": f"TikTok_{acc}.zip",
            "sha256": hashlib.sha256(acc.encode()).hexdigest(),
            "imported_at": stamp,
            "imported_by": staff[0],
            "rows_inserted": span + 1,
        }
        for i, acc in enumerate(ACCOUNTS)
    ]
    batches.append(
        {
            "id": len(ACCOUNTS) + 1,
            "kind": "ideas",
            "file_name": "Ideensammlung.xlsx",
            "sha256": "0" * 64,
            "imported_at": stamp,
            "imported_by": staff[1],
        }
    )
    w.insert(m.ImportBatch, batches)
    idea_batch = len(ACCOUNTS) + 1

    # ---- ideas
    n_ideas = _n(IDEAS, scale)
    ideas = []
    for i in range(1, n_ideas + 1):
        fmt = rng.choice(FORMATS)
        created = dt.datetime.combine(
            start + dt.timedelta(days=rng.randrange(span)),
            dt.time(rng.randrange(7, 18), rng.randrange(60)),
        )
        updated = min(created + dt.timedelta(days=rng.randrange(0, 120), hours=rng.random()), stamp)
        status = rng.choices(IDEA_STATUSES, IDEA_STATUS_WEIGHTS)[0]
        due = (
            created.date() + dt.timedelta(days=rng.randrange(7, 180))
            if rng.random() < 0.55
            else None
        )
        ideas.append(
            {
                "id": i,
                "title": _title(rng, fmt),
                "hook": rng.choice(HOOKS),
                "description": " ".join(rng.sample(DESCRIPTION_BITS, rng.randrange(1, 4))),
                "format": fmt,
                "audience": rng.choice(AUDIENCES),
                "pillar": rng.choice(PILLARS),
                "tags": ", ".join(rng.sample(TAGS, rng.randrange(0, 4))),
                "status": status,
                "priority": rng.choices(PRIORITIES, (2, 5, 3))[0],
                "effort": rng.choice((None, 2, 3, 4, 6, 8, 12, 16)),
                "owner": rng.choice(staff) if rng.random() < 0.8 else "",
                "target_date": due,
                "board_rank": float(i),
                "created_at": created,
                "updated_at": updated,
                "version": 1 + rng.randrange(3),
                "import_batch_id": idea_batch if rng.random() < 0.3 else None,
            }
        )
    w.insert(m.Idea, ideas)

    # ---- people and consents
    n_people = _n(PEOPLE, scale, 4)
    people, consents = [], []
    for pid in range(1, n_people + 1):
        minor = rng.random() < 0.06
        birth = (end - dt.timedelta(days=rng.randrange(365 * 6, 365 * 18))) if minor else None
        category = "citizen" if minor else rng.choices(PERSON_CATEGORIES, (50, 15, 20, 10, 5))[0]
        created = dt.datetime.combine(start + dt.timedelta(days=rng.randrange(span)), dt.time(9, 0))
        people.append(
            {
                "id": pid,
                "display_name": _person_name(rng),
                "category": category,
                "is_minor": minor,
                "birth_date": birth,
                "contact": f"person{pid}@example.org",
                "created_at": created,
                "updated_at": created,
            }
        )
        valid_from = created.date()
        base = {
            "person_id": pid,
            "platforms": "tiktok" if rng.random() < 0.7 else "instagram,tiktok",
            "purposes": ",".join(rng.sample(PURPOSES, 2)),
            "shown_as": ",".join(sorted(rng.sample(SHOWN_AS, 2))),
            "valid_from": valid_from,
            "valid_until": (valid_from + dt.timedelta(days=730) if rng.random() < 0.5 else None),
            "form": rng.choices(("written", "electronic", "other"), (70, 25, 5))[0],
            "document_ref": f"EV-{pid:05d}",
            "text_version": "2024-01",
            "art13_version": "2024-01",
            "no_disadvantage_confirmed": category != "citizen",
            "collected_by": rng.choice(staff),
            "collected_on": valid_from,
            "collected_place": rng.choice(UNITS),
            "created_at": created,
        }
        if rng.random() < 0.04:
            base |= {
                "withdrawn_on": valid_from + dt.timedelta(days=rng.randrange(10, 400)),
                "withdrawal_channel": "E-Mail",
                "withdrawal_received_by": staff[0],
            }
        if base["form"] == "other":
            base["form_reason"] = "Mündlich vor Zeugen, schriftlich nachgereicht"
        if minor:
            family = rng.choice(LAST_NAMES)
            for relation in rng.sample(RELATIONS[:2], 2 if rng.random() < 0.9 else 1):
                consents.append(
                    base
                    | {
                        "role": "custodian",
                        "custodian_relation": relation,
                        "custodian_name": f"{rng.choice(FIRST_NAMES)} {family}",
                    }
                )
            if birth is not None and (end - birth).days >= 14 * 365:
                consents.append(base | {"role": "subject"})
        else:
            consents.append(base | {"role": "subject"})
    w.insert(m.Person, people)
    w.insert(m.Consent, consents)

    # ---- posts, appearances, checklist, approvals
    from tikdesk.domain.checklist import load_profiles, shipped_dir
    from tikdesk.paths import resource_dir

    profiles = load_profiles([shipped_dir(resource_dir())])
    n_posts = _n(POSTS, scale, 2)
    n_videos = min(_n(VIDEOS, scale, 2), n_posts)
    posts, appearances, checks, approvals = [], [], [], []
    video_posts: list[tuple[int, dt.datetime, str, str]] = []
    # Posts spread evenly over the three years plus a few months of plans ahead.
    for pid in range(1, n_posts + 1):
        day = start + dt.timedelta(days=int((span + 90) * pid / n_posts))
        planned = dt.datetime.combine(
            day, dt.time(rng.choice((7, 11, 12, 16, 17, 18, 19)), rng.choice((0, 15, 30, 45)))
        )
        idea = rng.randrange(1, n_ideas + 1) if rng.random() < 0.8 else None
        fmt = ideas[idea - 1]["format"] if idea else rng.choice(FORMATS)
        account = ACCOUNTS[0] if rng.random() < 0.75 else ACCOUNTS[1]
        profile = "police" if account == ACCOUNTS[1] and rng.random() < 0.3 else "general"
        if day > end:
            status = rng.choice(("draft", "draft", "in_review", "approved"))
        else:
            status = "taken_down" if rng.random() < 0.01 else "published"
        published = planned if status in ("published", "taken_down") else None
        title = ideas[idea - 1]["title"] if idea else _title(rng, fmt)
        link = ""
        if published is not None and len(video_posts) < n_videos and rng.random() < 0.45:
            link = f"https://www.tiktok.com/@{account}/video/{7_100_000_000_000_000_000 + pid}"
            video_posts.append((pid, published, account, link))
        created = planned - dt.timedelta(days=rng.randrange(5, 40))
        posts.append(
            {
                "id": pid,
                "idea_id": idea,
                "title": title,
                "caption": f"{title} #{rng.choice(TAGS).replace('-', '')} #musterhausen",
                "hashtags": "#musterhausen, #verwaltung",
                "format": fmt,
                "audience": rng.choice(AUDIENCES),
                "planned_at": planned,
                "published_at": published,
                "taken_down_at": (
                    published + dt.timedelta(days=3)
                    if status == "taken_down" and published
                    else None
                ),
                "video_link": link,
                "account": account,
                "checklist_profile": profile,
                "music_source": "Commercial Music Library" if rng.random() < 0.4 else "",
                "paid_promotion": rng.random() < 0.02,
                "author": rng.choice(staff),
                "status": status,
                "created_at": created,
                "updated_at": published or created,
            }
        )
        for person in rng.sample(range(1, n_people + 1), APPEARANCES_PER_POST):
            appearances.append(
                {
                    "post_id": pid,
                    "person_id": person,
                    "scene_note": rng.choice(("Vordergrund", "Hintergrund", "Interview", "Stimme")),
                }
            )
        if status == "draft":
            continue
        for item in profiles[profile].post_items:
            state = "ok" if rng.random() < 0.93 else rng.choice(("not_applicable", "issue"))
            checks.append(
                {
                    "post_id": pid,
                    "item_key": item.key,
                    "state": state,
                    "override_reason": (
                        "Mit der Amtsleitung abgestimmt" if state == "issue" else ""
                    ),
                    "set_by": rng.choice(staff),
                    "set_at": created,
                }
            )
        if status != "in_review":
            approvals.append(
                {
                    "post_id": pid,
                    # four eyes: never the author (the team database's trigger refuses it)
                    "approver": rng.choice([s for s in staff if s != posts[-1]["author"]]),
                    "approved_at": planned - dt.timedelta(hours=20),
                    "comment": "Freigegeben",
                }
            )
    w.insert(m.Post, posts)
    w.insert(m.Appearance, appearances)
    w.insert(m.ChecklistResult, checks)
    w.insert(m.Approval, approvals)

    # ---- account analytics: 3 years daily for each account
    daily, audience = [], []
    for index, account in enumerate(ACCOUNTS):
        followers = 1_500 * (index + 1)
        size = 1.0 if index == 0 else 0.4
        for offset in range(span + 1):
            day = start + dt.timedelta(days=offset)
            season = (
                1.0
                + 0.25 * math.sin(2 * math.pi * offset / 365)
                + (0.2 if day.weekday() >= 5 else 0.0)
            )
            views = int(size * season * rng.lognormvariate(7.3, 0.6) * (1 + offset / span))
            new = int(views * rng.uniform(0.004, 0.02))
            lost = int(new * rng.uniform(0.1, 0.5))
            followers += new - lost
            missing = rng.random() < 0.005  # TikTok's "undefined" cells
            daily.append(
                {
                    "account": account,
                    "day": day,
                    "video_views": None if missing else views,
                    "profile_views": int(views * rng.uniform(0.02, 0.06)),
                    "likes": int(views * rng.uniform(0.04, 0.09)),
                    "comments": int(views * rng.uniform(0.001, 0.004)),
                    "shares": int(views * rng.uniform(0.002, 0.008)),
                    "followers": followers,
                    "new_followers": new,
                    "lost_followers": lost,
                    "reached_audience": int(views * rng.uniform(0.5, 0.8)),
                    "total_viewers": int(views * 0.7),
                    "new_viewers": int(views * 0.5),
                    "returning_viewers": int(views * 0.2),
                    "import_batch_id": index + 1,
                }
            )
        for month in range(YEARS * 12):
            taken = start + dt.timedelta(days=30 * month)
            female = rng.uniform(0.45, 0.6)
            for key, value in (("Female", female), ("Male", 0.97 - female), ("Other", 0.03)):
                audience.append(
                    {
                        "account": account,
                        "kind": "gender",
                        "key": key,
                        "value": value,
                        "taken_on": taken,
                    }
                )
            for key, value in (("DE", 0.9), ("AT", 0.04), ("CH", 0.03), ("TR", 0.01)):
                audience.append(
                    {
                        "account": account,
                        "kind": "territory",
                        "key": key,
                        "value": value,
                        "taken_on": taken,
                    }
                )
    w.insert(m.AccountDaily, daily)
    w.insert(m.AudienceSnapshot, audience)

    # ---- videos: weekly cumulative snapshots after posting (plus unmatched ones)
    videos = []
    extra = n_videos - len(video_posts)
    for k in range(extra):  # videos nobody linked to a post yet
        posted = dt.datetime.combine(start + dt.timedelta(days=rng.randrange(span)), dt.time(17, 0))
        link = f"https://www.tiktok.com/@{ACCOUNTS[0]}/video/{7_200_000_000_000_000_000 + k}"
        video_posts.append((0, posted, ACCOUNTS[0], link))
    titles = {p["id"]: p["title"] for p in posts}
    for post_id, posted, account, link in video_posts:
        final = rng.lognormvariate(8.0, 1.1)
        like_rate = rng.uniform(0.03, 0.12)
        first = posted.date() + dt.timedelta(days=7 - posted.weekday() % 7)
        for week in range(MAX_SNAPSHOTS):
            snap = first + dt.timedelta(days=7 * week)
            if snap > end:
                break
            views = int(final * (1 - math.exp(-(week + 1) / 3)))
            videos.append(
                {
                    "account": account,
                    "video_link": link,
                    "snapshot_date": snap,
                    "video_title": titles.get(post_id, "Video ohne Beitrag"),
                    "posted_at": posted,
                    "views": views,
                    "likes": int(views * like_rate),
                    "comments": int(views * like_rate * 0.05),
                    "shares": int(views * like_rate * 0.1),
                    "favourites": int(views * like_rate * 0.08),
                    "post_id": post_id or None,
                    "import_batch_id": 1 if account == ACCOUNTS[0] else 2,
                }
            )
    w.insert(m.VideoStats, videos)

    w.insert(
        m.Benchmark,
        [
            {
                "name": peer,
                "day": start + dt.timedelta(days=30 * month),
                "followers": int(4_000 * (p + 1) * (1 + month / 40)),
                "likes": int(90_000 * (p + 1) * (1 + month / 30)),
            }
            for p, peer in enumerate(PEERS)
            for month in range(YEARS * 12)
        ],
    )


# ----------------------------------------------------------------------------- checks


def integrity(path: Path) -> list[tuple[Any, ...]]:
    """Rows of ``PRAGMA foreign_key_check`` (empty when every reference resolves)."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA foreign_key_check").fetchall()


def counts(path: Path, tables: Iterable[str] = ()) -> dict[str, int]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        names = list(tables) or [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("out", type=Path, help="the .sqlite file to write")
    parser.add_argument("--scale", type=float, default=1.0, help="1 = issue 9's sizes")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--end",
        type=dt.date.fromisoformat,
        default=None,
        help="last day of the data (default: today)",
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    out = generate(args.out, scale=args.scale, seed=args.seed, end=args.end)
    took = time.perf_counter() - began
    for table, count in sorted(counts(out).items()):
        print(f"{table:20} {count:>8,}")
    print(f"{out} ({out.stat().st_size / 2**20:.1f} MiB) in {took:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
