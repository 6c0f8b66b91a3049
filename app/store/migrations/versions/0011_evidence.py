"""Evidence for things that are not entries (bank statements, certificates, contracts) and the
kind of each document linked to an entry.

The link's kind is added with SQLite's own ALTER TABLE (no batch copy: copying `entry` or its
links would cascade). It may be empty (a receipt or invoice), so links made before it still
agree with their history.

Revision ID: evidence_1
Revises: outcomes_1
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "evidence_1"
down_revision = "outcomes_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.get_bind().execute(sa.text("ALTER TABLE evidence_link ADD COLUMN kind VARCHAR(30)"))
    op.create_table(
        "evidence_subject",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("evidence_id", sa.Integer(),
                  sa.ForeignKey("evidence.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("subject", sa.String(20), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("subject_name", sa.String(200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("added_by", sa.String(100), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_evidence_subject", "evidence_subject", ["subject", "subject_id"])
    op.create_index("ix_evidence_subject_evidence", "evidence_subject", ["evidence_id"])


def downgrade() -> None:
    op.drop_index("ix_evidence_subject_evidence", "evidence_subject")
    op.drop_index("ix_evidence_subject", "evidence_subject")
    op.drop_table("evidence_subject")
    op.get_bind().execute(sa.text("ALTER TABLE evidence_link DROP COLUMN kind"))
