"""What an erasure (Art. 17 DSGVO) must reach beyond the person's own row.

* every free text that may name a person (:data:`FREE_TEXTS`), searched and redacted;
* the erasure register (person id, the record's creation time, date, account — no name), in
  the database *and* in a small JSON file beside it, so that restoring a backup can re-apply
  it before the restored state is used;
* the WAL checkpoint afterwards, checked and retried;
* backups that still hold erased people (read-only look, never a write).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tikdesk.domain.ideas import IDEA_FIELDS
from tikdesk.storage.check import sqlite_uri
from tikdesk.storage.engine import Database
from tikdesk.storage.files import replace_file
from tikdesk.storage.models import (
    Appearance,
    Approval,
    AuditNote,
    ChecklistResult,
    Consent,
    ErasureEntry,
    Idea,
    Person,
    Post,
    VideoStats,
)

log = logging.getLogger(__name__)

#: (table, column, German label, English label) of every free text that may name a person.
FREE_TEXTS: tuple[tuple[type[Any], str, str, str], ...] = (
    (Post, "title", "Beitrag: Titel", "Post: title"),
    (Post, "caption", "Beitrag: Beschreibung", "Post: caption"),
    (Post, "hashtags", "Beitrag: Hashtags", "Post: hashtags"),
    (Post, "music_source", "Beitrag: Musikquelle", "Post: music source"),
    (Appearance, "scene_note", "Beitrag: Szene", "Post: scene"),
    (ChecklistResult, "note", "Checkliste: Notiz", "Checklist: note"),
    (ChecklistResult, "override_reason", "Checkliste: Begründung", "Checklist: override reason"),
    (Approval, "comment", "Freigabe: Kommentar", "Approval: comment"),
    (Approval, "revoked_reason", "Freigabe: Rücknahmegrund", "Approval: revoke reason"),
    *((Idea, s.key, *s.erase_label) for s in IDEA_FIELDS.all if s.erase_label),
    (Consent, "custodian_name", "Einwilligung: Sorgeberechtigte:r", "Consent: custodian"),
    (Consent, "withdrawal_channel", "Widerruf: Weg", "Withdrawal: channel"),
    (Consent, "withdrawal_note", "Widerruf: Notiz", "Withdrawal: note"),
    (Consent, "form_reason", "Einwilligung: Grund (Form)", "Consent: reason (form)"),
    (Person, "contact", "Person: Kontakt", "Person: contact"),
    (Person, "sole_custody_note", "Person: Sorgerecht", "Person: custody note"),
    (VideoStats, "video_title", "Statistik: Videotitel", "Statistics: video title"),
    (AuditNote, "text", "Protokoll: Notiz", "Audit log: note"),
)

CHECKPOINT_ATTEMPTS = 3
CHECKPOINT_PAUSE = 0.2  # seconds between attempts
CHECKPOINT_WAIT_MS = 1000  # how long one attempt waits for readers (busy_timeout)


@dataclass(frozen=True)
class TextHit:
    """One free text that matches: where it is, and the whole text."""

    table: str
    column: str
    row_id: int
    text: str
    label_de: str
    label_en: str


def find_texts(session: Session, pattern: re.Pattern[str]) -> list[TextHit]:
    """Every free text in the database that ``pattern`` matches (erased people left out)."""
    hits: list[TextHit] = []
    for model, column, de, en in FREE_TEXTS:
        col = getattr(model, column)
        query = select(model.id, col).where(col != "")
        if model is Person:
            query = query.where(Person.erased_at.is_(None))
        for row_id, text in session.execute(query.order_by(model.id)):
            if text and pattern.search(text):
                hits.append(TextHit(model.__tablename__, column, row_id, text, de, en))
    return hits


_MODELS = {model.__tablename__: model for model, *_ in FREE_TEXTS}


def replace_text(session: Session, hit: TextHit, value: str) -> None:
    row = session.get(_MODELS[hit.table], hit.row_id)
    if row is not None:
        setattr(row, hit.column, value)


# ----------------------------------------------------------------------------- register


@dataclass(frozen=True)
class RegisterEntry:
    person_id: int
    person_created_at: dt.datetime | None
    erased_at: dt.datetime
    account: str
    identity_hash: str = ""  # domain.identity.erased_identity (issue 18), never the name

    def as_json(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "person_created_at": (
                self.person_created_at.isoformat() if self.person_created_at else None
            ),
            "erased_at": self.erased_at.isoformat(),
            "account": self.account,
            "identity_hash": self.identity_hash,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RegisterEntry:
        created = data.get("person_created_at")
        return cls(
            int(data["person_id"]),
            dt.datetime.fromisoformat(created) if created else None,
            dt.datetime.fromisoformat(str(data["erased_at"])),
            str(data.get("account", "")),
            str(data.get("identity_hash", "")),
        )


def register(session: Session) -> list[RegisterEntry]:
    rows = session.scalars(select(ErasureEntry).order_by(ErasureEntry.person_id))
    return [
        RegisterEntry(r.person_id, r.person_created_at, r.erased_at, r.account, r.identity_hash)
        for r in rows
    ]


def add_to_register(session: Session, entries: Iterable[RegisterEntry]) -> None:
    for entry in entries:
        if session.get(ErasureEntry, entry.person_id) is None:
            session.add(
                ErasureEntry(
                    person_id=entry.person_id,
                    person_created_at=entry.person_created_at,
                    erased_at=entry.erased_at,
                    account=entry.account,
                    identity_hash=entry.identity_hash,
                )
            )
    session.flush()


def not_erased(session: Session, entries: Iterable[RegisterEntry]) -> list[int]:
    """Ids of registered people who are (again) present in this database, not erased."""
    wanted = {e.person_id: e for e in entries}
    if not wanted:
        return []
    rows = session.execute(
        select(Person.id, Person.created_at).where(
            Person.id.in_(wanted), Person.erased_at.is_(None)
        )
    )
    return sorted(i for i, created in rows if _same_person(wanted[i], created))


def _same_person(entry: RegisterEntry, created_at: Any) -> bool:
    """The registered person, not a later one that got the same id in another state."""
    if entry.person_created_at is None or created_at is None:
        return True
    if isinstance(created_at, str):
        created_at = dt.datetime.fromisoformat(created_at)
    return bool(created_at.replace(microsecond=0) == entry.person_created_at.replace(microsecond=0))


def register_file(db_path: Path) -> Path:
    """The register's copy beside the database: a restore never replaces it."""
    return Path(f"{db_path}.erasures.json")


