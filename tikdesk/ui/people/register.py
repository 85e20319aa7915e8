"""The People tab's register import and export (issue 18).

The import shows the same preview dialog as the idea import (columns, problems, changes,
"leave out the rows with problems"); reading and writing run in a worker with a progress
dialog.  The export says before and after that the file holds personal data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from tikdesk.domain.errors import Cancelled, TikDeskError
from tikdesk.services import people_exchange
from tikdesk.services.context import AppContext
from tikdesk.ui import exchange, messages
from tikdesk.ui.exchange.dialog import ImportPreviewDialog
from tikdesk.ui.workers import run_with_progress


class PeopleRegister(QObject):
    """The two actions, for one parent widget (the People tab)."""

    def __init__(self, parent: QWidget, ctx: AppContext) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.ctx = ctx

    def import_register(self, path: Path | None = None) -> bool:
        """Ask for a file (unless ``path``), preview it, write it when confirmed."""
        title = self.tr("Import consent register")
        if path is None:
            name = exchange.ask_open_path(
                self.parent_widget,
                title,
                str(Path.home()),
                self.tr("Tables (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)"),
            )
            if not name:
                return False
            path = Path(name)
        ctx = self.ctx
        result = exchange.import_with_preview(
            self.parent_widget,
            title,
            path,
            lambda sheet, mapping, progress=None: people_exchange.preview_people_import(
                ctx, path, sheet=sheet, mapping=mapping, progress=progress
            ),
            lambda preview, read: ImportPreviewDialog(
                preview,
                read,
                self.parent_widget,
                fields=people_exchange.register_fields(),
                title=self.tr("Import consent register – preview"),
            ),
            lambda chosen, skip, progress=None: people_exchange.commit_people_import(
                ctx, chosen, skip_problem_rows=skip, progress=progress
            ),
        )
        if result is None:
            return False
        messages.show_info(self.parent_widget, title, result.summary())
        return True

    def export_register(self) -> Path | None:
        title = self.tr("Export consent register")
        if not messages.ask_yes_no(
            self.parent_widget,
            title,
            self.tr(
                "The file will contain personal data of everyone in the register, minors "
                "included. Save it only where authorised colleagues can read it, do not send it "
                "by e-mail, and delete it after use. Continue?"
            ),
        ):
            return None
        name = exchange.ask_save_path(
            self.parent_widget,
            title,
            str(Path.home() / "Einwilligungsregister.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV for Excel (*.csv)"),
        )
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_suffix(".xlsx")
        try:
            count = run_with_progress(
                self.parent_widget,
                self.tr("Writing %1 …").replace("%1", target.name),
                people_exchange.export_people,
                self.ctx,
                target,
            )
        except (Cancelled, TikDeskError) as exc:
            messages.show_warning(self.parent_widget, title, str(exc))
            return None
        messages.show_info(
            self.parent_widget,
            title,
            self.tr("%1 rows written to %2. The file contains personal data.")
            .replace("%1", str(count))
            .replace("%2", str(target)),
        )
        return target
