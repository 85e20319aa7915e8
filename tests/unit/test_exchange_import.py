"""Idea import and export through real files and a real database."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from tikdesk.domain.errors import Cancelled, InputRejected
from tikdesk.domain.i18n import set_language
from tikdesk.excel import writing
from tikdesk.services import exchange
from tikdesk.services.context import AppContext
from tikdesk.services.ideas import IdeaService
from tikdesk.storage.models import Idea, ImportBatch

HEADERS_DE = [
    "ID",
    "Titel",
    "Hook",
    "Format",
    "Zielgruppe",
    "Status",
    "Priorität",
    "Verantwortlich",
    "Zieltermin",
    "Beschreibung",
    "Tags",
    "Erstellt",
    "Geändert",
]


def ideas(ctx: AppContext) -> dict[str, Any]:
    return {i.title: i for i in IdeaService(ctx).list_ideas()}


def count(ctx: AppContext, model: Any = Idea) -> int:
    with ctx.db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# ----------------------------------------------------------------------------- samples
def test_brainstorming_sample(ctx: AppContext, samples: Path) -> None:
    path = samples / "ideas" / "ideen_brainstorming.xlsx"
    preview = exchange.preview_idea_import(ctx, path)
    assert preview.sheet == "Ideen"
    assert preview.header_row == 3
    assert preview.problems == []
    assert len(preview.to_add) == 10
    assert count(ctx) == 0  # the preview writes nothing
    result = exchange.commit_idea_import(ctx, preview)
    assert (result.inserted, result.updated, result.skipped) == (10, 0, 0)
    got = ideas(ctx)
    first = got["Ein Tag im Bürgeramt"]
    assert first.target_date == dt.date(2026, 12, 3)  # real date cell
    assert first.format == "behind_the_scenes"
    assert first.audience == "applicants"
    assert first.status == "new"  # "Idee"
    assert first.priority == "high"  # "hoch"
    assert first.owner == "Jana"
    assert first.description == "Drehgenehmigung Amtsleitung fehlt noch"  # "Notizen"
    assert got["Mythbuster: 'Behörden sind langsam'"].target_date == dt.date(2026, 12, 3)  # text
    assert got["Mythbuster: 'Behörden sind langsam'"].status == "planned"  # "in Planung"
    assert got["Azubi-Takeover Kfz-Zulassung"].target_date == dt.date(2027, 1, 1)  # serial
    assert got["Lipsync mit dem Ordnungsamt"].status == "discarded"
    assert got["Lipsync mit dem Ordnungsamt"].priority == "low"
    assert got["3 Gründe für eine Ausbildung bei der Stadt"].status == "in_production"
    assert got["Fragen an die Bürgermeisterin"].format == "q_and_a"
    assert all(i.import_batch_id == result.batch_id for i in got.values())
    with ctx.db.reader() as s:
        batch = s.get(ImportBatch, result.batch_id)
        assert batch is not None
        assert batch.kind == "ideas"
        assert batch.file_name == "ideen_brainstorming.xlsx"
        assert batch.sha256 == preview.sha256 and len(batch.sha256) == 64
        assert (batch.rows_inserted, batch.rows_updated, batch.imported_by) == (10, 0, "anna")


@pytest.mark.slow
def test_planner_csv_sample(ctx: AppContext, samples: Path) -> None:
    preview = exchange.preview_idea_import(ctx, samples / "ideas" / "ideen_planner_export.csv")
    assert preview.kind == "text"
    assert [preview.mapping[i] for i in range(8)] == [
        "title",
        "format",
        "audience",
        "status",
        "priority",
        "owner",
        "target_date",
        "description",
    ]
    assert preview.problems == []
    exchange.commit_idea_import(ctx, preview)
    got = ideas(ctx)
    assert len(got) == 6
    hall = got["Ein Tag im Bürgeramt"]  # cp1252 umlauts
    assert (hall.owner, hall.priority, hall.status) == ("Jana", "high", "new")
    assert hall.target_date == dt.date(2026, 12, 3)
    assert got["Was macht eigentlich das Standesamt?"].target_date == dt.date(2027, 1, 15)
    assert got["Was macht eigentlich das Standesamt?"].audience == "citizens"  # Bürger:innen
    assert got["Lipsync mit dem Ordnungsamt"].description.startswith("Sound nicht")
    assert got["Winterdienst im Zeitraffer"].owner == ""


@pytest.mark.slow
def test_reimport_of_a_file_without_ids_changes_nothing(ctx: AppContext, samples: Path) -> None:
    path = samples / "ideas" / "ideen_brainstorming.xlsx"
    exchange.commit_idea_import(ctx, exchange.preview_idea_import(ctx, path))
    again = exchange.preview_idea_import(ctx, path)
    assert (len(again.to_add), len(again.to_update), len(again.unchanged)) == (0, 0, 10)
    assert again.already_imported is not None
    assert any("schon einmal importiert" in n for n in again.notices)
    exchange.commit_idea_import(ctx, again)
    assert count(ctx) == 10


# ----------------------------------------------------------------------------- round trip
@pytest.mark.slow
def test_round_trip_export_edit_in_excel_import(
    ctx: AppContext, tmp_path: Path, samples: Path
) -> None:
    exchange.commit_idea_import(
        ctx, exchange.preview_idea_import(ctx, samples / "ideas" / "ideen_brainstorming.xlsx")
    )
    out = tmp_path / "backlog.xlsx"
    assert exchange.export_ideas(ctx, out).count == 10

    unchanged = exchange.preview_idea_import(ctx, out)
    assert (len(unchanged.to_add), len(unchanged.to_update), len(unchanged.unchanged)) == (0, 0, 10)
    assert unchanged.unknown == []  # "Erstellt"/"Geändert" are known, not imported

    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    assert [c.value for c in ws[1]] == HEADERS_DE
    for row in ws.iter_rows(min_row=2):
        if row[1].value == "Ein Tag im Bürgeramt":
            row[1].value = "Ein Tag im Bürgeramt (Langfassung)"
            row[5].value = "Erledigt"
        if row[1].value == "Winterdienst im Zeitraffer":
            row[5].value = "verworfen"
            row[8].value = dt.datetime(2027, 2, 1)
    ws.append([None, "Ganz neue Idee", "", "Tanz", "Beschäftigte", "Neu", "Hoch"])
    wb.save(out)

    preview = exchange.preview_idea_import(ctx, out)
    assert preview.problems == []
    assert (len(preview.to_add), len(preview.to_update), len(preview.unchanged)) == (1, 2, 8)
    result = exchange.commit_idea_import(ctx, preview)
    assert (result.inserted, result.updated, result.unchanged) == (1, 2, 8)
    got = ideas(ctx)
    assert len(got) == 11  # none duplicated
    renamed = got["Ein Tag im Bürgeramt (Langfassung)"]
    assert renamed.status == "done"
    assert renamed.version == 2
    assert "Ein Tag im Bürgeramt" not in got
    assert got["Winterdienst im Zeitraffer"].status == "discarded"
    assert got["Winterdienst im Zeitraffer"].target_date == dt.date(2027, 2, 1)
    assert got["Ganz neue Idee"].format == "dance"
    assert got["Ganz neue Idee"].audience == "staff"


@pytest.mark.slow
def test_round_trip_through_csv_keeps_formula_text(ctx: AppContext, tmp_path: Path) -> None:
    IdeaService(ctx).create(
        {
            "title": "=SUMME(A1:A3)",
            "hook": "+49 30 1234",
            "description": "-minus\nzweite Zeile",
            "owner": "@anna",
            "tags": "Ausbildung, Feuerwehr",
        }
    )
    out = tmp_path / "ideen.csv"
    exchange.export_ideas(ctx, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for German Excel
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == ";".join(HEADERS_DE)
    assert ";'=SUMME(A1:A3);'+49 30 1234;" in text
    assert "'@anna" in text and '"\'-minus\r\nzweite Zeile"' in text.replace("\n", "\r\n")
    preview = exchange.preview_idea_import(ctx, out)
    assert preview.problems == []
    assert (len(preview.to_update), len(preview.unchanged)) == (0, 1)


@pytest.mark.slow
def test_xlsx_export_layout_and_formula_text_stays_text(ctx: AppContext, tmp_path: Path) -> None:
    service = IdeaService(ctx)
    service.create(
        {
            "title": "=SUM(1+1)",
            "description": "-5 Grad",
            "status": "planned",
            "target_date": dt.date(2026, 11, 24),
        }
    )
    service.create({"title": "Normal", "hook": "@mention"})
    out = tmp_path / "ideen.xlsx"
    exchange.export_ideas(ctx, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Ideen", "Listen"]
    ws = wb["Ideen"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:M")
    formula = ws["B2"]
    assert formula.value == "=SUM(1+1)" and formula.data_type == "s"
    assert ws["J2"].value == "-5 Grad" and ws["J2"].data_type == "s"
    assert ws["C3"].value == "@mention"
    assert ws["A2"].value == 1 and ws["A2"].data_type == "n"
    assert ws["F2"].value == "Geplant"
    assert ws["I2"].value == dt.datetime(2026, 11, 24)  # a real date cell
    assert ws["I2"].number_format == "dd.mm.yyyy"
    assert ws.column_dimensions["B"].width > 30
    kinds = {
        next(iter(dv.sqref.ranges)).coord[0]: dv.formula1
        for dv in ws.data_validations.dataValidation
    }
    assert set(kinds) == {"D", "E", "F", "G"}  # format, audience, status, priority
    assert "Listen" in kinds["F"]
    assert [c.value for c in wb["Listen"]["A"]][:3] == ["Status", "Neu", "Vorgemerkt"]


@pytest.mark.slow
def test_english_export_headers(ctx: AppContext, tmp_path: Path) -> None:
    set_language("en")
    IdeaService(ctx).create({"title": "A"})
    out = tmp_path / "ideas.xlsx"
    exchange.export_ideas(ctx, out)
    ws = openpyxl.load_workbook(out)["Ideas"]
    assert [c.value for c in ws[1]] == [
        "ID",
        "Title",
        "Hook",
        "Format",
        "Audience",
        "Status",
        "Priority",
        "Owner",
        "Due date",
        "Description",
        "Tags",
        "Created",
        "Updated",
    ]
    assert ws["F2"].value == "New"
    assert exchange.preview_idea_import(ctx, out).unchanged  # English words import too


def test_template_has_headers_and_drop_downs(ctx: AppContext, tmp_path: Path) -> None:
    out = tmp_path / "vorlage.xlsx"
    exchange.export_idea_template(ctx, out)
    wb = openpyxl.load_workbook(out)
    ws = wb["Ideen"]
    assert [c.value for c in ws[1]] == HEADERS_DE
    assert ws.max_row == 1
    assert len(ws.data_validations.dataValidation) == 4
    ws.append([None, "Aus der Vorlage", None, "Tanz", None, "Neu"])
    wb.save(out)
    preview = exchange.preview_idea_import(ctx, out)
    assert [r["title"] for r in preview.to_add] == ["Aus der Vorlage"]


@pytest.mark.slow
def test_export_only_selected_ids(ctx: AppContext, tmp_path: Path) -> None:
    service = IdeaService(ctx)
    ids = [service.create({"title": f"Idee {i}"}).id for i in range(5)]
    out = tmp_path / "auswahl.csv"
    assert exchange.export_ideas(ctx, out, ids=ids[1:3]).count == 2
    assert "Idee 1" in out.read_text(encoding="utf-8-sig")
    assert "Idee 0" not in out.read_text(encoding="utf-8-sig")


# ----------------------------------------------------------------------------- problems
@pytest.mark.slow
def test_problems_are_listed_by_row_and_column_and_block(ctx: AppContext, tmp_path: Path) -> None:
    existing = IdeaService(ctx).create({"title": "Vorhanden"})
    path = write_csv(
        tmp_path / "fehler.csv",
        "ID;Titel;Status;Zieltermin;Priorität\n"
        f"{existing.id};Vorhanden;Idee;31.02.2026;hoch\n"
        "999;Fremd;Idee;;\n"
        ";Gut;Neu;01.02.2026;2\n"
        ";;Neu;;\n"
        ";Unbekannt;schwebend;;\n"
        ";Fehler;Neu;#NV;\n"
        f"{existing.id};Doppelt;Neu;;\n",
    )
    preview = exchange.preview_idea_import(ctx, path)
    found = {(p.row, p.column) for p in preview.problems}
    assert found == {
        (2, "Zieltermin"),
        (3, "ID"),
        (5, "Titel"),
        (6, "Status"),
        (7, "Zieltermin"),
        (8, "ID"),
    }
    reasons = {p.row: p.reason for p in preview.problems}
    assert "31.02.2026" in reasons[2]
    assert "999" in reasons[3]
    assert "schwebend" in reasons[6] and "Vorgemerkt" in reasons[6]
    assert "#NV" in reasons[7]
    assert [r["title"] for r in preview.to_add] == ["Gut"]
    assert preview.to_add[0]["target_date"] == dt.date(2026, 2, 1)
    assert preview.to_add[0]["priority"] == "medium"
    assert "Zeile 2, Spalte „Zieltermin“" in str(preview.problems[0])

    with pytest.raises(InputRejected, match=r"fehler.csv.*nichts wurde geschrieben"):
        exchange.commit_idea_import(ctx, preview)
    assert count(ctx) == 1 and count(ctx, ImportBatch) == 0

    result = exchange.commit_idea_import(ctx, preview, skip_problem_rows=True)
    assert (result.inserted, result.skipped) == (1, 6)
    assert count(ctx) == 2


@pytest.mark.slow
def test_file_without_title_column_is_blocking(ctx: AppContext, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ohne.csv", "Status;Format\nNeu;Tanz\n")
    preview = exchange.preview_idea_import(ctx, path)
    assert preview.blocking
    with pytest.raises(InputRejected, match="Titel"):
        exchange.commit_idea_import(ctx, preview, skip_problem_rows=True)
    fixed = exchange.preview_idea_import(ctx, path, mapping={1: "title"})
    assert [r["title"] for r in fixed.to_add] == ["Tanz"]


@pytest.mark.slow
def test_ambiguous_title_without_id_is_a_problem(ctx: AppContext, tmp_path: Path) -> None:
    service = IdeaService(ctx)
    service.create({"title": "Doppelt"})
    service.create({"title": "doppelt "})
    path = write_csv(tmp_path / "a.csv", "Titel;Status\nDoppelt;Neu\n")
    preview = exchange.preview_idea_import(ctx, path)
    assert len(preview.problems) == 1 and "2 Ideen" in preview.problems[0].reason


# ----------------------------------------------------------------------------- atomicity
def big_file(tmp_path: Path, rows: int) -> Path:
    lines = ["Titel;Status"] + [f"Idee {i};Neu" for i in range(rows)]
    return write_csv(tmp_path / "gross.csv", "\n".join(lines))


@pytest.mark.slow
def test_cancel_during_commit_writes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    preview = exchange.preview_idea_import(ctx, big_file(tmp_path, 12_000))
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 5_000  # cancel after the first chunk was written

    with pytest.raises(Cancelled):
        exchange.commit_idea_import(ctx, preview, progress=progress)
    assert calls[-1][0] >= 5_000
    assert count(ctx) == 0 and count(ctx, ImportBatch) == 0


@pytest.mark.slow
def test_error_during_commit_rolls_back(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tikdesk.storage.repositories import imports

    preview = exchange.preview_idea_import(ctx, big_file(tmp_path, 100))

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(imports, "set_batch_counts", broken)
    with pytest.raises(RuntimeError):
        exchange.commit_idea_import(ctx, preview)
    assert count(ctx) == 0 and count(ctx, ImportBatch) == 0


@pytest.mark.slow
def test_change_after_preview_is_detected(ctx: AppContext, tmp_path: Path) -> None:
    idea = IdeaService(ctx).create({"title": "A"})
    path = write_csv(tmp_path / "x.csv", f"ID;Titel\n{idea.id};B\n")
    preview = exchange.preview_idea_import(ctx, path)
    IdeaService(ctx).update(idea.id, {"title": "C"})
    with pytest.raises(InputRejected, match="seit der Vorschau"):
        exchange.commit_idea_import(ctx, preview)
    assert ideas(ctx)["C"].version == 2


@pytest.mark.slow
@pytest.mark.sqlite_only("a team database is backed up by IT (pg_dump), not before imports")
def test_import_takes_a_backup_first(ctx: AppContext, tmp_path: Path) -> None:
    IdeaService(ctx).create({"title": "Vorher"})
    path = write_csv(tmp_path / "n.csv", "Titel\nNeu\n")
    exchange.commit_idea_import(ctx, exchange.preview_idea_import(ctx, path))
    assert ctx.backup_dir is not None
    assert any(ctx.backup_dir.rglob("*.sqlite*"))


# ----------------------------------------------------------------------------- export safety
def test_export_target_open_in_excel(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    IdeaService(ctx).create({"title": "A"})
    out = tmp_path / "ideen.xlsx"
    out.write_bytes(b"old content")
    owner = tmp_path / "~$ideen.xlsx"
    owner.write_bytes(b"anna")
    with pytest.raises(InputRejected, match=r"ideen.xlsx.*in Excel.*geöffnet"):
        exchange.export_ideas(ctx, out)
    owner.unlink()

    def refuse(_src: object, _dst: object) -> None:
        exc = PermissionError(13, "Access is denied")
        exc.winerror = 32  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(InputRejected, match="schließen"):
        exchange.export_ideas(ctx, out)
    assert out.read_bytes() == b"old content"  # nothing lost
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".~tikdesk")) == []


@pytest.mark.slow
def test_cancelled_export_leaves_old_file(ctx: AppContext, tmp_path: Path) -> None:
    IdeaService(ctx).insert_many([{"title": f"I{i}"} for i in range(5_000)])
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "ideen.xlsx"
    out.write_bytes(b"old")
    with pytest.raises(Cancelled):
        exchange.export_ideas(ctx, out, progress=lambda done, total: done < 2_000)
    assert out.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["ideen.xlsx"]  # no temporary file left


def test_export_wrong_suffix_and_folder(ctx: AppContext, tmp_path: Path) -> None:
    with pytest.raises(InputRejected, match=r"\.xlsx oder \.csv"):
        exchange.export_ideas(ctx, tmp_path / "x.pdf")
    folder = tmp_path / "ordner.xlsx"
    folder.mkdir()
    with pytest.raises(InputRejected, match="Ordner"):
        exchange.export_ideas(ctx, folder)
    with pytest.raises(InputRejected, match="gibt es nicht"):
        exchange.export_ideas(ctx, tmp_path / "fehlt" / "x.xlsx")


def test_csv_safe() -> None:
    for text in ("=1+1", "+1", "-1", "@a", "\tx", "\rx", "\nx"):
        assert writing.csv_safe(text) == "'" + text
    assert writing.csv_safe("normal") == "normal"


@pytest.mark.slow
def test_formula_text_written_by_hand_is_imported_as_text(ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "formel.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Titel", "Beschreibung"])
    ws.append(["Summe", 12.5])
    wb.save(path)
    shutil.copy(path, tmp_path / "copy.xlsx")
    preview = exchange.preview_idea_import(ctx, path)
    assert preview.to_add[0]["description"] == "12.5"


@pytest.mark.slow
@pytest.mark.sqlite_only("compares the SQLite tuple writer with Core; PostgreSQL uses Core itself")
def test_fast_bulk_insert_writes_what_core_writes(
    ctx: AppContext, tmp_path: Path, samples: Path
) -> None:
    """The import's tuple writer stores exactly what SQLAlchemy Core's
    ``insert(table), dicts`` stores for the same rows (types, date and time text, defaults)."""
    import sqlite3

    from sqlalchemy import insert

    from tikdesk.storage.engine import open_database
    from tikdesk.storage.repositories import imports

    sample = samples / "ideas" / "ideen_brainstorming.xlsx"
    preview = exchange.preview_idea_import(ctx, sample)
    exchange.commit_idea_import(ctx, preview)
    with ctx.db.reader() as session:
        written = session.execute(select(Idea.board_rank, Idea.created_at).order_by(Idea.id)).all()
    other_path = tmp_path / "core.sqlite"
    other = open_database(other_path)
    try:
        with other.transaction() as session:
            batch = imports.add_batch(session, "ideas", sample.name, preview.sha256, "anna")
            session.execute(
                insert(Idea.__table__),
                [
                    {
                        **row,
                        "board_rank": rank,
                        "created_at": created,
                        "updated_at": created,
                        "version": 1,
                        "import_batch_id": batch,
                    }
                    for row, (rank, created) in zip(preview.to_add, written, strict=True)
                ],
            )
    finally:
        other.close()
    query = (
        "SELECT title, hook, description, format, audience, pillar, tags, status, priority, "
        "effort, owner, target_date, typeof(target_date), sound_ref, board_rank, version, "
        "import_batch_id, created_at, typeof(created_at), updated_at FROM idea ORDER BY id"
    )
    fast = sqlite3.connect(ctx.db.path).execute(query).fetchall()
    core = sqlite3.connect(other_path).execute(query).fetchall()
    assert fast == core and len(fast) == 10
    assert any(row[11] for row in fast)  # the sample's dates are there, as ISO text
