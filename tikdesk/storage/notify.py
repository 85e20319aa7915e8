"""Change notices of a team database (issue 17): ``LISTEN tikdesk`` on a connection of its own.

The server sends ``<table>:<ids>:<application_name>`` at every commit that changed an edited
table (migration 0007).  This connection only listens: it is not in the engine's pool, runs
in autocommit and never blocks — :meth:`ChangeListener.pending` reads what has arrived.  The
caller watches :meth:`ChangeListener.fileno` (the GUI with a ``QSocketNotifier``), so
nobody polls the server.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from tikdesk.domain.errors import DatabaseError
from tikdesk.domain.i18n import msg
from tikdesk.storage.engine import Database

log = logging.getLogger(__name__)

CHANNEL = "tikdesk"


@dataclass(frozen=True)
class Change:
    """Rows of ``table`` changed by another client; ``ids`` None: many rows, reload all."""

    table: str
    ids: frozenset[int] | None
    origin: str  # the application_name of the client that changed them


def parse(payload: str) -> Change | None:
    table, _, rest = payload.partition(":")
    ids_text, _, origin = rest.partition(":")
    if not table or not ids_text:
        return None
    if ids_text == "*":
        return Change(table, None, origin)
    try:
        ids = frozenset(int(i) for i in ids_text.split(",") if i)
    except ValueError:
        return None
    return Change(table, ids, origin)


class ChangeListener:
    """One listening connection to the team database of ``db``."""

    def __init__(self, db: Database) -> None:
        import psycopg

        if not db.on_server:
            raise ValueError("change notices exist on a team database only")
        self._own = db.application_name
        cargs, cparams = db.engine.dialect.create_connect_args(db.engine.url)
        params: dict[str, Any] = dict(cparams)
        if db.password:
            params["password"] = db.password
        params["application_name"] = f"{db.application_name or 'TikDesk'}/listen"
        try:
            self._conn = psycopg.connect(*cargs, **params, autocommit=True)
            self._conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            log.warning("cannot listen for changes on %s: %s", db.name, exc)
            raise DatabaseError(
                msg(
                    f"Änderungen anderer sind nicht zu sehen: der Server ({db.name}) nimmt "
                    "keine zweite Verbindung an.",
                    f"Changes by others cannot be shown: the server ({db.name}) does not take "
                    "a second connection.",
                )
            ) from exc
        self.lost = False

    def fileno(self) -> int:
        return int(self._conn.fileno())

    def pending(self, *, include_own: bool = False) -> list[Change]:
        """What has arrived (never waits); the client's own changes are left out."""
        import psycopg

        if self.lost:
            return []
        pgconn = self._conn.pgconn
        try:
            pgconn.consume_input()
        except psycopg.Error as exc:
            log.warning("change listener lost its connection: %s", exc)
            self.lost = True
            return []
        if pgconn.status != psycopg.pq.ConnStatus.OK:
            # libpq has closed the socket (the server ended the session): the GUI must stop
            # watching it now, or Qt's notifier reports an invalid socket
            log.warning("change listener lost its connection: %s", pgconn.error_message)
            self.lost = True
            return []
        found: list[Change] = []
        while (notice := pgconn.notifies()) is not None:
            change = parse(notice.extra.decode("utf-8", "replace"))
            if change is None:
                continue
            if include_own or change.origin != self._own:
                found.append(change)
        return found

    def close(self) -> None:
        try:
            self._conn.close()
        except Exception:  # closing must go on
            log.exception("closing the change listener failed")
