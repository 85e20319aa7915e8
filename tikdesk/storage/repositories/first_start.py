"""Is the database fresh? (The first-start assistant is offered only then.)"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tikdesk.storage.models import AccountDaily, Idea, Person, Post, VideoStats


def is_empty(session: Session) -> bool:
    """No idea, post, person or analytics row yet."""
    for model in (Idea, Post, Person, AccountDaily, VideoStats):
        if session.scalar(select(func.count()).select_from(model)):
            return False
    return True
