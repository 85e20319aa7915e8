"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25

The whole data model of ARCHITECTURE.md §2, plus the append-only triggers of the audit log.
"""

from alembic import op
import sqlalchemy as sa


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_event_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "benchmark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("followers", sa.Integer(), nullable=True),
        sa.Column("likes", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benchmark")),
        sa.UniqueConstraint("name", "day", name="uq_benchmark_name_day"),
    )
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=200), nullable=False),
        sa.Column("rows_inserted", sa.Integer(), nullable=False),
        sa.Column("rows_updated", sa.Integer(), nullable=False),
        sa.Column("rows_skipped", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch")),
    )
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_import_batch_sha256"), ["sha256"], unique=False
        )

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("is_minor", sa.Boolean(), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("contact", sa.String(length=300), nullable=False),
        sa.Column("sole_custody_note", sa.Text(), nullable=False),
        sa.Column("retention_until", sa.Date(), nullable=True),
        sa.Column("erased_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "account_daily",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("video_views", sa.Integer(), nullable=True),
        sa.Column("profile_views", sa.Integer(), nullable=True),
        sa.Column("likes", sa.Integer(), nullable=True),
        sa.Column("comments", sa.Integer(), nullable=True),
        sa.Column("shares", sa.Integer(), nullable=True),
        sa.Column("followers", sa.Integer(), nullable=True),
        sa.Column("new_followers", sa.Integer(), nullable=True),
        sa.Column("lost_followers", sa.Integer(), nullable=True),
        sa.Column("reached_audience", sa.Integer(), nullable=True),
        sa.Column("total_viewers", sa.Integer(), nullable=True),
        sa.Column("new_viewers", sa.Integer(), nullable=True),
        sa.Column("returning_viewers", sa.Integer(), nullable=True),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batch.id"],
            name=op.f("fk_account_daily_import_batch_id_import_batch"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_daily")),
        sa.UniqueConstraint("account", "day", name="uq_account_daily_account_day"),
    )
    op.create_table(
        "audience_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batch.id"],
            name=op.f("fk_audience_snapshot_import_batch_id_import_batch"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audience_snapshot")),
        sa.UniqueConstraint(
            "account", "kind", "key", "taken_on", name="uq_audience_snapshot_key"
        ),
    )
    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("custodian_name", sa.String(length=200), nullable=False),
        sa.Column("custodian_relation", sa.String(length=100), nullable=False),
        sa.Column("platforms", sa.Text(), nullable=False),
        sa.Column("purposes", sa.Text(), nullable=False),
        sa.Column("shown_as", sa.Text(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("form", sa.String(length=16), nullable=False),
        sa.Column("form_reason", sa.Text(), nullable=False),
        sa.Column("document_ref", sa.String(length=300), nullable=False),
        sa.Column("text_version", sa.String(length=100), nullable=False),
        sa.Column("art13_version", sa.String(length=100), nullable=False),
        sa.Column("no_disadvantage_confirmed", sa.Boolean(), nullable=False),
        sa.Column("collected_by", sa.String(length=200), nullable=False),
        sa.Column("collected_on", sa.Date(), nullable=True),
        sa.Column("collected_place", sa.String(length=200), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("withdrawal_channel", sa.String(length=100), nullable=False),
        sa.Column("withdrawal_received_by", sa.String(length=200), nullable=False),
        sa.Column("withdrawal_note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_consent_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consent_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "idea",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("hook", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("format", sa.String(length=32), nullable=False),
        sa.Column("audience", sa.String(length=32), nullable=False),
        sa.Column("pillar", sa.String(length=200), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("effort", sa.Integer(), nullable=True),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("sound_ref", sa.String(length=500), nullable=False),
        sa.Column("board_rank", sa.Float(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batch.id"],
            name=op.f("fk_idea_import_batch_id_import_batch"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idea")),
    )
    with op.batch_alter_table("idea", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_idea_audience"), ["audience"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_idea_format"), ["format"], unique=False)
        batch_op.create_index(batch_op.f("ix_idea_status"), ["status"], unique=False)
        batch_op.create_index("ix_idea_updated", ["updated_at"], unique=False)

    op.create_table(
        "post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idea_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("hashtags", sa.Text(), nullable=False),
        sa.Column("format", sa.String(length=32), nullable=False),
        sa.Column("audience", sa.String(length=32), nullable=False),
        sa.Column("planned_at", sa.DateTime(), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("taken_down_at", sa.DateTime(), nullable=True),
        sa.Column("video_link", sa.String(length=500), nullable=False),
        sa.Column("account", sa.String(length=200), nullable=False),
        sa.Column("checklist_profile", sa.String(length=32), nullable=False),
        sa.Column("music_source", sa.String(length=500), nullable=False),
        sa.Column("paid_promotion", sa.Boolean(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["idea_id"],
            ["idea.id"],
            name=op.f("fk_post_idea_id_idea"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post")),
    )
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_post_idea_id"), ["idea_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_post_planned_at"), ["planned_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_post_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_post_video_link"), ["video_link"], unique=False
        )

    op.create_table(
        "appearance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("scene_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_appearance_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["post.id"],
            name=op.f("fk_appearance_post_id_post"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appearance")),
        sa.UniqueConstraint("post_id", "person_id", name="uq_appearance_post_person"),
    )
    with op.batch_alter_table("appearance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appearance_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_appearance_post_id"), ["post_id"], unique=False
        )

    op.create_table(
        "approval",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("approver", sa.String(length=200), nullable=False),
        sa.Column("approved_at", sa.DateTime(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["post.id"],
            name=op.f("fk_approval_post_id_post"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approval")),
    )
    with op.batch_alter_table("approval", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_approval_post_id"), ["post_id"], unique=False
        )

    op.create_table(
        "checklist_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=100), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("set_by", sa.String(length=200), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["post.id"],
            name=op.f("fk_checklist_result_post_id_post"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_result")),
        sa.UniqueConstraint("post_id", "item_key", name="uq_checklist_post_item"),
    )
    with op.batch_alter_table("checklist_result", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_checklist_result_post_id"), ["post_id"], unique=False
        )
        batch_op.create_index(
            "ix_checklist_result_state", ["state", "post_id", "item_key"], unique=False
        )

    op.create_table(
        "video_stats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=200), nullable=False),
        sa.Column("video_link", sa.String(length=500), nullable=False),
        sa.Column("snapshot_date", sa.Date(), nullable=False),
        sa.Column("video_title", sa.Text(), nullable=False),
        sa.Column("posted_at", sa.DateTime(), nullable=True),
        sa.Column("views", sa.Integer(), nullable=True),
        sa.Column("likes", sa.Integer(), nullable=True),
        sa.Column("comments", sa.Integer(), nullable=True),
        sa.Column("shares", sa.Integer(), nullable=True),
        sa.Column("favourites", sa.Integer(), nullable=True),
        sa.Column("manual", sa.Boolean(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batch.id"],
            name=op.f("fk_video_stats_import_batch_id_import_batch"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["post.id"],
            name=op.f("fk_video_stats_post_id_post"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_video_stats")),
        sa.UniqueConstraint(
            "video_link", "snapshot_date", name="uq_video_stats_link_date"
        ),
    )
    with op.batch_alter_table("video_stats", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_video_stats_post_id"), ["post_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_video_stats_video_link"), ["video_link"], unique=False
        )

    _create_audit_triggers()


AUDIT_TRIGGERS = {
    "sqlite": [
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
        "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
        "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
    ],
    "postgresql": [
        "CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$ BEGIN "
        "RAISE EXCEPTION 'audit_event is append-only'; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event "
        "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
    ],
}


def _create_audit_triggers() -> None:
    for statement in AUDIT_TRIGGERS.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table("video_stats", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_video_stats_video_link"))
        batch_op.drop_index(batch_op.f("ix_video_stats_post_id"))

    op.drop_table("video_stats")
    with op.batch_alter_table("checklist_result", schema=None) as batch_op:
        batch_op.drop_index("ix_checklist_result_state")
        batch_op.drop_index(batch_op.f("ix_checklist_result_post_id"))

    op.drop_table("checklist_result")
    with op.batch_alter_table("approval", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_approval_post_id"))

    op.drop_table("approval")
    with op.batch_alter_table("appearance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appearance_post_id"))
        batch_op.drop_index(batch_op.f("ix_appearance_person_id"))

    op.drop_table("appearance")
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_video_link"))
        batch_op.drop_index(batch_op.f("ix_post_status"))
        batch_op.drop_index(batch_op.f("ix_post_planned_at"))
        batch_op.drop_index(batch_op.f("ix_post_idea_id"))

    op.drop_table("post")
    with op.batch_alter_table("idea", schema=None) as batch_op:
        batch_op.drop_index("ix_idea_updated")
        batch_op.drop_index(batch_op.f("ix_idea_status"))
        batch_op.drop_index(batch_op.f("ix_idea_format"))
        batch_op.drop_index(batch_op.f("ix_idea_audience"))

    op.drop_table("idea")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_person_id"))

    op.drop_table("consent")
    op.drop_table("audience_snapshot")
    op.drop_table("account_daily")
    op.drop_table("setting")
    op.drop_table("person")
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_batch_sha256"))

    op.drop_table("import_batch")
    op.drop_table("benchmark")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_person_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_at"))

    op.drop_table("audit_event")
