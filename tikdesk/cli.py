"""Command line: ``tikdesk [--db PATH] COMMAND …`` — headless use of the same services.

Exit status, a contract scripts rely on: 0 done, 1 input rejected / nothing written (the
message on stderr says why), 2 wrong usage, 130 cancelled with Ctrl+C (the message says
whether anything had been saved).  Bad input never prints a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from tikdesk import __version__, paths
from tikdesk.domain.errors import DatabaseError, TikDeskError
from tikdesk.domain.fmt import fmt_date, fmt_int
from tikdesk.domain.i18n import language, msg
from tikdesk.logsetup import logging_to

if TYPE_CHECKING:  # the window parses its arguments here before SQLAlchemy loads (issue 21)
    from tikdesk.services.context import AppContext

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl+C (128 + SIGINT), as shells report it

Handler = Callable[[argparse.Namespace, "AppContext"], int]

log = logging.getLogger(__name__)


# ---------------------------------------------------------------- console output
# Printing must never turn a finished job into a failure: a Windows console or a redirected
# output in cp1252 (or ASCII) cannot show "→" or "„", a pipe may be closed early (``| more``
# quit).  The exit status says what happened to the data, not to the output.

#: Plain stand-ins for characters an output encoding lacks (anything else becomes "?").
_PLAIN = {
    "→": "->", "←": "<-", "⇒": "=>", "–": "-", "—": "-", "−": "-", "„": '"', "“": '"',
    "”": '"', "‚": "'", "‘": "'", "’": "'", "«": '"', "»": '"', "…": "...", "×": "x",
    "✓": "OK", "✔": "OK", "✗": "X", "•": "*", "·": "*", "\u00a0": " ", "\u202f": " ",
    "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "é": "e",
}  # fmt: skip


def _encodable(text: str, encoding: str) -> str:
    """``text`` with every character ``encoding`` cannot write replaced by a plain one."""
    out: list[str] = []
    for char in text:
        try:
            char.encode(encoding)
        except UnicodeEncodeError:
            out.append(_PLAIN.get(char, "?"))
        else:
            out.append(char)
    return "".join(out)


class SafeStream:
    """Stands in for ``sys.stdout``/``sys.stderr`` while a command runs: what the encoding
    cannot show is replaced, a closed pipe or console is noted instead of raising."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner
        self.broken = False  # the other end is gone (BrokenPipeError, closed file)

    def write(self, text: str) -> int:
        try:
            return self.inner.write(text)
        except UnicodeEncodeError:
            try:
                return self.inner.write(_encodable(text, self.inner.encoding or "ascii"))
            except (OSError, ValueError, LookupError, UnicodeError):
                self.broken = True
        except (OSError, ValueError):
            self.broken = True
        return len(text)

    def flush(self) -> None:
        try:
            self.inner.flush()
        except (OSError, ValueError):
            self.broken = True

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@contextmanager
def safe_console() -> Iterator[None]:
    """Make printing safe for the time of a command (see :class:`SafeStream`).

    The streams are put back afterwards.  When the output pipe was closed, the standard
    output is pointed at the null device so that Python's own final flush cannot fail either.
    """
    saved = sys.stdout, sys.stderr
    wrapped = [SafeStream(s) if s is not None else None for s in saved]
    sys.stdout, sys.stderr = wrapped
    try:
        yield
    finally:
        for stream in wrapped:
            if stream is not None:
                stream.flush()
        if sys.stdout is wrapped[0]:
            sys.stdout = saved[0]
        if sys.stderr is wrapped[1]:
            sys.stderr = saved[1]
        for stream in wrapped:
            if stream is not None and stream.broken:
                _silence(stream.inner)


def _silence(stream: TextIO) -> None:
    """Point a stream whose reader has gone at the null device (Python's documented remedy
    for a closed pipe), so that the data still buffered in it goes nowhere without error."""
    try:
        fd = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError, AttributeError):
        return
    try:
        os.dup2(null, fd)
    except OSError:
        pass
    finally:
        os.close(null)


# ---------------------------------------------------------------- argparse in German
# argparse's own words ("usage:", "options", its error messages) come from gettext, which
# has no German catalogue here.  While one of our parsers works, argparse's ``_``/``ngettext``
# are pointed at this table (and put back afterwards, so other parsers are untouched).
ARGPARSE_DE = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Argumente",
    "options": "Optionen",
    "optional arguments": "Optionen",
    "subcommands": "Befehle",
    "%(heading)s:": "%(heading)s:",
    " (default: %(default)s)": " (Vorgabe: %(default)s)",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "show program's version number and exit": "Versionsnummer zeigen und beenden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: Warnung: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "Argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "one of the arguments %s is required": "eine dieser Angaben fehlt: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "expected one argument": "erwartet einen Wert",
    "expected at most one argument": "erwartet höchstens einen Wert",
    "expected at least one argument": "erwartet mindestens einen Wert",
    "expected %s argument": "erwartet %s Wert",
    "expected %s arguments": "erwartet %s Werte",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ungültige Auswahl: %(value)r (möglich: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ungültiger Wert (%(type)s): %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "mehrdeutige Option: %(option)s kann %(matches)s bedeuten"
    ),
    "not allowed with argument %s": "nicht zusammen mit %s erlaubt",
    "ignored explicit argument %r": "überzähliger Wert %r",
    "unexpected option string: %s": "unerwartete Option: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "unbekannter Befehl %(parser_name)r (möglich: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "„%(filename)s“ lässt sich nicht öffnen: %(error)s",
    'argument "-" with mode %r': "Argument „-“ mit Modus %r",
    "command '%(parser_name)s' is deprecated": "Befehl „%(parser_name)s“ ist veraltet",
    "argument '%(argument_name)s' is deprecated": "Argument „%(argument_name)s“ ist veraltet",
    "option '%(option)s' is deprecated": "Option „%(option)s“ ist veraltet",
}


def _argparse_text(text: str) -> str:
    return ARGPARSE_DE.get(text, text) if language() == "de" else text


def _argparse_ntext(singular: str, plural: str, count: int) -> str:
    return _argparse_text(singular if count == 1 else plural)


