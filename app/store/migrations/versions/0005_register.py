"""My providers: the person's chosen providers, with a snapshot of their register record.

Revision ID: register_1
Revises: bank_1 (was 0002; re-chained after merging main)
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "register_1"
down_revision = "bank_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chosen_provider",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("source_id", sa.String(100), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("payee_name", sa.String(200), nullable=False),
        sa.Column("postcode", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("agreed_hourly_rate", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("own_rating", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("own_rating IS NULL OR own_rating BETWEEN 1 AND 5",
                           name="ck_chosen_provider_own_rating"),
    )
    op.create_index("ix_chosen_provider_source", "chosen_provider", ["source", "source_id"])


def downgrade() -> None:
    op.drop_index("ix_chosen_provider_source", table_name="chosen_provider")
    op.drop_table("chosen_provider")
