"""Employing personal assistants: PA records, dated rates, payslips, payments set against
payslips, and the employer's own details. New tables only; nothing existing is copied.

Revision ID: employer_1
Revises: imports_1 (re-chained after merging the imports work)
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "employer_1"
down_revision = "imports_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "personal_assistant",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("provider_id", sa.Integer(), sa.ForeignKey("chosen_provider.id"),
                  nullable=False, unique=True),
        sa.Column("hours_week_minutes", sa.Integer(), nullable=True),
        sa.Column("born", sa.String(10), nullable=False),
        sa.Column("apprentice", sa.Boolean(), nullable=False),
        sa.Column("dbs_checked", sa.Date(), nullable=True),
        sa.Column("dbs_renewal", sa.Date(), nullable=True),
        sa.Column("right_to_work_checked", sa.Date(), nullable=True),
        sa.Column("right_to_work_expires", sa.Date(), nullable=True),
        sa.Column("payroll_ref", sa.String(60), nullable=False),
        sa.Column("pay_frequency", sa.String(20), nullable=False),
        sa.Column("pension_status", sa.String(20), nullable=False),
        sa.Column("leave_year_start", sa.Date(), nullable=True),
    )
    op.create_table(
        "pa_rate",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("pa_id", sa.Integer(),
                  sa.ForeignKey("personal_assistant.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("hourly", sa.Integer(), nullable=False),
    )
    op.create_index("ix_pa_rate", "pa_rate", ["pa_id", "kind", "start_date"], unique=True)
    op.create_table(
        "payslip",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("pa_id", sa.Integer(), sa.ForeignKey("personal_assistant.id"),
                  nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in (
            "gross", "tax", "employee_ni", "employer_ni", "employee_pension",
            "employer_pension")),
        sa.Column("hours_minutes", sa.Integer(), nullable=True),
        sa.Column("holiday_minutes", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index("ix_payslip_pa", "payslip", ["pa_id", "period_end"])
    op.create_index("ix_payslip_end", "payslip", ["period_end"])
    op.create_table(
        "payslip_payment",
        sa.Column("entry_id", sa.Integer(), sa.ForeignKey("entry.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("payslip_id", sa.Integer(), sa.ForeignKey("payslip.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("part", sa.String(10), primary_key=True),
        sa.Column("amount", sa.Integer(), nullable=False),
    )
    op.create_index("ix_payslip_payment_slip", "payslip_payment", ["payslip_id"])
    op.create_table(
        "employer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("insurer", sa.String(200), nullable=False),
        sa.Column("policy_number", sa.String(100), nullable=False),
        sa.Column("insurance_renewal", sa.Date(), nullable=True),
        sa.Column("dbs_renew_months", sa.Integer(), nullable=True),
        sa.Column("duties_start", sa.Date(), nullable=True),
        sa.Column("last_re_enrolment", sa.Date(), nullable=True),
        sa.Column("paye_reference", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    # The app keeps an encrypted copy before every upgrade; going back means restoring it.
    raise RuntimeError("profiles are only upgraded; restore the copy kept before the upgrade")
