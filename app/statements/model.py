"""The Statement and its parts: frozen, plain data with every figure already worked out.

Renderers read these and format them; they never add anything up themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from app.domain.categories import Category, Permission
from app.domain.council_rules import CouncilRule
from app.domain.funding import FundingStream, Period
from app.domain.money import Money


@dataclass(frozen=True)
class Holder:
    name: str
    council_name: str = ""
    council_reference: str = ""
    nhs_number: str = ""
    managed_by: str = "self"  # self, carer, appointed_person, agent


@dataclass(frozen=True)
class StatementEntry:
    """One ledger entry as the council sees it."""

    id: int
    on: date
    amount: Money
    payee: str
    category_code: str
    support_plan_line: str = ""
    memo: str = ""
    cleared: bool = True
    evidence_ref: str = ""
    approval_reason: str = ""


@dataclass(frozen=True)
class FlaggedEntry:
    """Spending in a category the rule marks as needing approval or not allowed."""

    entry: StatementEntry
    permission: Permission


@dataclass(frozen=True)
class Liabilities:
    """What is owed at the end of the period. These are inputs: the ledger cannot know them."""

    wages_owed: Money = Money(0)
    hmrc_due: Money = Money(0)
    pension_due: Money = Money(0)
    unpaid_invoices: Money = Money(0)

    @property
    def entered_total(self) -> Money:
        return self.wages_owed + self.hmrc_due + self.pension_due + self.unpaid_invoices


@dataclass(frozen=True)
class ProviderService:
    """Services delivered and paid for one provider or PA in the period (from the services log)."""

    provider: str
    planned_hours: Decimal
    delivered_hours: Decimal
    value_delivered: Money
    paid: Money

    @property
    def difference(self) -> Money:
        """Paid less the value delivered: positive means paid for more than was delivered."""
        return self.paid - self.value_delivered


@dataclass(frozen=True)
class StatementInputs:
    """What the person adds when producing a return; everything optional."""

    bank_balance: Money | None = None
    liabilities: Liabilities = Liabilities()
    services: tuple[ProviderService, ...] | None = None
    outcomes: str = ""
    generated_on: date | None = None  # printed when given; never taken from the clock
    audit_hash: str = ""


@dataclass(frozen=True)
class FundingLine:
    stream: FundingStream
    days_in_period: int
    gross_period: Money
    contribution_due: Money

    @property
    def net_period(self) -> Money:
        return self.gross_period - self.contribution_due


@dataclass(frozen=True)
class Funding:
    lines: tuple[FundingLine, ...]
    gross_weekly: Money  # of the streams running on the last day of the period
    gross_period: Money
    contribution_due: Money
    contribution_paid: Money

    @property
    def contribution_owed(self) -> Money:
        return Money(max(0, (self.contribution_due - self.contribution_paid).pence))


@dataclass(frozen=True)
class Reconciliation:
    opening: Money
    money_in: tuple[tuple[str, Money], ...]  # (category code, total), largest first
    total_in: Money
    money_out: tuple[tuple[str, Money], ...]  # positive totals of money out
    total_out: Money
    closing: Money
    bank_balance: Money | None
    uncleared: tuple[StatementEntry, ...]
    uncleared_total: Money

    @property
    def bank_difference(self) -> Money | None:
        """Closing balance less (bank balance + items not yet through the bank); 0 agrees."""
        if self.bank_balance is None:
            return None
        return self.closing - (self.bank_balance + self.uncleared_total)


@dataclass(frozen=True)
class LiabilitySummary:
    entered: Liabilities
    contribution_owed: Money  # derived: contribution due in the period but not paid in
    contingency: Money  # derived: agreed contingency weeks times the gross weekly amount
    total: Money  # entered liabilities; contingency is shown apart as it is kept, not owed


@dataclass(frozen=True)
class WeeksHeld:
    gross_weekly: Money
    weeks: Decimal | None
    limit: int
    contingency: int
    surplus: Money

    @property
    def over_limit(self) -> bool:
        return self.surplus.pence > 0


@dataclass(frozen=True)
class Statement:
    holder: Holder
    period: Period
    rule: CouncilRule
    categories: dict[str, Category] = field(hash=False, compare=False)
    funding: Funding
    reconciliation: Reconciliation
    liabilities: LiabilitySummary
    weeks: WeeksHeld
    transactions: tuple[StatementEntry, ...]
    flagged: tuple[FlaggedEntry, ...]
    services: tuple[ProviderService, ...] | None
    outcomes: str
    generated_on: date | None
    audit_hash: str
