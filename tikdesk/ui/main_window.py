"""The main window: tabs, menus, undo stack, drop target, status bar.

Tabs and features plug in without editing this file much.  Each tab gets ``(ctx, host)``
and keeps the :class:`tikdesk.ui.tab.Tab` contract (its menu actions, layout, read-only
state); what it asks of another tab comes as a ``…_requested`` signal connected in
:meth:`MainWindow._connect_tab`.  Features (import/export, backups …) add their own menus
and may register handlers for files dropped onto the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from PySide6.QtCore import QSettings, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPaintEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tikdesk import APP_NAME, __version__, options, paths
from tikdesk.ui import messages, theme
from tikdesk.ui.a11y import announce

if TYPE_CHECKING:  # the window is painted before any service or SQLAlchemy is imported
    from tikdesk.services.context import AppContext
    from tikdesk.ui.tab import Menus, TabHost

log = logging.getLogger(__name__)

DropHandler = Callable[[list[Path]], bool]
TabFactory = Callable[..., QWidget]  # SomeTab(ctx, host)
MAX_RECENT = 8
T = TypeVar("T", bound=QWidget)


class MainWindow(QMainWindow):
    data_changed = Signal()
    open_database_requested = Signal(str)
    demo_requested = Signal()

    def __init__(self, ctx: AppContext | None, settings: QSettings | None = None) -> None:
        super().__init__()
        self._ctx = ctx
        self._placeholders: list[QWidget] = []
        self._needs_database: list[QAction] = []
        self._after_paint: list[Callable[[], object]] = []
        self._pending: dict[int, type[QWidget]] = {}
        self._slots: list[QWidget | None] = [None] * 6
        self._closing = False
        #: tabs may load their data in the background (the app's start, issue 21)
        self.load_in_background = False
        self.settings = settings if settings is not None else QSettings()
        self.undo_stack = QUndoStack(self)
        self._host: TabHost | None = None  # made with the first tab (after the first paint)
        self._drop_handlers: list[tuple[int, DropHandler]] = []
        self.setAcceptDrops(True)
        self.setObjectName("MainWindow")

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        self.read_only_banner = QLabel()
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(
            f"QLabel#readOnlyBanner {{ background: {theme.BANNER_BACKGROUND};"
            f" color: {theme.BANNER_TEXT}; padding: 6px;"
            f" border: 1px solid {theme.BANNER_BORDER}; }}"
        )
        self.read_only_banner.setAccessibleDescription(self.tr("Read-only notice"))
        self.read_only_banner.setVisible(False)
        layout.addWidget(self.read_only_banner)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setAccessibleName(self.tr("Main areas"))
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)

        self._build_menus()
        self.tab_widgets: list[QWidget] = []
        if ctx is None:  # the start-up shell: painted first, attach() follows (issue 21)
            self._build_status_bar()
            self._build_placeholder_tabs()
            self.restore_layout()
            return
        self._attach(ctx)
        self._build_status_bar()
        self._show_database()
        self.restore_layout()

    @classmethod
    def shell(cls, settings: QSettings | None = None) -> MainWindow:
        """The window without a database: menus, tab titles and "Database is opening …".

        It imports no service and no SQLAlchemy, so it can be painted at once; the composition
        root opens the database afterwards and calls :meth:`attach`."""
        return cls(None, settings)

    @property
    def attached(self) -> bool:
        return self._ctx is not None

    @property
    def ctx(self) -> AppContext:
        if self._ctx is None:
            raise RuntimeError("the main window has no database yet")
        return self._ctx

    def attach(self, ctx: AppContext, *, incremental: bool = False) -> None:
        """Give the start-up shell its database: the real tabs replace the placeholders.

        ``incremental`` (the app's start): only the current tab is built now; the others
        follow one per event-loop turn, or at once when :meth:`tab` asks for one."""
        if incremental:
            self._attach_incrementally(ctx)
            return
        index = self.tabs.currentIndex()
        self.tabs.clear()
        for placeholder in self._placeholders:
            placeholder.deleteLater()
        self._placeholders = []
        self._attach(ctx)
        self._show_database()
        self.tabs.setCurrentIndex(max(index, 0))
        self.statusBar().clearMessage()

    def _attach(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self._build_tabs()
        self._install_features()
        for action in self._needs_database:
            action.setEnabled(True)

    def _attach_incrementally(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self.load_in_background = True
        self._pending = dict(enumerate(self._tab_classes()))
        current = max(self.tabs.currentIndex(), 0)
        self._build_pending(current)
        self.tabs.currentChanged.connect(self._build_if_pending)  # a click does not wait
        self._install_features()
        for action in self._needs_database:
            action.setEnabled(True)
        self._show_database()
        self.statusBar().clearMessage()
        QTimer.singleShot(0, self._build_next_pending)

    def _build_next_pending(self) -> None:
        if not self._pending or self._closing:
            return
        self._build_pending(min(self._pending))
        if self._pending:
            QTimer.singleShot(0, self._build_next_pending)

    @Slot(int)
    def _build_if_pending(self, index: int) -> None:
        if index in self._pending:
            self._build_pending(index)

    def _build_pending(self, index: int) -> QWidget:
        """Build the tab at ``index`` in place of its placeholder (the current tab stays)."""
        tab = self._make_tab(self._pending.pop(index))
        placeholder = self.tabs.widget(index)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, self._tab_titles()[index])
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        if placeholder in self._placeholders:
            self._placeholders.remove(placeholder)
            placeholder.deleteLater()
        self._slots[index] = tab
        self.tab_widgets = [w for w in self._slots if w is not None]
        self._install_tab(tab)
        if index == current:  # as restore_layout() tells a freshly built window
            self.tabs.currentChanged.emit(index)
        return tab

    def _show_database(self) -> None:
        ctx = self.ctx
        self.set_read_only(ctx.read_only, getattr(ctx.db, "read_only_reason", ""))
        self._update_title()
        self._remember_recent(ctx.db.name)  # a file path or a team database's address

    # ----------------------------------------------------------------- structure
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu(self.tr("&File"))
        self.menu_edit = bar.addMenu(self.tr("&Edit"))
        self.menu_view = bar.addMenu(self.tr("&View"))
        self.menu_help = bar.addMenu(self.tr("&Help"))

        new_db = self._action(
            self.tr("&New database…"), self._on_new_database, QKeySequence.StandardKey.New
        )
        open_db = self._action(
            self.tr("&Open database…"), self._on_open_database, QKeySequence.StandardKey.Open
        )
        self.menu_file.addActions([new_db, open_db])
        self.menu_recent = self.menu_file.addMenu(self.tr("Open &recent"))
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        self.menu_file.addSeparator()
        self.menu_import = self.menu_file.addMenu(self.tr("&Import"))
        self.menu_export = self.menu_file.addMenu(self.tr("&Export"))
        self.menu_file.addSeparator()
        self.file_reports_anchor = self.menu_file.addSeparator()
        self.menu_backup = self.menu_file.addMenu(self.tr("&Backups"))
        self.file_tools_anchor = self.menu_file.addSeparator()
        quit_action = self._action(self.tr("&Quit"), self.quit, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.menu_file.addAction(quit_action)

        self.action_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.action_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.action_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.action_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.menu_edit.addActions([self.action_undo, self.action_redo])
        self.menu_edit.addSeparator()
        self.edit_tab_anchor = self.menu_edit.addSeparator()
        prefs = self._action(self.tr("&Preferences…"), self._on_preferences, QKeySequence("Ctrl+,"))
        prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.menu_edit.addAction(prefs)
        self.action_roles = self._action(self.tr("Ro&les…"), self._on_roles)
        self.action_roles.setObjectName("actionRoles")
        self.menu_edit.addAction(self.action_roles)
        self._needs_database = [prefs, self.action_roles]
        for action in self._needs_database:
            action.setEnabled(self._ctx is not None)

        self.menu_help_anchor = self.menu_help.addSeparator()
        demo = self._action(self.tr("&Sample data"), self.demo_requested.emit)
        demo.setToolTip(
            self.tr(
                "Open a separate demo database with realistic ideas. "
                "Your own database is not touched."
            )
        )
        logs = self._action(self.tr("Open &log folder"), self._on_open_log_folder)
        about = self._action(self.tr("&About TikDesk"), self._on_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        self.menu_help.addActions([demo, logs])
        self.menu_help.addSeparator()
        self.menu_help.addAction(about)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _tab_titles(self) -> list[str]:
        return [
            self.tr("&Overview"),
            self.tr("&Ideas"),
            self.tr("Posts && &clearance"),
            self.tr("Cale&ndar"),
            self.tr("&People && consent"),
            self.tr("&Analytics"),
        ]

    def _build_placeholder_tabs(self) -> None:
        for title in self._tab_titles():
            placeholder = QWidget()
            self._placeholders.append(placeholder)
            self.tabs.addTab(placeholder, title)
        self._build_view_actions()
        self.statusBar().showMessage(self.tr("Opening the database …"))

    def _tab_classes(self) -> list[type[QWidget]]:
        from tikdesk.ui.analytics.tab import AnalyticsTab
        from tikdesk.ui.calendar.tab import CalendarTab
        from tikdesk.ui.ideas.tab import IdeasTab
        from tikdesk.ui.overview.tab import OverviewTab
        from tikdesk.ui.people.tab import PeopleTab
        from tikdesk.ui.posts.tab import PostsTab

        return [OverviewTab, IdeasTab, PostsTab, CalendarTab, PeopleTab, AnalyticsTab]

    def _build_tabs(self) -> None:
        classes = self._tab_classes()
        shell = bool(self.menu_view.actions())  # the view actions exist from the shell
        self.tab_widgets = []
        for cls, title in zip(classes, self._tab_titles(), strict=True):
            tab = self._make_tab(cls)
            self.tab_widgets.append(tab)
            self.tabs.addTab(tab, title)
        for tab in self.tab_widgets:
            self._install_tab(tab)
        if not shell:
            self._build_view_actions()

    def _build_view_actions(self) -> None:
        view_actions = []
        for index in range(self.tabs.count()):
            action = QAction(self.tabs.tabText(index), self)  # "&&" stays a literal "&"
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _c=False, i=index: self.tabs.setCurrentIndex(i))
            view_actions.append(action)
        self.menu_view.addActions(view_actions)

    def _install_features(self) -> None:
        """Features that are not tabs (import/export, backups, report, manual) add menus."""
        from tikdesk.ui import exchange, help, report, safety
        from tikdesk.ui.team import connect, live

        for feature in (exchange, safety, report, help, connect, live):
            feature.install(self)

    @property
    def host(self) -> TabHost:
        """What every tab gets of this window (:mod:`tikdesk.ui.tab`)."""
        if self._host is None:
            from tikdesk.ui.tab import TabHost

            self._host = TabHost(
                data_changed=self.data_changed,
                undo_stack=self.undo_stack,
                settings=self.settings,
                show_status=lambda text: self.statusBar().showMessage(text, 8000),
                register_drop_handler=self.register_drop_handler,
                loads_in_background=lambda: self.load_in_background,
            )
        return self._host

    @property
    def menus(self) -> Menus:
        """The menus the tabs add their commands to."""
        from tikdesk.ui.tab import Menus

        return Menus(
            edit=self.menu_edit,
            edit_tab_anchor=self.edit_tab_anchor,
            view=self.menu_view,
            import_=self.menu_import,
            export=self.menu_export,
        )

    def _make_tab(self, cls: type[QWidget]) -> QWidget:
        from tikdesk.ui.tab import Tab

        tab = cast(TabFactory, cls)(self.ctx, self.host)
        assert isinstance(tab, Tab), f"{cls.__name__} does not keep the Tab contract"
        self._connect_tab(tab)
        tab.restore_layout(self.settings)
        tab.set_read_only(self.is_read_only())
        return tab

    def _install_tab(self, tab: QWidget) -> None:
        tab.install_actions(self.menus)  # type: ignore[attr-defined]

    def _connect_tab(self, tab: QWidget) -> None:
        """The cross-tab requests: a tab asks, the window shows the other tab."""
        from tikdesk.ui.ideas.tab import IdeasTab
        from tikdesk.ui.overview.tab import OverviewTab

        if isinstance(tab, OverviewTab):
            tab.show_post_requested.connect(self.show_post)
            tab.show_person_requested.connect(self.show_person)
        elif isinstance(tab, IdeasTab):
            tab.convert_to_post_requested.connect(self.convert_idea_to_post)
            tab.show_requested.connect(lambda: self.tabs.setCurrentWidget(tab))

    def tab(self, kind: type[T]) -> T:
        """The tab of this class (for tests and cross-links).

        A tab not built yet (incremental start) is built now."""
        for tab in self.tab_widgets:
            if isinstance(tab, kind):
                return tab
        for index, cls in list(self._pending.items()):
            if issubclass(cls, kind):
                return cast(T, self._build_pending(index))
        raise KeyError(kind.__name__)

    @Slot(int)
    def show_post(self, post_id: int) -> None:
        """Bring the posts tab to the front with this post selected."""
        from tikdesk.ui.posts.tab import PostsTab

        tab = self.tab(PostsTab)
        self.tabs.setCurrentWidget(tab)  # (shown: the tab reads its list now)
        tab.select_post(post_id)

    @Slot(int)
    def show_person(self, person_id: int) -> None:
        from tikdesk.ui.people.tab import PeopleTab

        tab = self.tab(PeopleTab)
        self.tabs.setCurrentWidget(tab)
        tab.select_person(person_id)

    @Slot(int)
    def convert_idea_to_post(self, idea_id: int) -> int | None:
        """„In Beitrag umwandeln“ (asked by the ideas tab): make the post and show it.

        Returns the post's id, or None (a message was shown)."""
        from tikdesk.ui.posts.tab import PostsTab

        post_id = self.tab(PostsTab).convert_idea(idea_id)
        if post_id is not None:
            self.show_post(post_id)
        return post_id

    def tabs_pending(self) -> int:
        """How many tabs the incremental start has still to build."""
        return len(self._pending)

    def _build_status_bar(self) -> None:
        self.db_label = QLabel()
        self.db_label.setAccessibleDescription(self.tr("Open database"))
        self.statusBar().addPermanentWidget(self.db_label)
        # status-bar messages (import results, saves) are announced to screen readers
        self.statusBar().messageChanged.connect(self._announce)

    @Slot(str)
    def _announce(self, text: str) -> None:
        if text:
            announce(self.statusBar(), text)

    def _update_title(self) -> None:
        path = self.ctx.db.path
        suffix = self.tr(" (read-only)") if self.ctx.read_only else ""
        if path.resolve() == paths.demo_db_path().resolve():
            suffix += self.tr(" – sample data")
        shown = self.ctx.db.name if self.ctx.db.on_server else path.name
        self.setWindowTitle(f"{shown}{suffix} – {APP_NAME}")
        self.db_label.setText(self.tr("Database: %1").replace("%1", self.ctx.db.name))

    # ----------------------------------------------------------------- read-only
    def is_read_only(self) -> bool:
        return self._ctx is None or self._ctx.read_only  # nothing to change before it opened

    def set_read_only(self, read_only: bool, reason: str = "") -> None:
        text = reason or self.tr(
            "This database is open read-only. You can look at everything, but not change anything."
        )
        self.read_only_banner.setText(text)
        self.read_only_banner.setVisible(read_only)

    # ----------------------------------------------------------------- messages
    def show_warning(self, title: str, text: str) -> None:
        messages.show_warning(self, title, text)

    def show_info(self, title: str, text: str) -> None:
        messages.show_info(self, title, text)

    def show_error(self, title: str, text: str) -> None:
        messages.show_error(self, title, text)

    # ----------------------------------------------------------------- drag and drop
    def register_drop_handler(self, handler: DropHandler, priority: int = 0) -> None:
        self._drop_handlers.append((priority, handler))
        self._drop_handlers.sort(key=lambda item: -item[0])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.is_read_only():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.handle_dropped_files(files)

    def handle_dropped_files(self, files: list[Path]) -> bool:
        for _priority, handler in self._drop_handlers:
            if handler(files):
                return True
        self.show_warning(
            self.tr("Unknown file"),
            self.tr("TikDesk cannot tell what to do with this file. Use File → Import."),
        )
        return False

    # ----------------------------------------------------------------- menu slots
    @Slot()
    def _on_new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New database"),
            str(paths.data_dir()),
            self.tr("TikDesk database (*.sqlite)"),
        )
        if name:
            if not name.endswith(".sqlite"):
                name += ".sqlite"
            self.open_database_requested.emit(name)

    @Slot()
    def _on_open_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            str(paths.data_dir()),
            self.tr("TikDesk database (*.sqlite *.db);;All files (*)"),
        )
        if name:
            self.open_database_requested.emit(name)

    def _remember_recent(self, path: str) -> None:
        recent = [p for p in self.recent_databases() if p != path]
        recent.insert(0, path)
        options.RECENT_DATABASES.set(self.settings, tuple(recent[:MAX_RECENT]))

    def recent_databases(self) -> list[str]:
        return list(options.RECENT_DATABASES.get(self.settings))

    @Slot()
    def _fill_recent_menu(self) -> None:
        self.menu_recent.clear()
        current = self._ctx.db.name if self._ctx is not None else ""
        for index, path in enumerate(self.recent_databases()):
            if path == current:
                continue
            action = self.menu_recent.addAction(f"&{index + 1} {path}")
            action.triggered.connect(lambda _c=False, p=path: self.open_database_requested.emit(p))
        if self.menu_recent.isEmpty():
            empty = self.menu_recent.addAction(self.tr("(none)"))
            empty.setEnabled(False)

    @Slot()
    def _on_preferences(self) -> None:
        from tikdesk.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.ctx, self.settings, self)
        if dialog.exec():
            self._update_title()
            self.data_changed.emit()

    @Slot()
    def _on_roles(self) -> None:
        from tikdesk.ui.roles import RolesDialog

        RolesDialog.present(self.ctx, self)

    @Slot()
    def _on_open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))

    @Slot()
    def _on_about(self) -> None:
        messages.show_info(
            self,
            self.tr("About TikDesk"),
            self.tr(
                "TikDesk %1\n\nPlan, clear and measure the TikTok videos of a public "
                "body — offline. TikDesk makes no network connections.\n\n"
                "Database: %2"
            )
            .replace("%1", __version__)
            .replace("%2", self._ctx.db.name if self._ctx is not None else "–"),
        )

    # ----------------------------------------------------------------- layout memory
    def restore_layout(self) -> None:
        geometry = options.WINDOW_GEOMETRY.get(self.settings)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = options.MAIN_WINDOW_STATE.get(self.settings)
        if state is not None:
            self.restoreState(state)
        self.tabs.setCurrentIndex(options.WINDOW_TAB.get(self.settings))

    def save_layout(self) -> None:
        options.WINDOW_GEOMETRY.set(self.settings, self.saveGeometry())
        options.MAIN_WINDOW_STATE.set(self.settings, self.saveState())
        options.WINDOW_TAB.set(self.settings, self.tabs.currentIndex())
        for tab in self.tab_widgets:
            tab.save_layout(self.settings)  # type: ignore[attr-defined]
        self.settings.sync()

    # ----------------------------------------------------------------- start-up
    def call_after_first_paint(self, fn: Callable[[], object]) -> None:
        """Call ``fn`` on the event-loop turn after this window was first painted."""
        self._after_paint.append(fn)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._after_paint:
            waiting, self._after_paint = self._after_paint, []
            for fn in waiting:
                QTimer.singleShot(0, fn)

    def may_close(self) -> bool:
        """Every built tab agrees that nothing unsaved is lost (asked before the window
        closes and before another database replaces this one)."""
        from tikdesk.ui.tab import Tab

        return all(cast(Tab, tab).may_close() for tab in self.tab_widgets)

    def quit(self) -> None:
        """Datei → Beenden: asks about unsaved form edits like the window's close button."""
        if self.may_close():
            self.close_without_asking()

    def close_without_asking(self) -> None:
        """Close after :meth:`may_close` was asked already (another database replaces this)."""
        self._closing = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # the user closed the window (title bar, Alt+F4): unsaved form edits are asked about;
        # a close by the program (Datei → Beenden and App.open asked already) is not
        if event.spontaneous() and not self._closing and not self.may_close():
            event.ignore()  # the user keeps the form they were typing in
            return
        self._closing = True  # tabs still pending are not built any more
        self.save_layout()
        super().closeEvent(event)


__all__ = ["MainWindow"]
