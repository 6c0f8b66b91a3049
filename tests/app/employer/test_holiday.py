"""Holiday: 5.6 weeks pro rata for fixed hours, 12.07% of hours worked for irregular hours."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.money import Money
from app.employer.checks_common import State
from app.employer.holiday import accrual_percent, findings
from app.employer.records import PA, PADraft, PayRate, Payslip, PayslipDraft, RateKind
from app.employer.rules import employer_rules

RULES = employer_rules().holiday


def pa(minutes: int | None, start: date = date(2025, 4, 1)) -> PA:
    draft = PADraft("Jo", start, Money(1300), minutes, leave_year_start=date(2000, 4, 1))
    return PA(1, 1, draft, (PayRate(RateKind.STANDARD, start, Money(1300)),))


def slip(end: date, hours: int | None = None, holiday: int = 0) -> Payslip:
    draft = PayslipDraft(1, end, Money(10000), hours_minutes=hours, holiday_minutes=holiday)
    return Payslip(1, draft, end)


def test_fixed_hours_get_5_6_weeks() -> None:
    found = findings(pa(20 * 60), [slip(date(2026, 5, 1), holiday=600)], [], RULES,
                     date(2026, 6, 1))
    assert found[0].state is State.OK
    assert "112 hours" in found[0].text and "10 hours taken" in found[0].text


def test_a_part_year_is_pro_rata() -> None:
    found = findings(pa(20 * 60, date(2026, 10, 1)), [], [], RULES, date(2026, 11, 1))
    assert "55.9 hours" in found[0].text  # 182 of 365 days of 112 hours


def test_irregular_hours_build_up_12_07_percent_of_hours_worked() -> None:
    worked = [(date(2026, 4, 10), 100 * 60, 1300)]
    found = findings(pa(None), [], worked, RULES, date(2026, 5, 1))
    assert "12.1 hours" in found[0].text and "12.07%" in found[0].text
    assert found[0].source.url.endswith("holiday-pay-and-entitlement-reforms-from-1-january-2024")


def test_before_april_2024_irregular_hours_use_the_same_share_of_5_6_weeks() -> None:
    rule = RULES.for_leave_year(date(2023, 4, 1))
    assert accrual_percent(rule) == Decimal("12.07")


def test_more_taken_than_built_up_is_a_problem() -> None:
    worked = [(date(2026, 4, 10), 10 * 60, 1300)]
    found = findings(pa(None), [slip(date(2026, 4, 30), holiday=5 * 60)], worked, RULES,
                     date(2026, 5, 1))
    assert found[0].state is State.PROBLEM


def test_holiday_left_near_the_end_of_the_leave_year_is_a_reminder() -> None:
    slips = [slip(date(2026, 8, 1), holiday=100 * 60)]
    early = findings(pa(20 * 60), slips, [], RULES, date(2027, 2, 2))
    assert early[0].state is State.OK
    late = findings(pa(20 * 60), slips, [], RULES, date(2027, 2, 3))  # 56 days before
    assert late[0].state is State.DUE and late[0].due == date(2027, 3, 31)
    assert "12 hours of holiday still to take" in late[0].text
