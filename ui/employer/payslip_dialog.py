"""Add a payslip by hand, as the payroll service gave it. The form is filled in from the PA's
last payslip (a regular wage often repeats), for the next pay period: check each figure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.errors import DomainError
from app.domain.money import Money
from app.employer.records import PA, PayFrequency, Payslip, PayslipDraft, add_months
from app.i18n import ParseError, _, format_date
from app.services.services_log import parse_hours
from ui.accessibility import named
from ui.employer.pa_dialog import date_edit, money_text, read_money
from ui.widgets import accept_cancel_buttons, message_label, to_date

STEP = {PayFrequency.WEEKLY: 7, PayFrequency.FORTNIGHTLY: 14, PayFrequency.FOUR_WEEKLY: 28}


def _hours(minutes: int | None) -> str:
    return "" if not minutes else f"{minutes / 60:.2f}".rstrip("0").rstrip(".")


class PayslipDialog(QDialog):
    def __init__(self, pa: PA, last: Payslip | None, save: Callable[[PayslipDraft], object],
                 parent: QWidget | None = None, editing: Payslip | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Change a payslip of {name}").format(name=pa.name) if editing
                            else _("Add a payslip for {name}").format(name=pa.name))
        self._pa, self._save = pa, save
        self.period_end = date_edit(_("Last day of the pay period"))
        self.gross = named(QLineEdit(), _("Gross pay"))
        self.tax = named(QLineEdit(), _("Income tax"))
        self.ni = named(QLineEdit(), _("Their National Insurance"))
        self.employer_ni = named(QLineEdit(), _("Your National Insurance as employer"))
        self.pension = named(QLineEdit(), _("Their pension contribution"))
        self.employer_pension = named(QLineEdit(), _("Your pension contribution as employer"))
        self.hours = named(QLineEdit(), _("Hours paid"), _("Blank when the payslip does not say"))
        self.holiday = named(QLineEdit(), _("Holiday hours taken and paid"))
        self.note = named(QLineEdit(), _("Note"))
        self.prefilled = named(QLabel(), _("About the figures"))
        self.prefilled.setWordWrap(True)
        self.error = message_label()
        form = QFormLayout()
        for text, field in ((_("Pay period &ends"), self.period_end), (_("&Gross pay (£)"),
                            self.gross), (_("Income &tax (£)"), self.tax),
                            (_("Their &NI (£)"), self.ni), (_("&Employer NI (£)"),
                                                           self.employer_ni),
                            (_("Their &pension (£)"), self.pension),
                            (_("Emp&loyer pension (£)"), self.employer_pension),
                            (_("&Hours paid"), self.hours), (_("Holi&day hours"), self.holiday),
                            (_("N&ote"), self.note)):
            form.addRow(text, field)
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prefilled)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(accept_cancel_buttons(self, _("&Save"), _("Save"), self.submit))
        if editing is not None:
            self.load(editing)
        else:
            self.fill_from(last)

    def load(self, slip: Payslip) -> None:
        """The payslip's own figures, to be changed."""
        d = slip.draft
        self.period_end.setDate(QDate(d.period_end.year, d.period_end.month, d.period_end.day))
        for edit, value in ((self.gross, d.gross), (self.tax, d.tax), (self.ni, d.employee_ni),
                            (self.employer_ni, d.employer_ni), (self.pension, d.employee_pension),
                            (self.employer_pension, d.employer_pension)):
            edit.setText(money_text(value))
        self.hours.setText(_hours(d.hours_minutes))
        self.holiday.setText(_hours(d.holiday_minutes) if d.holiday_minutes else "")
        self.note.setText(d.note)
        self.prefilled.setText(_("The payslip for the period ending {date}, as recorded: "
                                 "change what is wrong.").format(date=format_date(d.period_end)))

    def fill_from(self, last: Payslip | None) -> None:
        """The next period after the last payslip, its figures copied; else an empty form."""
        if last is None:
            self.clear()
            return
        d = last.draft
        frequency = self._pa.draft.pay_frequency
        if frequency in STEP:
            end = d.period_end + timedelta(days=STEP[frequency])
        else:
            end = add_months(d.period_end + timedelta(days=1), 1) - timedelta(days=1)
        self.period_end.setDate(QDate(end.year, end.month, end.day))
        for edit, value in ((self.gross, d.gross), (self.tax, d.tax), (self.ni, d.employee_ni),
                            (self.employer_ni, d.employer_ni), (self.pension, d.employee_pension),
                            (self.employer_pension, d.employer_pension)):
            edit.setText(money_text(value))
        self.hours.setText(_hours(d.hours_minutes))
        self.holiday.clear()
        self.note.clear()
        self.prefilled.setText(_("Filled in from the payslip for the period ending {date}: "
                                 "check each figure against the new payslip.").format(
            date=format_date(d.period_end)))

    def clear(self) -> None:
        for edit in (self.gross, self.tax, self.ni, self.employer_ni, self.pension,
                     self.employer_pension, self.hours, self.holiday, self.note):
            edit.clear()
        self.prefilled.setText(_("Type the figures from the payslip. Leave a figure blank "
                                 "when it is nothing."))

    def draft(self) -> PayslipDraft:
        def amount(edit: QLineEdit) -> Money:
            return read_money(edit) or Money(0)

        hours = self.hours.text().strip()
        holiday = self.holiday.text().strip()
        return PayslipDraft(
            self._pa.id, to_date(self.period_end.date()), amount(self.gross), amount(self.tax),
            amount(self.ni), amount(self.employer_ni), amount(self.pension),
            amount(self.employer_pension), hours_minutes=parse_hours(hours) if hours else None,
            holiday_minutes=parse_hours(holiday) if holiday else 0, note=self.note.text())

    def submit(self) -> None:
        try:
            self._save(self.draft())
        except (DomainError, ParseError) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()
