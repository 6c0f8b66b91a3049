"""The minimum-wage check at its boundaries: April changes, birthdays, rates of each kind, and
bank-holiday shifts."""

from __future__ import annotations

from datetime import date

from app.domain.money import Money
from app.employer.checks_common import State, Topic
from app.employer.records import PA, Born, PADraft, PayRate, Payslip, PayslipDraft, RateKind
from app.employer.rules import employer_rules
from app.employer.wages import (
    bank_holiday_findings,
    bank_holiday_name,
    minimum_on,
    minimum_wage_findings,
    shortfalls,
)

RULES = employer_rules()


def pa(rate: int, start: date = date(2025, 6, 1), born: Born | None = None,
       *extra: PayRate, apprentice: bool = False) -> PA:
    draft = PADraft("Chris Low", start, Money(rate), 20 * 60, born=born, apprentice=apprentice)
    return PA(1, 1, draft, (PayRate(RateKind.STANDARD, start, Money(rate)), *extra))


def states(found: list) -> list[tuple[State, date | None]]:  # type: ignore[type-arg]
    return [(f.state, f.due) for f in found if f.topic is Topic.MINIMUM_WAGE]


def test_a_rate_legal_in_march_is_not_in_april() -> None:
    chris = pa(1250, born=Born(1990))  # £12.50: above £12.21 (2025), below £12.71 (2026)
    march = minimum_wage_findings(chris, [], RULES, date(2026, 3, 31))
    assert states(march) == [(State.DUE, date(2026, 4, 1))]
    assert "£12.71" in march[0].text and "1 Apr 2026" in march[0].text
    april = minimum_wage_findings(chris, [], RULES, date(2026, 4, 1))
    assert states(april) == [(State.PROBLEM, date(2026, 4, 1))]
    assert "below the minimum wage of £12.71" in april[0].text
    assert april[0].source.url == "https://www.gov.uk/national-minimum-wage-rates"


def test_far_from_april_a_legal_rate_is_ok() -> None:
    found = minimum_wage_findings(pa(1250, born=Born(1990)), [], RULES, date(2026, 1, 15))
    assert states(found) == [(State.OK, None)]


def test_a_new_rate_from_april_clears_the_warning() -> None:
    chris = pa(1250, date(2025, 6, 1), Born(1990),
               PayRate(RateKind.STANDARD, date(2026, 4, 1), Money(1271)))
    assert states(minimum_wage_findings(chris, [], RULES, date(2026, 3, 31))) == [
        (State.OK, None)]
    one_penny_short = pa(1250, date(2025, 6, 1), Born(1990),
                         PayRate(RateKind.STANDARD, date(2026, 4, 1), Money(1270)))
    assert states(minimum_wage_findings(one_penny_short, [], RULES, date(2026, 3, 31))) == [
        (State.DUE, date(2026, 4, 1))]


def test_a_pa_turning_21() -> None:
    chris = pa(1100, date(2025, 6, 1), Born(2005, 5, 10))  # £11: legal at 20, not at 21
    assert minimum_on(chris, RULES, date(2026, 5, 9)).hourly == Money(1085)  # type: ignore[union-attr]
    assert minimum_on(chris, RULES, date(2026, 5, 10)).hourly == Money(1271)  # type: ignore[union-attr]
    assert states(minimum_wage_findings(chris, [], RULES, date(2026, 4, 20))) == [
        (State.DUE, date(2026, 5, 10))]
    assert states(minimum_wage_findings(chris, [], RULES, date(2026, 5, 10))) == [
        (State.PROBLEM, date(2026, 5, 10))]


def test_with_only_a_year_of_birth_the_older_band_is_asked_for_and_said_so() -> None:
    chris = pa(1100, date(2025, 6, 1), Born(2005))  # 20 or 21 during 2026
    found = minimum_wage_findings(chris, [], RULES, date(2026, 6, 1))
    assert states(found) == [(State.PROBLEM, date(2026, 6, 1))]
    assert "once they have turned 21" in found[0].text
    unknown = minimum_wage_findings(pa(1100), [], RULES, date(2026, 6, 1))
    assert "add their year of birth" in unknown[0].text


def test_night_and_bank_holiday_rates_are_checked_too() -> None:
    chris = pa(1300, date(2026, 4, 1), Born(1990),
               PayRate(RateKind.NIGHT, date(2026, 4, 1), Money(1200)))
    found = minimum_wage_findings(chris, [], RULES, date(2026, 6, 1))
    assert states(found) == [(State.PROBLEM, date(2026, 6, 1))]
    assert "(nights)" in found[0].text


def test_an_apprentice_may_be_paid_the_apprentice_rate() -> None:
    found = minimum_wage_findings(pa(800, date(2026, 4, 1), Born(1990), apprentice=True), [],
                                  RULES, date(2026, 6, 1))
    assert states(found) == [(State.OK, None)]


def test_a_return_period_lists_each_stretch_below_the_minimum() -> None:
    chris = pa(1250, date(2025, 6, 1), Born(1990),
               PayRate(RateKind.STANDARD, date(2026, 5, 1), Money(1280)))
    gaps = shortfalls(chris, RULES, date(2026, 1, 1), date(2026, 6, 30))
    assert [(g.start, g.end) for g in gaps] == [(date(2026, 4, 1), date(2026, 4, 30))]
    found = minimum_wage_findings(chris, [], RULES, date(2026, 6, 30), since=date(2026, 1, 1))
    assert states(found) == [(State.PROBLEM, date(2026, 4, 1))]
    assert "From 1 Apr 2026 to 30 Apr 2026" in found[0].text


def test_a_payslip_below_the_minimum_an_hour() -> None:
    slip = Payslip(1, PayslipDraft(1, date(2026, 4, 30), Money(100000), hours_minutes=80 * 60),
                   date(2026, 4, 1))  # £1,000 for 80 hours: £12.50 an hour
    found = minimum_wage_findings(pa(1300, date(2026, 4, 1), Born(1990)), [slip], RULES,
                                  date(2026, 5, 5))
    assert states(found) == [(State.PROBLEM, date(2026, 4, 30))]
    assert "£12.50 an hour" in found[0].text


def test_rates_past_the_latest_kept_say_so() -> None:
    found = minimum_wage_findings(pa(1250, born=Born(1990)), [], RULES, date(2027, 4, 2))
    assert "CareLedger only has the rates from 1 Apr 2026" in found[0].text


def test_bank_holiday_shift_below_the_agreed_rate() -> None:
    assert bank_holiday_name(date(2026, 12, 25)) is not None
    assert bank_holiday_name(date(2026, 12, 24)) is None
    chris = pa(1300, date(2026, 4, 1), Born(1990),
               PayRate(RateKind.BANK_HOLIDAY, date(2026, 4, 1), Money(1950)))
    worked = [(date(2026, 12, 24), 240, 1300), (date(2026, 12, 25), 240, 1300),
              (date(2026, 12, 28), 240, 1950)]
    found = bank_holiday_findings(chris, worked, date(2027, 1, 2))
    assert [(f.state, f.due) for f in found] == [(State.PROBLEM, date(2026, 12, 25))]
    assert "£19.50" in found[0].text
