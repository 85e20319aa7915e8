"""What the bundle leaves out of the libraries it must ship (issue 21); used by tikdesk.spec.

**ICU data (Linux).**  Qt 6 on Linux links QtCore against ICU, and PySide6's wheel ships ICU's
whole data library, ``libicudata.so.73`` (32 MB: every locale, the CJK converters and word-break
dictionaries).  Qt calls ICU for collation (``QCollator``), locale-aware upper/lower case, time
zone display names and text codecs beyond UTF/Latin-1.  :func:`icu_subset` keeps, of ICU's data
package, what those need for German and English — every locale-independent file (Unicode
properties, normalization, the root collation, time zones), the ``root``/``de*``/``en*``
locales of every tree with their shared string pools, and the single-byte code pages — and
leaves out the other ~740 locales, the transliteration rules, the Thai/Lao/Khmer/Burmese/CJK
dictionaries and the multi-byte CJK converters.  A request for a removed item makes ICU fall
back to the root locale, as for any locale it does not know.  :func:`icu_data_library` links
the subset into a drop-in ``libicudata.so.73`` (one exported symbol, ``icudt73_dat``) with
binutils' ``as`` and ``ld``, which PyInstaller needs on Linux anyway.  On Windows Qt uses the
ICU of Windows itself (Qt6Core.dll imports ``icuuc.dll`` from System32): nothing to do there.

**QtOpenGL (all platforms).**  pyqtgraph's ``PlotCurveItem`` imports ``PySide6.QtOpenGL`` at
import time, but uses it only when curves are drawn with OpenGL (``useOpenGL``), which TikDesk
never switches on.  The Python bindings are 9 MB; the bundle carries instead the runtime hook
``packaging/rthook_qtopengl.py``: an importable module that fails loudly if anything ever asks
it for a class.

**What stays, though TikDesk barely uses it: numpy's OpenBLAS** (Linux 25 MB + libgfortran
3 MB, Windows a 20 MB DLL).  numpy's core extension links it, so it cannot be left out of a
PyPI numpy.  TikDesk does not need it: under gdb, with a breakpoint on each of the 57 BLAS and
LAPACK functions numpy calls, the whole smoke test (every tab, every chart, the report) makes
one call — numpy's own check at import.  A numpy built from source without BLAS
(``-Csetup-args=-Dblas=none -Csetup-args=-Dlapack=none``, untested here) would save that much.

    python packaging/slim.py icu LIBICUDATA [OUT]   # list what the subset keeps, build it
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

#: languages whose ICU locale data stays (TikDesk speaks German and English)
ICU_LANGUAGES = ("de", "en")
#: single-byte code pages are a few KiB each; the multi-byte CJK tables are 100–550 KiB
ICU_MAX_CONVERTER_BYTES = 64 * 1024
#: ICU data trees Qt never reads (transliteration: ``utrans``, not called by Qt)
ICU_DROPPED_TREES = ("translit",)
#: a locale file's stem: language, then optional script/region/variant (``de``, ``en_GB``)
_LOCALE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]+)*")
#: ICU data files whose names look like locales but are not
_NOT_LOCALES = {"res_index"}

_MAGIC = (0xDA, 0x27)
_ALIGN = 16
_PAD = b"\xaa"  # what ICU's pkgdata pads with


def read_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """ICU's common data package (``CmnD``): its header and ``(name, item)`` pairs in order.

    Layout: a header (``headerSize``, magic ``da 27``, UDataInfo with format ``CmnD``), then the
    table of contents — ``count``, ``count`` × (name offset, data offset), the names — and the
    items, all offsets counted from the start of the table of contents.
    """
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != _MAGIC or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package (CmnD)")
    toc = blob[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for index, (name_at, data_at) in enumerate(entries):
        end = entries[index + 1][1] if index + 1 < count else len(toc)
        name = toc[name_at : toc.index(b"\0", name_at)].decode("ascii")
        items.append((name, toc[data_at:end]))
    return blob[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The inverse of :func:`read_package`; every item starts on a 16-byte boundary."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    data_at = _aligned(toc_size + len(names))
    offsets, name_at = [], toc_size
    body = bytearray()
    for name, data in items:
        offsets.append((name_at, data_at + len(body)))
        name_at += len(name) + 1
        body += data + _PAD * (_aligned(len(data)) - len(data))
    toc = bytearray(struct.pack("<I", len(items)))
    for pair in offsets:
        toc += struct.pack("<II", *pair)
    toc += names
    toc += _PAD * (data_at - len(toc))
    return header + bytes(toc) + bytes(body)


def _aligned(size: int) -> int:
    return (size + _ALIGN - 1) // _ALIGN * _ALIGN


def icu_item_wanted(name: str, size: int) -> bool:
    """Whether an item of ICU's data package (``icudt73l/coll/de.res``) stays in the subset."""
    path = name.split("/", 1)[1] if "/" in name else name
    tree, _, leaf = path.rpartition("/")
    stem, _, ext = leaf.rpartition(".")
    if tree in ICU_DROPPED_TREES or ext == "dict":
        return False
    if ext == "cnv":
        return size <= ICU_MAX_CONVERTER_BYTES
    if ext == "res" and _LOCALE.fullmatch(stem) and stem not in _NOT_LOCALES:
        return stem.split("_")[0] in ICU_LANGUAGES
    return True  # locale-independent: properties, pools, root, zones, aliases, rules


