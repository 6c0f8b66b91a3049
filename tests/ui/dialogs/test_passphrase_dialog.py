"""The passphrase question asked when a profile is opened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app.services.profiles import CreatedProfile, open_profile
from tests.conftest import NAME
from tests.ui.conftest import SCREEN, TEXT_SCALES, layout_problems
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.text_size import TextSize


def test_named_and_fits_at_double_text(fits_at_double_text: Callable[[QDialog], None]) -> None:
    fits_at_double_text(PassphraseDialog("Ann Example", lambda _p: None, offer_remember=True))


@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_the_wrong_passphrase_message_is_shown_whole(
        qtbot: QtBot, qapp: QApplication, created: CreatedProfile, data_dir: Path,
        scale: float) -> None:
    """The real refusal, at each text size: the dialog grows to show every word of it."""
    base = qapp.font()
    TextSize(qapp).apply(scale)
    try:
        dialog = PassphraseDialog(NAME, lambda p: open_profile(data_dir, NAME, p),
                                  offer_remember=True)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(20)
        dialog.passphrase.setText("not the passphrase")
        dialog._submit()
        qtbot.wait(20)
        label = dialog.error
        assert label.isVisible() and "not right" in label.text()
        assert layout_problems(dialog) == []
        assert label.height() >= label.heightForWidth(label.width())
        shown = label.visibleRegion().boundingRect()
        assert (shown.width(), shown.height()) == (label.width(), label.height())  # not cut
        assert dialog.height() <= SCREEN[1] and dialog.width() <= SCREEN[0]
    finally:
        qapp.setFont(base)
