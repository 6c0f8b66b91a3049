"""Plain sentences for the figures an officer might query, worked out with the figures.

Each Explanation carries the very figures it talks about, taken from the parts of the
Statement already built (never worked out again); app.statements.text turns them into words.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.council_rules import CouncilRule
from app.domain.money import Money
from app.domain.policy import Position
from app.statements.model import (
    Explanation,
    FunderPayments,
    Funding,
    ProviderService,
    Reconciliation,
    StatementEntry,
)


def explanations(rule: CouncilRule, funding: Funding, recon: Reconciliation,
                 position: Position, transactions: Sequence[StatementEntry],
                 services: Sequence[ProviderService] | None) -> tuple[Explanation, ...]:
    found: list[Explanation] = []
    found += [_payments(p) for p in funding.payments]
    found += _contribution(funding)
    found += _over_funding(funding, recon)
    found += _uncleared(recon, transactions)
    found += _limit(rule, position)
    found += _minimum(position)
    found += [_provider(n, p) for n, p in enumerate(services or (), start=1)
              if p.difference.pence != 0]
    return tuple(found)


def _payments(p: FunderPayments) -> Explanation:
    values: list[tuple[str, object]] = [
        ("category", p.category_code), ("due_count", len(p.due_days)), ("expected", p.expected),
        ("received_count", p.received_count), ("received", p.received), ("share", p.share),
        ("difference", Money(abs((p.received - p.expected).pence))),
        ("more", p.received.pence > p.expected.pence), ("frequency", p.frequency),
        ("each", p.each), ("next_day", p.next_day)]
    return Explanation(f"payments:{p.category_code}", tuple(values),
                       warn=p.received.pence < p.expected.pence)


def _contribution(f: Funding) -> list[Explanation]:
    plan = f.contribution_plan
    if plan is None and f.contribution_due.pence == 0 and f.contribution_paid.pence == 0:
        return []
    values: list[tuple[str, object]] = [
        ("pro_rata", f.contribution_due), ("paid", f.contribution_paid),
        ("owed", f.contribution_owed), ("expected", f.contribution_expected),
        ("weekly", _contribution_weekly(f))]
    if plan is not None:
        values += [("frequency", plan.frequency), ("instalment", plan.instalment),
                   ("due_count", len(plan.due_days)), ("paid_count", plan.paid_count),
                   # The size only: the sentence says it is no money owed either way.
                   ("noise", Money(abs((f.contribution_due - plan.expected).pence)))]
    return [Explanation("contribution", tuple(values), warn=f.contribution_owed.pence > 0)]


def _contribution_weekly(f: Funding) -> Money:
    return Money(sum(line.contribution_weekly.pence for line in f.lines))


def _over_funding(f: Funding, r: Reconciliation) -> list[Explanation]:
    if r.total_out.pence <= f.gross_period.pence or f.gross_period.pence <= 0:
        return []
    return [Explanation("over_funding", (
        ("out", r.total_out), ("funding", f.gross_period),
        ("over", r.total_out - f.gross_period), ("opening", r.opening),
        ("closing", r.closing)), warn=True)]


def _uncleared(r: Reconciliation, transactions: Sequence[StatementEntry]
               ) -> list[Explanation]:
    in_period = sum(1 for e in transactions if not e.cleared)
    if not r.uncleared and not in_period:
        return []
    return [Explanation("uncleared", (
        ("count", len(r.uncleared)), ("total", r.uncleared_total),
        ("in_period", in_period), ("lines", len(transactions)),
        ("bank_given", r.bank_balance is not None)))]


def _limit(rule: CouncilRule, p: Position) -> list[Explanation]:
    if p.weekly.pence <= 0:
        return []
    if p.weeks_limit is None:
        return [Explanation("no_limit", (("contingency_weeks", p.contingency_weeks),))]
    return [Explanation("limit", (
        ("weeks", p.allowed_weeks), ("basis", p.basis), ("weekly", p.weekly),
        ("allowed", p.weekly.times(p.allowed_weeks)), ("owed", p.owed), ("kept", p.kept),
        ("closing", p.balance), ("surplus", p.surplus)), warn=p.over_limit)]


def _minimum(p: Position) -> list[Explanation]:
    if not p.below_minimum:
        return []
    return [Explanation("below_minimum", (
        ("weeks", p.minimum_weeks), ("weekly", p.weekly), ("minimum", p.minimum),
        ("closing", p.balance), ("short", p.minimum - p.balance)), warn=True)]


def _provider(n: int, p: ProviderService) -> Explanation:
    return Explanation(f"provider:{n}", (
        ("name", p.provider), ("paid", p.paid), ("delivered", p.value_delivered),
        ("difference", Money(abs(p.difference.pence))), ("more", p.difference.pence > 0)),
        warn=True)
