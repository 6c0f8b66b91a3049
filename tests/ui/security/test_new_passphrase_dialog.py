"""The change-passphrase and forgotten-passphrase forms."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from ui.security.new_passphrase_dialog import (
    change_passphrase_dialog,
    forgotten_passphrase_dialog,
)

NEW = "a brand new passphrase"


def noop(*_args: object) -> None:
    return None


def test_named_and_fits_at_double_text(fits_at_double_text: Callable[[QDialog], None]) -> None:
    fits_at_double_text(change_passphrase_dialog("Ann Example", noop))
    fits_at_double_text(forgotten_passphrase_dialog("Ann Example", noop))


def test_new_passphrase_dialog_by_keyboard(qtbot: QtBot) -> None:
    got: list[tuple[str, str]] = []
    dialog = change_passphrase_dialog("Ann", lambda old, new: got.append((old, new)))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.secret.setFocus()
    for field, text in ((dialog.secret, PASSPHRASE), (dialog.new, NEW), (dialog.again, NEW)):
        assert QApplication.focusWidget() is field  # Tab goes through the form in order
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.show_text
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert got == [(PASSPHRASE, NEW)] and dialog.result() == QDialog.DialogCode.Accepted
