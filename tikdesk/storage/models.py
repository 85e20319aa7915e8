"""SQLAlchemy 2.x ORM models — the whole data model of ARCHITECTURE.md §2.

Enum columns store the domain enum's stable ``value`` as plain text (portable to
PostgreSQL, readable in any SQLite browser).  Times are stored as naive UTC-free local
``DateTime`` values; dates as ``Date``.  Rows that users edit carry a ``version`` counter for
conflict detection once several people share a server database: it is the mapper's
``version_id_col``, so every ORM UPDATE or DELETE of an idea, post, person or consent carries
``WHERE version = :loaded`` and fails (StaleDataError → an edit conflict naming who changed
it) when someone else changed the row meanwhile.  TikDesk counts the version up itself.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tikdesk.domain.clock import SYSTEM_CLOCK

# Stable constraint names so that Alembic batch migrations can address them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _now() -> dt.datetime:
    return SYSTEM_CLOCK.stamp()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ImportBatch(Base):
    """One import of one file: makes every import traceable and re-imports idempotent."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # "ideas", "analytics"
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    imported_by: Mapped[str] = mapped_column(String(200), default="")
    rows_inserted: Mapped[int] = mapped_column(Integer, default=0)
    rows_updated: Mapped[int] = mapped_column(Integer, default=0)
    rows_skipped: Mapped[int] = mapped_column(Integer, default=0)


class Idea(Base):
    __tablename__ = "idea"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    hook: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    format: Mapped[str] = mapped_column(String(32), default="other", index=True)
    audience: Mapped[str] = mapped_column(String(32), default="general", index=True)
    pillar: Mapped[str] = mapped_column(String(200), default="")
    tags: Mapped[str] = mapped_column(Text, default="")  # comma-separated, normalised
    status: Mapped[str] = mapped_column(String(32), default="new", index=True)
    priority: Mapped[str] = mapped_column(String(16), default="medium")
    effort: Mapped[int | None] = mapped_column(Integer, nullable=True)  # hours, rough
    owner: Mapped[str] = mapped_column(String(200), default="")
    target_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    sound_ref: Mapped[str] = mapped_column(String(500), default="")
    board_rank: Mapped[float] = mapped_column(Float, default=0.0)  # order inside a board column
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # atomic: every UPDATE/DELETE carries "WHERE version = :loaded" (see module doc)
    __mapper_args__ = {  # noqa: RUF012 - read once by the mapper
        "version_id_col": version,
        "version_id_generator": False,
    }
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), nullable=True
    )

    posts: Mapped[list[Post]] = relationship(back_populates="idea")


class Post(Base):
    """The concrete video that goes (or went) out; its clearance hangs off it."""

    __tablename__ = "post"

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int | None] = mapped_column(
        ForeignKey("idea.id", ondelete="SET NULL"), nullable=True, index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    caption: Mapped[str] = mapped_column(Text, default="")
    # internal note (issue 19): never published, never in the .ics export or the fingerprint
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    hashtags: Mapped[str] = mapped_column(Text, default="")
    format: Mapped[str] = mapped_column(String(32), default="other")
    audience: Mapped[str] = mapped_column(String(32), default="general")
    planned_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    taken_down_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    video_link: Mapped[str] = mapped_column(String(500), default="", index=True)
    account: Mapped[str] = mapped_column(String(200), default="")
    checklist_profile: Mapped[str] = mapped_column(String(32), default="general")
    music_source: Mapped[str] = mapped_column(String(500), default="")
    # What the post is for (consent purposes, domain.consent.PURPOSES); "" = not stated yet.
    purpose: Mapped[str] = mapped_column(String(32), default="")
    paid_promotion: Mapped[bool] = mapped_column(Boolean, default=False)
    author: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(32), default="draft", index=True)
    # The final video file (issue 18): never copied; its SHA-256 is part of the approval.
    video_path: Mapped[str] = mapped_column(Text, default="", server_default="")
    video_size: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    video_sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # atomic: every UPDATE/DELETE carries "WHERE version = :loaded" (see module doc)
    __mapper_args__ = {  # noqa: RUF012 - read once by the mapper
        "version_id_col": version,
        "version_id_generator": False,
    }

    idea: Mapped[Idea | None] = relationship(back_populates="posts")
    appearances: Mapped[list[Appearance]] = relationship(
        back_populates="post", cascade="all, delete-orphan"
    )
    checklist: Mapped[list[ChecklistResult]] = relationship(
        back_populates="post", cascade="all, delete-orphan"
    )
    approvals: Mapped[list[Approval]] = relationship(
        back_populates="post", cascade="all, delete-orphan"
    )


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32), default="employee")
    is_minor: Mapped[bool] = mapped_column(Boolean, default=False)
    birth_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # minors only
    # domain.consent.AgeState: adult | minor | unknown | adult_migrated (issue 16).
    age_state: Mapped[str] = mapped_column(String(32), default="adult", index=True)
    # A child judged mature enough must give their own consent before the profile's age.
    own_consent_early: Mapped[bool] = mapped_column(Boolean, default=False)
    contact: Mapped[str] = mapped_column(String(300), default="")  # for withdrawal
    sole_custody_note: Mapped[str] = mapped_column(Text, default="")
    retention_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    erased_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # atomic: every UPDATE/DELETE carries "WHERE version = :loaded" (see module doc)
    __mapper_args__ = {  # noqa: RUF012 - read once by the mapper
        "version_id_col": version,
        "version_id_generator": False,
    }

    consents: Mapped[list[Consent]] = relationship(
        back_populates="person", cascade="all, delete-orphan", foreign_keys="Consent.person_id"
    )
    appearances: Mapped[list[Appearance]] = relationship(back_populates="person")


