"""The import flow of the Auswertung tab: files, a folder or a drop → preview (asking for the
account and year where the files do not say) → commit → link the new videos to posts.  Also
the two other ways numbers come in: linking videos, and typing a post's numbers in."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from tikdesk.domain.errors import Cancelled, TikDeskError
from tikdesk.services import analytics as svc
from tikdesk.services.analytics import AnalyticsService
from tikdesk.ui import messages
from tikdesk.ui.analytics.dialogs import (
    AccountDialog,
    ImportPreviewDialog,
    LinkVideosDialog,
    ManualStatsDialog,
    YearDialog,
)

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

FILE_FILTER = "*.zip *.csv *.txt *.xlsx *.xlsm *.xls *.ods"
DROP_PRIORITY = 10  # before the idea import: TikTok files are recognised by their contents


class ImportFlow:
    """Imports into ``service`` with dialogs parented to ``parent``; ``changed()`` is called
    after data was written, ``status(text)`` with the import's result."""

    def __init__(
        self,
        service: AnalyticsService,
        parent: QWidget,
        *,
        read_only: Callable[[], bool],
        changed: Callable[[], None],
        status: Callable[[str], None],
        today: Callable[[], dt.date],
    ) -> None:
        self.service = service
        self.parent = parent
        self.read_only = read_only
        self.today = today
        self.changed = changed
        self.status = status

    @classmethod
    def ask_files(cls, parent: QWidget) -> list[Path]:
        names, _filter = QFileDialog.getOpenFileNames(
            parent,
            translate("Analytics", "Import TikTok analytics"),
            "",
            translate("Analytics", "TikTok exports (%1);;All files (*)").replace("%1", FILE_FILTER),
        )
        return [Path(n) for n in names]

    @classmethod
    def ask_folder(cls, parent: QWidget) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            parent, translate("Analytics", "Folder with TikTok exports")
        )
        return Path(name) if name else None

    def import_files_dialog(self) -> None:
        paths = self.ask_files(self.parent)
        if paths:
            self.import_paths(paths)

    def import_folder_dialog(self) -> None:
        folder = self.ask_folder(self.parent)
        if folder is not None:
            self.import_paths([folder])

    def handle_drop(self, paths: list[Path]) -> bool:
        """Drop handler: TikTok files only (others are left to the next handler)."""
        try:
            if not self.service.looks_like_tiktok(paths):
                return False
        except Exception:  # a file we cannot even peek into is not ours to claim
            log.exception("drop check failed")
            return False
        if self.read_only():
            messages.show_warning(
                self.parent,
                translate("Analytics", "Import TikTok analytics"),
                translate("Analytics", "The database is open read-only."),
            )
            return True
        self.import_paths(paths)
        return True

    def import_paths(self, paths: list[Path]) -> bool:
        """Preview (asking for account and year where needed), confirm, commit, link."""
        from tikdesk.ui.workers import run_with_progress

        try:
            preview = self._preview(paths)
            if preview is None or not ImportPreviewDialog.ask(preview, self.parent):
                return False
            result = run_with_progress(
                self.parent,
                translate("Analytics", "Importing…"),
                _commit_job,
                self.service,
                preview,
            )
        except Cancelled:
            return False
        except TikDeskError as exc:
            messages.show_warning(
                self.parent, translate("Analytics", "Import TikTok analytics"), str(exc)
            )
            return False
        self.changed()
        self.status(
            translate("Analytics", "TikTok analytics imported: %1 new, %2 changed.")
            .replace("%1", str(result.inserted))
            .replace("%2", str(result.updated))
        )
        if (
            result.unmatched
            and not self.read_only()
            and LinkVideosDialog.ask(self.service, result.unmatched, self.parent)
        ):
            self.changed()
        return True

    def _preview(self, paths: list[Path]) -> svc.ImportPreview | None:
        """The preview, once the user said which account and year where the files do not;
        None when they cancelled a question."""
        from tikdesk.ui.workers import run_with_progress

        account: str | None = None
        years: dict[str, int] = {}
        while True:
            preview = run_with_progress(
                self.parent,
                translate("Analytics", "Reading the TikTok files…"),
                _preview_job,
                self.service,
                paths,
                account,
                years,
            )
            if preview.needs_account:
                offered = self.service.import_accounts()
                account = AccountDialog.ask(preview.needs_account, offered, self.parent)
                if not account:
                    return None
            elif preview.needs_year:
                answer = YearDialog.ask(preview.needs_year, self.today(), self.parent)
                if answer is None:
                    return None
                years.update(answer)
            else:
                return preview

    def link_videos(self) -> None:
        videos = self.service.unmatched_videos()
        if not videos:
            messages.show_info(
                self.parent,
                translate("Analytics", "Link videos"),
                translate("Analytics", "Every imported video is linked."),
            )
            return
        if LinkVideosDialog.ask(self.service, videos, self.parent):
            self.changed()

    def enter_numbers(self) -> None:
        if ManualStatsDialog.ask(self.service, self.today(), self.parent):
            self.changed()


def _preview_job(
    service: AnalyticsService,
    paths: list[Path],
    account: str | None,
    years: dict[str, int],
    progress: Any = None,
) -> svc.ImportPreview:
    return service.preview_import(paths, account=account, years=years)


def _commit_job(
    service: AnalyticsService, preview: svc.ImportPreview, progress: Any = None
) -> svc.ImportResult:
    """The commit, reporting progress to (and cancellable from) the progress dialog.

    Only called after the preview dialog was accepted, which with problems requires the
    "leave out the rows with problems" check box: so problem rows are skipped explicitly.
    """
    return service.commit_import(preview, progress, skip_problem_rows=bool(preview.problems))
