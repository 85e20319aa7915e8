"""Signed forms and other evidence of a consent record (issue 18).

:meth:`EvidenceService.add` copies a PDF/JPG/PNG (sniffed by content, at most 20 MB) into the
data folder under its SHA-256 and records hash, original name and type; the UI opens
:meth:`EvidenceService.path` with the system viewer.  ``tikdesk check`` finds missing or
changed files (storage.check); an erasure deletes the rows with the consents and the files
afterwards (services.erasure.after_erasure).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, select

from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.domain.text import storable_name
from tikdesk.services.context import AppContext
from tikdesk.storage import evidence as store
from tikdesk.storage.models import EvidenceFile
from tikdesk.storage.repositories import audit
from tikdesk.storage.repositories import people as people_repo


@dataclass(frozen=True)
class EvidenceView:
    id: int
    consent_id: int
    person_id: int
    sha256: str
    original_name: str
    content_type: str
    size: int
    added_at: dt.datetime
    added_by: str


def _view(row: EvidenceFile) -> EvidenceView:
    return EvidenceView(
        row.id,
        row.consent_id,
        row.person_id,
        row.sha256,
        row.original_name,
        row.content_type,
        row.size,
        row.added_at,
        row.added_by,
    )


class EvidenceService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def add(self, consent_id: int, source: Path) -> EvidenceView:
        source = Path(source)
        data, kind = store.read_evidence(source)
        sha, _ = store.store(self._ctx.db.path, data, kind)
        with self._ctx.db.transaction() as s:
            consent = people_repo.get_consent(s, consent_id)
            people_repo.get_person(s, consent.person_id)  # not erased
            row = EvidenceFile(
                consent_id=consent_id,
                person_id=consent.person_id,
                sha256=sha,
                original_name=storable_name(source.name)[:300],
                content_type=kind,
                size=len(data),
                added_by=self._ctx.user,
            )
            s.add(row)
            s.flush()
            audit.record(
                s,
                self._ctx.user,
                "consent",
                consent_id,
                "evidence_added",
                "",
                f"sha256:{sha}; {kind}; {len(data)} bytes",
                person_id=consent.person_id,
            )
            return _view(row)

    def for_consent(self, consent_id: int) -> list[EvidenceView]:
        return self._listed(EvidenceFile.consent_id == consent_id)

    def for_person(self, person_id: int) -> list[EvidenceView]:
        return self._listed(EvidenceFile.person_id == person_id)

    def _listed(self, where: ColumnElement[bool]) -> list[EvidenceView]:
        """The evidence files that match ``where``, oldest first."""
        with self._ctx.db.reader() as s:
            rows = s.scalars(select(EvidenceFile).where(where).order_by(EvidenceFile.id))
            return [_view(r) for r in rows]

    def path(self, evidence_id: int) -> Path:
        """The stored file (checked against its hash), for the system viewer."""
        with self._ctx.db.reader() as s:
            row = s.get(EvidenceFile, evidence_id)
            if row is None:
                raise InputRejected(
                    msg("Den Nachweis gibt es nicht mehr.", "The evidence file no longer exists.")
                )
            view = _view(row)
        path = store.stored_path(self._ctx.db.path, view.sha256, view.content_type)
        if not path.is_file() or store.file_sha256(path) != view.sha256:
            raise InputRejected(
                msg(
                    f"Der Nachweis „{view.original_name}“ fehlt im Datenordner oder wurde "
                    f"verändert ({path}). Bitte „Datenbank prüfen“ ausführen.",
                    f"The evidence file '{view.original_name}' is missing from the data folder "
                    f"or was changed ({path}). Please run 'Check database'.",
                )
            )
        return path
