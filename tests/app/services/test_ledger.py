from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.entries import EntryDraft
from app.domain.errors import NeedsConfirmation, ValidationError
from app.domain.money import Money
from app.services.context import ProfileContext
from app.services.ledger import EntryNotFound, ReconciledEntryChange

TODAY = date(2025, 6, 30)


def out(pence: int, on: date = date(2025, 4, 10), payee: str = "Jo (PA)",
        line: str = "") -> EntryDraft:
    return EntryDraft(on, Money(-pence), payee, "pa_wages", plan_line=line)


def paid_in(pence: int, on: date = date(2025, 4, 2)) -> EntryDraft:
    return EntryDraft(on, Money(pence), "Testshire CC", "council_payment")


def test_balance_runs_newest_first(ctx: ProfileContext) -> None:
    ctx.ledger.add_entries([paid_in(168000), out(25000, date(2025, 4, 5)), out(1000)], TODAY)
    rows = ctx.ledger.page()
    assert [r.entry.amount.pence for r in rows] == [-1000, -25000, 168000]
    assert [r.balance.pence for r in rows] == [142000, 143000, 168000]


def test_same_day_entries_keep_the_order_they_were_made(ctx: ProfileContext) -> None:
    ctx.ledger.add_entries([paid_in(500, date(2025, 4, 1)), out(100, date(2025, 4, 1)),
                            out(200, date(2025, 4, 1))], TODAY)
    assert [r.balance.pence for r in ctx.ledger.page()] == [200, 400, 500]


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amounts=st.lists(st.integers(-500_000, 500_000).filter(bool), min_size=1, max_size=40),
       page_size=st.integers(1, 9))
def test_paging_gives_every_entry_once_with_exact_balances(
        ctx: ProfileContext, amounts: list[int], page_size: int) -> None:
    start = ctx.ledger.balance().pence
    existing = ctx.ledger.count()
    drafts = [paid_in(a, date(2025, 4, 1) + timedelta(days=i % 30)) if a > 0
              else out(-a, date(2025, 4, 1) + timedelta(days=i % 30))
              for i, a in enumerate(amounts)]
    ctx.ledger.add_entries(drafts, TODAY)
    rows, after = [], None
    while batch := ctx.ledger.page(after, page_size):
        rows.extend(batch)
        after = (batch[-1].entry.on, batch[-1].entry.id)
    assert len(rows) == existing + len(amounts)
    assert len({r.entry.id for r in rows}) == len(rows)
    assert rows[0].balance.pence == start + sum(amounts)
    # Walking down the list, each balance is the one above less that row's amount.
    for above, below in zip(rows, rows[1:], strict=False):
        assert below.balance == above.balance - above.entry.amount


def test_edit_and_delete_leave_one_event_each(ctx: ProfileContext) -> None:
    entry = ctx.ledger.add_entry(out(2500), TODAY)
    ctx.ledger.update_entry(entry.id, out(2600), TODAY)
    assert ctx.ledger.get_entry(entry.id).amount == Money(-2600)
    ctx.ledger.delete_entry(entry.id)
    with pytest.raises(EntryNotFound):
        ctx.ledger.get_entry(entry.id)
    events = ctx.history.events()
    assert [e.action for e in events] == ["create_profile", "add", "change", "delete"]
    assert all(e.actor == "Ann Example" for e in events)
    assert ctx.history.verify().is_whole


def test_an_invalid_change_changes_nothing(ctx: ProfileContext) -> None:
    entry = ctx.ledger.add_entry(out(2500), TODAY)
    with pytest.raises(ValidationError, match="not zero"):
        ctx.ledger.update_entry(entry.id, out(0), TODAY)
    assert ctx.ledger.get_entry(entry.id).amount == Money(-2500)
    assert len(ctx.history.events()) == 2


def test_one_bad_draft_and_none_is_saved(ctx: ProfileContext) -> None:
    with pytest.raises(ValidationError):
        ctx.ledger.add_entries([out(100), out(0)], TODAY)
    assert ctx.ledger.count() == 0


