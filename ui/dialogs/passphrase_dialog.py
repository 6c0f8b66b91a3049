"""Ask for a profile's passphrase; the caller tries it and shows any error in the dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.i18n import _
from ui.accessibility import label_for, named


class PassphraseDialog(QDialog):
    """Keeps asking until `try_unlock(passphrase)` succeeds or the person cancels."""

    def __init__(self, profile_name: str, try_unlock: Callable[[str], object],
                 parent: QWidget | None = None, offer_remember: bool = False,
                 title: str | None = None, intro: str | None = None,
                 action: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or _("Unlock {name}").format(name=profile_name))
        self._try_unlock = try_unlock
        self.result_value: object = None

        self.passphrase = named(QLineEdit(), _("Passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_text = named(QCheckBox(_("&Show passphrase")), _("Show passphrase"))
        self.show_text.toggled.connect(self._toggle_echo)
        # Offered only on a computer its owner marked as their own (never on a shared one).
        self.remember = named(QCheckBox(_("&Remember on this computer")),
                              _("Remember on this computer"),
                              _("Open this profile without the passphrase next time, "
                                "on this computer only."))
        self.error = named(QLabel(), _("Message"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000; font-weight: bold")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(action or _("&Unlock"))
        named(ok, ok.text().replace("&", ""))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_("Cancel"))
        named(cancel, _("Cancel"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        text = QLabel(intro or _("Type the passphrase for {name}.").format(name=profile_name))
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(label_for(_("&Passphrase"), self.passphrase))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.show_text)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.error.hide()
        self.remember.setVisible(offer_remember)

    @property
    def wants_remembering(self) -> bool:
        return self.remember.isChecked() and not self.remember.isHidden()

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)

    def _submit(self) -> None:
        try:
            self.result_value = self._try_unlock(self.passphrase.text())
        except DomainError as error:  # TooManyAttempts says how long to wait: shown as it is
            self.error.setText(str(error))
            self.error.show()
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.accept()
