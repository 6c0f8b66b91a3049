"""The window as a person uses it: keyboard only, screen-reader names, large text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.domain.funding import Frequency
from app.domain.money import Money
from app.services.profiles import NewProfile, create_profile
from ui.dialogs.entry_dialog import EntryDialog
from ui.dialogs.new_profile_dialog import NewProfileDialog
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.main_window import MainWindow
from ui.models.ledger_model import Col
from ui.security.recovery_dialog import RecoveryCodeDialog

from .dialogs import DialogDriver

PASS = "correct horse battery"
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QDateEdit)


def make_profile(data_dir: Path, name: str = "Ann Example") -> object:
    return create_profile(data_dir, NewProfile(name, Money(42000), Frequency.FOUR_WEEKLY,
                                               date(2025, 4, 1)), PASS)


def type_into_focus(qtbot: object, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)  # type: ignore[attr-defined]


def press(qtbot: object, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)  # type: ignore[attr-defined]


def unnamed_controls(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()}"
            for w in root.findChildren(QWidget)
            if isinstance(w, CONTROLS) and w.isVisibleTo(root) and not w.accessibleName()
            and w.objectName() != "qt_spinbox_lineedit"
            and not isinstance(w.parent(), (QComboBox, QDateEdit))]


def test_create_profile_from_the_dialog(qtbot: object, window: MainWindow) -> None:
    driver = DialogDriver()

    def fill(dialog: NewProfileDialog) -> None:
        assert unnamed_controls(dialog) == []
        dialog.name.setText("Bryn Jones")
        dialog.weekly.setText("385.50")
        dialog.passphrase.setText(PASS)
        dialog.again.setText(PASS)
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
    assert window.ledger_page is not None
    assert window.windowTitle().startswith("Bryn Jones")
    assert window.ledger_page.summary.balance.text() == "£0.00"


def test_new_profile_dialog_shows_mismatched_passphrases(qtbot: object) -> None:
    created: list[object] = []
    dialog = NewProfileDialog(lambda req, pw: created.append(req))
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.name.setText("Ann")
    dialog.passphrase.setText(PASS)
    dialog.again.setText(PASS + "x")
    dialog._submit()
    assert created == [] and "not the same" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_wrong_passphrase_keeps_asking(qtbot: object, window: MainWindow, data_dir: Path
                                       ) -> None:
    make_profile(data_dir)
    window.show_profiles()
    messages: list[str] = []
    driver = DialogDriver()

    def answer(dialog: PassphraseDialog) -> None:
        dialog.passphrase.setText("wrong one")
        dialog._submit()
        messages.append(dialog.error.text())
        dialog.passphrase.setText(PASS)
        dialog._submit()

    driver.expect(PassphraseDialog, answer)
    window.profiles_page.open_button.click()
    driver.check()
    assert "not right" in messages[0]
    assert window.ledger_page is not None


def test_add_an_entry_with_the_keyboard_only(qtbot: object, window: MainWindow,
                                             data_dir: Path) -> None:
    make_profile(data_dir)
    window.open_with_passphrase("Ann Example", PASS)
    page = window.ledger_page
    assert page is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)  # type: ignore[attr-defined]
    seen: list[str] = []
    driver = DialogDriver()

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


def test_delete_asks_first_then_removes(qtbot: object, window: MainWindow, data_dir: Path,
                                        monkeypatch: object) -> None:
    window.open_demo()
    page = window.ledger_page
    before = page.ledger.count()
    page.confirm = lambda question: False  # type: ignore[method-assign]
    page.delete_current()
    assert page.ledger.count() == before
    page.confirm = lambda question: "Delete the entry" in question  # type: ignore[method-assign]
    page.delete_current()
    assert page.ledger.count() == before - 1


def test_demo_button_opens_a_full_ledger(qtbot: object, window: MainWindow) -> None:
    window.profiles_page.demo_button.click()
    page = window.ledger_page
    assert page is not None and page.model.rowCount() > 100
    assert "demo" in page.banner.text()
    window.lock()
    assert window.ledger_page is None and window.profile is None
    window.profiles_page.demo_button.click()  # the second time it reopens the same demo
    assert len(window.profiles_page.model._profiles) == 1


def test_every_control_has_an_accessible_name(qtbot: object, window: MainWindow) -> None:
    assert unnamed_controls(window) == []
    window.open_demo()
    assert unnamed_controls(window) == []


def test_window_lays_out_at_double_text_size(qtbot: object, window: MainWindow,
                                             qapp: QApplication) -> None:
    window.open_demo()
    normal = qapp.font().pointSizeF()
    window.text_size.apply(2.0)
    assert qapp.font().pointSizeF() == normal * 2
    page = window.ledger_page
    assert page.summary.balance.font().pointSizeF() == normal * 2 * 1.4
    window.resize(1280, 800)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 800, hint

    def clipped() -> list[str]:
        return [w.accessibleName() for w in window.findChildren(QAbstractButton)
                + [page.summary.balance, page.summary.status]
                if w.isVisibleTo(window) and (w.width() < w.minimumSizeHint().width()
                                              or w.height() < w.minimumSizeHint().height())]

    qtbot.waitUntil(lambda: clipped() == [], timeout=3000)  # type: ignore[attr-defined]


def test_idle_lock_hides_every_figure(qtbot: object, window: MainWindow) -> None:
    window.open_demo()
    assert window.idle_lock.is_running()
    window.idle_lock.set_interval_ms(50)
    qtbot.waitUntil(lambda: window.profile is None, timeout=3000)  # type: ignore[attr-defined]
    assert window.ledger_page is None
    assert window.stack.currentWidget() is window.profiles_page
    assert "£" not in " ".join(w.text() for w in window.findChildren(QLabel) if w.isVisible())


def test_second_window_opens_read_only(qtbot: object, window: MainWindow, data_dir: Path
                                       ) -> None:
    from app.services.profiles import open_profile

    make_profile(data_dir)
    first = open_profile(data_dir, "Ann Example", PASS)
    try:
        window.confirm_read_only = lambda message: "another window" in message  # type: ignore
        driver = DialogDriver()
        driver.expect(PassphraseDialog, lambda d: (d.passphrase.setText(PASS), d._submit()))
        window.show_profiles()
        window.profiles_page.open_button.click()
        driver.check()
        page = window.ledger_page
        assert page is not None and window.profile is not None and window.profile.read_only
        assert not page.add_button.isEnabled() and "read only" in window.windowTitle()
    finally:
        first.close()


def test_undo_and_redo_from_the_keyboard(qtbot: object, window: MainWindow, data_dir: Path
                                         ) -> None:
    make_profile(data_dir)
    window.open_with_passphrase("Ann Example", PASS)
    page = window.ledger_page
    driver = DialogDriver()

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
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)  # type: ignore
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == 0 and page.redo_button.isEnabled()
    press(qtbot, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.model.rowCount() == 1
    assert page.summary.balance.text() == "-£12.00"


def test_import_a_bank_statement_then_undo_it(qtbot: object, window: MainWindow, data_dir: Path
                                              ) -> None:
    from ui.bank.import_dialog import BankImportDialog

    lloyds = Path(__file__).resolve().parents[1] / "fixtures" / "bank" / "lloyds.csv"
    make_profile(data_dir)
    window.open_with_passphrase("Ann Example", PASS)
    page = window.ledger_page
    driver = DialogDriver()

    def load(dialog: BankImportDialog) -> None:
        dialog.load_file(lloyds)
        assert "12 new" in dialog.summary.text()
        dialog._commit()

    driver.expect(BankImportDialog, load)
    page.import_button.click()
    driver.check()
    assert page.model.rowCount() == 12
    page.undo()
    assert page.model.rowCount() == 0


def test_missing_receipts_lead_to_the_entry(qtbot: object, window: MainWindow) -> None:
    from ui.bank.missing_evidence_dialog import MissingEvidenceDialog

    window.open_demo()
    page = window.ledger_page
    driver = DialogDriver()
    chosen: list[int] = []

    def pick_oldest(dialog: MissingEvidenceDialog) -> None:
        assert dialog.model.rowCount() > 100  # the demo has no receipts at all
        dialog.table.selectRow(0)  # the oldest payment: far down the newest-first ledger
        dialog.go()
        chosen.append(dialog.chosen_entry_id)

    driver.expect(MissingEvidenceDialog, pick_oldest)
    page.missing_button.click()
    driver.check()
    assert page.current_entry_id() == chosen[0]
