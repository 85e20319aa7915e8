"""Refresh ``constraints.txt``: every package TikDesk, its tests, lint tools and build install.

    python3.11 packaging/pin.py        # after changing dependencies in pyproject.toml

Resolves ``.[dev]`` in a fresh virtual environment (Python 3.11, the bundled Python), writes
``pip freeze`` below the header and keeps the Windows-only block that a Linux freeze cannot
see.  CI and the release build install with ``-c constraints.txt``; run the suite after a
refresh.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "constraints.txt"
WINDOWS_MARK = "# Windows-only"


def _parts(text: str) -> tuple[str, str]:
    """The header comment and the Windows-only block of the current file."""
    lines = text.splitlines(keepends=True)
    header = "".join(line for line in lines[: _first_pin(lines)] if line.startswith("#"))
    at = text.find(WINDOWS_MARK)
    return header, text[at:] if at >= 0 else ""


def _first_pin(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))


def main() -> int:
    header, windows = _parts(TARGET.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        env = Path(tmp) / "venv"
        venv.create(env, with_pip=True)
        python = env / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
        subprocess.run([python, "-m", "pip", "install", "-q", f"{ROOT}[dev]"], check=True)
        frozen = subprocess.run(
            [python, "-m", "pip", "freeze", "--exclude-editable"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    pins = [line for line in frozen.splitlines() if not line.lower().startswith("tikdesk")]
    TARGET.write_text(header + "\n".join(pins) + "\n" + windows, encoding="utf-8")
    print(f"{TARGET.name}: {len(pins)} packages pinned")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
