"""One week of the services log as a table: visits with planned and delivered hours."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from app.i18n import _, format_date, format_money
from app.services.services_log import Timesheet, Visit
from ui.models.rows_model import RIGHT, SORT_ROLE, Index, RowsModel

VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class Col(IntEnum):
    DATE = 0
    PROVIDER = 1
    PLANNED = 2
    DELIVERED = 3
    RATE = 4
    COST = 5
    NOTE = 6


_NUMBERS = {Col.PLANNED, Col.DELIVERED, Col.RATE, Col.COST}


def column_titles() -> dict[Col, str]:
    return {Col.DATE: _("Date"), Col.PROVIDER: _("Care from"), Col.PLANNED: _("Planned"),
            Col.DELIVERED: _("Delivered"), Col.RATE: _("Rate an hour"), Col.COST: _("Cost"),
            Col.NOTE: _("Note")}


def hours_text(minutes: int) -> str:
    return _("{h}h{m:02d}").format(h=minutes // 60, m=minutes % 60)


def note_text(visit: Visit) -> str:
    d = visit.draft
    flags = ([_("missed")] if d.missed else []) + ([_("late")] if d.late else [])
    return ", ".join([*flags, d.note] if d.note else flags)


class TimesheetModel(RowsModel[Visit]):
    def __init__(self) -> None:
        super().__init__(column_titles())

    def set_timesheet(self, sheet: Timesheet) -> None:
        self._reset(sheet.visits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        visit = self._row(index)
        if visit is None:
            return None
        col = Col(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(visit, col)
        if role == SORT_ROLE:
            return self._raw(visit, col)
        if role == VISIT_ID_ROLE:
            return visit.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in _NUMBERS:
            return RIGHT
        return None

    def _display(self, visit: Visit, col: Col) -> str:
        d = visit.draft
        return {
            Col.DATE: lambda: format_date(d.on), Col.PROVIDER: lambda: d.provider_name,
            Col.PLANNED: lambda: hours_text(d.planned_minutes),
            Col.DELIVERED: lambda: hours_text(d.delivered_minutes),
            Col.RATE: lambda: format_money(d.rate_pence),
            Col.COST: lambda: format_money(visit.cost.pence), Col.NOTE: lambda: note_text(visit),
        }[col]()

    def _raw(self, visit: Visit, col: Col) -> Any:
        d = visit.draft
        raw = {Col.DATE: d.on.toordinal(), Col.PLANNED: d.planned_minutes,
               Col.DELIVERED: d.delivered_minutes, Col.RATE: d.rate_pence,
               Col.COST: visit.cost.pence}
        return raw.get(col, self._display(visit, col))
