"""Writing files the user gets: atomically, formula-safe, with clear messages.

API (stable, also for other exports):

``Protected(database, backup_dir)``
    The files no writer may replace: the open database, its ``-wal``/``-shm``/``-journal``
    and ``.lock`` companions, the erasure register ``.erasures.json`` beside it (Art. 17,
    re-applied after every restore), and every file already in the backup folder.  Services pass
    ``ctx.protected`` (:class:`tikdesk.services.context.AppContext`) to every writer.
``check_target(path, protected=None)``
    Before spending time on an export: refuse (``InputRejected``) a target that is
    ``protected``, is a folder, is open in Excel (owner/lock file beside it, or the file
    cannot be opened for writing), lies in a folder that does not exist or cannot be
    written, or whose name is too long for the file system.  Any other existing file is
    overwritten (the GUI asks first; the CLI documents it).
``atomic_target(path, protected=None) -> context manager yielding a temporary Path``
    Write to the yielded temporary file in the target's folder; on success it is renamed over
    ``path`` (``os.replace``), on any error it is removed and the old file stays untouched.
    A rename refused because Excel holds the target gives "close it in Excel".
``csv_safe(text) -> str``
    Prefix ``'`` to text starting with ``=``, ``+``, ``-``, ``@``, tab, CR or LF, so that
    spreadsheet programs show it as text and never run it as a formula.
``write_csv(path, header, rows, progress=None, total=0, protected=None)``
    German Excel CSV: ``;``-separated, UTF-8 with BOM, ``\\r\\n``; strings are passed through
    ``csv_safe``; other values through ``str``.  Atomic.
``xlsx_workbook(path) -> xlsxwriter.Workbook``
    A workbook that never turns strings into formulas, numbers or links.
``Progress = Callable[[int, int], bool]`` — return False to cancel; writers then raise
:class:`tikdesk.domain.errors.Cancelled` and leave no file behind.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tikdesk.domain import tempnames
from tikdesk.domain.errors import Cancelled, InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.excel.sniff import excel_owner_file
from tikdesk.excel.values import FORMULA_TRIGGERS

__all__ = [
    "DATABASE_COMPANIONS",
    "Progress",
    "Protected",
    "atomic_target",
    "cancelled",
    "check_target",
    "csv_safe",
    "write_csv",
    "xlsx_workbook",
]

Progress = Callable[[int, int], bool]
PROGRESS_EVERY = 2_000

#: Files SQLite and TikDesk keep beside the database (``<db><suffix>``); ``.erasures.json``
#: is the erasure register (services.erasure).
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal", ".lock", ".erasures.json")


def _real(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name too long for the file system, say: no such file
        return False


def _same_file(a: Path, b: Path) -> bool:
    """The same file by resolved name (symlinks, ``..``), or — both existing — by identity
    (hard links, case-insensitive file systems)."""
    if _real(a) == _real(b):
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


@dataclass(frozen=True)
class Protected:
    """What no export, report or backup may overwrite, whatever name the user types."""

    database: Path | None = None
    backup_dir: Path | None = None

    def refusal(self, target: Path) -> InputRejected | None:
        """The reason ``target`` may not be written, else None."""
        if self.database is not None:
            db = Path(self.database)
            if _same_file(target, db):
                return InputRejected(
                    msg(
                        f"„{target}“ ist die geöffnete TikDesk-Datenbank und wird nie "
                        "überschrieben. Bitte einen anderen Dateinamen wählen; es wurde nichts "
                        "geschrieben.",
                        f"'{target}' is the open TikDesk database and is never overwritten. "
                        "Please choose another file name; nothing was written.",
                    )
                )
            for own in (Path(str(db) + end) for end in DATABASE_COMPANIONS):
                if _same_file(target, own):
                    return InputRejected(
                        msg(
                            f"„{target}“ gehört zur geöffneten TikDesk-Datenbank „{db.name}“ "
                            "und wird nie überschrieben. Bitte einen anderen Dateinamen "
                            "wählen; es wurde nichts geschrieben.",
                            f"'{target}' belongs to the open TikDesk database '{db.name}' and "
                            "is never overwritten. Please choose another file name; nothing "
                            "was written.",
                        )
                    )
        folder = self.backup_dir
        if folder is not None and _exists(target) and _same_file(target.parent, Path(folder)):
            return InputRejected(
                msg(
                    f"„{target.name}“ liegt im Sicherungsordner „{folder}“; dort überschreibt "
                    "TikDesk keine Dateien. Bitte einen anderen Namen oder Ordner wählen; es "
                    "wurde nichts geschrieben.",
                    f"'{target.name}' is in the backup folder '{folder}', where TikDesk "
                    "overwrites no file. Please choose another name or folder; nothing was "
                    "written.",
                )
            )
        return None

    def check(self, target: Path) -> None:
        """Raise the :meth:`refusal` for ``target``, if any."""
        refused = self.refusal(Path(target))
        if refused is not None:
            raise refused


def cancelled() -> Cancelled:
    return Cancelled(
        msg("Abgebrochen – es wurde nichts geschrieben.", "Cancelled – nothing was written.")
    )


def _open_in_excel(path: Path) -> InputRejected:
    if path.suffix.lower() == ".pdf":  # a PDF is open in a PDF viewer, not in Excel
        return InputRejected(
            msg(
                f"„{path.name}“ ist gerade in einem anderen Programm (z. B. einem PDF-Betrachter) "
                "geöffnet und kann nicht überschrieben werden. Bitte dort schließen und erneut "
                "versuchen – oder einen anderen Dateinamen wählen.",
                f"'{path.name}' is open in another program (e.g. a PDF viewer) and cannot be "
                "overwritten. Please close it there and try again – or choose another file name.",
            )
        )
    return InputRejected(
        msg(
            f"„{path.name}“ ist gerade in Excel (oder einem anderen Programm) geöffnet und "
            "kann nicht überschrieben werden. Bitte dort schließen und erneut versuchen – "
            "oder einen anderen Dateinamen wählen.",
            f"'{path.name}' is open in Excel (or another program) and cannot be overwritten. "
            "Please close it there and try again – or choose another file name.",
        )
    )


def name_too_long(path: Path) -> InputRejected:
    return InputRejected(
        msg(
            f"Der Dateiname „{path.name[:40]}…“ ({len(path.name)} Zeichen) ist zu lang für "
            "den Datenträger. Bitte einen kürzeren Namen wählen; es wurde nichts geschrieben.",
            f"The file name '{path.name[:40]}…' ({len(path.name)} characters) is too long for "
            "the disk. Please choose a shorter name; nothing was written.",
        )
    )


def _write_error(path: Path, exc: OSError) -> InputRejected:
    if exc.errno == errno.ENAMETOOLONG or getattr(exc, "winerror", None) == 206:
        return name_too_long(path)
    if isinstance(exc, IsADirectoryError):  # a folder appeared at the target meanwhile
        return InputRejected(
            msg(
                f"„{path}“ ist ein Ordner und kann nicht überschrieben werden. Bitte einen "
                "anderen Dateinamen wählen; es wurde nichts geschrieben.",
                f"'{path}' is a folder and cannot be overwritten. Please choose another file "
                "name; nothing was written.",
            )
        )
    if isinstance(exc, PermissionError) or getattr(exc, "winerror", None) in (32, 33):
        if _exists(path):
            return _open_in_excel(path)
        return InputRejected(
            msg(
                f"In den Ordner „{path.parent}“ darf nicht geschrieben werden.",
                f"The folder '{path.parent}' cannot be written to.",
            )
        )
    if exc.errno in (errno.ENOSPC, errno.EDQUOT) or getattr(exc, "winerror", None) in (39, 112):
        return InputRejected(
            msg(
                f"Auf dem Datenträger ist kein Platz mehr für „{path.name}“; es wurde nichts "
                "geschrieben, eine vorhandene Datei bleibt unverändert.",
                f"There is no space left on the disk for '{path.name}'; nothing was written, "
                "an existing file is unchanged.",
            )
        )
    return InputRejected(
        msg(
            f"„{path}“ kann nicht geschrieben werden: {exc.strerror or exc}.",
            f"'{path}' cannot be written: {exc.strerror or exc}.",
        )
    )


def check_target(path: Path, protected: Protected | None = None) -> None:
    path = Path(path)
    if protected is not None:
        protected.check(path)
    try:
        _check_target(path)
    except OSError as exc:  # e.g. ENAMETOOLONG from looking at the name
        raise _write_error(path, exc) from exc


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise InputRejected(
            msg(
                f"„{path}“ ist ein Ordner. Bitte einen Dateinamen angeben.",
                f"'{path}' is a folder. Please give a file name.",
            )
        )
    if not path.parent.is_dir():
        raise InputRejected(
            msg(
                f"Den Ordner „{path.parent}“ gibt es nicht.",
                f"The folder '{path.parent}' does not exist.",
            )
        )
    if excel_owner_file(path) is not None:
        raise _open_in_excel(path)
    if path.exists():
        try:
            with open(path, "r+b"):
                pass
        except OSError as exc:
            raise _write_error(path, exc) from exc
    elif not os.access(path.parent, os.W_OK):
        raise _write_error(path, PermissionError(errno.EACCES, "read-only folder"))


def file_mode(path: Path) -> int:
    """The mode a plain ``open()`` would give ``path`` (or the one it has now).

    Exports land in shared team folders; a private 0600 file would lock colleagues out.
    """
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


@contextlib.contextmanager
def atomic_target(path: Path, protected: Protected | None = None) -> Iterator[Path]:
    path = Path(path)
    check_target(path, protected)
    try:
        prefix = tempnames.temp_prefix(tempnames.EXPORT_PREFIX)  # a killed run's leftover is found
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=path.suffix, dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        os.chmod(tmp, file_mode(path))  # mkstemp made it private (0600)
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise _write_error(path, exc) from exc
    except Exception as exc:
        cause = _os_error_in(exc)
        if cause is None:
            raise
        raise _write_error(path, cause) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _os_error_in(exc: Exception) -> OSError | None:
    """The OSError a library wrapped in its own exception (XlsxWriter's ``FileCreateError``
    when the disk is full while the workbook is saved), else None."""
    from xlsxwriter.exceptions import FileCreateError

    if isinstance(exc, FileCreateError) and exc.args and isinstance(exc.args[0], OSError):
        _close_abandoned_zip(exc.args[0])
        return exc.args[0]
    return None


def _close_abandoned_zip(exc: BaseException) -> None:
    """Close the ZIP file XlsxWriter leaves open when saving fails.

    Otherwise its ``__del__`` later fails again on the full disk and prints "Exception
    ignored in ZipFile.__del__" with a traceback, and on Windows the open handle keeps the
    temporary file from being removed.
    """
    import zipfile

    tb = exc.__traceback__
    while tb is not None:
        for value in list(tb.tb_frame.f_locals.values()):
            if isinstance(value, zipfile.ZipFile) and value.fp is not None:
                fp, value.fp = value.fp, None
                with contextlib.suppress(Exception):
                    fp.close()
        tb = tb.tb_next


def csv_safe(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def csv_safe_fast(text: str) -> str:
    """:func:`csv_safe` for hot loops (one character lookup instead of a tuple scan)."""
    return "'" + text if text and text[0] in _TRIGGER_CHARS else text


_TRIGGER_CHARS = frozenset(FORMULA_TRIGGERS)


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    progress: Progress | None = None,
    total: int = 0,
    guarded: bool = False,
    protected: Protected | None = None,
) -> int:
    """``guarded=True``: the caller already passed every text through :func:`csv_safe`
    (and wrote no ``None``) — saves a pass over 100,000 rows."""
    count = 0
    with (
        atomic_target(path, protected) as tmp,
        open(tmp, "w", encoding="utf-8-sig", newline="") as fh,
    ):
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow([csv_safe(h) for h in header])
        for row in rows:
            if guarded:
                writer.writerow(row)
            else:
                writer.writerow(
                    [csv_safe(v) if isinstance(v, str) else ("" if v is None else v) for v in row]
                )
            count += 1
            if progress is not None and count % PROGRESS_EVERY == 0 and not progress(count, total):
                raise cancelled()
    return count


def xlsx_workbook(path: Path) -> Any:
    import xlsxwriter

    return xlsxwriter.Workbook(
        str(path),
        {
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "constant_memory": True,
        },
    )
