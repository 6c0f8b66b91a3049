"""Change passphrase, and forgotten passphrase (the recovery code sets a new one).

One dialog serves both: the first field is the current passphrase or the recovery code.
The caller's `submit(secret, new_passphrase)` does the work; its errors are shown here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.i18n import _
from ui.accessibility import label_for, named
from ui.security.dialog_buttons import ok_cancel

Submit = Callable[[str, str], object]


class NewPassphraseDialog(QDialog):
    def __init__(self, title: str, intro: str, secret_label: str, submit: Submit,
                 secret_hidden: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._submit_to = submit
        self.result_value: object = None
        self.secret = QLineEdit()
        self.new = QLineEdit()
        self.again = QLineEdit()
        self._hidden = [self.new, self.again] + ([self.secret] if secret_hidden else [])
        self.show_text = named(QCheckBox(_("&Show what I type")), _("Show what I type"))
        self.show_text.toggled.connect(self._toggle_echo)
        self._toggle_echo(False)
        self.error = named(QLabel(), _("Message"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000; font-weight: bold")
        self.error.hide()
        text = QLabel(intro)
        text.setWordWrap(True)
        form = QFormLayout()
        # Labels above their fields: the fields get the whole width, even at large text.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(label_for(secret_label, self.secret), self.secret)
        form.addRow(label_for(_("&New passphrase"), self.new), self.new)
        form.addRow(label_for(_("New passphrase &again"), self.again), self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        buttons = ok_cancel(self, _("&Set the new passphrase"), self.submit)
        for widget in (self.show_text, self.error, buttons):
            layout.addWidget(widget)

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in self._hidden:
            field.setEchoMode(mode)

    def submit(self) -> None:
        if self.new.text() != self.again.text():
            self._show(_("The two new passphrases are not the same. Type them again."),
                       self.new)
            return
        try:
            self.result_value = self._submit_to(self.secret.text(), self.new.text())
        except DomainError as error:
            self._show(str(error), self.secret)
            return
        self.accept()

    def _show(self, message: str, focus: QLineEdit) -> None:
        self.error.setText(message)
        self.error.show()
        focus.selectAll()
        focus.setFocus()


def change_passphrase_dialog(name: str, submit: Submit, parent: QWidget | None = None
                             ) -> NewPassphraseDialog:
    return NewPassphraseDialog(
        _("Change passphrase"),
        _("Change the passphrase for {name}. The recovery code keeps working.").format(
            name=name),
        _("&Current passphrase"), submit, parent=parent)


def forgotten_passphrase_dialog(name: str, submit: Submit, parent: QWidget | None = None
                                ) -> NewPassphraseDialog:
    return NewPassphraseDialog(
        _("Forgotten passphrase"),
        _("Type the recovery code for {name} from its recovery sheet, then choose a new "
          "passphrase. You will get a new recovery code: the old one stops working.").format(
            name=name),
        _("&Recovery code"), submit, secret_hidden=False, parent=parent)
