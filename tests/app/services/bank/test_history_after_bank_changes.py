"""The history check understands every kind of entry event: imports, undo, redo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.bank_import import BankImportService
from app.services.history import HistoryService
from app.services.profiles import OpenProfile
from app.services.undo import AddEntry, DeleteEntry, EditEntry, ImportStatement, UndoStack

TODAY = date(2026, 11, 29)
LLOYDS = Path(__file__).resolve().parents[3] / "fixtures" / "bank" / "lloyds.csv"


def whole(profile: OpenProfile) -> bool:
    return HistoryService(profile).verify().is_whole


def test_history_stays_whole_through_imports_and_undo(profile: OpenProfile) -> None:
    stack = UndoStack()
    service = BankImportService(profile)
    preview = service.preview(LLOYDS.read_bytes(), "lloyds.csv", service.account_id(None),
                              today=TODAY)
    stack.push(ImportStatement(profile, service=service, preview=preview, today=TODAY))
    assert whole(profile)
    add = AddEntry(profile, draft=EntryDraft(date(2026, 9, 1), Money(-2500), "Jo", "pa_wages"),
                   today=TODAY)
    stack.push(add)
    entry_id = add.ids[0]
    assert whole(profile)
    for _ in range(2):
        stack.undo()
        assert whole(profile)
    for _ in range(2):
        stack.redo()
        assert whole(profile)
    stack.push(EditEntry(profile, entry_id, EntryDraft(date(2026, 9, 2), Money(-2600), "Jo",
                                                       "pa_wages"), today=TODAY))
    assert whole(profile)
    stack.push(DeleteEntry(profile, entry_id))
    assert whole(profile)
    stack.undo()
    assert whole(profile)


def test_a_changed_imported_amount_is_found(profile: OpenProfile) -> None:
    service = BankImportService(profile)
    preview = service.preview(LLOYDS.read_bytes(), "lloyds.csv", service.account_id(None),
                              today=TODAY)
    ids = service.commit(preview, TODAY).entry_ids
    with profile.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE entry SET amount = amount - 1 WHERE id = ?", (ids[3],))
    check = HistoryService(profile).verify()
    assert check.first_broken is None  # the chain itself is intact...
    assert check.entries_not_matching == [ids[3]]  # ...but the entry no longer matches it
