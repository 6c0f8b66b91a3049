"""Money still to be paid out of the balance: wages, tax and National Insurance, pension
contributions and unpaid invoices. The surplus is worked out after these."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import ValidationError
from app.domain.money import Money
from app.i18n import _


@dataclass(frozen=True)
class Liabilities:
    wages_owed: Money = Money(0)
    hmrc_due: Money = Money(0)
    pension_due: Money = Money(0)
    unpaid_invoices: Money = Money(0)
    # True: wages, HMRC and pension come from payslips less the payments linked to them;
    # False: all four were entered by hand. Unpaid invoices are always entered by hand.
    from_payslips: bool = False

    @property
    def total(self) -> Money:
        return self.wages_owed + self.hmrc_due + self.pension_due + self.unpaid_invoices

    def validate(self) -> Liabilities:
        if any(m.pence < 0 for m in (self.wages_owed, self.hmrc_due, self.pension_due,
                                     self.unpaid_invoices)):
            raise ValidationError("owed", _("Amounts owed cannot be less than zero."))
        return self


NOTHING_OWED = Liabilities()
