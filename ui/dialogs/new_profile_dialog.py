"""Create a profile for a budget holder: who, the council, the funding, a passphrase."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.funding import Frequency
from app.domain.money import Money
from app.i18n import ParseError, _, parse_money
from app.services.profiles import NewProfile
from ui.accessibility import named
from ui.date_field import DateField
from ui.widgets import accept_cancel_buttons, message_label, to_date


def frequency_names() -> dict[Frequency, str]:
    return {
        Frequency.WEEKLY: _("Every week"),
        Frequency.FOUR_WEEKLY: _("Every four weeks"),
        Frequency.MONTHLY: _("Every month"),
    }


class NewProfileDialog(QDialog):
    """Calls `create(request, passphrase)`; stays open showing the error if it fails."""

    def __init__(self, create: Callable[[NewProfile, str], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New profile"))
        self._create = create
        self.created: object = None

        self.name = named(QLineEdit(), _("Name of the budget holder"),
                          _("The name shown in the list of profiles on this computer."))
        self.council = named(QLineEdit(), _("Council or NHS body"))
        self.reference = named(QLineEdit(), _("Council reference"))
        self.weekly = named(QLineEdit(), _("Weekly budget"),
                            _("The gross amount a week in your support plan, e.g. 420.00"))
        self.frequency = named(QComboBox(), _("How often the money is paid"))
        for freq, label in frequency_names().items():
            self.frequency.addItem(label, freq)
        self.frequency.setCurrentIndex(1)
        self.start = DateField(name=_("Start date"))
        self.contribution = named(QLineEdit("0.00"), _("Your weekly contribution"),
                                  _("What you pay in yourself each week after the "
                                    "financial assessment. 0 if none."))
        self.opening = named(QLineEdit("0.00"), _("Opening balance"),
                             _("Money already in the account on the start date. Payments "
                               "before that day are not entered: they are in this figure."))
        self.limit = named(QSpinBox(), _("Weeks of money the council lets you hold"))
        self.limit.setRange(1, 52)
        self.limit.setValue(8)
        self.passphrase = named(QLineEdit(), _("Passphrase"),
                                _("At least 8 characters. A few words you will remember."))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = named(QLineEdit(), _("Passphrase again"))
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = message_label()

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field in (
            (_("&Name"), self.name), (_("&Council or NHS body"), self.council),
            (_("Council &reference"), self.reference), (_("&Weekly budget (£)"), self.weekly),
            (_("Paid &how often"), self.frequency), (_("&Start date"), self.start),
            (_("Your weekly &contribution (£)"), self.contribution),
            (_("&Opening balance (£)"), self.opening),
            (_("Weeks you may &hold"), self.limit), (_("&Passphrase"), self.passphrase),
            (_("Passphrase &again"), self.again),
        ):
            form.addRow(text, field)

        buttons = accept_cancel_buttons(self, _("Create &profile"), _("Create profile"),
                                        self._submit)

        layout = QVBoxLayout(self)
        intro = QLabel(_("Your records are kept in a locked file on this computer. "
                         "Only someone who knows the passphrase can open it."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def request(self) -> NewProfile:
        start = self.start.date()
        return NewProfile(
            display_name=self.name.text(),
            gross_weekly=self._money(self.weekly, _("weekly budget")),
            frequency=Frequency(self.frequency.currentData()),
            start=to_date(start),
            client_contribution_weekly=self._money(self.contribution, _("contribution")),
            council_name=self.council.text(),
            council_reference=self.reference.text(),
            weeks_held_limit=self.limit.value(),
            opening_balance=self._money(self.opening, _("opening balance")),
        )

    @staticmethod
    def _money(field: QLineEdit, what: str) -> Money:
        try:
            return Money(parse_money(field.text() or "0"))
        except ParseError as error:
            field.setFocus()
            raise DomainError(_("Check the {what}: {error}").format(what=what, error=error)) \
                from error

    def _submit(self) -> None:
        try:
            if self.passphrase.text() != self.again.text():
                self.again.setFocus()
                raise DomainError(_("The two passphrases are not the same."))
            self.created = self._create(self.request(), self.passphrase.text())
        except DomainError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()
