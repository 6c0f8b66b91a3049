"""Checking entries off against a bank statement, until the difference is nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import ProfileContext
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
    assert "£380.00" in dialog.difference.text()
    _tick(dialog, 0)
    assert "-£120.00" in dialog.difference.text() and not dialog.lock_button.isEnabled()
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
