"""The printable consent form (issue 18) as a tagged PDF: A4 portrait, black and white.

Everything on it comes from :class:`tikdesk.services.forms.ConsentFormData` (read here by
its attributes: this layer sits below the services): the form number as text and QR code
(top right of every page), the declaration, the person, the scope as tick boxes (☒/☐, so a
screen reader and the extracted text say which are ticked), the period, the signature
lines and the Art. 13 information with the versions of both texts.  Black on white only,
lines and boxes at least 0.6 pt: a grey copier keeps it readable.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from tikdesk.domain.i18n import msg
from tikdesk.pdf.engine import Markup, printable_title, write_pdf

TEMPLATE = "consent-form.typ"


class _Choice(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def ticked(self) -> bool: ...


class _Signature(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def name(self) -> str: ...


class ConsentForm(Protocol):
    """What the form prints (``tikdesk.services.forms.ConsentFormData``)."""

    @property
    def form_number(self) -> str: ...
    @property
    def qr(self) -> Sequence[Sequence[bool]]: ...
    @property
    def title(self) -> str: ...
    @property
    def paragraphs(self) -> Sequence[str]: ...
    @property
    def organisation(self) -> str: ...
    @property
    def logo_path(self) -> str: ...
    @property
    def person_name(self) -> str: ...
    @property
    def birth_date(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def post_title(self) -> str: ...
    @property
    def post_date(self) -> str: ...
    @property
    def platforms(self) -> Sequence[_Choice]: ...
    @property
    def purposes(self) -> Sequence[_Choice]: ...
    @property
    def shown_as(self) -> Sequence[_Choice]: ...
    @property
    def valid_from(self) -> str: ...
    @property
    def valid_until(self) -> str: ...
    @property
    def notes(self) -> Sequence[str]: ...
    @property
    def signatures(self) -> Sequence[_Signature]: ...
    @property
    def art13_title(self) -> str: ...
    @property
    def art13_blocks(self) -> Sequence[tuple[str, str]]: ...
    @property
    def art13_version(self) -> str: ...
    @property
    def text_version(self) -> str: ...
    @property
    def issued_on(self) -> str: ...
    @property
    def issued_by(self) -> str: ...


def render_consent_form(form: ConsentForm, path: Path) -> None:
    """Write the form to ``path`` (the caller takes care of temp file and rename)."""
    write_pdf(Path(path), TEMPLATE, form_json(form), images={"logo": form.logo_path})


def qr_svg(matrix: Sequence[Sequence[bool]]) -> Markup:
    """The QR code as SVG: one path of unit squares, four modules of quiet zone (markup:
    never cleaned like a text)."""
    size = len(matrix) + 8
    cells = "".join(
        f"M{c + 4} {r + 4}h1v1h-1z"
        for r, row in enumerate(matrix)
        for c, dark in enumerate(row)
        if dark
    )
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path d="{cells}" fill="#000"/></svg>'
    )


def form_json(f: ConsentForm) -> dict[str, Any]:
    """Everything the template prints, in words."""
    person = [
        (msg("Name", "Name"), f.person_name),
        (msg("Geburtsdatum", "Date of birth"), f.birth_date or "—"),
        (msg("Kategorie", "Category"), f.category),
    ]
    if f.post_title:
        when = f" ({f.post_date})" if f.post_date else ""
        person.append((msg("Beitrag", "Post"), f"{printable_title(f.post_title)}{when}"))
    until = f.valid_until or msg(
        "unbefristet (bis auf Widerruf)  oder bis: ____________",
        "no end date (until withdrawn)  or until: ____________",
    )
    start = f.valid_from or "____________"

    def choices(label: str, options: Sequence[_Choice]) -> dict[str, Any]:
        return {"label": label, "options": [[o.label, o.ticked] for o in options]}

    signatures = []
    for line in f.signatures:
        who = (
            f"{line.label}: {line.name}"
            if line.name
            else msg(
                f"{line.label} (Name in Druckschrift und Unterschrift)",
                f"{line.label} (name in capitals and signature)",
            )
        )
        signatures.append(who)
    return {
        "title": f"{f.title} – {f.form_number}",
        "heading": f.title,
        "author": f.organisation or "TikDesk",
        "organisation": f.organisation,
        "logo_alt": f"Logo: {f.organisation}" if f.organisation else "Logo",
        "form_number": f.form_number,
        "qr": qr_svg(f.qr),
        "versions": msg(
            f"Formular-Nr. {f.form_number}  ·  Einwilligungstext {f.text_version}  ·  "
            f"Art.-13-Information {f.art13_version}",
            f"Form no. {f.form_number}  ·  consent text {f.text_version}  ·  "
            f"Art. 13 notice {f.art13_version}",
        ),
        "running": f"{f.title} – {f.person_name}",
        "footer": msg(
            f"{f.form_number} · Einwilligungstext {f.text_version} · Art.-13-Information "
            f"{f.art13_version} · gedruckt am {f.issued_on} von {f.issued_by} · Seite",
            f"{f.form_number} · consent text {f.text_version} · Art. 13 notice "
            f"{f.art13_version} · printed on {f.issued_on} by {f.issued_by} · page",
        ),
        "h_person": msg("Betroffene Person", "Person concerned"),
        "person": [list(pair) for pair in person],
        "h_declaration": msg("Erklärung", "Declaration"),
        "paragraphs": list(f.paragraphs),
        "h_scope": msg("Umfang (bitte ankreuzen)", "Scope (please tick)"),
        "scope": [
            choices(msg("Zwecke", "Purposes"), f.purposes),
            choices(msg("Plattformen", "Platforms"), f.platforms),
            choices(msg("Darstellung", "Shown with"), f.shown_as),
        ],
        "period_label": msg("Zeitraum", "Period"),
        "period": msg(f"ab {start}   bis {until}", f"from {start}   until {until}"),
        "h_signatures": msg("Unterschriften", "Signatures"),
        "notes": list(f.notes),
        "place_date": msg("Ort, Datum", "Place, date"),
        "signatures": signatures,
        "h_art13": f.art13_title,
        "art13": [[head, text] for head, text in f.art13_blocks],
        "ticked_word": msg("angekreuzt", "ticked"),
        "qr_alt": msg(
            f"QR-Code der Formular-Nr. {f.form_number}", f"QR code of form no. {f.form_number}"
        ),
    }
