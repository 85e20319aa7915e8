"""consent paperwork

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

Issue 18 (consent paperwork): signed scans and other evidence files of a consent record
(stored in the data folder under their SHA-256), the form number printed on a consent form,
the approved video file of a post (path, size, SHA-256; never copied), and a keyed hash of an
erased person's name and birth date in the erasure register, so that an import never
re-creates someone who was erased.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consent_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.String(length=300), nullable=False),
        sa.Column("content_type", sa.String(length=16), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["consent_id"],
            ["consent.id"],
            name=op.f("fk_evidence_file_consent_id_consent"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_evidence_file_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_file")),
    )
    op.create_index(op.f("ix_evidence_file_consent_id"), "evidence_file", ["consent_id"])
    op.create_index(op.f("ix_evidence_file_person_id"), "evidence_file", ["person_id"])
    op.create_index(op.f("ix_evidence_file_sha256"), "evidence_file", ["sha256"])
    with op.batch_alter_table("consent") as batch:
        batch.add_column(
            sa.Column("form_number", sa.String(length=32), nullable=False, server_default="")
        )
        batch.create_index("ix_consent_form_number", ["form_number"])
    with op.batch_alter_table("post") as batch:
        batch.add_column(sa.Column("video_path", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("video_size", sa.BigInteger(), nullable=True))
        batch.add_column(
            sa.Column("video_sha256", sa.String(length=64), nullable=False, server_default="")
        )
    with op.batch_alter_table("erasure_register") as batch:
        batch.add_column(
            sa.Column("identity_hash", sa.String(length=64), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("erasure_register") as batch:
        batch.drop_column("identity_hash")
    with op.batch_alter_table("post") as batch:
        batch.drop_column("video_sha256")
        batch.drop_column("video_size")
        batch.drop_column("video_path")
    with op.batch_alter_table("consent") as batch:
        batch.drop_index("ix_consent_form_number")
        batch.drop_column("form_number")
    op.drop_index(op.f("ix_evidence_file_sha256"), table_name="evidence_file")
    op.drop_index(op.f("ix_evidence_file_person_id"), table_name="evidence_file")
    op.drop_index(op.f("ix_evidence_file_consent_id"), table_name="evidence_file")
    op.drop_table("evidence_file")
