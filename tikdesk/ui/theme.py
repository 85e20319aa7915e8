"""Every colour TikDesk sets, in one place (issue 23: WCAG 1.4.3 text 4.5:1, 1.4.11 graphics 3:1).

Text on a surface is never a fixed colour: it is derived from the current palette, so it stays
readable in the light palette, a dark one and Windows high contrast.  A *hue* says what a
colour means (red = blocked); :func:`text` and :func:`graphic` move its lightness until it
reaches its ratio on the surface it is drawn on.

The charts keep a light plot area of their own (``PLOT_BACKGROUND``) in every palette, so a
series looks the same in the report and on screen; their colours pass 3:1 on it and differ by
line style and marker too (:data:`SERIES`).

:func:`pairs` lists every foreground/background pair with its threshold; the tests compute it
for :func:`light`, :func:`dark` and :func:`high_contrast`.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

TEXT_RATIO = 4.5
GRAPHIC_RATIO = 3.0

#: What a status colour means; the hue before it is fitted to its surface.
HUES: dict[str, str] = {
    "ok": "#1d6b2c",
    "warn": "#8a5a00",
    "bad": "#a61b1b",
    "muted": "#555555",
    "info": "#1f5f99",
}

#: The idea statuses' swatches (board bars, table dots): graphics, 3:1 on the surface.
STATUS_HUES: dict[str, str] = {
    "new": "#5b8def",
    "shortlisted": "#9b6bd6",
    "planned": "#e0a526",
    "in_production": "#e0702a",
    "done": "#3aa657",
    "discarded": "#8a8f98",
}

#: Tinted cell backgrounds (calendar: good hours, holidays, a week below target, today):
#: a share of a hue on the surface, so the palette's text stays readable on it (:func:`tint`).
TINTS: dict[str, tuple[str, float]] = {
    "good": ("#3aa657", 0.16),
    "holiday": ("#e07b39", 0.16),
    "below": ("#e0a526", 0.22),
    "today": ("#2f6fb0", 0.14),
}
#: The tints that list entries (with status text) are drawn on.
CELL_TINTS = ("good", "holiday", "today")

#: The read-only banner: a fixed pale yellow with dark text, readable in every palette.
BANNER_BACKGROUND = "#fff3cd"
BANNER_TEXT = "#5c4400"
BANNER_BORDER = "#8a6d00"

#: Charts draw on this light plot area in every palette (see the module docstring).
PLOT_BACKGROUND = "#ffffff"
#: On the plot area: text (axis labels, legends, counts), axis lines, and the gain/loss bars.
PLOT_TEXT = "#333333"
PLOT_AXIS = "#8c939a"
PLOT_GAIN = "#009e73"
PLOT_LOSS = "#d55e00"
#: The heat map: a cell without posts, and the scale from the lowest to the highest typical
#: value; the lowest cell stands out from an empty one (3:1), each count is black or white,
#: whichever reads better on its cell (:func:`on_colour`).
HEAT_EMPTY = "#f5f5f5"
HEAT_SCALE = ("#3b94c9", "#1f5f99", "#08306b")


class Series(NamedTuple):
    """One chart series: colour (3:1 on the plot area), line style and marker."""

    colour: str
    style: Qt.PenStyle
    symbol: str


#: Okabe-Ito hues darkened to 3:1 on white; each also has its own line style and marker, so
#: no two series are told apart by colour alone (WCAG 1.4.1).
SERIES: tuple[Series, ...] = (
    Series("#0072b2", Qt.PenStyle.SolidLine, "o"),
    Series("#b35900", Qt.PenStyle.DashLine, "t"),
    Series("#007a5a", Qt.PenStyle.DotLine, "s"),
    Series("#a8457e", Qt.PenStyle.DashDotLine, "d"),
    Series("#2f7fb8", Qt.PenStyle.DashDotDotLine, "+"),
    Series("#6b6f75", Qt.PenStyle.SolidLine, "x"),
)


# ----------------------------------------------------------------------------- contrast
def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG relative luminance (sRGB)."""
    r, g, b = (_channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor | str, b: QColor | str) -> float:
    """WCAG contrast ratio of two opaque colours, 1 … 21."""
    la, lb = luminance(QColor(a)), luminance(QColor(b))
    high, low = max(la, lb), min(la, lb)
    return (high + 0.05) / (low + 0.05)


def is_dark(palette: QPalette) -> bool:
    return luminance(palette.color(QPalette.ColorRole.Base)) < 0.2


