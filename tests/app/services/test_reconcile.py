"""Reconciling with a statement: difference until zero, lock, confirmed edits audited."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.entries import EntryDraft
from app.domain.errors import DomainError, NeedsConfirmation
from app.domain.money import Money
from app.services.context import ProfileContext

TODAY = date(2026, 11, 29)


def _add(ctx: ProfileContext, on: date, pence: int, payee: str, code: str) -> int:
    return ctx.ledger.add_entry(EntryDraft(on, Money(pence), payee, code), today=TODAY).id


@pytest.fixture
def entries(ctx: ProfileContext) -> list[int]:
    return [
        _add(ctx, date(2026, 9, 1), 120000, "Council", "council_payment"),
        _add(ctx, date(2026, 9, 5), -25000, "Jo Evans", "pa_wages"),
        _add(ctx, date(2026, 9, 20), -4000, "HMRC", "paye_ni"),
        _add(ctx, date(2026, 10, 2), -1000, "Later", "bank_charges"),
    ]


def test_difference_shrinks_to_zero_then_locks(ctx: ProfileContext, entries: list[int]) -> None:
    service = ctx.reconcile
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
    with pytest.raises(DomainError, match="already reconciled"):
        service.set_cleared(rec.id, entries[2], True)


def test_tick_everything_up_to_a_day(ctx: ProfileContext, entries: list[int]) -> None:
    rec = ctx.reconcile.start(1, date(2026, 9, 30), Money(91000))
    rec = ctx.reconcile.tick_up_to(rec.id, date(2026, 9, 20))
    assert rec.difference == Money(0)
    assert [c.cleared for c in ctx.reconcile.candidates(rec.id)] == [True, True, True]


def test_lock_refused_while_there_is_a_difference(ctx: ProfileContext,
                                                  entries: list[int]) -> None:
    rec = ctx.reconcile.start(1, date(2026, 9, 30), Money(95000))
    ctx.reconcile.set_cleared(rec.id, entries[0], True)
    with pytest.raises(DomainError, match="-£250.00"):
        ctx.reconcile.lock(rec.id)
    assert not ctx.reconcile.get(rec.id).locked


def test_a_reconciled_entry_changes_only_when_confirmed(ctx: ProfileContext,
                                                       entries: list[int]) -> None:
    rec = ctx.reconcile.start(1, date(2026, 9, 30), Money(120000))
    ctx.reconcile.set_cleared(rec.id, entries[0], True)
    ctx.reconcile.lock(rec.id)
    changed = EntryDraft(date(2026, 9, 1), Money(120001), "Council", "council_payment")
    with pytest.raises(NeedsConfirmation):
        ctx.ledger.update_entry(entries[0], changed, today=TODAY)
    assert ctx.ledger.get_entry(entries[0]).amount == Money(120000)
    ctx.ledger.update_entry(entries[0], changed, confirmed=True, today=TODAY)
    assert ctx.ledger.get_entry(entries[0]).amount == Money(120001)
    with pytest.raises(NeedsConfirmation):
        ctx.undo.run("Delete", lambda: ctx.ledger.delete_entry(entries[0]))
    ctx.undo.run("Delete", lambda: ctx.ledger.delete_entry(entries[0], confirmed=True))
    ctx.undo.undo()
    assert ctx.ledger.is_reconciled(entries[0])


def test_undoing_a_lock_makes_entries_editable_again(ctx: ProfileContext,
                                                     entries: list[int]) -> None:
    rec = ctx.reconcile.start(1, date(2026, 9, 30), Money(120000))
    ctx.reconcile.set_cleared(rec.id, entries[0], True)
    ctx.undo.run("Lock", lambda: ctx.reconcile.lock(rec.id))
    ctx.undo.undo()
    draft = EntryDraft(date(2026, 9, 1), Money(120000), "Council DP", "council_payment")
    assert ctx.ledger.update_entry(entries[0], draft, today=TODAY).payee == "Council DP"
    # A second statement counts the earlier reconciled entries in its cleared balance.
    assert ctx.reconcile.lock(rec.id).locked
    later = ctx.reconcile.start(1, date(2026, 10, 31), Money(119000))
    assert ctx.reconcile.set_cleared(later.id, entries[3], True).difference == Money(0)
