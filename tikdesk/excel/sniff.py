"""What a file really is, decided by its content — and whether it is safe to open.

Nothing here parses a spreadsheet.  :func:`sniff` looks at the first bytes, the ZIP central
directory or the OLE2 directory, and refuses (``InputRejected`` with a message naming the
file) what must not reach a parser: a missing file, a folder, a pipe or device (regular
files only; checked without blocking), an unreadable/locked file, an empty file, random
bytes, an HTML page or XML spreadsheet renamed ``.xlsx``, a password-protected workbook, a
non-spreadsheet Office file, and ZIP bombs (too many entries, too much unpacked data,
suspicious compression ratio, sizes that lie) — all within bounded memory and time.

API (stable, also used by the analytics import):

``sniff(path, verify_zip=True) -> Sniffed``
    ``Sniffed.kind`` is one of ``KIND_XLSX``, ``KIND_XLSM``, ``KIND_XLSB``, ``KIND_ODS``,
    ``KIND_XLS``, ``KIND_TEXT`` (CSV/TXT/TSV), ``KIND_ZIP`` (any other safe ZIP, e.g. a TikTok
    download); ``encoding`` is set for text; ``notices`` holds non-blocking hints (e.g. "named
    .xlsx but is a CSV text file", "open in Excel: unsaved changes are not included").
    ``verify_zip`` also streams every entry through the decompressor (1 MiB at a time) so a
    ZIP whose headers lie is caught too.
``check_zip(path, verify=True) -> list[zipfile.ZipInfo]``
    The ZIP safety check on its own (for ZIPs the caller then opens with ``zipfile``).
``detect_encoding(data) -> str``
    ``utf-8-sig``, ``utf-8``, ``utf-16`` (with BOM), ``utf-16-le``/``-be`` (no BOM) or
    ``cp1252``, from the first bytes of a text file.
``excel_owner_file(path) -> Path | None``
    The ``~$name.xlsx`` (Excel) or ``.~lock.name#`` (LibreOffice) file beside ``path`` that
    says someone has it open.
``too_large(path, size) -> InputRejected``
    The message for a file (or ZIP entry) above ``MAX_FILE_BYTES`` (256 MiB, checked by size
    before anything is read).
``rejected_unreadable(path, exc) -> InputRejected``
    The message for an ``OSError`` while opening ``path`` (locked by Excel, permission,
    missing, folder).
Limits are module constants (``MAX_FILE_BYTES``, ``MAX_ZIP_ENTRIES``, ``MAX_ZIP_TOTAL``,
``MAX_ZIP_RATIO``).
"""

from __future__ import annotations

import errno
import os
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg

__all__ = [
    "KIND_ODS",
    "KIND_TEXT",
    "KIND_XLS",
    "KIND_XLSB",
    "KIND_XLSM",
    "KIND_XLSX",
    "KIND_ZIP",
    "SPREADSHEET_KINDS",
    "Sniffed",
    "check_zip",
    "detect_encoding",
    "excel_owner_file",
    "rejected_unreadable",
    "sniff",
    "too_large",
]

