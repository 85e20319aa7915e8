"""One shape for every PDF (review #1): each service imports its ``tikdesk.pdf`` renderer and
offers ``write…(path, …)``; the UI hands over data and translated texts, never a renderer or a
closure.  The month plan's day labels follow the language (review #11)."""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from calendar_helpers import at, post
from clearance_helpers import guardian
from report_fixtures import flat, pdf_text

from tikdesk.domain.calendar import WeekRhythm, month_weeks
from tikdesk.domain.i18n import set_language
from tikdesk.pdf.engine import printable
from tikdesk.pdf.month_plan import render_month_plan
from tikdesk.services.calendar import CalendarService
from tikdesk.services.context import AppContext
from tikdesk.services.forms import ConsentFormService
from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.services.report import ReportService
from tikdesk.services.settings import SettingsService

LABELS = {"week": "Woche", "below": "unter Ziel", "footer": "TikDesk · gedruckt"}


@pytest.mark.parametrize(
    "method",
    [
        ConsentFormService.print_to,
        CalendarService.write_month_plan,
        ReportService.write,
        ReportService.create,
    ],
)
def test_no_pdf_writer_takes_a_renderer(method: Callable[..., object]) -> None:
    """No parameter of a service's PDF writer is a callable (a renderer or a UI closure)."""
    hints = {name: str(p.annotation) for name, p in inspect.signature(method).parameters.items()}
    assert not [n for n, h in hints.items() if "Callable" in h or "Renderer" in h], hints


@pytest.mark.slow
def test_the_consent_form_service_writes_its_pdf_itself(ctx: AppContext, tmp_path: Path) -> None:
    SettingsService(ctx).set_organisation(
        "Stadt Beispielstadt", "", "Stadt Beispielstadt, Marktplatz 1", "datenschutz@example.de"
    )
    people = PeopleService(ctx)
    born = dt.date.today().replace(year=dt.date.today().year - 15) - dt.timedelta(days=30)
    pid = people.create_person(
        PersonInput(display_name="Mia Muster", category="citizen", birth_date=born)
    )
    people.add_consent(pid, guardian(people, "Sabine Muster", "mother"))
    form = ConsentFormService(ctx).print_to(tmp_path / "form", pid)
    text = flat(pdf_text((tmp_path / "form.pdf").read_bytes()))
    assert "Mia Muster" in text and form.form_number in text


@pytest.mark.slow
def test_the_calendar_service_writes_the_month_plan_from_texts_alone(
    ctx: AppContext, tmp_path: Path
) -> None:
    post(ctx, "Tag der offenen Tür", at(dt.date(2027, 5, 12), 10))
    post(ctx, "Im Juni", at(dt.date(2027, 6, 20), 14))
    (tmp_path / "plans").mkdir()
    target = tmp_path / "plans" / "plan.pdf"
    weekdays = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    CalendarService(ctx).write_month_plan(
        target, dt.date(2027, 5, 12), title="Plan Mai 2027", weekdays=weekdays, labels=LABELS
    )
    text = flat(pdf_text(target.read_bytes()))
    assert "Plan Mai 2027" in text and "Tag der offenen Tür" in text
    assert "Im Juni" not in text and "TikDesk · gedruckt" in text
    assert [p.name for p in target.parent.iterdir()] == ["plan.pdf"]  # no temp file left


def _plan_days(tmp_path: Path) -> str:
    weeks = [WeekRhythm(m, 0, 0, 0) for m in month_weeks(2027, 5)]
    entries = [
        SimpleNamespace(
            title="Dreh", account="", state=SimpleNamespace(label="x"),
            planned_at=dt.datetime(2027, 5, 12, 9),
        )
    ]  # fmt: skip
    path = tmp_path / "days.pdf"
    render_month_plan(path, "Plan", list("MTWTFSS"), weeks, 5, entries, {}, LABELS)
    return flat(pdf_text(path.read_bytes()))


@pytest.mark.slow
def test_month_plan_day_labels_follow_the_language(tmp_path: Path) -> None:
    set_language("en")
    english = _plan_days(tmp_path)
    assert re.search(r"(?<![\d.])12 ", english) and not re.search(r"\b\d{1,2}\.", english)
    set_language("de")
    german = _plan_days(tmp_path)
    assert "12." in german and "31." in german


# ----------------------------------------------------------------------------- printable (#5)
def test_printable_tidies_only_the_spaces_where_something_was_left_out() -> None:
    assert printable("Frage ? 🔥 Ja  bitte") == "Frage ? Ja  bitte"  # was "Frage? Ja bitte"
    assert printable("Nr. 1  ·  Text \u0378", frozenset("\u0378")) == "Nr. 1  ·  Text"
    assert printable("Mythen-Check 🔥: Ausweis") == "Mythen-Check: Ausweis"
    assert printable("🇩🇪 Team 👩‍🚒 Feuerwehr 🔥") == "Team Feuerwehr"
    assert printable("Frage ?  Ja") == "Frage ?  Ja"  # nothing left out: nothing touched


def test_structural_strings_are_never_cleaned() -> None:
    """The QR code's SVG (and "lang") go to Typst as they are, even when a character that
    Typst named as missing occurs in them."""
    from tikdesk.domain.forms import qr_matrix
    from tikdesk.pdf.consent_form import qr_svg
    from tikdesk.pdf.engine import _clean

    svg = qr_svg(qr_matrix("EW-000042-7"))
    cleaned = _clean({"qr": svg, "title": "Mal 🔥 hier"}, frozenset("Mh"))
    assert cleaned["qr"] == svg
    assert cleaned["title"] == "al ier"  # the texts beside it are cleaned
