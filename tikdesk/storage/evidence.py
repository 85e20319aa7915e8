"""Evidence files (signed consent forms, scans) on disk, under their SHA-256 (issue 18).

The folder sits beside the database (``<name>-evidence/``, in the data folder for the
default database): ``ab/abcdef….pdf``.  A file is written to a temporary name and renamed
into place; the same content is stored once.  Only PDF, JPEG and PNG are accepted, recognised
by their first bytes (never by the name's ending), up to ``MAX_BYTES``.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.storage.files import replace_file
from tikdesk.storage.models import EvidenceFile

MAX_BYTES = 20 * 1024 * 1024
_MAGIC = ((b"%PDF-", "pdf"), (b"\xff\xd8\xff", "jpg"), (b"\x89PNG\r\n\x1a\n", "png"))


def folder(db_path: Path) -> Path:
    return Path(db_path).parent / f"{Path(db_path).stem}-evidence"


def stored_path(db_path: Path, sha256: str, kind: str) -> Path:
    return folder(db_path) / sha256[:2] / f"{sha256}.{kind}"


def sniff_kind(head: bytes) -> str | None:
    return next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)


def read_evidence(source: Path) -> tuple[bytes, str]:
    """(content, kind) of a file the user chose; refused with one sentence naming it."""
    source = Path(source)
    try:
        size = source.stat().st_size
        if not source.is_file():
            raise IsADirectoryError(str(source))
        if size > MAX_BYTES:
            raise InputRejected(
                msg(
                    f"„{source.name}“ ist {size / 1048576:.1f} MB groß; Nachweise dürfen höchstens "
                    "20 MB haben (bitte mit geringerer Auflösung scannen).",
                    f"'{source.name}' is {size / 1048576:.1f} MB; evidence files may have at most "
                    "20 MB (please scan at a lower resolution).",
                )
            )
        data = source.read_bytes()
    except OSError as exc:
        raise InputRejected(
            msg(
                f"„{source.name}“ lässt sich nicht lesen: {exc.strerror or exc}.",
                f"'{source.name}' cannot be read: {exc.strerror or exc}.",
            )
        ) from exc
    kind = sniff_kind(data[:16])
    if kind is None:
        raise InputRejected(
            msg(
                f"„{source.name}“ ist kein PDF, JPG oder PNG (geprüft wird der Inhalt, nicht die "
                "Dateiendung).",
                f"'{source.name}' is not a PDF, JPG or PNG (the content is checked, not the "
                "file name's ending).",
            )
        )
    return data, kind


def store(db_path: Path, data: bytes, kind: str) -> tuple[str, Path]:
    """Write ``data`` under its SHA-256 (once); returns (hash, path)."""
    sha = hashlib.sha256(data).hexdigest()
    target = stored_path(db_path, sha, kind)
    if target.is_file() and file_sha256(target) == sha:
        return sha, target
    target.parent.mkdir(parents=True, exist_ok=True)
    replace_file(target, data, ".~tikdesk-evidence-")
    return sha, target


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def referenced(session: Session) -> set[tuple[str, str]]:
    return {(r.sha256, r.content_type) for r in session.scalars(select(EvidenceFile))}


def remove_unreferenced(db_path: Path, keep: set[tuple[str, str]]) -> int:
    """Delete every stored file no evidence row refers to (after an erasure); returns how
    many.  On an SSD a deleted file's blocks may survive until the drive reuses them: only
    full-disk encryption (BitLocker) makes them unreadable."""
    base = folder(db_path)
    if not base.is_dir():
        return 0
    wanted = {f"{sha}.{kind}" for sha, kind in keep}
    removed = 0
    for path in base.glob("*/*"):
        if path.is_file() and path.name not in wanted and not path.name.startswith(".~"):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed
