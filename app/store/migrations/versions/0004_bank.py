"""Bank: reconciliation, evidence, services log and payment links.

Revision ID: bank_1
Revises: security_1 (written against 0002; chained after security on merging main)
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "bank_1"
down_revision = "security_1"
branch_labels = None
depends_on = None


def _entry_fk(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Integer(), sa.ForeignKey("entry.id", ondelete="CASCADE"),
                     primary_key=True)


def upgrade() -> None:
    op.create_table(
        "reconciliation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("account.id"), nullable=False),
        sa.Column("statement_date", sa.Date(), nullable=False),
        sa.Column("closing_balance", sa.Integer(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "reconciled_entry",
        sa.Column("reconciliation_id", sa.Integer(),
                  sa.ForeignKey("reconciliation.id", ondelete="CASCADE"), primary_key=True),
        _entry_fk("entry_id"),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_by", sa.String(100), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "evidence_link",
        sa.Column("evidence_id", sa.Integer(), sa.ForeignKey("evidence.id", ondelete="CASCADE"),
                  primary_key=True),
        _entry_fk("entry_id"),
    )
    op.create_index("ix_evidence_link_entry", "evidence_link", ["entry_id"])
    op.create_table(
        "service_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("provider_name", sa.String(200), nullable=False),
        sa.Column("chosen_provider_id", sa.Integer(), nullable=True),
        sa.Column("planned_minutes", sa.Integer(), nullable=False),
        sa.Column("delivered_minutes", sa.Integer(), nullable=False),
        sa.Column("rate_pence", sa.Integer(), nullable=False),
        sa.Column("missed", sa.Boolean(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_service_log_on", "service_log", ["on"])
    op.create_table(
        "service_payment",
        _entry_fk("entry_id"),
        sa.Column("service_log_id", sa.Integer(),
                  sa.ForeignKey("service_log.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_service_payment_visit", "service_payment", ["service_log_id"])


def downgrade() -> None:
    for table in ("service_payment", "service_log", "evidence_link", "evidence",
                  "reconciled_entry", "reconciliation"):
        op.drop_table(table)
