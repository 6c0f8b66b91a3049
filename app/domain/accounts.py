"""Where the money is kept: a current account, a prepaid card, a credit card or a cash tin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.errors import ValidationError
from app.domain.money import Money
from app.i18n import _

MATCH_DAYS = 4  # a payment typed on a Friday may reach the bank on the Tuesday
MAX_MATCH_DAYS = 14
MAX_NAME = 100


class AccountKind(StrEnum):
    CURRENT = "bank"  # stored as "bank" since the first version
    PREPAID_CARD = "prepaid_card"  # most councils pay direct payments onto one
    CREDIT_CARD = "credit_card"
    CASH = "cash"

    @classmethod
    def of(cls, value: str) -> AccountKind:
        try:
            return cls(value)
        except ValueError:
            return cls.CURRENT

    @property
    def positive_is_money_in(self) -> bool:
        """What a bare positive amount in a bank file means for this kind of account: money
        in, except on a credit card, whose company writes what was spent as positive."""
        return self is not AccountKind.CREDIT_CARD

    def label(self) -> str:
        return {AccountKind.CURRENT: _("Current account"),
                AccountKind.PREPAID_CARD: _("Prepaid card"),
                AccountKind.CREDIT_CARD: _("Credit card"),
                AccountKind.CASH: _("Cash")}[self]


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    kind: str
    opening_balance: Money
    opening_date: date  # the records start on this day; earlier money is the opening balance
    match_days: int | None = None  # None: MATCH_DAYS

    @property
    def account_kind(self) -> AccountKind:
        return AccountKind.of(self.kind)

    @property
    def days_to_match(self) -> int:
        return MATCH_DAYS if self.match_days is None else self.match_days


@dataclass(frozen=True)
class BankBalance:
    """A balance the bank stated on a day: from a checked statement or an imported file."""

    account_id: int
    on: date
    balance: Money


def check_match_days(days: int) -> int:
    if not 0 <= days <= MAX_MATCH_DAYS:
        raise ValidationError("match_days", _(
            "Bank lines can be matched from 0 to {most} days apart.").format(
                most=MAX_MATCH_DAYS))
    return days


def check_account_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise ValidationError("name", _("Give the account a name (up to 100 letters)."))
    return name
