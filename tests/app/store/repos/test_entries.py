"""The driver-level entry queries give exactly what SQLAlchemy Core reads through the table."""

from datetime import date

from sqlalchemy import select

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import ProfileContext
from app.store.models import entry_table


def test_driver_pages_match_sqlalchemy_core(ctx: ProfileContext) -> None:
    ctx.ledger.add_entries([EntryDraft(date(2025, 4, d), Money(-100 * d), f"Payee {d}",
                                       "pa_wages", f"memo {d}", plan_line="L" if d % 2 else "")
                            for d in range(1, 8)], date(2025, 5, 1))
    with ctx.store.read() as repos:
        first = repos.entries.below(None, 4)
        fast = first + repos.entries.below((first[-1].on, first[-1].id), 10)
    with ctx.store.engine.connect() as conn:
        core = conn.execute(select(entry_table).order_by(
            entry_table.c.on.desc(), entry_table.c.id.desc())).mappings()
        expected = [(r["id"], r["on"], r["amount"], r["payee"], r["category_code"], r["memo"],
                     r["approval_reason"], r["account_id"], r["created_by"], r["created_at"],
                     r["plan_line_id"], r["cleared"], r["reconciled"], r["import_id"])
                    for r in core]
    got = [(e.id, e.on, e.amount, e.payee, e.category_code, e.memo, e.approval_reason,
            e.account_id, e.created_by, e.created_at, e.plan_line_id, e.cleared, e.reconciled,
            e.import_id) for e in fast]
    assert got == expected


def test_balances_and_totals(ctx: ProfileContext) -> None:
    ctx.ledger.add_entries([EntryDraft(date(2025, 4, 2), Money(5000), "C", "council_payment"),
                            EntryDraft(date(2025, 4, 3), Money(-700), "Jo", "pa_wages"),
                            EntryDraft(date(2025, 5, 3), Money(-300), "Jo", "pa_wages")],
                           date(2025, 6, 1))
    with ctx.store.read() as repos:
        assert repos.entries.balance(date(2025, 4, 30)) == Money(4300)
        assert repos.entries.balance() == Money(4000)
        assert repos.entries.totals(date(2025, 4, 1), date(2025, 4, 30)) == (Money(5000),
                                                                            Money(700))
        assert [e.amount.pence for e in repos.entries.uncleared(date(2025, 4, 30))] == [5000,
                                                                                      -700]
