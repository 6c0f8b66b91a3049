from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from app.domain.categories import Direction, Permission, load_categories
from app.domain.council_rules import LimitBasis, ReturnFrequency, custom_rule, find_template
from app.domain.funding import Period
from app.domain.money import Money
from app.domain.policy import Policy

CATEGORIES = {c.code: c for c in load_categories()}


def policy(code: str = "quarterly_8_weeks") -> Policy:
    return Policy(find_template(code), CATEGORIES)


def test_the_rule_overrides_a_categorys_own_permission() -> None:
    assert policy("quarterly_8_weeks").permission("activities") is Permission.ALLOWED
    assert policy("six_monthly_6_weeks").permission("activities") is Permission.NEEDS_APPROVAL
    # A category the rule does not name keeps its own default.
    assert policy().permission("refund_in") is Permission.ALLOWED


@pytest.mark.parametrize(("code", "needs"), [("pa_wages", False), ("equipment", True),
                                             ("household", True), ("unsorted_out", False)])
def test_spending_the_council_must_agree_needs_a_reason(code: str, needs: bool) -> None:
    assert policy().needs_reason(code) is needs


def test_unsorted_categories_hold_lines_nobody_sorted_yet() -> None:
    p = policy()
    assert p.unsorted_code(Direction.OUT) == "unsorted_out"
    assert p.unsorted_code(Direction.IN) == "unsorted_in"
    assert p.is_unsorted("unsorted_in") and not p.is_unsorted("other_out")
    assert "unsorted_out" in {c.code for c in p.usable_without_reason()}
    assert "equipment" not in {c.code for c in p.usable_without_reason()}


def test_surplus_counts_the_limit_the_contingency_and_what_is_owed() -> None:
    rule = custom_rule("Own", ReturnFrequency.QUARTERLY, 4, 2)
    p = Policy(rule, CATEGORIES)
    weekly = Money(10000)
    assert p.surplus(Money(60000), weekly, Money(0)) == Money(0)  # exactly 6 weeks
    assert p.surplus(Money(60001), weekly, Money(0)) == Money(1)
    assert p.surplus(Money(70000), weekly, Money(4000)) == Money(6000)
    assert p.surplus(Money(-5), weekly, Money(0)) == Money(0)  # never below zero
    assert p.surplus(Money(10**9), Money(0), Money(0)) == Money(0)  # no budget, no limit


def test_position_gathers_every_figure_of_the_day() -> None:
    p = policy()
    position = p.position(date(2025, 6, 30), Money(400000), Money(44000), Money(10000))
    assert position.weeks_held == Decimal("9.1")
    assert (position.weeks_limit, position.contingency_weeks) == (8, 0)
    assert position.surplus == Money(400000 - 8 * 44000 - 10000)
    assert position.over_limit


def test_return_period_follows_the_chosen_rule() -> None:
    assert policy("quarterly_8_weeks").return_period(date(2025, 8, 1)) == Period(
        date(2025, 7, 1), date(2025, 9, 30))
    assert policy("yearly_4_weeks_contingency").return_period(date(2025, 8, 1)) == Period(
        date(2025, 4, 1), date(2026, 3, 31))


def test_a_net_limit_counts_what_the_council_pays_in() -> None:
    p = policy("harrow")  # four weeks of the Direct Payment amount, after the contribution
    gross, net = Money(44000), Money(40500)
    position = p.position(date(2026, 6, 30), Money(170000), gross, Money(0), net)
    assert position.weekly == net
    assert position.kept == Money(4 * 40500)
    assert position.surplus == Money(170000 - 4 * 40500)
    assert position.weeks_held == Decimal("4.2")  # 1,700 / 405, not 1,700 / 440
    # The same balance on the gross basis is within four weeks of £440.
    gross_rule = replace(find_template("harrow"), limit_basis=LimitBasis.GROSS)
    assert Policy(gross_rule, CATEGORIES).surplus(Money(170000), gross, Money(0), net) == Money(0)


def test_a_balance_below_the_minimum_is_said() -> None:
    p = policy("sefton")  # "in credit of between 4-8 weeks"
    weekly = Money(44000)
    low = p.position(date(2026, 6, 30), Money(4 * 44000 - 1), weekly, Money(0))
    enough = p.position(date(2026, 6, 30), Money(4 * 44000), weekly, Money(0))
    assert low.below_minimum and not enough.below_minimum
    assert low.minimum == Money(4 * 44000)
    assert not policy().position(date(2026, 6, 30), Money(0), weekly, Money(0)).below_minimum


def test_no_published_limit_means_no_surplus_is_claimed() -> None:
    p = policy("nhs_phb_direct_payment")
    position = p.position(date(2026, 6, 30), Money(10**8), Money(44000), Money(0))
    assert position.weeks_limit is None and not position.over_limit
    assert position.weeks_held == Decimal("2272.7")


def test_returns_on_request_and_due_dates() -> None:
    quarter = Period(date(2026, 4, 1), date(2026, 6, 30))
    assert policy("harrow").on_request and policy("harrow").due_date(quarter) is None
    assert policy("haringey").due_date(quarter) is None  # 28 days after the request
    counted = replace(find_template("sefton"), due_days=28)
    assert Policy(counted, CATEGORIES).due_date(quarter) == date(2026, 7, 28)
    assert policy("harrow").return_period(date(2026, 8, 3)) == Period(date(2026, 7, 1),
                                                                      date(2026, 9, 30))
