"""The calendar's views in detail (pytest-qt, real SQLite): holidays per Bundesland, good-time
shading, the week view's header and hours, the month plan PDF, the plan import from the tab
and the Übersicht's rhythm line."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import xlsxwriter
from calendar_helpers import approved_post, at, person, post
from PySide6.QtCore import QPoint

from tikdesk.domain.calendar import week_start
from tikdesk.services.calendar import CalendarService
from tikdesk.services.people import PeopleService
from tikdesk.services.posts import PostService
from tikdesk.storage.models import VideoStats
from tikdesk.ui.calendar.tab import CalendarTab
from tikdesk.ui.overview.tab import OverviewTab

CORPUS_CHRISTI = dt.date(2027, 5, 27)  # Fronleichnam: a holiday in Bayern, not in Berlin
MONDAY = week_start(dt.date.today()) + dt.timedelta(days=21)


@pytest.fixture
def tab(main_window, qtbot) -> CalendarTab:
    found = main_window.tab(CalendarTab)
    main_window.tabs.setCurrentWidget(found)
    return found


def titles(slot) -> list[str]:
    return [slot.item(i).text().split("\n")[0] for i in range(slot.count())]


def day_list(tab: CalendarTab, day: dt.date, hour: int | None = None):
    return next(s for s in tab.lists if s.day == day and s.hour == hour)


# ----------------------------------------------------------------------------- holidays
@pytest.mark.slow
@pytest.mark.parametrize(("land", "shown"), [("BY", True), ("BE", False)])
def test_holidays_follow_the_bundesland(ctx, tab, land: str, shown: bool) -> None:
    CalendarService(ctx).set_bundesland(land)
    days = CalendarService(ctx).holidays(dt.date(2027, 5, 1), dt.date(2027, 5, 31))
    assert (CORPUS_CHRISTI in days) is shown
    assert dt.date(2027, 5, 1) in days  # Tag der Arbeit: everywhere
    tab.show_date(CORPUS_CHRISTI)
    cell = day_list(tab, CORPUS_CHRISTI).parentWidget()
    assert ("Fronleichnam" in cell.holiday) is shown
    tab.set_mode("week")
    header = " ".join(label.text() for label in tab.week_header.findChildren(type(tab.period)))
    assert ("Fronleichnam" in header) is shown


# ----------------------------------------------------------------------------- good times
def _videos(ctx, count: int) -> None:
    """``count`` videos with a time of day; those on Tuesdays at 18:00 did best."""
    with ctx.db.transaction() as s:
        for n in range(count):
            tuesday = dt.datetime(2026, 3, 3, 18, 0) + dt.timedelta(days=7 * n)
            when = tuesday if n % 2 else tuesday - dt.timedelta(days=1, hours=9)
            s.add(
                VideoStats(
                    account="@stadt",
                    video_link=f"https://www.tiktok.com/@stadt/video/{7000 + n}",
                    snapshot_date=dt.date(2026, 6, 1),
                    posted_at=when,
                    views=50_000 if n % 2 else 800,
                )
            )


@pytest.mark.slow
@pytest.mark.parametrize(("videos", "shaded"), [(10, True), (9, False)])
def test_good_times_shade_only_from_ten_posts(ctx, tab, videos: int, shaded: bool) -> None:
    _videos(ctx, videos)
    tab.show_date(MONDAY)
    tab.set_mode("week")
    good = [s for s in tab.lists if s.property("good_time")]
    assert bool(good) is shaded
    if shaded:
        assert (MONDAY + dt.timedelta(days=1), 18) in {(s.day, s.hour) for s in good}
        assert f"{videos} posts" in tab.note.text() or f"{videos} Beiträge" in tab.note.text()
    else:
        assert f"({videos})" in tab.note.text() or f"{videos})" in tab.note.text()


# ----------------------------------------------------------------------------- week view
@pytest.mark.slow
def test_week_header_stays_while_hours_scroll(ctx, tab, main_window) -> None:
    main_window.resize(1280, 800)
    post(ctx, "Früh am Morgen", at(MONDAY, 7))
    tab.show_date(MONDAY)
    tab.set_mode("week")
    names = [w for w in tab.week_header.findChildren(type(tab.period)) if w.objectName()]
    assert len(names) == 7 and names[0].isVisible()
    body = tab.area.widget()
    assert not any(body.isAncestorOf(n) for n in names)  # not part of what scrolls
    bar = tab.area.verticalScrollBar()
    assert bar.maximum() > 0  # the hours do scroll at 1280×800
    before = names[0].mapTo(tab, QPoint(0, 0))
    bar.setValue(bar.maximum())
    assert names[0].isVisible() and names[0].mapTo(tab, QPoint(0, 0)) == before
    # The header's columns sit above the day columns.
    monday_cell = day_list(tab, MONDAY, 12)
    x_cell = monday_cell.mapTo(tab, QPoint(0, 0)).x()
    x_name = names[0].mapTo(tab, QPoint(0, 0)).x()
    assert abs(x_cell - x_name) <= 4
    tab.set_mode("month")
    assert not tab.week_header.isVisible()


@pytest.mark.slow
def test_two_posts_in_one_hour_are_both_readable(ctx, tab, qtbot, main_window) -> None:
    main_window.resize(1280, 800)
    post(ctx, "Erster Beitrag mit etwas längerem Titel", at(MONDAY, 10, 0))
    post(ctx, "Zweiter Beitrag", at(MONDAY, 10, 30))
    tab.show_date(MONDAY)
    tab.set_mode("week")
    slot = day_list(tab, MONDAY, 10)
    assert titles(slot) == [
        "10:00 Erster Beitrag mit etwas längerem Titel",
        "10:30 Zweiter Beitrag",
    ]

    def all_inside() -> bool:
        room = slot.viewport().rect()
        rects = [slot.visualItemRect(slot.item(row)) for row in range(slot.count())]
        return all(r.height() > 0 and room.contains(r) for r in rects)

    qtbot.waitUntil(all_inside)  # the hour grows once the columns have their width
    assert "Erster Beitrag mit etwas längerem Titel" in slot.item(0).toolTip()
    # A quiet hour keeps its usual height; the busy hour grew.
    assert slot.height() > day_list(tab, MONDAY, 11).height()


@pytest.mark.slow
def test_posts_before_six_and_after_ten_sit_in_their_own_hour(ctx, tab) -> None:
    post(ctx, "Sonnenaufgang", at(MONDAY, 4, 30))
    post(ctx, "Nachtschicht", at(MONDAY + dt.timedelta(days=2), 23, 15))
    tab.show_date(MONDAY)
    tab.set_mode("week")
    assert titles(day_list(tab, MONDAY, 4)) == ["04:30 Sonnenaufgang"]
    assert titles(day_list(tab, MONDAY + dt.timedelta(days=2), 23)) == ["23:15 Nachtschicht"]
    assert titles(day_list(tab, MONDAY, 6)) == []  # not squeezed into the first usual hour
    assert not any(s.hour == 3 for s in tab.lists)  # only hours that hold a post are added
    tab.step(1)  # a week without such posts: 06:00 to 22:00
    assert {s.hour for s in tab.lists} == set(range(6, 23))


# ----------------------------------------------------------------------------- month plan PDF
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_month_plan_pdf_is_a4_landscape_with_month_and_titles(ctx, tab, tmp_path: Path) -> None:
    from tikdesk.ui.calendar.pdf import write_month_plan

    post(ctx, "Tag der offenen Tür", at(dt.date(2027, 5, 12), 10))
    post(ctx, "Azubis erklären", at(dt.date(2027, 5, 20), 14))
    post(ctx, "Im Juni", at(dt.date(2027, 6, 20), 14))
    tab.show_date(dt.date(2027, 5, 12))
    out = write_month_plan(tab, tmp_path / "plan.pdf")
    assert out is not None
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Mai 2027" in text
    assert "Tag der offenen Tür" in text and "Azubis erklären" in text
    assert "Im Juni" not in text
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", out.read_bytes())
    assert box is not None
    width, height = float(box[1]), float(box[2])
    assert abs(width - 841.9) < 2 and abs(height - 595.3) < 2  # A4 landscape in points


def test_month_plan_pdf_on_a_full_disk_keeps_the_old_plan(
    ctx, tab, tmp_path: Path, monkeypatch
) -> None:
    """Complete or not at all: the disk fills while the plan is written over last month's
    copy — the old file stays as it was, nothing half-written is left, and the warning
    says why in German."""
    import errno
    import os

    from tikdesk.ui import messages
    from tikdesk.ui.calendar.pdf import write_month_plan

    folder = tmp_path / "plans"
    folder.mkdir()
    target = folder / "plan.pdf"
    target.write_bytes(b"%PDF-1.7 last month")
    warnings: list[str] = []
    monkeypatch.setattr(messages, "show_warning", lambda _p, _t, text: warnings.append(text))

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert write_month_plan(tab, target) is None
    assert target.read_bytes() == b"%PDF-1.7 last month"
    assert [p.name for p in folder.iterdir()] == ["plan.pdf"]
    assert len(warnings) == 1 and "kein Platz mehr" in warnings[0]


# ----------------------------------------------------------------------------- plan import (GUI)
@pytest.mark.slow
def test_plan_import_from_the_tab_may_create_unknown_people(
    ctx, tab, tmp_path: Path, monkeypatch
) -> None:
    from tikdesk.ui import exchange
    from tikdesk.ui.calendar.plan_import import PlanImportDialog

    person(ctx, "Lea Muster")
    sheet = tmp_path / "plan.xlsx"
    book = xlsxwriter.Workbook(str(sheet))
    page = book.add_worksheet()
    page.write_row(0, 0, ["Titel", "Geplant", "Personen", "Zweck"])
    page.write_row(1, 0, ["Dreh im Bauhof", f"{MONDAY:%d.%m.%Y} 09:00", "Lea Muster; Nils Neu"])
    page.write(1, 3, "Einblicke")
    book.close()
    monkeypatch.setattr(exchange, "ask_open_path", lambda *a: str(sheet))
    seen: list[tuple[bool, bool]] = []

    def confirm(dialog: PlanImportDialog) -> bool:
        box = dialog.create_box
        assert box is not None and not box.isHidden() and "Nils Neu" in box.text()
        seen.append((dialog.import_button.isEnabled(), bool(dialog.preview.problems)))
        box.setChecked(True)  # reruns the preview: the unknown name is no problem any more
        seen.append((dialog.import_button.isEnabled(), bool(dialog.preview.problems)))
        return True

    monkeypatch.setattr(exchange, "ask_preview", confirm)
    tab.import_plan()
    assert seen == [(False, True), (True, False)]
    nils = next(p for p in PeopleService(ctx).list_people() if p.display_name == "Nils Neu")
    assert nils.age_state == "unknown"
    (made,) = [p for p in PostService(ctx).list_posts() if p.title == "Dreh im Bauhof"]
    assert made.status.value == "draft" and made.planned_at == at(MONDAY, 9)
    assert not PostService(ctx).get(made.id).can_approve  # the new person blocks
    assert titles(day_list(tab, MONDAY)) == ["09:00 Dreh im Bauhof"]


def test_plan_import_names_with_an_ampersand_make_no_alt_key(ctx, qtbot, tmp_path: Path) -> None:
    """The unknown names are data in the tick box's text: "Chor Müller & Söhne" is shown and
    read as such, and its "& " does not make Alt+Space the tick box's shortcut."""
    from PySide6.QtWidgets import QLabel
    from test_calendar_import_plan import realistic_sheet

    from tikdesk.services import plan
    from tikdesk.ui.calendar.plan_import import PlanImportDialog

    path = realistic_sheet(tmp_path / "plan.xlsx", people="Chor Müller & Söhne")

    def rerun(sheet, mapping, create):
        return plan.preview_plan_import(
            ctx, path, sheet=sheet, mapping=mapping, create_people=create
        )

    dialog = PlanImportDialog(rerun(None, None, False), rerun)
    qtbot.addWidget(dialog)
    box = dialog.create_box
    assert box is not None and not box.isHidden()
    assert box.shortcut().isEmpty()
    assert "(Chor Müller & Söhne)" in box.accessibleName()
    label = box.findChild(QLabel)
    assert label is not None and "(Chor Müller & Söhne)" in label.text()


# ----------------------------------------------------------------------------- Übersicht
@pytest.mark.slow
def test_overview_says_how_many_posts_are_planned_this_week(ctx, main_window) -> None:
    from PySide6.QtWidgets import QLabel

    service = CalendarService(ctx)
    service.set_rhythm_target("@stadt", 3)
    today = dt.date.today()
    monday = week_start(today)
    post(ctx, "Diese Woche", at(monday + dt.timedelta(days=6), 23))
    post(ctx, "Nächste Woche", at(monday + dt.timedelta(days=7), 10))
    overview = main_window.tab(OverviewTab)
    main_window.tabs.setCurrentWidget(overview)
    overview.refresh()
    line = overview.findChild(QLabel, "weekRhythm")
    assert line.isVisible()
    assert line.text() == "@stadt: diese Woche 1 von 3 geplant, 0 freigegeben"
    approved_post(ctx, "Freigegeben", at(monday + dt.timedelta(days=6), 22))
    overview.refresh()
    assert line.text() == "@stadt: diese Woche 2 von 3 geplant, 1 freigegeben"