KIND_XLSX, KIND_XLSM, KIND_XLSB, KIND_ODS, KIND_XLS = "xlsx", "xlsm", "xlsb", "ods", "xls"
KIND_TEXT, KIND_ZIP = "text", "zip"
SPREADSHEET_KINDS = frozenset({KIND_XLSX, KIND_XLSM, KIND_XLSB, KIND_ODS, KIND_XLS})

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_ZIP_TOTAL = 512 * 1024 * 1024  # all entries unpacked
MAX_ZIP_RATIO = 200  # unpacked / packed, checked for entries above RATIO_FLOOR
RATIO_FLOOR = 4 * 1024 * 1024
SAMPLE_BYTES = 64 * 1024

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_NAMES = {
    KIND_XLSX: "Excel-Arbeitsmappe (.xlsx)",
    KIND_XLSM: "Excel-Arbeitsmappe mit Makros (.xlsm)",
    KIND_XLSB: "Excel-Binärarbeitsmappe (.xlsb)",
    KIND_ODS: "OpenDocument-Tabelle (.ods)",
    KIND_XLS: "Excel-97–2003-Arbeitsmappe (.xls)",
    KIND_TEXT: "CSV-/Textdatei",
    KIND_ZIP: "ZIP-Archiv",
}
_NAMES_EN = {
    KIND_XLSX: "Excel workbook (.xlsx)",
    KIND_XLSM: "macro-enabled Excel workbook (.xlsm)",
    KIND_XLSB: "Excel binary workbook (.xlsb)",
    KIND_ODS: "OpenDocument spreadsheet (.ods)",
    KIND_XLS: "Excel 97–2003 workbook (.xls)",
    KIND_TEXT: "CSV/text file",
    KIND_ZIP: "ZIP archive",
}
_SUFFIX_KIND = {
    ".xlsx": KIND_XLSX,
    ".xlsm": KIND_XLSM,
    ".xlsb": KIND_XLSB,
    ".ods": KIND_ODS,
    ".xls": KIND_XLS,
    ".csv": KIND_TEXT,
    ".txt": KIND_TEXT,
    ".tsv": KIND_TEXT,
    ".zip": KIND_ZIP,
}


@dataclass
class Sniffed:
    path: Path
    kind: str
    size: int
    encoding: str | None = None
    notices: list[str] = field(default_factory=list)


def _reject(path: Path, de: str, en: str) -> InputRejected:
    return InputRejected(msg(f"„{path.name}“: {de}", f"'{path.name}': {en}"))


def rejected_unreadable(path: Path, exc: OSError) -> InputRejected:
    """A clear message for an OSError while opening ``path``."""
    if isinstance(exc, FileNotFoundError) or exc.errno == errno.ENOENT:
        return InputRejected(
            msg(f"Die Datei „{path}“ gibt es nicht.", f"The file '{path}' does not exist.")
        )
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        return InputRejected(
            msg(
                f"„{path}“ ist ein Ordner, keine Datei. Bitte eine Datei auswählen.",
                f"'{path}' is a folder, not a file. Please choose a file.",
            )
        )
    winerror = getattr(exc, "winerror", None)
    if isinstance(exc, PermissionError) or winerror in (32, 33):
        return _reject(
            path,
            "Die Datei ist gesperrt – vermutlich ist sie noch in Excel geöffnet. Bitte in "
            "Excel schließen und erneut versuchen. (Sonst fehlt die Leseberechtigung.)",
            "the file is locked – probably it is still open in Excel. Please close it in "
            "Excel and try again. (Otherwise you lack permission to read it.)",
        )
    return _reject(
        path,
        f"Die Datei kann nicht gelesen werden: {exc.strerror or exc}.",
        f"the file cannot be read: {exc.strerror or exc}.",
    )


def excel_owner_file(path: Path) -> Path | None:
    """The lock/owner file an office program keeps beside an open workbook, if any."""
    name = path.name
    for candidate in (f"~${name}", f"~${name[2:]}", f".~lock.{name}#"):
        owner = path.with_name(candidate)
        if candidate != name and owner.is_file():
            return owner
    return None


