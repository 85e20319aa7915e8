"""Estimate the Windows bundle's size from a Linux build (issue 21: measured on Linux in CI,
estimated for Windows).

    python packaging/windows_estimate.py dist/TikDesk [--wheels DIR]

Every file of the Linux bundle is mapped to its Windows counterpart, whose size is read from the
``win_amd64`` wheels of the same versions (``pip download`` fetches them into DIR once):
Qt libraries, plugins and bindings from PySide6_Essentials and shiboken6, numpy's extensions and
OpenBLAS, psycopg's libpq with its OpenSSL, calamine and typst.  What only Linux needs goes:
ICU (Windows' Qt6Core.dll imports ``icuuc.dll`` from System32), the xcb platform, glib, X11,
dbus and the other system libraries, libgfortran (the Windows OpenBLAS DLL carries it).  Python
itself is the python.org 3.11 x64 build: its files are not on PyPI, so their sizes are
constants below (approximate).  Windows has two executables, each with the whole Python
archive: TikDesk.exe (no console) and tikdesk-cli.exe (console, for scripts and --smoke-test).
Python code and data files count the same on both.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import defaultdict
from importlib import metadata
from pathlib import Path

#: distributions whose native files differ between Linux and Windows
NATIVE = ("PySide6_Essentials", "shiboken6", "numpy", "psycopg-binary", "python-calamine", "typst")
#: python.org 3.11 x64: python311.dll, Python's own OpenSSL (libcrypto-3, libssl-3) for hashlib
#: and ssl, sqlite3.dll, the DLLs/*.pyd TikDesk imports, the MSVC runtime (approximate)
PYTHON_RUNTIME_MB = {
    "python311.dll": 5.8,
    "libcrypto-3.dll, libssl-3.dll": 5.8,
    "sqlite3.dll": 1.6,
    "DLLs/*.pyd": 2.6,
    "MSVC runtime (msvcp140*, vcruntime140*)": 1.0,
}
_EXT = r"(?:cpython-\d+-x86_64-linux-gnu|abi3)\.so"


def download(wheels: Path) -> None:
    """The win_amd64 wheels of the installed versions (no dependencies), once."""
    wheels.mkdir(parents=True, exist_ok=True)
    py = f"{sys.version_info.major}.{sys.version_info.minor}"
    for name in NATIVE:
        wanted = f"{name}=={metadata.version(name)}"
        norm = name.replace("-", "_").lower()
        if any(p.name.lower().startswith(norm + "-") for p in wheels.glob("*.whl")):
            continue
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:",
             "--platform", "win_amd64", "--python-version", py, "--no-deps", "-d",
             str(wheels), wanted],
            check=True,
        )  # fmt: skip


def windows_files(wheels: Path) -> dict[str, int]:
    """``path inside the wheel -> size`` of every DLL, .pyd and .qm of the wheels."""
    import zipfile

    sizes: dict[str, int] = {}
    for wheel in sorted(wheels.glob("*win_amd64.whl")):
        with zipfile.ZipFile(wheel) as archive:
            for info in archive.infolist():
                if info.filename.endswith((".dll", ".pyd", ".qm")):
                    sizes[info.filename] = info.file_size
    return sizes


def counterpart(rel: str, size: int, win: dict[str, int]) -> tuple[str, int]:
    """``(group, bytes on Windows)`` for one file of the Linux ``_internal`` folder."""
    if match := re.fullmatch(r"PySide6/Qt/lib/libQt6(\w+)\.so\.6", rel):
        if match.group(1) in ("XcbQpa", "DBus"):
            return "Linux only", 0
        return "Qt libraries and plugins", win[f"PySide6/Qt6{match.group(1)}.dll"]
    if rel.startswith("PySide6/Qt/lib/libicu"):
        return "Linux only", 0
    if match := re.fullmatch(r"PySide6/Qt/plugins/(\w+)/lib(\w+)\.so", rel):
        folder, name = match.groups()
        if folder in ("xcbglintegrations", "platforminputcontexts"):
            return "Linux only", 0
        name = "qwindows" if name == "qxcb" else name
        return "Qt libraries and plugins", win.get(f"PySide6/plugins/{folder}/{name}.dll", size)
    if rel.startswith("PySide6/Qt/translations/"):
        return "Qt libraries and plugins", win.get("PySide6/translations/" + rel.rsplit("/")[-1], 0)
    if match := re.fullmatch(rf"(PySide6|shiboken6)/(\w+)\.{_EXT}", rel):
        return "PySide6 bindings", win.get(f"{match.group(1)}/{match.group(2)}.pyd", size)
    if rel.startswith("PySide6/libpyside6"):
        return "PySide6 bindings", win["PySide6/pyside6.abi3.dll"]
    if rel.startswith("shiboken6/libshiboken6"):
        return "PySide6 bindings", win["shiboken6/shiboken6.abi3.dll"]
    if rel.startswith("numpy.libs/libscipy_openblas"):  # with numpy's own msvcp140 copy
        return "numpy", sum(v for k, v in win.items() if k.startswith("numpy.libs/"))
    if rel.startswith("psycopg_binary.libs/libpq"):  # libpq with its OpenSSL
        return "psycopg", sum(v for k, v in win.items() if k.startswith("psycopg_binary.libs/"))
    if rel.startswith(("numpy.libs/", "psycopg_binary.libs/")):
        return "Linux only", 0  # gfortran, quadmath; krb5, ldap, sasl (Windows: SSPI)
    if match := re.fullmatch(rf"(numpy|psycopg_binary|python_calamine|typst)/(.+)\.{_EXT}", rel):
        group = {"psycopg_binary": "psycopg"}.get(match.group(1), match.group(1))
        found = [v for k, v in win.items() if re.fullmatch(rf"{match[1]}/{match[2]}\..*pyd", k)]
        return group, found[0] if found else size
    if ("/" not in rel and ".so" in rel) or re.match(r"python3\.\d+/lib-dynload/", rel):
        return "Linux only", 0  # libpython, system libraries, extension modules: see below
    return "Python code, data and other extensions (same)", size


def estimate(bundle: Path, win: dict[str, int]) -> dict[str, float]:
    """MB per group of the Windows bundle made from the Linux ``bundle`` folder."""
    groups: dict[str, float] = defaultdict(float)
    for path in sorted((bundle / "_internal").rglob("*")):
        if path.is_file() and not path.is_symlink():
            rel = path.relative_to(bundle / "_internal").as_posix()
            group, size = counterpart(rel, path.stat().st_size, win)
            groups[group] += size / 1e6
    groups.pop("Linux only", None)
    groups["Python runtime (python.org 3.11, approximate)"] = sum(PYTHON_RUNTIME_MB.values())
    exe = (
        next(p for p in (bundle / "TikDesk.exe", bundle / "TikDesk") if p.is_file()).stat().st_size
    )
    groups["TikDesk.exe"] = exe / 1e6
    groups["tikdesk-cli.exe (a second copy of the Python archive)"] = exe / 1e6
    return dict(groups)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="the Linux one-folder build (dist/TikDesk)")
    parser.add_argument("--wheels", type=Path, default=Path("build/win-wheels"))
    args = parser.parse_args(argv)
    download(args.wheels)
    groups = estimate(args.bundle, windows_files(args.wheels))
    linux = sum(
        p.stat().st_size for p in args.bundle.rglob("*") if p.is_file() and not p.is_symlink()
    )
    for group, mb in sorted(groups.items(), key=lambda item: -item[1]):
        print(f"{mb:8.1f} MB  {group}")
    total = sum(groups.values())
    print(f"Windows estimate {total:.1f} MB unpacked (Linux build {linux / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
