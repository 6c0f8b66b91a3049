"""The File menu's profile files: back up, restore, change and recover the passphrase, and
file dialogs that forget where they were on a shared computer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import open_context
from app.services.profiles import CreatedProfile, WrongPassphrase, open_profile
from tests.conftest import NAME, PASSPHRASE
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.main_window import MainWindow
from ui.security.new_passphrase_dialog import NewPassphraseDialog
from ui.security.profile_files import forget_file_dialog_places
from ui.security.recovery_dialog import RecoveryCodeDialog

NEW = "a brand new passphrase"
NewDriver = Callable[[], Any]


def test_back_up_then_restore_keeps_a_copy_of_what_was_there(
        window: MainWindow, created: CreatedProfile, data_dir: Path, tmp_path: Path,
        told: list[str], dialog_driver: NewDriver) -> None:
    window.open_with_passphrase(NAME, PASSPHRASE)
    assert window.backup_action.isEnabled() and window.ctx is not None
    window.files.choose_backup_destination = lambda suggested: tmp_path / "usb" / "ann"  # type: ignore[method-assign]
    (tmp_path / "usb").mkdir()
    written = window.files.back_up()
    assert written == tmp_path / "usb" / "ann.careledger" and written.exists()
    assert str(written) in told[-1]
    window.ctx.ledger.add_entry(  # made after the backup: the restore takes it away
        EntryDraft(date(2025, 5, 1), Money(-1234), "Shop", "pa_wages", ""), date(2025, 6, 1))
    window.files.choose_backup_source = lambda: written  # type: ignore[method-assign]
    asked: list[str] = []

    def confirm(name: str) -> bool:
        asked.append(name)
        return True

    window.files.confirm_replace = confirm  # type: ignore[method-assign]
    driver = dialog_driver()

    def answer(dialog: PassphraseDialog) -> None:
        assert dialog.windowTitle() == "Restore from a backup"
        dialog.passphrase.setText("not it at all")
        dialog._submit()
        assert "not the passphrase this backup was made with" in dialog.error.text()
        dialog.passphrase.setText(PASSPHRASE)
        dialog._submit()

    driver.expect(PassphraseDialog, answer)
    window.files.restore()
    driver.check()
    assert asked == [NAME]  # asked before anything was replaced
    assert window.profile is None  # locked first: it was the one replaced
    kept = sorted((data_dir / "backups").glob("before-restore-*"))
    assert len(kept) == 1 and str(kept[0]) in told[-1]
    with open_context(data_dir, NAME, PASSPHRASE) as restored:
        assert restored.ledger.count() == 0


def test_back_up_to_a_missing_folder_says_what_to_do(
        window: MainWindow, created: CreatedProfile, tmp_path: Path, told: list[str]) -> None:
    window.open_with_passphrase(NAME, PASSPHRASE)
    window.files.choose_backup_destination = lambda suggested: tmp_path / "gone" / "x"  # type: ignore[method-assign]
    assert window.files.back_up() is None
    assert "USB stick" in told[-1]


def test_change_passphrase_from_the_menu(
        window: MainWindow, created: CreatedProfile, data_dir: Path, told: list[str],
        dialog_driver: NewDriver, unnamed_controls: Callable[[QWidget], list[str]]) -> None:
    window.show_profiles()  # the profile chosen in the list
    assert window.change_passphrase_action.isEnabled()
    driver = dialog_driver()

    def fill(dialog: NewPassphraseDialog) -> None:
        assert unnamed_controls(dialog) == []
        dialog.secret.setText("wrong")
        dialog.new.setText(NEW)
        dialog.again.setText(NEW)
        dialog.submit()
        assert "not right" in dialog.error.text()
        dialog.secret.setText(PASSPHRASE)
        dialog.again.setText(NEW + "!")
        dialog.submit()
        assert "not the same" in dialog.error.text()
        dialog.again.setText(NEW)
        dialog.submit()

    driver.expect(NewPassphraseDialog, fill)
    window.change_passphrase_action.trigger()
    driver.check()
    assert "is changed" in told[-1]
    open_profile(data_dir, NAME, NEW).close()
    with pytest.raises(WrongPassphrase):
        open_profile(data_dir, NAME, PASSPHRASE)


def test_forgotten_passphrase_shows_a_new_recovery_code(
        window: MainWindow, created: CreatedProfile, data_dir: Path,
        dialog_driver: NewDriver) -> None:
    window.show_profiles()
    sheets: list[str] = []
    driver = dialog_driver()

    def fill(dialog: NewPassphraseDialog) -> None:
        assert dialog.windowTitle() == "Forgotten passphrase"
        dialog.secret.setText(created.recovery_code.lower())
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
    assert driver.ran == 2 and NAME in sheets[0]
    assert created.recovery_code not in sheets[0]
    open_profile(data_dir, NAME, NEW).close()


def test_file_dialog_places_are_forgotten(tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    qt = QSettings(QSettings.Scope.UserScope, "QtProject")
    qt.setValue("FileDialog/lastVisited", "file:///home/ann/private")
    qt.setValue("FileDialog/history", ["file:///home/ann/private"])
    qt.setValue("FileDialog/viewMode", "Detail")
    qt.sync()
    forget_file_dialog_places()
    qt.sync()
    assert sorted(qt.allKeys()) == ["FileDialog/viewMode"]
