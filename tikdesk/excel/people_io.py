"""The consent register in Excel/CSV (issue 18): column schema, cell → value, writers.

One row per consent declaration.  The columns and their words are a contract
(``tikdesk import-people`` / ``export-people``): German headers with English aliases, matched
like the idea import (:mod:`tikdesk.excel.reading`).  A row whose consent columns are all
empty names a person only (a custodian, or someone without a consent yet).

:func:`convert_register` turns a :class:`~tikdesk.excel.reading.Table` into
:class:`RegisterRow` objects and a :class:`~tikdesk.excel.preview.Problem` for every cell
that cannot be used; rules that need the registry live in
:mod:`tikdesk.services.people_exchange`.  :func:`write_register` writes the same columns
(.xlsx or .csv), with the personal-data notice above the header.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tikdesk.domain.consent import (
    PLATFORMS,
    PURPOSE_WORDS,
    PURPOSES,
    SHOWN_AS,
    SHOWN_AS_WORDS,
)
from tikdesk.domain.enums import ConsentForm, LabeledEnum, PersonCategory
from tikdesk.domain.i18n import language, msg
from tikdesk.excel.preview import Problem
from tikdesk.excel.reading import Field, Schema, Table
from tikdesk.excel.values import (
    ValueProblem,
    clean_text,
    error_value,
    parse_bool,
    parse_date,
    unescape_formula_guard,
)
from tikdesk.excel.writing import Protected, atomic_target, csv_safe, xlsx_workbook

__all__ = [
    "CONSENT_KEYS",
    "REGISTER_SCHEMA",
    "RegisterRow",
    "convert_register",
    "personal_data_notice",
    "write_register",
]

REGISTER_SCHEMA = Schema(
    (
        Field("person", "Person", "Person", ("Name", "Vollständiger Name", "Full name"), True),
        Field("birth_date", "Geburtsdatum", "Date of birth", ("Geboren", "Geb", "Born")),
        Field("adult", "Volljährig", "Adult", ("Erwachsen", "Of age", "Ü18")),
        Field("category", "Kategorie", "Category", ("Personengruppe", "Gruppe")),
        Field("given_by", "Erteilt von", "Given by", ("Unterschrieben von", "Signed by")),
        Field("relation", "Beziehung", "Relation", ("Verhältnis", "Relationship")),
        Field("sole_custody", "Alleiniges Sorgerecht", "Sole custody", ()),
        Field("given_on", "Erteilt am", "Given on", ("Datum der Einwilligung", "Signed on")),
        Field("valid_until", "Gültig bis", "Valid until", ("Befristet bis", "Expires")),
        Field("platforms", "Plattformen", "Platforms", ("Kanäle", "Channels")),
        Field("purposes", "Zwecke", "Purposes", ("Zweck", "Purpose")),
        Field("shown_as", "Darstellung", "Shown as", ("Erkennbar durch", "Depiction")),
        Field("form", "Form", "Form", ("Art der Einwilligung",)),
        Field(
            "no_disadvantage",
            "Keine Nachteile bestätigt",
            "No disadvantage confirmed",
            ("Keine Nachteile", "No disadvantage"),
        ),
        Field("document", "Dokument", "Document", ("Aktenzeichen", "Ablage", "File number")),
        Field("withdrawn_on", "Widerrufen am", "Withdrawn on", ("Widerruf", "Withdrawn")),
    )
)
COLUMNS: tuple[str, ...] = tuple(f.key for f in REGISTER_SCHEMA.fields)
#: The columns that make a row a consent declaration (not only a person).
CONSENT_KEYS = frozenset(
    {
        "given_on",
        "valid_until",
        "platforms",
        "purposes",
        "shown_as",
        "form",
        "no_disadvantage",
        "document",
        "withdrawn_on",
    }
)
SELF_WORDS = frozenset({"selbst", "self", "person selbst", "die person selbst", "eigene"})

#: The contract's words first (what an error lists), then what else a file may say.
PLATFORM_WORDS: dict[str, str] = {
    "tiktok": "tiktok",
    "instagram": "instagram",
    "youtube": "youtube",
    "website": "website",
    "print": "print",
    "intranet": "intranet",
    "webseite": "website",
    "homepage": "website",
    "internetseite": "website",
    "presse": "press",
    "press": "press",
    "bezahlte anzeigen": "paid_ads",
    "paid ads": "paid_ads",
}
_PURPOSE_EXTRA = {
    "arbeitgebermarke": "employer_branding",
    "employer branding": "employer_branding",
    "interne kommunikation": "internal",
    "internal communication": "internal",
}
_PLATFORM_ALLOWED = "TikTok, Instagram, YouTube, Website, Print, Intranet"
_PURPOSE_ALLOWED = msg(
    "Recruiting, Information, Veranstaltung, Einblicke, Sonstiges",
    "recruiting, public information, event, behind the scenes, other",
)
_SHOWN_ALLOWED = msg("Gesicht, Stimme, Name, Funktion", "face, voice, name, role")

#: What export writes per key (German, English) — words the import reads back.
PLATFORM_OUT = dict(PLATFORMS)
PURPOSE_OUT = {
    "recruiting": ("Recruiting", "recruiting"),
    "public_information": ("Information", "public information"),
    "events": ("Veranstaltung", "event"),
    "behind_the_scenes": ("Einblicke", "behind the scenes"),
    "other": ("Sonstiges", "other"),
    "employer_branding": ("Arbeitgebermarke", "employer branding"),
    "internal": ("Interne Kommunikation", "internal communication"),
}
SHOWN_OUT = {
    "face": ("Gesicht", "face"),
    "voice": ("Stimme", "voice"),
    "name": ("Name", "name"),
    "role": ("Funktion", "role"),
}
RELATION_OUT = {
    "mother": ("Mutter", "mother"),
    "father": ("Vater", "father"),
    "guardian": ("Vormund", "guardian"),
    "other": ("Sorgeberechtigte:r", "custodian"),
}
_RELATION_WORDS = {
    "mutter": "mother",
    "mother": "mother",
    "vater": "father",
    "father": "father",
    "vormund": "guardian",
    "vormundin": "guardian",
    "guardian": "guardian",
    "sorgeberechtigte:r": "other",
    "sorgeberechtigter": "other",
    "sorgeberechtigte": "other",
    "sorgeberechtigte*r": "other",
    "custodian": "other",
    "andere:r sorgeberechtigte:r": "other",
    "other custodian": "other",
}
_GENDER = re.compile(r"(\*|:|_|/)(in|innen|r|e)$")


@dataclass
class RegisterRow:
    """One data row: ``values`` holds the converted cells of the mapped columns (empty cells
    as ``None``/``""``/``frozenset()``); ``bad`` the keys whose cell had a problem."""

    number: int
    values: dict[str, Any] = field(default_factory=dict)
    bad: set[str] = field(default_factory=set)

    @property
    def is_consent(self) -> bool:
        return any(self.values.get(k) not in (None, "", frozenset()) for k in CONSENT_KEYS) or bool(
            self.custodian
        )

    @property
    def custodian(self) -> str:
        """The custodian's name, or "" when the person gave the consent themself."""
        given = self.values.get("given_by") or ""
        return "" if given.casefold() in SELF_WORDS else given


