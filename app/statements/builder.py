"""build(): a period of the ledger in, a Statement with every figure out.

Pure and deterministic: the same entries and inputs give the same Statement, so a return
can be regenerated later and compared. All sums are int pence, computed here and only here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from app.domain.categories import Category, Permission
from app.domain.council_rules import CouncilRule
from app.domain.funding import FundingStream, Period, weeks_held
from app.domain.money import Money, total
from app.statements.model import (
    FlaggedEntry,
    Funding,
    FundingLine,
    Holder,
    LiabilitySummary,
    Reconciliation,
    Statement,
    StatementEntry,
    StatementInputs,
    WeeksHeld,
)

CONTRIBUTION_CODE = "client_contribution"


def build(period: Period, *, holder: Holder, rule: CouncilRule,
          streams: Sequence[FundingStream], categories: Iterable[Category],
          opening: Money, entries: Sequence[StatementEntry],
          inputs: StatementInputs | None = None) -> Statement:
    """The monitoring return for `period`; `entries` are those dated inside it, `opening` the
    balance at the start of its first day."""
    inputs = inputs or StatementInputs()
    in_period = _sorted_in_period(period, entries)
    funding = _funding(period, streams, in_period)
    recon = _reconciliation(opening, in_period, inputs.bank_balance)
    liabilities = LiabilitySummary(
        entered=inputs.liabilities, contribution_owed=funding.contribution_owed,
        contingency=funding.gross_weekly.times(rule.contingency_weeks),
        total=inputs.liabilities.entered_total,
    )
    weeks = WeeksHeld(
        gross_weekly=funding.gross_weekly,
        weeks=weeks_held(recon.closing, funding.gross_weekly),
        limit=rule.weeks_held_limit, contingency=rule.contingency_weeks,
        surplus=rule.surplus(recon.closing, funding.gross_weekly, liabilities.total),
    )
    by_code = {c.code: c for c in categories}
    return Statement(
        holder=holder, period=period, rule=rule, categories=by_code, funding=funding,
        reconciliation=recon, liabilities=liabilities, weeks=weeks, transactions=in_period,
        flagged=_flagged(in_period, rule, by_code),
        services=inputs.services, outcomes=inputs.outcomes.strip(),
        generated_on=inputs.generated_on, audit_hash=inputs.audit_hash,
    )


def _flagged(entries: Sequence[StatementEntry], rule: CouncilRule,
             categories: dict[str, Category]) -> tuple[FlaggedEntry, ...]:
    """Money out in categories the rule does not simply allow, for the council to see."""
    flagged = []
    for entry in entries:
        category = categories.get(entry.category_code)
        if entry.amount.pence < 0 and category is not None:
            permission = rule.permission(category)
            if permission is not Permission.ALLOWED:
                flagged.append(FlaggedEntry(entry, permission))
    return tuple(flagged)


def _sorted_in_period(period: Period, entries: Sequence[StatementEntry]
                      ) -> tuple[StatementEntry, ...]:
    # Entries outside the period would silently break opening + in - out = closing.
    return tuple(sorted((e for e in entries if period.contains(e.on)),
                        key=lambda e: (e.on, e.id)))


def overlap_days(period: Period, stream: FundingStream) -> int:
    """Days of the period on which the stream was running (both ends inclusive)."""
    start = max(period.start, stream.start)
    end = min(period.end, stream.end or period.end)
    return max(0, (end - start).days + 1)


def pro_rata(weekly: Money, days: int) -> Money:
    """A weekly amount for `days` days, to the nearest penny."""
    return Money.from_decimal(weekly.to_decimal() * Decimal(days) / Decimal(7))


def _funding(period: Period, streams: Sequence[FundingStream],
             entries: Sequence[StatementEntry]) -> Funding:
    lines = []
    for stream in streams:
        days = overlap_days(period, stream)
        if days:
            lines.append(FundingLine(stream, days, pro_rata(stream.gross_weekly, days),
                                     pro_rata(stream.client_contribution_weekly, days)))
    running = [s for s in streams if s.start <= period.end
               and (s.end is None or s.end >= period.end)]
    paid = total(e.amount for e in entries if e.category_code == CONTRIBUTION_CODE)
    return Funding(
        lines=tuple(lines), gross_weekly=total(s.gross_weekly for s in running),
        gross_period=total(line.gross_period for line in lines),
        contribution_due=total(line.contribution_due for line in lines),
        contribution_paid=paid,
    )


def _by_category(entries: Iterable[StatementEntry]) -> tuple[tuple[str, Money], ...]:
    sums: dict[str, int] = defaultdict(int)
    for entry in entries:
        sums[entry.category_code] += abs(entry.amount.pence)
    # Largest first, then by code, so the order never depends on dict history.
    return tuple((code, Money(p)) for code, p in sorted(sums.items(), key=lambda i: (-i[1], i[0])))


def _reconciliation(opening: Money, entries: Sequence[StatementEntry],
                    bank_balance: Money | None) -> Reconciliation:
    money_in = _by_category(e for e in entries if e.amount.pence > 0)
    money_out = _by_category(e for e in entries if e.amount.pence < 0)
    total_in = total(m for _code, m in money_in)
    total_out = total(m for _code, m in money_out)
    uncleared = tuple(e for e in entries if not e.cleared)
    return Reconciliation(
        opening=opening, money_in=money_in, total_in=total_in, money_out=money_out,
        total_out=total_out, closing=opening + total_in - total_out,
        bank_balance=bank_balance, uncleared=uncleared,
        uncleared_total=total(e.amount for e in uncleared),
    )

