"""Automatic backups in the window: choose one and put it back; a damaged profile offers its
newest good backup when it is opened."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.auto_backups import BackupListing, list_backups
from app.services.ledger import LedgerService
from app.services.profiles import open_profile
from tests.ui.dialogs import DialogDriver
from tests.ui.test_main_window import PASS, make_profile, unnamed_controls
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.main_window import MainWindow
from ui.security.backups_dialog import BackupsDialog, BackupsModel

NAME = "Ann Example"


def _sessions(data_dir: Path, count: int) -> None:
    """`count` sessions that each add one entry: one automatic backup after each."""
    for n in range(count):
        with open_profile(data_dir, NAME, PASS) as profile:
            LedgerService(profile).add_entry(
                EntryDraft(date(2025, 5, 1), Money(-(n + 1) * 100), "Shop", "pa_wages", ""),
                date(2025, 6, 1))


def _count(data_dir: Path) -> int:
    with open_profile(data_dir, NAME, PASS, read_only=True) as profile:
        return LedgerService(profile).count()


def _type_passphrase(dialog: PassphraseDialog) -> None:
    dialog.passphrase.setText(PASS)
    dialog._submit()


def test_the_backups_model_and_dialog(qtbot: QtBot, data_dir: Path,
                                      qtmodeltester: ModelTester) -> None:
    make_profile(data_dir)
    _sessions(data_dir, 3)
    found = list_backups(data_dir, NAME, PASS)
    model = BackupsModel(found)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert "3 entries" in model.index(0, 2).data()
    dialog = BackupsDialog(NAME, found)
    qtbot.addWidget(dialog)
    dialog.show()  # as people see it: the corner button is hidden with the row numbers
    assert unnamed_controls(dialog) == []
    assert dialog.selected() == found[0]  # the newest, chosen to start with


def test_restore_an_automatic_backup_from_the_menu(qtbot: QtBot, window: MainWindow,
                                                   data_dir: Path, told: list[str]) -> None:
    make_profile(data_dir)
    _sessions(data_dir, 3)
    window.show_profiles()
    chosen: list[list[BackupListing]] = []

    def choose(name: str, found: list[BackupListing]) -> BackupListing:
        chosen.append(found)
        return found[2]  # the oldest: one entry

    window.files.choose_automatic_backup = choose  # type: ignore[method-assign]
    driver = DialogDriver()
    driver.expect(PassphraseDialog, _type_passphrase)
    assert window.restore_automatic_action.isEnabled()
    window.files.restore_automatic()
    driver.check()
    assert len(chosen[0]) == 3
    assert "is back as it was" in told[-1]
    assert _count(data_dir) == 1
    kinds = [b.kind for b in list_backups(data_dir, NAME, PASS)]
    assert kinds.count("kept") == 1  # the records that were there, kept


def test_a_damaged_profile_offers_its_newest_backup(qtbot: QtBot, window: MainWindow,
                                                    data_dir: Path, told: list[str]) -> None:
    info = make_profile(data_dir).info  # type: ignore[attr-defined]
    _sessions(data_dir, 2)
    info.database.write_bytes(b"")  # emptied by a sync tool
    offered: list[str] = []
    window.files.confirm_restore_newest = (  # type: ignore[method-assign]
        lambda damaged: offered.append(str(damaged)) or True)
    driver = DialogDriver()
    driver.expect(PassphraseDialog, _type_passphrase)
    window.ask_and_open(info)
    driver.check()
    assert offered and "newest good backup" in offered[0]
    assert window.profile is not None
    assert LedgerService(window.profile).count() == 2


def test_declining_the_offer_changes_nothing(qtbot: QtBot, window: MainWindow,
                                             data_dir: Path, told: list[str]) -> None:
    info = make_profile(data_dir).info  # type: ignore[attr-defined]
    _sessions(data_dir, 1)
    info.database.write_bytes(b"")
    window.files.confirm_restore_newest = lambda damaged: False  # type: ignore[method-assign]
    driver = DialogDriver()
    errors: list[str] = []

    def answer(dialog: PassphraseDialog) -> None:
        _type_passphrase(dialog)
        errors.append(dialog.error.text())

    driver.expect(PassphraseDialog, answer)
    window.ask_and_open(info)
    driver.check()
    assert window.profile is None
    assert "empty" in errors[0] and "newest good backup" in errors[0]
    assert info.database.stat().st_size == 0


def test_the_backups_dialog_lays_out_at_double_text(qtbot: QtBot, window: MainWindow,
                                                    data_dir: Path) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    make_profile(data_dir)
    _sessions(data_dir, 2)
    window.text_size.apply(2.0)
    dialog = BackupsDialog(NAME, list_backups(data_dir, NAME, PASS))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    hint = dialog.sizeHint()
    assert hint.width() <= 1280 and hint.height() <= 800
    clipped = [w.text() for w in dialog.findChildren(QWidget)
               if isinstance(w, (QAbstractButton, QLabel)) and w.isVisible()
               and (w.width() < w.minimumSizeHint().width()
                    or w.height() < w.minimumSizeHint().height())]
    assert clipped == []
