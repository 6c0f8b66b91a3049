"""Statements: the whole council rule chosen for the profile (template, categories, wording).

Revision ID: statements_1
Revises: register_1
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "statements_1"
down_revision = "register_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "council_rule_detail",
        sa.Column("council_rule_id", sa.Integer(), sa.ForeignKey("council_rule.id"),
                  primary_key=True),
        sa.Column("template_code", sa.String(60), nullable=False),
        sa.Column("rule_json", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("council_rule_detail")
