"""StatementPage against the real service over a demo profile (no file dialogs: a chooser
function stands in for QFileDialog)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from PySide6.QtCore import QDate  # noqa: E402

from app.domain.council_rules import ReturnFrequency, custom_rule, find_template  # noqa: E402
from app.services.profiles import open_profile  # noqa: E402
from app.services.statements import StatementService  # noqa: E402
from tests.app.services.conftest import NAME, PASSPHRASE, demo_dir  # noqa: E402,F401
from ui.statements.custom_rule_dialog import CustomRuleDialog  # noqa: E402
from ui.statements.statement_page import StatementPage  # noqa: E402

TODAY = date(2026, 3, 31)  # the demo profile's last day


@pytest.fixture
def service(demo_dir: Path) -> Iterator[StatementService]:  # noqa: F811
    profile = open_profile(demo_dir, NAME, PASSPHRASE)
    yield StatementService(profile)
    profile.close()


def make_page(qtbot, service: StatementService, target: Path | None) -> StatementPage:  # type: ignore[no-untyped-def]
    page = StatementPage(service, today=TODAY,
                         choose_path=lambda _parent, _title, _filter: target)
    qtbot.addWidget(page)
    return page


def test_every_control_has_an_accessible_name(qtbot, service: StatementService) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, service, None)
    for widget in (page.start_edit, page.end_edit, page.rule_combo, page.bank_edit,
                   page.pdf_button, page.csv_button):
        assert widget.accessibleName()
        assert widget.focusPolicy() != widget.focusPolicy().NoFocus


def test_save_pdf(qtbot, service: StatementService, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, service, tmp_path / "return")
    page.start_edit.setDate(QDate(2026, 1, 1))
    page.end_edit.setDate(QDate(2026, 3, 31))
    with qtbot.waitSignal(page.statement_saved) as saved:
        page.pdf_button.click()
    assert saved.args[0] == tmp_path / "return.pdf"
    assert "Monitoring return" in PdfReader(str(tmp_path / "return.pdf")).pages[0].extract_text()


def test_bad_bank_balance_is_explained_and_nothing_saved(qtbot, service: StatementService,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    page = make_page(qtbot, service, tmp_path / "r.csv")
    page.bank_edit.setText("lots")
    page.csv_button.click()
    assert "not an amount" in page.status_label.text()
    assert not (tmp_path / "r.csv").exists()


def test_choosing_a_rule_updates_the_forecast(qtbot, service: StatementService) -> None:  # type: ignore[no-untyped-def]
    # A one-week limit: the demo's balance by December is well over it.
    service.choose_rule(custom_rule("Tight", ReturnFrequency.QUARTERLY, 1))
    page = make_page(qtbot, service, None)
    page.end_edit.setDate(QDate(2026, 12, 31))
    assert page.rule_combo.currentText() == "Tight"
    assert "clawed back" in page.forecast_label.text()
    index = next(i for i in range(page.rule_combo.count())
                 if page.rule_combo.itemData(i) == "yearly_4_weeks_contingency")
    with qtbot.waitSignal(page.rule_chosen):
        page.rule_combo.activated.emit(index)
    assert service.chosen_rule().code == "yearly_4_weeks_contingency"
    # A yearly rule shows the financial year that 31 March 2026 ends.
    assert (page.start_edit.date(), page.end_edit.date()) == (QDate(2025, 4, 1),
                                                              QDate(2026, 3, 31))
    page.end_edit.setDate(QDate(2026, 12, 31))
    assert "no problems expected" in page.forecast_label.text()
    page.end_edit.setDate(QDate(2026, 3, 1))
    assert "ended" in page.forecast_label.text()


def test_custom_rule_dialog_checks_and_makes_a_rule(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = CustomRuleDialog(find_template("quarterly_8_weeks"))
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("   ")
    dialog.accept()
    assert dialog.rule is None and "name" in dialog.error_label.text()
    dialog.name_edit.setText("Agreed in my review")
    dialog.limit_spin.setValue(6)
    dialog.contingency_spin.setValue(2)
    dialog.frequency_combo.setCurrentIndex(2)
    dialog.accept()
    assert dialog.rule is not None
    assert (dialog.rule.allowed_weeks, dialog.rule.return_frequency) == (8, ReturnFrequency.YEARLY)
    for widget in (dialog.name_edit, dialog.frequency_combo, dialog.limit_spin,
                   dialog.contingency_spin):
        assert widget.accessibleName()


def test_page_uses_a_custom_rule(qtbot, service: StatementService) -> None:  # type: ignore[no-untyped-def]
    made = custom_rule("Our own", ReturnFrequency.SIX_MONTHLY, 3, 1)
    page = StatementPage(service, today=TODAY, make_rule=lambda _parent, _base: made)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.rule_chosen):
        page.custom_button.click()
    assert service.chosen_rule() == made
    assert page.rule_combo.currentText() == "Our own"
