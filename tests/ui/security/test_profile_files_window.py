"""File menu in the window: back up, restore, change and recover the passphrase; backoff."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.computer import ComputerService
from app.services.ledger import LedgerService
from app.services.profiles import WrongPassphrase, open_profile
from tests.ui.dialogs import DialogDriver
from tests.ui.test_main_window import PASS, make_profile, unnamed_controls
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.main_window import MainWindow
from ui.security.new_passphrase_dialog import (
    NewPassphraseDialog,
    change_passphrase_dialog,
    forgotten_passphrase_dialog,
)
from ui.security.recovery_dialog import RecoveryCodeDialog
from ui.security.settings_dialog import SettingsDialog
from ui.security.who_dialog import WhoIsUsingDialog

NEW = "a brand new passphrase"



def add_entry(window: MainWindow) -> None:
    assert window.profile is not None
    LedgerService(window.profile).add_entry(
        EntryDraft(date(2025, 5, 1), Money(-1234), "Shop", "pa_wages", ""), date(2025, 6, 1))


def test_back_up_then_restore_keeps_a_copy_of_what_was_there(
        qtbot: QtBot, window: MainWindow, data_dir: Path, tmp_path: Path,
        told: list[str]) -> None:
    make_profile(data_dir)
    window.open_with_passphrase("Ann Example", PASS)
    assert window.backup_action.isEnabled()
    window.files.choose_backup_destination = lambda suggested: tmp_path / "usb" / "ann"  # type: ignore[method-assign]
    (tmp_path / "usb").mkdir()
    written = window.files.back_up()
    assert written == tmp_path / "usb" / "ann.careledger" and written.exists()
    assert str(written) in told[-1]
    add_entry(window)  # made after the backup: the restore takes it away
    window.files.choose_backup_source = lambda: written  # type: ignore[method-assign]
    asked: list[str] = []
    window.files.confirm_replace = lambda name: asked.append(name) or True  # type: ignore[method-assign]
    driver = DialogDriver()

    def answer(dialog: PassphraseDialog) -> None:
        assert dialog.windowTitle() == "Restore from a backup"
        dialog.passphrase.setText("not it at all")
        dialog._submit()
        assert "not the passphrase this backup was made with" in dialog.error.text()
        dialog.passphrase.setText(PASS)
        dialog._submit()

    driver.expect(PassphraseDialog, answer)
    window.files.restore()
    driver.check()
    assert asked == ["Ann Example"]  # asked before anything was replaced
    assert window.profile is None  # locked first: it was the one replaced
    kept = sorted((data_dir / "backups").glob("before-restore-*"))
    assert len(kept) == 1 and str(kept[0]) in told[-1]
    with open_profile(data_dir, "Ann Example", PASS) as restored:
        assert LedgerService(restored).count() == 0


def test_back_up_to_a_missing_folder_says_what_to_do(
        qtbot: QtBot, window: MainWindow, data_dir: Path, tmp_path: Path,
        told: list[str]) -> None:
    make_profile(data_dir)
    window.open_with_passphrase("Ann Example", PASS)
    window.files.choose_backup_destination = lambda s: tmp_path / "gone" / "x"  # type: ignore[method-assign]
    assert window.files.back_up() is None
    assert "USB stick" in told[-1]


def test_change_passphrase_from_the_menu(qtbot: QtBot, window: MainWindow, data_dir: Path,
                                         told: list[str]) -> None:
    make_profile(data_dir)
    window.show_profiles()  # the profile chosen in the list
    assert window.change_passphrase_action.isEnabled()
    driver = DialogDriver()

    def fill(dialog: NewPassphraseDialog) -> None:
        assert unnamed_controls(dialog) == []
        dialog.secret.setText("wrong")
        dialog.new.setText(NEW)
        dialog.again.setText(NEW)
        dialog.submit()
        assert "not right" in dialog.error.text()
        dialog.secret.setText(PASS)
        dialog.again.setText(NEW + "!")
        dialog.submit()
        assert "not the same" in dialog.error.text()
        dialog.again.setText(NEW)
        dialog.submit()

    driver.expect(NewPassphraseDialog, fill)
    window.change_passphrase_action.trigger()
    driver.check()
    assert "is changed" in told[-1]
    open_profile(data_dir, "Ann Example", NEW).close()
    with pytest.raises(WrongPassphrase):
        open_profile(data_dir, "Ann Example", PASS)


def test_forgotten_passphrase_shows_a_new_recovery_code(
        qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    created = make_profile(data_dir)
    window.show_profiles()
    sheets: list[str] = []
    driver = DialogDriver()

    def fill(dialog: NewPassphraseDialog) -> None:
        assert dialog.windowTitle() == "Forgotten passphrase"
        dialog.secret.setText(created.recovery_code.lower())  # type: ignore[attr-defined]
        dialog.new.setText(NEW)
        dialog.again.setText(NEW)
        dialog.submit()

    def keep(dialog: RecoveryCodeDialog) -> None:
        sheets.append(dialog.sheet)
        dialog.kept.setChecked(True)
        dialog.close_button.click()

    driver.expect(NewPassphraseDialog, fill)
    driver.expect(RecoveryCodeDialog, keep)
    window.forgotten_action.trigger()
    driver.check()
    assert driver.ran == 2 and "Ann Example" in sheets[0]
    assert created.recovery_code not in sheets[0]  # type: ignore[attr-defined]
    open_profile(data_dir, "Ann Example", NEW).close()


def test_too_many_wrong_passphrases_say_how_long_to_wait(
        qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    make_profile(data_dir)
    messages: list[str] = []
    driver = DialogDriver()

    def keep_trying(dialog: PassphraseDialog) -> None:
        for _try in range(5):
            dialog.passphrase.setText("wrong guess")
            dialog._submit()
            messages.append(dialog.error.text())
        assert dialog.error.isVisible()

    driver.expect(PassphraseDialog, keep_trying)
    window.show_profiles()
    window.profiles_page.open_button.click()
    driver.check()
    assert "not right" in messages[0]
    assert messages[-1].startswith("Too many wrong tries. Wait ") and "seconds" in messages[-1]
    assert window.profile is None


# --- every new dialog: named controls, keyboard, 200% text ---------------------------------

def new_dialogs(data_dir: Path) -> list[QDialog]:
    from app.domain.roles import PersonRole, Role

    noop = lambda *args: None  # noqa: E731
    people = [PersonRole(1, "Ann Example", Role.BUDGET_HOLDER, True, _now(), "Ann Example"),
              PersonRole(2, "Sam Carer", Role.CARER, True, _now(), "Ann Example")]
    return [SettingsDialog(ComputerService(data_dir)), WhoIsUsingDialog(people),
            change_passphrase_dialog("Ann Example", noop),
            forgotten_passphrase_dialog("Ann Example", noop),
            PassphraseDialog("Ann Example", noop, offer_remember=True)]


def _now() -> object:
    from datetime import datetime
    return datetime(2025, 5, 1, 10, 30)


def test_new_dialogs_are_named_and_lay_out_at_double_text(
        qtbot: QtBot, window: MainWindow, data_dir: Path, qapp: QApplication) -> None:
    window.text_size.apply(2.0)
    for dialog in new_dialogs(data_dir):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert unnamed_controls(dialog) == [], type(dialog).__name__
        hint = dialog.sizeHint()
        assert hint.width() <= 1280 and hint.height() <= 800, (type(dialog).__name__, hint)
        texts = [w for w in dialog.findChildren(QWidget)
                 if isinstance(w, (QAbstractButton, QLabel)) and w.isVisible()]
        clipped = [w.text() for w in texts if w.width() < w.minimumSizeHint().width()
                   or w.height() < w.minimumSizeHint().height()]
        assert clipped == [], (type(dialog).__name__, clipped)
        dialog.close()


def test_new_passphrase_dialog_by_keyboard(qtbot: QtBot) -> None:
    got: list[tuple[str, str]] = []
    dialog = change_passphrase_dialog("Ann", lambda old, new: got.append((old, new)))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.secret.setFocus()
    for field, text in ((dialog.secret, PASS), (dialog.new, NEW), (dialog.again, NEW)):
        assert QApplication.focusWidget() is field  # Tab goes through the form in order
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.show_text
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert got == [(PASS, NEW)] and dialog.result() == QDialog.DialogCode.Accepted
