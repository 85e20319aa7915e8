"""Writing a small file whole or not at all: a temporary file beside it, flushed to disk,
then renamed into place (the evidence store, the erasure register)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Any


def replace_file(path: Path, data: bytes | str, prefix: str, suffix: str = "") -> None:
    """Put ``data`` at ``path`` (``str`` as UTF-8 text, ``bytes`` as they are) through a
    temporary ``prefix…suffix`` file in the same folder; on any failure the temporary file
    is removed and ``path`` is as it was."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=path.parent)
    try:
        fh: IO[Any] = (
            os.fdopen(fd, "w", encoding="utf-8") if isinstance(data, str) else os.fdopen(fd, "wb")
        )
        with fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
