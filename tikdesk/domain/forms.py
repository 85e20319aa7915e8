"""Printable consent forms (issue 18): the text templates, the form kinds, the form number.

The texts are templates the organisation can adapt, looked up like the checklist files
(:func:`tikdesk.domain.checklist.search_dirs`): a file in the organisation's folder
(``<data folder>/forms/``) replaces the shipped one in ``resources/forms/``.

* ``consent_text.toml`` — the declaration for adults, for staff (employees and apprentices:
  voluntariness, no disadvantage, written form per § 26 Abs. 2 BDSG, withdrawal) and for minors
  (custodians' note, the minor's own line), with its ``version``.
* ``art13.toml`` — the Art. 13 DSGVO information (controller, the DSB's contact, purposes,
  legal basis, retention, rights, withdrawal), with its ``version``; ``{controller}``, ``{dpo}``
  … are filled from the organisation's settings.

Both versions are printed on the form and stored with the consent made from it.  A broken file
raises :class:`FormTemplateError` naming the file and the line.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn

from tikdesk.domain.checklist import DataFile, line_of, read_toml
from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg

CONSENT_TEXT_FILE = "consent_text.toml"
ART13_FILE = "art13.toml"
#: The Art. 13 blocks in print order: each a table with ``heading`` and ``text``.
ART13_BLOCKS = (
    "controller",
    "dpo",
    "purposes",
    "legal_basis",
    "retention",
    "rights",
    "withdrawal",
)
#: Placeholders a template may use; the service fills them.
PLACEHOLDERS = frozenset(
    {"organisation", "controller", "dpo", "purposes", "platforms", "own_consent_age"}
)
FORM_PREFIX = "EW"


class FormKind(StrEnum):
    ADULT = "adult"
    STAFF = "staff"  # employees and apprentices
    MINOR = "minor"


class FormTemplateError(InputRejected):
    """A form template cannot be used; the message names file and line."""

    def __init__(self, message: str, path: Path | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line


@dataclass(frozen=True)
class KindText:
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class ConsentTexts:
    version: str
    kinds: Mapping[FormKind, KindText]
    custodian_note: str  # minors: both custodians sign unless one has sole custody
    sole_custody_note: str  # minors with a documented sole custody
    own_line_note: str  # minors: from the own-consent age they sign too
    path: Path


@dataclass(frozen=True)
class Art13Texts:
    version: str
    title: str
    blocks: tuple[tuple[str, str], ...]  # (heading, text) in ART13_BLOCKS order
    path: Path


def shipped_dir(resource_dir: Path) -> Path:
    return resource_dir / "forms"


def template_file(name: str, dirs: Sequence[Path]) -> Path:
    """The first folder that has ``name`` wins (the organisation's own first)."""
    for folder in dirs:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    where = ", ".join(str(d) for d in dirs)
    raise FormTemplateError(
        msg(
            f"Formularvorlage „{name}“ nicht gefunden (gesucht in: {where}).",
            f"Form template '{name}' not found (looked in: {where}).",
        )
    )


# ----------------------------------------------------------------------------- reading


def _read(path: Path) -> DataFile:
    return read_toml(path, FormTemplateError, ("Formularvorlage", "Form template"))


def _fail(raw: DataFile, what_de: str, what_en: str, line: int | None) -> NoReturn:
    where_de = f", Zeile {line}" if line else ""
    where_en = f", line {line}" if line else ""
    raise FormTemplateError(
        msg(
            f"Formularvorlage {raw.path}{where_de}: {what_de}.",
            f"Form template {raw.path}{where_en}: {what_en}.",
        ),
        raw.path,
        line,
    )


def _field_line(raw: DataFile, table: str | None, name: str) -> int | None:
    """Line of ``name = …`` inside ``[table]`` (top level when ``table`` is None)."""
    lines = raw.text.splitlines()
    inside = table is None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = table is not None and bool(
                re.fullmatch(rf"\[\s*{re.escape(table)}\s*\]", stripped)
            )
            continue
        if inside and re.match(rf"^\s*{re.escape(name)}\s*=", line):
            return number
    if table is not None:
        return line_of(raw.text, rf"^\s*\[\s*{re.escape(table)}\s*\]")
    return None


def _check_placeholders(raw: DataFile, table: str | None, name: str, value: str) -> None:
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(value) if f is not None]
    except ValueError:
        _fail(
            raw,
            f"„{name}“ enthält eine einzelne geschweifte Klammer (als {{{{ bzw. }}}} schreiben)",
            f"'{name}' holds a lone curly brace (write {{{{ or }}}})",
            _field_line(raw, table, name),
        )
    unknown = sorted(set(fields) - PLACEHOLDERS)
    if unknown:
        allowed = ", ".join("{" + p + "}" for p in sorted(PLACEHOLDERS))
        _fail(
            raw,
            f"unbekannter Platzhalter {{{unknown[0]}}} in „{name}“ (erlaubt: {allowed})",
            f"unknown placeholder {{{unknown[0]}}} in '{name}' (allowed: {allowed})",
            _field_line(raw, table, name),
        )


