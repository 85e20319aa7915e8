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
    if PeopleService(ctx).list_people() or PostService(ctx).list_posts():
        return
    demo = _Clearance(ctx)
    who = demo.register()
    demo.team()
    demo.posts_in_review(who)
    demo.posts_published(who)
    demo.posts_open(who)
    OverviewService(ctx).set_account_check("account.imprint_privacy", True)


class _Clearance:
    """The demo's people and posts, with the helpers that build them."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.people = PeopleService(ctx)
        self.today = ctx.clock.today()
        self.signed = {
            "form": "written",
            "text_version": "EW-2026-1",
            "art13_version": "DS-Info 3.2",
            "collected_by": "Leyla Demir",
            "collected_place": "Rathaus, Raum 112",
            "purposes": frozenset({"recruiting", "employer_branding"}),
            "shown_as": frozenset({"face", "name", "voice"}),
            "valid_from": self.days(-60),
            "collected_on": self.days(-60),
            "valid_until": self.days(300),
        }
        self.anna = PostService(dataclasses.replace(ctx, user="Anna Becker"))
        self.jonas = PostService(dataclasses.replace(ctx, user="Jonas Weber"))

    def days(self, n: int) -> dt.date:
        return self.today + dt.timedelta(days=n)

    def at(self, n: int, hour: int = 16) -> dt.datetime:
        return dt.datetime.combine(self.days(n), dt.time(hour, 0))

    def born(self, age: int, extra_days: int = 40) -> dt.date:
        today = self.today
        return dt.date(today.year - age - 1, today.month, 1) + dt.timedelta(days=extra_days)

    def person(
        self,
        name: str,
        category: str,
        birth: dt.date | None = None,
        contact: str = "",
        retention_until: dt.date | None = None,
    ) -> int:
        return self.people.create_person(
            PersonInput(
                display_name=name,
                category=category,
                birth_date=birth,
                contact=contact,
                retention_until=retention_until,
            )
        )

    def consent(self, pid: int, **extra: object) -> int:
        values = {**self.signed, **extra}
        values["document_ref"] = values.get("document_ref") or f"Az. 10-04/{pid:03d}"
        return self.people.add_consent(pid, ConsentFacts(**values))  # type: ignore[arg-type]

    def register(self) -> dict[str, int]:
        """The people of the demo and their consents, in every state; their ids by name."""
        mia = self.person(
            "Mia Schneider", "apprentice", self.born(17, 200), contact="über Ausbildungsleitung"
        )
        self.consent(mia)
        self.consent(
            mia,
            role="custodian",
            custodian_person_id=self.person("Katrin Schneider", "citizen"),
            custodian_relation="mother",
        )
        self.consent(
            mia,
            role="custodian",
            custodian_person_id=self.person("Frank Schneider", "citizen"),
            custodian_relation="father",
        )
        noah = self.person("Noah Yılmaz", "apprentice", self.born(15), contact="noah.y@example.org")
        self.consent(noah)
        self.consent(
            noah,
            role="custodian",
            custodian_person_id=self.person("Elif Yılmaz", "citizen"),
            custodian_relation="mother",
        )
        sabine = self.person("Sabine Hoffmann", "employee", contact="Durchwahl 2231")
        self.consent(sabine, no_disadvantage_confirmed=True)
        thomas = self.person("Thomas Krause", "employee", contact="Feuerwache 1")
        self.consent(thomas, valid_until=self.days(12), no_disadvantage_confirmed=True)
        emre = self.person("Emre Aydın", "employee", contact="emre.aydin@example.org")
        self.consent(emre, no_disadvantage_confirmed=True)
        lange = self.person("Helga Lange", "citizen", contact="Tel. 0151 000000")
        self.consent(lange, platforms=frozenset({"instagram", "website"}))
        paul = self.person(
            "Paul Richter",
            "apprentice",
            self.today.replace(year=self.today.year - 18) + dt.timedelta(days=20)
            if (self.today.month, self.today.day) != (2, 29)
            else dt.date(self.today.year - 18, 3, 20),
        )
        self.consent(
            paul,
            role="custodian",
            custodian_person_id=self.person("Ute Richter", "citizen"),
            custodian_relation="mother",
            valid_until=None,
        )
        self.consent(
            paul,
            role="custodian",
            custodian_person_id=self.person("Jan Richter", "citizen"),
            custodian_relation="father",
            valid_until=None,
        )
        self.consent(paul)
        self.person(
            "Greta Vogel", "performer", retention_until=self.days(-3), contact="Agentur Nord"
        )

        return {
            "mia": mia,
            "noah": noah,
            "sabine": sabine,
            "thomas": thomas,
            "emre": emre,
            "lange": lange,
        }

    def team(self) -> None:
        with self.ctx.db.transaction() as s:  # the demo team: both may approve, Anna is the DSB
            for account, granted in (
                ("Anna Becker", ("editor", "approver", "dsb")),
                ("Jonas Weber", ("editor", "approver")),
                (self.ctx.user, ("editor", "approver", "dsb")),
            ):
                for role in granted:
                    roles_repo.grant(s, account, role, "demo", self.ctx.clock.stamp())

    def tick(self, svc: PostService, post: int, skip: tuple[str, ...] = ()) -> None:
        for item in svc.get(post).definition.post_items:
            if (
                item.derived
                or item.key in skip
                or (item.applies_when and item.applies_when != "minor_present")
            ):
                continue
            if item.applies_when == "minor_present" and not svc.get(post).gate.minor_present:
                continue
            (self.anna if item.key == "people.exception_dsb" else svc).set_item(  # the DSB's
                post,
                item.key,
                ItemState.OK,
                "Geprüft im Schnitt" if item.key.startswith("exposure") else "",
            )

    def posts_in_review(self, who: dict[str, int]) -> None:
        """A post with a problem in review, one whose checks are done, one approved."""
        p1 = self.anna.create(
            PostInput(
                account=DEMO_ACCOUNT,
                purpose="recruiting",
                title="Azubi-Tag im Bürgeramt",
                format="behind_the_scenes",
                audience="applicants",
                caption="Mein erster Tag – und gleich 40 Personalausweise? 😅 #ausbildung",
                hashtags="#ausbildung #stadtverwaltung #azubi",
                planned_at=self.at(3),
                music_source="TikTok Commercial Music Library: „Sunny Day“",
            )
        )
        self.anna.add_person(p1, who["mia"], "0:00–0:20 Intro, Gesicht und Stimme")
        self.anna.add_person(p1, who["sabine"], "0:12 am Schalter im Hintergrund")
        self.tick(self.anna, p1, skip=("people.minors_settings", "exposure.screens_docs"))
        self.anna.set_item(
            p1, "exposure.screens_docs", ItemState.ISSUE, "Bildschirm bei 0:14 lesbar – Schnitt neu"
        )
        self.anna.submit_for_review(p1)

        p2 = self.jonas.create(
            PostInput(
                account=DEMO_ACCOUNT,
                purpose="recruiting",
                title="Ausbildung bei der Stadt: Noah erzählt",
                format="takeover",
                audience="applicants",
                planned_at=self.at(5),
                hashtags="#ausbildung #takeover",
            )
        )
        self.jonas.add_person(p2, who["noah"], "ganzes Video, spricht in die Kamera")
        self.tick(self.jonas, p2)

        p3 = self.anna.create(
            PostInput(
                account=DEMO_ACCOUNT,
                purpose="recruiting",
                title="Feuerwehr-Übung hinter den Kulissen",
                format="behind_the_scenes",
                audience="general",
                planned_at=self.at(2, 11),
                music_source="eigene Aufnahme",
                hashtags="#feuerwehr #112",
            )
        )
        self.anna.add_person(p3, who["thomas"], "Einsatzleiter, 0:03–0:30")
        self.tick(self.anna, p3)
        self.anna.submit_for_review(p3)
        self.jonas.approve(p3, "Schnitt geprüft, passt.")

    def posts_published(self, who: dict[str, int]) -> None:
        """A published post whose person withdrew, and one taken down."""
        p4 = self.jonas.create(
            PostInput(
                account=DEMO_ACCOUNT,
                purpose="recruiting",
                title="Mythen-Check: Personalausweis in 5 Minuten?",
                format="myth_buster",
                audience="citizens",
                planned_at=self.at(-10, 9),
                hashtags="#bürgeramt #mythos",
            )
        )
        self.jonas.add_person(p4, who["emre"], "Sachbearbeiter, erklärt den Ablauf")
        self.tick(self.jonas, p4)
        self.anna.approve(p4)
        self.jonas.mark_published(
            p4, self.at(-10, 9), "https://www.tiktok.com/@musterhausen/video/7301"
        )
        self.people.record_withdrawal(
            who["emre"],
            WithdrawalInput(
                on=self.days(-2),
                channel="E-Mail",
                received_by="Leyla Demir",
                note="Bitte Video entfernen; interne Kopien löschen.",
            ),
        )

    def posts_open(self, who: dict[str, int]) -> None:
        """Drafts: one with a person without TikTok consent, one with a written exception,
        one without a date."""
        p5 = self.anna.create(
            PostInput(
                account=DEMO_ACCOUNT,
                purpose="recruiting",
                title="Neues Bürgerbüro am Markt",
                format="service_info",
                audience="citizens",
                planned_at=self.at(20),
            )
        )
        self.anna.add_person(p5, who["lange"], "Kundin am Empfang")

        p6 = self.jonas.create(
            PostInput(
                account=DEMO_ACCOUNT,
                purpose="recruiting",
                title="Sommerfest-Rückblick",
                format="event",
                audience="staff",
                planned_at=self.at(-40),
            )
        )
        self.tick(self.jonas, p6)
        self.anna.approve(p6)
        self.jonas.mark_published(p6, self.at(-40))
        self.jonas.mark_taken_down(p6, self.at(-20))

        p7 = self.anna.create(
            PostInput(
                account=DEMO_ACCOUNT,
                purpose="recruiting",
                title="Wahlhelfer:innen gesucht",
                format="service_info",
                audience="citizens",
                planned_at=self.at(6, 12),
            )
        )
        self.tick(self.anna, p7, skip=("public.captions",))
        self.anna.set_item(
            p7,
            "public.captions",
            ItemState.ISSUE,
            "Kontrast knapp",
            "Nur Musik und Grafik, Text zusätzlich in der Beschreibung",
        )
        self.anna.submit_for_review(p7)

        self.anna.create(
            PostInput(
                account=DEMO_ACCOUNT,
                purpose="recruiting",
                title="Ein Tag mit der Stadtgärtnerei",
                format="behind_the_scenes",
                audience="general",
            )
        )
