"""clearance model

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06

Issue 16 (clearance): identity and roles, age states and custodians, post purpose and depiction, approval fingerprint, take-down flags.
"""

from alembic import op
import sqlalchemy as sa


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
