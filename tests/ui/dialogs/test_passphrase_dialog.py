"""The passphrase question asked when a profile is opened."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog

from ui.dialogs.passphrase_dialog import PassphraseDialog


def test_named_and_fits_at_double_text(fits_at_double_text: Callable[[QDialog], None]) -> None:
    fits_at_double_text(PassphraseDialog("Ann Example", lambda _p: None, offer_remember=True))
