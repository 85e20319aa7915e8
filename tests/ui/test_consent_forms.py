"""Printable consent forms (issue 18): kinds, prefill, Art. 13 block, form number and QR,
templates overridable in the data folder, the versions stored with the consent."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from clearance_helpers import PostInput, guardian

from tikdesk.domain import forms as templates
from tikdesk.domain.errors import InputRejected
from tikdesk.paths import resource_dir
from tikdesk.services.context import AppContext
from tikdesk.services.forms import ConsentFormService
from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.services.posts import PostService
from tikdesk.services.settings import SettingsService

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler's pdftotext"
)
TODAY = dt.date.today()


def _born(years: int) -> dt.date:
    return TODAY.replace(year=TODAY.year - years) - dt.timedelta(days=30)


@pytest.fixture
def org(ctx: AppContext) -> AppContext:
    SettingsService(ctx).set_organisation(
        "Stadt Beispielstadt",
        "",
        "Stadt Beispielstadt, Der Oberbürgermeister, Marktplatz 1, 12345 Beispielstadt",
        "Datenschutzbeauftragte der Stadt, datenschutz@beispielstadt.de, 0123 456-789",
    )
    return ctx


@pytest.fixture
def minor_with_two(org: AppContext) -> int:
    people = PeopleService(org)
    pid = people.create_person(
        PersonInput(display_name="Mia Muster", category="citizen", birth_date=_born(15))
    )
    people.add_consent(pid, guardian(people, "Sabine Muster", "mother"))
    people.add_consent(pid, guardian(people, "Thomas Muster", "father"))
    return pid


def _pdf_text(data: object, path: Path) -> str:
    from tikdesk.pdf.consent_form import render_consent_form

    render_consent_form(data, path)  # type: ignore[arg-type]
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(out.stdout.split())


@pytest.mark.slow
@needs_poppler
def test_a_minors_form_has_both_custodians_own_line_art13_and_the_number(
    qapp: QApplication, org: AppContext, minor_with_two: int, tmp_path: Path
) -> None:
    form = ConsentFormService(org).issue(minor_with_two)
    assert form.kind is templates.FormKind.MINOR
    assert templates.parse_form_number(form.form_number) == form.form_number
    pdf = tmp_path / "form.pdf"
    text = _pdf_text(form, pdf)
    assert "Mia Muster" in text
    assert "Sorgeberechtigte:r 1 (Mutter): Sabine Muster" in text
    assert "Sorgeberechtigte:r 2 (Vater): Thomas Muster" in text
    assert "beide Sorgeberechtigte unterschreiben" in text
    assert "die/der Minderjährige selbst: Mia Muster" in text  # 15 ≥ 14
    assert "Informationen zum Datenschutz nach Art. 13 DSGVO" in text
    assert "datenschutz@beispielstadt.de" in text
    assert "Marktplatz 1, 12345 Beispielstadt" in text
    assert "Art. 77 DSGVO" in text  # the rights
    assert form.form_number in text
    assert "DS-Info 2026-1" in text and "EW-Text 2026-1" in text
    # the closing note's picture: the page as PNG, looked at by a person
    shots = os.environ.get("TIKDESK_FORM_SHOTS")
    if shots and shutil.which("pdftoppm"):
        Path(shots).mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", str(pdf), str(Path(shots) / "form-15")], check=True
        )


@needs_poppler
def test_young_child_has_no_own_line_and_sole_custody_needs_one(
    qapp: QApplication, org: AppContext, tmp_path: Path
) -> None:
    people = PeopleService(org)
    pid = people.create_person(
        PersonInput(
            display_name="Leo Klein",
            category="citizen",
            birth_date=_born(9),
            sole_custody_note="Beschluss AG Beispielstadt 12 F 3/24",
        )
    )
    form = ConsentFormService(org).issue(pid)
    assert [s.label for s in form.signatures] == ["Sorgeberechtigte:r 1"]
    text = _pdf_text(form, tmp_path / "f.pdf")
    assert "Alleiniges Sorgerecht ist dokumentiert" in text
    assert "Minderjährige selbst:" not in text


@pytest.mark.slow
def test_staff_form_states_voluntariness_and_is_prefilled_from_the_post(
    org: AppContext,
) -> None:
    people = PeopleService(org)
    pid = people.create_person(PersonInput(display_name="Erika Beispiel", category="apprentice"))
    posts = PostService(org)
    post = posts.create(PostInput(title="Ausbildung im Bürgeramt", purpose="recruiting"))
    posts.add_person(post, pid)
    form = ConsentFormService(org).issue(pid, post)
    assert form.kind is templates.FormKind.STAFF
    body = " ".join(form.paragraphs)
    for needed in ("freiwillig", "keinerlei Nachteile", "§ 26 Abs. 2", "jederzeit"):
        assert needed in body
    assert form.post_title == "Ausbildung im Bürgeramt"
    ticked = {c.label for c in form.purposes if c.ticked}
    assert ticked == {"Nachwuchs & Recruiting"}
    assert {c.label for c in form.platforms if c.ticked} == {"TikTok"}
    assert [c.label for c in form.shown_as if c.ticked] == ["Gesicht"]


@pytest.mark.slow
def test_without_controller_and_dpo_no_form_is_printed(ctx: AppContext) -> None:
    pid = PeopleService(ctx).create_person(PersonInput(display_name="Erika Beispiel"))
    with pytest.raises(InputRejected, match="Einstellungen → Organisation"):
        ConsentFormService(ctx).issue(pid)


@pytest.mark.slow
def test_an_own_template_replaces_the_shipped_one_and_its_versions_go_into_the_consent(
    org: AppContext, minor_with_two: int, tmp_path: Path
) -> None:
    own = tmp_path / "forms"
    own.mkdir()
    shipped = templates.shipped_dir(resource_dir())
    (own / "art13.toml").write_text(
        (shipped / "art13.toml")
        .read_text(encoding="utf-8")
        .replace('version = "DS-Info 2026-1"', 'version = "DS-Info Stadt 7"'),
        encoding="utf-8",
    )
    (own / "consent_text.toml").write_text(
        (shipped / "consent_text.toml")
        .read_text(encoding="utf-8")
        .replace('version = "EW-Text 2026-1"', 'version = "EW Stadt 3"'),
        encoding="utf-8",
    )
    service = ConsentFormService(org)
    form = service.issue(minor_with_two, dirs=[own, shipped])
    assert (form.art13_version, form.text_version) == ("DS-Info Stadt 7", "EW Stadt 3")
    # the signed form comes back: the number (typed sloppily) opens the prefilled records
    typed = form.form_number.lower().replace("-", " ")
    back = service.returned(typed)
    assert back.person_id == minor_with_two and back.recorded == 0
    assert [t.label for t in back.pending] == [
        "Sorgeberechtigte:r Sabine Muster",
        "Sorgeberechtigte:r Thomas Muster",
        "Mia Muster",
    ]
    people = PeopleService(org)
    for item in back.pending:
        people.add_consent(minor_with_two, item.data)
    stored = [c for c in people.get(minor_with_two).consents if c.form_number == form.form_number]
    assert len(stored) == 3
    assert {(c.art13_version, c.text_version, c.document_ref) for c in stored} == {
        ("DS-Info Stadt 7", "EW Stadt 3", form.form_number)
    }
    assert service.returned(form.form_number).pending == ()


def test_a_mistyped_or_unknown_number_is_one_sentence(org: AppContext) -> None:
    service = ConsentFormService(org)
    good = templates.form_number(42)
    wrong = good[:-1] + str((int(good[-1]) + 1) % 10)
    with pytest.raises(InputRejected, match="Prüfziffer"):
        service.returned(wrong)
    with pytest.raises(InputRejected, match="nicht gedruckt"):
        service.returned(good)


def test_a_broken_template_names_file_and_line(tmp_path: Path) -> None:
    shipped = templates.shipped_dir(resource_dir())
    bad = tmp_path / "art13.toml"
    text = (shipped / "art13.toml").read_text(encoding="utf-8")
    bad.write_text(text.replace('text = "{dpo}"', 'text = "{dsb}"'), encoding="utf-8")
    line = next(n for n, t in enumerate(bad.read_text().splitlines(), 1) if "{dsb}" in t)
    with pytest.raises(templates.FormTemplateError, match=rf"art13\.toml, Zeile {line}: .*dsb"):
        templates.load_art13([tmp_path, shipped])
    bad.write_text(text.replace("[rights]", "[rights\n"), encoding="utf-8")
    with pytest.raises(templates.FormTemplateError, match=r"art13\.toml, Zeile \d+: kein gültiges"):
        templates.load_art13([tmp_path, shipped])


@pytest.mark.slow
def test_erasure_deletes_the_printed_forms(org: AppContext, minor_with_two: int) -> None:
    form = ConsentFormService(org).issue(minor_with_two)
    PeopleService(org).erase_person(minor_with_two)
    with pytest.raises(InputRejected, match="nicht gedruckt"):
        ConsentFormService(org).returned(form.form_number)
