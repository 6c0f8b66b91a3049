"""Profile tables for money in the bank and care received: reconciliation, evidence, services log.

Change only together with migrations/versions/0004_bank.py (and 0008_imports.py,
0010_evidence.py).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.money import Money
from app.store.models import Base
from app.store.types import MoneyType


class ReconciliationRow(Base):
    """A bank statement checked against the ledger: its closing date and balance."""

    __tablename__ = "reconciliation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    statement_date: Mapped[date] = mapped_column(Date)
    closing_balance: Mapped[Money] = mapped_column(MoneyType)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column()


class BankBalanceRow(Base):
    """A balance the bank itself stated on a day (read from an imported statement file)."""

    __tablename__ = "bank_balance"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    on: Mapped[date] = mapped_column(Date)
    balance: Mapped[Money] = mapped_column(MoneyType)
    source: Mapped[str] = mapped_column(String(255))  # the file it came from
    __table_args__ = (Index("ix_bank_balance_on", "account_id", "on"),)


class ReconciledEntryRow(Base):
    """Which entries a locked reconciliation covered (entry.reconciled says that it is locked)."""

    __tablename__ = "reconciled_entry"
    reconciliation_id: Mapped[int] = mapped_column(
        ForeignKey("reconciliation.id", ondelete="CASCADE"), primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"),
                                          primary_key=True)


class EvidenceRow(Base):
    """A receipt, invoice or payslip, kept inside the encrypted profile. Same bytes, one row."""

    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[datetime] = mapped_column()


class EvidenceLinkRow(Base):
    __tablename__ = "evidence_link"
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id", ondelete="CASCADE"),
                                             primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"),
                                          primary_key=True)
    # A documents.DocumentKind; empty for links made before kinds (a receipt or invoice).
    kind: Mapped[str | None] = mapped_column(String(30))
    __table_args__ = (Index("ix_evidence_link_entry", "entry_id"),)


class EvidenceSubjectRow(Base):
    """A document that belongs to something other than an entry: a bank statement to an
    account, a DBS certificate or contract to a PA, an insurance certificate to the profile;
    with the days it covers when it has them."""

    __tablename__ = "evidence_subject"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))  # a documents.DocumentKind
    subject: Mapped[str] = mapped_column(String(20))  # profile, account, pa or provider
    # The account's id, or the chosen provider's (a PA is one too); none for the profile.
    # No foreign key: the name below keeps the document's meaning if that record goes.
    subject_id: Mapped[int | None] = mapped_column(Integer)
    subject_name: Mapped[str] = mapped_column(String(200), default="")
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[datetime] = mapped_column()
    __table_args__ = (Index("ix_evidence_subject", "subject", "subject_id"),
                      Index("ix_evidence_subject_evidence", "evidence_id"))


class ServiceVisitRow(Base):
    """Care received: one visit or shift. Hours are kept in whole minutes to stay exact."""

    __tablename__ = "service_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    on: Mapped[date] = mapped_column(Date)
    provider_name: Mapped[str] = mapped_column(String(200))
    # A chosen provider from the providers feature; no foreign key, that table lives elsewhere.
    chosen_provider_id: Mapped[int | None] = mapped_column(Integer)
    planned_minutes: Mapped[int] = mapped_column(Integer)
    delivered_minutes: Mapped[int] = mapped_column(Integer)
    rate_pence: Mapped[int] = mapped_column(Integer)  # per hour
    missed: Mapped[bool] = mapped_column(Boolean, default=False)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column()
    __table_args__ = (Index("ix_service_log_on", "on"),)


class ServicePaymentRow(Base):
    """An invoice payment (a ledger entry) linked to the visits it pays for."""

    __tablename__ = "service_payment"
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"),
                                          primary_key=True)
    service_log_id: Mapped[int] = mapped_column(ForeignKey("service_log.id", ondelete="CASCADE"),
                                                primary_key=True)
    __table_args__ = (Index("ix_service_payment_visit", "service_log_id"),)


class BankMatchRow(Base):
    """A bank line found to be an entry already in the ledger (typed by hand, or imported
    from another file or format of the account): the entry is not added twice, and the
    line's import id stops the same file adding it again."""

    __tablename__ = "bank_match"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    import_id: Mapped[str] = mapped_column(String(200))
    on: Mapped[date] = mapped_column(Date)  # the bank's date, which may differ from the entry's
    amount: Mapped[Money] = mapped_column(MoneyType)
    bank_text: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(255))  # the file it came from
    __table_args__ = (Index("ix_bank_match_import", "account_id", "import_id"),
                      Index("ix_bank_match_entry", "entry_id"))


class PayeeRuleRow(Base):
    """Bank lines holding these words are this payee (and, if set, this category): learned
    from a person's corrections or typed by them."""

    __tablename__ = "payee_rule"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    words: Mapped[str] = mapped_column(String(200), unique=True)  # as rule_words() gives them
    payee: Mapped[str] = mapped_column(String(200))
    category_code: Mapped[str | None] = mapped_column(ForeignKey("category.code"))
    learned: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column()
