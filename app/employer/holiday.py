"""Holiday: what a PA is entitled to in their leave year against what was taken and paid."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from app.employer.checks_common import Finding, State, Topic, hours_text, source_of
from app.employer.records import PA, Payslip
from app.employer.rules import HolidayRule, HolidayRules
from app.i18n import _, format_date

YEAR_END_WARNING = timedelta(days=56)


def _minutes(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def accrual_percent(rule: HolidayRule) -> Decimal:
    """12.07 where the law sets it; else the same idea: holiday weeks over weeks worked."""
    if rule.irregular_percent is not None:
        return rule.irregular_percent
    return (rule.weeks * 100 / (52 - rule.weeks)).quantize(Decimal("0.01"))


def fixed_entitlement(pa: PA, rule: HolidayRule, starts: date, ends: date) -> int:
    """Minutes for the leave year: 5.6 weeks of the contracted week, pro rata to the days
    employed in that leave year."""
    assert pa.draft.hours_week_minutes is not None
    employed = (min(ends, pa.end or ends) - max(starts, pa.start)).days + 1
    days = (ends - starts).days + 1
    return _minutes(rule.weeks * pa.draft.hours_week_minutes * max(employed, 0) / days)


def worked_in(slips: Sequence[Payslip], worked: Sequence[tuple[date, int, int]], start: date,
              end: date) -> int:
    """Minutes worked from start to end: from payslips that give hours, else the timesheets."""
    mine = [s for s in slips if start <= s.draft.period_end <= end]
    if mine and all(s.draft.hours_minutes is not None for s in mine):
        return sum((s.draft.hours_minutes or 0) - s.draft.holiday_minutes for s in mine)
    return sum(minutes for day, minutes, _rate in worked if start <= day <= end)


def findings(pa: PA, slips: Sequence[Payslip], worked: Sequence[tuple[date, int, int]],
             rules: HolidayRules, on: date) -> list[Finding]:
    starts, ends = pa.leave_year(on)
    rule = rules.for_leave_year(starts)
    taken = sum(s.draft.holiday_minutes for s in slips if starts <= s.draft.period_end <= ends)
    if pa.draft.hours_week_minutes is not None:
        entitled = fixed_entitlement(pa, rule, starts, ends)
        basis = _("{weeks} weeks of {hours} a week").format(
            weeks=rule.weeks, hours=hours_text(pa.draft.hours_week_minutes))
        source = source_of("holiday")
    else:
        percent = accrual_percent(rule)
        entitled = _minutes(Decimal(worked_in(slips, worked, starts, on)) * percent / 100)
        basis = _("{percent}% of the hours worked so far").format(percent=percent)
        source = source_of("holiday_irregular")
    values = {"entitled": hours_text(entitled), "taken": hours_text(taken),
              "left": hours_text(entitled - taken), "start": format_date(starts),
              "end": format_date(ends), "basis": basis}
    if taken > entitled:
        return [Finding(Topic.HOLIDAY, State.PROBLEM, pa.name, _(
            "{taken} of holiday paid in the leave year {start} to {end}, more than the "
            "{entitled} built up ({basis}).").format(**values),
            _("Check the holiday hours on the payslips with your payroll service."), None,
            source)]
    if ends - on <= YEAR_END_WARNING and entitled > taken:
        return [Finding(Topic.HOLIDAY, State.DUE, pa.name, _(
            "{left} of holiday still to take before the leave year ends on {end} ({taken} of "
            "{entitled} taken).").format(**values),
            _("Agree dates with them, or check their contract about carrying holiday over."),
            ends, source)]
    return [Finding(Topic.HOLIDAY, State.OK, pa.name, _(
        "Holiday in the leave year {start} to {end}: {entitled} ({basis}); {taken} taken."
    ).format(**values), "", None, source)]