@contextmanager
def _argparse_words() -> Iterator[None]:
    saved = argparse.__dict__["_"], argparse.__dict__["ngettext"]
    setattr(argparse, "_", _argparse_text)  # noqa: B010 - a module global mypy does not know
    setattr(argparse, "ngettext", _argparse_ntext)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


class Parser(argparse.ArgumentParser):
    """An ArgumentParser speaking the user's language, argparse's own words included."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _argparse_words():  # "positional arguments", "options", -h's help
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with _argparse_words():
            return super().add_subparsers(**kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        with _argparse_words():  # the --version help since Python 3.12
            return super().add_argument(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with _argparse_words():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with _argparse_words():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _argparse_words():
            return super().format_usage()

    def format_help(self) -> str:
        with _argparse_words():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with _argparse_words():
            super().error(message)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="tikdesk",
        description=msg(
            "TikDesk – TikTok-Redaktion für Behörden. Ohne Befehl startet das Programmfenster.",
            "TikDesk – TikTok desk for public bodies. Without a command the window opens.",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"TikDesk {__version__}",
        help=msg("Versionsnummer zeigen und beenden", "show the version number and exit"),
    )
    parser.add_argument(
        "--db",
        metavar=msg("PFAD", "PATH"),
        help=msg(
            "Datenbankdatei oder Team-Datenbank postgresql://server[:port]/datenbank (sonst "
            "TIKDESK_DB oder die Standarddatei)",
            "database file or team database postgresql://host[:port]/dbname (else "
            "TIKDESK_DB or the default file)",
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=msg(
            "Beispieldatenbank öffnen (Ihre Daten bleiben unberührt)",
            "open the demo database (your data is not touched)",
        ),
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help=msg(
            "Selbsttest: Fenster auf Demodaten bauen, alle Reiter besuchen, beenden",
            "self-test: build the window on demo data, visit every tab, exit",
        ),
    )
    parser.add_argument(
        "--lang",
        choices=["de", "en"],
        help=msg("Sprache der Oberfläche", "user interface language"),
    )
    sub = parser.add_subparsers(dest="command", metavar=msg("BEFEHL", "COMMAND"))
    for register in _REGISTRARS:
        register(sub)
    return parser


# Each feature adds a function that registers its sub-commands (parser.set_defaults(handler=…)).
_REGISTRARS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = []


def registrar(
    fn: Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None],
) -> Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]:
    _REGISTRARS.append(fn)
    return fn


def open_context(args: argparse.Namespace, *, write: bool = True) -> AppContext:
    """Open the database named by ``--db``/``TIKDESK_DB``/default for a command.

    Write commands take the lock (another TikDesk holding it → exit 1 naming who).  Read
    commands (``set_defaults(writes=False)``: report, backup, check, exports) take no lock
    and cannot write: SQLite's read transaction gives them a consistent view, a long report
    does not block an import, and a killed report leaves no lock behind.  A read command
    never creates or migrates a database: a missing or empty file, or one that is not a
    TikDesk database of this version, is refused (``creates_db`` defaults to ``writes``).
    Parsers may also set ``quick_check=False``.
    """
    from tikdesk.services import safety
    from tikdesk.services.context import AppContext

    path = _database_path(args)

    def open_it() -> AppContext:
        db = safety.open_database_safely(
            path,
            backup_dir=paths.backup_dir(),
            reader=not write,
            must_exist=not getattr(args, "creates_db", write),
            migrate=write,
            quick_check=getattr(args, "quick_check", True),
            for_restore=getattr(args, "restores", False),
        )
        return AppContext(db=db, backup_dir=paths.backup_dir())

    try:
        return open_it()
    except safety.DatabaseDamaged:
        if not getattr(args, "recover_damaged", False):
            raise
    moved = safety.quarantine_damaged(Path(path))  # `restore` on a damaged file: keep it aside
    print(
        msg(
            f"tikdesk: die beschädigte Datenbank bleibt erhalten als {moved}",
            f"tikdesk: the damaged database is kept as {moved}",
        ),
        file=sys.stderr,
    )
    return open_it()


def _database_path(args: argparse.Namespace) -> Path | str:
    """``--demo``: the demo database, created and filled as the window does it; else the file
    named by ``--db``/``TIKDESK_DB``/default."""
    if not getattr(args, "demo", False):
        return paths.db_path_from(args.db)
    from tikdesk.demo import ensure_demo_data
    from tikdesk.services import safety
    from tikdesk.services.context import AppContext

    path = paths.demo_db_path()
    try:
        db = safety.open_database_safely(path, backup_dir=paths.backup_dir())
    except safety.DatabaseInUse:  # the window has the demo open: it has filled it already
        return path
    try:
        ensure_demo_data(AppContext(db=db, backup_dir=paths.backup_dir()))
    finally:
        db.close()
    log.info("demo database ready: %s", path)
    return path


def _open_for(args: argparse.Namespace) -> AppContext:
    """open_context for the command; a ``--dry-run`` writes nothing, so when another TikDesk
    holds the write lock it opens the database read-only instead of refusing."""
    from tikdesk.services.safety import DatabaseInUse

    writes = getattr(args, "writes", True)
    try:
        return open_context(args, write=writes)
    except DatabaseInUse:
        if not (writes and getattr(args, "dry_run", False)):
            raise
    return open_context(args, write=False)


def run(args: argparse.Namespace) -> int:
    """Run the sub-command in ``args``; known errors become a message and exit 1.

    Ctrl+C ends the command with exit 130 and says whether anything had been saved: every
    change is one transaction, so it is either saved in full or not at all.
    """
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        build_parser().print_help(sys.stderr)
        return EXIT_USAGE
    if getattr(args, "demo", False) and args.db:
        print(
            msg(
                "tikdesk: --demo und --db schließen sich aus: --demo arbeitet immer mit der "
                "Beispieldatenbank.",
                "tikdesk: --demo and --db exclude each other: --demo always works on the demo "
                "database.",
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    with logging_to(paths.log_dir()):  # the same log file as the window's
        log.info("command %s started (TikDesk %s)", args.command, __version__)
        try:
            code = _run(args, handler)
        except BaseException:
            log.exception("command %s failed", args.command)
            raise
        log.info("command %s ended: exit %d", args.command, code)
        return code


def _run(args: argparse.Namespace, handler: Handler) -> int:
    args.saved = False  # set once a transaction commits (or a handler wrote outside one)
    ctx: AppContext | None = None
    if not getattr(args, "needs_db", True):  # e.g. admin print-setup-sql
        return handler(args, None)  # type: ignore[arg-type]
    try:
        ctx = _open_for(args)
        log.info("command %s: database %s", args.command, ctx.db.name)
        _note_commits(ctx, args)
        return handler(args, ctx)
    except TikDeskError as exc:
        # A refusal's text may name a person: only file problems are logged in words.
        reason = str(exc) if isinstance(exc, DatabaseError) else type(exc).__name__
        log.warning("command %s refused: %s", args.command, reason)
        print(f"tikdesk: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    except Exception as exc:  # a damaged page met mid-export: one sentence, details logged
        from tikdesk.services.safety import database_failure

        db_path = ctx.db.path if ctx is not None else Path(str(paths.db_path_from(args.db)))
        known = database_failure(db_path, paths.backup_dir(), exc)
        if known is None:
            raise
        print(f"tikdesk: {known}", file=sys.stderr)
        return EXIT_REJECTED
    except KeyboardInterrupt:
        log.warning("command %s cancelled with Ctrl+C; saved: %s", args.command, args.saved)
        print(interrupted_message(saved=args.saved), file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if ctx is not None:
            _close_uninterrupted(ctx)


def interrupted_message(*, saved: bool = False) -> str:
    if saved:
        return msg(
            "tikdesk: abgebrochen – die Änderungen waren schon vollständig gespeichert und "
            "bleiben erhalten.",
            "tikdesk: cancelled – the changes had already been saved in full and are kept.",
        )
    return msg(
        "tikdesk: abgebrochen – nichts geschrieben.", "tikdesk: cancelled – nothing written."
    )


def _note_commits(ctx: AppContext, args: argparse.Namespace) -> None:
    """Set ``args.saved`` when a transaction of the command commits.

    SQLAlchemy announces a commit just before SQLite's COMMIT, which Ctrl+C cannot split
    (SQLite commits in one C call); only an interrupt within those few instructions in
    between would be reported as saved although the transaction rolled back.
    """
    from sqlalchemy import event

    def committed(_conn: object) -> None:
        args.saved = True

    event.listen(ctx.db.engine, "commit", committed)


def _close_uninterrupted(ctx: AppContext) -> None:
    """Close the database (release the lock) even when Ctrl+C is pressed again meanwhile."""
    import signal
    import threading

    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if in_main else None
    try:
        ctx.db.close()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


# ---------------------------------------------------------------------------- commands
# Sub-commands are registered below by feature, each with @registrar.


# ---------------------------------------------------------------- data safety (issue 7)
@registrar
def _register_safety(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = sub.add_parser(
        "backup", help=msg("Sicherung der Datenbank anlegen", "back up the database")
    )
    backup.add_argument(
        "--to",
        metavar=msg("DATEI", "FILE"),
        help=msg(
            "neue Zieldatei; eine vorhandene Datei wird nie überschrieben (sonst der "
            "Sicherungsordner)",
            "new target file; an existing file is never overwritten (else the backup folder)",
        ),
    )
    backup.set_defaults(handler=_cmd_backup, writes=False, creates_db=False)
    check = sub.add_parser(
        "check",
        help=msg(
            "Datenbank prüfen (Exit 0 in Ordnung, 1 nicht)",
            "check the database (exit 0 sound, 1 not)",
        ),
    )
    check.set_defaults(handler=_cmd_check, writes=False, creates_db=False, quick_check=False)
    restore = sub.add_parser(
        "restore",
        help=msg(
            "Datenbank aus einer Sicherung wiederherstellen (der jetzige Stand wird vorher "
            "gesichert)",
            "restore the database from a backup (the present state is backed up first)",
        ),
    )
    restore.add_argument("backup_file", metavar=msg("SICHERUNG", "BACKUP_FILE"))
    restore.set_defaults(handler=_cmd_restore, writes=True, recover_damaged=True, restores=True)


def _cmd_backup(args: argparse.Namespace, ctx: AppContext) -> int:
    from pathlib import Path

    from tikdesk.services.safety import MANUAL, SafetyService

    target = Path(args.to) if args.to else None
    info = SafetyService(ctx).backup(MANUAL, target=target)
    print(
        msg(
            f"Sicherung geschrieben und geprüft: {info.path} ({fmt_int(info.size)} Bytes)",
            f"Backup written and checked: {info.path} ({fmt_int(info.size)} bytes)",
        )
    )
    return EXIT_OK


def _cmd_check(args: argparse.Namespace, ctx: AppContext) -> int:
    from tikdesk.services.safety import SafetyService

    report = SafetyService(ctx).full_check()
    print(report.as_text(), file=sys.stdout if report.ok else sys.stderr)
    return EXIT_OK if report.ok else EXIT_REJECTED


def _cmd_restore(args: argparse.Namespace, ctx: AppContext) -> int:
    from pathlib import Path

    from tikdesk.services.safety import SafetyService

    def progress(done: int, total: int) -> bool:
        if done == total:  # the database file was replaced: Ctrl+C now cancels nothing
            args.saved = True
        return True

    result = SafetyService(ctx).restore(Path(args.backup_file), progress=progress)
    if result.safety_backup is not None:
        print(
            msg(
                f"Der bisherige Stand wurde gesichert: {result.safety_backup.path}",
                f"The previous state was backed up: {result.safety_backup.path}",
            )
        )
    print(
        msg(
            f"Wiederhergestellt aus {result.restored_from}.",
            f"Restored from {result.restored_from}.",
        )
    )
    return EXIT_OK


# ---------------------------------------------------------------- roles (issue 16)
@registrar
def _register_roles(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    roles = sub.add_parser(
        "roles",
        help=msg(
            "Konten und ihre Rollen zeigen, Rollen vergeben oder entziehen",
            "list accounts and their roles, grant or revoke roles",
        ),
        description=msg(
            "Ohne weitere Angabe: jedes Konto mit seinen Rollen (Redaktion = editor, "
            "Freigabe = approver, DSB = dsb). „grant“ und „revoke“ darf nur ein DSB-Konto; "
            "jede Änderung steht im Protokoll, und das letzte DSB-Konto behält seine Rolle.",
            "Without more: every account with its roles (editor, approver, dsb). Only a DSB "
            "account may grant or revoke; every change is audited, and the last DSB account "
            "keeps its role.",
        ),
    )
    roles.set_defaults(handler=_cmd_roles, writes=False, creates_db=False)
    actions = roles.add_subparsers(dest="roles_action", metavar=msg("AKTION", "ACTION"))
    for name, help_de, help_en in (
        ("grant", "einem Konto eine Rolle geben", "give an account a role"),
        ("revoke", "einem Konto eine Rolle entziehen", "take a role from an account"),
    ):
        action = actions.add_parser(name, help=msg(help_de, help_en))
        action.add_argument(
            "account",
            metavar=msg("KONTO", "ACCOUNT"),
            help=msg("Konto, z. B. DOMAENE\\name", "account, e.g. DOMAIN\\name"),
        )
        action.add_argument(
            "role",
            metavar="editor|approver|dsb",
            choices=["editor", "approver", "dsb"],
            help=msg("die Rolle", "the role"),
        )
        action.set_defaults(writes=True, creates_db=False)


def _cmd_roles(args: argparse.Namespace, ctx: AppContext) -> int:
    from tikdesk.domain.enums import Role
    from tikdesk.services.roles import RoleService

    service = RoleService(ctx)
    action = getattr(args, "roles_action", None)
    if action is None:
        for entry in service.accounts():
            held = " ".join(r.value for r in Role if r in entry.roles) or "-"
            print(f"{entry.account}\t{held}")
        return EXIT_OK
    role = Role(args.role)
    if action == "grant":
        changed = service.grant(args.account, role)
        done = msg("vergeben", "granted") if changed else msg("bestand schon", "already held")
    else:
        changed = service.revoke(args.account, role)
        done = msg("entzogen", "revoked") if changed else msg("bestand nicht", "was not held")
    args.saved = args.saved or changed
    print(f"{args.account.strip()}: {role.value} {done}")
    return EXIT_OK


# ---------------------------------------------------------------- analytics (issue 5)
@registrar
def _register_analytics(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser(
        "import-analytics",
        help=msg(
            "TikTok-Analysedaten importieren (ZIP, Ordner, CSV/XLSX)",
            "import TikTok analytics exports (ZIP, folder, CSV/XLSX)",
        ),
    )
    imp.add_argument("files", nargs="+", metavar=msg("DATEI_ODER_ORDNER", "FILE_OR_FOLDER"))
    imp.add_argument(
        "--account",
        metavar=msg("KONTO", "HANDLE"),
        help=msg(
            "Konto, zu dem die Dateien gehören (sonst aus dem Dateinamen)",
            "account the files belong to (else from the file name)",
        ),
    )
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help=msg("nur prüfen und zeigen, nichts schreiben", "check and show only, write nothing"),
    )
    imp.set_defaults(handler=_cmd_import_analytics)
    exp = sub.add_parser(
        "export-analytics",
        help=msg(
            "Tageswerte aller Konten als CSV/XLSX schreiben",
            "write every account's daily numbers as CSV/XLSX",
        ),
        description=msg(
            "Schreibt die Tageswerte aller Konten. CSV: durch „;“ getrennt, UTF-8 mit BOM "
            "(öffnet direkt in deutschem Excel). XLSX: Datumsspalte als echte Datumswerte. "
            "Eine vorhandene Datei wird ohne Rückfrage überschrieben – nie aber die "
            "Datenbank, ihre Begleitdateien oder eine Sicherung.",
            "Writes every account's daily numbers. CSV: ';'-separated, UTF-8 with BOM (opens "
            "directly in German Excel). XLSX: the date column holds real dates. "
            "An existing file is overwritten without asking – but never the database, its "
            "companion files or a backup.",
        ),
    )
    exp.add_argument(
        "out",
        metavar=msg("ZIEL.csv|ZIEL.xlsx", "OUT.csv|OUT.xlsx"),
        type=_file_ending(".csv", ".xlsx"),
        help=msg(
            "Zieldatei: .csv (;-getrennt, UTF-8 mit BOM, für deutsches Excel) oder .xlsx "
            "(echte Datumswerte)",
            "target file: .csv (;-separated, UTF-8 with BOM, for German "
            "Excel) or .xlsx (real dates)",
        ),
    )
    exp.set_defaults(handler=_cmd_export_analytics, writes=False)
    vid = sub.add_parser(
        "export-videos",
        help=msg(
            "Videozahlen (je Video und Stichtag) als CSV/XLSX schreiben",
            "write the per-video numbers (per video and snapshot) as CSV/XLSX",
        ),
        description=msg(
            "Eine Zeile je Video und Stichtag, sortiert nach Konto, Video und Stichtag; "
            "Spalten: account, video_id, link, title, posted, snapshot, views, likes, "
            "comments, shares, favourites, avg_watch_seconds, completion_rate, reach, "
            "approximate. CSV: durch „;“ getrennt, UTF-8 mit BOM. „approximate“ ist „yes“, "
            "wenn ein Wert der Zeile aus einer gerundeten Angabe (1.2K) stammt.",
            "One row per video and snapshot, sorted by account, video and snapshot; columns: "
            "account, video_id, link, title, posted, snapshot, views, likes, comments, shares, "
            "favourites, avg_watch_seconds, completion_rate, reach, approximate. CSV: "
            "';'-separated, UTF-8 with BOM. 'approximate' is 'yes' when a value of the row "
            "came from an abbreviated count (1.2K).",
        ),
    )
    _add_out(
        vid,
        (".csv", ".xlsx"),
        _TABLE_FILE,
        ("Zieldatei: .csv oder .xlsx", "target file: .csv or .xlsx"),
    )
    _add_account(vid, "nur die Videos dieses Kontos", "only the videos of this account")
    vid.set_defaults(handler=_cmd_export_videos, writes=False)


def _cmd_import_analytics(args: argparse.Namespace, ctx: AppContext) -> int:
    from tikdesk.services.analytics import AnalyticsService, preview_text

    # Any problem (unreadable file, row or cell) → every problem on stderr, nothing
    # written, exit 1 — also in a dry run (InputRejected from the service).
    preview, result = AnalyticsService(ctx).import_files(
        args.files, account=args.account, dry_run=args.dry_run
    )
    print(preview_text(preview, result))
    return EXIT_OK


def _table_target(args: argparse.Namespace) -> Path | None:
    """``args.out`` as the .csv/.xlsx file of a table export, or None after a usage message.

    The parser checked the ending already; a folder of that name is caught here (never
    raises, even for a name the file system refuses).
    """
    out = Path(args.out)
    if os.path.isdir(out) or out.suffix.lower() not in (".xlsx", ".csv"):
        print(
            msg(
                f"tikdesk {args.command}: „{out}“ muss eine Datei auf .csv oder .xlsx sein.",
                f"tikdesk {args.command}: '{out}' must be a file ending in .csv or .xlsx.",
            ),
            file=sys.stderr,
        )
        return None
    return out


def _rows_written(rows: int, args: argparse.Namespace) -> int:
    print(msg(f"{rows} Zeilen geschrieben: {args.out}", f"{rows} rows written: {args.out}"))
    return EXIT_OK


def _cmd_export_analytics(args: argparse.Namespace, ctx: AppContext) -> int:
    from tikdesk.services.analytics import AnalyticsService

    out = _table_target(args)
    if out is None:
        return EXIT_USAGE
    return _rows_written(AnalyticsService(ctx).export_daily(out), args)


def _cmd_export_videos(args: argparse.Namespace, ctx: AppContext) -> int:
    from tikdesk.services.analytics import AnalyticsService

    out = _table_target(args)
    if out is None:
        return EXIT_USAGE
    return _rows_written(AnalyticsService(ctx).export_videos(out, account=args.account), args)


@registrar
def _register_recruiting(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser(
        "import-recruiting",
        help=msg(
            "Recruiting-Zahlen je Monat und Konto importieren (CSV/XLSX)",
            "import recruiting figures per month and account (CSV/XLSX)",
        ),
        description=msg(
            "Spalten: Monat | Konto | Bewerbungen | Klicks Karriere-Link | Notiz (auch "
            "Month | Account | Applications | Career link clicks | Note). Ein vorhandener "
            "Monat eines Kontos wird ersetzt; bei einem Fehler wird nichts geschrieben.",
            "Columns: Monat | Konto | Bewerbungen | Klicks Karriere-Link | Notiz (or Month | "
            "Account | Applications | Career link clicks | Note). A month already recorded "
            "for an account is replaced; on any problem nothing is written.",
        ),
    )
    imp.add_argument(
        "file",
        metavar=msg("DATEI.xlsx|DATEI.csv", "FILE.xlsx|FILE.csv"),
        type=_file_ending(".xlsx", ".csv"),
    )
    imp.set_defaults(handler=_cmd_import_recruiting)


def _cmd_import_recruiting(args: argparse.Namespace, ctx: AppContext) -> int:
    from tikdesk.services.recruiting import RecruitingService

    inserted, updated = RecruitingService(ctx).import_file(args.file)
    print(
        msg(
            f"{inserted} Monate neu, {updated} geändert: {args.file}",
            f"{inserted} months new, {updated} changed: {args.file}",
        )
    )
    return EXIT_OK


# ---------------------------------------------------------------- idea exchange (issue 3)
# and consent register (issue 18): an import and an export command each
@registrar
def _register_exchange(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    for imp, file, sheet_else, import_handler, exp, export_handler, creates_db in (
        (
            (
                "import-ideas",
                "Ideenliste aus Excel/CSV importieren (Zeilen mit ID werden aktualisiert)",
                "import an idea list from Excel/CSV (rows with an ID are updated)",
            ),
            ("DATEI", "FILE"),
            ("das erste mit einer Ideentabelle", "the first one holding an idea table"),
            _cmd_import_ideas,
            (
                "export-ideas",
                "alle Ideen als .xlsx oder .csv (für deutsches Excel) schreiben",
                "write all ideas as .xlsx or .csv (for German Excel)",
            ),
            _cmd_export_ideas,
            True,
        ),
        (
            (
                "import-people",
                "Einwilligungsregister aus Excel/CSV importieren (eine Zeile je Einwilligung)",
                "import a consent register from Excel/CSV (one row per consent)",
            ),
            ("DATEI.xlsx|DATEI.csv", "FILE.xlsx|FILE.csv"),
            ("das mit der passenden Tabelle", "the one holding the matching table"),
            _cmd_import_people,
            (
                "export-people",
                "Einwilligungsregister als .xlsx oder .csv schreiben (enthält "
                "personenbezogene Daten)",
                "write the consent register as .xlsx or .csv (contains personal data)",
            ),
            _cmd_export_people,
            False,
        ),
    ):
        parser = _add_import(sub, imp[0], imp[1:], file, sheet_else)
        parser.set_defaults(handler=import_handler)
        parser = _add_export(sub, exp[0], exp[1:])
        parser.set_defaults(handler=export_handler, writes=False)
        if not creates_db:
            parser.set_defaults(creates_db=False)


def _cmd_import_ideas(args: argparse.Namespace, ctx: AppContext) -> int:
    from tikdesk.services import exchange
    from tikdesk.services.exchange import format_problems

    preview = exchange.preview_idea_import(ctx, args.file, sheet=args.sheet)
    for notice in preview.notices:
        print(msg("Hinweis: ", "Note: ") + notice, file=sys.stderr)
    if args.dry_run:
        print(preview.summary())
        if preview.problems:
            print(format_problems(preview.problems, limit=200), file=sys.stderr)
            return EXIT_REJECTED
        return EXIT_OK
    result = exchange.commit_idea_import(ctx, preview)
    print(result.summary())
    return EXIT_OK


def _cmd_export_ideas(args: argparse.Namespace, ctx: AppContext) -> int:
    from pathlib import Path

    from tikdesk.services import exchange

    result = exchange.export_ideas(ctx, Path(args.out))
    print(
        msg(
            f"{result.count} Ideen geschrieben: {result.path}",
            f"{result.count} ideas written: {result.path}",
        )
    )
    return EXIT_OK


# ---------------------------------------------------------------- consent register (issue 18)
def _cmd_import_people(args: argparse.Namespace, ctx: AppContext) -> int:
    from tikdesk.services import people_exchange as register

    preview = register.preview_people_import(ctx, args.file, sheet=args.sheet)
    for notice in preview.notices:
        print(msg("Hinweis: ", "Note: ") + notice, file=sys.stderr)
    if preview.problems:
        print(preview.summary())
        print(register.problem_text(preview), file=sys.stderr)
        return EXIT_REJECTED
    if args.dry_run:
        print(preview.summary())
        return EXIT_OK
    result = register.commit_people_import(ctx, preview)
    print(result.summary())
    return EXIT_OK


def _cmd_export_people(args: argparse.Namespace, ctx: AppContext) -> int:
    from tikdesk.domain.text import thousands
    from tikdesk.excel.people_io import personal_data_notice
    from tikdesk.services.people_exchange import export_people

    count = export_people(ctx, Path(args.out))
    print(
        msg(
            f"{thousands(count)} Zeilen geschrieben: {args.out}",
            f"{thousands(count)} rows written: {args.out}",
        )
    )
    print(msg("Hinweis: ", "Note: ") + personal_data_notice(), file=sys.stderr)
    return EXIT_OK


# ---------------------------------------------------------------- management report (issue 6)
def _iso_date(text: str) -> dt.date:
    """argparse type: ``YYYY-MM-DD`` (anything else is a usage error, exit 2)."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            msg(
                f"„{text}“ ist kein Datum der Form JJJJ-MM-TT", f"'{text}' is not a YYYY-MM-DD date"
            )
        ) from None


