"""Payments with no receipt or invoice attached: what the council may ask about."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, format_date, format_money
from app.services.evidence import EntryWithoutEvidence
from ui import fit
from ui.accessibility import named
from ui.models.rows_model import RIGHT, Index, RowsModel


class Col(IntEnum):
    DATE = 0
    PAYEE = 1
    AMOUNT = 2


class MissingEvidenceModel(RowsModel[EntryWithoutEvidence]):
    def __init__(self, rows: list[EntryWithoutEvidence]) -> None:
        super().__init__({Col.DATE: _("Date"), Col.PAYEE: _("Paid to"), Col.AMOUNT: _("Amount")})
        self._reset(rows)

    def entry_id_at(self, row: int) -> int:
        return self.row_at(row).entry_id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index)
        if row is None:
            return None
        col = Col(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col is Col.DATE:
                return format_date(row.on)
            if col is Col.PAYEE:
                return row.payee
            return format_money(abs(row.amount_pence))
        if role == Qt.ItemDataRole.TextAlignmentRole and col is Col.AMOUNT:
            return RIGHT
        return None


class MissingEvidenceDialog(QDialog):
    """Lists the payments; "Go to entry" closes it with `chosen_entry_id` set."""

    def __init__(self, rows: list[EntryWithoutEvidence], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Payments without a receipt"))
        self.chosen_entry_id: int | None = None
        self.model = MissingEvidenceModel(rows)
        intro = QLabel(_("{n} payments have no receipt or invoice attached. Councils often ask "
                         "for one. Choose a payment and go to it to attach one.").format(
                             n=len(rows)) if rows else _("Every payment has a receipt attached."))
        intro.setWordWrap(True)
        self.table = named(QTableView(), _("Payments without a receipt"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        named(self.table.horizontalHeader(), _("Column headings"))
        fit.size_columns(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _index: self.go())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.go_button = named(buttons.addButton(_("&Go to entry"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole),
                               _("Go to the chosen payment"))
        named(buttons.button(QDialogButtonBox.StandardButton.Close), _("Close"))
        self.go_button.clicked.connect(self.go)
        buttons.rejected.connect(self.reject)
        self.go_button.setEnabled(bool(rows))
        if rows:
            self.table.selectRow(0)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 480)

    def go(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.chosen_entry_id = self.model.entry_id_at(index.row())
            self.accept()
