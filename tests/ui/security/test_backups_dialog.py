"""Automatic backups in the window: choose one and put it back; a damaged profile offers its
newest good backup when it is opened."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.auto_backups import BackupListing, list_backups
from app.services.context import open_context
from app.services.profiles import CreatedProfile
from tests.conftest import NAME, PASSPHRASE
from tests.ui.conftest import DialogDriver
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.main_window import MainWindow
from ui.security.backups_dialog import BackupsDialog, BackupsModel


def _sessions(data_dir: Path, count: int) -> None:
    """`count` sessions that each add one entry: one automatic backup after each."""
    for n in range(count):
        with open_context(data_dir, NAME, PASSPHRASE) as ctx:
            ctx.ledger.add_entry(
                EntryDraft(date(2025, 5, 1), Money(-(n + 1) * 100), "Shop", "pa_wages", ""),
                date(2025, 6, 1))


def _count(data_dir: Path) -> int:
    with open_context(data_dir, NAME, PASSPHRASE, read_only=True) as ctx:
        return ctx.ledger.count()


def _type_passphrase(dialog: PassphraseDialog) -> None:
    dialog.passphrase.setText(PASSPHRASE)
    dialog._submit()


def test_the_backups_model_and_dialog(qtbot: QtBot, data_dir: Path, created: CreatedProfile,
                                      qtmodeltester: ModelTester,
                                      unnamed_controls: Callable[[QWidget], list[str]]) -> None:
    _sessions(data_dir, 3)
    found = list_backups(data_dir, NAME, PASSPHRASE)
    model = BackupsModel(found)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert "3 entries" in model.index(0, 2).data()
    dialog = BackupsDialog(NAME, found)
    qtbot.addWidget(dialog)
    dialog.show()  # as people see it: the corner button is hidden with the row numbers
    assert unnamed_controls(dialog) == []
    assert dialog.selected() == found[0]  # the newest, chosen to start with


def test_the_backups_dialog_fits_at_double_text(data_dir: Path, created: CreatedProfile,
                                                fits_at_double_text: Callable[[QDialog], None]
                                                ) -> None:
    _sessions(data_dir, 2)
    fits_at_double_text(BackupsDialog(NAME, list_backups(data_dir, NAME, PASSPHRASE)))


def test_restore_an_automatic_backup_from_the_menu(
        qtbot: QtBot, window: MainWindow, data_dir: Path, created: CreatedProfile,
        told: list[str], dialog_driver: Callable[[], DialogDriver]) -> None:
    _sessions(data_dir, 3)
    window.show_profiles()
    chosen: list[list[BackupListing]] = []

    def choose(name: str, found: list[BackupListing]) -> BackupListing:
        chosen.append(found)
        return found[2]  # the oldest: one entry

    window.files.choose_automatic_backup = choose  # type: ignore[method-assign]
    driver = dialog_driver()
    driver.expect(PassphraseDialog, _type_passphrase)
    assert window.restore_automatic_action.isEnabled()
    window.files.restore_automatic()
    driver.check()
    assert len(chosen[0]) == 3
    assert "is back as it was" in told[-1]
    assert _count(data_dir) == 1
    kinds = [b.kind for b in list_backups(data_dir, NAME, PASSPHRASE)]
    assert kinds.count("kept") == 1  # the records that were there, kept


def test_a_damaged_profile_offers_its_newest_backup(
        qtbot: QtBot, window: MainWindow, data_dir: Path, created: CreatedProfile,
        told: list[str], dialog_driver: Callable[[], DialogDriver]) -> None:
    _sessions(data_dir, 2)
    created.info.database.write_bytes(b"")  # emptied by a sync tool
    offered: list[str] = []
    def offer(damaged: object) -> bool:
        offered.append(str(damaged))
        return True

    window.files.confirm_restore_newest = offer  # type: ignore[method-assign]
    driver = dialog_driver()
    driver.expect(PassphraseDialog, _type_passphrase)
    window.ask_and_open(created.info)
    driver.check()
    assert offered and "newest good backup" in offered[0]
    assert window.ctx is not None
    assert window.ctx.ledger.count() == 2


def test_declining_the_offer_changes_nothing(
        qtbot: QtBot, window: MainWindow, data_dir: Path, created: CreatedProfile,
        told: list[str], dialog_driver: Callable[[], DialogDriver]) -> None:
    _sessions(data_dir, 1)
    created.info.database.write_bytes(b"")
    window.files.confirm_restore_newest = lambda damaged: False  # type: ignore[method-assign]
    driver = dialog_driver()
    errors: list[str] = []

    def answer(dialog: PassphraseDialog) -> None:
        _type_passphrase(dialog)
        errors.append(dialog.error.text())

    driver.expect(PassphraseDialog, answer)
    window.ask_and_open(created.info)
    driver.check()
    assert window.ctx is None
    assert "empty" in errors[0] and "newest good backup" in errors[0]
    assert created.info.database.stat().st_size == 0
