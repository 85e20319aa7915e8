"""``tikdesk import-plan``: the editorial plan from Excel/CSV becomes draft posts (issue 19)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
import xlsxwriter
from calendar_helpers import approved_post, person

from tikdesk.app import main
from tikdesk.domain.consent import split_keys
from tikdesk.services.context import AppContext
from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.services.plan import commit_plan_import, preview_plan_import
from tikdesk.services.posts import PostService
from tikdesk.storage.engine import open_database

HEADERS = [
    "ID",
    "Titel",
    "Geplant",
    "Format",
    "Zielgruppe",
    "Zweck",
    "Konto",
    "Personen",
    "Autor:in",
    "Notiz",
]


def run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def import_plan(db: Path, sheet: Path, *extra: str) -> int:
    return run(["--db", str(db), "--lang", "de", "import-plan", str(sheet), *extra])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A registry with Lea Muster and Ben Beispiel (with consents)."""
    path = tmp_path / "plan.sqlite"
    database = open_database(path)
    try:
        ctx = AppContext(db=database, user="anna")
        person(ctx, "Lea Muster")
        person(ctx, "Ben Beispiel")
    finally:
        database.close()
    return path


def realistic_sheet(path: Path, people: str = "Lea Muster (Gesicht); Ben Beispiel") -> Path:
    """What a team keeps: a merged title row, a merged note row, an empty row, then the
    table — Excel date cells (with and without time) and text dates."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Redaktionsplan")
    bold = book.add_format({"bold": True})
    day_fmt = book.add_format({"num_format": "dd.mm.yyyy"})
    time_fmt = book.add_format({"num_format": "dd.mm.yyyy hh:mm"})
    sheet.merge_range(0, 0, 0, 9, "Redaktionsplan TikTok – 1. Quartal 2027", bold)
    sheet.merge_range(1, 0, 1, 9, "Stand: Januar, bitte nur Spalten B–J pflegen")
    sheet.write_row(3, 0, HEADERS, bold)
    rows = [
        ["", "Tag der offenen Tür", dt.datetime(2027, 3, 29, 10, 0), "Veranstaltung"],
        ["", "Azubis erklären", dt.datetime(2027, 3, 30), "Erklärvideo"],
        ["", "Blick ins Bürgerbüro", "02.04.2027 14:30", ""],
        ["", "Ferienprogramm", "2027-04-06", ""],
        ["", "Ohne Termin", "", ""],
    ]
    for r, (ident, title, when, fmt) in enumerate(rows, start=4):
        sheet.write(r, 0, ident)
        sheet.write(r, 1, title)
        if isinstance(when, dt.datetime):
            sheet.write_datetime(r, 2, when, time_fmt if when.hour else day_fmt)
        else:
            sheet.write_string(r, 2, when)
        sheet.write(r, 3, fmt)
        sheet.write(r, 4, "Bewerber:innen" if r == 5 else "")
        sheet.write(r, 5, ["Veranstaltung", "Recruiting", "Information", "", "Einblicke"][r - 4])
        sheet.write(r, 6, "@Stadt_Musterhausen")
        sheet.write(r, 7, people if r == 4 else "")
        sheet.write(r, 8, "ben" if r == 4 else "")
        sheet.write(r, 9, "Drehtermin mit der Feuerwehr klären" if r == 4 else "")
    book.close()
    return path


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables an import may touch."""
    with sqlite3.connect(db) as con:
        return {
            table: con.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("post", "appearance", "person", "import_batch", "audit_event")
        }


def posts_by_title(db: Path) -> dict[str, dict[str, object]]:
    with sqlite3.connect(db) as con:
        con.row_factory = sqlite3.Row
        return {r["title"]: dict(r) for r in con.execute("SELECT * FROM post")}


def appearances(db: Path, post_id: object) -> dict[str, frozenset[str]]:
    with sqlite3.connect(db) as con:
        rows = con.execute(
            "SELECT person.display_name, appearance.shown_as FROM appearance "
            "JOIN person ON person.id = appearance.person_id WHERE appearance.post_id = ?",
            (post_id,),
        ).fetchall()
    return {name: split_keys(shown) for name, shown in rows}


