"""My providers with value for money: what was paid, hours delivered, cost an hour."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.chosen_providers import ProviderKind, ValueForMoney
from app.i18n import _, format_date, format_money, format_number

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class Col(IntEnum):
    NAME = 0
    KIND = 1
    AGREED_RATE = 2
    PAID = 3
    HOURS = 4
    COST_PER_HOUR = 5
    RATING = 6
    SINCE = 7


_FIGURES = {Col.AGREED_RATE, Col.PAID, Col.HOURS, Col.COST_PER_HOUR}


def _titles() -> dict[Col, str]:
    return {Col.NAME: _("Provider"), Col.KIND: _("Kind"), Col.AGREED_RATE: _("Agreed rate"),
            Col.PAID: _("Paid, last 12 months"), Col.HOURS: _("Hours delivered"),
            Col.COST_PER_HOUR: _("Cost an hour"), Col.RATING: _("CQC rating"),
            Col.SINCE: _("Since")}


def _kinds() -> dict[ProviderKind, str]:
    return {ProviderKind.AGENCY: _("Registered provider"), ProviderKind.PA: _("Personal assistant"),
            ProviderKind.LOCAL: _("Local provider")}


def _money(value: Any) -> str:
    return format_money(value.pence) if value is not None else "–"


class MyProvidersModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ValueForMoney] = []

    def set_rows(self, rows: list[ValueForMoney]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ValueForMoney:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _titles()[Col(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value, col = self._rows[index.row()], Col(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(value, col)
        if role == SORT_ROLE:
            return self._raw(value, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in _FIGURES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col is Col.COST_PER_HOUR:
            over = value.over_agreed_rate
            if over is not None and over.pence > 0:
                return _("{amount} an hour more than agreed").format(
                    amount=format_money(over.pence))
        return None

    @staticmethod
    def _display(value: ValueForMoney, col: Col) -> str:
        provider = value.provider
        if col is Col.NAME:
            return provider.name
        if col is Col.KIND:
            return _kinds().get(provider.kind, str(provider.kind))
        if col is Col.AGREED_RATE:
            return _money(value.agreed_hourly_rate)
        if col is Col.PAID:
            return format_money(value.paid.pence)
        if col is Col.HOURS:
            return format_number(value.hours_delivered) if value.hours_delivered else "–"
        if col is Col.COST_PER_HOUR:
            return _money(value.cost_per_hour)
        if col is Col.RATING:
            return value.rating or "–"
        return format_date(provider.start)

    @staticmethod
    def _raw(value: ValueForMoney, col: Col) -> Any:
        pence = {Col.AGREED_RATE: value.agreed_hourly_rate, Col.PAID: value.paid,
                 Col.COST_PER_HOUR: value.cost_per_hour}
        if col in pence:
            money = pence[col]
            return money.pence if money is not None else -1
        if col is Col.HOURS:
            return value.hours_delivered or 0
        if col is Col.SINCE:
            return value.provider.start
        return MyProvidersModel._display(value, col).casefold()
