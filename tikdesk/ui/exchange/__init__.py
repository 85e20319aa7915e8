"""Excel/CSV import and export of ideas: menu actions, drop handler, preview dialog.

Datei → Importieren → Ideen aus Excel/CSV…, Datei → Exportieren → Ideen nach Excel/CSV…,
Datei → Vorlage exportieren, and files dropped onto the window (asked after the analytics
import, which claims TikTok files).  Reading, preview and writing run in a worker thread with
a progress dialog that can cancel; cancelling writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from tikdesk.domain.errors import Cancelled, TikDeskError
from tikdesk.options import EXCHANGE_FOLDER
from tikdesk.services import exchange
from tikdesk.ui import messages
from tikdesk.ui.exchange.dialog import ImportPreviewDialog
from tikdesk.ui.workers import ProgressFn, run_with_progress

if TYPE_CHECKING:
    from tikdesk.ui.main_window import MainWindow

__all__ = [
    "DROP_PRIORITY",
    "ExchangeActions",
    "ImportPreviewDialog",
    "import_with_preview",
    "install",
]

DROP_PRIORITY = -10  # after the analytics import (TikTok files), before "unknown file"
R = TypeVar("R", covariant=True)


class PreviewReader(Protocol):
    """Reads the file (again, with another sheet or column mapping) into a preview."""

    def __call__(
        self,
        sheet: str | None,
        mapping: dict[int, str | None] | None,
        progress: ProgressFn | None = None,
    ) -> exchange.Preview: ...


class ImportWriter(Protocol[R]):
    """Writes the confirmed preview (leaving out the rows with problems if asked)."""

    def __call__(
        self, preview: exchange.Preview, skip_problem_rows: bool, progress: ProgressFn | None = None
    ) -> R: ...


# Replaced in tests: modal dialogs and file pickers.
def ask_preview(dialog: ImportPreviewDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_open_path(parent: QWidget, title: str, folder: str, filters: str) -> str:
    return QFileDialog.getOpenFileName(parent, title, folder, filters)[0]


def ask_save_path(parent: QWidget, title: str, start: str, filters: str) -> str:
    return QFileDialog.getSaveFileName(parent, title, start, filters)[0]


def import_with_preview(
    parent: QWidget,
    title: str,
    path: Path,
    read: PreviewReader,
    dialog: Callable[[exchange.Preview, PreviewReader], ImportPreviewDialog],
    commit: ImportWriter[R],
) -> R | None:
    """Every table import (ideas, consent register, editorial plan): read ``path`` into a
    preview, show it in ``dialog(preview, read)``, write on „Import“ with ``commit(preview,
    skip_problem_rows)``.  Reading and writing run in a worker with a progress dialog.

    Returns what ``commit`` returned, or None: cancelled, or a known error was shown."""
    name = path.name
    try:
        preview = run_with_progress(
            parent,
            QCoreApplication.translate("ImportFlow", "Reading %1 …").replace("%1", name),
            read,
            None,
            None,
        )
    except Cancelled:
        return None
    except TikDeskError as exc:
        messages.show_warning(parent, title, str(exc))
        return None
    box = dialog(preview, read)
    try:
        if not ask_preview(box):
            return None
        chosen, skip = box.preview, box.skip_problem_rows
    finally:
        box.deleteLater()
    try:
        return run_with_progress(
            parent,
            QCoreApplication.translate("ImportFlow", "Importing %1 …").replace("%1", name),
            commit,
            chosen,
            skip,
        )
    except Cancelled:
        messages.show_info(
            parent,
            title,
            QCoreApplication.translate("ImportFlow", "Import cancelled – nothing was written."),
        )
    except TikDeskError as exc:
        messages.show_warning(parent, title, str(exc))
    return None


class ExchangeActions(QObject):
    """The feature's actions on one main window (kept as ``window.exchange``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.import_action = QAction(self.tr("Ideas from &Excel/CSV…"), window)
        self.import_action.setObjectName("importIdeasAction")
        self.import_action.setStatusTip(
            self.tr("Read an idea list from .xlsx, .xls, .ods or .csv; you see a preview first.")
        )
        self.import_action.triggered.connect(lambda _c=False: self.import_ideas())
        self.export_action = QAction(self.tr("Ideas to &Excel/CSV…"), window)
        self.export_action.setObjectName("exportIdeasAction")
        self.export_action.setStatusTip(
            self.tr("Write the idea backlog as an Excel workbook or a CSV file for Excel.")
        )
        self.export_action.triggered.connect(lambda _c=False: self.export_ideas())
        self.template_action = QAction(self.tr("Export tem&plate…"), window)
        self.template_action.setObjectName("exportTemplateAction")
        self.template_action.setStatusTip(
            self.tr("An empty idea list with drop-down lists, for colleagues to fill in.")
        )
        self.template_action.triggered.connect(lambda _c=False: self.export_template())

    # ----------------------------------------------------------------- helpers
    @property
    def settings(self) -> QSettings:
        return self.window.settings

    def _folder(self) -> str:
        return EXCHANGE_FOLDER.get(self.settings) or str(Path.home())

    def _remember(self, path: Path) -> None:
        EXCHANGE_FOLDER.set(self.settings, str(path.parent))

    def _warn(self, title: str, exc: BaseException) -> None:
        self.window.show_warning(title, str(exc))

    # ----------------------------------------------------------------- import
    def import_ideas(self) -> bool:
        if self.window.is_read_only():
            self.window.show_warning(
                self.tr("Import ideas"),
                self.tr("The database is open read-only; nothing can be imported."),
            )
            return False
        name = ask_open_path(
            self.window,
            self.tr("Import ideas from Excel/CSV"),
            self._folder(),
            self.tr("Tables (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt *.tsv);;All files (*)"),
        )
        if not name:
            return False
        return self.import_file(Path(name))

    def import_file(self, path: Path) -> bool:
        """Preview ``path``, let the user confirm, then write it; True when imported."""
        title = self.tr("Import ideas")
        ctx = self.window.ctx
        self._remember(path)
        result = import_with_preview(
            self.window,
            title,
            path,
            lambda sheet, mapping, progress=None: exchange.preview_idea_import(
                ctx, path, sheet=sheet, mapping=mapping, progress=progress
            ),
            lambda preview, read: ImportPreviewDialog(preview, read, self.window),
            lambda chosen, skip, progress=None: exchange.commit_idea_import(
                ctx, chosen, skip_problem_rows=skip, progress=progress
            ),
        )
        if result is None:
            return False
        self.window.data_changed.emit()
        self.window.show_info(
            title,
            self.tr("%1 ideas added, %2 updated, %3 unchanged, %4 rows left out.")
            .replace("%1", str(result.inserted))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.unchanged))
            .replace("%4", str(result.skipped)),
        )
        return True

    def handle_drop(self, paths: list[Path]) -> bool:
        tables = [p for p in paths if p.suffix.lower() in exchange.IMPORT_SUFFIXES]
        if not tables or self.window.is_read_only():
            return False
        for path in tables:
            self.import_file(path)
        return True

    # ----------------------------------------------------------------- export
    def _ask_target(self, title: str, default_name: str) -> Path | None:
        name = ask_save_path(
            self.window,
            title,
            str(Path(self._folder()) / default_name),
            self.tr("Excel workbook (*.xlsx);;CSV for Excel (*.csv)"),
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        self._remember(path)
        return path

    def _filtered_ids(self) -> list[int] | None:
        """The ideas the Ideas tab shows when a filter is active, else None (= all)."""
        from tikdesk.ui.ideas.tab import IdeasTab

        try:
            tab = self.window.tab(IdeasTab)
        except KeyError:
            return None
        getter = getattr(tab, "current_filter_ids", None)
        ids = getter() if callable(getter) else None
        if ids is None:
            return None
        ids = list(ids)
        only = messages.ask_yes_no(
            self.window,
            self.tr("Export ideas"),
            self.tr(
                "The Ideas tab shows %1 ideas through a filter. Export only these?\n\n"
                "No exports all ideas."
            ).replace("%1", str(len(ids))),
        )
        return ids if only else None

    def export_ideas(self) -> bool:
        title = self.tr("Export ideas")
        path = self._ask_target(title, self.tr("Ideas") + ".xlsx")
        if path is None:
            return False
        ids = self._filtered_ids()
        try:
            result = run_with_progress(
                self.window,
                self.tr("Writing %1 …").replace("%1", path.name),
                exchange.export_ideas,
                self.window.ctx,
                path,
                ids=ids,
            )
        except Cancelled:
            self.window.show_info(title, self.tr("Export cancelled – no file was written."))
            return False
        except TikDeskError as exc:
            self._warn(title, exc)
            return False
        self.window.show_info(
            title,
            self.tr("%1 ideas written to %2.")
            .replace("%1", str(result.count))
            .replace("%2", str(result.path)),
        )
        return True

    def export_template(self) -> bool:
        title = self.tr("Export template")
        path = self._ask_target(title, self.tr("Idea template") + ".xlsx")
        if path is None:
            return False
        try:
            exchange.export_idea_template(self.window.ctx, path)
        except TikDeskError as exc:
            self._warn(title, exc)
            return False
        self.window.show_info(
            title,
            self.tr(
                "Template written to %1. Colleagues fill it in; import it with File → "
                "Import → Ideas from Excel/CSV."
            ).replace("%1", str(path)),
        )
        return True


def install(window: MainWindow) -> None:
    """Add this feature's actions to the window's menus and register the drop handler."""
    actions = ExchangeActions(window)
    window.exchange = actions  # type: ignore[attr-defined]
    window.menu_import.addAction(actions.import_action)
    window.menu_export.addAction(actions.export_action)
    # "Vorlage exportieren" sits in the File menu right after the Export submenu.
    file_actions = window.menu_file.actions()
    export_entry = window.menu_export.menuAction()
    position = file_actions.index(export_entry) + 1 if export_entry in file_actions else -1
    if 0 <= position < len(file_actions):
        window.menu_file.insertAction(file_actions[position], actions.template_action)
    else:
        window.menu_file.addAction(actions.template_action)
    actions.import_action.setEnabled(not window.is_read_only())
    window.register_drop_handler(actions.handle_drop, DROP_PRIORITY)
