"""The Employing PAs tab and its forms: named controls, forms that fill in and clear, changes
that go through the service and can be undone, and the Money tab's reminders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.money import Money
from app.employer.records import Born, EmployerDetails, PADraft, PayslipDraft
from app.services.context import ProfileContext
from tests.conftest import DEMO_TODAY
from ui.employer.employer_dialog import EmployerDialog
from ui.employer.pa_dialog import PADialog
from ui.employer.pa_page import EndDialog, PAPage
from ui.employer.payslip_dialog import PayslipDialog
from ui.employer.payslip_model import SORT_ROLE
from ui.employer.reminder_text import reminder_text
from ui.pages.ledger_page import LedgerPage

TODAY = date(2026, 6, 30)


def make_page(qtbot: QtBot, ctx: ProfileContext, today: date = TODAY) -> PAPage:
    page = PAPage(ctx.employer, ctx.undo, today=today)
    qtbot.addWidget(page)
    page.show()
    return page


def fill_jo(dialog: PADialog) -> None:
    dialog.name.setText("Jo Evans")
    dialog.start.setDate(QDate(2026, 4, 1))
    dialog.rate.setText("12.80")
    dialog.hours.setText("20")
    dialog.born.setText("1990")
    dialog.rtw.setText("20/03/2026")


def test_every_control_is_named(qtbot: QtBot, demo_ctx: ProfileContext,
                                unnamed: Callable[[QWidget], list[str]]) -> None:
    page = make_page(qtbot, demo_ctx, DEMO_TODAY)
    assert unnamed(page) == []
    pa = page.current_pa()
    assert pa is not None
    for dialog in (PADialog(lambda *a: None), PADialog(lambda *a: None, pa),
                   PayslipDialog(pa, None, lambda d: None), EndDialog(pa),
                   EmployerDialog(EmployerDetails(), lambda d: None)):
        qtbot.addWidget(dialog)
        assert unnamed(dialog) == [], type(dialog).__name__


def test_forms_fit_at_double_text(qtbot: QtBot, demo_ctx: ProfileContext,
                                  fits_at_double_text: Callable[[QDialog], None]) -> None:
    pa = demo_ctx.employer.pas()[0]
    last = demo_ctx.employer.payslips(pa.id)[-1]
    for dialog in (PADialog(lambda *a: None, pa), PayslipDialog(pa, last, lambda d: None),
                   EmployerDialog(demo_ctx.employer.employer(), lambda d: None)):
        fits_at_double_text(dialog)


def test_models(qtmodeltester: ModelTester, qtbot: QtBot, demo_ctx: ProfileContext) -> None:
    page = make_page(qtbot, demo_ctx, DEMO_TODAY)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.slips)
    assert page.model.rowCount() == 2 and page.slips.rowCount() > 40


def test_add_a_pa_then_undo(qtbot: QtBot, ctx: ProfileContext) -> None:
    page = make_page(qtbot, ctx)
    saved: list[object] = []

    def save(draft: PADraft, since: date | None) -> None:
        saved.append(ctx.undo.run("Add PA", lambda: ctx.employer.add(draft)))

    dialog = PADialog(save)
    qtbot.addWidget(dialog)
    fill_jo(dialog)
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted and saved
    page.refresh()
    assert page.model.rowCount() == 1 and page.current_pa().name == "Jo Evans"  # type: ignore[union-attr]
    assert "Jo Evans: They earn about £1,109.33 a month" in page.reminders.text()
    ctx.undo.undo()
    page.refresh()
    assert page.model.rowCount() == 0


def test_a_bad_form_says_why_and_stays_open(qtbot: QtBot, ctx: ProfileContext) -> None:
    dialog = PADialog(lambda draft, since: ctx.employer.add(draft))
    qtbot.addWidget(dialog)
    fill_jo(dialog)
    dialog.rate.setText("lots")
    dialog.submit()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "lots" in dialog.error.text() and ctx.employer.pas() == []


def test_changing_fills_the_form_and_a_new_form_is_empty(qtbot: QtBot,
                                                         ctx: ProfileContext) -> None:
    pa = ctx.employer.add(PADraft("Jo Evans", date(2026, 4, 1), Money(1280), 20 * 60,
                                  born=Born(1990, 7, 14), dbs_checked=date(2026, 3, 1)))
    change = PADialog(lambda *a: None, pa)
    qtbot.addWidget(change)
    assert (change.name.text(), change.rate.text(), change.hours.text(),
            change.born.text(), change.dbs.text()) == ("Jo Evans", "12.80", "20", "1990-07-14",
                                                       "1 Mar 2026")
    assert change.draft().dbs_checked == date(2026, 3, 1)
    change.clear()
    assert change.name.text() == "" and change.dbs.text() == ""
    fresh = PADialog(lambda *a: None)
    qtbot.addWidget(fresh)
    assert fresh.name.text() == "" and fresh.rate.text() == "" and fresh.rates_from.isHidden()


def test_a_new_rate_from_a_day_keeps_the_old_one(qtbot: QtBot, ctx: ProfileContext) -> None:
    pa = ctx.employer.add(PADraft("Jo Evans", date(2025, 6, 1), Money(1250), 20 * 60))
    dialog = PADialog(lambda draft, since: ctx.employer.change(pa.id, draft, since), pa)
    qtbot.addWidget(dialog)
    dialog.rate.setText("12.90")
    dialog.rates_from.setDate(QDate(2026, 4, 1))
    dialog.submit()
    changed = ctx.employer.get(pa.id)
    assert changed.rate_on(date(2026, 3, 31)) == Money(1250)
    assert changed.rate_on(date(2026, 4, 1)) == Money(1290)


def test_payslip_form_fills_in_the_next_period(qtbot: QtBot, ctx: ProfileContext) -> None:
    pa = ctx.employer.add(PADraft("Jo Evans", date(2026, 4, 1), Money(1280), 20 * 60))
    first = PayslipDialog(pa, None, lambda d: ctx.employer.add_payslip(d))
    qtbot.addWidget(first)
    assert first.gross.text() == ""
    first.period_end.setDate(QDate(2026, 4, 30))
    first.gross.setText("1109.33")
    first.tax.setText("12.40")
    first.hours.setText("86.67")
    first.submit()
    assert first.result() == QDialog.DialogCode.Accepted
    last = ctx.employer.payslips(pa.id)[-1]
    assert last.draft.net == Money(109693) and last.period_start == date(2026, 4, 1)
    second = PayslipDialog(pa, last, lambda d: ctx.employer.add_payslip(d))
    qtbot.addWidget(second)
    assert second.period_end.date() == QDate(2026, 5, 31)
    assert (second.gross.text(), second.tax.text()) == ("1109.33", "12.40")
    assert "check each figure" in second.prefilled.text()


def test_end_and_employer_details(qtbot: QtBot, ctx: ProfileContext) -> None:
    ctx.employer.add(PADraft("Jo Evans", date(2026, 4, 1), Money(1280), 20 * 60))
    page = make_page(qtbot, ctx)
    dialog = EmployerDialog(EmployerDetails(), lambda d: ctx.employer.set_employer(d))
    qtbot.addWidget(dialog)
    dialog.insurer.setText("Acme")
    dialog.renewal.setText("15/07/2026")
    dialog.dbs_months.setValue(36)
    dialog.submit()
    assert ctx.employer.employer() == EmployerDetails("Acme", "", date(2026, 7, 15), 36)
    page.refresh()
    assert "renews on 15 Jul 2026" in page.reminders.text()
    ctx.employer.end(ctx.employer.pas()[0].id, date(2026, 6, 1))
    page.refresh()
    assert "Nothing needs doing" in page.reminders.text()


def test_the_money_tab_shows_due_reminders(qtbot: QtBot, demo_ctx: ProfileContext) -> None:
    page = LedgerPage(demo_ctx)
    qtbot.addWidget(page)
    page.show_pa_reminders(DEMO_TODAY)
    due = demo_ctx.employer.reminders(DEMO_TODAY)
    assert due and page.pa_reminders.isVisible() is page.isVisible()
    assert page.pa_reminders.text().startswith("For your PAs:\n" + reminder_text(due, 3)[:20])
    page.show_pa_reminders(date(2026, 1, 15))
    assert not demo_ctx.employer.reminders(date(2026, 1, 15)) or \
        page.pa_reminders.text().count("\n") >= 1


def test_payslips_are_newest_first_and_sort_by_date(qtbot: QtBot,
                                                    demo_ctx: ProfileContext) -> None:
    page = make_page(qtbot, demo_ctx, DEMO_TODAY)
    view = page.slip_table.model()
    ends = [view.index(r, 0).data(SORT_ROLE) for r in range(view.rowCount())]
    assert ends == sorted(ends, reverse=True) and len(ends) > 40
    view.sort(0)
    ends = [view.index(r, 0).data(SORT_ROLE) for r in range(view.rowCount())]
    assert ends == sorted(ends)


def test_change_and_remove_a_payslip_then_a_pa(qtbot: QtBot, ctx: ProfileContext,
                                               dialog_driver: Callable[[], Any]) -> None:
    from PySide6.QtWidgets import QMessageBox

    pa = ctx.employer.add(PADraft("Jo Evans", date(2026, 4, 1), Money(1280), 20 * 60))
    ctx.employer.add_payslip(PayslipDraft(pa.id, date(2026, 4, 30), Money(110933), Money(1240),
                                          note="April"))
    page = make_page(qtbot, ctx)
    page.slip_table.setCurrentIndex(page.slip_table.model().index(0, 0))
    assert page.change_slip_button.isEnabled()

    def change(dialog: PayslipDialog) -> None:
        assert dialog.period_end.date() == QDate(2026, 4, 30)  # its own period, not the next
        assert (dialog.gross.text(), dialog.tax.text(), dialog.note.text()) == \
            ("1109.33", "12.40", "April")
        dialog.tax.setText("13.40")
        dialog.submit()

    driver = dialog_driver()
    driver.expect(PayslipDialog, change)
    page.change_slip_button.click()
    driver.check()
    assert ctx.employer.payslips(pa.id)[0].draft.tax == Money(1340)
    assert ctx.undo.undo_label == "Change payslip"
    yes = lambda box: box.button(QMessageBox.StandardButton.Yes).click()  # noqa: E731
    # the PA has a payslip: removing them is refused
    driver = dialog_driver()
    driver.expect(QMessageBox, yes)
    page.remove_button.click()
    driver.check()
    assert "has payslips" in page.message.text() and len(ctx.employer.pas()) == 1
    page.slip_table.setCurrentIndex(page.slip_table.model().index(0, 0))
    driver = dialog_driver()
    driver.expect(QMessageBox, yes)
    page.remove_slip_button.click()
    driver.check()
    assert ctx.employer.payslips(pa.id) == []
    driver = dialog_driver()
    driver.expect(QMessageBox, yes)
    page.remove_button.click()
    driver.check()
    assert ctx.employer.pas() == [] and page.model.rowCount() == 0
    ctx.undo.undo()
    assert [p.name for p in ctx.employer.pas()] == ["Jo Evans"]
