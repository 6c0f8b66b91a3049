"""Outcomes on a real profile: added, changed, rated, linked, removed, undone, in the history,
and the money per outcome adding up to the money linked."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.entries import EntryDraft
from app.domain.errors import DomainError, ValidationError
from app.domain.funding import Period
from app.domain.money import Money
from app.domain.visits import VisitDraft
from app.outcomes.model import OutcomeDraft, RatedBy
from app.services.context import ProfileContext

TODAY = date(2026, 3, 31)
YEAR = Period(date(2025, 4, 1), TODAY)
RUNS = itertools.count()


def _pay(ctx: ProfileContext, pence: int, line: str = "", payee: str = "Jo (PA)",
         on: date = date(2025, 5, 1)) -> int:
    code = "pa_wages" if pence < 0 else "council_payment"
    return ctx.ledger.add_entry(EntryDraft(on, Money(pence), payee, code,
                                           plan_line=line), TODAY).id


def test_add_rate_change_and_remove_with_undo(ctx: ProfileContext) -> None:
    line = ctx.plan.add("Personal care", Money(30000))
    outcome = ctx.outcomes.add(OutcomeDraft("Get to the allotment", "ca.1.2.e", (line.id,)),
                               TODAY, new_plan_line="Getting out")
    assert [ln for ln in outcome.plan_line_ids] == [line.id, ctx.plan.lines()[1].id]
    ctx.outcomes.rate(outcome.id, 2, date(2025, 6, 1), RatedBy.PERSON, "", TODAY)
    ctx.outcomes.rate(outcome.id, 4, date(2025, 9, 1), RatedBy.WITH_CARER, "went twice", TODAY)
    found = ctx.outcomes.get(outcome.id)
    assert [(r.score, r.rated_by) for r in found.ratings] == [
        (2, RatedBy.PERSON), (4, RatedBy.WITH_CARER)]
    assert found.trend.change == 2
    changed = ctx.outcomes.change(outcome.id, OutcomeDraft("Allotment weekly", "er.2.2.i"))
    assert changed.plan_line_ids == () and changed.area_code == "er.2.2.i"
    ctx.undo.run("remove", lambda: ctx.outcomes.remove(outcome.id))
    assert ctx.outcomes.outcomes() == []
    ctx.undo.undo()
    assert len(ctx.outcomes.get(outcome.id).ratings) == 2
    assert ctx.history.verify().is_whole


def test_ratings_are_checked(ctx: ProfileContext) -> None:
    outcome = ctx.outcomes.add(OutcomeDraft("Eat well", "er.2.2.a"), TODAY)
    with pytest.raises(ValidationError):
        ctx.outcomes.rate(outcome.id, 5, TODAY, today=TODAY)
    with pytest.raises(ValidationError):
        ctx.outcomes.rate(outcome.id, 3, date(2026, 4, 1), today=TODAY)
    with pytest.raises(DomainError):
        ctx.outcomes.rate(99, 3, TODAY, today=TODAY)


def test_payments_and_visits_link_to_one_outcome_and_links_go_with_them(
        ctx: ProfileContext) -> None:
    outcome = ctx.outcomes.add(OutcomeDraft("Eat well", "er.2.2.a"), TODAY)
    paid = _pay(ctx, -5000)
    money_in = _pay(ctx, 9000)
    with pytest.raises(DomainError, match="money out"):
        ctx.outcomes.link_entry(money_in, outcome.id)
    ctx.outcomes.link_entry(paid, outcome.id)
    visit = ctx.visits.add(VisitDraft(date(2025, 5, 1), "Jo (PA)", 120, 120, 1250))
    ctx.outcomes.link_visit(visit.id, outcome.id)
    assert (ctx.outcomes.entry_outcome(paid), ctx.outcomes.visit_outcome(visit.id)) == (
        outcome.id, outcome.id)
    report = ctx.outcomes.summary(YEAR).reports[0]
    assert report.spent == Money(5000)
    assert [(d.name, d.paid, d.delivered_minutes) for d in report.deliverers] == [
        ("Jo (PA)", Money(5000), 120)]
    ctx.undo.run("delete", lambda: ctx.ledger.delete_entry(paid, confirmed=True))
    assert ctx.outcomes.entry_outcome(paid) is None
    ctx.undo.undo()
    assert ctx.outcomes.entry_outcome(paid) == outcome.id
    ctx.outcomes.link_entry(paid, None)
    assert ctx.outcomes.entry_outcome(paid) is None
    assert ctx.history.verify().is_whole


def test_a_plan_line_removed_takes_its_outcome_links_only(ctx: ProfileContext) -> None:
    line = ctx.plan.add("Short breaks")
    outcome = ctx.outcomes.add(OutcomeDraft("See my sister", "ca.1.2.g", (line.id,)), TODAY)
    ctx.plan.remove(line.id)
    assert ctx.outcomes.get(outcome.id).plan_line_ids == ()


def test_the_period_bounds_ratings_and_money(ctx: ProfileContext) -> None:
    outcome = ctx.outcomes.add(OutcomeDraft("Eat well", "er.2.2.a", ()), TODAY,
                               new_plan_line="Meals")
    _pay(ctx, -1000, "Meals", on=date(2025, 5, 1))
    _pay(ctx, -2000, "Meals", on=date(2025, 8, 1))
    ctx.outcomes.rate(outcome.id, 1, date(2025, 5, 2), today=TODAY)
    ctx.outcomes.rate(outcome.id, 3, date(2025, 8, 2), today=TODAY)
    summer = ctx.outcomes.summary(Period(date(2025, 7, 1), date(2025, 9, 30))).reports[0]
    assert summer.spent == Money(2000)
    assert [r.score for r in summer.ratings] == [3]


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_spend_per_outcome_sums_to_the_spend_linked_on_a_profile(
        make_ctx: Callable[..., ProfileContext], data: st.DataObject) -> None:
    ctx = make_ctx(f"Sums {next(RUNS)}")
    lines = [ctx.plan.add(f"Line {n}").id for n in range(3)]
    outcomes = [ctx.outcomes.add(OutcomeDraft(f"O{n}", "ca.1.2.e", tuple(
        data.draw(st.lists(st.sampled_from(lines), max_size=2)))), TODAY).id for n in range(3)]
    expected = 0
    for n in range(data.draw(st.integers(1, 12))):
        pence = -data.draw(st.integers(1, 10**6))
        line = data.draw(st.none() | st.integers(0, 2))
        entry = _pay(ctx, pence, "" if line is None else f"Line {line}",
                     on=date(2025, 4, 1 + n))
        direct = data.draw(st.none() | st.sampled_from(outcomes))
        if direct is not None:
            ctx.outcomes.link_entry(entry, direct)
        served = direct is not None or (line is not None and any(
            lines[line] in ctx.outcomes.get(o).plan_line_ids for o in outcomes))
        expected += -pence if served else 0
    summary = ctx.outcomes.summary(YEAR)
    assert summary.total_spent == summary.linked == Money(expected)
