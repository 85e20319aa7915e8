"""Trying a team database's address before opening it (issue 17, Einstellungen →
Team-Datenbank): one short connection, the login the server sees, nothing written."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from tikdesk.domain.i18n import msg
from tikdesk.storage.engine import (
    ServerConnectionLost,
    ServerPasswordNeeded,
    display_url,
    is_server_url,
    make_server_engine,
    server_open_error,
    server_url,
)


@dataclass(frozen=True)
class ConnectionProbe:
    address: str  # as shown: postgresql://user@host:port/dbname, no password, no options
    login: str  # session_user: who acts on this database
    server_version: str
    encrypted: bool  # TLS in use on this connection

    def summary(self) -> str:
        tls = (
            msg("verschlüsselt (TLS)", "encrypted (TLS)")
            if self.encrypted
            else msg("unverschlüsselt", "not encrypted")
        )
        return msg(
            f"Verbindung zu {self.address} steht: angemeldet als {self.login}, "
            f"PostgreSQL {self.server_version}, {tls}.",
            f"Connected to {self.address}: logged in as {self.login}, "
            f"PostgreSQL {self.server_version}, {tls}.",
        )


def is_server_address(value: str) -> bool:
    return is_server_url(value)


def check_address(address: str) -> str:
    """The address as shown; raises DatabaseError for a malformed one or one with a password."""
    return display_url(server_url(address))


def probe(address: str, *, password: str | None = None) -> ConnectionProbe:
    """Connect once (within libpq's connect_timeout) and report who the server sees.

    Raises :class:`ServerPasswordNeeded` when the server wants a password libpq has not got,
    and DatabaseError with one sentence for everything else (unreachable, unknown login …).
    The password is only handed to libpq, never kept.
    """
    url = server_url(address)
    shown = display_url(url)
    engine = make_server_engine(url, read_only=True, password=password)
    try:
        with engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT session_user, current_setting('server_version'), "
                    "COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)"
                )
            ).one()
    except Exception as exc:
        raise server_open_error(shown, exc) from exc
    finally:
        engine.dispose()
    return ConnectionProbe(shown, str(row[0]), str(row[1]).split()[0], bool(row[2]))


__all__ = [
    "ConnectionProbe",
    "ServerConnectionLost",
    "ServerPasswordNeeded",
    "check_address",
    "is_server_address",
    "probe",
]
