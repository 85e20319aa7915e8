"""Signed forms and scans of a consent record (issue 18): stored under SHA-256, checked,
deleted with the person."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from clearance_helpers import full_consent

from tikdesk.domain.errors import InputRejected
from tikdesk.services.context import AppContext
from tikdesk.services.evidence import EvidenceService
from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.services.safety import SafetyService
from tikdesk.storage import evidence as store

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def consent(ctx: AppContext) -> int:
    people = PeopleService(ctx)
    person = people.create_person(PersonInput(display_name="Erika Beispiel"))
    return people.add_consent(person, full_consent())


def test_a_scan_is_stored_under_its_hash_and_opens_from_there(
    ctx: AppContext, consent: int, tmp_path: Path
) -> None:
    scan = tmp_path / "Einwilligung Erika.pdf"
    scan.write_bytes(PDF)
    view = EvidenceService(ctx).add(consent, scan)
    sha = hashlib.sha256(PDF).hexdigest()
    assert (view.sha256, view.original_name, view.content_type, view.size) == (
        sha,
        "Einwilligung Erika.pdf",
        "pdf",
        len(PDF),
    )
    path = EvidenceService(ctx).path(view.id)
    assert path == ctx.db.path.parent / f"{ctx.db.path.stem}-evidence" / sha[:2] / f"{sha}.pdf"
    assert path.read_bytes() == PDF
    scan.unlink()  # the copy does not depend on the original
    assert EvidenceService(ctx).path(view.id).read_bytes() == PDF
    # a PNG named .pdf is taken by its content
    odd = tmp_path / "scan.pdf"
    odd.write_bytes(PNG)
    assert EvidenceService(ctx).add(consent, odd).content_type == "png"


@pytest.mark.slow
def test_a_renamed_exe_and_a_huge_file_are_refused_by_content_and_size(
    ctx: AppContext, consent: int, tmp_path: Path
) -> None:
    exe = tmp_path / "Einwilligung.pdf"
    exe.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    with pytest.raises(InputRejected, match=r"„Einwilligung\.pdf“ ist kein PDF, JPG oder PNG"):
        EvidenceService(ctx).add(consent, exe)
    big = tmp_path / "riesig.pdf"
    with open(big, "wb") as fh:
        fh.write(PDF)
        fh.truncate(store.MAX_BYTES + 1)
    with pytest.raises(InputRejected, match="höchstens 20 MB"):
        EvidenceService(ctx).add(consent, big)
    assert EvidenceService(ctx).for_consent(consent) == []
    assert not store.folder(ctx.db.path).exists() or not any(store.folder(ctx.db.path).rglob("*.*"))


@pytest.mark.slow
def test_check_finds_a_changed_and_a_missing_file(
    ctx: AppContext, consent: int, tmp_path: Path
) -> None:
    scan = tmp_path / "a.pdf"
    scan.write_bytes(PDF)
    first = EvidenceService(ctx).add(consent, scan)
    assert SafetyService(ctx).full_check().ok
    stored = EvidenceService(ctx).path(first.id)
    stored.write_bytes(PDF + b"tampered")
    report = SafetyService(ctx).full_check()
    assert not report.ok
    assert any("wurde verändert" in f.text and str(stored) in f.text for f in report.errors)
    with pytest.raises(InputRejected, match="fehlt im Datenordner oder wurde verändert"):
        EvidenceService(ctx).path(first.id)
    stored.unlink()
    assert any("fehlt" in f.text for f in SafetyService(ctx).full_check().errors)


@pytest.mark.slow
def test_erasure_deletes_the_evidence_files(ctx: AppContext, consent: int, tmp_path: Path) -> None:
    people = PeopleService(ctx)
    other = people.create_person(PersonInput(display_name="Otto Anders"))
    other_consent = people.add_consent(other, full_consent())
    scan, keep = tmp_path / "erika.pdf", tmp_path / "otto.png"
    scan.write_bytes(PDF)
    keep.write_bytes(PNG)
    service = EvidenceService(ctx)
    gone = service.path(service.add(consent, scan).id)
    kept = service.path(service.add(other_consent, keep).id)
    person = next(p.id for p in people.list_people() if p.display_name == "Erika Beispiel")
    people.erase_person(person)
    assert not gone.exists()
    assert kept.exists()
    assert service.for_person(person) == []
    assert SafetyService(ctx).full_check().ok


@pytest.mark.slow
def test_the_art15_export_is_a_zip_with_the_workbook_and_the_scans(
    ctx: AppContext, consent: int, tmp_path: Path
) -> None:
    import zipfile

    scan = tmp_path / "Einwilligung Erika.pdf"
    scan.write_bytes(PDF)
    view = EvidenceService(ctx).add(consent, scan)
    written = PeopleService(ctx).export_person(view.person_id, tmp_path / "out" / "Auskunft.xlsx")
    assert written == tmp_path / "out" / "Auskunft.zip"
    with zipfile.ZipFile(written) as archive:
        names = archive.namelist()
        assert names == ["Auskunft.xlsx", f"Nachweise/{view.id}-Einwilligung Erika.pdf"]
        assert archive.read(names[1]) == PDF
        assert archive.read(names[0])[:2] == b"PK"  # the workbook itself
    assert not (tmp_path / "out" / "Auskunft.xlsx").exists()