def detect_encoding(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    if len(sample) >= 4:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.05:
            return "utf-16-le"
        if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.05:
            return "utf-16-be"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # A multi-byte character cut off at the end of a sample is still UTF-8.
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"
        return "cp1252"


_PLAIN = frozenset(" \t\r\n;,.:-_\"'()/&%€$!?+*#@<>=[]{}|\\~^–—„“”‘’«»…·•")


def _is_noise(text: str) -> bool:
    """True for bytes that are no text: many control characters, or mostly symbols (a text
    table consists mainly of letters, digits, spaces and punctuation).  A stray NUL, BEL or
    ESC in a table is no reason: the CSV reader removes those and names the rows."""
    if not text.strip():
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls > max(8, len(text) // 50):
        return True
    plain = sum(1 for ch in text if ch.isalnum() or ch in _PLAIN)
    return plain < len(text) * 0.85


def too_large(path: Path, size: int) -> InputRejected:
    """The message for a file (or ZIP entry) above :data:`MAX_FILE_BYTES`."""
    return _reject(
        path,
        f"Die Datei ist mit {size // 2**20} MiB zu groß: TikDesk liest Dateien bis "
        f"{MAX_FILE_BYTES // 2**20} MiB. Bitte die Datei aufteilen.",
        f"the file is too large ({size // 2**20} MiB): TikDesk reads files up to "
        f"{MAX_FILE_BYTES // 2**20} MiB. Please split the file.",
    )


def _without_waiting(path: str, flags: int) -> int:
    """``os.open`` that returns at once for a FIFO (which would otherwise wait for a
    writer forever); :func:`sniff` then refuses it as no regular file."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _not_a_file(path: Path) -> InputRejected:
    return _reject(
        path,
        "Das ist keine gewöhnliche Datei, sondern z. B. eine Pipe oder ein Gerät. TikDesk "
        "liest nur gewöhnliche Dateien.",
        "this is not a regular file but e.g. a pipe or a device. TikDesk reads regular files only.",
    )


def sniff(path: Path | str, verify_zip: bool = True) -> Sniffed:
    """Decide what ``path`` is by content; raise ``InputRejected`` if it cannot be used."""
    path = Path(path)
    if path.is_dir():
        raise rejected_unreadable(path, IsADirectoryError(errno.EISDIR, "folder"))
    try:
        with open(path, "rb", opener=_without_waiting) as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise _not_a_file(path)
            size = info.st_size
            if size > MAX_FILE_BYTES:  # refused before anything is read
                raise too_large(path, size)
            head = fh.read(SAMPLE_BYTES)
    except OSError as exc:
        raise rejected_unreadable(path, exc) from exc
    if size == 0 or not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise _reject(path, "Die Datei ist leer.", "the file is empty.")
    if head.startswith(_ZIP_MAGICS):
        result = Sniffed(path, _zip_kind(path, verify_zip), size)
    elif head.startswith(_CFB_MAGIC):
        result = Sniffed(path, _cfb_kind(path), size)
    else:
        result = _text_kind(path, head, size)
    expected = _SUFFIX_KIND.get(path.suffix.lower())
    if (
        expected is not None
        and expected != result.kind
        and not ({expected, result.kind} <= {KIND_XLSX, KIND_XLSM})
    ):
        result.notices.append(
            msg(
                f"„{path.name}“ ist dem Inhalt nach eine {_NAMES[result.kind]} und wird als "
                "solche gelesen.",
                f"'{path.name}' is by its content a {_NAMES_EN[result.kind]} and is read as such.",
            )
        )
    owner = excel_owner_file(path)
    if owner is not None and result.kind != KIND_ZIP:
        result.notices.append(
            msg(
                f"„{path.name}“ ist offenbar gerade in Excel geöffnet ({owner.name} gefunden). "
                "Gelesen wird der zuletzt gespeicherte Stand – ungespeicherte Änderungen fehlen.",
                f"'{path.name}' seems to be open in Excel ({owner.name} found). The last saved "
                "state is read – unsaved changes are missing.",
            )
        )
    return result


# ----------------------------------------------------------------------------- text
def _text_kind(path: Path, head: bytes, size: int) -> Sniffed:
    encoding = detect_encoding(head)
    text = head.decode(encoding, errors="replace")
    if _is_noise(text[:8192]):
        raise _reject(
            path,
            "Die Datei ist weder eine Tabelle noch Text (unbekanntes Format oder beschädigt).",
            "the file is neither a spreadsheet nor text (unknown format or damaged).",
        )
    start = text.lstrip("\ufeff \t\r\n").lower()[:2048]
    if start.startswith(("<!doctype html", "<html", "<table", "<meta")) or (
        start.startswith("<") and "<html" in start
    ):
        raise _reject(
            path,
            "Das ist eine Webseite (HTML), keine Excel-Datei – oft so aus "
            "Webanwendungen „exportiert“. Bitte in Excel öffnen und als .xlsx speichern.",
            "this is a web page (HTML), not an Excel file – web applications often "
            "'export' like this. Please open it in Excel and save it as .xlsx.",
        )
    if start.startswith("<?xml") or start.startswith("<"):
        raise _reject(
            path,
            "Das ist eine XML-Datei (z. B. „XML-Kalkulationstabelle 2003“), keine "
            "Tabelle, die TikDesk lesen kann. Bitte in Excel als .xlsx speichern.",
            "this is an XML file (e.g. 'XML Spreadsheet 2003'), not a table TikDesk can "
            "read. Please save it as .xlsx in Excel.",
        )
    if head.startswith((b"%PDF", b"{\\rtf", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        raise _reject(
            path,
            "Das ist keine Tabelle (PDF, RTF oder Bild).",
            "this is not a table (PDF, RTF or image).",
        )
    return Sniffed(path, KIND_TEXT, size, encoding=encoding)


# ----------------------------------------------------------------------------- ZIP
def _eocd_entries(path: Path) -> int:
    """Entry count from the end-of-central-directory record, read without parsing the rest."""
    with open(path, "rb") as fh:
        fh.seek(0, os.SEEK_END)
        end = fh.tell()
        fh.seek(max(0, end - 66_000))
        tail = fh.read()
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or len(tail) < pos + 22:
        return -1
    (entries,) = struct.unpack("<H", tail[pos + 10 : pos + 12])
    if entries == 0xFFFF:  # ZIP64: count lives in the ZIP64 end record
        loc = tail.rfind(b"PK\x06\x06", 0, pos)
        if loc >= 0 and len(tail) >= loc + 40:
            (entries64,) = struct.unpack("<Q", tail[loc + 32 : loc + 40])
            return int(min(entries64, 2**31))
    return int(entries)


def _bomb(path: Path) -> InputRejected:
    return _reject(
        path,
        "Die Datei wurde aus Sicherheitsgründen nicht geöffnet: Sie würde sich beim "
        "Entpacken auf ein Vielfaches ihrer Größe aufblähen (mögliche „ZIP-Bombe“) oder ist "
        "beschädigt.",
        "the file was not opened for safety: unpacked it would grow to many times its size "
        "(a possible 'ZIP bomb') or it is damaged.",
    )


def check_zip(path: Path, verify: bool = True) -> list[zipfile.ZipInfo]:
    """Refuse a ZIP bomb (see module docstring); return the entries of a safe ZIP."""
    count = _eocd_entries(path)
    if count > MAX_ZIP_ENTRIES:
        raise _bomb(path)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ZIP_ENTRIES:
                raise _bomb(path)
            total = 0
            for info in infos:
                total += info.file_size
                if total > MAX_ZIP_TOTAL:
                    raise _bomb(path)
                if info.file_size > RATIO_FLOOR and (
                    info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1)
                ):
                    raise _bomb(path)
            if verify:
                _verify_streams(path, zf, infos)
            return infos
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        zlib.error,
        ValueError,
        RuntimeError,
    ) as exc:
        if "encrypted" in str(exc).lower() or "password" in str(exc).lower():
            raise _password(path) from exc
        raise _reject(
            path,
            "Die Datei ist beschädigt (ZIP-Struktur fehlerhaft).",
            "the file is damaged (broken ZIP structure).",
        ) from exc
    except OSError as exc:
        raise rejected_unreadable(path, exc) from exc


def _verify_streams(path: Path, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """Decompress each entry in 1 MiB steps, counting real bytes against the limits."""
    total = 0
    for info in infos:
        if info.is_dir() or info.flag_bits & 0x1:
            continue
        seen = 0
        with zf.open(info) as member:
            while block := member.read(1 << 20):
                seen += len(block)
                total += len(block)
                if seen > info.file_size or total > MAX_ZIP_TOTAL:
                    raise _bomb(path)


def _zip_kind(path: Path, verify: bool) -> str:
    infos = check_zip(path, verify=verify)
    names = {info.filename for info in infos}
    encrypted = any(info.flag_bits & 0x1 for info in infos)
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        if encrypted:
            raise _password(path)
        if "xl/workbook.bin" in names:
            return KIND_XLSB
        with zipfile.ZipFile(path) as zf:
            types = (
                zf.read("[Content_Types].xml")[:65536] if "[Content_Types].xml" in names else b""
            )
        return KIND_XLSM if b"macroEnabled" in types else KIND_XLSX
    if "mimetype" in names:
        with zipfile.ZipFile(path) as zf:
            mimetype = zf.read("mimetype")[:200]
        if b"opendocument.spreadsheet" in mimetype:
            return KIND_ODS
        raise _reject(
            path,
            "Das ist ein OpenDocument-Text oder eine Präsentation, keine Tabelle.",
            "this is an OpenDocument text or presentation, not a spreadsheet.",
        )
    if "word/document.xml" in names or "ppt/presentation.xml" in names:
        raise _reject(
            path,
            "Das ist ein Word- oder PowerPoint-Dokument, keine Tabelle.",
            "this is a Word or PowerPoint document, not a spreadsheet.",
        )
    return KIND_ZIP


# ----------------------------------------------------------------------------- OLE2 / CFB
def _password(path: Path) -> InputRejected:
    return _reject(
        path,
        "Die Arbeitsmappe ist mit einem Kennwort geschützt. Bitte in Excel öffnen, "
        "unter Datei → Informationen → Arbeitsmappe schützen das Kennwort entfernen, "
        "speichern und erneut importieren.",
        "the workbook is password-protected. Please open it in Excel, remove the password "
        "(File → Info → Protect Workbook), save and import again.",
    )


def cfb_stream_names(path: Path) -> set[str]:
    """Names in the directory of an OLE2 compound file (the container of .xls and of
    password-protected .xlsx).  Reads only the header, the FAT and the directory chain."""
    with open(path, "rb") as fh:
        header = fh.read(512)
        if len(header) < 512 or not header.startswith(_CFB_MAGIC):
            return set()
        shift = struct.unpack("<H", header[0x1E:0x20])[0]
        if shift not in (9, 12):
            return set()
        sector = 1 << shift
        n_fat = struct.unpack("<I", header[0x2C:0x30])[0]
        first_dir = struct.unpack("<I", header[0x30:0x34])[0]
        difat = list(struct.unpack("<109I", header[0x4C:0x200]))
        fat_sectors = [s for s in difat if s < 0xFFFFFFFA][: min(n_fat, 109)]

        def read_sector(index: int) -> bytes:
            fh.seek((index + 1) * sector)
            return fh.read(sector)

        fat: list[int] = []
        for s in fat_sectors:
            fat.extend(struct.unpack(f"<{sector // 4}I", read_sector(s).ljust(sector, b"\xff")))
        names: set[str] = set()
        current, steps = first_dir, 0
        while current < 0xFFFFFFFA and steps < 10_000:
            data = read_sector(current)
            for off in range(0, len(data) - 127, 128):
                length = struct.unpack("<H", data[off + 64 : off + 66])[0]
                if 2 <= length <= 64:
                    names.add(data[off : off + length - 2].decode("utf-16-le", errors="replace"))
            current = fat[current] if current < len(fat) else 0xFFFFFFFE
            steps += 1
        return names


def _cfb_kind(path: Path) -> str:
    try:
        names = cfb_stream_names(path)
    except (OSError, struct.error) as exc:
        raise _reject(path, "Die Datei ist beschädigt.", "the file is damaged.") from exc
    if "EncryptionInfo" in names or "EncryptedPackage" in names:
        raise _password(path)
    if "Workbook" in names or "Book" in names:
        return KIND_XLS
    if "WordDocument" in names or "PowerPoint Document" in names:
        raise _reject(
            path,
            "Das ist ein Word- oder PowerPoint-Dokument, keine Tabelle.",
            "this is a Word or PowerPoint document, not a spreadsheet.",
        )
    raise _reject(
        path,
        "Das ist eine Office-Datei, aber keine lesbare Arbeitsmappe.",
        "this is an Office file but not a readable workbook.",
    )
