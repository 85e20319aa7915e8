"""Key/value settings stored in the database (shared by everyone who uses the file)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tikdesk.storage.models import Setting


def get(session: Session, key: str, default: str = "") -> str:
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


def put(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