def read_register_file(db_path: Path) -> list[RegisterEntry]:
    path = register_file(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [RegisterEntry.from_json(d) for d in data.get("erased", [])]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("erasure register %s unreadable: %s", path, exc)
        return []


def merged(*lists: Iterable[RegisterEntry]) -> list[RegisterEntry]:
    found: dict[int, RegisterEntry] = {}
    for entries in lists:
        for entry in entries:
            found.setdefault(entry.person_id, entry)
    return [found[k] for k in sorted(found)]


def write_register_file(db_path: Path, entries: Iterable[RegisterEntry]) -> None:
    """Write the register beside the database (temporary file, then renamed into place)."""
    path = register_file(db_path)
    payload = {
        "about": "TikDesk: Löschregister (Art. 17 DSGVO) – Personen-IDs, keine Namen",
        "erased": [e.as_json() for e in merged(read_register_file(db_path), entries)],
    }
    text = json.dumps(payload, ensure_ascii=False, indent=1)
    replace_file(path, text, ".~tikdesk-register-", ".json")


# ----------------------------------------------------------------------------- file hygiene


def checkpoint(db: Database, attempts: int = CHECKPOINT_ATTEMPTS) -> bool:
    """Move the WAL into the main file and truncate it; True when that completed.

    ``PRAGMA wal_checkpoint(TRUNCATE)`` answers (busy, log pages, checkpointed pages); busy=1
    means another connection (a reader in another window) kept it from completing, and the
    old page images — with the name — stay in the WAL.  Retried ``attempts`` times.
    """
    if db.engine.dialect.name != "sqlite":
        vacuum_server_tables(db)
        return True
    for attempt in range(attempts):
        raw = db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute(f"PRAGMA busy_timeout={int(CHECKPOINT_WAIT_MS)}")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            row = cursor.fetchone()
            cursor.close()
        finally:
            raw.close()
        busy = row is not None and int(row[0]) != 0
        if not busy:
            return True
        log.warning("WAL checkpoint busy (attempt %d of %d)", attempt + 1, attempts)
        if attempt + 1 < attempts:
            time.sleep(CHECKPOINT_PAUSE)
    return False


def erased_people_in_file(path: Path, entries: Iterable[RegisterEntry]) -> list[int]:
    """Registered people still present (not erased) in the SQLite file ``path``, read-only."""
    wanted = {e.person_id: e for e in entries}
    if not wanted:
        return []
    conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
    try:
        marks = ",".join("?" * len(wanted))
        rows = conn.execute(
            f"SELECT id, created_at FROM person WHERE erased_at IS NULL AND id IN ({marks})",
            list(wanted),
        ).fetchall()
    except sqlite3.Error as exc:
        log.warning("backup %s not searched for erased people: %s", path, exc)
        return []
    finally:
        conn.close()
    return sorted(int(i) for i, created in rows if _same_person(wanted[int(i)], created))


#: What an erasure deletes from or rewrites on a team database (issue 17).
ERASURE_TABLES = (
    "person",
    "consent",
    "appearance",
    "evidence_file",
    "consent_form",
    "audit_note",
    "post",
    "idea",
    "checklist_result",
    "approval",
)


def vacuum_server_tables(db: Database) -> list[str]:
    """``VACUUM`` the tables an erasure touched, where this login may (the tables' owner).

    VACUUM frees the deleted and overwritten rows for reuse so that they are overwritten
    soon; WAL archives and older dumps still hold them until IT lets them expire (README
    "Team-Datenbank").  Returns the tables vacuumed; a login that may not is logged, not
    refused — the erasure itself is complete either way."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        allowed = [
            str(r[0])
            for r in conn.execute(
                text(
                    "SELECT relname FROM pg_class WHERE relname = ANY(:names) "
                    "AND relkind = 'r' AND relnamespace = current_schema()::regnamespace "
                    "AND pg_has_role(session_user, relowner, 'MEMBER') ORDER BY relname"
                ),
                {"names": list(ERASURE_TABLES)},
            )
        ]
    skipped = sorted(set(ERASURE_TABLES) - set(allowed))
    if allowed:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in allowed:
                conn.exec_driver_sql(f'VACUUM (ANALYZE) "{table}"')
    if skipped:
        log.info(
            "erasure: VACUUM left to IT (the login does not own %s); see README Team-Datenbank",
            ", ".join(skipped),
        )
    return allowed
