"""The first-start assistant's answers (issue 20): who the organisation is, its TikTok
handles, its checklist profile and its Bundesland, kept in the key/value ``setting`` table.

The display name is not kept here: it is a per-PC label (``prefs/user``); who acts is the
OS account (issue 16).  The Bundesland shares ``org.bundesland`` with the calendar.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from tikdesk.domain.calendar import BUNDESLAENDER
from tikdesk.domain.errors import ValidationError
from tikdesk.domain.i18n import msg
from tikdesk.excel import tiktok
from tikdesk.services.context import AppContext
from tikdesk.services.settings import (
    DEFAULT_PROFILE,
    FIRST_START_DONE,
    ORG_BUNDESLAND,
    ORG_HANDLES,
    ORG_LOGO,
    ORG_NAME,
)
from tikdesk.storage.repositories import first_start as repo
from tikdesk.storage.repositories import settings as settings_repo

PROFILES = ("general", "police", "theatre")


@dataclass(frozen=True)
class Setup:
    organisation: str = ""
    logo_path: str = ""
    handles: tuple[str, ...] = ()
    profile: str = "general"
    bundesland: str = ""


def parse_handles(text: str) -> tuple[str, ...]:
    """``@stadt_a, stadt_b`` → ``("stadt_a", "stadt_b")`` (order kept, no duplicates)."""
    found: list[str] = []
    for part in text.replace(";", ",").replace("\n", ",").split(","):
        if not part.strip().lstrip("@").strip():
            continue
        handle = tiktok.normalise_handle(part)  # refuses what TikTok would not allow
        if handle not in found:
            found.append(handle)
    return tuple(found)


def default_profile(session: Session) -> str:
    """The checklist profile a new post takes (the assistant's answer; "general" if none)."""
    return settings_repo.get(session, DEFAULT_PROFILE) or "general"


def single_handle(session: Session) -> str:
    """The organisation's TikTok handle when exactly one is set, else ""."""
    handles = parse_handles(settings_repo.get(session, ORG_HANDLES))
    return handles[0] if len(handles) == 1 else ""


class FirstStartService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def should_offer(self) -> bool:
        """Once, on a fresh, writable database that was never set up or skipped."""
        if self._ctx.read_only:
            return False
        with self._ctx.db.reader() as s:
            return not settings_repo.get(s, FIRST_START_DONE) and repo.is_empty(s)

    def database_empty(self) -> bool:
        """Nothing entered or imported yet: the tabs say what to do first, not "all done"."""
        with self._ctx.db.reader() as s:
            return repo.is_empty(s)

    def current(self) -> Setup:
        with self._ctx.db.reader() as s:
            profile = settings_repo.get(s, DEFAULT_PROFILE) or "general"
            return Setup(
                settings_repo.get(s, ORG_NAME),
                settings_repo.get(s, ORG_LOGO),
                parse_handles(settings_repo.get(s, ORG_HANDLES)),
                profile,
                settings_repo.get(s, ORG_BUNDESLAND),
            )

    def save(self, setup: Setup) -> None:
        """The answers (empty ones too: everything can be skipped), and "done"."""
        code = setup.bundesland.strip().upper()
        if code and code not in BUNDESLAENDER:
            raise ValidationError(
                "bundesland",
                msg(f"„{code}“ ist kein Bundesland.", f"'{code}' is not a German state."),
            )
        if setup.profile not in PROFILES:
            raise ValidationError(
                "profile",
                msg(
                    f"Checklisten-Profil „{setup.profile}“ gibt es nicht.",
                    f"Checklist profile '{setup.profile}' does not exist.",
                ),
            )
        with self._ctx.db.transaction() as s:
            settings_repo.put(s, ORG_NAME, setup.organisation.strip())
            settings_repo.put(s, ORG_LOGO, setup.logo_path.strip())
            settings_repo.put(s, ORG_HANDLES, ",".join(setup.handles))
            settings_repo.put(s, DEFAULT_PROFILE, setup.profile)
            settings_repo.put(s, ORG_BUNDESLAND, code)
            settings_repo.put(s, FIRST_START_DONE, "1")

    def single_handle(self) -> str:
        """The one TikTok handle of the organisation, "" when none or several are set."""
        with self._ctx.db.reader() as s:
            return single_handle(s)

    def skip(self) -> None:
        """Asked once: a skipped assistant is not offered again (Einstellungen has it)."""
        with self._ctx.db.transaction() as s:
            settings_repo.put(s, FIRST_START_DONE, "1")
