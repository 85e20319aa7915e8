"""``tikdesk --smoke-test``: prove that a (frozen) build can show every screen, then exit.

IT and CI run it on a fresh machine or a freshly built bundle.  It never touches the user's
data: :func:`prepare` (called by ``app.run_gui`` before anything else) points TikDesk's data
folder at a new temporary folder, makes every message box a recorded line instead of a modal
window, arms a watchdog and forbids network access.  ``app.run_gui`` then opens the main window
on a temporary demo database and calls :func:`run_smoke_test`, which

- checks the bundled resources (translations loaded, checklists, manual, icon),
- visits every tab (``refresh()`` and, where a tab has one, ``smoke_test()`` — the analytics tab
  renders every chart there, the ideas tab both its views), renders it and saves a picture,
- renders every chart still found (pyqtgraph views) and the built-in manual,
- writes the management report (workbook and PDF) into the temporary folder,

and exits 0 — or 1 naming the first step that failed.  A warning or error message that would
have been shown to a user, an uncaught exception, a modal dialog or a network attempt all fail
the test.  Every line goes to stdout (when there is one: the Windows window build has none, use
``tikdesk-cli.exe``) and to ``smoke-test.log`` in the temporary folder, which is kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import faulthandler
import functools
import os
import socket
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from tikdesk.app import GuiApp
    from tikdesk.ui.analytics.tab import AnalyticsTab
    from tikdesk.ui.ideas.tab import IdeasTab
    from tikdesk.ui.main_window import MainWindow

#: hard limit for the whole run; a hang is reported with every thread's stack, then exit 1
TIMEOUT_ENV = "TIKDESK_SMOKE_TIMEOUT"
DEFAULT_TIMEOUT_S = 300
#: how long a tab may keep loading in a background worker after being shown
SETTLE_S = 10.0


class SmokeFailure(RuntimeError):
    """A step failed; the message says which and why."""


@dataclass
class _State:
    folder: Path | None = None
    log: IO[str] | None = None
    problems: list[str] = field(default_factory=list)  # failures seen since the last step
    network: list[str] = field(default_factory=list)  # network attempts (never cleared)


_state = _State()


def folder() -> Path:
    """The temporary folder of this run (data, database, pictures, report, log)."""
    if _state.folder is None:
        _state.folder = Path(tempfile.mkdtemp(prefix="tikdesk-smoke-"))
    return _state.folder


def database_path() -> Path:
    return folder() / "smoke.sqlite"


def say(line: str) -> None:
    """One line of the protocol: stdout (if any) and ``smoke-test.log``."""
    text = f"smoke: {line}"
    if sys.stdout is not None:
        print(text, flush=True)
    if _state.log is not None:
        _state.log.write(text + "\n")
        _state.log.flush()


# ------------------------------------------------------------------------------ preparation
def prepare(args: argparse.Namespace) -> Path:
    """Isolate and harden the run; call before paths, logging or Qt are set up."""
    work = folder()
    os.environ["TIKDESK_HOME"] = str(work / "home")  # logs, settings, backups: all temporary
    os.environ.pop("TIKDESK_DB", None)
    if getattr(args, "lang", None) is None:
        args.lang = "de"  # the shipped language: proves the translations are in the bundle
    _state.log = (work / "smoke-test.log").open("a", encoding="utf-8")
    timeout = int(os.environ.get(TIMEOUT_ENV) or DEFAULT_TIMEOUT_S)
    # A hang (a modal loop we did not catch, a deadlock) ends the process with the stacks.
    faulthandler.dump_traceback_later(timeout, exit=True, file=_state.log)
    _forbid_network()
    _make_messages_non_interactive()
    say(
        f"TikDesk {_version()} on {sys.platform}, frozen={bool(getattr(sys, 'frozen', False))}, "
        f"folder {work}"
    )
    return work


def _version() -> str:
    from tikdesk import __version__

    return __version__


def _forbid_network() -> None:
    """Record (and refuse) every attempt to open an internet socket or resolve a name.

    An audit hook cannot be removed again, so no code that runs later can switch it off.
    Local (AF_UNIX) sockets stay allowed: on Linux Qt talks to the session bus through one.
    """
    unix = getattr(socket, "AF_UNIX", None)

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event in (
            "socket.getaddrinfo",
            "socket.gethostbyname",
            "socket.gethostbyaddr",
            "socket.gethostbyname_ex",
        ):
            attempt = f"{event}{args[:2]!r}"
        elif event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"):
            sock = args[0]
            if unix is not None and getattr(sock, "family", None) == unix:
                return
            attempt = f"{event}({args[1]!r})"
        else:
            return
        _state.network.append(attempt)
        raise PermissionError(f"TikDesk smoke test: network access refused: {attempt}")

    sys.addaudithook(hook)


def _make_messages_non_interactive() -> None:
    """Message boxes and the crash dialog become recorded lines; warnings fail the test."""
    from tikdesk.ui import crash, messages

    def record(_parent: object, kind: str, title: str, text: str) -> bool:
        say(f"message ({kind}) {title}: {text}")
        if kind in ("warning", "error"):
            _state.problems.append(f"{kind} shown to the user: {title}: {text}")
        return False  # questions are answered "no": the smoke test changes nothing

    def crash_dialog(details: str, _log_dir: Path, *, hard_crash: bool = False) -> None:
        _state.problems.append("crash dialog: " + details.strip().splitlines()[-1])
        say("crash dialog would open:\n" + details)

    messages.handler = record
    crash.CrashDialog.ask = staticmethod(crash_dialog)  # type: ignore[assignment,method-assign]


# ------------------------------------------------------------------------------ the run
def run_smoke_test(gui: GuiApp) -> int:
    """Visit everything; 0 when all steps passed, else 1 (the reason is printed)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window = gui.window
    if window is None:
        say("FAILED: the main window did not open")
        return _finish(1)
    watchdog = QTimer()
    watchdog.timeout.connect(_close_modal_dialogs)
    watchdog.start(250)
    step = "start"
    try:
        for step, fn in _steps(gui):
            started = time.monotonic()
            detail = fn()
            QApplication.processEvents()
            _raise_problems()
            say(
                f"{step}: ok{f' ({detail})' if detail else ''} [{time.monotonic() - started:.1f} s]"
            )
    except Exception as exc:  # the reason is the product of this function
        if not isinstance(exc, SmokeFailure):
            say("".join(traceback.format_exception(exc)).rstrip())
        say(f"FAILED at {step}: {exc}")
        return _finish(1, gui)
    finally:
        watchdog.stop()
    say(f"ok — pictures, report and log in {folder()}")
    return _finish(0, gui)