@pytest.mark.slow
def test_realistic_sheet_becomes_drafts_with_people(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = realistic_sheet(tmp_path / "Redaktionsplan.xlsx")
    assert import_plan(db, sheet, "--dry-run") == 0
    assert "5 neu" in capsys.readouterr().out
    assert posts_by_title(db) == {}

    assert import_plan(db, sheet) == 0
    assert "5 Beiträge neu angelegt" in capsys.readouterr().out
    posts = posts_by_title(db)
    assert set(posts) == {
        "Tag der offenen Tür",
        "Azubis erklären",
        "Blick ins Bürgerbüro",
        "Ferienprogramm",
        "Ohne Termin",
    }
    assert {p["status"] for p in posts.values()} == {"draft"}
    planned = {t: p["planned_at"] for t, p in posts.items()}
    assert planned["Tag der offenen Tür"].startswith("2027-03-29 10:00")  # Excel date+time
    assert planned["Azubis erklären"].startswith("2027-03-30 12:00")  # Excel date, no time
    assert planned["Blick ins Bürgerbüro"].startswith("2027-04-02 14:30")  # TT.MM.JJJJ HH:MM
    assert planned["Ferienprogramm"].startswith("2027-04-06 12:00")  # ISO day
    assert planned["Ohne Termin"] is None
    open_day = posts["Tag der offenen Tür"]
    assert open_day["format"] == "event"
    assert open_day["purpose"] == "events"
    assert open_day["account"] == "stadt_musterhausen"
    assert open_day["author"] == "ben"
    # "Notiz" is the internal note; the caption is published on TikTok
    assert open_day["note"] == "Drehtermin mit der Feuerwehr klären"
    assert open_day["caption"] == ""
    assert posts["Azubis erklären"]["format"] == "explainer"
    assert posts["Azubis erklären"]["audience"] == "applicants"
    assert posts["Azubis erklären"]["purpose"] == "recruiting"
    assert posts["Azubis erklären"]["author"] not in ("", "ben")  # whoever imports
    # With brackets: as written; without: face and voice.
    assert appearances(db, open_day["id"]) == {
        "Lea Muster": frozenset({"face"}),
        "Ben Beispiel": frozenset({"face", "voice"}),
    }


@pytest.mark.slow
def test_reimport_changes_nothing(db: Path, tmp_path: Path) -> None:
    sheet = realistic_sheet(tmp_path / "plan.xlsx")
    assert import_plan(db, sheet) == 0
    before = snapshot(db)
    assert import_plan(db, sheet) == 0
    assert snapshot(db) == before  # not even an import record


@pytest.mark.slow
def test_note_stays_internal_not_in_caption_or_calendar_export(db: Path, tmp_path: Path) -> None:
    sheet = realistic_sheet(tmp_path / "plan.xlsx")
    assert import_plan(db, sheet) == 0
    out = tmp_path / "plan.ics"
    args = ["--from", "2027-03-01", "--to", "2027-04-30"]
    assert run(["--db", str(db), "--lang", "de", "export-calendar", str(out), *args]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Tag der offenen T" in text  # the post is exported …
    assert "Feuerwehr" not in text  # … without its internal note
    database = open_database(db)
    try:
        service = PostService(AppContext(db=database, user="anna"))
        post_id = int(str(posts_by_title(db)["Tag der offenen Tür"]["id"]))
        detail = service.get(post_id)
    finally:
        database.close()
    assert detail.note == "Drehtermin mit der Feuerwehr klären"
    assert detail.caption == ""


@pytest.mark.slow
def test_a_changed_note_keeps_the_approval(db: Path, tmp_path: Path) -> None:
    database = open_database(db)
    try:
        ctx = AppContext(db=database, user="anna")
        lea = person(ctx, "Lea Muster-Approved")
        post_id = approved_post(ctx, "Freigegeben", dt.datetime(2027, 5, 3, 9, 0), lea)
    finally:
        database.close()
    sheet = tmp_path / "plan.csv"
    sheet.write_text(f"ID;Title;Note\n{post_id};Freigegeben;nur intern\n", encoding="utf-8")
    assert import_plan(db, sheet) == 0
    post = posts_by_title(db)["Freigegeben"]
    assert post["note"] == "nur intern"
    assert post["status"] == "approved"  # the note is not part of what was approved


@pytest.mark.parametrize(
    ("people", "why"),
    [
        ("Lea Muster; Erika Unbekannt (Stimme)", "Erika Unbekannt"),
        ("Zwilling Gleich", "2 Personen"),
    ],
)
def test_unknown_or_ambiguous_name_exits_1_and_writes_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], people: str, why: str
) -> None:
    database = open_database(db)
    try:
        ctx = AppContext(db=database, user="anna")
        PeopleService(ctx).create_person(PersonInput(display_name="Zwilling Gleich"))
        PeopleService(ctx).create_person(PersonInput(display_name="Zwilling  gleich"))
    finally:
        database.close()
    before = snapshot(db)
    sheet = realistic_sheet(tmp_path / "plan.xlsx", people=people)
    assert import_plan(db, sheet) == 1
    err = capsys.readouterr().err
    assert "Zeile 5" in err and "Spalte „Personen“" in err and why in err
    assert "Traceback" not in err
    assert snapshot(db) == before


