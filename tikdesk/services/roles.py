"""Roles of accounts: editor, approver, DSB — in the database, every change audited.

The acting identity is the account of :class:`AppContext` (the OS login), never a typed name.

Bootstrap (so a single user is never locked out): while no account holds any role, the first
account that acts on a writable database is given all three roles, and this is audited as
``roles_bootstrapped``.  From then on only a DSB grants or removes roles, and the last DSB
cannot remove their own DSB role.

What the roles gate: approving a post needs *approver*; DSB-only checklist items (today
``people.exception_dsb``), role changes and cleaning backups of erased people need *dsb*.
Editing people and consents (personal data) needs *a* role (:func:`require_editor`):
*approver* and *DSB* include editing, as on the team server, where the database grants
(``tikdesk_editor`` …) gate every edit instead.  An account without any role reads only.
Ideas and posts stay open to every account that can open a local file: a single-user
database never meets the gate, because its first account holds every role.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.domain.enums import Role
from tikdesk.domain.errors import InputRejected, ValidationError
from tikdesk.domain.i18n import msg
from tikdesk.services.context import AppContext
from tikdesk.storage.repositories import audit
from tikdesk.storage.repositories import roles as repo

ALL_ROLES = (Role.EDITOR, Role.APPROVER, Role.DSB)


@dataclass(frozen=True)
class AccountRoles:
    account: str
    roles: frozenset[Role]

    @property
    def label(self) -> str:
        return ", ".join(r.label for r in ALL_ROLES if r in self.roles)


def _now() -> dt.datetime:
    """When a role was granted at bootstrap: a record's stamp, the machine's real time."""
    return SYSTEM_CLOCK.stamp()


def bootstrap(s: Session, account: str) -> bool:
    """Give ``account`` every role while nobody holds any (audited); True when it did."""
    if repo.any_roles(s):
        return False
    at = _now()
    for role in ALL_ROLES:
        repo.grant(s, account, role.value, account, at)
    audit.record(
        s, account, "role", None, "roles_bootstrapped", "", ",".join(r.value for r in ALL_ROLES)
    )
    return True


def roles_in(s: Session, account: str) -> frozenset[Role]:
    """The roles of ``account`` inside a write transaction (bootstrapping an empty table)."""
    bootstrap(s, account)
    return frozenset(Role(r) for r in repo.roles_of(s, account) if r in Role._value2member_map_)


def require(s: Session, account: str, role: Role, action: str) -> None:
    """Refuse ``action`` unless ``account`` holds ``role`` (one clear sentence)."""
    if role not in roles_in(s, account):
        raise InputRejected(
            msg(
                f"{action} darf nur ein Konto mit der Rolle „{role.label_de}“ – Ihr Konto "
                f"{account} hat sie nicht. Rollen vergibt die/der DSB.",
                f"{action}: only an account with the role '{role.label_en}' may do this – "
                f"your account {account} does not have it. The DSB grants roles.",
            )
        )


def require_editor(s: Session, account: str, action: str, *, on_server: bool = False) -> None:
    """Refuse ``action`` (an edit of personal data) for an account that holds no role.

    Editor, approver and DSB may edit.  On a team server the database grants decide
    (``tikdesk_editor``), so the check is left to the server there.
    """
    if on_server or roles_in(s, account):
        return
    raise InputRejected(
        msg(
            f"{action} darf nur ein Konto mit einer Rolle (Redaktion, Freigabe oder DSB) – "
            f"Ihr Konto {account} hat keine. Rollen vergibt die/der DSB (Einstellungen → "
            "Rollen…).",
            f"{action}: only an account with a role (editor, approver or DSB) may do this – "
            f"your account {account} has none. The DSB grants roles (Settings → Roles…).",
        )
    )


class RoleService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    @property
    def user(self) -> str:
        return self._ctx.user

    def mine(self) -> frozenset[Role]:
        """The acting account's roles (bootstraps an empty table when writable)."""
        if self._ctx.read_only:
            with self._ctx.db.reader() as s:
                return frozenset(Role(r) for r in repo.roles_of(s, self.user))
        with self._ctx.db.transaction() as s:
            return roles_in(s, self.user)

    def has(self, role: Role) -> bool:
        return role in self.mine()

    def accounts(self) -> list[AccountRoles]:
        """Every account holding a role, and the acting account (perhaps without any)."""
        with self._ctx.db.reader() as s:
            found = repo.all_roles(s)
        if not any(a.strip().casefold() == self.user.strip().casefold() for a in found):
            found[self.user] = set()
        return [
            AccountRoles(a, frozenset(Role(r) for r in roles if r in Role._value2member_map_))
            for a, roles in sorted(found.items(), key=lambda kv: kv[0].casefold())
        ]

    def grant(self, account: str, role: Role) -> bool:
        account = account.strip()
        if not account:
            raise ValidationError(
                "account", msg("Bitte ein Konto angeben.", "Please give an account.")
            )
        with self._ctx.db.transaction() as s:
            require(s, self.user, Role.DSB, msg("Rollen vergeben", "Granting roles"))
            if not repo.grant(s, account, role.value, self.user, self._ctx.clock.stamp()):
                return False
            audit.record(s, self.user, "role", None, "role_granted", account, role.value)
            return True

    def revoke(self, account: str, role: Role) -> bool:
        account = account.strip()
        with self._ctx.db.transaction() as s:
            require(s, self.user, Role.DSB, msg("Rollen entziehen", "Removing roles"))
            last = role is Role.DSB and len(repo.holders(s, Role.DSB.value)) <= 1
            if last and role.value in repo.roles_of(s, account):
                raise InputRejected(
                    msg(
                        "Das ist das letzte DSB-Konto – erst einem anderen Konto die Rolle "
                        "DSB geben.",
                        "This is the last DSB account – give the DSB role to another "
                        "account first.",
                    )
                )
            if not repo.revoke(s, account, role.value):
                return False
            audit.record(s, self.user, "role", None, "role_revoked", account, role.value)
            return True
