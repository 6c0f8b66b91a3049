"""Idle lock, first-run question, history page and recovery-code dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.entries import EntryDraft
from app.domain.funding import Frequency
from app.domain.money import Money
from app.services.computer import ComputerService
from app.services.history import HistoryService
from app.services.ledger import LedgerService
from app.services.profiles import NewProfile, OpenProfile, create_profile, open_profile
from app.settings import ComputerMode, load_settings
from ui.security.first_run_dialog import FirstRunDialog
from ui.security.history_model import SORT_ROLE, Col, HistoryModel
from ui.security.history_page import HistoryPage
from ui.security.idle_lock import IdleLock
from ui.security.recovery_dialog import RecoveryCodeDialog

PASS = "widget passphrase"
CODE = "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345"


@pytest.fixture
def profile(tmp_path: Path) -> Iterator[OpenProfile]:
    create_profile(tmp_path, NewProfile("Dee", Money(30000), Frequency.MONTHLY,
                                        date(2024, 4, 1)), PASS)
    opened = open_profile(tmp_path, "Dee", PASS)
    ledger = LedgerService(opened)
    for pence in (-1000, -2000):
        ledger.add_entry(EntryDraft(date(2024, 5, 1), Money(pence), "PA", "pa_wages", ""),
                         date(2024, 6, 1))
    yield opened
    opened.close()


def test_idle_lock_times_out_without_input(qtbot: QtBot) -> None:
    lock = IdleLock(5)
    assert lock.interval_ms() == 5 * 60_000
    lock.set_interval_ms(100)
    lock.start()
    with qtbot.waitSignal(lock.idle_timed_out, timeout=2000):
        pass
    assert not lock.is_running()


def test_input_restarts_the_idle_countdown(qtbot: QtBot) -> None:
    lock = IdleLock(5)
    lock.set_interval_ms(300)
    field = RecoveryCodeDialog("Dee", CODE)
    qtbot.addWidget(field)
    field.show()
    fired: list[bool] = []
    lock.idle_timed_out.connect(lambda: fired.append(True))
    lock.start()
    for _ in range(4):  # input every 150 ms for 600 ms: never idle for 300 ms
        qtbot.wait(150)
        qtbot.keyClick(field.text, Qt.Key.Key_Down)
    assert not fired
    qtbot.waitUntil(lambda: bool(fired), timeout=2000)


def test_first_run_dialog_saves_the_choice(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = FirstRunDialog(ComputerService(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.shared_button.accessibleName() and dialog.own_button.accessibleName()
    with qtbot.waitSignal(dialog.mode_chosen):
        qtbot.mouseClick(dialog.own_button, Qt.MouseButton.LeftButton)
    assert load_settings(tmp_path).computer == ComputerMode.OWN


def test_first_run_enter_key_gives_the_safe_answer(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = FirstRunDialog(ComputerService(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert load_settings(tmp_path).computer == ComputerMode.SHARED


def test_history_model_passes_qt_model_checks(qtmodeltester: ModelTester,
                                              profile: OpenProfile) -> None:
    model = HistoryModel()
    model.set_events(HistoryService(profile).events())
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.data(model.index(1, Col.NUMBER), SORT_ROLE) == 2
    assert model.data(model.index(1, Col.ACTION)) == "Added"


def test_history_model_fetches_a_page_at_a_time(qtmodeltester: ModelTester,
                                                profile: OpenProfile) -> None:
    service = HistoryService(profile)
    model = HistoryModel(loader=service.page, page_size=2)
    model.reload()
    assert [model.data(model.index(r, Col.NUMBER)) for r in range(model.rowCount())] == ["3", "2"]
    assert model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 3


def test_history_page_verifies(qtbot: QtBot, profile: OpenProfile) -> None:
    page = HistoryPage(HistoryService(profile))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0  # nothing is read until the page is shown
    page.show()
    assert page.model.index(0, Col.NUMBER).data() == "3"  # newest first
    with qtbot.waitSignal(page.history_verified) as signal:
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].is_whole
    assert "whole" in page.result.text()


def test_history_page_reports_the_first_broken_link(qtbot: QtBot,
                                                    profile: OpenProfile) -> None:
    with profile.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_event SET actor = 'Mallory' WHERE id = 2")
    page = HistoryPage(HistoryService(profile))
    qtbot.addWidget(page)
    page.show()
    check = page.verify()
    assert check.first_broken is not None and check.first_broken.id == 2
    assert "number 2" in page.result.text()
    assert page.model.data(page.model.index(1, 0), Qt.ItemDataRole.ToolTipRole)


def test_recovery_dialog_closes_only_once_kept_and_prints(qtbot: QtBot,
                                                          tmp_path: Path) -> None:
    dialog = RecoveryCodeDialog("Dee", CODE, date(2024, 5, 1))
    qtbot.addWidget(dialog)
    assert "ABCDE  FGHIJ" in dialog.text.toPlainText()
    assert not dialog.close_button.isEnabled()
    dialog.reject()
    assert dialog.result() == 0 and dialog.kept.accessibleName()
    dialog.kept.setChecked(True)
    assert dialog.close_button.isEnabled()
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "sheet.pdf"))
    dialog.print_to(printer)
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
