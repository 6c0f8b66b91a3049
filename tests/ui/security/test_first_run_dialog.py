"""Shared computer or own: asked once, and Enter gives the safe answer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.computer import ComputerService
from app.settings import ComputerMode, load_settings
from ui.security.first_run_dialog import FirstRunDialog


def test_first_run_dialog_saves_the_choice(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = FirstRunDialog(ComputerService(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.shared_button.accessibleName() and dialog.own_button.accessibleName()
    with qtbot.waitSignal(dialog.mode_chosen):
        qtbot.mouseClick(dialog.own_button, Qt.MouseButton.LeftButton)
    assert load_settings(tmp_path).computer == ComputerMode.OWN


def test_first_run_enter_key_gives_the_safe_answer(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = FirstRunDialog(ComputerService(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert load_settings(tmp_path).computer == ComputerMode.SHARED
