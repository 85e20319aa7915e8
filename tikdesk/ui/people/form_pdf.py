"""The printable consent form (issue 18): A4 portrait, black and white.

Drawn with the report PDF's machinery (:mod:`tikdesk.ui.report.pdf`: the shipped Liberation
Sans, PDF/A-1b, the checked in-memory writing with a synced file).  Everything on it comes
from :class:`tikdesk.services.forms.ConsentFormData`: the form number as text and QR code
(top right of every page), the declaration, the person, the scope as tick boxes, the period,
the signature lines and the Art. 13 information with the versions of both texts.  Black on
white only, lines and boxes at least 0.6 pt: a grey copier keeps it readable.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPainter,
    QPdfWriter,
    QPen,
)

from tikdesk.domain.i18n import msg
from tikdesk.services.forms import Choice, ConsentFormData
from tikdesk.ui.report.pdf import RESOLUTION, _Document, ensure_gui_app, pdf_painter

PAGE_W, PAGE_H = 595.0, 842.0  # A4 portrait in points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 48.0, 40.0, 40.0
WIDTH = PAGE_W - 2 * MARGIN_X
BLACK = QColor("black")
QR_SIZE = 64.0


def render_consent_form_headless(data: ConsentFormData, path: Path) -> None:
    """:func:`render_consent_form` for callers without Qt running (the command line)."""
    ensure_gui_app()
    render_consent_form(data, path)


def render_consent_form(data: ConsentFormData, path: Path) -> None:
    """Write the form to ``path`` (the caller takes care of temp file and rename)."""
    title = f"{data.title} – {data.form_number}"
    with pdf_painter(path, title, QPageLayout.Orientation.Portrait) as (painter, writer):
        _Form(painter, writer, data).draw()


def font(size: int, bold: bool = False, italic: bool = False) -> QFont:
    """Whole sizes only: the report's fractional sizes are points, which this 600-dpi
    writer would blow up."""
    return _Document.font(size, bold, italic)


class _Form:
    def __init__(self, p: QPainter, writer: QPdfWriter, data: ConsentFormData) -> None:
        self.p, self.writer, self.d = p, writer, data
        self.page = 1
        self.y = MARGIN_TOP

    # ---------------------------------------------------------------- layout helpers
    def start_page(self) -> None:
        p, d = self.p, self.d
        p.save()
        p.scale(RESOLUTION / 72.0, RESOLUTION / 72.0)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp QR modules
        self.qr(PAGE_W - MARGIN_X - QR_SIZE, MARGIN_TOP - 8)
        self.line_text(
            QRectF(
                PAGE_W - MARGIN_X - QR_SIZE - 20, MARGIN_TOP - 8 + QR_SIZE + 1, QR_SIZE + 20, 11
            ),
            d.form_number,
            font(9, bold=True),
            Qt.AlignmentFlag.AlignHCenter,
        )
        left = WIDTH - QR_SIZE - 16
        if self.page == 1:
            logo = QImage(d.logo_path) if d.logo_path.strip() else QImage()
            x = MARGIN_X
            if not logo.isNull():
                height = 36.0
                width = min(logo.width() * height / max(logo.height(), 1), 120.0)
                p.drawImage(QRectF(x, MARGIN_TOP - 8, width, height), logo.convertToFormat(
                    QImage.Format.Format_Grayscale8))  # fmt: skip
                x += width + 10
            self.line_text(QRectF(x, MARGIN_TOP - 8, left - (x - MARGIN_X), 18),
                           d.organisation, font(12, bold=True))  # fmt: skip
            self.y = MARGIN_TOP + 14
            self.y = self.para(d.title, font(14, bold=True), width=left, gap=4)
            versions = msg(
                f"Formular-Nr. {d.form_number}  ·  Einwilligungstext {d.text_version}  ·  "
                f"Art.-13-Information {d.art13_version}",
                f"Form no. {d.form_number}  ·  consent text {d.text_version}  ·  "
                f"Art. 13 notice {d.art13_version}",
            )
            self.y = self.para(versions, font(8), width=left, gap=0)
            self.y = max(self.y, MARGIN_TOP - 8 + QR_SIZE + 14) + 8
        else:
            self.line_text(QRectF(MARGIN_X, MARGIN_TOP - 8, left, 14),
                           f"{d.title} – {d.person_name}", font(9, bold=True))  # fmt: skip
            self.y = MARGIN_TOP - 8 + QR_SIZE + 20
        bottom = PAGE_H - MARGIN_BOTTOM
        p.setPen(QPen(BLACK, 0.6))
        p.drawLine(QPointF(MARGIN_X, bottom - 12), QPointF(PAGE_W - MARGIN_X, bottom - 12))
        footer = msg(
            f"{d.form_number} · Einwilligungstext {d.text_version} · Art.-13-Information "
            f"{d.art13_version} · gedruckt am {d.issued_on} von {d.issued_by} · Seite {self.page}",
            f"{d.form_number} · consent text {d.text_version} · Art. 13 notice "
            f"{d.art13_version} · printed on {d.issued_on} by {d.issued_by} · page {self.page}",
        )
        self.line_text(QRectF(MARGIN_X, bottom - 10, WIDTH, 10), footer, font(7))

    def end_page(self) -> None:
        self.p.restore()

    def need(self, height: float) -> None:
        """Start a new page unless ``height`` still fits above the footer."""
        if self.y + height <= PAGE_H - MARGIN_BOTTOM - 18:
            return
        self.end_page()
        if not self.writer.newPage():
            raise OSError(errno.EIO, "cannot add a page to the consent form")
        self.page += 1
        self.start_page()

    def line_text(
        self,
        rect: QRectF,
        text: str,
        f: QFont,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        _Document.text(self.p, rect, text, f, BLACK, align)

    def height_of(self, text: str, f: QFont, width: float) -> float:
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        return QFontMetricsF(f).boundingRect(QRectF(0, 0, width, 10_000), flags, text).height()

    def para(
        self, text: str, f: QFont, *, width: float = WIDTH, x: float = MARGIN_X, gap: float = 5
    ) -> float:
        """A wrapped paragraph at the current y; returns the y below it (and its gap)."""
        height = self.height_of(text, f, width)
        self.need(height)
        self.p.setFont(f)
        self.p.setPen(BLACK)
        flags = int(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        )
        self.p.drawText(QRectF(x, self.y, width, height + 1), flags, text)
        self.y += height + gap
        return self.y

    def qr(self, x: float, y: float) -> None:
        matrix = self.d.qr
        count = len(matrix) + 8  # four modules of quiet zone either side
        module = QR_SIZE / count
        self.p.fillRect(QRectF(x, y, QR_SIZE, QR_SIZE), QColor("white"))
        for r, row in enumerate(matrix):
            for c, dark in enumerate(row):
                if dark:
                    self.p.fillRect(
                        QRectF(x + (c + 4) * module, y + (r + 4) * module, module, module), BLACK
                    )

    def box(self, x: float, y: float, ticked: bool) -> None:
        size = 8.5
        self.p.setPen(QPen(BLACK, 0.8))
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawRect(QRectF(x, y, size, size))
        if ticked:
            self.p.setPen(QPen(BLACK, 1.2))
            self.p.drawLine(QPointF(x + 1.5, y + 1.5), QPointF(x + size - 1.5, y + size - 1.5))
            self.p.drawLine(QPointF(x + size - 1.5, y + 1.5), QPointF(x + 1.5, y + size - 1.5))

    def choices(self, label: str, options: Sequence[Choice]) -> None:
        """``label:`` then a tick box per option, wrapped onto as many rows as needed."""
        f = font(9)
        metrics = QFontMetricsF(f)
        label_w = 88.0
        self.need(14)
        self.line_text(QRectF(MARGIN_X, self.y, label_w, 12), label, font(9, bold=True))
        x = MARGIN_X + label_w
        for option in options:
            width = 14 + metrics.horizontalAdvance(option.label) + 14
            if x + width > PAGE_W - MARGIN_X:
                self.y += 15
                self.need(14)
                x = MARGIN_X + label_w
            self.box(x, self.y + 2, option.ticked)
            self.p.setFont(f)
            self.p.setPen(BLACK)
            self.p.drawText(QPointF(x + 13, self.y + 10), option.label)
            x += width
        self.y += 17

    def heading(self, text: str) -> None:
        self.need(40)
        self.y += 4
        self.line_text(QRectF(MARGIN_X, self.y, WIDTH, 14), text, font(11, bold=True))
        self.y += 15
        self.p.setPen(QPen(BLACK, 0.6))
        self.p.drawLine(QPointF(MARGIN_X, self.y), QPointF(PAGE_W - MARGIN_X, self.y))
        self.y += 5

    def signature(self, label: str, name: str) -> None:
        self.need(46)
        self.y += 24
        self.p.setPen(QPen(BLACK, 0.8))
        place_w = 170.0
        self.p.drawLine(QPointF(MARGIN_X, self.y), QPointF(MARGIN_X + place_w, self.y))
        sign_x = MARGIN_X + place_w + 24
        self.p.drawLine(QPointF(sign_x, self.y), QPointF(PAGE_W - MARGIN_X, self.y))
        self.line_text(QRectF(MARGIN_X, self.y + 2, place_w, 10),
                       msg("Ort, Datum", "Place, date"), font(8))  # fmt: skip
        who = f"{label}: {name}" if name else msg(
            f"{label} (Name in Druckschrift und Unterschrift)",
            f"{label} (name in capitals and signature)",
        )  # fmt: skip
        self.line_text(QRectF(sign_x, self.y + 2, PAGE_W - MARGIN_X - sign_x, 10), who,
                       font(8))  # fmt: skip
        self.y += 16

    # ---------------------------------------------------------------- the form
    def draw(self) -> None:
        d = self.d
        self.start_page()
        self.heading(msg("Betroffene Person", "Person concerned"))
        rows = [
            (msg("Name", "Name"), d.person_name),
            (msg("Geburtsdatum", "Date of birth"), d.birth_date or "—"),
            (msg("Kategorie", "Category"), d.category),
        ]
        if d.post_title:
            when = f" ({d.post_date})" if d.post_date else ""
            rows.append((msg("Beitrag", "Post"), f"{d.post_title}{when}"))
        for label, value in rows:
            self.need(14)
            self.line_text(QRectF(MARGIN_X, self.y, 88, 12), label, font(9, bold=True))
            self.line_text(QRectF(MARGIN_X + 88, self.y, WIDTH - 88, 12), value, font(10))
            self.y += 14
        self.y += 4
        self.heading(msg("Erklärung", "Declaration"))
        for text in d.paragraphs:
            self.para(text, font(9))
        self.heading(msg("Umfang (bitte ankreuzen)", "Scope (please tick)"))
        self.choices(msg("Zwecke", "Purposes"), d.purposes)
        self.choices(msg("Plattformen", "Platforms"), d.platforms)
        self.choices(msg("Darstellung", "Shown with"), d.shown_as)
        self.need(14)
        self.line_text(QRectF(MARGIN_X, self.y, 88, 12), msg("Zeitraum", "Period"),
                       font(9, bold=True))  # fmt: skip
        until = d.valid_until or msg(
            "unbefristet (bis auf Widerruf)  oder bis: ____________",
            "no end date (until withdrawn)  or until: ____________",
        )  # fmt: skip
        self.line_text(QRectF(MARGIN_X + 88, self.y, WIDTH - 88, 12),
                       msg(f"ab {d.valid_from or '____________'}   bis {until}",
                           f"from {d.valid_from or '____________'}   until {until}"),
                       font(10))  # fmt: skip
        self.y += 18
        self.heading(msg("Unterschriften", "Signatures"))
        for note in d.notes:
            self.para(note, font(9, bold=True))
        for line in d.signatures:
            self.signature(line.label, line.name)
        self.y += 8
        self.heading(d.art13_title)
        for head, text in d.art13_blocks:
            self.need(24)
            self.para(f"{head}: {text}", font(8), gap=3)
        self.end_page()
