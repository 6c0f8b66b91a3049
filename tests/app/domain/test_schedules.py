from datetime import date

from app.domain.funding import Frequency, Funder, FundingKind, FundingStream, Period
from app.domain.money import Money
from app.domain.schedules import contribution_instalments, scheduled_payments

# The demo's figures: £440 a week, £35 of it the person's own, paid four-weekly from 3 Dec.
STREAM = FundingStream.flat(Funder.COUNCIL, FundingKind.DIRECT_PAYMENT, Money(44000),
                            Frequency.FOUR_WEEKLY, date(2025, 12, 3), Money(3500))
HALF_YEAR = Period(date(2026, 6, 1), date(2026, 11, 30))
MONTHLY = Money(15167)  # £35 a week is £151.67 a month (52 weeks over 12 months)


def monthly_payments(*months: int) -> list[tuple[date, Money]]:
    return [(date(2026 if m <= 12 else 2027, (m - 1) % 12 + 1, 2), MONTHLY) for m in months]


def test_monthly_contributions_are_due_monthly_not_day_by_day() -> None:
    found = contribution_instalments(monthly_payments(*range(1, 12)), [STREAM], HALF_YEAR)
    assert found is not None
    assert found.frequency is Frequency.MONTHLY and found.anchor == date(2026, 1, 2)
    assert found.due_days == tuple(date(2026, m, 2) for m in range(6, 12))
    assert found.expected == Money(6 * 15167)  # £910.02, not the day-by-day £915.00


def test_a_missed_month_is_still_due() -> None:
    paid = [p for p in monthly_payments(*range(1, 12)) if p[0].month != 8]
    found = contribution_instalments(paid, [STREAM], HALF_YEAR)
    assert found is not None and found.expected == Money(6 * 15167)


def test_irregular_payments_follow_no_schedule() -> None:
    paid = [(date(2026, 6, 3), Money(10000)), (date(2026, 7, 9), Money(20000))]
    assert contribution_instalments(paid, [STREAM], HALF_YEAR) is None
    assert contribution_instalments([], [STREAM], HALF_YEAR) is None


def test_weekly_and_four_weekly_contributions_are_read_too() -> None:
    weekly = [(date(2026, 6, 5 + 7 * n), Money(3500)) for n in range(4)]
    found = contribution_instalments(weekly, [STREAM], Period(date(2026, 6, 1),
                                                              date(2026, 6, 30)))
    assert found is not None and found.frequency is Frequency.WEEKLY
    assert found.due_days == tuple(date(2026, 6, d) for d in (5, 12, 19, 26))
    four = [(date(2026, 6, 5), Money(14000)), (date(2026, 7, 3), Money(14000))]
    found = contribution_instalments(four, [STREAM], Period(date(2026, 6, 1),
                                                            date(2026, 7, 31)))
    assert found is not None and found.frequency is Frequency.FOUR_WEEKLY
    # 5 June, 3 July and 31 July: the third is due though not paid yet.
    assert found.due_days[-1] == date(2026, 7, 31)
    assert found.expected == Money(42000) and found.instalment == Money(14000)


def test_with_no_payment_in_the_period_the_last_ones_set_the_schedule() -> None:
    found = contribution_instalments(monthly_payments(1, 2, 3, 4, 5), [STREAM], HALF_YEAR)
    assert found is not None and len(found.due_days) == 6  # all six still due


def test_council_payments_by_their_schedule() -> None:
    found = scheduled_payments([STREAM], HALF_YEAR)
    assert found.days == (date(2026, 6, 17), date(2026, 7, 15), date(2026, 8, 12),
                          date(2026, 9, 9), date(2026, 10, 7), date(2026, 11, 4))
    assert found.expected == Money(6 * 4 * 40500)  # £9,720: four weeks of £405 net each
    assert found.frequency is Frequency.FOUR_WEEKLY
    assert found.next_day == date(2026, 12, 2)
