"""Field declarations: every field of an entity said once, everything else derived.

An entity's record is a ``NamedTuple`` whose annotations carry a :class:`Spec` each::

    class IdeaRecord(NamedTuple):
        title: Annotated[str, Spec(("Titel", "Title"), max_length=300, export=2, ...)]

The type is the record's field type; the spec says the rest: the German and English label,
the Excel/CSV header and its aliases, the place in exports, the table column, the maximum
length, whether a user may edit it.  :func:`declared` reads the specs back in record order.
The ORM model (the database's columns) stays in ``storage/models.py``; the import mapping,
validation, table columns and export columns are built from the declaration.
"""

from __future__ import annotations

import enum
import typing
from dataclasses import dataclass, replace
from typing import Any

from tikdesk.domain.enums import LabeledEnum

__all__ = ["Column", "Fields", "Kind", "Spec", "declared"]


class Kind(enum.Enum):
    """What a field holds: decides its file converter, its validation and its cell format."""

    ID = "id"  # a positive whole number that names a row
    LINE = "line"  # one line of text: whitespace runs become one space
    TEXT = "text"  # free text: trimmed, line breaks kept
    TAGS = "tags"  # comma-separated words, normalised
    ENUM = "enum"  # a LabeledEnum key
    DATE = "date"
    DATETIME = "datetime"
    INT = "int"
    FLOAT = "float"


@dataclass(frozen=True)
class Column:
    """A field as a column of the entity's table on screen."""

    order: int
    label: tuple[str, str]  # (German, English) header, often shorter than the field label
    width: int  # default width in pixels


@dataclass(frozen=True)
class Spec:
    """One field, declared once.

    ``label`` is ``(German, English)``; ``header`` the Excel/CSV header when it differs from
    the label; ``export`` the 1-based position in exported files (``None``: not in files);
    ``imported`` whether a file's column updates the field (exports may carry bookkeeping
    columns that an import reads past).  ``multiline`` keeps line breaks in file cells
    (default: TEXT fields).  ``erase_label`` names the field in the erasure report when it
    is free text that can name a person (see ``storage/repositories/erasure.py``)."""

    label: tuple[str, str]
    kind: Kind = Kind.LINE
    max_length: int | None = None
    enum: type[LabeledEnum] | None = None
    default: Any = None
    required: bool = False
    editable: bool = False
    header: tuple[str, str] | None = None
    aliases: tuple[str, ...] = ()
    export: int | None = None
    imported: bool = True
    multiline: bool | None = None
    width: float = 12  # Excel column width (characters)
    column: Column | None = None
    erase_label: tuple[str, str] | None = None
    key: str = ""  # filled in by :func:`declared`

    def text(self, language: str) -> str:
        """The label in ``language``."""
        return self.label[0] if language == "de" else self.label[1]

    def header_text(self, language: str) -> str:
        """The file header in ``language``."""
        de, en = self.header or self.label
        return de if language == "de" else en

    @property
    def keeps_breaks(self) -> bool:
        return self.kind is Kind.TEXT if self.multiline is None else self.multiline

    @property
    def is_text(self) -> bool:
        return self.kind in (Kind.LINE, Kind.TEXT, Kind.TAGS)


class Fields:
    """The specs of one record type, in record order, with the views the layers use."""

    def __init__(self, specs: tuple[Spec, ...]) -> None:
        self.all = specs
        self.by_key = {s.key: s for s in specs}
        self.keys = tuple(s.key for s in specs)
        self.editable = frozenset(s.key for s in specs if s.editable)
        self.exported = tuple(
            sorted((s for s in specs if s.export is not None), key=lambda s: s.export or 0)
        )
        self.imported = tuple(s for s in self.exported if s.imported)
        self.columns = tuple(
            sorted((s for s in specs if s.column is not None), key=lambda s: _order(s.column))
        )
        self.enums: dict[str, type[LabeledEnum]] = {
            s.key: s.enum for s in specs if s.enum is not None
        }
        self.max_length = {s.key: s.max_length for s in specs if s.max_length is not None}
        orders = [s.export for s in self.exported]
        if len(set(orders)) != len(orders):
            raise ValueError(f"two fields share an export position: {orders}")

    def __getitem__(self, key: str) -> Spec:
        return self.by_key[key]

    def of_kind(self, *kinds: Kind) -> tuple[Spec, ...]:
        return tuple(s for s in self.all if s.kind in kinds)


def _order(column: Column | None) -> int:
    return column.order if column is not None else 0


def declared(record: type[tuple[Any, ...]]) -> Fields:
    """The :class:`Spec` of every field of the NamedTuple ``record``, in field order."""
    hints = typing.get_type_hints(record, include_extras=True)
    specs = []
    for key in record._fields:  # type: ignore[attr-defined]
        found = [m for m in getattr(hints[key], "__metadata__", ()) if isinstance(m, Spec)]
        if len(found) != 1:
            raise TypeError(f"{record.__name__}.{key} needs exactly one Spec")
        specs.append(replace(found[0], key=key))
    return Fields(tuple(specs))
