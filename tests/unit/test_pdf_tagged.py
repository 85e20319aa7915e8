"""Every PDF TikDesk writes is tagged (issue 23) and stands on its own (issue 20): Typst with
PDF/UA-1 + PDF/A-2a, the shipped font embedded, /Lang from the UI language, the title shown,
tables with header cells, figures with alternative text; checked with the ``pdfua`` checker
for the report, a consent form and the month plan.  User text is data, never markup."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

import pikepdf
import pytest
from report_fixtures import SEPTEMBER, TODAY, flat, pdf_pages, pdf_text, prepare, tiny_png

from tikdesk.domain.calendar import WeekRhythm, month_weeks
from tikdesk.domain.forms import FormKind, qr_matrix
from tikdesk.domain.i18n import set_language
from tikdesk.domain.report import Period, PostRow, ReportData, texts
from tikdesk.pdf.consent_form import render_consent_form
from tikdesk.pdf.engine import printable
from tikdesk.pdf.month_plan import render_month_plan
from tikdesk.pdf.report import render_report
from tikdesk.services.forms import Choice, ConsentFormData, SignatureLine
from tikdesk.services.report import ReportService

if TYPE_CHECKING:
    from tikdesk.services.context import AppContext

#: markup characters of Typst (and of PDF strings) in a title, and an emoji no font has
HOSTILE = 'Mythen-Check #1: $5 *fett* _kursiv_ @ref <label> \\n [x] "zitat" `code` = 50 % 🔥'
SHOWN = printable(HOSTILE)


@pytest.fixture
def report_data(ctx: AppContext, samples: Path, tmp_path: Path) -> ReportData:
    data = ReportService(prepare(ctx, samples, tmp_path)).build(  # type: ignore[arg-type]
        Period(*SEPTEMBER), today=TODAY
    )
    (acc,) = data.accounts
    hostile = PostRow(dt.date(2026, 9, 7), HOSTILE, "Tanz", "Allgemein", 5, 1, 0, 0, 0.2)
    return dataclasses.replace(
        data, accounts=(dataclasses.replace(acc, posts=(*acc.posts, hostile)),)
    )


def consent_form() -> ConsentFormData:
    tick = (Choice("TikTok", True), Choice("Instagram", False))
    return ConsentFormData(
        form_number="EW-000042-7", qr=qr_matrix("EW-000042-7"), kind=FormKind.ADULT,
        title="Einwilligung in Foto- und Videoaufnahmen", paragraphs=("Ich willige ein.",),
        organisation="Stadt <Beispiel> & Co", logo_path="", person_name="Erika $Muster",
        birth_date="", category="Bürger:in", post_title=HOSTILE, post_date="07.09.2026",
        platforms=tick, purposes=(Choice("Recruiting", True),), shown_as=tick,
        valid_from="01.09.2026", valid_until="", notes=("Bitte unterschreiben.",),
        signatures=(SignatureLine("Betroffene Person", "Erika $Muster"),),
        art13_title="Informationen nach Art. 13 DSGVO", art13_blocks=(("Zweck", "Öffentlichkeit"),),
        art13_version="DS-Info 2026-1", text_version="EW-Text 2026-1", issued_on="06.12.2026",
        issued_by="anna",
    )  # fmt: skip


def month_plan(path: Path, title: str = "Redaktionsplan Mai 2027") -> Path:
    weeks = [WeekRhythm(m, 1, 0, 2) for m in month_weeks(2027, 5)]
    state = SimpleNamespace(label="Freigegeben")
    entries = [
        SimpleNamespace(title=f"{HOSTILE} {i}", account="stadt", state=state,
                        planned_at=dt.datetime(2027, 5, 12, 8 + i))
        for i in range(12)  # a busy day: its week grows, nothing is cut
    ]  # fmt: skip
    render_month_plan(path, title, ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"], weeks, 5,
                      entries, {dt.date(2027, 5, 13): "Christi Himmelfahrt"},
                      {"week": "Woche", "below": "unter Ziel", "footer": "TikDesk"})  # fmt: skip
    return path


def structure(path: Path) -> dict[str, object]:
    """What a screen reader gets: the tag types, the figures' Alt, /Lang, title, fonts."""
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        kinds: list[str] = []
        alts: list[str] = []
        empty_headings: list[str] = []  # pdfua 0.1.3 skips this rule (UA-14-001) on Typst files
        todo = [root.StructTreeRoot]
        while todo:
            node = todo.pop()
            if isinstance(node, pikepdf.Array):
                todo.extend(node)
                continue
            if not isinstance(node, pikepdf.Dictionary):
                continue
            if "/S" in node:
                kinds.append(str(node.S))
                if str(node.S) == "/Figure":
                    alts.append(str(node.get("/Alt", "")))
                if str(node.S) in ("/H1", "/H2", "/H3") and not node.get("/K"):
                    empty_headings.append(str(node.S))
            if "/K" in node:
                todo.append(node.K)
        fonts = []
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                for desc in font.get("/DescendantFonts", [font]):
                    fd = desc.get("/FontDescriptor")
                    fonts.append((str(desc.BaseFont), fd is not None and any(
                        k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))))  # fmt: skip
        return {
            "marked": bool(root.MarkInfo.Marked),
            "lang": str(root.Lang),
            "display_title": bool(root.ViewerPreferences.DisplayDocTitle),
            "title": str(pdf.open_metadata().get("dc:title", "")),
            "kinds": kinds,
            "alts": alts,
            "empty_headings": empty_headings,
            "fonts": fonts,
        }


