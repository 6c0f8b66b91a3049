"""build(): a period of the ledger in, a Statement with every figure out.

Pure and deterministic: the same entries and inputs give the same Statement, so a return
can be regenerated later and compared. All sums are int pence, computed here and only here;
every rule question (permissions, limit, contingency, surplus) is asked of the Policy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from app.domain.funding import (
    FundingStream,
    Period,
    gross_weekly_on,
    net_weekly_on,
    pro_rata_spans,
)
from app.domain.money import Money, total
from app.domain.owed import Liabilities
from app.domain.person import Holder
from app.domain.plan import PlanLine, PlanSpend
from app.domain.policy import Policy
from app.domain.schedules import contribution_instalments, scheduled_payments
from app.outcomes.report import OutcomeInputs, summarise
from app.statements.checklist import evidence_section
from app.statements.explain import explanations
from app.statements.model import (
    ContributionPlan,
    EmployedPA,
    EmployerInputs,
    EmployerSection,
    EvidenceInputs,
    FlaggedEntry,
    FunderPayments,
    Funding,
    FundingLine,
    LiabilitySummary,
    Reconciliation,
    Statement,
    StatementEntry,
    StatementInputs,
)

CONTRIBUTION_CODE = "client_contribution"
# Which income category each funder's payments are entered under.
PAYMENT_CODES = {"council": "council_payment", "ilf": "council_payment",
                 "other": "council_payment", "nhs": "nhs_payment"}


@dataclass(frozen=True)
class Ledger:
    """What the statement reads from the ledger for a period."""

    opening: Money  # the balance at the start of the period's first day
    entries: Sequence[StatementEntry]  # dated inside the period
    uncleared: Sequence[StatementEntry] = ()  # not on a bank statement, up to the period end
    plan_lines: Sequence[PlanLine] = ()
    # The person's contribution payments up to the period's end (to see how they pay it).
    contributions: Sequence[tuple[date, Money]] = ()
    outcomes: OutcomeInputs | None = None  # the support plan's outcomes and their links


def build(period: Period, *, holder: Holder, policy: Policy,
          streams: Sequence[FundingStream], ledger: Ledger,
          owed: Liabilities | None = None,
          inputs: StatementInputs | None = None,
          employer: EmployerInputs | None = None,
          evidence: EvidenceInputs | None = None) -> Statement:
    """The monitoring return for `period`."""
    inputs = inputs or StatementInputs()
    owed = owed or Liabilities()
    in_period = _sorted_in_period(period, ledger.entries)
    funding = _funding(period, streams, in_period, ledger.contributions)
    recon = _reconciliation(period, ledger.opening, in_period, ledger.uncleared, inputs)
    gross_weekly = gross_weekly_on(streams, period.end)
    net_weekly = net_weekly_on(streams, period.end)
    liabilities = LiabilitySummary(
        entered=owed, contribution_owed=funding.contribution_owed,
        contingency=policy.contingency(gross_weekly, net_weekly), total=owed.total)
    position = policy.position(period.end, recon.closing, gross_weekly, owed.total,
                               net_weekly)
    return Statement(
        holder=holder, period=period, rule=policy.rule, categories=dict(policy.categories),
        funding=funding, reconciliation=recon, liabilities=liabilities,
        position=position,
        transactions=in_period, flagged=_flagged(in_period, policy),
        plan=_plan(period, ledger.plan_lines, in_period),
        services=inputs.services, outcomes=inputs.outcomes.strip(),
        generated_on=inputs.generated_on, audit_hash=inputs.audit_hash,
        head_event_id=inputs.head_event_id,
        outcome_summary=summarise(period, ledger.outcomes) if ledger.outcomes else None,
        employer=_employer(employer, owed) if employer is not None else None,
        explanations=explanations(policy.rule, funding, recon, position, in_period,
                                  inputs.services),
        evidence=evidence_section(period, policy, in_period, evidence or EvidenceInputs()),
        due_on=inputs.due_on or policy.due_date(period),
    )


def _employer(inputs: EmployerInputs, owed: Liabilities) -> EmployerSection:
    """Each PA's hours and pay over the period, their sum, the checks and what is owed."""
    pas = []
    for name, sums, count, minutes in inputs.pas:
        gross, tax, ee_ni, er_ni, ee_pension, er_pension = sums
        pas.append(EmployedPA(name, _hours(minutes), gross, tax + ee_ni + er_ni,
                              ee_pension + er_pension, count))
    total_pa = EmployedPA("", sum((p.hours for p in pas), Decimal(0)),
                          total(p.gross for p in pas), total(p.tax_ni for p in pas),
                          total(p.pension for p in pas), sum(p.payslips for p in pas))
    return EmployerSection(tuple(pas), total_pa, inputs.checks, inputs.insurer,
                           inputs.policy_number, inputs.insurance_renewal, owed)


def _hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _flagged(entries: Sequence[StatementEntry], policy: Policy) -> tuple[FlaggedEntry, ...]:
    """Money out the council must agree or does not usually allow, and lines not sorted yet,
    for the council to see."""
    flagged = []
    for entry in entries:
        unsorted = policy.is_unsorted(entry.category_code)
        if unsorted or (entry.amount.pence < 0 and policy.needs_reason(entry.category_code)):
            flagged.append(FlaggedEntry(entry, policy.permission(entry.category_code), unsorted))
    return tuple(flagged)


