"""EmployerService on a real (encrypted) profile: records, rates, payslips, payments set against
them, the one truth for what is owed, history and undo."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.chosen_providers import ChosenProviderDraft, ProviderKind
from app.domain.entries import EntryDraft
from app.domain.errors import DomainError, ValidationError
from app.domain.money import Money
from app.employer.checks_common import State, Topic
from app.employer.records import (
    Born,
    EmployerDetails,
    PADraft,
    Part,
    PayFrequency,
    PayslipDraft,
    PensionStatus,
    RateKind,
)
from app.services.context import ProfileContext

TODAY = date(2026, 6, 30)


def jo(**changes: object) -> PADraft:
    draft = PADraft("Jo Evans", date(2026, 4, 1), Money(1280), 20 * 60, born=Born(1990),
                    right_to_work_checked=date(2026, 3, 20), pay_frequency=PayFrequency.WEEKLY,
                    pension_status=PensionStatus.ENROLLED)
    return replace(draft, **changes)  # type: ignore[arg-type]


def pay(ctx: ProfileContext, on: date, pence: int, payee: str, code: str) -> int:
    return ctx.ledger.add_entry(EntryDraft(on, Money(-pence), payee, code), TODAY).id


def test_a_pa_is_also_a_my_providers_record_of_kind_pa(ctx: ProfileContext) -> None:
    pa = ctx.employer.add(jo())
    provider = ctx.providers.get(pa.provider_id)
    assert (provider.name, provider.kind, provider.agreed_hourly_rate) == (
        "Jo Evans", ProviderKind.PA, Money(1280))
    with pytest.raises(ValidationError, match="already in your PA records"):
        ctx.employer.add(jo(name="jo evans"))


def test_an_existing_pa_provider_is_linked_not_doubled(ctx: ProfileContext) -> None:
    own = ctx.providers.add(ChosenProviderDraft("Sam Patel", date(2026, 1, 1),
                                                kind=ProviderKind.PA))
    pa = ctx.employer.add(jo(name="Sam Patel"))
    assert pa.provider_id == own.id and len(ctx.providers.providers()) == 1


def test_a_new_rate_from_april_keeps_the_old_one(ctx: ProfileContext) -> None:
    pa = ctx.employer.add(jo(start=date(2025, 6, 1), rate=Money(1250)))
    pa = ctx.employer.change(pa.id, replace(pa.draft, rate=Money(1290),
                                            night_rate=Money(1500)), date(2026, 4, 1))
    assert pa.rate_on(date(2026, 3, 31)) == Money(1250)
    assert pa.rate_on(date(2026, 4, 1)) == Money(1290)
    assert pa.rate_on(date(2026, 4, 1), RateKind.NIGHT) == Money(1500)
    assert pa.rate_on(date(2026, 3, 31), RateKind.NIGHT) is None
    march = [f for f in ctx.employer.checks(date(2026, 3, 20)) if f.topic is Topic.MINIMUM_WAGE]
    assert [f.state for f in march] == [State.OK]


def test_end_keeps_the_records(ctx: ProfileContext) -> None:
    pa = ctx.employer.add(jo())
    ended = ctx.employer.end(pa.id, date(2026, 9, 30))
    assert ended.end == date(2026, 9, 30) and ctx.providers.get(pa.provider_id).end == \
        date(2026, 9, 30)
    assert ctx.employer.pas(date(2026, 10, 1)) == []
    assert [p.id for p in ctx.employer.pas()] == [pa.id]


def test_a_payslip_links_the_wages_payment_of_its_net_pay(ctx: ProfileContext) -> None:
    pa = ctx.employer.add(jo())
    paid = pay(ctx, date(2026, 4, 10), 24000, "Jo Evans", "pa_wages")
    pay(ctx, date(2026, 4, 10), 24000, "Someone else", "pa_wages")
    slip = ctx.employer.add_payslip(PayslipDraft(pa.id, date(2026, 4, 12), Money(25600),
                                                 Money(1000), Money(600)))
    assert slip.period_start == date(2026, 4, 6)  # weekly
    assert slip.paid == {Part.WAGES: Money(24000)}
    assert ctx.employer.owed(date(2026, 4, 12)).wages == Money(0)
    assert ctx.employer.owed(date(2026, 4, 12)).hmrc == Money(1600)
    assert paid


def test_hmrc_payment_set_against_every_pa_oldest_first(ctx: ProfileContext) -> None:
    a = ctx.employer.add(jo())
    b = ctx.employer.add(jo(name="Sam Patel", pay_frequency=PayFrequency.MONTHLY))
    ctx.employer.add_payslip(PayslipDraft(a.id, date(2026, 4, 12), Money(30000), Money(2000)))
    ctx.employer.add_payslip(PayslipDraft(b.id, date(2026, 4, 30), Money(90000), Money(5000),
                                          Money(3000), Money(4000)))
    entry = pay(ctx, date(2026, 5, 19), 10000, "HMRC", "paye_ni")
    result = ctx.employer.link_payment(entry, Part.HMRC)
    assert [m for _id, m in result.set_against] == [Money(2000), Money(8000)]
    assert ctx.employer.owed(date(2026, 5, 19)).hmrc == Money(4000)
    again = ctx.employer.link_payment(entry, Part.HMRC)  # replaces, never doubles
    assert again.left_over == Money(0)
    assert ctx.employer.owed(date(2026, 5, 19)).hmrc == Money(4000)
    big = pay(ctx, date(2026, 5, 20), 50000, "HMRC", "paye_ni")
    assert ctx.employer.link_payment(big, Part.HMRC).left_over == Money(46000)
    with pytest.raises(DomainError):
        ctx.employer.link_payment(99999, Part.HMRC)


def test_a_payslip_cannot_drop_below_what_was_paid_against_it(ctx: ProfileContext) -> None:
    pa = ctx.employer.add(jo())
    pay(ctx, date(2026, 4, 10), 25600, "Jo Evans", "pa_wages")
    slip = ctx.employer.add_payslip(PayslipDraft(pa.id, date(2026, 4, 12), Money(25600)))
    with pytest.raises(ValidationError, match="already been paid"):
        ctx.employer.change_payslip(slip.id, replace(slip.draft, gross=Money(20000)))


def test_summary_and_statement_take_what_is_owed_from_payslips(ctx: ProfileContext) -> None:
    pa = ctx.employer.add(jo())
    ctx.owed.set(date(2026, 4, 2), replace(ctx.owed.on(date(2026, 4, 2)),
                                           wages_owed=Money(99900), unpaid_invoices=Money(5000)))
    assert ctx.owed.on(date(2026, 4, 20)).wages_owed == Money(99900)  # no payslips yet
    ctx.employer.add_payslip(PayslipDraft(pa.id, date(2026, 4, 12), Money(25600), Money(1000)))
    owed = ctx.owed.on(date(2026, 4, 20))
    assert owed.from_payslips and owed.wages_owed == Money(24600)
    assert owed.hmrc_due == Money(1000) and owed.unpaid_invoices == Money(5000)
    assert ctx.summary.on(date(2026, 4, 20)).position.owed == owed.total
    # A figure entered by hand after the latest payslip is newer: it is used, marked so.
    ctx.owed.set(date(2026, 4, 20), replace(owed, wages_owed=Money(100), from_payslips=False))
    assert not ctx.owed.on(date(2026, 4, 20)).from_payslips


def test_every_change_is_in_the_history_and_undone(ctx: ProfileContext) -> None:
    pa = ctx.undo.run("Add PA", lambda: ctx.employer.add(jo()))
    ctx.undo.run("Add payslip", lambda: ctx.employer.add_payslip(
        PayslipDraft(pa.id, date(2026, 4, 12), Money(25600))))
    assert ctx.employer.owed(date(2026, 4, 12)).wages == Money(25600)
    ctx.undo.undo()
    assert ctx.employer.payslips() == []
    ctx.undo.undo()
    assert ctx.employer.pas() == [] and ctx.providers.providers() == []
    ctx.undo.redo()
    assert [p.name for p in ctx.employer.pas()] == ["Jo Evans"]
    assert ctx.history.verify().is_whole


def test_employer_details_and_the_councils_dbs_rule(ctx: ProfileContext) -> None:
    pa = ctx.employer.add(jo(dbs_checked=date(2023, 7, 15)))
    ctx.employer.set_employer(EmployerDetails(insurer="Acme", insurance_renewal=date(2027, 3, 1),
                                              dbs_renew_months=36))
    dbs = [f for f in ctx.employer.checks(date(2026, 6, 20)) if f.topic is Topic.DBS]
    assert [(f.state, f.due) for f in dbs] == [(State.DUE, date(2026, 7, 15))]
    with pytest.raises(ValidationError):
        ctx.employer.set_employer(EmployerDetails(dbs_renew_months=0))
    assert ctx.employer.get(pa.id).draft.dbs_checked == date(2023, 7, 15)


def test_reminders_name_whose_they_are_and_come_first_when_failed(ctx: ProfileContext) -> None:
    ctx.employer.add(jo(right_to_work_checked=None))
    ctx.employer.set_employer(EmployerDetails(insurance_renewal=date(2026, 7, 10)))
    reminders = ctx.employer.reminders(date(2026, 6, 20))
    assert [(r.state, r.topic) for r in reminders] == [
        (State.PROBLEM, Topic.RIGHT_TO_WORK), (State.DUE, Topic.INSURANCE)]
    assert reminders[0].line().startswith("Jo Evans: No right-to-work check recorded.")
    assert reminders[1].line().startswith("You as an employer: ")
    assert ctx.employer.reminders(date(2026, 3, 20)) == []  # nobody employed yet


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(1, 60), st.integers(100, 90_000), st.integers(0, 3_000)),
                min_size=1, max_size=4),
       st.lists(st.tuples(st.integers(1, 90), st.integers(1, 60_000),
                          st.sampled_from(list(Part))), max_size=4))
def test_derived_owed_is_payslips_less_linked_payments(
        ctx: ProfileContext, slips: list[tuple[int, int, int]],
        payments: list[tuple[int, int, Part]]) -> None:
    """Whatever has gone before in this profile, the figure on every screen is the payslips
    so far less what has been linked to them so far."""
    pas = ctx.employer.pas() or [ctx.employer.add(jo())]
    for day, gross, tax in slips:
        ctx.employer.add_payslip(PayslipDraft(
            pas[0].id, date(2026, 4, 1) + timedelta(days=day), Money(gross),
            Money(min(tax, gross)), employer_pension=Money(tax)))
    codes = {Part.WAGES: "pa_wages", Part.HMRC: "paye_ni", Part.PENSION: "pension"}
    for day, pence, part in payments:
        on = date(2026, 4, 1) + timedelta(days=day)
        ctx.employer.link_payment(pay(ctx, on, pence, "Jo Evans", codes[part]), part)
    when = date(2026, 6, 30)
    with ctx.store.read() as repos:
        slipped = repos.employer.payslips(end=when)
        linked = repos.employer.allocations(when)
    owed = ctx.owed.on(when)
    for part, figure in ((Part.WAGES, owed.wages_owed), (Part.HMRC, owed.hmrc_due),
                         (Part.PENSION, owed.pension_due)):
        assert figure.pence == (sum(s.draft.part(part).pence for s in slipped)
                                - sum(a.amount.pence for a in linked if a.part is part))
    assert ctx.summary.on(when).position.owed == owed.total


def test_a_pa_added_by_mistake_is_removed_and_undone_but_not_one_with_payslips(
        ctx: ProfileContext) -> None:
    pa = ctx.undo.run("Add PA", lambda: ctx.employer.add(jo()))
    ctx.undo.run("Remove PA", lambda: ctx.employer.remove(pa.id))
    assert ctx.employer.pas() == [] and [p.name for p in ctx.providers.providers()] == [
        "Jo Evans"]  # My providers keeps them
    ctx.undo.undo()
    (back,) = ctx.employer.pas()
    assert back.rate_on(date(2026, 4, 1)) == Money(1280)
    ctx.employer.add_payslip(PayslipDraft(pa.id, date(2026, 4, 12), Money(25600)))
    with pytest.raises(DomainError, match="has payslips"):
        ctx.employer.remove(pa.id)
