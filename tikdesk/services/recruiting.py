"""Recruiting figures per month and account (issue 20): typed in or imported from a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.excel import recruiting as reader
from tikdesk.excel import tiktok
from tikdesk.services.context import AppContext
from tikdesk.storage.repositories import recruiting as repo

Figure = repo.Figure


class RecruitingService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def figures(self) -> list[Figure]:
        with self._ctx.db.reader() as s:
            return repo.figures_between(s)

    def save(
        self,
        month: dt.date,
        account: str,
        applications: int | None,
        clicks: int | None,
        note: str = "",
    ) -> None:
        """Record (or replace) one month of one account."""
        for value in (applications, clicks):
            if value is not None and value < 0:
                raise InputRejected(
                    msg("Eine Anzahl ist nie negativ.", "A count is never negative.")
                )
        figure = Figure(
            dt.date(month.year, month.month, 1),
            tiktok.normalise_handle(account),
            applications,
            clicks,
            note.strip(),
        )
        with self._ctx.db.transaction() as s:
            repo.upsert(s, [figure])

    def import_file(self, path: Path | str) -> tuple[int, int]:
        """All rows of a CSV/XLSX or none; returns (inserted, updated)."""
        path = Path(path)
        if not path.exists():
            raise InputRejected(msg(f"„{path}“ gibt es nicht.", f"'{path}' does not exist."))
        rows = reader.read(path)
        figures = [
            Figure(r.month, tiktok.normalise_handle(r.account), r.applications, r.clicks, r.note)
            for r in rows
        ]
        with self._ctx.db.transaction() as s:
            return repo.upsert(s, figures)
