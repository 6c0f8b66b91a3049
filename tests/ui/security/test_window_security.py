"""Issue 3 in the window: settings, remembering keys, who is at the keyboard, People tab."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.domain.roles import Role
from app.services.computer import ComputerService
from app.services.history import HistoryService
from app.services.ledger import LedgerService
from app.services.people import PeopleService
from app.services.profiles import OpenProfile, open_profile
from app.settings import ComputerMode, Settings, load_settings
from tests.memory_keyring import MemoryKeyring
from tests.ui.dialogs import DialogDriver
from tests.ui.test_main_window import PASS, make_profile, unnamed_controls
from ui import main_window as main_window_module
from ui.application import choose_language
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.main_window import MainWindow
from ui.security.people_model import SORT_ROLE, Col, PeopleModel
from ui.security.profile_files import forget_file_dialog_places
from ui.security.settings_dialog import SettingsDialog
from ui.security.who_dialog import WhoIsUsingDialog
from ui.text_size import TextSize


def own_computer(data_dir: Path) -> None:
    ComputerService(data_dir).set_mode(ComputerMode.OWN)


def unlock_from_list(window: MainWindow, fill: Callable[[PassphraseDialog], None]) -> None:
    driver = DialogDriver()
    driver.expect(PassphraseDialog, fill)
    window.show_profiles()
    window.profiles_page.open_button.click()
    driver.check()


def type_passphrase(remember: bool) -> Callable[[PassphraseDialog], None]:
    def fill(dialog: PassphraseDialog) -> None:
        dialog.passphrase.setText(PASS)
        dialog.remember.setChecked(remember)
        dialog._submit()
    return fill


# --- settings ------------------------------------------------------------------------------

def test_settings_dialog_saves_and_the_idle_lock_follows(
        qtbot: QtBot, window: MainWindow, data_dir: Path, told: list[str]) -> None:
    own_computer(data_dir)
    driver = DialogDriver()

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
        qtbot: QtBot, window: MainWindow, data_dir: Path, told: list[str],
        memory_keyring: MemoryKeyring) -> None:
    own_computer(data_dir)
    make_profile(data_dir)
    unlock_from_list(window, type_passphrase(remember=True))
    assert memory_keyring.stored and told == []
    window.lock()
    driver = DialogDriver()
    driver.expect(SettingsDialog, lambda d: (d.shared.setChecked(True), d.save()))
    window.edit_settings()
    driver.check()
    assert load_settings(data_dir).is_shared
    assert memory_keyring.stored == {}
    assert "forgotten every passphrase" in told[0]


# --- remember on this computer -------------------------------------------------------------

def test_remember_is_offered_only_on_an_own_computer(qtbot: QtBot, window: MainWindow,
                                                     data_dir: Path) -> None:
    make_profile(data_dir)
    offered: list[bool] = []

    def look(dialog: PassphraseDialog) -> None:
        offered.append(dialog.remember.isVisible())

    unlock_from_list(window, look)  # unanswered counts as shared
    own_computer(data_dir)
    unlock_from_list(window, look)
    assert offered == [False, True]


def test_a_remembered_profile_opens_without_asking(
        qtbot: QtBot, window: MainWindow, data_dir: Path, told: list[str],
        memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    own_computer(data_dir)
    make_profile(data_dir)
    unlock_from_list(window, type_passphrase(remember=True))
    window.lock()

    def never(*_args: object, **_kw: object) -> None:
        raise AssertionError("the passphrase was asked for")

    monkeypatch.setattr(main_window_module, "PassphraseDialog", never)
    window.profiles_page.open_button.click()
    assert window.profile is not None and window.ledger_page is not None


def test_no_keyring_says_so_plainly_and_opens_anyway(
        qtbot: QtBot, window: MainWindow, data_dir: Path, told: list[str]) -> None:
    own_computer(data_dir)  # the tests' keyring is the null one: it keeps nothing
    make_profile(data_dir)
    unlock_from_list(window, type_passphrase(remember=True))
    assert window.profile is not None
    assert "no working password store" in told[0]


# --- who is at the keyboard ----------------------------------------------------------------

def test_who_is_asked_when_several_people_act(qtbot: QtBot, window: MainWindow,
                                              data_dir: Path) -> None:
    make_profile(data_dir)
    window.open_with_passphrase("Ann Example", PASS)  # only Ann: nobody is asked
    assert window.profile is not None and window.profile.actor == "Ann Example"
    page = window.people_page
    assert page is not None and window.profile_view is not None
    window.profile_view.setCurrentWidget(page)
    assert unnamed_controls(window) == []
    page.name.setText("Sam Carer")
    page.role.setCurrentIndex(page.role.findData(Role.CARER))
    page.add_button.click()
    assert page.model.rowCount() == 2 and "Sam Carer is recorded" in page.message.text()
    window.lock()
    shown: list[str] = []

    def choose_sam(dialog: WhoIsUsingDialog) -> None:
        assert unnamed_controls(dialog) == []
        shown.extend(dialog.people.item(i).text() for i in range(dialog.people.count()))
        dialog.choose("Sam Carer")
        dialog.accept()

    driver = DialogDriver()
    driver.expect(PassphraseDialog, type_passphrase(remember=False))
    driver.expect(WhoIsUsingDialog, choose_sam)
    window.profiles_page.open_button.click()
    driver.check()
    assert shown == ["Ann Example (Budget holder)", "Sam Carer (Carer)"]
    profile = window.profile
    assert profile is not None and profile.actor == "Sam Carer"
    LedgerService(profile).add_entry(
        EntryDraft(date(2025, 5, 1), Money(-700), "Shop", "pa_wages", ""), date(2025, 6, 1))
    assert HistoryService(profile).events()[-1].actor == "Sam Carer"


def test_saying_nobody_opens_nothing(qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    make_profile(data_dir)
    with open_profile(data_dir, "Ann Example", PASS) as profile:
        PeopleService(profile).add("Pat Worker", Role.SUPPORT_WORKER)
    driver = DialogDriver()
    driver.expect(PassphraseDialog, type_passphrase(remember=False))
    driver.expect(WhoIsUsingDialog, lambda d: d.reject())
    window.show_profiles()
    window.profiles_page.open_button.click()
    driver.check()
    assert window.profile is None
    open_profile(data_dir, "Ann Example", PASS).close()  # its lock was let go


def test_people_page_explains_a_missing_name(qtbot: QtBot, window: MainWindow,
                                             data_dir: Path) -> None:
    make_profile(data_dir)
    window.open_with_passphrase("Ann Example", PASS)
    page = window.people_page
    assert page is not None
    page.name.setText("   ")
    assert page.add() is None
    assert "Give the person's name" in page.message.text()
    assert page.model.rowCount() == 1


def test_people_model_is_a_sound_table(qtbot: QtBot, qtmodeltester: ModelTester,
                                       open_profile: OpenProfile) -> None:
    people = PeopleService(open_profile)
    people.add("Zoe Appointee", Role.APPOINTED_PERSON)
    model = PeopleModel()
    model.set_people(people.list())
    qtmodeltester.check(model)
    assert model.data(model.index(1, Col.ROLE)) == "Appointed person"
    assert model.data(model.index(1, Col.NAME), SORT_ROLE) == "zoe appointee"


# --- nothing personal left behind ----------------------------------------------------------

def test_locking_leaves_no_name_in_title_or_qsettings(
        qtbot: QtBot, data_dir: Path, tmp_path: Path, qapp: object) -> None:
    make_profile(data_dir)
    stored = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    base = qapp.font()  # type: ignore[attr-defined]
    window = MainWindow(data_dir, TextSize(qapp, stored))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    try:
        window.open_with_passphrase("Ann Example", PASS)
        window.text_size.larger()
        assert "Ann" in window.windowTitle()
        window.lock()
        stored.sync()
        assert window.windowTitle() == "CareLedger"
        saved = " ".join(f"{k}={stored.value(k)}" for k in stored.allKeys())
        assert saved and "Ann" not in saved and "ann" not in saved.casefold()
    finally:
        window.lock()
        qapp.setFont(base)  # type: ignore[attr-defined]


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


def test_language_from_settings_unless_asked_otherwise(monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:
    monkeypatch.delenv("CARELEDGER_LANG", raising=False)
    monkeypatch.setenv("LANG", "cy_GB.UTF-8")
    assert choose_language(None, Settings()) == "cy_GB.UTF-8"  # first run: the system's
    chosen = Settings(computer=ComputerMode.OWN, language="en")
    assert choose_language(None, chosen) == "en"
    assert choose_language("cy", chosen) == "cy"
    monkeypatch.setenv("CARELEDGER_LANG", "cy")
    assert choose_language(None, chosen) == "cy"
