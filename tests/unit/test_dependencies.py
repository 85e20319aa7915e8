"""The declared dependencies match what the code imports, and releases install pinned versions.

A runtime dependency nobody imports only makes the bundle bigger; one that is imported but
only declared for the tests breaks a user's install.  The constraints file pins every
package CI and the release build install, so a release can be rebuilt with the same versions.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

#: distribution name → the module it is imported as
MODULE_OF = {
    "pyside6-essentials": "PySide6",
    "sqlalchemy": "sqlalchemy",
    "alembic": "alembic",
    "numpy": "numpy",
    "python-calamine": "python_calamine",
    "xlsxwriter": "xlsxwriter",
    "pyqtgraph": "pyqtgraph",
    "icalendar": "icalendar",
    "holidays": "holidays",
    "segno": "segno",
    "psycopg": "psycopg",
    "openpyxl": "openpyxl",
    "defusedxml": "defusedxml",
    "typst": "typst",
    "pypdf": "pypdf",
    "pdfua": "pdfua",
}


def _name(requirement: str) -> str:
    found = re.match(r"[A-Za-z0-9_.\-]+", requirement)
    assert found, requirement
    return found.group(0).lower().replace("_", "-")


def _imported_top_modules(folder: Path) -> set[str]:
    modules: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module.split(".")[0])
    return modules


@pytest.mark.slow
def test_every_runtime_dependency_is_imported_by_the_application() -> None:
    runtime = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    used = _imported_top_modules(ROOT / "tikdesk")
    unused = sorted(name for name in runtime if MODULE_OF[name] not in used)
    assert unused == [], f"declared but never imported under tikdesk/: {unused}"


@pytest.mark.slow
def test_test_only_libraries_are_not_runtime_dependencies() -> None:
    runtime = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    used = _imported_top_modules(ROOT / "tikdesk")
    for name in ("openpyxl", "defusedxml", "pandas", "pypdf", "pdfua"):
        assert name not in runtime
        assert MODULE_OF.get(name, name) not in used


@pytest.mark.parametrize("name", ["pyqtgraph", "python-calamine", "typst"])
def test_libraries_used_below_their_public_api_have_an_upper_bound(name: str) -> None:
    (requirement,) = [r for r in PYPROJECT["project"]["dependencies"] if _name(r) == name]
    assert "<" in requirement, requirement


def _constraints() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not pinned: {line}"
            pins[_name(name)] = version
    return pins


def test_constraints_pin_every_declared_dependency() -> None:
    pins = _constraints()
    declared = [
        *PYPROJECT["project"]["dependencies"],
        *PYPROJECT["project"]["optional-dependencies"]["test"],
    ]
    missing = sorted({_name(r) for r in declared} - set(pins))
    assert missing == [], f"not in constraints.txt: {missing}"


def test_installed_versions_are_the_pinned_ones() -> None:
    """CI installs with ``-c constraints.txt``; a drifted pin shows up here."""
    from importlib.metadata import PackageNotFoundError, version

    if sys.version_info[:2] != (3, 11):
        pytest.skip("constraints.txt is resolved for Python 3.11, the bundled Python")
    pins = _constraints()
    for name in ("pyside6-essentials", "sqlalchemy", "pyqtgraph", "python-calamine"):
        try:
            installed = version(name)
        except PackageNotFoundError:  # pragma: no cover - broken environment
            pytest.fail(f"{name} is not installed")
        assert installed == pins[name], f"{name}: installed {installed}, pinned {pins[name]}"


def test_gui_entry_point_opens_no_console_and_the_cli_keeps_one() -> None:
    assert PYPROJECT["project"]["gui-scripts"]["tikdesk"] == "tikdesk.app:main"
    assert PYPROJECT["project"]["scripts"]["tikdesk-cli"] == "tikdesk.app:main"
    assert "tikdesk" not in PYPROJECT["project"]["scripts"]


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(python3 -m venv \.venv &&[^\n]+)\n```", text)


def test_readme_commands_install_from_the_constraints_and_ci_runs_the_test_command() -> None:
    install, test = _readme_commands()[:2]
    assert install.endswith(".venv/bin/tikdesk") and "-c constraints.txt" in install
    assert "pytest" in test and "-c constraints.txt" in test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines(), "CI must run the README's test command verbatim"
    for gate in ("ruff check", "ruff format --check", "lint-imports", "mypy tikdesk"):
        assert gate in ci, gate
