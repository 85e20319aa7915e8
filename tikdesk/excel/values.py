"""Cell values from foreign files → clean Python values, or a reason why not.

Pure functions, no I/O; every parser takes what a reader delivers (``str``, ``int``,
``float``, ``bool``, ``datetime.date``/``datetime``, ``None``) and either returns the value or
raises :class:`ValueProblem` whose ``reason`` is a user-facing sentence (via ``msg``).
Callers turn that into a :class:`tikdesk.excel.preview.Problem` with row and column.

API (stable, also used by the analytics import):

``clean_text(value, multiline=False) -> str``
    Strings with invisible characters (zero-width space/joiner, BOM, word joiner, soft hyphen,
    direction marks, overrides, embeddings and isolates) removed, non-breaking/narrow spaces
    turned into spaces, runs of spaces collapsed, ends trimmed.  ``multiline=True`` keeps
    line breaks (normalised to ``\\n``).  Numbers print without a spurious ``.0``
    (``12.0`` → ``"12"``); dates as ISO.
``is_blank(value) -> bool``
``error_value(value) -> str | None``
    The Excel error text (``#NV``, ``#N/A``, ``#DIV/0!`` …) when the cell holds one.
``parse_number(value, decimal=",") -> float``
    German and English numbers: ``1.234,5``, ``12,5 %`` (→ 0.125: a percent sign divides by
    100), ``1.234,50 €``, ``-3``, ``(3)`` is not accepted.  **Rule for the ambiguous case** — a
    single separator followed by exactly three digits (``1.234``, ``5,431``): it is a
    *thousands* separator unless it is the ``decimal`` character of the file.  So with
    ``decimal=","`` (German files, the default) ``1.234`` = 1234 and ``5,431`` = 5.431; with
    ``decimal="."`` (English exports such as TikTok's) ``5,431`` = 5431 and ``1.234`` = 1.234.
    When both ``.`` and ``,`` occur, the last one is the decimal separator whatever
    ``decimal`` says.  Use :func:`guess_decimal` on a whole column to choose ``decimal``.
``parse_int(value, decimal=",") -> int``
``guess_decimal(values) -> str``
    ``","`` or ``"."`` from a column's texts (a separator followed by other than three
    digits decides; German ``","`` when nothing decides).
``parse_date(value, date1904=False) -> datetime.date``
    Real date cells; Excel serial numbers in the 1900 system (with Excel's fictitious
    29 Feb 1900 rejected) or the 1904 system; texts ``24.11.2026``, ``24.11.26`` (two-digit
    years 00–29 → 20xx, 30–99 → 19xx, as Excel does), ``1.2.2026`` (always day.month — 1
    February), ISO ``2026-11-24`` (optionally with a time), ``2026/11/24``.  Impossible dates
    (``31.02.2026``) and ambiguous ones (``02/03/2026``) are problems, never guesses.
``parse_datetime(value, date1904=False) -> datetime.datetime``
    Like ``parse_date`` but keeps a time of day (``24.11.2026 14:30``, serial fractions).
``parse_bool(value) -> bool | None``
    ``ja``, ``j``, ``x``, ``✓``, ``✔``, ``WAHR``, ``true``, ``yes``, ``1`` → True;
    ``nein``, ``n``, ``FALSCH``, ``false``, ``no``, ``0``, ``-`` → False; empty → None.
``unescape_formula_guard(text) -> str``
    Undo the ``'`` that CSV writers (ours too) put before ``=``, ``+``, ``-``, ``@``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from typing import Any

from tikdesk.domain.i18n import msg
from tikdesk.domain.text import BIDI_CONTROLS

__all__ = [
    "ValueProblem",
    "clean_text",
    "error_value",
    "guess_decimal",
    "is_blank",
    "parse_bool",
    "parse_date",
    "parse_datetime",
    "parse_int",
    "parse_number",
    "unescape_formula_guard",
]


class ValueProblem(ValueError):
    """A cell value that cannot be used; ``reason`` is meant for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# ----------------------------------------------------------------------------- text
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f" + BIDI_CONTROLS), None
)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u2002\u2003\u3000"), " ")
_TRANSLATE = {**_INVISIBLE, **_SPACES}
_SPECIAL = re.compile("[" + "".join(map(chr, _TRANSLATE)) + "]")
_RUNS = re.compile(r"[ \t\f\v]+")
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def clean_text(value: Any, multiline: bool = False) -> str:
    """A cell as trimmed text without invisible characters (see module docstring)."""
    if value.__class__ is str:  # the common case first, cheaply
        text = value
        if not text.isascii() and _SPECIAL.search(text):
            text = text.translate(_TRANSLATE)
        if multiline:
            return _multiline(text)
        return " ".join(text.split())
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        return "WAHR" if value else "FALSCH"
    elif isinstance(value, float):
        if math.isnan(value):
            return ""
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    elif isinstance(value, dt.datetime):
        text = value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value)
    text = text.translate(_TRANSLATE)
    if multiline:
        return _multiline(text)
    return " ".join(text.split())


