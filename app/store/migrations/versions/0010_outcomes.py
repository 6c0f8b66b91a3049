"""Outcomes: outcomes in the person's words, the plan lines paying for them, ratings over
time, and the payments and visits that served them. New tables only; nothing is copied.

Revision ID: outcomes_1
Revises: employer_1
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "outcomes_1"
down_revision = "employer_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outcome",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("text", sa.String(300), nullable=False),
        sa.Column("area_code", sa.String(20), nullable=False),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
    )
    op.create_table(
        "outcome_plan_line",
        sa.Column("outcome_id", sa.Integer(), sa.ForeignKey("outcome.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("plan_line_id", sa.Integer(),
                  sa.ForeignKey("plan_line.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_table(
        "outcome_rating",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("outcome_id", sa.Integer(), sa.ForeignKey("outcome.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("rated_by", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("score BETWEEN 1 AND 4", name="ck_outcome_rating_score"),
    )
    op.create_index("ix_outcome_rating_outcome", "outcome_rating", ["outcome_id", "on"])
    op.create_table(
        "outcome_entry",
        sa.Column("entry_id", sa.Integer(), sa.ForeignKey("entry.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("outcome_id", sa.Integer(), sa.ForeignKey("outcome.id", ondelete="CASCADE"),
                  nullable=False),
    )
    op.create_table(
        "outcome_visit",
        sa.Column("service_log_id", sa.Integer(),
                  sa.ForeignKey("service_log.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("outcome_id", sa.Integer(), sa.ForeignKey("outcome.id", ondelete="CASCADE"),
                  nullable=False),
    )


def downgrade() -> None:
    raise RuntimeError("profiles are only upgraded; restore the copy kept before the upgrade")
