"""One undo stack for every change: each step's inverse is exact, whatever was changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app.domain.audit import decode
from app.domain.chosen_providers import ChosenProviderDraft, ProviderKind
from app.domain.council_rules import find_template
from app.domain.entries import EntryDraft
from app.domain.errors import DomainError
from app.domain.funding import StreamRequest, StreamType
from app.domain.money import Money
from app.domain.owed import Liabilities
from app.domain.roles import Role
from app.domain.visits import VisitDraft
from app.services.context import ProfileContext
from app.store.writer import ChangedSince

TODAY = date(2026, 11, 29)
SAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "bank"
PDF = b"%PDF-1.4\n%%EOF\n"
State = Callable[[ProfileContext], dict[str, list[tuple[object, ...]]]]


def test_add_change_delete_undo_redo_exactly(ctx: ProfileContext, db_state: State) -> None:
    stack, ledger = ctx.undo, ctx.ledger
    draft = EntryDraft(date(2026, 9, 1), Money(-2500), "Jo Evans", "pa_wages")
    states = [db_state(ctx)]
    entry = stack.run("Add entry", lambda: ledger.add_entry(draft, TODAY))
    states.append(db_state(ctx))
    stack.run("Change entry", lambda: ledger.update_entry(
        entry.id, EntryDraft(date(2026, 9, 2), Money(-2600), "Jo E", "pa_wages"), TODAY))
    states.append(db_state(ctx))
    stack.run("Delete entry", lambda: ledger.delete_entry(entry.id))
    states.append(db_state(ctx))
    for expected, label in zip(reversed(states[:-1]), ["Delete entry", "Change entry",
                                                        "Add entry"], strict=True):
        assert stack.undo() == label
        assert db_state(ctx) == expected
    assert stack.undo() is None
    for expected in states[1:]:
        stack.redo()
        assert db_state(ctx) == expected  # the same ids, the same created_at
    assert stack.redo_label is None
    assert ctx.history.verify().is_whole


def test_deleting_an_entry_with_links_comes_back_whole(ctx: ProfileContext,
                                                       db_state: State) -> None:
    entry = ctx.ledger.add_entry(EntryDraft(date(2026, 9, 1), Money(-5000), "Agency",
                                            "agency_care"), TODAY)
    ctx.evidence.attach(entry.id, "invoice.pdf", PDF)
    visit = ctx.visits.add(VisitDraft(date(2026, 9, 1), "Agency", 60, 60, 2000))
    ctx.visits.link_payment(entry.id, [visit.id])
    before = db_state(ctx)
    ctx.undo.run("Delete entry", lambda: ctx.ledger.delete_entry(entry.id))
    after = db_state(ctx)
    assert after["evidence_link"] == [] and after["service_payment"] == []
    ctx.undo.undo()
    assert db_state(ctx) == before


def test_undo_an_import_and_redo_it(ctx: ProfileContext, db_state: State) -> None:
    preview = ctx.imports.preview((SAMPLES / "monzo_3.csv").read_bytes(), "monzo_3.csv", 1,
                                  today=TODAY)
    empty = db_state(ctx)
    ctx.undo.run("Import", lambda: ctx.imports.commit(preview, TODAY))
    imported = db_state(ctx)
    assert len(imported["entry"]) == 9
    ctx.undo.undo()
    assert db_state(ctx) == empty
    again = ctx.imports.preview((SAMPLES / "monzo_3.csv").read_bytes(), "m.csv", 1, today=TODAY)
    assert again.count(again.rows[0].status) == 9  # all new again after the undo
    ctx.undo.redo()
    assert db_state(ctx) == imported


def test_every_kind_of_change_can_be_undone(ctx: ProfileContext, db_state: State) -> None:
    """Providers, people, rules, funding, plan lines, owed, reconciliation, evidence,
    visits: whatever a person changes, undo puts back exactly."""
    entry = ctx.ledger.add_entry(EntryDraft(date(2026, 9, 1), Money(5000), "Council",
                                            "council_payment"), TODAY)
    changes: list[tuple[str, Callable[[], object]]] = [
        ("provider", lambda: ctx.providers.add(ChosenProviderDraft(
            "Jo", date(2026, 1, 1), kind=ProviderKind.PA, agreed_hourly_rate=Money(1300)))),
        ("person", lambda: ctx.people.add("Sam Carer", Role.CARER)),
        ("rule", lambda: ctx.rules.choose_rule(find_template("yearly_4_weeks_contingency"))),
        ("funding", lambda: ctx.funding.add(StreamRequest(StreamType.NHS_PHB, Money(3000),
                                                          date(2026, 1, 1)))),
        ("new rate", lambda: ctx.funding.change(StreamType.COUNCIL_DP, Money(45000),
                                                date(2026, 4, 1))),
        ("plan", lambda: ctx.plan.add("Line 1", Money(10000))),
        ("owed", lambda: ctx.owed.set(date(2026, 9, 30), Liabilities(Money(100)))),
        ("reconcile", lambda: ctx.reconcile.start(1, date(2026, 9, 30), Money(5000))),
        ("evidence", lambda: ctx.evidence.attach(entry.id, "r.pdf", PDF)),
        ("visit", lambda: ctx.visits.add(VisitDraft(date(2026, 9, 2), "PA", 60, 60, 1200))),
    ]
    for label, change in changes:
        before = db_state(ctx)
        ctx.undo.run(label, change)
        after = db_state(ctx)
        assert after != before, label
        assert ctx.undo.undo() == label
        assert db_state(ctx) == before, label
        ctx.undo.redo()
        assert db_state(ctx) == after, label
    assert ctx.history.verify().is_whole


def test_a_failed_change_is_not_kept(ctx: ProfileContext) -> None:
    seen: list[str | None] = []
    ctx.undo.listeners.append(lambda: seen.append(ctx.undo.undo_label))
    bad = EntryDraft(date(2026, 9, 1), Money(0), "X", "pa_wages")
    with pytest.raises(DomainError):
        ctx.undo.run("Add entry", lambda: ctx.ledger.add_entry(bad, TODAY))
    assert ctx.undo.undo_label is None and seen == []


def test_undo_never_overwrites_a_record_changed_since(ctx: ProfileContext) -> None:
    entry = ctx.undo.run("Add", lambda: ctx.ledger.add_entry(
        EntryDraft(date(2026, 9, 1), Money(-100), "Jo", "pa_wages"), TODAY))
    ctx.ledger.update_entry(entry.id, EntryDraft(date(2026, 9, 1), Money(-200), "Jo",
                                                 "pa_wages"), TODAY)  # outside the stack
    with pytest.raises(ChangedSince):
        ctx.undo.undo()
    assert ctx.ledger.get_entry(entry.id).amount == Money(-200)


def test_undo_is_audited_with_its_images(ctx: ProfileContext) -> None:
    ctx.undo.run("Add entry", lambda: ctx.ledger.add_entry(
        EntryDraft(date(2026, 9, 1), Money(-2500), "Jo Evans", "pa_wages"), TODAY))
    ctx.undo.undo()
    body = decode(ctx.history.events()[-1])
    assert body.cause.kind == "undo" and body.cause.label == "Add entry"
    (change,) = body.changes
    assert change.after is None and change.before is not None
    assert (change.before["amount"], change.before["payee"]) == (-2500, "Jo Evans")
