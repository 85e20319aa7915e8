"""Closed value sets of the data model, with their German and English labels.

Values are stored in the database as the enum's ``value`` (a stable English key); labels are
for people and can change.  Importers map foreign words to these keys through ``aliases``.
"""

from __future__ import annotations

import functools
from enum import Enum

from tikdesk.domain.i18n import language


class LabeledEnum(str, Enum):  # noqa: UP042 (str() must stay 'Cls.MEMBER', not StrEnum's)
    """A str enum whose members carry ``(de, en)`` labels in ``_labels``."""

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        raise NotImplementedError

    @property
    def label_de(self) -> str:
        return self._label_table()[self.value][0]

    @property
    def label_en(self) -> str:
        return self._label_table()[self.value][1]

    @property
    def label(self) -> str:
        """Label in the current UI language."""
        return self.label_de if language() == "de" else self.label_en

    @classmethod
    def aliases(cls) -> dict[str, LabeledEnum]:
        """Lower-cased words (key, German and English label, extras) → member.

        Built once per enum: importers call :meth:`parse` for every cell.
        """
        return _alias_table(cls)

    def _extra_aliases(self) -> tuple[str, ...]:
        return ()

    @classmethod
    def parse(cls, text: str) -> LabeledEnum | None:
        """The member a (German or English) word means, or ``None``."""
        return cls.aliases().get(_norm(text))


@functools.cache
def _alias_table(cls: type[LabeledEnum]) -> dict[str, LabeledEnum]:
    table: dict[str, LabeledEnum] = {}
    for member in cls:
        for word in (member.value, member.label_de, member.label_en, *member._extra_aliases()):
            table[_norm(word)] = member
    return table


def _norm(word: str) -> str:
    return " ".join(word.replace("_", " ").replace("-", " ").lower().split())


class IdeaStatus(LabeledEnum):
    NEW = "new"
    SHORTLISTED = "shortlisted"
    PLANNED = "planned"
    IN_PRODUCTION = "in_production"
    DONE = "done"
    DISCARDED = "discarded"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "new": ("Neu", "New"),
            "shortlisted": ("Vorgemerkt", "Shortlisted"),
            "planned": ("Geplant", "Planned"),
            "in_production": ("In Produktion", "In production"),
            "done": ("Erledigt", "Done"),
            "discarded": ("Verworfen", "Discarded"),
        }

    def _extra_aliases(self) -> tuple[str, ...]:
        return {
            "new": ("offen", "idee", "open", "todo", "to do"),
            "shortlisted": ("auswahl", "favorit", "shortlist"),
            "planned": ("eingeplant", "terminiert", "scheduled", "in planung", "planung"),
            "in_production": ("in arbeit", "produktion", "dreh", "in progress", "wip"),
            "done": ("fertig", "veröffentlicht", "abgeschlossen", "published", "finished"),
            "discarded": ("abgelehnt", "verworfen", "rejected", "dropped", "cancelled"),
        }[self.value]


class IdeaFormat(LabeledEnum):
    TREND_SOUND = "trend_sound"
    DANCE = "dance"
    BEHIND_THE_SCENES = "behind_the_scenes"
    EXPLAINER = "explainer"
    MYTH_BUSTER = "myth_buster"
    Q_AND_A = "q_and_a"
    TAKEOVER = "takeover"
    SERVICE_INFO = "service_info"
    EVENT = "event"
    OTHER = "other"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "trend_sound": ("Trend-Sound", "Trend sound"),
            "dance": ("Tanz", "Dance"),
            "behind_the_scenes": ("Blick hinter die Kulissen", "Behind the scenes"),
            "explainer": ("Erklärvideo", "Explainer"),
            "myth_buster": ("Mythen-Check", "Myth buster"),
            "q_and_a": ("Fragen & Antworten", "Q&A"),
            "takeover": ("Takeover", "Takeover"),
            "service_info": ("Service-Info", "Service info"),
            "event": ("Veranstaltung", "Event"),
            "other": ("Sonstiges", "Other"),
        }

    def _extra_aliases(self) -> tuple[str, ...]:
        return {
            "trend_sound": ("trend", "sound", "trendsound", "trend sound"),
            "dance": ("tanzvideo", "challenge"),
            "behind_the_scenes": ("hinter den kulissen", "bts", "backstage", "einblick"),
            "explainer": ("erklärung", "erklärfilm", "tutorial", "how to"),
            "myth_buster": ("mythos", "mythen", "mythbuster", "faktencheck", "myth"),
            "q_and_a": ("q&a", "fragen und antworten", "faq", "fragerunde"),
            "takeover": ("übernahme", "account takeover"),
            "service_info": ("service", "info", "serviceinfo", "information"),
            "event": ("event", "termin", "aktion"),
            "other": ("andere", "misc"),
        }[self.value]


