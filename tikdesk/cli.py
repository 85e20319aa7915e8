"""Command line: ``tikdesk [--db PATH] COMMAND …`` — headless use of the same services.

Exit status, a contract scripts rely on: 0 done, 1 input rejected / nothing written (the
message on stderr says why), 2 wrong usage.  Bad input never prints a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from tikdesk import __version__, paths
from tikdesk.domain.errors import TikDeskError
from tikdesk.domain.i18n import msg
from tikdesk.services.context import AppContext

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace, AppContext], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tikdesk",
        description=msg(
            "TikDesk – TikTok-Redaktion für Behörden. Ohne Befehl startet das Programmfenster.",
            "TikDesk – TikTok desk for public bodies. Without a command the window opens.",
        ),
    )
    parser.add_argument("--version", action="version", version=f"TikDesk {__version__}")
    parser.add_argument("--db", metavar="PATH",
                        help=msg("Datenbankdatei (sonst TIKDESK_DB oder die Standarddatei)",
                                 "database file (else TIKDESK_DB or the default file)"))
    parser.add_argument("--demo", action="store_true",
                        help=msg("Beispieldatenbank öffnen (Ihre Daten bleiben unberührt)",
                                 "open the demo database (your data is not touched)"))
    parser.add_argument("--smoke-test", action="store_true",
                        help=msg("Selbsttest: Fenster auf Demodaten bauen, alle Reiter "
                                 "besuchen, beenden", "self-test: build the window on demo "
                                 "data, visit every tab, exit"))
    parser.add_argument("--lang", choices=["de", "en"],
                        help=msg("Sprache der Oberfläche", "user interface language"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
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
    """Open the database named by ``--db``/``TIKDESK_DB``/default for a command."""
    from tikdesk.storage.engine import open_database

    db = open_database(paths.db_path_from(args.db), read_only=False)
    return AppContext(db=db, backup_dir=paths.backup_dir())


def run(args: argparse.Namespace) -> int:
    """Run the sub-command in ``args``; known errors become a message and exit 1."""
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        build_parser().print_help(sys.stderr)
        return EXIT_USAGE
    ctx: AppContext | None = None
    try:
        ctx = open_context(args, write=getattr(args, "writes", True))
        return handler(args, ctx)
    except TikDeskError as exc:
        print(f"tikdesk: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    except KeyboardInterrupt:
        print(msg("tikdesk: abgebrochen, nichts geschrieben.",
                  "tikdesk: cancelled, nothing written."), file=sys.stderr)
        return EXIT_REJECTED
    finally:
        if ctx is not None:
            ctx.db.close()


# ---------------------------------------------------------------------------- commands
# Sub-commands are registered below by feature, each with @registrar.
