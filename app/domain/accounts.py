"""Where the money is kept: a bank account, a prepaid card or a cash tin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.money import Money


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    kind: str
    opening_balance: Money
    opening_date: date  # the records start on this day; earlier money is the opening balance


@dataclass(frozen=True)
class BankBalance:
    """A balance the bank stated on a day: from a checked statement or an imported file."""

    account_id: int
    on: date
    balance: Money
