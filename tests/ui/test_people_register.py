"""``tikdesk import-people`` / ``export-people`` (issue 18): the register a team already keeps.

Runs on a SQLite file and on a PostgreSQL team database (issue 17): ``db`` is what ``--db``
is given, the file or the server URL.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import text

from tikdesk.app import main
from tikdesk.domain.consent import ConsentState, assess
from tikdesk.services.context import AppContext
from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.services.people_exchange import (
    commit_people_import,
    export_people,
    preview_people_import,
)
from tikdesk.services.posts import person_facts
from tikdesk.storage.engine import Database, open_database, open_server_database
from tikdesk.storage.repositories import people as repo
from tikdesk.ui.people.tab import PeopleTab

TODAY = dt.date.today()
GERMAN = [
    "Person",
    "Geburtsdatum",
    "Volljährig",
    "Kategorie",
    "Erteilt von",
    "Beziehung",
    "Alleiniges Sorgerecht",
    "Erteilt am",
    "Gültig bis",
    "Plattformen",
    "Zwecke",
    "Darstellung",
    "Form",
    "Keine Nachteile bestätigt",
    "Dokument",
    "Widerrufen am",
]
ENGLISH = [
    "Name",
    "Date of birth",
    "Adult",
    "Category",
    "Given by",
    "Relation",
    "Sole custody",
    "Given on",
    "Valid until",
    "Platforms",
    "Purposes",
    "Shown as",
    "Form",
    "No disadvantage confirmed",
    "Document",
    "Withdrawn on",
]


def born(age: int) -> dt.date:
    """Someone ``age`` years old today (birthday half a year ago)."""
    day = TODAY - dt.timedelta(days=183)
    return (
        day.replace(year=day.year - age)
        if not (day.month == 2 and day.day == 29)
        else (dt.date(day.year - age, 2, 28))
    )


GIVEN = TODAY - dt.timedelta(days=30)


def row(person: str, **kw: Any) -> list[Any]:
    values = {
        "Person": person,
        "Erteilt von": "selbst",
        "Erteilt am": GIVEN,
        "Plattformen": "TikTok; Instagram",
        "Zwecke": "Recruiting, Einblicke",
        "Darstellung": "Gesicht, Stimme, Name",
        "Form": "schriftlich",
        "Keine Nachteile bestätigt": "ja",
        "Dokument": "Akte 4711",
        **{k.replace("_", " "): v for k, v in kw.items()},
    }
    return [values.get(h, "") for h in GERMAN]


def workbook(
    path: Path, rows: list[list[Any]], headers: list[str] = GERMAN, cover: bool = True
) -> Path:
    book = openpyxl.Workbook()
    if cover:
        front = book.active
        front.title = "Deckblatt"
        front["A1"] = "Einwilligungsregister Pressestelle – Stand 2026"
        front["A3"] = "Ansprechpartnerin: Datenschutz"
        sheet = book.create_sheet("Register")
    else:
        sheet = book.active
    sheet.append(["Einwilligungen für Social-Media-Aufnahmen"])
    sheet.append([])
    sheet.append([h.replace(" ", "\u00a0", 1) if i % 3 == 0 else h for i, h in enumerate(headers)])
    for values in rows:
        sheet.append(values)
    book.save(path)
    return path


def run(argv: list[str]) -> int:
    if "--lang" not in argv:
        argv = ["--lang", "de", *argv]
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def open_db(db: Any) -> Database:
    """Another connection to the test's database, as another TikDesk would open it."""
    if isinstance(db, str):
        return open_server_database(db, Path(os.environ["TIKDESK_HOME"]) / "team")
    return open_database(db)


def dump(db: Any) -> list[tuple[Any, ...]]:
    """Every person and consent row (the whole register), to compare before and after."""
    database = open_db(db)
    try:
        with database.reader() as s:
            return [
                *s.execute(text("SELECT * FROM person ORDER BY id")).all(),
                *s.execute(text("SELECT * FROM consent ORDER BY id")).all(),
                *s.execute(text("SELECT count(*) FROM audit_event")).all(),
                *s.execute(text("SELECT count(*) FROM import_batch")).all(),
            ]
    finally:
        database.close()


@pytest.fixture
def db(db_address: Any) -> Any:
    """The test's database with TikDesk's schema: a SQLite file or a team database's URL."""
    open_db(db_address).close()
    return db_address


