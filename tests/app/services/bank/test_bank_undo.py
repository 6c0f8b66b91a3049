"""Undo and redo through one stack: every command's inverse is exact."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.bank_import import BankImportService
from app.services.evidence import EvidenceService
from app.services.ledger import LedgerService
from app.services.profiles import OpenProfile
from app.services.reconcile import ReconciliationService
from app.services.services_log import ServicesLogService, VisitDraft
from app.services.undo import (
    AddEntry,
    AddVisit,
    AttachEvidence,
    DeleteEntry,
    EditEntry,
    EditVisit,
    ImportStatement,
    LockReconciliation,
    SetCleared,
    UndoStack,
)
from app.store.models import EntryRow

TODAY = date(2026, 11, 29)
SAMPLES = Path(__file__).resolve().parents[3] / "fixtures" / "bank"
PDF = b"%PDF-1.4\n%%EOF\n"


def _state(profile: OpenProfile) -> list[tuple]:
    """Every entry column, so 'exact' means exact."""
    with profile.session() as s:
        rows = s.scalars(select(EntryRow).order_by(EntryRow.id))
        keys = [c.key for c in EntryRow.__mapper__.column_attrs]
        return [tuple(getattr(r, k) for k in keys) for r in rows]


def test_add_edit_delete_undo_redo_exactly(profile: OpenProfile) -> None:
    stack = UndoStack()
    draft = EntryDraft(date(2026, 9, 1), Money(-2500), "Jo Evans", "pa_wages")
    stack.push(AddEntry(profile, draft=draft, today=TODAY))
    after_add = _state(profile)
    entry_id = after_add[0][0]
    stack.push(EditEntry(profile, entry_id, EntryDraft(date(2026, 9, 2), Money(-2600), "Jo E",
                                                       "pa_wages"), today=TODAY))
    after_edit = _state(profile)
    stack.push(DeleteEntry(profile, entry_id))
    assert _state(profile) == []
    assert stack.undo() == "Delete entry"
    assert _state(profile) == after_edit
    assert stack.undo() == "Change entry"
    assert _state(profile) == after_add
    assert stack.undo() == "Add entry"
    assert _state(profile) == []
    assert stack.undo() is None
    stack.redo()
    assert _state(profile) == after_add  # the same id, the same created_at
    stack.redo()
    assert _state(profile) == after_edit
    stack.redo()
    assert _state(profile) == [] and stack.redo_label is None


def test_undo_import_and_redo(profile: OpenProfile) -> None:
    service = BankImportService(profile)
    preview = service.preview((SAMPLES / "monzo_3.csv").read_bytes(), "monzo_3.csv", 1,
                              today=TODAY)
    stack = UndoStack()
    stack.push(ImportStatement(profile, service=service, preview=preview, today=TODAY))
    imported = _state(profile)
    assert len(imported) == 9
    stack.undo()
    assert _state(profile) == []
    again = service.preview((SAMPLES / "monzo_3.csv").read_bytes(), "m.csv", 1, today=TODAY)
    assert again.count(again.rows[0].status) == 9  # all new again after the undo
    stack.redo()
    assert _state(profile) == imported


def test_reconcile_evidence_and_visits_undo(profile: OpenProfile) -> None:
    ledger = LedgerService(profile)
    entry = ledger.add_entry(EntryDraft(date(2026, 9, 1), Money(5000), "Council",
                                        "council_payment"), today=TODAY)
    reconcile = ReconciliationService(profile)
    rec = reconcile.start(1, date(2026, 9, 30), Money(5000))
    stack = UndoStack()
    stack.push(SetCleared(reconcile, rec.id, entry.id, True))
    stack.push(LockReconciliation(reconcile, rec.id))
    evidence = EvidenceService(profile)
    stack.push(AttachEvidence(evidence, entry.id, "remittance.pdf", PDF))
    log = ServicesLogService(profile)
    stack.push(AddVisit(log, VisitDraft(date(2026, 9, 2), "PA", 60, 60, 1200)))
    visit_id = log.visits()[0].id
    stack.push(EditVisit(log, visit_id, VisitDraft(date(2026, 9, 2), "PA", 60, 45, 1200)))
    assert log.get(visit_id).draft.delivered_minutes == 45
    stack.undo()
    assert log.get(visit_id).draft.delivered_minutes == 60
    stack.undo()
    assert log.visits() == []
    stack.undo()
    assert evidence.for_entry(entry.id) == []
    stack.undo()
    assert not reconcile.get(rec.id).locked
    stack.undo()
    assert reconcile.get(rec.id).difference == Money(5000)


def test_a_failed_command_is_not_pushed(profile: OpenProfile) -> None:
    stack = UndoStack()
    seen: list[str | None] = []
    stack.listeners.append(lambda: seen.append(stack.undo_label))
    bad = EntryDraft(date(2026, 9, 1), Money(0), "X", "pa_wages")
    try:
        stack.push(AddEntry(profile, draft=bad, today=TODAY))
    except Exception:  # noqa: BLE001 - the ledger's own validation error
        pass
    assert stack.undo_label is None and seen == []


def test_removal_is_audited_with_what_was_removed(profile: OpenProfile) -> None:
    import json

    stack = UndoStack()
    draft = EntryDraft(date(2026, 9, 1), Money(-2500), "Jo Evans", "pa_wages")
    stack.push(AddEntry(profile, draft=draft, today=TODAY))
    stack.undo()
    event = LedgerService(profile).audit_events()[-1]
    assert event.action == "undo"
    before = json.loads(event.detail)["before"][0]
    assert (before["amount_pence"], before["payee"], before["on"]) == (-2500, "Jo Evans",
                                                                       "2026-09-01")
