"""Amounts owed from payslips, less the payments linked to them (pure sums)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain.money import Money
from app.employer.owed import Allocation, allocate, derived_owed
from app.employer.records import Part, Payslip, PayslipDraft

DAY0 = date(2026, 4, 1)


def slip(n: int, end: date, gross: int, tax: int = 0, ni: int = 0, er_ni: int = 0,
         pension: int = 0, er_pension: int = 0,
         paid: dict[Part, Money] | None = None) -> Payslip:
    draft = PayslipDraft(1, end, Money(gross), Money(tax), Money(ni), Money(er_ni),
                         Money(pension), Money(er_pension))
    return Payslip(n, draft, end - timedelta(days=6), paid or {})


def test_parts_of_a_payslip() -> None:
    s = slip(1, DAY0, 100000, tax=5000, ni=3000, er_ni=4000, pension=2000, er_pension=1500)
    assert (s.draft.net, s.draft.hmrc, s.draft.pension) == (Money(90000), Money(12000),
                                                            Money(3500))


def test_only_periods_ended_and_payments_made_by_the_day_count() -> None:
    slips = [slip(1, date(2026, 4, 5), 10000), slip(2, date(2026, 4, 12), 20000)]
    paid = [Allocation(7, date(2026, 4, 8), 1, Part.WAGES, Money(10000))]
    assert derived_owed(slips, paid, date(2026, 4, 7)).wages == Money(10000)
    assert derived_owed(slips, paid, date(2026, 4, 8)).wages == Money(0)
    assert derived_owed(slips, paid, date(2026, 4, 12)).wages == Money(20000)


def test_allocate_oldest_first_and_keep_what_is_left_over() -> None:
    slips = [slip(2, date(2026, 4, 12), 20000), slip(1, date(2026, 4, 5), 10000)]
    pairs, left = allocate(Money(25000), slips, Part.WAGES)
    assert pairs == [(1, Money(10000)), (2, Money(15000))] and left == Money(0)
    pairs, left = allocate(Money(35000), slips, Part.WAGES)
    assert left == Money(5000)


amounts = st.integers(0, 200_000)


@st.composite
def records(draw: st.DrawFn) -> tuple[list[Payslip], list[Allocation]]:
    slips = []
    for n in range(1, draw(st.integers(1, 6)) + 1):
        gross = draw(st.integers(1, 300_000))
        tax, ni = draw(st.integers(0, gross // 3)), draw(st.integers(0, gross // 3))
        pension = draw(st.integers(0, gross // 3))
        slips.append(slip(n, DAY0 + timedelta(days=draw(st.integers(0, 60))), gross, tax, ni,
                          draw(amounts), pension, draw(amounts)))
    allocations: list[Allocation] = []
    for entry in range(1, draw(st.integers(0, 6)) + 1):
        part = draw(st.sampled_from(list(Part)))
        on = DAY0 + timedelta(days=draw(st.integers(0, 90)))
        current = [Payslip(s.id, s.draft, s.period_start, {
            p: Money(sum(a.amount.pence for a in allocations
                         if a.payslip_id == s.id and a.part is p)) for p in Part})
            for s in slips]
        pairs, _left = allocate(Money(draw(st.integers(1, 400_000))), current, part)
        allocations += [Allocation(entry, on, sid, part, m) for sid, m in pairs]
    return slips, allocations


@given(records(), st.integers(0, 100))
def test_owed_is_payslips_less_the_payments_linked_to_them(
        data: tuple[list[Payslip], list[Allocation]], offset: int) -> None:
    slips, allocations = data
    day = DAY0 + timedelta(days=offset)
    owed = derived_owed(slips, allocations, day)
    ended = {s.id for s in slips if s.draft.period_end <= day}
    for part, figure in ((Part.WAGES, owed.wages), (Part.HMRC, owed.hmrc),
                         (Part.PENSION, owed.pension)):
        slipped = sum(s.draft.part(part).pence for s in slips if s.id in ended)
        linked = sum(a.amount.pence for a in allocations
                     if a.part is part and a.on <= day and a.payslip_id in ended)
        assert figure.pence == slipped - linked
        assert figure.pence >= 0  # payments are never set against more than was owed
