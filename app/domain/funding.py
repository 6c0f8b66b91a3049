"""Funding streams (with weekly rates that change from a date), monitoring periods, weeks held."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
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


class StreamType(StrEnum):
    """The kinds of stream a person names (`careledger funding add --stream ...`)."""

    COUNCIL_DP = "council_dp"
    NHS_PHB = "nhs_phb"
    ILF = "ilf"
    ISF = "isf"

    @property
    def funder(self) -> Funder:
        return {"council_dp": Funder.COUNCIL, "nhs_phb": Funder.NHS, "ilf": Funder.ILF,
                "isf": Funder.COUNCIL}[self.value]

    @property
    def kind(self) -> FundingKind:
        return {"council_dp": FundingKind.DIRECT_PAYMENT,
                "nhs_phb": FundingKind.PERSONAL_HEALTH_BUDGET,
                "ilf": FundingKind.DIRECT_PAYMENT,
                "isf": FundingKind.INDIVIDUAL_SERVICE_FUND}[self.value]

    @classmethod
    def of(cls, funder: Funder, kind: FundingKind) -> StreamType:
        if kind is FundingKind.INDIVIDUAL_SERVICE_FUND:
            return cls.ISF
        if funder is Funder.NHS:
            return cls.NHS_PHB
        if funder is Funder.ILF:
            return cls.ILF
        return cls.COUNCIL_DP


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Rate:
    """What a stream pays a week from `start` until the next rate (or the stream's end)."""

    start: date
    gross_weekly: Money
    contribution_weekly: Money = Money(0)


@dataclass(frozen=True)
class RateSpan:
    """A run of days at one rate inside a period."""

    rate: Rate
    days: int


@dataclass(frozen=True)
class FundingStream:
    funder: Funder
    kind: FundingKind
    frequency: Frequency
    start: date
    rates: tuple[Rate, ...]  # sorted by start; the first starts on `start`
    end: date | None = None
    id: int = 0

    @classmethod
    def flat(cls, funder: Funder, kind: FundingKind, gross_weekly: Money, frequency: Frequency,
             start: date, contribution_weekly: Money | None = None, end: date | None = None,
             id: int = 0) -> FundingStream:
        """A stream at one rate all along."""
        rate = Rate(start, gross_weekly, contribution_weekly or Money(0))
        return cls(funder, kind, frequency, start, (rate,), end, id)

    @property
    def stream_type(self) -> StreamType:
        return StreamType.of(self.funder, self.kind)

    def running_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def rate_on(self, day: date) -> Rate | None:
        """The rate in force on `day`, or None when the stream is not running then."""
        if not self.running_on(day):
            return None
        current = None
        for rate in self.rates:
            if rate.start <= day:
                current = rate
        return current

    def gross_weekly_on(self, day: date) -> Money:
        rate = self.rate_on(day)
        return rate.gross_weekly if rate else Money(0)

    def spans(self, period: Period) -> list[RateSpan]:
        """The days of `period` the stream ran, split where its rate changed."""
        first = max(period.start, self.start)
        last = min(period.end, self.end or period.end)
        spans = []
        for index, rate in enumerate(self.rates):
            following = self.rates[index + 1].start if index + 1 < len(self.rates) else None
            start = max(first, rate.start)
            end = min(last, following - timedelta(days=1)) if following else last
            if end >= start:
                spans.append(RateSpan(rate, (end - start).days + 1))
        return spans

    def days_in(self, period: Period) -> int:
        return sum(span.days for span in self.spans(period))

    def gross_for(self, period: Period) -> Money:
        """Gross funding for the days of `period` the stream ran, pro rata, to the penny."""
        return pro_rata_spans((s.rate.gross_weekly, s.days) for s in self.spans(period))

    def contribution_for(self, period: Period) -> Money:
        return pro_rata_spans((s.rate.contribution_weekly, s.days) for s in self.spans(period))

    def payment_on(self, day: date) -> Money:
        """What the funder pays in on a payment day: the net of one payment at that day's rate."""
        rate = self.rate_on(day)
        if rate is None:
            return Money(0)
        return payment_for(rate.gross_weekly - rate.contribution_weekly, self.frequency)


def payment_for(weekly: Money, frequency: Frequency) -> Money:
    """The amount one payment covers at this frequency."""
    if frequency is Frequency.WEEKLY:
        return weekly
    if frequency is Frequency.FOUR_WEEKLY:
        return weekly.times(4)
    # Monthly: 52 weeks spread over 12 months, rounded to the penny.
    return Money.from_decimal(weekly.to_decimal() * 52 / 12)


def pro_rata_spans(spans: Iterable[tuple[Money, int]]) -> Money:
    """Weekly amounts for so many days each, summed exactly and rounded once to the penny."""
    exact = sum((Decimal(weekly.pence) * days / 7 for weekly, days in spans), Decimal(0))
    return Money(int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)))


def gross_weekly_on(streams: Sequence[FundingStream], day: date) -> Money:
    """The gross weekly funding of every stream running on `day`, at that day's rates."""
    return Money(sum(s.gross_weekly_on(day).pence for s in streams))


def contribution_weekly_on(streams: Sequence[FundingStream], day: date) -> Money:
    return Money(sum(rate.contribution_weekly.pence for s in streams
                     if (rate := s.rate_on(day)) is not None))


def net_weekly_on(streams: Sequence[FundingStream], day: date) -> Money:
    """What the funders pay in a week on `day`: gross less the person's own contribution."""
    return gross_weekly_on(streams, day) - contribution_weekly_on(streams, day)


def payment_days(stream: FundingStream, start: date, end: date) -> Iterator[date]:
    """Days between start and end (inclusive) on which this stream pays in: every week or
    four weeks from its start, or monthly on its start's day of the month."""
    return recurring_days(stream.start, stream.frequency, start, min(end, stream.end or end))


def recurring_days(anchor: date, frequency: Frequency, start: date, end: date
                   ) -> Iterator[date]:
    """Days from `anchor` repeating at `frequency` that fall between start and end."""
    if frequency is Frequency.MONTHLY:
        year, month = anchor.year, anchor.month
        while True:
            day = _clamped(year, month, anchor.day)
            if day > end:
                return
            if day >= start:
                yield day
            year, month = year + month // 12, month % 12 + 1
    step = 7 if frequency is Frequency.WEEKLY else 28
    day = anchor
    if day < start:
        day += timedelta(days=-(-(start - day).days // step) * step)
    while day <= end:
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


@dataclass(frozen=True)
class StreamRequest:
    """What a person asks when adding a stream or a new rate to one."""

    stream_type: StreamType
    gross_weekly: Money
    start: date
    frequency: Frequency = Frequency.FOUR_WEEKLY
    contribution_weekly: Money = Money(0)
