"""Money owed out of the balance, as entered on a day."""

from __future__ import annotations

from datetime import date

from app.domain.owed import Liabilities
from app.store.sql import Connection, day, first, money, scalar


class OwedRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def latest(self, since: date, up_to: date) -> tuple[date, Liabilities] | None:
        """The latest record dated since..up_to (inclusive), with its date."""
        row = first(self.conn, "SELECT as_of, wages_owed, hmrc_due, pension_due, "
                               "unpaid_invoices FROM money_owed WHERE as_of >= ? AND as_of <= ? "
                               "ORDER BY as_of DESC LIMIT 1",
                    (since.isoformat(), up_to.isoformat()))
        if row is None:
            return None
        on, wages, hmrc, pension, invoices = row
        return day(on), Liabilities(money(wages), money(hmrc), money(pension), money(invoices))

    def id_on(self, as_of: date) -> int | None:
        value: int | None = scalar(self.conn, "SELECT id FROM money_owed WHERE as_of = ?",
                                   (as_of.isoformat(),))
        return value
