"""Erasure that reaches everywhere (Art. 17 DSGVO, issue 16).

:func:`erase_everywhere` is the erasure inside one transaction: the person's record and
consents, their appearances, and every free text in the database that names them (posts,
ideas, checklist, approvals, withdrawals, audit notes — see ``FREE_TEXTS``).  The GUI first
shows :meth:`ErasureService.preview` (the matches) for confirmation.

Afterwards (:func:`after_erasure`): the register beside the database is updated, the WAL is
checkpointed (checked and retried), and the log files are searched for the name.  Restoring
a backup re-applies the register (:func:`reapply_register`) before the restored state is
used; :meth:`ErasureService.backups` tells which backups still hold erased people, and
:meth:`ErasureService.clean_backup` / :meth:`ErasureService.delete_backup` deal with them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from tikdesk import logsetup, paths
from tikdesk.domain.enums import Role
from tikdesk.domain.errors import DatabaseError, InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.domain.identity import erased_identity
from tikdesk.domain.text import name_pattern
from tikdesk.services.context import AppContext
from tikdesk.services.posts import now, revoke_if_approved
from tikdesk.services.roles import require
from tikdesk.storage import backup as store
from tikdesk.storage.check import integrity_of, sqlite_uri
from tikdesk.storage.engine import Database, open_database
from tikdesk.storage.repositories import audit
from tikdesk.storage.repositories import erasure as repo
from tikdesk.storage.repositories import people as people_repo
from tikdesk.storage.repositories import posts as posts_repo

log = logging.getLogger(__name__)

ERASED_MARK = "[gelöscht]"
EXCERPT = 40  # characters either side of a match in the confirmation


# ----------------------------------------------------------------------------- read models


@dataclass(frozen=True)
class ErasureMatch:
    """One free text that names the person: where, and the text around the match."""

    where: str
    record_id: int
    excerpt: str


@dataclass(frozen=True)
class ErasurePreview:
    person_id: int
    matches: tuple[ErasureMatch, ...]


@dataclass(frozen=True)
class ErasureOutcome:
    consents_deleted: int
    post_ids: tuple[int, ...]
    texts_redacted: int
    approvals_revoked: int


@dataclass(frozen=True)
class BackupErasureState:
    """A backup and the erased people it still holds (ids only)."""

    info: store.BackupInfo
    erased_people: tuple[int, ...]

    @property
    def clean(self) -> bool:
        return not self.erased_people


# ----------------------------------------------------------------------------- the erasure


def _names(s: Session, person_id: int) -> tuple[people_repo.PersonRecord, list[str], set[int]]:
    person = people_repo.get_person(s, person_id)
    consents = people_repo.consents(s, [person_id])
    names = [person.display_name, *(c.custodian_name for c in consents)]
    return person, names, {c.id for c in consents}


def _hits(s: Session, person_id: int) -> tuple[list[repo.TextHit], re.Pattern[str] | None]:
    _, names, own_consents = _names(s, person_id)
    pattern = name_pattern(names)
    if pattern is None:
        return [], None
    hits = [
        h
        for h in repo.find_texts(s, pattern)
        # the person's own record and consents go as a whole anyway
        if not (h.table == "person" and h.row_id == person_id)
        and not (h.table == "consent" and h.row_id in own_consents)
    ]
    return hits, pattern


def _excerpt(text: str, pattern: re.Pattern[str]) -> str:
    match = pattern.search(text)
    if match is None:
        return text[: 2 * EXCERPT]
    start, end = max(0, match.start() - EXCERPT), min(len(text), match.end() + EXCERPT)
    return (
        ("…" if start else "")
        + " ".join(text[start:end].split())
        + ("…" if end < len(text) else "")
    )


def preview(s: Session, person_id: int) -> ErasurePreview:
    hits, pattern = _hits(s, person_id)
    assert pattern is not None or not hits
    matches = tuple(
        ErasureMatch(msg(h.label_de, h.label_en), h.row_id, _excerpt(h.text, pattern))  # type: ignore[arg-type]
        for h in hits
    )
    return ErasurePreview(person_id, matches)


def erase_everywhere(
    s: Session, actor: str, person_id: int, at: dt.datetime, *, action: str = "person_erased"
) -> ErasureOutcome:
    """Erase one person inside the caller's transaction; the register gets the entry."""
    person = people_repo.get_person(s, person_id)
    hits, pattern = _hits(s, person_id)
    post_ids = sorted({a.post_id for a in posts_repo.appearances_of_person(s, person_id)})
    revoked = sum(
        revoke_if_approved(s, actor, post, msg("Person gelöscht", "person erased"))
        for post in posts_repo.list_posts(s, post_ids)
    )
    for hit in hits:
        assert pattern is not None
        redacted = pattern.sub(ERASED_MARK, hit.text)
        if hit.table == "audit_note":
            audit.redact_note(s, hit.row_id, redacted, actor, at)
        else:
            repo.replace_text(s, hit, redacted)
    posts_repo.anonymise_appearances(s, person_id)
    deleted = people_repo.erase_person(s, person_id, at)
    for post_id in post_ids:
        audit.record(
            s, actor, "appearance", post_id, "appearance_anonymised", person_id=person_id, at=at
        )
    audit.record(
        s,
        actor,
        "person",
        person_id,
        action,
        "",
        f"consents_deleted={deleted}; posts={len(post_ids)}; texts={len(hits)}",
        person_id=person_id,
        at=at,
    )
    identity = erased_identity(person.display_name, person.birth_date)
    repo.add_to_register(s, [repo.RegisterEntry(person_id, person.created_at, at, actor, identity)])
    return ErasureOutcome(deleted, tuple(post_ids), len(hits), revoked)


