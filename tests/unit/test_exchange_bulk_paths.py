"""The column-at-a-time paths that make a 100,000-row idea import fast (issue 3).

Each fast path decides "nothing to do for this cell/row" for most of the data at C speed and
hands the rest to the careful cell-by-cell (row-by-row) code.  These tests hide the cases the
careful code must see among clean ones, through real files and a real database, so that a
fast path that lets one slip through fails here.
"""

from __future__ import annotations

import datetime as dt
import gc
import sqlite3
import threading
from contextlib import nullcontext
from pathlib import Path

import openpyxl
import pytest

from tikdesk.domain.bulk import Background, cyclic_gc_paused
from tikdesk.domain.columns import ColumnRows
from tikdesk.domain.errors import Cancelled
from tikdesk.services import exchange
from tikdesk.services.context import AppContext
from tikdesk.services.ideas import IdeaService


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def clean_rows(count: int) -> list[str]:
    return [f"Idee {i};Hook {i};Notiz {i};Jana;Ausbildung" for i in range(count)]


# ----------------------------------------------------------------------------- text cells
@pytest.mark.slow
@pytest.mark.parametrize(
    ("cell", "stored"),
    [
        ("  Vorne Leer", "Vorne Leer"),
        ("Hinten Leer  ", "Hinten Leer"),
        ("Doppelt  Leer", "Doppelt Leer"),
        ("Mit\u00a0NBSP", "Mit NBSP"),
        ("Null\u200bBreite", "NullBreite"),
        ("'=1+2", "=1+2"),  # the apostrophe CSV writers put before formula-like text
    ],
)
def test_one_dirty_text_cell_among_clean_ones_is_cleaned(
    ctx: AppContext, tmp_path: Path, cell: str, stored: str
) -> None:
    lines = ["Titel;Hook;Beschreibung;Verantwortlich;Tags", *clean_rows(300)]
    lines[150] = f"Idee X;{cell};{cell};{cell};Tag"
    preview = exchange.preview_idea_import(ctx, write_csv(tmp_path / "ideen.csv", lines))
    assert not preview.problems
    row = preview.to_add[149]
    assert (row["hook"], row["description"], row["owner"]) == (stored, stored, stored)
    assert preview.to_add[148]["hook"] == "Hook 148"  # its clean neighbours stay as they are


