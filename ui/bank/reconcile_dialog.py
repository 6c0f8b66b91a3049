"""Reconcile an account with a bank statement: tick what the statement shows until the
difference is zero, then lock those entries."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.money import Money
from app.i18n import ParseError, _, format_money, parse_money
from app.services.reconcile import Reconciliation, ReconciliationService
from app.services.undo import UndoStack
from ui.bank.reconcile_model import Col, ReconcileModel
from ui.models.rows_model import sorted_view


class ReconcileDialog(QDialog):
    def __init__(self, service: ReconciliationService, account_id: int,
                 undo_stack: UndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Check against a bank statement"))
        self._service, self._account_id, self._undo = service, account_id, undo_stack
        self.state: Reconciliation | None = None
        self.model = ReconcileModel(self._toggle)
        self.model.state_changed.connect(self._show_state)
        self._build()

    def _build(self) -> None:
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setAccessibleName(_("Statement closing date"))
        self.balance_edit = QLineEdit()
        self.balance_edit.setAccessibleName(_("Statement closing balance"))
        self.start_button = QPushButton(_("&Start"))
        self.start_button.setAccessibleName(_("Start checking this statement"))
        self.start_button.clicked.connect(self.start)
        form = QFormLayout()
        form.addRow(_("Closing &date:"), self.date_edit)
        form.addRow(_("Closing &balance:"), self.balance_edit)
        form.addRow(self.start_button)
        self.difference = QLabel(_("Enter the statement's closing date and balance."))
        self.difference.setAccessibleName(_("Difference"))
        self.table = sorted_view(self.model, _("Entries to tick"), Col.DATE, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(_("Close"))
        self.lock_button = buttons.addButton(_("&Lock as reconciled"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.lock_button.setAccessibleName(_("Lock the ticked entries as reconciled"))
        self.lock_button.setEnabled(False)
        self.lock_button.clicked.connect(self.lock)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.difference)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def start(self) -> None:
        try:
            balance = Money(parse_money(self.balance_edit.text()))
            on: date = self.date_edit.date().toPython()  # type: ignore[assignment]
            self.state = self._undo.run(_("Check against a statement"), lambda: self._service.start(
                self._account_id, on, balance))
        except (DomainError, ParseError) as error:
            self.difference.setText(str(error))
            return
        self._reload()

    def lock(self) -> None:
        if self.state is None:
            return
        rec_id = self.state.id
        try:
            self._undo.run(_("Reconcile statement"), lambda: self._service.lock(rec_id))
        except DomainError as error:
            self.difference.setText(str(error))
            return
        self.state = self._service.get(self.state.id)
        self._reload()

    def _toggle(self, entry_id: int, cleared: bool) -> Reconciliation:
        assert self.state is not None
        rec_id = self.state.id
        return self._undo.run(_("Tick entry"),
                              lambda: self._service.set_cleared(rec_id, entry_id, cleared))

    def _reload(self) -> None:
        assert self.state is not None
        self.model.set_candidates(self._service.candidates(self.state.id), self.state.locked)
        self._show_state(self.state)

    def _show_state(self, state: Reconciliation) -> None:
        self.state = state
        if state.locked:
            self.difference.setText(_("Reconciled and locked."))
        elif state.difference.pence == 0:
            self.difference.setText(_("The difference is zero. You can lock these entries."))
        else:
            self.difference.setText(_("Difference: {diff}. Tick the entries on the statement.")
                                    .format(diff=format_money(state.difference.pence)))
        self.lock_button.setEnabled(not state.locked and state.difference.pence == 0)
        self.start_button.setEnabled(False)
