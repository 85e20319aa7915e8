"""Where TikDesk keeps its files (ARCHITECTURE.md §4), without Qt.

The CLI needs the same paths as the GUI but may not import Qt, so the rules of
``QStandardPaths.AppLocalDataLocation`` are repeated here (a test compares both).
``TIKDESK_HOME`` overrides everything (tests, admins); a ``portable`` marker file next to the
executable puts everything into ``.\\data\\``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tikdesk import APP_NAME


def app_dir() -> Path:
    """Folder of the executable (frozen) or of the source checkout."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def resource_dir() -> Path:
    """The ``resources/`` folder: inside the bundle when frozen, else in the checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return app_dir() / "resources"


def is_portable() -> bool:
    return getattr(sys, "frozen", False) and (app_dir() / "portable").exists()


def data_dir() -> Path:
    override = os.environ.get("TIKDESK_HOME")
    if override:
        return Path(override).expanduser()
    if is_portable():
        return app_dir() / "data"
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_NAME


def default_db_path() -> Path:
    return data_dir() / "tikdesk.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite"


def backup_dir() -> Path:
    return data_dir() / "backups"


def log_dir() -> Path:
    return data_dir() / "logs"


def settings_file() -> Path:
    """INI file for QSettings (preferences and window state)."""
    return data_dir() / "settings.ini"


#: How the address of a team database on a PostgreSQL server starts (issue 17).
SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server_address(value: str | Path) -> bool:
    return isinstance(value, str) and value.strip().lower().startswith(SERVER_SCHEMES)


def db_path_from(arg: str | None) -> Path | str:
    """``--db`` wins over ``TIKDESK_DB``, which wins over the default.

    A file path comes back as a Path; a team database's address
    (``postgresql://host[:port]/dbname``) as the string it is."""
    value = arg or os.environ.get("TIKDESK_DB")
    if value and is_server_address(value):
        return value.strip()
    if value:
        return Path(value).expanduser()
    return default_db_path()
