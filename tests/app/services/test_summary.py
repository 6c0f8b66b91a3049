"""The Money tab, `summary`, the forecast and the statement give the same figures for the same
day, and each equals an independent computation over the same ledger."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.council_rules import LimitBasis, ReturnFrequency, custom_rule
from app.domain.entries import EntryDraft
from app.domain.funding import Frequency, Period, StreamRequest, StreamType
from app.domain.money import Money
from app.domain.owed import Liabilities
from app.services.context import ProfileContext, open_context
from app.services.profiles import NewProfile, create_profile
from app.services.statements import StatementRequest

START = date(2025, 4, 1)
TODAY = date(2026, 6, 30)


@dataclass(frozen=True)
class Case:
    weekly: int  # council, pence a week from START
    new_rate: tuple[int, int] | None  # (days after START, pence a week)
    nhs: tuple[int, int] | None  # (days after START, pence a week)
    limit: int
    contingency: int
    frequency: ReturnFrequency
    contribution: int  # the person's own, pence a week (part of the council's weekly amount)
    basis: LimitBasis
    opening: int
    entries: tuple[tuple[int, int], ...]  # (days after START, signed pence)
    owed: tuple[int, int] | None  # (days after START, pence owed in wages)
    day: int  # the day asked about, days after START


cases = st.builds(
    Case,
    weekly=st.integers(0, 90_000),
    new_rate=st.none() | st.tuples(st.integers(1, 420), st.integers(0, 90_000)),
    nhs=st.none() | st.tuples(st.integers(0, 420), st.integers(1, 40_000)),
    limit=st.integers(1, 12), contingency=st.integers(0, 4),
    frequency=st.sampled_from(list(ReturnFrequency)),
    contribution=st.integers(0, 5_000), basis=st.sampled_from(list(LimitBasis)),
    opening=st.integers(0, 500_000),
    entries=st.lists(st.tuples(st.integers(0, 420),
                               st.integers(-300_000, 600_000).filter(bool)), max_size=25
                     ).map(tuple),
    owed=st.none() | st.tuples(st.integers(0, 420), st.integers(1, 200_000)),
    day=st.integers(0, 440),
)


def on(days: int) -> date:
    return START + timedelta(days=days)


def contribution_of(case: Case) -> int:
    """The person's weekly contribution, never more than any weekly amount it is part of."""
    rates = [case.weekly] + ([case.new_rate[1]] if case.new_rate else [])
    return min(case.contribution, *rates)


def make(folder: Path, case: Case) -> ProfileContext:
    request = NewProfile("Prop", Money(case.weekly), Frequency.FOUR_WEEKLY, START,
                         opening_balance=Money(case.opening),
                         client_contribution_weekly=Money(contribution_of(case)))
    create_profile(folder, request, "a long passphrase")
    ctx = open_context(folder, "Prop", "a long passphrase")
    ctx.rules.choose_rule(replace(custom_rule("Own", case.frequency, case.limit,
                                              case.contingency), limit_basis=case.basis))
    if case.new_rate:
        ctx.funding.change(StreamType.COUNCIL_DP, Money(case.new_rate[1]), on(case.new_rate[0]))
    if case.nhs:
        ctx.funding.add(StreamRequest(StreamType.NHS_PHB, Money(case.nhs[1]), on(case.nhs[0])))
    ctx.ledger.add_entries([EntryDraft(on(d), Money(p), "Council" if p > 0 else "Jo",
                                       "council_payment" if p > 0 else "pa_wages")
                            for d, p in case.entries], TODAY)
    if case.owed:
        ctx.owed.set(on(case.owed[0]), Liabilities(Money(case.owed[1])))
    return ctx


def expected(case: Case) -> dict[str, object]:
    """The figures worked out here from the case alone, by other code than the app's."""
    day = on(case.day)
    balance = case.opening + sum(p for d, p in case.entries if on(d) <= day)
    gross = case.weekly
    contribution = contribution_of(case)  # a new rate keeps the contribution
    if case.new_rate and on(case.new_rate[0]) <= day:
        gross = case.new_rate[1]
    if case.nhs and on(case.nhs[0]) <= day:
        gross += case.nhs[1]
    counted = gross - contribution if case.basis is LimitBasis.NET else gross
    months = {ReturnFrequency.QUARTERLY: 3, ReturnFrequency.SIX_MONTHLY: 6,
              ReturnFrequency.YEARLY: 12, ReturnFrequency.ON_REQUEST: 3}[case.frequency]
    fy = day.year if day.month >= 4 else day.year - 1
    index = (day.month - 4) % 12 // months * months
    start = date(fy + (3 + index) // 12, (3 + index) % 12 + 1, 1)
    owed = case.owed[1] if case.owed and start <= on(case.owed[0]) <= day else 0
    surplus = (max(0, balance - counted * (case.limit + case.contingency) - owed)
               if counted > 0 else 0)
    weeks = (None if counted <= 0 else
             (Decimal(balance) / Decimal(counted)).quantize(Decimal("0.1"), ROUND_HALF_UP))
    return {"balance": balance, "gross": gross, "owed": owed, "surplus": surplus,
            "weeks": weeks, "period_start": start}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases)
def test_every_screen_agrees_with_an_independent_sum(tmp_path_factory: pytest.TempPathFactory,
                                                     case: Case) -> None:
    ctx = make(tmp_path_factory.mktemp("p"), case)
    try:
        day = on(case.day)
        want = expected(case)
        summary = ctx.summary.on(day)
        forecast = ctx.statements.forecast(day, day + timedelta(days=30))
        period = Period(summary.period.start, day)
        statement = ctx.statements.build(StatementRequest(period, generated_on=TODAY))
    finally:
        ctx.close()
    got = summary.position
    assert (got.balance.pence, got.gross_weekly.pence, got.owed.pence, got.surplus.pence,
            got.weeks_held) == (want["balance"], want["gross"], want["owed"], want["surplus"],
                                want["weeks"])
    assert summary.period.start == want["period_start"]
    assert forecast.now == got
    assert statement.position == got
    assert statement.reconciliation.closing == got.balance
    assert (statement.reconciliation.total_in, statement.reconciliation.total_out) == (
        summary.money_in, summary.money_out)
    assert statement.liabilities.total == got.owed
