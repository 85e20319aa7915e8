"""A folder on a full disk, for the "nothing lost" tests of the writers.

As root a tiny tmpfs is mounted and filled up, so every write fails with ENOSPC the way it
does on a real full disk.  Without root (or when mounting is not allowed) the full disk is
simulated where writers meet it: XlsxWriter's ZIP writing and ``os.fsync`` raise ENOSPC for
files in that folder.
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


def _full_zip_file(folder: Path) -> type[zipfile.ZipFile]:
    """A ZipFile whose writes fail with ENOSPC when it is a file in ``folder``."""

    class FullZipFile(zipfile.ZipFile):
        def _full(self) -> bool:
            return Path(str(self.filename)).parent == folder

        def writestr(self, *args: Any, **kwargs: Any) -> None:
            if self._full():
                raise _enospc()
            super().writestr(*args, **kwargs)

        def write(self, *args: Any, **kwargs: Any) -> None:
            if self._full():
                raise _enospc()
            super().write(*args, **kwargs)

    return FullZipFile


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

            real_fsync = os.fsync

            def full_fsync(fd: int) -> None:
                st = os.fstat(fd)
                if any(os.path.samestat(st, p.stat()) for p in folder.iterdir()):
                    raise _enospc()
                real_fsync(fd)

            monkeypatch.setattr(xlsxwriter.workbook, "ZipFile", _full_zip_file(folder))
            monkeypatch.setattr(os, "fsync", full_fsync)
        yield folder
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def left_in(folder: Path) -> dict[str, bytes]:
    """The files in ``folder`` with their bytes, the filler left out."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "filler"}
