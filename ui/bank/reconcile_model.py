"""Entries up to a statement's date, each with a tick for "on the statement"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt, Signal

from app.i18n import _, format_date, format_money
from app.services.reconcile import Candidate, Reconciliation
from ui.models.rows_model import RIGHT, SORT_ROLE, Index, RowsModel

Toggle = Callable[[int, bool], Reconciliation]  # (entry id, cleared) -> the new state


class Col(IntEnum):
    CLEARED = 0
    DATE = 1
    PAYEE = 2
    AMOUNT = 3


def column_titles() -> dict[Col, str]:
    return {Col.CLEARED: _("On statement"), Col.DATE: _("Date"), Col.PAYEE: _("Paid to or from"),
            Col.AMOUNT: _("Amount")}


class ReconcileModel(RowsModel[Candidate]):
    state_changed = Signal(object)  # a Reconciliation, after each tick

    def __init__(self, toggle: Toggle) -> None:
        super().__init__(column_titles())
        self._toggle = toggle
        self._locked = False

    def set_candidates(self, candidates: list[Candidate], locked: bool) -> None:
        self._locked = locked
        self._reset(candidates)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == Col.CLEARED and not self._locked \
                and not self._rows[index.row()].reconciled:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index)
        if row is None:
            return None
        col = Col(index.column())
        if role == Qt.ItemDataRole.CheckStateRole and col is Col.CLEARED:
            ticked = row.cleared or row.reconciled
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, col)
        if role == SORT_ROLE:
            return {Col.CLEARED: int(row.cleared), Col.DATE: row.on.toordinal(),
                    Col.PAYEE: row.payee, Col.AMOUNT: row.amount.pence}[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col is Col.AMOUNT:
            return RIGHT
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not (
                self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable):
            return False
        cleared = Qt.CheckState(value) == Qt.CheckState.Checked
        row = self._rows[index.row()]
        state = self._toggle(row.entry_id, cleared)
        self._rows[index.row()] = replace(row, cleared=cleared)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.state_changed.emit(state)
        return True

    def _display(self, row: Candidate, col: Col) -> str:
        if col is Col.CLEARED:
            return _("Reconciled") if row.reconciled else ""
        if col is Col.DATE:
            return format_date(row.on)
        if col is Col.PAYEE:
            return row.payee
        return format_money(row.amount.pence)
