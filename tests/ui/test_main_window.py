"""The window as a person uses it: keyboard only, screen-reader names, large text, unlocking
(passphrase, remembered key, who is at the keyboard), locking."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.domain.roles import Role
from app.services.computer import ComputerService
from app.services.context import open_context
from app.services.profiles import CreatedProfile, open_profile
from app.settings import ComputerMode
from tests.conftest import FIXTURES, NAME, PASSPHRASE
from ui import main_window as main_window_module
from ui.bank.import_dialog import BankImportDialog
from ui.dialogs.entry_dialog import EntryDialog
from ui.dialogs.new_profile_dialog import NewProfileDialog
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.main_window import MainWindow
from ui.models.ledger_model import Col
from ui.security.recovery_dialog import RecoveryCodeDialog
from ui.security.who_dialog import WhoIsUsingDialog
from ui.text_size import TextSize

LLOYDS = FIXTURES / "bank" / "lloyds.csv"
Unnamed = Callable[[QWidget], list[str]]
NewDriver = Callable[[], Any]


def type_into_focus(qtbot: QtBot, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def press(qtbot: QtBot, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def own_computer(data_dir: Path) -> None:
    ComputerService(data_dir).set_mode(ComputerMode.OWN)


def unlock_from_list(window: MainWindow, new_driver: NewDriver,
                     fill: Callable[[PassphraseDialog], object]) -> None:
    driver = new_driver()
    driver.expect(PassphraseDialog, fill)
    window.show_profiles()
    window.profiles_page.open_button.click()
    driver.check()


def type_passphrase(remember: bool) -> Callable[[PassphraseDialog], None]:
    def fill(dialog: PassphraseDialog) -> None:
        dialog.passphrase.setText(PASSPHRASE)
        dialog.remember.setChecked(remember)
        dialog._submit()
    return fill


# --- making and opening profiles ---------------------------------------------------------------

def test_create_profile_from_the_dialog(window: MainWindow, dialog_driver: NewDriver,
                                        unnamed_controls: Unnamed) -> None:
    driver = dialog_driver()

    def fill(dialog: NewProfileDialog) -> None:
        assert unnamed_controls(dialog) == []
        dialog.name.setText("Bryn Jones")
        dialog.weekly.setText("385.50")
        dialog.passphrase.setText(PASSPHRASE)
        dialog.again.setText(PASSPHRASE)
        dialog._submit()

    codes: list[str] = []

    def keep_code(dialog: RecoveryCodeDialog) -> None:
        codes.append(dialog.sheet)
        assert not dialog.close_button.isEnabled()
        dialog.kept.setChecked(True)
        dialog.close_button.click()

    driver.expect(NewProfileDialog, fill)
    driver.expect(RecoveryCodeDialog, keep_code)
    window.profiles_page.new_button.click()
    driver.check()
    assert driver.ran == 2 and "Bryn Jones" in codes[0]
    assert window.ledger_page is not None and window.ctx is not None
    assert window.windowTitle().startswith("Bryn Jones")
    assert window.ledger_page.summary.balance.text() == "£0.00"


def test_wrong_passphrase_keeps_asking(window: MainWindow, created: CreatedProfile,
                                       dialog_driver: NewDriver) -> None:
    window.show_profiles()
    messages: list[str] = []
    driver = dialog_driver()

    def answer(dialog: PassphraseDialog) -> None:
        dialog.passphrase.setText("wrong one")
        dialog._submit()
        messages.append(dialog.error.text())
        dialog.passphrase.setText(PASSPHRASE)
        dialog._submit()

    driver.expect(PassphraseDialog, answer)
    window.profiles_page.open_button.click()
    driver.check()
    assert "not right" in messages[0]
    assert window.ledger_page is not None


def test_too_many_wrong_passphrases_say_how_long_to_wait(
        window: MainWindow, created: CreatedProfile, dialog_driver: NewDriver) -> None:
    messages: list[str] = []
    driver = dialog_driver()

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


def test_second_window_opens_read_only(window: MainWindow, created: CreatedProfile,
                                       data_dir: Path, dialog_driver: NewDriver) -> None:
    first = open_profile(data_dir, NAME, PASSPHRASE)
    try:
        window.confirm_read_only = lambda message: "another window" in message  # type: ignore[method-assign]
        driver = dialog_driver()
        driver.expect(PassphraseDialog, lambda d: (d.passphrase.setText(PASSPHRASE), d._submit()))
        window.show_profiles()
        window.profiles_page.open_button.click()
        driver.check()
        page = window.ledger_page
        assert page is not None and window.profile is not None and window.profile.read_only
        assert window.ctx is not None and window.ctx.read_only
        assert not page.add_button.isEnabled() and "read only" in window.windowTitle()
    finally:
        first.close()


def test_demo_button_opens_a_full_ledger(window: MainWindow) -> None:
    window.profiles_page.demo_button.click()
    page = window.ledger_page
    assert page is not None and page.model.rowCount() > 100
    assert "demo" in page.banner.text()
    window.lock()
    assert window.ledger_page is None and window.profile is None and window.ctx is None
    window.profiles_page.demo_button.click()  # the second time it reopens the same demo
    assert len(window.profiles_page.model._profiles) == 1


# --- remembering the key on this computer ---------------------------------------------------------

def test_remember_is_offered_only_on_an_own_computer(
        window: MainWindow, created: CreatedProfile, data_dir: Path,
        dialog_driver: NewDriver) -> None:
    offered: list[bool] = []

    def look(dialog: PassphraseDialog) -> None:
        offered.append(dialog.remember.isVisible())

    unlock_from_list(window, dialog_driver, look)  # unanswered counts as shared
    own_computer(data_dir)
    unlock_from_list(window, dialog_driver, look)
    assert offered == [False, True]


def test_a_remembered_profile_opens_without_asking(
        window: MainWindow, created: CreatedProfile, data_dir: Path, told: list[str],
        memory_keyring: Any, monkeypatch: pytest.MonkeyPatch, dialog_driver: NewDriver) -> None:
    own_computer(data_dir)
    unlock_from_list(window, dialog_driver, type_passphrase(remember=True))
    assert memory_keyring.stored and told == []
    window.lock()

    def never(*_args: object, **_kw: object) -> None:
        raise AssertionError("the passphrase was asked for")

    monkeypatch.setattr(main_window_module, "PassphraseDialog", never)
    window.profiles_page.open_button.click()
    assert window.profile is not None and window.ledger_page is not None


def test_no_keyring_says_so_plainly_and_opens_anyway(
        window: MainWindow, created: CreatedProfile, data_dir: Path, told: list[str],
        dialog_driver: NewDriver) -> None:
    own_computer(data_dir)  # the tests' keyring is the null one: it keeps nothing
    unlock_from_list(window, dialog_driver, type_passphrase(remember=True))
    assert window.profile is not None
    assert "no working password store" in told[0]


# --- who is at the keyboard -----------------------------------------------------------------------

def test_who_is_asked_when_several_people_act(
        window: MainWindow, created: CreatedProfile, dialog_driver: NewDriver,
        unnamed_controls: Unnamed) -> None:
    window.open_with_passphrase(NAME, PASSPHRASE)  # only Ann: nobody is asked
    assert window.profile is not None and window.profile.actor == NAME
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

    driver = dialog_driver()
    driver.expect(PassphraseDialog, type_passphrase(remember=False))
    driver.expect(WhoIsUsingDialog, choose_sam)
    window.profiles_page.open_button.click()
    driver.check()
    assert shown == [f"{NAME} (Budget holder)", "Sam Carer (Carer)"]
    ctx = window.ctx
    assert ctx is not None and ctx.actor == "Sam Carer"
    ctx.ledger.add_entry(EntryDraft(date(2025, 5, 1), Money(-700), "Shop", "pa_wages", ""),
                         date(2025, 6, 1))
    assert ctx.history.events()[-1].actor == "Sam Carer"


def test_saying_nobody_opens_nothing(window: MainWindow, created: CreatedProfile,
                                     data_dir: Path, dialog_driver: NewDriver) -> None:
    with open_context(data_dir, NAME, PASSPHRASE) as ctx:
        ctx.people.add("Pat Worker", Role.SUPPORT_WORKER)
    driver = dialog_driver()
    driver.expect(PassphraseDialog, type_passphrase(remember=False))
    driver.expect(WhoIsUsingDialog, lambda d: d.reject())
    window.show_profiles()
    window.profiles_page.open_button.click()
    driver.check()
    assert window.profile is None and window.ctx is None
    open_profile(data_dir, NAME, PASSPHRASE).close()  # its lock was let go


# --- the keyboard, names and large text -----------------------------------------------------------

def test_add_an_entry_with_the_keyboard_only(qtbot: QtBot, window: MainWindow,
                                             created: CreatedProfile, dialog_driver: NewDriver,
                                             unnamed_controls: Unnamed) -> None:
    window.open_with_passphrase(NAME, PASSPHRASE)
    page = window.ledger_page
    assert page is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    seen: list[str] = []
    driver = dialog_driver()

    def fill(dialog: EntryDialog) -> None:
        assert QApplication.focusWidget() is dialog.amount
        seen.extend(unnamed_controls(dialog))
        type_into_focus(qtbot, "25.50")
        press(qtbot, Qt.Key.Key_Tab)
        type_into_focus(qtbot, "Jo Evans (PA)")
        press(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.category
        assert dialog.category.currentData() == "pa_wages"
        press(qtbot, Qt.Key.Key_Tab)
        type_into_focus(qtbot, "Week 1")
        press(qtbot, Qt.Key.Key_Return)

    driver.expect(EntryDialog, fill)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    driver.check()
    assert seen == []
    model = page.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, Col.PAYEE)) == "Jo Evans (PA)"
    assert model.data(model.index(0, Col.MONEY_OUT)) == "£25.50"
    assert model.data(model.index(0, Col.BALANCE)) == "-£25.50"
    assert page.summary.balance.text() == "-£25.50"
    assert "overdrawn" in page.summary.status.text()


def test_undo_and_redo_from_the_keyboard(qtbot: QtBot, window: MainWindow,
                                         created: CreatedProfile,
                                         dialog_driver: NewDriver) -> None:
    window.open_with_passphrase(NAME, PASSPHRASE)
    page = window.ledger_page
    assert page is not None
    driver = dialog_driver()

    def fill(dialog: EntryDialog) -> None:
        dialog.amount.setText("12.00")
        dialog.payee.setText("Jo")
        dialog._submit()

    driver.expect(EntryDialog, fill)
    page.add_button.click()
    driver.check()
    assert page.model.rowCount() == 1 and page.undo_button.isEnabled()
    window.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == 0 and page.redo_button.isEnabled()
    press(qtbot, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.model.rowCount() == 1
    assert page.summary.balance.text() == "-£12.00"


def test_import_a_bank_statement_then_undo_it(window: MainWindow,
                                              make_profile: Callable[..., CreatedProfile],
                                              dialog_driver: NewDriver) -> None:
    make_profile(start=date(2023, 11, 1))  # the Lloyds sample is from December 2023
    window.open_with_passphrase(NAME, PASSPHRASE)
    page = window.ledger_page
    assert page is not None
    driver = dialog_driver()

    def load(dialog: BankImportDialog) -> None:
        dialog.load_file(LLOYDS)
        assert "12 new" in dialog.summary.text()
        dialog._commit()

    driver.expect(BankImportDialog, load)
    page.import_button.click()
    driver.check()
    assert page.model.rowCount() == 12
    page.undo()
    assert page.model.rowCount() == 0


def test_every_control_has_an_accessible_name(window: MainWindow,
                                              unnamed_controls: Unnamed) -> None:
    assert unnamed_controls(window) == []
    window.open_demo()
    assert unnamed_controls(window) == []


def test_window_lays_out_at_double_text_size(qtbot: QtBot, window: MainWindow,
                                             qapp: QApplication) -> None:
    window.open_demo()
    normal = qapp.font().pointSizeF()
    window.text_size.apply(2.0)
    assert qapp.font().pointSizeF() == normal * 2
    page = window.ledger_page
    assert page is not None
    assert page.summary.balance.font().pointSizeF() == normal * 2 * 1.4
    window.resize(1280, 800)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 800, hint

    def clipped() -> list[str]:
        widgets: list[QWidget] = [*window.findChildren(QAbstractButton),
                                  page.summary.balance, page.summary.status]
        return [w.accessibleName() for w in widgets
                if w.isVisibleTo(window) and (w.width() < w.minimumSizeHint().width()
                                              or w.height() < w.minimumSizeHint().height())]

    qtbot.waitUntil(lambda: clipped() == [], timeout=3000)


# --- locking --------------------------------------------------------------------------------------

def test_idle_lock_hides_every_figure(qtbot: QtBot, window: MainWindow) -> None:
    window.open_demo()
    assert window.idle_lock.is_running()
    window.idle_lock.set_interval_ms(50)
    qtbot.waitUntil(lambda: window.profile is None, timeout=3000)
    assert window.ledger_page is None and window.ctx is None
    assert window.stack.currentWidget() is window.profiles_scroll
    assert "£" not in " ".join(w.text() for w in window.findChildren(QLabel) if w.isVisible())


def test_locking_leaves_no_name_in_title_or_qsettings(
        qtbot: QtBot, created: CreatedProfile, data_dir: Path, tmp_path: Path,
        qapp: QApplication) -> None:
    stored = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    base = qapp.font()
    window = MainWindow(data_dir, TextSize(qapp, stored))
    qtbot.addWidget(window)
    window.show()
    try:
        window.open_with_passphrase(NAME, PASSPHRASE)
        window.text_size.larger()
        assert "Ann" in window.windowTitle()
        window.lock()
        stored.sync()
        assert window.windowTitle() == "CareLedger"
        saved = " ".join(f"{k}={stored.value(k)}" for k in stored.allKeys())
        assert saved and "Ann" not in saved and "ann" not in saved.casefold()
    finally:
        window.lock()
        qapp.setFont(base)


def test_idle_lock_counts_down_then_brings_back_a_half_typed_entry(
        qtbot: QtBot, window: MainWindow, created: CreatedProfile,
        dialog_driver: NewDriver) -> None:
    window.open_with_passphrase(NAME, PASSPHRASE)
    page = window.ledger_page
    assert page is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    seen: list[str] = []

    def half_type(dialog: EntryDialog) -> None:
        type_into_focus(qtbot, "25.50")
        press(qtbot, Qt.Key.Key_Tab)
        type_into_focus(qtbot, "Jo Ev")
        window.idle_lock.set_interval_ms(1200, warning_ms=600)  # then leave the keyboard
        qtbot.waitUntil(lambda: window.countdown.isVisible(), timeout=3000)
        seen.append(window.countdown.label.text())
        qtbot.waitUntil(lambda: window.ctx is None, timeout=3000)

    driver = dialog_driver()
    driver.expect(EntryDialog, half_type)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    driver.check()
    assert seen and seen[0].startswith("Locking in 1 second")
    assert not window.countdown.isVisible() and window.stack.currentWidget() is \
        window.profiles_scroll
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, EntryDialog) and w.isVisible()]
    assert window.kept is not None and PASSPHRASE not in repr(window.kept)
    back: list[tuple[str, str]] = []
    driver = dialog_driver()
    driver.expect(EntryDialog, lambda d: back.append((d.amount.text(), d.payee.text())))
    window.open_with_passphrase(NAME, PASSPHRASE)
    qtbot.waitUntil(lambda: driver.ran > 0, timeout=3000)  # reopened just after unlocking
    driver.check()
    assert back == [("25.50", "Jo Ev")]
    assert window.kept is None and "back as you left it" in window.statusBar().currentMessage()
    assert window.ctx is not None and window.ctx.ledger.count() == 0  # nothing was saved


def test_kept_work_is_forgotten_when_another_profile_is_opened(
        window: MainWindow, created: CreatedProfile) -> None:
    from ui.security.kept_work import KeptWork

    window.kept = KeptWork("Someone else", {(): 3})
    window.open_with_passphrase(NAME, PASSPHRASE)
    assert window.kept is None and window.profile_view is not None
    assert window.profile_view.currentIndex() == 0


def _focus_is_on(page: object) -> bool:
    widget = QApplication.focusWidget()
    return widget is not None and (widget is page or page.isAncestorOf(widget))  # type: ignore[attr-defined]


def test_ctrl_tab_to_a_tab_never_shown_puts_the_keyboard_on_its_page(
        qtbot: QtBot, window: MainWindow, created: CreatedProfile) -> None:
    """Ctrl+Tab from the ledger lands on the next page's first control, as before the tabs were
    built lazily, not on the unnamed scroll area that held the placeholder."""
    window.open_with_passphrase(NAME, PASSPHRASE)
    tabs = window.profile_view
    ledger = window.ledger_page
    assert tabs is not None and ledger is not None
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ledger.table)
    qtbot.keyClick(ledger.table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
    page = tabs.currentWidget()
    qtbot.waitUntil(lambda: _focus_is_on(page), timeout=2000)


def test_a_name_half_typed_on_people_comes_back_after_the_lock_while_on_statements(
        qtbot: QtBot, window: MainWindow, created: CreatedProfile) -> None:
    """Kept work finds fields by (class, index among same-class siblings); a tab's page moves
    among the stack's children each time it is shown (raise()), so without counting the stack's
    pages in tab order a value typed on a tab not in front at the lock was lost."""
    window.open_with_passphrase(NAME, PASSPHRASE)
    tabs = window.profile_view
    assert tabs is not None
    tabs.setCurrentWidget(tabs.people_page)
    tabs.people_page.name.setText("Half Typed")
    tabs.setCurrentWidget(tabs.statement_page)
    tabs.statement_page.bank_edit.setText("1234.56")
    window.lock_when_idle()
    assert window.ctx is None and window.kept is not None
    window.open_with_passphrase(NAME, PASSPHRASE)
    tabs = window.profile_view
    assert tabs is not None
    # Only the pages built before the lock are built again (all ten took half a second).
    assert sorted(tabs.built_names()) == ["people_page", "statement_page"]
    assert tabs.statement_page.bank_edit.text() == "1234.56"  # the tab in front: back
    assert tabs.people_page.name.text() == "Half Typed"


@pytest.mark.parametrize("answer", [True, False])
def test_profile_option_on_a_profile_open_elsewhere_asks_once_about_read_only(
        window: MainWindow, created: CreatedProfile, data_dir: Path,
        monkeypatch: pytest.MonkeyPatch, answer: bool) -> None:
    """`--profile NAME` with CARELEDGER_PASSPHRASE: the read-only question comes straight
    away (it came after a warning with only OK), and No opens nothing and asks nothing more."""
    from app.cli.secrets import PASSPHRASE_ENV
    from ui.application import open_requested_profile

    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    asked: list[str] = []
    def confirm(message: str) -> bool:
        asked.append(message)
        return answer

    window.confirm_read_only = confirm  # type: ignore[method-assign]
    window.ask_and_open = lambda info: pytest.fail("asked for the passphrase again")  # type: ignore[method-assign]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"warned: {a[2]}"))
    first = open_profile(data_dir, NAME, PASSPHRASE)
    try:
        open_requested_profile(window, NAME)
        assert len(asked) == 1 and "another window" in asked[0]
        assert (window.profile is not None and window.profile.read_only) is answer
    finally:
        first.close()
