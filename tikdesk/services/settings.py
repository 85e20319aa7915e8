"""Organisation-wide settings kept in the database (name, logo for reports, the controller
and the DSB's contact printed in the Art. 13 block of consent forms …).

Every key of the database's ``settings`` table is declared here, once; what one person
chose on one PC lives in the settings file instead (:mod:`tikdesk.options`)."""

from __future__ import annotations

from dataclasses import dataclass

from tikdesk.services.context import AppContext
from tikdesk.storage.repositories import settings as repo

ORG_NAME = "org.name"
ORG_LOGO = "org.logo_path"
ORG_CONTROLLER = "org.controller"  # name and address of the controller (Art. 13 (1) a)
ORG_DPO = "org.dpo_contact"  # the DSB's contact (Art. 13 (1) b)
ORG_HANDLES = "org.handles"  # TikTok handles, comma-separated, without "@"
ORG_BUNDESLAND = "org.bundesland"  # the state whose public holidays the calendar shows
FIRST_START_DONE = "first_start.done"
DEFAULT_PROFILE = "checklist.default_profile"  # checklist profile of a new post
CALENDAR_RHYTHM = "calendar.rhythm"  # posts per week and account the calendar aims at
ACCOUNT_CHECK = "account_check."  # + item key: the overview's account checklist


@dataclass(frozen=True)
class OrgSettings:
    name: str
    logo_path: str
    controller: str = ""
    dpo_contact: str = ""


class SettingsService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def organisation(self) -> OrgSettings:
        with self._ctx.db.reader() as s:
            return OrgSettings(
                repo.get(s, ORG_NAME),
                repo.get(s, ORG_LOGO),
                repo.get(s, ORG_CONTROLLER),
                repo.get(s, ORG_DPO),
            )

    def set_organisation(
        self,
        name: str,
        logo_path: str,
        controller: str | None = None,
        dpo_contact: str | None = None,
    ) -> None:
        """``controller``/``dpo_contact`` None: left as they are."""
        with self._ctx.db.transaction() as s:
            repo.put(s, ORG_NAME, name.strip())
            repo.put(s, ORG_LOGO, logo_path.strip())
            if controller is not None:
                repo.put(s, ORG_CONTROLLER, controller.strip())
            if dpo_contact is not None:
                repo.put(s, ORG_DPO, dpo_contact.strip())
