"""Is the database sound?  Quick check at start-up, full check on request (point 7), and
keeping a damaged file aside instead of overwriting it (point 8).

The quick check is SQLite's ``PRAGMA quick_check`` on the raw file, run before anything else
touches it.  The full check adds ``integrity_check`` (indexes too), ``foreign_key_check`` and
TikDesk's own rules — things SQLite cannot know, such as an approval by the post's own author.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.domain.i18n import msg
from tikdesk.storage.engine import Database, read_uri

ProgressFn = Callable[[int, int], bool]

ERROR, WARNING = "error", "warning"
#: SQLite messages that mean the file itself is broken (not busy, not missing).
DAMAGE_MARKERS = (
    "malformed",
    "not a database",
    "disk image",
    "database corrupt",
    "file is encrypted",
)
AUDIT_TRIGGERS = ("audit_event_no_update", "audit_event_no_delete")
#: The triggers a team database must have (migrations 0001/0003 and 0007): table -> names.
_NOTIFY = ("tikdesk_notify_insert", "tikdesk_notify_update", "tikdesk_notify_delete")
SERVER_TRIGGERS: dict[str, tuple[str, ...]] = {
    "audit_event": ("audit_event_no_change", "tikdesk_10_stamp"),
    "post": ("tikdesk_10_stamp", "tikdesk_12_keep", *_NOTIFY),
    "approval": ("tikdesk_10_stamp", "tikdesk_12_keep", "tikdesk_20_four_eyes", *_NOTIFY),
    "checklist_result": ("tikdesk_10_stamp", "tikdesk_11_restamp", *_NOTIFY),
    "import_batch": ("tikdesk_10_stamp",),
    "evidence_file": ("tikdesk_10_stamp",),
    "consent_form": ("tikdesk_10_stamp",),
    "idea": _NOTIFY,
    "person": _NOTIFY,
    "consent": _NOTIFY,
    "appearance": _NOTIFY,
}
MAX_LISTED = 20
#: What became of one check (``CheckReport.outcomes``).
PASSED, NOTED, FAILED, NOT_RUN = "passed", "noted", "failed", "not_run"
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Finding:
    severity: str  # ERROR: the database is not sound; WARNING: worth a look
    check: str  # machine name of the check, e.g. "integrity", "approval_by_author"
    text: str  # readable, in the user's language


@dataclass(frozen=True)
class CheckReport:
    path: Path
    checks: tuple[str, ...]  # readable names of what was checked
    findings: tuple[Finding, ...] = field(default=())
    #: per check (same order): PASSED, NOTED, FAILED or NOT_RUN; empty: all share ``ok``
    outcomes: tuple[str, ...] = field(default=())
    #: what to do about the errors (e.g. the newest intact backup and how to restore it)
    advice: str = ""

    def outcome(self, index: int) -> str:
        if self.outcomes:
            return self.outcomes[index]
        if not self.ok:
            return FAILED
        return NOTED if self.findings else PASSED

    @property
    def ok(self) -> bool:
        return not any(f.severity == ERROR for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == WARNING)

    def summary(self) -> str:
        if self.ok and not self.findings:
            return msg(
                f"Die Datenbank „{self.path}“ ist in Ordnung.",
                f"The database '{self.path}' is sound.",
            )
        if self.ok:
            return msg(
                f"Die Datenbank „{self.path}“ ist in Ordnung, mit "
                f"{len(self.warnings)} Hinweis(en).",
                f"The database '{self.path}' is sound, with {len(self.warnings)} note(s).",
            )
        return msg(
            f"Die Datenbank „{self.path}“ hat {len(self.errors)} Fehler.",
            f"The database '{self.path}' has {len(self.errors)} error(s).",
        )

    def as_text(self) -> str:
        """Summary, the findings, then what was checked — for the CLI and the dialog."""
        lines = [self.summary()]
        if self.findings:
            lines.append("")
            for finding in self.findings:
                mark = (
                    msg("FEHLER", "ERROR") if finding.severity == ERROR else msg("Hinweis", "Note")
                )
                lines.append(f"{mark}: {finding.text}")
        lines.append("")
        lines.append(msg("Geprüft:", "Checked:"))
        for index, name in enumerate(self.checks):
            outcome = self.outcome(index)
            if outcome == PASSED:
                lines.append(f"  ✓ {name}")
            elif outcome == NOTED:
                lines.append(f"  ! {name} ({msg('mit Hinweisen', 'with notes')})")
            elif outcome == FAILED:
                lines.append(f"  ✗ {name} ({msg('Fehler gefunden', 'errors found')})")
            else:
                why = msg("nicht ausgeführt – Datei beschädigt", "not run – file damaged")
                lines.append(f"  ✗ {name} ({why})")
        if self.advice and not self.ok:
            lines += ["", self.advice]
        return "\n".join(lines)


def is_damage_error(exc: BaseException) -> bool:
    """True when an SQLite error says the file is broken (as opposed to busy or missing)."""
    text_exc = str(exc).lower()
    return any(marker in text_exc for marker in DAMAGE_MARKERS)


def sqlite_uri(path: Path, mode: str = "rw") -> str:
    """``file:`` URI for ``path``; ``mode=rw`` never creates a missing file.  A WAL database
    in a read-only folder is opened immutable (it could not be read at all otherwise)."""
    return read_uri(path, mode)


def _raw_connect(path: Path) -> sqlite3.Connection:
    # Not mode=ro: a read-only connection cannot open a WAL database whose -shm is missing.
    # Nothing is written; SQLite falls back to read-only by itself for read-only files.
    conn = sqlite3.connect(sqlite_uri(path), uri=True, timeout=5.0, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


def quick_check(path: Path) -> CheckReport:
    """``PRAGMA quick_check`` on the raw file (start-up; seconds even for big files).

    A missing or empty file is fine (it is about to be created).  Errors other than damage
    (locked, no permission) are left to the normal open, which explains them.
    """
    path = Path(path)
    checks = (msg("Schnellprüfung (quick_check)", "quick check (quick_check)"),)
    if not path.exists() or path.stat().st_size == 0:
        return CheckReport(path, checks)
    try:
        head = _head(path)
    except OSError:
        return CheckReport(path, checks)
    if head != SQLITE_HEADER:
        return CheckReport(path, checks)  # not SQLite at all: open_database refuses it clearly
    try:
        conn = _raw_connect(path)
    except sqlite3.Error:
        return CheckReport(path, checks)
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(20)")]
    except sqlite3.DatabaseError as exc:
        if not is_damage_error(exc):
            return CheckReport(path, checks)
        rows = [str(exc)]
    finally:
        conn.close()
    if rows == ["ok"]:
        return CheckReport(path, checks)
    return CheckReport(path, checks, tuple(Finding(ERROR, "quick_check", r) for r in rows))


def _head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(16)


def integrity_of(path: Path) -> bool:
    """Full ``integrity_check`` of a (backup) file: True only when SQLite says ``ok``."""
    try:
        if _head(path) != SQLITE_HEADER:
            return False
        conn = sqlite3.connect(sqlite_uri(path), uri=True)
    except (OSError, sqlite3.Error):
        return False
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(1)")]
        return rows == ["ok"]
    except sqlite3.Error:
        return False
    finally:
        conn.close()


# ----------------------------------------------------------------------------- full check


Step = tuple[str, Callable[[Database], list[Finding]]]


def _steps(known_checklist_keys: Mapping[str, Set[str]] | None) -> list[Step]:
    """The checks of :func:`full_check`, each with its name in the user's language."""
    steps: list[Step] = [
        (
            msg("Integrität der Datei (integrity_check)", "file integrity (integrity_check)"),
            _integrity,
        ),
        (
            msg("Fremdschlüssel (foreign_key_check)", "foreign keys (foreign_key_check)"),
            _foreign_keys,
        ),
        (
            msg(
                "Protokoll unveränderlich (Trigger vorhanden)",
                "audit log append-only (triggers present)",
            ),
            _audit_triggers,
        ),
        (
            msg("Freigaben nicht durch die Autor:in selbst", "no approval by the post's author"),
            _approval_by_author,
        ),
        (
            msg(
                "Gelöschte Personen ohne personenbezogene Daten",
                "erased people hold no personal data",
            ),
            _erased_people,
        ),
        (msg("Importe: Zeilenzahlen plausibel", "imports: row counts plausible"), _import_batches),
        (
            msg(
                "Nachweisdateien vorhanden und unverändert", "evidence files present and unchanged"
            ),
            _evidence_files,
        ),
    ]
    if known_checklist_keys is not None:
        keys = known_checklist_keys
        steps.append(
            (
                msg(
                    "Checklisten-Punkte dem Profil bekannt",
                    "checklist items known to their profile",
                ),
                lambda d: _checklist_keys(d, keys),
            )
        )
    return steps


