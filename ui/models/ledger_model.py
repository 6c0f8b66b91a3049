"""The ledger as a Qt table model: newest first, fetched a page at a time from the service."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.entries import Entry, LedgerRow
from app.i18n import _, format_date, format_money
from app.services.ledger import PAGE_SIZE, LedgerService

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class Col(IntEnum):
    # Money sits next to the name, so at large text sizes the figures stay in view.
    DATE = 0
    PAYEE = 1
    MONEY_OUT = 2
    MONEY_IN = 3
    BALANCE = 4
    CATEGORY = 5
    MEMO = 6


def column_titles() -> dict[Col, str]:
    return {
        Col.DATE: _("Date"), Col.PAYEE: _("Paid to or from"), Col.CATEGORY: _("Category"),
        Col.MONEY_IN: _("Money in"), Col.MONEY_OUT: _("Money out"),
        Col.BALANCE: _("Balance"), Col.MEMO: _("Note"),
    }


_MONEY_COLUMNS = {Col.MONEY_IN, Col.MONEY_OUT, Col.BALANCE}


class LedgerModel(QAbstractTableModel):
    def __init__(self, ledger: LedgerService, category_names: dict[str, str],
                 page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self._ledger = ledger
        self._names = category_names
        self._page_size = page_size
        self._rows: list[LedgerRow] = []
        self._texts: list[tuple[str, ...] | None] = []  # display text per row, made when asked
        self._exhausted = False
        self._titles = column_titles()
        self.reload()

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Start again from the newest entry (after any change)."""
        self.beginResetModel()
        self._rows = self._ledger.page(None, self._page_size)
        self._texts = [None] * len(self._rows)
        self._exhausted = len(self._rows) < self._page_size
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or not self._rows:
            return
        last = self._rows[-1]
        more = self._ledger.page((last.entry.on, last.entry.id), self._page_size,
                                 balance_above=last.balance - last.entry.amount)
        self._exhausted = len(more) < self._page_size
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self._texts.extend([None] * len(more))
            self.endInsertRows()

    # --- the model -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[Col(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = Col(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(index.row())[col]
        if role == SORT_ROLE:
            return self._raw(row, col)
        if role == ENTRY_ID_ROLE:
            return row.entry.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in _MONEY_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col in (Col.PAYEE, Col.CATEGORY, Col.MEMO):
            return self._text(index.row())[col] or None
        return None

    def entry_at(self, row: int) -> Entry:
        return self._rows[row].entry

    def _text(self, row: int) -> tuple[str, ...]:
        # Views ask for each cell many times (painting, accessibility); format a row once,
        # and only rows someone looks at.
        texts = self._texts[row]
        if texts is None:
            texts = tuple(self._display(self._rows[row], col) for col in Col)
            self._texts[row] = texts
        return texts

    def _display(self, row: LedgerRow, col: Col) -> str:
        e = row.entry
        if col is Col.DATE:
            return format_date(e.on)
        if col is Col.PAYEE:
            return e.payee
        if col is Col.CATEGORY:
            return self._names.get(e.category_code, e.category_code)
        if col is Col.MONEY_IN:
            return format_money(e.amount.pence) if e.amount.pence > 0 else ""
        if col is Col.MONEY_OUT:
            return format_money(-e.amount.pence) if e.amount.pence < 0 else ""
        if col is Col.BALANCE:
            return format_money(row.balance.pence)
        return e.memo

    @staticmethod
    def _raw(row: LedgerRow, col: Col) -> Any:
        e = row.entry
        raw: dict[Col, Any] = {
            Col.DATE: e.on, Col.PAYEE: e.payee.casefold(), Col.CATEGORY: e.category_code,
            Col.MONEY_IN: max(e.amount.pence, 0), Col.MONEY_OUT: max(-e.amount.pence, 0),
            Col.BALANCE: row.balance.pence, Col.MEMO: e.memo,
        }
        return raw[col]
