"""The management report as an .xlsx workbook: four sheets, native charts, print-ready.

Sheets: **Überblick** (organisation, logo, period, KPIs with the comparison period, charts of
followers and weekly views), **Beiträge** (one row per post, the top 10 marked), **Formate**
(performance by format and audience, chart of engagement by format), **Redaktion** (the
pipeline as counts).  Chart data lives on a hidden sheet so the printed pages stay lean.

Numbers are numbers with number formats; Excel shows them with the reader's separators
(``#,##0`` is ``1.234`` and ``0.0 %`` is ``5,3 %`` in a German Excel).  Every text goes through
``write_string`` — a title starting with ``=`` stays a title, never a formula.  The file is
written to a temporary name in the target folder and renamed into place.
"""

from __future__ import annotations

import contextlib
import struct
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from tikdesk.domain.errors import InputRejected
from tikdesk.domain.fmt import fmt_date
from tikdesk.domain.i18n import msg
from tikdesk.domain.report import (
    SHEET_DATA,
    SHEET_FORMATS,
    SHEET_OVERVIEW,
    SHEET_PIPELINE,
    SHEET_POSTS,
    AccountReport,
    GroupRow,
    KpiKind,
    ReportData,
    Texts,
    glossary,
    summary_sentences,
    texts,
)
from tikdesk.excel.writing import Protected, atomic_target, check_target

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")
LOGO_HEIGHT = 56  # pixels
BLUE = "#1F4E79"
TOP_FILL = "#FFF2CC"


# ----------------------------------------------------------------------------- safe output
def target_path(path: Path, suffix: str) -> Path:
    """``path`` with ``suffix`` appended when it has another (or none)."""
    path = Path(path)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def report_target(path: Path, suffix: str, protected: Protected | None = None) -> Path:
    """The file ``path`` names (``suffix`` appended when it has none), checked before anything
    is written: the right extension, an existing writable folder, not a folder itself.

    Raises InputRejected — a report whose second file cannot be written writes neither.
    """
    path = Path(path)
    if path.suffix and path.suffix.lower() != suffix:
        raise InputRejected(wrong_suffix(path, suffix))
    target = target_path(path, suffix)
    check_target(target, protected)
    return target


def wrong_suffix(path: Path | str, suffix: str) -> str:
    return msg(
        f"„{path}“: die Datei muss auf {suffix} enden.",
        f"'{path}': the file name must end in {suffix}.",
    )


@contextlib.contextmanager
def output_file(path: Path, suffix: str, protected: Protected | None = None) -> Iterator[Path]:
    """A temporary file beside ``path`` (``suffix`` appended when missing) that is renamed
    into place when the block succeeds (:func:`tikdesk.excel.writing.atomic_target`: a target
    open in Excel or a folder that cannot be written gives a clear message)."""
    target = target_path(path, suffix)
    with atomic_target(target, protected) as tmp:
        yield tmp


def image_size(path: Path) -> tuple[int, int] | None:
    """Width and height of a PNG, GIF or JPEG file in pixels, else None (no decoding)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data[:6] in (b"GIF87a", b"GIF89a"):
        width, height = struct.unpack("<HH", data[6:10])
        return int(width), int(height)
    if data[:2] == b"\xff\xd8":
        index = 2
        while index + 9 < len(data):
            if data[index] != 0xFF:
                return None
            marker = data[index + 1]
            length = struct.unpack(">H", data[index + 2 : index + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2):
                height, width = struct.unpack(">HH", data[index + 5 : index + 9])
                return int(width), int(height)
            index += 2 + length
    return None


def logo_file(path: str) -> Path | None:
    """The organisation's logo when it is a readable image file, else None."""
    if not path.strip():
        return None
    logo = Path(path).expanduser()
    if logo.suffix.lower() not in IMAGE_SUFFIXES or not logo.is_file():
        return None
    return logo if image_size(logo) else None


def header_text(text: str) -> str:
    """Text for an Excel header/footer: ``&`` is a control character there."""
    return text.replace("&", "&&")


