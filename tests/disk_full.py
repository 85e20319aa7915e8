"""A folder on a full disk, for the "nothing lost" tests of the writers.

As root a tiny tmpfs is mounted and filled up, so every write fails with ENOSPC the way it
does on a real full disk.  Without root (or when mounting is not allowed) the full disk is
simulated where writers meet it: XlsxWriter's ZIP writing and ``os.fsync`` raise ENOSPC.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


def _enospc() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _mount_tmpfs(folder: Path) -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 512)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)


class _FullZipFile(zipfile.ZipFile):
    def writestr(self, *args: Any, **kwargs: Any) -> None:
        raise _enospc()

    def write(self, *args: Any, **kwargs: Any) -> None:
        raise _enospc()


@contextlib.contextmanager
def full_folder(
    base: Path, monkeypatch: pytest.MonkeyPatch, keep: dict[str, bytes]
) -> Iterator[Path]:
    """A folder below ``base`` holding the files ``keep`` (name → bytes) on a full disk."""
    folder = base / "full"
    folder.mkdir()
    mounted = _mount_tmpfs(folder)
    try:
        for name, data in keep.items():
            (folder / name).write_bytes(data)
        if mounted:
            _fill(folder)
        else:
            import xlsxwriter.workbook

            def full_fsync(_fd: int) -> None:
                raise _enospc()

            monkeypatch.setattr(xlsxwriter.workbook, "ZipFile", _FullZipFile)
            monkeypatch.setattr(os, "fsync", full_fsync)
        yield folder
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def left_in(folder: Path) -> dict[str, bytes]:
    """The files in ``folder`` with their bytes, the filler left out."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "filler"}
