"""The idea backlog's use cases: one call = one user action = one transaction.

Validation lives here (not in the form) so that the editor, imports and the CLI refuse the
same things with the same words; the editor calls :func:`validate` on every keystroke.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from tikdesk.domain.errors import ValidationError
from tikdesk.domain.fields import Kind
from tikdesk.domain.i18n import language, msg
from tikdesk.domain.ideas import IDEA_FIELDS, IdeaRecord
from tikdesk.domain.text import strip_bidi
from tikdesk.services.context import AppContext
from tikdesk.storage.repositories import ideas as repo
from tikdesk.storage.repositories.ideas import EDITABLE, IdeaSnapshot

__all__ = [
    "EDITABLE",
    "IdeaChange",
    "IdeaDuplicate",
    "IdeaMove",
    "IdeaMoves",
    "IdeaRecord",
    "IdeaService",
    "IdeaSnapshot",
    "normalise_tags",
    "split_tags",
    "validate",
]

#: Maximum length of each text field (from the declaration).
MAX_LENGTH: dict[str, int] = IDEA_FIELDS.max_length
MAX_TAG_LENGTH = 60
MAX_EFFORT_HOURS = 1_000
EARLIEST_DATE = dt.date(2000, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)

_TAG_SPLIT = re.compile(r"[,;\n]")


@dataclass(frozen=True)
class IdeaChange:
    """An idea before and after one change (for undo and for updating views in place)."""

    before: IdeaRecord
    after: IdeaRecord

    @property
    def changed_fields(self) -> tuple[str, ...]:
        return tuple(
            f for f in sorted(EDITABLE) if getattr(self.before, f) != getattr(self.after, f)
        )


@dataclass(frozen=True)
class IdeaMove:
    """A card moved on the board; ``previous_*`` put it back where it was."""

    record: IdeaRecord
    previous_status: str
    previous_before_id: int | None  # the card that followed it in its old column
    changed: tuple[IdeaRecord, ...]  # every idea whose status or rank changed, incl. record


@dataclass(frozen=True)
class IdeaDuplicate:
    """The new copy, and the other ideas of its column whose board rank had to change."""

    record: IdeaRecord
    reranked: tuple[IdeaRecord, ...] = ()


@dataclass(frozen=True)
class IdeaMoves:
    """The moves of one drag (in order) and the final state of every idea they touched."""

    moves: tuple[IdeaMove, ...]
    changed: tuple[IdeaRecord, ...]


# ----------------------------------------------------------------------------- pure helpers


def split_tags(text: str) -> list[str]:
    """The tags of a stored or typed tag string, trimmed, without ``#``, de-duplicated."""
    seen: dict[str, str] = {}
    for raw in _TAG_SPLIT.split(text or ""):
        tag = " ".join(raw.strip().lstrip("#").split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())


def normalise_tags(value: str | Iterable[str]) -> str:
    """Comma-separated, trimmed, de-duplicated (case-insensitively, first spelling wins)."""
    text = value if isinstance(value, str) else ",".join(value)
    return ", ".join(split_tags(text))


def _label(field: str) -> str:
    return IDEA_FIELDS[field].text(language())


def _parse_date(value: Any, field: str = "target_date") -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValidationError(
        field,
        msg(f"„{text}“ ist kein Datum (TT.MM.JJJJ).", f"'{text}' is not a date (YYYY-MM-DD)."),
    )


