"""Import a bank statement: choose the file and account, check every line, then import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.i18n import _
from app.importers.bank import ColumnMapping, NeedsMapping, UnreadableStatement
from app.importers.bank.reader import read_statement_bytes
from app.services.bank_import import BankImportService, ImportResult, RowStatus
from app.services.jobs import Cancelled
from app.services.undo import UndoStack
from ui.bank.category_delegate import CategoryDelegate
from ui.bank.column_mapping_dialog import ColumnMappingDialog
from ui.bank.import_preview_model import Col, ImportPreviewModel
from ui.jobs import run_job
from ui.models.rows_model import sorted_view

FILE_FILTER = "Bank statements (*.csv *.txt *.ofx *.qfx *.qif);;All files (*)"


class BankImportDialog(QDialog):
    imported = Signal(int)  # how many entries were added

    def __init__(self, service: BankImportService, undo_stack: UndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import a bank statement"))
        self._service = service
        self._undo = undo_stack
        self._file_name = ""
        self._data = b""
        self._mapping: ColumnMapping | None = None
        self._header: tuple[str, ...] = ()
        self.result_of_import: ImportResult | None = None
        categories = service.categories()
        self.model = ImportPreviewModel(categories, service.policy())
        self._build(categories)

    # --- layout ----------------------------------------------------------------------------

    def _build(self, categories: list) -> None:  # type: ignore[type-arg]
        self.choose_button = QPushButton(_("&Choose file…"))
        self.choose_button.setAccessibleName(_("Choose a bank statement file"))
        self.choose_button.clicked.connect(self._choose)
        self.account_box = QComboBox()
        self.account_box.setAccessibleName(_("Account"))
        for account in self._service.accounts():
            self.account_box.addItem(account.name, account.id)
        self.account_box.currentIndexChanged.connect(lambda _i: self._refresh())
        account_label = QLabel(_("&Account:"))
        account_label.setBuddy(self.account_box)
        self.map_button = QPushButton(_("&Which column is which…"))
        self.map_button.setAccessibleName(_("Say which column holds the date and amount"))
        self.map_button.setEnabled(False)
        self.map_button.clicked.connect(self._ask_mapping)
        top = QHBoxLayout()
        for widget in (self.choose_button, account_label, self.account_box, self.map_button):
            top.addWidget(widget)
        top.addStretch(1)

        self.summary = QLabel(_("Choose a statement file to see what it holds."))
        self.summary.setAccessibleName(_("Import summary"))
        self.summary.setWordWrap(True)
        self.table = self._table(categories)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            _("Cancel the import"))
        self.import_button = self.buttons.addButton(_("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName(_("Import the new lines"))
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self._commit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 500)

    def _table(self, categories: list) -> QTableView:  # type: ignore[type-arg]
        table = sorted_view(self.model, _("Statement lines"), Col.LINE, self)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        table.setItemDelegateForColumn(Col.CATEGORY, CategoryDelegate(categories, table))
        table.horizontalHeader().setStretchLastSection(True)
        return table

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
        self._refresh()

    def _refresh(self) -> None:
        if not self._file_name:
            return
        data, name = self._data, self._file_name
        account, mapping = self.account_box.currentData(), self._mapping
        try:
            preview = run_job(self, _("Reading the bank statement"), lambda control:
                              self._service.preview(data, name, account, mapping,
                                                    control=control))
        except NeedsMapping as error:
            self.model.set_preview(None)
            self._show_error(str(error))
            self.map_button.setEnabled(True)
            self._header = error.header
            return
        except (UnreadableStatement, Cancelled) as error:
            self.model.set_preview(None)
            self._show_error(str(error))
            return
        self.model.set_preview(preview)
        new = preview.count(RowStatus.NEW)
        self.summary.setText(_("{new} new, {duplicates} duplicates, {rejected} rejected").format(
            new=new, duplicates=preview.count(RowStatus.DUPLICATE),
            rejected=preview.count(RowStatus.REJECTED)))
        self.import_button.setEnabled(new > 0)
        self.table.resizeColumnsToContents()
        for column in (Col.BANK_TEXT, Col.PAYEE):  # long bank texts: keep the rest in view
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))

    def _ask_mapping(self) -> None:
        dialog = ColumnMappingDialog(self._header, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.mapping is not None:
            self.use_mapping(dialog.mapping)

    def use_mapping(self, mapping: ColumnMapping) -> None:
        """Read the file with the person's columns, and remember them for this header."""
        self._mapping = mapping
        self._refresh()
        if self.model.preview is not None:
            self._service.remember_mapping(self._header, mapping)
            self.map_button.setEnabled(False)

    def _commit(self) -> None:
        preview = self.model.preview
        if preview is None:
            return
        try:
            result = self._undo.run(_("Import bank statement"), lambda: run_job(
                self, _("Importing the bank statement"),
                lambda control: self._service.commit(preview, control=control)))
            added = result.added
        except DomainError as error:
            self._show_error(str(error))
            return
        self.imported.emit(added)
        self.accept()

    def _show_error(self, message: str) -> None:
        self.summary.setText(message)
        self.import_button.setEnabled(False)
