"""Shared helpers for every benchmark: timing, median (min–max), rows, the table, the machine.

A benchmark module offers ``run(quick: bool = False) -> list[Row]`` (``python -m benchmarks``
collects them) and may have its own ``main()`` that prints ``table(rows)``.  Each figure is
measured several times and paired with its *floor* — what the underlying library alone needs
for the same work, measured in the same run — so ratios stay comparable on noisy machines.

    from benchmarks.common import Row, measure, table

    value = measure(lambda: app_filter("feuer"), repeat=7)
    floor = measure(lambda: [r for r in rows if "feuer" in r], repeat=7)
    rows = [Row("Backlog: filter keystroke", value, floor, max_ratio=3, max_value=0.100)]
    print(table(rows))
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any


def repeats(quick: bool, full: int = 7, fast: int = 3) -> int:
    """How many samples to take: ``fast`` with ``--quick``, else ``full``."""
    return fast if quick else full


@dataclass(frozen=True)
class Stat:
    """Samples of one measurement; seconds unless the row says another unit."""

    samples: tuple[float, ...]

    @classmethod
    def of(cls, samples: Iterable[float]) -> Stat:
        values = tuple(float(s) for s in samples)
        if not values:
            raise ValueError("a Stat needs at least one sample")
        return cls(values)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def min(self) -> float:
        return min(self.samples)

    @property
    def max(self) -> float:
        return max(self.samples)

    def fmt(self, unit: str = "s") -> str:
        """``median (min–max)`` in a readable unit."""
        if len(self.samples) == 1:
            return fmt_value(self.median, unit)
        return (
            f"{fmt_value(self.median, unit)} "
            f"({fmt_value(self.min, unit, bare=True)}–{fmt_value(self.max, unit, bare=True)})"
        )


def fmt_value(value: float, unit: str = "s", *, bare: bool = False) -> str:
    if unit == "s":
        if value < 1.0:
            text, suffix = f"{value * 1000:.0f}" if value >= 0.01 else f"{value * 1000:.1f}", "ms"
        else:
            text, suffix = f"{value:.2f}", "s"
    elif unit == "MB":
        text, suffix = f"{value:.0f}", "MB"
    else:
        text, suffix = f"{value:.3g}", unit
    return f"{text}{suffix}" if bare else f"{text} {suffix}"


def measure(
    fn: Callable[[], Any],
    repeat: int = 5,
    *,
    warmup: int = 1,
    setup: Callable[[], Any] | None = None,
) -> Stat:
    """Run ``fn`` ``warmup`` + ``repeat`` times and keep the wall-clock times of the repeats.

    ``setup`` (not timed) runs before every call, e.g. to copy a fresh database.
    """
    samples = []
    for index in range(warmup + repeat):
        if setup is not None:
            setup()
        gc.collect()
        began = time.perf_counter()
        fn()
        took = time.perf_counter() - began
        if index >= warmup:
            samples.append(took)
    return Stat.of(samples)


@dataclass
class Row:
    """One line of the table: a figure, its floor, and the target it must meet.

    ``max_ratio``/``max_value`` are the targets (value ÷ floor, and the value itself, in the
    row's unit); ``None`` means no such target.  ``error`` marks a figure that could not be
    measured (shown as such instead of crashing the run).
    """

    figure: str
    value: Stat | None
    floor: Stat | None = None
    unit: str = "s"
    max_ratio: float | None = None
    max_value: float | None = None
    floor_label: str = ""
    note: str = ""
    error: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.value is None or self.floor is None or self.floor.median <= 0:
            return None
        return self.value.median / self.floor.median

    @property
    def target(self) -> str:
        parts = []
        if self.max_value is not None:
            parts.append(f"≤ {fmt_value(self.max_value, self.unit)}")
        if self.max_ratio is not None:
            parts.append(f"≤ {self.max_ratio:g}×")
        return ", ".join(parts) or "–"

    @property
    def met(self) -> bool | None:
        """True/False against the targets; None when there is no target or no value."""
        if self.value is None or (self.max_ratio is None and self.max_value is None):
            return None
        ok = True
        if self.max_value is not None:
            ok = ok and self.value.median <= self.max_value
        if self.max_ratio is not None:
            ratio = self.ratio
            ok = ok and ratio is not None and ratio <= self.max_ratio
        return ok


def not_available(figure: str, reason: str) -> Row:
    return Row(figure, None, error=reason)


def table(rows: Sequence[Row]) -> str:
    """A plain-text table (also valid Markdown) of the rows."""
    head = ("figure", "value: median (min–max)", "floor", "ratio", "target", "met?")
    body = []
    for row in rows:
        if row.value is None:
            body.append(
                (
                    row.figure,
                    f"not available: {row.error}" if row.error else "–",
                    "",
                    "",
                    row.target,
                    "",
                )
            )
            continue
        floor = row.floor.fmt(row.unit) if row.floor is not None else "–"
        if row.floor_label and row.floor is not None:
            floor = f"{floor} [{row.floor_label}]"
        ratio = f"{row.ratio:.2f}×" if row.ratio is not None else "–"
        met = {True: "yes", False: "NO", None: "–"}[row.met]
        body.append((row.figure, row.value.fmt(row.unit), floor, ratio, row.target, met))
    widths = [max(len(str(r[i])) for r in (head, *body)) for i in range(len(head))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    notes = [f"- {r.figure}: {r.note}" for r in rows if r.note]
    return "\n".join([line(head), sep, *(line(r) for r in body), *(["", *notes] if notes else [])])


# ----------------------------------------------------------------------------- environment

LIBRARIES = (
    "PySide6",
    "PySide6-Essentials",
    "SQLAlchemy",
    "pyqtgraph",
    "numpy",
    "python-calamine",
    "xlsxwriter",
    "alembic",
)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return None


def machine() -> dict[str, str]:
    ram = ram_gib()
    info = {
        "CPU": cpu_model(),
        "cores": str(os.cpu_count()),
        "RAM": f"{ram:.1f} GiB" if ram else "?",
        "OS": f"{platform.system()} {platform.release()}",
        "Qt platform": os.environ.get("QT_QPA_PLATFORM", "(default)"),
        "Python": sys.version.split()[0],
    }
    for lib in LIBRARIES:
        try:
            info[lib] = metadata.version(lib)
        except metadata.PackageNotFoundError:
            continue
    return info


def machine_text() -> str:
    return "\n".join(f"{k}: {v}" for k, v in machine().items())
