"""The services log: a week's timesheet, and a short form to log a visit or shift."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.visits import Visit, agreed_for, minutes_text
from app.i18n import ParseError, _, format_date, format_money, parse_money
from app.outcomes.service import OutcomesService
from app.services.my_providers import MyProvidersService
from app.services.services_log import ServicesLogService, VisitDraft, parse_hours
from app.services.undo import UndoStack
from ui import fit
from ui.bank.timesheet_model import Col, TimesheetModel, hours_text
from ui.date_field import DateField
from ui.flow_layout import FlowLayout
from ui.models.rows_model import chosen_row, sorted_view
from ui.widgets import WARNING_STYLE, confirmed, message_label, to_date


class ServicesPage(QWidget):
    visit_logged = Signal(int)

    def __init__(self, service: ServicesLogService, undo_stack: UndoStack,
                 parent: QWidget | None = None, today: date | None = None,
                 providers: MyProvidersService | None = None,
                 outcomes: OutcomesService | None = None, read_only: bool = False) -> None:
        super().__init__(parent)
        self._service, self._undo, self._outcomes = service, undo_stack, outcomes
        self._read_only = read_only  # open in another window: visits can be read, not logged
        self._providers = providers
        self._editing: int | None = None  # the visit the form is changing, if any
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
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.activated.connect(lambda _index: self.change_current())
        fit.keep_rows(self.table, 5)
        self.change_button = self._button(_("C&hange the chosen visit"), self.change_current)
        self.remove_button = self._button(_("Remo&ve the chosen visit…"), self.remove_current)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_current)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self.totals = QLabel()
        self.totals.setAccessibleName(_("Week totals"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(FlowLayout().add_widgets(self.change_button, self.remove_button))
        layout.addWidget(self.totals)
        self.form_box = QGroupBox(_("Log a visit or shift"))
        self.form_box.setLayout(self._form())
        layout.addWidget(self.form_box)
        self._enable()

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
        self.outcome_box = QComboBox()
        self.add_button = self._button(_("&Log visit"), self.log_visit)
        self.add_button.setEnabled(not self._read_only)
        self.clear_button = self._button(_("Clear the form"), self.clear_form)
        self.problem = message_label()
        self.problem.setAccessibleName(_("Problem"))
        self._suggest_providers()
        form = QFormLayout()
        rows = ((_("&Date:"), self.date_edit), (_("Care &from:"), self.provider_edit),
                (_("Planned &hours:"), self.planned_edit),
                (_("Hours deli&vered:"), self.delivered_edit),
                (_("&Rate an hour:"), self.rate_edit), (_("N&ote:"), self.note_edit),
                (_("O&utcome served:"), self.outcome_box))
        for text, widget in rows:
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(text, widget)
        flags = QHBoxLayout()
        flags.addWidget(self.missed_box)
        flags.addWidget(self.late_box)
        form.addRow(flags)
        form.addRow(FlowLayout().add_widgets(self.add_button, self.clear_button))
        form.addRow(self.problem)
        return form

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        return button

    # --- actions -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """After a change anywhere (undo included): the week shown and the suggestions."""
        self.show_week(self._week)
        self._suggest_providers()

    def fill_outcomes(self) -> None:
        """The outcomes a visit can serve (or none: it serves its payment's)."""
        chosen = self.outcome_box.currentData()
        self.outcome_box.clear()
        self.outcome_box.addItem(_("None chosen (its payment's outcome)"), None)
        for outcome in self._outcomes.outcomes() if self._outcomes else []:
            self.outcome_box.addItem(outcome.text, outcome.id)
        self.outcome_box.setCurrentIndex(max(0, self.outcome_box.findData(chosen)))
        self.outcome_box.setVisible(self._outcomes is not None)

    def show_week(self, any_day: date) -> None:
        self.fill_outcomes()
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
        """Save the form: a new visit, or the one being changed; then an empty form."""
        editing = self._editing
        try:
            draft = self._draft()
            outcome = self.outcome_box.currentData()
            if editing is None:
                visit = self._undo.run(_("Log visit"), lambda: self._log(draft, outcome))
            else:
                visit = self._undo.run(_("Change visit"),
                                       lambda: self._change(editing, draft, outcome))
        except (DomainError, ParseError) as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.show_week(draft.on)
        self.clear_form(keep_date=draft.on)
        self.problem.setText(_("Saved: {what}.").format(what=self._visit_words(visit)))
        self.problem.setStyleSheet("")
        self.problem.show()
        self.visit_logged.emit(visit.id)

    def clear_form(self, keep_date: date | None = None) -> None:
        """An empty form for the next visit (the date is kept: visits come in runs)."""
        self._editing = None
        for edit in (self.provider_edit, self.planned_edit, self.delivered_edit,
                     self.rate_edit, self.note_edit):
            edit.clear()
        for box in (self.missed_box, self.late_box):
            box.setChecked(False)
        self.outcome_box.setCurrentIndex(0)
        if keep_date is not None:
            self.date_edit.setDate(keep_date)
        self.add_button.setText(_("&Log visit"))
        self.add_button.setAccessibleName(_("Log visit"))
        self.form_box.setTitle(_("Log a visit or shift"))
        self.problem.hide()
        self.problem.setStyleSheet(WARNING_STYLE)
        self.provider_edit.setFocus()

    def current_visit(self) -> Visit | None:
        return chosen_row(self.table, self.model)

    def change_current(self) -> None:
        """Fill the form with the chosen visit; saving changes it."""
        visit = self.current_visit()
        if visit is None:
            return
        d = visit.draft
        self._editing = visit.id
        self.date_edit.setDate(d.on)
        self.provider_edit.setText(d.provider_name)
        self.planned_edit.setText(minutes_text(d.planned_minutes))
        self.delivered_edit.setText(minutes_text(d.delivered_minutes))
        self.rate_edit.setText(f"{d.rate_pence / 100:.2f}")
        self.missed_box.setChecked(d.missed)
        self.late_box.setChecked(d.late)
        self.note_edit.setText(d.note)
        if self._outcomes is not None:
            served = self._outcomes.visit_outcome(visit.id)
            self.outcome_box.setCurrentIndex(max(0, self.outcome_box.findData(served)))
        self.add_button.setText(_("&Save changes"))
        self.add_button.setAccessibleName(_("Save changes to the visit"))
        self.form_box.setTitle(_("Change the visit of {when}").format(when=format_date(d.on)))
        self.problem.hide()
        self.provider_edit.setFocus()

    def remove_current(self) -> None:
        visit = self.current_visit()
        if visit is None:
            return
        question = _("Remove the visit: {what}? Undo (Ctrl+Z) puts it back.").format(
            what=self._visit_words(visit))
        if not confirmed(self, _("Remove visit"), question):
            return
        try:
            self._undo.run(_("Remove visit"), lambda: self._service.delete(visit.id))
        except DomainError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        if self._editing == visit.id:
            self.clear_form()
        self.show_week(visit.draft.on)

    @staticmethod
    def _visit_words(visit: Visit) -> str:
        return _("{who}, {when}, {hours} hours").format(
            who=visit.draft.provider_name, when=format_date(visit.draft.on),
            hours=minutes_text(visit.draft.delivered_minutes))

    def _enable(self) -> None:
        chosen = self.table.currentIndex().isValid() and not self._read_only
        self.change_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # --- suggestions -------------------------------------------------------------------------

    def _suggest_providers(self) -> None:
        """The provider box offers My providers by name; choosing one fills their rate."""
        names = self._provider_names()
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.provider_edit.setCompleter(completer)
        completer.activated.connect(lambda _text: self._fill_rate())
        if not self.provider_edit.property("rate_filled"):
            self.provider_edit.editingFinished.connect(self._fill_rate)
            self.provider_edit.setProperty("rate_filled", 1)

    def _provider_names(self) -> list[str]:
        if self._providers is None:
            return []
        return sorted({p.payee_name or p.name for p in self._providers.providers()},
                      key=str.casefold)

    def _fill_rate(self) -> None:
        if self._providers is None or self.rate_edit.text().strip():
            return
        _id, rate = agreed_for(self.provider_edit.text(), self._providers.providers(),
                               to_date(self.date_edit.date()))
        if rate is not None:
            self.rate_edit.setText(f"{rate / 100:.2f}")

    def _log(self, draft: VisitDraft, outcome: int | None) -> Visit:
        """The visit and, when one was chosen, the outcome it served: one undoable step."""
        visit = self._service.add(draft)
        if outcome is not None and self._outcomes is not None:
            self._outcomes.link_visit(visit.id, int(outcome))
        return visit

    def _change(self, visit_id: int, draft: VisitDraft, outcome: int | None) -> Visit:
        """The visit as changed, and the outcome it served as now chosen: one step."""
        visit = self._service.update(visit_id, draft)
        if self._outcomes is not None:
            self._outcomes.link_visit(visit_id, None if outcome is None else int(outcome))
        return visit

    def _draft(self) -> VisitDraft:
        missed = self.missed_box.isChecked()
        planned = parse_hours(self.planned_edit.text())
        delivered_text = self.delivered_edit.text().strip()
        delivered = 0 if missed else parse_hours(delivered_text) if delivered_text else planned
        on = to_date(self.date_edit.date())
        provider_id = None
        if self._providers is not None:
            provider_id, _rate = agreed_for(self.provider_edit.text(),
                                            self._providers.providers(), on)
        return VisitDraft(on, self.provider_edit.text(), planned, delivered,
                          parse_money(self.rate_edit.text()), missed,
                          self.late_box.isChecked(), self.note_edit.text(), provider_id)
