"""Composition root: arguments, paths, logging, crash handler, Qt, translators, database.

Everything is wired here and nowhere else, so that every other module can be built and
tested on its own.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tikdesk import APP_NAME, cli, options, paths
from tikdesk.domain.errors import TikDeskError
from tikdesk.domain.i18n import set_language, system_language
from tikdesk.logsetup import setup_logging  # shared with the CLI: one log file

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tikdesk.storage.engine import Database
    from tikdesk.ui.main_window import MainWindow

log = logging.getLogger("tikdesk")
T = TypeVar("T")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # The language must be known before the parser is built: its help texts are translated.
    set_language(_lang_from_argv(argv) or _preferred_language() or system_language())
    with cli.safe_console():  # help, usage errors and commands print safely in any encoding
        try:
            args = cli.build_parser().parse_args(argv)
            if args.command:
                return cli.run(args)
        except KeyboardInterrupt:  # Ctrl+C before the command opened anything
            print(cli.interrupted_message(), file=sys.stderr)
            return cli.EXIT_INTERRUPTED
    return run_gui(args)


def _lang_from_argv(argv: list[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return None


def _preferred_language() -> str | None:
    """The language chosen in Preferences, read without Qt so the CLI follows it too."""
    value = options.LANGUAGE.get(options.IniFile(paths.settings_file()))
    return value if value in ("de", "en") else None


def ui_language(settings: QSettings, override: str | None) -> str:
    if override:
        return override
    chosen = options.LANGUAGE.get(settings)
    return chosen if chosen in ("de", "en") else system_language()


def install_translators(app: QApplication, language: str) -> list[object]:
    """Load Qt's own German strings and every ``resources/i18n/*_de.qm``."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    installed: list[object] = []
    if language != "de":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return installed
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(qt_dir, "qtbase_de")]
    i18n = paths.resource_dir() / "i18n"
    candidates += [(str(i18n), qm.stem) for qm in sorted(i18n.glob("*_de.qm"))]
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
    return installed


def make_settings() -> QSettings:
    from PySide6.QtCore import QSettings

    return QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)


def open_db(
    db_path: Path | str,
    *,
    demo: bool = False,
    read_only: bool = False,
    ignore_lock: bool = False,
    password: str | None = None,
) -> Database:
    """Open (lock, quick-check, back up, migrate) a database; the demo one is filled once.

    ``password``: typed into the window for a team database, kept in memory only."""
    from tikdesk.services.safety import open_database_safely

    db = open_database_safely(
        db_path,
        backup_dir=paths.backup_dir(),
        read_only=read_only,
        ignore_lock=ignore_lock,
        password=password,
    )
    if demo and not db.read_only:
        from tikdesk.demo import ensure_demo_data
        from tikdesk.services.context import AppContext

        ensure_demo_data(AppContext(db=db))
    return db


