"""The new-profile form refuses what it cannot use, before anything is made."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from ui.dialogs.new_profile_dialog import NewProfileDialog


def test_new_profile_dialog_shows_mismatched_passphrases(qtbot: QtBot) -> None:
    created: list[object] = []
    dialog = NewProfileDialog(lambda req, pw: created.append(req))
    qtbot.addWidget(dialog)
    dialog.name.setText("Ann")
    dialog.passphrase.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE + "x")
    dialog._submit()
    assert created == [] and "not the same" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
