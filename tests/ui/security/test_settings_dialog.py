"""Settings for this computer from the window: saved, followed, and keys forgotten when the
computer is marked shared."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from app.services.computer import ComputerService
from app.services.profiles import CreatedProfile
from app.settings import ComputerMode, load_settings
from tests.conftest import PASSPHRASE
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.main_window import MainWindow
from ui.security.settings_dialog import SettingsDialog

NewDriver = Callable[[], Any]


def test_settings_dialog_saves_and_the_idle_lock_follows(
        window: MainWindow, data_dir: Path, told: list[str], dialog_driver: NewDriver,
        unnamed_controls: Callable[[QWidget], list[str]]) -> None:
    ComputerService(data_dir).set_mode(ComputerMode.OWN)
    driver = dialog_driver()

    def change(dialog: SettingsDialog) -> None:
        assert unnamed_controls(dialog) == []
        assert dialog.own.isChecked()
        dialog.idle_minutes.setValue(12)
        dialog.backups.setValue(9)
        dialog.language.setCurrentIndex(dialog.language.findData("cy"))
        dialog.save()

    driver.expect(SettingsDialog, change)
    window.edit_settings()
    driver.check()
    saved = load_settings(data_dir)
    assert (saved.idle_lock_minutes, saved.backups_to_keep, saved.language) == (12, 9, "cy")
    assert window.idle_lock.interval_ms() == 12 * 60_000
    assert "start it again" in told[0]


def test_marking_the_computer_shared_forgets_keys_and_says_so(
        window: MainWindow, created: CreatedProfile, data_dir: Path, told: list[str],
        memory_keyring: Any, dialog_driver: NewDriver) -> None:
    ComputerService(data_dir).set_mode(ComputerMode.OWN)

    def remember(dialog: PassphraseDialog) -> None:
        dialog.passphrase.setText(PASSPHRASE)
        dialog.remember.setChecked(True)
        dialog._submit()

    unlock = dialog_driver()
    unlock.expect(PassphraseDialog, remember)
    window.show_profiles()
    window.profiles_page.open_button.click()
    unlock.check()
    assert memory_keyring.stored and told == []
    window.lock()
    driver = dialog_driver()
    driver.expect(SettingsDialog, lambda d: (d.shared.setChecked(True), d.save()))
    window.edit_settings()
    driver.check()
    assert load_settings(data_dir).is_shared
    assert memory_keyring.stored == {}
    assert "forgotten every passphrase" in told[0]


def test_named_and_fits_at_double_text(data_dir: Path,
                                       fits_at_double_text: Callable[[QDialog], None]) -> None:
    fits_at_double_text(SettingsDialog(ComputerService(data_dir)))
