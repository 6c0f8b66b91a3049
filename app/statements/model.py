"""The Statement and its parts: frozen, plain data with every figure already worked out.

Renderers read these and format them; they never add anything up themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from app.domain.categories import Category, Permission
from app.domain.council_rules import CouncilRule
from app.domain.documents import DocumentKind, FiledDocument
from app.domain.funding import Frequency, FundingStream, Period
from app.domain.money import Money
from app.domain.owed import Liabilities
from app.domain.person import Holder
from app.domain.plan import PlanSpend
from app.domain.policy import Position
from app.outcomes.report import OutcomesSummary

__all__ = ["Holder", "Liabilities"]  # kept here too: the renderers' and callers' one import


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
    """Spending the council must agree (or does not usually allow), or not sorted yet."""

    entry: StatementEntry
    permission: Permission
    unsorted: bool = False


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
    bank_date: date | None = None  # the day the bank balance was stated
    services: tuple[ProviderService, ...] | None = None
    outcomes: str = ""  # notes on the outcomes, as the person wrote them
    generated_on: date | None = None  # printed when given; never taken from the clock
    audit_hash: str = ""
    head_event_id: int = 0
    due_on: date | None = None  # the day the council asked for it by, when the person says


@dataclass(frozen=True)
class ContributionPlan:
    """How the person pays their contribution in, read from the payments themselves: so many
    instalments of a fixed amount (weekly, four-weekly or monthly) fell due in the period."""

    frequency: Frequency
    instalment: Money  # at the rate on the last day due (rates may change in the period)
    due_days: tuple[date, ...]  # the instalment days in the period
    expected: Money  # the instalments due in the period, each at its day's rate
    paid_count: int


@dataclass(frozen=True)
class FundingLine:
    stream: FundingStream
    days_in_period: int
    gross_period: Money
    contribution_due: Money
    gross_weekly: Money  # the rate on the stream's last day in the period
    contribution_weekly: Money
    rates_in_period: int  # more than one when the weekly amount changed in the period

    @property
    def net_period(self) -> Money:
        return self.gross_period - self.contribution_due


@dataclass(frozen=True)
class FunderPayments:
    """One funder's payments in the period (council or NHS) against its payment schedule and
    against the period's share of its funding."""

    category_code: str  # council_payment or nhs_payment
    frequency: Frequency | None  # of the streams paying in (None when they differ)
    due_days: tuple[date, ...]  # payment days in the period, by the schedule
    expected: Money  # what the schedule pays on those days
    received_count: int
    received: Money
    share: Money  # the period's share of the funding after contributions (pro rata by day)
    next_day: date | None  # the first payment day after the period

    @property
    def each(self) -> Money | None:
        """The amount of every scheduled payment, when they are all the same."""
        if not self.due_days:
            return None
        per = self.expected.pence // len(self.due_days)
        return Money(per) if per * len(self.due_days) == self.expected.pence else None


@dataclass(frozen=True)
class Funding:
    lines: tuple[FundingLine, ...]
    gross_period: Money
    contribution_due: Money  # pro rata by day, as the weekly figures give it
    contribution_paid: Money
    contribution_plan: ContributionPlan | None = None  # instalments, when they can be read
    payments: tuple[FunderPayments, ...] = ()

    @property
    def contribution_expected(self) -> Money:
        """What should have been paid in: the instalments that fell due in the period when
        the person pays regular instalments, else the pro-rata figure."""
        if self.contribution_plan is not None:
            return self.contribution_plan.expected
        return self.contribution_due

    @property
    def contribution_owed(self) -> Money:
        return Money(max(0, (self.contribution_expected - self.contribution_paid).pence))


@dataclass(frozen=True)
class Reconciliation:
    opening: Money
    money_in: tuple[tuple[str, Money], ...]  # (category code, total), largest first
    total_in: Money
    money_out: tuple[tuple[str, Money], ...]  # positive totals of money out
    total_out: Money
    closing: Money
    bank_balance: Money | None
    bank_date: date | None
    uncleared: tuple[StatementEntry, ...]  # up to the bank's date (else the period's end)
    uncleared_total: Money
    after_bank: tuple[StatementEntry, ...]  # dated after the bank's date, up to the end
    after_bank_total: Money

    @property
    def bank_difference(self) -> Money | None:
        """Closing balance less what the bank explains: its balance, items it had not shown
        yet, and entries dated after its statement. Zero means they agree."""
        if self.bank_balance is None:
            return None
        return self.closing - (self.bank_balance + self.uncleared_total
                               + self.after_bank_total)


@dataclass(frozen=True)
class LiabilitySummary:
    entered: Liabilities
    contribution_owed: Money  # derived: contribution due in the period but not paid in
    contingency: Money  # derived: agreed contingency weeks times the gross weekly amount
    total: Money  # entered liabilities; contingency is shown apart as it is kept, not owed


@dataclass(frozen=True)
class EmployedPA:
    """One PA over the period: hours from the timesheets, pay from the payslips."""

    name: str
    hours: Decimal  # delivered in the period, from the services log
    gross: Money
    tax_ni: Money  # income tax and both National Insurance contributions
    pension: Money  # both pension contributions
    payslips: int


