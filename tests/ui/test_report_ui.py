"""Datei → Management-Bericht…: menu entry, dialog behaviour, the whole action in the window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from report_fixtures import pdf_pages, prepare

from tikdesk.domain.report import Period, PeriodKind
from tikdesk.options import REPORT_FOLDER
from tikdesk.ui.report import create_report, dialog
from tikdesk.ui.report.dialog import ReportDialog, ReportRequest

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

    from tikdesk.services.context import AppContext
    from tikdesk.ui.main_window import MainWindow


@pytest.fixture
def report_ctx(ctx: AppContext, samples: Path, tmp_path: Path) -> AppContext:
    return prepare(ctx, samples, tmp_path)


@pytest.mark.slow
def test_menu_entry_sits_before_the_reports_anchor(main_window: MainWindow) -> None:
    actions = main_window.menu_file.actions()
    report = main_window.action_management_report
    assert actions.index(report) == actions.index(main_window.file_reports_anchor) - 1
    assert "Management" in report.text()


def test_dialog_defaults_to_the_last_complete_month(qtbot: QtBot, settings: QSettings,
                                                   tmp_path: Path) -> None:  # fmt: skip
    REPORT_FOLDER.set(settings, str(tmp_path))
    dlg = ReportDialog(["stadt_musterhausen"], settings, today=dt.date(2026, 10, 5))
    qtbot.addWidget(dlg)
    assert dlg.period() == Period(dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    assert dlg.account.count() == 1  # one account: no "all accounts" entry
    request = dlg.request()
    assert request.out == tmp_path / "TikTok-Report_2026-09_stadt_musterhausen.xlsx"
    assert request.pdf is None and not request.with_names
    dlg.kind.setCurrentIndex(dialog.KINDS.index(PeriodKind.QUARTER))
    assert dlg.period() == Period(dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    dlg.prev_button.click()
    assert dlg.period() == Period(dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    dlg.next_button.click()
    dlg.next_button.click()
    assert dlg.period() == Period(dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    dlg.kind.setCurrentIndex(dialog.KINDS.index(PeriodKind.CUSTOM))
    assert not dlg.prev_button.isEnabled()
    dlg.date_to.setDate(dlg.date_from.date().addDays(-1))
    assert dlg.period() is None
    assert not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()


def test_names_choice_shows_the_warning(qtbot: QtBot, settings: QSettings) -> None:
    dlg = ReportDialog(["a", "b"], settings, today=dt.date(2026, 10, 5))
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.account.itemData(0) == ""  # several accounts: "all" first
    assert not dlg.names.isChecked() and not dlg.names_warning.isVisible()
    dlg.names.setChecked(True)
    assert dlg.names_warning.isVisible()
    assert "personal data" in dlg.names_warning.text() or "personenbezogene" in \
        dlg.names_warning.text()  # fmt: skip
    dlg.pdf.setChecked(True)
    request = dlg.request()
    assert request.with_names and request.pdf == request.out.with_suffix(".pdf")


@pytest.mark.slow
def test_the_whole_action_writes_both_files(
    report_ctx: AppContext, settings: QSettings, qtbot: QtBot, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, recorded_messages: list[tuple[str, str, str]],
) -> None:  # fmt: skip
    from tikdesk.ui.main_window import MainWindow

    window = MainWindow(report_ctx, settings)
    qtbot.addWidget(window)
    out = tmp_path / "out" / "bericht.xlsx"
    out.parent.mkdir()
    request = ReportRequest(Period(dt.date(2026, 9, 1), dt.date(2026, 9, 30)), None, out,
                            out.with_suffix(".pdf"), False)  # fmt: skip
    monkeypatch.setattr(ReportDialog, "ask", classmethod(lambda cls, *a: request))
    offered: list[tuple[Path, Path | None]] = []
    opened: list[tuple[str, Path]] = []
    monkeypatch.setattr(dialog, "ask_open", lambda _p, wb, pdf: offered.append((wb, pdf)) or
                        "folder")  # fmt: skip
    monkeypatch.setattr(dialog, "open_result", lambda choice, wb: opened.append((choice, wb)))
    window.action_management_report.trigger()  # type: ignore[attr-defined]
    assert out.exists() and pdf_pages(out.with_suffix(".pdf").read_bytes()) == 3
    assert offered == [(out, out.with_suffix(".pdf"))]
    assert opened == [("folder", out)]
    assert recorded_messages == []


@pytest.mark.slow
def test_a_locked_target_becomes_a_warning(
    report_ctx: AppContext, settings: QSettings, qtbot: QtBot, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, recorded_messages: list[tuple[str, str, str]],
) -> None:  # fmt: skip
    from tikdesk.ui.main_window import MainWindow

    window = MainWindow(report_ctx, settings)
    qtbot.addWidget(window)
    out = tmp_path / "bericht.xlsx"
    out.write_bytes(b"old")
    (tmp_path / "~$bericht.xlsx").write_bytes(b"owner")
    request = ReportRequest(Period(dt.date(2026, 9, 1), dt.date(2026, 9, 30)), None, out,
                            None, False)  # fmt: skip
    monkeypatch.setattr(ReportDialog, "ask", classmethod(lambda cls, *a: request))
    monkeypatch.setattr(dialog, "ask_open", lambda *a: pytest.fail("nothing was written"))
    create_report(window)
    assert [kind for kind, _t, _x in recorded_messages] == ["warning"]
    assert "Excel" in recorded_messages[0][2]
    assert out.read_bytes() == b"old"
