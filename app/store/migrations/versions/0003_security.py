"""People and roles: who may act for the budget holder.

Revision ID: security_1
Revises: 0002
Create Date: 2026-11-29
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "security_1"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_role",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(30), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(100), nullable=False),
    )
    # An existing profile's budget holder may go on acting as before.
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    op.execute(sa.text(
        "INSERT INTO person_role (name, role, active, added_at, added_by) "
        "SELECT display_name, 'budget_holder', 1, :now, display_name FROM person"
    ).bindparams(now=now))


def downgrade() -> None:
    op.drop_table("person_role")
