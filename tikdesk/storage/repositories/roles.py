"""Roles of accounts (editor, approver, DSB): the only SQL on ``user_role``.

On a team database set up with ``tikdesk admin print-setup-sql`` (issue 17) the roles *are*
PostgreSQL roles: ``tikdesk_editor``, ``tikdesk_approver``, ``tikdesk_dsb`` (each including
the one before) granted to the logins by IT.  There the roles are read with ``pg_has_role``
and the ``user_role`` table is not used — the server's GRANTs are what gates every write, so
TikDesk shows exactly what the server enforces, and granting or removing a role is IT's
``GRANT``/``REVOKE``.  A PostgreSQL database without these roles (a server not set up with
that SQL) and every SQLite file keep the ``user_role`` table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.storage.models import UserRole

#: the app's role -> the PostgreSQL role that carries it on a team database
SERVER_ROLES = {
    "editor": "tikdesk_editor",
    "approver": "tikdesk_approver",
    "dsb": "tikdesk_dsb",
}


def on_server_roles(session: Session) -> bool:
    """True on a PostgreSQL database whose server has TikDesk's roles (print-setup-sql)."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    found = session.scalar(
        text("SELECT count(*) FROM pg_roles WHERE rolname = ANY(:names)"),
        {"names": list(SERVER_ROLES.values())},
    )
    return bool(found == len(SERVER_ROLES))


# one column per role in SERVER_ROLES' order: does the pg_roles row ``r`` hold it?
_HELD_COLUMNS = ", ".join(f"pg_has_role(r.oid, '{pg}', 'MEMBER')" for pg in SERVER_ROLES.values())


def _held(flags: Sequence[object]) -> set[str]:
    """The app roles whose _HELD_COLUMNS flag is set."""
    return {role for role, held in zip(SERVER_ROLES, flags, strict=True) if held}


def _server_roles_of(session: Session, account: str) -> set[str]:
    row = session.execute(
        text(
            "SELECT " + _HELD_COLUMNS + " FROM pg_roles r WHERE lower(r.rolname) = lower(:account) "
            "ORDER BY r.rolname = :account DESC LIMIT 1"
        ),
        {"account": account.strip()},
    ).first()
    if row is None:
        return set()
    return _held(row)


def any_roles(session: Session) -> bool:
    if on_server_roles(session):
        return True  # IT grants the roles on the server: nothing to bootstrap
    return bool(session.scalar(select(func.count()).select_from(UserRole)))


def roles_of(session: Session, account: str) -> set[str]:
    """The roles of ``account``; accounts compare case-insensitively (Windows logins)."""
    if on_server_roles(session):
        return _server_roles_of(session, account)
    key = account.strip().casefold()
    rows = session.execute(select(UserRole.account, UserRole.role)).all()
    return {role for acc, role in rows if acc.strip().casefold() == key}


def all_roles(session: Session) -> dict[str, set[str]]:
    """``{account: roles}`` of every account that has a role, accounts as stored."""
    found: dict[str, set[str]] = {}
    if on_server_roles(session):
        rows = session.execute(
            text(
                "SELECT r.rolname, "
                + _HELD_COLUMNS
                + " FROM pg_roles r WHERE r.rolcanlogin AND NOT r.rolsuper "
                "AND pg_has_role(r.oid, 'tikdesk_viewer', 'MEMBER') ORDER BY r.rolname"
            )
        ).all()
        for name, *held in rows:
            found[str(name)] = _held(held)
        return found
    for account, role in session.execute(
        select(UserRole.account, UserRole.role).order_by(UserRole.account)
    ):
        found.setdefault(account, set()).add(role)
    return found


def _refuse_on_server(account: str, role: str, grant: bool) -> None:
    pg = SERVER_ROLES.get(role, role)
    sql = f'GRANT {pg} TO "{account}";' if grant else f'REVOKE {pg} FROM "{account}";'
    raise InputRejected(
        msg(
            "Auf der Team-Datenbank vergibt die IT die Rollen am Server, TikDesk ändert sie "
            f"nicht. Bitte die IT um: {sql}",
            "On the team database IT grants the roles on the server; TikDesk does not change "
            f"them. Please ask IT for: {sql}",
        )
    )


def grant(session: Session, account: str, role: str, by: str, at: dt.datetime) -> bool:
    """True when the role was new for the account."""
    if role in roles_of(session, account):
        return False
    if on_server_roles(session):
        _refuse_on_server(account, role, grant=True)
    session.add(UserRole(account=account.strip(), role=role, granted_by=by, granted_at=at))
    session.flush()
    return True


def revoke(session: Session, account: str, role: str) -> bool:
    if on_server_roles(session):
        if role not in roles_of(session, account):
            return False
        _refuse_on_server(account, role, grant=False)
    key = account.strip().casefold()
    rows = [
        r
        for r in session.scalars(select(UserRole).where(UserRole.role == role))
        if r.account.strip().casefold() == key
    ]
    for row in rows:
        session.delete(row)
    return bool(rows)


def holders(session: Session, role: str) -> list[str]:
    if on_server_roles(session):
        return [a for a, roles in all_roles(session).items() if role in roles]
    return list(session.scalars(select(UserRole.account).where(UserRole.role == role)))
