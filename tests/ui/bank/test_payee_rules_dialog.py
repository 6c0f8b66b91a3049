"""Payee rules in the window: listed, added, changed and removed, each undoable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.services.context import ProfileContext
from app.services.payees import RuleDraft
from tests.ui.conftest import DialogDriver
from ui.bank.payee_rules_dialog import PayeeRuleDialog, PayeeRulesDialog
from ui.bank.payee_rules_model import Col


def _dialog(qtbot: QtBot, ctx: ProfileContext) -> PayeeRulesDialog:
    dialog = PayeeRulesDialog(ctx.payee_rules, ctx.ledger.categories(), ctx.ledger.policy(),
                              ctx.undo)
    qtbot.addWidget(dialog)
    return dialog


def _form(dialog: PayeeRulesDialog, words: str, payee: str, code: str | None
          ) -> Callable[[PayeeRuleDialog], None]:
    def fill(form: PayeeRuleDialog) -> None:
        form.words.setText(words)
        form.payee.setText(payee)
        form.category.setCurrentIndex(form.category.findData(code))
        form.ok_button.click()

    return fill


def test_add_change_and_remove_with_undo(qtbot: QtBot, ctx: ProfileContext,
                                         dialog_driver: Callable[[], DialogDriver]) -> None:
    dialog = _dialog(qtbot, ctx)
    assert dialog.model.rowCount() == 0 and "No rules yet" in dialog.empty.text()
    driver = dialog_driver()
    driver.expect(PayeeRuleDialog, _form(dialog, "J EVANS PA", "Jo Evans (PA)", "pa_wages"))
    dialog.add_button.click()
    driver.check()
    assert dialog.model.index(0, Col.WORDS).data() == "j evans pa"
    assert dialog.model.index(0, Col.CATEGORY).data() == "PA wages"
    assert dialog.model.index(0, Col.HOW).data().startswith("Added by hand")
    driver = dialog_driver()
    driver.expect(PayeeRuleDialog, _form(dialog, "J EVANS", "Jo Evans", None))
    dialog.change_button.click()
    driver.check()
    assert dialog.model.index(0, Col.PAYEE).data() == "Jo Evans"
    assert dialog.model.index(0, Col.CATEGORY).data() == "(as the line is)"
    driver = dialog_driver()  # asked first: No keeps it
    driver.expect(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.No).click())
    dialog.remove_button.click()
    driver.check()
    assert dialog.model.rowCount() == 1
    driver = dialog_driver()
    driver.expect(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    dialog.remove_button.click()
    driver.check()
    assert dialog.model.rowCount() == 0 and ctx.payee_rules.rules() == []
    assert ctx.undo.undo() == "Remove payee rule"
    assert [r.payee for r in ctx.payee_rules.rules()] == ["Jo Evans"]


def test_a_refused_rule_says_why_in_the_form(qtbot: QtBot, ctx: ProfileContext) -> None:
    saved: list[RuleDraft] = []

    def save(draft: RuleDraft) -> None:
        saved.append(draft)
        ctx.payee_rules.add(draft)

    form = PayeeRuleDialog(ctx.ledger.categories(), ctx.ledger.policy(), save)
    qtbot.addWidget(form)
    assert form.category.findData("equipment") == -1  # needs the council's agreement
    form.words.setText("CARD PAYMENT 1234")
    form.payee.setText("Shop")
    form.ok_button.click()
    assert "Give some words the bank uses" in form.problem.text()
    assert form.result() != QDialog.DialogCode.Accepted


def test_every_control_is_named_and_fits(qtbot: QtBot, ctx: ProfileContext,
                                         unnamed: Callable[[QWidget], list[str]],
                                         fits_at_double_text: Callable[[QDialog], None]) -> None:
    ctx.payee_rules.add(RuleDraft("J EVANS", "Jo Evans (PA)", "pa_wages"))
    assert unnamed(_dialog(qtbot, ctx)) == []
    fits_at_double_text(PayeeRulesDialog(ctx.payee_rules, ctx.ledger.categories(),
                                         ctx.ledger.policy(), ctx.undo))
    fits_at_double_text(PayeeRuleDialog(ctx.ledger.categories(), ctx.ledger.policy(),
                                        lambda _d: None))
