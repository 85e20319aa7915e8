"""``tikdesk export-calendar``: the iCalendar contract (RFC 5545 via icalendar)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from calendar_helpers import TODAY, approved_post, at, person, post

from tikdesk.app import main
from tikdesk.services.calendar import CalendarService
from tikdesk.services.context import AppContext
from tikdesk.services.posts import PostService
from tikdesk.storage.engine import open_database

NAMES = ("Quirinus Zwiebelfeld", "Henrietta Knöterich")


def run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database with two named people in posts, a dated and an undated post, a post of
    another account and one that was taken down."""
    path = tmp_path / "cal.sqlite"
    database = open_database(path)
    ctx = AppContext(db=database, user="anna")
    try:
        quirinus = person(ctx, NAMES[0])
        approved_post(ctx, "Tag der offenen Tür", at(TODAY + dt.timedelta(days=3)), quirinus)
        draft = post(ctx, "Azubis erklären", at(TODAY + dt.timedelta(days=5), 14, 30))
        PostService(ctx).add_person(draft, person(ctx, NAMES[1]))
        post(ctx, "Ohne Termin", None)
        post(ctx, "Anderes Konto", at(TODAY + dt.timedelta(days=4)), account="@polizei")
        post(ctx, "Weit weg", at(TODAY + dt.timedelta(days=200)))
    finally:
        database.close()
    return path


def export(db: Path, out: Path, *extra: str) -> int:
    return run(["--db", str(db), "--lang", "de", "export-calendar", str(out), *extra])


def events(path: Path) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return list(cal.walk("VEVENT"))


