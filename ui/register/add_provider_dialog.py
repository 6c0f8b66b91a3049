""""Add to My providers": the agreed hourly rate, start date and notes for a chosen provider."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.domain.chosen_providers import ChosenProvider
from app.domain.errors import DomainError
from app.domain.money import Money
from app.domain.providers import ProviderDetail
from app.i18n import _, parse_money
from app.services.my_providers import MyProvidersService, draft_from_register
from app.services.undo import UndoStack
from ui.date_field import DateField
from ui.widgets import to_date


class AddProviderDialog(QDialog):
    def __init__(self, detail: ProviderDetail, my_providers: MyProvidersService,
                 undo: UndoStack, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail = detail
        self._service = my_providers
        self._undo = undo
        self.added: ChosenProvider | None = None
        self.setWindowTitle(_("Add {name} to My providers").format(name=detail.summary.name))
        self.setAccessibleName(self.windowTitle())
        self.rate = QLineEdit()
        self.rate.setAccessibleName(_("Agreed hourly rate"))
        self.rate.setPlaceholderText(_("for example 24.50"))
        self.start = DateField(today or date.today(), _("Start date"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab leaves the box: keyboard users are not stuck
        self.notes.setAccessibleName(_("Notes"))
        self.error = QLabel()
        self.error.setAccessibleName(_("Problem"))
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("&Agreed hourly rate (£)"), self.rate)
        form.addRow(_("&Start date"), self.start)
        form.addRow(_("&Notes"), self.notes)
        form.addRow(self.error)
        form.addRow(buttons)

    def _save(self) -> None:
        try:
            rate = Money(parse_money(self.rate.text())) if self.rate.text().strip() else None
            start = to_date(self.start.date())
            draft = draft_from_register(self._detail, start,
                                        agreed_hourly_rate=rate,
                                        notes=self.notes.toPlainText())
            self.added = self._undo.run(_("Add provider"), lambda: self._service.add(draft))
        except (DomainError, ValueError) as error:
            self.error.setText(str(error))
            return
        self.accept()