def _str(raw: DataFile, data: Mapping[str, Any], table: str | None, name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        where = f"[{table}] " if table else ""
        _fail(
            raw,
            f"{where}Feld „{name}“ fehlt, ist leer oder kein Text in Anführungszeichen",
            f"{where}field '{name}' is missing, empty or not quoted text",
            _field_line(raw, table, name),
        )
    _check_placeholders(raw, table, name, value)
    return value.strip()


def _table(raw: DataFile, name: str) -> Mapping[str, Any]:
    value = raw.data.get(name)
    if not isinstance(value, dict):
        _fail(
            raw,
            f"Abschnitt [{name}] fehlt",
            f"section [{name}] is missing",
            line_of(raw.text, rf"^\s*{re.escape(name)}\b"),
        )
    return value


def load_consent_texts(dirs: Sequence[Path]) -> ConsentTexts:
    raw = _read(template_file(CONSENT_TEXT_FILE, dirs))
    version = _str(raw, raw.data, None, "version")
    kinds: dict[FormKind, KindText] = {}
    for kind in FormKind:
        table = _table(raw, kind.value)
        paragraphs = table.get("paragraphs")
        if (
            not isinstance(paragraphs, list)
            or not paragraphs
            or not all(isinstance(p, str) and p.strip() for p in paragraphs)
        ):
            _fail(
                raw,
                f'[{kind.value}] „paragraphs“ muss eine Liste von Texten sein, z. B. ["…", "…"]',
                f'[{kind.value}] \'paragraphs\' must be a list of texts, e.g. ["…", "…"]',
                _field_line(raw, kind.value, "paragraphs"),
            )
        for text in paragraphs:
            _check_placeholders(raw, kind.value, "paragraphs", text)
        kinds[kind] = KindText(
            _str(raw, table, kind.value, "title"), tuple(p.strip() for p in paragraphs)
        )
    minor = _table(raw, FormKind.MINOR.value)
    return ConsentTexts(
        version=version,
        kinds=kinds,
        custodian_note=_str(raw, minor, "minor", "custodian_note"),
        sole_custody_note=_str(raw, minor, "minor", "sole_custody_note"),
        own_line_note=_str(raw, minor, "minor", "own_line_note"),
        path=raw.path,
    )


def load_art13(dirs: Sequence[Path]) -> Art13Texts:
    raw = _read(template_file(ART13_FILE, dirs))
    version = _str(raw, raw.data, None, "version")
    title = _str(raw, raw.data, None, "title")
    blocks = []
    for name in ART13_BLOCKS:
        table = _table(raw, name)
        blocks.append((_str(raw, table, name, "heading"), _str(raw, table, name, "text")))
    return Art13Texts(version, title, tuple(blocks), raw.path)


def fill(template: str, values: Mapping[str, str]) -> str:
    """A checked template with its placeholders filled."""
    return template.format_map({k: values.get(k, "") for k in PLACEHOLDERS})


# ----------------------------------------------------------------------------- the number


def _check_digit(digits: str) -> int:
    """Luhn: one mistyped digit or two swapped neighbours give another check digit."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return (10 - total % 10) % 10


def form_number(serial: int) -> str:
    """``EW-000123-4``: the form's row number and a check digit."""
    digits = f"{serial:06d}"
    return f"{FORM_PREFIX}-{digits}-{_check_digit(digits)}"


def parse_form_number(text: str) -> str | None:
    """The canonical number for what was typed or scanned (``ew 000123 4``, ``EW0001234``),
    or None when it is no form number or its check digit is wrong."""
    compact = re.sub(r"[\s\-–_./]", "", text).upper()
    found = re.fullmatch(rf"{FORM_PREFIX}?(\d{{6,}})(\d)", compact)
    if found is None:
        return None
    digits, check = found.group(1), int(found.group(2))
    if _check_digit(digits) != check:
        return None
    return f"{FORM_PREFIX}-{digits}-{check}"


def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of ``text`` as rows of dark (True) modules, without the quiet zone."""
    import segno

    code = segno.make_qr(text, error="m")
    return tuple(tuple(bool(v) for v in row) for row in code.matrix)
