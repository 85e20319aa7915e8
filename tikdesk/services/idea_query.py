"""Search, filter and sort of the backlog in plain Python — fast enough for 50,000 ideas.

A ``QSortFilterProxyModel`` over a Python model is far too slow per filter change and per
sort at that size (ARCHITECTURE.md §6; figures in ``benchmarks/bench_backlog.py``).  Instead
the ideas are loaded once into an :class:`IdeaIndex`: one tuple per idea with a precomputed
lower-case search text and a precomputed sort key per column.  A keystroke runs a few list
comprehensions; a sort is one ``list.sort`` with a C-level ``itemgetter`` key; the table
model is then reset with the result.  No Qt here, so this is tested and benchmarked without
a QApplication.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any

from tikdesk.domain.enums import Audience, IdeaFormat, IdeaStatus, LabeledEnum, Priority
from tikdesk.domain.ideas import IDEA_FIELDS, IdeaRecord
from tikdesk.services.ideas import split_tags

# German sort order (DIN 5007-1): umlauts sort like their base letters; casefold() already
# turns ß into ss.
_SORT_FOLD = (("ä", "a"), ("ö", "o"), ("ü", "u"), ("é", "e"), ("è", "e"), ("à", "a"))

# Position of each column's sort key inside an entry tuple.  Entry layout:
# (record, search haystack, ",tag,tag,", title, owner, tags, status, priority, format,
#  audience, target_date, effort, updated_at, created_at, id, (board rank, id))
_KEY_INDEX: dict[str, int] = {
    "title": 3,
    "owner": 4,
    "tags": 5,
    "status": 6,
    "priority": 7,
    "format": 8,
    "audience": 9,
    "target_date": 10,
    "effort": 11,
    "updated_at": 12,
    "created_at": 13,
    "id": 14,
    "board": 15,
}
#: Columns the backlog can be sorted by ("board": rank order of the board).
SORTABLE = tuple(_KEY_INDEX)

_Entry = tuple[Any, ...]
_RECORD = itemgetter(0)


def sort_text(text: str) -> str:
    """Case- and umlaut-insensitive sort key for German text ("" stays "")."""
    folded = text.casefold()
    if not folded.isascii():  # str.replace beats str.translate with a dict
        for umlaut, base in _SORT_FOLD:
            folded = folded.replace(umlaut, base)
    return folded


@dataclass(frozen=True)
class IdeaFilter:
    """What the user narrowed the backlog to; empty strings mean "all"."""

    text: str = ""
    status: str = ""
    format: str = ""
    audience: str = ""
    owner: str = ""
    tag: str = ""

    def is_empty(self) -> bool:
        return not (
            self.text.strip()
            or self.status
            or self.format
            or self.audience
            or self.owner
            or self.tag
        )


class _Keys:
    """Lookup tables for the enum columns, built once per index (labels follow the language)."""

    def __init__(self) -> None:
        self.status = _order(IdeaStatus)
        self.priority = {p.value: p.rank for p in Priority}
        self.format = _labels(IdeaFormat)
        self.audience = _labels(Audience)

    def entry(self, r: IdeaRecord) -> _Entry:
        tags = r.tags.casefold()
        if tags:  # stored tags are normalised ("a, b"); stay tolerant of other spacing
            tags = ",".join(t.strip().lstrip("#") for t in tags.split(","))
        return (
            r,
            f"{r.title}\n{r.hook}\n{r.description}\n{r.tags}".casefold(),
            f",{tags},",
            sort_text(r.title),
            sort_text(r.owner) or None,
            sort_text(r.tags) or None,
            self.status.get(r.status, 99),
            self.priority.get(r.priority, 99),
            self.format.get(r.format, r.format),
            self.audience.get(r.audience, r.audience),
            r.target_date,
            r.effort,
            r.updated_at,
            r.created_at,
            r.id,
            (r.board_rank, r.id),
        )


def _order(enum: type[LabeledEnum]) -> dict[str, int]:
    return {member.value: index for index, member in enumerate(enum)}


def _labels(enum: type[LabeledEnum]) -> dict[str, str]:
    return {member.value: sort_text(member.label) for member in enum}


def _board_key(record: IdeaRecord) -> tuple[float, int]:
    return record.board_rank, record.id


def _record(entry: _Entry) -> IdeaRecord:
    record: IdeaRecord = entry[0]
    return record


def _entry_board_key(entry: _Entry) -> tuple[float, int]:
    return _board_key(_record(entry))


def _replace_entry(entries: list[_Entry], old: _Entry | None, new: _Entry | None) -> None:
    """Swap ``old`` for ``new`` in place (either may be None: add at the end / remove)."""
    position = -1
    if old is not None:
        # list.index compares in C and stops at the identical entry; every other entry
        # differs in its first field (the record) at the first field of that (the id).
        with suppress(ValueError):
            position = entries.index(old)
    if position >= 0:
        if new is None:
            del entries[position]
        else:
            entries[position] = new
    elif new is not None:
        entries.append(new)


def _sort_entries(entries: list[_Entry], column: str, descending: bool) -> list[_Entry]:
    """Stable sort by ``column``; entries without a value go last in both directions."""
    k = _KEY_INDEX.get(column)
    if k is None:
        return _sort_by_field(entries, column, descending)
    present = [e for e in entries if e[k] is not None]
    if len(present) == len(entries):
        missing: list[_Entry] = []
    else:
        missing = [e for e in entries if e[k] is None]
    present.sort(key=itemgetter(k), reverse=descending)
    return present + missing


def _sort_by_field(entries: list[_Entry], column: str, descending: bool) -> list[_Entry]:
    """Sort by a declared field that has no prepared key (text folded like the others)."""
    if column not in IdeaRecord._fields:
        raise ValueError(f"cannot sort ideas by {column!r}")
    field = attrgetter(column)
    text = IDEA_FIELDS[column].is_text

    def value(entry: _Entry) -> Any:
        found = field(entry[0])
        return (sort_text(found) or None) if text and found is not None else found

    keyed = [(value(e), e) for e in entries]
    present = [p for p in keyed if p[0] is not None]
    present.sort(key=itemgetter(0), reverse=descending)
    return [e for _, e in present] + [e for v, e in keyed if v is None]


def _narrow(rows: list[_Entry], flt: IdeaFilter) -> list[_Entry]:
    """Apply every criterion of ``flt``, one comprehension each."""
    if flt.status:
        rows = [e for e in rows if e[0].status == flt.status]
    if flt.format:
        rows = [e for e in rows if e[0].format == flt.format]
    if flt.audience:
        rows = [e for e in rows if e[0].audience == flt.audience]
    if flt.owner:
        rows = [e for e in rows if e[0].owner == flt.owner]
    if flt.tag:
        needle = "," + flt.tag.casefold() + ","
        rows = [e for e in rows if needle in e[2]]
    for word in flt.text.casefold().split():
        rows = [e for e in rows if word in e[1]]
    return rows


class IdeaIndex:
    """All ideas in board order (rank, id), with search texts, updated one idea at a time."""

    def __init__(self, records: Iterable[IdeaRecord] = ()) -> None:
        self._keys_for = _Keys()
        self._entries: list[_Entry] = []
        self._board_keys: list[tuple[float, int]] = []
        self._by_id: dict[int, _Entry] = {}
        # every entry sorted by one column, kept until the next change: a keystroke then
        # filters an already sorted list instead of sorting again
        self._sorted: dict[tuple[str, bool], list[_Entry]] = {}
        self._groups: dict[str, list[_Entry]] | None = None  # by status, board order
        self._stale: set[tuple[str, bool]] = set()  # cached orders to sort again
        self.reset(records)

    def reset(self, records: Iterable[IdeaRecord]) -> None:
        self._keys_for = _Keys()
        make = self._keys_for.entry
        entries = [make(r) for r in records]
        entries.sort(key=lambda e: (e[0].board_rank, e[0].id))
        self._entries = entries
        self._board_keys = [(e[0].board_rank, e[0].id) for e in entries]
        self._by_id = {e[0].id: e for e in entries}
        self._sorted.clear()
        self._stale.clear()
        self._groups = None

    def adopt(self, other: IdeaIndex) -> None:
        """Take over ``other``'s contents (built in a worker thread, issue 21); ``other`` is
        not used afterwards."""
        self.__dict__.update(other.__dict__)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, idea_id: object) -> bool:
        return idea_id in self._by_id

    def get(self, idea_id: int) -> IdeaRecord | None:
        entry = self._by_id.get(idea_id)
        return None if entry is None else entry[0]

    def records(self) -> list[IdeaRecord]:
        """Every idea in board order."""
        return [e[0] for e in self._entries]

    def put(self, record: IdeaRecord) -> IdeaRecord | None:
        """Insert or replace one idea; returns the previous version."""
        old_entry = self._by_id.get(record.id)
        entry = self._keys_for.entry(record)
        self._patch_orders(old_entry, entry)
        new_key = _board_key(record)
        if old_entry is not None:
            index = bisect.bisect_left(self._board_keys, _board_key(old_entry[0]))
            if self._board_keys[index] == new_key:
                self._entries[index] = entry
                self._by_id[record.id] = entry
                return _record(old_entry)
            del self._board_keys[index]
            del self._entries[index]
        index = bisect.bisect_left(self._board_keys, new_key)
        self._board_keys.insert(index, new_key)
        self._entries.insert(index, entry)
        self._by_id[record.id] = entry
        return None if old_entry is None else _record(old_entry)

    def remove(self, idea_id: int) -> IdeaRecord | None:
        old = self._by_id.pop(idea_id, None)
        if old is None:
            return None
        self._patch_orders(old, None)
        index = bisect.bisect_left(self._board_keys, _board_key(old[0]))
        del self._board_keys[index]
        del self._entries[index]
        return _record(old)

    def _patch_orders(self, old: _Entry | None, new: _Entry | None) -> None:
        """Carry one change into the cached orders instead of dropping them.

        The changed entry is replaced (or added/removed) in place and the list is marked
        stale; the next use sorts it again, which on an almost sorted list is nearly linear
        (Timsort), so the first keystroke after an edit costs little more than any other.
        """
        for key, entries in self._sorted.items():
            _replace_entry(entries, old, new)
            self._stale.add(key)
        if self._groups is not None:
            for group in self._groups.values():
                _replace_entry(group, old, None)
            if new is not None:
                group = self._groups.setdefault(new[0].status, [])
                group.insert(
                    bisect.bisect_left(group, _board_key(new[0]), key=_entry_board_key), new
                )

    def _sorted_entries(self, column: str, descending: bool) -> list[_Entry]:
        key = (column, descending)
        if key not in self._sorted:
            if len(self._sorted) >= 4:  # a few orders are enough (each is a list of refs)
                self._sorted.clear()
            self._sorted[key] = _sort_entries(self._entries, column, descending)
            self._stale.discard(key)
        elif key in self._stale:
            self._sorted[key] = _sort_entries(self._sorted[key], column, descending)
            self._stale.discard(key)
        return self._sorted[key]

    def filter(self, flt: IdeaFilter, sort: tuple[str, bool] | None = None) -> list[IdeaRecord]:
        """The ideas matching ``flt``, in board order or sorted by ``(column, descending)``.

        Every word of the search text must occur in title, hook, description or tags.
        Each criterion narrows the list in one comprehension (a few ms per 50,000 rows).
        The search always walks the entries in board order, the order they were created in
        memory (walking a sorted order is 3–4× slower: cache misses); only the matches are
        then sorted, by their precomputed keys.
        """
        if sort is None or sort == ("board", False):
            return list(map(_RECORD, _narrow(self._entries, flt)))
        if flt.is_empty():  # e.g. a header click on the whole backlog: the cached order
            return list(map(_RECORD, self._sorted_entries(*sort)))
        # The matches come in board order; a stable sort of just them gives the same order
        # as the cached one (ties in board order) without a lookup per row.
        return list(map(_RECORD, _sort_entries(_narrow(self._entries, flt), *sort)))

    def filter_by_status(self, flt: IdeaFilter) -> dict[str, list[IdeaRecord]]:
        """The matching ideas per status (board columns), each in board order.

        The entries are grouped by status once per change, so a keystroke looks at every
        idea once, as for the table."""
        if self._groups is None:
            groups: dict[str, list[_Entry]] = {}
            for entry in self._entries:
                groups.setdefault(entry[0].status, []).append(entry)
            self._groups = groups
        result: dict[str, list[IdeaRecord]] = {}
        for status, rows in self._groups.items():
            if flt.status and status != flt.status:
                result[status] = []
            else:
                result[status] = list(map(_RECORD, _narrow(rows, flt)))
        return result

    def sort(
        self, records: Iterable[IdeaRecord], column: str, descending: bool = False
    ) -> list[IdeaRecord]:
        """``records`` (ideas of this index) sorted by ``column``; ties keep their order."""
        by_id = self._by_id
        entries = [by_id.get(r.id) or self._keys_for.entry(r) for r in records]
        return [e[0] for e in _sort_entries(entries, column, descending)]

    def matches(self, record: IdeaRecord, flt: IdeaFilter) -> bool:
        """Whether one idea passes ``flt`` (for updating views one row at a time)."""
        entry = self._keys_for.entry(record)
        return (
            (not flt.status or record.status == flt.status)
            and (not flt.format or record.format == flt.format)
            and (not flt.audience or record.audience == flt.audience)
            and (not flt.owner or record.owner == flt.owner)
            and (not flt.tag or "," + flt.tag.casefold() + "," in entry[2])
            and all(word in entry[1] for word in flt.text.casefold().split())
        )

    def insert_position(
        self, rows: list[IdeaRecord], record: IdeaRecord, column: str, descending: bool
    ) -> int:
        """Where ``record`` belongs in ``rows`` (sorted by ``column``), for a single insert."""
        k = _KEY_INDEX[column]
        key = self._keys_for.entry(record)[k]
        if key is None:
            return len(rows)
        by_id = self._by_id
        for position, row in enumerate(rows):
            entry = by_id.get(row.id)
            other = None if entry is None else entry[k]
            if other is None or (other < key if descending else key < other):
                return position
        return len(rows)

    def owners(self) -> list[str]:
        return sorted({e[0].owner for e in self._entries if e[0].owner}, key=sort_text)

    def tags(self) -> list[str]:
        raw: set[str] = set()
        for entry in self._entries:
            if entry[0].tags:
                raw.update(entry[0].tags.split(","))
        seen: dict[str, str] = {}
        for tag in sorted(raw):  # few distinct values: normalise them, not every idea's
            for clean in split_tags(tag):
                seen.setdefault(clean.casefold(), clean)
        return sorted(seen.values(), key=sort_text)


def sort_records(
    records: Iterable[IdeaRecord], column: str, descending: bool = False
) -> list[IdeaRecord]:
    """Sort ideas by a column without an index (small lists, tests)."""
    return IdeaIndex().sort(records, column, descending)
