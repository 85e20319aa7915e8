"""Who a person is, as far as an import can tell: name and birth date (issue 18).

``person_key(name, birth_date)`` is the comparison key (case, spaces and Unicode forms
ignored).  ``erased_identity(name, birth_date)`` is a SHA-256 of that key, stored in the
erasure register instead of the name, so that an import never re-creates someone who was
erased (Art. 17 DSGVO).  It is a pseudonym, not an anonymisation: whoever knows name and
birth date can recompute it — which is exactly what the import does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata

__all__ = ["erased_identity", "norm_name", "person_key"]

_SALT = "tikdesk-erased-person-v1"


def norm_name(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def person_key(name: str, birth_date: dt.date | None) -> tuple[str, str]:
    return norm_name(name), birth_date.isoformat() if birth_date else ""


def erased_identity(name: str, birth_date: dt.date | None) -> str:
    key = "\x1f".join((_SALT, *person_key(name, birth_date)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
