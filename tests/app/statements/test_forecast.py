from datetime import date, timedelta

from app.domain.categories import load_categories
from app.domain.council_rules import find_template
from app.domain.funding import Frequency, Funder, FundingKind, FundingStream
from app.domain.money import Money
from app.domain.policy import Policy, Position
from app.statements.forecast import (
    Spend,
    WarningKind,
    average_weekly_spending,
    forecast,
)

TODAY = date(2025, 6, 30)
POLICY = Policy(find_template("quarterly_8_weeks"),  # 8 weeks, no contingency
                {c.code: c for c in load_categories()})


def stream(weekly: int, frequency: Frequency = Frequency.FOUR_WEEKLY,
           start: date = date(2025, 4, 1)) -> FundingStream:
    return FundingStream.flat(Funder.COUNCIL, FundingKind.DIRECT_PAYMENT, Money(weekly),
                              frequency, start)


def now(balance: int, weekly: int) -> Position:
    """Where the money stands at the end of TODAY, as the Money tab works it out."""
    return POLICY.position(TODAY, Money(balance), Money(weekly), Money(0))


def weekly_wages(pence: int, weeks: int = 8) -> list[Spend]:
    return [Spend(TODAY - timedelta(days=7 * n), Money(-pence), "pa_wages")
            for n in range(weeks)]


def test_average_is_per_category_over_recent_weeks() -> None:
    history = weekly_wages(40000) + [Spend(TODAY, Money(-8000), "paye_ni"),
                                      Spend(TODAY - timedelta(days=200), Money(-99999), "respite"),
                                      Spend(TODAY, Money(176000), "council_payment")]
    assert average_weekly_spending(history, TODAY) == (
        ("pa_wages", Money(40000)), ("paye_ni", Money(1000)))


def test_spending_matching_funding_keeps_the_balance() -> None:
    # £400 a week in (four-weekly), £400 a week out: back where it started after 4 weeks.
    # The one payment in the 4 weeks lands on 22 July, three weeks in.
    result = forecast(now(200000, 40000), date(2025, 7, 28), [stream(40000)],
                      weekly_wages(40000), POLICY)
    assert result.closing == Money(200000 + 160000 - 40000 * 4)
    assert result.lowest == Money(200000 - round(40000 * 21 / 7))
    assert not result.warnings


def test_warns_when_the_money_runs_out() -> None:
    result = forecast(now(50000, 20000), date(2025, 9, 30), [stream(20000)],
                      weekly_wages(40000), POLICY)
    kinds = [w.kind for w in result.warnings]
    assert kinds == [WarningKind.RUNS_OUT]
    assert result.lowest.pence < 0
    assert result.warnings[0].on <= result.lowest_on


def test_warns_before_weeks_held_pass_the_limit() -> None:
    # Nothing spent: £300 a week piles up on top of 7 weeks already held.
    result = forecast(now(30000 * 7, 30000), date(2025, 9, 30), [stream(30000)], [], POLICY)
    warning = result.warnings[-1]
    assert warning.kind is WarningKind.OVER_LIMIT
    assert "clawed back" in warning.message
    assert result.weeks_held_at_end is not None and result.weeks_held_at_end > 8
