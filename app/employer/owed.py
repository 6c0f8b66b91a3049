"""What payslips leave owed: wages to the PA, tax and NI to HMRC, contributions to the pension
scheme, less what payments linked to those payslips have paid."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.money import Money
from app.employer.records import Part, Payslip


@dataclass(frozen=True)
class Allocation:
    """Part of a payment (a ledger entry) set against one payslip."""

    entry_id: int
    on: date  # the payment's date
    payslip_id: int
    part: Part
    amount: Money


@dataclass(frozen=True)
class DerivedOwed:
    wages: Money
    hmrc: Money
    pension: Money

    @property
    def total(self) -> Money:
        return self.wages + self.hmrc + self.pension


def derived_owed(payslips: Iterable[Payslip], allocations: Iterable[Allocation], day: date
                 ) -> DerivedOwed:
    """Owed at the end of `day`: payslips whose period has ended by then, less payments dated
    up to then that are linked to them."""
    ended = {s.id: s for s in payslips if s.draft.period_end <= day}
    owed = {part: sum(s.draft.part(part).pence for s in ended.values()) for part in Part}
    for a in allocations:
        if a.on <= day and a.payslip_id in ended:
            owed[a.part] -= a.amount.pence
    return DerivedOwed(Money(owed[Part.WAGES]), Money(owed[Part.HMRC]), Money(owed[Part.PENSION]))


def allocate(amount: Money, payslips: Sequence[Payslip], part: Part
             ) -> tuple[list[tuple[int, Money]], Money]:
    """Set a payment against payslips oldest first, each up to what it still has owed;
    returns (payslip id, amount) pairs and what was left over."""
    left = amount.pence
    pairs = []
    for slip in sorted(payslips, key=lambda s: (s.draft.period_end, s.id)):
        share = min(left, slip.outstanding(part).pence)
        if share > 0:
            pairs.append((slip.id, Money(share)))
            left -= share
    return pairs, Money(left)
