"""Forecast the balance to the end of a period, and warn before clawback or running out.

Money in follows the funding schedule (each stream's net payment on its payment days, and the
person's own contribution spread evenly); money out is the average weekly spending of recent
weeks, per category, spread evenly. It is an estimate, and says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from app.domain.funding import (
    FundingStream,
    contribution_weekly_on,
    gross_weekly_on,
    net_weekly_on,
    payment_days,
)
from app.domain.money import Money, total
from app.domain.policy import Policy, Position
from app.i18n import _, format_date, format_money, format_number, ngettext
from app.statements.builder import CONTRIBUTION_CODE

RECENT_WEEKS = 8


class WarningKind(StrEnum):
    RUNS_OUT = "runs_out"
    OVER_LIMIT = "over_limit"


@dataclass(frozen=True)
class ForecastWarning:
    kind: WarningKind
    on: date
    message: str  # translated, plain


@dataclass(frozen=True)
class Forecast:
    now: Position  # where the money stands at the end of `today`: the Money tab's figures
    end: date
    closing: Money
    lowest: Money
    lowest_on: date
    weekly_spending: tuple[tuple[str, Money], ...]  # (category code, average a week)
    at_end: Position  # the same figures for the forecast closing balance
    warnings: tuple[ForecastWarning, ...]

    @property
    def start(self) -> date:
        """The first day forecast: the day after `today`."""
        return self.now.on + timedelta(days=1)

    @property
    def opening(self) -> Money:
        return self.now.balance

    @property
    def weeks_held_at_end(self) -> Decimal | None:
        return self.at_end.weeks_held


@dataclass(frozen=True)
class Spend:
    on: date
    amount: Money  # negative for money out, as in the ledger
    category_code: str


def average_weekly_spending(history: Sequence[Spend], today: date,
                            weeks: int = RECENT_WEEKS) -> tuple[tuple[str, Money], ...]:
    """Average money out a week over the `weeks` weeks ending `today`, by category."""
    since = today - timedelta(days=7 * weeks - 1)
    sums: dict[str, int] = defaultdict(int)
    for spend in history:
        if since <= spend.on <= today and spend.amount.pence < 0:
            sums[spend.category_code] += -spend.amount.pence
    averages = ((code, Money(round(Decimal(p) / weeks))) for code, p in sums.items())
    return tuple(sorted(averages, key=lambda item: (-item[1].pence, item[0])))


def _spread(weekly: Money, days: int) -> Money:
    # Cumulative rounding (not per day) so a year of pennies never drifts.
    return Money(round(Decimal(weekly.pence) * days / 7))


def forecast(now: Position, end: date, streams: Sequence[FundingStream],
             history: Sequence[Spend], policy: Policy) -> Forecast:
    """The balance day by day from the day after `now` to `end`, with warnings. What is owed
    now is taken as still owed at the end."""
    today, balance = now.on, now.balance
    spending = average_weekly_spending(
        [h for h in history if h.category_code != CONTRIBUTION_CODE], today)
    weekly_out = total(m for _code, m in spending)
    weekly_contribution = contribution_weekly_on(streams, today)
    payments: dict[date, int] = defaultdict(int)
    for stream in streams:
        for day in payment_days(stream, today + timedelta(days=1), end):
            payments[day] += stream.payment_on(day).pence
    lowest, lowest_on = balance, today
    running, paid_in, runs_out = balance.pence, 0, None
    for n in range(1, (end - today).days + 1):
        day = today + timedelta(days=n)
        paid_in += payments.get(day, 0)
        running = (balance.pence + paid_in + _spread(weekly_contribution, n).pence
                   - _spread(weekly_out, n).pence)
        if running < lowest.pence:
            lowest, lowest_on = Money(running), day
        if running < 0 and runs_out is None:
            runs_out = day
    closing = Money(running)
    at_end = policy.position(end, closing, gross_weekly_on(streams, end), now.owed,
                             net_weekly_on(streams, end))
    return Forecast(now, end, closing, lowest, lowest_on, spending, at_end,
                    _warnings(runs_out, at_end))


def _warnings(runs_out: date | None, at_end: Position) -> tuple[ForecastWarning, ...]:
    found = []
    if runs_out is not None:
        found.append(ForecastWarning(WarningKind.RUNS_OUT, runs_out, _(
            "At this rate the money runs out around {date}. Talk to the council or cut "
            "spending before then.").format(date=format_date(runs_out, "long"))))
    if at_end.over_limit:
        found.append(ForecastWarning(WarningKind.OVER_LIMIT, at_end.on, ngettext(
            "By {date} the account may hold {weeks} weeks of funding, more than the "
            "{limit} week allowed. About {surplus} could be clawed back.",
            "By {date} the account may hold {weeks} weeks of funding, more than the "
            "{limit} weeks allowed. About {surplus} could be clawed back.",
            at_end.allowed_weeks).format(
                date=format_date(at_end.on, "long"),
                weeks=format_number(at_end.weeks_held or Decimal(0), 1),
                limit=at_end.allowed_weeks, surplus=format_money(at_end.surplus.pence))))
    return tuple(found)
