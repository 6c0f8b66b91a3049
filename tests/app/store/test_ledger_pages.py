"""The driver-level page query gives exactly what the ORM would."""

from datetime import date

from sqlalchemy import select

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.ledger import LedgerService
from app.store.ledger_pages import entries_below
from app.store.models import EntryRow


def test_driver_pages_match_the_orm(ledger: LedgerService) -> None:
    ledger.add_entries([EntryDraft(date(2025, 4, d), Money(-100 * d), f"Payee {d}", "pa_wages",
                                   f"memo {d}") for d in range(1, 8)], date(2025, 5, 1))
    with ledger.profile.session() as s:
        first = entries_below(s, None, 4)
        fast = first + entries_below(s, (first[-1].on, first[-1].id), 10)
        orm = s.scalars(select(EntryRow).order_by(EntryRow.on.desc(), EntryRow.id.desc()))
        expected = [(r.id, r.on, r.amount, r.payee, r.category_code, r.memo, r.approval_reason,
                     r.account_id, r.created_by, r.created_at) for r in orm]
    got = [(e.id, e.on, e.amount, e.payee, e.category_code, e.memo, e.approval_reason,
            e.account_id, e.created_by, e.created_at) for e in fast]
    assert got == expected
