"""One profile's ledger: the summary at the top, the entries below, and the edit actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.entries import Entry, EntryDraft
from app.domain.errors import DomainError
from app.employer.checks_common import State
from app.i18n import _, active_locale, format_date, format_money
from app.services.context import ProfileContext
from app.services.ledger import ReconciledEntryChange
from app.services.profiles import DEMO_PASSPHRASE
from ui import fit
from ui.accessibility import named
from ui.bank.evidence_panel import EvidencePanel
from ui.bank.missing_evidence_dialog import MissingEvidenceDialog
from ui.bank.payee_rules_dialog import PayeeRulesDialog
from ui.dialogs.entry_dialog import EntryDialog
from ui.employer.reminder_text import reminder_text
from ui.flow_layout import FlowLayout
from ui.models.ledger_model import Col, LedgerModel
from ui.pages.summary_panel import SummaryPanel
from ui.text_size import emphasise
from ui.widgets import WARNING_STYLE


class LedgerPage(QWidget):
    entry_saved = Signal()
    entry_deleted = Signal()

    def __init__(self, ctx: ProfileContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ledger = ctx.ledger
        # One stack for every change made in this window: Ctrl+Z and Ctrl+Shift+Z.
        self.undo_stack = ctx.undo
        self.undo_stack.listeners.append(self._update_undo)
        self.categories = self.ledger.categories()
        names = {c.code: c.name(active_locale()) for c in self.categories}
        self.model = LedgerModel(self.ledger, names)

        info = ctx.info
        holder = self.ledger.holder()
        self.heading = named(QLabel(holder.name), _("Whose records these are"))
        emphasise(self.heading, 1.3)
        council = ", ".join(x for x in (holder.council_name, holder.council_reference) if x)
        self.council = QLabel(council)
        self.council.setVisible(bool(council))
        self.banner = named(QLabel(), _("About this profile"))
        self.banner.setWordWrap(True)
        if info.is_demo:
            self.banner.setText(_("This is a demo profile with made-up entries, so you can try "
                                  "things out. Its passphrase is “{passphrase}”.").format(
                                      passphrase=DEMO_PASSPHRASE))
            self.banner.setStyleSheet("background: #fff4ce; padding: 6px; color: #3b2f00")
        elif ctx.read_only:
            self.banner.setText(_("Another window is using this profile, so you can only read "
                                  "it here. Close the other window to make changes."))
        else:
            self.banner.hide()
        self.summary = SummaryPanel()
        self.pa_reminders = named(QLabel(), _("Reminders for your PAs"))
        self.pa_reminders.setWordWrap(True)
        self.pa_reminders.hide()

        self.add_button = named(QPushButton(_("&Add entry…")), _("Add entry"),
                                _("Record money paid out or in (Ctrl+N)."))
        self.edit_button = named(QPushButton(_("&Change…")), _("Change the chosen entry"))
        self.delete_button = named(QPushButton(_("De&lete")), _("Delete the chosen entry"))
        self.undo_button = named(QPushButton(_("&Undo")), _("Undo"))
        self.redo_button = named(QPushButton(_("&Redo")), _("Redo"))
        self.import_button = named(QPushButton(_("&Import bank statement…")),
                                   _("Import a bank statement"),
                                   _("Add the lines of a statement file from your bank."))
        self.missing_button = named(QPushButton(_("Receipts &missing…")),
                                    _("Payments without a receipt"),
                                    _("List payments that have no receipt or invoice."))
        self.reconcile_button = named(QPushButton(_("Chec&k against statement…")),
                                      _("Check against a bank statement"),
                                      _("Tick entries off against the bank's statement."))
        self.rules_button = named(QPushButton(_("Payee rul&es…")), _("Payee rules"),
                                  _("See, change or remove what imports remember about payees."))
        for button, slot in ((self.add_button, self.add_entry),
                             (self.edit_button, self.edit_current),
                             (self.delete_button, self.delete_current),
                             (self.undo_button, self.undo), (self.redo_button, self.redo),
                             (self.import_button, self.import_statement),
                             (self.missing_button, self.show_missing_receipts),
                             (self.reconcile_button, self.reconcile),
                             (self.rules_button, self.payee_rules)):
            button.clicked.connect(slot)
        # One row that wraps onto more lines at large text, in the order Tab reaches them.
        buttons = FlowLayout().add_widgets(
            self.add_button, self.edit_button, self.delete_button, self.undo_button,
            self.redo_button, self.missing_button, self.import_button, self.rules_button,
            self.reconcile_button)

        self.table = named(QTableView(), _("Ledger entries, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = named(self.table.horizontalHeader(), _("Column headings"))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._size_columns()
        self.table.activated.connect(lambda _index: self.edit_current())
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)

        QShortcut(QKeySequence.StandardKey.New, self, self.add_entry)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_current)
        QShortcut(QKeySequence("Ctrl+Z"), self, self.undo)
        QShortcut(QKeySequence("Ctrl+Shift+Z"), self, self.redo)

        self.evidence = EvidencePanel(ctx.evidence, self.undo_stack, read_only=ctx.read_only)
        self.evidence.changed.connect(self.refresh_summary)
        self.table.selectionModel().currentRowChanged.connect(self._show_evidence)
        fit.keep_rows(self.table, 6)
        splitter = fit.stack_when_large(QSplitter())
        splitter.addWidget(self.table)
        splitter.addWidget(self.evidence)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(FlowLayout().add_widgets(self.heading, self.council))
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addWidget(self.pa_reminders)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.refresh(reload=False)  # the model has just read the first page
        self._update_undo()

    # --- showing ---------------------------------------------------------------------------

    def _size_columns(self) -> None:
        """Widths from the font, not from the rows: measuring every loaded cell is slow on a
        long ledger. Names get about 30 characters; the note takes what is left. At 200% text
        the table scrolls sideways rather than squeezing names to nothing.
        """
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        pad = metrics.averageCharWidth() * 2
        widest_money = metrics.horizontalAdvance(format_money(-99_999_999))
        widths = {
            Col.DATE: metrics.horizontalAdvance(format_date(date(2026, 9, 28))) + pad,
            Col.PAYEE: metrics.averageCharWidth() * 30,
            # as wide as the longest category name (Welsh names are long), few as they are
            Col.CATEGORY: max([metrics.averageCharWidth() * 34] + [
                metrics.horizontalAdvance(c.name(active_locale())) + pad
                for c in self.categories]),
        }
        for col in (Col.MONEY_OUT, Col.MONEY_IN, Col.BALANCE):
            widths[col] = widest_money + pad
        for col, width in widths.items():
            title = self.model.headerData(col, Qt.Orientation.Horizontal)
            header.resizeSection(col, max(width, metrics.horizontalAdvance(title) + pad))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:
            self._size_columns()
        super().changeEvent(event)

    def refresh(self, reload: bool = True) -> None:
        if reload:
            self.model.reload()
        self.refresh_summary()
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update_buttons()
        self._show_evidence()

    def refresh_summary(self) -> None:
        self.summary.show_summary(self.ctx.summary.on(date.today()))
        self.show_pa_reminders(date.today())

    def show_pa_reminders(self, today: date) -> None:
        """Due reminders and failed checks about employing PAs (the first few)."""
        due = self.ctx.employer.reminders(today)
        self.pa_reminders.setVisible(bool(due))
        if due:
            self.pa_reminders.setText(_("For your PAs:") + "\n" + reminder_text(due, 3))
            self.pa_reminders.setStyleSheet(
                WARNING_STYLE if any(f.state is State.PROBLEM for f in due)
                else "background: #fff4ce; padding: 4px; color: #3b2f00")

    def _update_buttons(self) -> None:
        writable = not self.ctx.read_only
        has_row = self.table.currentIndex().isValid()
        for button in (self.add_button, self.import_button, self.reconcile_button,
                       self.rules_button):
            button.setEnabled(writable)
        self.edit_button.setEnabled(writable and has_row)
        self.delete_button.setEnabled(writable and has_row)
        self.evidence.setEnabled(has_row)  # read-only, documents are still seen and saved

    def _update_undo(self) -> None:
        undo, redo = self.undo_stack.undo_label, self.undo_stack.redo_label
        self.undo_button.setEnabled(undo is not None and not self.ctx.read_only)
        self.redo_button.setEnabled(redo is not None and not self.ctx.read_only)
        self.undo_button.setToolTip(_("Undo: {what}").format(what=undo) if undo else "")
        self.redo_button.setToolTip(_("Redo: {what}").format(what=redo) if redo else "")

    def _show_evidence(self) -> None:
        self.evidence.set_entry(self.current_entry_id())

    def current_entry_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.entry_at(index.row()).id if index.isValid() else None

    # --- editing ---------------------------------------------------------------------------

    def _entry_dialog(self, save: Callable[[EntryDraft], object],
                      entry: Entry | None = None) -> EntryDialog:
        return EntryDialog(self.ledger.policy(), self.ledger.plan_lines(), save, entry=entry,
                           parent=self)

    def add_entry(self) -> None:
        if self.ctx.read_only:
            return

        def save(draft: EntryDraft) -> None:
            self.undo_stack.run(_("Add entry"), lambda: self.ledger.add_entry(draft))

        if self._entry_dialog(save).exec():
            self.refresh()
            self.entry_saved.emit()

    def edit_current(self) -> None:
        entry_id = self.current_entry_id()
        if entry_id is None or self.ctx.read_only:
            return

        def save(draft: EntryDraft) -> None:
            self._run_confirmed(_("Change entry"), lambda yes: self.ledger.update_entry(
                entry_id, draft, confirmed=yes))

        entry = self.ledger.get_entry(entry_id)
        if self._entry_dialog(save, entry).exec():
            self.refresh()
            self.entry_saved.emit()

    def delete_current(self) -> None:
        entry_id = self.current_entry_id()
        if entry_id is None or self.ctx.read_only:
            return
        entry = self.ledger.get_entry(entry_id)
        question = _("Delete the entry for {payee}, {amount} on {date}? "
                     "The history will still show it was deleted.").format(
            payee=entry.payee, amount=format_money(entry.amount.pence),
            date=format_date(entry.on))
        if not self.confirm(question):
            return
        try:
            self._run_confirmed(_("Delete entry"), lambda yes: self.ledger.delete_entry(
                entry_id, confirmed=yes))
        except DomainError as error:
            QMessageBox.information(self, _("Delete entry"), str(error))
            return
        self.refresh()
        self.entry_deleted.emit()

    def _run_confirmed(self, label: str, change: Callable[[bool], object]) -> None:
        """Run a change; if it touches an entry checked against a statement, ask first."""
        try:
            self.undo_stack.run(label, lambda: change(False))
        except ReconciledEntryChange as question:
            if not self.confirm(str(question) + "\n\n" + _("Go ahead anyway?")):
                raise DomainError(_("Nothing was changed.")) from question
            self.undo_stack.run(label, lambda: change(True))

    def undo(self) -> None:
        self._step(self.undo_stack.undo)

    def redo(self) -> None:
        self._step(self.undo_stack.redo)

    def _step(self, action: Callable[[], str | None]) -> None:
        if self.ctx.read_only:
            return
        try:
            action()
        except DomainError as error:
            QMessageBox.information(self, _("Undo"), str(error))
        self.refresh()
        self.entry_saved.emit()

    def import_statement(self) -> None:
        if self.ctx.read_only:
            return
        from ui.bank.import_dialog import BankImportDialog  # on first use: not at open

        dialog = BankImportDialog(self.ctx.imports, self.undo_stack, self, self.ctx.accounts,
                                  self.ctx.payee_rules)
        added: list[int] = []
        dialog.imported.connect(lambda _n: added.extend(
            dialog.result_of_import.entry_ids if dialog.result_of_import else ()))
        dialog.exec()
        self.refresh()
        if added:
            self.reveal_entry(max(added))  # the newest of the lines just added
        self.entry_saved.emit()

    def payee_rules(self) -> None:
        if self.ctx.read_only:
            return
        PayeeRulesDialog(self.ctx.payee_rules, self.categories, self.ledger.policy(),
                         self.undo_stack, self).exec()

    def show_missing_receipts(self) -> None:
        rows = self.ctx.evidence.entries_without_evidence()
        dialog = MissingEvidenceDialog(rows, self)
        if dialog.exec() and dialog.chosen_entry_id is not None:
            self.reveal_entry(dialog.chosen_entry_id)

    def reveal_entry(self, entry_id: int) -> bool:
        """Select an entry, fetching pages until it is loaded; False if it is not there."""
        while True:
            for row in range(self.model.rowCount()):
                if self.model.entry_at(row).id == entry_id:
                    self.table.selectRow(row)
                    self.table.scrollTo(self.model.index(row, 0))
                    self.table.setFocus()
                    return True
            if not self.model.canFetchMore():
                return False
            self.model.fetchMore()

    def reconcile(self) -> None:
        from ui.bank.reconcile_dialog import ReconcileDialog  # on first use: not at open

        if self.ctx.read_only:
            return
        account_id = self.ctx.imports.account_id(None)
        ReconcileDialog(self.ctx.reconcile, account_id, self.undo_stack, self,
                        self.ctx.imports.accounts()).exec()
        self.refresh()

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, _("CareLedger"), question)
        return answer == QMessageBox.StandardButton.Yes
