"""app/store/balance.py: the balance checkpoint the writer keeps, so a ledger opens without
summing every entry. It stays the entries' own sum through every kind of change, is not
trusted when something else wrote last, and verify reports it when changed behind the app."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import ProfileContext
from app.store import database
from app.store.writer import MIGRATING_FLAG

TODAY = date(2025, 6, 30)


def stored(raw: Any) -> tuple[int, int]:
    return tuple(raw.execute("SELECT total, entries FROM balance_checkpoint").fetchone())


def summed(raw: Any) -> tuple[int, int]:
    return tuple(raw.execute("SELECT coalesce(sum(amount), 0), count(*) FROM entry").fetchone())


def draft(pence: int, on: date = date(2025, 4, 10)) -> EntryDraft:
    return EntryDraft(on, Money(pence), "Jo (PA)", "pa_wages" if pence < 0 else
                      "council_payment")


def test_the_checkpoint_follows_every_change(ctx: ProfileContext,
                                             behind_the_app: Callable[..., Any]) -> None:
    raw = behind_the_app(ctx)
    assert stored(raw) == summed(raw) == (0, 0)
    ctx.ledger.add_entries([draft(168000, date(2025, 4, 2)), draft(-25000), draft(-1000)],
                           TODAY)
    assert stored(raw) == summed(raw) == (142000, 3)
    first = ctx.ledger.page()[0].entry
    ctx.undo.run("Change", lambda: ctx.ledger.update_entry(first.id, draft(-4000), TODAY))
    assert stored(raw) == summed(raw) == (139000, 3)
    ctx.undo.undo()
    assert stored(raw) == summed(raw) == (142000, 3)
    ctx.undo.redo()
    ctx.ledger.delete_entry(first.id, confirmed=True)
    assert stored(raw) == summed(raw) == (143000, 2)
    assert ctx.ledger.balance() == Money(143000) + opening(raw)
    assert ctx.history.verify().is_whole


def opening(raw: Any) -> Money:
    return Money(raw.execute("SELECT coalesce(sum(opening_balance), 0) FROM account")
                 .fetchone()[0])


def test_balances_come_from_the_checkpoint(ctx: ProfileContext,
                                           behind_the_app: Callable[..., Any]) -> None:
    """Proved by changing it: the balance shown moves with the checkpoint, not the entries."""
    ctx.ledger.add_entries([draft(50000, date(2025, 4, 2)), draft(-2000)], TODAY)
    raw = behind_the_app(ctx)
    before = ctx.ledger.balance()
    raw.execute("UPDATE balance_checkpoint SET total = total + 7")
    assert ctx.ledger.balance() == before + Money(7)
    assert ctx.ledger.page()[0].balance == before + Money(7)


def test_a_checkpoint_behind_the_newest_event_is_not_used(
        ctx: ProfileContext, behind_the_app: Callable[..., Any]) -> None:
    ctx.ledger.add_entries([draft(50000, date(2025, 4, 2))], TODAY)
    raw = behind_the_app(ctx)
    right = ctx.ledger.balance()
    raw.execute("UPDATE balance_checkpoint SET total = total + 7, event_id = event_id - 1")
    assert ctx.ledger.balance() == right  # summed from the entries instead
    ctx.ledger.add_entries([draft(-300)], TODAY)  # the writer counts it afresh
    assert stored(raw) == summed(raw)


def test_future_entries_are_taken_off_a_balance_to_a_day(ctx: ProfileContext) -> None:
    ctx.ledger.add_entries([draft(50000, date(2025, 4, 2)), draft(-2000, date(2025, 9, 1))],
                           TODAY)
    assert ctx.ledger.balance(date(2025, 6, 1)) == ctx.ledger.balance() + Money(2000)


def test_verify_reports_a_tampered_checkpoint(ctx: ProfileContext,
                                              behind_the_app: Callable[..., Any]) -> None:
    ctx.ledger.add_entries([draft(50000, date(2025, 4, 2))], TODAY)
    assert ctx.history.verify().is_whole
    behind_the_app(ctx).execute("UPDATE balance_checkpoint SET total = total + 100")
    check = ctx.history.verify()
    assert check.checkpoint_wrong and not check.is_whole


def test_the_migration_counts_what_is_there(ctx: ProfileContext,
                                            behind_the_app: Callable[..., Any]) -> None:
    ctx.ledger.add_entries([draft(50000, date(2025, 4, 2)), draft(-1234)], TODAY)
    engine = ctx.profile.engine
    from alembic import command

    with engine.begin() as conn:  # back to the schema before the checkpoint, entries kept
        conn.info[MIGRATING_FLAG] = True
        command.downgrade(database.alembic_config(conn), "-1")
        conn.info.pop(MIGRATING_FLAG, None)
    database.upgrade(engine)
    raw = behind_the_app(ctx)
    assert stored(raw) == summed(raw) == (48766, 2)
