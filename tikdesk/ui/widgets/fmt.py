"""Dates and times as the UI shows them (:mod:`tikdesk.domain.fmt`, shared with every layer)
and ``arg()`` for translated templates."""

from __future__ import annotations

from tikdesk.domain.fmt import fmt_date, fmt_datetime

__all__ = ["arg", "fmt_date", "fmt_datetime"]


def arg(template: str, *values: str) -> str:
    """Fill ``%1``, ``%2`` … of a translated template (Qt's QString::arg, plain Python)."""
    for index in range(len(values), 0, -1):
        template = template.replace(f"%{index}", values[index - 1])
    return template
