"""Draw the TikDesk icon with QPainter and write it as SVG, PNG and a multi-size ICO.

    python packaging/make_icon.py        # writes resources/icons/tikdesk.{svg,png,ico}

The artwork is original and drawn in code so that it can be changed without a graphics
program: a rounded teal square (the desk), a white clipboard with a play triangle (the video)
and a round check badge (the clearance).  Run it again after changing the drawing and commit
the three files; the app and the bundle use the PNG/ICO, the SVG is the scalable master.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_SIZE = 256


def paint(painter: object, size: float) -> None:
    """Draw the icon into a ``size`` × ``size`` square on ``painter`` (a QPainter)."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPainterPath, QPen

    assert isinstance(painter, QPainter)
    s = size / 256.0  # the drawing is designed on a 256 grid
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)

    # the desk: rounded square with a top-to-bottom teal gradient
    gradient = QLinearGradient(QPointF(0, 0), QPointF(0, size))
    gradient.setColorAt(0.0, QColor("#1b8a8f"))
    gradient.setColorAt(1.0, QColor("#0e4f5c"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    painter.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 52 * s, 52 * s)

    # the clipboard (a portrait sheet: short videos are vertical)
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(QRectF(64 * s, 44 * s, 112 * s, 156 * s), 14 * s, 14 * s)
    painter.setBrush(QColor("#0e4f5c"))
    painter.drawRoundedRect(QRectF(96 * s, 34 * s, 48 * s, 22 * s), 8 * s, 8 * s)

    # the play triangle on the sheet
    triangle = QPainterPath()
    triangle.moveTo(104 * s, 92 * s)
    triangle.lineTo(148 * s, 120 * s)
    triangle.lineTo(104 * s, 148 * s)
    triangle.closeSubpath()
    painter.setBrush(QColor("#e8505b"))
    painter.drawPath(triangle)

    # the check badge: green circle with a white outline and a white tick
    painter.setPen(QPen(QColor("#ffffff"), 10 * s))
    painter.setBrush(QColor("#2e9e4f"))
    painter.drawEllipse(QPointF(180 * s, 184 * s), 46 * s, 46 * s)
    tick = QPen(QColor("#ffffff"), 14 * s)
    tick.setCapStyle(Qt.PenCapStyle.RoundCap)
    tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(tick)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath()
    path.moveTo(160 * s, 186 * s)
    path.lineTo(175 * s, 201 * s)
    path.lineTo(202 * s, 168 * s)
    painter.drawPath(path)


def render_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    paint(painter, size)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG-compressed images (supported since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def write_svg(path: Path) -> None:
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(256, 256))
    generator.setViewBox(QRect(0, 0, 256, 256))
    generator.setTitle("TikDesk")
    generator.setDescription("TikDesk application icon")
    painter = QPainter(generator)
    paint(painter, 256)
    painter.end()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs = {size: render_png(size) for size in ICO_SIZES}
    (ICONS / "tikdesk.png").write_bytes(pngs[PNG_SIZE])
    (ICONS / "tikdesk.ico").write_bytes(ico_bytes(pngs))
    write_svg(ICONS / "tikdesk.svg")
    for name in ("tikdesk.svg", "tikdesk.png", "tikdesk.ico"):
        print(f"wrote {(ICONS / name).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