def pdfua_findings(path: Path) -> list[str]:
    """The ``pdfua`` checker's findings, and the one rule it cannot evaluate here."""
    from pdfua import validate

    report = validate(str(path))
    found = [f"{f.rule_id} {f.severity.name}: {f.message}" for f in report.findings]
    return found + [f"UA-14-001: empty {h}" for h in structure(path)["empty_headings"]]


@pytest.mark.slow
def test_report_is_tagged_pdf_ua_with_header_cells_figures_and_language(
    report_data: ReportData, tmp_path: Path
) -> None:
    path = tmp_path / "bericht.pdf"
    render_report(report_data, path)
    found = structure(path)
    assert found["marked"] and found["lang"] == "de" and found["display_title"]
    assert found["title"] == "TikTok-Bericht September 2026"
    kinds = found["kinds"]
    assert isinstance(kinds, list)
    assert {"/H1", "/H2", "/Table", "/TH", "/TD", "/Figure"} <= set(kinds)
    # alternative text says what each chart shows, with its numbers
    alts = found["alts"]
    assert isinstance(alts, list)
    t = texts()
    for title in (t.chart_followers, t.chart_weekly, t.chart_engagement):
        assert any(title in alt for alt in alts), title
    assert any("KW 36 (6 T.)" in alt for alt in alts)
    # only the shipped Liberation Sans (and Typst's own symbol fallback), all embedded
    fonts = found["fonts"]
    assert isinstance(fonts, list)
    assert all(embedded for _name, embedded in fonts)
    assert any("LiberationSans" in name for name, _ in fonts)
    assert pdfua_findings(path) == []
    # the tables' header cells are in the extracted text
    text = flat(pdf_text(path.read_bytes()))
    for head in (t.kpi, t.change_pct, t.date, t.title, t.views, t.comments, t.rate, t.top,
                 t.median_views, t.status, t.count):  # fmt: skip
        assert head in text, head
    assert SHOWN in text  # markup characters printed as they are, the emoji left out


@pytest.mark.slow
def test_report_in_english_declares_english(report_data: ReportData, tmp_path: Path) -> None:
    set_language("en")
    try:
        data = dataclasses.replace(report_data)
        render_report(data, tmp_path / "report.pdf")
    finally:
        set_language("de")
    found = structure(tmp_path / "report.pdf")
    assert found["lang"] == "en"
    assert "Page 1 /" in pdf_text((tmp_path / "report.pdf").read_bytes())


def test_consent_form_is_tagged_pdf_ua(tmp_path: Path) -> None:
    path = tmp_path / "form.pdf"
    render_consent_form(consent_form(), path)
    found = structure(path)
    assert found["marked"] and found["lang"] == "de" and found["display_title"]
    assert found["title"] == "Einwilligung in Foto- und Videoaufnahmen – EW-000042-7"
    assert {"/H1", "/H2", "/P"} <= set(found["kinds"])
    assert pdfua_findings(path) == []
    text = flat(pdf_text(path.read_bytes()))
    assert "Stadt <Beispiel> & Co" in text and "Betroffene Person: Erika $Muster" in text
    assert SHOWN in text
    assert "EW-000042-7" in text  # beside its QR code (which is page furniture, an artifact)
    assert "☒ TikTok" in text and "☐ Instagram" in text  # ticked or not, in words for readers


def test_report_of_emoji_only_names_says_so(report_data: ReportData, tmp_path: Path) -> None:
    """An organisation or a top video named in emoji only (no font has them): the summary
    still has a subject and the title is not an empty „“ or an empty table cell."""
    (acc,) = report_data.accounts
    best = max(acc.posts, key=lambda p: p.views or 0)
    posts = tuple(dataclasses.replace(p, title="🔥🔥") if p is best else p for p in acc.posts)
    data = dataclasses.replace(
        report_data, organisation="🏛️", accounts=(dataclasses.replace(acc, posts=posts),)
    )
    render_report(data, tmp_path / "emoji.pdf")
    text = flat(pdf_text((tmp_path / "emoji.pdf").read_bytes()))
    assert "Im Zeitraum September 2026 hat das Team " in text
    assert "Das erfolgreichste Video: „(nur Emoji)“" in text
    assert "„“" not in text


