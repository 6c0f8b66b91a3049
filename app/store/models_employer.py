"""Profile tables for employing personal assistants: the PA record (beside its "My providers"
record of kind pa), dated pay rates, payslips, payments set against payslips, and the budget
holder's own details as an employer.

Change only together with migrations/versions/0008_employer.py.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.money import Money
from app.store.models import Base
from app.store.types import MoneyType


class PersonalAssistantRow(Base):
    """What an employer keeps about a PA. Name, payee name, start and end are those of the
    chosen_provider record it belongs to (one truth)."""

    __tablename__ = "personal_assistant"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("chosen_provider.id"), unique=True)
    hours_week_minutes: Mapped[int | None] = mapped_column(Integer)  # None: irregular hours
    born: Mapped[str] = mapped_column(String(10), default="")  # YYYY, YYYY-MM or YYYY-MM-DD
    apprentice: Mapped[bool] = mapped_column(Boolean, default=False)
    dbs_checked: Mapped[date | None] = mapped_column(Date)
    dbs_renewal: Mapped[date | None] = mapped_column(Date)
    right_to_work_checked: Mapped[date | None] = mapped_column(Date)
    right_to_work_expires: Mapped[date | None] = mapped_column(Date)
    payroll_ref: Mapped[str] = mapped_column(String(60), default="")
    pay_frequency: Mapped[str] = mapped_column(String(20), default="monthly")
    pension_status: Mapped[str] = mapped_column(String(20), default="not_assessed")
    leave_year_start: Mapped[date | None] = mapped_column(Date)


class PayRateRow(Base):
    """An hourly rate of a kind (standard, nights, bank holidays) from a date."""

    __tablename__ = "pa_rate"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("personal_assistant.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    start_date: Mapped[date] = mapped_column(Date)
    hourly: Mapped[Money] = mapped_column(MoneyType)
    __table_args__ = (Index("ix_pa_rate", "pa_id", "kind", "start_date", unique=True),)


class PayslipRow(Base):
    """One pay period's payslip, as the payroll service gave it (all amounts positive)."""

    __tablename__ = "payslip"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("personal_assistant.id"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    gross: Mapped[Money] = mapped_column(MoneyType)
    tax: Mapped[Money] = mapped_column(MoneyType)
    employee_ni: Mapped[Money] = mapped_column(MoneyType)
    employer_ni: Mapped[Money] = mapped_column(MoneyType)
    employee_pension: Mapped[Money] = mapped_column(MoneyType)
    employer_pension: Mapped[Money] = mapped_column(MoneyType)
    hours_minutes: Mapped[int | None] = mapped_column(Integer)
    holiday_minutes: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(20), default="hand")
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_payslip_pa", "pa_id", "period_end"),
                      Index("ix_payslip_end", "period_end"))


class PayslipPaymentRow(Base):
    """Part of a payment (a ledger entry) set against a payslip: wages, HMRC or pension."""

    __tablename__ = "payslip_payment"
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"),
                                          primary_key=True)
    payslip_id: Mapped[int] = mapped_column(ForeignKey("payslip.id", ondelete="CASCADE"),
                                            primary_key=True)
    part: Mapped[str] = mapped_column(String(10), primary_key=True)
    amount: Mapped[Money] = mapped_column(MoneyType)
    __table_args__ = (Index("ix_payslip_payment_slip", "payslip_id"),)


class EmployerRow(Base):
    """The budget holder as an employer (one row): insurance, the council's DBS rule,
    pension duty dates."""

    __tablename__ = "employer"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    insurer: Mapped[str] = mapped_column(String(200), default="")
    policy_number: Mapped[str] = mapped_column(String(100), default="")
    insurance_renewal: Mapped[date | None] = mapped_column(Date)
    dbs_renew_months: Mapped[int | None] = mapped_column(Integer)
    duties_start: Mapped[date | None] = mapped_column(Date)
    last_re_enrolment: Mapped[date | None] = mapped_column(Date)
    paye_reference: Mapped[str] = mapped_column(String(40), default="")
