from collections.abc import Callable
from datetime import date
from decimal import Decimal

from app.domain.funding import Period
from app.domain.money import Money
from app.domain.owed import Liabilities
from app.domain.plan import PlanLine
from app.statements import Statement
from app.statements.model import StatementEntry, StatementInputs

MakeStatement = Callable[..., Statement]


def entry(i: int, on: date, pence: int, code: str, cleared: bool = True) -> StatementEntry:
    return StatementEntry(i, on, Money(pence), f"Payee {i}", code, cleared=cleared)


def test_figures_for_a_small_quarter(make_statement: MakeStatement) -> None:
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
    # £151.67 on 2 April is a monthly instalment of £35 a week: three fall due in the
    # quarter (2 April, May and June), so two are still to pay, not the day-by-day £455.00
    # less what was paid.
    assert s.funding.contribution_plan is not None
    assert s.funding.contribution_expected == Money(3 * 15167)
    assert s.funding.contribution_owed == Money(2 * 15167)


def test_surplus_counts_liabilities_and_contingency(make_statement: MakeStatement) -> None:
    opening = Money(44000 * 10)  # ten weeks held
    s = make_statement([], opening=opening, rule_code="yearly_4_weeks_contingency",
                       owed=Liabilities(wages_owed=Money(30000)))
    assert s.position.weeks_held == Decimal("10.0")
    # Allowed: (4 + 2) weeks of £440, plus £300 owed in wages.
    assert s.position.surplus == Money(440000 - 6 * 44000 - 30000)
    assert s.position.over_limit
    assert s.liabilities.contingency == Money(2 * 44000)


def test_no_surplus_within_the_limit(make_statement: MakeStatement) -> None:
    s = make_statement([], opening=Money(44000 * 8))
    assert s.position.surplus == Money(0)
    assert not s.position.over_limit


def test_stream_partly_in_period_is_pro_rata(make_statement: MakeStatement) -> None:
    s = make_statement([], period=Period(date(2025, 3, 25), date(2025, 4, 7)))
    assert s.funding.lines[0].days_in_period == 7
    assert s.funding.gross_period == Money(44000)


def test_same_data_same_statement(make_statement: MakeStatement) -> None:
    entries = [entry(i, date(2025, 5, 1 + i % 20), -100 * i, "pa_wages") for i in range(1, 40)]
    assert make_statement(entries) == make_statement(list(reversed(entries)))


def test_spending_the_rule_does_not_simply_allow_is_flagged(make_statement: MakeStatement
                                                             ) -> None:
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


def test_lines_not_sorted_yet_are_flagged_for_the_person(make_statement: MakeStatement
                                                         ) -> None:
    s = make_statement([entry(1, date(2025, 4, 3), -5000, "unsorted_out"),
                        entry(2, date(2025, 4, 4), 700, "unsorted_in")])
    assert [(f.entry.id, f.unsorted) for f in s.flagged] == [(1, True), (2, True)]


def test_bank_balance_from_an_earlier_day_explains_later_entries(make_statement: MakeStatement
                                                                 ) -> None:
    entries = [entry(1, date(2025, 4, 10), -1000, "pa_wages", cleared=True),
               entry(2, date(2025, 4, 20), -2000, "pa_wages", cleared=False),
               entry(3, date(2025, 6, 20), -4000, "pa_wages", cleared=True)]
    s = make_statement(entries, opening=Money(50000), inputs=StatementInputs(
        bank_balance=Money(49000), bank_date=date(2025, 6, 1)))
    r = s.reconciliation
    assert [e.id for e in r.uncleared] == [2] and [e.id for e in r.after_bank] == [3]
    assert r.bank_difference == Money(0)  # 49000 - 2000 - 4000 = 43000 = closing


def test_spend_against_plan_lines(make_statement: MakeStatement) -> None:


    entries = [StatementEntry(1, date(2025, 4, 2), Money(-7000), "Jo", "pa_wages",
                              support_plan_line="Care"),
               StatementEntry(2, date(2025, 4, 3), Money(-500), "Bus", "activities"),
               StatementEntry(3, date(2025, 4, 4), Money(9000), "Council", "council_payment",
                              support_plan_line="Care")]
    s = make_statement(entries, plan_lines=(PlanLine(1, "Care", Money(700)),
                                            PlanLine(2, "Trips", None)))
    assert [(p.name, p.budget, p.spent) for p in s.plan] == [
        ("Care", Money(9100), Money(7000)), ("Trips", None, Money(0)), ("", None, Money(500))]