def test_characters_typst_cannot_show_are_left_out_and_nothing_else(tmp_path: Path) -> None:
    """Control characters (a pasted bell, an import's NUL) and code points no font has (Typst
    names them escaped, ``\\u{378}``) are left out — only they: the form number with its 7 and
    the QR code (an SVG in the data) stay whole."""
    assert printable("Dreh\x07 im\x00 Bauhof\ufffe") == "Dreh im Bauhof"
    assert printable("Zeile\nzwei\tTab") == "Zeile\nzwei\tTab"
    title = "Dreh\x07 im Bauhof\u0378 \x00Teil 2"
    render_consent_form(dataclasses.replace(consent_form(), post_title=title), tmp_path / "f.pdf")
    text = flat(pdf_text((tmp_path / "f.pdf").read_bytes()))
    assert "Dreh im Bauhof Teil 2" in text
    assert "EW-000042-7" in text and "Erika $Muster" in text


def test_month_plan_and_form_in_english_name_emoji_only_titles(tmp_path: Path) -> None:
    """The month plan's week column follows the language (W19, not KW 19 in English), and a
    post titled in emoji only is not an empty line in the plan or on the form."""
    weeks = [WeekRhythm(m, 1, 0, 2) for m in month_weeks(2027, 5)]
    entry = SimpleNamespace(title="🔥🎉", account="stadt", state=SimpleNamespace(label="Draft"),
                            planned_at=dt.datetime(2027, 5, 12, 9))  # fmt: skip
    set_language("en")
    try:
        render_month_plan(tmp_path / "plan.pdf", "Editorial plan May 2027", list("MTWTFSS"),
                          weeks, 5, [entry], {}, {"week": "Week", "below": "below target",
                          "footer": "TikDesk"})  # fmt: skip
        form = dataclasses.replace(consent_form(), post_title="🔥🎉")
        render_consent_form(form, tmp_path / "form.pdf")
    finally:
        set_language("de")
    plan = flat(pdf_text((tmp_path / "plan.pdf").read_bytes()))
    assert "W19" in plan and "KW" not in plan
    assert "09:00 (emoji only)" in plan
    assert "(emoji only) (07.09.2026)" in flat(pdf_text((tmp_path / "form.pdf").read_bytes()))


def images_in(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return sum(len(page.get_images()) for page in pdf.pages)  # the logo: an image XObject


@pytest.mark.parametrize(
    ("name", "content"),
    [("logo.png", b"not an image"), ("logo.svg", b"<svg broken"), ("logo.jpg", b"")],
)
def test_a_logo_typst_cannot_read_leaves_it_out(tmp_path: Path, name: str, content: bytes) -> None:
    """The organisation's logo is a file the user picked: when it is not an image (or a
    broken SVG), the form is written without it instead of failing."""
    good = dataclasses.replace(consent_form(), logo_path=str(tiny_png(tmp_path / "ok.png")))
    render_consent_form(good, tmp_path / "with.pdf")
    assert images_in(tmp_path / "with.pdf") == 1
    bad = tmp_path / name
    bad.write_bytes(content)
    render_consent_form(dataclasses.replace(good, logo_path=str(bad)), tmp_path / "without.pdf")
    assert images_in(tmp_path / "without.pdf") == 0
    assert "EW-000042-7" in pdf_text((tmp_path / "without.pdf").read_bytes())


def test_month_plan_is_tagged_pdf_ua_and_cuts_nothing(tmp_path: Path) -> None:
    path = month_plan(tmp_path / "plan.pdf")
    found = structure(path)
    assert found["marked"] and found["lang"] == "de" and found["display_title"]
    assert {"/H1", "/Table", "/TH", "/TD"} <= set(found["kinds"])
    assert pdfua_findings(path) == []
    text = flat(pdf_text(path.read_bytes()))
    for head in ("Woche", "Mo", "So", "KW 19", "Christi Himmelfahrt"):
        assert head in text
    assert all(f"{SHOWN} {i}" in text for i in range(12))  # every post of the busy day whole
    assert "…" not in text
    assert 1 <= pdf_pages(path.read_bytes()) <= 2


def test_printable_leaves_out_only_what_no_font_has() -> None:
    assert printable("Mythen-Check 🔥: Ausweis") == "Mythen-Check: Ausweis"
    assert printable("Team 👩‍🚒👨🏽‍🚒 Feuerwehr 🇩🇪") == "Team Feuerwehr"
    assert printable("Top ★ ≈ 5 € – „gut“ ☐ ☒ ✓") == "Top ★ ≈ 5 € – „gut“ ☐ ☒ ✓"
    assert printable("#1 $5 *x* _y_ @z <a> \\b") == "#1 $5 *x* _y_ @z <a> \\b"


def test_pdfs_are_written_from_any_thread(tmp_path: Path) -> None:
    """The GUI writes PDFs in worker threads: the one shared compiler must serve each."""
    import threading

    errors: list[BaseException] = []

    def write(name: str) -> None:
        try:
            month_plan(tmp_path / name)
        except BaseException as exc:  # reported below
            errors.append(exc)

    month_plan(tmp_path / "main.pdf")
    workers = [threading.Thread(target=write, args=(f"t{i}.pdf",)) for i in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert all(pdf_pages((tmp_path / f"t{i}.pdf").read_bytes()) >= 1 for i in range(3))