def full_check(
    db: Database,
    known_checklist_keys: Mapping[str, Set[str]] | None = None,
    progress: ProgressFn | None = None,
) -> CheckReport:
    """Everything: integrity, foreign keys, audit triggers and TikDesk's own rules."""
    steps = _steps(known_checklist_keys)
    findings: list[Finding] = []
    names: list[str] = []
    outcomes: list[str] = []
    damaged = False  # after SQLite called the file damaged, no later result can be trusted
    for index, (name, step) in enumerate(steps):
        if progress is not None and not progress(index, len(steps)):
            from tikdesk.domain.errors import Cancelled

            raise Cancelled(msg("Prüfung abgebrochen.", "Check cancelled."))
        names.append(name)
        if damaged:
            outcomes.append(NOT_RUN)
            continue
        try:
            found = step(db)
        except sqlite3.DatabaseError as exc:
            found, damaged = [Finding(ERROR, "sqlite", str(exc))], True
        except Exception as exc:  # SQLAlchemy wraps sqlite3 errors
            if not is_damage_error(exc):
                raise
            found, damaged = [Finding(ERROR, "sqlite", str(getattr(exc, "orig", exc)))], True
        findings.extend(found)
        if any(f.severity == ERROR for f in found):
            outcomes.append(FAILED)
        else:
            outcomes.append(NOTED if found else PASSED)
    if progress is not None:
        progress(len(steps), len(steps))
    return CheckReport(db.path, tuple(names), tuple(findings), tuple(outcomes))


