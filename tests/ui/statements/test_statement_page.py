"""StatementPage against the real services over a demo profile (no file dialogs: a chooser
function stands in for QFileDialog)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.council_rules import ReturnFrequency, custom_rule, find_template
from app.services.context import ProfileContext
from tests.conftest import DEMO_TODAY
from ui.statements.evidence_models import CheckCol
from ui.statements.statement_page import StatementPage


def make_page(qtbot: QtBot, ctx: ProfileContext, target: Path | None) -> StatementPage:
    page = StatementPage(ctx.statements, ctx.rules, ctx.undo, today=DEMO_TODAY,
                         choose_path=lambda _parent, _title, _filter: target)
    qtbot.addWidget(page)
    return page


def test_every_control_has_an_accessible_name(qtbot: QtBot, demo_ctx: ProfileContext) -> None:
    page = make_page(qtbot, demo_ctx, None)
    for widget in (page.start_edit, page.end_edit, page.rule_combo, page.bank_edit,
                   page.pdf_button, page.csv_button, page.custom_button):
        assert widget.accessibleName()
        assert widget.focusPolicy() != Qt.FocusPolicy.NoFocus


def test_save_pdf(qtbot: QtBot, demo_ctx: ProfileContext, tmp_path: Path) -> None:
    page = make_page(qtbot, demo_ctx, tmp_path / "return")
    page.start_edit.setDate(QDate(2026, 1, 1))
    page.end_edit.setDate(QDate(2026, 3, 31))
    with qtbot.waitSignal(page.statement_saved) as saved:
        page.pdf_button.click()
    assert saved.args[0] == tmp_path / "return.pdf"
    assert "Monitoring return" in PdfReader(str(tmp_path / "return.pdf")).pages[0].extract_text()


def test_bad_bank_balance_is_explained_and_nothing_saved(qtbot: QtBot, demo_ctx: ProfileContext,
                                                        tmp_path: Path) -> None:
    page = make_page(qtbot, demo_ctx, tmp_path / "r.csv")
    page.bank_edit.setText("lots")
    page.csv_button.click()
    assert "not an amount" in page.status_label.text()
    assert not (tmp_path / "r.csv").exists()


def test_choosing_a_rule_updates_the_forecast_and_can_be_undone(
        qtbot: QtBot, demo_ctx: ProfileContext) -> None:
    # A one-week limit: the demo's balance by December is well over it.
    demo_ctx.rules.choose_rule(custom_rule("Tight", ReturnFrequency.QUARTERLY, 1))
    page = make_page(qtbot, demo_ctx, None)
    page.end_edit.setDate(QDate(2026, 12, 31))
    assert page.rule_combo.currentText() == "Tight"
    assert "clawed back" in page.forecast_label.text()
    index = next(i for i in range(page.rule_combo.count())
                 if page.rule_combo.itemData(i) == "yearly_4_weeks_contingency")
    with qtbot.waitSignal(page.rule_chosen):
        page.rule_combo.activated.emit(index)
    assert demo_ctx.rules.chosen_rule().code == "yearly_4_weeks_contingency"
    # A yearly rule shows the financial year that 31 March 2026 ends.
    assert (page.start_edit.date(), page.end_edit.date()) == (QDate(2025, 4, 1),
                                                              QDate(2026, 3, 31))
    page.end_edit.setDate(QDate(2026, 12, 31))
    assert "no problems expected" in page.forecast_label.text()
    page.end_edit.setDate(QDate(2026, 3, 1))
    assert "ended" in page.forecast_label.text()
    assert demo_ctx.undo.undo() == "Choose council rule"
    assert demo_ctx.rules.chosen_rule().name("en") == "Tight"
    assert demo_ctx.undo.redo() == "Choose council rule"
    assert demo_ctx.rules.chosen_rule().code == "yearly_4_weeks_contingency"


def test_page_uses_a_custom_rule(qtbot: QtBot, demo_ctx: ProfileContext) -> None:
    made = custom_rule("Our own", ReturnFrequency.SIX_MONTHLY, 3, 1)
    page = StatementPage(demo_ctx.statements, demo_ctx.rules, demo_ctx.undo, today=DEMO_TODAY,
                         make_rule=lambda _parent, _base: made)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.rule_chosen):
        page.custom_button.click()
    assert demo_ctx.rules.chosen_rule() == made
    assert page.rule_combo.currentText() == "Our own"



def test_the_evidence_controls_are_named(qtbot: QtBot, demo_ctx: ProfileContext) -> None:
    page = StatementPage(demo_ctx.statements, demo_ctx.rules, demo_ctx.undo, today=DEMO_TODAY,
                         evidence=demo_ctx.evidence)
    qtbot.addWidget(page)
    for widget in (page.evidence_button, page.pack_button, page.check_button,
                   page.documents_button, page.checklist_view):
        assert widget.accessibleName()
        assert widget.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert page.documents_button.isEnabled()


def test_the_checklist_says_what_the_council_asks_for_and_what_is_missing(
        qtbot: QtBot, demo_ctx: ProfileContext) -> None:
    demo_ctx.rules.choose_rule(find_template("harrow"))
    page = make_page(qtbot, demo_ctx, None)
    page.start_edit.setDate(QDate(2026, 1, 1))
    page.end_edit.setDate(QDate(2026, 3, 31))
    page.check_button.click()
    model = page.checklist
    assert model.rowCount() > 5  # receipts, then Harrow's list item by item
    words = [model.data(model.index(r, CheckCol.FOUND)) for r in range(model.rowCount())]
    assert "payments in the period have no receipt or invoice" in words[0]
    assert any("No employer's liability insurance certificate" in w for w in words)
    assert "things missing" in page.checklist_label.text()


def test_save_the_pdf_with_evidence_and_the_zip_pack(qtbot: QtBot, demo_ctx: ProfileContext,
                                                    tmp_path: Path) -> None:
    page = make_page(qtbot, demo_ctx, tmp_path / "return")
    page.start_edit.setDate(QDate(2026, 1, 1))
    page.end_edit.setDate(QDate(2026, 3, 31))
    with qtbot.waitSignal(page.statement_saved) as saved:
        page.evidence_button.click()
    assert saved.args[0] == tmp_path / "return.pdf"
    last = PdfReader(str(tmp_path / "return.pdf")).pages[-1].extract_text()
    assert "Appendix page" in last  # the appendix comes after the return
    assert page.checklist.rowCount() >= 1  # the checklist shown with what was saved
    with qtbot.waitSignal(page.statement_saved) as saved:
        page.pack_button.click()
    assert saved.args[0] == tmp_path / "return.zip"
    with zipfile.ZipFile(tmp_path / "return.zip") as z:
        assert {"return.pdf", "return.csv", "index.csv"} <= set(z.namelist())


def test_documents_open_from_the_page_and_refresh_the_checklist(
        qtbot: QtBot, demo_ctx: ProfileContext) -> None:
    opened: list[object] = []
    page = StatementPage(demo_ctx.statements, demo_ctx.rules, demo_ctx.undo, today=DEMO_TODAY,
                         evidence=demo_ctx.evidence, open_documents=opened.append)
    qtbot.addWidget(page)
    page.documents_button.click()
    assert opened == [page]


def test_the_checklist_model_passes_qtmodeltester(qtbot: QtBot, qtmodeltester: ModelTester,
                                                  demo_ctx: ProfileContext) -> None:
    page = make_page(qtbot, demo_ctx, None)
    page.refresh_checklist()
    qtmodeltester.check(page.checklist)
