"""Money owed out of the balance (wages, HMRC, pension, invoices), entered for a day."""

from __future__ import annotations

from datetime import date

from app.domain.audit import Cause
from app.domain.owed import Liabilities
from app.services.summary import owed_on
from app.store.profile_store import ProfileStore


class OwedService:
    def __init__(self, store: ProfileStore) -> None:
        self.store = store

    def on(self, day: date) -> Liabilities:
        with self.store.read() as repos:
            return owed_on(repos, repos.policy(), day)

    def set(self, as_of: date, owed: Liabilities) -> Liabilities:
        """What is owed on `as_of`, replacing what was entered for that day."""
        owed.validate()
        values = {"wages_owed": owed.wages_owed, "hmrc_due": owed.hmrc_due,
                  "pension_due": owed.pension_due, "unpaid_invoices": owed.unpaid_invoices,
                  "source": "hand"}
        with self.store.write(Cause("change")) as (repos, writer):
            row_id = repos.owed.id_on(as_of)
            if row_id is None:
                writer.insert("money_owed", {"as_of": as_of, **values})
            else:
                writer.update("money_owed", (row_id,), values)
        return owed
