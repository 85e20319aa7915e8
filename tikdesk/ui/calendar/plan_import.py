"""Kalender → "Import plan…": the editorial plan from Excel/CSV with the import preview.

The preview is the idea import's dialog (:class:`tikdesk.ui.exchange.ImportPreviewDialog`)
with the plan's columns, plus one choice: names the registry does not know may be created as
new people of unknown age (their posts stay blocked until the people are completed).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from tikdesk.services import plan
from tikdesk.services.context import AppContext
from tikdesk.services.exchange import Preview
from tikdesk.ui import exchange, messages
from tikdesk.ui.a11y import WrappingCheckBox
from tikdesk.ui.exchange.dialog import ImportPreviewDialog

PlanRerun = Callable[[str | None, dict[int, str | None] | None, bool], Preview]


class PlanImportDialog(ImportPreviewDialog):
    create_box: QCheckBox | None = None

    def __init__(self, preview: Preview, rerun: PlanRerun, parent: QWidget | None = None) -> None:
        self._plan_rerun = rerun
        super().__init__(
            preview,
            lambda sheet, mapping: rerun(sheet, mapping, self.create_people),
            parent,
            fields=plan.plan_fields(),
            title=QCoreApplication.translate("PlanImport", "Import editorial plan – preview"),
        )
        self.setObjectName("PlanImportDialog")
        box = WrappingCheckBox()  # lists names: wraps in a small window
        box.setObjectName("createPeopleBox")
        box.toggled.connect(self._on_create_toggled)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.skip_box), box)
        self.create_box = box
        self._show_create(preview)

    @property
    def create_people(self) -> bool:
        return self.create_box is not None and self.create_box.isChecked()

    def _show(self, preview: Preview) -> None:
        super()._show(preview)
        self._show_create(preview)

    def _show_create(self, preview: Preview) -> None:
        box = self.create_box
        if box is None:
            return
        unknown: list[str] = preview.extra.get("unknown_people", [])
        # names are data: "&" would make an Alt-key ("Müller & Söhne": Alt+Space)
        shown = ", ".join(n.replace("&", "&&") for n in unknown[:5])
        shown += " …" if len(unknown) > 5 else ""
        box.setText(
            QCoreApplication.translate(
                "PlanImport",
                "Add the %1 people not in the registry (%2) with age unknown – their posts stay "
                "blocked until they are completed",
            )
            .replace("%1", str(len(unknown)))
            .replace("%2", shown)
        )
        box.setVisible(bool(unknown))

    @Slot()
    def _on_create_toggled(self) -> None:
        self._run(self.preview.sheet, self.current_mapping())


def import_plan(parent: QWidget, ctx: AppContext, folder: str = "") -> bool:
    """Ask for the file, preview it, write it on "Import"; True when something was imported."""
    title = QCoreApplication.translate("PlanImport", "Import editorial plan")
    if ctx.read_only:
        messages.show_warning(
            parent,
            title,
            QCoreApplication.translate(
                "PlanImport", "The database is open read-only; nothing can be imported."
            ),
        )
        return False
    name = exchange.ask_open_path(
        parent,
        title,
        folder or str(Path.home()),
        QCoreApplication.translate(
            "PlanImport", "Tables (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)"
        ),
    )
    if not name:
        return False
    path = Path(name)
    result = exchange.import_with_preview(
        parent,
        title,
        path,
        lambda sheet, mapping, progress=None: plan.preview_plan_import(
            ctx, path, sheet=sheet, mapping=mapping, progress=progress
        ),
        lambda preview, _read: PlanImportDialog(
            preview,
            lambda sheet, mapping, create: plan.preview_plan_import(
                ctx, path, sheet=sheet, mapping=mapping, create_people=create
            ),
            parent,
        ),
        lambda chosen, skip, progress=None: plan.commit_plan_import(
            ctx, chosen, skip_problem_rows=skip, progress=progress
        ),
    )
    if result is None:
        return False
    messages.show_info(parent, title, result.summary())
    return True