class Consent(Base):
    """One consent declaration: by the person themself or by one custodian of a minor."""

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="subject")  # subject | custodian
    custodian_name: Mapped[str] = mapped_column(String(200), default="")
    # The custodian as a registry person: the same person never counts twice.
    custodian_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True, index=True
    )
    custodian_relation: Mapped[str] = mapped_column(String(100), default="")
    platforms: Mapped[str] = mapped_column(Text, default="tiktok")  # comma-separated keys
    purposes: Mapped[str] = mapped_column(Text, default="")
    shown_as: Mapped[str] = mapped_column(Text, default="")  # face, name, role, voice
    valid_from: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    valid_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    review_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    form: Mapped[str] = mapped_column(String(16), default="written")
    form_reason: Mapped[str] = mapped_column(Text, default="")
    document_ref: Mapped[str] = mapped_column(String(300), default="")
    text_version: Mapped[str] = mapped_column(String(100), default="")
    art13_version: Mapped[str] = mapped_column(String(100), default="")
    no_disadvantage_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    collected_by: Mapped[str] = mapped_column(String(200), default="")
    collected_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    collected_place: Mapped[str] = mapped_column(String(200), default="")
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    withdrawal_channel: Mapped[str] = mapped_column(String(100), default="")
    withdrawal_received_by: Mapped[str] = mapped_column(String(200), default="")
    withdrawal_note: Mapped[str] = mapped_column(Text, default="")
    # Number printed (text and QR) on the consent form; typing it opens this record.
    form_number: Mapped[str] = mapped_column(String(32), default="", server_default="", index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # atomic: every UPDATE/DELETE carries "WHERE version = :loaded" (see module doc)
    __mapper_args__ = {  # noqa: RUF012 - read once by the mapper
        "version_id_col": version,
        "version_id_generator": False,
    }

    person: Mapped[Person] = relationship(back_populates="consents", foreign_keys=[person_id])


class EvidenceFile(Base):
    """A signed form or other proof of one consent record (issue 18).

    The file itself lives in the data folder under its SHA-256 (``evidence/ab/abcd….pdf``);
    the row keeps the hash, the original name and the sniffed type.  Erasing the person
    deletes the rows (cascade) and the files (services.evidence).
    """

    __tablename__ = "evidence_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    consent_id: Mapped[int] = mapped_column(
        ForeignKey("consent.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(300), default="")
    content_type: Mapped[str] = mapped_column(String(16))  # pdf | jpg | png
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    added_by: Mapped[str] = mapped_column(String(200), default="")


class ConsentForm(Base):
    """A printed consent form (issue 18): its number, what it was prefilled with and the
    versions of the texts it carried.  The consent records made from the signed form keep
    the number (``Consent.form_number``); erasing the person deletes the row."""

    __tablename__ = "consent_form"

    id: Mapped[int] = mapped_column(primary_key=True)
    form_number: Mapped[str] = mapped_column(String(32), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    post_id: Mapped[int | None] = mapped_column(
        ForeignKey("post.id", ondelete="SET NULL"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # domain.forms.FormKind
    platforms: Mapped[str] = mapped_column(Text, default="")
    purposes: Mapped[str] = mapped_column(Text, default="")
    shown_as: Mapped[str] = mapped_column(Text, default="")
    valid_from: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    valid_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    text_version: Mapped[str] = mapped_column(String(100), default="")
    art13_version: Mapped[str] = mapped_column(String(100), default="")
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    issued_by: Mapped[str] = mapped_column(String(200), default="")


class Appearance(Base):
    __tablename__ = "appearance"
    __table_args__ = (UniqueConstraint("post_id", "person_id", name="uq_appearance_post_person"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), index=True)
    # NULL once the person was erased: the appearance stays, anonymous.
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True, index=True
    )
    scene_note: Mapped[str] = mapped_column(Text, default="")
    # How the person is shown (domain.consent.SHOWN_AS keys, comma-separated).
    shown_as: Mapped[str] = mapped_column(Text, default="face")

    post: Mapped[Post] = relationship(back_populates="appearances")
    person: Mapped[Person | None] = relationship(back_populates="appearances")


class ChecklistResult(Base):
    __tablename__ = "checklist_result"
    __table_args__ = (UniqueConstraint("post_id", "item_key", name="uq_checklist_post_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), index=True)
    item_key: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(16), default="open")
    note: Mapped[str] = mapped_column(Text, default="")
    override_reason: Mapped[str] = mapped_column(Text, default="")  # WARN items only
    set_by: Mapped[str] = mapped_column(String(200), default="")
    set_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)

    post: Mapped[Post] = relationship(back_populates="checklist")


class Approval(Base):
    """Four-eyes sign-off; ``revoked_at`` is set when the post changes afterwards."""

    __tablename__ = "approval"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), index=True)
    approver: Mapped[str] = mapped_column(String(200))  # the OS / database account
    approver_label: Mapped[str] = mapped_column(String(200), default="")  # display name
    # SHA-256 over what was approved (domain.clearance.fingerprint), shown in the history.
    fingerprint: Mapped[str] = mapped_column(String(64), default="")
    approved_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    comment: Mapped[str] = mapped_column(Text, default="")
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    revoked_reason: Mapped[str] = mapped_column(Text, default="")

    post: Mapped[Post] = relationship(back_populates="approvals")


class UserRole(Base):
    """One role (editor, approver, dsb) of one account; changes are audited."""

    __tablename__ = "user_role"
    __table_args__ = (UniqueConstraint("account", "role", name="uq_user_role_account_role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(String(200), index=True)
    role: Mapped[str] = mapped_column(String(16))
    granted_by: Mapped[str] = mapped_column(String(200), default="")
    granted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class AuditEvent(Base):
    """Append-only log; triggers (see storage.engine) reject UPDATE and DELETE."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    entity: Mapped[str] = mapped_column(String(32))  # post, person, consent, checklist …
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Person concerned, kept as an id only: erasure leaves the event, not the name.
    person_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    action: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")


class AuditNote(Base):
    """The free text of one audit event (a reason, a channel), kept apart from the event.

    The event stays append-only; its note is what a person may have typed a name into, so an
    erasure (Art. 17 DSGVO) may redact it, leaving a new event that says when and by whom.
    """

    __tablename__ = "audit_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("audit_event.id", ondelete="CASCADE"), unique=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    redacted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    redacted_by: Mapped[str] = mapped_column(String(200), default="")


class ErasureEntry(Base):
    """The erasure register: who was erased (by id), when and by which account — no name.

    ``person_created_at`` tells the erased person apart from a later person who got the same
    id in an older state of the file.  A copy lives beside the database (see
    storage.repositories.erasure) so that restoring a backup can re-apply it.
    """

    __tablename__ = "erasure_register"

    person_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    person_created_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    erased_at: Mapped[dt.datetime] = mapped_column(DateTime)
    account: Mapped[str] = mapped_column(String(200), default="")
    # Keyed SHA-256 of name and birth date (issue 18): an import recognises the erased
    # person without the register holding the name.
    identity_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")


class AccountDaily(Base):
    __tablename__ = "account_daily"
    __table_args__ = (UniqueConstraint("account", "day", name="uq_account_daily_account_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(String(200))
    day: Mapped[dt.date] = mapped_column(Date)
    video_views: Mapped[int | None] = mapped_column(Integer, nullable=True)
    profile_views: Mapped[int | None] = mapped_column(Integer, nullable=True)
    likes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    comments: Mapped[int | None] = mapped_column(Integer, nullable=True)
    shares: Mapped[int | None] = mapped_column(Integer, nullable=True)
    followers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    new_followers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    lost_followers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reached_audience: Mapped[int | None] = mapped_column(Integer, nullable=True)
    total_viewers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    new_viewers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    returning_viewers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), nullable=True
    )


class AudienceSnapshot(Base):
    """Follower distributions (gender, territories) and activity, as fractions."""

    __tablename__ = "audience_snapshot"
    __table_args__ = (
        UniqueConstraint("account", "kind", "key", "taken_on", name="uq_audience_snapshot_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))  # gender | territory | activity
    key: Mapped[str] = mapped_column(String(100))  # e.g. "Female", "DE", "2026-10-01 14"
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    taken_on: Mapped[dt.date] = mapped_column(Date)
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), nullable=True
    )


class VideoStats(Base):
    __tablename__ = "video_stats"
    __table_args__ = (
        UniqueConstraint("video_link", "snapshot_date", name="uq_video_stats_link_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(String(200), default="")
    video_link: Mapped[str] = mapped_column(String(500), index=True)
    snapshot_date: Mapped[dt.date] = mapped_column(Date)
    video_title: Mapped[str] = mapped_column(Text, default="")
    posted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    views: Mapped[int | None] = mapped_column(Integer, nullable=True)
    likes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    comments: Mapped[int | None] = mapped_column(Integer, nullable=True)
    shares: Mapped[int | None] = mapped_column(Integer, nullable=True)
    favourites: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # TikTok Studio's richer per-video export (issue 20, migration 0004)
    avg_watch_seconds: Mapped[float | None] = mapped_column(Float, nullable=True)
    completion_rate: Mapped[float | None] = mapped_column(Float, nullable=True)  # 0..1
    reach: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # a value came from an abbreviated count ("1.2K", "3,4 Mio."): shown with ≈, not summed
    approximate: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    manual: Mapped[bool] = mapped_column(Boolean, default=False)  # typed in by hand
    post_id: Mapped[int | None] = mapped_column(
        ForeignKey("post.id", ondelete="SET NULL"), nullable=True, index=True
    )
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), nullable=True
    )


class Benchmark(Base):
    """A peer account's dated snapshot, typed in by hand for comparison."""

    __tablename__ = "benchmark"
    __table_args__ = (UniqueConstraint("name", "day", name="uq_benchmark_name_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    day: Mapped[dt.date] = mapped_column(Date)
    followers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    likes: Mapped[int | None] = mapped_column(Integer, nullable=True)


class RecruitingFigure(Base):
    """Recruiting figures per month and account, recorded by the team (issue 20)."""

    __tablename__ = "recruiting_figure"
    __table_args__ = (
        UniqueConstraint("month", "account", name="uq_recruiting_figure_month_account"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[dt.date] = mapped_column(Date)  # first day of the month
    account: Mapped[str] = mapped_column(String(200))
    applications: Mapped[int | None] = mapped_column(Integer, nullable=True)  # naming TikTok
    career_link_clicks: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)


class Setting(Base):
    """Per-database settings shared by every user of the file (organisation name, logo …)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


Index("ix_idea_updated", Idea.updated_at)
# Post lists read which checklist items are done per post by state (clearance at 5,000 posts).
Index(
    "ix_checklist_result_state",
    ChecklistResult.state,
    ChecklistResult.post_id,
    ChecklistResult.item_key,
)
