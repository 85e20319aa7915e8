"""Report output targets are checked before anything is written; the sheet names are the
contract of issue 6 in every language (review findings)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest
from report_fixtures import SEPTEMBER, TODAY, prepare

from tikdesk import app
from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import set_language
from tikdesk.domain.report import Period
from tikdesk.services.report import ReportService

if TYPE_CHECKING:
    from tikdesk.services.context import AppContext


@pytest.fixture
def report_ctx(ctx: AppContext, samples: Path, tmp_path: Path) -> AppContext:
    return prepare(ctx, samples, tmp_path)


pytestmark = pytest.mark.usefixtures("qapp")


def written(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.suffix.lower() in (".xlsx", ".pdf"))


def cli(db_path: Path, *out: str) -> int:
    return app.main(["--db", str(db_path), "report", "--from", "2026-09-01", "--to",
                     "2026-09-30", *out])  # fmt: skip


@pytest.fixture
def out(report_ctx: AppContext, tmp_path: Path) -> Path:
    """An empty output folder; the database closed so that the CLI can open it."""
    report_ctx.db.close()
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_cli_unwritable_pdf_target_writes_no_workbook(
    out: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(db_path, "--out", str(out / "r.xlsx"), "--pdf", "/nonexistent/dir/r.pdf") == 1
    assert "/nonexistent/dir" in capsys.readouterr().err
    assert written(out) == [] and list(out.iterdir()) == []


@pytest.mark.slow
def test_cli_wrong_extension_is_a_usage_error_and_writes_nothing(
    out: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (["--out", str(out / "r6.csv")],
                 ["--out", str(out / "r.xlsx"), "--pdf", str(out / "r.txt")]):  # fmt: skip
        with pytest.raises(SystemExit) as exc:
            cli(db_path, *args)
        assert exc.value.code == 2
        err = capsys.readouterr().err
        assert ("r6.csv" in err and ".xlsx" in err) or ("r.txt" in err and ".pdf" in err)
    assert list(out.iterdir()) == []


@pytest.mark.slow
def test_service_checks_both_targets_before_writing(report_ctx: AppContext, tmp_path: Path) -> None:
    service = ReportService(report_ctx)
    out = tmp_path / "out"
    out.mkdir()
    (out / "folder.pdf").mkdir()
    bad_pdf = [tmp_path / "missing" / "r.pdf", out / "r.docx", out / "folder.pdf"]
    for pdf in bad_pdf:
        with pytest.raises(InputRejected):
            service.create(Period(*SEPTEMBER), out / "r.xlsx", pdf=pdf, today=TODAY)
    with pytest.raises(InputRejected):
        service.create(Period(*SEPTEMBER), out / "r6.csv", today=TODAY)
    assert [p.name for p in out.iterdir()] == ["folder.pdf"]


@pytest.mark.slow
def test_a_failing_pdf_leaves_no_workbook(
    report_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_data: object, _path: Path) -> None:
        raise InputRejected("renderer failed")

    monkeypatch.setattr("tikdesk.pdf.report.render_report", broken)
    with pytest.raises(InputRejected):
        ReportService(report_ctx).create(
            Period(*SEPTEMBER), tmp_path / "r.xlsx", pdf=tmp_path / "r.pdf", today=TODAY
        )
    assert written(tmp_path) == []


@pytest.mark.slow
def test_sheet_names_are_the_contract_in_english(report_ctx: AppContext, tmp_path: Path) -> None:
    set_language("en")
    files = ReportService(report_ctx).create(Period(*SEPTEMBER), tmp_path / "en.xlsx", today=TODAY)
    wb = openpyxl.load_workbook(files.workbook)
    assert wb.sheetnames[:4] == ["Überblick", "Beiträge", "Formate", "Redaktion"]
    texts = [c for row in wb["Überblick"].iter_rows(values_only=True) for c in row if c]
    assert any(isinstance(c, str) and "Overview" in c for c in texts)  # headings stay English


@pytest.mark.slow
def test_a_pdf_that_cannot_replace_the_old_one_keeps_the_old_workbook(
    report_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF is renamed into place before the workbook: if its rename fails (on Windows: the
    PDF opened in a viewer after the check), the old workbook stays as it was (review)."""
    out = tmp_path / "out"
    out.mkdir()
    book, pdf = out / "r.xlsx", out / "r.pdf"
    book.write_bytes(b"old workbook")

    def blocked(_data: object, path: Path) -> None:
        path.write_bytes(b"%PDF-1.7 new")
        pdf.mkdir()  # after the check: the PDF can no longer replace its target
        (pdf / "inside.txt").write_text("x")

    monkeypatch.setattr("tikdesk.pdf.report.render_report", blocked)
    with pytest.raises(InputRejected) as exc:
        ReportService(report_ctx).create(Period(*SEPTEMBER), book, pdf=pdf, today=TODAY)
    assert "„" in str(exc.value) and "r.pdf" in str(exc.value)
    assert "Ordner" in str(exc.value) and "nichts geschrieben" in str(exc.value)
    assert book.read_bytes() == b"old workbook"
    assert sorted(p.name for p in out.iterdir()) == ["r.pdf", "r.xlsx"]  # no temp files left


def test_a_pdf_open_elsewhere_is_not_blamed_on_excel(tmp_path: Path) -> None:
    from tikdesk.excel.writing import _write_error

    for name in ("r.pdf", "r.xlsx"):
        target = tmp_path / name
        target.write_bytes(b"x")
        text = str(_write_error(target, PermissionError(13, "in use")))
        assert f"„{name}“" in text
        assert ("Excel" in text) == (name == "r.xlsx")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_missing_pdf_font_names_the_installation_not_the_file(
    report_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Was "„r.pdf“ kann nicht geschrieben werden: the PDF font is missing …": English
    inside German, blaming the target file (review)."""
    from tikdesk import paths
    from tikdesk.pdf import engine

    shipped = paths.resource_dir()
    broken = tmp_path / "resources"
    broken.mkdir()
    (broken / "pdf").symlink_to(shipped / "pdf")
    (broken / "fonts").mkdir()
    monkeypatch.setattr(paths, "resource_dir", lambda: broken)
    monkeypatch.setattr(engine, "_compiler", None)
    set_language(lang)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(engine.PdfError) as exc:
        ReportService(report_ctx).create(
            Period(*SEPTEMBER), out / "r.xlsx", pdf=out / "r.pdf", today=TODAY
        )
    text = str(exc.value)
    assert str(broken / "fonts") in text and "r.pdf" not in text
    if lang == "de":
        assert "Schrift" in text and "neu installieren" in text and "is missing" not in text
    else:
        assert "font" in text and "reinstall" in text
    assert list(out.iterdir()) == []


def test_an_unfinished_pdf_is_a_german_pdf_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Typst returning a cut-off PDF was an English OSError blamed on the target file."""
    from tikdesk.pdf import engine

    class Truncating:
        def compile(self, **_kwargs: object) -> bytes:
            return b"%PDF-1.7 cut off"

    monkeypatch.setattr(engine, "compiler", Truncating)
    with pytest.raises(engine.PdfError) as exc:
        engine.compile_pdf("report.typ", {})
    assert "konnte nicht fertig erstellt werden" in str(exc.value)
