"""You as an employer: employer's liability insurance, the council's DBS rule, pension dates."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.employer.records import EmployerDetails
from app.i18n import ParseError, _
from ui.accessibility import named
from ui.employer.pa_dialog import optional_date, read_optional_date
from ui.widgets import accept_cancel_buttons, message_label


class EmployerDialog(QDialog):
    def __init__(self, details: EmployerDetails, save: Callable[[EmployerDetails], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("You as an employer"))
        self._save = save
        self.insurer = named(QLineEdit(details.insurer), _("Insurer"))
        self.policy = named(QLineEdit(details.policy_number), _("Policy number"))
        self.renewal = optional_date(_("Insurance renewal date"),
                                     _("The day your employer's liability insurance renews"))
        self.renewal.setDate(details.insurance_renewal)
        self.dbs_months = named(QSpinBox(), _("Renew DBS checks every so many months"),
                                _("Your council's rule, for example 36. 0: no rule"))
        self.dbs_months.setRange(0, 120)
        self.dbs_months.setValue(details.dbs_renew_months or 0)
        self.duties = optional_date(_("Pension duties start date"),
                                    _("Blank: the first day your first PA worked"))
        self.duties.setDate(details.duties_start)
        self.re_enrolled = optional_date(_("Last pension re-enrolment date"), _("Blank: none yet"))
        self.re_enrolled.setDate(details.last_re_enrolment)
        self.paye = named(QLineEdit(details.paye_reference), _("Employer PAYE reference"))
        self.error = message_label()
        form = QFormLayout()
        for text, field in ((_("&Insurer"), self.insurer), (_("&Policy number"), self.policy),
                            (_("Insurance &renews on"), self.renewal),
                            (_("Renew &DBS checks every (months)"), self.dbs_months),
                            (_("Pension duties &start"), self.duties),
                            (_("&Last re-enrolment"), self.re_enrolled),
                            (_("PAYE re&ference"), self.paye)):
            form.addRow(text, field)
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(accept_cancel_buttons(self, _("&Save"), _("Save"), self.submit))

    def details(self) -> EmployerDetails:
        return EmployerDetails(
            self.insurer.text().strip(), self.policy.text().strip(),
            read_optional_date(self.renewal), self.dbs_months.value() or None,
            read_optional_date(self.duties), read_optional_date(self.re_enrolled),
            self.paye.text().strip())

    def submit(self) -> None:
        try:
            self._save(self.details())
        except (DomainError, ParseError) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()
