"""Workplace pension duties at their boundaries: the trigger, ages 22 and State Pension age, the
tax year from 6 April, and re-enrolment every three years."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.money import Money
from app.employer.checks_common import State
from app.employer.pension import findings, re_enrolment
from app.employer.records import (
    PA,
    Born,
    EmployerDetails,
    PADraft,
    PayFrequency,
    PayRate,
    Payslip,
    PayslipDraft,
    PensionStatus,
    RateKind,
)
from app.employer.rules import PensionYear, Thresholds, employer_rules

RULES = employer_rules().pension


ADULT = Born(1990)


def pa(born: Born | None = ADULT, status: PensionStatus = PensionStatus.NOT_ASSESSED,
       start: date = date(2026, 1, 5)) -> PA:
    draft = PADraft("Sam Patel", start, Money(1300), None, born=born,
                    pay_frequency=PayFrequency.MONTHLY, pension_status=status)
    return PA(2, 2, draft, (PayRate(RateKind.STANDARD, start, Money(1300)),))


def slip(end: date, gross: int) -> Payslip:
    return Payslip(1, PayslipDraft(2, end, Money(gross)), end.replace(day=1))


def test_earnings_just_over_the_trigger_must_be_enrolled() -> None:
    over = findings(pa(), [slip(date(2026, 5, 31), 83301)], RULES, date(2026, 6, 3))
    assert [f.state for f in over] == [State.DUE]
    assert "more than the £833.00 trigger" in over[0].text
    assert over[0].due == date(2026, 7, 12)  # six weeks from the first pay over it


def test_earnings_at_the_trigger_may_opt_in() -> None:
    at = findings(pa(), [slip(date(2026, 5, 31), 83300)], RULES, date(2026, 6, 3))
    assert [f.state for f in at] == [State.OK]
    assert "may ask to join" in at[0].text and "you must pay in too" in at[0].text
    low = findings(pa(), [slip(date(2026, 5, 31), 52000)], RULES, date(2026, 6, 3))
    assert "you need not pay in" in low[0].text


def test_the_tax_year_decides_the_thresholds_from_6_april() -> None:
    year = RULES.on(date(2026, 4, 6))
    assert year is not None
    higher = Thresholds(Money(90000), Money(60000), Money(500000))
    rules = replace(RULES, years=(*RULES.years[:-1], PensionYear(
        year.start, year.annual, {**year.periods, "monthly": higher})))
    pay = [slip(date(2026, 4, 3), 85000)]  # £850: over £833 before 6 April, not over £900 after
    assert findings(pa(), pay, rules, date(2026, 4, 5))[0].state is State.DUE
    assert findings(pa(), pay, rules, date(2026, 4, 6))[0].state is State.OK


def test_enrolment_starts_at_22() -> None:
    pay = [slip(date(2026, 5, 31), 120000)]
    young = findings(pa(Born(2004, 6, 15)), pay, RULES, date(2026, 6, 14))  # 21
    assert young[0].state is State.OK and "not enrolled automatically" in young[0].text
    assert findings(pa(Born(2004, 6, 15)), pay, RULES, date(2026, 6, 15))[0].state \
        is State.DUE


def test_at_66_or_over_the_state_pension_age_is_checked_not_guessed() -> None:
    pay = [slip(date(2026, 5, 31), 120000)]
    older = findings(pa(Born(1960)), pay, RULES, date(2026, 6, 3))  # 65 or 66
    assert "State Pension age" in older[0].text
    assert findings(pa(Born(1955)), pay, RULES, date(2026, 6, 3))[0].state is State.OK


def test_members_and_those_who_left_are_not_reminded() -> None:
    pay = [slip(date(2026, 5, 31), 120000)]
    for status in (PensionStatus.ENROLLED, PensionStatus.OPTED_IN, PensionStatus.OPTED_OUT):
        assert findings(pa(status=status), pay, RULES, date(2026, 6, 3))[0].state is State.OK


def test_late_enrolment_is_a_problem() -> None:
    late = findings(pa(), [slip(date(2026, 2, 28), 120000)], RULES, date(2026, 4, 20))
    assert late[0].state is State.PROBLEM


def test_contracted_hours_stand_in_for_a_first_payslip() -> None:
    weekly = PADraft("Jo", date(2026, 5, 1), Money(1300), 20 * 60, born=Born(1990),
                     pay_frequency=PayFrequency.WEEKLY)
    jo = PA(1, 1, weekly, (PayRate(RateKind.STANDARD, date(2026, 5, 1), Money(1300)),))
    found = findings(jo, [], RULES, date(2026, 5, 2))  # 20 hours at £13: £260 a week
    assert found[0].state is State.DUE and "£260.00 a week" in found[0].text


def test_re_enrolment_window_opens_three_months_before_the_third_anniversary() -> None:
    pas = [pa(start=date(2024, 2, 1))]
    before = re_enrolment(pas, EmployerDetails(), RULES, date(2026, 10, 31))
    assert before[0].state is State.OK
    opened = re_enrolment(pas, EmployerDetails(), RULES, date(2026, 11, 1))
    assert opened[0].state is State.DUE and opened[0].due == date(2027, 5, 1)
    assert "1 Nov 2026 and 1 May 2027" in opened[0].text and "1 Jul 2027" in opened[0].action
    late = re_enrolment(pas, EmployerDetails(), RULES, date(2027, 7, 2))
    assert late[0].state is State.PROBLEM
    done = re_enrolment(pas, EmployerDetails(last_re_enrolment=date(2027, 2, 1)), RULES,
                        date(2027, 7, 2))
    assert done[0].state is State.OK and "2029" in done[0].text
