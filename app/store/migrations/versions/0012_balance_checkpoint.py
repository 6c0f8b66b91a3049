"""Balance checkpoint: the sum and count of every entry, kept by the one writer, so that
opening a long ledger does not sum every entry (app/store/balance.py reads it).

Revision ID: checkpoint_1
Revises: evidence_1
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "checkpoint_1"
down_revision = "evidence_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "balance_checkpoint",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name="one_checkpoint"),
    )
    op.execute("INSERT INTO balance_checkpoint (id, total, entries, event_id) "
               "SELECT 1, coalesce((SELECT sum(amount) FROM entry), 0), "
               "(SELECT count(*) FROM entry), "
               "coalesce((SELECT max(id) FROM audit_event), 0)")


def downgrade() -> None:
    op.drop_table("balance_checkpoint")