@pytest.mark.slow
def test_id_column_updates_that_post(db: Path, tmp_path: Path) -> None:
    database = open_database(db)
    try:
        ctx = AppContext(db=database, user="anna")
        lea = person(ctx, "Lea Muster-Approved")
        post_id = approved_post(ctx, "Alter Titel", dt.datetime(2027, 5, 3, 9, 0), lea)
    finally:
        database.close()
    sheet = tmp_path / "plan.csv"
    sheet.write_text(
        "ID;Title;Planned;People;Note\n"
        f"{post_id};Neuer Titel;04.05.2027 11:15;Lea Muster-Approved (Gesicht, Stimme);neu\n",
        encoding="utf-8",
    )
    assert import_plan(db, sheet) == 0
    posts = posts_by_title(db)
    assert list(posts) == ["Neuer Titel"]  # updated, not added
    updated = posts["Neuer Titel"]
    assert updated["id"] == post_id
    assert updated["planned_at"].startswith("2027-05-04 11:15")
    assert updated["note"] == "neu"
    assert updated["caption"] == ""
    assert updated["status"] == "in_review"  # the approval is revoked, never granted
    assert appearances(db, post_id) == {"Lea Muster-Approved": frozenset({"face", "voice"})}
    before = snapshot(db)
    assert import_plan(db, sheet) == 0  # the same file again: nothing
    assert snapshot(db) == before


@pytest.mark.slow
def test_unknown_id_and_bad_cells_are_named(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "plan.csv"
    sheet.write_text(
        "ID;Titel;Geplant;Zweck;Personen\n"
        "999;Gibt es nicht;01.03.2027;;\n"
        ";Kaputt;31.02.2027;Werbung;Lea Muster (Gesicht, Geruch)\n",
        encoding="utf-8",
    )
    before = snapshot(db)
    assert import_plan(db, sheet) == 1
    err = capsys.readouterr().err
    assert "Zeile 2, Spalte „ID“" in err
    assert "Zeile 3, Spalte „Geplant“" in err
    assert "Zeile 3, Spalte „Zweck“" in err and "Werbung" in err
    assert "Zeile 3, Spalte „Personen“" in err and "Geruch" in err
    assert "Traceback" not in err
    assert snapshot(db) == before


def test_wrong_ending_is_usage(db: Path, tmp_path: Path) -> None:
    assert import_plan(db, tmp_path / "plan.ods") == 2


@pytest.mark.slow
def test_the_window_may_create_unknown_people_who_then_block(db: Path, tmp_path: Path) -> None:
    sheet = realistic_sheet(tmp_path / "plan.xlsx", people="Lea Muster; Erika Neu (Stimme)")
    database = open_database(db)
    try:
        ctx = AppContext(db=database, user="anna", backup_dir=tmp_path / "backups")
        refused = preview_plan_import(ctx, sheet)
        assert refused.extra["unknown_people"] == ["Erika Neu"]
        assert refused.problems
        preview = preview_plan_import(ctx, sheet, create_people=True)
        assert not preview.problems
        result = commit_plan_import(ctx, preview)
        assert (result.inserted, result.people_created) == (5, 1)
        assert list((tmp_path / "backups").iterdir())  # the forced backup
        erika = next(p for p in PeopleService(ctx).list_people() if p.display_name == "Erika Neu")
        assert erika.age_state == "unknown"
        post_id = next(p.id for p in PostService(ctx).list_posts() if p.title.startswith("Tag"))
        detail = PostService(ctx).get(post_id)
        assert not detail.can_approve  # age unknown blocks
        again = preview_plan_import(ctx, sheet)  # now known: nothing to do
        assert not again.problems and not again.to_add and not again.to_update
    finally:
        database.close()
