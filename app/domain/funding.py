"""Funding streams, monitoring periods and weeks held."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from app.domain.money import Money


class Frequency(StrEnum):
    WEEKLY = "weekly"
    FOUR_WEEKLY = "four_weekly"
    MONTHLY = "monthly"


class Funder(StrEnum):
    COUNCIL = "council"
    NHS = "nhs"
    ILF = "ilf"
    OTHER = "other"


class FundingKind(StrEnum):
    DIRECT_PAYMENT = "dp"
    PERSONAL_HEALTH_BUDGET = "phb"
    INDIVIDUAL_SERVICE_FUND = "isf"


@dataclass(frozen=True)
class FundingStream:
    funder: Funder
    kind: FundingKind
    gross_weekly: Money
    frequency: Frequency
    start: date
    client_contribution_weekly: Money = Money(0)
    end: date | None = None

    def gross_payment(self) -> Money:
        """The gross amount one payment covers at this frequency."""
        if self.frequency is Frequency.WEEKLY:
            return self.gross_weekly
        if self.frequency is Frequency.FOUR_WEEKLY:
            return self.gross_weekly.times(4)
        # Monthly: 52 weeks spread over 12 months, rounded to the penny.
        return Money.from_decimal(self.gross_weekly.to_decimal() * 52 / 12)

    def net_payment(self) -> Money:
        """What the funder pays in: gross less the person's own contribution."""
        weekly_net = self.gross_weekly - self.client_contribution_weekly
        return FundingStream(
            self.funder, self.kind, weekly_net, self.frequency, self.start
        ).gross_payment()


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def financial_quarter(today: date) -> Period:
    """The UK financial-year quarter (Apr-Jun, Jul-Sep, Oct-Dec, Jan-Mar) holding `today`."""
    starts = [(4, 1), (7, 1), (10, 1)]
    year = today.year
    if today.month < 4:
        start = date(year, 1, 1)
        return Period(start, date(year, 3, 31))
    month = max(m for m, _ in starts if m <= today.month)
    start = date(year, month, 1)
    next_start = date(year + (month == 10), 1 if month == 10 else month + 3, 1)
    return Period(start, next_start - timedelta(days=1))


def weeks_held(balance: Money, gross_weekly: Money) -> Decimal | None:
    """Balance divided by the gross weekly amount, to one decimal place; None without funding."""
    if gross_weekly.pence <= 0:
        return None
    weeks = Decimal(balance.pence) / Decimal(gross_weekly.pence)
    return weeks.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
