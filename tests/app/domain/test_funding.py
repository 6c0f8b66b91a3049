from datetime import date
from decimal import Decimal

import pytest

from app.domain.funding import (
    Frequency,
    Funder,
    FundingKind,
    FundingStream,
    Period,
    financial_quarter,
    weeks_held,
)
from app.domain.money import Money


def stream(frequency: Frequency, weekly: int = 42000, contribution: int = 0) -> FundingStream:
    return FundingStream(Funder.COUNCIL, FundingKind.DIRECT_PAYMENT, Money(weekly), frequency,
                         date(2025, 4, 1), Money(contribution))


@pytest.mark.parametrize(
    ("frequency", "pence"),
    [(Frequency.WEEKLY, 42000), (Frequency.FOUR_WEEKLY, 168000), (Frequency.MONTHLY, 182000)],
)
def test_gross_payment_per_frequency(frequency: Frequency, pence: int) -> None:
    assert stream(frequency).gross_payment() == Money(pence)


def test_net_payment_takes_off_the_contribution() -> None:
    assert stream(Frequency.FOUR_WEEKLY, contribution=3500).net_payment() == Money(154000)


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
