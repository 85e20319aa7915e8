"""The import preview dialog and the menu flows, driven with pytest-qt on a real database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tikdesk.services import exchange
from tikdesk.services.context import AppContext
from tikdesk.services.ideas import IdeaService
from tikdesk.ui import exchange as ui_exchange
from tikdesk.ui.exchange import ImportPreviewDialog
from tikdesk.ui.ideas.tab import IdeasTab


def titles(ctx: AppContext) -> list[str]:
    return sorted(i.title for i in IdeaService(ctx).list_ideas())


def csv_file(tmp_path: Path, text: str, name: str = "liste.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def dialog_for(qtbot: Any, ctx: AppContext, path: Path) -> ImportPreviewDialog:
    def rerun(sheet: str | None, mapping: dict[int, str | None] | None) -> exchange.Preview:
        return exchange.preview_idea_import(ctx, path, sheet=sheet, mapping=mapping)

    dialog = ImportPreviewDialog(exchange.preview_idea_import(ctx, path), rerun)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.slow
def test_mapping_change_reruns_the_preview(qtbot: Any, ctx: AppContext, tmp_path: Path) -> None:
    path = csv_file(tmp_path, "Was;Wer;Status\nDreh im Bauhof;Jana;Neu\nQ&A;Tobias;Idee\n")
    dialog = dialog_for(qtbot, ctx, path)
    assert dialog.preview.blocking  # "Was" is no known title column
    assert not dialog.import_button.isEnabled()
    assert dialog.mapping_table.rowCount() == 3
    assert dialog.mapping_table.item(1, 1).text() == "Jana"  # example value
    assert dialog.mapping_combo(2).currentData() == "status"

    combo = dialog.mapping_combo(0)
    combo.setCurrentIndex(combo.findData("title"))
    assert not dialog.preview.blocking
    assert [r["title"] for r in dialog.preview.to_add] == ["Dreh im Bauhof", "Q&A"]
    assert "2 new" in dialog.counts_label.text()  # no translator loaded in tests
    assert dialog.import_button.isEnabled()

    owner = dialog.mapping_combo(1)
    owner.setCurrentIndex(owner.findData("owner"))
    assert [r["owner"] for r in dialog.preview.to_add] == ["Jana", "Tobias"]
    assert dialog.mapping_combo(0).currentData() == "title"  # kept while re-running
    assert titles(ctx) == []  # a preview never writes


def test_problems_listed_and_import_blocked_until_rows_left_out(
    qtbot: Any, ctx: AppContext, tmp_path: Path
) -> None:
    path = csv_file(tmp_path, "Titel;Zieltermin\nGut;01.02.2026\nSchlecht;31.02.2026\n")
    dialog = dialog_for(qtbot, ctx, path)
    table = dialog.problem_table
    assert table.rowCount() == 1
    assert (table.item(0, 0).text(), table.item(0, 1).text()) == ("3", "Zieltermin")
    assert "31.02.2026" in table.item(0, 2).text()
    assert dialog.tabs.currentWidget() is table
    assert not dialog.import_button.isEnabled()
    assert dialog.skip_box.isVisibleTo(dialog)
    dialog.skip_box.setChecked(True)
    assert dialog.import_button.isEnabled()
    assert dialog.skip_problem_rows


@pytest.mark.slow
def test_sheet_picker(qtbot: Any, ctx: AppContext, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Deckblatt"
    wb.active["A1"] = "Ideen 2026"
    first = wb.create_sheet("Team A")
    first.append(["Titel"])
    first.append(["A1"])
    second = wb.create_sheet("Team B")
    second.append(["Titel", "Status", "Priorität"])
    second.append(["B1", "Neu", "hoch"])
    second.append(["B2", "Neu", "hoch"])
    wb.save(tmp_path / "teams.xlsx")
    dialog = dialog_for(qtbot, ctx, tmp_path / "teams.xlsx")
    assert dialog.preview.sheet == "Team B"  # the best matching table
    assert [dialog.sheet_combo.itemText(i) for i in range(3)] == ["Deckblatt", "Team A", "Team B"]
    dialog.sheet_combo.setCurrentText("Team A")
    assert [r["title"] for r in dialog.preview.to_add] == ["A1"]
    dialog.sheet_combo.setCurrentText("Deckblatt")
    assert "keine Tabelle" in dialog.notice_label.text()
    assert not dialog.import_button.isEnabled()


@pytest.mark.slow
def test_nothing_to_do_for_an_unchanged_export(qtbot: Any, ctx: AppContext, tmp_path: Path) -> None:
    IdeaService(ctx).create({"title": "Schon da"})
    out = tmp_path / "export.xlsx"
    exchange.export_ideas(ctx, out)
    dialog = dialog_for(qtbot, ctx, out)
    assert "1 unchanged" in dialog.counts_label.text()
    assert not dialog.import_button.isEnabled()


# ----------------------------------------------------------------------------- whole flows
@pytest.fixture
def flows(main_window: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    return main_window.exchange


@pytest.mark.slow
def test_menu_entries(main_window: Any) -> None:
    texts = [a.text() for a in main_window.menu_import.actions()]
    assert any("Excel/CSV" in t for t in texts)
    assert any("Excel/CSV" in a.text() for a in main_window.menu_export.actions())
    file_actions = main_window.menu_file.actions()
    export_at = file_actions.index(main_window.menu_export.menuAction())
    assert file_actions[export_at + 1] is main_window.exchange.template_action


@pytest.mark.slow
def test_cancel_in_preview_writes_nothing(
    flows: Any, main_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = csv_file(tmp_path, "Titel\nA\nB\n")
    seen: list[ImportPreviewDialog] = []

    def cancel(dialog: ImportPreviewDialog) -> bool:
        seen.append(dialog)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        return dialog.result() == 1

    monkeypatch.setattr(ui_exchange, "ask_preview", cancel)
    assert flows.import_file(path) is False
    assert len(seen[0].preview.to_add) == 2
    assert titles(main_window.ctx) == []


@pytest.mark.slow
def test_confirm_writes_all_and_signals(
    flows: Any,
    main_window: Any,
    qtbot: Any,
    samples: Path,
    monkeypatch: pytest.MonkeyPatch,
    recorded_messages: list[tuple[str, str, str]],
) -> None:
    def confirm(dialog: ImportPreviewDialog) -> bool:
        assert dialog.import_button.isEnabled()
        dialog.import_button.click()
        return dialog.result() == 1

    monkeypatch.setattr(ui_exchange, "ask_preview", confirm)
    with qtbot.waitSignal(main_window.data_changed, timeout=10_000):
        assert flows.import_file(samples / "ideas" / "ideen_brainstorming.xlsx")
    assert len(titles(main_window.ctx)) == 10
    assert recorded_messages[-1][0] == "info" and "10" in recorded_messages[-1][2]


@pytest.mark.slow
def test_cancel_during_commit_writes_nothing(
    flows: Any,
    main_window: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    recorded_messages: list[tuple[str, str, str]],
) -> None:
    path = csv_file(tmp_path, "Titel\n" + "\n".join(f"Idee {i}" for i in range(12_000)))
    monkeypatch.setattr(ui_exchange, "ask_preview", lambda dialog: True)
    real = exchange.commit_idea_import

    def commit_then_cancel(*args: Any, progress: Any, **kwargs: Any) -> Any:
        return real(*args, progress=lambda done, total: done < 5_000, **kwargs)

    monkeypatch.setattr(exchange, "commit_idea_import", commit_then_cancel)
    assert flows.import_file(path) is False
    assert titles(main_window.ctx) == []
    assert "nichts" in recorded_messages[-1][2].lower() or "nothing" in recorded_messages[-1][2]


@pytest.mark.slow
def test_bad_file_gives_a_warning(
    flows: Any, samples: Path, recorded_messages: list[tuple[str, str, str]]
) -> None:
    assert flows.import_file(samples / "bad" / "random_bytes.xlsx") is False
    kind, _title, text = recorded_messages[-1]
    assert kind == "warning" and "random_bytes.xlsx" in text


@pytest.mark.slow
def test_drop_handler_takes_tables_only(
    flows: Any, main_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ui_exchange, "ask_preview", lambda dialog: True)
    path = csv_file(tmp_path, "Titel\nGezogen\n")
    assert flows.handle_drop([tmp_path / "bild.png"]) is False
    assert main_window.handle_dropped_files([path])
    assert titles(main_window.ctx) == ["Gezogen"]


@pytest.mark.slow
def test_export_and_template_from_the_menu(
    flows: Any, main_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    IdeaService(main_window.ctx).create({"title": "Export mich"})
    target = tmp_path / "backlog"
    monkeypatch.setattr(ui_exchange, "ask_save_path", lambda *a: str(target))
    assert flows.export_ideas()
    ws = openpyxl.load_workbook(tmp_path / "backlog.xlsx").worksheets[0]
    assert ws["B2"].value == "Export mich"
    template = tmp_path / "vorlage.xlsx"
    monkeypatch.setattr(ui_exchange, "ask_save_path", lambda *a: str(template))
    main_window.exchange.template_action.trigger()
    assert openpyxl.load_workbook(template).worksheets[0].max_row == 1


@pytest.mark.slow
def test_export_of_the_current_filter(
    flows: Any, main_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = IdeaService(main_window.ctx)
    ids = [service.create({"title": f"Idee {i}"}).id for i in range(3)]
    tab = main_window.tab(IdeasTab)
    monkeypatch.setattr(tab, "current_filter_ids", lambda: ids[:1], raising=False)
    target = tmp_path / "gefiltert.csv"
    monkeypatch.setattr(ui_exchange, "ask_save_path", lambda *a: str(target))
    assert flows.export_ideas()  # recorded_messages answers "yes": only the filter
    text = target.read_text(encoding="utf-8-sig")
    assert "Idee 0" in text and "Idee 1" not in text
