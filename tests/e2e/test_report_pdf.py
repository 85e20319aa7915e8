"""Management report as PDF (Typst, tagged), the CLI command, and the optional LibreOffice
check."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from report_fixtures import (
    ADULT,
    MINOR,
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
from tikdesk.domain.report import Period
from tikdesk.services.report import ReportService

if TYPE_CHECKING:
    from tikdesk.services.context import AppContext


@pytest.fixture
def report_ctx(ctx: AppContext, samples: Path, tmp_path: Path) -> AppContext:
    return prepare(ctx, samples, tmp_path)


def write_pdf(ctx: AppContext, tmp_path: Path, name: str, **kw: object) -> Path:
    files = ReportService(ctx).create(
        Period(*SEPTEMBER), tmp_path / f"{name}.xlsx", pdf=tmp_path / f"{name}.pdf",
        today=TODAY, **kw,  # type: ignore[arg-type]
    )  # fmt: skip
    assert files.pdf == tmp_path / f"{name}.pdf"
    return files.pdf


@pytest.mark.slow
def test_pdf_pages_and_content(report_ctx: AppContext, tmp_path: Path) -> None:
    pdf = write_pdf(report_ctx, tmp_path, "bericht")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    # one account: overview, posts (5 rows) and formats, pipeline, Handlungsbedarf: the
    # sections flow, so they take three pages (Qt's fixed pages took four)
    pages = pdf_pages(data)
    assert pages == 3
    text = pdf_text(data)
    assert ORGANISATION in text
    for section in ("Überblick", "Beiträge", "Formate", "Redaktion", "Handlungsbedarf"):
        assert f"TikTok-Bericht September 2026 – {section}" in text
    assert f"Seite {pages} / {pages}" in text
    # KPIs as the head of office reads them (German separators)
    assert "64.669" in text and "88.351" in text and "-26,8 %" in text
    assert "Interaktionsrate nach Format (Median)" in text


@pytest.mark.slow
def test_pdf_pages_grow_with_posts_and_accounts(report_ctx: AppContext, tmp_path: Path) -> None:
    import pypdf

    from tikdesk.domain.report import AttentionItem, PostRow
    from tikdesk.pdf.report import render_report

    data = ReportService(report_ctx).build(Period(*SEPTEMBER), today=TODAY)
    (acc,) = data.accounts
    other = dataclasses.replace(acc, account="feuerwehr")
    counts = []
    for rows in (5, 40, 120):
        posts = tuple(
            PostRow(dt.date(2026, 9, 1 + i % 30), f"Beitrag {i}", "Tanz", "Allgemein", 10, 1,
                    1, 1, 0.3)
            for i in range(rows)
        )  # fmt: skip
        # as many videos to take down: a long Handlungsbedarf list flows on, never leaving
        # its heading alone on a page
        downs = tuple(AttentionItem(dt.date(2026, 9, 2), f"Video {i}", "Einwilligung fehlt")
                      for i in range(rows))  # fmt: skip
        bigger = dataclasses.replace(
            data, accounts=(dataclasses.replace(acc, posts=posts), other),
            attention=dataclasses.replace(data.attention, take_downs=downs),
        )  # fmt: skip
        path = tmp_path / f"gross-{rows}.pdf"
        render_report(bigger, path)
        raw = path.read_bytes()
        counts.append(pdf_pages(raw))
        text = flat(pdf_text(raw))
        assert all(f"Beitrag {i} Tanz" in text for i in range(rows))  # every row, whole
        assert all(f"Video {i} Einwilligung fehlt" in text for i in range(rows))
        assert "Konto @feuerwehr" in text
        # no empty page: every page carries more than its running header and footer
        for page in pypdf.PdfReader(path).pages:
            assert len(page.extract_text().split()) > 30
    # more posts, more pages; 115 more rows fit on about four more pages (header repeated)
    assert counts[0] < counts[1] < counts[2] <= counts[0] + 9


@pytest.mark.slow
def test_pdf_names_only_with_the_choice_never_minors(
    report_ctx: AppContext, tmp_path: Path
) -> None:
    plain = pdf_text(write_pdf(report_ctx, tmp_path, "ohne").read_bytes())
    assert "Takeover mit […]" in plain  # the decoder sees the titles …
    assert names_in(plain) == []  # … but no names
    named = pdf_text(write_pdf(report_ctx, tmp_path, "mit", with_names=True).read_bytes())
    assert ADULT in named
    assert "personenbezogene Daten" in named
    assert names_in(named, [MINOR, *MINOR.split()]) == []


@pytest.mark.slow
def test_cli_report_exit_codes(report_ctx: AppContext, db_path: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    report_ctx.db.close()
    out = tmp_path / "cli.xlsx"
    base = ["--db", str(db_path), "report", "--from", "2026-09-01", "--to", "2026-09-30"]
    assert app.main([*base, "--out", str(out), "--pdf", str(tmp_path / "cli.pdf")]) == 0
    assert out.exists() and pdf_pages((tmp_path / "cli.pdf").read_bytes()) == 3
    assert "cli.xlsx" in capsys.readouterr().out
    assert app.main([*base, "--out", str(out), "--account", "stadt_musterhausen",
                     "--with-names"]) == 0  # fmt: skip
    # refused: unknown account, period ending before it starts, missing database
    assert app.main([*base, "--out", str(out), "--account", "nobody"]) == 1
    assert "nobody" in capsys.readouterr().err
    swapped = ["--db", str(db_path), "report", "--from", "2026-09-30", "--to", "2026-09-01"]
    assert app.main([*swapped, "--out", str(out)]) == 1
    missing = ["--db", str(tmp_path / "none.sqlite"), *base[2:], "--out", str(out)]
    assert app.main(missing) == 1
    # usage: impossible date, missing option
    with pytest.raises(SystemExit) as exc:
        app.main(["--db", str(db_path), "report", "--from", "2026-02-31", "--to",
                  "2026-03-01", "--out", str(out)])  # fmt: skip
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        app.main(["--db", str(db_path), "report", "--from", "2026-09-01", "--out", str(out)])
    assert exc.value.code == 2


@pytest.mark.slow
def test_cli_writes_the_pdf_itself_without_qt(report_ctx: AppContext, db_path: Path,
                                              tmp_path: Path) -> None:  # fmt: skip
    """The command line renders the PDF on its own (Typst): no renderer injected, and Qt is
    never imported (a fresh interpreter, as ``tikdesk-cli`` runs)."""
    import os
    import sys

    report_ctx.db.close()
    argv = ["--db", str(db_path), "report", "--from", "2026-09-01", "--to", "2026-09-30",
            "--out", str(tmp_path / "x.xlsx"), "--pdf", str(tmp_path / "x.pdf")]  # fmt: skip
    code = (
        "import sys; from tikdesk import app; rc = app.main(sys.argv[1:]); "
        "qt = sorted(m for m in sys.modules if m.startswith('PySide6')); "
        "print('QT', qt); sys.exit(rc)"
    )
    env = {**os.environ, "TIKDESK_HOME": str(tmp_path / "home")}
    result = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True,
                            text=True, env=env, timeout=120, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "QT []" in result.stdout
    assert (tmp_path / "x.xlsx").exists()
    assert b"/StructTreeRoot" in (tmp_path / "x.pdf").read_bytes()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_the_workbook_and_the_pdf(report_ctx: AppContext, tmp_path: Path) -> None:
    """Optional: LibreOffice headless converts the workbook to PDF without error."""
    pdf = write_pdf(report_ctx, tmp_path, "lo", with_names=True)
    converted = tmp_path / "converted"
    for source in (tmp_path / "lo.xlsx", pdf):
        result = subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
             "--convert-to", "pdf", "--outdir", str(converted / source.suffix[1:]),
             str(source)],
            capture_output=True, text=True, timeout=180, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
    data = (converted / "xlsx" / "lo.pdf").read_bytes()
    assert pdf_pages(data) >= 4  # four sheets, each at least one page
