"""The data-safety feature inside the main window: menus, auto-backup timer, exit backup,
network-drive warning."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication

from tikdesk.domain.errors import TikDeskError
from tikdesk.options import NETWORK_WARNED
from tikdesk.services.safety import AUTO_INTERVAL, MANUAL, BackupInfo, SafetyService
from tikdesk.ui.safety.dialogs import CheckResultDialog, RestoreDialog
from tikdesk.ui.workers import run_with_progress

if TYPE_CHECKING:
    from tikdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class SafetyController(QObject):
    """Owns the safety actions of one window (one open database)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.service = SafetyService(window.ctx)
        self.service.start_watching()

        self.action_backup = QAction(self.tr("Back up &now"), window)
        self.action_backup.setObjectName("actionBackupNow")
        self.action_backup.setStatusTip(
            self.tr("Write a checked copy of the database into the backup folder")
        )
        self.action_restore = QAction(self.tr("&Restore…"), window)
        self.action_restore.setObjectName("actionRestore")
        self.action_folder = QAction(self.tr("Open backup &folder"), window)
        self.action_check = QAction(self.tr("Chec&k database"), window)
        self.action_check.setObjectName("actionCheckDatabase")
        self.action_check.setStatusTip(self.tr("Full integrity, foreign-key and consistency check"))
        window.menu_backup.addActions([self.action_backup, self.action_restore])
        window.menu_backup.addSeparator()
        window.menu_backup.addAction(self.action_folder)
        window.menu_file.insertAction(window.file_tools_anchor, self.action_check)
        self.action_backup.triggered.connect(self.backup_now)
        self.action_restore.triggered.connect(self.restore)
        self.action_folder.triggered.connect(self.open_folder)
        self.action_check.triggered.connect(self.check_database)
        self.action_restore.setEnabled(not window.is_read_only())

        self.timer = QTimer(self)
        self.timer.setObjectName("autoBackupTimer")
        self.timer.setInterval(int(AUTO_INTERVAL.total_seconds() * 1000))
        self.timer.timeout.connect(self.auto_backup)
        if not window.is_read_only():
            self.timer.start()
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_about_to_quit)
        if window.ctx.db.on_network:
            QTimer.singleShot(0, self.warn_network_once)

    # ----------------------------------------------------------------- backups
    @Slot()
    def backup_now(self) -> BackupInfo | None:
        try:
            info: BackupInfo = run_with_progress(
                self.window, self.tr("Backing up the database…"), self.service.backup, MANUAL
            )
        except TikDeskError as exc:
            self.window.show_warning(self.tr("Backup failed"), str(exc))
            return None
        self.window.statusBar().showMessage(
            self.tr("Backup written: %1").replace("%1", str(info.path)), 10_000
        )
        self.window.show_info(
            self.tr("Backup written"),
            self.tr("The backup was written and passed its integrity check:\n%1").replace(
                "%1", str(info.path)
            ),
        )
        return info

    @Slot()
    def auto_backup(self) -> BackupInfo | None:
        """Timer: back up when the data changed (never in the middle of a modal dialog)."""
        if self.window.is_read_only() or QApplication.activeModalWidget() is not None:
            return None
        if not self.service.changed_since_backup():
            return None
        try:
            info: BackupInfo | None = run_with_progress(
                self.window, self.tr("Automatic backup…"), _auto, self.service
            )
        except TikDeskError as exc:
            self.window.show_warning(self.tr("Automatic backup failed"), str(exc))
            return None
        if info is not None:
            self.window.statusBar().showMessage(
                self.tr("Automatic backup written: %1").replace("%1", info.path.name), 10_000
            )
        return info

    def backup_on_exit(self) -> BackupInfo | None:
        """Window closes / app quits: back up if anything changed; never blocks closing."""
        if self.window.is_read_only():
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self.service.exit_backup()
        except TikDeskError as exc:
            self.window.show_warning(self.tr("Backup on exit failed"), str(exc))
        except Exception:  # closing must go on; the data itself is safe in the database
            log.exception("backup on exit failed")
        finally:
            QApplication.restoreOverrideCursor()
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.timer.stop()
            self.backup_on_exit()
        return False

    @Slot()
    def _on_about_to_quit(self) -> None:
        self.backup_on_exit()

    # ----------------------------------------------------------------- restore
    @Slot()
    def restore(self) -> bool:
        if self.window.is_read_only():
            return False
        try:
            backups = run_with_progress(
                self.window, self.tr("Checking the backups…"), _list_checked, self.service
            )
        except TikDeskError as exc:
            self.window.show_warning(self.tr("Backups"), str(exc))
            return False
        from tikdesk.services.erasure import ErasureService

        erasure = None if self.window.ctx.db.on_server else ErasureService(self.window.ctx)
        chosen = RestoreDialog.ask(self.window, backups, self.service.folder, erasure=erasure)
        if chosen is None:
            return False
        try:
            result = run_with_progress(
                self.window, self.tr("Restoring…"), self.service.restore, chosen.path
            )
        except TikDeskError as exc:
            self.window.show_warning(self.tr("Restore failed"), str(exc))
            return False
        text = self.tr("The state of %1 has been restored.").replace("%1", chosen.created_text())
        if result.safety_backup is not None:
            text += "\n\n" + self.tr("The state before the restore was backed up to:\n%1").replace(
                "%1", str(result.safety_backup.path)
            )
        self.window.show_info(self.tr("Restored"), text)
        # Every tab reloads; with the app shell the window is rebuilt on the restored file.
        self.window.data_changed.emit()
        self.window.open_database_requested.emit(str(self.window.ctx.db.path))
        return True

    # ----------------------------------------------------------------- check, folder
    @Slot()
    def check_database(self) -> None:
        try:
            report = run_with_progress(
                self.window, self.tr("Checking the database…"), self.service.full_check
            )
        except TikDeskError as exc:
            self.window.show_warning(self.tr("Check database"), str(exc))
            return
        CheckResultDialog.ask(self.window, report)

    @Slot()
    def open_folder(self) -> None:
        folder = self.service.folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.window.show_warning(self.tr("Backup folder"), str(exc))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # ----------------------------------------------------------------- network drive
    @Slot()
    def warn_network_once(self) -> bool:
        """One warning per database path (remembered in the settings); True when shown."""
        path = str(self.window.ctx.db.path)
        known = NETWORK_WARNED.get(self.window.settings)
        if path in known:
            return False
        self.window.show_warning(
            self.tr("Database on a network drive"),
            self.tr(
                "The database %1 lies on a network drive. TikDesk works more slowly there "
                "and switches off the write-ahead log, because network drives do not share "
                "it reliably. If the connection drops while saving, data can be lost.\n\n"
                "Recommended: keep the database on this computer's own disk (File → New "
                "database), or, to work as a team, use the team server set-up described in "
                "the manual."
            ).replace("%1", path),
        )
        NETWORK_WARNED.set(self.window.settings, (*known, path))
        return True


def _auto(service: SafetyService, progress: object = None) -> BackupInfo | None:
    return service.auto_backup()


def _list_checked(service: SafetyService, progress: object = None) -> list[BackupInfo]:
    return service.list_backups(check=True, progress=progress)  # type: ignore[arg-type]
