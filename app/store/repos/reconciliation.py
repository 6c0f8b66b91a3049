"""Bank statements checked against the ledger."""

from __future__ import annotations

from datetime import date

from app.domain.money import Money
from app.store.sql import Connection, day, first, money, rows, scalar


class ReconciliationRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, rec_id: int) -> tuple[int, int, date, Money, bool] | None:
        row = first(self.conn, "SELECT id, account_id, statement_date, closing_balance, locked "
                               "FROM reconciliation WHERE id = ?", (rec_id,))
        if row is None:
            return None
        return row[0], row[1], day(row[2]), money(row[3]), bool(row[4])

    def cleared_balance(self, account_id: int, up_to: date) -> Money:
        """The account's opening balance plus every ticked or reconciled entry up to a day."""
        opening = scalar(self.conn, "SELECT opening_balance FROM account WHERE id = ?",
                         (account_id,))
        moved = scalar(self.conn, "SELECT coalesce(sum(amount), 0) FROM entry WHERE "
                                  'account_id = ? AND "on" <= ? '
                                  "AND (cleared = 1 OR reconciled = 1)",
                       (account_id, up_to.isoformat()))
        return Money(int(opening or 0) + int(moved or 0))

    def open_cleared_ids(self, account_id: int, up_to: date) -> list[int]:
        return [i for (i,) in rows(
            self.conn, 'SELECT id FROM entry WHERE account_id = ? AND "on" <= ? AND cleared = 1 '
                       "AND reconciled = 0 ORDER BY id", (account_id, up_to.isoformat()))]

    def locked_ids(self, rec_id: int) -> list[int]:
        return [i for (i,) in rows(
            self.conn, "SELECT entry_id FROM reconciled_entry WHERE reconciliation_id = ? "
                       "ORDER BY entry_id", (rec_id,))]
