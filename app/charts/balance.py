"""The balance at each month's end, then the forecast, against the council's limit: the
figures of the balance chart.

Past months come from the ledger; the months ahead from the same day-by-day forecast the
Statements page uses. The limit is the policy's: the allowed weeks of funding plus what is
still owed, so a balance above the line is the surplus the Money tab warns about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from app.charts.months import add_months, first_of_month, last_of_month
from app.domain.money import Money


@dataclass(frozen=True)
class BalancePoint:
    on: date
    balance: Money
    limit: Money | None  # None without a weekly budget to measure against
    forecast: bool  # an estimate, not yet in the ledger


@dataclass(frozen=True)
class BalanceHistory:
    points: tuple[BalancePoint, ...]
    allowed_weeks: int

    @property
    def today(self) -> BalancePoint | None:
        """The last point from the ledger: where the forecast starts."""
        past = [p for p in self.points if not p.forecast]
        return past[-1] if past else None


def month_ends(today: date, back: int, ahead: int) -> tuple[list[date], list[date]]:
    """(the ends of the `back` months before today's, today) and (the ends of the `ahead`
    months after it, the first being the end of today's month unless today is that day)."""
    this_month = first_of_month(today)
    past = [last_of_month(add_months(this_month, -n)) for n in range(back, 0, -1)]
    future = [last_of_month(add_months(this_month, n)) for n in range(ahead + 1)]
    return past + [today], [day for day in future if day > today][:ahead]


def balance_points(past: Sequence[tuple[date, Money, Money | None]],
                   forecast_days: Iterable[tuple[date, Money]], wanted: Sequence[date],
                   limit_ahead: Callable[[date], Money | None]) -> tuple[BalancePoint, ...]:
    """Points for the past (day, balance, limit) and the forecast's days that are `wanted`."""
    points = [BalancePoint(on, balance, limit, False) for on, balance, limit in past]
    keep = set(wanted)
    for on, balance in forecast_days:
        if on in keep:
            points.append(BalancePoint(on, balance, limit_ahead(on), True))
    return tuple(points)