class GuiApp:
    """Owns the open database and its window; switches databases on request."""

    def __init__(self, qapp: QApplication, settings: QSettings) -> None:
        self.qapp = qapp
        self.settings = settings
        self.window: MainWindow | None = None

    def show_shell(self) -> MainWindow:
        """Show the main window before any database is open; :meth:`open` attaches one."""
        from tikdesk.ui.main_window import MainWindow

        self.window = MainWindow.shell(self.settings)
        self.window.show()
        return self.window

    def open(self, db_path: Path | str, *, demo: bool = False, incremental: bool = False) -> bool:
        """Open ``db_path`` in a new window (closing the current one). False on failure.

        The start-up shell is given the database instead; ``incremental``: tab by tab."""
        from tikdesk.services.context import AppContext
        from tikdesk.ui import messages
        from tikdesk.ui.main_window import MainWindow
        from tikdesk.ui.safety.startup import open_interactively
        from tikdesk.ui.team.connect import session_password

        current = self.window
        if current is not None and current.attached and not current.may_close():
            return False  # the user keeps the form they were typing in
        # lock held, damaged file, a server's password or retry: asked in open_interactively
        server = paths.is_server_address(str(db_path))
        known = session_password(str(db_path)) if server else None

        def opener(**how: object) -> Database:
            if server:  # open_interactively runs it in its own worker with a progress dialog
                return open_db(db_path, demo=demo, **how)  # type: ignore[arg-type]
            # a file: lock, quick check, backup and migration off the GUI thread (issue 21)
            return off_gui_thread(lambda: open_db(db_path, demo=demo, **how))  # type: ignore[arg-type]

        try:
            db = open_interactively(self.window, db_path, opener, password=known)
        except TikDeskError as exc:
            messages.show_error(self.window, "TikDesk", str(exc))
            return False
        if db is None:
            return False
        ctx = AppContext(  # the OS account acts; the preference is a label (issue 16)
            db=db, label=options.USER_LABEL.get(self.settings), backup_dir=paths.backup_dir()
        )
        old = self.window
        if old is not None and not old.attached:  # the start-up shell gets its database
            window, old = old, None
            window.attach(ctx, incremental=incremental)  # the app's start: tab by tab
        else:
            window = MainWindow(ctx, self.settings)
        if db.on_server:  # with its TLS options, for "Neu verbinden" (issue 17)
            window.team_address = str(db_path)  # type: ignore[attr-defined]
        window.open_database_requested.connect(
            lambda p: self.open(p if paths.is_server_address(p) else Path(p))
        )
        window.demo_requested.connect(lambda: self.open(paths.demo_db_path(), demo=True))
        from tikdesk.ui.firststart.dialog import install_action

        install_action(window)  # Bearbeiten → Einrichtung… (issue 20)
        self.window = window
        if old is not None:
            old.close_without_asking()  # asked above, before the other database was opened
            from tikdesk.ui.ideas.loader import stop_all

            stop_all()  # a backlog still loading reads the database about to close
            old.ctx.db.close()
            old.deleteLater()
        window.show()
        return True


def off_gui_thread(fn: Callable[[], T]) -> T:
    """``fn()`` in a thread while the event loop keeps painting and answering (issue 21).

    The caller waits for the result as before (dialogs that follow stay on the GUI thread);
    the event loop is never blocked for more than a few milliseconds meanwhile."""
    import threading

    from PySide6.QtCore import QCoreApplication, QEventLoop

    if QCoreApplication.instance() is None:
        return fn()
    box: dict[str, object] = {}

    def work() -> None:
        try:
            box["result"] = fn()
        except BaseException as exc:  # re-raised on the GUI thread below
            box["error"] = exc

    thread = threading.Thread(target=work, name="tikdesk-open-database", daemon=True)
    thread.start()
    while thread.is_alive():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        thread.join(0.005)
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["result"]  # type: ignore[return-value]


#: What opening a database and building the tabs needs besides Qt: imported in a worker after
#: the first paint (~0.5 s, issue 21), so the window keeps painting and answering meanwhile.
_DATABASE_MODULES = (
    "sqlalchemy.orm",
    "tikdesk.storage.engine",
    "tikdesk.storage.models",
    "tikdesk.services.context",
    "tikdesk.services.safety",
    "tikdesk.services.ideas",
    "tikdesk.services.idea_query",
    "tikdesk.services.posts",
    "tikdesk.services.people",
    "tikdesk.services.overview",
    "tikdesk.services.calendar",
    "tikdesk.services.analytics",
    # the windows and tabs the start builds next: class definitions only (checked: no Qt
    # object is made at import, so no "outside the GUI thread" warning)
    "tikdesk.ui.safety.startup",
    "tikdesk.ui.team.connect",
    "tikdesk.ui.firststart.dialog",
    "tikdesk.ui.overview.tab",
    "tikdesk.ui.ideas.tab",
    "tikdesk.ui.posts.tab",
    "tikdesk.ui.calendar.tab",
    "tikdesk.ui.people.tab",
    "tikdesk.ui.analytics.tab",
)


def import_for_the_database() -> None:
    """Import the database layers and configure the ORM (run off the GUI thread)."""
    import importlib

    for name in _DATABASE_MODULES:
        importlib.import_module(name)
    from sqlalchemy.orm import configure_mappers

    configure_mappers()  # else the first ORM query on the GUI thread does it (~50 ms)


