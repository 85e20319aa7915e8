"""Translations the Qt way: one ``.ts`` file per UI area, compiled to ``.qm``.

    python packaging/i18n.py update            # lupdate: collect tr() strings per area
    python packaging/i18n.py status            # list unfinished German entries (exit 1 if any)
    python packaging/i18n.py apply AREA F.json # fill translations from {"source": "Deutsch"}
    python packaging/i18n.py release           # lrelease: build every .qm next to its .ts

An *area* is a sub-package of ``tikdesk/ui`` (``ideas``, ``posts`` …); the modules directly in
``tikdesk/ui`` form the area ``shell``.  Translators edit ``resources/i18n/<area>_de.ts`` with
Qt Linguist (``pyside6-linguist``) or any text editor.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "tikdesk" / "ui"
I18N = ROOT / "resources" / "i18n"
LANG = "de"


def _tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the running interpreter's environment."""
    here = Path(sys.executable).parent
    for candidate in (here / f"pyside6-{name}", here / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def areas() -> dict[str, list[Path]]:
    """Area name → the Python files whose tr() strings it holds."""
    result: dict[str, list[Path]] = {"shell": sorted(UI.glob("*.py"))}
    for package in sorted(p for p in UI.iterdir() if (p / "__init__.py").exists()):
        result[package.name] = sorted(package.rglob("*.py"))
    return result


def ts_path(area: str) -> Path:
    return I18N / f"{area}_{LANG}.ts"


def update(ts_dir: Path = I18N) -> list[Path]:
    """Run lupdate for every area into ``ts_dir``; returns the .ts files written."""
    ts_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for area, files in areas().items():
        if not files:
            continue
        target = ts_dir / f"{area}_{LANG}.ts"
        if ts_dir != I18N and ts_path(area).exists():
            shutil.copy(ts_path(area), target)  # keep existing translations when checking
        subprocess.run(
            [
                _tool("lupdate"),
                *map(str, files),
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                LANG,
                "-ts",
                str(target),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        written.append(target)
    return written


def entries(ts_file: Path) -> list[tuple[str, str, str, bool]]:
    """(context, source, translation, finished) for every message of a .ts file."""
    result = []
    tree = ET.parse(ts_file)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = "" if translation is None else "".join(translation.itertext())
            finished = (
                translation is not None
                and translation.get("type") not in ("unfinished", "obsolete", "vanished")
                and text.strip() != ""
            )
            result.append((name, source, text, finished))
    return result


def unfinished(ts_dir: Path = I18N) -> list[str]:
    problems = []
    for ts_file in sorted(ts_dir.glob(f"*_{LANG}.ts")):
        for context, source, _text, finished in entries(ts_file):
            if not finished:
                problems.append(f"{ts_file.name}: [{context}] {source!r}")
    return problems


def apply(area: str, mapping: dict[str, str]) -> int:
    """Fill translations of ``area`` from ``mapping`` (source → German); returns count."""
    path = ts_path(area)
    tree = ET.parse(path)
    count = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        if source in mapping:
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            for child in list(translation):
                translation.remove(child)
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
            count += 1
    ET.indent(tree)
    with path.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
    return count


def release(ts_dir: Path = I18N, qm_dir: Path | None = None) -> list[Path]:
    qm_dir = qm_dir or ts_dir
    built = []
    for ts_file in sorted(ts_dir.glob(f"*_{LANG}.ts")):
        qm = qm_dir / (ts_file.stem + ".qm")
        subprocess.run(
            [_tool("lrelease"), str(ts_file), "-qm", str(qm)],
            check=True,
            capture_output=True,
            text=True,
        )
        built.append(qm)
    return built


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"update", "status", "apply", "release"}:
        print(__doc__)
        return 2
    command = argv[0]
    if command == "update":
        for path in update():
            print(f"updated {path.relative_to(ROOT)}")
    elif command == "status":
        problems = unfinished()
        print("\n".join(problems) or "all translations finished")
        return 1 if problems else 0
    elif command == "apply":
        if len(argv) != 3:
            print("usage: i18n.py apply AREA FILE.json")
            return 2
        mapping = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        print(f"{apply(argv[1], mapping)} translations applied to {ts_path(argv[1]).name}")
    elif command == "release":
        for path in release():
            print(f"built {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
