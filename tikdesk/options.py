"""Every key of the settings file, declared once with its type and default.

TikDesk keeps settings in two places.  The **database** holds what the organisation decides
for everyone who opens it (name, logo, the Art. 13 contacts: :mod:`tikdesk.services.settings`).
The **settings file** (:func:`tikdesk.paths.settings_file`, an INI file the UI writes through
``QSettings``) holds what one person chose on one machine.  Its keys are declared here as
typed options, in the manner of Picard's ``options.py``, in two groups:

- :data:`PREFERENCES` — what the user chose: language, display name, last folders, the
  period on the analytics tab …;
- :data:`LAYOUT` — window state: geometry, splitters, column layouts.  Throwing it away
  loses nothing the user decided.

A call site reads ``LANGUAGE.get(settings)`` and writes ``REPORT_PDF.set(settings, True)``.
The option converts what the file gives back (after a restart every value is text, and a
list of one entry a plain string) and falls back to its default on a hand-edited value, so
no call site parses ``"true"`` or guards an ``int()``.  The keys are those of earlier
versions: existing settings files keep working.

Nothing here imports Qt or anything heavy (the window reads it before its first paint); the
store is anything with ``value(key)`` and ``setValue(key, value)``: a ``QSettings`` in the
UI, :class:`IniFile` for the CLI.
"""

from __future__ import annotations

import configparser
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

T = TypeVar("T")


class Store(Protocol):
    """What an option reads from and writes to (``QSettings`` has this shape)."""

    def value(self, key: str, /) -> Any: ...

    def setValue(self, key: str, value: Any, /) -> None: ...


@dataclass(frozen=True)
class Option(Generic[T]):
    """One key of the settings file: its type (the subclass), default and meaning."""

    key: str
    default: T
    doc: str = field(default="", compare=False)

    def get(self, store: Store) -> T:
        raw = store.value(self.key)
        if raw is None:
            return self.default
        try:
            return self.convert(raw)
        except (TypeError, ValueError):  # a hand-edited or outdated settings file
            return self.default

    def set(self, store: Store, value: T) -> None:
        store.setValue(self.key, value)

    def convert(self, raw: Any) -> T:
        raise NotImplementedError


@dataclass(frozen=True)
class TextOption(Option[str]):
    default: str = ""

    def convert(self, raw: Any) -> str:
        return str(raw).strip()


@dataclass(frozen=True)
class ChoiceOption(Option[str]):
    """Text from a fixed set; anything else reads as the default."""

    choices: tuple[str, ...] = ()

    def convert(self, raw: Any) -> str:
        value = str(raw).strip()
        return value if value in self.choices else self.default


@dataclass(frozen=True)
class BoolOption(Option[bool]):
    default: bool = False

    def convert(self, raw: Any) -> bool:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()  # an INI file gives "true"/"false" back as text
        if text in ("true", "1", "yes", "on"):
            return True
        if text in ("false", "0", "no", "off", ""):
            return False
        raise ValueError(text)


@dataclass(frozen=True)
class IntOption(Option[int]):
    default: int = 0

    def convert(self, raw: Any) -> int:
        return int(raw)


@dataclass(frozen=True)
class ListOption(Option[tuple[str, ...]]):
    """A list of texts (read back as a tuple: an INI file turns one entry into a string)."""

    default: tuple[str, ...] = ()

    def convert(self, raw: Any) -> tuple[str, ...]:
        if isinstance(raw, str):
            return (raw,)
        if isinstance(raw, Iterable):
            return tuple(str(v) for v in raw)
        raise TypeError(type(raw))

    def set(self, store: Store, value: tuple[str, ...]) -> None:
        store.setValue(self.key, list(value))


