"""The management report as PDF, drawn with Qt's own PDF writer (no extra library).

Same content as the workbook, in the same words (:func:`tikdesk.domain.report.texts`): per
account an overview page (KPIs with the comparison period, charts of followers and weekly
views), the posts (:data:`ROWS_PER_PAGE` per page, header repeated, the top 10 marked) and a
formats page (tables and a chart of engagement by format); at the end one pipeline page.
Every page has the organisation, title and period at the top and the privacy note and
"page n / N" at the bottom.  A4 landscape; all drawing is in points (1/72 inch).

:func:`render_pdf` needs a ``QGuiApplication`` (fonts); :func:`render_pdf_headless` makes an
offscreen one first — the command line gets that one injected by the composition root.
"""

from __future__ import annotations

import errno
import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from tikdesk import paths
from tikdesk.domain.i18n import language, msg
from tikdesk.domain.report import (
    AccountReport,
    AttentionItem,
    GroupRow,
    KpiKind,
    PostRow,
    ReportData,
    Texts,
    fmt_day,
    glossary,
    summary_sentences,
    texts,
)

ROWS_PER_PAGE = 24
PAGE_W, PAGE_H = 842.0, 595.0  # A4 landscape in points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 36.0, 30.0, 28.0
CONTENT_TOP = MARGIN_TOP + 22  # below the running header
CONTENT_BOTTOM = PAGE_H - MARGIN_BOTTOM - 16  # above the running footer
BLUE = QColor("#1F4E79")
BAR = QColor("#2E75B6")
GRID = QColor("#D9D9D9")
BORDER = QColor("#BFBFBF")
MUTED = QColor("#595959")
TOP_FILL = QColor("#FFF2CC")
WARN_FILL = QColor("#FFC7CE")
WARN_TEXT = QColor("#9C0006")
RESOLUTION = 600

_app: QGuiApplication | None = None  # kept alive for the command line
FONT_FILES = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf")
MIN_FONT = 5.5  # text that does not fit is set smaller down to this, then wrapped
_family: str | None = None
_CLIPPED: list[str] = []  # texts drawn too big for their box during the current write


def font_family() -> str:
    """The shipped Liberation Sans (SIL OFL, metric-compatible with Arial), loaded once into
    Qt's font database, so every machine lays the PDF out alike and embeds the same font."""
    global _family
    if _family is None:
        folder = paths.resource_dir() / "fonts"
        families: list[str] = []
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(folder / name))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
        if not families:
            raise OSError(errno.ENOENT, f"the report font is missing in {folder}")
        _family = families[0]
    return _family


def ensure_gui_app() -> None:
    """A QGuiApplication for drawing a PDF where Qt is not running (the command line):
    offscreen on a Linux machine without a display."""
    global _app
    if QGuiApplication.instance() is None:
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([sys.argv[0] if sys.argv else "tikdesk"])


def render_pdf_headless(data: ReportData, path: Path) -> None:
    """:func:`render_pdf` for callers without Qt running (the command line)."""
    ensure_gui_app()
    render_pdf(data, path)


def render_pdf(data: ReportData, path: Path) -> None:
    """Write ``data`` as a PDF to ``path`` (the caller takes care of temp file and rename)."""
    _Document(data).write(Path(path))


def page_count(data: ReportData) -> int:
    """How many pages :func:`render_pdf` writes for ``data``."""
    return len(_Document(data).pages)


@contextmanager
def pdf_painter(
    path: Path, title: str, orientation: QPageLayout.Orientation, *, pdf_a: bool = True
) -> Iterator[tuple[QPainter, QPdfWriter]]:
    """A painter on an A4 PDF drawn in memory, for every PDF TikDesk writes.

    Qt reports no write error of its own (a full disk leaves a cut-off file behind): so Qt
    only draws, and on leaving the block every step is checked (the painter ended, the
    bytes a complete PDF) and Python writes them with :func:`_write_synced`, where a full
    disk raises OSError.  An error inside the block writes nothing."""
    buffer = QBuffer()
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(errno.EIO, f"cannot draw the PDF for {path}")
    writer = QPdfWriter(buffer)
    if pdf_a:
        writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)  # PDF/A for files
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("TikDesk")
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0))
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(errno.EIO, f"cannot draw the PDF for {path}")
    try:
        yield painter, writer
    finally:
        finished = painter.end()
    pdf = bytes(buffer.data().data())
    if not finished or not pdf.startswith(b"%PDF") or b"%%EOF" not in pdf[-64:]:
        raise OSError(errno.EIO, f"the PDF for {path} could not be finished")
    _write_synced(path, pdf)


