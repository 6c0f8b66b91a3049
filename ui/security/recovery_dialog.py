"""Shows a new recovery code once, with a Print button for the recovery sheet."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services.recovery_sheet import recovery_sheet_text


class RecoveryCodeDialog(QDialog):
    """Close is offered only once the person says the code is written down or printed."""

    def __init__(self, display_name: str, recovery_code: str, made_on: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Your recovery code"))
        self.sheet = recovery_sheet_text(display_name, recovery_code, made_on or date.today())
        intro = QLabel(_("Write this code down or print it now. It is shown only this once."))
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(self.sheet, self)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setAccessibleName(_("Recovery sheet"))
        self.print_button = QPushButton(_("Print…"), self)
        self.print_button.setAccessibleName(_("Print the recovery sheet"))
        self.print_button.clicked.connect(self.ask_to_print)
        self.kept = QCheckBox(_("I have written down or printed the code"), self)
        self.kept.setAccessibleName(_("I have written down or printed the code"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(_("Close"))
        self.close_button.setEnabled(False)
        self.kept.toggled.connect(self.close_button.setEnabled)
        self.buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (intro, self.text, self.print_button, self.kept, self.buttons):
            layout.addWidget(widget)

    def ask_to_print(self) -> None:
        printer = QPrinter()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        document = QTextDocument()
        document.setDefaultFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        document.setPlainText(self.sheet)
        document.print_(printer)

    def reject(self) -> None:
        """Escape closes only once the code is kept, like the Close button."""
        if self.kept.isChecked():
            super().reject()