def _parse_effort(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        hours = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ValidationError(
            "effort",
            msg(
                "Aufwand bitte als ganze Stunden angeben.", "Please give the effort in whole hours."
            ),
        ) from None
    if not 0 <= hours <= MAX_EFFORT_HOURS:
        raise ValidationError(
            "effort",
            msg(
                f"Aufwand muss zwischen 0 und {MAX_EFFORT_HOURS} Stunden liegen.",
                f"Effort must be between 0 and {MAX_EFFORT_HOURS} hours.",
            ),
        )
    return hours


_NUMBERS = tuple(s for s in IDEA_FIELDS.of_kind(Kind.INT, Kind.FLOAT) if s.editable)
_DATES = tuple(s for s in IDEA_FIELDS.of_kind(Kind.DATE) if s.editable)
_REQUIRED = tuple(s for s in IDEA_FIELDS.of_kind(Kind.LINE, Kind.TEXT) if s.required)
_PLAIN_TEXT = tuple(
    s for s in IDEA_FIELDS.of_kind(Kind.LINE, Kind.TEXT) if s.editable and not s.required
)


def _parse_number(field: str, kind: Kind, value: Any) -> int | float | None:
    if field == "effort":
        return _parse_effort(value)
    if kind is Kind.FLOAT:
        return float(value)
    if value is None or value == "":
        return None
    try:
        return int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ValidationError(
            field,
            msg(f"{_label(field)}: bitte eine ganze Zahl.", f"{_label(field)}: a whole number."),
        ) from None


def _missing_text(field: str) -> str:
    if field == "title":
        return msg("Bitte einen Titel eingeben.", "Please enter a title.")
    return msg(f"{_label(field)}: bitte ausfüllen.", f"{_label(field)}: please fill in.")


def validate(values: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Check and normalise idea fields; raise :class:`ValidationError` for the first bad one.

    ``partial`` validates only the given fields (updates); otherwise a title is required.
    Direction overrides, embeddings and isolates are removed from every text, as the import
    does: ``"Rechnung \\u202egpj.exe"`` must not display as ``"Rechnung exe.jpg"``.
    """
    unknown = set(values) - EDITABLE
    if unknown:
        raise ValueError(f"unknown idea fields: {sorted(unknown)}")
    out: dict[str, Any] = {}
    for spec in _REQUIRED:
        if not partial or spec.key in values:
            text = " ".join(strip_bidi(str(values.get(spec.key) or "")).split())
            if not text:
                raise ValidationError(spec.key, _missing_text(spec.key))
            out[spec.key] = text
    for spec in _PLAIN_TEXT:
        if spec.key in values:
            text = strip_bidi(str(values[spec.key] or "")).strip()
            out[spec.key] = " ".join(text.split()) if spec.kind is Kind.LINE else text
    if "tags" in values:
        tags = values["tags"]
        parts = split_tags(strip_bidi(tags if isinstance(tags, str) else ",".join(tags or ())))
        for tag in parts:
            if len(tag) > MAX_TAG_LENGTH:
                raise ValidationError(
                    "tags",
                    msg(
                        f"Das Schlagwort „{tag[:20]}…“ ist länger als {MAX_TAG_LENGTH} Zeichen.",
                        f"The tag '{tag[:20]}…' is longer than {MAX_TAG_LENGTH} characters.",
                    ),
                )
        out["tags"] = ", ".join(parts)
    for field, length in MAX_LENGTH.items():
        if field in out and len(out[field]) > length:
            raise ValidationError(
                field,
                msg(
                    f"{_label(field)}: höchstens {length} Zeichen (jetzt {len(out[field])}).",
                    f"{_label(field)}: at most {length} characters (now {len(out[field])}).",
                ),
            )
    for field, enum in IDEA_FIELDS.enums.items():
        if field in values:
            raw = values[field]
            member = enum.parse(str(raw)) if raw not in (None, "") else None
            if member is None:
                raise ValidationError(
                    field, msg(f"Unbekannter Wert „{raw}“.", f"Unknown value '{raw}'.")
                )
            out[field] = member.value
    for spec in _NUMBERS:
        if spec.key in values:
            out[spec.key] = _parse_number(spec.key, spec.kind, values[spec.key])
    for spec in _DATES:
        if spec.key in values:
            day = _parse_date(values[spec.key], spec.key)
            if day is not None and not EARLIEST_DATE <= day <= LATEST_DATE:
                raise ValidationError(
                    spec.key,
                    msg(
                        f"{_label(spec.key)}: bitte ein Datum zwischen {EARLIEST_DATE:%d.%m.%Y} "
                        f"und {LATEST_DATE:%d.%m.%Y}.",
                        f"{_label(spec.key)}: please give a date between "
                        f"{EARLIEST_DATE:%Y-%m-%d} and {LATEST_DATE:%Y-%m-%d}.",
                    ),
                )
            out[spec.key] = day
    return out


def _place(order: Sequence[tuple[int, float]], before_id: int | None) -> tuple[float, int]:
    """Rank for a card placed before ``before_id`` (``None``: at the end) and its index.

    Returns ``nan`` as rank when the neighbours leave no room (the column must be re-ranked).
    """
    ids = [i for i, _ in order]
    if before_id is None or before_id not in ids:
        return (order[-1][1] + 1.0 if order else 1.0), len(order)
    index = ids.index(before_id)
    nxt = order[index][1]
    prev = order[index - 1][1] if index > 0 else nxt - 2.0
    rank = (prev + nxt) / 2.0
    if not prev < rank < nxt:
        return float("nan"), index
    return rank, index


# ----------------------------------------------------------------------------- service


class IdeaService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    # reading
    def list_ideas(self) -> list[IdeaRecord]:
        with self._ctx.db.reader() as s:
            return repo.list_all(s)

    def list_first(self, limit: int) -> list[IdeaRecord]:
        with self._ctx.db.reader() as s:
            return repo.list_first(s, limit)

    def get(self, idea_id: int) -> IdeaRecord:
        with self._ctx.db.reader() as s:
            return repo.require(s, idea_id)

    def get_many(self, ids: Iterable[int]) -> list[IdeaRecord]:
        with self._ctx.db.reader() as s:
            return repo.get_many(s, ids)

    def count(self) -> int:
        with self._ctx.db.reader() as s:
            return repo.count(s)

    # writing
    def create(self, values: Mapping[str, Any]) -> IdeaRecord:
        """Create one idea; it goes to the bottom of its board column."""
        data = {
            "format": "other",
            "audience": "general",
            "status": "new",
            "priority": "medium",
            **values,
        }
        clean = validate(data)
        with self._ctx.db.transaction() as s:
            clean.setdefault("board_rank", repo.max_rank(s, clean["status"]) + 1.0)
            return repo.insert_one(s, clean)

    def update(
        self, idea_id: int, changes: Mapping[str, Any], expected_version: int | None = None
    ) -> IdeaChange:
        """Change fields of one idea (the version counts up when something changed).

        A new status without a rank puts the card at the bottom of its new board column.
        """
        clean = validate(changes, partial=True)
        with self._ctx.db.transaction() as s:
            return self._update(s, idea_id, clean, expected_version)

    def _update(
        self, s: Session, idea_id: int, clean: dict[str, Any], expected_version: int | None = None
    ) -> IdeaChange:
        current = repo.require(s, idea_id)
        if "status" in clean and clean["status"] != current.status and "board_rank" not in clean:
            clean["board_rank"] = repo.max_rank(s, clean["status"]) + 1.0
        before, after = repo.update_one(s, idea_id, clean, expected_version)
        return IdeaChange(before, after)

    def bulk_update(self, ids: Sequence[int], changes: Mapping[str, Any]) -> list[IdeaChange]:
        """The same change (status, owner, priority …) to many ideas in one transaction."""
        clean = validate(changes, partial=True)
        with self._ctx.db.transaction() as s:
            return [self._update(s, i, dict(clean)) for i in ids]

    def set_fields(self, per_idea: Mapping[int, Mapping[str, Any]]) -> list[IdeaChange]:
        """Different changes per idea in one transaction (undo of a bulk change)."""
        cleaned = {i: validate(v, partial=True) for i, v in per_idea.items()}
        with self._ctx.db.transaction() as s:
            return [self._update(s, i, v) for i, v in cleaned.items()]

    def delete(self, ids: Sequence[int]) -> list[IdeaSnapshot]:
        """Delete ideas; the snapshots restore them with :meth:`restore`."""
        if len(ids) > 1:  # a bulk delete: forced backup first (data-safety point 6)
            from tikdesk.services.safety import BEFORE_BULK_DELETE, SafetyService

            SafetyService(self._ctx).before(BEFORE_BULK_DELETE)
        with self._ctx.db.transaction() as s:
            return [repo.delete_one(s, i) for i in ids]

    def restore(self, snapshots: Sequence[IdeaSnapshot]) -> list[IdeaRecord]:
        """Bring deleted ideas back: same ids, every field, links from posts."""
        with self._ctx.db.transaction() as s:
            return [repo.restore(s, snap) for snap in snapshots]

    def duplicate(self, idea_id: int) -> IdeaDuplicate:
        """A copy (title marked as copy) placed right below the original on the board."""
        with self._ctx.db.transaction() as s:
            original = repo.require(s, idea_id)
            suffix = msg(" (Kopie)", " (copy)")
            title = original.title[: MAX_LENGTH["title"] - len(suffix)] + suffix
            values = {f: getattr(original, f) for f in EDITABLE}
            values["title"] = title
            order = repo.column_order(s, original.status)
            ids = [i for i, _ in order]
            index = ids.index(idea_id)
            following = ids[index + 1] if index + 1 < len(ids) else None
            rank, _ = _place(order, following)
            reranked: list[int] = []
            if rank != rank:  # nan: no room between the two neighbours, re-rank with a gap
                repo.rerank_column(s, ids[: index + 1])
                repo.rerank_column(s, ids[index + 1 :], start=index + 3.0)
                rank = index + 2.0
                reranked = ids
            values["board_rank"] = rank
            record = repo.insert_one(s, values)
            return IdeaDuplicate(record, tuple(repo.get_many(s, reranked)))

    def move(self, idea_id: int, status: str, before_id: int | None = None) -> IdeaMove:
        """Put a card into board column ``status`` before card ``before_id`` (None: last)."""
        return self.move_many([(idea_id, status, before_id)]).moves[0]

    def move_many(self, placements: Sequence[tuple[int, str, int | None]]) -> IdeaMoves:
        """Several card moves (one drag, or the undo of one) in one transaction, in order.

        Each placement is ``(idea id, status, before id or None)``.
        """
        cleaned = [
            (i, validate({"status": st}, partial=True)["status"], b) for i, st, b in placements
        ]
        with self._ctx.db.transaction() as s:
            moves: list[IdeaMove] = []
            touched: dict[int, None] = {}
            for idea_id, status, before_id in cleaned:
                move, changed_ids = self._move(s, idea_id, status, before_id)
                moves.append(move)
                touched.update(dict.fromkeys(changed_ids))
            changed = tuple(repo.get_many(s, touched))
        latest = {r.id: r for r in changed}
        moves = [
            IdeaMove(
                latest.get(m.record.id, m.record),
                m.previous_status,
                m.previous_before_id,
                tuple(latest[r.id] for r in m.changed if r.id in latest),
            )
            for m in moves
        ]
        return IdeaMoves(tuple(moves), changed)

    @staticmethod
    def _move(
        s: Session, idea_id: int, status: str, before_id: int | None
    ) -> tuple[IdeaMove, list[int]]:
        current = repo.require(s, idea_id)
        old_ids = [i for i, _ in repo.column_order(s, current.status)]
        pos = old_ids.index(idea_id)
        previous_before = old_ids[pos + 1] if pos + 1 < len(old_ids) else None
        if before_id == idea_id:
            before_id = previous_before if status == current.status else None
        if status == current.status and before_id == previous_before:
            return IdeaMove(current, current.status, previous_before, ()), []  # no move
        order = [(i, r) for i, r in repo.column_order(s, status) if i != idea_id]
        rank, index = _place(order, before_id)
        changed_ids = [idea_id]
        if rank != rank:  # nan: re-rank the whole column with the card in place
            ids = [i for i, _ in order]
            ids.insert(index, idea_id)
            repo.rerank_column(s, ids[:index])
            repo.rerank_column(s, ids[index + 1 :], start=index + 2.0)
            changed_ids = ids
            rank = index + 1.0
        _before, after = repo.update_one(s, idea_id, {"status": status, "board_rank": rank})
        changed = tuple(repo.get_many(s, changed_ids))
        return IdeaMove(after, current.status, previous_before, changed), changed_ids

    def insert_many(self, rows: Sequence[Mapping[str, Any]]) -> int:
        """Bulk insert already trusted rows (demo data, benchmarks); validated here anyway."""
        clean = []
        for row in rows:
            data = {
                "format": "other",
                "audience": "general",
                "status": "new",
                "priority": "medium",
                **row,
            }
            clean.append(validate(data))
        with self._ctx.db.transaction() as s:
            return repo.insert_many(s, clean)