class Audience(LabeledEnum):
    APPLICANTS = "applicants"
    CITIZENS = "citizens"
    STAFF = "staff"
    GENERAL = "general"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "applicants": ("Bewerber:innen", "Applicants"),
            "citizens": ("Bürger:innen", "Citizens"),
            "staff": ("Beschäftigte", "Staff"),
            "general": ("Allgemein", "General"),
        }

    def _extra_aliases(self) -> tuple[str, ...]:
        return {
            "applicants": (
                "bewerber",
                "bewerberinnen",
                "nachwuchs",
                "azubis",
                "recruiting",
                "schüler",
                "schülerinnen",
                "auszubildende",
            ),
            "citizens": ("bürger", "bürgerinnen", "bürgerschaft", "einwohner", "public"),
            "staff": ("mitarbeitende", "mitarbeiter", "intern", "beschäftigte", "employees"),
            "general": ("alle", "all", "everyone", "allgemeinheit"),
        }[self.value]


class Priority(LabeledEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {"high": ("Hoch", "High"), "medium": ("Mittel", "Medium"), "low": ("Niedrig", "Low")}

    def _extra_aliases(self) -> tuple[str, ...]:
        return {
            "high": ("1", "a", "hohe", "wichtig", "dringend"),
            "medium": ("2", "b", "normal", "mittlere"),
            "low": ("3", "c", "gering", "niedrige"),
        }[self.value]

    @property
    def rank(self) -> int:
        """Sort key: high first."""
        return {"high": 0, "medium": 1, "low": 2}[self.value]


class PostStatus(LabeledEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    PUBLISHED = "published"
    TAKEN_DOWN = "taken_down"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "draft": ("Entwurf", "Draft"),
            "in_review": ("In Prüfung", "In review"),
            "approved": ("Freigegeben", "Approved"),
            "published": ("Veröffentlicht", "Published"),
            "taken_down": ("Offline genommen", "Taken down"),
        }


class ChecklistProfile(LabeledEnum):
    GENERAL = "general"
    POLICE = "police"
    THEATRE = "theatre"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "general": ("Allgemein", "General"),
            "police": ("Polizei", "Police"),
            "theatre": ("Theater", "Theatre"),
        }


class ItemState(LabeledEnum):
    OPEN = "open"
    OK = "ok"
    NOT_APPLICABLE = "not_applicable"
    ISSUE = "issue"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "open": ("Offen", "Open"),
            "ok": ("In Ordnung", "OK"),
            "not_applicable": ("Entfällt", "Not applicable"),
            "issue": ("Problem", "Issue"),
        }


class Gate(LabeledEnum):
    BLOCK = "block"
    WARN = "warn"
    ACCOUNT = "account"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "block": ("Blockierend", "Blocking"),
            "warn": ("Warnung", "Warning"),
            "account": ("Konto", "Account"),
        }


class PersonCategory(LabeledEnum):
    EMPLOYEE = "employee"
    APPRENTICE = "apprentice"
    CITIZEN = "citizen"
    PERFORMER = "performer"
    EXTERNAL = "external"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "employee": ("Beschäftigte:r", "Employee"),
            "apprentice": ("Auszubildende:r", "Apprentice"),
            "citizen": ("Bürger:in", "Citizen"),
            "performer": ("Mitwirkende:r", "Performer"),
            "external": ("Extern", "External"),
        }


class ConsentForm(LabeledEnum):
    WRITTEN = "written"
    ELECTRONIC = "electronic"
    OTHER = "other"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "written": ("Schriftlich", "Written"),
            "electronic": ("Elektronisch", "Electronic"),
            "other": ("Sonstige", "Other"),
        }


class ConsentRole(LabeledEnum):
    """Who gave a consent record: the person themself, or a custodian of a minor."""

    SUBJECT = "subject"
    CUSTODIAN = "custodian"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "subject": ("Person selbst", "Person themself"),
            "custodian": ("Sorgeberechtigte:r", "Custodian"),
        }


class AgeState(LabeledEnum):
    """Every person has one of these (issue 16); "unknown" blocks approval."""

    ADULT = "adult"  # adult, confirmed
    MINOR = "minor"  # minor, with a birth date (the age follows from it)
    UNKNOWN = "unknown"
    ADULT_MIGRATED = "adult_migrated"  # not a minor in a database of an earlier version

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "adult": ("volljährig (bestätigt)", "adult (confirmed)"),
            "minor": ("minderjährig (mit Geburtsdatum)", "minor (with date of birth)"),
            "unknown": ("Alter unbekannt", "age unknown"),
            "adult_migrated": (
                "volljährig (aus Vorversion übernommen)",
                "adult (taken over from an earlier version)",
            ),
        }


class CustodianRelation(LabeledEnum):
    MOTHER = "mother"
    FATHER = "father"
    GUARDIAN = "guardian"
    OTHER = "other"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "mother": ("Mutter", "Mother"),
            "father": ("Vater", "Father"),
            "guardian": ("Vormund", "Guardian"),
            "other": ("andere:r Sorgeberechtigte:r", "other custodian"),
        }


class Role(LabeledEnum):
    """What an account may do; kept in the database, every change audited."""

    EDITOR = "editor"
    APPROVER = "approver"
    DSB = "dsb"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "editor": ("Redaktion", "Editor"),
            "approver": ("Freigabe", "Approver"),
            "dsb": ("Datenschutzbeauftragte:r (DSB)", "Data-protection officer (DSB)"),
        }