def _hf(font: str, size: int, text: str) -> str:
    """A header/footer section in ``font`` and ``size``; a leading digit would extend the size
    code (``&9`` + ``01.09.`` = size 901), so it gets a space in front."""
    text = header_text(text)
    if text[:1].isdigit():
        text = " " + text
    return f'&"{font}"&{size}{text}'


# ----------------------------------------------------------------------------- the workbook
def write_report(path: Path, data: ReportData, protected: Protected | None = None) -> Path:
    """Write ``data`` as a workbook to ``path`` (``.xlsx`` appended when missing)."""
    target = target_path(path, ".xlsx")
    with output_file(target, ".xlsx", protected) as tmp:
        write_report_file(tmp, data)
    return target


def write_report_file(path: Path, data: ReportData) -> None:
    """Write ``data`` as a workbook straight to ``path`` (a temporary file the caller renames
    into place, e.g. after the report's PDF)."""
    _Writer(path, data).write()


class _Writer:
    def __init__(self, path: Path, data: ReportData) -> None:
        import xlsxwriter

        self.data = data
        self.t: Texts = texts()
        self.multi = len(data.accounts) > 1
        self.book = xlsxwriter.Workbook(
            str(path),
            {
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
                "default_date_format": "dd.mm.yyyy",
            },
        )
        self.book.set_properties(
            {
                "title": data.title,
                "company": data.organisation,
                "comments": self.t.personal_data if data.with_names else self.t.no_names,
            }
        )
        f = self.book.add_format
        base = {"font_name": "Arial", "font_size": 10, "valign": "vcenter"}
        self.f: dict[str, Any] = {
            "org": f({**base, "bold": True, "font_size": 16, "font_color": BLUE}),
            "title": f({**base, "bold": True, "font_size": 14}),
            "h2": f({**base, "bold": True, "font_size": 12, "font_color": BLUE}),
            "text": f({**base}),
            "wrap": f({**base, "text_wrap": True, "valign": "top"}),
            "note": f({**base, "italic": True, "font_color": "#595959", "font_size": 9}),
            "warn": f({**base, "bold": True, "font_color": "#9C0006", "bg_color": "#FFC7CE"}),
            "head": f({**base, "bold": True, "font_color": "#FFFFFF", "bg_color": BLUE,
                       "border": 1, "border_color": "#BFBFBF", "text_wrap": True}),
            "head_num": f({**base, "bold": True, "font_color": "#FFFFFF", "bg_color": BLUE,
                           "border": 1, "border_color": "#BFBFBF", "text_wrap": True,
                           "align": "right"}),
        }  # fmt: skip
        cell = {**base, "border": 1, "border_color": "#BFBFBF"}
        numbers: dict[str, dict[str, Any]] = {
            "str": {},
            "int": {"num_format": "#,##0"},
            "rate": {"num_format": "0.0 %"},
            "dint": {"num_format": "+#,##0;-#,##0;0"},
            "dpp": {
                "num_format": msg('+0.0" Pp.";-0.0" Pp.";0.0" Pp."', '+0.0" pp";-0.0" pp";0.0" pp"')
            },
            "dpct": {"num_format": "+0.0 %;-0.0 %;0.0 %"},
            "date": {"num_format": "dd.mm.yyyy", "align": "left"},
            "dash": {"align": "right", "font_color": "#7F7F7F"},
            "mark": {"align": "center", "bold": True, "font_color": "#7F6000"},
        }
        for name, extra in numbers.items():
            self.f[name] = f({**cell, **extra})
            self.f[f"top_{name}"] = f({**cell, **extra, "bg_color": TOP_FILL})
            self.f[f"b_{name}"] = f({**cell, **extra, "bold": True})
        self.f["str_wrap"] = f({**cell, "text_wrap": True})
        self.f["top_str_wrap"] = f({**cell, "text_wrap": True, "bg_color": TOP_FILL})
        self.chart_columns: list[tuple[str, Sequence[tuple[Any, Any]], str]] = []

    # ---------------------------------------------------------------- helpers
    def put(self, ws: Any, row: int, col: int, value: Any, fmt: str = "text") -> None:
        """One cell: numbers as numbers, text always as text (never a formula)."""
        style = self.f[fmt]
        if value is None:
            ws.write_blank(row, col, None, style)
        elif isinstance(value, bool):
            ws.write_string(row, col, "✓" if value else "", style)
        elif isinstance(value, int | float):
            ws.write_number(row, col, value, style)
        elif hasattr(value, "isoformat"):
            ws.write_datetime(row, col, value, style)
        else:
            ws.write_string(row, col, str(value), style)

    def setup_print(self, ws: Any, repeat: tuple[int, int] | None = None) -> None:
        d = self.data
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.8, bottom=0.7)
        t = self.t
        org = _hf("Arial,Bold", 10, d.organisation or "TikDesk")
        title = _hf("Arial", 10, d.title)
        span = _hf("Arial", 9, f"{t.period}: {d.period.span}")
        ws.set_header(f"&L{org}&C{title}&R{span}")
        privacy = _hf("Arial", 8, t.personal_data if d.with_names else t.no_names)
        ws.set_footer(f"&L{privacy}&R{_hf('Arial', 9, t.page)} &P / &N")
        if repeat is not None:
            ws.repeat_rows(*repeat)
        ws.hide_gridlines(2)

    def chart_data(self, header: str, rows: Sequence[tuple[Any, Any]], fmt: str) -> tuple[str, int]:
        """Two columns (category, value) for the hidden sheet; returns (sheet name, first col).

        The sheet itself is added last (:meth:`write_chart_data`) so that the four report
        sheets come first; charts find their data by the sheet's name when the book closes.
        """
        col = len(self.chart_columns) * 3
        self.chart_columns.append((header, rows, fmt))
        return SHEET_DATA, col

    def write_chart_data(self) -> None:
        ws = self.book.add_worksheet(SHEET_DATA)
        ws.hide()
        for index, (header, rows, fmt) in enumerate(self.chart_columns):
            col = index * 3
            ws.write_string(0, col, header)
            for i, (category, value) in enumerate(rows, start=1):
                self.put(ws, i, col, category, "date" if hasattr(category, "isoformat") else "str")
                self.put(ws, i, col + 1, value, fmt)

    # ---------------------------------------------------------------- sheets
    def write(self) -> None:
        self.overview()
        self.posts()
        self.formats()
        self.pipeline()
        self.write_chart_data()
        self.book.close()

    def heading(self, ws: Any, subtitle: str) -> int:
        """Organisation, title, period lines; returns the next free row."""
        d, t = self.data, self.t
        ws.write_string(0, 0, d.organisation or "TikDesk", self.f["org"])
        ws.set_row(0, 24)
        ws.write_string(1, 0, f"{d.title} – {subtitle}", self.f["title"])
        ws.write_string(
            2, 0,
            f"{t.period}: {d.period.span}   ·   {t.previous}: {d.previous.span}"
            f"   ·   {t.created} {fmt_date(d.created)}",
            self.f["text"],
        )  # fmt: skip
        if d.with_names:
            ws.merge_range(3, 0, 3, 4, "", self.f["warn"])
            ws.write_string(3, 0, t.personal_data, self.f["warn"])
        else:
            ws.write_string(3, 0, t.no_names, self.f["note"])
        return 5

    def overview(self) -> None:
        d, t = self.data, self.t
        ws = self.book.add_worksheet(SHEET_OVERVIEW)
        ws.set_column(0, 0, 34)
        ws.set_column(1, 4, 17)
        ws.set_column(5, 9, 12)
        row = self.heading(ws, t.sheet_overview)
        logo = logo_file(d.logo_path)
        if logo is not None:
            _width, height = image_size(logo) or (1, 1)
            scale = LOGO_HEIGHT / max(height, 1)
            ws.insert_image(
                0,
                4,
                str(logo),
                {"x_scale": scale, "y_scale": scale, "x_offset": 60, "object_position": 3},
            )
        for sentence in summary_sentences(d):  # the same plain sentences as the PDF's page 1
            ws.write_string(row, 0, sentence, self.f["text"])
            row += 1
        row += 1
        breaks = []
        for index, acc in enumerate(d.accounts):
            if index:
                breaks.append(row)
            row = self.account_block(ws, row, acc)
        ws.set_h_pagebreaks(breaks)
        self.setup_print(ws)

    def account_block(self, ws: Any, row: int, acc: AccountReport) -> int:
        d, t = self.data, self.t
        ws.write_string(row, 0, f"{t.account} {acc.title}", self.f["h2"])
        row += 1
        heads = (t.kpi, d.period.label, d.previous.label, t.change, t.change_pct)
        for col, head in enumerate(heads):
            ws.write_string(row, col, head, self.f["head" if col == 0 else "head_num"])
        ws.set_row(row, 30)
        for kpi in acc.kpis:
            row += 1
            rate = kpi.kind is KpiKind.RATE
            fmt = "rate" if rate else "int"
            self.put(ws, row, 0, kpi.label, "b_str" if kpi.key in ("growth", "views") else "str")
            for col, value in ((1, kpi.current), (2, kpi.previous)):
                self.value_or_dash(ws, row, col, value, fmt)
            change = None if kpi.change is None else (kpi.change * 100 if rate else kpi.change)
            self.value_or_dash(ws, row, 3, change, "dpp" if rate else "dint")
            if kpi.too_few_posts:  # issue 20: counts instead of a % change
                ws.write_string(row, 4, kpi.basis_note, self.f["dash"])
            else:
                self.value_or_dash(ws, row, 4, kpi.change_pct, "dpct")
        for rec in acc.recruiting:  # beside reach, with the previous period
            row += 1
            self.put(ws, row, 0, rec.label, "str")
            self.value_or_dash(ws, row, 1, rec.current, "int")
            self.value_or_dash(ws, row, 2, rec.previous, "int")
            change = (
                None if rec.current is None or rec.previous is None else rec.current - rec.previous
            )
            self.value_or_dash(ws, row, 3, change, "dint")
            pct = None if change is None or not rec.previous else change / rec.previous
            self.value_or_dash(ws, row, 4, pct, "dpct")
        row += 1
        ws.write_string(row, 0, t.rate_note, self.f["note"])
        ws.write_string(row + 1, 0, t.followers_note, self.f["note"])
        row += 3
        suffix = f" – {acc.title}" if self.multi else ""
        followers = self.line_chart(acc, t.chart_followers + suffix)
        weekly = self.week_chart(acc, t.chart_weekly + suffix)
        # the description is the chart's alternative text (Excel's "Alt Text", issue 23)
        ws.insert_chart(
            row,
            0,
            followers,
            {"x_scale": 1.0, "y_scale": 1.0, "description": t.chart_followers + suffix},
        )
        # beside the first chart: columns A–C are about 490 px wide, the chart 520 px
        ws.insert_chart(
            row,
            3,
            weekly,
            {
                "x_scale": 1.0,
                "y_scale": 1.0,
                "x_offset": 50,
                "description": t.chart_weekly + suffix,
            },
        )
        return row + 17

    def value_or_dash(self, ws: Any, row: int, col: int, value: float | None, fmt: str) -> None:
        if value is None:
            ws.write_string(row, col, "–", self.f["dash"])
        else:
            self.put(ws, row, col, value, fmt)

    def line_chart(self, acc: AccountReport, title: str) -> Any:
        return self.series_chart(
            "line",
            title,
            self.t.followers,
            acc.followers,
            {"line": {"color": BLUE, "width": 2.0}},
            {"date_axis": True, "num_format": "dd.mm.", "major_gridlines": {"visible": False}},
        )

    def week_chart(self, acc: AccountReport, title: str) -> Any:
        return self.series_chart(
            "column",
            title,
            self.t.views,
            [(w.label, w.views) for w in acc.weekly_views],
            {"fill": {"color": "#2E75B6"}, "gap": 60},
            {},
        )

    def series_chart(
        self,
        kind: str,
        title: str,
        series_name: str,
        points: Sequence[tuple[Any, Any]],
        series: dict[str, Any],
        x_axis: dict[str, Any],
    ) -> Any:
        """A one-series chart of whole numbers over time, its data on the hidden sheet."""
        name, col = self.chart_data(series_name, points, "int")
        chart = self.book.add_chart({"type": kind})
        n = max(len(points), 1)
        chart.add_series(
            {
                "name": series_name,
                "categories": [name, 1, col, n, col],
                "values": [name, 1, col + 1, n, col + 1],
                **series,
            }
        )
        chart.set_title({"name": title, "name_font": {"size": 11, "bold": True}})
        chart.set_x_axis({"num_font": {"size": 8}, **x_axis})
        chart.set_y_axis(
            {
                "num_format": "#,##0",
                "num_font": {"size": 8},
                "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
            }
        )
        chart.set_legend({"none": True})
        chart.set_size({"width": 520, "height": 300})
        return chart

    def posts(self) -> None:
        d, t = self.data, self.t
        ws = self.book.add_worksheet(SHEET_POSTS)
        row = self.heading(ws, t.sheet_posts)
        ws.write_string(row - 1, 0, t.top_note, self.f["note"])
        heads: list[tuple[str, float, str]] = []
        if self.multi:
            heads.append((t.account, 18, "head"))
        heads += [
            (t.date, 11, "head"), (t.title, 46, "head"), (t.format, 20, "head"),
            (t.audience, 15, "head"), (t.views, 11, "head_num"), (t.likes, 10, "head_num"),
            (t.comments, 11, "head_num"), (t.shares, 10, "head_num"),
            (t.rate, 12, "head_num"), (t.rank, 8, "head_num"), (t.top, 8, "head"),
        ]  # fmt: skip
        if d.with_names:
            heads.append((t.people, 34, "head"))
        header_row = row
        for col, (head, width, fmt) in enumerate(heads):
            ws.set_column(col, col, width)
            ws.write_string(row, col, head, self.f[fmt])
        ws.set_row(row, 30)
        ws.freeze_panes(row + 1, 0)
        count = 0
        for acc in d.accounts:
            for post in acc.posts:
                row += 1
                count += 1
                top = "top_" if post.top else ""
                values: list[tuple[Any, str]] = []
                if self.multi:
                    values.append((acc.title, "str"))
                values += [
                    (post.published, "date"), (post.title, "str_wrap"), (post.format, "str"),
                    (post.audience, "str"), (post.views, "int"), (post.likes, "int"),
                    (post.comments, "int"), (post.shares, "int"), (post.rate, "rate"),
                    (post.rank, "int"), ("★" if post.top else "", "mark"),
                ]  # fmt: skip
                if d.with_names:
                    values.append(("; ".join(post.people), "str_wrap"))
                for col, (value, fmt) in enumerate(values):
                    self.put(ws, row, col, value, top + fmt)
        if count:
            ws.autofilter(header_row, 0, row, len(heads) - 1)
        else:
            ws.write_string(row + 1, 0, t.no_posts, self.f["text"])
        self.setup_print(ws, repeat=(header_row, header_row))

    def group_table(
        self, ws: Any, row: int, title: str, first: str, groups: Sequence[GroupRow]
    ) -> int:
        t = self.t
        ws.write_string(row, 0, title, self.f["h2"])
        row += 1
        for col, head in enumerate((first, t.posts, t.median_views, t.median_rate)):
            ws.write_string(row, col, head, self.f["head" if col == 0 else "head_num"])
        ws.set_row(row, 30)
        for group in groups:
            row += 1
            self.put(ws, row, 0, group.label, "str")
            self.put(ws, row, 1, group.posts, "int")
            self.value_or_dash(ws, row, 2, group.median_views, "int")
            self.value_or_dash(ws, row, 3, group.median_rate, "rate")
        if not groups:
            row += 1
            ws.write_string(row, 0, t.no_posts, self.f["text"])
        return row + 2

    def formats(self) -> None:
        d, t = self.data, self.t
        ws = self.book.add_worksheet(SHEET_FORMATS)
        ws.set_column(0, 0, 30)
        ws.set_column(1, 3, 16)
        ws.set_column(4, 12, 10)
        row = self.heading(ws, t.sheet_formats)
        breaks = []
        for index, acc in enumerate(d.accounts):
            if index:
                breaks.append(row)
            block = row
            if self.multi:
                ws.write_string(row, 0, f"{t.account} {acc.title}", self.f["title"])
                row += 2
                block = row
            table_row = row + 1
            row = self.group_table(ws, row, t.by_format, t.format, acc.by_format)
            row = self.group_table(ws, row, t.by_audience, t.audience, acc.by_audience)
            if acc.by_format:
                chart = self.book.add_chart({"type": "bar"})
                n = len(acc.by_format)
                sheet = ws.name
                chart.add_series({
                    "name": t.median_rate,
                    "categories": [sheet, table_row + 1, 0, table_row + n, 0],
                    "values": [sheet, table_row + 1, 3, table_row + n, 3],
                    "fill": {"color": "#2E75B6"},
                    "data_labels": {"value": True, "num_format": "0.0 %",
                                    "font": {"size": 8}},
                    "gap": 50,
                })  # fmt: skip
                chart.set_title(
                    {"name": t.chart_engagement, "name_font": {"size": 11, "bold": True}}
                )
                chart.set_x_axis(
                    {
                        "num_format": "0 %",
                        "num_font": {"size": 8},
                        "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
                    }
                )
                chart.set_y_axis({"reverse": True, "num_font": {"size": 9}})
                chart.set_legend({"none": True})
                chart.set_size({"width": 560, "height": max(220, 40 + 28 * n)})
                ws.insert_chart(block, 5, chart, {"description": t.chart_engagement})
                row = max(row, block + (max(220, 40 + 28 * n) // 20) + 2)
        ws.set_h_pagebreaks(breaks)
        self.setup_print(ws)

    def pipeline(self) -> None:
        d, t = self.data, self.t
        p = d.pipeline
        ws = self.book.add_worksheet(SHEET_PIPELINE)
        ws.set_column(0, 0, 52)
        ws.set_column(1, 1, 12)
        row = self.heading(ws, t.sheet_pipeline)
        ws.write_string(row - 1, 0, f"{t.as_of}: {fmt_date(p.as_of)}", self.f["note"])
        tables: list[tuple[str, str, Sequence[tuple[str, int]]]] = [
            (t.ideas_by_status, t.status, p.ideas_by_status),
            (t.posts_by_status, t.status, p.posts_by_status),
            (
                t.clearance + f" ({d.period.label})",
                t.kpi,
                ((t.published_clear, p.published_clear),
                 (t.published_overridden, p.published_overridden)),
            ),
            (
                t.attention,
                t.kpi,
                ((t.open_blocked, p.open_blocked),
                 (f"{t.expiring} {p.expiring_in.label}", p.expiring_consents)),
            ),
        ]  # fmt: skip
        for title, first, pairs in tables:
            ws.write_string(row, 0, title, self.f["h2"])
            row += 1
            ws.write_string(row, 0, first, self.f["head"])
            ws.write_string(row, 1, t.count, self.f["head_num"])
            for label, count in pairs:
                row += 1
                self.put(ws, row, 0, label, "str")
                self.put(ws, row, 1, count, "int")
            row += 2
        a = d.attention
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
            ws.write_string(row, 0, title, self.f["h2"])
            row += 1
            for item in items:
                day = fmt_date(item.day) if item.day else "–"
                self.put(ws, row, 0, f"{day}  {item.title}", "str")
                self.put(ws, row, 1, item.reason, "str")
                row += 1
            if not items:
                ws.write_string(row, 0, msg("keine", "none"), self.f["note"])
                row += 1
            row += 1
        ws.write_string(row, 0, msg("Begriffe", "Glossary"), self.f["h2"])
        for term, meaning in glossary():
            row += 1
            self.put(ws, row, 0, term, "str")
            self.put(ws, row, 1, meaning, "str")
        self.setup_print(ws)