def fit(colour: QColor | str, background: QColor | str, ratio: float) -> QColor:
    """``colour`` with its hue kept, darker or lighter until it has ``ratio`` on
    ``background`` (darker on light surfaces, lighter on dark ones)."""
    fg, bg = QColor(colour), QColor(background)
    if contrast(fg, bg) >= ratio:
        return fg
    towards_black = luminance(bg) >= 0.18
    hue, saturation, lightness = fg.hslHueF(), fg.hslSaturationF(), fg.lightnessF()
    step = -0.01 if towards_black else 0.01
    for _ in range(100):
        lightness = min(max(lightness + step, 0.0), 1.0)
        fg = QColor.fromHslF(max(hue, 0.0), saturation, lightness)
        if contrast(fg, bg) >= ratio:
            return fg
    return QColor("#000000" if towards_black else "#ffffff")


def mix(a: QColor | str, b: QColor | str, share_of_b: float) -> QColor:
    ca, cb = QColor(a), QColor(b)
    t = min(max(share_of_b, 0.0), 1.0)
    return QColor.fromRgbF(
        ca.redF() + (cb.redF() - ca.redF()) * t,
        ca.greenF() + (cb.greenF() - ca.greenF()) * t,
        ca.blueF() + (cb.blueF() - ca.blueF()) * t,
    )


# ----------------------------------------------------------------------------- palettes
_R = QPalette.ColorRole


