"""Import a bank statement: choose the file and account, check every line (new, already in
your records, imported before, pending, cannot import), then import and see what was added."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.accounts import MAX_MATCH_DAYS, AccountKind
from app.domain.categories import Category
from app.domain.errors import DomainError
from app.i18n import _, format_date, format_money, ngettext
from app.importers.bank import ColumnMapping, NeedsMapping, UnreadableStatement
from app.importers.bank.mapping import role_label
from app.importers.bank.model import Signs
from app.importers.bank.reader import read_statement_bytes
from app.services.accounts import AccountsService
from app.services.bank_import import BankImportService, ImportPreview, ImportResult, RowStatus
from app.services.bank_preview import summary_text
from app.services.jobs import Cancelled
from app.services.payees import PayeeRulesService
from app.services.undo import UndoStack
from ui import fit
from ui.bank.category_delegate import CategoryDelegate
from ui.bank.column_mapping_dialog import ColumnMappingDialog
from ui.bank.import_preview_model import Col, ImportPreviewModel
from ui.bank.payee_rules_dialog import PayeeRulesDialog
from ui.jobs import run_job
from ui.models.rows_model import sorted_view

FILE_FILTER = "Bank statements (*.csv *.txt *.ofx *.qfx *.qif);;All files (*)"


class BankImportDialog(QDialog):
    imported = Signal(int)  # how many entries were added

    def __init__(self, service: BankImportService, undo_stack: UndoStack,
                 parent: QWidget | None = None, accounts: AccountsService | None = None,
                 rules: PayeeRulesService | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import a bank statement"))
        self._service = service
        self._undo = undo_stack
        self._accounts = accounts
        self._rules = rules
        self._file_name = ""
        self._data = b""
        self._mapping: ColumnMapping | None = None
        self._header: tuple[str, ...] = ()
        self._positive_in: bool | None = None  # None: the account's kind decides
        self.result_of_import: ImportResult | None = None
        categories = service.categories()
        self.model = ImportPreviewModel(categories, service.policy())
        self._build(categories)
        self._show_account()

    # --- layout ----------------------------------------------------------------------------

    def _build(self, categories: list[Category]) -> None:
        self.choose_button = QPushButton(_("&Choose file…"))
        self.choose_button.setAccessibleName(_("Choose a bank statement file"))
        self.choose_button.clicked.connect(self._choose)
        self.account_box = QComboBox()
        self.account_box.setAccessibleName(_("Account"))
        for account in self._service.accounts():
            self.account_box.addItem(account.name, account.id)
        self.account_box.currentIndexChanged.connect(lambda _i: self._account_changed())
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(_("What kind of account it is"))
        for kind in AccountKind:
            self.kind_box.addItem(kind.label(), kind.value)
        self.kind_box.setEnabled(self._accounts is not None)
        self.kind_box.activated.connect(lambda _i: self._kind_chosen())
        self.days_box = QSpinBox()
        self.days_box.setRange(0, MAX_MATCH_DAYS)
        self.days_box.setKeyboardTracking(False)
        self.days_box.setAccessibleName(_("Days apart a bank line and an entry may be"))
        self.days_box.setSuffix(_(" days"))
        self.days_box.setEnabled(self._accounts is not None)
        self.days_box.valueChanged.connect(lambda _v: self._days_chosen())
        self.map_button = QPushButton(_("&Which column is which…"))
        self.map_button.setAccessibleName(_("Say which column holds the date and amount"))
        self.map_button.setEnabled(False)
        self.map_button.clicked.connect(self._ask_mapping)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.map_button)
        top.addStretch(1)
        account_row = QHBoxLayout()  # a second row, so that large text still fits the screen
        for text, widget in ((_("&Account:"), self.account_box), (_("&Kind:"), self.kind_box),
                             (_("&Match dates up to:"), self.days_box)):
            label = QLabel(text)
            label.setBuddy(widget)
            account_row.addWidget(label)
            account_row.addWidget(widget)
        account_row.addStretch(1)

        self.spending_box = QCheckBox(_("&Positive amounts are spending (as card companies "
                                        "write them)"))
        self.spending_box.setAccessibleName(_("Positive amounts are spending"))
        self.spending_box.hide()
        self.spending_box.toggled.connect(self._signs_chosen)
        self.summary = QLabel(_("Choose a statement file to see what it holds."))
        self.summary.setAccessibleName(_("Import summary"))
        self.summary.setWordWrap(True)
        self.notes = QLabel("")
        self.notes.setAccessibleName(_("About this file"))
        self.notes.setWordWrap(True)
        self.table = self._table(categories)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setAccessibleName(_("Cancel the import"))
        self.rules_button = QPushButton(_("Payee &rules…"))
        self.rules_button.setAccessibleName(_("Payee rules"))
        self.rules_button.setEnabled(self._rules is not None)
        self.rules_button.clicked.connect(self._edit_rules)
        self.import_button = self.buttons.addButton(_("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName(_("Import the new lines"))
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self._commit)
        self.buttons.rejected.connect(self.reject)

        top.insertWidget(2, self.rules_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(account_row)
        layout.addWidget(self.spending_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(1000, 560)

    def _table(self, categories: list[Category]) -> QTableView:
        table = sorted_view(self.model, _("Statement lines"), Col.LINE, self)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        table.setItemDelegateForColumn(Col.CATEGORY, CategoryDelegate(categories, table))
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setAccessibleName(_("Column headings"))
        table.verticalHeader().hide()  # the Line column numbers them; hides the corner button
        return table

    # --- the account -----------------------------------------------------------------------

    def _account_changed(self) -> None:
        self._positive_in = None
        self._show_account()
        self._refresh()

    def _show_account(self) -> None:
        if self._accounts is None or self.account_box.currentData() is None:
            return
        account = self._accounts.get(self.account_box.currentData())
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(account.kind), 0))
        self.days_box.blockSignals(True)
        self.days_box.setValue(account.days_to_match)
        self.days_box.blockSignals(False)

    def _kind_chosen(self) -> None:
        kind = AccountKind(self.kind_box.currentData())
        self._change_account(_("Change account kind"), kind=kind)
        self._positive_in = None

    def _days_chosen(self) -> None:
        self._change_account(_("Change matching days"), match_days=self.days_box.value())

    def _change_account(self, label: str, kind: AccountKind | None = None,
                        match_days: int | None = None) -> None:
        accounts, account_id = self._accounts, self.account_box.currentData()
        if accounts is None or account_id is None:
            return
        try:
            self._undo.run(label, lambda: accounts.change(account_id, kind=kind,
                                                          match_days=match_days))
        except DomainError as error:
            self._show_error(str(error))
            return
        self._refresh()

    def _signs_chosen(self, spending: bool) -> None:
        self._positive_in = not spending
        self._refresh()

    # --- actions ---------------------------------------------------------------------------

    def _choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose a bank statement"), "",
                                                    FILE_FILTER)
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        try:
            self._data = read_statement_bytes(path)  # limited: never a device or a pipe
        except DomainError as error:
            self._show_error(str(error))
            return
        self._file_name = path.name
        self._mapping = None
        self._positive_in = None
        self._refresh()

    def _refresh(self) -> None:
        if not self._file_name or self.model.done:
            return
        data, name = self._data, self._file_name
        account, mapping, positive = (self.account_box.currentData(), self._mapping,
                                      self._positive_in)
        try:
            preview = run_job(self, _("Reading the bank statement"), lambda control:
                              self._service.preview(data, name, account, mapping,
                                                    control=control,
                                                    positive_is_money_in=positive))
        except NeedsMapping as error:
            self.model.set_preview(None)
            self._show_error(str(error))
            self.map_button.setEnabled(True)
            self._header = error.header
            self.notes.setText("")
            return
        except (UnreadableStatement, Cancelled) as error:
            self.model.set_preview(None)
            self._show_error(str(error))
            self.notes.setText("")
            return
        self._show_preview(preview)

    def _show_preview(self, preview: ImportPreview) -> None:
        self.model.set_preview(preview)
        self._header = preview.header
        self.map_button.setEnabled(preview.is_csv)
        self.spending_box.blockSignals(True)
        self.spending_box.setChecked(preview.reversed)
        self.spending_box.blockSignals(False)
        self.spending_box.setVisible(preview.signs is Signs.AMOUNT_COLUMN)
        self.summary.setText(summary_text(preview))
        self.notes.setText(notes_text(preview))
        self.import_button.setEnabled(preview.count(RowStatus.NEW)
                                      + preview.count(RowStatus.MATCHED) > 0)
        self._size_columns()

    def _size_columns(self) -> None:
        fit.size_columns(self.table)
        for column in (Col.BANK_TEXT, Col.PAYEE, Col.MATCH):  # long texts: keep the rest in view
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))

    def _ask_mapping(self) -> None:
        preview = self.model.preview
        dialog = ColumnMappingDialog(self._header, self, preview.roles if preview else ())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.mapping is not None:
            self.use_mapping(dialog.mapping)

    def use_mapping(self, mapping: ColumnMapping) -> None:
        """Read the file with the person's columns, and remember them for this header."""
        self._mapping = mapping
        self._refresh()
        if self.model.preview is not None:
            self._service.remember_mapping(self._header, mapping)

    def _edit_rules(self) -> None:
        if self._rules is None:
            return
        PayeeRulesDialog(self._rules, self._service.categories(), self._service.policy(),
                         self._undo, self).exec()
        self._refresh()  # the rules may name lines differently now

    def _commit(self) -> None:
        preview = self.model.preview
        if preview is None or self.model.done:
            return
        try:
            result = self._undo.run(_("Import bank statement"), lambda: run_job(
                self, _("Importing the bank statement"),
                lambda control: self._service.commit(preview, control=control)))
        except DomainError as error:
            self._show_error(str(error))
            return
        self.result_of_import = result
        self._show_done(preview, result)
        self.imported.emit(result.added)

    def _show_done(self, preview: ImportPreview, result: ImportResult) -> None:
        """What happened, and the lines added and matched."""
        self.model.show_done(preview)
        self.summary.setText(done_text(result))
        self.notes.setText(_("The lines below were added or matched. Close this window to see "
                             "them in your records."))
        self.import_button.hide()
        self.close_button.setText(_("&Close"))
        self.close_button.setAccessibleName(_("Close"))
        for widget in (self.choose_button, self.account_box, self.kind_box, self.days_box,
                       self.map_button, self.spending_box):
            widget.setEnabled(False)
        self._size_columns()
        self.table.setFocus()

    def _show_error(self, message: str) -> None:
        self.summary.setText(message)
        self.import_button.setEnabled(False)


