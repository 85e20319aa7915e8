"""recruiting figures

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

Issue 20 (report): recruiting figures per month and account; the richer per-video numbers of
TikTok Studio's export (average watch time, completion rate, reach) and the flag for values
that came from abbreviated counts ("1.2K").
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "recruiting_figure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("account", sa.String(length=200), nullable=False),
        sa.Column("applications", sa.Integer(), nullable=True),
        sa.Column("career_link_clicks", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recruiting_figure")),
        sa.UniqueConstraint("month", "account", name="uq_recruiting_figure_month_account"),
    )
    with op.batch_alter_table("video_stats") as batch:
        batch.add_column(sa.Column("avg_watch_seconds", sa.Float(), nullable=True))
        batch.add_column(sa.Column("completion_rate", sa.Float(), nullable=True))
        batch.add_column(sa.Column("reach", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("approximate", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("video_stats") as batch:
        batch.drop_column("approximate")
        batch.drop_column("reach")
        batch.drop_column("completion_rate")
        batch.drop_column("avg_watch_seconds")
    op.drop_table("recruiting_figure")
