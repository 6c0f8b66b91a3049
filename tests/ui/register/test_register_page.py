"""The register page by keyboard: type to search, arrow to a provider, add it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPushButton,
    QTableView,
)
from pytestqt.qtbot import QtBot

from app.services.context import ProfileContext
from app.services.jobs import JobControl
from app.services.register import RegisterService
from tests.conftest import FIXTURES
from ui.register.add_provider_dialog import AddProviderDialog
from ui.register.register_page import TYPING_PAUSE_MS, RegisterPage

REGISTER_FILES = FIXTURES / "register"


def make_page(qtbot: QtBot, register: RegisterService, ctx: ProfileContext | None = None
              ) -> RegisterPage:
    """The Find providers tab; with a profile open (ctx), found providers can be added."""
    page = (RegisterPage(register) if ctx is None
            else RegisterPage(register, ctx.providers, ctx.undo))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_every_control_has_an_accessible_name(qtbot: QtBot, register: RegisterService) -> None:
    page = make_page(qtbot, register)
    controls = page.findChildren(QLineEdit) + page.findChildren(QComboBox) + \
        page.findChildren(QPushButton) + page.findChildren(QTableView)
    assert controls
    # A spin box's inner line edit is announced through the spin box itself.
    own = [c for c in controls if not isinstance(c.parent(), QAbstractSpinBox)]
    assert len(own) >= 8
    assert [c for c in own if not c.accessibleName()] == []


def test_typing_searches_after_a_pause(qtbot: QtBot, register: RegisterService) -> None:
    page = make_page(qtbot, register)
    page.search_box.setFocus()
    qtbot.keyClicks(page.search_box, "highl bor")
    qtbot.wait(TYPING_PAUSE_MS * 3)
    assert page.model.rowCount() == 1
    assert page.model.summary(0).name == "Highlands Borders Care Home"
    assert page.message.text() == "1 provider found."


def test_unknown_postcode_is_said_plainly(qtbot: QtBot, register: RegisterService) -> None:
    page = make_page(qtbot, register)
    qtbot.keyClicks(page.near, "ZZ9")
    qtbot.wait(TYPING_PAUSE_MS * 3)
    assert "ZZ9" in page.message.text()


def test_keyboard_selection_shows_the_provider(qtbot: QtBot, register: RegisterService) -> None:
    page = make_page(qtbot, register)
    page.search_box.setText("highlands borders")
    page.run_search()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.detail.value("name") == "Highlands Borders Care Home"
    assert "Fiona Geraldine Martin" in page.detail.value("manager")
    assert not page.add_button.isEnabled()  # no profile open: nothing to add to


def test_add_to_my_providers_then_undo(qtbot: QtBot, register_ctx: ProfileContext) -> None:
    page = make_page(qtbot, register_ctx.register, register_ctx)
    page.search_box.setText("highlands borders")
    page.run_search()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.add_button.isEnabled()
    dialog = page.add_current()
    assert isinstance(dialog, AddProviderDialog)
    qtbot.keyClicks(dialog.rate, "24.50")
    qtbot.keyClicks(dialog.notes, "Weekday mornings")
    dialog._save()
    assert dialog.added is not None
    (chosen,) = register_ctx.providers.providers()
    assert chosen.agreed_hourly_rate is not None and chosen.agreed_hourly_rate.pence == 2450
    assert chosen.source_id == "1-1000587219" and chosen.notes == "Weekday mornings"
    assert register_ctx.undo.undo() == "Add provider"
    assert register_ctx.providers.providers() == []


def test_a_bad_rate_is_refused_in_the_dialog(qtbot: QtBot, register_ctx: ProfileContext
                                            ) -> None:
    page = make_page(qtbot, register_ctx.register, register_ctx)
    page.search_box.setText("highlands borders")
    page.run_search()
    page.table.selectRow(0)
    dialog = page.add_current()
    assert dialog is not None
    qtbot.keyClicks(dialog.rate, "lots")
    dialog._save()
    assert dialog.added is None and "lots" in dialog.error.text()
    assert register_ctx.providers.providers() == [] and register_ctx.undo.undo_label is None
    QApplication.processEvents()


def test_tab_leaves_the_table(qtbot: QtBot, register: RegisterService) -> None:
    page = make_page(qtbot, register)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert not page.table.hasFocus()


def test_import_from_the_page_updates_filters_and_results(qtbot: QtBot, tmp_path: Path) -> None:
    service = RegisterService(tmp_path)
    page = make_page(qtbot, service)
    assert page.model.rowCount() == 0 and page.service.count() == 1
    report = page.import_file(REGISTER_FILES / "cqc_api_locations_extract.json")
    assert report is not None and report.added == 25
    assert page.model.rowCount() == 25
    assert page.service.count() > 1 and page.council.findData("Oldham") > 0
    assert page.message.text().startswith("Imported CQC API locations (JSON): 25 added")
    service.close()


def test_cancelled_import_says_so_and_keeps_the_register(
        qtbot: QtBot, register: RegisterService, monkeypatch: pytest.MonkeyPatch) -> None:
    page = make_page(qtbot, register)
    before = register.size()
    # Cancel pressed at once (ui/jobs is tested on its own): the import itself must roll back.
    monkeypatch.setattr("ui.register.import_progress.run_job", lambda _parent, _title, work:
                        work(JobControl(is_cancelled=lambda: True)))
    assert page.import_file(REGISTER_FILES / "cqc_hsca_extract.csv") is None
    assert "cancelled" in page.message.text() and register.size() == before


def test_a_wrong_file_is_explained(qtbot: QtBot, register: RegisterService, tmp_path: Path) -> None:
    page = make_page(qtbot, register)
    wrong = tmp_path / "notes.txt"
    wrong.write_text("my receipts\n")
    assert page.import_file(wrong) is None
    assert "not a register file" in page.message.text()
