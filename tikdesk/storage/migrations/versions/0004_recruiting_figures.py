"""recruiting figures

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

Issue 20 (report): recruiting figures per month and account.
"""

from alembic import op
import sqlalchemy as sa


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
