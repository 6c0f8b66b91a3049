"""The profile database schema (one encrypted file per budget holder).

Change it only together with a new Alembic migration in migrations/versions/.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from app.domain.money import Money
from app.store.types import MoneyType

metadata = MetaData()


person_table = Table(
    "person", metadata,
    Column("id", Integer, primary_key=True),
    Column("display_name", String(200), nullable=False),
    Column("date_of_birth", Date, nullable=True),
    Column("council_name", String(200), default="", nullable=False),
    Column("council_reference", String(100), default="", nullable=False),
    Column("nhs_number", String(20), default="", nullable=False),
    Column("postcode", String(10), default="", nullable=False),
    Column("managed_by", String(20), default="self", nullable=False),
    Column("preferred_language", String(10), default="en_GB", nullable=False),
    Column("is_demo", Boolean, default=False, nullable=False),
)


funding_stream_table = Table(
    "funding_stream", metadata,
    Column("id", Integer, primary_key=True),
    Column("funder", String(20), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("frequency", String(20), nullable=False),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date, nullable=True),
)


# A stream's weekly amounts from a date (a new rate from April is a new row).
funding_rate_table = Table(
    "funding_rate", metadata,
    Column("id", Integer, primary_key=True),
    Column("stream_id", Integer, ForeignKey("funding_stream.id"), nullable=False),
    Column("start_date", Date, nullable=False),
    Column("gross_weekly", MoneyType, nullable=False),
    Column("contribution_weekly", MoneyType, default=Money(0), nullable=False),
    Index("ix_funding_rate_stream", "stream_id", "start_date", unique=True),
)


# The one rule chosen for this profile, whole (figures, categories, wording), as JSON so
# that a template changing later does not change an old return.
council_rule_table = Table(
    "council_rule", metadata,
    Column("id", Integer, primary_key=True),
    Column("template_code", String(60), nullable=False),
    Column("rule_json", Text, nullable=False),
)


account_table = Table(
    "account", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("kind", String(20), default="bank", nullable=False),
    Column("opening_balance", MoneyType, default=Money(0), nullable=False),
    Column("opening_date", Date, nullable=False),
    # How many days apart a bank line and an entry may be dated and still be one payment;
    # None: the usual (app.domain.accounts.MATCH_DAYS).
    Column("match_days", Integer, nullable=True),
)


category_table = Table(
    "category", metadata,
    Column("code", String(40), primary_key=True),
    Column("name_en", String(100), nullable=False),
    Column("name_cy", String(100), default="", nullable=False),
    Column("grp", String(40), nullable=False),
    Column("direction", String(3), nullable=False),
    Column("permission", String(20), nullable=False),
)


# A line of the support plan: what it pays for and its budget.
plan_line_table = Table(
    "plan_line", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), unique=True, nullable=False),
    Column("weekly_budget", MoneyType, nullable=True),
)


# What is still to be paid out of the balance on a day, as the person entered it.
money_owed_table = Table(
    "money_owed", metadata,
    Column("id", Integer, primary_key=True),
    Column("as_of", Date, unique=True, nullable=False),
    Column("wages_owed", MoneyType, default=Money(0), nullable=False),
    Column("hmrc_due", MoneyType, default=Money(0), nullable=False),
    Column("pension_due", MoneyType, default=Money(0), nullable=False),
    Column("unpaid_invoices", MoneyType, default=Money(0), nullable=False),
    Column("source", String(20), default="hand", nullable=False),
)


entry_table = Table(
    "entry", metadata,
    Column("id", Integer, primary_key=True),
    Column("on", Date, nullable=False),
    Column("amount", MoneyType, nullable=False),
    Column("account_id", Integer, ForeignKey("account.id"), nullable=False),
    Column("payee", String(200), nullable=False),
    Column("category_code", String(40), ForeignKey("category.code"), nullable=False),
    Column("plan_line_id", Integer, ForeignKey("plan_line.id"), nullable=True),
    Column("funding_stream_id", Integer, ForeignKey("funding_stream.id"), nullable=True),
    Column("memo", Text, default="", nullable=False),
    Column("approval_reason", Text, default="", nullable=False),
    Column("cleared", Boolean, default=False, nullable=False),
    Column("reconciled", Boolean, default=False, nullable=False),
    Column("import_id", String(200), nullable=True),
    Column("created_by", String(100), nullable=False),
    Column("created_at", DateTime, nullable=False),
    # The ledger pages newest-first by (date, id); balances sum along the same order.
    # amount is in the index so balance sums read the index alone.
    Index("ix_entry_on_id_amount", "on", "id", "amount"),
    Index("ix_entry_import_id", "import_id"),
    Index("ix_entry_plan_line", "plan_line_id"),
)


audit_event_table = Table(
    "audit_event", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", String(40), nullable=False),
    Column("actor", String(100), nullable=False),
    Column("action", String(40), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("entity_id", String(40), nullable=False),
    Column("detail", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)


# Derived, not audited: the sum and count of every entry as of an audit event, kept by
# the writer (app/store/balance.py).
balance_checkpoint_table = Table(
    "balance_checkpoint", metadata,
    CheckConstraint("id = 1", name="one_checkpoint"),
    Column("id", Integer, primary_key=True),
    Column("total", Integer, nullable=False),
    Column("entries", Integer, nullable=False),
    Column("event_id", Integer, nullable=False),
)


import app.store.models_bank  # noqa: E402,F401  (complete the metadata)
import app.store.models_employer  # noqa: E402,F401  (employing PAs: complete the metadata)
import app.store.models_outcomes  # noqa: E402,F401  (outcomes tables: complete the metadata)
import app.store.models_register  # noqa: E402,F401  (complete the metadata: My providers)
import app.store.models_security  # noqa: E402,F401  (complete the metadata)
import app.store.models_statements  # noqa: E402,F401  (statements tables: complete metadata)
