"""The OK / Cancel row of the security dialogs, with the OK button's words and both named."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from app.i18n import _
from ui.accessibility import named


def ok_cancel(dialog: QDialog, ok_text: str, on_ok: Callable[[], object]) -> QDialogButtonBox:
    """`ok_text` may hold an &-mnemonic; the accessible name is the same words without it.

    Made without a parent: the row joins the Tab order where the layout adds it (last).
    """
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    named(ok, ok_text.replace("&", ""))
    named(buttons.button(QDialogButtonBox.StandardButton.Cancel), _("Cancel"))
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons
