"""Demo clearance: posts, people and consent records in every gate and consent state."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tikdesk.demo.analytics import DEMO_ACCOUNT
from tikdesk.domain.consent import ConsentFacts
from tikdesk.domain.enums import ItemState
from tikdesk.services.context import AppContext
from tikdesk.services.overview import OverviewService
from tikdesk.services.people import PeopleService, PersonInput, WithdrawalInput
from tikdesk.services.posts import PostInput, PostService
from tikdesk.storage.repositories import roles as roles_repo


def fill_clearance(ctx: AppContext) -> None:
    """Demo posts, people and consent records in every clearance state (only into no people);
    dates relative to today."""
    people = PeopleService(ctx)
    if people.list_people() or PostService(ctx).list_posts():
        return
    today = ctx.clock.today()

    def days(n: int) -> dt.date:
        return today + dt.timedelta(days=n)

    def at(n: int, hour: int = 16) -> dt.datetime:
        return dt.datetime.combine(days(n), dt.time(hour, 0))

    def born(age: int, extra_days: int = 40) -> dt.date:
        return dt.date(today.year - age - 1, today.month, 1) + dt.timedelta(days=extra_days)

    signed = {
        "form": "written",
        "text_version": "EW-2026-1",
        "art13_version": "DS-Info 3.2",
        "collected_by": "Leyla Demir",
        "collected_place": "Rathaus, Raum 112",
        "purposes": frozenset({"recruiting", "employer_branding"}),
        "shown_as": frozenset({"face", "name", "voice"}),
        "valid_from": days(-60),
        "collected_on": days(-60),
        "valid_until": days(300),
    }

    def person(
        name: str,
        category: str,
        birth: dt.date | None = None,
        contact: str = "",
        retention_until: dt.date | None = None,
    ) -> int:
        return people.create_person(
            PersonInput(
                display_name=name,
                category=category,
                birth_date=birth,
                contact=contact,
                retention_until=retention_until,
            )
        )

    def consent(pid: int, **extra: object) -> int:
        values = {**signed, **extra}
        values["document_ref"] = values.get("document_ref") or f"Az. 10-04/{pid:03d}"
        return people.add_consent(pid, ConsentFacts(**values))  # type: ignore[arg-type]

    mia = person("Mia Schneider", "apprentice", born(17, 200), contact="über Ausbildungsleitung")
    consent(mia)
    consent(
        mia,
        role="custodian",
        custodian_person_id=person("Katrin Schneider", "citizen"),
        custodian_relation="mother",
    )
    consent(
        mia,
        role="custodian",
        custodian_person_id=person("Frank Schneider", "citizen"),
        custodian_relation="father",
    )
    noah = person("Noah Yılmaz", "apprentice", born(15), contact="noah.y@example.org")
    consent(noah)
    consent(
        noah,
        role="custodian",
        custodian_person_id=person("Elif Yılmaz", "citizen"),
        custodian_relation="mother",
    )
    sabine = person("Sabine Hoffmann", "employee", contact="Durchwahl 2231")
    consent(sabine, no_disadvantage_confirmed=True)
    thomas = person("Thomas Krause", "employee", contact="Feuerwache 1")
    consent(thomas, valid_until=days(12), no_disadvantage_confirmed=True)
    emre = person("Emre Aydın", "employee", contact="emre.aydin@example.org")
    consent(emre, no_disadvantage_confirmed=True)
    lange = person("Helga Lange", "citizen", contact="Tel. 0151 000000")
    consent(lange, platforms=frozenset({"instagram", "website"}))
    paul = person(
        "Paul Richter",
        "apprentice",
        today.replace(year=today.year - 18) + dt.timedelta(days=20)
        if (today.month, today.day) != (2, 29)
        else dt.date(today.year - 18, 3, 20),
    )
    consent(
        paul,
        role="custodian",
        custodian_person_id=person("Ute Richter", "citizen"),
        custodian_relation="mother",
        valid_until=None,
    )
    consent(
        paul,
        role="custodian",
        custodian_person_id=person("Jan Richter", "citizen"),
        custodian_relation="father",
        valid_until=None,
    )
    consent(paul)
    person("Greta Vogel", "performer", retention_until=days(-3), contact="Agentur Nord")

    with ctx.db.transaction() as s:  # the demo team: both may approve, Anna is the DSB
        for account, granted in (
            ("Anna Becker", ("editor", "approver", "dsb")),
            ("Jonas Weber", ("editor", "approver")),
            (ctx.user, ("editor", "approver", "dsb")),
        ):
            for role in granted:
                roles_repo.grant(s, account, role, "demo", ctx.clock.stamp())

    def service(user: str) -> PostService:
        return PostService(dataclasses.replace(ctx, user=user))

    anna, jonas = service("Anna Becker"), service("Jonas Weber")

    def tick(svc: PostService, post: int, skip: tuple[str, ...] = ()) -> None:
        for item in svc.get(post).definition.post_items:
            if (
                item.derived
                or item.key in skip
                or (item.applies_when and item.applies_when != "minor_present")
            ):
                continue
            if item.applies_when == "minor_present" and not svc.get(post).gate.minor_present:
                continue
            (anna if item.key == "people.exception_dsb" else svc).set_item(  # the DSB's
                post,
                item.key,
                ItemState.OK,
                "Geprüft im Schnitt" if item.key.startswith("exposure") else "",
            )

    p1 = anna.create(
        PostInput(
            account=DEMO_ACCOUNT,
            purpose="recruiting",
            title="Azubi-Tag im Bürgeramt",
            format="behind_the_scenes",
            audience="applicants",
            caption="Mein erster Tag – und gleich 40 Personalausweise? 😅 #ausbildung",
            hashtags="#ausbildung #stadtverwaltung #azubi",
            planned_at=at(3),
            music_source="TikTok Commercial Music Library: „Sunny Day“",
        )
    )
    anna.add_person(p1, mia, "0:00–0:20 Intro, Gesicht und Stimme")
    anna.add_person(p1, sabine, "0:12 am Schalter im Hintergrund")
    tick(anna, p1, skip=("people.minors_settings", "exposure.screens_docs"))
    anna.set_item(
        p1, "exposure.screens_docs", ItemState.ISSUE, "Bildschirm bei 0:14 lesbar – Schnitt neu"
    )
    anna.submit_for_review(p1)

    p2 = jonas.create(
        PostInput(
            account=DEMO_ACCOUNT,
            purpose="recruiting",
            title="Ausbildung bei der Stadt: Noah erzählt",
            format="takeover",
            audience="applicants",
            planned_at=at(5),
            hashtags="#ausbildung #takeover",
        )
    )
    jonas.add_person(p2, noah, "ganzes Video, spricht in die Kamera")
    tick(jonas, p2)

    p3 = anna.create(
        PostInput(
            account=DEMO_ACCOUNT,
            purpose="recruiting",
            title="Feuerwehr-Übung hinter den Kulissen",
            format="behind_the_scenes",
            audience="general",
            planned_at=at(2, 11),
            music_source="eigene Aufnahme",
            hashtags="#feuerwehr #112",
        )
    )
    anna.add_person(p3, thomas, "Einsatzleiter, 0:03–0:30")
    tick(anna, p3)
    anna.submit_for_review(p3)
    jonas.approve(p3, "Schnitt geprüft, passt.")

    p4 = jonas.create(
        PostInput(
            account=DEMO_ACCOUNT,
            purpose="recruiting",
            title="Mythen-Check: Personalausweis in 5 Minuten?",
            format="myth_buster",
            audience="citizens",
            planned_at=at(-10, 9),
            hashtags="#bürgeramt #mythos",
        )
    )
    jonas.add_person(p4, emre, "Sachbearbeiter, erklärt den Ablauf")
    tick(jonas, p4)
    anna.approve(p4)
    jonas.mark_published(p4, at(-10, 9), "https://www.tiktok.com/@musterhausen/video/7301")
    people.record_withdrawal(
        emre,
        WithdrawalInput(
            on=days(-2),
            channel="E-Mail",
            received_by="Leyla Demir",
            note="Bitte Video entfernen; interne Kopien löschen.",
        ),
    )

    p5 = anna.create(
        PostInput(
            account=DEMO_ACCOUNT,
            purpose="recruiting",
            title="Neues Bürgerbüro am Markt",
            format="service_info",
            audience="citizens",
            planned_at=at(20),
        )
    )
    anna.add_person(p5, lange, "Kundin am Empfang")

    p6 = jonas.create(
        PostInput(
            account=DEMO_ACCOUNT,
            purpose="recruiting",
            title="Sommerfest-Rückblick",
            format="event",
            audience="staff",
            planned_at=at(-40),
        )
    )
    tick(jonas, p6)
    anna.approve(p6)
    jonas.mark_published(p6, at(-40))
    jonas.mark_taken_down(p6, at(-20))

    p7 = anna.create(
        PostInput(
            account=DEMO_ACCOUNT,
            purpose="recruiting",
            title="Wahlhelfer:innen gesucht",
            format="service_info",
            audience="citizens",
            planned_at=at(6, 12),
        )
    )
    tick(anna, p7, skip=("public.captions",))
    anna.set_item(
        p7,
        "public.captions",
        ItemState.ISSUE,
        "Kontrast knapp",
        "Nur Musik und Grafik, Text zusätzlich in der Beschreibung",
    )
    anna.submit_for_review(p7)

    anna.create(
        PostInput(
            account=DEMO_ACCOUNT,
            purpose="recruiting",
            title="Ein Tag mit der Stadtgärtnerei",
            format="behind_the_scenes",
            audience="general",
        )
    )
    OverviewService(ctx).set_account_check("account.imprint_privacy", True)
