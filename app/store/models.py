"""The profile database schema (one encrypted file per budget holder).

Change it only together with a new Alembic migration in migrations/versions/.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.domain.money import Money
from app.store.types import MoneyType


class Base(DeclarativeBase):
    pass


class PersonRow(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    council_name: Mapped[str] = mapped_column(String(200), default="")
    council_reference: Mapped[str] = mapped_column(String(100), default="")
    nhs_number: Mapped[str] = mapped_column(String(20), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    managed_by: Mapped[str] = mapped_column(String(20), default="self")
    preferred_language: Mapped[str] = mapped_column(String(10), default="en_GB")
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


class FundingStreamRow(Base):
    __tablename__ = "funding_stream"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    funder: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(10))
    frequency: Mapped[str] = mapped_column(String(20))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)


class FundingRateRow(Base):
    """A stream's weekly amounts from a date (a new rate from April is a new row)."""

    __tablename__ = "funding_rate"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    stream_id: Mapped[int] = mapped_column(ForeignKey("funding_stream.id"))
    start_date: Mapped[date] = mapped_column(Date)
    gross_weekly: Mapped[Money] = mapped_column(MoneyType)
    contribution_weekly: Mapped[Money] = mapped_column(MoneyType, default=Money(0))
    __table_args__ = (Index("ix_funding_rate_stream", "stream_id", "start_date", unique=True),)


class CouncilRuleRow(Base):
    """The one rule chosen for this profile, whole (figures, categories, wording), as JSON so
    that a template changing later does not change an old return."""

    __tablename__ = "council_rule"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    template_code: Mapped[str] = mapped_column(String(60))
    rule_json: Mapped[str] = mapped_column(Text)


class AccountRow(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20), default="bank")
    opening_balance: Mapped[Money] = mapped_column(MoneyType, default=Money(0))
    opening_date: Mapped[date] = mapped_column(Date)
    # How many days apart a bank line and an entry may be dated and still be one payment;
    # None: the usual (app.domain.accounts.MATCH_DAYS).
    match_days: Mapped[int | None] = mapped_column(Integer)


class CategoryRow(Base):
    __tablename__ = "category"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name_en: Mapped[str] = mapped_column(String(100))
    name_cy: Mapped[str] = mapped_column(String(100), default="")
    grp: Mapped[str] = mapped_column(String(40))
    direction: Mapped[str] = mapped_column(String(3))
    permission: Mapped[str] = mapped_column(String(20))


class PlanLineRow(Base):
    """A line of the support plan: what it pays for and its budget."""

    __tablename__ = "plan_line"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    weekly_budget: Mapped[Money | None] = mapped_column(MoneyType)


class MoneyOwedRow(Base):
    """What is still to be paid out of the balance on a day, as the person entered it."""

    __tablename__ = "money_owed"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    as_of: Mapped[date] = mapped_column(Date, unique=True)
    wages_owed: Mapped[Money] = mapped_column(MoneyType, default=Money(0))
    hmrc_due: Mapped[Money] = mapped_column(MoneyType, default=Money(0))
    pension_due: Mapped[Money] = mapped_column(MoneyType, default=Money(0))
    unpaid_invoices: Mapped[Money] = mapped_column(MoneyType, default=Money(0))
    source: Mapped[str] = mapped_column(String(20), default="hand")


class EntryRow(Base):
    __tablename__ = "entry"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Money] = mapped_column(MoneyType)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    payee: Mapped[str] = mapped_column(String(200))
    category_code: Mapped[str] = mapped_column(ForeignKey("category.code"))
    plan_line_id: Mapped[int | None] = mapped_column(ForeignKey("plan_line.id"))
    funding_stream_id: Mapped[int | None] = mapped_column(ForeignKey("funding_stream.id"))
    memo: Mapped[str] = mapped_column(Text, default="")
    approval_reason: Mapped[str] = mapped_column(Text, default="")
    cleared: Mapped[bool] = mapped_column(Boolean, default=False)
    reconciled: Mapped[bool] = mapped_column(Boolean, default=False)
    import_id: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column()

    __table_args__ = (
        # The ledger pages newest-first by (date, id); balances sum along the same order.
        # amount is in the index so balance sums read the index alone.
        Index("ix_entry_on_id_amount", "on", "id", "amount"),
        Index("ix_entry_import_id", "import_id"),
        Index("ix_entry_plan_line", "plan_line_id"),
    )


class AuditEventRow(Base):
    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class BalanceCheckpointRow(Base):
    """Derived, not audited: the sum and count of every entry as of an audit event, kept by
    the writer (app/store/balance.py)."""

    __tablename__ = "balance_checkpoint"
    __table_args__ = (CheckConstraint("id = 1", name="one_checkpoint"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    total: Mapped[int] = mapped_column(Integer)
    entries: Mapped[int] = mapped_column(Integer)
    event_id: Mapped[int] = mapped_column(Integer)
import app.store.models_bank  # noqa: E402,F401  (complete the metadata)
import app.store.models_employer  # noqa: E402,F401  (employing PAs: complete the metadata)
import app.store.models_outcomes  # noqa: E402,F401  (outcomes tables: complete the metadata)
import app.store.models_register  # noqa: E402,F401  (complete the metadata: My providers)
import app.store.models_security  # noqa: E402,F401  (complete the metadata)
import app.store.models_statements  # noqa: E402,F401  (statements tables: complete metadata)
