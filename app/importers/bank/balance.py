"""The closing balance a statement states, from its running balance, only when it adds up."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.money import Money
from app.importers.bank.model import StatedBalance, StatementRow


def trusted_closing(balances: Sequence[tuple[StatementRow, int]]) -> StatedBalance | None:
    """The balance after the latest line, when every line's balance is its neighbour's plus
    or minus its own amount, in date order (oldest or newest first). Lines whose balance
    could not be read must be left out by the caller only if it gives up: one gap breaks it.
    """
    if len(balances) < 2:
        return None  # one line cannot show that the balance column means what it says
    dates = [row.on for row, _b in balances]
    steps = list(zip(balances, balances[1:], strict=False))
    oldest_first = dates == sorted(dates) and all(
        b2 - b1 == r2.amount.pence for (_r1, b1), (r2, b2) in steps)
    newest_first = dates == sorted(dates, reverse=True) and all(
        b1 - b2 == r1.amount.pence for (r1, b1), (_r2, b2) in steps)
    if oldest_first == newest_first:
        return None  # neither order adds up (or, all on one day, both do): not to be trusted
    row, balance = balances[-1] if oldest_first else balances[0]
    return StatedBalance(row.on, Money(balance))
