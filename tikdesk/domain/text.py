"""Text that is safe to store and show.

``storable_name(name) -> str``
    A file name as the OS gave it, made valid Unicode: a name that is not valid UTF-8 on
    Linux arrives with surrogate escapes (``os.fsdecode(b"ideen_\\xff.csv")``), which no
    database or UTF-8 stream accepts; its undecodable bytes become ``\\xff``.
``BIDI_CONTROLS`` and ``strip_bidi(text) -> str``
    The Unicode direction overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069)
    that make ``"Rechnung \\u202egpj.exe\\u202c"`` display as ``"Rechnung exe.jpg"``; they
    are removed wherever zero-width characters are.
``thousands(n) -> str``
    A count with the thousands separator of the language: ``16.380`` / ``16,380``.
``name_pattern(names) -> Pattern | None``
    Whole-word, case-insensitive pattern for people's full names, then their parts (three
    letters or more): what the erasure redacts and the report keeps out of titles.
``column_list(names, limit=10) -> str``
    Column names for a notice: the first ``limit`` (quoted in German), then a count of the
    rest — ``„A“, „B“ – 16.380 weitere Spalten ignoriert`` — so a sheet of 16,384 columns
    gives one line, not 185 KB.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from tikdesk.domain.i18n import language, msg

__all__ = [
    "BIDI_CONTROLS",
    "column_list",
    "name_pattern",
    "storable_name",
    "strip_bidi",
    "thousands",
]

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_NO_BIDI = dict.fromkeys(map(ord, BIDI_CONTROLS), None)


def storable_name(name: str) -> str:
    """``name`` as valid Unicode (see module docstring); a valid name is returned as is."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return name
    try:  # bytes the OS could not decode (Linux): show them as \xff
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # other lone surrogates (Windows): show them as \udc80
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def thousands(number: int) -> str:
    """``number`` with the thousands separator of the language (see module docstring)."""
    text = f"{number:,}"
    return text.replace(",", ".") if language() == "de" else text


def strip_bidi(text: str) -> str:
    """``text`` without direction overrides, embeddings and isolates."""
    return text if text.isascii() else text.translate(_NO_BIDI)


def column_list(names: Sequence[str], limit: int = 10) -> str:
    """Column names for a notice, the rest counted (see module docstring)."""
    shown, rest = names[:limit], len(names) - limit
    de = ", ".join(f"„{n}“" for n in shown)
    en = ", ".join(shown)
    if rest > 0:
        de += f" – {thousands(rest)} weitere Spalten ignoriert"
        en += f" – {thousands(rest)} more columns ignored"
    return msg(de, en)


def name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """Whole-word, case-insensitive pattern for full names first, then their parts."""
    words: list[str] = []
    for name in names:
        name = " ".join(name.split())
        if not name:
            continue
        words.append(name)
        words.extend(part for part in re.split(r"[\s\-]+", name) if len(part) >= 3)
    unique = sorted(set(words), key=len, reverse=True)
    if not unique:
        return None
    return re.compile(
        r"(?<!\w)(" + "|".join(re.escape(w) for w in unique) + r")(?!\w)", re.IGNORECASE
    )