# ----------------------------------------------------------------------------- import
def _norm(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").split())


def _enum(enum: type[LabeledEnum], allowed: str) -> Callable[[str], str]:
    def convert(text: str) -> str:
        member = enum.parse(text) or enum.parse(_GENDER.sub("", text.strip()))
        if member is None:
            raise ValueProblem(
                msg(
                    f"„{text}“ ist kein bekannter Wert. Erlaubt: {allowed}.",
                    f"'{text}' is not a known value. Allowed: {allowed}.",
                )
            )
        return str(member.value)

    return convert


def _relation(text: str) -> str:
    found = _RELATION_WORDS.get(_norm(text))
    if found is None:
        raise ValueProblem(
            msg(
                f"„{text}“ ist keine bekannte Beziehung. Erlaubt: Mutter, Vater, Vormund, "
                "Sorgeberechtigte:r.",
                f"'{text}' is not a known relation. Allowed: mother, father, guardian, custodian.",
            )
        )
    return found


def _word_list(
    words: dict[str, str], allowed: str, what: tuple[str, str]
) -> Callable[[str], frozenset[str]]:
    def convert(text: str) -> frozenset[str]:
        keys: set[str] = set()
        unknown: list[str] = []
        for part in re.split(r"[;,\n]", text):
            part = part.strip()
            if not part:
                continue
            key = words.get(_norm(part))
            if key is None:
                unknown.append(part)
            else:
                keys.add(key)
        if unknown:
            names = ", ".join(f"„{u}“" for u in unknown)
            raise ValueProblem(
                msg(
                    f"Unbekannte {what[0]}: {names}. Erlaubt: {allowed}.",
                    f"Unknown {what[1]}: {names}. Allowed: {allowed}.",
                )
            )
        return frozenset(keys)

    return convert


def _purpose_words() -> dict[str, str]:
    table = {_norm(k): v for k, v in PURPOSE_WORDS.items()}
    table.update({_norm(k): v for k, v in _PURPOSE_EXTRA.items()})
    for key, (de, en) in PURPOSES.items():
        table.setdefault(_norm(de), key)
        table.setdefault(_norm(en), key)
    return table


def _shown_words() -> dict[str, str]:
    table = {_norm(k): v for k, v in SHOWN_AS_WORDS.items()}
    for key, (de, en) in SHOWN_AS.items():
        table.setdefault(_norm(de), key)
        table.setdefault(_norm(en), key)
    return table


def _platform_words() -> dict[str, str]:
    table = dict(PLATFORM_WORDS)
    for key, (de, en) in PLATFORMS.items():
        table.setdefault(_norm(de), key)
        table.setdefault(_norm(en), key)
    return table


def _converters(date1904: bool) -> dict[str, Callable[[Any], Any]]:
    def date(value: Any) -> dt.date:
        return parse_date(value, date1904)

    def yes_no(value: Any) -> bool | None:
        return parse_bool(value)

    categories = ", ".join(c.label_de for c in PersonCategory)
    forms = msg("schriftlich, elektronisch, sonstige", "written, electronic, other")
    return {
        "birth_date": date,
        "given_on": date,
        "valid_until": date,
        "withdrawn_on": date,
        "adult": yes_no,
        "sole_custody": yes_no,
        "no_disadvantage": yes_no,
        "category": _enum(PersonCategory, categories),
        "form": _enum(ConsentForm, forms),
        "relation": _relation,
        "platforms": _word_list(_platform_words(), _PLATFORM_ALLOWED, ("Plattform", "platform")),
        "purposes": _word_list(_purpose_words(), _PURPOSE_ALLOWED, ("Zwecke", "purposes")),
        "shown_as": _word_list(_shown_words(), _SHOWN_ALLOWED, ("Darstellung", "depiction")),
    }


_TEXT_CONVERTED = frozenset({"category", "form", "relation", "platforms", "purposes", "shown_as"})
_EMPTY: dict[str, Any] = {
    "platforms": frozenset(),
    "purposes": frozenset(),
    "shown_as": frozenset(),
}


def convert_register(
    table: Table, mapping: dict[int, str | None]
) -> tuple[list[RegisterRow], list[Problem]]:
    """Cells → values for every mapped column; a problem per cell that cannot be used."""
    from_csv = table.kind == "text"
    convert = _converters(table.date1904)
    columns = [
        (index, key, table.headers[index])
        for index, key in sorted(mapping.items())
        if key is not None and index < len(table.headers)
    ]
    rows: list[RegisterRow] = []
    problems: list[Problem] = []
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        row = RegisterRow(number)
        for index, key, header in columns:
            raw = cells[index]
            err = table.cell_errors.get((number, index))
            if err is None and raw.__class__ is str and raw[:1] == "#":
                err = error_value(raw)
            if err is not None:
                problems.append(
                    Problem(
                        number,
                        header,
                        msg(
                            f"Die Zelle enthält den Excel-Fehler „{err}“ statt eines Werts.",
                            f"The cell holds the Excel error '{err}' instead of a value.",
                        ),
                    )
                )
                row.bad.add(key)
                continue
            text = clean_text(raw)
            if from_csv:
                text = unescape_formula_guard(text)
            if not text:
                row.values[key] = _EMPTY.get(key, None if key in convert else "")
                continue
            try:
                if key in convert:
                    row.values[key] = convert[key](text if key in _TEXT_CONVERTED else raw)
                else:
                    row.values[key] = text
            except ValueProblem as exc:
                problems.append(Problem(number, header, exc.reason))
                row.bad.add(key)
        rows.append(row)
    return rows, problems


# ----------------------------------------------------------------------------- export
def personal_data_notice(lang: str | None = None) -> str:
    lang = lang or language()
    if lang == "de":
        return (
            "Enthält personenbezogene Daten (Einwilligungsregister, auch von Minderjährigen). "
            "Nur für die Berechtigten speichern, nicht per E-Mail verschicken, nach Gebrauch "
            "löschen."
        )
    return (
        "Contains personal data (consent register, minors included). Store for authorised "
        "staff only, do not send by e-mail, delete after use."
    )


def _headers(lang: str) -> list[str]:
    return [REGISTER_SCHEMA.field(key).label(lang) for key in COLUMNS]


def _cell(key: str, value: Any, lang: str) -> Any:
    de = lang == "de"
    if value is None or value == "" or value == frozenset():
        return ""
    if isinstance(value, bool):
        return ("ja" if value else "nein") if de else ("yes" if value else "no")
    if key == "category":
        member = PersonCategory(value)
        return member.label_de if de else member.label_en.lower()
    if key == "form":
        return {"written": ("schriftlich", "written"), "electronic": ("elektronisch", "electronic"),
                "other": ("sonstige", "other")}[value][0 if de else 1]  # fmt: skip
    if key == "relation":
        return RELATION_OUT.get(value, (value, value))[0 if de else 1]
    table = {"platforms": PLATFORM_OUT, "purposes": PURPOSE_OUT, "shown_as": SHOWN_OUT}.get(key)
    if table is not None:
        order = list(table)
        keys = sorted(value, key=lambda k: order.index(k) if k in order else len(order))
        return ", ".join(table.get(k, (k, k))[0 if de else 1] for k in keys)
    return value


def write_register(
    path: Path,
    rows: Iterable[dict[str, Any]],
    lang: str | None = None,
    protected: Protected | None = None,
) -> int:
    """The register to ``path`` (.xlsx or .csv); ``rows`` hold values by column key."""
    lang = lang or language()
    cells = [[_cell(key, row.get(key), lang) for key in COLUMNS] for row in rows]
    if path.suffix.lower() == ".csv":
        _write_csv(path, cells, lang, protected)
    else:
        _write_xlsx(path, cells, lang, protected)
    return len(cells)


def _write_csv(
    path: Path, cells: Sequence[list[Any]], lang: str, protected: Protected | None
) -> None:
    import csv

    with (
        atomic_target(path, protected) as tmp,
        open(tmp, "w", encoding="utf-8-sig", newline="") as fh,
    ):
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow([personal_data_notice(lang)])
        writer.writerow([])
        writer.writerow(_headers(lang))
        date_fmt = "%d.%m.%Y" if lang == "de" else "%Y-%m-%d"
        for row in cells:
            writer.writerow(
                [
                    v.strftime(date_fmt)
                    if isinstance(v, dt.date)
                    else csv_safe(v)
                    if isinstance(v, str)
                    else v
                    for v in row
                ]
            )


_WIDTHS = (28, 13, 11, 18, 26, 18, 12, 12, 12, 30, 30, 24, 14, 14, 22, 13)


def _write_xlsx(
    path: Path, cells: Sequence[list[Any]], lang: str, protected: Protected | None
) -> None:
    with atomic_target(path, protected) as tmp:
        book = xlsx_workbook(tmp)
        try:
            sheet = book.add_worksheet("Einwilligungen" if lang == "de" else "Consents")
            warn = book.add_format({"bold": True, "font_color": "#9C0006", "bg_color": "#FFC7CE"})
            bold = book.add_format(
                {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True}
            )
            date_fmt = book.add_format(
                {"num_format": "dd.mm.yyyy" if lang == "de" else "yyyy-mm-dd"}
            )
            for col, width in enumerate(_WIDTHS):
                sheet.set_column(col, col, width)
            sheet.write_string(0, 0, personal_data_notice(lang), warn)
            sheet.write_row(2, 0, _headers(lang), bold)
            sheet.freeze_panes(3, 0)
            for r, row in enumerate(cells, start=3):
                for c, value in enumerate(row):
                    if isinstance(value, dt.date):
                        sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date_fmt)
                    elif value != "":
                        sheet.write_string(r, c, str(value))
            sheet.autofilter(2, 0, max(2 + len(cells), 3), len(COLUMNS) - 1)
        finally:
            book.close()
