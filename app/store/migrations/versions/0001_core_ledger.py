"""Core ledger: person, funding, council rule, accounts, categories, entries.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("council_name", sa.String(200), nullable=False),
        sa.Column("council_reference", sa.String(100), nullable=False),
        sa.Column("nhs_number", sa.String(20), nullable=False),
        sa.Column("postcode", sa.String(10), nullable=False),
        sa.Column("managed_by", sa.String(20), nullable=False),
        sa.Column("preferred_language", sa.String(10), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "funding_stream",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("funder", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("gross_weekly", sa.Integer(), nullable=False),
        sa.Column("client_contribution_weekly", sa.Integer(), nullable=False),
        sa.Column("frequency", sa.String(20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
    )
    op.create_table(
        "council_rule",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("return_frequency", sa.String(20), nullable=False),
        sa.Column("weeks_held_limit", sa.Integer(), nullable=False),
        sa.Column("contingency_weeks", sa.Integer(), nullable=False),
    )
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("opening_balance", sa.Integer(), nullable=False),
        sa.Column("opening_date", sa.Date(), nullable=False),
    )
    op.create_table(
        "category",
        sa.Column("code", sa.String(40), primary_key=True),
        sa.Column("name_en", sa.String(100), nullable=False),
        sa.Column("name_cy", sa.String(100), nullable=False),
        sa.Column("grp", sa.String(40), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("permission", sa.String(20), nullable=False),
    )
    op.create_table(
        "entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("account.id"), nullable=False),
        sa.Column("payee", sa.String(200), nullable=False),
        sa.Column(
            "category_code", sa.String(40), sa.ForeignKey("category.code"), nullable=False
        ),
        sa.Column("support_plan_line", sa.String(100), nullable=False),
        sa.Column(
            "funding_stream_id", sa.Integer(), sa.ForeignKey("funding_stream.id"), nullable=True
        ),
        sa.Column("memo", sa.Text(), nullable=False),
        sa.Column("approval_reason", sa.Text(), nullable=False),
        sa.Column("cleared", sa.Boolean(), nullable=False),
        sa.Column("reconciled", sa.Boolean(), nullable=False),
        sa.Column("import_id", sa.String(200), nullable=True),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_entry_on_id_amount", "entry", ["on", "id", "amount"])
    op.create_index("ix_entry_import_id", "entry", ["import_id"])


def downgrade() -> None:
    for table in ("entry", "category", "account", "council_rule", "funding_stream", "person"):
        op.drop_table(table)
