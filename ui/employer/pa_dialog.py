"""Add or change a PA's record. A new form starts empty; changing fills in the record, and
new rates apply from the day given (earlier rates stay in the record)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.money import Money
from app.employer.records import (
    FREQUENCY_NAMES,
    PA,
    PENSION_NAMES,
    Born,
    PADraft,
    PayFrequency,
    PensionStatus,
    RateKind,
)
from app.i18n import ParseError, _, format_date, parse_money
from app.services.services_log import parse_hours
from ui.accessibility import named
from ui.date_field import DateField
from ui.widgets import accept_cancel_buttons, message_label, to_date


def date_edit(name: str, value: date | None = None) -> DateField:
    return DateField(value or date.today(), name)


def optional_date(name: str, hint: str, check_likely: bool = True) -> DateField:
    """A date that may be left blank."""
    edit = DateField(None, name, optional=True, check_likely=check_likely)
    edit.line.setToolTip(hint)
    edit.setToolTip(hint)
    return edit


def read_optional_date(edit: DateField) -> date | None:
    return edit.value()


def read_money(edit: QLineEdit) -> Money | None:
    text = edit.text().strip()
    return Money(parse_money(text)) if text else None


def money_text(value: Money | None) -> str:
    return f"{value.pence / 100:.2f}" if value is not None else ""


class PADialog(QDialog):
    """Calls `save(draft, rates_from)`; a DomainError shows here and the dialog stays."""

    def __init__(self, save: Callable[[PADraft, date | None], object], pa: PA | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Change a PA's record") if pa else _("Add a PA you employ"))
        self._save, self._pa = save, pa
        self.name = named(QLineEdit(), _("Name"))
        self.start = date_edit(_("First day of work"))
        self.rate = named(QLineEdit(), _("Hourly rate"), _("For example 12.80"))
        self.irregular = named(QCheckBox(_("&Irregular hours (they change)")),
                               _("Irregular hours"))
        self.hours = named(QLineEdit(), _("Contracted hours a week"),
                           _("For example 20 or 37.5"))
        self.irregular.toggled.connect(lambda on: self.hours.setEnabled(not on))
        self.night_rate = named(QLineEdit(), _("Hourly rate for nights"), _("Blank: none"))
        self.bank_holiday_rate = named(QLineEdit(), _("Hourly rate on bank holidays"),
                                       _("Blank: none"))
        self.rates_from = date_edit(_("New rates from"))
        self.born = named(QLineEdit(), _("Year of birth"),
                          _("A year is enough, for example 1990; or a date like 1990-07-14"))
        self.paid = named(QComboBox(), _("How often paid"))
        for frequency in PayFrequency:
            self.paid.addItem(_(FREQUENCY_NAMES[frequency]), frequency.value)
        self.paid.setCurrentIndex(self.paid.findData(PayFrequency.MONTHLY.value))
        self.pension = named(QComboBox(), _("Workplace pension"))
        for status in PensionStatus:
            self.pension.addItem(_(PENSION_NAMES[status]), status.value)
        self.apprentice = named(QCheckBox(_("An a&pprentice")), _("An apprentice"))
        self.dbs = optional_date(_("DBS check date"), _("The day of their DBS check"))
        self.dbs_renewal = optional_date(_("DBS renewal date"),
                                         _("Blank: worked out from your council's rule"))
        self.rtw = optional_date(_("Right-to-work check date"),
                                 _("The day you checked their right to work in the UK"))
        self.rtw_expires = optional_date(_("Permission to work ends"),
                                         _("Only for time-limited permission"))
        self.leave_year = optional_date(_("Leave year starts"),
                                        _("Blank: on the anniversary of their first day"))
        self.payroll_ref = named(QLineEdit(), _("Payroll reference"))
        self.error = message_label()
        self._layout(pa is not None)
        if pa is not None:
            self.fill(pa)

    def _layout(self, changing: bool) -> None:
        left, right = QFormLayout(), QFormLayout()
        rows: list[tuple[QFormLayout, str, QWidget]] = [
            (left, _("&Name"), self.name), (left, _("&First day"), self.start),
            (left, _("&Rate an hour (£)"), self.rate), (left, _("Hours a &week"), self.hours),
            (left, "", self.irregular),
            (left, _("Ni&ghts (£ an hour)"), self.night_rate),
            (left, _("&Bank holidays (£ an hour)"), self.bank_holiday_rate),
            (left, _("Year of &birth"), self.born), (left, _("Pai&d"), self.paid),
            (left, _("Pensi&on"), self.pension),
            (right, _("D&BS check"), self.dbs), (right, _("DBS rene&wal"), self.dbs_renewal),
            (right, _("Right to wor&k checked"), self.rtw),
            (right, _("Permission &ends"), self.rtw_expires),
            (right, _("&Leave year starts"), self.leave_year),
            (right, _("Pa&yroll reference"), self.payroll_ref), (right, "", self.apprentice)]
        if changing:
            rows.insert(3, (left, _("New rates &from"), self.rates_from))
        else:
            self.rates_from.hide()
        for form, text, field in rows:
            form.addRow(text, field)
        columns = QHBoxLayout()
        columns.addLayout(left)
        columns.addSpacing(16)
        columns.addLayout(right)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(accept_cancel_buttons(self, _("&Save"), _("Save"), self.submit))

    def fill(self, pa: PA) -> None:
        """Put the record in the form (changing a PA)."""
        d = pa.draft
        self.name.setText(pa.name)
        self.start.setDate(QDate(d.start.year, d.start.month, d.start.day))
        today = max(min(date.today(), pa.end or date.today()), pa.start)
        self.rate.setText(money_text(pa.rate_on(today)))
        self.irregular.setChecked(d.hours_week_minutes is None)
        self.hours.setText("" if d.hours_week_minutes is None
                           else f"{d.hours_week_minutes / 60:.2f}".rstrip("0").rstrip("."))
        self.night_rate.setText(money_text(pa.rate_on(today, RateKind.NIGHT)))
        self.bank_holiday_rate.setText(money_text(pa.rate_on(today, RateKind.BANK_HOLIDAY)))
        self.born.setText(d.born.text() if d.born else "")
        self.paid.setCurrentIndex(self.paid.findData(d.pay_frequency.value))
        self.pension.setCurrentIndex(self.pension.findData(d.pension_status.value))
        self.apprentice.setChecked(d.apprentice)
        for edit, value in ((self.dbs, d.dbs_checked), (self.dbs_renewal, d.dbs_renewal),
                            (self.rtw, d.right_to_work_checked),
                            (self.rtw_expires, d.right_to_work_expires),
                            (self.leave_year, d.leave_year_start)):
            edit.setDate(value)
        self.payroll_ref.setText(d.payroll_ref)
        self.rates_from.setToolTip(_("Rates in force before this day stay as they were. The "
                                     "rate shown is the one for {date}.").format(
            date=format_date(today)))

    def clear(self) -> None:
        """An empty form, as for a new PA."""
        for edit in (self.name, self.rate, self.hours, self.night_rate, self.bank_holiday_rate,
                     self.born, self.dbs, self.dbs_renewal, self.rtw, self.rtw_expires,
                     self.leave_year, self.payroll_ref):
            edit.clear()
        self.irregular.setChecked(False)
        self.apprentice.setChecked(False)
        self.paid.setCurrentIndex(self.paid.findData(PayFrequency.MONTHLY.value))
        self.pension.setCurrentIndex(0)
        self.error.hide()

    def draft(self) -> PADraft:
        rate = read_money(self.rate)
        if rate is None:
            raise ParseError(_("Give the hourly rate, for example 12.80"))
        minutes = None if self.irregular.isChecked() else parse_hours(self.hours.text())
        born = self.born.text().strip()
        return PADraft(
            name=self.name.text(), start=to_date(self.start.date()), rate=rate,
            hours_week_minutes=minutes, born=Born.parse(born) if born else None,
            dbs_checked=read_optional_date(self.dbs),
            dbs_renewal=read_optional_date(self.dbs_renewal),
            right_to_work_checked=read_optional_date(self.rtw),
            right_to_work_expires=read_optional_date(self.rtw_expires),
            payroll_ref=self.payroll_ref.text(),
            pay_frequency=PayFrequency(self.paid.currentData()),
            pension_status=PensionStatus(self.pension.currentData()),
            leave_year_start=read_optional_date(self.leave_year),
            apprentice=self.apprentice.isChecked(),
            payee_name=self._pa.draft.payee_name if self._pa else "",
            night_rate=read_money(self.night_rate),
            bank_holiday_rate=read_money(self.bank_holiday_rate),
            end=self._pa.end if self._pa else None)

    def submit(self) -> None:
        try:
            draft = self.draft()
            self._save(draft, to_date(self.rates_from.date()) if self._pa else None)
        except (DomainError, ParseError) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()