def test_entries_before_the_records_start_are_refused(ctx: ProfileContext) -> None:
    with pytest.raises(ValidationError, match="before the records start"):
        ctx.ledger.add_entry(out(100, date(2025, 3, 31)), TODAY)


def test_spending_the_council_must_agree_needs_its_reason(ctx: ProfileContext) -> None:
    equipment = EntryDraft(date(2025, 5, 1), Money(-9900), "Shop", "equipment")
    with pytest.raises(NeedsConfirmation):
        ctx.ledger.add_entry(equipment, TODAY)
    saved = ctx.ledger.add_entry(replace(equipment, approval_reason="Council email 1 May"),
                                 TODAY)
    assert saved.approval_reason == "Council email 1 May"


def test_a_plan_line_is_kept_and_a_new_name_joins_the_plan(ctx: ProfileContext) -> None:
    first = ctx.ledger.add_entry(out(100, line="Line 2: personal care"), TODAY)
    second = ctx.ledger.add_entry(out(200, line=" line 2:  PERSONAL care "), TODAY)
    lines = ctx.plan.lines()
    assert [line.name for line in lines] == ["Line 2: personal care"]
    assert first.plan_line_id == second.plan_line_id == lines[0].id
    changed = ctx.ledger.update_entry(first.id, out(100), TODAY)
    assert changed.plan_line_id is None


def test_a_reconciled_entry_changes_only_when_confirmed(ctx: ProfileContext) -> None:
    entry = ctx.ledger.add_entry(paid_in(5000), TODAY)
    rec = ctx.reconcile.start(1, date(2025, 4, 30), Money(5000))
    ctx.reconcile.set_cleared(rec.id, entry.id, True)
    ctx.reconcile.lock(rec.id)
    with pytest.raises(ReconciledEntryChange):
        ctx.ledger.update_entry(entry.id, paid_in(5001), TODAY)
    with pytest.raises(ReconciledEntryChange):
        ctx.ledger.delete_entry(entry.id)
    ctx.ledger.update_entry(entry.id, paid_in(5001), TODAY, confirmed=True)
    event = ctx.history.events()[-1]
    assert '"reconciled":true' in event.detail


def test_the_holder_is_named_with_the_council(ctx: ProfileContext) -> None:
    holder = ctx.ledger.holder()
    assert (holder.name, holder.council_name, holder.council_reference) == (
        "Ann Example", "Testshire County Council", "TC-123")


def test_correcting_an_imported_entry_teaches_a_payee_rule(make_ctx: Callable[..., ProfileContext]
                                                          ) -> None:
    ctx = make_ctx("Learner", start=date(2026, 1, 1))
    text = b"Date,Description,Amount\n01/09/2026,J EVANS PA WAGES,-120.00\n"  # generated
    today = date(2026, 11, 29)
    (entry_id,) = ctx.imports.commit(ctx.imports.preview(text, "a.csv", 1, today=today),
                                     today=today).entry_ids
    typed = ctx.ledger.add_entry(EntryDraft(date(2026, 9, 2), Money(-500), "Shop", "activities"),
                                 today=today)
    ctx.ledger.update_entry(typed.id, EntryDraft(date(2026, 9, 2), Money(-500), "Corner shop",
                                                 "activities"), today=today)
    assert ctx.payee_rules.rules() == []  # typed by hand: nothing the bank said to learn from
    entry = ctx.ledger.get_entry(entry_id)
    ctx.undo.run("Change", lambda: ctx.ledger.update_entry(entry_id, EntryDraft(
        entry.on, entry.amount, "Jo Evans (PA)", "pa_wages", entry.memo), today=today))
    (rule,) = ctx.payee_rules.rules()
    assert (rule.words, rule.payee, rule.category_code) == ("j evans pa", "Jo Evans (PA)",
                                                            "pa_wages")
    later = ctx.imports.preview(b"Date,Description,Amount\n01/10/2026,J EVANS PA WAGES,-130.00\n",
                                "b.csv", 1, today=today)
    assert (later.rows[0].payee, later.rows[0].category_code) == ("Jo Evans (PA)", "pa_wages")
    ctx.undo.undo()
    assert ctx.payee_rules.rules() == []  # one step: the change and what it taught
