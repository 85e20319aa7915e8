"""Recruiting figures per month and account (issue 20): the only SQL for them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tikdesk.storage.models import RecruitingFigure


@dataclass(frozen=True)
class Figure:
    month: dt.date  # first day of the month
    account: str
    applications: int | None
    career_link_clicks: int | None
    note: str


def figures_between(
    session: Session, start: dt.date | None = None, end: dt.date | None = None
) -> list[Figure]:
    """Every month from ``start`` to ``end`` (both by month), by month and account."""
    query = select(
        RecruitingFigure.month,
        RecruitingFigure.account,
        RecruitingFigure.applications,
        RecruitingFigure.career_link_clicks,
        RecruitingFigure.note,
    )
    if start is not None:
        query = query.where(RecruitingFigure.month >= start.replace(day=1))
    if end is not None:
        query = query.where(RecruitingFigure.month <= end)
    query = query.order_by(RecruitingFigure.month, RecruitingFigure.account)
    return [Figure(*row) for row in session.execute(query)]


def upsert(session: Session, figures: Iterable[Figure]) -> tuple[int, int]:
    """Insert or replace by (month, account); returns (inserted, updated)."""
    inserted = updated = 0
    for figure in figures:
        row = session.scalars(
            select(RecruitingFigure).where(
                RecruitingFigure.month == figure.month,
                RecruitingFigure.account == figure.account,
            )
        ).first()
        if row is None:
            session.add(
                RecruitingFigure(
                    month=figure.month,
                    account=figure.account,
                    applications=figure.applications,
                    career_link_clicks=figure.career_link_clicks,
                    note=figure.note,
                )
            )
            inserted += 1
        elif (row.applications, row.career_link_clicks, row.note) != (
            figure.applications,
            figure.career_link_clicks,
            figure.note,
        ):
            row.applications = figure.applications
            row.career_link_clicks = figure.career_link_clicks
            row.note = figure.note
            updated += 1
    session.flush()
    return inserted, updated
