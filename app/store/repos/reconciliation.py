"""Bank statements checked against the ledger."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, func, or_, select

from app.domain.money import Money
from app.store.models import account_table, entry_table
from app.store.models_bank import reconciled_entry_table, reconciliation_table

R = reconciliation_table
RE = reconciled_entry_table
N = entry_table
A = account_table


class ReconciliationRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, rec_id: int) -> tuple[int, int, date, Money, bool] | None:
        row = self.conn.execute(select(R.c.id, R.c.account_id, R.c.statement_date,
                                       R.c.closing_balance, R.c.locked)
                                .where(R.c.id == rec_id)).first()
        return None if row is None else tuple(row)

    def cleared_balance(self, account_id: int, up_to: date) -> Money:
        """The account's opening balance plus every ticked or reconciled entry up to a day."""
        opening = self.conn.execute(select(A.c.opening_balance).where(
            A.c.id == account_id)).scalar() or Money(0)
        moved = self.conn.execute(select(func.coalesce(func.sum(N.c.amount), 0)).where(
            N.c.account_id == account_id, N.c.on <= up_to,
            or_(N.c.cleared.is_(True), N.c.reconciled.is_(True)))).scalar()
        pence = moved.pence if isinstance(moved, Money) else int(moved or 0)
        return opening + Money(pence)

    def open_cleared_ids(self, account_id: int, up_to: date) -> list[int]:
        return list(self.conn.execute(select(N.c.id).where(
            N.c.account_id == account_id, N.c.on <= up_to, N.c.cleared.is_(True),
            N.c.reconciled.is_(False)).order_by(N.c.id)).scalars())

    def locked_ids(self, rec_id: int) -> list[int]:
        return list(self.conn.execute(select(RE.c.entry_id).where(
            RE.c.reconciliation_id == rec_id).order_by(RE.c.entry_id)).scalars())
