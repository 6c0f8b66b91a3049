"""First run: “This computer is shared” or “This is my own computer”."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import _
from app.services.computer import ComputerService
from app.settings import ComputerMode, Settings


class FirstRunDialog(QDialog):
    """Asks once; the answer is saved through the service and can be changed in settings."""

    mode_chosen = Signal(object)  # the saved Settings

    def __init__(self, service: ComputerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(_("Who uses this computer?"))
        text = QLabel(_(
            "On a shared computer, such as a drop-in laptop, CareLedger remembers nothing "
            "between sessions and locks itself after a few minutes without use."))
        text.setWordWrap(True)
        self.shared_button = self._button(_("This computer is shared"), ComputerMode.SHARED)
        self.own_button = self._button(_("This is my own computer"), ComputerMode.OWN)
        layout = QVBoxLayout(self)
        for widget in (text, self.shared_button, self.own_button):
            layout.addWidget(widget)
        self.shared_button.setDefault(True)  # the safe answer is the one Enter gives

    def _button(self, label: str, mode: ComputerMode) -> QPushButton:
        button = QPushButton(label, self)
        button.setAccessibleName(label)
        button.clicked.connect(lambda: self.choose(mode))
        return button

    def choose(self, mode: ComputerMode) -> Settings:
        settings = self.service.set_mode(mode)
        self.mode_chosen.emit(settings)
        self.accept()
        return settings
