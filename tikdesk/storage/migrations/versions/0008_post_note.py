"""post note: an internal note on a post

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

Issue 19 (import-plan): the plan's ``Notiz`` column is an internal note, not the caption that
is published on TikTok.  It lives in its own column, never in the caption, the fingerprint of
an approval or the calendar export.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("post") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("post") as batch:
        batch.drop_column("note")
