"""Money owed out of the balance, as entered on a day."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, select

from app.domain.owed import Liabilities
from app.store.models import money_owed_table

T = money_owed_table


class OwedRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def latest(self, since: date, up_to: date) -> tuple[date, Liabilities] | None:
        """The latest record dated since..up_to (inclusive), with its date."""
        row = self.conn.execute(
            select(T.c.as_of, T.c.wages_owed, T.c.hmrc_due, T.c.pension_due,
                   T.c.unpaid_invoices).where(T.c.as_of >= since, T.c.as_of <= up_to)
            .order_by(T.c.as_of.desc()).limit(1)).first()
        if row is None:
            return None
        return row[0], Liabilities(row[1], row[2], row[3], row[4])

    def id_on(self, as_of: date) -> int | None:
        value: int | None = self.conn.execute(select(T.c.id).where(T.c.as_of == as_of)).scalar()
        return value