@dataclass(frozen=True)
class EmployerCheck:
    pa: str  # blank: the employer's own duty
    topic: str  # a checks_common.Topic value
    state: str  # ok, due or problem
    text: str
    action: str
    source_title: str
    source_url: str


@dataclass(frozen=True)
class EmployerInputs:
    """What the statement service reads for the employer section; the builder adds it up."""

    pas: tuple[tuple[str, tuple[Money, Money, Money, Money, Money, Money], int, int], ...]
    # per PA: name, payslip sums (gross, tax, employee NI, employer NI, employee pension,
    # employer pension), number of payslips, minutes delivered in the period
    checks: tuple[EmployerCheck, ...]
    insurer: str = ""
    policy_number: str = ""
    insurance_renewal: date | None = None


@dataclass(frozen=True)
class EmployerSection:
    pas: tuple[EmployedPA, ...]
    total: EmployedPA  # the sums over every PA (name blank)
    checks: tuple[EmployerCheck, ...]
    insurer: str
    policy_number: str
    insurance_renewal: date | None
    owed: Liabilities  # what is owed at the end of the period (from payslips when kept)

    @property
    def problems(self) -> int:
        return sum(1 for c in self.checks if c.state != "ok")


@dataclass(frozen=True)
class Explanation:
    """A plain sentence for a figure an officer might query. `values` are the figures the
    sentence gives (Money, whole numbers, dates, names), each taken from the Statement; the
    renderers turn them into words and add nothing up."""

    key: str  # contribution, payments:<category>, over_funding, below_minimum, limit,
    # no_limit, uncleared, provider:<n>
    values: tuple[tuple[str, object], ...]
    warn: bool = False

    def __getitem__(self, name: str) -> object:
        return dict(self.values)[name]

    def money(self, name: str) -> Money:
        value = self[name]
        assert isinstance(value, Money)
        return value


@dataclass(frozen=True)
class ListedDocument:
    """One document in the evidence list and the appendix, with everything it belongs to (the
    same file may be the receipt for several payments)."""

    ref: str  # A1, A2, ...: its heading in the appendix and its folder in the pack
    links: tuple[FiledDocument, ...]  # first: the one it is filed under

    @property
    def doc(self) -> FiledDocument:
        return self.links[0]


@dataclass(frozen=True)
class CheckItem:
    """One line of the evidence checklist: what the council asks for and whether it is there."""

    kind: DocumentKind
    state: str  # ok, missing or note
    whose: str = ""  # a PA's name, when the item is for one PA
    count: int = 0  # documents found (or payments missing receipts)
    recorded: int = 0  # payslips recorded in CareLedger, for the payslip line
    gaps: tuple[tuple[date, date], ...] = ()  # days no bank statement covers
    on: date | None = None  # the day a certificate must cover


@dataclass(frozen=True)
class EvidenceInputs:
    """What the statement service reads about evidence; the builder sorts and counts it."""

    documents: tuple[FiledDocument, ...] = ()
    pas: tuple[tuple[int, str, int], ...] = ()  # (provider id, name, payslips in the period)


@dataclass(frozen=True)
class EvidenceSection:
    documents: tuple[ListedDocument, ...]  # in appendix order
    missing: tuple[StatementEntry, ...]  # money out in the period with no document
    checklist: tuple[CheckItem, ...]
    asked: bool  # the council publishes a list of the evidence it wants

    def refs_of(self, entry_id: int) -> tuple[str, ...]:
        return tuple(d.ref for d in self.documents
                     if any(link.entry_id == entry_id for link in d.links))


@dataclass(frozen=True)
class Statement:
    holder: Holder
    period: Period
    rule: CouncilRule
    categories: dict[str, Category] = field(hash=False, compare=False)
    funding: Funding
    reconciliation: Reconciliation
    liabilities: LiabilitySummary
    position: Position  # balance, weeks held, limit and surplus at the end of the period
    transactions: tuple[StatementEntry, ...]
    flagged: tuple[FlaggedEntry, ...]
    plan: tuple[PlanSpend, ...]
    services: tuple[ProviderService, ...] | None
    outcomes: str
    generated_on: date | None
    audit_hash: str
    head_event_id: int = 0
    outcome_summary: OutcomesSummary | None = None  # each outcome with its ratings and money
    employer: EmployerSection | None = None  # when the person employs PAs
    explanations: tuple[Explanation, ...] = ()
    evidence: EvidenceSection | None = None
    due_on: date | None = None  # by the rule, or the day the council asked for

    def explained(self, prefix: str) -> tuple[Explanation, ...]:
        return tuple(e for e in self.explanations if e.key.startswith(prefix))

    @property
    def shows_nhs_number(self) -> bool:
        """An NHS number belongs on an NHS return only (the rule's funder, or NHS money)."""
        return self.rule.funder == "nhs" or any(
            line.stream.funder == "nhs" for line in self.funding.lines)
