"""Employing PAs: what needs doing, each PA's record, their payslips, and what is still owed.

Every change goes through the one EmployerService and the window's undo stack (Ctrl+Z)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.employer.checks_common import State
from app.employer.records import PA, EmployerDetails, PADraft, Payslip, PayslipDraft
from app.employer.service import EmployerService
from app.i18n import _, format_date, format_money
from app.services.undo import UndoStack
from ui import fit
from ui.accessibility import named
from ui.employer.employer_dialog import EmployerDialog
from ui.employer.pa_dialog import PADialog, date_edit
from ui.employer.pa_model import Col, PAModel
from ui.employer.payslip_dialog import PayslipDialog
from ui.employer.payslip_model import Col as SlipCol
from ui.employer.payslip_model import PayslipModel
from ui.employer.reminder_text import reminder_text
from ui.flow_layout import FlowLayout
from ui.models.rows_model import chosen_row, sorted_view
from ui.widgets import (
    WARNING_STYLE,
    ReloadedWhenShown,
    accept_cancel_buttons,
    confirmed,
    message_label,
    to_date,
)


class EndDialog(QDialog):
    def __init__(self, pa: PA, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("End {name}'s employment").format(name=pa.name))
        self.last_day = date_edit(_("Last day of work"))
        form = QFormLayout()
        form.addRow(_("&Last day of work"), self.last_day)
        note = QLabel(_("Their record, payslips and payments stay."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(accept_cancel_buttons(self, _("&End employment"), _("End employment"),
                                               self.accept))


class PAPage(ReloadedWhenShown):
    changed = Signal()

    def __init__(self, service: EmployerService, undo: UndoStack, read_only: bool = False,
                 parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.service, self.undo, self.read_only = service, undo, read_only
        self.today = today or date.today()
        self.model = PAModel()
        self.slips = PayslipModel()
        intro = QLabel(_("The personal assistants you employ: their pay rates, checks and "
                         "payslips. CareLedger checks each rate against the minimum wage, "
                         "holiday, the workplace pension and the dates to keep, and says where "
                         "each rule comes from."))
        intro.setWordWrap(True)
        self.reminders = named(QLabel(), _("What needs doing for your PAs"))
        self.reminders.setWordWrap(True)
        self.add_button = self._button(_("&Add PA…"), _("Add a PA you employ"), self.add_pa)
        self.change_button = self._button(_("C&hange…"), _("Change the chosen PA's record"),
                                          self.change_pa)
        self.end_button = self._button(_("E&nd employment…"),
                                       _("Record the chosen PA's last day"), self.end_pa)
        self.remove_button = self._button(_("Re&move PA…"),
                                          _("Remove the chosen PA's record (added by mistake)"),
                                          self.remove_pa)
        self.payslip_button = self._button(_("Add pa&yslip…"),
                                           _("Add a payslip for the chosen PA"),
                                           self.add_payslip)
        self.change_slip_button = self._button(_("Change payslip…"),
                                               _("Change the chosen payslip"),
                                               self.change_payslip)
        self.remove_slip_button = self._button(_("Remove payslip…"),
                                               _("Remove the chosen payslip"),
                                               self.remove_payslip)
        self.employer_button = self._button(_("You as an e&mployer…"),
                                            _("Insurance and employer details"),
                                            self.edit_employer)
        buttons = FlowLayout().add_widgets(self.add_button, self.change_button,
                                           self.end_button, self.remove_button,
                                           self.payslip_button, self.employer_button)
        self.message = message_label()
        self.table = sorted_view(self.model, _("Your PAs"), Col.NAME, self)
        self._table_look(self.table)
        self.table.activated.connect(lambda _index: self.change_pa())
        self.slips_heading = QLabel()
        self.slip_table = sorted_view(self.slips, _("Payslips of the chosen PA, newest first"),
                                      SlipCol.PERIOD_END, self)
        self.slip_table.sortByColumn(SlipCol.PERIOD_END, Qt.SortOrder.DescendingOrder)
        self._table_look(self.slip_table)
        self.slip_table.activated.connect(lambda _index: self.change_payslip())
        slip_buttons = FlowLayout().add_widgets(self.change_slip_button,
                                                self.remove_slip_button)
        self.owed = named(QLabel(), _("Owed from payslips today"))
        self.owed.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reminders)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.slips_heading)
        layout.addWidget(self.slip_table, 2)
        layout.addLayout(slip_buttons)
        layout.addWidget(self.owed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_slips())
        self.slip_table.selectionModel().currentRowChanged.connect(
            lambda *_a: self._enable_slips())
        self._added: int | None = None
        self.refresh()

    @staticmethod
    def _button(text: str, name: str, slot: object) -> QPushButton:
        button = named(QPushButton(text), name)
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _table_look(table: QTableView) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        named(table.horizontalHeader(), _("Column headings"))

    # --- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.current_pa()
        self.model.set_rows(self.service.pas(), self.service.employer(), self.today)
        fit.size_columns(self.table)
        if self.model.rowCount():
            self.select(chosen.id if chosen else None)
        due = self.service.reminders(self.today)
        self.reminders.setText(reminder_text(due) or _("Nothing needs doing for your PAs "
                                                       "today."))
        problem = any(f.state is State.PROBLEM for f in due)
        self.reminders.setStyleSheet(WARNING_STYLE if problem else "")
        owed = self.service.owed(self.today)
        self.owed.setText(_("Owed from payslips today, after the payments linked to them: "
                            "wages {wages}; tax and National Insurance {hmrc}; pension "
                            "{pension}.").format(wages=format_money(owed.wages.pence),
                                                 hmrc=format_money(owed.hmrc.pence),
                                                 pension=format_money(owed.pension.pence)))
        self._show_slips()
        super().refresh()



    def select(self, pa_id: int | None) -> None:
        proxy = self.table.model()
        for row in range(proxy.rowCount()):
            source = proxy.mapToSource(proxy.index(row, 0))  # type: ignore[attr-defined]
            if pa_id is None or self.model.row_at(source.row()).id == pa_id:
                self.table.selectRow(row)
                return
        self.table.selectRow(0)

    def current_pa(self) -> PA | None:
        return chosen_row(self.table, self.model)

    def _show_slips(self) -> None:
        pa = self.current_pa()
        self.slips.set_rows(self.service.payslips(pa.id) if pa else [])
        self.slip_table.resizeColumnsToContents()
        self.slips_heading.setText(_("Payslips for {name}").format(name=pa.name) if pa
                                   else _("Choose a PA to see their payslips."))
        writable = not self.read_only
        for button in (self.change_button, self.end_button, self.remove_button,
                       self.payslip_button):
            button.setEnabled(writable and pa is not None)
        self.add_button.setEnabled(writable)
        self.employer_button.setEnabled(writable)
        self._enable_slips()

    def _enable_slips(self) -> None:
        chosen = not self.read_only and self.current_slip() is not None
        self.change_slip_button.setEnabled(chosen)
        self.remove_slip_button.setEnabled(chosen)

    def current_slip(self) -> Payslip | None:
        return chosen_row(self.slip_table, self.slips)

    # --- changing ---------------------------------------------------------------------------

    def _done(self) -> None:
        self.refresh()
        self.changed.emit()

    def add_pa(self) -> None:
        def save(draft: PADraft, _since: date | None) -> None:
            pa = self.undo.run(_("Add PA"), lambda: self.service.add(draft))
            self._added = pa.id

        self._added = None
        if PADialog(save, parent=self).exec():
            self._done()
            self.select(self._added)

    def change_pa(self) -> None:
        pa = self.current_pa()
        if pa is None or self.read_only:
            return

        def save(draft: PADraft, since: date | None) -> None:
            self.undo.run(_("Change PA"), lambda: self.service.change(pa.id, draft, since))

        if PADialog(save, pa, parent=self).exec():
            self._done()

    def end_pa(self) -> None:
        pa = self.current_pa()
        if pa is None or self.read_only:
            return
        dialog = EndDialog(pa, self)
        if pa.end:
            dialog.last_day.setDate(QDate(pa.end.year, pa.end.month, pa.end.day))
        if dialog.exec():
            on = to_date(dialog.last_day.date())
            self.undo.run(_("End employment"), lambda: self.service.end(pa.id, on))
            self._done()

    def remove_pa(self) -> None:
        pa = self.current_pa()
        if pa is None or self.read_only:
            return
        question = _("Remove the PA record of {name}? Use this for a record added by "
                     "mistake; for someone who has stopped working, record their last day "
                     "instead. Undo (Ctrl+Z) puts it back.").format(name=pa.name)
        if not confirmed(self, _("Remove PA"), question):
            return
        self._run(_("Remove PA"), lambda: self.service.remove(pa.id))

    def change_payslip(self) -> None:
        pa, slip = self.current_pa(), self.current_slip()
        if pa is None or slip is None or self.read_only:
            return

        def save(draft: PayslipDraft) -> None:
            self.undo.run(_("Change payslip"),
                          lambda: self.service.change_payslip(slip.id, draft))

        if PayslipDialog(pa, None, save, self, editing=slip).exec():
            self._done()

    def remove_payslip(self) -> None:
        slip = self.current_slip()
        if slip is None or self.read_only:
            return
        question = _("Remove the payslip for the period ending {date}? Payments set against "
                     "it are kept but no longer linked. Undo (Ctrl+Z) puts it back.").format(
            date=format_date(slip.draft.period_end))
        if not confirmed(self, _("Remove payslip"), question):
            return
        self._run(_("Remove payslip"), lambda: self.service.delete_payslip(slip.id))

    def _run(self, label: str, action: Callable[[], object]) -> None:
        try:
            self.undo.run(label, action)
        except DomainError as error:
            self.message.setText(str(error))
            self.message.show()
            return
        self.message.hide()
        self._done()

    def add_payslip(self) -> None:
        pa = self.current_pa()
        if pa is None or self.read_only:
            return
        slips = self.service.payslips(pa.id)

        def save(draft: PayslipDraft) -> None:
            self.undo.run(_("Add payslip"), lambda: self.service.add_payslip(draft))

        if PayslipDialog(pa, slips[-1] if slips else None, save, self).exec():
            self._done()

    def edit_employer(self) -> None:
        def save(details: EmployerDetails) -> None:
            self.undo.run(_("Change employer details"),
                          lambda: self.service.set_employer(details))

        if EmployerDialog(self.service.employer(), save, self).exec():
            self._done()
