"""Finding and opening the files of a TikTok download: ZIPs, folders, loose CSV/XLSX.

Every file goes through the shared safe path of the excel layer: :func:`tikdesk.excel.sniff.
sniff` (content, not name; ZIP bombs, passwords, locks refused before parsing) and
:func:`tikdesk.excel.reading.read_table` (encoding, separator, sheet and header row).  What is
TikTok-specific lives here: a ZIP is a *download* whose entries are tables and whose entry
timestamps tell the download time; a folder may be an extracted download named like its ZIP.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.excel import reading
from tikdesk.excel import sniff as sniffing
from tikdesk.excel.preview import sha256_file

TABLE_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
INPUT_SUFFIXES = TABLE_SUFFIXES | {".zip"}
MAX_FOLDER_FILES = 500


@dataclass(frozen=True)
class Entry:
    """One table file: loose (``path``), or inside a ZIP the user gave (``data``)."""

    source_path: str  # the file the user gave (ZIP or table)
    source_name: str  # its file name
    name: str  # the table's own file name (inside the ZIP, or = source_name)
    display: str  # "Overview_….zip › Overview.csv"
    folder_name: str | None  # parent folder of a loose file (may be an extracted ZIP)
    timestamp: dt.datetime | None  # ZIP entry time = download time
    standalone: bool  # a loose file (not one of several entries of a ZIP)
    path: Path | None = None
    data: bytes | None = None
    sniffed: sniffing.Sniffed | None = None


@dataclass(frozen=True)
class Source:
    """A file the user gave: one import batch (file name, SHA-256)."""

    path: Path
    name: str
    sha256: str
    entries: tuple[Entry, ...]


def collect(paths: Sequence[Path]) -> tuple[list[Source], list[tuple[str, str]]]:
    """Sources for files, ZIPs and folders; (name, reason) for files that cannot be used.

    Raises InputRejected when a path does not exist.
    """
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputRejected(msg(f"„{path}“ gibt es nicht.", f"'{path}' does not exist."))
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in INPUT_SUFFIXES
                and not p.name.startswith(("~$", "."))
            )
            if len(found) > MAX_FOLDER_FILES:
                raise InputRejected(
                    msg(
                        f"Im Ordner „{path}“ liegen über {MAX_FOLDER_FILES} Dateien; bitte die "
                        "TikTok-Dateien einzeln wählen.",
                        f"The folder '{path}' holds more than {MAX_FOLDER_FILES} files; please "
                        "choose the TikTok files.",
                    )
                )
            files.extend(found)
        else:
            files.append(path)
    sources: list[Source] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()
    for path in files:
        try:
            info = sniffing.sniff(path)
            digest = sha256_file(path)
        except InputRejected as exc:
            skipped.append((path.name, str(exc)))
            continue
        except OSError as exc:
            skipped.append((path.name, str(sniffing.rejected_unreadable(path, exc))))
            continue
        if digest in seen:  # the same file twice (e.g. the ZIP and a copy of it)
            continue
        seen.add(digest)
        if info.kind == sniffing.KIND_ZIP:
            try:
                entries = _zip_entries(path)
            except InputRejected as exc:
                skipped.append((path.name, str(exc)))
                continue
        else:
            entries = (
                Entry(
                    str(path),
                    path.name,
                    path.name,
                    path.name,
                    path.parent.name,
                    None,
                    True,
                    path=path,
                    sniffed=info,
                ),
            )
        sources.append(Source(path, path.name, digest, entries))
    return sources, skipped


def _zip_entries(path: Path) -> tuple[Entry, ...]:
    """The tables inside a (sniffed, bomb-checked) TikTok download."""
    infos = sniffing.check_zip(path)
    entries = []
    try:
        with zipfile.ZipFile(path) as archive:
            for info in infos:
                name = Path(info.filename).name
                if (
                    info.is_dir()
                    or Path(name).suffix.lower() not in TABLE_SUFFIXES
                    or name.startswith((".", "~$"))
                    or "__MACOSX" in info.filename
                ):
                    continue
                if info.flag_bits & 0x1:
                    raise InputRejected(
                        msg(
                            f"„{path.name}“ ist passwortgeschützt.",
                            f"'{path.name}' is password-protected.",
                        )
                    )
                if info.file_size > sniffing.MAX_FILE_BYTES:
                    raise sniffing.too_large(Path(f"{path.name} › {name}"), info.file_size)
                with archive.open(info) as fh:
                    content = fh.read(sniffing.MAX_FILE_BYTES + 1)
                if len(content) > sniffing.MAX_FILE_BYTES:  # the header lied: never cut short
                    raise sniffing.too_large(Path(f"{path.name} › {name}"), len(content))
                try:
                    stamp: dt.datetime | None = dt.datetime(*info.date_time)
                except ValueError:
                    stamp = None
                entries.append(
                    Entry(
                        str(path),
                        path.name,
                        name,
                        f"{path.name} › {name}",
                        None,
                        stamp,
                        False,
                        data=content,
                    )
                )
    except (zipfile.BadZipFile, OSError, NotImplementedError) as exc:
        raise InputRejected(
            msg(f"„{path.name}“ ist beschädigt: {exc}", f"'{path.name}' is damaged: {exc}")
        ) from exc
    if not entries:
        raise InputRejected(
            msg(
                f"In „{path.name}“ liegt keine CSV- oder Excel-Datei.",
                f"'{path.name}' holds no CSV or Excel file.",
            )
        )
    return tuple(entries)


class NoTable(InputRejected):
    """A readable file without a header row of the schema (not a TikTok table)."""


def read_entry(
    entry: Entry, schema: reading.Schema, is_header: Callable[[list[str]], bool]
) -> reading.Table:
    """The table of an entry, through the shared reader (ZIP entries via a temporary copy).

    Raises InputRejected when the file cannot be read (noise, HTML, password …) and
    :class:`NoTable` when it is readable but has no header of ``schema``.
    """
    if entry.path is not None:
        return _read(entry.path, schema, entry.sniffed)
    assert entry.data is not None
    fast = _tiktok_csv(entry, is_header)
    if fast is not None:
        return fast
    with tempfile.TemporaryDirectory(prefix="tikdesk-") as folder:
        copy = Path(folder) / entry.name
        copy.write_bytes(entry.data)
        return _read(copy, schema, None)


def _read(path: Path, schema: reading.Schema, info: sniffing.Sniffed | None) -> reading.Table:
    info = info or sniffing.sniff(path)
    try:
        return reading.read_table(path, schema, sniffed=info)
    except InputRejected as exc:
        raise NoTable(str(exc)) from exc


def _tiktok_csv(entry: Entry, is_header: Callable[[list[str]], bool]) -> reading.Table | None:
    """TikTok's own CSVs (UTF-8, header in the first line): read directly, skipping the
    search for a header row further down.  None when the entry does not look like that —
    then the shared reader with all its checks takes over."""
    data = entry.data or b""
    if (
        Path(entry.name).suffix.lower() != ".csv"
        or data[:4] == b"PK\x03\x04"
        or b"\x00" in data[:512]
    ):
        return None
    notices: list[str] = []
    rows, numbers, _delimiter = reading.csv_rows(data, name=entry.display, notices=notices)
    if not rows:
        return None
    headers = [cell.strip().lstrip("\ufeff") for cell in rows[0]]
    if not is_header(headers):
        return None
    body = [(r, n) for r, n in zip(rows[1:], numbers[1:], strict=True) if any(c.strip() for c in r)]
    return reading.Table(
        path=Path(entry.name),
        kind=sniffing.KIND_TEXT,
        sheet=None,
        sheets=[],
        header_row=1,
        headers=headers,
        rows=[r for r, _n in body],
        row_numbers=[n for _r, n in body],
        notices=notices,
    )
