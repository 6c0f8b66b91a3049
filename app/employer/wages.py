"""Pay checks: every hourly rate against the National Minimum / Living Wage for the PA's age on
each day, and bank-holiday shifts against the agreed bank-holiday rate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from app.domain.money import Money
from app.employer.checks_common import Finding, State, Topic, source_of
from app.employer.records import PA, RATE_KIND_NAMES, Payslip, RateKind
from app.employer.rules import EmployerRules, WageBand, WageRates
from app.i18n import _, format_date, format_money

LOOK_AHEAD = timedelta(days=62)  # warn this long before a new minimum or a birthday
PAYSLIP_LOOK_BACK = timedelta(days=92)


@dataclass(frozen=True)
class Minimum:
    hourly: Money
    label: str  # "National Living Wage (21 and over)"
    if_age: int | None  # the minimum holds only if the PA has reached this age (not known)
    rates: WageRates


def band_label(rates: WageRates, band: WageBand) -> str:
    older = [b.min_age for b in rates.bands if b.min_age > band.min_age]
    if band.living_wage or not older:
        return _("National Living Wage, {age} and over").format(age=band.min_age)
    if band.min_age <= 16:
        return _("National Minimum Wage, under {age}").format(age=min(older))
    return _("National Minimum Wage, {low} to {high}").format(low=band.min_age,
                                                              high=min(older) - 1)


def minimum_on(pa: PA, rules: EmployerRules, day: date) -> Minimum | None:
    """The least the PA may be paid an hour on `day`; None when no rates apply (before the
    first rates kept, or a PA under 16)."""
    rates = rules.minimum_wage.on(day)
    if rates is None:
        return None
    if pa.draft.apprentice:
        return Minimum(rates.apprentice, _("apprentice rate"), None, rates)
    born = pa.draft.born
    if born is None:
        band: WageBand | None = rates.top
        return Minimum(rates.top.hourly, band_label(rates, rates.top), rates.top.min_age, rates)
    youngest, oldest = born.ages_on(day)
    band, young_band = rates.band_for(oldest), rates.band_for(youngest)
    if band is None:
        return None
    unsure = band.min_age if young_band != band else None
    return Minimum(band.hourly, band_label(rates, band), unsure, rates)


def _boundaries(pa: PA, rules: EmployerRules, start: date, end: date) -> list[date]:
    """Days from which the answer may change: new rates, new minimums, birthdays."""
    days = {start} | {r.start for r in pa.rates if start < r.start <= end}
    days |= {r.start for r in rules.minimum_wage.changes_between(start, end)}
    born = pa.draft.born
    if born is not None:
        for year in range(start.year, end.year + 1):
            for anchor in (born.earliest(), born.latest()):
                try:
                    birthday = anchor.replace(year=year)
                except ValueError:  # 29 February
                    birthday = date(year, 3, 1)
                if start < birthday <= end:
                    days.add(birthday)
    return sorted(days)


@dataclass(frozen=True)
class Shortfall:
    start: date
    end: date
    kind: RateKind
    rate: Money
    minimum: Minimum


def shortfalls(pa: PA, rules: EmployerRules, start: date, end: date) -> list[Shortfall]:
    """Stretches of days on which a rate of the PA was below the minimum."""
    found: list[Shortfall] = []
    cuts = _boundaries(pa, rules, start, end)
    for i, day in enumerate(cuts):
        until = cuts[i + 1] - timedelta(days=1) if i + 1 < len(cuts) else end
        minimum = minimum_on(pa, rules, day)
        if minimum is None:
            continue
        for kind in RateKind:
            rate = pa.rate_on(day, kind)
            if rate is not None and rate < minimum.hourly:
                found.append(Shortfall(day, until, kind, rate, minimum))
    return found


def _unsure(minimum: Minimum, pa: PA) -> str:
    if minimum.if_age is None:
        return ""
    if pa.draft.born is None:
        return " " + _("This is the minimum if they are {age} or over: add their year of birth "
                       "to check.").format(age=minimum.if_age)
    return " " + _("This is the minimum once they have turned {age}.").format(
        age=minimum.if_age)


def _stale(rules: EmployerRules, day: date) -> str:
    latest = rules.minimum_wage.latest.start
    if day >= date(latest.year + 1, 4, 1):
        return " " + _("CareLedger only has the rates from {date}: check GOV.UK for newer "
                       "ones.").format(date=format_date(latest))
    return ""


def _kind(kind: RateKind) -> str:
    return "" if kind is RateKind.STANDARD else " (" + _(RATE_KIND_NAMES[kind]) + ")"


def minimum_wage_findings(pa: PA, slips: Sequence[Payslip], rules: EmployerRules, on: date,
                          since: date | None = None) -> list[Finding]:
    source = source_of("minimum_wage")
    start = max(since or on, pa.start)
    stop = on if since is not None else on + LOOK_AHEAD
    stop = min(stop, pa.end) if pa.end else stop
    found: list[Finding] = []
    for s in (shortfalls(pa, rules, start, stop) if start <= stop else []):
        values = {"rate": format_money(s.rate.pence), "kind": _kind(s.kind),
                  "minimum": format_money(s.minimum.hourly.pence), "band": s.minimum.label,
                  "date": format_date(s.start), "end": format_date(s.end)}
        extra = _unsure(s.minimum, pa) + _stale(rules, s.start)
        if s.start > on:
            found.append(Finding(Topic.MINIMUM_WAGE, State.DUE, pa.name, _(
                "From {date} the minimum wage for them is {minimum} an hour ({band}); their "
                "rate{kind} would be {rate}.").format(**values) + extra,
                _("Record a new rate of at least {minimum} from {date}.").format(**values),
                s.start, source))
        elif since is not None:
            found.append(Finding(Topic.MINIMUM_WAGE, State.PROBLEM, pa.name, _(
                "From {date} to {end} their rate{kind} of {rate} an hour was below the minimum "
                "wage of {minimum} ({band}).").format(**values) + extra,
                _("Pay at least the minimum and ask your payroll service to make up what was "
                  "short."), s.start, source))
        else:
            found.append(Finding(Topic.MINIMUM_WAGE, State.PROBLEM, pa.name, _(
                "Their rate{kind} of {rate} an hour is below the minimum wage of {minimum} "
                "({band}).").format(**values) + extra,
                _("Pay at least {minimum} an hour: record the new rate with its date, and ask "
                  "your payroll service to make up what was short.").format(**values),
                s.start, source))
    found += _payslip_rates(pa, slips, rules, since or on - PAYSLIP_LOOK_BACK, on)
    if found:
        return found
    return _ok(pa, rules, on)


def _ok(pa: PA, rules: EmployerRules, on: date) -> list[Finding]:
    day = max(min(on, pa.end or on), pa.start)
    minimum, rate = minimum_on(pa, rules, day), pa.rate_on(day)
    if minimum is None or rate is None:
        return []
    return [Finding(Topic.MINIMUM_WAGE, State.OK, pa.name, _(
        "{rate} an hour is at least the minimum wage of {minimum} ({band}).").format(
        rate=format_money(rate.pence), minimum=format_money(minimum.hourly.pence),
        band=minimum.label) + _unsure(minimum, pa), "", None, source_of("minimum_wage"))]


def _payslip_rates(pa: PA, slips: Sequence[Payslip], rules: EmployerRules, start: date,
                   end: date) -> list[Finding]:
    """A payslip with its hours: gross pay an hour against the minimum on its last day."""
    found = []
    for slip in slips:
        d = slip.draft
        if not d.hours_minutes or not start <= d.period_end <= end:
            continue
        hourly = Money(d.gross.pence * 60 // d.hours_minutes)
        minimum = minimum_on(pa, rules, d.period_end)
        if minimum is not None and hourly < minimum.hourly:
            found.append(Finding(Topic.MINIMUM_WAGE, State.PROBLEM, pa.name, _(
                "The payslip for the period ending {date} works out at {rate} an hour, below "
                "the minimum wage of {minimum} ({band}).").format(
                date=format_date(d.period_end), rate=format_money(hourly.pence),
                minimum=format_money(minimum.hourly.pence), band=minimum.label)
                + _unsure(minimum, pa),
                _("Ask your payroll service to check the hours and make up what was short."),
                d.period_end, source_of("minimum_wage")))
    return found


# --- bank holidays ----------------------------------------------------------------------------


@cache
def _bank_holidays(year: int) -> dict[date, str]:
    # England and Wales share their bank holidays (the `holidays` library's ENG list).
    import holidays  # on first use: it loads every country's calendars (6 MB, 0.1 s)

    return dict(holidays.country_holidays("GB", subdiv="ENG", years=year).items())


def bank_holiday_name(day: date) -> str | None:
    return _bank_holidays(day.year).get(day)


def bank_holiday_findings(pa: PA, worked: Sequence[tuple[date, int, int]], on: date,
                          since: date | None = None) -> list[Finding]:
    """Shifts logged on a bank holiday below the PA's agreed bank-holiday rate."""
    start = since or on - PAYSLIP_LOOK_BACK
    found = []
    for day, minutes, logged in worked:
        if not start <= day <= on or not minutes or bank_holiday_name(day) is None:
            continue
        agreed = pa.rate_on(day, RateKind.BANK_HOLIDAY)
        if agreed is not None and logged < agreed.pence:
            found.append(Finding(Topic.BANK_HOLIDAY_RATE, State.PROBLEM, pa.name, _(
                "Their shift on {date} ({holiday}) is logged at {logged} an hour; their bank "
                "holiday rate is {agreed}.").format(
                date=format_date(day), holiday=bank_holiday_name(day),
                logged=format_money(logged), agreed=format_money(agreed.pence)),
                _("Tell your payroll service to pay the bank holiday rate for that shift."),
                day, source_of("bank_holiday")))
    return found