def _steps(gui: GuiApp) -> list[tuple[str, Callable[[], str | None]]]:
    window = gui.window
    assert window is not None
    steps: list[tuple[str, Callable[[], str | None]]] = [
        ("resources", _check_resources),
        ("translations", lambda: _check_translations(window)),
        ("locale", _check_locale),
    ]
    for index in range(window.tabs.count()):
        name = _plain(window.tabs.tabText(index))
        steps.append((f"tab {index + 1} {name}", functools.partial(_visit_tab, window, index)))
    steps += [
        ("charts", lambda: _render_charts(window)),
        ("manual", lambda: _render_manual(window)),
        ("report", lambda: _write_report(window)),
        ("team", lambda: _open_team_dialog(window)),
        ("network", _check_network),
    ]
    return steps


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _raise_problems() -> None:
    if _state.problems:
        problems, _state.problems = list(_state.problems), []
        raise SmokeFailure("; ".join(problems))


def _close_modal_dialogs() -> None:
    """A modal dialog would wait for a click forever: record it as a failure and close it."""
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    widget = QApplication.activeModalWidget()
    if widget is None:
        return
    text = widget.text() if isinstance(widget, QMessageBox) else ""
    _state.problems.append(f"modal dialog opened: {widget.windowTitle()} {text}".strip())
    say(f"closing modal dialog {widget.windowTitle()!r}")
    if isinstance(widget, QDialog):
        widget.reject()
    else:
        widget.close()


def _check_resources() -> str:
    from tikdesk import paths

    base = paths.resource_dir()
    required = [
        base / "checklists" / "general.toml",
        base / "icons" / "tikdesk.png",
        base / "manual" / "de" / "index.html",
        base / "manual" / "en" / "index.html",
    ]
    qms = sorted((base / "i18n").glob("*_de.qm"))
    missing = [str(p) for p in required if not p.is_file()]
    if not qms:
        missing.append(str(base / "i18n" / "*_de.qm"))
    if missing:
        raise SmokeFailure("missing resources: " + ", ".join(missing))
    from tikdesk.storage import migrations

    scripts = list((migrations.HERE / "versions").glob("*.py"))
    if not scripts:
        raise SmokeFailure(f"no migration scripts in {migrations.HERE / 'versions'}")
    return f"{len(qms)} translations, {len(scripts)} migrations, in {base}"


