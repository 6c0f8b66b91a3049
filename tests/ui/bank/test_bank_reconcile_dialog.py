from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.ledger import LedgerService
from app.services.profiles import OpenProfile
from app.services.reconcile import ReconciliationService
from app.services.undo import UndoStack
from ui.bank.reconcile_dialog import ReconcileDialog
from ui.bank.reconcile_model import Col

TODAY = date(2026, 11, 29)


def _dialog(qtbot, profile: OpenProfile, stack: UndoStack | None = None  # type: ignore[no-untyped-def]
            ) -> ReconcileDialog:
    ledger = LedgerService(profile)
    for on, pence, payee, code in ((date(2026, 9, 1), 50000, "Council", "council_payment"),
                                   (date(2026, 9, 3), -12000, "Jo", "pa_wages"),
                                   (date(2026, 9, 9), -500, "Bank", "bank_charges")):
        ledger.add_entry(EntryDraft(on, Money(pence), payee, code), today=TODAY)
    dialog = ReconcileDialog(ReconciliationService(profile), 1, stack)
    qtbot.addWidget(dialog)
    dialog.date_edit.setDate(QDate(2026, 9, 30))
    dialog.balance_edit.setText("380.00")
    dialog.start_button.click()
    return dialog


def _tick(dialog: ReconcileDialog, row: int) -> None:
    index = dialog.model.index(row, Col.CLEARED)
    assert dialog.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)


def test_tick_until_zero_then_lock(qtbot, profile: OpenProfile) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, profile)
    assert "£380.00" in dialog.difference.text()
    _tick(dialog, 0)
    assert "-£120.00" in dialog.difference.text() and not dialog.lock_button.isEnabled()
    _tick(dialog, 1)
    assert dialog.lock_button.isEnabled()
    dialog.lock_button.click()
    assert dialog.difference.text() == "Reconciled and locked."
    index = dialog.model.index(0, Col.CLEARED)
    assert not dialog.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable


def test_ticks_and_lock_go_through_undo(qtbot, profile: OpenProfile) -> None:  # type: ignore[no-untyped-def]
    stack = UndoStack()
    dialog = _dialog(qtbot, profile, stack)
    _tick(dialog, 0)
    _tick(dialog, 1)
    dialog.lock_button.click()
    assert stack.undo_label == "Reconcile statement"
    stack.undo()
    assert dialog.state is not None
    assert not ReconciliationService(profile).get(dialog.state.id).locked


def test_model_passes_qtmodeltester(qtbot, qtmodeltester, profile: OpenProfile) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, profile)
    qtmodeltester.check(dialog.model)


def test_bad_balance_says_why(qtbot, profile: OpenProfile) -> None:  # type: ignore[no-untyped-def]
    dialog = ReconcileDialog(ReconciliationService(profile), 1)
    qtbot.addWidget(dialog)
    dialog.balance_edit.setText("lots")
    dialog.start_button.click()
    assert "lots" in dialog.difference.text()
    assert dialog.state is None


def test_every_control_has_a_name(qtbot, profile: OpenProfile) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.bank.named import unnamed

    assert unnamed(_dialog(qtbot, profile)) == []
