"""The figures explained: each sentence's amounts are figures it carries, and those are the
return's own figures (over random ledgers, every rule template, with services)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.council_rules import load_templates
from app.domain.money import Money
from app.i18n import format_money, set_locale
from app.statements import Statement
from app.statements.explain_text import explanation_text
from app.statements.model import Explanation, ProviderService, StatementEntry, StatementInputs

MakeStatement = Callable[..., Statement]
AMOUNT = re.compile(r"-?£[\d,]+\.\d\d")
RULES = [r.code for r in load_templates()]
START = date(2025, 4, 1)


def entry(i: int, days: int, pence: int, code: str, cleared: bool = True) -> StatementEntry:
    return StatementEntry(i, START + timedelta(days=days), Money(pence), f"Payee {i}", code,
                          cleared=cleared)


@st.composite
def ledgers(draw: st.DrawFn) -> list[StatementEntry]:
    found = []
    for i in range(1, draw(st.integers(0, 30)) + 1):
        code = draw(st.sampled_from(["council_payment", "client_contribution", "pa_wages",
                                     "agency_care", "respite"]))
        pence = draw(st.sampled_from([15167, 3500, 162000, 14000])) if draw(
            st.booleans()) else draw(st.integers(1, 900_000))
        sign = 1 if code in ("council_payment", "client_contribution") else -1
        found.append(entry(i, draw(st.integers(0, 90)), sign * pence, code, draw(st.booleans())))
    return found


services = st.lists(st.builds(
    ProviderService, st.sampled_from(["Jo (PA)", "Sunrise Care"]),
    st.just(Decimal("3.00")), st.just(Decimal("3.00")),
    st.integers(0, 200_000).map(Money), st.integers(0, 200_000).map(Money)), max_size=3)


def named_figures(s: Statement, e: Explanation) -> dict[str, Money]:
    """What each explanation's named figures must equal: the return's own figures."""
    f, r, p = s.funding, s.reconciliation, s.position
    kind = e.key.split(":")[0]
    if kind == "contribution":
        return {"pro_rata": f.contribution_due, "paid": f.contribution_paid,
                "owed": f.contribution_owed, "expected": f.contribution_expected}
    if kind == "payments":
        paid = next(p for p in f.payments if f"payments:{p.category_code}" == e.key)
        # What came in is the return's own money-in line for that category.
        received = dict(r.money_in).get(paid.category_code, Money(0))
        return {"expected": paid.expected, "received": received, "share": paid.share}
    if kind == "over_funding":
        return {"out": r.total_out, "funding": f.gross_period, "opening": r.opening,
                "closing": r.closing, "over": r.total_out - f.gross_period}
    if kind == "uncleared":
        return {"total": r.uncleared_total}
    if kind == "limit":
        return {"surplus": p.surplus, "closing": p.balance, "kept": p.kept, "owed": p.owed,
                "weekly": p.weekly}
    if kind == "below_minimum":
        return {"minimum": p.minimum, "closing": p.balance, "short": p.minimum - p.balance}
    if kind == "provider":
        service = (s.services or ())[int(e.key.split(":")[1]) - 1]
        return {"paid": service.paid, "delivered": service.value_delivered,
                "difference": Money(abs(service.difference.pence))}
    return {}


@given(ledger=ledgers(), rule=st.sampled_from(RULES), opening=st.integers(-50_000, 900_000),
       services=services, welsh=st.booleans())
@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_explanations_numbers_equal_the_figures_they_explain(
        ledger: list[StatementEntry], rule: str, opening: int,
        services: list[ProviderService], welsh: bool, make_statement: MakeStatement) -> None:
    set_locale("cy" if welsh else "en")
    try:
        s = make_statement(ledger, opening=Money(opening), rule_code=rule,
                           inputs=StatementInputs(services=tuple(services)))
        for e in s.explanations:
            carried = {format_money(v.pence) for _name, v in e.values if isinstance(v, Money)}
            sentence = explanation_text(e)
            assert sentence.strip()
            # Every amount written in the sentence is one of the figures it carries ...
            assert set(AMOUNT.findall(sentence)) <= carried, (e.key, sentence)
            # ... and those figures are the return's own.
            for name, figure in named_figures(s, e).items():
                assert e.money(name) == figure, (e.key, name)
    finally:
        set_locale("en")


def test_the_issues_figures_read_as_an_officer_would_want(make_statement: MakeStatement
                                                          ) -> None:
    # Monthly contribution of £151.67 against £35 a week, paid every month: nothing owed,
    # and the day-by-day £455.00 for the quarter explained rather than "still to pay".
    paid = [entry(n, d, 15167, "client_contribution") for n, d in ((1, 1), (2, 31), (3, 62))]
    s = make_statement(paid)
    (e,) = s.explained("contribution")
    assert s.funding.contribution_owed == Money(0)
    text = explanation_text(e)
    assert "Nothing is owed" in text and "£455.00" in text and "£0.01" in text
    assert not e.warn


def test_a_provider_paid_more_than_delivered_is_flagged_with_the_sign_in_words(
        make_statement: MakeStatement) -> None:
    more = ProviderService("Sunrise Care", Decimal(78), Decimal(75), Money(180000),
                           Money(185909))
    less = ProviderService("Jo (PA)", Decimal(10), Decimal(10), Money(20000), Money(15000))
    s = make_statement([], inputs=StatementInputs(services=(more, less)))
    texts = [explanation_text(e) for e in s.explained("provider")]
    assert texts[0].startswith("Sunrise Care was paid £59.09 more than the care delivered")
    assert texts[1].startswith("Jo (PA) was paid £50.00 less than the care delivered")
    assert all(e.warn for e in s.explained("provider"))


def test_spending_above_funding_and_a_balance_below_the_minimum(
        make_statement: MakeStatement) -> None:
    s = make_statement([entry(1, 3, -700_000, "pa_wages")], opening=Money(800_000),
                       rule_code="sefton")
    assert s.explained("over_funding") and s.explained("below_minimum")
    (low,) = s.explained("below_minimum")
    assert low.money("minimum") == Money(4 * 44000) and s.position.below_minimum
    assert "below the 4 weeks" in explanation_text(low)


def test_uncleared_lines_are_counted_and_said(make_statement: MakeStatement) -> None:
    entries = [entry(n, n, -1000, "pa_wages", cleared=False) for n in range(1, 4)]
    (e,) = make_statement(entries).explained("uncleared")
    assert "None of the 3 lines" in explanation_text(e)
    mixed = make_statement(entries + [entry(9, 9, -500, "pa_wages")]).explained("uncleared")
    assert "3 of the 4 lines" in explanation_text(mixed[0])
