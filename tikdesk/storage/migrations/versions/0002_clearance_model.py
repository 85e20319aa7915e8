"""clearance model

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06

Issue 16 (clearance): identity and roles, age states and custodians, post purpose and depiction, approval fingerprint, take-down flags.

Existing records: a person who is not a minor becomes "adult_migrated" ("volljährig (aus
Vorversion übernommen)"), so that a DSB can review them; a person with a birth date keeps
it ("minor"); a minor flag without a birth date becomes "unknown" (blocks until resolved).
Existing appearances are taken as showing the face; existing posts state no purpose yet.
"""

from alembic import op
import sqlalchemy as sa


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("granted_by", sa.String(length=200), nullable=False),
        sa.Column("granted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_role")),
        sa.UniqueConstraint("account", "role", name="uq_user_role_account_role"),
    )
    with op.batch_alter_table("user_role", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_role_account"), ["account"], unique=False)

    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("age_state", sa.String(length=32), nullable=False, server_default="adult")
        )
        batch_op.add_column(
            sa.Column(
                "own_consent_early", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch_op.create_index(batch_op.f("ix_person_age_state"), ["age_state"], unique=False)
    op.execute(
        "UPDATE person SET age_state = CASE"
        " WHEN birth_date IS NOT NULL THEN 'minor'"
        " WHEN is_minor THEN 'unknown'"
        " ELSE 'adult_migrated' END"
    )

    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.add_column(sa.Column("custodian_person_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_consent_custodian_person_id"), ["custodian_person_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_consent_custodian_person_id_person"),
            "person",
            ["custodian_person_id"],
            ["id"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("purpose", sa.String(length=32), nullable=False, server_default="")
        )

    with op.batch_alter_table("appearance", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("shown_as", sa.Text(), nullable=False, server_default="face")
        )

    with op.batch_alter_table("approval", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("approver_label", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("fingerprint", sa.String(length=64), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("approval", schema=None) as batch_op:
        batch_op.drop_column("fingerprint")
        batch_op.drop_column("approver_label")
    with op.batch_alter_table("appearance", schema=None) as batch_op:
        batch_op.drop_column("shown_as")
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.drop_column("purpose")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_consent_custodian_person_id_person"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_consent_custodian_person_id"))
        batch_op.drop_column("custodian_person_id")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_age_state"))
        batch_op.drop_column("own_consent_early")
        batch_op.drop_column("age_state")
    with op.batch_alter_table("user_role", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_role_account"))
    op.drop_table("user_role")
