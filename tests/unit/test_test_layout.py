"""The tests are arranged by kind (issue 15): unit tests need no Qt, UI tests drive widgets,
end-to-end tests run the command line, the app in a subprocess, the bundle.

Static checks on the files, so a misplaced test is named with the line that gives it away."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
KINDS = ("unit", "ui", "e2e")
QT = re.compile(r"^\s*(from|import)\s+(PySide6|pyqtgraph|tikdesk\.ui|tikdesk\.app)\b|\bqtbot\b")


def test_every_test_file_sits_in_a_kind_folder() -> None:
    loose = sorted(p.name for p in TESTS.glob("test_*.py"))
    assert loose == [], f"put these into tests/unit, tests/ui or tests/e2e: {loose}"
    for kind in KINDS:
        assert list((TESTS / kind).glob("test_*.py")), f"tests/{kind} is empty"


def test_no_test_file_name_is_used_twice() -> None:
    names = [p.name for kind in KINDS for p in (TESTS / kind).glob("test_*.py")]
    assert len(names) == len(set(names)), "two test modules of one name shadow each other"


def test_unit_tests_need_no_qt() -> None:
    offenders = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted((TESTS / "unit").glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if QT.search(line)
    ]
    assert offenders == [], "Qt in a unit test (move it to tests/ui):\n" + "\n".join(offenders)
