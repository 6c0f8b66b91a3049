"""Profile tables for employing personal assistants: the PA record (beside its "My providers"
record of kind pa), dated pay rates, payslips, payments set against payslips, and the budget
holder's own details as an employer.

Change only together with migrations/versions/0008_employer.py.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, ForeignKey, Index, Integer, String, Table, Text

from app.store.models import metadata
from app.store.types import MoneyType

# What an employer keeps about a PA. Name, payee name, start and end are those of the
# chosen_provider record it belongs to (one truth).
personal_assistant_table = Table(
    "personal_assistant", metadata,
    Column("id", Integer, primary_key=True),
    Column("provider_id", Integer, ForeignKey("chosen_provider.id"), unique=True, nullable=False),
    Column("hours_week_minutes", Integer, nullable=True),  # None: irregular hours
    Column("born", String(10), default="", nullable=False),  # YYYY, YYYY-MM or YYYY-MM-DD
    Column("apprentice", Boolean, default=False, nullable=False),
    Column("dbs_checked", Date, nullable=True),
    Column("dbs_renewal", Date, nullable=True),
    Column("right_to_work_checked", Date, nullable=True),
    Column("right_to_work_expires", Date, nullable=True),
    Column("payroll_ref", String(60), default="", nullable=False),
    Column("pay_frequency", String(20), default="monthly", nullable=False),
    Column("pension_status", String(20), default="not_assessed", nullable=False),
    Column("leave_year_start", Date, nullable=True),
)


# An hourly rate of a kind (standard, nights, bank holidays) from a date.
pa_rate_table = Table(
    "pa_rate", metadata,
    Column("id", Integer, primary_key=True),
    Column("pa_id", Integer, ForeignKey("personal_assistant.id", ondelete="CASCADE"),
           nullable=False),
    Column("kind", String(20), nullable=False),
    Column("start_date", Date, nullable=False),
    Column("hourly", MoneyType, nullable=False),
    Index("ix_pa_rate", "pa_id", "kind", "start_date", unique=True),
)


# One pay period's payslip, as the payroll service gave it (all amounts positive).
payslip_table = Table(
    "payslip", metadata,
    Column("id", Integer, primary_key=True),
    Column("pa_id", Integer, ForeignKey("personal_assistant.id"), nullable=False),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("gross", MoneyType, nullable=False),
    Column("tax", MoneyType, nullable=False),
    Column("employee_ni", MoneyType, nullable=False),
    Column("employer_ni", MoneyType, nullable=False),
    Column("employee_pension", MoneyType, nullable=False),
    Column("employer_pension", MoneyType, nullable=False),
    Column("hours_minutes", Integer, nullable=True),
    Column("holiday_minutes", Integer, default=0, nullable=False),
    Column("source", String(20), default="hand", nullable=False),
    Column("note", Text, default="", nullable=False),
    Index("ix_payslip_pa", "pa_id", "period_end"),
    Index("ix_payslip_end", "period_end"),
)


# Part of a payment (a ledger entry) set against a payslip: wages, HMRC or pension.
payslip_payment_table = Table(
    "payslip_payment", metadata,
    Column("entry_id", Integer, ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True),
    Column("payslip_id", Integer, ForeignKey("payslip.id", ondelete="CASCADE"), primary_key=True),
    Column("part", String(10), primary_key=True),
    Column("amount", MoneyType, nullable=False),
    Index("ix_payslip_payment_slip", "payslip_id"),
)


# The budget holder as an employer (one row): insurance, the council's DBS rule,
# pension duty dates.
employer_table = Table(
    "employer", metadata,
    Column("id", Integer, primary_key=True),
    Column("insurer", String(200), default="", nullable=False),
    Column("policy_number", String(100), default="", nullable=False),
    Column("insurance_renewal", Date, nullable=True),
    Column("dbs_renew_months", Integer, nullable=True),
    Column("duties_start", Date, nullable=True),
    Column("last_re_enrolment", Date, nullable=True),
    Column("paye_reference", String(40), default="", nullable=False),
)
