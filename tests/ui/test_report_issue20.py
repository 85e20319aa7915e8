"""Issue 20: a report that stands on its own — shipped font, nothing clipped, PDF/A, summary
sentences from the figures, honest statistics, Handlungsbedarf, recruiting figures."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from report_fixtures import (
    ORGANISATION,
    SEPTEMBER,
    TODAY,
    flat,
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

if TYPE_CHECKING:
    from tikdesk.services.context import AppContext

AUGUST = Period(dt.date(2026, 8, 1), dt.date(2026, 8, 31))


@pytest.fixture
def report_ctx(ctx: AppContext, samples: Path, tmp_path: Path) -> AppContext:
    return prepare(ctx, samples, tmp_path)


def september(ctx: AppContext) -> ReportData:
    return ReportService(ctx).build(Period(*SEPTEMBER), today=TODAY)


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


def render(data: ReportData, path: Path) -> tuple[bytes, int]:
    from tikdesk.pdf.report import render_report

    render_report(data, path)
    raw = path.read_bytes()
    return raw, pdf_pages(raw)


def every_text(data: ReportData) -> list[str]:
    """Every title, date, header and label the report must print whole."""
    from tikdesk.domain.fmt import fmt_date as fmt_day
    from tikdesk.domain.report import texts

    t = texts()
    out = [data.title, data.period.span, data.previous.span, data.organisation]
    out += [t.date, t.title, t.format, t.audience, t.views, t.likes, t.comments, t.shares,
            t.rate, t.rank, t.top, t.kpi, t.change, t.change_pct, t.median_views,
            t.median_rate]  # fmt: skip
    for acc in data.accounts:
        out += [k.label for k in acc.kpis]
        for post in acc.posts:
            out += [post.title, fmt_day(post.published), post.format, post.audience]
        out += [w.label for w in acc.weekly_views]
        out += [g.label for g in (*acc.by_format, *acc.by_audience)]
    return out


@pytest.mark.slow
def test_nothing_elided_or_clipped_on_the_small_and_the_large_report(
    report_ctx: AppContext, tmp_path: Path
) -> None:
    import pypdf

    data = september(report_ctx)
    for name, variant in (("small", data), ("large", large(data))):
        raw, pages = render(variant, tmp_path / f"{name}.pdf")
        text = pdf_text(raw)
        assert "…" not in text.replace("[…]", "")  # nothing elided
        whole = flat(text)
        missing = [s for s in every_text(variant) if flat(s) not in whole]
        assert missing == [], name  # every title, date and header whole, wrapped at most
        # nothing drawn outside the page's content box (Typst wraps, it never clips)
        for number, page in enumerate(pypdf.PdfReader(tmp_path / f"{name}.pdf").pages, 1):
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            spots: list[tuple[float, float, str]] = []

            def seen(text: str, cm: list[float], tm: list[float], _f: object, _s: object,
                     out: list[tuple[float, float, str]] = spots) -> None:  # fmt: skip
                if text.strip():  # where the text starts: its matrix times the page's
                    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                    out.append((x, y, text))

            page.extract_text(visitor_text=seen)
            assert spots, (name, number)
            outside = [s for s in spots if not (30 <= s[0] <= width - 36 and 0 < s[1] < height)]
            assert outside == [], (name, number)
        assert pages == pdf_pages(raw) and pages <= (4 if name == "small" else 14)


@pytest.mark.slow
def test_font_is_embedded_and_the_file_is_pdf_a(report_ctx: AppContext, tmp_path: Path) -> None:
    raw, _pages = render(september(report_ctx), tmp_path / "r.pdf")
    assert b"LiberationSans" in raw
    assert b"/FontFile2" in raw  # the TrueType program itself is in the file
    assert b"Arial" not in raw
    assert b"pdfaid:part>2<" in raw and b"pdfaid:conformance>A<" in raw  # PDF/A-2a (XMP)
    assert b"pdfuaid:part>1<" in raw  # and PDF/UA-1


@pytest.mark.slow
def test_summary_sentences_match_the_figures(report_ctx: AppContext, tmp_path: Path) -> None:
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
    text = flat(pdf_text(render(data, tmp_path / "s.pdf")[0]))
    for sentence in sentences:
        assert sentence in text


@pytest.mark.slow
def test_take_down_appears_under_handlungsbedarf_without_names(
    report_ctx: AppContext, tmp_path: Path
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


@pytest.mark.slow
def test_no_percentage_change_over_fewer_than_five_posts(
    report_ctx: AppContext, tmp_path: Path
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


@pytest.mark.slow
def test_partial_weeks_are_marked(report_ctx: AppContext) -> None:
    (acc,) = september(report_ctx).accounts
    first, last = acc.weekly_views[0], acc.weekly_views[-1]
    # 1 Sept 2026 is a Tuesday: KW 36 has 6 days in September; 30 Sept a Wednesday: 3 days
    assert (first.week, first.days, first.label) == (36, 6, "KW 36 (6 T.)")
    assert (last.week, last.days, last.label) == (40, 3, "KW 40 (3 T.)")
    assert all(not w.partial for w in acc.weekly_views[1:-1])


@pytest.mark.slow
def test_recruiting_typed_in_and_imported_appear_with_the_previous_period(
    report_ctx: AppContext,
    tmp_path: Path,
    db_address: object,
    open_again: object,
    capsys: pytest.CaptureFixture[str],
) -> None:
    service = RecruitingService(report_ctx)
    service.save(dt.date(2026, 8, 14), "@Stadt_Musterhausen", 7, 180, "Sommerferien")
    csv_file = tmp_path / "recruiting.csv"
    csv_file.write_text(
        "Monat;Konto;Bewerbungen;Klicks Karriere-Link;Notiz\n"
        "2026-09;stadt_musterhausen;12;310;Ausbildungsmesse\n",
        encoding="utf-8-sig",
    )
    report_ctx.db.close()
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


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "expected"), [("de", "1.234.400 % mehr"), ("en", "1,234,400% more")]
)
def test_the_summary_change_is_formatted_like_every_percentage(
    report_ctx: AppContext, lang: str, expected: str
) -> None:
    """The summary's change goes through fmt_pct (thousands separators), not by hand."""
    from tikdesk.domain.i18n import set_language

    data = september(report_ctx)
    (acc,) = data.accounts
    kpis = tuple(
        dataclasses.replace(k, current=123_450, previous=10) if k.key == "views" else k
        for k in acc.kpis
    )
    data = dataclasses.replace(data, accounts=(dataclasses.replace(acc, kpis=kpis),))
    set_language(lang)
    assert expected in summary_sentences(data)[1]
