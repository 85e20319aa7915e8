"""erasure reaches everywhere

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06

Issue 16 (erasure): audit notes apart from the append-only audit log, the erasure register.
"""

from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