def after_erasure(db: Database, pattern_names: Iterable[str] = ()) -> bool:
    """Register file, WAL checkpoint, log files; False when the checkpoint could not complete
    (another window still holds the database)."""
    with db.reader() as s:
        entries = repo.register(s)
    try:
        repo.write_register_file(db.path, entries)
    except OSError as exc:
        log.warning("erasure register beside %s not written: %s", db.path, exc)
    done = repo.checkpoint(db)
    _remove_evidence_files(db)
    pattern = name_pattern(pattern_names)
    if pattern is not None:
        logsetup.redact_log_files(_log_dirs(), pattern, ERASED_MARK)
    return done


def _remove_evidence_files(db: Database) -> None:
    """The erased person's signed forms and scans (issue 18): the rows went with the consent
    records, the files go now — every file no evidence row refers to any more.  On a team
    database too: the files lie in this PC's folder beside ``db.path`` either way."""
    from tikdesk.storage import evidence

    with db.reader() as s:
        keep = evidence.referenced(s)
    removed = evidence.remove_unreferenced(db.path, keep)
    if removed:
        log.info("erasure: %d evidence files deleted", removed)


def _log_dirs() -> list[Path]:
    return [paths.log_dir(), *logsetup.log_dirs()]


def reapply_register(db: Database, actor: str) -> int:
    """Erase again every registered person that this (restored) database still holds.

    The register is the union of the file beside the database and the table inside it; both
    are brought up to date.  Returns how many people were erased again.
    """
    if db.read_only:
        return 0
    entries = repo.read_register_file(db.path)
    with db.transaction() as s:
        entries = repo.merged(entries, repo.register(s))
        if not entries:
            return 0
        again = repo.not_erased(s, entries)
        at = now()
        for person_id in again:
            erase_everywhere(s, actor, person_id, at, action="erasure_reapplied")
        repo.add_to_register(s, entries)
    if again:
        log.info("erasure register re-applied to %s: %d people", db.path, len(again))
    after_erasure(db)
    return len(again)


# ----------------------------------------------------------------------------- the service


