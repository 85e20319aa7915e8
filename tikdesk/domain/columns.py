"""Rows kept as columns: a read-only sequence of dicts backed by one list per key.

A 100,000-row import checks and writes its values a column at a time (set lookups and
``map`` over a column run at C speed; a Python loop over 100,000 dicts does not), yet the
preview dialog and the tests want to look at "row 17 as a dict".  :class:`ColumnRows` is
both: ``rows.keys`` / ``rows.columns`` for bulk work, ``rows[17]`` / ``rows[:50]`` /
iteration for everything else.  Dicts are built on demand and never cached.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

__all__ = ["ColumnRows"]


class ColumnRows(Sequence[dict[str, Any]]):
    """``keys[i]`` names ``columns[i]``; every column has one value per row."""

    __slots__ = ("columns", "keys")

    def __init__(self, keys: Sequence[str], columns: Sequence[Sequence[Any]]) -> None:
        if len(keys) != len(columns):
            raise ValueError("one column per key")
        if len({len(c) for c in columns}) > 1:
            raise ValueError("columns of different lengths")
        self.keys: tuple[str, ...] = tuple(keys)
        self.columns: list[Sequence[Any]] = list(columns)

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            part = [column[index] for column in self.columns]
            return [dict(zip(self.keys, values, strict=True)) for values in zip(*part, strict=True)]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return {key: column[index] for key, column in zip(self.keys, self.columns, strict=True)}

    def __iter__(self) -> Iterator[dict[str, Any]]:
        keys = self.keys
        for values in zip(*self.columns, strict=True):
            yield dict(zip(keys, values, strict=True))

    def column(self, key: str) -> Sequence[Any]:
        return self.columns[self.keys.index(key)]

    def __repr__(self) -> str:
        return f"ColumnRows({len(self)} rows × {list(self.keys)})"
