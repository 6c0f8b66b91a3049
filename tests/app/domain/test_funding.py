from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.funding import (
    Frequency,
    Funder,
    FundingKind,
    FundingStream,
    Period,
    Rate,
    StreamType,
    financial_quarter,
    gross_weekly_on,
    net_weekly_on,
    payment_days,
    payment_for,
    weeks_held,
)
from app.domain.money import Money

APRIL = date(2025, 4, 1)


def stream(weekly: int = 42000, contribution: int = 0, *later: Rate,
           end: date | None = None) -> FundingStream:
    first = Rate(APRIL, Money(weekly), Money(contribution))
    return FundingStream(Funder.COUNCIL, FundingKind.DIRECT_PAYMENT, Frequency.FOUR_WEEKLY,
                         APRIL, (first, *later), end)


@pytest.mark.parametrize(
    ("frequency", "pence"),
    [(Frequency.WEEKLY, 42000), (Frequency.FOUR_WEEKLY, 168000), (Frequency.MONTHLY, 182000)],
)
def test_one_payment_per_frequency(frequency: Frequency, pence: int) -> None:
    assert payment_for(Money(42000), frequency) == Money(pence)


def test_a_payment_is_net_of_the_contribution_at_that_days_rate() -> None:
    s = stream(42000, 3500, Rate(date(2026, 4, 1), Money(45000), Money(4000)))
    assert s.payment_on(date(2026, 3, 31)) == Money(154000)
    assert s.payment_on(date(2026, 4, 1)) == Money(164000)
    assert s.payment_on(date(2025, 3, 31)) == Money(0)  # before it started


def test_a_new_rate_from_april() -> None:
    s = stream(42000, 0, Rate(date(2026, 4, 1), Money(45000)))
    assert s.gross_weekly_on(date(2026, 3, 31)) == Money(42000)
    assert s.gross_weekly_on(date(2026, 4, 1)) == Money(45000)
    spans = s.spans(Period(date(2026, 3, 25), date(2026, 4, 7)))
    assert [(span.rate.gross_weekly.pence, span.days) for span in spans] == [(42000, 7),
                                                                               (45000, 7)]
    assert s.gross_for(Period(date(2026, 3, 25), date(2026, 4, 7))) == Money(87000)


def test_an_ended_stream_pays_nothing_after_its_end() -> None:
    s = stream(end=date(2025, 4, 14))
    assert s.running_on(date(2025, 4, 14)) and not s.running_on(date(2025, 4, 15))
    assert s.days_in(Period(APRIL, date(2025, 6, 30))) == 14
    assert gross_weekly_on([s, stream(10000)], date(2025, 5, 1)) == Money(10000)


@given(st.lists(st.tuples(st.integers(1, 700), st.integers(0, 200_000)), max_size=5),
       st.integers(0, 800), st.integers(0, 400))
def test_gross_for_a_period_is_each_days_rate_summed(changes: list[tuple[int, int]],
                                                      first: int, length: int) -> None:
    """An independent count, day by day, agrees with the spans (to the rounding penny)."""
    days = sorted({d for d, _w in changes})
    later = tuple(Rate(APRIL + timedelta(days=d), Money(w))
                  for d, (_d, w) in zip(days, sorted(changes), strict=False))
    s = stream(42000, 0, *later)
    period = Period(APRIL + timedelta(days=first), APRIL + timedelta(days=first + length))
    exact = sum((Decimal(s.gross_weekly_on(period.start + timedelta(days=n)).pence) / 7
                 for n in range(period.days)), Decimal(0))
    assert abs(s.gross_for(period).pence - exact) <= Decimal("0.5")
    assert s.days_in(period) == period.days


@pytest.mark.parametrize("kind", list(StreamType))
def test_stream_types_round_trip(kind: StreamType) -> None:
    assert StreamType.of(kind.funder, kind.kind) is kind


def test_weeks_held_is_balance_over_gross_weekly() -> None:
    assert weeks_held(Money(210000), Money(42000)) == Decimal("5.0")
    assert weeks_held(Money(100), Money(0)) is None


@pytest.mark.parametrize(
    ("day", "start", "end"),
    [(date(2025, 4, 1), date(2025, 4, 1), date(2025, 6, 30)),
     (date(2025, 12, 31), date(2025, 10, 1), date(2025, 12, 31)),
     (date(2026, 2, 14), date(2026, 1, 1), date(2026, 3, 31)),
     (date(2025, 9, 30), date(2025, 7, 1), date(2025, 9, 30))],
)
def test_financial_quarters(day: date, start: date, end: date) -> None:
    assert financial_quarter(day) == Period(start, end)


def test_payment_days_follow_the_schedule() -> None:
    four = FundingStream.flat(Funder.COUNCIL, FundingKind.DIRECT_PAYMENT, Money(100),
                              Frequency.FOUR_WEEKLY, date(2025, 4, 1))
    assert list(payment_days(four, date(2025, 7, 1), date(2025, 8, 31))) == [
        date(2025, 7, 22), date(2025, 8, 19)]
    monthly = FundingStream.flat(Funder.COUNCIL, FundingKind.DIRECT_PAYMENT, Money(100),
                                 Frequency.MONTHLY, date(2025, 1, 31))
    assert list(payment_days(monthly, date(2025, 2, 1), date(2025, 4, 30))) == [
        date(2025, 2, 28), date(2025, 3, 31), date(2025, 4, 30)]


def test_net_weekly_is_the_gross_less_the_contribution() -> None:
    council = FundingStream.flat(Funder.COUNCIL, FundingKind.DIRECT_PAYMENT, Money(44000),
                                 Frequency.FOUR_WEEKLY, date(2025, 4, 1), Money(3500))
    nhs = FundingStream.flat(Funder.NHS, FundingKind.PERSONAL_HEALTH_BUDGET, Money(8000),
                             Frequency.MONTHLY, date(2025, 6, 1))
    assert net_weekly_on([council, nhs], date(2025, 5, 1)) == Money(40500)
    assert net_weekly_on([council, nhs], date(2025, 6, 1)) == Money(48500)