def _rows(db: Database, sql: str) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def _is_sqlite(db: Database) -> bool:
    return db.engine.dialect.name == "sqlite"


def _integrity(db: Database) -> list[Finding]:
    if not _is_sqlite(db):
        return []
    rows = [str(r[0]) for r in _rows(db, f"PRAGMA integrity_check({MAX_LISTED})")]
    if rows == ["ok"]:
        return []
    return [Finding(ERROR, "integrity", r) for r in rows]


def _foreign_keys(db: Database) -> list[Finding]:
    if not _is_sqlite(db):
        return _server_foreign_keys(db)
    rows = _rows(db, "PRAGMA foreign_key_check")
    findings = [
        Finding(
            ERROR,
            "foreign_keys",
            msg(
                f"Tabelle {table}, Zeile {rowid}: Verweis auf fehlende Zeile in {parent}.",
                f"table {table}, row {rowid}: reference to a missing row in {parent}.",
            ),
        )
        for table, rowid, parent, _fk in rows[:MAX_LISTED]
    ]
    return findings + _more(rows, "foreign_keys")


def _more(rows: list[tuple[object, ...]], check: str, severity: str = ERROR) -> list[Finding]:
    if len(rows) <= MAX_LISTED:
        return []
    rest = len(rows) - MAX_LISTED
    return [Finding(severity, check, msg(f"… und {rest} weitere.", f"… and {rest} more."))]


def _server_foreign_keys(db: Database) -> list[Finding]:
    """PostgreSQL enforces foreign keys; what can be wrong is one missing or not validated."""
    from collections import Counter

    from tikdesk.storage.models import Base

    wanted: Counter[tuple[str, str]] = Counter(
        (table.name, fk.referred_table.name)
        for table in Base.metadata.sorted_tables
        for fk in table.foreign_key_constraints
    )
    rows = _rows(
        db,
        "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text, c.convalidated "
        "FROM pg_constraint c WHERE c.contype = 'f' "
        "AND c.connamespace = current_schema()::regnamespace",
    )
    present = Counter((str(r[0]), str(r[1])) for r in rows)
    findings = [
        Finding(
            ERROR,
            "foreign_keys",
            msg(
                f"Tabelle {table}: der Verweis auf {parent} fehlt auf dem Server.",
                f"table {table}: the reference to {parent} is missing on the server.",
            ),
        )
        for (table, parent), count in sorted(wanted.items())
        if present[(table, parent)] < count
    ]
    findings += [
        Finding(
            ERROR,
            "foreign_keys",
            msg(
                f"Tabelle {r[0]}: der Verweis auf {r[1]} ist nicht geprüft (NOT VALID).",
                f"table {r[0]}: the reference to {r[1]} is not validated (NOT VALID).",
            ),
        )
        for r in rows
        if not r[2]
    ]
    return findings