def _write_synced(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` and on to the disk; any failure (a full disk) raises OSError.

    The caller (:func:`tikdesk.excel.writing.atomic_target`) then removes the file and keeps
    an existing one."""
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


# ----------------------------------------------------------------------------- formatting
def _locale() -> QLocale:
    if language() == "de":
        return QLocale(QLocale.Language.German, QLocale.Country.Germany)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def fmt_int(value: float | None) -> str:
    return "–" if value is None else _locale().toString(float(round(value)), "f", 0)


def fmt_pct(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "–"
    text = _locale().toString(value * 100, "f", 1) + " %"
    return ("+" + text) if signed and value > 0 else text


def fmt_signed(value: float | None) -> str:
    if value is None:
        return "–"
    return ("+" if value > 0 else "") + fmt_int(value)


def fmt_points(value: float | None) -> str:
    """A difference of two rates, in percentage points."""
    if value is None:
        return "–"
    unit = " Pp." if language() == "de" else " pp"
    return ("+" if value > 0 else "") + _locale().toString(value * 100, "f", 1) + unit


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round axis ticks (1, 2, 5 × 10ⁿ) covering ``low``…``high``."""
    if high <= low:
        high = low + 1
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


# ----------------------------------------------------------------------------- the document
Page = Callable[[QPainter], None]
Block = tuple[float, Callable[[QPainter, float], float]]  # height, draw(painter, y) → next y


class _Document:
    def __init__(self, data: ReportData) -> None:
        self.data = data
        self.t: Texts = texts()
        self.family = font_family()
        self.multi = len(data.accounts) > 1
        self.logo = QImage(data.logo_path) if data.logo_path.strip() else QImage()
        #: every text that did not fit its box even set small and wrapped (after write)
        self.clipped: list[str] = []
        self.pages: list[Page] = []
        for index, acc in enumerate(data.accounts):
            self.pages.append(partial(self.overview_page, acc=acc, first=index == 0))
            chunks = [acc.posts[i : i + ROWS_PER_PAGE] for i in
                      range(0, len(acc.posts), ROWS_PER_PAGE)] or [()]  # fmt: skip
            for number, chunk in enumerate(chunks):
                last = number == len(chunks) - 1
                formats_here = last and self.formats_fit(acc, len(chunk))
                self.pages.append(partial(self.posts_page, acc=acc, posts=chunk,
                                          first=number == 0, formats=formats_here))  # fmt: skip
            if not self.formats_fit(acc, len(chunks[-1])):
                self.pages.append(partial(self.formats_page, acc=acc))
        blocks = self.closing_blocks()
        # the Handlungsbedarf lists start below the pipeline tables when they fit there
        free = CONTENT_BOTTOM - self.heading_height() - self.pipeline_height() - 10
        below: list[Block] = []
        while blocks and sum(b[0] for b in below) + blocks[0][0] <= free:
            below.append(blocks.pop(0))
        self.pages.append(partial(self.pipeline_page, extra=below))
        while blocks:  # Handlungsbedarf lists and glossary flow over as many pages as needed
            page_blocks: list[Block] = []
            height = 0.0
            room = CONTENT_BOTTOM - self.heading_height()
            while blocks and (not page_blocks or height + blocks[0][0] <= room):
                block = blocks.pop(0)
                page_blocks.append(block)
                height += block[0]
            self.pages.append(partial(self.closing_page, blocks=page_blocks))

    # ---------------------------------------------------------------- fonts and text
    @staticmethod
    def font(size: float, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(font_family())
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setPixelSize(max(1, round(size)))  # the painter is scaled to points: px = pt
        font.setBold(bold)
        font.setItalic(italic)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        if size != round(size):
            font.setPointSizeF(size * 0.75)  # fractional sizes when set smaller to fit
        return font

    @staticmethod
    def text(
        p: QPainter,
        rect: QRectF,
        text: str,
        font: QFont,
        color: QColor | None = None,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        """Draw ``text`` in ``rect`` whole: set smaller, then wrapped, never elided or cut;
        what still does not fit is recorded in :attr:`clipped`."""
        p.setPen(color or QColor("black"))
        flags = int(align | Qt.AlignmentFlag.AlignVCenter)
        wrap = flags | int(Qt.TextFlag.TextWordWrap)
        size = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() / 0.75
        candidate = QFont(font)
        while True:
            metrics = QFontMetricsF(candidate)
            if metrics.horizontalAdvance(text) <= rect.width() + 0.01:
                p.setFont(candidate)
                p.drawText(rect, flags, text)
                return
            bound = metrics.boundingRect(rect, wrap, text)
            longest = max((metrics.horizontalAdvance(w) for w in text.split()), default=0.0)
            if bound.height() <= rect.height() + 0.5 and longest <= rect.width() + 0.01:
                p.setFont(candidate)
                p.drawText(rect, wrap, text)
                return
            if size <= MIN_FONT:
                _CLIPPED.append(text)
                p.setFont(candidate)
                p.drawText(rect, wrap, text)
                return
            size = max(MIN_FONT, size - 0.5)
            candidate = QFont(font)
            candidate.setPointSizeF(size * 0.75)

    # ---------------------------------------------------------------- writing
    def write(self, path: Path) -> None:
        """Draw every page through :func:`pdf_painter` (checked, then written by Python)."""
        del _CLIPPED[:]
        landscape = QPageLayout.Orientation.Landscape
        with pdf_painter(path, self.data.title, landscape) as (painter, writer):
            try:
                scale = RESOLUTION / 72.0
                for number, page in enumerate(self.pages, start=1):
                    if number > 1 and not writer.newPage():
                        raise OSError(errno.EIO, f"cannot add page {number} to the PDF for {path}")
                    painter.save()
                    painter.scale(scale, scale)
                    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                    self.frame(painter, number)
                    page(painter)
                    painter.restore()
            finally:
                self.clipped = list(_CLIPPED)
                del _CLIPPED[:]

    def frame(self, p: QPainter, number: int) -> None:
        d, t = self.data, self.t
        width = PAGE_W - 2 * MARGIN_X
        y = MARGIN_TOP
        # measured: the period and the title take what they need, the organisation the rest
        metrics = QFontMetricsF(self.font(8))
        span = f"{t.period}: {d.period.span}"
        right_w = metrics.horizontalAdvance(span) + 4
        title_w = metrics.horizontalAdvance(d.title) + 4
        org_w = width - right_w - title_w - 24
        self.text(p, QRectF(MARGIN_X, y - 2, org_w, 15), d.organisation or "TikDesk",
                  self.font(8, bold=True))  # fmt: skip
        self.text(p, QRectF(MARGIN_X + org_w + 12, y, title_w, 12), d.title, self.font(8))
        self.text(p, QRectF(PAGE_W - MARGIN_X - right_w, y, right_w, 12), span, self.font(8),
                  align=Qt.AlignmentFlag.AlignRight)  # fmt: skip
        p.setPen(QPen(BORDER, 0.5))
        p.drawLine(QPointF(MARGIN_X, y + 15), QPointF(PAGE_W - MARGIN_X, y + 15))
        bottom = PAGE_H - MARGIN_BOTTOM
        p.drawLine(QPointF(MARGIN_X, bottom - 13), QPointF(PAGE_W - MARGIN_X, bottom - 13))
        note = t.personal_data if d.with_names else t.no_names
        self.text(p, QRectF(MARGIN_X, bottom - 11, width * 0.8, 11), note,
                  self.font(7, bold=d.with_names),
                  WARN_TEXT if d.with_names else MUTED)  # fmt: skip
        self.text(p, QRectF(MARGIN_X + width * 0.8, bottom - 11, width * 0.2, 11),
                  f"{t.page} {number} / {len(self.pages)}", self.font(8),
                  align=Qt.AlignmentFlag.AlignRight)  # fmt: skip

    def heading(self, p: QPainter, subtitle: str, with_logo: bool = False) -> float:
        """Organisation, title, period and privacy lines; returns the next free y."""
        d, t = self.data, self.t
        width = PAGE_W - 2 * MARGIN_X
        y = CONTENT_TOP
        logo_w = 0.0
        if with_logo and not self.logo.isNull():
            height = 44.0
            logo_w = min(self.logo.width() * height / max(self.logo.height(), 1), 180.0)
            target = QRectF(PAGE_W - MARGIN_X - logo_w, y, logo_w, height)
            p.drawImage(target, self.logo)
        text_w = width - logo_w - 10
        self.text(p, QRectF(MARGIN_X, y, text_w, 20), d.organisation or "TikDesk",
                  self.font(15, bold=True), BLUE)  # fmt: skip
        self.text(p, QRectF(MARGIN_X, y + 20, text_w, 17), f"{d.title} – {subtitle}",
                  self.font(12, bold=True))  # fmt: skip
        line = (f"{t.period}: {d.period.span}   ·   {t.previous}: {d.previous.span}"
                f"   ·   {t.created} {fmt_day(d.created)}")  # fmt: skip
        self.text(p, QRectF(MARGIN_X, y + 38, text_w, 12), line, self.font(8))
        y += 52
        if d.with_names:
            rect = QRectF(MARGIN_X, y, width, 13)
            p.fillRect(rect, WARN_FILL)
            self.text(p, rect.adjusted(3, 0, -3, 0), t.personal_data,
                      self.font(8, bold=True), WARN_TEXT)  # fmt: skip
            y += 16
        return y + 6

    # ---------------------------------------------------------------- tables
    def table(
        self,
        p: QPainter,
        x: float,
        y: float,
        widths: Sequence[float],
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        right: Sequence[bool],
        *,
        fills: Sequence[QColor | None] = (),
        bold_rows: Sequence[bool] = (),
        row_h: float = 15.0,
        head_h: float = 24.0,
    ) -> float:
        """A bordered table with a blue header row; returns the y below it."""
        widths = self.fit_widths(widths, header, rows)
        total = sum(widths)
        p.fillRect(QRectF(x, y, total, head_h), BLUE)
        cx = x
        for width, head, is_right in zip(widths, header, right, strict=True):
            self.wrapped_header(p, QRectF(cx + 3, y, width - 6, head_h), head, is_right)
            cx += width
        y += head_h
        for index, row in enumerate(rows):
            fill = fills[index] if index < len(fills) else None
            if fill is not None:
                p.fillRect(QRectF(x, y, total, row_h), fill)
            bold = bold_rows[index] if index < len(bold_rows) else False
            cx = x
            for width, value, is_right in zip(widths, row, right, strict=True):
                align = Qt.AlignmentFlag.AlignRight if is_right else Qt.AlignmentFlag.AlignLeft
                self.text(p, QRectF(cx + 3, y, width - 6, row_h), value,
                          self.font(8, bold=bold), align=align)  # fmt: skip
                cx += width
            p.setPen(QPen(BORDER, 0.5))
            p.drawLine(QPointF(x, y + row_h), QPointF(x + total, y + row_h))
            y += row_h
        p.setPen(QPen(BORDER, 0.5))
        p.drawRect(QRectF(x, y - row_h * len(rows) - head_h, total, row_h * len(rows) + head_h))
        return y

    def wrapped_header(self, p: QPainter, rect: QRectF, text: str, right: bool) -> None:
        align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
        self.text(p, rect, text, self.font(8, bold=True), QColor("white"), align)

    def fit_widths(
        self, widths: Sequence[float], header: Sequence[str], rows: Sequence[Sequence[str]]
    ) -> list[float]:
        """Columns sized from measured text: each at least as wide as its longest header word
        and its widest cell; the widest column (the title) gives the room up."""
        bold = QFontMetricsF(self.font(8, bold=True))
        plain = QFontMetricsF(self.font(8))
        need = []
        for col, head in enumerate(header):
            words = max((bold.horizontalAdvance(w) for w in head.split()), default=0.0)
            cells = [plain.horizontalAdvance(r[col]) for r in rows if col < len(r)]
            need.append(max([words, *cells]) + 8)
        out = list(widths)
        flexible = max(range(len(out)), key=lambda i: out[i])
        for col, wanted in enumerate(need):
            if col != flexible and out[col] < wanted:
                out[flexible] -= wanted - out[col]
                out[col] = wanted
        return out

    def section(self, p: QPainter, x: float, y: float, width: float, text: str) -> float:
        self.text(p, QRectF(x, y, width, 15), text, self.font(11, bold=True), BLUE)
        return y + 18

    def note(self, p: QPainter, x: float, y: float, width: float, text: str) -> float:
        self.text(p, QRectF(x, y, width, 11), text, self.font(7, italic=True), MUTED)
        return y + 11

    # ---------------------------------------------------------------- pages
    def account_title(self, acc: AccountReport) -> str:
        return f"{self.t.account} {acc.title}"

    def summary_height(self) -> float:
        return 12.0 * len(summary_sentences(self.data)) + 8

    def overview_page(self, p: QPainter, acc: AccountReport, first: bool = True) -> None:
        d, t = self.data, self.t
        y = self.heading(p, t.sheet_overview, with_logo=True)
        width = PAGE_W - 2 * MARGIN_X
        if first:  # the summary in plain sentences, computed from the figures
            for sentence in summary_sentences(d):
                self.text(p, QRectF(MARGIN_X, y, width, 12), sentence, self.font(9))
                y += 12
            y += 8
        y = self.section(p, MARGIN_X, y, 400, self.account_title(acc))
        rows, bold = [], []
        for kpi in acc.kpis:
            rate = kpi.kind is KpiKind.RATE
            value = fmt_pct if rate else fmt_int
            rows.append([
                kpi.label, value(kpi.current), value(kpi.previous),
                fmt_points(kpi.change) if rate else fmt_signed(kpi.change),
                kpi.basis_note if kpi.too_few_posts else fmt_pct(kpi.change_pct, signed=True),
            ])  # fmt: skip
            bold.append(kpi.key in ("growth", "views"))
        for rec in acc.recruiting:  # beside reach, with the previous period
            change = None if rec.current is None or rec.previous is None else (
                rec.current - rec.previous)  # fmt: skip
            pct = (None if change is None or not rec.previous
                   else change / rec.previous)  # fmt: skip
            rows.append([rec.label, fmt_int(rec.current), fmt_int(rec.previous),
                         fmt_signed(change), fmt_pct(pct, signed=True)])  # fmt: skip
            bold.append(False)
        widths = (190, 95, 95, 95, 95)
        header = (t.kpi, d.period.label, d.previous.label, t.change, t.change_pct)
        y = self.table(p, MARGIN_X, y, widths, header, rows, (False, True, True, True, True),
                       bold_rows=bold, row_h=14)  # fmt: skip
        y = self.note(p, MARGIN_X, y + 3, 570, t.rate_note)
        y = self.note(p, MARGIN_X, y, 570, t.followers_note)
        top = y + 10
        height = CONTENT_BOTTOM - top
        half = (PAGE_W - 2 * MARGIN_X - 20) / 2
        suffix = f" – {acc.title}" if self.multi else ""
        self.line_chart(p, QRectF(MARGIN_X, top, half, height),
                        t.chart_followers + suffix, acc.followers)  # fmt: skip
        weeks = [(w.label, w.views) for w in acc.weekly_views]
        self.column_chart(p, QRectF(MARGIN_X + half + 20, top, half, height),
                          t.chart_weekly + suffix, weeks)  # fmt: skip

    def formats_height(self, acc: AccountReport) -> float:
        body = sum(24 + 15 * len(g) + 14 if g else 28 for g in (acc.by_format, acc.by_audience))
        return 2 * 18 + body + 10

    def formats_fit(self, acc: AccountReport, rows: int) -> bool:
        """Whether the formats section fits below ``rows`` post rows on the same page."""
        used = 58 + (18 if self.multi else 0) + 14 + (24 + 15 * rows if rows else 14)
        return CONTENT_TOP + used + 20 + self.formats_height(acc) <= CONTENT_BOTTOM

    def posts_page(
        self,
        p: QPainter,
        acc: AccountReport,
        posts: Sequence[PostRow],
        first: bool,
        formats: bool = False,
    ) -> None:
        d, t = self.data, self.t
        y = self.heading(p, t.sheet_posts)
        title = self.account_title(acc) if self.multi or not first else ""
        if title:
            y = self.section(p, MARGIN_X, y, 400, title)
        y = self.note(p, MARGIN_X, y, 600, t.top_note) + 3
        if not posts:
            self.text(p, QRectF(MARGIN_X, y, 600, 14), t.no_posts, self.font(9))
            if formats:
                self.formats_section(p, acc, y + 34)
            return
        header = [t.date, t.title, t.format, t.audience, t.views, t.likes, t.comments,
                  t.shares, t.rate, t.rank, t.top]  # fmt: skip
        widths = [50.0, 0.0, 70, 66, 46, 38, 54, 40, 66, 28, 32]
        right = [False, False, False, False, True, True, True, True, True, True, False]
        if d.with_names:
            header.append(t.people)
            widths.append(110)
            right.append(False)
        widths[1] = PAGE_W - 2 * MARGIN_X - sum(widths)
        rows = []
        for post in posts:
            approx = "≈ " if post.approximate else ""
            row = [
                fmt_day(post.published), post.title, post.format, post.audience,
                approx + fmt_int(post.views), fmt_int(post.likes), fmt_int(post.comments),
                fmt_int(post.shares), fmt_pct(post.rate),
                "" if post.rank is None else str(post.rank), "★" if post.top else "",
            ]  # fmt: skip
            if d.with_names:
                row.append("; ".join(post.people))
            rows.append(row)
        fills = [TOP_FILL if post.top else None for post in posts]
        y = self.table(p, MARGIN_X, y, widths, header, rows, right, fills=fills)
        if formats:
            self.formats_section(p, acc, y + 20)

    def formats_page(self, p: QPainter, acc: AccountReport) -> None:
        t = self.t
        y = self.heading(p, t.sheet_formats)
        if self.multi:
            y = self.section(p, MARGIN_X, y, 400, self.account_title(acc))
        self.formats_section(p, acc, y)

    def formats_section(self, p: QPainter, acc: AccountReport, y: float) -> None:
        t = self.t
        widths = (150, 60, 90, 100)
        right = (False, True, True, True)

        def rows(groups: Sequence[GroupRow]) -> list[list[str]]:
            return [[g.label, str(g.posts), fmt_int(g.median_views), fmt_pct(g.median_rate)]
                    for g in groups]  # fmt: skip

        top = y
        for title, first, groups in ((t.by_format, t.format, acc.by_format),
                                     (t.by_audience, t.audience, acc.by_audience)):  # fmt: skip
            y = self.section(p, MARGIN_X, y, 400, title)
            if groups:
                header = (first, t.posts, t.median_views, t.median_rate)
                y = self.table(p, MARGIN_X, y, widths, header, rows(groups), right) + 14
            else:
                self.text(p, QRectF(MARGIN_X, y, 400, 14), t.no_posts, self.font(9))
                y += 28
        x = MARGIN_X + sum(widths) + 30
        bars = [(g.label, g.median_rate) for g in acc.by_format]
        height = max(min(CONTENT_BOTTOM - top, 60 + 26 * max(len(bars), 3)), y - top - 14)
        self.bar_chart(p, QRectF(x, top, PAGE_W - MARGIN_X - x, height),
                       t.chart_engagement, bars)  # fmt: skip

    def heading_height(self) -> float:
        """Where :meth:`heading` leaves the next free y."""
        return CONTENT_TOP + 52 + (16 if self.data.with_names else 0) + 6

    def pipeline_height(self) -> float:
        pl = self.data.pipeline

        def tables(sizes: Sequence[int]) -> float:
            return sum(18 + 17 + 15 * n + 16 for n in sizes)

        left = tables([len(pl.ideas_by_status), len(pl.posts_by_status)])
        return 17 + max(left, tables([2, 2]))

    def pipeline_page(self, p: QPainter, extra: Sequence[Block] = ()) -> None:
        d, t = self.data, self.t
        pl = d.pipeline
        y = self.heading(p, t.sheet_pipeline)
        y = self.note(p, MARGIN_X, y, 400, f"{t.as_of}: {fmt_day(pl.as_of)}") + 6
        widths = (250, 70)
        right = (False, True)
        left_tables = ((t.ideas_by_status, t.status, pl.ideas_by_status),
                       (t.posts_by_status, t.status, pl.posts_by_status))  # fmt: skip
        right_tables = (
            (f"{t.clearance} ({d.period.label})", t.kpi,
             ((t.published_clear, pl.published_clear),
              (t.published_overridden, pl.published_overridden))),
            (t.attention, t.kpi,
             ((t.open_blocked, pl.open_blocked),
              (f"{t.expiring} {pl.expiring_in.label}", pl.expiring_consents))),
        )  # fmt: skip
        for x, tables in ((MARGIN_X, left_tables), (MARGIN_X + 370, right_tables)):
            cy = y
            for title, first, pairs in tables:
                cy = self.section(p, x, cy, 340, title)
                body = [[label, fmt_int(count)] for label, count in pairs]
                cy = self.table(p, x, cy, widths, (first, t.count), body, right,
                                head_h=17) + 16  # fmt: skip
        y = self.heading_height() + self.pipeline_height() + 10
        for _height, draw in extra:
            y = draw(p, y)

    def closing_blocks(self) -> list[Block]:
        """Handlungsbedarf lists and the glossary, as blocks of known height."""
        a = self.data.attention
        blocks: list[Block] = []
        month = a.next_month.label if a.next_month is not None else ""
        lists = (
            (msg("Zu entfernende Videos (Grund, ohne Namen)",
                 "Videos to take down (reason, no names)"), a.take_downs),
            (msg("Veröffentlicht ohne vollständige Freigabe",
                 "Published without complete approval"), a.without_approval),
            (msg(f"Blockierte Beiträge, geplant im {month}",
                 f"Blocked posts planned in {month}"), a.blocked_next_month),
        )  # fmt: skip
        for title, items in lists:
            blocks.append((18 + 24 + 15 * max(len(items), 1) + 12,
                           partial(self.attention_list, title=title, items=items)))  # fmt: skip
        notes = [msg(
            f"Einwilligungen, die im {month} enden: {a.consents_ending} "
            "(Namen stehen in TikDesk unter Personen & Einwilligungen).",
            f"Consents ending in {month}: {a.consents_ending} (names in TikDesk under "
            "People & consent).")]  # fmt: skip
        if a.videos_without_post:
            notes.append(msg(
                f"{a.videos_without_post} veröffentlichte Videos sind keinem Beitrag in TikDesk "
                "zugeordnet: für sie ist keine Freigabe dokumentiert. Zuordnen unter "
                "Auswertung › Videos ohne Beitrag.",
                f"{a.videos_without_post} published videos are linked to no post in TikDesk: "
                "no clearance is documented for them. Link them under Analytics › Videos "
                "without a post."))  # fmt: skip
        blocks.append((12.0 * len(notes) + 10, partial(self.notes_block, notes=notes)))
        entries = glossary()
        blocks.append((18 + 11.0 * len(entries) + 6, partial(self.glossary_block)))
        return blocks

    def attention_list(
        self, p: QPainter, y: float, title: str, items: Sequence[AttentionItem]
    ) -> float:
        t = self.t
        y = self.section(p, MARGIN_X, y, 600, title)
        rows = [[fmt_day(i.day) if i.day else "–", i.title, i.reason] for i in items]
        if not rows:
            rows = [["", msg("keine", "none"), ""]]
        reason = msg("Grund / Bedeutung", "Reason / meaning")
        widths = (60.0, 330.0, PAGE_W - 2 * MARGIN_X - 390)
        return self.table(p, MARGIN_X, y, widths, (t.date, t.title, reason), rows,
                          (False, False, False)) + 12  # fmt: skip

    def notes_block(self, p: QPainter, y: float, notes: Sequence[str]) -> float:
        for note in notes:
            self.text(p, QRectF(MARGIN_X, y, PAGE_W - 2 * MARGIN_X, 12), note, self.font(8))
            y += 12
        return y + 10

    def glossary_block(self, p: QPainter, y: float) -> float:
        y = self.section(p, MARGIN_X, y, 600, msg("Begriffe", "Glossary"))
        for term, meaning in glossary():
            self.text(p, QRectF(MARGIN_X, y, 180, 11), term, self.font(8, bold=True))
            self.text(p, QRectF(MARGIN_X + 185, y, PAGE_W - 2 * MARGIN_X - 185, 11), meaning,
                      self.font(8))  # fmt: skip
            y += 11
        return y + 6

    def closing_page(self, p: QPainter, blocks: Sequence[Block]) -> None:
        y = self.heading(p, self.t.attention)
        for _height, draw in blocks:
            y = draw(p, y)

    # ---------------------------------------------------------------- charts
    def chart_frame(self, p: QPainter, rect: QRectF, title: str) -> QRectF:
        p.setPen(QPen(BORDER, 0.5))
        p.drawRect(rect)
        self.text(p, QRectF(rect.x(), rect.y() + 4, rect.width(), 16), title,
                  self.font(10, bold=True), align=Qt.AlignmentFlag.AlignHCenter)  # fmt: skip
        return rect.adjusted(52, 28, -14, -30)

    def y_axis(self, p: QPainter, plot: QRectF, ticks: Sequence[float],
               label: Callable[[float], str]) -> Callable[[float], float]:  # fmt: skip
        low, high = ticks[0], ticks[-1]

        def to_y(value: float) -> float:
            return plot.bottom() - (value - low) / (high - low or 1) * plot.height()

        for tick in ticks:
            ty = to_y(tick)
            p.setPen(QPen(GRID, 0.5))
            p.drawLine(QPointF(plot.left(), ty), QPointF(plot.right(), ty))
            self.text(p, QRectF(plot.left() - 50, ty - 6, 46, 12), label(tick),
                      self.font(7), align=Qt.AlignmentFlag.AlignRight)  # fmt: skip
        return to_y

    def empty_chart(self, p: QPainter, plot: QRectF) -> None:
        self.text(p, plot, self.t.no_data, self.font(9, italic=True), MUTED,
                  Qt.AlignmentFlag.AlignHCenter)  # fmt: skip

    def line_chart(self, p: QPainter, rect: QRectF, title: str,
                   points: Sequence[tuple[object, int]]) -> None:  # fmt: skip
        plot = self.chart_frame(p, rect, title)
        if not points:
            self.empty_chart(p, plot)
            return
        values = [v for _, v in points]
        ticks = nice_ticks(min(values), max(values))
        to_y = self.y_axis(p, plot, ticks, fmt_int)
        n = len(points)

        def to_x(i: int) -> float:
            return plot.left() + (i / (n - 1) if n > 1 else 0.5) * plot.width()

        path = QPainterPath(QPointF(to_x(0), to_y(values[0])))
        for i, value in enumerate(values[1:], start=1):
            path.lineTo(QPointF(to_x(i), to_y(value)))
        p.setPen(QPen(BLUE, 1.6))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        step = max(1, math.ceil(n / 8))
        for i in range(0, n, step):
            day = points[i][0]
            text = day.strftime("%d.%m.") if hasattr(day, "strftime") else str(day)
            self.text(p, QRectF(to_x(i) - 20, plot.bottom() + 4, 40, 10), text,
                      self.font(7), align=Qt.AlignmentFlag.AlignHCenter)  # fmt: skip

    def column_chart(self, p: QPainter, rect: QRectF, title: str,
                     bars: Sequence[tuple[str, int | None]]) -> None:  # fmt: skip
        plot = self.chart_frame(p, rect, title)
        known = [v for _, v in bars if v is not None]
        if not known:
            self.empty_chart(p, plot)
            return
        ticks = nice_ticks(0, max(known))
        to_y = self.y_axis(p, plot, ticks, fmt_int)
        slot = plot.width() / len(bars)
        step = max(1, math.ceil(len(bars) / 14))
        for i, (label, value) in enumerate(bars):
            x = plot.left() + i * slot
            if value is not None:
                top = to_y(max(value, 0))
                p.fillRect(QRectF(x + slot * 0.18, top, slot * 0.64, plot.bottom() - top), BAR)
            if i % step == 0:
                self.text(p, QRectF(x - 10, plot.bottom() + 4, slot + 20, 10), label,
                          self.font(7), align=Qt.AlignmentFlag.AlignHCenter)  # fmt: skip

    def bar_chart(self, p: QPainter, rect: QRectF, title: str,
                  bars: Sequence[tuple[str, float | None]]) -> None:  # fmt: skip
        plot = self.chart_frame(p, rect, title).adjusted(60, 0, -30, 0)
        known = [v for _, v in bars if v is not None]
        if not known:
            self.empty_chart(p, plot)
            return
        ticks = nice_ticks(0, max(known))
        span = ticks[-1] or 1
        for tick in ticks:
            tx = plot.left() + tick / span * plot.width()
            p.setPen(QPen(GRID, 0.5))
            p.drawLine(QPointF(tx, plot.top()), QPointF(tx, plot.bottom()))
            self.text(p, QRectF(tx - 20, plot.bottom() + 4, 40, 10), fmt_pct(tick),
                      self.font(7), align=Qt.AlignmentFlag.AlignHCenter)  # fmt: skip
        slot = plot.height() / len(bars)
        for i, (label, value) in enumerate(bars):
            y = plot.top() + i * slot
            self.text(p, QRectF(plot.left() - 112, y, 108, slot), label, self.font(8),
                      align=Qt.AlignmentFlag.AlignRight)  # fmt: skip
            if value is None:
                continue
            width = max(value, 0) / span * plot.width()
            p.fillRect(QRectF(plot.left(), y + slot * 0.2, width, slot * 0.6), BAR)
            self.text(p, QRectF(plot.left() + width + 3, y, 50, slot), fmt_pct(value),
                      self.font(7))  # fmt: skip
