"""The closing balance a statement states, from its running balance, only when it adds up."""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.money import Money
from app.importers.bank.model import StatedBalance, StatementRow


def trusted_closing(balances: Iterable[tuple[StatementRow, int | None]]
                    ) -> StatedBalance | None:
    """The balance after the latest line, when every line's balance is its neighbour's plus
    or minus its own amount, in date order (oldest or newest first). A balance that could
    not be read (None) breaks it. Stops reading at the first line that does not add up."""
    oldest_first = newest_first = True
    first = last = None
    for row, balance in balances:
        if balance is None:
            return None
        if last is not None:
            before, had = last
            oldest_first = oldest_first and row.on >= before.on \
                and balance - had == row.amount.pence
            newest_first = newest_first and row.on <= before.on \
                and had - balance == before.amount.pence
            if not (oldest_first or newest_first):
                return None  # neither order adds up: not to be trusted
        first = first or (row, balance)
        last = (row, balance)
    if first is None or last is None or first is last or oldest_first == newest_first:
        return None  # one line cannot show it adds up; all on one day, both orders do
    row, balance = last if oldest_first else first
    return StatedBalance(row.on, Money(balance))
