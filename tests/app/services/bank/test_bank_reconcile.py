"""Reconciling with a statement: difference until zero, lock, confirmed edits audited."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.entries import EntryDraft
from app.domain.errors import DomainError, NeedsConfirmation
from app.domain.money import Money
from app.services.ledger import LedgerService
from app.services.profiles import OpenProfile
from app.services.reconcile import ReconciliationService

TODAY = date(2026, 11, 29)


def _add(profile: OpenProfile, on: date, pence: int, payee: str, code: str) -> int:
    draft = EntryDraft(on, Money(pence), payee, code)
    return LedgerService(profile).add_entry(draft, today=TODAY).id


@pytest.fixture
def entries(profile: OpenProfile) -> list[int]:
    return [
        _add(profile, date(2026, 9, 1), 120000, "Council", "council_payment"),
        _add(profile, date(2026, 9, 5), -25000, "Jo Evans", "pa_wages"),
        _add(profile, date(2026, 9, 20), -4000, "HMRC", "paye_ni"),
        _add(profile, date(2026, 10, 2), -1000, "Later", "bank_charges"),
    ]


def test_difference_shrinks_to_zero_then_locks(profile: OpenProfile, entries: list[int]) -> None:
    service = ReconciliationService(profile)
    rec = service.start(1, date(2026, 9, 30), Money(95000))
    assert rec.difference == Money(95000)
    assert [c.entry_id for c in service.candidates(rec.id)] == entries[:3]
    rec = service.set_cleared(rec.id, entries[0], True)
    rec = service.set_cleared(rec.id, entries[1], True)
    assert rec.difference == Money(0)
    with pytest.raises(DomainError):
        service.set_cleared(rec.id, entries[3], True)  # after the statement date: not its entry
    locked = service.lock(rec.id)
    assert locked.locked
    ticks = {c.entry_id: c.reconciled for c in service.candidates(rec.id)}
    assert ticks == {entries[0]: True, entries[1]: True, entries[2]: False}


def test_lock_refused_while_there_is_a_difference(profile: OpenProfile,
                                                   entries: list[int]) -> None:
    service = ReconciliationService(profile)
    rec = service.start(1, date(2026, 9, 30), Money(95000))
    service.set_cleared(rec.id, entries[0], True)
    with pytest.raises(DomainError, match="-£250.00"):
        service.lock(rec.id)
    assert not service.get(rec.id).locked


def test_editing_a_reconciled_entry_needs_confirmation(profile: OpenProfile,
                                                       entries: list[int]) -> None:
    service = ReconciliationService(profile)
    rec = service.start(1, date(2026, 9, 30), Money(120000))
    service.set_cleared(rec.id, entries[0], True)
    service.lock(rec.id)
    changed = EntryDraft(date(2026, 9, 1), Money(120001), "Council", "council_payment")
    with pytest.raises(NeedsConfirmation):
        service.update_entry(entries[0], changed, today=TODAY)
    assert LedgerService(profile).get_entry(entries[0]).amount == Money(120000)
    service.update_entry(entries[0], changed, confirmed=True, today=TODAY)
    assert LedgerService(profile).get_entry(entries[0]).amount == Money(120001)
    last = LedgerService(profile).audit_events()[-1]
    assert last.action == "update" and '"reconciled_entry_changed":true' in last.detail


def test_deleting_a_reconciled_entry_needs_confirmation(profile: OpenProfile,
                                                        entries: list[int]) -> None:
    from app.services.undo import DeleteEntry, UndoStack

    service = ReconciliationService(profile)
    rec = service.start(1, date(2026, 9, 30), Money(120000))
    service.set_cleared(rec.id, entries[0], True)
    service.lock(rec.id)
    stack = UndoStack()
    with pytest.raises(NeedsConfirmation):
        stack.push(DeleteEntry(profile, entries[0]))
    with pytest.raises(NeedsConfirmation):
        LedgerService(profile).delete_entry(entries[0])
    assert LedgerService(profile).get_entry(entries[0])
    stack.push(DeleteEntry(profile, entries[0], confirmed=True))
    assert stack.undo() == "Delete entry"
    assert LedgerService(profile).is_reconciled(entries[0])


def test_unlock_makes_entries_editable_again(profile: OpenProfile, entries: list[int]) -> None:
    service = ReconciliationService(profile)
    rec = service.start(1, date(2026, 9, 30), Money(120000))
    service.set_cleared(rec.id, entries[0], True)
    service.lock(rec.id)
    service.unlock(rec.id)
    draft = EntryDraft(date(2026, 9, 1), Money(120000), "Council DP", "council_payment")
    assert service.update_entry(entries[0], draft, today=TODAY).payee == "Council DP"
    # A second statement counts the earlier reconciled entries in its cleared balance.
    assert service.lock(rec.id).locked
    later = service.start(1, date(2026, 10, 31), Money(119000))
    assert service.set_cleared(later.id, entries[3], True).difference == Money(0)
