"""One log file for the window and the command line: ``<data folder>/logs/tikdesk.log``.

Both set it up here (without Qt), so support finds a command's start, end and errors next to
what the window logged.  Logging never disturbs the program: a full disk, or a log file that
the other running TikDesk holds open while this one wants to rotate it (Windows), loses the
line instead of printing a traceback.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOG_FILE = "tikdesk.log"
MAX_BYTES, BACKUPS = 2_000_000, 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class LogFileHandler(logging.handlers.RotatingFileHandler):
    """The rotating log file; a line that cannot be written is dropped silently."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def setup_logging(log_dir: Path) -> logging.Handler | None:
    """Log INFO and above to ``log_dir/tikdesk.log`` (rotating, at most 4 × 2 MB).

    Returns the handler added to the root logger — None when the file is logged to already or
    the folder cannot be created (the program runs on without a log then).
    """
    path = log_dir / LOG_FILE
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, LogFileHandler) and Path(handler.baseFilename) == path.absolute():
            return None
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = LogFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return handler


@contextmanager
def logging_to(log_dir: Path) -> Iterator[None]:
    """:func:`setup_logging` for the time of a block; the root logger is put back after."""
    root = logging.getLogger()
    level = root.level
    handler = setup_logging(log_dir)
    try:
        yield
    finally:
        if handler is not None:
            root.removeHandler(handler)
            handler.close()
            root.setLevel(level)


def log_dirs() -> list[Path]:
    """Folders of the log files this process writes to."""
    return [
        Path(h.baseFilename).parent
        for h in logging.getLogger().handlers
        if isinstance(h, LogFileHandler)
    ]


def redact_log_files(folders: Iterable[Path], pattern: re.Pattern[str], mark: str) -> int:
    """Replace what ``pattern`` matches in every TikDesk log file in ``folders`` (erasure:
    lines an earlier version wrote with a name).  Returns how many files changed; a file that
    cannot be rewritten is named in the log (by path) and left."""
    changed = 0
    seen: set[Path] = set()
    for folder in folders:
        try:
            files = sorted(Path(folder).glob("*.log*"))
        except OSError:
            continue
        for path in files:
            key = path.resolve()
            if key in seen or not path.is_file():
                continue
            seen.add(key)
            try:
                with path.open("r+b") as fh:
                    text = fh.read().decode("utf-8", errors="surrogateescape")
                    new = pattern.sub(mark, text)
                    if new == text:
                        continue
                    fh.seek(0)
                    fh.write(new.encode("utf-8", errors="surrogateescape"))
                    fh.truncate()
                    fh.flush()
                    os.fsync(fh.fileno())
                changed += 1
            except OSError as exc:
                logging.getLogger(__name__).warning("log file %s not redacted: %s", path, exc)
    return changed
