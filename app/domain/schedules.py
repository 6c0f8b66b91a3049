"""Money that comes in on a schedule: the funders' payments and the person's own contribution.

A council pays every four weeks (or monthly) and a person pays their contribution monthly, so
the payments that fall in a return period are rarely the period's day-by-day share. These
functions give what the schedule says fell due in a period, so a return can compare like with
like and say why the share differs, instead of reporting pennies "still to pay".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.funding import (
    Frequency,
    FundingStream,
    Period,
    contribution_weekly_on,
    payment_days,
    payment_for,
    recurring_days,
)
from app.domain.money import Money

# The frequencies a person's contribution may be paid at, most frequent first.
CONTRIBUTION_FREQUENCIES = (Frequency.WEEKLY, Frequency.FOUR_WEEKLY, Frequency.MONTHLY)
RECENT = 3  # payments before the period that show how the person pays, when none is in it


@dataclass(frozen=True)
class Instalments:
    frequency: Frequency
    anchor: date  # the first payment of the run: the schedule repeats from it
    due_days: tuple[date, ...]
    expected: Money
    instalment: Money  # at the rate of the last day due (or the anchor's)


def contribution_instalments(payments: Sequence[tuple[date, Money]],
                             streams: Sequence[FundingStream], period: Period
                             ) -> Instalments | None:
    """How the person pays their contribution, read from their payments up to the period's
    end: when every payment in the period (or, with none in it, the last few before) is one
    instalment at the weekly contribution of its day, paid weekly, four-weekly or monthly.
    None when the payments follow no such pattern (then the day-by-day share is used)."""
    paid = sorted((on, m) for on, m in payments if m.pence > 0 and on <= period.end)
    inside = [p for p in paid if period.contains(p[0])]
    sample = inside or paid[-RECENT:]
    if not sample:
        return None
    for frequency in CONTRIBUTION_FREQUENCIES:
        if all(_instalment(streams, on, frequency) == m and m.pence > 0 for on, m in sample):
            return _schedule(paid, sample, streams, frequency, period)
    return None


def _instalment(streams: Sequence[FundingStream], on: date, frequency: Frequency) -> Money:
    return payment_for(contribution_weekly_on(streams, on), frequency)


def _schedule(paid: list[tuple[date, Money]], sample: list[tuple[date, Money]],
              streams: Sequence[FundingStream], frequency: Frequency, period: Period
              ) -> Instalments:
    # The run starts at the earliest payment, going back from the sample, that is still an
    # instalment at this frequency: its day fixes the day of the month (or week) paid on.
    anchor = sample[0][0]
    for on, m in reversed([p for p in paid if p[0] < anchor]):
        if _instalment(streams, on, frequency) != m:
            break
        anchor = on
    days = tuple(d for d in recurring_days(anchor, frequency, period.start, period.end)
                 if contribution_weekly_on(streams, d).pence > 0)
    amounts = [_instalment(streams, d, frequency) for d in days]
    last = amounts[-1] if amounts else _instalment(streams, anchor, frequency)
    return Instalments(frequency, anchor, days, Money(sum(a.pence for a in amounts)), last)


@dataclass(frozen=True)
class Scheduled:
    """A funder's scheduled payments in a period."""

    days: tuple[date, ...]
    expected: Money
    frequency: Frequency | None  # None when the streams pay at different frequencies
    next_day: date | None


def scheduled_payments(streams: Sequence[FundingStream], period: Period) -> Scheduled:
    """The payment days of `streams` in the period, what the schedule pays on them (each
    stream's net payment at that day's rate), and the first payment day after the period."""
    paid: dict[date, int] = {}
    following: list[date] = []
    for stream in streams:
        for day in payment_days(stream, period.start, period.end):
            paid[day] = paid.get(day, 0) + stream.payment_on(day).pence
        later = next(iter(payment_days(stream, period.end + timedelta(days=1),
                                       period.end + timedelta(days=62))), None)
        if later is not None:
            following.append(later)
    frequencies = {s.frequency for s in streams}
    days = tuple(sorted(d for d, pence in paid.items() if pence > 0))
    return Scheduled(days, Money(sum(paid[d] for d in days)),
                     frequencies.pop() if len(frequencies) == 1 else None,
                     min(following) if following else None)
