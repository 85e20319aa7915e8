"""The details pane of the Ideen tab: one idea as HTML, or a hint what to do."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from tikdesk.domain.enums import Audience, IdeaFormat, IdeaStatus, Priority
from tikdesk.domain.fmt import fmt_date, fmt_datetime
from tikdesk.domain.i18n import language
from tikdesk.services.ideas import IdeaRecord
from tikdesk.ui import theme
from tikdesk.ui.ideas.model import EXTRA_TEXT_FIELDS


def hint_html(has_ideas: bool, new_keys: str) -> str:
    """Nothing selected: what to do (issue 20: an empty database says what to do first)."""
    if has_ideas:
        hint = QCoreApplication.translate("IdeasTab", "Select an idea to see its details.")
    else:
        hint = QCoreApplication.translate(
            "IdeasTab",
            "No ideas yet. Start with „New idea“ (%1), or import an idea list: "
            "File → Import → Ideas from Excel/CSV…",
        ).replace("%1", new_keys)
    return f"<p style='color:{theme.muted().name()}'>{html.escape(hint)}</p>"


def details_html(record: IdeaRecord) -> str:
    labels = (
        (QCoreApplication.translate("IdeasTab", "Status"), IdeaStatus(record.status).label),
        (QCoreApplication.translate("IdeasTab", "Format"), IdeaFormat(record.format).label),
        (QCoreApplication.translate("IdeasTab", "Audience"), Audience(record.audience).label),
        (QCoreApplication.translate("IdeasTab", "Priority"), Priority(record.priority).label),
        (QCoreApplication.translate("IdeasTab", "Owner"), record.owner or "–"),
        (QCoreApplication.translate("IdeasTab", "Due"), fmt_date(record.target_date) or "–"),
        (
            QCoreApplication.translate("IdeasTab", "Effort"),
            QCoreApplication.translate("IdeasTab", "%1 h").replace("%1", str(record.effort))
            if record.effort is not None
            else "–",
        ),
        (QCoreApplication.translate("IdeasTab", "Tags"), record.tags or "–"),
        (QCoreApplication.translate("IdeasTab", "Pillar"), record.pillar or "–"),
        (QCoreApplication.translate("IdeasTab", "Trend/sound"), record.sound_ref or "–"),
        *((s.text(language()), getattr(record, s.key) or "–") for s in EXTRA_TEXT_FIELDS),
        (QCoreApplication.translate("IdeasTab", "Changed"), fmt_datetime(record.updated_at)),
    )
    grey = theme.muted().name()  # gray was 3.95:1 on white
    rows = "".join(
        f"<tr><td style='color:{grey};padding-right:8px'>{html.escape(k)}</td>"
        f"<td>{html.escape(v)}</td></tr>"
        for k, v in labels
    )
    hook = f"<p><i>{html.escape(record.hook)}</i></p>" if record.hook else ""
    description = html.escape(record.description).replace("\n", "<br>")
    return f"<h3>{html.escape(record.title)}</h3>{hook}<table>{rows}</table><p>{description}</p>"
