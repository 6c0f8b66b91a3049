from datetime import date
from decimal import Decimal

from app.domain.funding import Period
from app.domain.money import Money
from app.statements.model import Liabilities, StatementEntry, StatementInputs
from tests.app.statements.conftest import make_statement


def entry(i: int, on: date, pence: int, code: str, cleared: bool = True) -> StatementEntry:
    return StatementEntry(i, on, Money(pence), f"Payee {i}", code, cleared=cleared)


def test_figures_for_a_small_quarter() -> None:
    entries = [
        entry(1, date(2025, 4, 1), 176000, "council_payment"),
        entry(2, date(2025, 4, 2), 15167, "client_contribution"),
        entry(3, date(2025, 4, 5), -25200, "pa_wages"),
        entry(4, date(2025, 4, 12), -25200, "pa_wages", cleared=False),
        entry(5, date(2025, 4, 19), -4500, "paye_ni"),
        entry(6, date(2025, 7, 1), -99999, "pa_wages"),  # outside the period: left out
    ]
    s = make_statement(entries, opening=Money(50000),
                       inputs=StatementInputs(bank_balance=Money(211467)))
    r = s.reconciliation
    assert r.total_in == Money(191167)
    assert r.money_out == (("pa_wages", Money(50400)), ("paye_ni", Money(4500)))
    assert r.closing == Money(50000 + 191167 - 54900)
    assert [e.id for e in s.transactions] == [1, 2, 3, 4, 5]
    assert r.uncleared_total == Money(-25200)
    # The bank has not yet paid out entry 4: 211467 - 25200 = 186267 = closing.
    assert r.bank_difference == Money(0)
    assert s.funding.gross_period == Money(572000)  # 91 days = 13 weeks of £440
    assert s.funding.contribution_due == Money(45500)
    assert s.funding.contribution_owed == Money(45500 - 15167)


def test_surplus_counts_liabilities_and_contingency() -> None:
    opening = Money(44000 * 10)  # ten weeks held
    s = make_statement([], opening=opening, rule_code="yearly_4_weeks_contingency",
                       inputs=StatementInputs(liabilities=Liabilities(wages_owed=Money(30000))))
    assert s.weeks.weeks == Decimal("10.0")
    # Allowed: (4 + 2) weeks of £440, plus £300 owed in wages.
    assert s.weeks.surplus == Money(440000 - 6 * 44000 - 30000)
    assert s.weeks.over_limit
    assert s.liabilities.contingency == Money(2 * 44000)


def test_no_surplus_within_the_limit() -> None:
    s = make_statement([], opening=Money(44000 * 8))
    assert s.weeks.surplus == Money(0)
    assert not s.weeks.over_limit


def test_stream_partly_in_period_is_pro_rata() -> None:
    s = make_statement([], period=Period(date(2025, 3, 25), date(2025, 4, 7)))
    assert s.funding.lines[0].days_in_period == 7
    assert s.funding.gross_period == Money(44000)


def test_same_data_same_statement() -> None:
    entries = [entry(i, date(2025, 5, 1 + i % 20), -100 * i, "pa_wages") for i in range(1, 40)]
    assert make_statement(entries) == make_statement(list(reversed(entries)))


def test_spending_the_rule_does_not_simply_allow_is_flagged() -> None:
    entries = [entry(1, date(2025, 4, 3), -5000, "pa_wages"),
               entry(2, date(2025, 4, 4), -9000, "equipment"),
               entry(3, date(2025, 4, 5), -1200, "household"),
               entry(4, date(2025, 4, 6), -3000, "activities")]
    quarterly = make_statement(entries)
    assert [(f.entry.id, f.permission.value) for f in quarterly.flagged] == [
        (2, "needs_approval"), (3, "not_allowed")]
    # The six-monthly template also wants approval for activities.
    six = make_statement(entries, rule_code="six_monthly_6_weeks")
    assert [f.entry.id for f in six.flagged] == [2, 3, 4]
