"""Checking entries off against a bank statement, until the difference is nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import ProfileContext
from tests.conftest import FIXTURES
from ui.bank.reconcile_dialog import ReconcileDialog
from ui.bank.reconcile_model import Col

TODAY = date(2026, 11, 29)


def _dialog(qtbot: QtBot, ctx: ProfileContext) -> ReconcileDialog:
    for on, pence, payee, code in ((date(2026, 9, 1), 50000, "Council", "council_payment"),
                                   (date(2026, 9, 3), -12000, "Jo", "pa_wages"),
                                   (date(2026, 9, 9), -500, "Bank", "bank_charges")):
        ctx.ledger.add_entry(EntryDraft(on, Money(pence), payee, code), today=TODAY)
    dialog = ReconcileDialog(ctx.reconcile, ctx.imports.account_id(None), ctx.undo)
    qtbot.addWidget(dialog)
    dialog.date_edit.setDate(QDate(2026, 9, 30))
    dialog.balance_edit.setText("380.00")
    dialog.start_button.click()
    return dialog


def _tick(dialog: ReconcileDialog, row: int) -> None:
    index = dialog.model.index(row, Col.CLEARED)
    assert dialog.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)


def test_tick_until_zero_then_lock(qtbot: QtBot, ctx: ProfileContext) -> None:
    dialog = _dialog(qtbot, ctx)
    assert "The statement shows £380.00 more than your ticked entries" in dialog.difference.text()
    _tick(dialog, 0)
    assert "£120.00 less" in dialog.difference.text() and not dialog.lock_button.isEnabled()
    _tick(dialog, 1)
    assert dialog.lock_button.isEnabled()
    dialog.lock_button.click()
    assert dialog.difference.text() == "Reconciled and locked."
    index = dialog.model.index(0, Col.CLEARED)
    assert not dialog.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable


def test_ticks_and_lock_go_through_undo(qtbot: QtBot, ctx: ProfileContext) -> None:
    dialog = _dialog(qtbot, ctx)
    _tick(dialog, 0)
    _tick(dialog, 1)
    dialog.lock_button.click()
    assert dialog.state is not None
    assert ctx.reconcile.get(dialog.state.id).locked
    assert ctx.undo.undo_label == "Reconcile statement"
    ctx.undo.undo()
    assert not ctx.reconcile.get(dialog.state.id).locked
    assert ctx.undo.undo() == "Tick entry"
    assert ctx.undo.undo() == "Tick entry"
    ticked = [c for c in ctx.reconcile.candidates(dialog.state.id) if c.cleared]
    assert ticked == []


def test_model_passes_qtmodeltester(qtbot: QtBot, qtmodeltester: ModelTester,
                                    ctx: ProfileContext) -> None:
    dialog = _dialog(qtbot, ctx)
    qtmodeltester.check(dialog.model)


def test_bad_balance_says_why(qtbot: QtBot, ctx: ProfileContext) -> None:
    dialog = ReconcileDialog(ctx.reconcile, ctx.imports.account_id(None), ctx.undo)
    qtbot.addWidget(dialog)
    dialog.balance_edit.setText("lots")
    dialog.start_button.click()
    assert "lots" in dialog.difference.text()
    assert dialog.state is None and ctx.undo.undo_label is None


def test_every_control_has_a_name(qtbot: QtBot, ctx: ProfileContext,
                                  unnamed: Callable[[QWidget], list[str]]) -> None:
    assert unnamed(_dialog(qtbot, ctx)) == []


def test_an_imported_statement_is_offered_ticked_and_quick(qtbot: QtBot,
                                                           bank_ctx: ProfileContext) -> None:
    """Import, then check: the lines are ticked already and the file's balance filled in."""
    bank_ctx.ledger.add_entry(EntryDraft(date(2026, 8, 1), Money(95234), "Council",
                                         "council_payment"), today=TODAY)
    preview = bank_ctx.imports.preview(
        (FIXTURES / "bank" / "santander.ofx").read_bytes(), "santander.ofx", 1, today=TODAY)
    bank_ctx.imports.commit(preview, today=TODAY)
    dialog = ReconcileDialog(bank_ctx.reconcile, 1, bank_ctx.undo, None,
                             bank_ctx.imports.accounts())
    qtbot.addWidget(dialog)
    assert dialog.balance_edit.text() == "2940.00"
    assert dialog.date_edit.date() == QDate(2026, 9, 30)
    assert "santander.ofx" in dialog.offered.text()
    dialog.start_button.click()
    assert "£952.34 more" in dialog.difference.text()  # the council payment is not ticked
    dialog.up_to_edit.setDate(QDate(2026, 8, 31))
    dialog.tick_button.click()
    assert dialog.lock_button.isEnabled()
    assert "add up to the statement's balance exactly" in dialog.difference.text()
    assert bank_ctx.undo.undo() == "Tick entries"


def test_the_dialog_fits_at_double_text(bank_ctx: ProfileContext,
                                        fits_at_double_text: Callable[[QDialog], None]) -> None:
    fits_at_double_text(ReconcileDialog(bank_ctx.reconcile, 1, bank_ctx.undo, None,
                                        bank_ctx.imports.accounts()))