class ErasureService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    @property
    def folder(self) -> Path:
        return self._ctx.backup_dir or paths.backup_dir()

    def preview(self, person_id: int) -> ErasurePreview:
        """The free texts an erasure of ``person_id`` would redact, for the confirmation."""
        with self._ctx.db.reader() as s:
            return preview(s, person_id)

    def register(self) -> list[repo.RegisterEntry]:
        with self._ctx.db.reader() as s:
            return repo.merged(repo.read_register_file(self._ctx.db.path), repo.register(s))

    def backups(self) -> list[BackupErasureState]:
        """Every backup of this database with the erased people it still holds."""
        entries = self.register()
        return [
            BackupErasureState(info, tuple(repo.erased_people_in_file(info.path, entries)))
            for info in store.list_backups(self.folder, self._ctx.db.path)
        ]

    def _own_backup(self, path: Path) -> Path:
        path = Path(path)
        if (
            path.parent.resolve() != self.folder.resolve()
            or store.parse_backup_name(path.name) is None
        ):
            raise InputRejected(
                msg(
                    f"„{path.name}“ ist keine Sicherung im Sicherungsordner.",
                    f"'{path.name}' is not a backup in the backup folder.",
                )
            )
        if not path.is_file():
            raise InputRejected(
                msg(f"Sicherung „{path.name}“ nicht gefunden.", f"Backup '{path.name}' not found.")
            )
        return path

    def _dsb_decides(self, action: str) -> None:
        """Cleaning or deleting a backup of erased people is the DSB's decision."""
        with self._ctx.db.transaction() as s:
            require(s, self._ctx.user, Role.DSB, action)

    def delete_backup(self, path: Path) -> None:
        """Delete a backup that still holds erased people (only a DSB account)."""
        path = self._own_backup(path)
        self._dsb_decides(msg("Sicherungen löschen", "Deleting backups"))
        try:
            path.unlink()
        except OSError as exc:
            raise DatabaseError(
                msg(
                    f"Die Sicherung „{path.name}“ kann nicht gelöscht werden: {exc.strerror}.",
                    f"The backup '{path.name}' cannot be deleted: {exc.strerror}.",
                )
            ) from exc
        log.info("backup %s deleted (held erased people)", path.name)

    def clean_backup(self, path: Path) -> int:
        """Apply the erasure register to a backup (a cleaned copy replaces it); returns how
        many people were erased in it.  The backup keeps its name (time and reason).
        Only a DSB account may (the decision is theirs)."""
        path = self._own_backup(path)
        self._dsb_decides(msg("Sicherungen bereinigen", "Cleaning backups"))
        entries = self.register()
        if not repo.erased_people_in_file(path, entries):
            return 0
        fd, name = tempfile.mkstemp(prefix=".~tikdesk-clean-", suffix=".sqlite", dir=path.parent)
        os.close(fd)
        tmp = Path(name)
        try:
            _copy(path, tmp)
            db = open_database(tmp)  # brings an older backup to this version's schema
            try:
                repo.write_register_file(tmp, entries)
                count = reapply_register(db, self._ctx.user)
            finally:
                db.close()
                with contextlib.suppress(OSError):
                    repo.register_file(tmp).unlink()
            _vacuum(tmp)
            if not integrity_of(tmp):
                raise DatabaseError(
                    msg(
                        "Die bereinigte Sicherung besteht die Integritätsprüfung nicht; die "
                        "Sicherung bleibt unverändert.",
                        "The cleaned backup fails its integrity check; the backup is unchanged.",
                    )
                )
            os.replace(tmp, path)
        finally:
            for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        log.info("backup %s cleaned: %d erased people removed", path.name, count)
        return count


def _copy(source: Path, dest: Path) -> None:
    src = sqlite3.connect(sqlite_uri(source, "ro"), uri=True)
    try:
        dst = sqlite3.connect(str(dest), isolation_level=None)
        try:
            src.backup(dst, pages=-1)
        finally:
            dst.close()
    finally:
        src.close()


def _vacuum(path: Path) -> None:
    """One self-contained file without free pages (nothing of the old content left)."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("VACUUM")
    finally:
        conn.close()
