"""Organisation-wide settings kept in the database (name, logo for reports)."""

from __future__ import annotations

from dataclasses import dataclass

from tikdesk.services.context import AppContext
from tikdesk.storage.repositories import settings as repo

ORG_NAME = "org.name"
ORG_LOGO = "org.logo_path"


@dataclass(frozen=True)
class OrgSettings:
    name: str
    logo_path: str


class SettingsService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def organisation(self) -> OrgSettings:
        with self._ctx.db.reader() as s:
            return OrgSettings(repo.get(s, ORG_NAME), repo.get(s, ORG_LOGO))

    def set_organisation(self, name: str, logo_path: str) -> None:
        with self._ctx.db.transaction() as s:
            repo.put(s, ORG_NAME, name.strip())
            repo.put(s, ORG_LOGO, logo_path.strip())
