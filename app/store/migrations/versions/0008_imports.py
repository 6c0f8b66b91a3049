"""Imports that match what is already there: bank lines matched to entries, payee rules, and
how many days apart an account's bank lines and entries may be.

The account column is added with SQLite's own ALTER TABLE (no batch copy). It may be empty
(the usual number of days), so records made before it still agree with their history.

Revision ID: imports_1
Revises: truth_1
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "imports_1"
down_revision = "truth_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("ALTER TABLE account ADD COLUMN match_days INTEGER"))
    op.create_table(
        "bank_match",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("entry_id", sa.Integer(), sa.ForeignKey("entry.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("account.id"), nullable=False),
        sa.Column("import_id", sa.String(200), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("bank_text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(255), nullable=False),
    )
    op.create_index("ix_bank_match_import", "bank_match", ["account_id", "import_id"])
    op.create_index("ix_bank_match_entry", "bank_match", ["entry_id"])
    op.create_table(
        "payee_rule",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("words", sa.String(200), nullable=False, unique=True),
        sa.Column("payee", sa.String(200), nullable=False),
        sa.Column("category_code", sa.String(40), sa.ForeignKey("category.code")),
        sa.Column("learned", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("payee_rule")
    op.drop_index("ix_bank_match_entry", "bank_match")
    op.drop_index("ix_bank_match_import", "bank_match")
    op.drop_table("bank_match")
    op.get_bind().execute(sa.text("ALTER TABLE account DROP COLUMN match_days"))