def _server_triggers(db: Database) -> list[Finding]:
    """Every trigger of the team database present and enabled (issue 17)."""
    rows = _rows(
        db,
        "SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal "
        "AND c.relnamespace = current_schema()::regnamespace",
    )
    enabled = {(str(r[0]), str(r[1])) for r in rows if str(r[2]) != "D"}
    present = {(str(r[0]), str(r[1])) for r in rows}
    findings = []
    for table, names in SERVER_TRIGGERS.items():
        for name in names:
            if (table, name) in enabled:
                continue
            state = (
                ("ausgeschaltet", "disabled")
                if (table, name) in present
                else (
                    "fehlt",
                    "missing",
                )
            )
            findings.append(
                Finding(
                    ERROR,
                    "audit_triggers",
                    msg(
                        f"Trigger {name} auf {table} {state[0]}: was der Server sonst "
                        "garantiert (Protokoll, wer handelt, Vier-Augen-Prinzip, Meldungen an "
                        "andere), gilt nicht.",
                        f"trigger {name} on {table} {state[1]}: what the server otherwise "
                        "guarantees (audit log, who acts, four eyes, notices to others) does "
                        "not hold.",
                    ),
                )
            )
    return findings


def _audit_triggers(db: Database) -> list[Finding]:
    if not _is_sqlite(db):
        return _server_triggers(db)
    present = {
        str(r[0])
        for r in _rows(
            db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event'"
        )
    }
    return [
        Finding(
            ERROR,
            "audit_triggers",
            msg(
                f"Der Schutz des Protokolls fehlt (Trigger {name}): Einträge könnten "
                "geändert oder gelöscht werden.",
                f"The audit log's protection is missing (trigger {name}): entries could "
                "be changed or deleted.",
            ),
        )
        for name in AUDIT_TRIGGERS
        if name not in present
    ]


def _approval_by_author(db: Database) -> list[Finding]:
    rows = _rows(
        db,
        "SELECT a.id, p.id, p.title, a.approver FROM approval a JOIN post p "
        "ON p.id = a.post_id WHERE a.revoked_at IS NULL AND p.author <> '' "
        "AND lower(a.approver) = lower(p.author) ORDER BY p.id",
    )
    findings = [
        Finding(
            ERROR,
            "approval_by_author",
            msg(
                f"Beitrag {post_id} „{title}“: freigegeben von der Autor:in selbst "
                f"({who}) – das Vier-Augen-Prinzip ist verletzt.",
                f"post {post_id} '{title}': approved by its own author ({who}) — the "
                "four-eyes rule is broken.",
            ),
        )
        for _aid, post_id, title, who in rows[:MAX_LISTED]
    ]
    return findings + _more(rows, "approval_by_author")


def _erased_people(db: Database) -> list[Finding]:
    rows = _rows(
        db,
        "SELECT id FROM person WHERE erased_at IS NOT NULL AND (display_name <> ''"
        " OR contact <> '' OR sole_custody_note <> '' OR birth_date IS NOT NULL)",
    )
    rows += _rows(
        db,
        "SELECT DISTINCT p.id FROM consent c JOIN person p ON p.id = c.person_id"
        " WHERE p.erased_at IS NOT NULL",
    )
    ids = sorted({int(str(r[0])) for r in rows})
    findings = [
        Finding(
            ERROR,
            "erased_people",
            msg(
                f"Person {pid} ist als gelöscht markiert, aber es sind noch "
                "personenbezogene Daten (Name, Kontakt, Einwilligungen) gespeichert.",
                f"person {pid} is marked erased, but personal data (name, contact, "
                "consents) is still stored.",
            ),
        )
        for pid in ids[:MAX_LISTED]
    ]
    return findings + _more([(i,) for i in ids], "erased_people")