def _palette(colours: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, value in colours.items():
        palette.setColor(role, QColor(value))
    return fix(palette)


def light() -> QPalette:
    """Fusion's light palette with a selection and placeholder that pass 4.5:1."""
    return _palette(
        {
            _R.Window: "#efefef",
            _R.WindowText: "#000000",
            _R.Base: "#ffffff",
            _R.AlternateBase: "#f7f7f7",
            _R.Text: "#000000",
            _R.Button: "#efefef",
            _R.ButtonText: "#000000",
            _R.ToolTipBase: "#ffffdc",
            _R.ToolTipText: "#000000",
            _R.Highlight: "#1f5f99",
            _R.HighlightedText: "#ffffff",
            _R.Link: "#0b57a4",
            _R.Mid: "#8a8a8a",
        }
    )


def dark() -> QPalette:
    return _palette(
        {
            _R.Window: "#2b2b2b",
            _R.WindowText: "#e8e8e8",
            _R.Base: "#1e1e1e",
            _R.AlternateBase: "#262626",
            _R.Text: "#e8e8e8",
            _R.Button: "#353535",
            _R.ButtonText: "#e8e8e8",
            _R.ToolTipBase: "#3a3a3a",
            _R.ToolTipText: "#f0f0f0",
            _R.Highlight: "#2f6fb0",
            _R.HighlightedText: "#ffffff",
            _R.Link: "#8cc4ff",
            _R.Mid: "#6e6e6e",
        }
    )


def high_contrast() -> QPalette:
    """Windows' "High Contrast Black" (Nacht) colours."""
    return _palette(
        {
            _R.Window: "#000000",
            _R.WindowText: "#ffffff",
            _R.Base: "#000000",
            _R.AlternateBase: "#000000",
            _R.Text: "#ffffff",
            _R.Button: "#000000",
            _R.ButtonText: "#ffffff",
            _R.ToolTipBase: "#000000",
            _R.ToolTipText: "#ffffff",
            _R.Highlight: "#1aebff",
            _R.HighlightedText: "#000000",
            _R.Link: "#ffff00",
            _R.Mid: "#ffffff",
        }
    )


PALETTES = {"light": light, "dark": dark, "high-contrast": high_contrast}


def fix(palette: QPalette) -> QPalette:
    """Selection, placeholder and disabled text fitted to pass on their surfaces."""
    base = palette.color(_R.Base)
    highlight = palette.color(_R.Highlight)
    palette.setColor(_R.HighlightedText, fit(palette.color(_R.HighlightedText), highlight, 4.5))
    # the selection's own fill must stand out from the surface as a graphic
    if contrast(highlight, base) < GRAPHIC_RATIO:
        palette.setColor(_R.Highlight, fit(highlight, base, GRAPHIC_RATIO))
        palette.setColor(
            _R.HighlightedText,
            fit(palette.color(_R.HighlightedText), palette.color(_R.Highlight), 4.5),
        )
    text = palette.color(_R.Text)
    placeholder = fit(mix(text, base, 0.45), palette.color(_R.AlternateBase), TEXT_RATIO)
    palette.setColor(_R.PlaceholderText, fit(placeholder, base, TEXT_RATIO))
    return palette


def apply(app: QGuiApplication, name: str | None = None) -> QPalette:
    """Set the palette ``name`` ("light", "dark", "high-contrast"; else ``TIKDESK_THEME``;
    else the system's palette, fitted) and refit :data:`TEXT` and :data:`SWATCH` to it.
    Returns the palette now in force."""
    name = name or os.environ.get("TIKDESK_THEME", "")
    factory = PALETTES.get(name)
    palette = factory() if factory is not None else fix(QPalette(app.palette()))
    app.setPalette(palette)
    refresh(palette)
    return palette


#: Status text colours fitted to the palette in force, one object per kind: modules keep a
#: reference (``RED = theme.TEXT["bad"]``) and :func:`refresh` changes them in place.
TEXT: dict[str, QColor] = {kind: QColor(hue) for kind, hue in HUES.items()}
#: The idea statuses' swatches fitted to the palette in force (in place, like TEXT).
SWATCH: dict[str, QColor] = {
    status: fit(hue, "#ffffff", GRAPHIC_RATIO) for status, hue in STATUS_HUES.items()
}


def refresh(palette: QPalette) -> None:
    for kind, colour in TEXT.items():
        colour.setRgb(text(kind, palette=palette).rgb())
    for status, colour in SWATCH.items():
        colour.setRgb(status_swatch(status, palette).rgb())


# ----------------------------------------------------------------------------- derived
def _current(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def text(kind: str, background: QColor | None = None, palette: QPalette | None = None) -> QColor:
    """A status text colour ("ok", "warn", "bad", "muted", "info") readable on
    ``background`` (default: the palette's Base and AlternateBase)."""
    pal = _current(palette)
    hue = QColor(HUES[kind])
    if background is not None:
        return fit(hue, background, TEXT_RATIO)
    colour = fit(hue, pal.color(_R.Base), TEXT_RATIO)
    colour = fit(colour, pal.color(_R.AlternateBase), TEXT_RATIO)
    colour = fit(colour, pal.color(_R.Window), TEXT_RATIO)
    for cell in CELL_TINTS:  # a calendar entry on a holiday, a good hour or today
        colour = fit(colour, tint(cell, pal), TEXT_RATIO)
    return colour


def graphic(hue: str, background: QColor | None = None, palette: QPalette | None = None) -> QColor:
    """A swatch, bar or line colour with 3:1 on ``background`` (default: Base)."""
    bg = background if background is not None else _current(palette).color(_R.Base)
    return fit(hue, bg, GRAPHIC_RATIO)


def status_swatch(status: str, palette: QPalette | None = None) -> QColor:
    return graphic(STATUS_HUES.get(status, "#8a8f98"), palette=palette)


def selected_card(palette: QPalette | None = None) -> QColor:
    """The fill of a selected board card: a tint of the selection on the surface."""
    pal = _current(palette)
    return mix(pal.color(_R.Base), pal.color(_R.Highlight), 0.18)


def tint(kind: str, palette: QPalette | None = None) -> QColor:
    """A cell background of :data:`TINTS` on the palette's Base."""
    hue, share = TINTS[kind]
    return mix(_current(palette).color(_R.Base), hue, share)


def muted(background: QColor | None = None, palette: QPalette | None = None) -> QColor:
    """Secondary text (owner, format, footers) on ``background`` (default: Base)."""
    pal = _current(palette)
    bg = background if background is not None else pal.color(_R.Base)
    return fit(pal.color(_R.PlaceholderText), bg, TEXT_RATIO)


def css(kind: str) -> str:
    """A style sheet ``color`` for a status text (error messages, notes) in the palette."""
    return f"color: {text(kind).name()};"


def box_colours(kind: str, palette: QPalette | None = None) -> tuple[QColor, QColor, QColor]:
    """(text, border, fill) of a tinted notice box ("ok", "warn", "info", "muted")."""
    pal = _current(palette)
    base = pal.color(_R.Base)
    fill = mix(base, HUES[kind], 0.10)
    return fit(pal.color(_R.Text), fill, TEXT_RATIO), fit(HUES[kind], fill, GRAPHIC_RATIO), fill


def box_style(object_name: str, kind: str, padding: int = 4) -> str:
    """The style sheet of a tinted notice box, readable in the palette in force."""
    fg, border, fill = box_colours(kind)
    return (
        f"QLabel#{object_name} {{ padding: {padding}px; border: 1px solid {border.name()};"
        f" background: {fill.name()}; color: {fg.name()}; }}"
    )


# ----------------------------------------------------------------------------- the pairs
class Pair(NamedTuple):
    name: str
    foreground: QColor
    background: QColor
    threshold: float

    @property
    def ratio(self) -> float:
        return contrast(self.foreground, self.background)


def pairs(palette: QPalette) -> list[Pair]:
    """Every colour pair TikDesk draws, with its WCAG threshold, in ``palette``."""
    c = palette.color
    found = [
        Pair("text on base", c(_R.Text), c(_R.Base), TEXT_RATIO),
        Pair("text on alternate rows", c(_R.Text), c(_R.AlternateBase), TEXT_RATIO),
        Pair("window text", c(_R.WindowText), c(_R.Window), TEXT_RATIO),
        Pair("button text", c(_R.ButtonText), c(_R.Button), TEXT_RATIO),
        Pair("selected row", c(_R.HighlightedText), c(_R.Highlight), TEXT_RATIO),
        Pair("placeholder", c(_R.PlaceholderText), c(_R.Base), TEXT_RATIO),
        Pair("placeholder, alternate", c(_R.PlaceholderText), c(_R.AlternateBase), TEXT_RATIO),
        Pair("tooltip", c(_R.ToolTipText), c(_R.ToolTipBase), TEXT_RATIO),
        Pair("selection vs surface", c(_R.Highlight), c(_R.Base), GRAPHIC_RATIO),
        Pair("banner", QColor(BANNER_TEXT), QColor(BANNER_BACKGROUND), TEXT_RATIO),
        Pair("banner border", QColor(BANNER_BORDER), QColor(BANNER_BACKGROUND), GRAPHIC_RATIO),
    ]
    card = selected_card(palette)
    found += [
        Pair("card title, selected", c(_R.Text), card, TEXT_RATIO),
        Pair("card details", muted(palette=palette), c(_R.Base), TEXT_RATIO),
        Pair("card details, selected", muted(card, palette), card, TEXT_RATIO),
        Pair("card overdue", text("bad", palette=palette), c(_R.Base), TEXT_RATIO),
        Pair("card overdue, selected", text("bad", card, palette), card, TEXT_RATIO),
        Pair("card border, selected", c(_R.Highlight), c(_R.Base), GRAPHIC_RATIO),
        Pair("board footer", muted(c(_R.Window), palette), c(_R.Window), TEXT_RATIO),
    ]
    for kind in HUES:
        for role in (_R.Base, _R.AlternateBase, _R.Window):
            found.append(
                Pair(
                    f"{kind} text on {role.name}", text(kind, palette=palette), c(role), TEXT_RATIO
                )
            )
        for cell in CELL_TINTS:
            found.append(
                Pair(
                    f"{kind} text on the {cell} tint",
                    text(kind, palette=palette),
                    tint(cell, palette),
                    TEXT_RATIO,
                )
            )
    for status in STATUS_HUES:
        found.append(
            Pair(
                f"status {status} swatch", status_swatch(status, palette), c(_R.Base), GRAPHIC_RATIO
            )
        )
    for kind in HUES:
        fg, border, fill = box_colours(kind, palette)
        found.append(Pair(f"{kind} box text", fg, fill, TEXT_RATIO))
        found.append(Pair(f"{kind} box border", border, fill, GRAPHIC_RATIO))
    for kind in TINTS:
        fill = tint(kind, palette)
        found.append(Pair(f"text on the {kind} tint", c(_R.Text), fill, TEXT_RATIO))
    below = tint("below", palette)
    found.append(Pair("below-target text", text("warn", below, palette), below, TEXT_RATIO))
    found.append(Pair("other month's day", muted(c(_R.Window), palette), c(_R.Window), TEXT_RATIO))
    plot = QColor(PLOT_BACKGROUND)
    for index, series in enumerate(SERIES):
        found.append(Pair(f"chart series {index + 1}", QColor(series.colour), plot, GRAPHIC_RATIO))
    return found + chart_pairs()


def on_colour(fill: QColor | str) -> QColor:
    """Black or white, whichever has more contrast on ``fill`` (always at least 4.5:1)."""
    black, white = QColor("#000000"), QColor("#ffffff")
    return black if contrast(black, fill) >= contrast(white, fill) else white


def chart_pairs() -> list[Pair]:
    """The charts' own pairs: the same in every palette (their plot area stays light)."""
    plot, empty = QColor(PLOT_BACKGROUND), QColor(HEAT_EMPTY)
    found = [
        Pair("chart text", QColor(PLOT_TEXT), plot, TEXT_RATIO),
        Pair("chart axis line", QColor(PLOT_AXIS), plot, GRAPHIC_RATIO),
        Pair("chart gain bars", QColor(PLOT_GAIN), plot, GRAPHIC_RATIO),
        Pair("chart loss bars", QColor(PLOT_LOSS), plot, GRAPHIC_RATIO),
        Pair("heat map lowest cell vs empty cell", QColor(HEAT_SCALE[0]), empty, GRAPHIC_RATIO),
        Pair("heat map empty cell text", on_colour(empty), empty, TEXT_RATIO),
    ]
    for index, fill in enumerate(HEAT_SCALE):
        found.append(
            Pair(f"heat map count, scale {index}", on_colour(fill), QColor(fill), TEXT_RATIO)
        )
    return found
