"""PA records: dates of birth kept as exactly as given, pay periods, leave years, validation."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import ValidationError
from app.domain.money import Money
from app.employer.records import (
    PA,
    Born,
    PADraft,
    PayFrequency,
    PayRate,
    PayslipDraft,
    RateKind,
    add_months,
    period_start_for,
    validate_pa,
    validate_payslip,
)


def test_born_to_the_year_month_or_day() -> None:
    assert Born.parse("2005").ages_on(date(2026, 6, 1)) == (20, 21)
    assert Born.parse("2005-05").ages_on(date(2026, 5, 15)) == (20, 21)
    assert Born.parse("2005-05-10").ages_on(date(2026, 5, 10)) == (21, 21)
    assert Born.parse("2005-05-10").text() == "2005-05-10"
    assert Born.parse("2004-02-29").birthday_in(2026) == date(2026, 2, 28)
    for bad in ("", "20x5", "2005-13", "1850", "2005-02-30"):
        with pytest.raises(ValidationError):
            Born.parse(bad)


def test_pay_periods_end_where_the_frequency_says() -> None:
    assert period_start_for(date(2026, 4, 12), PayFrequency.WEEKLY) == date(2026, 4, 6)
    assert period_start_for(date(2026, 4, 19), PayFrequency.FORTNIGHTLY) == date(2026, 4, 6)
    assert period_start_for(date(2026, 5, 3), PayFrequency.FOUR_WEEKLY) == date(2026, 4, 6)
    assert period_start_for(date(2026, 4, 30), PayFrequency.MONTHLY) == date(2026, 4, 1)
    assert period_start_for(date(2026, 2, 28), PayFrequency.MONTHLY) == date(2026, 2, 1)
    assert period_start_for(date(2026, 5, 15), PayFrequency.MONTHLY) == date(2026, 4, 16)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


def test_leave_year_from_the_contract_or_the_start() -> None:
    draft = PADraft("Jo", date(2025, 7, 21), Money(1300), 600)
    pa = PA(1, 1, draft, ())
    assert pa.leave_year(date(2026, 7, 20)) == (date(2025, 7, 21), date(2026, 7, 20))
    assert pa.leave_year(date(2026, 7, 21)) == (date(2026, 7, 21), date(2027, 7, 20))
    april = PA(1, 1, PADraft("Jo", date(2025, 7, 21), Money(1300), 600,
                             leave_year_start=date(2025, 4, 1)), ())
    assert april.leave_year(date(2026, 3, 31)) == (date(2025, 4, 1), date(2026, 3, 31))


def test_rates_by_kind_and_day() -> None:
    pa = PA(1, 1, PADraft("Jo", date(2025, 6, 1), Money(1250), 600), (
        PayRate(RateKind.STANDARD, date(2025, 6, 1), Money(1250)),
        PayRate(RateKind.STANDARD, date(2026, 4, 1), Money(1290)),
        PayRate(RateKind.NIGHT, date(2025, 6, 1), Money(1500))))
    assert pa.rate_on(date(2025, 5, 31)) is None
    assert pa.rate_on(date(2026, 3, 31)) == Money(1250)
    assert pa.rate_on(date(2026, 4, 1)) == Money(1290)
    assert pa.rate_on(date(2026, 4, 1), RateKind.BANK_HOLIDAY) is None
    assert pa.rate_spans(RateKind.STANDARD, date(2026, 1, 1), date(2026, 6, 30)) == [
        (date(2026, 1, 1), date(2026, 3, 31), Money(1250)),
        (date(2026, 4, 1), date(2026, 6, 30), Money(1290))]


@pytest.mark.parametrize("changes, field", [
    ({"name": " "}, "name"), ({"rate": Money(0)}, "rate"), ({"rate": Money(10001)}, "rate"),
    ({"hours_week_minutes": 0}, "hours"), ({"end": date(2025, 1, 1)}, "end"),
    ({"dbs_checked": date(2026, 1, 1), "dbs_renewal": date(2025, 1, 1)}, "dbs_renewal")])
def test_a_record_that_cannot_be_right_is_refused(changes: dict[str, object],
                                                  field: str) -> None:
    draft = PADraft("Jo", date(2025, 6, 1), Money(1250), 600)
    with pytest.raises(ValidationError) as refused:
        validate_pa(PADraft(**{**draft.__dict__, **changes}))
    assert refused.value.field == field


def test_payslip_parts_and_refusals() -> None:
    slip = PayslipDraft(1, date(2026, 4, 30), Money(100000), Money(5000), Money(3000),
                        Money(4000), Money(2000), Money(1500))
    assert validate_payslip(slip).net == Money(90000)
    for bad in (PayslipDraft(1, date(2026, 4, 30), Money(0)),
                PayslipDraft(1, date(2026, 4, 30), Money(100), Money(200)),
                PayslipDraft(1, date(2026, 4, 30), Money(100), Money(-1)),
                PayslipDraft(1, date(2026, 4, 30), Money(100), period_start=date(2026, 5, 1))):
        with pytest.raises(ValidationError):
            validate_payslip(bad)