def icu_subset(blob: bytes, wanted: Callable[[str, int], bool] = icu_item_wanted) -> bytes:
    header, items = read_package(blob)
    return write_package(header, [(n, d) for n, d in items if wanted(n, len(d))])


def _elf_symbol(library: Path, symbol: str) -> tuple[int, int]:
    """File offset and size of an exported data symbol (via ``nm`` and ``readelf``)."""
    nm = subprocess.run(
        ["nm", "-D", "--defined-only", "-S", str(library)], capture_output=True, text=True
    ).stdout
    found = re.search(rf"^([0-9a-f]+) ([0-9a-f]+) R {re.escape(symbol)}$", nm, re.MULTILINE)
    if not found:
        raise ValueError(f"{library.name} exports no {symbol}")
    address, size = int(found.group(1), 16), int(found.group(2), 16)
    sections = subprocess.run(
        ["readelf", "-W", "-S", str(library)], capture_output=True, text=True
    ).stdout
    for line in sections.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            section_address, section_offset = int(fields[3], 16), int(fields[4], 16)
            return address - section_address + section_offset, size
    raise ValueError(f"{library.name} has no .rodata section")


def icu_data_symbol(library: Path) -> str:
    """``icudt73_dat`` for ``libicudata.so.73``."""
    major = library.name.rsplit(".so.", 1)[-1].split(".")[0]
    return f"icudt{major}_dat"


def icu_data_library(source: Path, target: Path) -> tuple[int, int]:
    """Write the subset of ``source`` (a ``libicudata.so.NN``) as a library to ``target``.

    Returns (bytes of data before, after).  Raises ``RuntimeError`` when binutils are missing.
    """
    tools = {tool: shutil.which(tool) for tool in ("nm", "readelf", "as", "ld")}
    missing = [tool for tool, path in tools.items() if path is None]
    if missing:
        raise RuntimeError(f"binutils missing: {', '.join(missing)}")
    symbol = icu_data_symbol(source)
    offset, size = _elf_symbol(source, symbol)
    with source.open("rb") as fh:
        fh.seek(offset)
        blob = fh.read(size)
    subset = icu_subset(blob)
    with tempfile.TemporaryDirectory(prefix="tikdesk-icu-") as tmp:
        work = Path(tmp)
        (work / "data.bin").write_bytes(subset)
        (work / "data.s").write_text(
            f"""\t.section .rodata
\t.globl {symbol}
\t.type {symbol}, @object
\t.balign {_ALIGN}
{symbol}:
\t.incbin "data.bin"
\t.size {symbol}, . - {symbol}
\t.section .note.GNU-stack,"",@progbits
""",
            encoding="ascii",
        )
        subprocess.run(["as", "-o", "data.o", "data.s"], cwd=work, check=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["ld", "-shared", "-soname", source.name, "-o", str(target), "data.o"],
            cwd=work,
            check=True,
        )
    return size, len(subset)


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "icu":
        source = Path(argv[1])
        offset, size = _elf_symbol(source, icu_data_symbol(source))
        with source.open("rb") as fh:
            fh.seek(offset)
            _header, items = read_package(fh.read(size))
        kept = [(n, len(d)) for n, d in items if icu_item_wanted(n, len(d))]
        print(
            f"{len(kept)} of {len(items)} items kept, "
            f"{sum(s for _, s in kept) / 1e6:.1f} of {sum(len(d) for _, d in items) / 1e6:.1f} MB"
        )
        if len(argv) > 2:
            before, after = icu_data_library(source, Path(argv[2]))
            print(f"wrote {argv[2]}: {before / 1e6:.1f} → {after / 1e6:.1f} MB of data")
        return 0
    print(__doc__.rsplit("\n\n", 1)[-1])
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
