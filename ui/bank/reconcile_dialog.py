"""Reconcile an account with a bank statement: tick what the statement shows until the
difference is zero, then lock those entries. Lines imported from the bank are ticked
already, the balance an imported file stated is filled in, and every entry up to a day can
be ticked at once."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.money import Money
from app.i18n import ParseError, _, format_date, format_money, parse_money, pence_to_plain
from app.services.bank_import import AccountChoice
from app.services.reconcile import Reconciliation, ReconciliationService, difference_in_words
from app.services.undo import UndoStack
from ui import fit
from ui.accessibility import label_for, named
from ui.bank.reconcile_model import Col, ReconcileModel
from ui.date_field import DateField
from ui.models.rows_model import sorted_view
from ui.widgets import to_date


class ReconcileDialog(QDialog):
    def __init__(self, service: ReconciliationService, account_id: int,
                 undo_stack: UndoStack, parent: QWidget | None = None,
                 accounts: list[AccountChoice] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Check against a bank statement"))
        self._service, self._account_id, self._undo = service, account_id, undo_stack
        self.state: Reconciliation | None = None
        self.model = ReconcileModel(self._toggle)
        self.model.state_changed.connect(self._show_state)
        self._build(accounts or [AccountChoice(account_id, "")])
        self._offer()

    def _build(self, accounts: list[AccountChoice]) -> None:
        self.account_box = QComboBox()
        for account in accounts:
            self.account_box.addItem(account.name, account.id)
        self.account_box.setCurrentIndex(max(self.account_box.findData(self._account_id), 0))
        self.account_box.currentIndexChanged.connect(lambda _i: self._account_chosen())
        self.date_edit = DateField(name=_("Statement closing date"))
        self.balance_edit = QLineEdit()
        self.balance_edit.setAccessibleName(_("Statement closing balance"))
        self.offered = named(QLabel(""), _("Balance from the imported file"))
        self.offered.setWordWrap(True)
        self.start_button = QPushButton(_("&Start"))
        self.start_button.setAccessibleName(_("Start checking this statement"))
        self.start_button.clicked.connect(self.start)
        form = QFormLayout()
        form.addRow(label_for(_("A&ccount:"), self.account_box), self.account_box)
        self.account_box.setVisible(len(accounts) > 1)
        form.labelForField(self.account_box).setVisible(len(accounts) > 1)
        form.addRow(_("Closing &date:"), self.date_edit)
        form.addRow(_("Closing &balance:"), self.balance_edit)
        form.addRow(self.offered)
        form.addRow(self.start_button)
        self.difference = QLabel(_("Enter the statement's closing date and balance."))
        self.difference.setAccessibleName(_("Difference"))
        self.difference.setWordWrap(True)
        self.up_to_edit = DateField(name=_("Tick every entry up to"))
        self.tick_button = named(QPushButton(_("&Tick them all")),
                                 _("Tick every entry up to this date"))
        self.tick_button.clicked.connect(self.tick_up_to)
        ticks = QHBoxLayout()
        ticks.addWidget(label_for(_("Tick every entry &up to:"), self.up_to_edit))
        ticks.addWidget(self.up_to_edit)
        ticks.addWidget(self.tick_button)
        ticks.addStretch(1)
        self.table = sorted_view(self.model, _("Entries to tick"), Col.DATE, self)
        self.table.horizontalHeader().setAccessibleName(_("Column headings"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
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
        layout.addLayout(ticks)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._enable_ticks(False)

    def _account_chosen(self) -> None:
        self._account_id = int(self.account_box.currentData())
        self._offer()

    def _offer(self) -> None:
        """Fill in the balance the latest imported statement file stated, saying so."""
        offered = self._service.offered(self._account_id)
        if offered is None:
            self.offered.setText("")
            self.offered.hide()
            return
        self.date_edit.setDate(QDate(offered.on.year, offered.on.month, offered.on.day))
        self.balance_edit.setText(pence_to_plain(offered.balance.pence))
        self.offered.setText(_("Filled in from the imported file “{file}”: {balance} on "
                               "{date}. Change them if your paper statement says otherwise.")
                             .format(file=offered.source,
                                     balance=format_money(offered.balance.pence),
                                     date=format_date(offered.on)))
        self.offered.show()

    def _enable_ticks(self, on: bool) -> None:
        for widget in (self.up_to_edit, self.tick_button):
            widget.setEnabled(on)

    def start(self) -> None:
        try:
            balance = Money(parse_money(self.balance_edit.text()))
            on = to_date(self.date_edit.date())
            account_id = self._account_id
            self.state = self._undo.run(_("Check against a statement"), lambda: self._service.start(
                account_id, on, balance))
        except (DomainError, ParseError) as error:
            self.difference.setText(str(error))
            return
        self.up_to_edit.setDate(self.date_edit.date())
        self.account_box.setEnabled(False)
        self._reload()

    def tick_up_to(self) -> None:
        if self.state is None:
            return
        rec_id = self.state.id
        last = to_date(self.up_to_edit.date())
        try:
            self._undo.run(_("Tick entries"), lambda: self._service.tick_up_to(rec_id, last))
        except DomainError as error:
            self.difference.setText(str(error))
            return
        self.state = self._service.get(rec_id)
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
        fit.size_columns(self.table)
        self._show_state(self.state)

    def _show_state(self, state: Reconciliation) -> None:
        self.state = state
        self.difference.setText(difference_in_words(state))
        self.lock_button.setEnabled(not state.locked and state.difference.pence == 0)
        self.start_button.setEnabled(False)
        self._enable_ticks(not state.locked)