@registrar
def _register_report(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser(
        "report",
        help=msg(
            "Management-Bericht als Excel-Arbeitsmappe (und PDF) schreiben",
            "write the management report as an Excel workbook (and PDF)",
        ),
    )
    report.add_argument(
        "--from",
        dest="date_from",
        required=True,
        type=_iso_date,
        metavar=msg("JJJJ-MM-TT", "YYYY-MM-DD"),
        help=msg("erster Tag", "first day"),
    )
    report.add_argument(
        "--to",
        dest="date_to",
        required=True,
        type=_iso_date,
        metavar=msg("JJJJ-MM-TT", "YYYY-MM-DD"),
        help=msg("letzter Tag", "last day"),
    )
    report.add_argument(
        "--out",
        required=True,
        metavar=msg("DATEI.xlsx", "FILE.xlsx"),
        type=_file_ending(".xlsx"),
        help=msg(
            "Arbeitsmappe; eine vorhandene Datei wird überschrieben (nie die Datenbank)",
            "workbook; an existing file is overwritten (never the database)",
        ),
    )
    report.add_argument(
        "--pdf",
        metavar=msg("DATEI.pdf", "FILE.pdf"),
        type=_file_ending(".pdf"),
        help=msg(
            "auch als PDF; eine vorhandene Datei wird überschrieben",
            "also as PDF; an existing file is overwritten",
        ),
    )
    report.add_argument(
        "--account",
        metavar=msg("KONTO", "HANDLE"),
        help=msg(
            "nur dieses Konto (sonst alle, je Konto)", "only this account (else all, per account)"
        ),
    )
    report.add_argument(
        "--with-names",
        action="store_true",
        help=msg(
            "Namen der Mitwirkenden aufnehmen (nie Minderjährige; die Datei enthält dann "
            "personenbezogene Daten)",
            "include the names of people shown (never minors; the "
            "file then contains personal data)",
        ),
    )
    report.set_defaults(handler=_cmd_report, writes=False, creates_db=False)


#: Said of every export's target file: what is overwritten, and what never is.
_OVERWRITES = (
    "Eine vorhandene Datei wird ohne Rückfrage überschrieben – nie aber die Datenbank, ihre "
    "Begleitdateien oder eine Sicherung.",
    "An existing file is overwritten without asking – but never the database, its companion "
    "files or a backup.",
)
_TARGET_FILE = (f"Zieldatei. {_OVERWRITES[0]}", f"target file. {_OVERWRITES[1]}")
_TABLE_FILE = ("ZIEL.csv|ZIEL.xlsx", "OUT.csv|OUT.xlsx")
Words = tuple[str, str]  # (German, English)


def _add_import(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    words: Words,
    file: Words,
    sheet_else: Words,
    description: Words | None = None,
    endings: tuple[str, ...] = (),
) -> argparse.ArgumentParser:
    """An ``import-…`` command of a table: the file, ``--sheet`` and ``--dry-run``."""
    parser = sub.add_parser(
        name, help=msg(*words), description=msg(*description) if description else None
    )
    if endings:
        parser.add_argument("file", metavar=msg(*file), type=_file_ending(*endings))
    else:
        parser.add_argument("file", metavar=msg(*file))
    _add_sheet(parser, *sheet_else)
    _add_dry_run(parser)
    return parser


def _add_export(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, words: Words
) -> argparse.ArgumentParser:
    """An ``export-…`` command writing .xlsx or .csv to ``out``."""
    parser = sub.add_parser(name, help=msg(*words))
    _add_out(parser, (".xlsx", ".csv"), ("ZIEL.xlsx|ZIEL.csv", "OUT.xlsx|OUT.csv"), _TARGET_FILE)
    return parser


def _add_out(
    parser: argparse.ArgumentParser, endings: tuple[str, ...], metavar: Words, words: Words
) -> None:
    """The target file argument ``out`` of an export."""
    parser.add_argument("out", metavar=msg(*metavar), type=_file_ending(*endings), help=msg(*words))


def _add_sheet(parser: argparse.ArgumentParser, else_de: str, else_en: str) -> None:
    parser.add_argument(
        "--sheet",
        metavar="NAME",
        help=msg(
            f"Blatt der Arbeitsmappe (sonst {else_de})",
            f"worksheet (else {else_en})",
        ),
    )


def _add_dry_run(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help=msg(
            "nur Vorschau und Probleme zeigen, nichts schreiben",
            "show the preview and problems only, write nothing",
        ),
    )


def _add_account(parser: argparse.ArgumentParser, de: str, en: str) -> None:
    parser.add_argument("--account", metavar=msg("KONTO", "HANDLE"), help=msg(de, en))


def _file_ending(*suffixes: str) -> Callable[[str], str]:
    """argparse type: a file name ending in one of ``suffixes`` (else wrong usage, exit 2)."""
    names = msg(" oder ", " or ").join(suffixes)

    def check(text: str) -> str:
        if not text.lower().endswith(suffixes):
            raise argparse.ArgumentTypeError(
                msg(
                    f"„{text}“: der Dateiname muss auf {names} enden",
                    f"'{text}': the file name must end in {names}",
                )
            )
        return text

    return check


def _cmd_report(args: argparse.Namespace, ctx: AppContext) -> int:
    from pathlib import Path

    from tikdesk.services.report import ReportService, report_period

    files = ReportService(ctx).create(
        report_period(args.date_from, args.date_to),
        Path(args.out),
        pdf=Path(args.pdf) if args.pdf else None,
        account=args.account,
        with_names=args.with_names,
    )
    print(msg(f"Bericht geschrieben: {files.workbook}", f"Report written: {files.workbook}"))
    if files.pdf is not None:
        print(msg(f"PDF geschrieben: {files.pdf}", f"PDF written: {files.pdf}"))
    return EXIT_OK


# ---------------------------------------------------------------- editorial calendar (issue 19)
@registrar
def _register_clearance(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    exp = sub.add_parser(
        "export-clearance",
        help=msg(
            "Freigabestand aller offenen Beiträge als CSV/XLSX schreiben",
            "write the clearance of every open post as CSV/XLSX",
        ),
        description=msg(
            "Eine Zeile je Beitrag, der nicht veröffentlicht und nicht entfernt ist, dazu jeder "
            "veröffentlichte Beitrag, der offline muss; nach geplantem Termin (ohne Termin "
            "zuletzt), dann Nummer. Spalten: post_id, title, planned, status, consent, "
            "consent_reasons, checklist_open, checklist_issues, takedown, can_approve. CSV: "
            "durch „;“ getrennt, UTF-8 mit BOM. Eine vorhandene Datei wird ohne Rückfrage "
            "überschrieben – nie aber die Datenbank, ihre Begleitdateien oder eine Sicherung.",
            "One row per post that is not published and not taken down, plus every published "
            "post that must come down; by planned time (undated last), then id. Columns: "
            "post_id, title, planned, status, consent, consent_reasons, checklist_open, "
            "checklist_issues, takedown, can_approve. CSV: ';'-separated, UTF-8 with BOM. An "
            "existing file is overwritten without asking – but never the database, its "
            "companion files or a backup.",
        ),
    )
    exp.add_argument(
        "out",
        metavar=msg("ZIEL.csv|ZIEL.xlsx", "OUT.csv|OUT.xlsx"),
        type=_file_ending(".csv", ".xlsx"),
        help=msg(
            "Zieldatei: .csv (;-getrennt, UTF-8 mit BOM) oder .xlsx",
            "target file: .csv (;-separated, UTF-8 with BOM) or .xlsx",
        ),
    )
    exp.set_defaults(handler=_cmd_export_clearance, writes=False)


def _cmd_export_clearance(args: argparse.Namespace, ctx: AppContext) -> int:
    from tikdesk.services.clearance_export import export_clearance

    out = _table_target(args)
    if out is None:
        return EXIT_USAGE
    return _rows_written(export_clearance(ctx, out), args)


@registrar
def _register_calendar(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    exp = sub.add_parser(
        "export-calendar",
        help=msg(
            "geplante Beiträge als iCalendar-Datei (.ics) für Outlook/Thunderbird schreiben",
            "write the planned posts as an iCalendar file (.ics) for Outlook/Thunderbird",
        ),
        description=msg(
            "Ein Termin je geplantem Beitrag im Zeitraum (Vorgabe: heute bis 90 Tage voraus), "
            "30 Minuten, Zeitzone Europe/Berlin; die UID bleibt je Beitrag gleich, ein "
            "erneuter Import aktualisiert also. Die Datei enthält keine Namen von Personen. "
            "Eine vorhandene Datei wird ohne Rückfrage überschrieben.",
            "One event per planned post in the period (default: today to 90 days ahead), "
            "30 minutes, time zone Europe/Berlin; the UID stays the same per post, so "
            "importing again updates. The file holds no names of people. An existing file "
            "is overwritten without asking.",
        ),
    )
    exp.add_argument(
        "out",
        metavar=msg("ZIEL.ics", "OUT.ics"),
        type=_file_ending(".ics"),
        help=msg("Zieldatei (.ics)", "target file (.ics)"),
    )
    for option, dest, words in (
        ("--from", "date_from", msg("erster Tag (Vorgabe: heute)", "first day (default: today)")),
        (
            "--to",
            "date_to",
            msg("letzter Tag (Vorgabe: heute + 90 Tage)", "last day (default: today + 90 days)"),
        ),
    ):
        exp.add_argument(
            option, dest=dest, type=_iso_date, metavar=msg("JJJJ-MM-TT", "YYYY-MM-DD"), help=words
        )
    _add_account(exp, "nur dieses Konto (sonst alle)", "only this account (else all)")
    exp.set_defaults(handler=_cmd_export_calendar, writes=False, creates_db=False)


@registrar
def _register_plan(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _add_import(
        sub,
        "import-plan",
        (
            "Redaktionsplan aus Excel/CSV importieren (eine Zeile je Beitrag, als Entwurf)",
            "import the editorial plan from Excel/CSV (one row per post, as a draft)",
        ),
        ("DATEI.xlsx|DATEI.csv", "FILE.xlsx|FILE.csv"),
        ("das erste mit einem Redaktionsplan", "the first one holding an editorial plan"),
        description=(
            "Spalten: ID | Titel | Geplant | Format | Zielgruppe | Zweck | Konto | Personen | "
            "Autor:in | Notiz (auch ID | Title | Planned | Format | Audience | Purpose | "
            "Account | People | Author | Note). Eine Zeile mit ID ändert diesen Beitrag, "
            "sonst passt sie auf den Beitrag mit gleichem Titel am gleichen Tag, sonst wird "
            "er neu angelegt – nie doppelt. Jeder Name unter Personen muss genau eine Person "
            "des Registers treffen, z. B. „Lea Muster (Gesicht, Stimme)“. Bei einem Problem "
            "wird nichts geschrieben (Exit 1).",
            "Columns: ID | Title | Planned | Format | Audience | Purpose | Account | People | "
            "Author | Note (or the German Titel | Geplant | …). A row with an ID updates that "
            "post, else it matches the post with the same title on the same day, else it "
            "makes a new one – never twice. Each name under People must match exactly one "
            "person of the registry, e.g. 'Lea Muster (Face, Voice)'. On any problem nothing "
            "is written (exit 1).",
        ),
        endings=(".xlsx", ".csv"),
    ).set_defaults(handler=_cmd_import_plan)


def _cmd_import_plan(args: argparse.Namespace, ctx: AppContext) -> int:
    from tikdesk.services.exchange import format_problems
    from tikdesk.services.plan import commit_plan_import, preview_plan_import

    preview = preview_plan_import(ctx, args.file, sheet=args.sheet)
    for notice in preview.notices:
        print(msg("Hinweis: ", "Note: ") + notice, file=sys.stderr)
    if args.dry_run or preview.problems:
        print(preview.summary())
        if preview.problems:
            print(format_problems(preview.problems, limit=200), file=sys.stderr)
            if not args.dry_run:
                print(
                    msg(
                        f"tikdesk: „{preview.file_name}“ wurde nicht importiert, nichts wurde "
                        "geschrieben.",
                        f"tikdesk: '{preview.file_name}' was not imported, nothing was written.",
                    ),
                    file=sys.stderr,
                )
            return EXIT_REJECTED
        return EXIT_OK
    result = commit_plan_import(ctx, preview)
    print(result.summary())
    return EXIT_OK


def _cmd_export_calendar(args: argparse.Namespace, ctx: AppContext) -> int:
    from pathlib import Path

    from tikdesk.services.calendar import EXPORT_DAYS, CalendarService

    today = ctx.clock.today()
    start = args.date_from or today
    end = args.date_to or (
        start + dt.timedelta(days=EXPORT_DAYS)
        if args.date_from
        else today + dt.timedelta(EXPORT_DAYS)
    )
    out = Path(args.out)
    if end < start or os.path.isdir(out):
        print(
            msg(
                f"tikdesk export-calendar: --to ({end:%Y-%m-%d}) liegt vor --from "
                f"({start:%Y-%m-%d})."
                if end < start
                else f"tikdesk export-calendar: „{out}“ ist ein Ordner, keine .ics-Datei.",
                f"tikdesk export-calendar: --to ({end:%Y-%m-%d}) is before --from "
                f"({start:%Y-%m-%d})."
                if end < start
                else f"tikdesk export-calendar: '{out}' is a folder, not an .ics file.",
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    result = CalendarService(ctx).export_ics(out, start, end, account=args.account, today=today)
    print(
        msg(
            f"{result.count} Termine ({fmt_date(result.start)}–{fmt_date(result.end)}) "
            f"geschrieben: {result.path}",
            f"{result.count} events ({fmt_date(result.start)} to {fmt_date(result.end)}) "
            f"written: {result.path}",
        )
    )
    return EXIT_OK


# ---------------------------------------------------------------- team database (issue 17)
@registrar
def _register_team(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    copy = sub.add_parser(
        "copy-to",
        help=msg(
            "die ganze Datenbank in eine leere Datenbank kopieren (SQLite-Datei oder "
            "postgresql://…), mit Zeilenzahl und Prüfsumme je Tabelle",
            "copy the whole database into an empty database (SQLite file or "
            "postgresql://…), verified by row count and checksum per table",
        ),
    )
    copy.add_argument("target", metavar=msg("ZIEL", "TARGET"))
    copy.set_defaults(handler=_cmd_copy_to, writes=False, creates_db=False)
    admin = sub.add_parser(
        "admin", help=msg("Einrichtung einer Team-Datenbank", "setting up a team database")
    )
    admin_sub = admin.add_subparsers(dest="admin_command", metavar=msg("BEFEHL", "COMMAND"))
    setup = admin_sub.add_parser(
        "print-setup-sql",
        help=msg(
            "SQL für die IT: Datenbank, Rollen, Rechte, pg_hba.conf-Zeilen",
            "SQL for IT: database, roles, grants, pg_hba.conf lines",
        ),
    )
    setup.add_argument("--database", default="tikdesk", help=msg("Name", "name"))
    setup.add_argument(
        "--network", default="10.0.0.0/8", help=msg("Büronetz (CIDR)", "office network (CIDR)")
    )
    setup.set_defaults(handler=_cmd_print_setup_sql, needs_db=False)
    upgrade = admin_sub.add_parser(
        "upgrade",
        help=msg(
            "Tabellen anlegen bzw. Schema aktualisieren (als Eigentümer der Datenbank)",
            "create the tables or update the schema (as the database's owner)",
        ),
    )
    upgrade.set_defaults(handler=_cmd_admin_upgrade, writes=True)


def _cmd_copy_to(args: argparse.Namespace, ctx: AppContext) -> int:
    from tikdesk.services.transfer import copy_to

    target = str(args.target) if paths.is_server_address(args.target) else Path(args.target)
    result = copy_to(ctx.db, target)
    args.saved = True
    for table in result:
        print(f"{table.table:<20} {table.rows:>9}  sha256 {table.checksum[:16]}")
    print(
        msg(
            f"Kopiert und geprüft: {sum(t.rows for t in result)} Zeilen in {len(result)} Tabellen.",
            f"Copied and verified: {sum(t.rows for t in result)} rows in {len(result)} tables.",
        )
    )
    return EXIT_OK


def _cmd_print_setup_sql(args: argparse.Namespace, ctx: AppContext | None) -> int:
    import re

    from tikdesk.services.team_setup import setup_sql

    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", args.database):
        print(
            msg(
                "tikdesk admin print-setup-sql: --database nur aus a–z, 0–9 und _.",
                "tikdesk admin print-setup-sql: --database only of a–z, 0–9 and _.",
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    print(setup_sql(args.database, args.network), end="")
    return EXIT_OK


def _cmd_admin_upgrade(args: argparse.Namespace, ctx: AppContext) -> int:
    from tikdesk.storage import migrations

    print(
        msg(
            f"Schema {migrations.current_revision(ctx.db.engine)}: {ctx.db.name}",
            f"schema {migrations.current_revision(ctx.db.engine)}: {ctx.db.name}",
        )
    )
    return EXIT_OK
