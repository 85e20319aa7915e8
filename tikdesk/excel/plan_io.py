"""The editorial plan a team keeps in Excel/CSV (issue 19): its columns and cell values.

The table is read and its headers matched by :mod:`tikdesk.excel.reading` and its cells
converted column-wise by :func:`tikdesk.excel.ideas_io.convert_rows`, like the idea list;
this module only adds the plan's schema and the plan's own cell kinds:

- ``planned_at``: an Excel date (or date and time) cell, ``TT.MM.JJJJ [HH:MM]`` or ISO →
  :class:`Planned` (``timed`` False when the cell names a day only);
- ``purpose``: :data:`tikdesk.domain.consent.PURPOSE_WORDS`;
- ``people``: names separated by ``;`` or line breaks, each optionally followed by how the
  person is shown in brackets, ``Lea Muster (Gesicht, Stimme)`` → :class:`NamedPerson`;
  without brackets face and voice;
- ``account``: a TikTok handle (a leading ``@`` dropped, lower case).

Matching rows to posts and people needs the database: :mod:`tikdesk.services.plan`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from tikdesk.domain.consent import PURPOSE_WORDS, SHOWN_AS, SHOWN_AS_WORDS, word_key
from tikdesk.domain.enums import Audience, IdeaFormat
from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.excel.ideas_io import convert_id, enum_converter
from tikdesk.excel.reading import Field, Schema
from tikdesk.excel.values import (
    ValueProblem,
    clean_text,
    parse_datetime,
    unescape_formula_guard,
)

__all__ = [
    "DEFAULT_SHOWN_AS",
    "PLAN_SCHEMA",
    "PLAN_TEXT_KEYS",
    "NamedPerson",
    "Planned",
    "plan_converter",
    "split_people",
]

PLAN_SCHEMA = Schema(
    (
        Field("id", "ID", "ID", ("Nr", "Nummer", "Beitrag-Nr", "Beitragsnummer", "Post ID")),
        Field(
            "title",
            "Titel",
            "Title",
            ("Beitrag", "Thema", "Arbeitstitel", "Video", "Post", "Topic"),
            required=True,
        ),
        Field(
            "planned_at",
            "Geplant",
            "Planned",
            ("Geplant am", "Termin", "Datum", "Veröffentlichung", "Date", "Planned at"),
        ),
        Field("format", "Format", "Format", ("Videoformat", "Art", "Typ", "Type")),
        Field("audience", "Zielgruppe", "Audience", ("Zielgruppen", "Target group")),
        Field("purpose", "Zweck", "Purpose", ("Ziel", "Anlass")),
        Field("account", "Konto", "Account", ("TikTok-Konto", "Kanal", "Handle", "Channel")),
        Field("people", "Personen", "People", ("Person", "Mitwirkende", "Im Video", "Persons")),
        Field("author", "Autor:in", "Author", ("Autor", "Autorin", "Verfasser", "Redaktion")),
        Field("note", "Notiz", "Note", ("Notizen", "Bemerkung", "Kommentar", "Notes")),
    )
)
#: Columns whose cells are plain text (cleaned column-wise by ``convert_rows``).
PLAN_TEXT_KEYS = frozenset({"title", "author", "note"})
DEFAULT_SHOWN_AS = frozenset({"face", "voice"})
_NO_TIME = dt.time(0, 0)


class Planned(NamedTuple):
    """A ``Geplant`` cell: the time, and whether the cell named one (else a day only)."""

    when: dt.datetime
    timed: bool


class NamedPerson(NamedTuple):
    """One name of a ``Personen`` cell and how the person is shown."""

    name: str
    shown_as: frozenset[str]


_BRACKETS = re.compile(r"^(?P<name>[^()]*?)\s*\((?P<how>[^()]*)\)$")


def split_people(text: str) -> tuple[NamedPerson, ...]:
    """``"Lea Muster (Gesicht, Stimme); Ben Beispiel"`` → the names with their depiction;
    raises :class:`ValueProblem` naming a word it does not know."""
    found: dict[str, NamedPerson] = {}
    allowed = ", ".join(de for de, _en in SHOWN_AS.values())
    for part in re.split(r"[;\n\r]+", text):
        part = " ".join(part.split())
        if not part:
            continue
        match = _BRACKETS.match(part)
        if match is None and ("(" in part or ")" in part):
            raise ValueProblem(
                msg(
                    f"„{part}“: die Klammern sind nicht geschlossen (erwartet z. B. "
                    "„Lea Muster (Gesicht, Stimme)“).",
                    f"'{part}': the brackets are not closed (expected e.g. "
                    "'Lea Muster (Face, Voice)').",
                )
            )
        name = " ".join((match["name"] if match else part).split())
        shown = set()
        if match is not None:
            for word in re.split(r"[,/+&]|\bund\b|\band\b", match["how"]):
                if not word.strip():
                    continue
                key = word_key(SHOWN_AS_WORDS, word)
                if key is None:
                    raise ValueProblem(
                        msg(
                            f"„{word.strip()}“ bei „{name}“ ist keine Darstellung. "
                            f"Erlaubt: {allowed}.",
                            f"'{word.strip()}' for '{name}' is not a way of being shown. "
                            "Allowed: Face, Voice, Name, Role.",
                        )
                    )
                shown.add(key)
        if not name:
            raise ValueProblem(msg(f"„{part}“ nennt keinen Namen.", f"'{part}' names nobody."))
        found.setdefault(name.casefold(), NamedPerson(name, frozenset(shown or DEFAULT_SHOWN_AS)))
    return tuple(found.values())


def _planned(date1904: bool) -> Callable[[Any], Planned | None]:
    def convert(value: Any) -> Planned | None:
        if clean_text(value) == "":
            return None
        when = parse_datetime(value, date1904).replace(second=0, microsecond=0)
        if isinstance(value, dt.datetime | int | float):
            timed = when.time() != _NO_TIME
        else:
            timed = isinstance(value, str) and ":" in value
        return Planned(when, timed)

    return convert


def _purpose(value: Any) -> str | None:
    text = clean_text(value)
    if not text:
        return None
    key = word_key(PURPOSE_WORDS, text)
    if key is None:
        raise ValueProblem(
            msg(
                f"„{text}“ ist kein bekannter Zweck. Erlaubt: Recruiting, Information, "
                "Veranstaltung, Einblicke, Sonstiges.",
                f"'{text}' is not a known purpose. Allowed: Recruiting, Information, "
                "Event, Behind the scenes, Other.",
            )
        )
    return key


def _account(value: Any) -> str:
    from tikdesk.excel.tiktok import normalise_handle

    text = clean_text(value)
    if not text:
        return ""
    try:
        return normalise_handle(text)
    except InputRejected as exc:
        raise ValueProblem(str(exc)) from None


def _people(from_csv: bool) -> Callable[[Any], tuple[NamedPerson, ...]]:
    def convert(value: Any) -> tuple[NamedPerson, ...]:
        text = clean_text(value, multiline=True)
        return split_people(unescape_formula_guard(text) if from_csv else text)

    return convert


def plan_converter(key: str, date1904: bool, from_csv: bool) -> Callable[[Any], Any]:
    """The cell converter of one plan column (for ``ideas_io.convert_rows``)."""
    if key == "id":
        return convert_id
    if key == "planned_at":
        return _planned(date1904)
    if key == "format":
        return enum_converter(key, IdeaFormat)
    if key == "audience":
        return enum_converter(key, Audience)
    if key == "purpose":
        return _purpose
    if key == "account":
        return _account
    if key == "people":
        return _people(from_csv)
    multiline = key == "note"

    def convert_text(value: Any) -> str:
        text = clean_text(value, multiline=multiline)
        return unescape_formula_guard(text) if from_csv else text

    return convert_text