def people_in(db: Any) -> dict[str, Any]:
    database = open_db(db)
    try:
        with database.reader() as s:
            people = repo.list_people(s)
            consents = repo.consents(s)
        return {
            "people": {p.display_name: p for p in people},
            "consents": consents,
            "facts": {
                p.display_name: (
                    person_facts(p),
                    [c for c in consents if c.person_id == p.id],
                )
                for p in people
            },
        }
    finally:
        database.close()


def state(db: Any, name: str) -> ConsentState:
    person, consents = people_in(db)["facts"][name]
    return assess(person, consents, TODAY).state


# ----------------------------------------------------------------------------- good files
def full_register(tmp_path: Path) -> Path:
    return workbook(
        tmp_path / "register.xlsx",
        [
            row("Erika Beispiel", Kategorie="Beschäftigte:r", Volljährig="ja"),
            row(
                "Jonas Klein",
                Geburtsdatum=born(15),
                Volljährig="nein",
                Kategorie="Auszubildende:r",
            ),
            row(
                "Jonas Klein",
                Geburtsdatum=born(15),
                Kategorie="Auszubildende:r",
                **{"Erteilt von": "Maria Klein", "Beziehung": "Mutter"},
                **{"Alleiniges Sorgerecht": "nein"},
            ),
            row(
                "Jonas Klein",
                Geburtsdatum=born(15),
                **{"Erteilt von": "Peter Klein", "Beziehung": "Vater"},
            ),
            # Jonas' sister: the same mother, on another row — one registry person
            row("Lea Klein", Geburtsdatum=born(16), Kategorie="Bürger:in"),
            row(
                "Lea Klein",
                Geburtsdatum=born(16),
                **{"Erteilt von": "Maria Klein", "Beziehung": "Mutter"},
            ),
            row(
                "Lea Klein",
                Geburtsdatum=born(16),
                **{"Erteilt von": "Peter Klein", "Beziehung": "Vater"},
            ),
            # one custodian with sole custody
            row("Mia Sonne", Geburtsdatum=born(12), Kategorie="Bürger:in", Plattformen="TikTok"),
            row(
                "Mia Sonne",
                Geburtsdatum=born(12),
                Plattformen="TikTok",
                **{"Erteilt von": "Sabine Sonne", "Beziehung": "Vormund"},
                **{"Alleiniges Sorgerecht": "ja"},
            ),
            # a minor with one custodian only
            row(
                "Tim Ohne",
                Geburtsdatum=born(10),
                **{"Erteilt von": "Tanja Ohne", "Beziehung": "Sorgeberechtigte:r"},
            ),
            # age unknown, an ending and a withdrawn consent
            row(
                "Kai Unbekannt",
                Kategorie="Extern",
                Form="elektronisch",
                **{"Gültig bis": TODAY + dt.timedelta(days=300)},
            ),
            row(
                "Ole Weg",
                Volljährig="ja",
                Kategorie="Mitwirkende:r",
                **{"Widerrufen am": TODAY - dt.timedelta(days=2)},
            ),
        ],
    )


