"""Issue 20: a report that stands on its own — shipped font, nothing clipped, PDF/A, summary
sentences from the figures, honest statistics, Handlungsbedarf, recruiting figures."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from test_report_fixtures import (
    ORGANISATION,
    SEPTEMBER,
    TODAY,
    names_in,
    pdf_pages,
    pdf_text,
    prepare,
)

from tikdesk import app
from tikdesk.domain.report import (
    MIN_POSTS_FOR_CHANGE,
    Kpi,
    Period,
    PostRow,
    ReportData,
    summary_sentences,
)
from tikdesk.services.recruiting import RecruitingService
from tikdesk.services.report import ReportService

pytestmark = pytest.mark.usefixtures("qapp")
AUGUST = Period(dt.date(2026, 8, 1), dt.date(2026, 8, 31))


@pytest.fixture
def report_ctx(ctx: object, samples: Path, tmp_path: Path) -> object:
    return prepare(ctx, samples, tmp_path)


def september(ctx: object) -> ReportData:
    return ReportService(ctx).build(Period(*SEPTEMBER), today=TODAY)  # type: ignore[arg-type]


def large(data: ReportData) -> ReportData:
    """Two accounts, 60 posts with long titles and big numbers (the large database)."""
    (acc,) = data.accounts
    long_title = (
        "Mythen-Check: Personalausweis, Reisepass und Führungszeugnis – was das Bürgerbüro "
        "wirklich braucht und was nicht (Teil {})"
    )
    rows = tuple(
        PostRow(dt.date(2026, 9, 1 + i % 30), long_title.format(i), "Mythen-Check",
                "Bewerber:innen", 12_345_678 - i, 1_234_567, 123_456, 98_765, 0.1234,
                rank=i + 1)
        for i in range(60)
    )  # fmt: skip
    many = dataclasses.replace(acc, posts=rows)
    other = dataclasses.replace(acc, account="feuerwehr_musterhausen_ausbildung")
    return dataclasses.replace(data, accounts=(many, other), organisation=ORGANISATION * 2)


def render(data: ReportData, path: Path) -> tuple[bytes, list[str], int]:
    from tikdesk.ui.report.pdf import _Document

    doc = _Document(data)
    doc.write(path)
    return path.read_bytes(), doc.clipped, len(doc.pages)


def test_nothing_elided_or_clipped_on_the_small_and_the_large_report(
    report_ctx: object, tmp_path: Path
) -> None:
    from tikdesk.ui.report import pdf

    data = september(report_ctx)
    for name, variant in (("small", data), ("large", large(data))):
        raw, clipped, pages = render(variant, tmp_path / f"{name}.pdf")
        assert clipped == [], name
        assert pdf_pages(raw) == pages
        assert "…" not in pdf_text(raw).replace("[…]", "")  # no ellipsis drawn by the renderer
    # the check itself works: a text far too long for its box is reported
    doc = pdf._Document(data)
    doc.text  # noqa: B018 - the same static drawing function the pages use
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    image = QImage(200, 50, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        pdf._Document.text(painter, QRectF(0, 0, 20, 8), "Interaktionsrate " * 5, doc.font(8))
    finally:
        painter.end()
    assert pdf._CLIPPED == ["Interaktionsrate " * 5]
    del pdf._CLIPPED[:]


def test_font_is_embedded_and_the_file_is_pdf_a(report_ctx: object, tmp_path: Path) -> None:
    raw, _clipped, _pages = render(september(report_ctx), tmp_path / "r.pdf")
    assert b"LiberationSans" in raw
    assert b"/FontFile2" in raw  # the TrueType program itself is in the file
    assert b"Arial" not in raw
    assert b"pdfaid:part" in raw  # PDF/A identification in the XMP metadata


def test_summary_sentences_match_the_figures(report_ctx: object, tmp_path: Path) -> None:
    data = september(report_ctx)
    (acc,) = data.accounts
    sentences = summary_sentences(data)
    assert 3 <= len(sentences) <= 5
    posts = len(acc.posts)
    assert (
        sentences[0]
        == f"Im Zeitraum September 2026 hat {ORGANISATION} {posts} Videos veröffentlicht."
    )
    views, before = acc.kpi("views").current, acc.kpi("views").previous
    assert views is not None and before is not None
    pct = round(abs(views - before) / before * 100)
    word = "mehr" if views >= before else "weniger"
    german = f"{views:,.0f}".replace(",", ".")
    assert sentences[1] == (
        f"Zusammen {german} Videoaufrufe, {pct} % {word} als im Vorzeitraum (August 2026)."
    )
    best = max((r for r in acc.posts if r.views is not None), key=lambda r: r.views or 0)
    assert f"„{best.title}“ ({best.views:,} Aufrufe)".replace(",", ".") in sentences[3]
    text = pdf_text(render(data, tmp_path / "s.pdf")[0])
    for sentence in sentences:
        assert sentence in text


def test_take_down_appears_under_handlungsbedarf_without_names(
    report_ctx: object, tmp_path: Path
) -> None:
    data = september(report_ctx)
    # the clearance rules decide which published posts must come down; the one showing an
    # erased person is among them, with the reason category and no name
    reasons = {i.title: i.reason for i in data.attention.take_downs}
    assert reasons["Ausbildung bei der Stadt"] == "Löschung einer Person"
    text = pdf_text(render(data, tmp_path / "t.pdf")[0])
    handlung = text[text.index("Zu entfernende Videos") :]
    assert "Ausbildung bei der Stadt" in handlung and "Löschung einer Person" in handlung
    assert names_in(text) == []
    assert data.attention.without_approval  # fixture posts carry no approval
    assert "Veröffentlicht ohne vollständige Freigabe" in text


def test_no_percentage_change_over_fewer_than_five_posts(
    report_ctx: object, tmp_path: Path
) -> None:
    data = september(report_ctx)
    (acc,) = data.accounts
    median = acc.kpi("median_views")
    assert median.basis is not None and min(median.basis) < MIN_POSTS_FOR_CHANGE
    assert median.change_pct is None and median.too_few_posts
    assert acc.kpi("growth").change_pct is None  # no "growth of the growth"
    rate = acc.kpi("growth_rate")
    start, end = acc.kpi("followers_start").current, acc.kpi("followers_end").current
    assert rate.current == pytest.approx((end - start) / start)  # type: ignore[operator]
    text = pdf_text(render(data, tmp_path / "m.pdf")[0])
    assert median.basis_note in text
    enough = Kpi("median_views", "m", 200, 100, basis=(5, 5))
    assert enough.change_pct == pytest.approx(1.0)
    assert Kpi("median_views", "m", 200, 100, basis=(5, 4)).change_pct is None


def test_partial_weeks_are_marked(report_ctx: object) -> None:
    (acc,) = september(report_ctx).accounts
    first, last = acc.weekly_views[0], acc.weekly_views[-1]
    # 1 Sept 2026 is a Tuesday: KW 36 has 6 days in September; 30 Sept a Wednesday: 3 days
    assert (first.week, first.days, first.label) == (36, 6, "KW 36 (6 T.)")
    assert (last.week, last.days, last.label) == (40, 3, "KW 40 (3 T.)")
    assert all(not w.partial for w in acc.weekly_views[1:-1])


def test_recruiting_typed_in_and_imported_appear_with_the_previous_period(
    report_ctx: object,
    tmp_path: Path,
    db_address: object,
    open_again: object,
    capsys: pytest.CaptureFixture[str],
) -> None:
    service = RecruitingService(report_ctx)  # type: ignore[arg-type]
    service.save(dt.date(2026, 8, 14), "@Stadt_Musterhausen", 7, 180, "Sommerferien")
    csv_file = tmp_path / "recruiting.csv"
    csv_file.write_text(
        "Monat;Konto;Bewerbungen;Klicks Karriere-Link;Notiz\n"
        "2026-09;stadt_musterhausen;12;310;Ausbildungsmesse\n",
        encoding="utf-8-sig",
    )
    report_ctx.db.close()  # type: ignore[attr-defined]
    cli = ["--lang", "de", "--db", str(db_address), "import-recruiting"]
    assert app.main([*cli, str(csv_file)]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("Month;Account;Applications\n2026-13;x;3\n2026-10;y;viele\n", "utf-8")
    assert app.main([*cli, str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.csv“, Zeile 2, Spalte „Month“" in err and "Zeile 3, Spalte „Applications“" in err
    from tikdesk.services.context import AppContext

    db = open_again()  # type: ignore[operator]
    ctx = AppContext(db=db, user="anna", backup_dir=tmp_path / "b")
    data = ReportService(ctx).build(Period(*SEPTEMBER), today=TODAY)
    (acc,) = data.accounts
    assert [(r.current, r.previous) for r in acc.recruiting] == [(12, 7), (310, 180)]
    text = pdf_text(render(data, tmp_path / "r.pdf")[0])
    assert "Bewerbungen über TikTok" in text and "Klicks auf den Karriere-Link" in text
