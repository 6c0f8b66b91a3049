"""The History tab: newest first, read only when shown, and verify says what it found."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.context import ProfileContext
from app.store.writer import MIGRATING_FLAG
from ui.security.history_model import Col
from ui.security.history_page import HistoryPage


def make_page(qtbot: QtBot, ctx: ProfileContext) -> HistoryPage:
    page = HistoryPage(ctx.history)
    qtbot.addWidget(page)
    return page


def test_history_page_verifies(qtbot: QtBot, history_ctx: ProfileContext) -> None:
    page = make_page(qtbot, history_ctx)
    assert page.model.rowCount() == 0  # nothing is read until the page is shown
    page.show()
    assert page.model.index(0, Col.NUMBER).data() == "3"  # newest first
    with qtbot.waitSignal(page.history_verified) as signal:
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].is_whole
    assert "whole" in page.result.text()


def test_history_page_reports_the_first_broken_link(qtbot: QtBot,
                                                    history_ctx: ProfileContext) -> None:
    # Changed behind the app's back, as someone with the key could: past the write guard.
    with history_ctx.store.engine.begin() as conn:
        conn.info[MIGRATING_FLAG] = True
        try:
            conn.exec_driver_sql("UPDATE audit_event SET actor = 'Mallory' WHERE id = 2")
        finally:
            conn.info.pop(MIGRATING_FLAG)
    page = make_page(qtbot, history_ctx)
    page.show()
    check = page.verify()
    assert check.first_broken is not None and check.first_broken.id == 2
    assert "number 2" in page.result.text()
    assert page.model.data(page.model.index(1, 0), Qt.ItemDataRole.ToolTipRole)


def test_history_page_reports_a_record_changed_behind_the_app(
        qtbot: QtBot, history_ctx: ProfileContext) -> None:
    with history_ctx.store.engine.begin() as conn:
        conn.info[MIGRATING_FLAG] = True
        try:
            conn.exec_driver_sql("UPDATE entry SET payee = 'Mallory' WHERE id = 1")
        finally:
            conn.info.pop(MIGRATING_FLAG)
    page = make_page(qtbot, history_ctx)
    page.show()
    check = page.verify()
    assert check.first_broken is None and not check.is_whole
    assert check.entries_not_matching == [1]
    assert "These entries do not match their history: 1." in page.result.text()
    assert "whole" not in page.result.text()
