"""The Care received tab: log a visit, see the week, move between weeks, undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.outcomes.model import OutcomeDraft
from app.services.context import ProfileContext
from app.services.services_log import VisitDraft
from ui.bank.services_page import ServicesPage
from ui.bank.timesheet_model import Col

MONDAY = date(2026, 11, 23)


def _page(qtbot: QtBot, ctx: ProfileContext) -> ServicesPage:
    page = ServicesPage(ctx.visits, ctx.undo, today=date(2026, 11, 26))
    qtbot.addWidget(page)
    return page


def test_log_a_visit_and_see_the_week(qtbot: QtBot, ctx: ProfileContext) -> None:
    page = _page(qtbot, ctx)
    assert page.week_label.text() == "Week from 23 Nov 2026 to 29 Nov 2026"
    page.date_edit.setDate(QDate(2026, 11, 24))
    page.provider_edit.setText("Jo Evans")
    page.planned_edit.setText("2")
    page.delivered_edit.setText("1:45")
    page.rate_edit.setText("13.50")
    page.late_box.setChecked(True)
    page.add_button.click()
    assert page.problem.text() == "Saved: Jo Evans, 24 Nov 2026, 1:45 hours."
    assert page.provider_edit.text() == page.rate_edit.text() == ""  # ready for the next
    assert page.date_edit.value() == date(2026, 11, 24)  # visits come in runs
    assert page.model.rowCount() == 1
    assert page.model.index(0, Col.COST).data() == "£23.63"
    assert page.model.index(0, Col.NOTE).data() == "late"
    assert page.totals.text() == "Total: 2h00 planned, 1h45 delivered, £23.63"
    assert ctx.undo.undo() == "Log visit"
    page.show_week(MONDAY)
    assert page.model.rowCount() == 0


def test_weeks_move_and_bad_input_says_why(qtbot: QtBot, ctx: ProfileContext) -> None:
    ctx.visits.add(VisitDraft(date(2026, 11, 30), "PA", 60, 60, 1200))
    page = _page(qtbot, ctx)
    assert page.model.rowCount() == 0
    page.next_button.click()
    assert page.model.rowCount() == 1
    page.provider_edit.setText("PA")
    page.planned_edit.setText("lots")
    page.rate_edit.setText("12")
    page.add_button.click()
    assert "lots" in page.problem.text()
    assert ctx.undo.undo_label is None


def test_model_passes_qtmodeltester(qtbot: QtBot, qtmodeltester: ModelTester,
                                    ctx: ProfileContext) -> None:
    ctx.visits.add(VisitDraft(MONDAY, "PA", 60, 30, 1200, note="short"))
    page = _page(qtbot, ctx)
    qtmodeltester.check(page.model)


def test_every_control_has_a_name(qtbot: QtBot, ctx: ProfileContext,
                                  unnamed: Callable[[QWidget], list[str]]) -> None:
    assert unnamed(_page(qtbot, ctx)) == []


def test_the_form_suggests_my_providers_and_fills_the_agreed_rate(
        qtbot: QtBot, ctx: ProfileContext) -> None:
    from app.domain.chosen_providers import ChosenProviderDraft, ProviderKind
    from app.domain.money import Money

    ctx.providers.add(ChosenProviderDraft("Helping Hands", date(2026, 1, 1),
                                          kind=ProviderKind.AGENCY,
                                          agreed_hourly_rate=Money(2450)))
    page = ServicesPage(ctx.visits, ctx.undo, today=date(2026, 11, 26),
                        providers=ctx.providers)
    qtbot.addWidget(page)
    completer = page.provider_edit.completer()
    assert completer is not None
    completer.setCompletionPrefix("help")
    assert completer.currentCompletion() == "Helping Hands"
    page.provider_edit.setText("helping hands")
    page.provider_edit.editingFinished.emit()
    assert page.rate_edit.text() == "24.50"
    page.planned_edit.setText("2")
    page.add_button.click()
    visit = ctx.visits.visits()[0]
    assert visit.draft.chosen_provider_id is not None and visit.draft.rate_pence == 2450


def test_change_and_remove_a_visit(qtbot: QtBot, ctx: ProfileContext,
                                   dialog_driver: Callable[[], Any]) -> None:
    from PySide6.QtWidgets import QMessageBox

    ctx.visits.add(VisitDraft(date(2026, 11, 24), "Jo Evans", 120, 105, 1350, note="tea"))
    page = _page(qtbot, ctx)
    page.table.selectRow(0)
    page.change_button.click()
    assert (page.provider_edit.text(), page.planned_edit.text(), page.delivered_edit.text(),
            page.rate_edit.text(), page.note_edit.text()) == \
        ("Jo Evans", "2", "1:45", "13.50", "tea")
    assert page.add_button.text().replace("&", "") == "Save changes"
    page.delivered_edit.setText("2")
    page.add_button.click()
    assert [v.draft.delivered_minutes for v in ctx.visits.visits()] == [120]
    assert ctx.undo.undo_label == "Change visit"
    page.table.selectRow(0)
    driver = dialog_driver()
    driver.expect(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    page.remove_button.click()
    driver.check()
    assert ctx.visits.visits() == [] and page.model.rowCount() == 0
    ctx.undo.undo()
    assert len(ctx.visits.visits()) == 1


def test_a_visit_logged_for_an_outcome_is_one_undoable_step(qtbot: QtBot,
                                                            ctx: ProfileContext) -> None:
    outcome = ctx.outcomes.add(OutcomeDraft("Get to the allotment", "ca.1.2.e"), MONDAY)
    page = ServicesPage(ctx.visits, ctx.undo, today=date(2026, 11, 26), outcomes=ctx.outcomes)
    qtbot.addWidget(page)
    page.outcome_box.setCurrentIndex(page.outcome_box.findData(outcome.id))
    page.provider_edit.setText("Sam Patel")
    page.planned_edit.setText("3")
    page.rate_edit.setText("14.00")
    page.add_button.click()
    (visit,) = ctx.visits.visits()
    assert ctx.outcomes.visit_outcome(visit.id) == outcome.id
    assert ctx.undo.undo() == "Log visit"
    assert ctx.visits.visits() == []
    assert ctx.history.verify().is_whole
