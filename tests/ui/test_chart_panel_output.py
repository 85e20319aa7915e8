"""A chart's hover tooltip shows user text literally, and its PNG is written complete or not
at all (review findings 6 and 7)."""

from __future__ import annotations

import contextlib
import resource
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyqtgraph as pg
import pytest
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument

from tikdesk.ui.analytics.charts import panel as panel_module
from tikdesk.ui.analytics.charts.panel import ChartPanel

pytestmark = pytest.mark.usefixtures("qapp")

TITLE = "<b>fett</b> & <img src=x>"


class TitledChart(ChartPanel):
    def __init__(self) -> None:
        super().__init__("Beiträge")
        self.plot = self.add_plot(0, pg.AxisItem("bottom"), pg.AxisItem("left"))
        self.plot.plot([0, 1, 2], [3, 1, 2])
        self.show_chart()

    def hover_text(self, plot: pg.PlotItem, x: float, y: float) -> tuple[str, float | None]:
        return f"{TITLE}\n12 Aufrufe", x


def as_qt_shows_it(text: str) -> str:
    """The text a QToolTip (a QLabel with Qt::AutoText) displays for ``text``."""
    doc = QTextDocument()
    if QtGuiNamespace.mightBeRichText(text):  # (PySide6 has it in QtGui's Qt)
        doc.setHtml(text)
    else:
        doc.setPlainText(text)
    return doc.toPlainText()


def test_a_hover_tooltip_shows_a_title_with_markup_literally(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []

    class Recorder:
        @staticmethod
        def showText(_pos: Any, text: str, _widget: Any = None) -> None:
            shown.append(text)

        @staticmethod
        def hideText() -> None:
            pass

    monkeypatch.setattr(panel_module, "QToolTip", Recorder)
    chart = TitledChart()
    chart.resize(600, 400)
    chart.show()
    chart._on_mouse_moved(chart.plot.sceneBoundingRect().center())
    assert len(shown) == 1
    assert as_qt_shows_it(shown[0]).splitlines() == [TITLE, "12 Aufrufe"]
    chart.close()


@contextlib.contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """Writes beyond ``limit`` bytes fail with EFBIG (as on a full disk), also for root."""
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    old = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, old[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old)
        signal.signal(signal.SIGXFSZ, old_handler)


def test_a_failing_png_save_keeps_the_old_image_and_says_why(
    tmp_path: Path, recorded_messages: list[tuple[str, str, str]]
) -> None:
    chart = TitledChart()
    chart.resize(600, 400)
    target = tmp_path / "chart.png"
    old = b"\x89PNG old image " * 20
    target.write_bytes(old)
    with file_size_limit(len(old) + 100):  # the new image is larger than that
        assert chart.save_png(str(target)) is None
    assert target.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]  # no temporary file left
    [(kind, _title, text)] = recorded_messages
    assert kind == "warning" and "„" in text and "chart.png" in text
    chart.close()


def test_a_png_is_saved_over_an_old_one(tmp_path: Path) -> None:
    chart = TitledChart()
    chart.resize(600, 400)
    target = tmp_path / "chart.png"
    target.write_bytes(b"old")
    assert chart.save_png(str(tmp_path / "chart")) == str(target)
    assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and target.stat().st_size > 1000
    chart.close()