def notes_text(preview: ImportPreview) -> str:
    """What the person should know about how the file was read."""
    notes = []
    if preview.to_check:
        notes.append(ngettext(
            "{n} line may be a payment already in your records: it is highlighted. Untick "
            "“Same as” if it is a different payment.",
            "{n} lines may be payments already in your records: they are highlighted. Untick "
            "“Same as” for any that are different payments.", preview.to_check).format(
                n=preview.to_check))
    if preview.columns:
        notes.append(_("The columns were recognised from the file ({columns}). If one is "
                       "wrong, use “Which column is which”.").format(
            columns=", ".join(_("{role}: “{name}”").format(role=role_label(role), name=name)
                              for role, name in preview.columns)))
    if preview.reversed:
        notes.append(_("On this account positive amounts are read as spending."))
    if preview.closing is not None:
        notes.append(_("The file says the balance was {balance} on {date}.").format(
            balance=format_money(preview.closing.balance.pence),
            date=format_date(preview.closing.on)))
    return " ".join(notes)


def done_text(result: ImportResult) -> str:
    text = _("Imported: {new} new, {matched} matched, {rejected} rejected.").format(
        new=result.added, matched=result.matched, rejected=result.rejected)
    if result.duplicates:
        text += " " + ngettext("{n} line was imported before.", "{n} lines were imported before.",
                               result.duplicates).format(n=result.duplicates)
    if result.pending:
        text += " " + ngettext("{n} line is still pending at the bank.",
                               "{n} lines are still pending at the bank.",
                               result.pending).format(n=result.pending)
    if result.learned:
        text += " " + ngettext("Remembered {n} payee rule.", "Remembered {n} payee rules.",
                               result.learned).format(n=result.learned)
    return text