def _check_translations(window: QWidget) -> str:
    """German is the shipped language: TikDesk's own and Qt's strings must both be German."""
    from PySide6.QtCore import QCoreApplication

    from tikdesk.domain.i18n import language

    if language() != "de":
        return f"language {language()}, not checked"
    title = window.menu_file.title()  # type: ignore[attr-defined]
    qt_own = QCoreApplication.translate("QPlatformTheme", "Cancel")
    if title != "&Datei":
        raise SmokeFailure(f"TikDesk's translation is not loaded (File menu is {title!r})")
    if qt_own == "Cancel":
        raise SmokeFailure("Qt's own German translation (qtbase_de.qm) is not loaded")
    return f"menu {_plain(title)!r}, Qt {qt_own!r}"


def _check_locale() -> str:
    """Qt's locale services for German: on Linux they come from ICU, whose data the bundle
    ships only for German and English (packaging/slim.py)."""
    from PySide6.QtCore import QCollator, QLocale, QTimeZone

    collator = QCollator(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    words = ["Zebra", "Ölung", "Äpfel", "Apfel", "Ober"]
    ordered = sorted(words, key=collator.sortKey)
    if ordered != ["Apfel", "Äpfel", "Ober", "Ölung", "Zebra"]:
        raise SmokeFailure(f"German collation sorts {ordered}")
    upper = QLocale(QLocale.Language.German).toUpper("straße")
    if upper != "STRASSE":
        raise SmokeFailure(f"German upper case of 'straße' is {upper!r}")
    detail = f"collation {' < '.join(ordered[:2])}, upper case {upper}"
    if sys.platform.startswith("linux"):  # Windows names zones in its own UI language
        zone = QTimeZone(b"Europe/Berlin").displayName(
            QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("de_DE")
        )
        if zone != "Mitteleuropäische Normalzeit":
            raise SmokeFailure(f"German time zone name is {zone!r}")
        detail += f", zone {zone!r}"
    return detail


def _open_team_dialog(window: MainWindow) -> str:
    """Einstellungen → Team-Datenbank opens, and the PostgreSQL driver it connects with loads:
    psycopg with its C implementation and libpq (psycopg_binary), through SQLAlchemy's
    dialect.  No connection is made (the smoke test allows none)."""
    from PySide6.QtWidgets import QApplication

    from tikdesk.storage.engine import make_server_engine, server_url
    from tikdesk.ui.team.connect import TeamDatabaseDialog

    dialog = TeamDatabaseDialog(window.settings, window)
    try:
        dialog.show()  # not modal: the watchdog fails the test on a modal dialog
        QApplication.processEvents()
        if dialog.grab().isNull():
            raise SmokeFailure("the team database dialog rendered nothing")
    finally:
        dialog.close()
        dialog.deleteLater()
    engine = make_server_engine(server_url("postgresql://tikdesk-smoke.invalid/tikdesk"))
    try:
        import psycopg

        impl = psycopg.pq.__impl__
        if impl != "binary":
            raise SmokeFailure(f"psycopg runs its {impl!r} implementation, not 'binary'")
        libpq = psycopg.pq.version()
    finally:
        engine.dispose()
    return f"dialog shown, {engine.dialect.driver} {psycopg.__version__} ({impl}, libpq {libpq})"


def _visit_tab(window: QWidget, index: int) -> str:
    from PySide6.QtWidgets import QApplication

    tabs = window.tabs  # type: ignore[attr-defined]
    tabs.setCurrentIndex(index)
    tab = tabs.widget(index)
    _settle(tab)
    refresh = getattr(tab, "refresh", None)
    if refresh is not None:
        refresh()
        _settle(tab)
    smoke = _tab_check(tab)
    if smoke is not None:
        smoke()
        QApplication.processEvents()
    image = window.grab()
    if image.isNull() or image.width() == 0:
        raise SmokeFailure("the window rendered nothing")
    picture = folder() / f"tab-{index + 1}-{type(tab).__name__}.png"
    image.save(str(picture))
    return f"{type(tab).__name__}{', smoke_test()' if smoke is not None else ''}"


def _tab_check(tab: QWidget) -> Callable[[], object] | None:
    """What a visit checks beyond the tab's picture: the analytics tab renders every chart,
    the ideas tab its board and its table."""
    from tikdesk.ui.analytics.tab import AnalyticsTab
    from tikdesk.ui.ideas.tab import IdeasTab

    if isinstance(tab, AnalyticsTab):
        return functools.partial(render_every_chart, tab)
    if isinstance(tab, IdeasTab):
        return functools.partial(render_both_idea_views, tab)
    return getattr(tab, "smoke_test", None)


def render_both_idea_views(tab: IdeasTab) -> str:
    """The ideas tab renders as board and as table, then shows the view it had."""
    current = tab.current_view_name()
    for name in ("board", "table"):
        tab.set_view(name, remember=False)
        if tab.grab().isNull():
            raise SmokeFailure(f"the ideas {name} rendered nothing")
    tab.set_view(current, remember=False)
    return "board and table"


def render_every_chart(tab: AnalyticsTab) -> str:
    """Every chart of the analytics tab renders, also as a table; raises when one does not."""
    board = tab.ensure_board()
    tab.redraw()
    for panel, image in zip(board.panels, board.images(), strict=True):
        if image.isNull() or image.width() == 0:
            raise SmokeFailure(f"chart '{panel.title}' rendered nothing")
        shown_as_table = panel.table_button.isChecked()
        panel.set_table_mode(True)
        panel.set_table_mode(shown_as_table)
    return f"{len(board.panels)} charts"


def _settle(tab: QWidget) -> None:
    """Let background loading finish: workers in the thread pool and ``is_loaded()``."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + SETTLE_S
    loaded = getattr(tab, "is_loaded", None)
    while True:
        QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(50)
        QApplication.processEvents()
        busy = QThreadPool.globalInstance().activeThreadCount() > 0
        if not busy and (loaded is None or loaded()):
            return
        if time.monotonic() > deadline:
            raise SmokeFailure(f"{type(tab).__name__} still loading after {SETTLE_S:.0f} s")


def _render_charts(window: QWidget) -> str:
    """Every chart view in the window (pyqtgraph draws into QGraphicsViews) renders."""
    from PySide6.QtWidgets import QGraphicsView

    views = [v for v in window.findChildren(QGraphicsView) if v.width() > 0]
    for view in views:
        if view.grab().isNull():
            raise SmokeFailure(f"chart {view.objectName() or type(view).__name__} is empty")
    return f"{len(views)} chart views rendered"


def _render_manual(window: MainWindow) -> str:
    """The manual loads in every language, with its chapters and every picture."""
    from tikdesk.domain.i18n import language
    from tikdesk.ui.help import manual

    viewer = manual.ManualWindow(window)
    report: list[str] = []
    try:
        for code, _name in manual.LANGUAGES:
            viewer.set_language(code)
            if manual.manual_file(code) != manual.manual_dir(code) / "index.html":
                raise SmokeFailure(f"manual page for {code!r} missing: {manual.manual_file(code)}")
            missing = viewer.missing_images()
            if missing:
                raise SmokeFailure(f"manual {code}: pictures missing: {', '.join(missing)}")
            if len(viewer.headings()) < 3 or viewer.grab().isNull():
                raise SmokeFailure(f"manual {code} is empty")
            images = viewer.browser.document().toHtml().count("<img")
            report.append(f"{code}: {len(viewer.headings())} chapters, {images} pictures")
        viewer.set_language(language())
    finally:
        viewer.close()
        viewer.deleteLater()
    return "; ".join(report)


def _write_report(window: QWidget) -> str:
    """The management report of the last 90 days, workbook and PDF, as a user would make it."""
    from tikdesk.services.report import ReportService, report_period

    ctx = window.ctx  # type: ignore[attr-defined]
    end = ctx.clock.today()
    period = report_period(end - dt.timedelta(days=89), end)
    out = folder() / "report"
    out.mkdir(exist_ok=True)
    files = ReportService(ctx).create(period, out / "bericht.xlsx", pdf=out / "bericht.pdf")
    written = [files.workbook, *([files.pdf] if files.pdf else [])]
    empty = [str(p) for p in written if not p.is_file() or p.stat().st_size == 0]
    if empty or files.pdf is None:
        raise SmokeFailure(f"report files missing or empty: {empty or 'no PDF'}")
    sizes = ", ".join(f"{p.name} {p.stat().st_size // 1024} KiB" for p in written)
    return sizes


def _check_network() -> str:
    if _state.network:
        raise SmokeFailure("network access attempted: " + "; ".join(_state.network))
    return "no connection attempted"


def _finish(code: int, gui: GuiApp | None = None) -> int:
    if gui is not None and gui.window is not None:
        window = gui.window
        window.close()
        window.ctx.db.close()
    faulthandler.cancel_dump_traceback_later()
    if _state.network and code == 0:
        say("FAILED: network access attempted: " + "; ".join(_state.network))
        code = 1
    say(f"exit {code}")
    if _state.log is not None:
        _state.log.close()
        _state.log = None
    return code
