"""One PA's payslips as a table, with what each still leaves owed."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from app.domain.money import Money
from app.employer.records import Part, Payslip
from app.i18n import _, format_date, format_money
from ui.models.rows_model import RIGHT, SORT_ROLE, Index, RowsModel

__all__ = ["SORT_ROLE", "Col", "PayslipModel"]


class Col(IntEnum):
    PERIOD_END = 0
    GROSS = 1
    NET = 2
    TAX_NI = 3
    PENSION = 4
    HOURS = 5
    HOLIDAY = 6
    OWED = 7


def _titles() -> dict[Col, str]:
    return {Col.PERIOD_END: _("Period ends"), Col.GROSS: _("Gross pay"), Col.NET: _("Net pay"),
            Col.TAX_NI: _("Tax and NI"), Col.PENSION: _("Pension"), Col.HOURS: _("Hours"),
            Col.HOLIDAY: _("Holiday hours"), Col.OWED: _("Still owed")}


def _owed(slip: Payslip) -> Money:
    return Money(sum(slip.outstanding(p).pence for p in Part))


def _hours(minutes: int | None) -> str:
    return "–" if minutes is None else f"{minutes / 60:.2f}".rstrip("0").rstrip(".")


class PayslipModel(RowsModel[Payslip]):
    def __init__(self) -> None:
        super().__init__(_titles())

    def set_rows(self, rows: list[Payslip]) -> None:
        self._reset(sorted(rows, key=lambda s: (s.draft.period_end, s.id), reverse=True))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        slip = self._row(index)
        if slip is None:
            return None
        col = Col(index.column())
        money = {Col.GROSS: slip.draft.gross, Col.NET: slip.draft.net,
                 Col.TAX_NI: slip.draft.hmrc, Col.PENSION: slip.draft.pension,
                 Col.OWED: _owed(slip)}
        minutes = {Col.HOURS: slip.draft.hours_minutes, Col.HOLIDAY: slip.draft.holiday_minutes}
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col is Col.PERIOD_END:
                return format_date(slip.draft.period_end)
            if col in money:
                return format_money(money[col].pence)
            return _hours(minutes[col])
        if role == SORT_ROLE:
            if col is Col.PERIOD_END:  # a day number: a Python date in a QVariant does not sort
                return slip.draft.period_end.toordinal()
            return money[col].pence if col in money else (minutes[col] or 0)
        if role == Qt.ItemDataRole.TextAlignmentRole and col is not Col.PERIOD_END:
            return RIGHT
        return None
