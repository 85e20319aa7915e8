"""Roles of accounts (editor, approver, DSB): the only SQL on ``user_role``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tikdesk.storage.models import UserRole


def any_roles(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(UserRole)))


def roles_of(session: Session, account: str) -> set[str]:
    """The roles of ``account``; accounts compare case-insensitively (Windows logins)."""
    key = account.strip().casefold()
    rows = session.execute(select(UserRole.account, UserRole.role)).all()
    return {role for acc, role in rows if acc.strip().casefold() == key}


def all_roles(session: Session) -> dict[str, set[str]]:
    """``{account: roles}`` of every account that has a role, accounts as stored."""
    found: dict[str, set[str]] = {}
    for account, role in session.execute(
        select(UserRole.account, UserRole.role).order_by(UserRole.account)
    ):
        found.setdefault(account, set()).add(role)
    return found


def grant(session: Session, account: str, role: str, by: str, at: dt.datetime) -> bool:
    """True when the role was new for the account."""
    if role in roles_of(session, account):
        return False
    session.add(UserRole(account=account.strip(), role=role, granted_by=by, granted_at=at))
    session.flush()
    return True


def revoke(session: Session, account: str, role: str) -> bool:
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
    return list(session.scalars(select(UserRole.account).where(UserRole.role == role)))
