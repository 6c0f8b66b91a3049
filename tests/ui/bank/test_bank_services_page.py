from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from app.services.profiles import OpenProfile
from app.services.services_log import ServicesLogService, VisitDraft
from app.services.undo import UndoStack
from tests.ui.bank.named import unnamed
from ui.bank.services_page import ServicesPage
from ui.bank.timesheet_model import Col

MONDAY = date(2026, 11, 23)


def _page(qtbot, profile: OpenProfile, stack: UndoStack | None = None) -> ServicesPage:  # type: ignore[no-untyped-def]
    page = ServicesPage(ServicesLogService(profile), stack, today=date(2026, 11, 26))
    qtbot.addWidget(page)
    return page


def test_log_a_visit_and_see_the_week(qtbot, profile: OpenProfile) -> None:  # type: ignore[no-untyped-def]
    stack = UndoStack()
    page = _page(qtbot, profile, stack)
    assert page.week_label.text() == "Week from 23 Nov 2026 to 29 Nov 2026"
    page.date_edit.setDate(QDate(2026, 11, 24))
    page.provider_edit.setText("Jo Evans")
    page.planned_edit.setText("2")
    page.delivered_edit.setText("1:45")
    page.rate_edit.setText("13.50")
    page.late_box.setChecked(True)
    page.add_button.click()
    assert page.problem.text() == ""
    assert page.model.rowCount() == 1
    assert page.model.index(0, Col.COST).data() == "£23.63"
    assert page.model.index(0, Col.NOTE).data() == "late"
    assert page.totals.text() == "Total: 2h00 planned, 1h45 delivered, £23.63"
    stack.undo()
    page.show_week(MONDAY)
    assert page.model.rowCount() == 0


def test_weeks_move_and_bad_input_says_why(qtbot, profile: OpenProfile) -> None:  # type: ignore[no-untyped-def]
    ServicesLogService(profile).add(VisitDraft(date(2026, 11, 30), "PA", 60, 60, 1200))
    page = _page(qtbot, profile)
    assert page.model.rowCount() == 0
    page.next_button.click()
    assert page.model.rowCount() == 1
    page.provider_edit.setText("PA")
    page.planned_edit.setText("lots")
    page.rate_edit.setText("12")
    page.add_button.click()
    assert "lots" in page.problem.text()


def test_model_passes_qtmodeltester(qtbot, qtmodeltester, profile: OpenProfile) -> None:  # type: ignore[no-untyped-def]
    ServicesLogService(profile).add(VisitDraft(MONDAY, "PA", 60, 30, 1200, note="short"))
    page = _page(qtbot, profile)
    qtmodeltester.check(page.model)


def test_every_control_has_a_name(qtbot, profile: OpenProfile) -> None:  # type: ignore[no-untyped-def]
    assert unnamed(_page(qtbot, profile)) == []
