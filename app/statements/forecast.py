"""Forecast the balance to the end of a period, and warn before clawback or running out.

Money in follows the funding schedule (each stream's net payment on its payment days, and the
person's own contribution spread evenly); money out is the average weekly spending of recent
weeks, per category, spread evenly. It is an estimate, and says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from app.domain.council_rules import CouncilRule
from app.domain.funding import Frequency, FundingStream, weeks_held
from app.domain.money import Money, total
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
    start: date  # the day after `today`
    end: date
    opening: Money  # balance at the end of `today`
    closing: Money
    lowest: Money
    lowest_on: date
    weekly_spending: tuple[tuple[str, Money], ...]  # (category code, average a week)
    weeks_held_at_end: Decimal | None
    warnings: tuple[ForecastWarning, ...]


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


def payment_days(stream: FundingStream, start: date, end: date) -> Iterator[date]:
    """Days between start and end (inclusive) on which this stream pays in."""
    stop = min(end, stream.end or end)
    if stream.frequency is Frequency.MONTHLY:
        year, month = stream.start.year, stream.start.month
        while True:
            day = _clamped(year, month, stream.start.day)
            if day > stop:
                return
            if day >= start:
                yield day
            year, month = year + month // 12, month % 12 + 1
    step = 7 if stream.frequency is Frequency.WEEKLY else 28
    day = stream.start
    if day < start:
        day += timedelta(days=-(-(start - day).days // step) * step)
    while day <= stop:
        yield day
        day += timedelta(days=step)


def _clamped(year: int, month: int, day: int) -> date:
    """The day in that month, or its last day for the 29th to 31st in short months."""
    for d in (day, 30, 29, 28):
        try:
            return date(year, month, min(day, d))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _spread(weekly: Money, days: int) -> Money:
    # Cumulative rounding (not per day) so a year of pennies never drifts.
    return Money(round(Decimal(weekly.pence) * days / 7))


def forecast(today: date, end: date, balance: Money, streams: Sequence[FundingStream],
             history: Sequence[Spend], rule: CouncilRule) -> Forecast:
    """The balance day by day from tomorrow to `end`, with warnings."""
    spending = average_weekly_spending(
        [h for h in history if h.category_code != CONTRIBUTION_CODE], today)
    weekly_out = total(m for _code, m in spending)
    weekly_contribution = total(s.client_contribution_weekly for s in streams
                                if s.end is None or s.end > today)
    payments: dict[date, int] = defaultdict(int)
    for stream in streams:
        for day in payment_days(stream, today + timedelta(days=1), end):
            payments[day] += stream.net_payment().pence
    gross_weekly = total(s.gross_weekly for s in streams if s.end is None or s.end >= end)
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
    warnings = _warnings(runs_out, end, closing, gross_weekly, rule)
    return Forecast(today + timedelta(days=1), end, balance, closing, lowest, lowest_on,
                    spending, weeks_held(closing, gross_weekly), warnings)


def _warnings(runs_out: date | None, end: date, closing: Money, gross_weekly: Money,
              rule: CouncilRule) -> tuple[ForecastWarning, ...]:
    found = []
    if runs_out is not None:
        found.append(ForecastWarning(WarningKind.RUNS_OUT, runs_out, _(
            "At this rate the money runs out around {date}. Talk to the council or cut "
            "spending before then.").format(date=format_date(runs_out, "long"))))
    surplus = rule.surplus(closing, gross_weekly, Money(0))
    if surplus.pence > 0:
        weeks = weeks_held(closing, gross_weekly)
        found.append(ForecastWarning(WarningKind.OVER_LIMIT, end, ngettext(
            "By {date} the account may hold {weeks} weeks of funding, more than the "
            "{limit} week allowed. About {surplus} could be clawed back.",
            "By {date} the account may hold {weeks} weeks of funding, more than the "
            "{limit} weeks allowed. About {surplus} could be clawed back.",
            rule.allowed_weeks).format(
                date=format_date(end, "long"), weeks=format_number(weeks or Decimal(0), 1),
                limit=rule.allowed_weeks, surplus=format_money(surplus.pence))))
    return tuple(found)
