"""Profile tables for money in the bank and care received: reconciliation, evidence, services log.

Change only together with migrations/versions/0004_bank.py (and 0008_imports.py,
0010_evidence.py).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
)

from app.store.models import metadata
from app.store.types import MoneyType

# A bank statement checked against the ledger: its closing date and balance.
reconciliation_table = Table(
    "reconciliation", metadata,
    Column("id", Integer, primary_key=True),
    Column("account_id", Integer, ForeignKey("account.id"), nullable=False),
    Column("statement_date", Date, nullable=False),
    Column("closing_balance", MoneyType, nullable=False),
    Column("locked", Boolean, default=False, nullable=False),
    Column("created_by", String(100), nullable=False),
    Column("created_at", DateTime, nullable=False),
)


# A balance the bank itself stated on a day (read from an imported statement file).
bank_balance_table = Table(
    "bank_balance", metadata,
    Column("id", Integer, primary_key=True),
    Column("account_id", Integer, ForeignKey("account.id"), nullable=False),
    Column("on", Date, nullable=False),
    Column("balance", MoneyType, nullable=False),
    Column("source", String(255), nullable=False),  # the file it came from
    Index("ix_bank_balance_on", "account_id", "on"),
)


# Which entries a locked reconciliation covered (entry.reconciled says that it is locked).
reconciled_entry_table = Table(
    "reconciled_entry", metadata,
    Column("reconciliation_id", Integer, ForeignKey("reconciliation.id", ondelete="CASCADE"),
           primary_key=True),
    Column("entry_id", Integer, ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True),
)


# A receipt, invoice or payslip, kept inside the encrypted profile. Same bytes, one row.
evidence_table = Table(
    "evidence", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(255), nullable=False),
    Column("media_type", String(100), nullable=False),
    Column("sha256", String(64), unique=True, nullable=False),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("added_by", String(100), nullable=False),
    Column("added_at", DateTime, nullable=False),
)


evidence_link_table = Table(
    "evidence_link", metadata,
    Column("evidence_id", Integer, ForeignKey("evidence.id", ondelete="CASCADE"), primary_key=True),
    Column("entry_id", Integer, ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True),
    # A documents.DocumentKind; empty for links made before kinds (a receipt or invoice).
    Column("kind", String(30), nullable=True),
    Index("ix_evidence_link_entry", "entry_id"),
)


# A document that belongs to something other than an entry: a bank statement to an
# account, a DBS certificate or contract to a PA, an insurance certificate to the profile;
# with the days it covers when it has them.
evidence_subject_table = Table(
    "evidence_subject", metadata,
    Column("id", Integer, primary_key=True),
    Column("evidence_id", Integer, ForeignKey("evidence.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(30), nullable=False),  # a documents.DocumentKind
    Column("subject", String(20), nullable=False),  # profile, account, pa or provider
    # The account's id, or the chosen provider's (a PA is one too); none for the profile.
    # No foreign key: the name below keeps the document's meaning if that record goes.
    Column("subject_id", Integer, nullable=True),
    Column("subject_name", String(200), default="", nullable=False),
    Column("valid_from", Date, nullable=True),
    Column("valid_to", Date, nullable=True),
    Column("added_by", String(100), nullable=False),
    Column("added_at", DateTime, nullable=False),
    Index("ix_evidence_subject", "subject", "subject_id"),
    Index("ix_evidence_subject_evidence", "evidence_id"),
)


# Care received: one visit or shift. Hours are kept in whole minutes to stay exact.
service_log_table = Table(
    "service_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("on", Date, nullable=False),
    Column("provider_name", String(200), nullable=False),
    # A chosen provider from the providers feature; no foreign key, that table lives elsewhere.
    Column("chosen_provider_id", Integer, nullable=True),
    Column("planned_minutes", Integer, nullable=False),
    Column("delivered_minutes", Integer, nullable=False),
    Column("rate_pence", Integer, nullable=False),  # per hour
    Column("missed", Boolean, default=False, nullable=False),
    Column("late", Boolean, default=False, nullable=False),
    Column("note", Text, default="", nullable=False),
    Column("created_by", String(100), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Index("ix_service_log_on", "on"),
)


# An invoice payment (a ledger entry) linked to the visits it pays for.
service_payment_table = Table(
    "service_payment", metadata,
    Column("entry_id", Integer, ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True),
    Column("service_log_id", Integer, ForeignKey("service_log.id", ondelete="CASCADE"),
           primary_key=True),
    Index("ix_service_payment_visit", "service_log_id"),
)


# A bank line found to be an entry already in the ledger (typed by hand, or imported
# from another file or format of the account): the entry is not added twice, and the
# line's import id stops the same file adding it again.
bank_match_table = Table(
    "bank_match", metadata,
    Column("id", Integer, primary_key=True),
    Column("entry_id", Integer, ForeignKey("entry.id", ondelete="CASCADE"), nullable=False),
    Column("account_id", Integer, ForeignKey("account.id"), nullable=False),
    Column("import_id", String(200), nullable=False),
    Column("on", Date, nullable=False),  # the bank's date, which may differ from the entry's
    Column("amount", MoneyType, nullable=False),
    Column("bank_text", Text, default="", nullable=False),
    Column("source", String(255), nullable=False),  # the file it came from
    Index("ix_bank_match_import", "account_id", "import_id"),
    Index("ix_bank_match_entry", "entry_id"),
)


# Bank lines holding these words are this payee (and, if set, this category): learned
# from a person's corrections or typed by them.
payee_rule_table = Table(
    "payee_rule", metadata,
    Column("id", Integer, primary_key=True),
    Column("words", String(200), unique=True, nullable=False),  # as rule_words() gives them
    Column("payee", String(200), nullable=False),
    Column("category_code", String(40), ForeignKey("category.code"), nullable=True),
    Column("learned", Boolean, default=False, nullable=False),
    Column("created_by", String(100), nullable=False),
    Column("created_at", DateTime, nullable=False),
)