def test_error_value_and_number_among_clean_xlsx_titles(ctx: AppContext, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Titel", "Beschreibung"])
    for i in range(200):
        sheet.append([f"Idee {i}", "Text"])
    sheet["A60"] = "#NV"  # typed by hand: the text of an Excel error value
    sheet["A90"] = 2027.0
    sheet["B120"] = "Zeile\nzwei"
    path = tmp_path / "ideen.xlsx"
    book.save(path)
    preview = exchange.preview_idea_import(ctx, path)
    assert [(p.row, p.column) for p in preview.problems] == [(60, "Titel")]
    titles = {r["title"]: r for r in preview.to_add}
    assert "2027" in titles and len(preview.to_add) == 199
    assert titles["Idee 118"]["description"] == "Zeile\nzwei"  # row 120 is the 119th idea


@pytest.mark.slow
def test_title_cell_with_a_problem_while_ideas_are_stored(ctx: AppContext, tmp_path: Path) -> None:
    IdeaService(ctx).create({"title": "Vorhanden", "owner": "Jana"})
    path = write_csv(
        tmp_path / "t.csv", ["Titel;Verantwortlich", "#NV;Tobias", "vorhanden;Lisa", "Neu;"]
    )
    preview = exchange.preview_idea_import(ctx, path)
    assert [(p.row, p.column) for p in preview.problems] == [(2, "Titel")]
    assert [(r["_title"], r["owner"]) for r in preview.to_update] == [("Vorhanden", "Lisa")]
    assert [r["title"] for r in preview.to_add] == ["Neu"]


# ----------------------------------------------------------------------------- IDs and enums
@pytest.mark.slow
def test_id_column_of_numbers_text_and_gaps(ctx: AppContext, tmp_path: Path) -> None:
    service = IdeaService(ctx)
    first, second = service.create({"title": "Eins"}), service.create({"title": "Zwei"})
    path = write_csv(
        tmp_path / "ids.csv",
        [
            "ID;Titel",
            f"{first.id};Eins geändert",
            ";Ganz neu",
            f"{second.id};Zwei",
            "0;Null",
        ],
    )
    preview = exchange.preview_idea_import(ctx, path)
    assert [(p.row, p.column) for p in preview.problems] == [(5, "ID")]
    assert "positive Zahl" in preview.problems[0].reason
    assert [r["title"] for r in preview.to_update] == ["Eins geändert"]
    assert [r["id"] for r in preview.unchanged] == [second.id]
    assert [r["title"] for r in preview.to_add] == ["Ganz neu"]
    for bad in ("-3", "12a", "1.5"):
        path.write_text(f"ID;Titel\n{first.id};Eins\n{bad};X\n", encoding="utf-8")
        preview = exchange.preview_idea_import(ctx, path)
        assert [(p.row, p.column) for p in preview.problems] == [(3, "ID")], bad


@pytest.mark.slow
@pytest.mark.parametrize("bad", [0.0, -3.0, 2.5])
def test_id_cells_as_numbers(ctx: AppContext, tmp_path: Path, bad: float) -> None:
    idea = IdeaService(ctx).create({"title": "Eins"})
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Titel"])
    sheet.append([float(idea.id), "Eins"])
    sheet.append([None, "Neu"])
    sheet.append([bad, "Kaputt"])
    path = tmp_path / "ids.xlsx"
    book.save(path)
    preview = exchange.preview_idea_import(ctx, path)
    assert [(p.row, p.column) for p in preview.problems] == [(4, "ID")]
    assert ("positive Zahl" if bad <= 0 else "ganze Zahl") in preview.problems[0].reason
    assert [r["id"] for r in preview.unchanged] == [idea.id]
    assert [r["title"] for r in preview.to_add] == ["Neu"]


@pytest.mark.slow
def test_boolean_cells_do_not_share_a_value_with_numbers(ctx: AppContext, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Titel", "Priorität"])
    sheet.append(["A", 1])
    sheet.append(["B", True])  # WAHR is no priority; 1 is "hoch"
    path = tmp_path / "bool.xlsx"
    book.save(path)
    preview = exchange.preview_idea_import(ctx, path)
    assert [(p.row, p.column) for p in preview.problems] == [(3, "Priorität")]
    assert preview.to_add[0]["priority"] == "high"


# ----------------------------------------------------------------------------- rows
@pytest.mark.slow
def test_blank_rows_are_dropped_but_rows_starting_empty_are_kept(
    ctx: AppContext, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Titel", "Status"])
    sheet.append([None, "Erste", "Neu"])
    sheet.append([None, None, None])
    sheet.append(["   ", "", None])  # only spaces: blank
    sheet.append([None, "Dritte", None])
    path = tmp_path / "luecken.xlsx"
    book.save(path)
    preview = exchange.preview_idea_import(ctx, path)
    assert [r["title"] for r in preview.to_add] == ["Erste", "Dritte"]
    assert preview.add_rows == [2, 5]


@pytest.mark.slow
def test_unchanged_export_row_with_an_emptied_status_stays_unchanged(
    ctx: AppContext, tmp_path: Path
) -> None:
    service = IdeaService(ctx)
    kept = service.create({"title": "Bleibt", "status": "planned"})
    edited = service.create({"title": "Wird geändert", "description": "alt"})
    out = tmp_path / "export.xlsx"
    exchange.export_ideas(ctx, out)
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == kept.id:
            row[headers.index("Status")].value = None  # empty: keep what is stored
        if row[0].value == edited.id:
            row[headers.index("Beschreibung")].value = "neu"
    book.save(out)
    preview = exchange.preview_idea_import(ctx, out)
    assert [r["id"] for r in preview.unchanged] == [kept.id]
    assert [(r["id"], r["description"]) for r in preview.to_update] == [(edited.id, "neu")]


# ----------------------------------------------------------------------------- bulk insert
def index_sql(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'idea' "
            "ORDER BY name"
        ).fetchall()


@pytest.mark.slow
def test_bulk_load_rebuilds_the_same_indexes(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tikdesk.storage.repositories import ideas

    monkeypatch.setattr(ideas, "_BULK_ROWS", 5)
    before = index_sql(ctx.db.path)
    assert len(before) >= 4
    path = write_csv(tmp_path / "viele.csv", ["Titel;Status", *(f"I{i};Neu" for i in range(40))])
    result = exchange.commit_idea_import(ctx, exchange.preview_idea_import(ctx, path))
    assert result.inserted == 40
    assert index_sql(ctx.db.path) == before
    with sqlite3.connect(ctx.db.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        plan = conn.execute("EXPLAIN QUERY PLAN SELECT id FROM idea WHERE status = 'new'")
        assert "ix_idea_status" in " ".join(str(r) for r in plan)


def test_cancelled_bulk_load_keeps_indexes_and_writes_nothing(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tikdesk.storage.repositories import ideas

    monkeypatch.setattr(ideas, "_BULK_ROWS", 5)
    monkeypatch.setattr(ideas, "CHUNK", 10)
    before = index_sql(ctx.db.path)
    path = write_csv(tmp_path / "viele.csv", ["Titel", *(f"I{i}" for i in range(40))])
    preview = exchange.preview_idea_import(ctx, path)
    with pytest.raises(Cancelled):
        exchange.commit_idea_import(ctx, preview, progress=lambda done, _total: done < 20)
    assert index_sql(ctx.db.path) == before
    assert IdeaService(ctx).list_ideas() == []


@pytest.mark.slow
@pytest.mark.parametrize("fails", [False, True])
def test_bulk_load_gives_back_the_normal_page_cache(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch, fails: bool
) -> None:
    from sqlalchemy import text

    from tikdesk.storage.repositories import ideas

    monkeypatch.setattr(ideas, "_BULK_ROWS", 5)

    def cache(connection: object) -> int:
        return int(connection.execute(text("PRAGMA cache_size")).scalar_one())  # type: ignore[attr-defined]

    with ctx.db.reader() as session:
        connection = session.connection()
        normal = cache(connection)
        expected = pytest.raises(RuntimeError) if fails else nullcontext()
        with expected, ideas._bulk_load(connection, 10):
            assert cache(connection) == -ideas._BULK_CACHE_KIB != normal
            if fails:
                raise RuntimeError("disk gone")
        assert cache(connection) == normal


@pytest.mark.slow
def test_board_ranks_follow_the_rows_per_status(ctx: AppContext, tmp_path: Path) -> None:
    IdeaService(ctx).create({"title": "Schon da", "status": "new"})
    path = write_csv(tmp_path / "r.csv", ["Titel;Status", "A;Neu", "B;Erledigt", "C;Neu"])
    exchange.commit_idea_import(ctx, exchange.preview_idea_import(ctx, path))
    with sqlite3.connect(ctx.db.path) as conn:
        ranks = dict(conn.execute("SELECT title, board_rank FROM idea"))
    assert ranks["A"] > ranks["Schon da"] and ranks["C"] == ranks["A"] + 1
    assert ranks["B"] == 1.0


# ----------------------------------------------------------------------------- helpers
def test_column_rows_behave_like_a_list_of_dicts() -> None:
    rows = ColumnRows(["a", "b"], [[1, 2, 3], ["x", "y", "z"]])
    assert len(rows) == 3
    assert rows[0] == {"a": 1, "b": "x"} and rows[-1] == {"a": 3, "b": "z"}
    assert rows[1:] == [{"a": 2, "b": "y"}, {"a": 3, "b": "z"}]
    assert list(rows) == [rows[0], rows[1], rows[2]]
    assert rows.column("b") == ["x", "y", "z"]
    with pytest.raises(IndexError):
        rows[3]
    with pytest.raises(ValueError, match="lengths"):
        ColumnRows(["a", "b"], [[1], [1, 2]])


def test_cycle_collector_pause_nests_across_threads_and_restores() -> None:
    assert gc.isenabled()
    inside: list[bool] = []
    release = threading.Event()

    def worker() -> None:
        with cyclic_gc_paused():
            inside.append(gc.isenabled())
            release.wait(5)

    with cyclic_gc_paused():
        thread = threading.Thread(target=worker)
        thread.start()
        while not inside:
            pass
        assert not gc.isenabled()
    assert not gc.isenabled()  # the worker's block is still open
    release.set()
    thread.join()
    assert inside == [False] and gc.isenabled()

    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_import_dates_and_defaults_through_the_bulk_path(ctx: AppContext, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "d.csv", ["Titel;Zieltermin", "A;24.11.2026", "B;"])
    exchange.commit_idea_import(ctx, exchange.preview_idea_import(ctx, path))
    stored = {i.title: i for i in IdeaService(ctx).list_ideas()}
    assert stored["A"].target_date == dt.date(2026, 11, 24) and stored["B"].target_date is None
    assert (stored["B"].status, stored["B"].format, stored["B"].priority) == (
        "new",
        "other",
        "medium",
    )


@pytest.mark.slow
@pytest.mark.parametrize("background", [False, True])
def test_stored_ideas_read_in_the_background_classify_the_same(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, background: bool
) -> None:
    """A big file has the stored ideas read while it is parsed; the result must be the one
    the reads during classification give."""
    monkeypatch.setattr(exchange, "_BACKGROUND_READ_BYTES", 0 if background else 10**12)
    read_in_background: list[bool] = []
    original = exchange._stored_in_background

    def spy(*args: object) -> object:
        found = original(*args)  # type: ignore[arg-type]
        read_in_background.append(found is not None)
        return found

    monkeypatch.setattr(exchange, "_stored_in_background", spy)
    service = IdeaService(ctx)
    by_id = service.create({"title": "Per ID", "status": "planned"})
    service.create({"title": "Per Titel", "owner": "Jana"})
    service.create({"title": "Doppelt"})
    service.create({"title": "doppelt"})
    path = write_csv(
        tmp_path / "mix.csv",
        [
            "ID;Titel;Verantwortlich",
            f"{by_id.id};Per ID;",
            ";per  titel;Tobias",
            ";Doppelt;",
            ";Ganz neu;",
            "999;Fremd;",
        ],
    )
    preview = exchange.preview_idea_import(ctx, path)
    assert read_in_background == [background]
    assert [r["id"] for r in preview.unchanged] == [by_id.id]
    assert [(r["_title"], r["owner"]) for r in preview.to_update] == [("Per Titel", "Tobias")]
    assert [r["title"] for r in preview.to_add] == ["Ganz neu"]
    assert sorted(p.row for p in preview.problems) == [4, 6]


def test_background_hands_over_the_result_or_the_error() -> None:
    assert Background(lambda: 6 * 7, "test").result() == 42

    def broken() -> None:
        raise ValueError("kaputt")

    with pytest.raises(ValueError, match="kaputt"):
        Background(broken, "test").result()
