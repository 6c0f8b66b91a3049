"""The Money tab on its own: deleting asks first, receipts missing lead to the entry, and
changes go through the profile's one undo stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import i18n
from app.services.context import ProfileContext
from ui.bank.missing_evidence_dialog import MissingEvidenceDialog
from ui.models.ledger_model import Col
from ui.pages.ledger_page import LedgerPage
from ui.text_size import TextSize


def make_page(qtbot: QtBot, ctx: ProfileContext) -> LedgerPage:
    page = LedgerPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_delete_asks_first_then_removes_and_undo_brings_it_back(
        qtbot: QtBot, demo_ctx: ProfileContext) -> None:
    page = make_page(qtbot, demo_ctx)
    before = page.ledger.count()
    chosen = page.current_entry_id()
    assert chosen is not None
    asked: list[str] = []

    def no(question: str) -> bool:
        asked.append(question)
        return False

    page.confirm = no  # type: ignore[method-assign]
    page.delete_current()
    assert page.ledger.count() == before and "Delete the entry" in asked[0]
    page.confirm = lambda question: "Delete the entry" in question  # type: ignore[method-assign]
    page.delete_current()
    assert page.ledger.count() == before - 1
    assert demo_ctx.undo.undo_label == "Delete entry"
    page.undo()
    assert page.ledger.count() == before
    assert page.ledger.get_entry(chosen).id == chosen


def test_missing_receipts_lead_to_the_entry(qtbot: QtBot, demo_ctx: ProfileContext,
                                            dialog_driver: Callable[[], Any]) -> None:
    page = make_page(qtbot, demo_ctx)
    driver = dialog_driver()
    chosen: list[int | None] = []

    def pick_oldest(dialog: MissingEvidenceDialog) -> None:
        assert dialog.model.rowCount() > 100  # the demo has no receipts at all
        dialog.table.selectRow(0)  # the oldest payment: far down the newest-first ledger
        dialog.go()
        chosen.append(dialog.chosen_entry_id)

    driver.expect(MissingEvidenceDialog, pick_oldest)
    page.missing_button.click()
    driver.check()
    assert chosen[0] is not None and page.current_entry_id() == chosen[0]



@pytest.mark.parametrize("scale", (1.0, 2.0))
def test_long_welsh_category_names_are_shown_whole(qtbot: QtBot, demo_ctx: ProfileContext,
                                                   qapp: QApplication, scale: float) -> None:
    base = qapp.font()
    i18n.set_locale("cy")
    try:
        TextSize(qapp).apply(scale)
        page = make_page(qtbot, demo_ctx)
        page.resize(1366, 700)
        qtbot.wait(20)
        metrics = page.table.fontMetrics()
        width = page.table.columnWidth(Col.CATEGORY)
        shown = {page.model.index(r, Col.CATEGORY).data() for r in range(page.model.rowCount())}
        assert any("cynorthwy-ydd" in name for name in shown)  # Welsh, and long
        cut = [n for n in shown if metrics.horizontalAdvance(n) > width - 8]
        assert cut == []
    finally:
        i18n.set_locale("en_GB")
        qapp.setFont(base)
