"""The services log: a week's timesheet, and a short form to log a visit or shift."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.i18n import ParseError, _, format_date, format_money, parse_money
from app.services.services_log import ServicesLogService, VisitDraft, parse_hours
from app.services.undo import UndoStack
from ui.bank.timesheet_model import Col, TimesheetModel, hours_text
from ui.date_field import DateField
from ui.models.rows_model import sorted_view
from ui.widgets import to_date


class ServicesPage(QWidget):
    visit_logged = Signal(int)

    def __init__(self, service: ServicesLogService, undo_stack: UndoStack,
                 parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._service, self._undo = service, undo_stack
        self.model = TimesheetModel()
        self._week = today or date.today()
        self._build()
        self.date_edit.setDate(QDate(self._week.year, self._week.month, self._week.day))
        self.show_week(self._week)

    def _build(self) -> None:
        self.previous_button = self._button(_("&Previous week"), lambda: self._move(-7))
        self.next_button = self._button(_("&Next week"), lambda: self._move(7))
        self.week_label = QLabel()
        self.week_label.setAccessibleName(_("Week shown"))
        top = QHBoxLayout()
        for widget in (self.previous_button, self.week_label, self.next_button):
            top.addWidget(widget)
        top.addStretch(1)
        self.table = sorted_view(self.model, _("Visits this week"), Col.DATE, self)
        self.totals = QLabel()
        self.totals.setAccessibleName(_("Week totals"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addLayout(self._form())

    def _form(self) -> QFormLayout:
        self.date_edit = DateField(name=_("Date"))
        self.provider_edit = QLineEdit()
        self.planned_edit = QLineEdit()
        self.planned_edit.setPlaceholderText(_("e.g. 2 or 1:30"))
        self.delivered_edit = QLineEdit()
        self.delivered_edit.setPlaceholderText(_("blank: as planned"))
        self.rate_edit = QLineEdit()
        self.missed_box = QCheckBox(_("&Missed"))
        self.missed_box.setAccessibleName(_("The visit did not happen"))
        self.late_box = QCheckBox(_("&Late"))
        self.late_box.setAccessibleName(_("The visit started late"))
        self.note_edit = QLineEdit()
        self.add_button = self._button(_("&Log visit"), self.log_visit)
        self.problem = QLabel()
        self.problem.setAccessibleName(_("Problem"))
        form = QFormLayout()
        rows = ((_("&Date:"), self.date_edit), (_("Care &from:"), self.provider_edit),
                (_("Planned &hours:"), self.planned_edit),
                (_("Hours deli&vered:"), self.delivered_edit),
                (_("&Rate an hour:"), self.rate_edit), (_("N&ote:"), self.note_edit))
        for text, widget in rows:
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(text, widget)
        flags = QHBoxLayout()
        flags.addWidget(self.missed_box)
        flags.addWidget(self.late_box)
        form.addRow(flags)
        form.addRow(self.add_button, self.problem)
        return form

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        return button

    # --- actions -----------------------------------------------------------------------------

    def show_week(self, any_day: date) -> None:
        sheet = self._service.timesheet(any_day)
        self._week = sheet.week_start
        self.model.set_timesheet(sheet)
        self.week_label.setText(_("Week from {start} to {end}").format(
            start=format_date(sheet.week_start),
            end=format_date(sheet.week_start + timedelta(days=6))))
        self.totals.setText(_("Total: {planned} planned, {delivered} delivered, {cost}").format(
            planned=hours_text(sheet.planned_minutes),
            delivered=hours_text(sheet.delivered_minutes), cost=format_money(sheet.cost.pence)))

    def _move(self, days: int) -> None:
        self.show_week(self._week + timedelta(days=days))

    def log_visit(self) -> None:
        try:
            draft = self._draft()
            visit = self._undo.run(_("Log visit"), lambda: self._service.add(draft))
        except (DomainError, ParseError) as error:
            self.problem.setText(str(error))
            return
        self.problem.setText("")
        self.show_week(draft.on)
        self.visit_logged.emit(visit.id)

    def _draft(self) -> VisitDraft:
        missed = self.missed_box.isChecked()
        planned = parse_hours(self.planned_edit.text())
        delivered_text = self.delivered_edit.text().strip()
        delivered = 0 if missed else parse_hours(delivered_text) if delivered_text else planned
        on = to_date(self.date_edit.date())
        return VisitDraft(on, self.provider_edit.text(), planned, delivered,
                          parse_money(self.rate_edit.text()), missed,
                          self.late_box.isChecked(), self.note_edit.text())