def _multiline(text: str) -> str:
    if "\n" not in text and "\r" not in text:
        return " ".join(text.split())
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(_RUNS.sub(" ", line).strip() for line in lines).strip()


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if value.__class__ is str:
        if not value or (value.isascii() and not value.isspace()):
            return not value
        return not value.translate(_TRANSLATE).strip()
    return isinstance(value, float) and math.isnan(value)


_ERRORS = {
    "#NV",
    "#N/A",
    "#DIV/0!",
    "#WERT!",
    "#VALUE!",
    "#BEZUG!",
    "#REF!",
    "#NAME?",
    "#ZAHL!",
    "#NUM!",
    "#NULL!",
    "#LEER!",
    "#SPILL!",
    "#ÜBERLAUF!",
    "#CALC!",
    "#BERECHNEN!",
    "#GETTING_DATA",
    "#FIELD!",
    "#FELD!",
    "#BLOCKED!",
    "#UNKNOWN!",
    "#CONNECT!",
    "#BUSY!",
}


def error_value(value: Any) -> str | None:
    """The Excel error shown in the cell (``#NV`` …), or None."""
    if isinstance(value, str) and value.startswith("#"):
        text = value.strip().upper()
        if text in _ERRORS:
            return value.strip()
    return None


def _error_problem(err: str) -> ValueProblem:
    return ValueProblem(
        msg(
            f"Die Zelle enthält den Excel-Fehler „{err}“ statt eines Werts.",
            f"The cell holds the Excel error '{err}' instead of a value.",
        )
    )


def unescape_formula_guard(text: str) -> str:
    """``'=SUM(1)`` → ``=SUM(1)``: the apostrophe CSV writers add against formula injection."""
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_TRIGGERS:
        return text[1:]
    return text


# ----------------------------------------------------------------------------- numbers
_CURRENCY = re.compile(r"(€|eur|euro|\$|usd|chf|£)", re.IGNORECASE)
_NUMBER_CHARS = re.compile(r"^[+-]?[0-9.,']+$")
_THREE = re.compile(r"^[+-]?\d{1,3}([.,]\d{3})+$")


def guess_decimal(values: Iterable[Any]) -> str:
    """``","`` or ``"."`` for a column of number texts (see module docstring)."""
    for value in values:
        if not isinstance(value, str):
            continue
        text = value.strip().rstrip("%€ ").strip()
        if "," in text and "." in text:
            return "," if text.rfind(",") > text.rfind(".") else "."
        for sep in (",", "."):
            if text.count(sep) == 1:
                tail = text.split(sep)[1]
                if tail.isdigit() and len(tail) != 3:
                    return sep
            elif text.count(sep) > 1:
                return "." if sep == "," else ","  # repeated → thousands
    return ","


def parse_number(value: Any, decimal: str = ",") -> float:
    """A number from a cell; see the module docstring for the rules."""
    if isinstance(value, bool):
        raise ValueProblem(msg("Ja/Nein ist keine Zahl.", "Yes/no is not a number."))
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueProblem(msg("Keine gültige Zahl.", "Not a valid number."))
        return float(value)
    if not isinstance(value, str):
        raise _not_a_number(clean_text(value))
    if (err := error_value(value)) is not None:
        raise _error_problem(err)
    raw = clean_text(value)
    text = _CURRENCY.sub("", raw).replace(" ", "")
    factor = 1.0
    if text.endswith("%"):
        factor, text = 0.01, text[:-1]
    text = text.replace("\u2212", "-")  # typographic minus
    if not text or not _NUMBER_CHARS.match(text):
        raise _not_a_number(raw)
    text = text.replace("'", "")  # Swiss thousands
    has_dot, has_comma = "." in text, "," in text
    if has_dot and has_comma:
        dec = "," if text.rfind(",") > text.rfind(".") else "."
    elif has_dot or has_comma:
        sep = "." if has_dot else ","
        if text.count(sep) > 1:
            dec = "," if sep == "." else "."  # 1.234.567 → thousands
        elif _THREE.match(text):
            dec = sep if sep == decimal else ("," if sep == "." else ".")
        else:
            dec = sep
    else:
        dec = "."
    thousands = "." if dec == "," else ","
    if thousands in text and not _THREE.match(text.split(dec)[0] if dec in text else text):
        raise _not_a_number(raw)
    text = text.replace(thousands, "").replace(dec, ".")
    try:
        return float(text) * factor
    except ValueError:
        raise _not_a_number(raw) from None