@pytest.mark.slow
def test_file_parses_and_lists_the_dated_posts_of_the_range(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    assert export(db, out) == 0
    found = {str(e["SUMMARY"]).split(" – ")[0]: e for e in events(out)}
    assert set(found) == {"Tag der offenen Tür", "Azubis erklären", "Anderes Konto"}
    approved = found["Tag der offenen Tür"]
    assert str(approved["SUMMARY"]) == "Tag der offenen Tür – Freigegeben"
    assert approved["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert approved["DTEND"].dt - approved["DTSTART"].dt == dt.timedelta(minutes=30)
    assert "LAST-MODIFIED" in approved and "DTSTAMP" in approved
    assert approved.categories == ["Sonstiges"]
    draft = str(found["Azubis erklären"]["DESCRIPTION"])
    assert "Status: Offene Punkte" in draft or "Status: Blockiert" in draft
    assert "Konto: @stadt" in draft and "Format: Sonstiges" in draft
    assert "Blockiert durch:" in draft
    assert b"BEGIN:VTIMEZONE" in out.read_bytes()
    # --account and the range filter
    only = tmp_path / "polizei.ics"
    assert export(db, only, "--account", "@polizei") == 0
    assert [str(e["SUMMARY"]).split(" – ")[0] for e in events(only)] == ["Anderes Konto"]
    far = tmp_path / "far.ics"
    start = (TODAY + dt.timedelta(days=150)).isoformat()
    assert export(db, far, "--from", start) == 0
    assert [str(e["SUMMARY"]).split(" – ")[0] for e in events(far)] == ["Weit weg"]


@pytest.mark.slow
def test_no_name_of_a_person_anywhere(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    assert export(db, out) == 0
    text = out.read_bytes().decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    for name in NAMES:
        for word in name.split():
            assert word not in unfolded
    assert NAMES[0] in _names_in(db)  # the names are really there to leak


def _names_in(db: Path) -> list[str]:
    database = open_database(db)
    try:
        from tikdesk.services.people import PeopleService

        return [p.display_name for p in PeopleService(AppContext(db=database)).list_people()]
    finally:
        database.close()


@pytest.mark.slow
def test_uid_stable_and_sequence_grows_after_a_change(db: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "1.ics", tmp_path / "2.ics"
    assert export(db, first) == 0
    assert export(db, second) == 0
    uids = {str(e["SUMMARY"]): str(e["UID"]) for e in events(first)}
    assert uids == {str(e["SUMMARY"]): str(e["UID"]) for e in events(second)}
    before = {str(e["UID"]): int(e["SEQUENCE"]) for e in events(second)}
    database = open_database(db)
    try:
        ctx = AppContext(db=database, user="anna")
        entry = next(e for e in CalendarService(ctx).entries() if e.title == "Azubis erklären")
        CalendarService(ctx).reschedule(entry.id, at(TODAY + dt.timedelta(days=6), 9))
    finally:
        database.close()
    third = tmp_path / "3.ics"
    assert export(db, third) == 0
    after = {str(e["UID"]): (int(e["SEQUENCE"]), e["DTSTART"].dt) for e in events(third)}
    assert set(after) == set(before)  # same UIDs: a calendar updates instead of duplicating
    changed = [uid for uid in after if after[uid][0] > before[uid]]
    assert len(changed) == 1
    assert after[changed[0]][1].hour == 9


def test_daylight_saving_case(tmp_path: Path) -> None:
    path = tmp_path / "dst.sqlite"
    database = open_database(path)
    try:
        ctx = AppContext(db=database, user="anna")
        post(ctx, "Nach der Zeitumstellung", dt.datetime(2027, 3, 29, 10, 0))
        post(ctx, "Im Winter", dt.datetime(2027, 1, 15, 10, 0))
    finally:
        database.close()
    out = tmp_path / "dst.ics"
    assert export(path, out, "--from", "2027-01-01", "--to", "2027-04-30") == 0
    by_title = {str(e["SUMMARY"]).split(" – ")[0]: e for e in events(out)}
    summer = by_title["Nach der Zeitumstellung"]["DTSTART"].dt
    winter = by_title["Im Winter"]["DTSTART"].dt
    assert summer.astimezone(dt.UTC) == dt.datetime(2027, 3, 29, 8, 0, tzinfo=dt.UTC)
    assert winter.astimezone(dt.UTC) == dt.datetime(2027, 1, 15, 9, 0, tzinfo=dt.UTC)
    # The file's own VTIMEZONE (not the reader's tz database) says so.
    zone = next(iter(icalendar.Calendar.from_ical(out.read_bytes()).walk("VTIMEZONE")))
    offsets = {str(c.name): c["TZOFFSETTO"].td for c in zone.subcomponents}
    assert offsets == {"DAYLIGHT": dt.timedelta(hours=2), "STANDARD": dt.timedelta(hours=1)}


@pytest.mark.slow
def test_taken_down_post_is_cancelled(tmp_path: Path) -> None:
    path = tmp_path / "down.sqlite"
    database = open_database(path)
    try:
        ctx = AppContext(db=database, user="anna")
        post_id = approved_post(ctx, "Zurückgezogen", at(TODAY + dt.timedelta(days=1)))
        posts = PostService(ctx)
        posts.mark_published(post_id, published_at=at(TODAY))
        posts.mark_taken_down(post_id, taken_down_at=at(TODAY, 12))
    finally:
        database.close()
    out = tmp_path / "down.ics"
    assert export(path, out) == 0
    (event,) = events(out)
    assert str(event["STATUS"]) == "CANCELLED"


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv",
    [
        ["plan.txt"],
        ["plan.ics", "--from", "2027-13-01"],
        ["plan.ics", "--to", "morgen"],
        ["plan.ics", "--from", "2027-05-01", "--to", "2027-04-01"],
    ],
)
def test_wrong_ending_and_bad_dates_are_usage_errors(
    db: Path, tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [str(tmp_path / argv[0]), *argv[1:]]
    assert run(["--db", str(db), "--lang", "de", "export-calendar", *argv]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not list(tmp_path.glob("plan.*"))


def test_missing_database_is_refused_with_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.ics"
    assert export(tmp_path / "none.sqlite", out) == 1
    assert not out.exists()
