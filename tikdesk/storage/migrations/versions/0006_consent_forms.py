"""consent forms

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

Issue 18 (printable consent forms): every printed form gets a row with its number (printed as
text and QR code), the person, the post it was printed for, the prefilled scope and the
versions of the consent text and the Art. 13 notice it carried.  Typing the number when the
signed form comes back opens the prefilled consent record; the record keeps the number.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consent_form",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_number", sa.String(length=32), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("platforms", sa.Text(), nullable=False),
        sa.Column("purposes", sa.Text(), nullable=False),
        sa.Column("shown_as", sa.Text(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("text_version", sa.String(length=100), nullable=False),
        sa.Column("art13_version", sa.String(length=100), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_consent_form_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["post.id"], name=op.f("fk_consent_form_post_id_post"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_form")),
        sa.UniqueConstraint("form_number", name=op.f("uq_consent_form_form_number")),
    )
    op.create_index(op.f("ix_consent_form_person_id"), "consent_form", ["person_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_consent_form_person_id"), table_name="consent_form")
    op.drop_table("consent_form")