def _sorted_in_period(period: Period, entries: Sequence[StatementEntry]
                      ) -> tuple[StatementEntry, ...]:
    # Entries outside the period would silently break opening + in - out = closing.
    return tuple(sorted((e for e in entries if period.contains(e.on)),
                        key=lambda e: (e.on, e.id)))


def _funding(period: Period, streams: Sequence[FundingStream],
             entries: Sequence[StatementEntry],
             contributions: Sequence[tuple[date, Money]] = ()) -> Funding:
    lines = []
    for stream in streams:
        spans = stream.spans(period)
        if not spans:
            continue
        last = spans[-1].rate
        lines.append(FundingLine(stream, sum(s.days for s in spans), stream.gross_for(period),
                                 stream.contribution_for(period), last.gross_weekly,
                                 last.contribution_weekly, len(spans)))
    paid_in = [e for e in entries if e.category_code == CONTRIBUTION_CODE]
    paid = total(e.amount for e in paid_in)
    found = contribution_instalments(
        list(contributions) or [(e.on, e.amount) for e in paid_in], streams, period)
    plan = None if found is None else ContributionPlan(
        found.frequency, found.instalment, found.due_days, found.expected,
        sum(1 for e in paid_in if e.amount.pence > 0))
    return Funding(
        lines=tuple(lines), gross_period=total(line.gross_period for line in lines),
        contribution_due=total(line.contribution_due for line in lines),
        contribution_paid=paid, contribution_plan=plan,
        payments=_payments(period, streams, lines, entries),
    )


def _payments(period: Period, streams: Sequence[FundingStream], lines: Sequence[FundingLine],
              entries: Sequence[StatementEntry]) -> tuple[FunderPayments, ...]:
    """Each funder's payments in the period beside its schedule and its share."""
    found = []
    for code in dict.fromkeys(PAYMENT_CODES.values()):
        paying = [s for s in streams if PAYMENT_CODES.get(s.funder.value) == code]
        received = [e for e in entries if e.category_code == code]
        if not paying and not received:
            continue
        schedule = scheduled_payments(paying, period)
        share = total(line.net_period for line in lines
                      if PAYMENT_CODES.get(line.stream.funder.value) == code)
        if not schedule.days and not received and share.pence == 0:
            continue
        found.append(FunderPayments(
            code, schedule.frequency, schedule.days, schedule.expected,
            sum(1 for e in received if e.amount.pence > 0), total(e.amount for e in received),
            share, schedule.next_day))
    return tuple(found)


def _by_category(entries: Iterable[StatementEntry]) -> tuple[tuple[str, Money], ...]:
    sums: dict[str, int] = defaultdict(int)
    for entry in entries:
        sums[entry.category_code] += abs(entry.amount.pence)
    # Largest first, then by code, so the order never depends on dict history.
    return tuple((code, Money(p)) for code, p in sorted(sums.items(), key=lambda i: (-i[1], i[0])))


def _reconciliation(period: Period, opening: Money, entries: Sequence[StatementEntry],
                    uncleared: Sequence[StatementEntry], inputs: StatementInputs
                    ) -> Reconciliation:
    money_in = _by_category(e for e in entries if e.amount.pence > 0)
    money_out = _by_category(e for e in entries if e.amount.pence < 0)
    total_in = total(m for _code, m in money_in)
    total_out = total(m for _code, m in money_out)
    bank_date = inputs.bank_date if inputs.bank_balance is not None else None
    cut = bank_date or period.end
    not_shown = tuple(e for e in uncleared if e.on <= cut)
    after = tuple(e for e in entries if bank_date is not None and e.on > bank_date)
    return Reconciliation(
        opening=opening, money_in=money_in, total_in=total_in, money_out=money_out,
        total_out=total_out, closing=opening + total_in - total_out,
        bank_balance=inputs.bank_balance, bank_date=bank_date, uncleared=not_shown,
        uncleared_total=total(e.amount for e in not_shown), after_bank=after,
        after_bank_total=total(e.amount for e in after),
    )


def _plan(period: Period, lines: Sequence[PlanLine], entries: Sequence[StatementEntry]
          ) -> tuple[PlanSpend, ...]:
    """Spending against each support-plan line (money out carrying it), beside its budget
    pro rata for the period's days; spending on no line comes last, under a blank name."""
    spent: Mapping[str, int] = _spent_by_line(entries)
    result = [PlanSpend(line.name, _budget(line, period), Money(spent.get(line.name, 0)))
              for line in lines]
    if spent.get(""):
        result.append(PlanSpend("", None, Money(spent[""])))
    return tuple(result)


def _spent_by_line(entries: Sequence[StatementEntry]) -> dict[str, int]:
    spent: dict[str, int] = defaultdict(int)
    for entry in entries:
        if entry.amount.pence < 0:
            spent[entry.support_plan_line] -= entry.amount.pence
    return spent


def _budget(line: PlanLine, period: Period) -> Money | None:
    if line.weekly_budget is None:
        return None
    return pro_rata_spans([(line.weekly_budget, period.days)])