def keep_no_import_sources() -> None:
    """Let PySide6 read the modules imported after it without keeping their source.

    Its import hook (``shibokensupport.feature``) asks ``inspect.getsource`` of every module
    whether it uses PySide6, and ``linecache`` keeps each line it read: some 40 MB once all
    tabs are built (issue 21).  The check still runs; what it read is forgotten at once (a
    traceback reads the lines it shows again).  Nothing happens if PySide6 changes this."""
    import linecache

    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None or getattr(check, "keeps_no_source", False):
        return

    def uses_pyside(module: object) -> bool:
        known = set(linecache.cache)
        try:
            return bool(check(module))
        finally:
            for name in linecache.cache.keys() - known:
                linecache.cache.pop(name, None)

    uses_pyside.keeps_no_source = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


def _apply_look_and_language(qapp: QApplication, lang: str | None) -> QSettings:
    """The window icon, the theme's colours, the settings and the UI language with its
    translators (``lang`` from ``--lang`` wins over the saved choice); returns the settings."""
    from tikdesk.ui.help import app_icon

    qapp.setWindowIcon(app_icon())
    from tikdesk.ui import theme

    theme.apply(qapp)  # selection, placeholder and status colours that pass (issue 23)
    settings = make_settings()
    language = ui_language(settings, lang)
    set_language(language)
    install_translators(qapp, language)
    return settings


def _database_path(args: argparse.Namespace) -> Path | str:
    """The smoke test's temporary database (never the user's data), else the demo's or the
    one asked for."""
    if args.smoke_test:
        from tikdesk import smoke

        return smoke.database_path()
    return paths.demo_db_path() if args.demo else paths.db_path_from(args.db)


def run_gui(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    keep_no_import_sources()  # PySide6's import hook is in place from here on

    from tikdesk.ui.crash import CrashDialog, CrashHandler

    if args.smoke_test:  # temporary data folder, no modal boxes, no network (tikdesk/smoke.py)
        from tikdesk import smoke

        smoke.prepare(args)
    setup_logging(paths.log_dir())
    crash = CrashHandler(paths.log_dir())
    last_crash = crash.previous_hard_crash()
    crash.install()

    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName("")
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    settings = _apply_look_and_language(qapp, args.lang)

    gui = GuiApp(qapp, settings)
    demo = args.demo or args.smoke_test
    db_path = _database_path(args)
    from tikdesk import bench_probe  # benchmarks/ only: report "shown"/"filled" and quit

    probe = bench_probe.requested()
    # The window first, with its menus and "Opening the database …"; the database after the
    # first paint, off the GUI thread (issue 21).
    shell = gui.show_shell()
    if args.smoke_test:
        if not gui.open(db_path, demo=demo):
            return 1
        code = smoke.run_smoke_test(gui)
        crash.uninstall()
        return code
    failed: list[bool] = []

    def start() -> None:
        if probe == "rows":  # the first paint's moment, to time the first rows from it
            bench_probe.report("shown")
        off_gui_thread(import_for_the_database)
        if not gui.open(db_path, demo=demo, incremental=True):
            failed.append(True)
            qapp.exit(1)
            return
        window = gui.window
        assert window is not None
        if probe:
            bench_probe.install(window, probe)
        if last_crash:
            QTimer.singleShot(
                0, lambda: CrashDialog.ask(last_crash, paths.log_dir(), hard_crash=True)
            )
        if not args.smoke_test and not probe:
            from tikdesk.ui.firststart.dialog import offer  # once, on a fresh database

            QTimer.singleShot(0, lambda: offer(window))

    if probe == "shown":  # the benchmark's first paint: the database is not opened
        shell.call_after_first_paint(lambda: bench_probe.install(shell, probe))
    else:
        shell.call_after_first_paint(start)
    code = qapp.exec()
    if gui.window is not None and gui.window.attached:
        gui.window.ctx.db.close()
    crash.uninstall()
    return 1 if failed else code