@pytest.mark.slow
def test_a_register_with_every_column_cover_sheet_and_german_headers(
    db: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = full_register(tmp_path)
    assert run(["--db", str(db), "--lang", "de", "import-people", str(path), "--dry-run"]) == 0
    assert "23 neu" in capsys.readouterr().out  # 11 people and 12 consents
    assert people_in(db)["people"] == {}  # a dry run writes nothing
    assert run(["--db", str(db), "--lang", "de", "import-people", str(path)]) == 0
    out = capsys.readouterr().out
    # 7 people + 4 custodians: Maria and Peter Klein sign for two children, counted once
    assert "11 Personen neu" in out, out
    assert "12 Einwilligungen neu" in out, out
    found = people_in(db)
    assert set(found["people"]) == {
        "Erika Beispiel",
        "Jonas Klein",
        "Lea Klein",
        "Mia Sonne",
        "Tim Ohne",
        "Kai Unbekannt",
        "Ole Weg",
        "Maria Klein",
        "Peter Klein",
        "Sabine Sonne",
        "Tanja Ohne",
    }
    erika = found["people"]["Erika Beispiel"]
    assert (erika.category, erika.age_state, erika.birth_date) == ("employee", "adult", None)
    mine = [c for c in found["consents"] if c.person_id == erika.id]
    assert len(mine) == 1
    c = mine[0]
    assert (c.platforms, c.purposes, c.shown_as) == (
        {"instagram", "tiktok"},
        {"behind_the_scenes", "recruiting"},
        {"face", "name", "voice"},
    )
    assert (c.form, c.no_disadvantage_confirmed, c.document_ref) == ("written", True, "Akte 4711")
    assert c.collected_on == GIVEN and c.valid_from == GIVEN and c.valid_until is None
    kai = found["people"]["Kai Unbekannt"]
    assert kai.age_state == "unknown" and kai.category == "external"
    assert state(db, "Kai Unbekannt") is ConsentState.AGE_UNKNOWN
    ole = [c for c in found["consents"] if c.person_id == found["people"]["Ole Weg"].id]
    assert ole[0].withdrawn_on == TODAY - dt.timedelta(days=2)
    assert state(db, "Ole Weg") is ConsentState.WITHDRAWN
    for guardian in ("Maria Klein", "Peter Klein", "Sabine Sonne", "Tanja Ohne"):
        p = found["people"][guardian]
        assert p.age_state == "adult" and p.birth_date is None


@pytest.mark.slow
def test_the_same_custodian_on_two_rows_is_one_person_and_counts_once(
    db: Any, tmp_path: Path
) -> None:
    assert run(["--db", str(db), "import-people", str(full_register(tmp_path))]) == 0
    found = people_in(db)
    maria = found["people"]["Maria Klein"]
    signed = [c for c in found["consents"] if c.custodian_person_id == maria.id]
    assert {found["people"]["Jonas Klein"].id, found["people"]["Lea Klein"].id} == {
        c.person_id for c in signed
    }
    assert [c.custodian_relation for c in signed] == ["mother", "mother"]
    # both parents signed for Jonas (15): valid with his own consent
    assert state(db, "Jonas Klein") is ConsentState.VALID
    assert assess(*found["facts"]["Jonas Klein"], TODAY).custodians_valid == 2


@pytest.mark.slow
def test_minor_with_one_custodian_with_both_and_with_sole_custody(db: Any, tmp_path: Path) -> None:
    assert run(["--db", str(db), "import-people", str(full_register(tmp_path))]) == 0
    found = people_in(db)
    assert state(db, "Lea Klein") is ConsentState.VALID  # both custodians and her own
    mia = found["people"]["Mia Sonne"]
    assert mia.sole_custody_note.startswith("Alleiniges Sorgerecht: Sabine Sonne")
    assert state(db, "Mia Sonne") is ConsentState.VALID  # 12: the guardian alone suffices
    tim = assess(*found["facts"]["Tim Ohne"], TODAY)
    assert tim.state is ConsentState.MINOR_CUSTODIANS_MISSING
    assert (tim.custodians_valid, tim.custodians_expected) == (1, 2)


@pytest.mark.slow
def test_english_headers_and_words(db: Any, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "english.xlsx",
        [
            [
                "Sam Example",
                "",
                "yes",
                "employee",
                "self",
                "",
                "",
                GIVEN,
                "",
                "TikTok, Website",
                "public information; event",
                "face; role",
                "electronic",
                "yes",
                "HR 12",
                "",
            ],
            [
                "Kim Young",
                born(14),
                "no",
                "citizen",
                "Alex Young",
                "father",
                "yes",
                GIVEN,
                "",
                "TikTok",
                "other",
                "voice",
                "written",
                "no",
                "",
                "",
            ],
        ],
        headers=ENGLISH,
        cover=False,
    )
    assert run(["--db", str(db), "import-people", str(path)]) == 0
    found = people_in(db)
    sam = next(c for c in found["consents"] if c.person_id == found["people"]["Sam Example"].id)
    assert (sam.platforms, sam.purposes, sam.shown_as, sam.form) == (
        {"tiktok", "website"},
        {"events", "public_information"},
        {"face", "role"},
        "electronic",
    )
    kim = found["people"]["Kim Young"]
    alex = found["people"]["Alex Young"]
    custodian = next(c for c in found["consents"] if c.person_id == kim.id)
    assert (custodian.role, custodian.custodian_person_id) == ("custodian", alex.id)
    assert custodian.custodian_relation == "father"
    assert kim.sole_custody_note


@pytest.mark.slow
def test_reimport_changes_nothing(db: Any, tmp_path: Path) -> None:
    path = full_register(tmp_path)
    assert run(["--db", str(db), "import-people", str(path)]) == 0
    before = dump(db)
    backups = sorted((tmp_path / "tikdesk-home").rglob("*.sqlite"))
    assert run(["--db", str(db), "import-people", str(path)]) == 0
    assert dump(db) == before
    assert sorted((tmp_path / "tikdesk-home").rglob("*.sqlite")) == backups  # no backup either


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_export_then_import_changes_nothing(
    db: Any, tmp_path: Path, suffix: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--db", str(db), "import-people", str(full_register(tmp_path))]) == 0
    # plus someone typed in by hand, without any consent
    database = open_db(db)
    try:
        PeopleService(AppContext(db=database)).create_person(
            PersonInput(display_name="Ohne Einwilligung", category="performer")
        )
    finally:
        database.close()
    before = dump(db)
    out = tmp_path / f"export{suffix}"
    assert run(["--db", str(db), "--lang", lang, "export-people", str(out)]) == 0
    assert "personenbezogene" in capsys.readouterr().err if lang == "de" else True
    if suffix == ".csv":
        head = out.read_text(encoding="utf-8-sig").splitlines()[0]
    else:
        head = str(openpyxl.load_workbook(out).active["A1"].value)
    assert ("personenbezogene Daten" if lang == "de" else "personal data") in head
    assert run(["--db", str(db), "--lang", lang, "import-people", str(out)]) == 0
    assert (
        "0 Personen neu, 0 geändert; 0 Einwilligungen neu, 0 geändert" in (capsys.readouterr().out)
        or lang == "en"
    )
    assert dump(db) == before


@pytest.mark.slow
def test_an_erased_person_is_not_recreated(
    db: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = full_register(tmp_path)
    assert run(["--db", str(db), "import-people", str(path)]) == 0
    database = open_db(db)
    try:
        service = PeopleService(AppContext(db=database, backup_dir=tmp_path / "b"))
        erika = next(p for p in service.list_people() if p.display_name == "Erika Beispiel")
        service.erase_person(erika.id)
        ctx = AppContext(db=database, backup_dir=tmp_path / "b")
        preview = preview_people_import(ctx, path)
        assert not preview.problems
        assert preview.extra["erased"] == [
            f"Zeile 4: am {TODAY:%d.%m.%Y} gelöscht – ausgelassen"
        ], preview.extra["erased"]
        commit_people_import(ctx, preview)
    finally:
        database.close()
    assert "Erika Beispiel" not in people_in(db)["people"]
    database = open_db(db)
    try:
        with database.reader() as s:
            found = s.execute(text("SELECT count(*) FROM person WHERE display_name LIKE '%Erika%'"))
            assert found.scalar() == 0
    finally:
        database.close()
    assert run(["--db", str(db), "--lang", "de", "import-people", str(path)]) == 0
    assert "gelöscht – ausgelassen" in capsys.readouterr().err


AMBIGUOUS = {
    "two adults": (
        [PersonInput(display_name="Max Muster"), PersonInput("Max Muster", birth_date=born(40))],
        {"Volljährig": "ja"},
        "2 volljährige Personen",
    ),
    "same name and birth date": (
        [PersonInput("Max Muster", birth_date=born(40))] * 2,
        {"Geburtsdatum": born(40)},
        "Name und Geburtsdatum passen auf zwei Personen",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(AMBIGUOUS))
def test_a_row_matching_two_people_is_a_problem_naming_both(
    db: Any, tmp_path: Path, case: str
) -> None:
    people, values, reason = AMBIGUOUS[case]
    database = open_db(db)
    try:
        service = PeopleService(AppContext(db=database))
        for person in people:
            service.create_person(person)
        ctx = AppContext(db=database)
        path = workbook(tmp_path / "max.xlsx", [row("Max Muster", **values)])
        preview = preview_people_import(ctx, path)
    finally:
        database.close()
    [problem] = preview.problems
    assert problem.row == 4 and reason in problem.reason
    assert problem.reason.count("„Max Muster“ (ID") == 2


# ----------------------------------------------------------------------------- bad values
BAD = {
    "minor without birth date": (
        row("Anna Kind", Volljährig="nein"),
        "Geburtsdatum",
        "Geburtsdatum nötig",
    ),
    "impossible date": (
        row("Anna", Volljährig="ja", **{"Erteilt am": "31.02.2026"}),
        "Erteilt am",
        "31.02.2026",
    ),
    "valid until before given on": (
        row("Anna", Volljährig="ja", **{"Gültig bis": GIVEN - dt.timedelta(days=1)}),
        "Gültig bis",
        "liegt vor „Erteilt am“",
    ),
    "unknown platform": (
        row("Anna", Volljährig="ja", Plattformen="TikTok, Myspace"),
        "Plattformen",
        "„Myspace“. Erlaubt: TikTok, Instagram, YouTube, Website, Print, Intranet",
    ),
    "unknown purpose": (
        row("Anna", Volljährig="ja", Zwecke="Wahlkampf"),
        "Zwecke",
        "„Wahlkampf“. Erlaubt: Recruiting, Information, Veranstaltung, Einblicke, Sonstiges",
    ),
    "custodian row for an adult": (
        row("Anna", Volljährig="ja", **{"Erteilt von": "Berta", "Beziehung": "Mutter"}),
        "Erteilt von",
        "nur für Minderjährige",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_every_bad_value_exits_1_with_row_and_column_and_writes_nothing(
    db: Any, tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad, column, words = BAD[case]
    path = workbook(tmp_path / "bad.xlsx", [row("Gute Person", Volljährig="ja"), bad])
    before = dump(db)
    assert run(["--db", str(db), "--lang", "de", "import-people", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"Zeile 5, Spalte „{column}“" in err, err
    assert words in err, err
    assert "Traceback" not in err
    assert dump(db) == before
    assert run(["--db", str(db), "--lang", "de", "import-people", str(path), "--dry-run"]) == 1
    assert dump(db) == before


@pytest.mark.slow
def test_gui_may_leave_problem_rows_out_explicitly(db: Any, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "mixed.xlsx",
        [row("Gute Person", Volljährig="ja"), row("Anna Kind", Volljährig="nein")],
    )
    database = open_db(db)
    try:
        ctx = AppContext(db=database, backup_dir=tmp_path / "b")
        preview = preview_people_import(ctx, path)
        with pytest.raises(Exception, match="nichts wurde geschrieben"):
            commit_people_import(ctx, preview)
        result = commit_people_import(ctx, preview, skip_problem_rows=True)
        assert (result.people_added, result.consents_added, result.skipped) == (1, 1, 1)
        # the forced backup of a file; a team database is backed up by IT (pg_dump)
        assert bool(list((tmp_path / "b").glob("*.sqlite"))) is not database.on_server
    finally:
        database.close()
    assert set(people_in(db)["people"]) == {"Gute Person"}


def test_export_refuses_other_endings(ctx: AppContext, tmp_path: Path) -> None:
    with pytest.raises(Exception, match=r"\.xlsx oder \.csv"):
        export_people(ctx, tmp_path / "x.ods")


# ----------------------------------------------------------------------------- the window
@pytest.mark.slow
def test_people_tab_imports_through_the_preview_and_exports_with_a_warning(
    main_window: Any,
    ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    recorded_messages: list[tuple[str, str, str]],
) -> None:
    from tikdesk.ui import exchange

    path = workbook(tmp_path / "gui.xlsx", [row("Gute Person", Volljährig="ja")])
    tab = main_window.tab(PeopleTab)
    main_window.tabs.setCurrentWidget(tab)
    shown: list[Any] = []

    def confirm(dialog: Any) -> bool:
        shown.append(
            (
                dialog.windowTitle(),
                dialog.notice_label.text(),
                dialog.import_button.isEnabled(),
            )
        )
        return True

    monkeypatch.setattr(exchange, "ask_open_path", lambda *a: str(path))
    monkeypatch.setattr(exchange, "ask_preview", confirm)
    tab.import_button.click()
    [(title, notices, can_import)] = shown
    assert title == "Import consent register – preview"  # (tests run without translators)
    assert "personenbezogene Daten" in notices
    assert can_import
    assert [p.display_name for p in PeopleService(ctx).list_people()] == ["Gute Person"]

    out = tmp_path / "out.csv"
    monkeypatch.setattr(exchange, "ask_save_path", lambda *a: str(out))
    tab.export_register_button.click()
    assert out.exists()
    kinds = [(kind, text) for kind, _title, text in recorded_messages]
    assert any(k == "question" and "personal data" in t for k, t in kinds), kinds
    assert "personenbezogene Daten" in out.read_text(encoding="utf-8-sig").splitlines()[0]