def _not_a_number(text: str) -> ValueProblem:
    return ValueProblem(msg(f"„{text}“ ist keine Zahl.", f"'{text}' is not a number."))


def parse_int(value: Any, decimal: str = ",") -> int:
    number = parse_number(value, decimal)
    if not number.is_integer():
        raise ValueProblem(
            msg(
                f"„{clean_text(value)}“ ist keine ganze Zahl.",
                f"'{clean_text(value)}' is not a whole number.",
            )
        )
    return int(number)


# ----------------------------------------------------------------------------- dates
_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)
_MAX_SERIAL = 2_958_465  # 9999-12-31
_GERMAN = re.compile(
    r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)
_ISO = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?$"
)
_SLASHED = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}")


def _serial(value: float, date1904: bool) -> dt.datetime:
    if not 0 < value <= _MAX_SERIAL:
        raise ValueProblem(
            msg(
                f"{clean_text(value)} ist weder ein Datum noch eine Excel-Datumszahl.",
                f"{clean_text(value)} is neither a date nor an Excel date number.",
            )
        )
    if date1904:
        return _EPOCH_1904 + dt.timedelta(days=value)
    if 60 <= value < 61:
        raise ValueProblem(
            msg(
                "Den 29.02.1900 gibt es nicht (Excel-Datumsfehler).",
                "29 Feb 1900 does not exist (an Excel date bug).",
            )
        )
    if value < 60:  # Excel counts the fictitious 29 Feb 1900, so earlier days shift by one
        return _EPOCH_1900 + dt.timedelta(days=value + 1)
    return _EPOCH_1900 + dt.timedelta(days=value)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 30 else 1900
    return year


def _build(
    raw: str, y: int, m: int, d: int, hh: str | None, mm: str | None, ss: str | None
) -> dt.datetime:
    try:
        return dt.datetime(y, m, d, int(hh or 0), int(mm or 0), int(ss or 0))
    except ValueError:
        raise ValueProblem(
            msg(
                f"Das Datum „{raw}“ gibt es nicht.",
                f"The date '{raw}' does not exist.",
            )
        ) from None


def parse_datetime(value: Any, date1904: bool = False) -> dt.datetime:
    """A point in time from a cell; see the module docstring."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, bool):
        raise _not_a_date(clean_text(value))
    if isinstance(value, int | float):
        return _serial(float(value), date1904)
    if not isinstance(value, str):
        raise _not_a_date(clean_text(value))
    if (err := error_value(value)) is not None:
        raise _error_problem(err)
    raw = clean_text(value)
    if match := _GERMAN.match(raw):
        d, m, y, hh, mm, ss = match.groups()
        return _build(raw, _year(y), int(m), int(d), hh, mm, ss)
    if match := _ISO.match(raw):
        y, m, d, hh, mm, ss = match.groups()
        return _build(raw, int(y), int(m), int(d), hh, mm, ss)
    if _SLASHED.match(raw):
        raise ValueProblem(
            msg(
                f"„{raw}“ ist mehrdeutig (Tag/Monat oder Monat/Tag?). Bitte als 24.11.2026 "
                "oder 2026-11-24 schreiben.",
                f"'{raw}' is ambiguous (day/month or month/day?). Please write 24.11.2026 or "
                "2026-11-24.",
            )
        )
    raise _not_a_date(raw)


def parse_date(value: Any, date1904: bool = False) -> dt.date:
    return parse_datetime(value, date1904).date()


def _not_a_date(text: str) -> ValueProblem:
    return ValueProblem(
        msg(
            f"„{text}“ ist kein Datum (erwartet z. B. 24.11.2026).",
            f"'{text}' is not a date (expected e.g. 24.11.2026).",
        )
    )


# ----------------------------------------------------------------------------- yes/no
_TRUE = {"ja", "j", "x", "✓", "✔", "☑", "✅", "wahr", "true", "yes", "y", "1", "ok", "w"}
_FALSE = {"nein", "n", "falsch", "false", "no", "0", "-", "–", "✗", "✘", "☐", "f"}


def parse_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if is_blank(value):
        return None
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
    else:
        text = clean_text(value).lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise ValueProblem(
        msg(
            f"„{clean_text(value)}“ ist weder Ja noch Nein (erwartet ja/nein, x, ✓, WAHR/FALSCH).",
            f"'{clean_text(value)}' is neither yes nor no (expected yes/no, x, ✓, TRUE/FALSE).",
        )
    )
