"""Issue 18 in the window: print a form from the person, take it back by its number, attach
signed scans by drag and drop or the file dialog and open them after the hash check."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from clearance_helpers import full_consent
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tikdesk.services.evidence import EvidenceService
from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.services.settings import SettingsService
from tikdesk.ui.people import dialogs as people_dialogs
from tikdesk.ui.people.paperwork import PaperworkPanel
from tikdesk.ui.people.tab import PeopleTab

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


@pytest.fixture
def person(ctx) -> int:
    SettingsService(ctx).set_organisation(
        "Stadt Beispielstadt", "", "Stadt Beispielstadt, Marktplatz 1", "datenschutz@example.de"
    )
    people = PeopleService(ctx)
    pid = people.create_person(PersonInput(display_name="Erika Beispiel", category="employee"))
    people.add_consent(pid, full_consent(platforms=frozenset({"tiktok", "intranet"})))
    return pid


def _tab(main_window, person: int):
    tab = main_window.tab(PeopleTab)
    main_window.tabs.setCurrentWidget(tab)
    assert tab.select_person(person)
    return tab


@pytest.mark.slow
def test_a_scan_dropped_on_the_panel_is_kept_and_opens_after_the_hash_check(
    main_window, ctx, person, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _tab(main_window, person)
    panel = tab.paperwork
    consent_id = PeopleService(ctx).get(person).consents[0].id
    assert panel.consent_id == consent_id and panel.add_button.isEnabled()
    scan = tmp_path / "Einwilligung unterschrieben.pdf"
    scan.write_bytes(PDF)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scan))])
    drop = QDropEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    panel.dropEvent(drop)
    assert [v.original_name for v in EvidenceService(ctx).for_consent(consent_id)] == [
        "Einwilligung unterschrieben.pdf"
    ]
    assert panel.files.count() == 1
    assert "Einwilligung unterschrieben.pdf (PDF" in panel.files.item(0).text()
    opened: list[Path] = []
    monkeypatch.setattr(
        PaperworkPanel, "open_file", staticmethod(lambda p: opened.append(p) or True)
    )
    panel._on_open()
    sha = hashlib.sha256(PDF).hexdigest()
    assert opened and opened[0].name == f"{sha}.pdf"
    # a changed stored file is not opened: the warning says so
    opened[0].write_bytes(PDF + b"x")
    opened.clear()
    panel._on_open()
    assert opened == []
    # the file dialog route refuses a renamed .exe by its content
    exe = tmp_path / "scan.pdf"
    exe.write_bytes(b"MZ" + b"\0" * 100)
    monkeypatch.setattr(PaperworkPanel, "ask_scans", staticmethod(lambda parent: [exe]))
    panel._on_add()
    assert len(EvidenceService(ctx).for_consent(consent_id)) == 1


@pytest.mark.slow
def test_a_printed_form_comes_back_and_its_record_is_confirmed(
    main_window, ctx, person, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _tab(main_window, person)
    out = tmp_path / "form.pdf"
    monkeypatch.setattr(PaperworkPanel, "ask_pdf_path", staticmethod(lambda parent, s: out))
    tab.paperwork._on_print()
    assert out.read_bytes().startswith(b"%PDF")
    from tikdesk.domain.forms import form_number
    from tikdesk.services.forms import ConsentFormService

    shown: list[str] = []

    def confirm(parent, initial, minor, title, save, people=()):
        shown.append(title)
        save(initial)
        return True

    monkeypatch.setattr(people_dialogs.ConsentDialog, "ask", classmethod(
        lambda cls, *a, **k: confirm(*a, **k)))  # fmt: skip
    forms = ConsentFormService(ctx)
    typed = form_number(1).replace("-", " ")  # the one form printed has row number 1
    monkeypatch.setattr(PaperworkPanel, "ask_number", staticmethod(lambda parent: typed))
    tab.paperwork._on_returned()
    assert shown == [f"Form {form_number(1)}: confirm the consent of Erika Beispiel"]
    made = [c for c in PeopleService(ctx).get(person).consents if c.form_number]
    assert len(made) == 1
    assert made[0].art13_version == "DS-Info 2026-1" and made[0].no_disadvantage_confirmed
    assert made[0].collected_on is None or made[0].collected_on <= dt.date.today()
    assert forms.returned(typed).pending == ()


@pytest.mark.slow
def test_the_export_dialog_offers_a_zip_once_the_person_has_a_scan(
    main_window, ctx, person, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[tuple[str, str]] = []
    target = tmp_path / "Auskunft Erika"  # typed without an ending

    def save_dialog(parent, caption, suggested, filters):
        offered.append((suggested, filters))
        return str(target), filters

    monkeypatch.setattr(people_dialogs.QFileDialog, "getSaveFileName", save_dialog)
    tab = _tab(main_window, person)
    tab.export_button.click()  # no scan yet: a workbook
    assert offered[-1][0].endswith(".xlsx") and "(*.xlsx)" in offered[-1][1]
    assert (tmp_path / "Auskunft Erika.xlsx").exists()

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF)
    EvidenceService(ctx).add(PeopleService(ctx).get(person).consents[0].id, scan)
    tab.export_button.click()  # with a signed scan: the ZIP with the evidence
    assert offered[-1][0].endswith(".zip") and "(*.zip)" in offered[-1][1]
    assert ".xlsx" not in offered[-1][1]
    assert (tmp_path / "Auskunft Erika.zip").exists()