@dataclass(frozen=True)
class BlobOption(Option[bytes | None]):
    """Window state as Qt saves it (``saveState()``/``saveGeometry()``): stored as given,
    read back as ``bytes`` (``None`` when never saved), which ``restoreState`` accepts."""

    default: bytes | None = None

    def convert(self, raw: Any) -> bytes | None:
        return bytes(raw)

    def set(self, store: Store, value: object) -> None:
        # the QByteArray itself: QSettings writes it as @ByteArray(...), Python bytes would
        # be pickled
        store.setValue(self.key, value)


# --------------------------------------------------------------------- preferences
LANGUAGE = ChoiceOption(
    "prefs/language", "system", "UI language; 'system' follows the OS", ("system", "de", "en")
)
USER_LABEL = TextOption(
    "prefs/user", "", "display name shown beside the account (never used for authorship)"
)
TEAM_URL = TextOption("team/url", "", "team database address, without a password")
RECENT_DATABASES = ListOption("recent/databases", (), "File > Recent, newest first")
REPORT_FOLDER = TextOption("report/folder", "", "folder of the last report")
REPORT_PDF = BoolOption("report/pdf", False, "the report also as PDF")
EXCHANGE_FOLDER = TextOption("exchange/last_folder", "", "folder of the last import/export")
NETWORK_WARNED = ListOption(
    "safety/network_warned", (), "network databases already warned about (once each)"
)
IDEAS_VIEW = ChoiceOption("ideas/view", "table", "backlog as table or board", ("table", "board"))
ANALYTICS_PERIOD = IntOption("analytics/period", 28, "period on the analytics tab, in days")
ANALYTICS_ACCOUNT = TextOption("analytics/account", "", "account on the analytics tab")
ANALYTICS_HEAT = TextOption("analytics/heat", "views", "metric of the weekday/hour heat map")

PREFERENCES: tuple[Option[Any], ...] = (
    LANGUAGE,
    USER_LABEL,
    TEAM_URL,
    RECENT_DATABASES,
    REPORT_FOLDER,
    REPORT_PDF,
    EXCHANGE_FOLDER,
    NETWORK_WARNED,
    IDEAS_VIEW,
    ANALYTICS_PERIOD,
    ANALYTICS_ACCOUNT,
    ANALYTICS_HEAT,
)

# --------------------------------------------------------------------- window state
WINDOW_GEOMETRY = BlobOption("window/geometry", None, "main window position and size")
MAIN_WINDOW_STATE = BlobOption("window/state", None, "main window docks and toolbars")
WINDOW_TAB = IntOption("window/tab", 0, "the tab shown last")
IDEAS_HEADER = BlobOption("ideas/header", None, "backlog columns: order, widths, sorting")
IDEAS_SPLITTER = BlobOption("ideas/splitter", None, "backlog list/detail split")
POSTS_SPLITTER = BlobOption("posts/splitter", None, "posts list/detail split")
PEOPLE_SPLITTER = BlobOption("people/splitter", None, "people list/detail split")

LAYOUT: tuple[Option[Any], ...] = (
    WINDOW_GEOMETRY,
    MAIN_WINDOW_STATE,
    WINDOW_TAB,
    IDEAS_HEADER,
    IDEAS_SPLITTER,
    POSTS_SPLITTER,
    PEOPLE_SPLITTER,
)

OPTIONS: dict[str, Option[Any]] = {o.key: o for o in (*PREFERENCES, *LAYOUT)}


class IniFile:
    """The settings file read without Qt (read-only): the CLI follows the language chosen
    in Preferences through it.  ``QSettings`` writes an ordinary INI file, ``prefs/language``
    as ``[prefs] language=de``."""

    def __init__(self, path: Path) -> None:
        self._parser = configparser.ConfigParser(interpolation=None)
        try:
            self._parser.read(path, encoding="utf-8")
        except (OSError, configparser.Error, UnicodeDecodeError):
            self._parser = configparser.ConfigParser(interpolation=None)

    def value(self, key: str, /) -> Any:
        section, _, name = key.rpartition("/")
        return self._parser.get(section or "General", name, fallback=None)

    def setValue(self, key: str, value: Any, /) -> None:
        raise PermissionError("the settings file is written by the UI only")
