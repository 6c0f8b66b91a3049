"""Small building blocks the dialogs share: the message line and the OK / Cancel buttons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QWidget

from app.i18n import _
from ui.accessibility import named

# Dark red on the default background passes WCAG AA contrast; bold so it is not colour alone.
WARNING_STYLE = "color: #a40000; font-weight: bold"


def message_label() -> QLabel:
    """A hidden, word-wrapped line for what went wrong, read out by screen readers."""
    label = named(QLabel(), _("Message"))
    label.setWordWrap(True)
    label.setStyleSheet(WARNING_STYLE)
    label.hide()
    return label


def accept_cancel_buttons(dialog: QDialog, text: str, name: str,
                          on_accept: Callable[[], None]) -> QDialogButtonBox:
    """The dialog's main button (Enter) with our own words, and Cancel (Escape)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(text)
    named(ok, name)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(_("Cancel"))
    named(cancel, _("Cancel"))
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def to_date(value: QDate) -> date:
    """A QDate as a datetime.date (QDate.toPython is typed as returning object)."""
    return date(value.year(), value.month(), value.day())


def confirmed(parent: QWidget, title: str, question: str) -> bool:
    """Ask before a removal; only Yes goes on."""
    return QMessageBox.question(parent, title, question) == QMessageBox.StandardButton.Yes


class ReloadedWhenShown(QWidget):
    """A page whose figures change with work done elsewhere: mark_stale() reloads it at once
    when it is shown, else when it is next shown. Pages override refresh() and end it by
    calling this one."""

    _stale = True

    def refresh(self) -> None:
        self._stale = False

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self._stale:
            self.refresh()
        super().showEvent(event)