def _evidence_files(db: Database) -> list[Finding]:
    """Every signed form or scan (issue 18) is in the data folder with its recorded SHA-256."""
    from tikdesk.storage import evidence

    rows = _rows(db, "SELECT id, consent_id, sha256, content_type FROM evidence_file ORDER BY id")
    found: list[Finding] = []
    for evidence_id, consent_id, sha, kind in rows:
        path = evidence.stored_path(db.path, str(sha), str(kind))
        if not path.is_file():
            what_de, what_en = "fehlt", "is missing"
        elif evidence.file_sha256(path) != sha:
            what_de, what_en = (
                "wurde verändert (SHA-256 stimmt nicht)",
                "was changed (SHA-256 differs)",
            )
        else:
            continue
        found.append(
            Finding(
                ERROR,
                "evidence_files",
                msg(
                    f"Nachweis {evidence_id} der Einwilligung {consent_id} {what_de}: {path}",
                    f"evidence file {evidence_id} of consent {consent_id} {what_en}: {path}",
                ),
            )
        )
    return found[:MAX_LISTED] + _more([(f,) for f in found], "evidence_files")


def _import_batches(db: Database) -> list[Finding]:
    rows = _rows(
        db,
        """
        SELECT b.id, b.file_name, b.rows_inserted + b.rows_updated,
               (SELECT count(*) FROM idea WHERE import_batch_id = b.id)
             + (SELECT count(*) FROM account_daily WHERE import_batch_id = b.id)
             + (SELECT count(*) FROM video_stats WHERE import_batch_id = b.id)
             + (SELECT count(*) FROM audience_snapshot WHERE import_batch_id = b.id)
        FROM import_batch b ORDER BY b.id""",
    )
    bad = [r for r in rows if int(str(r[3])) > int(str(r[2]))]
    findings = [
        Finding(
            WARNING,
            "import_batches",
            msg(
                f"Import {bid} („{name}“): {linked} Zeilen verweisen darauf, aber nur "
                f"{counted} wurden als eingefügt/geändert gezählt.",
                f"import {bid} ('{name}'): {linked} rows point to it, but only {counted} "
                "were counted as inserted/updated.",
            ),
        )
        for bid, name, counted, linked in bad[:MAX_LISTED]
    ]
    return findings + _more(bad, "import_batches", WARNING)


def _checklist_keys(db: Database, known: Mapping[str, Set[str]]) -> list[Finding]:
    rows = _rows(
        db,
        "SELECT p.checklist_profile, c.item_key, count(*) FROM checklist_result c "
        "JOIN post p ON p.id = c.post_id GROUP BY p.checklist_profile, c.item_key "
        "ORDER BY 1, 2",
    )
    findings: list[Finding] = []
    for profile, key, count in rows:
        profile_s, key_s = str(profile), str(key)
        if profile_s not in known:
            text_ = msg(
                f"{count} Beitrag/Beiträge nutzen das unbekannte Checklisten-Profil „{profile_s}“.",
                f"{count} post(s) use the unknown checklist profile '{profile_s}'.",
            )
        elif key_s not in known[profile_s]:
            text_ = msg(
                f"Checklisten-Punkt „{key_s}“ ist im Profil „{profile_s}“ nicht "
                f"(mehr) vorhanden ({count} Eintrag/Einträge).",
                f"checklist item '{key_s}' is not (or no longer) in profile "
                f"'{profile_s}' ({count} entries).",
            )
        else:
            continue
        findings.append(Finding(WARNING, "checklist_keys", text_))
    return findings[:MAX_LISTED] + _more([(f,) for f in findings], "checklist_keys", WARNING)


# ----------------------------------------------------------------------------- damaged files

SIDE_FILES = ("-wal", "-shm", "-journal")


def quarantine(path: Path, now: dt.datetime | None = None) -> Path:
    """Rename a damaged database to ``<name>.<time>.damaged`` (with its -wal/-shm).

    Never overwrites anything: an existing name gets a counter.  The -wal/-shm files keep
    their pairing (``X.damaged`` + ``-wal``), so the damaged file can still be examined with
    everything SQLite had.
    """
    path = Path(path)
    stamp = (now or SYSTEM_CLOCK.now()).strftime("%Y%m%d-%H%M%S")
    counter = 1
    while True:
        suffix = f".{stamp}.damaged" if counter == 1 else f".{stamp}-{counter}.damaged"
        target = path.with_name(path.name + suffix)
        taken = [Path(str(target) + s) for s in ("", *SIDE_FILES)]
        if not any(p.exists() for p in taken):
            break
        counter += 1
    for side in SIDE_FILES:
        source = Path(str(path) + side)
        if source.exists():
            os.rename(source, Path(str(target) + side))
    os.rename(path, target)
    with contextlib.suppress(OSError):
        _fsync_dir(path.parent)
    return target


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows has no directory fsync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
