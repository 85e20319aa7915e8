"""Search, filter and sort of the backlog in plain Python — fast enough for 50,000 ideas.

A ``QSortFilterProxyModel`` over a Python model is far too slow per filter change and per
sort at that size (ARCHITECTURE.md §6; figures in ``benchmarks/bench_backlog.py``).  Instead
the ideas are loaded once into an :class:`IdeaIndex`: one small tuple per idea with its
record, a precomputed lower-case search text and its tags as ``",a,b,"``.  A keystroke runs
a few list comprehensions; the table model is then reset with the result.

Memory (issue 21): the records are the ones the models show (no copy); sort keys are built
on the first sort by a column, once per distinct value (owners, tags and enum labels repeat),
and the board order is searched on the records themselves.  No Qt here, so this is tested
and benchmarked without a QApplication.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Any

from tikdesk.domain.enums import Audience, IdeaFormat, IdeaStatus, LabeledEnum, Priority
from tikdesk.domain.ideas import IDEA_FIELDS, IdeaRecord
from tikdesk.services.ideas import split_tags

# German sort order (DIN 5007-1): umlauts sort like their base letters; casefold() already
# turns ß into ss.
_SORT_FOLD = (("ä", "a"), ("ö", "o"), ("ü", "u"), ("é", "e"), ("è", "e"), ("à", "a"))

#: Columns the backlog can be sorted by ("board": rank order of the board); any other
#: declared field sorts too (text folded like these).
SORTABLE = (
    "title",
    "owner",
    "tags",
    "status",
    "priority",
    "format",
    "audience",
    "target_date",
    "effort",
    "updated_at",
    "created_at",
    "id",
    "board",
)
_TEXT_KEYS = {"title": False, "owner": True, "tags": True}  # column → empty means "no value"

#: (record, search haystack, ",tag,tag,")
_Entry = tuple[IdeaRecord, str, str]
_RECORD = itemgetter(0)
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_OWNER = attrgetter("owner")
_TAGS = attrgetter("tags")


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


class _Folded(dict[str, Any]):
    """``sort_text`` per distinct text, computed on first look-up (``or None``: "" is no value)."""

    def __init__(self, empty_is_none: bool) -> None:
        super().__init__()
        self._empty_is_none = empty_is_none

    def __missing__(self, text: str) -> Any:
        folded = sort_text(text)
        found = self[text] = (folded or None) if self._empty_is_none else folded
        return found


class _Keys:
    """Lookup tables for the enum columns, built once per index (labels follow the language),
    and the folded texts sorted by so far (one per distinct value, built on first use)."""

    def __init__(self) -> None:
        self.status = _order(IdeaStatus)
        self.priority = {p.value: p.rank for p in Priority}
        self.format = _labels(IdeaFormat)
        self.audience = _labels(Audience)
        self._folded = {False: _Folded(False), True: _Folded(True)}
        self._tag_texts: dict[str, str] = {}

    def entry(self, r: IdeaRecord) -> _Entry:
        tags = self._tag_texts.get(r.tags)
        if tags is None:  # few distinct tag lists: one shared text each
            folded = r.tags.casefold()
            if folded:  # stored tags are normalised ("a, b"); stay tolerant of other spacing
                folded = ",".join(t.strip().lstrip("#") for t in folded.split(","))
            tags = self._tag_texts[r.tags] = f",{folded},"
        return (r, f"{r.title}\n{r.hook}\n{r.description}\n{r.tags}".casefold(), tags)

    def keys_of(self, column: str) -> Callable[[list[IdeaRecord]], list[Any]] | None:
        """The sort keys of records for ``column``, all at once at C speed (None: no value)."""
        field = attrgetter(column)
        if column in _TEXT_KEYS:
            folded = self._folded[_TEXT_KEYS[column]].__getitem__
            return lambda records: list(map(folded, map(field, records)))
        ranks = {"status": self.status, "priority": self.priority}.get(column)
        if ranks is not None:
            rank = ranks.get
            return lambda records: list(map(rank, map(field, records), repeat(99)))
        labels = {"format": self.format, "audience": self.audience}.get(column)
        if labels is not None:
            label = labels.get

            def labelled(records: list[IdeaRecord]) -> list[Any]:
                values = list(map(field, records))
                return list(map(label, values, values))

            return labelled
        if column == "board":
            return lambda records: list(map(_board_key, records))
        if column in ("target_date", "effort", "updated_at", "created_at", "id"):
            return lambda records: list(map(field, records))
        return None


def _order(enum: type[LabeledEnum]) -> dict[str, int]:
    return {member.value: index for index, member in enumerate(enum)}


def _labels(enum: type[LabeledEnum]) -> dict[str, str]:
    return {member.value: sort_text(member.label) for member in enum}


def _board_key(record: IdeaRecord) -> tuple[float, int]:
    return record.board_rank, record.id


def _record(entry: _Entry) -> IdeaRecord:
    return entry[0]


def _entry_board_key(entry: _Entry) -> tuple[float, int]:
    return _board_key(entry[0])


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


def _sort_entries(
    entries: list[_Entry], column: str, descending: bool, keys: _Keys
) -> list[_Entry]:
    """Stable sort by ``column``; entries without a value go last in both directions."""
    keys_of = keys.keys_of(column)
    if keys_of is None:
        return _sort_by_field(entries, column, descending)
    values = keys_of(list(map(_RECORD, entries)))
    if column in _FEW_VALUES:  # deal out to a bucket per value: one pass, no comparisons
        distinct = set(values)
        if len(distinct) <= _FEW:
            return _bucketed(entries, values, distinct, descending)
    keyed = list(zip(values, entries, strict=True))
    present = [p for p in keyed if p[0] is not None]
    present.sort(key=_FIRST, reverse=descending)
    if len(present) == len(keyed):
        return list(map(_SECOND, present))
    return list(map(_SECOND, present)) + [e for k, e in keyed if k is None]


_FEW = 64  # distinct keys up to which a sort deals entries out to buckets
_FEW_VALUES = frozenset({"status", "priority", "format", "audience", "owner", "effort"})


def _bucketed(
    entries: list[_Entry], keys: list[Any], distinct: set[Any], descending: bool
) -> list[_Entry]:
    """A stable sort by few distinct keys: one pass, then the buckets in key order."""
    missing = None in distinct
    order = sorted(distinct - {None}, reverse=descending)
    buckets: dict[Any, list[_Entry]] = {key: [] for key in order}
    if missing:
        buckets[None] = []
    for key, entry in zip(keys, entries, strict=True):
        buckets[key].append(entry)
    return [e for key in (*order, *([None] if missing else [])) for e in buckets[key]]


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
    present.sort(key=_FIRST, reverse=descending)
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
        self._entries: list[_Entry] = []  # board order (rank, id)
        self._by_id: dict[int, _Entry] = {}
        # every entry sorted by one column, kept until the next change: a keystroke then
        # filters an already sorted list instead of sorting again
        self._sorted: dict[tuple[str, bool], list[_Entry]] = {}
        self._stale: set[tuple[str, bool]] = set()  # cached orders to sort again
        self.reset(records)

    def reset(self, records: Iterable[IdeaRecord]) -> None:
        self._keys_for = _Keys()
        make = self._keys_for.entry
        entries = [make(r) for r in records]
        entries.sort(key=_entry_board_key)
        self._entries = entries
        self._by_id = {e[0].id: e for e in entries}
        self._sorted.clear()
        self._stale.clear()

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
        entries = self._entries
        if old_entry is not None:
            index = bisect.bisect_left(entries, _board_key(old_entry[0]), key=_entry_board_key)
            if _board_key(old_entry[0]) == new_key:
                entries[index] = entry
                self._by_id[record.id] = entry
                return _record(old_entry)
            del entries[index]
        index = bisect.bisect_left(entries, new_key, key=_entry_board_key)
        entries.insert(index, entry)
        self._by_id[record.id] = entry
        return None if old_entry is None else _record(old_entry)

    def remove(self, idea_id: int) -> IdeaRecord | None:
        old = self._by_id.pop(idea_id, None)
        if old is None:
            return None
        self._patch_orders(old, None)
        index = bisect.bisect_left(self._entries, _board_key(old[0]), key=_entry_board_key)
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

    def _sorted_entries(self, column: str, descending: bool) -> list[_Entry]:
        key = (column, descending)
        if key not in self._sorted:
            if len(self._sorted) >= 4:  # a few orders are enough (each is a list of refs)
                self._sorted.clear()
            self._sorted[key] = _sort_entries(self._entries, column, descending, self._keys_for)
            self._stale.discard(key)
        elif key in self._stale:
            self._sorted[key] = _sort_entries(self._sorted[key], column, descending, self._keys_for)
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
        matched = _narrow(self._entries, flt)
        return list(map(_RECORD, _sort_entries(matched, *sort, self._keys_for)))

    def filter_by_status(self, flt: IdeaFilter) -> dict[str, list[IdeaRecord]]:
        """The matching ideas per status (board columns), each in board order.

        The search walks every idea once in board order, as for the table (walking lists per
        status is 2–3× slower: their entries lie scattered in memory), then deals the matches
        out to their columns."""
        result: defaultdict[str, list[IdeaRecord]] = defaultdict(list)
        for record in map(_RECORD, _narrow(self._entries, flt)):
            result[record.status].append(record)
        return dict(result)

    def sort(
        self, records: Iterable[IdeaRecord], column: str, descending: bool = False
    ) -> list[IdeaRecord]:
        """``records`` (ideas of this index) sorted by ``column``; ties keep their order."""
        by_id = self._by_id
        entries = [by_id.get(r.id) or self._keys_for.entry(r) for r in records]
        return [e[0] for e in _sort_entries(entries, column, descending, self._keys_for)]

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
        keys_of = self._keys_for.keys_of(column)
        if keys_of is None:
            raise KeyError(column)
        key = keys_of([record])[0]
        if key is None:
            return len(rows)
        by_id = self._by_id
        for position, row in enumerate(rows):
            entry = by_id.get(row.id)
            other = None if entry is None else keys_of([entry[0]])[0]
            if other is None or (other < key if descending else key < other):
                return position
        return len(rows)

    def owners(self) -> list[str]:
        found = set(map(_OWNER, map(_RECORD, self._entries)))  # at C speed: a few distinct
        found.discard("")
        return sorted(found, key=sort_text)

    def tags(self) -> list[str]:
        raw: set[str] = set()
        for tags in set(map(_TAGS, map(_RECORD, self._entries))):  # distinct lists only
            if tags:
                raw.update(tags.split(","))
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
