"""My providers with value for money: what was paid, hours delivered, cost an hour."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from app.domain.chosen_providers import ProviderKind, ValueForMoney
from app.i18n import _, format_date, format_money, format_number
from ui.models.rows_model import RIGHT, SORT_ROLE, Index, RowsModel

__all__ = ["SORT_ROLE", "Col", "MyProvidersModel"]


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


class MyProvidersModel(RowsModel[ValueForMoney]):
    def __init__(self) -> None:
        super().__init__(_titles())

    def set_rows(self, rows: list[ValueForMoney]) -> None:
        self._reset(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = self._row(index)
        if value is None:
            return None
        col = Col(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(value, col)
        if role == SORT_ROLE:
            return self._raw(value, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in _FIGURES:
            return RIGHT
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
            return value.provider.start.toordinal()  # a number: Qt may compare a date as text
        return MyProvidersModel._display(value, col).casefold()
