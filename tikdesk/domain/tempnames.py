"""Names of TikDesk's temporary files, so that the leftovers of a killed process can be found.

A backup or an export is written under a temporary name beside its target and renamed into
place when complete.  A kill in between leaves the temporary file (a full-size database copy
for a backup).  The name carries the host and the process id, so a later TikDesk can tell a
file of a process that no longer runs (remove it) from one still being written (keep it).
"""

from __future__ import annotations

import os
import re
import socket

#: Temporary backup copies (and their ``-journal``) in the backup folder or ``--to`` folder.
BACKUP_PREFIX = ".tikdesk-backup-"
#: Exports and reports (``.~tikdesk-…xlsx/.csv/.pdf``) beside their target.
EXPORT_PREFIX = ".~tikdesk-"

_NAME_RE = re.compile(
    r"^(?:" + re.escape(BACKUP_PREFIX) + "|" + re.escape(EXPORT_PREFIX) + r")"
    r"(?:(?P<host>[A-Za-z0-9]*)-(?P<pid>\d+)-)?"
)


def host_tag() -> str:
    """This computer's name, reduced to letters and digits (safe in any file name)."""
    return re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:32]


def temp_prefix(base: str) -> str:
    """``base`` plus host and process id: the prefix for ``tempfile.mkstemp``."""
    return f"{base}{host_tag()}-{os.getpid()}-"


def is_temp_name(name: str) -> bool:
    return _NAME_RE.match(name) is not None


def owner_of(name: str) -> tuple[str, int] | None:
    """(host, pid) of a temporary file's name; None for older names without them."""
    match = _NAME_RE.match(name)
    if match is None or match["pid"] is None:
        return None
    return match["host"], int(match["pid"])
